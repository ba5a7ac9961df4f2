"""The stable, versioned JSON shape of design §3."""

from __future__ import annotations

import json
from typing import Any

from reportascode.model.findings import Finding
from reportascode.validate.engine import ValidationResult
from reportascode.validate.formats.findings_common import finding_message, summary

JSON_VERSION = 1


def finding_dict(finding: Finding, lang: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "report": finding.report,
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "pointer": finding.pointer,
        "message": finding_message(finding, lang),
    }
    if finding.waived_by is not None:
        entry["waived_by"] = finding.waived_by
    elif finding.explanation is not None:
        entry["explanation"] = finding.explanation_text(lang)
    return entry


def format_result(result: ValidationResult, lang: str) -> str:
    document = {
        "version": JSON_VERSION,
        "findings": [finding_dict(f, lang) for f in result.active],
        "explained": [finding_dict(f, lang) for f in result.explained_findings],
        "waived": [finding_dict(f, lang) for f in result.waived_findings],
        "summary": summary(result),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
