"""Diff formatters, chosen by name: each takes a :class:`~reportascode.diff.report.ReportDiff` and returns text."""

from __future__ import annotations

from collections.abc import Callable

from reportascode.diff.formats.changes_json import format_json
from reportascode.diff.formats.changes_markdown import format_markdown
from reportascode.diff.formats.changes_text import format_text
from reportascode.diff.report import ReportDiff

Formatter = Callable[[ReportDiff, str, bool], str]

FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "markdown": format_markdown,
    "json": format_json,
}
