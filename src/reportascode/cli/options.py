"""Options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from reportascode.messages import LANGUAGES

FINDING_FORMATS = ("text", "json", "sarif", "github", "junit")


def _inherited_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """``rac --lang en CMD`` as ``rac CMD --lang en``: the group's choice when the command has none."""
    return value or (ctx.obj or {}).get("lang")


def lang_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--lang", type=click.Choice(LANGUAGES), default=None, callback=_inherited_lang,
                        help="Message language (default: workspace config, else locale, else zh).")(func)


def format_option(choices: tuple[str, ...] = FINDING_FORMATS) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--format", "output_format", type=click.Choice(list(choices)), default=choices[0],
                        show_default=True, help="Output format.")


def progress_counter(unit: str, minimum: int) -> Callable[[int, int], None] | None:
    """A one-line ``done/total unit`` counter on stderr, only on a terminal and for runs of ``minimum`` or more;
    ``unit`` names the message ``progress.<unit>``."""
    import sys

    from reportascode.cli.language import current
    from reportascode.messages import message

    if not sys.stderr.isatty():
        return None
    unit = message(f"progress.{unit}", current())

    def show(done: int, total: int) -> None:
        if total >= minimum and (done % 50 == 0 or done == total):
            click.echo(f"\r{done}/{total} {unit}", err=True, nl=done == total)

    return show
