"""Which fields of a report go where in the workbook: one sheet of labelled value rows per file, and one sheet per
list of records (branches, numbers, trunks, shareholders, by_province, …), a row per record.

The layout follows the schema (its order, titles, units) and the data: a field the schema requires but the file
lacks is shown as 待填; an optional one is shown only when the file has it (``source`` notes stay out of the way).
A nested object is a heading with its fields below it; inside a record its fields become columns
(``rectification_report/no``). A list of plain values (coverage, evidence) is one cell, an item per line.
Every field is exactly one cell: nothing is shown twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportascode.authoring.schema_nav import SchemaNavigator
from reportascode.model.keys import NATURAL_KEYS
from reportascode.model.loader import join_pointer, split_pointer
from reportascode.model.schemas import FieldLabel, SchemaStore
from reportascode.workbook.cellkinds import CellKind, kind_at

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()
OPTIONAL_HIDDEN = ("source",)  # provenance notes: shown only when present


@dataclass
class FieldRow:
    """A labelled row on a file's sheet: a heading (``kind`` None) or one field's value cell."""

    file: str
    pointer: str
    label: str
    depth: int
    kind: CellKind | None = None
    unit: str | None = None
    description: str = ""
    base: Any = MISSING
    required: bool = True


@dataclass
class Column:
    rel: str  # pointer inside a record: /seats, /rectification_report/no
    label: str
    kind: CellKind
    unit: str | None = None
    description: str = ""
    required: bool = True
    group_nullable: bool = False  # the column's nested object may be null (all its cells empty)


@dataclass
class Table:
    file: str
    pointer: str  # of the list in its file
    title: str
    columns: list[Column]
    keys: tuple[str, ...]
    records: list[dict[str, Any]] = field(default_factory=list)  # rel -> base value (absent columns left out)
    originals: list[Any] = field(default_factory=list)  # the records as the file has them

    def base_record(self, index: int) -> dict[str, Any]:
        """The exported top-level fields of record ``index`` (nested objects whole): the three-way base."""
        tops = list(dict.fromkeys(split_pointer(c.rel)[0] for c in self.columns))
        record = self.originals[index]
        return {k: record[k] for k in tops if isinstance(record, dict) and k in record}


@dataclass
class SheetPart:
    name: str
    file: str
    title: str
    rows: list[FieldRow] = field(default_factory=list)
    table: Table | None = None


class Labels:
    def __init__(self, store: SchemaStore, version: str, lang: str) -> None:
        self.store = store
        self.version = version
        self.lang = lang

    def of(self, name: str, pointer: str) -> tuple[str, str | None]:
        pattern = "/".join("*" if t.isdigit() else t for t in pointer.split("/"))
        found = self.store.labels(self.version, name).get(pattern)
        if found is None:
            return (split_pointer(pointer) or [name])[-1], None
        return found.text(self.lang), found.unit


def build_layout(store: SchemaStore, version: str, data: dict[str, Any], files: list[str], lang: str,
                 sheet_name: Any) -> list[SheetPart]:
    """The sheets for ``files`` (stems, in report order) with the report's ``data`` by stem.
    ``sheet_name(stem)`` gives a file's sheet name."""
    navigator = SchemaNavigator(store, version)
    labels = Labels(store, version, lang)
    parts: list[SheetPart] = []
    used: set[str] = set()
    for name in files:
        value = data.get(name)
        title = _schema_title(navigator, name, lang)
        types = _types(navigator, name, "")
        if "array" in types:
            table = _table(navigator, labels, name, "", value, title)
            parts.append(SheetPart(_unique(sheet_name(name), used), name, title, table=table))
            continue
        part = SheetPart(_unique(sheet_name(name), used), name, title)
        tables: list[Table] = []
        _object_rows(navigator, labels, name, "", value if isinstance(value, dict) else {}, 0, part.rows, tables)
        parts.append(part)
        for table in tables:
            parts.append(SheetPart(_unique(table.title, used), name, table.title, table=table))
    return parts


def _unique(name: str, used: set[str]) -> str:
    cleaned = "".join("_" if c in "[]:*?/\\'" else c for c in name).strip() or "Sheet"
    candidate, number = cleaned[:31], 2
    while candidate.lower() in used or candidate.lower().startswith("_rac"):
        suffix = f"-{number}"
        candidate = cleaned[: 31 - len(suffix)] + suffix
        number += 1
    used.add(candidate.lower())
    return candidate


def _schema_title(navigator: SchemaNavigator, name: str, lang: str) -> str:
    for candidate in navigator.root(name):
        node = candidate.node
        if "title" in node:
            return FieldLabel(str(node["title"]), str(node.get("x-label-en") or node["title"])).text(lang)
    return name


