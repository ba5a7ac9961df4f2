"""XLSX workbooks (openpyxl): one sheet per form, letter, province and the gap analysis. Numbers are stored as
numbers (Decimal, never float text), dates as dates, units in the labels and column headers."""

from __future__ import annotations

import datetime as dt
import io
from functools import cache, lru_cache
from typing import Any

from reportascode import __version__
from reportascode.render.content import Cell, Document, Fields, Heading, Paragraph, Section, Signatures, Table
from reportascode.render.ooxml import normalize

RED = "B00020"
HEADER_FILL = "E9EDF3"
LABEL_FILL = "F4F6F9"
HEAT_FILLS = {"heat-1": "FFF3C4", "heat-2": "FFC98A", "heat-3": "F28B82", "heat-ok": "E3F2E1"}
MIN_WIDTH, MAX_WIDTH = 8, 60


def number_format(cell: Cell, lang: str) -> str | None:
    if cell.kind == "money":
        return "#,##0.00"
    if cell.kind == "count":
        return "#,##0"
    if cell.kind == "ratio":
        return "0.00%"
    if cell.kind == "percent":
        return '0.00"%"'
    if cell.kind == "number":
        if cell.places is None:
            return "General"
        return "#,##0" + ("." + "0" * cell.places if cell.places else "")
    if cell.kind == "date":
        return 'yyyy"年"m"月"d"日"' if lang == "zh" else "yyyy-mm-dd"
    return None


def render_xlsx(document: Document) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for section in document.sections:
        name = _unique(section.sheet or section.title[:31], used)
        _sheet(book.create_sheet(name), section, document)
    moment = dt.datetime.combine(document.date, dt.time(0, 0))
    props = book.properties
    props.title = document.title
    props.subject = f"{document.company} {document.year}"
    props.creator = document.company
    props.lastModifiedBy = f"reportascode {__version__}"
    props.created = moment
    props.modified = moment
    props.keywords = "DRAFT" if document.draft else None
    buffer = io.BytesIO()
    book.save(buffer)
    return normalize(buffer.getvalue(), document.date)


def _unique(name: str, used: set[str]) -> str:
    candidate, number = name, 2
    while candidate in used:
        suffix = f"-{number}"
        candidate = name[: 31 - len(suffix)] + suffix
        number += 1
    used.add(candidate)
    return candidate


