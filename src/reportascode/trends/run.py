"""``rac trends`` and the trends part of ``rac build`` as library functions: validate, compute, draw, render.

Everything is rendered in memory first (file name → bytes); writing is the caller's atomic job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportascode.errors import UsageError
from reportascode.messages import Bilingual, message
from reportascode.model.selector import Selection
from reportascode.render.content import Chart
from reportascode.trends import metrics
from reportascode.trends.document import DashboardEntry, dashboard_entry, document_date, trends_document
from reportascode.trends.metrics import EntityTrend
from reportascode.validate.engine import ValidationResult

DOCUMENT_FORMATS = ("html", "docx", "pdf")
DOCUMENT_NAMES = frozenset(f"trends.{ext}" for ext in DOCUMENT_FORMATS)


@dataclass
class TrendsRun:
    trends: list[EntityTrend]
    files: dict[str, bytes] = field(default_factory=dict)
    skipped: dict[str, Bilingual] = field(default_factory=dict)  # "charts" / "pdf" → why they were left out
    refused: list[EntityTrend] = field(default_factory=list)  # documents not rendered: a report has errors
    dashboard: list[DashboardEntry] = field(default_factory=list)


def select_trends(session: Selection, result: ValidationResult, entity: str | None = None) -> list[EntityTrend]:
    """The trends of every entity of the session's reports, or of ``entity`` (a folder under ``reports/``)."""
    found = metrics.trends(session.reports, result.findings)
    if entity is None:
        return found
    chosen = [t for t in found if t.entity == entity]
    if not chosen:
        names = ", ".join(t.entity for t in found if t.entity is not None) or "—"
        raise UsageError("trends.no_entity", entity=entity, entities=names)
    return chosen


def document_path(trend: EntityTrend, ext: str, flat: bool) -> str:
    """``trends.html``, or ``<entity>/trends.html`` when several entities share the folder."""
    if flat or trend.entity is None:
        return f"trends.{ext}"
    return f"{trend.entity}/trends.{ext}"


def _charts(trend: EntityTrend, lang: str, png: bool, required: bool, run: TrendsRun) -> list[Chart]:
    from reportascode.trends import charts

    try:
        return charts.draw_charts(trend, lang, png=png, salt=trend.entity or "main")
    except UsageError as problem:
        if required:
            raise
        run.skipped["charts"] = Bilingual.of(problem.key, problem.message_args)
        return []


def render_trends(session: Selection, trends: Sequence[EntityTrend], lang: str,
                  formats: Sequence[str] = DOCUMENT_FORMATS, draft: bool = False, charts_required: bool = True,
                  pdf_required: bool = True, flat: bool = False,
                  link_prefix: str = "") -> TrendsRun:
    """The multi-year document of each trend in ``formats`` and its dashboard entry.

    A trend whose reports have errors is refused (listed in :attr:`TrendsRun.refused`) unless ``draft``, which
    marks every page. ``charts_required``/``pdf_required``: when charts (matplotlib, a CJK font) or PDF
    (WeasyPrint, a CJK font) cannot be made here, raise (True) or leave them out and say why (False).
    """
    from reportascode.render import pdf
    from reportascode.render.env import make_environment
    from reportascode.render.html import render_document

    run = TrendsRun(list(trends))
    wanted = [f for f in DOCUMENT_FORMATS if f in formats]
    skipped = pdf.drop_if_unavailable(wanted, pdf_required)
    if skipped is not None:
        run.skipped["pdf"] = skipped
    env = make_environment(session.workspace.root, lang)
    for trend in trends:
        drawn = _charts(trend, lang, "docx" in wanted, charts_required, run)
        chart_note = message("trends.charts_skipped", lang, {"reason": run.skipped["charts"]}) \
            if not drawn and "charts" in run.skipped else ""
        links: list[dict[str, str]] = []
        document_note = ""
        if trend.errors and not draft:
            run.refused.append(trend)
            document_note = message("trends.refused", lang, {"errors": trend.errors})
        else:
            reports = [r for r in session.reports if r.entity == trend.entity]
            document = trends_document(trend, lang, drawn, chart_note, bool(trend.errors), document_date(reports))
            html = render_document(env, document) if {"html", "pdf"} & set(wanted) else ""
            for ext in wanted:
                name = document_path(trend, ext, flat)
                if ext == "html":
                    run.files[name] = html.encode("utf-8")
                elif ext == "docx":
                    from reportascode.render.docx import render_docx

                    run.files[name] = render_docx(document)
                elif ext == "pdf":
                    run.files[name] = pdf.render_pdf(html)
                links.append({"label": ext.upper(), "href": link_prefix + name})
            if trend.errors:
                document_note = message("trends.draft", lang, {"errors": trend.errors})
        run.dashboard.append(dashboard_entry(trend, lang, drawn, chart_note, links, document_note))
    return run


BUILD_FOLDER = "trends"


def build_trends(session: Selection, result: ValidationResult, lang: str, draft: bool = False) -> TrendsRun:
    """The trends part of ``rac build``: the multi-year documents under ``trends/`` and the dashboard entries.
    Nothing here fails the build: charts or PDF that cannot be made here are left out with a note."""
    trends = select_trends(session, result)
    run = render_trends(session, trends, lang, DOCUMENT_FORMATS, draft, charts_required=False, pdf_required=False,
                        flat=False, link_prefix=f"{BUILD_FOLDER}/")
    run.files = {f"{BUILD_FOLDER}/{name}": data for name, data in run.files.items()}
    return run
