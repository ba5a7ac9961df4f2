"""The multi-year document (trends and compliance status by year) and the dashboard section of
``build/index.html``, both built from the same blocks of the document model, so HTML, DOCX and PDF say the same.

The document says it was prepared from the reports in the repository (the filed annual reports), that the ratios
were computed by this tool, and that AI seat ratio, revenue per seat and the complaint rate are internal KPIs,
not regulatory indicators.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportascode.messages import message
from reportascode.model.findings import Finding, Severity
from reportascode.model.workspace import Report
from reportascode.render import figures as formatting
from reportascode.render.content import Block, Cell, Chart, Column, Document, Field, Fields, Paragraph, Section, Table
from reportascode.render.context import AREAS, area_of
from reportascode.trends.metrics import METRICS, EntityTrend
from reportascode.trends.trends_output import (
    KPI_NOTE,
    cagr_text,
    metric_header,
    metric_text,
    span_text,
    status_text,
    title_text,
    tr,
)

DOCUMENT_ID = "trends"


def prepared_note(trend: EntityTrend, lang: str) -> str:
    sources = "、".join(y.report or "" for y in trend.reports) if lang == "zh" \
        else ", ".join(y.report or "" for y in trend.reports)
    return tr(lang,
              f"本文件根据仓库中已报送的各年度年报数据（{sources}）整理，不是报送表单，也不是监管部门的评价。"
              + KPI_NOTE[0],
              f"Prepared from the filed annual reports kept in the repository ({sources}); it is not a filing form "
              "and not an assessment by the regulator. " + KPI_NOTE[1])


# -- blocks ---------------------------------------------------------------------------------------------------
def overview_block(trend: EntityTrend, lang: str) -> Fields:
    return Fields([
        Field(tr(lang, "企业名称", "Company"), None, Cell(trend.company or formatting.EMPTY)),
        Field(tr(lang, "报告年度", "Years"), None, Cell(span_text(trend, lang))),
        Field(tr(lang, "坐席年复合增长率", "Seat CAGR"), None,
              Cell(cagr_text(trend, lang), trend.seat_cagr, "ratio" if trend.seat_cagr is not None else "text")),
    ], tr(lang, "概况", "Overview"))


def metrics_table(trend: EntityTrend, lang: str) -> Table:
    """Metrics down, years across; a year without a report is a column of gaps headed 无报告."""
    columns = [Column(tr(lang, "指标", "Metric"), tr(lang, "指标", "Metric"))]
    for year in trend.years:
        head = f"{year.year}" + (tr(lang, "（无报告）", " (no report)") if year.gap else "")
        columns.append(Column(head, head))
    rows = []
    for metric in METRICS:
        kpi = tr(lang, "（内部指标）", " (internal KPI)") if metric.internal_kpi else ""
        row = [Cell(metric_header(metric, lang) + kpi)]
        for year in trend.years:
            value = year.value(metric.key)
            row.append(Cell(metric_text(metric, value), value, metric.kind, metric.places))
        rows.append(row)
    status_row = [Cell(tr(lang, "校验状态", "Validation"))]
    for year in trend.years:
        css = "" if year.status is None else {"errors": "sev-error", "warnings": "sev-warning"}.get(
            year.status.state, "risk-low")
        status_row.append(Cell(status_text(year.status, lang), css=css))
    rows.append(status_row)
    return Table(columns, rows, tr(lang, "主要指标（按年度）", "Key figures by year"))


def status_table(trend: EntityTrend, lang: str) -> Table:
    heads = (tr(lang, "年度", "Year"), tr(lang, "报告", "Report"), tr(lang, "状态", "Status"),
             tr(lang, "错误", "Errors"), tr(lang, "警告", "Warnings"), tr(lang, "已说明", "Explained"),
             tr(lang, "已豁免", "Waived"), tr(lang, "提示", "Info"))
    rows = []
    for year in trend.years:
        status = year.status
        if status is None:
            rows.append([Cell(str(year.year)), Cell(formatting.EMPTY), Cell(status_text(None, lang), css="heat-0")]
                        + [Cell(formatting.EMPTY, None, "count") for _ in range(5)])
            continue
        css = {"errors": "sev-error", "warnings": "sev-warning"}.get(status.state, "risk-low")
        counts = (status.errors, status.warnings, status.explained, status.waived, status.infos)
        heat = ("heat-3", "heat-2", "heat-ok", "heat-ok", "heat-1")
        rows.append([Cell(str(year.year)), Cell(year.report or ""), Cell(status_text(status, lang), css=css)]
                    + [Cell(str(n), n, "count", css=h if n else "heat-0") for n, h in zip(counts, heat, strict=True)])
    return Table([Column(h, h) for h in heads], rows, tr(lang, "校验状态（按年度）", "Validation status by year"))


def _column(finding: Finding) -> str:
    return finding.state


AREA_CELL = {
    "error": ("错误", "errors", "heat-3"),
    "warning": ("警告", "warnings", "heat-2"),
    "info": ("提示", "info", "heat-1"),
    "explained": ("已说明", "explained", "heat-ok"),
    "waived": ("已豁免", "waived", "heat-ok"),
}


def area_table(trend: EntityTrend, lang: str) -> Table:
    """Findings by area (rows) and year (columns): the counts per severity, coloured by the worst."""
    columns = [Column(tr(lang, "领域", "Area"), tr(lang, "领域", "Area"))]
    columns += [Column(str(y.year), str(y.year)) for y in trend.years]
    rows = []
    for key, zh, en, _ in AREAS:
        row = [Cell(zh if lang == "zh" else en)]
        for year in trend.years:
            if year.gap:
                row.append(Cell(formatting.EMPTY, css="heat-0"))
                continue
            counts: dict[str, int] = {}
            for finding in year.findings:
                if area_of(finding.rule) == key:
                    counts[_column(finding)] = counts.get(_column(finding), 0) + 1
            parts = [f"{AREA_CELL[c][0] if lang == 'zh' else AREA_CELL[c][1]} {counts[c]}" for c in AREA_CELL
                     if counts.get(c)]
            worst = next((AREA_CELL[c][2] for c in AREA_CELL if counts.get(c)), "heat-0")
            row.append(Cell(("、" if lang == "zh" else ", ").join(parts) or "0", css=worst))
        rows.append(row)
    return Table(columns, rows, tr(lang, "发现（领域 × 年度）", "Findings by area and year"), style="heatmap")


def findings_table(trend: EntityTrend, lang: str) -> Table:
    heads = (tr(lang, "年度", "Year"), tr(lang, "级别", "Severity"), tr(lang, "领域", "Area"),
             tr(lang, "规则", "Rule"), tr(lang, "位置", "Location"), tr(lang, "问题", "Finding"),
             tr(lang, "处理状态", "Status"))
    area_names = {key: (zh if lang == "zh" else en) for key, zh, en, _ in AREAS}
    rows = []
    for year in trend.years:
        for finding in sorted(year.findings, key=lambda f: (f.severity.rank, f.file, f.line, f.column, f.rule)):
            column = _column(finding)
            pending = tr(lang, "待处理", "open") if finding.severity is not Severity.INFO else tr(lang, "提示", "note")
            state = {"explained": tr(lang, "已说明", "explained"), "waived": tr(lang, "已豁免", "waived")}.get(
                column, pending)
            rows.append([
                Cell(str(year.year)),
                Cell(message(f"severity.{finding.severity.value}", lang), css=f"sev-{finding.severity.value}"),
                Cell(area_names.get(area_of(finding.rule), area_of(finding.rule))),
                Cell(finding.rule),
                Cell(f"{finding.file}:{finding.line}:{finding.column}"),
                Cell(message(finding.message_key, lang, finding.arguments)),
                Cell(state),
            ])
    return Table([Column(h, h) for h in heads], rows, tr(lang, "全部发现（按年度）", "All findings by year"),
                 empty_text=tr(lang, "未发现问题", "No findings"))


def chart_blocks(charts: Sequence[Chart], chart_note: str) -> list[Block]:
    blocks: list[Block] = list(charts)
    if chart_note:
        blocks.append(Paragraph(chart_note, "note"))
    return blocks


# -- the document ---------------------------------------------------------------------------------------------
def document_date(reports: Sequence[Report]) -> dt.date:
    """The document's own date (its PDF/DOCX metadata): that of the latest report, never the clock."""
    latest = max(reports, key=lambda r: r.year)
    for file, path in (("meta", ("submission_date",)), ("signatures", ("commitment", "date"))):
        value: object = latest.data(file)
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        day = formatting.parse_date(value)
        if day is not None:
            return day
    return dt.date(latest.year + 1, 3, 31)


