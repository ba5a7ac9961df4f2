"""One status line for a report, the same in build/index.html, summary.md and the gap analysis.

"Ready to file" (可报送) only when nothing stands unexplained: no error and no warning that is neither explained
(explanations.yaml) nor waived (the workspace config). Counts come from :func:`count_findings`, as everywhere.
"""

from __future__ import annotations

from reportascode.messages import message
from reportascode.model.findings import Counts


def status_key(counts: Counts, draft: bool, rendered: bool = True) -> str:
    """The message key of the status: ``status.ready``, ``status.unexplained``, ``status.draft``,
    ``status.errors`` (documents made without --draft cannot have errors, kept for completeness) or
    ``status.refused`` (not rendered)."""
    if counts.errors:
        if not rendered:
            return "status.refused"
        return "status.draft" if draft else "status.errors"
    return "status.unexplained" if counts.warnings else "status.ready"


def status_text(counts: Counts, lang: str, draft: bool, rendered: bool = True) -> str:
    return message(status_key(counts, draft, rendered), lang, counts.as_dict())
