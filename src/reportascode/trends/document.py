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

from reportascode.messages import join_list, message
from reportascode.model.findings import Finding, Severity
from reportascode.model.workspace import Report
from reportascode.render import figures as formatting
from reportascode.render.content import Block, Cell, Chart, Column, Document, Field, Fields, Paragraph, Section, Table
from reportascode.render.context import AREAS, area_of, area_text
from reportascode.trends.metrics import METRICS, EntityTrend
from reportascode.trends.trends_output import (
    cagr_text,
    metric_header,
    metric_text,
    span_text,
    status_text,
    title_text,
)

DOCUMENT_ID = "trends"


def prepared_note(trend: EntityTrend, lang: str) -> str:
    sources = join_list([y.report or "" for y in trend.reports], lang)
    return message("trends.prepared", lang, {"sources": sources}) + message("trends.kpi_note", lang)


# -- blocks ---------------------------------------------------------------------------------------------------
def overview_block(trend: EntityTrend, lang: str) -> Fields:
    return Fields([
        Field(message("trends.company", lang), None, Cell(trend.company or formatting.EMPTY)),
        Field(message("trends.years", lang), None, Cell(span_text(trend, lang))),
        Field(message("trends.seat_cagr", lang), None,
              Cell(cagr_text(trend, lang), trend.seat_cagr, "ratio" if trend.seat_cagr is not None else "text")),
    ], message("trends.overview", lang))


def metrics_table(trend: EntityTrend, lang: str) -> Table:
    """Metrics down, years across; a year without a report is a column of gaps headed 无报告."""
    columns = [Column(message("trends.metric", lang), message("trends.metric", lang))]
    for year in trend.years:
        head = f"{year.year}" + (message("trends.year_no_report", lang) if year.gap else "")
        columns.append(Column(head, head))
    rows = []
    for metric in METRICS:
        kpi = message("trends.internal_kpi", lang) if metric.internal_kpi else ""
        row = [Cell(metric_header(metric, lang) + kpi)]
        for year in trend.years:
            value = year.value(metric.key)
            row.append(Cell(metric_text(metric, value), value, metric.kind, metric.places))
        rows.append(row)
    status_row = [Cell(message("trends.validation", lang))]
    for year in trend.years:
        css = "" if year.status is None else {"errors": "sev-error", "warnings": "sev-warning"}.get(
            year.status.state, "risk-low")
        status_row.append(Cell(status_text(year.status, lang), css=css))
    rows.append(status_row)
    return Table(columns, rows, message("trends.key_figures_by_year", lang))


def status_table(trend: EntityTrend, lang: str) -> Table:
    heads = (message("trends.year", lang), message("trends.report", lang), message("trends.status", lang),
             message("trends.errors", lang), message("trends.warnings", lang), message("trends.explained", lang),
             message("trends.waived", lang), message("trends.info", lang))
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
    return Table([Column(h, h) for h in heads], rows, message("trends.validation_status_by_year", lang))


def _column(finding: Finding) -> str:
    return finding.state


AREA_CELL = {"error": "heat-3", "warning": "heat-2", "info": "heat-1", "explained": "heat-ok", "waived": "heat-ok"}


def area_table(trend: EntityTrend, lang: str) -> Table:
    """Findings by area (rows) and year (columns): the counts per severity, coloured by the worst."""
    columns = [Column(message("trends.area", lang), message("trends.area", lang))]
    columns += [Column(str(y.year), str(y.year)) for y in trend.years]
    rows = []
    for key, _ in AREAS:
        row = [Cell(area_text(key, lang))]
        for year in trend.years:
            if year.gap:
                row.append(Cell(formatting.EMPTY, css="heat-0"))
                continue
            counts: dict[str, int] = {}
            for finding in year.findings:
                if area_of(finding.rule) == key:
                    counts[_column(finding)] = counts.get(_column(finding), 0) + 1
            parts = [message("trends.area_count", lang, {"word": message(f"trends.area_count.{c}", lang),
                                                         "count": counts[c]}) for c in AREA_CELL if counts.get(c)]
            worst = next((AREA_CELL[c] for c in AREA_CELL if counts.get(c)), "heat-0")
            row.append(Cell(join_list(parts, lang) or "0", css=worst))
        rows.append(row)
    return Table(columns, rows, message("trends.findings_by_area_and_year", lang), style="heatmap")


def findings_table(trend: EntityTrend, lang: str) -> Table:
    heads = (message("trends.year", lang), message("trends.severity", lang), message("trends.area", lang),
             message("trends.rule", lang), message("trends.location", lang), message("trends.finding", lang),
             message("trends.status_2", lang))
    area_names = {key: area_text(key, lang) for key, _ in AREAS}
    rows = []
    for year in trend.years:
        for finding in sorted(year.findings, key=lambda f: (f.severity.rank, f.file, f.line, f.column, f.rule)):
            column = _column(finding)
            pending = message("trends.open" if finding.severity is not Severity.INFO else "trends.note", lang)
            state = {"explained": message("trends.explained_2", lang), "waived": message("trends.waived_2", lang)}.get(
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
    return Table([Column(h, h) for h in heads], rows, message("trends.all_findings_by_year", lang),
                 empty_text=message("trends.no_findings", lang))


def chart_blocks(charts: Sequence[Chart], chart_note: str) -> list[Block]:
    blocks: list[Block] = list(charts)
    if chart_note:
        blocks.append(Paragraph(chart_note, "note"))
    return blocks


# -- the document ---------------------------------------------------------------------------------------------
def document_date(reports: Sequence[Report]) -> dt.date:
    """The document's own date (its PDF/DOCX metadata): that of the latest report, never the clock."""
    latest = max(reports, key=lambda r: r.year)
    if latest.submission_date is not None:
        return latest.submission_date
    signatures = latest.data("signatures")
    commitment = signatures.get("commitment") if isinstance(signatures, dict) else None
    day = formatting.parse_date(commitment.get("date") if isinstance(commitment, dict) else None)
    return day if day is not None else dt.date(latest.year + 1, 3, 31)


def trends_document(trend: EntityTrend, lang: str, charts: Sequence[Chart], chart_note: str, draft: bool,
                    date: dt.date) -> Document:
    name = title_text(trend, lang)
    span = f"{trend.first_year}–{trend.last_year}" if trend.first_year != trend.last_year else str(trend.first_year)
    title = message("trends.title", lang, {"span": span})
    subtitle = message("trends.subtitle", lang, {"name": name})
    trends_section = Section("trends", message("trends.trends_across_years", lang),
                             message("trends.trends", lang),
                             [Paragraph(prepared_note(trend, lang), "internal"), overview_block(trend, lang),
                              metrics_table(trend, lang), *chart_blocks(charts, chart_note)],
                             subtitle)
    compliance_section = Section("compliance", message("trends.compliance_status_by_year", lang),
                                 message("trends.compliance", lang),
                                 [Paragraph(message("trends.compliance_note", lang), "note"),
                                  status_table(trend, lang), area_table(trend, lang), findings_table(trend, lang)],
                                 subtitle)
    return Document(id=DOCUMENT_ID, title=title, lang=lang, sections=[trends_section, compliance_section],
                    draft=draft, draft_text=message("document.draft_stamp", lang), company=name, year=trend.last_year,
                    date=date)


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
        note=message("trends.kpi_note", lang),
        charts=list(charts),
        chart_note=chart_note,
        blocks=[metrics_table(trend, lang), status_table(trend, lang), area_table(trend, lang)],
        links=links,
        document_note=document_note,
    )