def trends_document(trend: EntityTrend, lang: str, charts: Sequence[Chart], chart_note: str, draft: bool,
                    date: dt.date) -> Document:
    name = title_text(trend, lang)
    span = f"{trend.first_year}–{trend.last_year}" if trend.first_year != trend.last_year else str(trend.first_year)
    title = tr(lang, f"{span} 年度经营趋势与合规状况", f"Trends and compliance status, {span}")
    subtitle = tr(lang, f"企业：{name}　根据已报送年报整理", f"{name} · prepared from the filed annual reports")
    trends_section = Section("trends", tr(lang, "多年度趋势", "Trends across years"),
                             tr(lang, "多年度趋势", "Trends"),
                             [Paragraph(prepared_note(trend, lang), "internal"), overview_block(trend, lang),
                              metrics_table(trend, lang), *chart_blocks(charts, chart_note)],
                             subtitle)
    compliance_section = Section("compliance", tr(lang, "合规状况（按年度）", "Compliance status by year"),
                                 tr(lang, "合规状况", "Compliance"),
                                 [Paragraph(tr(lang, "合规状况为本工具对仓库中各年度年报数据的校验结果，属内部自查，"
                                                     "不代表监管部门的任何评价。",
                                               "The compliance status is this tool's validation of each year's "
                                               "report in the repository: an internal check, not any assessment "
                                               "by the regulator."), "note"),
                                  status_table(trend, lang), area_table(trend, lang), findings_table(trend, lang)],
                                 subtitle)
    return Document(id=DOCUMENT_ID, title=title, lang=lang, sections=[trends_section, compliance_section],
                    draft=draft, draft_text="草稿 / DRAFT", company=name, year=trend.last_year, date=date)


# -- the dashboard --------------------------------------------------------------------------------------------
@dataclass
class DashboardEntry:
    """One entity's part of ``build/index.html``: what the ``_trends.html`` template shows."""

    title: str
    span: str
    cagr: str
    note: str
    charts: list[Chart]
    chart_note: str
    blocks: list[Block]
    links: list[dict[str, str]] = field(default_factory=list)
    document_note: str = ""


def dashboard_entry(trend: EntityTrend, lang: str, charts: Sequence[Chart], chart_note: str,
                    links: list[dict[str, str]], document_note: str) -> DashboardEntry:
    return DashboardEntry(
        title=title_text(trend, lang),
        span=span_text(trend, lang),
        cagr=cagr_text(trend, lang),
        note=tr(lang, *KPI_NOTE),
        charts=list(charts),
        chart_note=chart_note,
        blocks=[metrics_table(trend, lang), status_table(trend, lang), area_table(trend, lang)],
        links=links,
        document_note=document_note,
    )
