"""GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=RULE::message``."""

from __future__ import annotations

from reportascode.validate.engine import ValidationResult
from reportascode.validate.formats.findings_common import finding_message, summary_line

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_result(result: ValidationResult, lang: str) -> str:
    lines = []
    for f in result.active:
        properties = ",".join([
            f"file={_escape_property(f.file)}",
            f"line={f.line}",
            f"col={f.column}",
            f"title={_escape_property(f.rule)}",
        ])
        lines.append(f"::{_LEVEL[f.severity.value]} {properties}::{_escape_data(finding_message(f, lang))}")
    lines.append(summary_line(result, lang))
    return "\n".join(lines) + "\n"
