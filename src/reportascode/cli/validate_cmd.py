"""``rac validate [PATH…]``"""

from __future__ import annotations

import os
from pathlib import Path

import click

from reportascode.cli.options import format_option, lang_option, progress_counter
from reportascode.validate.engine import PARALLEL_MIN_REPORTS


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option()
@lang_option
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--engine", type=click.Choice(["fast", "reference"]), default="fast", show_default=True,
              help="fast: libyaml and jsonschema-rs where installed; reference: ruamel.yaml and Python "
                   "jsonschema only. Both give the same findings.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for large workspaces (default: the number of CPUs).")
def validate(paths: tuple[Path, ...], output_format: str, lang: str | None, strict: bool, engine: str,
             jobs: int | None) -> None:
    """Validate reports: schema and domain checks, with findings at file:line:col.

    PATHs are report folders or files inside them (pre-commit passes files); each maps to its whole report.
    Without PATH, every report in the workspace.
    """
    from reportascode.messages import default_language
    from reportascode.validate.formats import FORMATTERS
    from reportascode.validate.session import open_session

    session = open_session(paths, "auto" if engine == "fast" else "ruamel", fast=engine == "fast")
    result = session.validate(jobs or os.cpu_count() or 1, progress_counter("reports", PARALLEL_MIN_REPORTS))
    language = lang or default_language(session.config.lang)
    click.echo(FORMATTERS[output_format](result, language), nl=False)
    failed = result.errors > 0 or (strict and result.warnings > 0)
    raise SystemExit(1 if failed else 0)

