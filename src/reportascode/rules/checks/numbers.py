"""NUM-*: access numbers. Self-held 95/96 numbers sit within the licence's validity and coverage, carry their
码号年报, and are used; outbound calling needs a commitment letter and a callback/information purpose."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from reportascode.model.findings import Finding, Severity
from reportascode.model.lazy_regex import lazy_compile
from reportascode.rules.checks.helpers import (
    NATIONWIDE,
    b24_coverage,
    covers,
    date,
    integer,
    province,
    province_list,
    records,
    strings,
    year_end,
)
from reportascode.rules.registry import CheckContext, register

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

SHORT_KINDS = ("95", "96")
ALLOWED_PURPOSES = ("callback", "info")
_DIGITS = lazy_compile(r"\d+")


def _self_held(entry: dict[str, Any]) -> bool:
    return entry.get("holder") == "self" or entry.get("kind") in SHORT_KINDS


def _in_use(entry: dict[str, Any]) -> bool:
    return entry.get("status") != "退还"


@register("NUM-01", Severity.ERROR, reads=("numbers", "licence"), basis="V", sources=("number_report",))
def validity(ctx: CheckContext) -> Iterator[Finding]:
    issued = date(ctx.get("licence", "/issue_date"))
    expires = date(ctx.get("licence", "/expiry_date"))
    for index, entry in records(ctx.data("numbers")):
        if not _self_held(entry) or not _in_use(entry):
            continue
        number = entry.get("number")
        allocated, valid_until = date(entry.get("allocated")), date(entry.get("valid_until"))
        if allocated is not None and issued is not None and allocated < issued:
            yield ctx.finding("numbers", f"/{index}/allocated", key=ctx.variant("before_licence"), number=number,
                              allocated=allocated.isoformat(), issued=issued.isoformat())
        if entry.get("valid_until", "") is None:
            yield ctx.finding("numbers", f"/{index}/valid_until", key=ctx.variant("no_validity"), number=number)
        elif valid_until is not None and expires is not None and valid_until > expires:
            yield ctx.finding("numbers", f"/{index}/valid_until", number=number,
                              valid_until=valid_until.isoformat(), expires=expires.isoformat())
        elif valid_until is not None and valid_until < year_end(ctx) and entry.get("status") == "启用":
            yield ctx.finding("numbers", f"/{index}/valid_until", key=ctx.variant("lapsed"), number=number,
                              valid_until=valid_until.isoformat(), year=ctx.year)


@register("NUM-02", Severity.ERROR, reads=("numbers", "licence"), basis="V", sources=("short_numbers",))
def scope(ctx: CheckContext) -> Iterator[Finding]:
    coverage = b24_coverage(ctx)
    for index, entry in records(ctx.data("numbers")):
        kind, number = entry.get("kind"), str(entry.get("number"))
        if kind not in SHORT_KINDS:
            continue
        if not _DIGITS.fullmatch(number) or not number.startswith(kind) or len(number) not in (5, 6):
            yield ctx.finding("numbers", f"/{index}/number", key=ctx.variant("length"), number=number, kind=kind)
        if coverage is None:
            continue
        if kind == "95" and NATIONWIDE not in coverage:
            yield ctx.finding("numbers", f"/{index}/kind", number=number, coverage=province_list(coverage))
        if kind == "96":
            for position, code in enumerate(strings(entry.get("scope"))):
                if code == NATIONWIDE:
                    yield ctx.finding("numbers", f"/{index}/scope/{position}", key=ctx.variant("96_nationwide"),
                                      number=number)
                elif not covers(coverage, code):
                    yield ctx.finding("numbers", f"/{index}/scope/{position}", key=ctx.variant("96_province"),
                                      number=number, province=province(code), coverage=province_list(coverage))


@register("NUM-03", Severity.ERROR, reads=("numbers", "operations"), basis="V", sources=("notice81",))
def outbound_numbers(ctx: CheckContext) -> Iterator[Finding]:
    numbers = ctx.data("numbers")
    if not isinstance(numbers, list):
        return
    enabled: list[dict[str, Any]] = []
    # a number whose outbound_enabled is not a boolean (是, yes): the schema says so; no guess here
    undetermined = any(not isinstance(entry.get("outbound_enabled"), bool) for _, entry in records(numbers))
    for index, entry in records(numbers):
        if entry.get("outbound_enabled") is not True:
            continue
        enabled.append(entry)
        number = entry.get("number")
        if entry.get("outbound_commitment_date") is None:
            yield ctx.finding("numbers", f"/{index}/outbound_commitment_date", number=number)
        purposes = strings(entry.get("outbound_purpose"))
        if not purposes:
            yield ctx.finding("numbers", f"/{index}/outbound_purpose", key=ctx.variant("no_purpose"), number=number)
        for position, purpose in enumerate(purposes):
            if purpose not in ALLOWED_PURPOSES:
                yield ctx.finding("numbers", f"/{index}/outbound_purpose/{position}", key=ctx.variant("purpose"),
                                  number=number, purpose=purpose)
    declared = {purpose for entry in enabled for purpose in strings(entry.get("outbound_purpose"))}
    for purpose in ALLOWED_PURPOSES:
        calls = integer(ctx.get("operations", f"/outbound/by_purpose/{purpose}"))
        if calls and enabled and purpose not in declared:
            yield ctx.finding("operations", f"/outbound/by_purpose/{purpose}", key=ctx.variant("undeclared_purpose"),
                              purpose=purpose, calls=calls)
    attempts = integer(ctx.get("operations", "/outbound/attempts"))
    if attempts and not enabled and not undetermined:
        yield ctx.finding("operations", "/outbound/attempts", key=ctx.variant("no_outbound_number"),
                          attempts=attempts)


@register("NUM-04", Severity.ERROR, reads=("numbers",), basis="V", sources=("number_report",))
def code_annual_report(ctx: CheckContext) -> Iterator[Finding]:
    opens, deadline = dt.date(ctx.year + 1, 1, 1), dt.date(ctx.year + 1, 3, 31)
    for index, entry in records(ctx.data("numbers")):
        if entry.get("holder") != "self" or not _in_use(entry):
            continue
        pointer, number = f"/{index}/code_annual_report_filed", entry.get("number")
        filed = date(entry.get("code_annual_report_filed"))
        if entry.get("code_annual_report_filed", "") is None:
            yield ctx.finding("numbers", pointer, number=number, deadline=deadline.isoformat())
        elif filed is not None and filed > deadline:
            yield ctx.finding("numbers", pointer, key=ctx.variant("late"), number=number, filed=filed.isoformat(),
                              deadline=deadline.isoformat())
        elif filed is not None and filed < opens:
            yield ctx.finding("numbers", pointer, key=ctx.variant("wrong_year"), number=number,
                              filed=filed.isoformat(), year=ctx.year, opens=opens.isoformat(),
                              deadline=deadline.isoformat())


@register("NUM-05", Severity.WARNING, reads=("numbers",), basis="I")
def unused(ctx: CheckContext) -> Iterator[Finding]:
    for index, entry in records(ctx.data("numbers")):
        if entry.get("holder") == "self" and entry.get("status") == "未启用":
            yield ctx.finding("numbers", f"/{index}/status", number=entry.get("number"))
