"""What the diff formatters share: values, deltas and the grouping of changes by section and file."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from reportascode.diff.compare import Change
from reportascode.diff.report import FileSummary, ReportDiff
from reportascode.messages import message
from reportascode.model.keys import section
from reportascode.model.loader import iter_leaves
from reportascode.model.values import Number, encode, number_text

SECTIONS = ("stock", "flow")


def show(value: Any) -> str:
    """A value on one line, as JSON (so ``"33"`` and ``33`` differ, and an empty string is visible)."""
    return encode(value)


def signed(value: Number | Decimal) -> str:
    text = number_text(value)
    return text if text.startswith("-") else f"+{text}"


def movement(change: Change) -> str:
    """``+110, +22.0%``; ``+80`` when the old value was 0; empty for non-numbers."""
    if change.delta is None:
        return ""
    if change.percent is None:
        return signed(change.delta)
    return f"{signed(change.delta)}, {signed(change.percent)}%"


def threshold_text(diff: ReportDiff) -> str:
    return number_text(diff.threshold)


def leaves(change: Change) -> list[tuple[str, Any]]:
    """The scalar leaves of an added or removed mapping or list, with their pointers (empty for a scalar)."""
    value = change.new if change.kind == "added" else change.old
    if not isinstance(value, (dict, list)):
        return []
    return list(iter_leaves(value, change.pointer))


def by_section(diff: ReportDiff) -> Iterator[tuple[str, list[FileSummary]]]:
    files = diff.files()
    for name in SECTIONS:
        members = [f for f in files if f.section == name]
        if members:
            yield name, members


def changes_of(diff: ReportDiff, file: str) -> list[Change]:
    return [c for c in diff.changes if c.file == file]


def section_of(file: str) -> str:
    return section(file.rsplit("/", 1)[-1].rsplit(".", 1)[0])


def summary_line(diff: ReportDiff, lang: str) -> str:
    if not diff.differs:
        return message("diff.no_changes", lang)
    text = message("diff.summary", lang, {
        "files": len(diff.files()), "added": diff.count("added"), "removed": diff.count("removed"),
        "changed": diff.count("changed"),
    })
    marked = sum(1 for c in diff.changes if c.marked)
    if diff.yoy:
        text += message("diff.summary_marked", lang, {"marked": marked, "threshold": threshold_text(diff)})
    if diff.problems:
        text += message("diff.summary_problems", lang, {"problems": len(diff.problems)})
    return text


def problem_text(diff: ReportDiff, problem: Any, lang: str) -> str:
    source = diff.a if problem.side == "a" else diff.b
    return message("diff.unreadable", lang, {
        "file": problem.file, "side": problem.side.upper(), "source": source.label, "line": problem.line,
        "column": problem.column, "detail": message(problem.message_key, lang, dict(problem.args)),
    })