def _types(navigator: SchemaNavigator, name: str, pointer: str) -> set[str]:
    return navigator.types(name, pointer)


def _properties(navigator: SchemaNavigator, name: str, pointer: str) -> tuple[list[str], set[str]]:
    order: list[str] = []
    required: set[str] = set()
    for candidate in navigator.at(name, pointer):
        for key in candidate.node.get("properties") or {}:
            if key not in order:
                order.append(key)
        required.update(str(r) for r in candidate.node.get("required") or [])
    return order, required


def _description(navigator: SchemaNavigator, name: str, pointer: str) -> str:
    for candidate in navigator.at(name, pointer):
        text = candidate.node.get("description")
        if isinstance(text, str):
            return text
    return ""


def _is_object(navigator: SchemaNavigator, name: str, pointer: str) -> bool:
    return "object" in _types(navigator, name, pointer) and bool(_properties(navigator, name, pointer)[0])


def _is_record_list(navigator: SchemaNavigator, name: str, pointer: str) -> bool:
    return "array" in _types(navigator, name, pointer) and _is_object(navigator, name, f"{pointer}/0")


def _object_rows(navigator: SchemaNavigator, labels: Labels, name: str, pointer: str, value: dict[str, Any],
                 depth: int, rows: list[FieldRow], tables: list[Table]) -> None:
    order, required = _properties(navigator, name, pointer)
    for key in order:
        child = join_pointer(pointer, key)
        present = key in value
        if not present and (key not in required or key in OPTIONAL_HIDDEN):
            continue
        current = value.get(key, MISSING)
        label, unit = labels.of(name, child)
        if _is_record_list(navigator, name, child):
            title = label
            tables.append(_table(navigator, labels, name, child, current, title))
            continue
        if _is_object(navigator, name, child) and (current is MISSING or current is None or isinstance(current, dict)):
            rows.append(FieldRow(name, child, label, depth, description=_description(navigator, name, child)))
            inner = current if isinstance(current, dict) else {}
            _object_rows(navigator, labels, name, child, inner, depth + 1, rows, tables)
            continue
        kind = kind_at(navigator, name, child)
        rows.append(FieldRow(name, child, label, depth, kind, unit or kind.unit, _description(navigator, name, child),
                             current, key in required))


def _table(navigator: SchemaNavigator, labels: Labels, name: str, pointer: str, value: Any, title: str) -> Table:
    records = value if isinstance(value, list) else []
    item = f"{pointer}/0"
    columns: list[Column] = []
    order, required = _properties(navigator, name, item)
    for key in order:
        present = any(isinstance(r, dict) and key in r for r in records)
        if not present and (key not in required or key in OPTIONAL_HIDDEN):
            continue
        child = f"{item}/{key}"
        label, unit = labels.of(name, child)
        if _is_object(navigator, name, child):
            inner_order, inner_required = _properties(navigator, name, child)
            nullable = "null" in _types(navigator, name, child)
            for inner in inner_order:
                inner_present = any(isinstance(r, dict) and isinstance(r.get(key), dict) and inner in r[key]
                                    for r in records)
                if not inner_present and (inner not in inner_required or inner in OPTIONAL_HIDDEN):
                    continue
                grandchild = f"{child}/{inner}"
                inner_label, inner_unit = labels.of(name, grandchild)
                kind = kind_at(navigator, name, grandchild)
                columns.append(Column(f"/{key}/{inner}", f"{label}·{inner_label}", kind, inner_unit or kind.unit,
                                      _description(navigator, name, grandchild), key in required, nullable))
            continue
        if _is_record_list(navigator, name, child):
            continue  # lists of records inside records: none in the data model; left to the YAML
        kind = kind_at(navigator, name, child)
        columns.append(Column(f"/{key}", label, kind, unit or kind.unit, _description(navigator, name, child),
                              key in required))
    keys = NATURAL_KEYS.get(name, {}).get(pointer, ())
    table = Table(name, pointer, title, columns, keys)
    for record in records:
        table.records.append(record_cells(record, columns))
        table.originals.append(record)
    return table


def record_cells(record: Any, columns: list[Column]) -> dict[str, Any]:
    """A record's values by column (``rel`` → value); columns the record lacks are left out."""
    cells: dict[str, Any] = {}
    if not isinstance(record, dict):
        return cells
    for column in columns:
        tokens = split_pointer(column.rel)
        current: Any = record
        for token in tokens:
            if isinstance(current, dict) and token in current:
                current = current[token]
            else:
                current = MISSING
                break
        if current is not MISSING:
            cells[column.rel] = current
    return cells
