"""Formatters turn a validation result into text. Chosen by name from :data:`FORMATTERS`; a formatter's module
is imported when it is chosen (JUnit's XML library costs a ``rac validate`` in text more than its checks do)."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from reportascode.validate.engine import ValidationResult

Formatter = Callable[[ValidationResult, str], str]


def _lazy(module: str) -> Formatter:
    def format_result(result: ValidationResult, lang: str) -> str:
        formatter: Formatter = importlib.import_module(f"reportascode.validate.formats.{module}").format_result
        return formatter(result, lang)

    return format_result


FORMATTERS: dict[str, Formatter] = {
    "text": _lazy("findings_text"),
    "json": _lazy("findings_json"),
    "sarif": _lazy("findings_sarif"),
    "github": _lazy("findings_github"),
    "junit": _lazy("findings_junit"),
}
