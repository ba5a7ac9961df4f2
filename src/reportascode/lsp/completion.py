"""Completion: the keys of the mapping at the cursor in schema order with their titles, the allowed values of a
field with their names (``33 浙江``), and a date in the form the schemas require."""

from __future__ import annotations

from dataclasses import dataclass

from reportascode.authoring.schema_nav import SchemaNavigator
from reportascode.authoring.yamltext import double_quoted, plain_ok
from reportascode.lsp.fieldinfo import field_info
from reportascode.lsp.yamlpath import place_at, shape
from reportascode.messages import message


@dataclass(frozen=True)
class Suggestion:
    label: str
    insert: str
    detail: str
    documentation: str = ""
    kind: str = "value"  # "key", "value" or "date"
    snippet: bool = False
    sort: str = ""


def suggestions(lines: list[str], line: int, character: int, file_name: str, navigator: SchemaNavigator,
                lang: str, year: int | None) -> list[Suggestion]:
    """What may be written at the cursor (0-based line, character index)."""
    place = place_at(lines, line, character)
    if place.key is not None and place.on_value:
        return _values(navigator, file_name, place.pointer, lang, year)
    return _keys(lines, line, navigator, file_name, place.container, lang)


def _keys(lines: list[str], line: int, navigator: SchemaNavigator, file_name: str, container: str,
          lang: str) -> list[Suggestion]:
    present = sibling_keys(lines, line)
    found = []
    for index, key in enumerate(navigator.property_order(file_name, container)):
        if key in present:
            continue
        info = field_info(navigator, file_name, f"{container}/{key}")
        title = (info.title(lang) if info else None) or ""
        unit = message("lsp.hover.unit", lang, {"unit": info.unit}) if info and info.unit else ""
        found.append(Suggestion(f"{key}", f"{key}: ", " ".join(p for p in (title, unit) if p),
                                kind="key", sort=f"{index:04d}"))
    return found


def _values(navigator: SchemaNavigator, file_name: str, pointer: str, lang: str, year: int | None
            ) -> list[Suggestion]:
    info = field_info(navigator, file_name, pointer)
    if info is None:
        return []
    found = []
    for index, (value, name) in enumerate(info.allowed):
        written = value if plain_ok(value) or "string" not in info.types else double_quoted(value)
        found.append(Suggestion(f"{value} {name}".rstrip(), written, name, sort=f"{index:04d}"))
    if info.is_date:
        filing_year = (year + 1) if year else 2025
        found.append(Suggestion(message("lsp.complete.date", lang), f"${{1:{filing_year}}}-${{2:03}}-${{3:31}}",
                                message("lsp.hover.date", lang), kind="date", snippet=True))
    return found


def sibling_keys(lines: list[str], line: int, column: int | None = None, include_own: bool = False) -> set[str]:
    """The keys already written in the block of the line ``line`` (same indentation, no shallower line between);
    ``column`` is the block's indentation (by default, that of the line). The line's own key counts only with
    ``include_own`` (the line completion is asked on is being typed)."""
    if column is None:
        here = shape(lines[line]) if line < len(lines) else None
        text = lines[line] if line < len(lines) else ""
        column = here.key_column if here is not None else len(text) - len(text.lstrip(" "))
    keys: set[str] = set()
    own = shape(lines[line]) if line < len(lines) else None
    if include_own and own is not None and own.key is not None and own.key_column == column:
        keys.add(own.key)
    for step in (-1, 1):
        index = line + step
        while 0 <= index < len(lines):
            other = shape(lines[index])
            index += step
            if other is None:
                continue
            start = other.dash_columns[0] if other.dash_columns else other.key_column
            if start < column:
                break
            if other.key is not None and other.key_column == column:
                keys.add(other.key)
                if step == -1 and other.dash_columns:  # the first key of this list item
                    break
    return keys
