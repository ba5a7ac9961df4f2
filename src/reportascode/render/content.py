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
    error: str = ""  # ids of the findings that point at this value (drafts mark the cell)

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
    provenance: str = ""  # system / internal / computed (templates/forms.yaml), "" where it does not apply
    provenance_text: str = ""


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

    @property
    def provenance(self) -> bool:
        return any(row.provenance for row in self.rows)


@dataclass
class Table:
    columns: list[Column]
    rows: list[list[Cell]]
    title: str | None = None
    empty_text: str = ""
    style: str = ""
    kind: str = "table"
    provenance: str = ""
    provenance_text: str = ""
    new_page: bool = False  # starts a page: a list that would otherwise leave a few lines alone on the next one


@dataclass(frozen=True)
class Signature:
    """One line of a signature block: ``role：________`` with the printed name under the line when known."""

    role: str
    name: str = ""


@dataclass
class Signatures:
    """A Chinese signature block: 承诺单位（盖章）：<company> (the seal goes over the name), the signers, the date."""

    seal_label: str
    company: str
    lines: list[Signature]
    date_label: str
    date: str
    kind: str = "signatures"


@dataclass
class SignOff:
    """填表人 / 审核人 line at the foot of a form: (label, value) pairs printed on one or two lines."""

    entries: list[tuple[str, str]]
    kind: str = "signoff"


@dataclass
class Legend:
    """What the provenance styles mean: (provenance, name, explanation)."""

    items: list[tuple[str, str, str]]
    kind: str = "legend"


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


Block = Heading | Paragraph | Fields | Table | Signatures | SignOff | Legend | Chart


@dataclass
class Section:
    """One form, letter or sheet: it starts on a new page and becomes one worksheet."""

    id: str
    title: str
    sheet: str
    blocks: list[Block] = field(default_factory=list)
    subtitle: str = ""
    internal: bool = False  # marked 内部 on every page
    landscape: bool = False


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
    footer: str = ""  # printed at the foot of every page: the data fingerprint and the tool version
    marker: str = ""  # the same, machine-readable (metadata), for rac verify --document
    internal_text: str = ""  # the 内部 mark of internal sections


# Every class of the model: plain data a template reads (render/env.py lets templates read their fields directly).
MODEL_TYPES: tuple[type, ...] = (Cell, Column, Field, Heading, Paragraph, Fields, Table, Signature, Signatures, SignOff,
                                 Legend, Chart, Section, Document)
