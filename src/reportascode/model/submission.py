"""The one submission date of a report. ``rac submit`` records it in the lock manifest (``.rac-lock.yaml``,
``submission.date``); before that, or without rac's submit, ``meta.yaml``'s ``submission_date`` says it. Timeline,
checks (SIG-02, SIG-03, LIC-02) and documents all read it here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportascode.model.dates import parse_date
from reportascode.model.loader import load_file

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MANIFEST_NAME = ".rac-lock.yaml"


def submission_date(folder: Path, meta: Any) -> dt.date | None:
    """The one submission date of the report in ``folder`` whose meta.yaml data is ``meta``: what ``rac submit``
    recorded, else ``submission_date`` as meta.yaml writes it (``None``: not submitted)."""
    written = parse_date(meta.get("submission_date")) if isinstance(meta, dict) else None
    return recorded_submission_date(folder) or written


def recorded_submission_date(folder: Path) -> dt.date | None:
    """The date ``rac submit`` recorded in the report's lock manifest; ``None`` when not submitted with rac."""
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return None
    doc = load_file(path, MANIFEST_NAME)
    data = doc.data if doc.ok else None
    submission = data.get("submission") if isinstance(data, dict) else None
    return parse_date(submission.get("date")) if isinstance(submission, dict) else None
