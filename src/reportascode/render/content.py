"""The document model every format is written from: documents made of sections made of blocks.

HTML templates, the DOCX and XLSX writers and the Markdown summary all read the same model, so a figure, its
label and its unit are decided once. A :class:`Cell` keeps the raw value (for spreadsheets: numbers stay
numbers) beside the text shown in documents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

NUMERIC_KINDS = ("money", "count", "number", "ratio", "percent")


@dataclass(frozen=True)
class Cell:
    text: str
    value: Any = None
    kind: str = "text"
    places: int | None = None
    css: str = ""

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS and isinstance(self.value, (int, Decimal)) \
            and not isinstance(self.value, bool)

    @property
    def align(self) -> str:
        return "num" if self.kind in NUMERIC_KINDS else "txt"

    @property
    def sheet_value(self) -> Any:
        """What a spreadsheet stores: numbers as numbers, dates as dates, everything else as its text."""
        if self.numeric:
            return self.value
        if self.kind == "date" and isinstance(self.value, dt.date):
            return self.value
        return self.text


@dataclass(frozen=True)
class Column:
    label: str
    header: str
    unit: str | None = None


@dataclass(frozen=True)
class Field:
    label: str
    unit: str | None
    cell: Cell


@dataclass
class Heading:
    text: str
    level: int = 2
    kind: str = "heading"


@dataclass
class Paragraph:
    text: str
    style: str = ""
    kind: str = "paragraph"


@dataclass
class Fields:
    rows: list[Field]
    title: str | None = None
    kind: str = "fields"


@dataclass
class Table:
    columns: list[Column]
    rows: list[list[Cell]]
    title: str | None = None
    empty_text: str = ""
    style: str = ""
    kind: str = "table"


@dataclass(frozen=True)
class Signature:
    role: str
    name: str
    date: str
    seal: bool = False


@dataclass
class Signatures:
    lines: list[Signature]
    seal_text: str = ""
    kind: str = "signatures"


@dataclass
class Chart:
    """A chart drawn by a charting library (the trends): SVG for HTML and PDF, PNG for DOCX. ``svg`` is the
    ``<svg>`` element itself, inlined into HTML as it is (the library escapes the text it writes)."""

    id: str
    title: str
    svg: str
    png: bytes | None = None
    caption: str = ""
    kind: str = "chart"


Block = Heading | Paragraph | Fields | Table | Signatures | Chart


@dataclass
class Section:
    """One form, letter or sheet: it starts on a new page and becomes one worksheet."""

    id: str
    title: str
    sheet: str
    blocks: list[Block] = field(default_factory=list)
    subtitle: str = ""


@dataclass
class Document:
    id: str
    title: str
    lang: str
    sections: list[Section]
    draft: bool
    draft_text: str
    company: str
    year: int
    date: dt.date
    kind: str = "document"
    note: str = ""
