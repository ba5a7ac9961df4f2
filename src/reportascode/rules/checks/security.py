"""SEC-*: network and information security (Art. 35(四)). A level-3 (or higher) system is tested every year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from reportascode.model.findings import Finding, Severity
from reportascode.rules.checks.helpers import date, integer, year_end
from reportascode.rules.registry import CheckContext, register, thresholds


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (clamped to the end of a shorter month)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """``calendar.monthrange(year, month)[1]``, without importing calendar (and locale) on every run."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return _DAYS[month - 1] + (month == 2 and leap)


@register("SEC-01", Severity.WARNING, reads=("compliance",), basis="A",
          thresholds=thresholds(max_age_months=("12", "months"), min_level=("3", "level")))
def dengbao_test(ctx: CheckContext) -> Iterator[Finding]:
    level = integer(ctx.get("compliance", "/netsec/dengbao_level"))
    tested = date(ctx.get("compliance", "/netsec/last_test_date"))
    if level is None or tested is None or level < ctx.threshold("min_level"):
        return
    months = int(ctx.threshold("max_age_months"))
    cutoff = months_before(year_end(ctx), months)
    if tested < cutoff:
        yield ctx.finding("compliance", "/netsec/last_test_date", level=level, tested=tested.isoformat(),
                          months=months, cutoff=cutoff.isoformat(), year_end=year_end(ctx).isoformat())
