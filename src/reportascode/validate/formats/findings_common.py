"""What every findings formatter needs: a finding's message and the summary counts."""

from __future__ import annotations

from reportascode.messages import message
from reportascode.model.findings import Finding
from reportascode.validate.engine import ValidationResult

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def finding_message(finding: Finding, lang: str) -> str:
    return message(finding.message_key, lang, finding.arguments)


def summary(result: ValidationResult) -> dict[str, Any]:
    """Reports, files and the counts of :func:`reportascode.model.findings.count_findings`."""
    return {"reports": result.reports, "files": result.files, **result.counts.as_dict()}


def cleared_note(finding: Finding, lang: str) -> str:
    """The state word and reason of an explained (已说明) or waived (已豁免) finding: ``explained`` and the
    explanation in ``lang``, or ``waived`` and the waiver."""
    if finding.waived_by is not None:
        return f"{message('finding.state.waived', lang)} {finding.rule} {finding_message(finding, lang)} " \
            f"[{finding.waived_by}]"
    return f"{message('finding.state.explained', lang)} {finding.rule} {finding_message(finding, lang)} " \
        f"[{finding.explanation_text(lang)}]"


def summary_line(result: ValidationResult, lang: str) -> str:
    counts = summary(result)
    if not result.findings:
        return message("summary.clean", lang, counts)
    return message("summary.line", lang, counts)
