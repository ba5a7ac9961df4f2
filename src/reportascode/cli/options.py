"""Options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

FINDING_FORMATS = ("text", "json", "sarif", "github", "junit")


def lang_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
                        help="Message language (default: workspace config, else locale, else zh).")(func)


def format_option(choices: tuple[str, ...] = FINDING_FORMATS) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--format", "output_format", type=click.Choice(list(choices)), default=choices[0],
                        show_default=True, help="Output format.")
