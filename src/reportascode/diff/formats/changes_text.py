"""Diff as text for a terminal: one line per change, ``file pointer label: old → new (+delta, +percent%)``.

``+`` added, ``-`` removed, ``~`` changed, ``!`` changed beyond the year-on-year threshold. ANSI colours only when
asked for (the CLI asks when standard output is a terminal).
"""

from __future__ import annotations

from reportascode.diff.compare import Change
from reportascode.diff.formats.changes_common import (
    by_section,
    changes_of,
    leaves,
    movement,
    problem_text,
    show,
    summary_line,
    threshold_text,
)
from reportascode.diff.report import ReportDiff
from reportascode.messages import message

_COLOURS = {"+": "32", "-": "31", "~": "33", "!": "1;35", "?": "1;31", "head": "1"}


def _style(text: str, what: str, color: bool) -> str:
    return f"\x1b[{_COLOURS[what]}m{text}\x1b[0m" if color else text


def format_text(diff: ReportDiff, lang: str, color: bool = False) -> str:
    lines = [_style(f"{diff.a.label} → {diff.b.label}", "head", color)]
    if diff.yoy:
        lines.append(message("diff.yoy_note", lang, {"year_a": diff.years[0], "year_b": diff.years[1],
                                                    "threshold": threshold_text(diff)}))
    for name, files in by_section(diff):
        lines.append("")
        lines.append(_style(message(f"diff.section.{name}", lang), "head", color))
        for summary in files:
            for change in changes_of(diff, summary.file):
                lines.extend(_change_lines(diff, change, lang, color))
    if diff.problems:
        lines.append("")
        lines.extend(_style(f"? {problem_text(diff, p, lang)}", "?", color) for p in diff.problems)
    lines.append("")
    lines.append(summary_line(diff, lang))
    return "\n".join(lines) + "\n"


def _change_lines(diff: ReportDiff, change: Change, lang: str, color: bool) -> list[str]:
    head = f"{change.file} {change.pointer or '/'} {change.label(lang)}"
    if change.kind == "changed":
        mark = "!" if change.marked else "~"
        text = f"{mark} {head}: {show(change.old)} → {show(change.new)}"
        moved = movement(change)
        if moved:
            text += f" ({moved})"
        if change.marked:
            text += f"  [{message('diff.yoy_mark', lang, {'threshold': threshold_text(diff)})}]"
        return [_style(text, mark, color)]
    mark = "+" if change.kind == "added" else "-"
    value = change.new if change.kind == "added" else change.old
    sub = leaves(change)
    if not sub:
        return [_style(f"{mark} {head}: {show(value)}", mark, color)]
    lines = [_style(f"{mark} {head}", mark, color)]
    for pointer, leaf in sub:
        title = diff.leaf_title(change.file, pointer, lang)
        lines.append(_style(f"    {pointer} {title}: {show(leaf)}", mark, color))
    return lines
