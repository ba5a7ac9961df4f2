"""Text, markdown and JSON for the audit commands (log, blame, verify). Returns strings; prints nothing."""

from __future__ import annotations

import json
import math
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
    if value is None or isinstance(value, (str, int)):  # bool is an int: each is its own JSON already
        return value
    return json.loads(canonical(value))


def _indented(value: Any, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, the same text, without json's pure-Python indenting
    encoder (thousands of log entries: most of a warm ``rac log``'s time), for a value standing at ``level``.
    Exact types are written here; anything else (a subclass, a key that is not a string) by json itself."""
    kind = type(value)
    if kind is str:
        return _string(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is float and math.isfinite(value):
        return float.__repr__(value)
    if not value and (kind is list or kind is dict):
        return "[]" if kind is list else "{}"
    inner = "\n" + "  " * (level + 1)
    if kind is dict and value and all(type(k) is str for k in value):
        items = [f"{_string(k)}: {_indented(v, level + 1)}" for k, v in value.items()]
        return "{" + inner + ("," + inner).join(items) + "\n" + "  " * level + "}"
    if kind is list and value:
        return "[" + inner + ("," + inner).join([_indented(v, level + 1) for v in value]) + "\n" + "  " * level + "]"
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


_string = json.encoder.encode_basestring


def _change(change: Change) -> dict[str, Any]:
    entry: dict[str, Any] = {"file": change.file, "pointer": change.pointer, "kind": change.kind}
    if change.kind != "added":
        entry["old"] = _value(change.old)
    if change.kind != "removed":
        entry["new"] = _value(change.new)
    return entry


def log_data(entries: list[LogEntry]) -> dict[str, Any]:
    """The data ``rac log --format json`` writes (:func:`log_json` writes it without building it)."""
    return {"version": 1, "commits": [{**_commit(e.commit), "reformat_only": e.reformat_only,
                                       "unparseable": e.unparseable, "changes": [_change(c) for c in e.changes]}
                                      for e in entries]}


def log_json(entries: list[LogEntry]) -> str:
    """``json.dumps(log_data(entries), ensure_ascii=False, indent=2)`` plus a newline, the same text, written
    entry by entry at the places the log's fixed layout puts them (a test compares the two)."""
    return log_json_document(log_json_entries(entries))


def log_json_entries(entries: list[LogEntry]) -> list[str]:
    """Each entry's object as :func:`log_json` places it in the document (the history cache keeps them, so that
    a warm ``rac log --format json`` writes the entries it read without making them again)."""
    parts = []
    for entry in entries:
        c = entry.commit
        message = c.subject + (f"\n\n{c.body}" if c.body else "")
        unparseable = _indented(entry.unparseable, 3)
        changes = ("[\n        " + ",\n        ".join([_change_json(change) for change in entry.changes])
                   + "\n      ]") if entry.changes else "[]"
        parts.append(f'{{\n      "commit": {_string(c.sha)},\n      "author": {_string(c.author)},\n'
                     f'      "email": {_string(c.email)},\n      "date": {_string(c.date)},\n'
                     f'      "message": {_string(message)},\n'
                     f'      "reformat_only": {"true" if entry.reformat_only else "false"},\n'
                     f'      "unparseable": {unparseable},\n'
                     f'      "changes": {changes}\n    }}')
    return parts


LOG_JSON_SEPARATOR = ",\n    "  # between two entries' objects in the document of log_json


def log_json_document(entries: list[str]) -> str:
    """The document of :func:`log_json` around its entries' objects (:func:`log_json_entries`) in order, or
    around runs of them already joined by ``LOG_JSON_SEPARATOR`` (none empty)."""
    if not entries:
        return _indented(log_data([])) + "\n"
    return '{\n  "version": 1,\n  "commits": [\n    ' + LOG_JSON_SEPARATOR.join(entries) + "\n  ]\n}\n"


def _change_json(change: Change) -> str:
    """One change as :func:`log_json` places it (an object at level 4 of the document)."""
    text = (f'{{\n          "file": {_string(change.file)},\n          "pointer": {_string(change.pointer)},\n'
            f'          "kind": {_string(change.kind)}')
    if change.kind != "added":
        text += f',\n          "old": {_indented(_value(change.old), 5)}'
    if change.kind != "removed":
        text += f',\n          "new": {_indented(_value(change.new), 5)}'
    return text + "\n        }"


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
    return _indented({"version": 1, "fields": data}) + "\n"


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
