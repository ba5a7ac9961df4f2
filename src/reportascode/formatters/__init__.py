"""Formatters turn a validation result into text. Chosen by name from :data:`FORMATTERS`."""

from __future__ import annotations

from collections.abc import Callable

from reportascode.formatters import github, jsonfmt, junit, sarif, text
from reportascode.validation import ValidationResult

Formatter = Callable[[ValidationResult, str], str]

FORMATTERS: dict[str, Formatter] = {
    "text": text.format_result,
    "json": jsonfmt.format_result,
    "sarif": sarif.format_result,
    "github": github.format_result,
    "junit": junit.format_result,
}
