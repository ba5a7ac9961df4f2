"""The workbook's hidden anchors: which report, year and company it belongs to, which cell holds which
``file#pointer``, and the value each field had when the workbook was exported (the base of the three-way check).

They live as plain text rows on a hidden sheet (``_rac``), so a spreadsheet program keeps them as they are when it
re-saves the file. The base values are hashed; the hash is stored too, so a changed anchor sheet is noticed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from reportascode.files.digests import sha256_hex
from reportascode.model.values import encode

ANCHOR_SHEET = "_rac"
LISTS_SHEET = "_rac_lists"
MAGIC = "rac-workbook"
FORMAT_VERSION = "1"
MISSING_TEXT = ""  # an absent field's base (every present value is JSON text, never empty)


@dataclass
class FieldAnchor:
    sheet: str
    cell: str
    file: str
    pointer: str
    base: str  # JSON text, or MISSING_TEXT


@dataclass
class ObjectAnchor:
    """A nested object that was null or absent at export: its fields' cells build it anew when filled."""

    file: str
    pointer: str
    base: str


@dataclass
class TableAnchor:
    sheet: str
    header_row: int
    file: str
    pointer: str
    columns: list[tuple[str, str]]  # (column letter, pointer inside a record)
    headers: list[str]
    keys: list[str]
    records: list[str] = field(default_factory=list)  # JSON of each record's exported fields, at export


@dataclass
class Anchors:
    meta: dict[str, str] = field(default_factory=dict)
    fields: list[FieldAnchor] = field(default_factory=list)
    objects: list[ObjectAnchor] = field(default_factory=list)
    tables: list[TableAnchor] = field(default_factory=list)

    def digest(self) -> str:
        """sha256 over the identity and every base value with its place: what the workbook was exported from."""
        lines = [f"M\t{key}\t{value}" for key, value in sorted(self.meta.items()) if key != "base_hash"]
        lines += [f"F\t{a.sheet}\t{a.cell}\t{a.file}\t{a.pointer}\t{a.base}" for a in self.fields]
        lines += [f"O\t{a.file}\t{a.pointer}\t{a.base}" for a in self.objects]
        for table in self.tables:
            lines.append(f"T\t{table.sheet}\t{table.header_row}\t{table.file}\t{table.pointer}\t"
                         f"{json.dumps(table.columns)}\t{json.dumps(table.headers, ensure_ascii=False)}")
            lines += [f"R\t{table.file}\t{table.pointer}\t{record}" for record in table.records]
        return sha256_hex("\n".join(lines).encode("utf-8"))

    def rows(self) -> list[list[str]]:
        out: list[list[str]] = [[MAGIC, FORMAT_VERSION]]
        out += [["meta", key, value] for key, value in self.meta.items()]
        out += [["field", a.sheet, a.cell, a.file, a.pointer, a.base] for a in self.fields]
        out += [["object", a.file, a.pointer, a.base] for a in self.objects]
        for t in self.tables:
            out.append(["table", t.sheet, str(t.header_row), t.file, t.pointer, json.dumps(t.columns),
                        json.dumps(t.headers, ensure_ascii=False), json.dumps(t.keys)])
            out += [["record", t.sheet, record] for record in t.records]
        return out

    @classmethod
    def from_rows(cls, rows: list[list[str]]) -> Anchors:
        """Anchors from the sheet's rows; ``ValueError`` when they are not ours or are damaged."""
        if not rows or rows[0][:2] != [MAGIC, FORMAT_VERSION]:
            raise ValueError("not a rac workbook")
        anchors = cls()
        tables: dict[str, TableAnchor] = {}
        for row in rows[1:]:
            kind = row[0] if row else ""
            cells = row + [""] * 8
            if kind == "meta":
                anchors.meta[cells[1]] = cells[2]
            elif kind == "field":
                anchors.fields.append(FieldAnchor(*cells[1:6]))
            elif kind == "object":
                anchors.objects.append(ObjectAnchor(*cells[1:4]))
            elif kind == "table":
                columns = [(str(c), str(p)) for c, p in json.loads(cells[5])]
                table = TableAnchor(cells[1], int(cells[2]), cells[3], cells[4], columns, json.loads(cells[6]),
                                    json.loads(cells[7]))
                tables[table.sheet] = table
                anchors.tables.append(table)
            elif kind == "record":
                tables[cells[1]].records.append(cells[2])
            elif kind:
                raise ValueError(f"unknown anchor row {kind!r}")
        return anchors


def dump(value: Any) -> str:
    """A base value as exact JSON text (decimals keep their digits)."""
    return encode(value)


def load(text: str) -> Any:
    """The value of :func:`dump`'s text (decimals back as Decimal, from their text)."""
    return json.loads(text, parse_float=Decimal)
