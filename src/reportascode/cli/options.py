"""Options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from reportascode.cli.choices import FINDING_FORMATS
from reportascode.cli.progress import progress_counter as progress_counter  # where the commands found it
from reportascode.messages import LANGUAGES


def _inherited_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """``rac --lang en CMD`` as ``rac CMD --lang en``: the group's choice when the command has none."""
    return value or (ctx.obj or {}).get("lang")


def lang_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--lang", type=click.Choice(LANGUAGES), default=None, callback=_inherited_lang)(func)


def format_option(choices: tuple[str, ...] = FINDING_FORMATS) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--format", "output_format", type=click.Choice(list(choices)), default=choices[0],
                        show_default=True)
