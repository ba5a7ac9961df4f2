"""``path:line:col: severity RULE message``, one finding a line, then the waived ones, then a summary."""

from __future__ import annotations

from reportascode.validate.engine import ValidationResult
from reportascode.validate.formats.findings_common import finding_message, summary_line


def format_result(result: ValidationResult, lang: str) -> str:
    lines = [
        f"{f.file}:{f.line}:{f.column}: {f.severity.value} {f.rule} {finding_message(f, lang)}"
        for f in result.active
    ]
    waived_word = "已豁免" if lang == "zh" else "waived"
    lines += [
        f"{f.file}:{f.line}:{f.column}: {waived_word} {f.rule} {finding_message(f, lang)} [{f.waived_by}]"
        for f in result.findings
        if f.waived_by is not None
    ]
    lines.append(summary_line(result, lang))
    return "\n".join(lines) + "\n"


