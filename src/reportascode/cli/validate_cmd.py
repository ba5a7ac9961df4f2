"""``rac validate [PATH…]``"""

from __future__ import annotations

import os

import click

from reportascode.cli.options import format_option, lang_option, progress_counter
from reportascode.validate.engine import PARALLEL_MIN_REPORTS


@click.command()
@click.argument("selectors", nargs=-1, metavar="[REPORT]...")
@format_option()
@lang_option
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--engine", type=click.Choice(["fast", "reference"]), default="fast", show_default=True,
              help="fast: libyaml and jsonschema-rs where installed; reference: ruamel.yaml and Python "
                   "jsonschema only. Both give the same findings.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for large workspaces (default: the number of CPUs).")
@click.option("--no-cache", is_flag=True,
              help="Neither read nor write the validation cache (.git/rac-cache/validate, else the user cache "
                   "folder; see docs/cache.md). RAC_NO_CACHE=1 does the same.")
def validate(selectors: tuple[str, ...], output_format: str, lang: str | None, strict: bool, engine: str,
             jobs: int | None, no_cache: bool) -> None:
    """Validate reports: schema and domain checks, with findings at file:line:col.

    REPORTs are report folders or files inside them (pre-commit passes files; each maps to its whole report),
    years (2024) or entity/year (acme/2024); see docs/selectors.md. Without REPORT, every report in the workspace.
    """
    from reportascode.messages import default_language
    from reportascode.validate.formats import FORMATTERS
    from reportascode.validate.session import select_reports, validate_selection

    session = select_reports(selectors, command="validate", parser="auto" if engine == "fast" else "ruamel",
                     fast=engine == "fast")
    result = validate_selection(session, jobs or os.cpu_count() or 1,
                                progress_counter("reports", PARALLEL_MIN_REPORTS), use_cache=not no_cache)
    language = lang or default_language(session.config.lang)
    click.echo(FORMATTERS[output_format](result, language), nl=False)
    failed = result.errors > 0 or (strict and result.warnings > 0)
    raise SystemExit(1 if failed else 0)

