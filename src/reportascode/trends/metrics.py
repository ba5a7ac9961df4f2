"""Per-year metrics of an entity's reports: pure functions of the reports and their findings.

Every metric is computed from the raw figures in the report (never from a reported ratio), in Decimal arithmetic
at 28 significant digits, and rounded once, at the end, half up (:data:`ROUND_HALF_UP`) to the places of its
definition in :data:`METRICS`:

========================  ===========================================================================  ======
metric                    computed as                                                                  places
========================  ===========================================================================  ======
``ai_ratio``              ``operations.seats.ai / operations.seats.total``                             4
``revenue_per_seat_wan``  ``finance.call_center_revenue_wan / operations.seats.total`` (万元/席)        2
``inbound_answer_rate``   ``operations.inbound.answered / operations.inbound.offered``                 4
``outbound_connect_rate`` ``operations.outbound.connected / operations.outbound.attempts``             4
``avg_talk_seconds``      ``operations.avg_talk_seconds`` as filed                                     as filed
``complaints_per_100k``   ``compliance.complaints.received × 100000 /
                          (operations.inbound.answered + operations.outbound.connected)``              3
``reply_rate``            ``compliance.complaints.replied / compliance.complaints.received``           4
``seat_cagr``             ``(seats of the last year / seats of the first year) ** (1 / years) − 1``,   4
                          over the span from the first to the last year with a seat count (gaps
                          allowed; ``years`` counts calendar years); n/a with fewer than two such years
========================  ===========================================================================  ======

A figure that is missing, not a number or a zero denominator gives ``None``, never zero. A year between the
first and the last report of an entity that has no report is a gap: a :class:`YearMetrics` with ``report=None``
and every metric ``None``.

AI seat ratio, revenue per seat and complaints per 100,000 calls are internal KPIs (the seed article's
"scenario metrics" have no regulatory source, shared/domain.md §2): outputs say so.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from reportascode.model.findings import Finding, count_findings
from reportascode.model.workspace import Report


@dataclass(frozen=True)
class Metric:
    """One column of the trends: its key, unit, kind (count, ratio, money, number) and places; its label is the
    message ``trends.metric.<key>``."""

    key: str
    unit: str | None
    kind: str
    places: int | None
    internal_kpi: bool = False

    def label(self, lang: str) -> str:
        from reportascode.messages import message

        return message(f"trends.metric.{self.key}", lang)


METRICS: tuple[Metric, ...] = (
    Metric("seats_total", "席", "count", 0),
    Metric("seats_human", "席", "count", 0),
    Metric("seats_ai", "席", "count", 0),
    Metric("ai_ratio", None, "ratio", 4, internal_kpi=True),
    Metric("revenue_per_seat_wan", "万元/席", "money", 2, internal_kpi=True),
    Metric("inbound_answer_rate", None, "ratio", 4, internal_kpi=True),
    Metric("outbound_connect_rate", None, "ratio", 4, internal_kpi=True),
    Metric("avg_talk_seconds", "秒", "number", None, internal_kpi=True),
    Metric("complaints_per_100k", None, "number", 3, internal_kpi=True),
    Metric("reply_rate", None, "ratio", 4),
)
METRIC_KEYS = tuple(m.key for m in METRICS)
CAGR_PLACES = 4


@dataclass(frozen=True)
class YearStatus:
    """Validation status of one report: unwaived errors and warnings, info notes, warnings explained in
    explanations.yaml, findings waived in the workspace config."""

    errors: int = 0
    warnings: int = 0
    infos: int = 0
    explained: int = 0
    waived: int = 0

    @property
    def state(self) -> str:
        """``errors``, ``warnings`` (open warnings, no error) or ``ok``."""
        if self.errors:
            return "errors"
        if self.warnings:
            return "warnings"
        return "ok"


@dataclass(frozen=True)
class YearMetrics:
    year: int
    report: str | None  # the report's id (``reports/2024``); None: no report that year, a gap
    seats_total: int | None = None
    seats_human: int | None = None
    seats_ai: int | None = None
    ai_ratio: Decimal | None = None
    revenue_per_seat_wan: Decimal | None = None
    inbound_answer_rate: Decimal | None = None
    outbound_connect_rate: Decimal | None = None
    avg_talk_seconds: Decimal | None = None
    complaints_per_100k: Decimal | None = None
    reply_rate: Decimal | None = None
    status: YearStatus | None = None
    findings: tuple[Finding, ...] = field(default=(), compare=False, repr=False)

    @property
    def gap(self) -> bool:
        return self.report is None

    def value(self, key: str) -> int | Decimal | None:
        if key not in METRIC_KEYS:
            raise KeyError(key)
        value: int | Decimal | None = getattr(self, key)
        return value


@dataclass(frozen=True)
class EntityTrend:
    """The trends of one entity (``reports/<year>`` is the entity ``None``; ``reports/<entity>/<year>``)."""

    entity: str | None
    company: str
    years: tuple[YearMetrics, ...]  # every calendar year from the first report to the last, gaps included
    seat_cagr: Decimal | None
    cagr_first: int | None  # the years the CAGR spans (first and last year with a seat count)
    cagr_last: int | None

    @property
    def first_year(self) -> int:
        return self.years[0].year

    @property
    def last_year(self) -> int:
        return self.years[-1].year

    @property
    def missing_years(self) -> list[int]:
        return [y.year for y in self.years if y.gap]

    @property
    def reports(self) -> list[YearMetrics]:
        return [y for y in self.years if not y.gap]

    @property
    def errors(self) -> int:
        return sum(y.status.errors for y in self.years if y.status is not None)

    @property
    def label(self) -> str:
        """How the entity is named in outputs: its folder, or the company when reports are not per entity."""
        return self.entity if self.entity is not None else self.company


# -- numbers --------------------------------------------------------------------------------------------------
def _number(value: Any) -> Decimal | None:
    """A figure as Decimal (ints exactly, Decimals as loaded from the scalar's text); None for anything else."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    return None


def _count(value: Any) -> int | None:
    number = _number(value)
    if number is None or number != number.to_integral_value() or number < 0:
        return None
    return int(number)


def _round(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def ratio(numerator: Decimal | None, denominator: Decimal | None, places: int,
          scale: int = 1) -> Decimal | None:
    """``numerator × scale / denominator`` rounded half up to ``places``; None when an input is missing or
    the denominator is zero."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    with decimal.localcontext() as context:
        context.prec = 28
        return _round(numerator * scale / denominator, places)


def cagr(first: Decimal, last: Decimal, years: int, places: int = CAGR_PLACES) -> Decimal | None:
    """Compound annual growth rate ``(last / first) ** (1 / years) − 1``; None when it is not defined."""
    if years <= 0 or first <= 0 or last < 0:
        return None
    with decimal.localcontext() as context:
        context.prec = 28
        if last == 0:
            return _round(Decimal(-1), places)
        growth = (last / first) ** (Decimal(1) / Decimal(years)) - 1
        return _round(growth, places)


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


# -- one year -------------------------------------------------------------------------------------------------
def status_of(findings: Iterable[Finding]) -> YearStatus:
    counts = count_findings(findings)
    return YearStatus(counts.errors, counts.warnings, counts.infos, counts.explained, counts.waived)


def year_metrics(report: Report, findings: Sequence[Finding] | None = None) -> YearMetrics:
    """The metrics of one report; ``findings`` (the report's own, from validation) give its status."""
    operations = report.data("operations")
    finance = report.data("finance")
    compliance = report.data("compliance")
    total = _number(_get(operations, "seats", "total"))
    answered = _number(_get(operations, "inbound", "answered"))
    connected = _number(_get(operations, "outbound", "connected"))
    handled = answered + connected if answered is not None and connected is not None else None
    received = _number(_get(compliance, "complaints", "received"))
    own = tuple(f for f in findings or () if f.report in ("", report.id))
    return YearMetrics(
        year=report.year,
        report=report.id,
        seats_total=_count(_get(operations, "seats", "total")),
        seats_human=_count(_get(operations, "seats", "human")),
        seats_ai=_count(_get(operations, "seats", "ai")),
        ai_ratio=ratio(_number(_get(operations, "seats", "ai")), total, 4),
        revenue_per_seat_wan=ratio(_number(_get(finance, "call_center_revenue_wan")), total, 2),
        inbound_answer_rate=ratio(answered, _number(_get(operations, "inbound", "offered")), 4),
        outbound_connect_rate=ratio(connected, _number(_get(operations, "outbound", "attempts")), 4),
        avg_talk_seconds=_number(_get(operations, "avg_talk_seconds")),
        complaints_per_100k=ratio(received, handled, 3, scale=100000),
        reply_rate=ratio(_number(_get(compliance, "complaints", "replied")), received, 4),
        status=None if findings is None else status_of(own),
        findings=own,
    )


# -- an entity's years ----------------------------------------------------------------------------------------
def seat_cagr(years: Sequence[YearMetrics]) -> tuple[Decimal | None, int | None, int | None]:
    """Seat CAGR from the first to the last year with a seat count, gaps allowed: (rate, first, last)."""
    counted = [y for y in years if y.seats_total is not None]
    if len(counted) < 2:
        return None, (counted[0].year if counted else None), (counted[0].year if counted else None)
    first, last = counted[0], counted[-1]
    assert first.seats_total is not None and last.seats_total is not None
    rate = cagr(Decimal(first.seats_total), Decimal(last.seats_total), last.year - first.year)
    return rate, first.year, last.year


def _company(reports: Sequence[Report]) -> str:
    for report in sorted(reports, key=lambda r: r.year, reverse=True):
        name = _get(report.data("company"), "name")
        if isinstance(name, str) and name.strip():
            return name.strip()
    return ""


def entity_trend(entity: str | None, reports: Sequence[Report],
                 findings: Mapping[str, Sequence[Finding]] | None = None) -> EntityTrend:
    """The trend of one entity's reports (all of one entity, at least one); ``findings`` by report id."""
    if not reports:
        raise ValueError("an entity trend needs at least one report")
    by_year = {r.year: r for r in reports}
    years = []
    for year in range(min(by_year), max(by_year) + 1):
        report = by_year.get(year)
        if report is None:
            years.append(YearMetrics(year=year, report=None))
        else:
            years.append(year_metrics(report, None if findings is None else findings.get(report.id, ())))
    rate, first, last = seat_cagr(years)
    return EntityTrend(entity, _company(reports), tuple(years), rate, first, last)


def entities(reports: Iterable[Report]) -> dict[str | None, list[Report]]:
    """Reports grouped by entity: ``None`` (reports/<year>) first, then the entity folders by name."""
    groups: dict[str | None, list[Report]] = {}
    for report in reports:
        groups.setdefault(report.entity, []).append(report)
    ordered = sorted(groups, key=lambda e: (e is not None, e or ""))
    return {e: sorted(groups[e], key=lambda r: r.year) for e in ordered}


def trends(reports: Iterable[Report], findings: Iterable[Finding] | None = None) -> list[EntityTrend]:
    """The trends of every entity among ``reports``; ``findings`` (from validation) give each year's status."""
    by_report: dict[str, list[Finding]] | None = None
    if findings is not None:
        by_report = {}
        for finding in findings:
            by_report.setdefault(finding.report, []).append(finding)
    return [entity_trend(entity, group, by_report) for entity, group in entities(reports).items()]
