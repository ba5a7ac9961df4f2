"""``path:line:col: severity RULE message``, one finding a line, then the explained and the waived ones, then a
summary."""

from __future__ import annotations

from reportascode.model.escape import terminal
from reportascode.model.findings import Finding
from reportascode.validate.engine import ValidationResult
from reportascode.validate.formats.findings_common import cleared_note, summary_line
from reportascode.validate.formats.findings_common import finding_message as _message


def finding_message(finding: Finding, lang: str) -> str:
    """The message with data's control characters and line breaks escaped: one finding, one line."""
    return terminal(_message(finding, lang))


def finding_lines(findings: list[Finding], lang: str) -> list[str]:
    """``path:line:col: severity RULE message`` for each finding."""
    return [f"{f.file}:{f.line}:{f.column}: {f.severity.value} {f.rule} {finding_message(f, lang)}" for f in findings]


def format_result(result: ValidationResult, lang: str) -> str:
    lines = finding_lines(result.active, lang)
    lines += [f"{f.file}:{f.line}:{f.column}: {terminal(cleared_note(f, lang))}"
              for f in result.explained_findings + result.waived_findings]
    lines.append(summary_line(result, lang))
    return "\n".join(lines) + "\n"


