"""SARIF 2.1.0, for code-scanning dashboards. Explained findings carry an accepted in-source suppression (the
explanation lives in the report's explanations.yaml), waived ones an accepted external suppression (the waiver
lives in the workspace config)."""

from __future__ import annotations

import json
from typing import Any

from reportascode import __version__
from reportascode.validate.engine import ValidationResult
from reportascode.validate.formats.findings_common import finding_message, summary

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def format_result(result: ValidationResult, lang: str) -> str:
    rule_ids = sorted({f.rule for f in result.findings})
    results: list[dict[str, Any]] = []
    for f in result.findings:
        entry: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": rule_ids.index(f.rule),
            "level": _LEVEL[f.severity.value],
            "message": {"text": finding_message(f, lang)},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": f.file, "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": f.line, "startColumn": f.column},
                },
                "logicalLocations": [{"fullyQualifiedName": f"{f.file}#{f.pointer}", "kind": "member"}],
            }],
            "properties": {"pointer": f.pointer, "report": f.report},
        }
        if f.waived_by is not None:
            entry["suppressions"] = [{"kind": "external", "status": "accepted", "justification": f.waived_by}]
        elif f.explanation is not None:
            entry["suppressions"] = [{"kind": "inSource", "status": "accepted",
                                      "justification": f.explanation_text(lang)}]
        results.append(entry)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "reportascode",
                "version": __version__,
                "rules": [{"id": rule, "name": rule.replace("-", "")} for rule in rule_ids],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": "./"}},
            "results": results,
            "properties": {"summary": summary(result)},
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
