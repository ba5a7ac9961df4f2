"""``rac trends`` output: text (a table per entity, metrics down, years across), JSON (versioned, exact decimal
numbers) and CSV (one row per entity and year). Missing years and missing figures are empty, never zero."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal

from reportascode.model.escape import csv_cell
from reportascode.render import figures as formatting
from reportascode.trends.metrics import METRICS, EntityTrend, Metric, YearMetrics, YearStatus

JSON_VERSION = 1
GAP = formatting.EMPTY

KPI_NOTE = (
    "AI坐席占比、单席年收入、接通率、平均通话时长、每十万次通话投诉量为本公司内部管理指标（KPI），并非监管指标；"
    "各比率均由工具按年报原始数据计算。",
    "AI seat ratio, revenue per seat, answer and connect rates, average talk time and complaints per 100k calls "
    "are internal KPIs, not regulatory indicators; every ratio is computed by this tool from the reports' raw "
    "figures.",
)


def tr(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


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
        return tr(lang, "无报告", "no report")
    if status.errors:
        return tr(lang, f"{status.errors} 个错误", f"{status.errors} error(s)")
    if status.warnings:
        return tr(lang, f"{status.warnings} 个警告", f"{status.warnings} warning(s)")
    return tr(lang, "无错误", "no errors")


def cagr_text(trend: EntityTrend, lang: str) -> str:
    if trend.seat_cagr is None:
        return tr(lang, "不适用（少于两个有坐席数的年度）", "n/a (fewer than two years with a seat count)")
    return f"{formatting.percent(trend.seat_cagr)}（{trend.cagr_first}–{trend.cagr_last}）" if lang == "zh" \
        else f"{formatting.percent(trend.seat_cagr)} ({trend.cagr_first}–{trend.cagr_last})"


def span_text(trend: EntityTrend, lang: str) -> str:
    count = len(trend.reports)
    text = tr(lang, f"{trend.first_year}–{trend.last_year} 年度，{count} 份报告",
              f"{trend.first_year}–{trend.last_year}, {count} report(s)")
    if trend.first_year == trend.last_year:
        text = tr(lang, f"{trend.first_year} 年度，1 份报告", f"{trend.first_year}, 1 report")
    if trend.missing_years:
        missing = "、".join(str(y) for y in trend.missing_years) if lang == "zh" \
            else ", ".join(str(y) for y in trend.missing_years)
        text += tr(lang, f"；缺少 {missing} 年度（空缺，不按零计）", f"; no report for {missing} (a gap, not zero)")
    return text


def title_text(trend: EntityTrend, lang: str) -> str:
    name = trend.company or (trend.entity or "")
    if trend.entity is not None and trend.company and trend.entity != trend.company:
        name = f"{trend.company}（{trend.entity}）" if lang == "zh" else f"{trend.company} ({trend.entity})"
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
        out.append(f"{title_text(trend, lang)}: {span_text(trend, lang)}" if lang == "en"
                   else f"{title_text(trend, lang)}：{span_text(trend, lang)}")
        rows: list[list[str]] = [[tr(lang, "指标", "Metric")] + [str(y.year) for y in trend.years]]
        for metric in METRICS:
            rows.append([metric_header(metric, lang) + (" *" if metric.internal_kpi else "")]
                        + [metric_text(metric, y.value(metric.key)) for y in trend.years])
        rows.append([tr(lang, "校验状态", "Validation")] + [status_text(y.status, lang) for y in trend.years])
        widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
        for row in rows:
            cells = [_pad(row[0], widths[0], False)] + [_pad(c, w, True) for c, w in zip(row[1:], widths[1:],
                                                                                        strict=True)]
            out.append("  ".join(cells).rstrip())
        out.append(tr(lang, "坐席年复合增长率：", "Seat CAGR: ") + cagr_text(trend, lang))
        out.append("")
    out.append("* " + tr(lang, *KPI_NOTE))
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
        "note": tr(lang, *KPI_NOTE),
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
