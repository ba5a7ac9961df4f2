"""``rac render [REPORT…]``"""

from __future__ import annotations

from pathlib import Path

import click

from reportascode.cli.options import lang_option

RENDER_FORMATS = ("all", "html", "docx", "pdf", "xlsx", "md")


@click.command()
@click.argument("reports", nargs=-1, metavar="[REPORT]...")
@click.option("--format", "output_formats", type=click.Choice(list(RENDER_FORMATS)), multiple=True)
@click.option("--out", type=click.Path(path_type=Path), default=None)
@click.option("--draft", is_flag=True)
@lang_option
def render(reports: tuple[str, ...], output_formats: tuple[str, ...], out: Path | None, draft: bool,
           lang: str | None) -> None:
    """Render the documents of reports (folders, files inside them, years, entity/year: docs/selectors.md;
    none: every report): the annual report forms with the commitment letters and per-province sheets, and the
    gap analysis, as HTML, DOCX, XLSX, PDF and a Markdown summary. A report with errors is refused unless
    --draft; either way the exit code is 1 when a report has errors (as rac build).
    """
    from reportascode.cli.report_output import echo_run
    from reportascode.files.writelock import workspace_lock
    from reportascode.publish.build import document_language, render_selected
    from reportascode.render.renderer import FORMATS
    from reportascode.validate.session import select_reports

    session = select_reports(reports, command="render")
    formats = FORMATS if not output_formats or "all" in output_formats else tuple(dict.fromkeys(output_formats))
    with workspace_lock(session.workspace.root, "render"):
        run = render_selected(session, formats, out, draft, document_language(lang, session))
    echo_run(run, session, lang)
    raise SystemExit(1 if run.failed else 0)  # as rac build: errors found, drafts rendered or not
