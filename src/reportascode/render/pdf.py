"""PDF from the HTML documents through WeasyPrint (the optional ``pdf`` extra).

Chinese text needs a CJK font: without one, WeasyPrint prints boxes, so a missing font is an error with a clear
message (found through fontconfig, ``fc-list :lang=zh``). The PDF's dates come from the HTML's
``dcterms.created``/``dcterms.modified`` (the report's date), never the clock. Nothing is fetched: every URL a
document might name is refused.
"""

from __future__ import annotations

import functools
import importlib.util
import shutil
import subprocess
from typing import Any

from reportascode.errors import UsageError
from reportascode.messages import Bilingual


@functools.lru_cache(maxsize=1)
def cjk_fonts() -> tuple[str, ...]:
    """Families fontconfig knows for Chinese; empty when there is none (or no fontconfig)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    try:
        output = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=30,
                                check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    return tuple(sorted({line.strip() for line in output.splitlines() if line.strip()}))


def unavailable() -> UsageError | None:
    """Why PDF cannot be rendered here, or ``None`` when it can."""
    if importlib.util.find_spec("weasyprint") is None:
        from reportascode.messages.install import install_command

        return UsageError("render.no_weasyprint", install=install_command("pdf", "weasyprint"))
    if not cjk_fonts():
        return UsageError("render.no_cjk_font")
    return None


def drop_if_unavailable(wanted: list[str], required: bool) -> Bilingual | None:
    """Take ``pdf`` out of ``wanted`` when it cannot be rendered here and return why (in both languages: the
    documents' and the terminal's may differ); raise instead when PDF was asked for explicitly."""
    if "pdf" not in wanted:
        return None
    problem = unavailable()
    if problem is None:
        return None
    if required:
        raise problem
    wanted.remove("pdf")
    return Bilingual.of(problem.key, problem.message_args)


def _refuse_urls(url: str, *args: Any, **kwargs: Any) -> Any:
    raise ValueError(f"refused to fetch {url}: documents are self-contained")


def render_pdf(html: str) -> bytes:
    problem = unavailable()
    if problem is not None:
        raise problem
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: WeasyPrint's system libraries (Pango) are missing
        raise UsageError("render.weasyprint_broken", detail=f"{type(exc).__name__}: {exc}") from None
    data = HTML(string=html, base_url=None, url_fetcher=_refuse_urls).write_pdf()
    return bytes(data)
