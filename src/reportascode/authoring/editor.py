"""Editor support: the packaged schemas exported into a workspace, and VS Code's ``yaml.schemas`` mappings.

The report files carry a modeline (``# yaml-language-server: $schema=../../schemas/1.0/meta.schema.json``) that
the YAML language server follows; ``rac init`` exports the packaged schemas to ``schemas/`` so the path exists in
every new workspace. Exported files are byte-identical to the packaged ones; since a workspace's ``schemas/`` also
overrides the packaged schemas for validation, re-run ``rac schema --export schemas`` after upgrading
reportascode (``rac schema --check-export`` tells whether the copies are current).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportascode.files import paths
from reportascode.files.atomic import write_text_atomic
from reportascode.model.schemas import REPORT_FILES, packaged_schema_dir

SETTINGS_KEY = "yaml.schemas"


@dataclass
class ExportResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    stale: list[Path] = field(default_factory=list)


def packaged_schema_files() -> list[tuple[str, Path]]:
    """(relative name, path) of every packaged schema, e.g. ``1.0/meta.schema.json``."""
    base = packaged_schema_dir()
    return sorted((p.relative_to(base).as_posix(), p) for p in base.rglob("*.schema.json"))


def export_schemas(target: Path, overwrite: bool = True, check_only: bool = False) -> ExportResult:
    """Copy the packaged schemas into ``target`` (same relative names). With ``overwrite=False`` an existing file
    is never replaced; with ``check_only`` nothing is written and differing copies are listed as stale."""
    result = ExportResult()
    for relative_name, source in packaged_schema_files():
        destination = target / relative_name
        content = source.read_text(encoding="utf-8")
        if destination.is_file():
            if paths.read_text(destination) == content:
                result.unchanged.append(destination)
                continue
            if check_only:
                result.stale.append(destination)
                continue
            if not overwrite:
                result.skipped.append(destination)
                continue
        elif check_only:
            result.stale.append(destination)
            continue
        write_text_atomic(destination, content)
        result.written.append(destination)
    return result


def schema_mappings(schema_dir: str = "schemas", version: str = "1.0") -> dict[str, list[str]]:
    """``yaml.schemas`` entries: schema path (workspace-relative) → the report files it describes."""
    mappings: dict[str, list[str]] = {}
    for name in REPORT_FILES:
        mappings[f"{schema_dir}/{version}/{name}.schema.json"] = [
            f"reports/*/{name}.yaml",
            f"reports/*/*/{name}.yaml",
        ]
    mappings[f"{schema_dir}/config.schema.json"] = [".reportascode.yaml"]
    return mappings


class SettingsNotJson(Exception):
    """``.vscode/settings.json`` has comments or is not plain JSON: it is left untouched."""


def merge_vscode_settings(path: Path, mappings: dict[str, list[str]]) -> tuple[bool, dict[str, Any]]:
    """Add the mappings to ``yaml.schemas`` in ``path`` and keep every other setting. Globs already listed are
    kept, ours are added once. Returns (changed, the merged settings); the file is written atomically."""
    settings: dict[str, Any] = {}
    if path.is_file():
        original = paths.read_text(path)
        if original.strip():
            try:
                loaded = json.loads(original)
            except json.JSONDecodeError as exc:
                raise SettingsNotJson(str(exc)) from exc
            if not isinstance(loaded, dict):
                raise SettingsNotJson("not a JSON object")
            settings = loaded
    current = settings.get(SETTINGS_KEY)
    if current is not None and not isinstance(current, dict):
        raise SettingsNotJson(f"{SETTINGS_KEY} is not an object")
    merged: dict[str, Any] = dict(current or {})
    for schema, globs in mappings.items():
        existing = merged.get(schema)
        listed = [existing] if isinstance(existing, str) else list(existing or [])
        for glob in globs:
            if glob not in listed:
                listed.append(glob)
        merged[schema] = listed
    if path.is_file() and merged == current:
        return False, settings  # already there: the file is not rewritten (its own formatting stays)
    settings[SETTINGS_KEY] = merged
    write_text_atomic(path, json.dumps(settings, ensure_ascii=False, indent=2) + "\n")
    return True, settings
