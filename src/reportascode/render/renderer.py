"""Render one report to bytes in memory, in every requested format; writing is the caller's (atomic) job."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportascode.messages import Bilingual
from reportascode.model.findings import Finding, Severity
from reportascode.model.schemas import SchemaStore
from reportascode.model.workspace import Report

FORMATS = ("html", "docx", "xlsx", "pdf", "md")
DOCUMENT_IDS = ("annual-report", "gap-analysis")
SUMMARY = "summary.md"
OUTPUT_NAMES = frozenset(
    [f"{doc}.{ext}" for doc in DOCUMENT_IDS for ext in ("html", "docx", "xlsx", "pdf")]
    + [SUMMARY, "index.html", ".rac-build"]
    + ["trends.html", "trends.docx", "trends.pdf"]  # the multi-year documents (reportascode.trends) in build/trends/
)


@dataclass
class Rendered:
    files: dict[str, bytes] = field(default_factory=dict)
    skipped: dict[str, Bilingual] = field(default_factory=dict)  # "pdf" → why it was left out


def report_errors(report: Report, findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.report == report.id and f.state == Severity.ERROR.value]


def render_report(report: Report, store: SchemaStore, findings: Sequence[Finding], lang: str, draft: bool,
                  formats: Sequence[str], workspace_root: Path, pdf_required: bool = True) -> Rendered:
    """Every document of ``report`` in ``formats``, as file name → bytes.

    ``pdf_required``: when PDF cannot be made here (no WeasyPrint, no CJK font), raise (True) or skip it and
    say why in :attr:`Rendered.skipped` (False).
    """
    from reportascode.render import documents, pdf
    from reportascode.render.context import build_context
    from reportascode.render.env import make_environment
    from reportascode.render.html import render_document
    from reportascode.render.summary_md import render_summary

    result = Rendered()
    wanted = [f for f in FORMATS if f in formats]
    skipped = pdf.drop_if_unavailable(wanted, pdf_required)
    if skipped is not None:
        result.skipped["pdf"] = skipped
    env = make_environment(workspace_root, lang)
    ctx = build_context(report, store, findings, lang, draft)
    docs = [documents.annual_report(ctx, env), documents.gap_analysis(ctx)]
    for document in docs:
        html = render_document(env, document) if {"html", "pdf"} & set(wanted) else ""
        if "html" in wanted:
            result.files[f"{document.id}.html"] = html.encode("utf-8")
        if "docx" in wanted:
            from reportascode.render.docx import render_docx

            result.files[f"{document.id}.docx"] = render_docx(document)
        if "xlsx" in wanted:
            from reportascode.render.xlsx import render_xlsx

            result.files[f"{document.id}.xlsx"] = render_xlsx(document)
        if "pdf" in wanted:
            result.files[f"{document.id}.pdf"] = pdf.render_pdf(html)
    if "md" in wanted:
        others = sorted(result.files)
        result.files[SUMMARY] = render_summary(env, ctx, docs[0], others).encode("utf-8")
    return result
