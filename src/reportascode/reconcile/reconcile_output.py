"""The output of ``rac reconcile``: per report the discrepancy table (field, report value, evidence value, 差异率,
tolerance, verdict), then the findings, as text, JSON or Markdown."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from reportascode.messages import message
from reportascode.model.findings import Finding
from reportascode.reconcile import ReconciliationResult
from reportascode.reconcile.table import ABSOLUTE, TableRow
from reportascode.validate.formats.findings_common import finding_message
from reportascode.validate.formats.findings_json import JSON_VERSION, finding_dict

COLUMNS = ("field", "report", "evidence", "diff_rate", "tolerance", "verdict")


def number(value: Decimal | None) -> int | float | None:
    """A table value for JSON: counts as integers, rates rounded to six places."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(round(value, 6))


def show_value(value: Decimal | None) -> str:
    if value is None:
        return "—"
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,.4f}"


def show_rate(row: TableRow) -> str:
    rate = row.diff_rate
    if rate is None:
        return "—" if row.report_value is None or row.tolerance_kind == ABSOLUTE else "∞"
    return f"{rate * 100:+.2f}%"


def show_tolerance(row: TableRow) -> str:
    if row.tolerance_kind == ABSOLUTE:
        limit = show_value(row.tolerance)
        return f"≤{limit}" if row.report_value is None else f"±{limit}"
    percent = f"{row.tolerance * 100:.2f}".rstrip("0").rstrip(".")
    return f"±{percent}%"


def cells(row: TableRow, lang: str) -> list[str]:
    return [row.label(lang), show_value(row.report_value), show_value(row.evidence_value), show_rate(row),
            show_tolerance(row), message(f"reconcile.verdict.{row.verdict}", lang)]


def summary(results: Sequence[ReconciliationResult]) -> dict[str, int]:
    return {
        "reports": len(results),
        "rows": sum(len(r.rows) for r in results),
        "exceeding": sum(len(r.exceeding) for r in results),
        "errors": sum(r.errors for r in results),
        "warnings": sum(r.warnings for r in results),
        "infos": sum(r.infos for r in results),
        "waived": sum(r.waived for r in results),
    }


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - _width(text))
    return space + text if right else text + space


def _finding_line(finding: Finding, lang: str) -> str:
    if finding.waived_by is not None:
        waived = message("finding.waived_word", lang)
        return (f"{finding.file}:{finding.line}:{finding.column}: {waived} {finding.rule} "
                f"{finding_message(finding, lang)} [{finding.waived_by}]")
    return (f"{finding.file}:{finding.line}:{finding.column}: {finding.severity.value} {finding.rule} "
            f"{finding_message(finding, lang)}")


def _files(result: ReconciliationResult, lang: str) -> list[str]:
    lines = []
    for evidence in result.evidence:
        key = "reconcile.file" if evidence.complete else "reconcile.file_incomplete"
        lines.append(message(key, lang, {"file": evidence.file, "rows": evidence.rows, "bad": evidence.bad_rows}))
    if result.missing:
        lines.append(message("reconcile.missing", lang, {"kinds": ", ".join(result.missing)}))
    return lines


def format_text(results: Sequence[ReconciliationResult], lang: str) -> str:
    out: list[str] = []
    for result in results:
        if not result.has_evidence:
            out.append(message("reconcile.no_evidence", lang, {"report": result.report}))
            continue
        out.append(message("reconcile.heading", lang, {"report": result.report}))
        table = [[message(f"reconcile.column.{c}", lang) for c in COLUMNS]]
        table += [cells(row, lang) for row in result.rows]
        widths = [max(_width(line[i]) for line in table) for i in range(len(COLUMNS))]
        for line in table:
            out.append("  ".join(_pad(cell, widths[i], 0 < i < 5) for i, cell in enumerate(line)).rstrip())
        out.append(message("reconcile.note", lang))
        out.extend(_files(result, lang))
        out.append("")
    findings = sorted((f for r in results for f in r.findings), key=lambda f: f.waived_by is not None)
    out.extend(_finding_line(f, lang) for f in findings)
    out.append(message("reconcile.summary", lang, summary(results)))
    return "\n".join(out) + "\n"


def row_dict(row: TableRow, lang: str) -> dict[str, Any]:
    rate = row.diff_rate
    return {
        "rule": row.rule,
        "field": row.field,
        "label": row.label(lang),
        "file": row.file,
        "pointer": row.pointer,
        "evidence_file": row.evidence_file,
        "report_value": number(row.report_value),
        "evidence_value": number(row.evidence_value),
        "diff_rate": None if rate is None else float(round(rate, 6)),
        "tolerance": number(row.tolerance),
        "tolerance_kind": row.tolerance_kind,
        "verdict": row.verdict,
    }


def format_json(results: Sequence[ReconciliationResult], lang: str) -> str:
    findings = [f for r in results for f in r.findings]
    document = {
        "version": JSON_VERSION,
        "reports": [{
            "report": r.report,
            "has_evidence": r.has_evidence,
            "table": [row_dict(row, lang) for row in r.rows],
            "evidence": [{"kind": e.kind, "file": e.file, "rows": e.rows, "bad_rows": e.bad_rows,
                          "complete": e.complete} for e in r.evidence],
            "missing": r.missing,
        } for r in results],
        "findings": [finding_dict(f, lang) for f in findings if f.waived_by is None],
        "waived": [finding_dict(f, lang) for f in findings if f.waived_by is not None],
        "summary": summary(results),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def format_markdown(results: Sequence[ReconciliationResult], lang: str) -> str:
    out: list[str] = []
    for result in results:
        if not result.has_evidence:
            out += [f"### {_md(message('reconcile.no_evidence', lang, {'report': result.report}))}", ""]
            continue
        out += [f"### {_md(message('reconcile.heading', lang, {'report': result.report}))}", ""]
        out.append("| " + " | ".join(message(f"reconcile.column.{c}", lang) for c in COLUMNS) + " |")
        out.append("|---|---:|---:|---:|---:|---|")
        for row in result.rows:
            line = cells(row, lang)
            if not row.ok:
                line[-1] = f"**{line[-1]}**"
            out.append("| " + " | ".join(_md(c) for c in line) + " |")
        out += ["", f"_{message('reconcile.note', lang)}_", ""]
        out += [f"- {_md(line)}" for line in _files(result, lang)]
        out.append("")
    findings = [f for r in results for f in r.findings]
    if findings:
        out += [f"#### {message('reconcile.findings', lang)}", ""]
        out += [f"- `{f.file}:{f.line}:{f.column}` **{f.severity.value if f.waived_by is None else 'waived'}** "
                f"{f.rule} {_md(finding_message(f, lang))}" for f in findings]
        out.append("")
    out.append(message("reconcile.summary", lang, summary(results)))
    return "\n".join(out) + "\n"


FORMATS: dict[str, Callable[[Sequence[ReconciliationResult], str], str]] = {
    "text": format_text,
    "json": format_json,
    "markdown": format_markdown,
}
