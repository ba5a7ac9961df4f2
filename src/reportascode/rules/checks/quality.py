"""QOS-*: service quality and conduct. Complaint figures are consistent, every notice or penalty has a
rectification report dated after it, and a penalty in the year shows on the 不良名单 status."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportascode.messages import Bilingual
from reportascode.model.findings import Finding, Severity
from reportascode.rules.checks.helpers import date, fmt, integer, mapping, number, records, year_end, year_start
from reportascode.rules.registry import CheckContext, register, thresholds


@register("QOS-01", Severity.ERROR, reads=("compliance",), basis="V",
          sources=("order42_art35",), thresholds=thresholds(tolerance=("0.0005", "fraction")))
def complaints(ctx: CheckContext) -> Iterator[Finding]:
    figures = mapping(ctx.get("compliance", "/complaints"))
    received, replied = integer(figures.get("received")), integer(figures.get("replied"))
    if received is None or replied is None:
        return
    if replied > received:
        yield ctx.finding("compliance", "/complaints/replied", key=ctx.variant("replied"), replied=replied,
                          received=received)
    rate = number(figures.get("reply_rate_reported"))
    if rate is not None and received > 0:
        actual = Decimal(replied) / received
        tolerance = ctx.threshold("tolerance")
        if abs(rate - actual) > tolerance:
            yield ctx.finding("compliance", "/complaints/reply_rate_reported", rate=fmt(rate), replied=replied,
                              received=received, actual=fmt(actual, 4), tolerance=fmt(tolerance))
    channels = [integer(figures.get(k)) for k in ("via_12321", "via_miit_appeal")]
    if all(c is not None for c in channels) and sum(c or 0 for c in channels) > received:
        yield ctx.finding("compliance", "/complaints/via_12321", key=ctx.variant("channels"),
                          via_12321=channels[0], via_miit_appeal=channels[1], received=received)


@register("QOS-02", Severity.ERROR, reads=("compliance",), basis="A")
def rectification(ctx: CheckContext) -> Iterator[Finding]:
    for list_name in ("harassment_notices", "penalties"):
        for index, entry in records(ctx.get("compliance", f"/{list_name}")):
            pointer = f"/{list_name}/{index}/rectification_report"
            kind = ctx.variant(f"kind.{list_name}")
            event = date(entry.get("date"))
            reference = entry.get("ref") or entry.get("decision_no") or ""
            report = entry.get("rectification_report", "")
            if report is None:
                yield ctx.finding("compliance", pointer, kind=_label(kind), ref=reference,
                                  date=event.isoformat() if event else "")
                continue
            reported = date(mapping(report).get("date"))
            if event is not None and reported is not None and reported < event:
                yield ctx.finding("compliance", f"{pointer}/date", key=ctx.variant("before"), kind=_label(kind),
                                  ref=reference, date=event.isoformat(), report_date=reported.isoformat())


def _label(key: str) -> Bilingual:
    return Bilingual.of(key)


@register("QOS-03", Severity.WARNING, reads=("compliance",), basis="V", sources=("order42_art42",))
def penalty_listed(ctx: CheckContext) -> Iterator[Finding]:
    status = mapping(ctx.get("compliance", "/credit_status"))
    if status.get("bad_list") is not False or status.get("dishonest_list") is True:
        return
    for _, penalty in records(ctx.get("compliance", "/penalties")):
        decided = date(penalty.get("date"))
        if decided is not None and year_start(ctx) <= decided <= year_end(ctx):
            yield ctx.finding("compliance", "/credit_status/bad_list", decision=penalty.get("decision_no", ""),
                              date=decided.isoformat())
            return
