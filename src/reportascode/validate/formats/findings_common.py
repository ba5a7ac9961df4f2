"""What every findings formatter needs: a finding's message and the summary counts."""

from __future__ import annotations

from typing import Any

from reportascode.messages import message
from reportascode.model.findings import Finding
from reportascode.validate.engine import ValidationResult


def finding_message(finding: Finding, lang: str) -> str:
    return message(finding.message_key, lang, finding.arguments)


def summary(result: ValidationResult) -> dict[str, Any]:
    return {
        "reports": result.reports,
        "files": result.files,
        "errors": result.errors,
        "warnings": result.warnings,
        "infos": result.infos,
        "waived": result.waived,
    }


def summary_line(result: ValidationResult, lang: str) -> str:
    counts = summary(result)
    if not result.findings:
        return message("summary.clean", lang, counts)
    return message("summary.line", lang, counts)
