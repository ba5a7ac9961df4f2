"""TRK-*: voice trunks. Capacity in line with the seats and the peak, contracts from a basic carrier that run in
the report year and are not sublet, and numbers and trunks that refer to each other both ways."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportascode.model.findings import Finding, Severity
from reportascode.model.lazy_regex import lazy_compile
from reportascode.rules.checks.helpers import (
    active_at_year_end,
    active_in_year,
    date,
    fmt,
    integer,
    plain,
    records,
    strings,
    year_end,
    year_start,
)
from reportascode.rules.registry import CheckContext, register, thresholds

BASIC_CARRIERS = ("中国电信", "中国移动", "中国联通", "中国广电")


def _channels(ctx: CheckContext, at_year_end: bool) -> int | None:
    trunks = ctx.data("trunks")
    if not isinstance(trunks, list):
        return None
    active = active_at_year_end if at_year_end else active_in_year
    return sum(integer(t.get("channels")) or 0 for _, t in records(trunks)
               if active(ctx, t.get("contract_start"), t.get("contract_end")))


@register("TRK-01", Severity.WARNING, reads=("trunks", "operations"), basis="I",
          thresholds=thresholds(tolerance=("0.05", "fraction")))
def channels_match_seats(ctx: CheckContext) -> Iterator[Finding]:
    seats = integer(ctx.get("operations", "/seats/total"))
    channels = _channels(ctx, at_year_end=True)
    if not seats or channels is None:
        return
    deviation = (Decimal(channels) - seats) / seats
    tolerance = ctx.threshold("tolerance")
    if abs(deviation) > tolerance:
        yield ctx.finding("operations", "/seats/total", seats=seats, channels=channels,
                          deviation=fmt(deviation * 100, 1), tolerance=plain(tolerance * 100))


@register("TRK-02", Severity.ERROR, reads=("trunks",), basis="V", sources=("notice81",))
def lawful_trunks(ctx: CheckContext) -> Iterator[Finding]:
    for index, trunk in records(ctx.data("trunks")):
        name = trunk.get("id") or index
        start, end = date(trunk.get("contract_start")), date(trunk.get("contract_end"))
        if start is not None and end is not None and start > end:
            yield ctx.finding("trunks", f"/{index}/contract_end", key=ctx.variant("order"), trunk=name,
                              start=start.isoformat(), end=end.isoformat())
        elif end is not None and end < year_start(ctx):
            yield ctx.finding("trunks", f"/{index}/contract_end", trunk=name, end=end.isoformat(), year=ctx.year)
        elif start is not None and start > year_end(ctx):
            yield ctx.finding("trunks", f"/{index}/contract_start", key=ctx.variant("not_started"), trunk=name,
                              start=start.isoformat(), year=ctx.year)
        if trunk.get("sublet") is True:
            yield ctx.finding("trunks", f"/{index}/sublet", key=ctx.variant("sublet"), trunk=name)
        carrier = trunk.get("carrier")
        if isinstance(carrier, str) and carrier not in BASIC_CARRIERS:
            yield ctx.finding("trunks", f"/{index}/carrier", key=ctx.variant("carrier"), trunk=name,
                              carrier=carrier, carriers="、".join(BASIC_CARRIERS))


_SEPARATORS = lazy_compile(r"[\s-]")


def _norm(number: str) -> str:
    return _SEPARATORS.sub("", number)


@register("TRK-03", Severity.ERROR, reads=("numbers", "trunks"), basis="I")
def references(ctx: CheckContext) -> Iterator[Finding]:
    numbers, trunks = ctx.data("numbers"), ctx.data("trunks")
    if not isinstance(numbers, list) or not isinstance(trunks, list):
        return
    trunk_numbers = {t["id"]: {_norm(n) for n in strings(t.get("numbers"))} for _, t in records(trunks)
                     if isinstance(t.get("id"), str)}
    number_trunks = {_norm(str(n.get("number"))): set(strings(n.get("trunk_ids"))) for _, n in records(numbers)}
    for index, entry in records(numbers):
        number = str(entry.get("number"))
        for position, trunk_id in enumerate(strings(entry.get("trunk_ids"))):
            pointer = f"/{index}/trunk_ids/{position}"
            if trunk_id not in trunk_numbers:
                yield ctx.finding("numbers", pointer, key=ctx.variant("unknown_trunk"), number=number,
                                  trunk=trunk_id)
            elif _norm(number) not in trunk_numbers[trunk_id]:
                yield ctx.finding("numbers", pointer, number=number, trunk=trunk_id)
    for index, trunk in records(trunks):
        carrier_id = trunk.get("id")
        if not isinstance(carrier_id, str):
            continue
        for position, number in enumerate(strings(trunk.get("numbers"))):
            pointer = f"/{index}/numbers/{position}"
            if _norm(number) not in number_trunks:
                yield ctx.finding("trunks", pointer, key=ctx.variant("unknown_number"), number=number,
                                  trunk=carrier_id)
            elif carrier_id not in number_trunks[_norm(number)]:
                yield ctx.finding("trunks", pointer, key=ctx.variant("trunk_side"), number=number, trunk=carrier_id)


@register("TRK-04", Severity.WARNING, reads=("operations", "trunks"), basis="I")
def peak_within_channels(ctx: CheckContext) -> Iterator[Finding]:
    peak = integer(ctx.get("operations", "/peak_concurrent_calls"))
    channels = _channels(ctx, at_year_end=False)
    if peak is not None and channels is not None and peak > channels:
        yield ctx.finding("operations", "/peak_concurrent_calls", peak=peak, channels=channels)
