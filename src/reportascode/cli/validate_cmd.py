"""``rac validate [PATH…]``"""

from __future__ import annotations

import click

from reportascode.cli.choices import ENGINES
from reportascode.cli.options import format_option, lang_option
from reportascode.cli.validate_run import run_validate


@click.command()
@click.argument("selectors", nargs=-1, metavar="[REPORT]...")
@format_option()
@lang_option
@click.option("--strict", is_flag=True)
@click.option("--engine", type=click.Choice(list(ENGINES)), default=ENGINES[0], show_default=True)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None)
@click.option("--no-cache", is_flag=True)
def validate(selectors: tuple[str, ...], output_format: str, lang: str | None, strict: bool, engine: str,
             jobs: int | None, no_cache: bool) -> None:
    """Validate reports: schema and domain checks, with findings at file:line:col.

    REPORTs are report folders or files inside them (pre-commit passes files; each maps to its whole report),
    years (2024) or entity/year (acme/2024); see docs/selectors.md. Without REPORT, every report in the workspace.
    """
    # the common command lines never get here: cli/validate_argv.py parses them without click, same function
    run_validate(selectors, output_format, lang, strict, engine, jobs, no_cache)
