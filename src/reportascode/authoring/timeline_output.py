"""The timeline as text, JSON or an iCalendar file (RFC 5545). Pure functions: a timeline in, text out."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from typing import Any

from reportascode.authoring.timeline import INTERNAL, OVERDUE, Step, Timeline
from reportascode.messages import message

TIMELINE_FORMATS = ("text", "json", "ics")


def _owners(step: Step, lang: str) -> str:
    parts = []
    for function, name in step.owners:
        label = message(f"timeline.owner.{function}", lang)
        parts.append(message("text.parenthesised", lang, {"text": label, "detail": name}) if name else label)
    return message("timeline.list_sep", lang).join(parts)


def _dates(step: Step) -> str:
    return step.start.isoformat() if step.start == step.end else f"{step.start.isoformat()}..{step.end.isoformat()}"


def _pad(text: str, width: int) -> str:
    shown = sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)
    return text + " " * max(0, width - shown)


def render_text(timeline: Timeline, lang: str) -> str:
    state = timeline.state
    lines = [message("timeline.header", lang, {"report": timeline.report, "year": timeline.year,
                                               "filing_year": timeline.year + 1,
                                               "today": timeline.today.isoformat()})]
    facts = [
        message("timeline.state.valid" if state.errors == 0 else "timeline.state.invalid", lang,
                {"errors": state.errors}),
        message("timeline.state.placeholders", lang, {"count": state.placeholders}),
        message("timeline.state.frozen" if state.frozen else "timeline.state.not_frozen", lang),
        message("timeline.state.signed" if state.signed else "timeline.state.not_signed", lang),
        message("timeline.state.submitted", lang, {"date": state.submitted.isoformat()}) if state.submitted
        else message("timeline.state.not_submitted", lang),
    ]
    lines.append(message("timeline.list_sep", lang).join(facts))
    lines.append("")
    for step in timeline.steps:
        mark = "!" if step.status == OVERDUE else " "
        kind = message(f"timeline.kind.{step.kind}", lang)
        status = message(f"timeline.status.{step.status}", lang)
        row = f"{mark} {_pad(_dates(step), 22)} {_pad(kind, 8)} {_pad(status, 12)} {step.title(lang)}"
        owners = _owners(step, lang)
        if owners:
            row += f" — {owners}"
        lines.append(row.rstrip())
        if step.note(lang):
            lines.append(f"  {' ' * 22} {' ' * 8} {' ' * 12} {step.note(lang)}")
    lines.append("")
    lines.append(message("timeline.footer_internal", lang))
    overdue = timeline.overdue
    lines.append(message("timeline.footer_overdue", lang, {"count": len(overdue)}) if overdue
                 else message("timeline.footer_ok", lang))
    return "\n".join(lines) + "\n"


def render_json(timeline: Timeline, lang: str) -> str:
    state = timeline.state
    payload: dict[str, Any] = {
        "version": 1,
        "report": timeline.report,
        "report_year": timeline.year,
        "filing_year": timeline.year + 1,
        "today": timeline.today.isoformat(),
        "state": {
            "errors": state.errors,
            "placeholders": state.placeholders,
            "valid": state.errors == 0,
            "frozen": state.frozen,
            "signed": state.signed,
            "submitted": state.submitted.isoformat() if state.submitted else None,
            "number_report_filed": state.number_report,
            "listed": state.listed,
        },
        "steps": [
            {
                "id": step.id,
                "kind": step.kind,
                "internal_practice": step.kind == INTERNAL,
                "title": step.title(lang),
                "start": step.start.isoformat(),
                "end": step.end.isoformat(),
                "status": step.status,
                "overdue": step.status == OVERDUE,
                "owners": [{"function": f, "name": n or None} for f, n in step.owners],
                "note": step.note(lang),
                "configured": step.configured,
            }
            for step in timeline.steps
        ],
        "summary": {"steps": len(timeline.steps), "overdue": len(timeline.overdue)},
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# --- iCalendar ----------------------------------------------------------------------------------------------

def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
            .replace("\n", "\\n"))


def _fold(line: str) -> str:
    """RFC 5545 §3.1: lines of at most 75 octets, continued with CRLF and one space; never inside a character."""
    pieces: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() and c.isascii() else "-" for c in text).strip("-").lower() or "report"


def render_ics(timeline: Timeline, lang: str, version: str = "") -> str:
    """All-day events, one per step. UIDs and DTSTAMP derive from the report (id, year), never from the clock,
    so the same repository gives the same file."""
    stamp = f"{timeline.year}1231T000000Z"
    name = message("timeline.ics_name", lang, {"report": timeline.report, "year": timeline.year})
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//reportascode//rac timeline {version}//{lang.upper()}".replace("  ", " "),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for step in timeline.steps:
        kind = message(f"timeline.kind.{step.kind}", lang)
        status = message(f"timeline.status.{step.status}", lang)
        description = [message("timeline.ics_status", lang, {"status": status})]
        owners = _owners(step, lang)
        if owners:
            description.append(message("timeline.ics_owners", lang, {"owners": owners}))
        if step.note(lang):
            description.append(step.note(lang))
        if step.kind == INTERNAL:
            description.append(message("timeline.footer_internal", lang))
        lines += [
            "BEGIN:VEVENT",
            f"UID:{step.id}.{_slug(timeline.report)}.{timeline.year}@reportascode",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{step.start.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(step.end + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_escape(f'[{kind}] {step.title(lang)}')}",
            f"DESCRIPTION:{_escape(chr(10).join(description))}",
            f"CATEGORIES:{'OFFICIAL' if step.kind != INTERNAL else 'INTERNAL'}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


RENDERERS = {"text": render_text, "json": render_json}