class _Sheet:
    """Writes rows top to bottom and remembers how wide each column needs to be."""

    def __init__(self, ws: Any, lang: str) -> None:
        self.ws = ws
        self.lang = lang
        self.row = 1
        self.widths: dict[int, int] = {}

    def put(self, column: int, value: Any, bold: bool = False, color: str | None = None, fill: str | None = None,
            fmt: str | None = None, wrap: bool = False, size: float | None = None, align: str | None = None) -> Any:
        cell = self.ws.cell(row=self.row, column=column, value=value)
        if bold or color or size:
            cell.font = _font(bold, color, size)
        if fill:
            cell.fill = _fill(fill)
        if fmt:
            cell.number_format = fmt
        if wrap or align:
            cell.alignment = _alignment(wrap, align)
        if not wrap:
            self.widths[column] = max(self.widths.get(column, 0), _display_width(value, fmt))
        return cell

    def border(self, cell: Any) -> None:
        cell.border = _thin_border()

    def value(self, column: int, cell: Cell, fill: str | None = None) -> None:
        written = self.put(column, cell.sheet_value, fmt=number_format(cell, self.lang),
                           fill=HEAT_FILLS.get(cell.css, fill), bold=cell.css in ("heat-3", "sev-error"),
                           align="right" if cell.align == "num" and not cell.numeric else None)
        self.border(written)

    def text_row(self, text: str, span: int, bold: bool = False, color: str | None = None,
                 size: float | None = None) -> None:
        self.put(1, text, bold=bold, color=color, wrap=len(text) > 40, size=size)
        if span > 1 and len(text) > 40:
            self.ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=span)
            self.ws.row_dimensions[self.row].height = 15 * (1 + len(text) // (span * 18))
        self.row += 1


def _sheet(ws: Any, section: Section, document: Document) -> None:
    lang = document.lang
    sheet = _Sheet(ws, lang)
    span = max([len(b.columns) for b in section.blocks if isinstance(b, Table)] + [2])
    if document.draft:
        suffix = "：本文件为草稿，不得用于报送" if lang == "zh" else ": a draft, not to be filed"
        sheet.text_row(document.draft_text + suffix, 1, bold=True, color=RED, size=14)
        for header in (ws.oddHeader, ws.evenHeader, ws.firstHeader):
            header.center.text = document.draft_text
            header.center.color = RED
            header.center.size = 14
    for footer in (ws.oddFooter, ws.evenFooter, ws.firstFooter):
        footer.center.text = (f"{document.draft_text} · " if document.draft else "") + "&P / &N"
    sheet.text_row(section.title, 1, bold=True, size=14)
    if section.subtitle:
        sheet.text_row(section.subtitle, span)
    if document.note and section is document.sections[0]:
        sheet.text_row(document.note, span, color="444444")
    sheet.row += 1
    for block in section.blocks:
        if isinstance(block, Heading):
            sheet.text_row(block.text, 1, bold=True, size=12)
        elif isinstance(block, Paragraph):
            color = {"note": "444444", "internal": "7A4B00"}.get(block.style)
            sheet.text_row(block.text, span, color=color)
        elif isinstance(block, Fields):
            if block.title:
                sheet.text_row(block.title, 1, bold=True)
            for column, text in enumerate(("项目", "数值") if lang == "zh" else ("Item", "Value"), start=1):
                sheet.border(sheet.put(column, text, bold=True, fill=HEADER_FILL))
            sheet.row += 1
            for field in block.rows:
                sheet.border(sheet.put(1, field.label, fill=LABEL_FILL))
                sheet.value(2, field.cell)
                sheet.row += 1
            sheet.row += 1
        elif isinstance(block, Table):
            if block.title:
                sheet.text_row(block.title, 1, bold=True)
            for column, head in enumerate(block.columns, start=1):
                sheet.border(sheet.put(column, head.header, bold=True, fill=HEADER_FILL, wrap=False))
            sheet.row += 1
            for row in block.rows:
                for column, cell in enumerate(row, start=1):
                    sheet.value(column, cell)
                sheet.row += 1
            if not block.rows:
                sheet.put(1, block.empty_text, color="777777")
                sheet.row += 1
            sheet.row += 1
        elif isinstance(block, Signatures):
            colon = "：" if lang == "zh" else ": "
            for line in block.lines:
                sheet.put(1, f"{line.role}{colon}＿＿＿＿＿＿（{line.name}）")
                sheet.row += 1
                sheet.put(1, f"{'日期' if lang == 'zh' else 'Date'}{colon}{line.date}")
                sheet.row += 2
            if block.seal_text:
                sheet.put(1, block.seal_text, color=RED)
                sheet.row += 1
    for column, width in sheet.widths.items():
        from openpyxl.utils import get_column_letter

        ws.column_dimensions[get_column_letter(column)].width = max(MIN_WIDTH, min(MAX_WIDTH, width + 2))
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if span > 6 else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True


def _display_width(value: Any, fmt: str | None) -> int:
    if value is None:
        return 0
    if isinstance(value, (dt.date, dt.datetime)):
        return 16
    text = str(value)
    if fmt and fmt.startswith("#,##0"):
        text = f"{text},,,"
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


# openpyxl style objects are immutable and costly to build and hash: one of each kind, shared by every cell.
@cache
def _font(bold: bool, color: str | None, size: float | None) -> Any:
    from openpyxl.styles import Font

    return Font(bold=bold, color=color, size=size)


@cache
def _fill(color: str) -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill("solid", start_color=color, end_color=color)


@cache
def _alignment(wrap: bool, align: str | None) -> Any:
    from openpyxl.styles import Alignment

    return Alignment(wrap_text=wrap, vertical="top", horizontal=align)


@lru_cache(maxsize=1)
def _thin_border() -> Any:
    from openpyxl.styles import Border, Side

    side = Side(style="thin", color="555555")
    return Border(left=side, right=side, top=side, bottom=side)
