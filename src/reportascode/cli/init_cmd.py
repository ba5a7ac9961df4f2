"""``rac init [DIR] --company NAME --licence NO --year Y``"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from reportascode.cli.options import lang_option


def _precommit_available() -> bool:
    """pre-commit on PATH, or importable beside rac (``python -m pre_commit``)."""
    import importlib.util
    import shutil

    return shutil.which("pre-commit") is not None or importlib.util.find_spec("pre_commit") is not None


@click.command()
@click.argument("directory", required=False, default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--company", required=True)
@click.option("--licence", required=True)
@click.option("--year", type=click.IntRange(2017, 2100), default=None)
@click.option("--hooks-repo", default=None, metavar="URL")
@lang_option
def init(directory: Path, company: str, licence: str, year: int | None, hooks_repo: str | None,
         lang: str | None) -> None:
    """Create a workspace: git repository, config, pre-commit hooks, diff driver, schemas, editor settings,
    a README and the first report's eleven files (with 待填 placeholders). Existing files are never overwritten:
    they are skipped and listed."""
    from reportascode import __version__
    from reportascode.authoring.init import LICENCE, init_workspace
    from reportascode.errors import UsageError
    from reportascode.messages import default_language, message

    language = lang or default_language()
    if not LICENCE.match(licence):
        raise UsageError("init.bad_licence", value=licence)
    if not company.strip():
        raise UsageError("init.bad_company")
    if directory.exists() and not directory.is_dir():
        raise UsageError("init.not_a_directory", path=directory)
    year = year or dt.date.today().year - 1
    result = init_workspace(directory, company.strip(), licence, year, __version__, hooks_repo)
    for action in result.actions:
        text = message(f"init.{action.status}", language, {"path": action.path, "detail": action.detail}).rstrip()
        click.echo(text, err=action.status == "failed")
    click.echo(message("init.done", language, {"path": result.root, "year": year}))
    if not _precommit_available():
        from reportascode.messages.install import install_command

        click.echo(message("init.no_precommit", language, {"install": install_command("hooks", "pre-commit")}),
                   err=True)
    raise SystemExit(1 if result.failed else 0)
