"""``rac new-year YEAR [--from YEAR]``"""

from __future__ import annotations

import click

from reportascode.cli.options import lang_option


@click.command()
@click.argument("year", type=click.IntRange(2017, 2100))
@click.option("--from", "source", default=None, metavar="REPORT")
@click.option("--entity", default=None)
@lang_option
def new_year(year: int, source: str | None, entity: str | None, lang: str | None) -> None:
    """Start report YEAR from the previous one: stock data copied with every comment, flow data reset to 待填.

    Company, licence, numbers, trunks and branches carry over; operations, finance, complaints, signatures and
    explanations become placeholders that `rac validate` lists (FILL-01). An existing YEAR is never overwritten
    (exit 2).
    """
    from reportascode.authoring.newyear import NewYearRefused, roll_report, write_report
    from reportascode.errors import UsageError
    from reportascode.files.writelock import workspace_lock
    from reportascode.messages import default_language, message
    from reportascode.model.workspace import relative
    from reportascode.validate.session import select_reports

    if source is None:
        source = f"{entity}/{year - 1}" if entity else str(year - 1)
    session = select_reports([source], command="new-year")
    workspace = session.workspace
    language = lang or default_language(session.config.lang)
    source_folder = session.one("new-year").folder
    target = source_folder.parent / str(year)
    if target.exists():
        raise UsageError("newyear.exists", path=relative(workspace.root, target))
    depth = len(target.relative_to(workspace.root).parts)
    try:
        with workspace_lock(workspace.root, "new-year"):
            rolled = roll_report(source_folder, target, year, depth=depth)
            write_report(rolled)
    except NewYearRefused as refused:
        raise UsageError(refused.key, **refused.message_args) from None
    for rolled_file in rolled.files:
        if rolled_file.from_skeleton:
            click.echo(message("newyear.missing_file", language, {"name": f"{rolled_file.name}.yaml"}), err=True)
    click.echo(message("newyear.done", language, {"path": relative(workspace.root, target),
                                                  "source": relative(workspace.root, source_folder),
                                                  "count": rolled.placeholders}))
