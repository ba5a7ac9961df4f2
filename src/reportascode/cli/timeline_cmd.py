"""``rac timeline REPORT [--today DATE] [--format text|json|ics]``"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from reportascode.cli.options import format_option, lang_option


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from None


@click.command()
@click.argument("report")
@click.option("--today", callback=_date, default=None, metavar="YYYY-MM-DD")
@format_option(("text", "json", "ics"))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None)
@lang_option
def timeline(report: str, today: dt.date | None, output_format: str, output: Path | None, lang: str | None) -> None:
    """The official calendar and the internal plan of REPORT, with each step's status from the repository.

    Official dates (31 March deadline for the 年报 and the 码号年报, April late filing, 1 May closing, …) are
    marked as such; the internal plan (1/15 lock, 2/15 pre-fill, T-30 … T+30) is internal practice, with dates
    and owners from .reportascode.yaml. Overdue steps are marked "!" (and "overdue" in JSON).
    """
    from reportascode import __version__
    from reportascode.authoring.timeline import build_timeline, repo_state
    from reportascode.authoring.timeline_output import RENDERERS, render_ics
    from reportascode.errors import UsageError
    from reportascode.files.atomic import write_text_atomic
    from reportascode.messages import default_language
    from reportascode.validate.engine import validate_reports
    from reportascode.validate.placeholders import ReportPlaceholders
    from reportascode.validate.session import select_reports

    today = today or dt.date.today()
    session = select_reports([report], command="timeline")
    language = lang or default_language(session.config.lang)
    selected = session.one("timeline")
    result = validate_reports([selected], session.config, session.store, today=today)
    state = repo_state(selected, result.errors, ReportPlaceholders(selected).total)
    try:
        built = build_timeline(selected.id, selected.year, state, today, session.config.raw)
    except ValueError as exc:
        raise UsageError("timeline.bad_date", value=str(exc)) from None
    if output_format == "ics":
        text = render_ics(built, language, __version__)
    else:
        text = RENDERERS[output_format](built, language)
    if output is not None:
        write_text_atomic(output, text)
    elif output_format == "ics" and hasattr(sys.stdout, "buffer"):
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))  # bytes: the CRLF line ends go out as they are
        sys.stdout.buffer.flush()
    else:
        click.echo(text, nl=False)
