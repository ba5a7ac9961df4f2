"""``rac new-year YEAR [--from YEAR]``"""

from __future__ import annotations

from pathlib import Path

import click

from reportascode.cli.options import lang_option


@click.command()
@click.argument("year", type=click.IntRange(2017, 2100))
@click.option("--from", "source_year", type=click.IntRange(2017, 2100), default=None,
              help="Year to roll forward (default: YEAR - 1).")
@click.option("--entity", default=None, help="For reports/<entity>/<year> workspaces: which entity.")
@lang_option
def new_year(year: int, source_year: int | None, entity: str | None, lang: str | None) -> None:
    """Start report YEAR from the previous one: stock data copied with every comment, flow data reset to 待填.

    Company, licence, numbers, trunks and branches carry over; operations, finance, complaints, signatures and
    explanations become placeholders that `rac validate` lists (FILL-01). An existing YEAR is never overwritten
    (exit 2).
    """
    from reportascode.authoring.newyear import NewYearRefused, roll_report, write_report
    from reportascode.errors import UsageError
    from reportascode.files.writelock import workspace_lock
    from reportascode.messages import default_language, message
    from reportascode.model.config import load_config
    from reportascode.model.workspace import Workspace, relative

    workspace = Workspace.at(Path.cwd())
    language = lang or default_language(load_config(workspace.root).lang)
    source_year = source_year or year - 1
    base = workspace.root / "reports"
    if entity:
        base = base / entity
    source = base / str(source_year)
    if not (source / "meta.yaml").is_file() and not entity:
        candidates = sorted(f.parent.name for f in workspace.report_folders()
                            if f.name == str(source_year) and f.parent != base)
        if len(candidates) == 1:
            base = base / candidates[0]
            source = base / str(source_year)
        elif candidates:
            raise UsageError("newyear.ambiguous", year=source_year, entities=", ".join(candidates))
    if not source.is_dir():
        raise UsageError("newyear.no_source", path=relative(workspace.root, source))
    target = base / str(year)
    if target.exists():
        raise UsageError("newyear.exists", path=relative(workspace.root, target))
    depth = len(target.relative_to(workspace.root).parts)
    try:
        with workspace_lock(workspace.root, "new-year"):
            rolled = roll_report(source, target, year, depth=depth)
            write_report(rolled)
    except NewYearRefused as refused:
        raise UsageError(refused.key, **refused.message_args) from None
    for rolled_file in rolled.files:
        if rolled_file.from_skeleton:
            click.echo(message("newyear.missing_file", language, {"name": f"{rolled_file.name}.yaml"}), err=True)
    click.echo(message("newyear.done", language, {"path": relative(workspace.root, target),
                                                  "source": relative(workspace.root, source),
                                                  "count": rolled.placeholders}))
