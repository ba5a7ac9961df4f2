"""GEO-*: where the business runs. Every province served is inside the licence's B24 coverage, every province
with seats has a branch or operating site, and the per-province breakdown adds up to the totals."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportascode.model.findings import Finding, Severity
from reportascode.rules.checks.helpers import (
    active_in_year,
    b24_coverage,
    covers,
    fmt,
    integer,
    number,
    province,
    province_list,
    records,
)
from reportascode.rules.registry import CheckContext, register, thresholds

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@register("GEO-01", Severity.ERROR, reads=("operations", "branches", "licence"), basis="V",
          sources=("order42_art6", "catalogue2015_b24"))
def within_coverage(ctx: CheckContext) -> Iterator[Finding]:
    coverage = b24_coverage(ctx)
    if coverage is None:
        return
    allowed = province_list(coverage)
    for index, row in records(ctx.get("operations", "/by_province")):
        code = row.get("province")
        if isinstance(code, str) and not covers(coverage, code):
            yield ctx.finding("operations", f"/by_province/{index}/province", province=province(code),
                              coverage=allowed)
    for index, branch in records(ctx.data("branches")):
        code = branch.get("province")
        if (branch.get("operates_b24") is True and isinstance(code, str) and not covers(coverage, code)
                and active_in_year(ctx, branch.get("established"), branch.get("closed"))):
            yield ctx.finding("branches", f"/{index}/province", key=ctx.variant("branch"), province=province(code),
                              coverage=allowed, branch=branch.get("name") or branch.get("id"))


@register("GEO-02", Severity.WARNING, reads=("operations", "branches"), basis="I")
def site_per_province(ctx: CheckContext) -> Iterator[Finding]:
    branches = ctx.data("branches")
    if not isinstance(branches, list):
        return
    open_sites = [b for _, b in records(branches) if active_in_year(ctx, b.get("established"), b.get("closed"))]
    provinces = {b.get("province") for b in open_sites if isinstance(b.get("province"), str)}
    by_id = {b["id"]: b for _, b in records(branches) if isinstance(b.get("id"), str)}
    for index, row in records(ctx.get("operations", "/by_province")):
        code, seats, site_id = row.get("province"), integer(row.get("seats")), row.get("site_id")
        if not isinstance(code, str) or not seats:
            continue
        if code not in provinces:
            yield ctx.finding("operations", f"/by_province/{index}/province", province=province(code), seats=seats)
        elif not isinstance(site_id, str):
            continue
        elif site_id not in by_id:
            yield ctx.finding("operations", f"/by_province/{index}/site_id", key=ctx.variant("unknown_site"),
                              site_id=site_id)
        elif by_id[site_id].get("province") != code:
            yield ctx.finding("operations", f"/by_province/{index}/site_id", key=ctx.variant("other_province"),
                              site_id=site_id, province=province(code),
                              site_province=province(by_id[site_id].get("province")))


# (column of by_province, file and pointer of its total)
_SUMS = (
    ("seats", "operations", "/seats/total"),
    ("ai_seats", "operations", "/seats/ai"),
    ("inbound_answered", "operations", "/inbound/answered"),
    ("outbound_connected", "operations", "/outbound/connected"),
    ("revenue_wan", "finance", "/call_center_revenue_wan"),
)


@register("GEO-03", Severity.ERROR, reads=("operations", "finance"), basis="I",
          thresholds=thresholds(money_tolerance_wan=("0.01", "wan")))
def sums_match(ctx: CheckContext) -> Iterator[Finding]:
    rows = [row for _, row in records(ctx.get("operations", "/by_province"))]
    if not rows:
        return
    money_tolerance = ctx.threshold("money_tolerance_wan")
    for column, file_name, pointer in _SUMS:
        values: list[Decimal] = []
        for row in rows:
            value = number(row.get(column))
            if value is None:
                break
            values.append(value)
        else:
            total = number(ctx.get(file_name, pointer))
            if total is None:
                continue
            summed = sum(values, Decimal(0))
            tolerance = money_tolerance if column.endswith("_wan") else Decimal(0)
            if abs(summed - total) > tolerance:
                yield _sum_finding(ctx, column, file_name, pointer, summed, total)


def _sum_finding(ctx: CheckContext, column: str, file_name: str, pointer: str, summed: Decimal, total: Decimal
                 ) -> Finding:
    args: dict[str, Any] = {"column": column, "sum": fmt(summed), "total": fmt(total),
                            "field": pointer.lstrip("/").replace("/", ".")}
    if file_name == "finance":
        return ctx.finding("operations", "/by_province", key=ctx.variant("revenue"), at="key", **args)
    return ctx.finding(file_name, pointer, **args)

