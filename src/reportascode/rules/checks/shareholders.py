"""SHR-*: ownership. Shareholdings add up to 100% and a foreign holding is reflected in the enterprise nature."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportascode.model.findings import Finding, Severity
from reportascode.rules.checks.helpers import fmt, number, records
from reportascode.rules.registry import CheckContext, register, thresholds


@register("SHR-01", Severity.ERROR, reads=("company",), basis="V",
          sources=("order42_art35",), thresholds=thresholds(tolerance=("0.01", "percentage_points")))
def shareholdings(ctx: CheckContext) -> Iterator[Finding]:
    holders = list(records(ctx.get("company", "/shareholders")))
    if not holders:
        return
    shares = [number(h.get("pct")) for _, h in holders]
    if all(s is not None for s in shares):
        total = sum((s for s in shares if s is not None), Decimal(0))
        if abs(total - 100) > ctx.threshold("tolerance"):
            yield ctx.finding("company", "/shareholders", at="key", total=fmt(total), count=len(holders))
    foreign = [h for _, h in holders if h.get("is_foreign") is True]
    if foreign and ctx.get("company", "/enterprise_nature") == "内资":
        yield ctx.finding("company", "/enterprise_nature", key=ctx.variant("foreign"),
                          holders="、".join(str(h.get("name")) for h in foreign))
