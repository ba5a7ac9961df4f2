"""OUT-*: outbound calling. No marketing calls on call-centre numbers, the purpose breakdown adds up, recordings
and consent proofs are kept long enough, and the average talk time matches the totals."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportascode.model.findings import Finding, Severity
from reportascode.rules.checks.helpers import fmt, integer, number, plain
from reportascode.rules.registry import CheckContext, register, thresholds

PURPOSES = ("callback", "info", "marketing")


@register("OUT-01", Severity.ERROR, reads=("operations",), basis="V", sources=("notice81",))
def no_marketing(ctx: CheckContext) -> Iterator[Finding]:
    marketing = integer(ctx.get("operations", "/outbound/by_purpose/marketing"))
    if marketing:
        yield ctx.finding("operations", "/outbound/by_purpose/marketing", calls=marketing)
    conversion = number(ctx.get("operations", "/internal_kpis/marketing_conversion"))
    if conversion:
        yield ctx.finding("operations", "/internal_kpis/marketing_conversion", key=ctx.variant("conversion"),
                          value=fmt(conversion))


@register("OUT-02", Severity.ERROR, reads=("operations",), basis="I")
def purposes_add_up(ctx: CheckContext) -> Iterator[Finding]:
    attempts = integer(ctx.get("operations", "/outbound/attempts"))
    connected = integer(ctx.get("operations", "/outbound/connected"))
    parts = [integer(ctx.get("operations", f"/outbound/by_purpose/{p}")) for p in PURPOSES]
    if attempts is not None and all(p is not None for p in parts):
        total = sum(p or 0 for p in parts)
        if total != attempts:
            yield ctx.finding("operations", "/outbound/attempts", attempts=attempts, sum=total,
                              callback=parts[0], info=parts[1], marketing=parts[2])
    if attempts is not None and connected is not None and connected > attempts:
        yield ctx.finding("operations", "/outbound/connected", key=ctx.variant("connected"), attempts=attempts,
                          connected=connected)


@register("OUT-03", Severity.ERROR, reads=("compliance",), basis="V",
          sources=("notice81",), thresholds=thresholds(min_days=("30", "days")))
def retention(ctx: CheckContext) -> Iterator[Finding]:
    minimum = ctx.threshold("min_days")
    for field in ("recording_retention_days", "consent_retention_days"):
        days = integer(ctx.get("compliance", f"/{field}"))
        if days is not None and days < minimum:
            key = None if field.startswith("recording") else ctx.variant("consent")
            yield ctx.finding("compliance", f"/{field}", key=key, days=days, minimum=fmt(minimum))


@register("OUT-04", Severity.ERROR, reads=("operations",), basis="A",
          thresholds=thresholds(tolerance=("0.02", "fraction")))
def average_talk_time(ctx: CheckContext) -> Iterator[Finding]:
    average = number(ctx.get("operations", "/avg_talk_seconds"))
    minutes = integer(ctx.get("operations", "/talk_minutes_total"))
    answered = integer(ctx.get("operations", "/inbound/answered"))
    connected = integer(ctx.get("operations", "/outbound/connected"))
    if average is None or minutes is None or answered is None or connected is None:
        return
    calls = answered + connected
    if calls == 0:
        return
    expected = Decimal(minutes) * 60 / calls
    tolerance = ctx.threshold("tolerance")
    deviates = average != 0 if expected == 0 else abs(average - expected) / expected > tolerance
    if deviates:
        yield ctx.finding("operations", "/avg_talk_seconds", average=fmt(average), expected=fmt(expected, 1),
                          minutes=minutes, calls=calls, tolerance=plain(tolerance * 100))
