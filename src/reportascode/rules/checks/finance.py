"""FIN-*: the economic figures (万元). Revenues nest (call-centre ≤ telecom ≤ operating), tie to the audit
reports, give a plausible revenue per seat, stay below the TSM's 10亿元 red flag, and an open service with no
business at all is noticed."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportascode.model.findings import Finding, Severity
from reportascode.model.loader import iter_leaves
from reportascode.rules.checks.helpers import b24_services, fmt, integer, mapping, number
from reportascode.rules.registry import CheckContext, register, thresholds

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@register("FIN-01", Severity.ERROR, reads=("finance",), basis="V", sources=("order42_art35", "tsm_manual"))
def revenues_nest(ctx: CheckContext) -> Iterator[Finding]:
    operating = number(ctx.get("finance", "/operating_revenue_wan"))
    telecom = number(ctx.get("finance", "/telecom_revenue_wan"))
    call_center = number(ctx.get("finance", "/call_center_revenue_wan"))
    if telecom is not None and operating is not None and telecom > operating:
        yield ctx.finding("finance", "/telecom_revenue_wan", telecom=fmt(telecom), operating=fmt(operating))
    if call_center is not None and telecom is not None and call_center > telecom:
        yield ctx.finding("finance", "/call_center_revenue_wan", key=ctx.variant("call_center"),
                          call_center=fmt(call_center), telecom=fmt(telecom))


@register("FIN-02", Severity.ERROR, reads=("finance",), basis="A", thresholds=thresholds(tolerance_wan=("0.01", "wan")))
def ties_to_audit(ctx: CheckContext) -> Iterator[Finding]:
    tolerance = ctx.threshold("tolerance_wan")
    reported = number(ctx.get("finance", "/operating_revenue_wan"))
    audited = number(ctx.get("finance", "/audit/audited_operating_revenue_wan"))
    if reported is not None and audited is not None and abs(reported - audited) > tolerance:
        yield ctx.finding("finance", "/operating_revenue_wan", reported=fmt(reported), audited=fmt(audited),
                          report_no=ctx.get("finance", "/audit/report_no", ""))
    special = ctx.get("finance", "/audit/special_report")
    if isinstance(special, dict):
        reported = number(ctx.get("finance", "/call_center_revenue_wan"))
        audited = number(special.get("audited_call_center_revenue_wan"))
        if reported is not None and audited is not None and abs(reported - audited) > tolerance:
            yield ctx.finding("finance", "/call_center_revenue_wan", key=ctx.variant("special"),
                              reported=fmt(reported), audited=fmt(audited), report_no=special.get("report_no", ""))


@register("FIN-03", Severity.WARNING, reads=("finance", "operations"), basis="I",
          thresholds=thresholds(min_per_seat_wan=("5", "wan_per_seat"), max_per_seat_wan=("40", "wan_per_seat")))
def revenue_per_seat(ctx: CheckContext) -> Iterator[Finding]:
    revenue = number(ctx.get("finance", "/call_center_revenue_wan"))
    seats = integer(ctx.get("operations", "/seats/total"))
    if revenue is None or not seats:
        return
    per_seat = revenue / seats
    low, high = ctx.threshold("min_per_seat_wan"), ctx.threshold("max_per_seat_wan")
    if not low <= per_seat <= high:
        yield ctx.finding("finance", "/call_center_revenue_wan", revenue=fmt(revenue), seats=seats,
                          per_seat=fmt(per_seat, 2), low=fmt(low), high=fmt(high))


# Files whose amounts in 万元 (keys ending in _wan) are watched for the 10亿元 red flag.
_MONEY_FILES = ("finance", "company", "operations", "compliance")


@register("FIN-04", Severity.WARNING, reads=_MONEY_FILES, basis="V",
          sources=("tsm_manual",), thresholds=thresholds(limit_wan=("100000", "wan")))
def unit_red_flag(ctx: CheckContext) -> Iterator[Finding]:
    limit = ctx.threshold("limit_wan")
    for file_name in _MONEY_FILES:
        data = ctx.data(file_name)
        if data is None:
            continue
        for pointer, value in iter_leaves(data):
            amount = number(value)
            if amount is not None and pointer.rsplit("/", 1)[-1].endswith("_wan") and abs(amount) > limit:
                yield ctx.finding(file_name, pointer, amount=fmt(amount), limit=fmt(limit),
                                  yi=fmt(amount / 10000, 2))


@register("FIN-05", Severity.WARNING, reads=("licence", "finance", "operations"), basis="A", sources=("order42_art27",))
def zero_business(ctx: CheckContext) -> Iterator[Finding]:
    open_services = [(i, s) for i, s in b24_services(ctx) if s.get("status") == "开通"]
    revenue = number(ctx.get("finance", "/call_center_revenue_wan"))
    operations = ctx.data("operations")
    if not open_services or revenue is None or not isinstance(operations, dict):
        return
    calls: list[Any] = [mapping(operations.get("inbound")).get("offered"),
                        mapping(operations.get("outbound")).get("attempts")]
    counts = [integer(c) for c in calls]
    if revenue == Decimal(0) and all(c == 0 for c in counts):
        index, service = open_services[0]
        yield ctx.finding("licence", f"/services/{index}/status", code=service.get("code"))
