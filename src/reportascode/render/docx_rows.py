"""The data rows of a DOCX table, written as WordprocessingML in one pass.

python-docx costs about 0.2 ms per cell (element classes, child ordering, a lookup per property), which at
tens of thousands of cells dominated rendering. Here every row is one string with each value escaped, spliced
into the serialized document (:class:`RowSplicer`) or parsed once by lxml and appended to the table. The XML
is exactly what ``docx._cell`` writes through python-docx for the same cell (a test compares the two on hostile
text), so the documents keep their bytes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportascode.model.escape import xml_text
from reportascode.render.content import Cell

RED_HEX = "B00020"
HEAT_FILLS = {"heat-1": "FFF3C4", "heat-2": "FFC98A", "heat-3": "F28B82", "heat-ok": "E3F2E1"}
ERROR_FILL = "FDE7EA"
HEADER_FILL = "E9EDF3"
LABEL_FILL = "F4F6F9"
ERROR_SIZE = 7.5
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


@dataclass(frozen=True)
class Look:
    """How ``docx._cell`` is asked to set a cell: its text size, its fill, the label shade, italic text,
    centred text, a header cell."""

    size: float = 9.5
    fill: str | None = None
    shade: bool = False
    italic: bool = False
    center: bool = False
    header: bool = False


def table_rows(rows: Sequence[Sequence[tuple[Cell, Look]]], widths: Sequence[int], header: bool = False) -> list[Any]:
    """``<w:tr>`` elements for ``rows`` of (cell, look), each cell ``widths[i]`` twips wide; ``header``: the
    first row repeats at the top of every page."""
    from docx.oxml.ns import nsdecls
    from docx.oxml.parser import parse_xml

    return list(parse_xml(f"<w:tbl {nsdecls('w')}>{rows_xml(rows, widths, header)}</w:tbl>"))


def rows_xml(rows: Sequence[Sequence[tuple[Cell, Look]]], widths: Sequence[int], header: bool = False) -> str:
    """The ``<w:tr>`` elements of :func:`table_rows` as text, in the form lxml serializes them."""
    parts = []
    for number, row in enumerate(rows):
        parts.append('<w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr>' if header and number == 0 else "<w:tr>")
        for (value, look), width in zip(row, widths, strict=True):
            parts.append(_cell_xml(value, width, look))
        parts.append("</w:tr>")
    return "".join(parts)


class RowSplicer:
    """Table rows kept as text until the document is serialized, then spliced into its XML: a large table is
    never parsed into elements only to be serialized back (at 1,000 numbers, 5 MB of rows). A comment marks
    each table's place; data cannot forge one, since ``<`` in text is always escaped. The text is what lxml
    writes for the same rows (a test compares the documents both ways)."""

    def __init__(self) -> None:
        self.rows: list[bytes] = []

    def place(self, table: Any, rows: Sequence[Sequence[tuple[Cell, Look]]], widths: Sequence[int],
              header: bool = False) -> None:
        from lxml import etree  # type: ignore[import-untyped]

        table._tbl.append(etree.Comment(f"{_MARK}{len(self.rows)}"))
        self.rows.append(rows_xml(rows, widths, header).encode("utf-8"))

    def splice(self, xml: bytes) -> bytes:
        found = 0

        def rows(match: re.Match[bytes]) -> bytes:
            nonlocal found
            found += 1
            return self.rows[int(match.group(1))]

        spliced = _MARKER.sub(rows, xml)
        if found != len(self.rows):
            raise ValueError(f"{len(self.rows)} tables of rows, {found} places")
        return spliced


_MARK = "rac-rows-"
_MARKER = re.compile(rb"<!--rac-rows-(\d+)-->")


def _cell_xml(value: Cell, width: int, look: Look) -> str:
    error = bool(value.error)
    color = HEAT_FILLS.get(value.css)
    if look.header:
        color = HEADER_FILL
    elif error:
        color = ERROR_FILL
    elif look.fill:
        color = look.fill
    elif look.shade:
        color = LABEL_FILL
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{color}"/>' if color else ""
    bold = look.header or error or value.css in ("heat-3", "sev-error")
    align = "center" if look.header or look.center else "right" if value.align == "num" else None
    paragraph = f'<w:pPr><w:jc w:val="{align}"/></w:pPr>' if align else ""
    runs = run_xml(value.text, look.size, bold, RED_HEX if error else None, look.italic)
    if error:
        runs += run_xml(f"  [{value.error}]", ERROR_SIZE, False, RED_HEX)
    return (f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{shading}</w:tcPr>'
            f"<w:p>{paragraph}{runs}</w:p></w:tc>")


def run_xml(text: str, size: float, bold: bool, color: str | None, italic: bool = False) -> str:
    """A ``<w:r>`` as python-docx's ``add_run`` writes it: tabs become ``<w:tab/>``, line breaks ``<w:br/>``,
    the rest ``<w:t>`` (``xml:space="preserve"`` when it starts or ends with white space)."""
    return f"<w:r>{_properties(size, bold, color, italic)}{_content(xml_text(text))}</w:r>"


@cache
def _properties(size: float, bold: bool, color: str | None, italic: bool) -> str:
    return ("<w:rPr>" + ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
            + (f'<w:color w:val="{color}"/>' if color else "")
            + f'<w:sz w:val="{_half_points(size)}"/></w:rPr>')


@cache
def _half_points(size: float) -> str:
    from docx.oxml.simpletypes import ST_HpsMeasure
    from docx.shared import Pt

    return str(ST_HpsMeasure.convert_to_xml(Pt(size)))


def _content(text: str) -> str:
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return _text(text)
    parts: list[str] = []
    buffer: list[str] = []
    for char in text:
        if char in "\t\r\n":
            parts.append(_text("".join(buffer)))
            buffer.clear()
            parts.append("<w:tab/>" if char == "\t" else "<w:br/>")
        else:
            buffer.append(char)
    parts.append(_text("".join(buffer)))
    return "".join(parts)


def _text(text: str) -> str:
    if not text:
        return ""
    space = ' xml:space="preserve"' if len(text.strip()) < len(text) else ""
    return f"<w:t{space}>{text.translate(_ESCAPES)}</w:t>"
