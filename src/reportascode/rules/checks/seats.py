"""SEAT-*: the seat count. Total = human + AI, the reported AI ratio matches the counts, and there are at least
as many call-centre staff as human seats."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportascode.model.findings import Finding, Severity
from reportascode.rules.checks.helpers import fmt, integer, number, plain
from reportascode.rules.registry import CheckContext, register, thresholds


@register("SEAT-01", Severity.ERROR, reads=("operations",), basis="V", sources=("order42_art35",))
def total_is_sum(ctx: CheckContext) -> Iterator[Finding]:
    total, human, ai = (integer(ctx.get("operations", f"/seats/{k}")) for k in ("total", "human", "ai"))
    if total is not None and human is not None and ai is not None and total != human + ai:
        yield ctx.finding("operations", "/seats/total", total=total, human=human, ai=ai, sum=human + ai)


@register("SEAT-02", Severity.ERROR, reads=("operations",), basis="A",
          thresholds=thresholds(tolerance=("0.005", "fraction")))
def ai_ratio(ctx: CheckContext) -> Iterator[Finding]:
    total, ai = integer(ctx.get("operations", "/seats/total")), integer(ctx.get("operations", "/seats/ai"))
    reported = number(ctx.get("operations", "/seats/ai_ratio_reported"))
    if total is None or ai is None or reported is None or total == 0:
        return
    actual = Decimal(ai) / Decimal(total)
    tolerance = ctx.threshold("tolerance")
    if abs(reported - actual) > tolerance:
        yield ctx.finding("operations", "/seats/ai_ratio_reported", reported=fmt(reported), ai=ai, total=total,
                          actual=fmt(actual, 4), tolerance=plain(tolerance * 100))


@register("SEAT-03", Severity.WARNING, reads=("company", "operations"), basis="I")
def staff_cover_seats(ctx: CheckContext) -> Iterator[Finding]:
    staff = integer(ctx.get("company", "/staff/call_center"))
    human = integer(ctx.get("operations", "/seats/human"))
    if staff is not None and human is not None and staff < human:
        yield ctx.finding("company", "/staff/call_center", staff=staff, human=human)
