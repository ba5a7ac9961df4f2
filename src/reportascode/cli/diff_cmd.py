"""``rac diff A [B]``"""

from __future__ import annotations

import os
import sys

import click

from reportascode.cli.options import format_option, lang_option


@click.command()
@click.argument("first", metavar="A")
@click.argument("second", metavar="[B]", required=False)
@format_option(("text", "markdown", "json"))
@lang_option
@click.option("--exit-code", is_flag=True)
@click.option("--threshold", metavar="PCT", default=None)
def diff(first: str, second: str | None, output_format: str, lang: str | None, exit_code: bool,
         threshold: str | None) -> None:
    """Field-level changes between two versions of a report: data, not text.

    A and B are report folders or files, years (2024, acme/2024) or git revisions REV:PATH
    (main:reports/2024, HEAD~3:reports/2024). Without B: a revision against the working tree, or a folder
    against HEAD. Between two years, changes beyond the YoY threshold are marked.
    """
    from reportascode.diff.formats import FORMATTERS
    from reportascode.diff.inputs import open_diff
    from reportascode.messages import default_language

    result, config = open_diff(first, second, threshold)
    color = output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    click.echo(FORMATTERS[output_format](result, lang or default_language(config.lang), color), nl=False)
    raise SystemExit(1 if exit_code and result.differs else 0)
