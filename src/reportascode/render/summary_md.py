"""The Markdown summary of one report: status, key figures, findings, documents."""

from __future__ import annotations

import jinja2

from reportascode.render.content import Document
from reportascode.render.context import ReportContext, gap_summary
from reportascode.render.documents import key_figures
from reportascode.render.env import render_template
from reportascode.render.filing_status import status_text
from reportascode.render.html import page_context

SUMMARY_TEMPLATE = "summary.md"


def render_summary(env: jinja2.Environment, ctx: ReportContext, document: Document, documents: list[str]) -> str:
    gap = gap_summary(ctx.findings, ctx.lang)
    risk = ctx.msg(f"document.{gap.grade}")
    context = page_context(ctx.lang, document.draft, document.draft_text)
    context.update(
        document=document,
        report_id=ctx.report.id,
        status_text=status_text(gap.totals, ctx.lang, document.draft),
        gap=gap,
        risk_text=f"{risk} ({gap.score})",
        figures=key_figures(ctx),
        findings=ctx.findings,
        documents=documents,
    )
    return render_template(env, SUMMARY_TEMPLATE, context)
