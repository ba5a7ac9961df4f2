"""Diff as Markdown for a pull-request comment: a summary table (file | added | removed | changed), then the
changes of each file in a collapsible ``<details>`` block. Report text is escaped, so data cannot inject HTML
or break a table."""

from __future__ import annotations

import html

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

_MARKDOWN_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]|~"})


def cell(text: str) -> str:
    """Plain text for a table cell: HTML and Markdown characters escaped, line breaks as ``<br>``."""
    escaped = html.escape(text, quote=False).translate(_MARKDOWN_SPECIAL)
    return escaped.replace("\r\n", "\n").replace("\n", "<br>")


def code(text: str) -> str:
    if "`" in text or "|" in text or "\n" in text:
        return cell(text)
    return f"`{text}`"


def format_markdown(diff: ReportDiff, lang: str, color: bool = False) -> str:
    def m(key: str, **args: object) -> str:
        return message(key, lang, args)

    out = [f"### {m('diff.md.title')}: {code(diff.a.label)} → {code(diff.b.label)}", ""]
    if diff.yoy:
        out += [cell(m("diff.yoy_note_md", year_a=diff.years[0], year_b=diff.years[1],
                       threshold=threshold_text(diff))), ""]
    if not diff.differs:
        out.append(cell(summary_line(diff, lang)))
        return "\n".join(out) + "\n"

    out.append(f"| {m('diff.md.section')} | {m('diff.md.file')} | {m('diff.md.added')} | {m('diff.md.removed')} "
               f"| {m('diff.md.changed')} |")
    out.append("| --- | --- | ---: | ---: | ---: |")
    for name, files in by_section(diff):
        for f in files:
            out.append(f"| {m(f'diff.section_short.{name}')} | {code(f.file)} | {f.added} | {f.removed} "
                       f"| {f.changed} |")
    out.append(f"| **{m('diff.md.total')}** | | **{diff.count('added')}** | **{diff.count('removed')}** "
               f"| **{diff.count('changed')}** |")
    out += ["", cell(summary_line(diff, lang))]

    for name, files in by_section(diff):
        out += ["", f"#### {cell(m(f'diff.section.{name}'))}"]
        for f in files:
            counts = m("diff.md.counts", added=f.added, removed=f.removed, changed=f.changed)
            out += ["", "<details>", f"<summary><code>{html.escape(f.file)}</code>: {html.escape(counts)}</summary>",
                    ""]
            out.append(f"| {m('diff.md.kind')} | {m('diff.md.field')} | {m('diff.md.pointer')} | {m('diff.md.old')} "
                       f"| {m('diff.md.new')} | {m('diff.md.change')} |")
            out.append("| --- | --- | --- | --- | --- | ---: |")
            for change in changes_of(diff, f.file):
                out.extend(_rows(diff, change, lang))
            out += ["", "</details>"]
    problems = [cell(problem_text(diff, p, lang)) for p in diff.problems]
    if problems:
        out += ["", *[f"- {p}" for p in problems]]
    return "\n".join(out) + "\n"


def _rows(diff: ReportDiff, change: Change, lang: str) -> list[str]:
    kind = message(f"diff.kind.{change.kind}", lang)
    label = cell(change.label(lang))
    pointer = code(change.pointer or "/")
    if change.kind == "changed":
        moved = movement(change)
        if change.marked:
            moved = f"{moved} ⚠️" if moved else "⚠️"
        return [f"| {kind} | {label} | {pointer} | {cell(show(change.old))} | {cell(show(change.new))} "
                f"| {cell(moved)} |"]
    value = change.new if change.kind == "added" else change.old
    sub = leaves(change)
    old_new = ("", cell(show(value))) if change.kind == "added" else (cell(show(value)), "")
    if not sub:
        return [f"| {kind} | {label} | {pointer} | {old_new[0]} | {old_new[1]} | |"]
    rows = [f"| {kind} | **{label}** | {pointer} | | | |"]
    for leaf_pointer, leaf in sub:
        title = cell(diff.leaf_title(change.file, leaf_pointer, lang))
        shown = cell(show(leaf))
        old, new = ("", shown) if change.kind == "added" else (shown, "")
        rows.append(f"| | {title} | {code(leaf_pointer)} | {old} | {new} | |")
    return rows
