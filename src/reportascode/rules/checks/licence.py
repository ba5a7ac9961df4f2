"""LIC-*: the licence itself. Valid in the report year, renewal in time, a B24 service behind the call-centre
data, registered capital at the Art. 6 minimum, licence changes filed after company changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from reportascode.messages import Bilingual
from reportascode.model.findings import Finding, Severity
from reportascode.rules.checks.helpers import (
    NATIONWIDE,
    add_days,
    b24_services,
    date,
    integer,
    mapping,
    number,
    province_list,
    records,
    strings,
    year_end,
    year_start,
)
from reportascode.rules.registry import CheckContext, register, thresholds

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@register("LIC-01", Severity.ERROR, reads=("licence", "meta"), basis="V", sources=("notice321",))
def valid_in_year(ctx: CheckContext) -> Iterator[Finding]:
    issued = date(ctx.get("licence", "/issue_date"))
    expires = date(ctx.get("licence", "/expiry_date"))
    if issued is not None and expires is not None and issued > expires:
        yield ctx.finding("licence", "/expiry_date", key=ctx.variant("order"), issued=issued.isoformat(),
                          expires=expires.isoformat())
        return
    if issued is not None and issued > year_end(ctx):
        yield ctx.finding("licence", "/issue_date", key=ctx.variant("not_yet"), issued=issued.isoformat(),
                          year=ctx.year)
    if expires is not None and expires < year_start(ctx):
        yield ctx.finding("licence", "/expiry_date", expires=expires.isoformat(), year=ctx.year)


def _deadline(ctx: CheckContext) -> dt.date:
    """The submission date, or the official deadline (31 Mar of the next year) when not yet submitted."""
    return ctx.report.submission_date or dt.date(ctx.year + 1, 3, 31)


@register("LIC-02", Severity.WARNING, reads=("licence", "meta"), basis="A",
          sources=("order42_art27",),
          thresholds=thresholds(window_days=("180", "days"), renewal_lead_days=("90", "days")))
def renewal(ctx: CheckContext) -> Iterator[Finding]:
    expires = date(ctx.get("licence", "/expiry_date"))
    if expires is None:
        return
    submitted = _deadline(ctx)
    left = (expires - submitted).days
    if left > ctx.threshold("window_days") or expires < year_start(ctx):
        return
    lead = int(ctx.threshold("renewal_lead_days"))
    due = add_days(expires, -lead)
    applied = date(ctx.get("licence", "/renewal_applied_date"))
    args: dict[str, Any] = {"expires": expires.isoformat(), "days": left, "submitted": submitted.isoformat(),
            "lead": lead, "due": due.isoformat()}
    if left < 0:
        yield ctx.finding("licence", "/expiry_date", key=ctx.variant("expired"),
                          applied=applied.isoformat() if applied else "—", **args)
    elif applied is None:
        yield ctx.finding("licence", "/expiry_date", key=ctx.variant("not_applied"), **args)
    elif applied > due:
        yield ctx.finding("licence", "/expiry_date", key=ctx.variant("late"), applied=applied.isoformat(),
                          ahead=(expires - applied).days, **args)
    else:
        yield ctx.finding("licence", "/expiry_date", applied=applied.isoformat(),
                          ahead=(expires - applied).days, **args)


def _traffic(ctx: CheckContext) -> int:
    """Seats plus calls: anything non-zero means call-centre business was reported."""
    operations = mapping(ctx.data("operations"))
    values = (
        mapping(operations.get("seats")).get("total"),
        mapping(operations.get("inbound")).get("offered"),
        mapping(operations.get("outbound")).get("attempts"),
    )
    return sum(v for v in (integer(x) for x in values) if v is not None)


@register("LIC-03", Severity.ERROR, reads=("licence", "operations"), basis="V",
          sources=("catalogue2015_b24", "tsm_manual"))
def b24_service(ctx: CheckContext) -> Iterator[Finding]:
    licence = ctx.data("licence")
    if not isinstance(licence, dict) or ctx.data("operations") is None:
        return
    traffic = _traffic(ctx)
    if traffic == 0:
        return
    services = b24_services(ctx)
    if not services:
        held = ", ".join(str(s.get("code")) for _, s in records(licence.get("services"))) or "—"
        yield ctx.finding("licence", "/services", held=held)
        return
    if all(s.get("status") == "未开通" for _, s in services):
        index, service = services[0]
        yield ctx.finding("licence", f"/services/{index}/status", key=ctx.variant("not_open"),
                          code=service.get("code"))


@register("LIC-04", Severity.ERROR, reads=("company", "licence"), basis="V",
          sources=("order42_art6",),
          thresholds=thresholds(single_province_min_wan=("100", "wan"), cross_province_min_wan=("1000", "wan")))
def registered_capital(ctx: CheckContext) -> Iterator[Finding]:
    capital = number(ctx.get("company", "/registered_capital_wan"))
    services = records(ctx.get("licence", "/services"))
    coverage: set[str] = set()
    for _, service in services:
        coverage.update(strings(service.get("coverage")))
    if capital is None or not coverage:
        return
    cross = NATIONWIDE in coverage or len(coverage) > 1
    minimum = ctx.threshold("cross_province_min_wan" if cross else "single_province_min_wan")
    if capital < minimum:
        yield ctx.finding("company", "/registered_capital_wan", key=None if cross else ctx.variant("single"),
                          capital=capital, minimum=minimum, coverage=province_list(coverage))


# Art. 29: name, legal representative, registered capital: within 30 days of the 工商 registration change.
# Art. 28: shareholders (operating entity) and coverage: within 30 days of the decision.
_AFTER_REGISTRATION = ("name", "legal_rep", "reg_capital")
_AFTER_DECISION = ("shareholder", "coverage")
# Cross-year: a value that changed since last year needs a change record of this kind.
_COMPARED = (("/name", "name"), ("/legal_rep/name", "legal_rep"), ("/registered_capital_wan", "reg_capital"))


@register("LIC-05", Severity.WARNING, reads=("company",), basis="A",
          sources=("order42_art28", "order42_art29"), thresholds=thresholds(days=("30", "days")))
def licence_changes(ctx: CheckContext) -> Iterator[Finding]:
    company = ctx.data("company")
    if not isinstance(company, dict):
        return
    days = ctx.threshold("days")
    cutoff = _deadline(ctx)
    changes = list(records(company.get("changes")))
    for index, change in changes:
        item = change.get("item")
        if item in _AFTER_REGISTRATION:
            base, base_field = date(change.get("date_registered")), "date_registered"
        elif item in _AFTER_DECISION:
            base, base_field = date(change.get("date_decided")), "date_decided"
        else:
            continue
        if base is None:
            continue
        due = add_days(base, days)
        filed = date(change.get("licence_change_filed"))
        args: dict[str, Any] = {"item": _item(item), "base": base.isoformat(), "due": due.isoformat(), "days": days}
        key = ctx.variant("decision") if base_field == "date_decided" else None
        if filed is None:
            if due < cutoff:
                yield ctx.finding("company", f"/changes/{index}/licence_change_filed",
                                  key=ctx.variant("not_filed"), **args)
        elif filed > due:
            yield ctx.finding("company", f"/changes/{index}/licence_change_filed", key=key,
                              filed=filed.isoformat(), late=(filed - due).days, **args)
    yield from _undeclared_changes(ctx, company, {c.get("item") for _, c in changes})


def _undeclared_changes(ctx: CheckContext, company: dict[str, object], declared: set[object]
                        ) -> Iterator[Finding]:
    previous = ctx.previous.data("company") if ctx.previous is not None else None
    if not isinstance(previous, dict):
        return
    for pointer, item in _COMPARED:
        now, before = ctx.get("company", pointer), _resolve(previous, pointer)
        if now is None or before is None or item in declared:
            continue
        if isinstance(now, (int, Decimal)) and isinstance(before, (int, Decimal)):
            changed = Decimal(now) != Decimal(before)
        else:
            changed = str(now).strip() != str(before).strip()
        if changed:
            yield ctx.finding("company", pointer, key=ctx.variant("undeclared"), item=_item(item), before=before,
                              now=now, previous_year=ctx.previous.year if ctx.previous else "")


def _item(item: object) -> Bilingual:
    return Bilingual.of(f"check.LIC-05.item.{item}")


def _resolve(data: dict[str, object], pointer: str) -> object:
    value: object = data
    for token in pointer.strip("/").split("/"):
        if not isinstance(value, dict):
            return None
        value = value.get(token)
    return value
