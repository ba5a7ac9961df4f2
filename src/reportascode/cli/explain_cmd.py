"""``rac explain ID``: one rule's documentation, with a failing and a passing example."""

from __future__ import annotations

from pathlib import Path

import click

from reportascode.cli.options import lang_option


def workspace_root() -> Path | None:
    """The workspace around the current directory, if any (its own rules join the catalogue)."""
    from reportascode.errors import UsageError
    from reportascode.model.workspace import find_root

    try:
        return find_root(Path.cwd())
    except UsageError:
        return None


def language(lang: str | None, root: Path | None) -> str:
    """The chosen language, else the workspace's (when run inside one), else the locale's."""
    from reportascode.errors import UsageError
    from reportascode.messages import default_language
    from reportascode.model.config import load_config

    if lang:
        return lang
    try:
        configured = load_config(root).lang if root is not None else None
    except UsageError:  # a broken config is rac validate's business; the catalogue still prints
        configured = None
    return default_language(configured)


@click.command()
@click.argument("rule_id", metavar="ID")
@lang_option
def explain(rule_id: str, lang: str | None) -> None:
    """Print the documentation of rule ID (e.g. SEAT-02) and its examples."""
    from reportascode.rules.catalogue import explain as explain_rule

    root = workspace_root()
    click.echo(explain_rule(rule_id, language(lang, root), root), nl=False)
