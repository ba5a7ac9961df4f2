"""Formatters turn a validation result into text. Chosen by name from :data:`FORMATTERS`."""

from __future__ import annotations

from collections.abc import Callable

from reportascode.validate.engine import ValidationResult
from reportascode.validate.formats import (
    findings_github,
    findings_json,
    findings_junit,
    findings_sarif,
    findings_text,
)

Formatter = Callable[[ValidationResult, str], str]

FORMATTERS: dict[str, Formatter] = {
    "text": findings_text.format_result,
    "json": findings_json.format_result,
    "sarif": findings_sarif.format_result,
    "github": findings_github.format_result,
    "junit": findings_junit.format_result,
}
