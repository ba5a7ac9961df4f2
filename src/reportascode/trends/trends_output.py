"""``rac trends`` output: text (a table per entity, metrics down, years across), JSON (versioned, exact decimal
numbers) and CSV (one row per entity and year). Missing years and missing figures are empty, never zero."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal

from reportascode.messages import join_list, message
from reportascode.model.escape import csv_cell
from reportascode.render import figures as formatting
from reportascode.trends.metrics import METRICS, EntityTrend, Metric, YearMetrics, YearStatus

JSON_VERSION = 1
GAP = formatting.EMPTY



def metric_text(metric: Metric, value: int | Decimal | None) -> str:
    if value is None:
        return GAP
    if metric.kind == "ratio":
        return formatting.percent(value)
    if metric.kind == "money":
        return formatting.money(value, metric.places or 2)
    if metric.kind == "count":
        return formatting.count(value)
    return formatting.number(value, metric.places)


def metric_header(metric: Metric, lang: str) -> str:
    return formatting.with_unit(metric.label(lang), metric.unit, lang)


def status_text(status: YearStatus | None, lang: str) -> str:
    """``无错误`` / ``2 个错误`` …; a gap year reads ``无报告``."""
    if status is None:
        return message("trends.no_report", lang)
    if status.errors:
        return message("trends.status.errors", lang, {"errors": status.errors})
    if status.warnings:
        return message("trends.status.warnings", lang, {"warnings": status.warnings})
    return message("trends.no_errors", lang)


def cagr_text(trend: EntityTrend, lang: str) -> str:
    if trend.seat_cagr is None:
        return message("trends.n_a_fewer_than_two", lang)
    return message("text.parenthesised", lang, {"text": formatting.percent(trend.seat_cagr),
                                                "detail": f"{trend.cagr_first}–{trend.cagr_last}"})


def span_text(trend: EntityTrend, lang: str) -> str:
    count = len(trend.reports)
    text = message("trends.span", lang, {"first": trend.first_year, "last": trend.last_year, "count": count})
    if trend.first_year == trend.last_year:
        text = message("trends.span_one", lang, {"year": trend.first_year})
    if trend.missing_years:
        missing = join_list([str(y) for y in trend.missing_years], lang)
        text += message("trends.span_missing", lang, {"missing": missing})
    return text


def title_text(trend: EntityTrend, lang: str) -> str:
    name = trend.company or (trend.entity or "")
    if trend.entity is not None and trend.company and trend.entity != trend.company:
        name = message("text.parenthesised", lang, {"text": trend.company, "detail": trend.entity})
    return name


# -- text -----------------------------------------------------------------------------------------------------
def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * max(0, width - _width(text))
    return space + text if right else text + space


def format_text(trends: Sequence[EntityTrend], lang: str) -> str:
    out: list[str] = []
    for trend in trends:
        out.append(message("text.labelled", lang, {"label": title_text(trend, lang), "text": span_text(trend, lang)}))
        rows: list[list[str]] = [[message("trends.metric", lang)] + [str(y.year) for y in trend.years]]
        for metric in METRICS:
            rows.append([metric_header(metric, lang) + (" *" if metric.internal_kpi else "")]
                        + [metric_text(metric, y.value(metric.key)) for y in trend.years])
        rows.append([message("trends.validation", lang)] + [status_text(y.status, lang) for y in trend.years])
        widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
        for row in rows:
            cells = [_pad(row[0], widths[0], False)] + [_pad(c, w, True) for c, w in zip(row[1:], widths[1:],
                                                                                        strict=True)]
            out.append("  ".join(cells).rstrip())
        out.append(message("text.labelled", lang, {"label": message("trends.seat_cagr", lang),
                                                   "text": cagr_text(trend, lang)}))
        out.append("")
    out.append("* " + message("trends.kpi_note", lang))
    return "\n".join(out) + "\n"


# -- JSON -----------------------------------------------------------------------------------------------------
def _status_dict(status: YearStatus | None) -> dict[str, object] | None:
    if status is None:
        return None
    return {"state": status.state, "errors": status.errors, "warnings": status.warnings, "infos": status.infos,
            "explained": status.explained, "waived": status.waived}


def year_dict(year: YearMetrics) -> dict[str, object]:
    data: dict[str, object] = {"year": year.year, "report": year.report}
    for metric in METRICS:
        data[metric.key] = year.value(metric.key)
    data["status"] = _status_dict(year.status)
    return data


def trend_dict(trend: EntityTrend) -> dict[str, object]:
    return {
        "entity": trend.entity,
        "company": trend.company,
        "first_year": trend.first_year,
        "last_year": trend.last_year,
        "missing_years": trend.missing_years,
        "seat_cagr": {"value": trend.seat_cagr, "from": trend.cagr_first, "to": trend.cagr_last},
        "years": [year_dict(y) for y in trend.years],
    }


def format_json(trends: Sequence[EntityTrend], lang: str) -> str:
    from reportascode.model.values import encode

    document = {
        "version": JSON_VERSION,
        "internal_kpis": [m.key for m in METRICS if m.internal_kpi],
        "note": message("trends.kpi_note", lang),
        "entities": [trend_dict(t) for t in trends],
    }
    return encode(document, indent=2) + "\n"


# -- CSV ------------------------------------------------------------------------------------------------------
CSV_COLUMNS = ("entity", "company", "year", "report", *(m.key for m in METRICS), "state", "errors", "warnings",
               "infos", "explained", "waived")


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str):
        return csv_cell(value)  # a company name "=cmd|…" is text to a spreadsheet, never a formula
    return str(value)


def format_csv(trends: Sequence[EntityTrend], lang: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for trend in trends:
        for year in trend.years:
            status = year.status
            row: list[object] = [trend.entity or "", trend.company, year.year, year.report]
            row += [year.value(m.key) for m in METRICS]
            if year.gap:
                row += ["missing", None, None, None, None, None]
            elif status is None:
                row += [None] * 6
            else:
                row += [status.state, status.errors, status.warnings, status.infos, status.explained, status.waived]
            writer.writerow([_csv_value(v) for v in row])
    return buffer.getvalue()


FORMATS: dict[str, Callable[[Sequence[EntityTrend], str], str]] = {
    "text": format_text,
    "json": format_json,
    "csv": format_csv,
}
