"""``rac rules``: the rule catalogue."""

from __future__ import annotations

import click

from reportascode.cli.options import lang_option


@click.command()
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lang_option
def rules(output_format: str, lang: str | None) -> None:
    """List every rule: id, severity, basis (V regulation, A agency sources, I internal) and title.

    Inside a workspace, its own rules (rules/*.yaml) are listed too."""
    from reportascode.cli.explain_cmd import language, workspace_root
    from reportascode.rules.catalogue import format_rules

    root = workspace_root()
    click.echo(format_rules(language(lang, root), output_format, root), nl=False)
