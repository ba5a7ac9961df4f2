"""``rac schema [--export DIR] [--vscode]``"""

from __future__ import annotations

import json
from pathlib import Path

import click

from reportascode.cli.options import lang_option


@click.command()
@click.option("--export", "export_dir", type=click.Path(file_okay=False, path_type=Path), default=None)
@click.option("--check", is_flag=True)
@click.option("--vscode", is_flag=True)
@lang_option
def schema(export_dir: Path | None, check: bool, vscode: bool, lang: str | None) -> None:
    """Editor support: export the schemas, and map them to the report files in VS Code.

    With the mappings (or the modeline at the top of each report file) the YAML language server shows each
    field's Chinese title and English description on hover, completes keys and flags errors as you type.
    """
    from reportascode.authoring.editor import SettingsNotJson, export_schemas, merge_vscode_settings, schema_mappings
    from reportascode.errors import UsageError
    from reportascode.messages import default_language, message
    from reportascode.model.workspace import find_root

    language = lang or default_language()
    if export_dir is None and not vscode:
        raise UsageError("schema.nothing_to_do")
    code = 0
    if export_dir is not None:
        exported = export_schemas(export_dir, overwrite=True, check_only=check)
        if check:
            for path in exported.stale:
                click.echo(message("schema.stale", language, {"path": path}))
            code = 1 if exported.stale else 0
        else:
            click.echo(message("schema.exported", language, {"count": len(exported.written),
                                                             "unchanged": len(exported.unchanged),
                                                             "path": export_dir}))
    if vscode:
        try:
            root = find_root(Path.cwd())
        except UsageError:
            root = Path.cwd()
        if not (root / "schemas" / "1.0").is_dir():
            export_schemas(root / "schemas", overwrite=False)
            click.echo(message("schema.exported_for_editor", language, {"path": root / "schemas"}))
        settings = root / ".vscode" / "settings.json"
        mappings = schema_mappings()
        try:
            changed, _merged = merge_vscode_settings(settings, mappings)
        except SettingsNotJson as exc:
            click.echo(message("schema.vscode_not_json", language, {"path": settings, "detail": str(exc)}), err=True)
            click.echo(json.dumps({"yaml.schemas": mappings}, ensure_ascii=False, indent=2))
            raise SystemExit(2) from None
        key = "schema.vscode_written" if changed else "schema.vscode_unchanged"
        click.echo(message(key, language, {"path": settings, "count": len(mappings)}))
    raise SystemExit(code)
