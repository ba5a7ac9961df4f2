"""Text, markdown and JSON for the audit commands (log, blame, verify). Returns strings; prints nothing."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from reportascode.messages import message
from reportascode.model import escape
from reportascode.model.values import canonical

if TYPE_CHECKING:  # types only: each command imports just the history module it runs
    from reportascode.diff.compare import Change
    from reportascode.history.blame import BlameEntry
    from reportascode.history.git import Commit
    from reportascode.history.lock import VerifyResult
    from reportascode.history.log import LogEntry


def _commit(commit: Commit) -> dict[str, Any]:
    return {"commit": commit.sha, "author": commit.author, "email": commit.email, "date": commit.date,
            "message": commit.subject + (f"\n\n{commit.body}" if commit.body else "")}


def _value(value: Any) -> Any:
    return None if value is None else json.loads(canonical(value)) if not isinstance(value, str) else value


def _change(change: Change) -> dict[str, Any]:
    entry: dict[str, Any] = {"file": change.file, "pointer": change.pointer, "kind": change.kind}
    if change.kind != "added":
        entry["old"] = _value(change.old)
    if change.kind != "removed":
        entry["new"] = _value(change.new)
    return entry


def log_json(entries: list[LogEntry]) -> str:
    data = [{**_commit(e.commit), "reformat_only": e.reformat_only, "unparseable": e.unparseable,
             "changes": [_change(c) for c in e.changes]} for e in entries]
    return json.dumps({"version": 1, "commits": data}, ensure_ascii=False, indent=2) + "\n"


def _change_line(change: Change, lang: str) -> str:
    where = f"{change.file}#{change.pointer}" if change.pointer else change.file
    if not change.pointer and change.kind in ("added", "removed"):
        return f"  {'+' if change.kind == 'added' else '-'} {change.file} ({change.kind} file)"
    if change.kind == "added":
        return f"  + {where} = {canonical(change.new)}"
    if change.kind == "removed":
        return f"  - {where} (was {canonical(change.old)})"
    return f"  ~ {where}: {canonical(change.old)} → {canonical(change.new)}"


def log_text(entries: list[LogEntry], lang: str, markdown: bool = False) -> str:
    lines: list[str] = []
    for entry in entries:
        c = entry.commit
        safe = escape.markdown if markdown else escape.terminal
        head = f"{c.short} {c.date} {safe(c.author)} {safe(f'<{c.email}>')}  {safe(c.subject)}"
        lines.append(f"### {head}" if markdown else head)
        if entry.reformat_only:
            lines.append(f"  ({message('log.reformat_only', lang)})")
        lines += [safe(_change_line(ch, lang)) for ch in entry.changes]
        lines += [safe(f"  ! {name}: unparseable in this version") for name in entry.unparseable]
        lines.append("")
    if not entries:  # say so: an empty comment or page reads as a failure
        lines.append(message("log.no_changes", lang) + "\n")
    return "\n".join(lines)


def blame_json(entries: list[BlameEntry]) -> str:
    data = [{"pointer": e.pointer, "value": _value(e.value),
             **(_commit(e.commit) if e.commit else {"commit": None, "uncommitted": True})} for e in entries]
    return json.dumps({"version": 1, "fields": data}, ensure_ascii=False, indent=2) + "\n"


def blame_text(entries: list[BlameEntry], lang: str) -> str:
    width = max((len(e.pointer) for e in entries), default=0)
    lines = []
    for e in entries:
        who = (f"{e.commit.short} {e.commit.date[:10]} {escape.terminal(e.commit.author)}  "
               f"{escape.terminal(e.commit.subject)}" if e.commit
               else message("blame.uncommitted", lang))
        lines.append(f"{e.pointer.ljust(width)}  {canonical(e.value)}  {who}")
    return "\n".join(lines) + "\n"


def verify_text(result: VerifyResult, report: str, commit: str, date: str, lang: str) -> str:
    lines = [message(key, lang, args) for key, args in result.problems]
    for change in result.changes:
        mark = "corrected" if change.corrected else "CHANGED"
        lines.append(f"{mark} {change.file}#{change.pointer}: {canonical(change.old)} → {canonical(change.new)}")
    for path, authors in result.authors.items():
        lines += [f"  {path}: {a}" for a in authors]
    if result.intact and not result.changes:
        lines.append(message("verify.intact", lang, {"report": report, "commit": commit[:10], "date": date[:10]}))
    elif result.changes:
        uncorrected = sum(1 for c in result.changes if not c.corrected)
        lines.append(message("verify.changed", lang, {"report": report, "count": len(result.changes),
                                                      "uncorrected": uncorrected}))
    return "\n".join(lines) + "\n"
