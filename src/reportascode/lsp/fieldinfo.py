"""What the schema says about one field, for hover and completion: its titles, unit, description, allowed values
(with the names the schema gives them), whether it is a date, and the keys it may hold in schema order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportascode.authoring.schema_nav import SchemaNavigator


@dataclass(frozen=True)
class FieldInfo:
    title_zh: str | None
    title_en: str | None
    unit: str | None
    description: str | None
    allowed: tuple[tuple[str, str], ...]  # (value as written in the schema, its name or "")
    is_date: bool
    types: frozenset[str]

    def title(self, lang: str) -> str | None:
        from reportascode.messages import Bilingual

        return Bilingual(self.title_zh or self.title_en or "", self.title_en or self.title_zh or "").text(lang) or None


def field_info(navigator: SchemaNavigator, name: str, pointer: str) -> FieldInfo | None:
    """The schema's description of the value at ``pointer`` of file ``name``; ``None`` when the schema has none."""
    candidates = navigator.at(name, pointer)
    if not candidates:
        return None
    nodes = [c.node for c in candidates]
    allowed: dict[str, str] = {}
    for node in nodes:
        names = node.get("x-names")
        names = names if isinstance(names, dict) else {}
        for value in node.get("enum") or ([node["const"]] if "const" in node else []):
            allowed.setdefault(_text(value), str(names.get(value, "")) if isinstance(value, str) else "")
    return FieldInfo(
        title_zh=_first(nodes, "title"),
        title_en=_first(nodes, "x-label-en"),
        unit=_first(nodes, "x-unit"),
        description=_first(nodes, "description"),
        allowed=tuple(allowed.items()),
        is_date=navigator.is_date(name, pointer),
        types=frozenset(navigator.types(name, pointer)),
    )


def _first(nodes: list[dict[str, Any]], key: str) -> str | None:
    for node in nodes:
        value = node.get(key)
        if isinstance(value, str) and value:
            return value
    return None


def _text(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
