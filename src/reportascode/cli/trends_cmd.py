"""``rac trends``"""

from __future__ import annotations

from pathlib import Path

import click

from reportascode.cli.options import format_option, lang_option

TREND_FORMATS = ("text", "json", "csv")


@click.command()
@click.option("--entity", default=None, metavar="NAME")
@format_option(TREND_FORMATS)
@lang_option
@click.option("--render", "render_dir", type=click.Path(path_type=Path), default=None, metavar="DIR")
@click.option("--draft", is_flag=True)
def trends(entity: str | None, output_format: str, lang: str | None, render_dir: Path | None, draft: bool) -> None:
    """Trends across years, per entity: seats (total, human, AI), AI seat ratio, seat CAGR, revenue per seat,
    answer and connect rates, average talk time, complaints per 100,000 handled calls, reply rate and each
    year's validation status. A year without a report is a gap, never zero. Ratios are internal KPIs, computed
    from the reports' raw figures.
    """
    from reportascode.files.writelock import workspace_lock
    from reportascode.messages import default_language, message
    from reportascode.model.workspace import relative
    from reportascode.publish.build import document_language, skip_notes
    from reportascode.render.writer import write_files
    from reportascode.trends.run import render_trends, select_trends
    from reportascode.trends.trends_output import FORMATS
    from reportascode.validate.session import select_reports, validate_selection

    session = select_reports((), command="trends")
    result = validate_selection(session)
    language = lang or default_language(session.config.lang)
    selected = select_trends(session, result, entity)
    click.echo(FORMATS[output_format](selected, language), nl=False)
    if render_dir is None:
        raise SystemExit(0)
    run = render_trends(session, selected, document_language(lang, session), draft=draft, charts_required=True,
                        pdf_required=False, flat=entity is not None or len(selected) == 1)
    for note in skip_notes(run.skipped, language):
        click.echo(note, err=True)
    for trend in run.refused:
        click.echo(message("trends.refused", language, {"errors": trend.errors}), err=True)
    with workspace_lock(session.workspace.root, "trends"):
        written = write_files(render_dir, run.files)
    for path in written:
        click.echo(message("render.wrote", language, {"path": relative(session.workspace.root, path)}), err=True)
    # as rac render and rac build: a report with errors fails the run, drafted or refused
    raise SystemExit(1 if any(trend.errors for trend in selected) else 0)
