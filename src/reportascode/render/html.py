"""HTML documents: self-contained (inline CSS, no external resources), print CSS for A4."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jinja2

from reportascode import __version__
from reportascode.render.content import Document
from reportascode.render.env import render_template

DOCUMENT_TEMPLATE = "document.html"
INDEX_TEMPLATE = "index.html"


def page_context(lang: str, draft: bool, draft_text: str) -> dict[str, Any]:
    return {"lang": lang, "draft": draft, "draft_text": draft_text, "version": __version__}


def render_document(env: jinja2.Environment, document: Document) -> str:
    context = page_context(document.lang, document.draft, document.draft_text)
    context["document"] = document
    return render_template(env, DOCUMENT_TEMPLATE, context)


def render_index(env: jinja2.Environment, entries: list[dict[str, Any]], lang: str, skip_notes: list[str],
                 trends: Sequence[Any] = ()) -> str:
    """The build's front page; ``trends``: the dashboard entries of :mod:`reportascode.trends` (charts, figures
    and status by year), shown by ``_trends.html``."""
    context = page_context(lang, False, "")
    context.update(entries=entries, skip_notes=skip_notes, trends=list(trends))
    return render_template(env, INDEX_TEMPLATE, context)
