"""Dates in report data: the loader keeps them as ISO text (``2025-03-18``); readers turn them into dates here."""

from __future__ import annotations

import datetime as dt

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def parse_date(value: Any) -> dt.date | None:
    """An ISO date string (or a date) as a date; ``None`` when absent or malformed (the schema reports that)."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
