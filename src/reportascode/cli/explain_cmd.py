"""``rac explain ID``: one rule's documentation, with a failing and a passing example."""

from __future__ import annotations

from pathlib import Path

import click

from reportascode.cli.options import lang_option


def language(lang: str | None) -> str:
    """The chosen language, else the workspace's (when run inside one), else the locale's."""
    from reportascode.errors import UsageError
    from reportascode.messages import default_language

    if lang:
        return lang
    try:
        from reportascode.config import load_config
        from reportascode.workspace import find_root

        return default_language(load_config(find_root(Path.cwd())).lang)
    except UsageError:
        return default_language()


@click.command()
@click.argument("rule_id", metavar="ID")
@lang_option
def explain(rule_id: str, lang: str | None) -> None:
    """Print the documentation of rule ID (e.g. SEAT-02) and its examples."""
    from reportascode.catalogue import explain as explain_rule

    click.echo(explain_rule(rule_id, language(lang)), nl=False)
