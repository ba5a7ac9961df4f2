"""XLSX workbooks (openpyxl): a sheet per form, letter, province and the gap analysis, and a sheet of its own for
each wide table. Numbers are stored as numbers (Decimal, never float text), dates as dates, units in the labels
and column headers.

Set for printing: column widths from the content, wrapped text with row heights that fit it, A4 portrait or
landscape per sheet, header rows repeated on every page, never scaled below a readable size (``MIN_SCALE``: 10 pt
text prints at 7 pt or more), the data fingerprint and the tool version in every page footer, 内部 in the header of
internal sheets.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from reportascode import __version__
from reportascode.messages import message
from reportascode.model.escape import xml_text
from reportascode.render.content import (
    Block,
    Cell,
    Document,
    Fields,
    Heading,
    Legend,
    Paragraph,
    Section,
    Signatures,
    SignOff,
    Table,
)
from reportascode.render.ooxml import normalize_parts
from reportascode.render.xlsx_sheetdata import CellStore, workbook_parts

RED = "B00020"
HEADER_FILL = "E9EDF3"
LABEL_FILL = "F4F6F9"
ERROR_FILL = "FDE7EA"
PROVENANCE_FILLS = {"internal": "EFEFEF", "computed": "FBF3DC"}
HEAT_FILLS = {"heat-1": "FFF3C4", "heat-2": "FFC98A", "heat-3": "F28B82", "heat-ok": "E3F2E1"}
FONT_SIZE = 10.0
MIN_SCALE = 0.72  # 10 pt × 0.72 = 7.2 pt on paper
MIN_WIDTH, MAX_WIDTH = 6, 28  # column widths in characters; longer text wraps
WIDE_TABLE = 4  # tables with more columns than this get a sheet of their own
# Printable width of A4 (mm) with the margins below (0.5 inch left and right).
PRINTABLE_MM = {"portrait": 210 - 25.4, "landscape": 297 - 25.4}
LINE_HEIGHT = 13.5  # points per line of 10 pt text
COMFORTABLE_SCALE = 0.85  # narrow long columns or turn to landscape before scaling below this
FLEXIBLE = 20  # long text columns narrow down to this many characters (and wrap); a USCC (18) never does


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
        return message("xlsx.date_format", lang)
    return None


def render_xlsx(document: Document) -> bytes:
    from reportascode.files.lean_openpyxl import import_openpyxl

    import_openpyxl()
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    styles: dict[tuple[Any, ...], Any] = {}
    stores: dict[int, CellStore] = {}
    for section in document.sections:
        for sheet in plan_sheets(section):
            name = _unique(sheet.name, used)
            ws = book.create_sheet(name)
            stores[id(ws)] = _write_sheet(ws, sheet, document, styles)
    moment = dt.datetime.combine(document.date, dt.time(0, 0))
    props = book.properties
    props.title = document.title
    props.subject = f"{document.company} {document.year}"
    props.creator = document.company
    props.lastModifiedBy = f"reportascode {__version__}"
    props.created = moment
    props.modified = moment
    props.keywords = " ".join(part for part in ("DRAFT" if document.draft else "", document.marker) if part) or None
    return normalize_parts(workbook_parts(book, stores), document.date)


@dataclass
class SheetPlan:
    """What one worksheet holds: a section's title and some of its blocks."""

    name: str
    section: Section
    blocks: list[Block] = field(default_factory=list)
    continued: bool = False


def plan_sheets(section: Section) -> list[SheetPlan]:
    """The section's own sheet, plus one sheet for each wide table (so a short list never shares its columns
    with an eleven-column table), in order."""
    main = SheetPlan(section.sheet or section.title[:31], section)
    sheets = [main]
    for block in section.blocks:
        if isinstance(block, Table) and len(block.columns) > WIDE_TABLE and block.rows \
                and _has_other_content(section, block):
            name = f"{main.name[:14]}-{(block.title or '')[:14]}".rstrip("-")
            sheets.append(SheetPlan(name, section, [block], continued=True))
            main.blocks.append(Paragraph(_see_sheet(name, section.sheet, block), "note"))
        else:
            main.blocks.append(block)
    return sheets


def _has_other_content(section: Section, table: Table) -> bool:
    return any(block is not table and isinstance(block, (Fields, Table)) for block in section.blocks)


def _see_sheet(name: str, sheet: str, table: Table) -> str:
    # the sheet name is the pointer a reader follows; the arrow reads in both languages
    return f"{table.title or ''} → {name}"


def _unique(name: str, used: set[str]) -> str:
    name = "".join(ch for ch in name if ch not in "[]:*?/\\")[:31] or "Sheet"
    candidate, number = name, 2
    while candidate in used:
        suffix = f"-{number}"
        candidate = name[: 31 - len(suffix)] + suffix
        number += 1
    used.add(candidate)
    return candidate


class _Sheet:
    """Writes rows top to bottom; remembers each column's width and each row's wrapped lines. The cells go to a
    :class:`CellStore` (written as one piece of XML), not to openpyxl's cell objects."""

    def __init__(self, ws: Any, lang: str, styles: dict[tuple[Any, ...], Any]) -> None:
        self.ws = ws
        self.lang = lang
        self.styles = styles  # the workbook's cell styles by what put() was asked for (see _style)
        self.store = CellStore()
        self.row = 1
        self.widths: dict[int, int] = {}
        self.wrapped: dict[int, list[tuple[int, int, str]]] = {}  # row → (first column, span, text)
        self.header_rows: list[int] = []

    def put(self, column: int, value: Any, bold: bool = False, color: str | None = None, fill: str | None = None,
            fmt: str | None = None, size: float = FONT_SIZE, align: str | None = None, italic: bool = False,
            measure: bool = True, span: int = 1, border: bool = False) -> None:
        from openpyxl.styles.cell_style import StyleArray

        key = (bold, color, size, italic, fill, fmt, align, border)
        before = self.store.style_of(self.row, column)  # a cell written twice keeps its first style's parts
        if isinstance(value, str):
            # text is a string cell, always: openpyxl would make "=HYPERLINK(…)" a live formula; characters XML
            # forbids are shown escaped (openpyxl would raise)
            value = xml_text(value)
            known = self.styles.get(key) if before is None else None
            self.store.put_text(self.row, column, value, known if known is not None else self._style(key, before))
        else:
            from openpyxl.cell.cell import Cell as OpenpyxlCell

            cell = OpenpyxlCell(self.ws, row=self.row, column=column,
                                style_array=None if before is None else StyleArray(before))
            cell.value = value  # a date gets openpyxl's default date format here, as in a worksheet cell
            self.store.put_value(self.row, column, cell, self._style(key, cell._style))
        if measure and span == 1:
            self.widths[column] = max(self.widths.get(column, 0), _display_width(value, fmt))
        if isinstance(value, str):
            self.wrapped.setdefault(self.row, []).append((column, span, value))

    def _style(self, key: tuple[Any, ...], current: Any) -> Any:
        """The style array openpyxl would give a cell whose style is ``current`` (None: none yet) when asked for
        ``key``. openpyxl hashes every style object on every assignment (a quarter of the time of a large
        workbook); the first cell of each style takes that path, an unstyled cell gets the array it produced
        (which is what the same assignments would have given it: the workbook's font, fill, border and format
        lists fill up in the same order)."""
        from openpyxl.cell.cell import Cell as OpenpyxlCell
        from openpyxl.styles.cell_style import StyleArray

        known = self.styles.get(key)
        if known is not None and (current is None or not any(current)):
            return known
        target = OpenpyxlCell(self.ws, style_array=None if current is None else StyleArray(current))
        bold, color, size, italic, fill, fmt, align, border = key
        target.font = _font(bold, color, size, italic)
        if fill:
            target.fill = _fill(fill)
        if fmt:
            target.number_format = fmt
        target.alignment = _alignment(True, align)
        if border:
            target.border = _thin_border()
        style = StyleArray(target._style)
        if current is None or not any(current):  # only a style that ``key`` alone made is shared
            self.styles.setdefault(key, style)
        return style

    def value(self, column: int, cell: Cell, fill: str | None = None, italic: bool = False) -> None:
        error = bool(cell.error)
        self.put(column, cell.sheet_value, fmt=number_format(cell, self.lang),
                 fill=ERROR_FILL if error else HEAT_FILLS.get(cell.css, fill),
                 bold=error or cell.css in ("heat-3", "sev-error"), color=RED if error else None,
                 align="right" if cell.align == "num" and not cell.numeric else None, italic=italic, border=True)

    def text_row(self, text: str, span: int, bold: bool = False, color: str | None = None,
                 size: float = FONT_SIZE) -> None:
        self.put(1, text, bold=bold, color=color, size=size, measure=False, span=span)
        if span > 1:
            self.store.merge(self.row, span, self.ws)
        if size > FONT_SIZE + 1:
            self.ws.row_dimensions[self.row].height = size * 1.5
        self.row += 1


def _write_sheet(ws: Any, plan: SheetPlan, document: Document, styles: dict[tuple[Any, ...], Any]) -> CellStore:
    section = plan.section
    lang = document.lang
    sheet = _Sheet(ws, lang, styles)
    span = max([len(b.columns) + _error_column(b) for b in plan.blocks if isinstance(b, Table)]
               + [_fields_span(b) for b in plan.blocks if isinstance(b, Fields)] + [2])
    if document.draft:
        suffix = message("pack.draft_suffix", lang)
        sheet.text_row(document.draft_text + suffix, span, bold=True, color=RED, size=12)
    sheet.text_row(section.title, span, bold=True, size=13)
    if section.subtitle and not plan.continued:
        sheet.text_row(section.subtitle, span)
    if document.note and section is document.sections[0] and not plan.continued:
        sheet.text_row(document.note, span, color="444444")
    sheet.row += 1
    for block in plan.blocks:
        _write_block(sheet, block, span, lang)
    landscape = _layout(ws, sheet, span, section.landscape)
    _page_setup(ws, sheet, document, section, landscape)
    return sheet.store


def _fields_span(block: Fields) -> int:
    return 2 + (1 if block.provenance else 0) + (1 if any(f.cell.error for f in block.rows) else 0)


def _error_column(block: Table) -> int:
    return 1 if any(cell.error for row in block.rows for cell in row) else 0


def _write_block(sheet: _Sheet, block: Block, span: int, lang: str) -> None:
    colon = message("pack.colon", lang)
    if isinstance(block, Heading):
        sheet.text_row(block.text, span, bold=True, size=11)
    elif isinstance(block, Paragraph):
        color = {"note": "444444", "internal": "7A4B00"}.get(block.style)
        sheet.text_row(block.text, span, color=color)
    elif isinstance(block, Legend):
        separator = message("pack.separator", lang)
        sheet.text_row(separator.join(f"【{name}】{text}" for _, name, text in block.items), span, color="333333")
    elif isinstance(block, Fields):
        _write_fields(sheet, block, span, lang)
    elif isinstance(block, Table):
        _write_table(sheet, block, span, lang)
    elif isinstance(block, Signatures):  # room above and below the company name for the seal
        sheet.ws.row_dimensions[sheet.row].height = 36
        sheet.row += 1
        sheet.text_row(f"{block.seal_label}{colon}{block.company}", span, size=11)
        sheet.ws.row_dimensions[sheet.row].height = 36
        sheet.row += 1
        for line in block.lines:
            sheet.text_row(f"{line.role}{colon}＿＿＿＿＿＿＿＿", span, size=11)
            sheet.ws.row_dimensions[sheet.row - 1].height = 24
        sheet.text_row(f"{block.date_label}{colon}{block.date}", span, size=11)
    elif isinstance(block, SignOff):
        sheet.row += 1
        for start in range(0, len(block.entries), 3):
            sheet.text_row("　　".join(f"{label}{colon}{value}" for label, value in block.entries[start:start + 3]),
                           span)


def _write_fields(sheet: _Sheet, block: Fields, span: int, lang: str) -> None:
    if block.title:
        sheet.text_row(block.title, span, bold=True)
    heads = [message("pack.column.item", lang), message("pack.column.value", lang)]
    if block.provenance:
        heads.append(message("pack.column.provenance", lang))
    errors = any(f.cell.error for f in block.rows)
    if errors:
        heads.append(message("pack.column.error", lang))
    for column, text in enumerate(heads, start=1):
        sheet.put(column, text, bold=True, fill=HEADER_FILL, border=True)
    sheet.header_rows.append(sheet.row)
    sheet.row += 1
    for field_row in block.rows:
        fill = PROVENANCE_FILLS.get(field_row.provenance)
        italic = field_row.provenance in PROVENANCE_FILLS
        sheet.put(1, field_row.label, fill=fill or LABEL_FILL, italic=italic, border=True)
        sheet.value(2, field_row.cell, fill=fill, italic=italic)
        column = 3
        if block.provenance:
            sheet.put(column, field_row.provenance_text, fill=fill, italic=italic, align="center", border=True)
            column += 1
        if errors:
            sheet.put(column, field_row.cell.error, color=RED, bold=True, border=True)
        sheet.row += 1
    sheet.row += 1


def _write_table(sheet: _Sheet, block: Table, span: int, lang: str) -> None:
    if block.title:
        title = block.title + (f"【{block.provenance_text}】" if block.provenance_text else "")
        sheet.text_row(title, span, bold=True)
    fill = PROVENANCE_FILLS.get(block.provenance)
    errors = _error_column(block)
    heads = [column.header for column in block.columns] + ([message("pack.column.error", lang)] if errors else [])
    for column, head in enumerate(heads, start=1):
        sheet.put(column, head, bold=True, fill=HEADER_FILL, align="center", measure=False, border=True)
        # a header wraps at word or character boundaries; it asks only for its longest word
        longest = max((_display_width(part, None) for part in head.replace("（", " （").split()), default=4)
        sheet.widths[column] = max(sheet.widths.get(column, 0), min(longest, 12))
    sheet.header_rows.append(sheet.row)
    sheet.row += 1
    for row in block.rows:
        for column, cell in enumerate(row, start=1):
            sheet.value(column, cell, fill=fill)
        if errors:
            ids = " ".join(cell.error for cell in row if cell.error)
            sheet.put(len(row) + 1, ids, color=RED, bold=True, border=True)
        sheet.row += 1
    if not block.rows:
        sheet.put(1, block.empty_text, color="777777", measure=False)
        sheet.row += 1
    sheet.row += 1


def _layout(ws: Any, sheet: _Sheet, span: int, landscape: bool) -> bool:
    """Column widths from the content (capped: longer text wraps), then row heights from the lines each wrapped
    cell needs. Returns whether the sheet prints in landscape."""
    from openpyxl.utils import get_column_letter

    widths = {column: max(MIN_WIDTH, min(MAX_WIDTH, sheet.widths.get(column, 0) + 2))
              for column in range(1, span + 1)}
    # a sheet of text rows only (a letter) gets a comfortable reading width, portrait
    if span <= 2 and sum(widths.values()) < 72:
        widths = {1: 36, 2: 36}
    # portrait when the columns fit at a comfortable scale (long text columns wrap narrower first), else landscape
    portrait = dict(widths)
    if not landscape and _shrink(portrait, _units(PRINTABLE_MM["portrait"] / COMFORTABLE_SCALE, len(widths))):
        widths = portrait
    else:
        landscape = True
        _shrink(widths, _units(PRINTABLE_MM["landscape"] / COMFORTABLE_SCALE, len(widths)))
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = width
    for row, cells in sheet.wrapped.items():
        if row in ws.row_dimensions and ws.row_dimensions[row].height:
            continue
        lines = 1
        for column, span_columns, text in cells:
            available = widths.get(column, MIN_WIDTH) if span_columns == 1 else \
                sum(widths.get(c, MIN_WIDTH) for c in range(column, column + span_columns))
            lines = max(lines, _lines(text, available))
        if lines > 1:
            ws.row_dimensions[row].height = lines * LINE_HEIGHT + 2
    return landscape


def _units(millimetres: float, columns: int) -> float:
    """How many units of column width fit in ``millimetres`` (see PIXELS_PER_UNIT)."""
    return (millimetres * 96 / 25.4 - 5 * columns) / PIXELS_PER_UNIT


def _shrink(widths: dict[int, int], limit: float) -> bool:
    """Narrow the long text columns (wider than FLEXIBLE, never below it) so the total fits ``limit``; whether it
    fits now."""
    total = sum(widths.values())
    if total <= limit:
        return True
    flexible = {c: w for c, w in widths.items() if w > FLEXIBLE}
    spare = sum(w - FLEXIBLE for w in flexible.values())
    if not spare:
        return False
    cut = min(1.0, (total - limit) / spare)
    for column, width in flexible.items():
        widths[column] = math.floor(width - (width - FLEXIBLE) * cut)
    return sum(widths.values()) <= limit


@lru_cache(maxsize=16384)
def _lines(text: str, width_chars: int) -> int:
    usable = max(width_chars - 1, 1)
    if "\n" not in text:
        return max(1, math.ceil(_text_width(text) / usable))
    return sum(max(1, math.ceil(_text_width(part) / usable)) for part in text.split("\n"))


# Pixels (at 96 dpi) per unit of column width. Excel's unit is Calibri's 7-pixel digit; LibreOffice without
# Calibri's metrics lays a unit out at about 9.3 pixels. Fit decisions use the wider one, so a sheet judged
# readable is readable in both.
PIXELS_PER_UNIT = 9.5


def _columns_mm(widths: Any) -> float:
    """Printed width of columns at 100 % (conservatively: see PIXELS_PER_UNIT), in millimetres."""
    return float(sum((w * PIXELS_PER_UNIT + 5) * 25.4 / 96 for w in widths))


def print_scale(ws: Any) -> float:
    """The scale a sheet prints at: its fixed scale, or the fit-to-width scale its columns imply."""
    from openpyxl.utils import get_column_letter

    setup = ws.page_setup
    if not ws.sheet_properties.pageSetUpPr.fitToPage:
        return (setup.scale or 100) / 100
    columns = range(1, ws.max_column + 1)
    total = _columns_mm(ws.column_dimensions[get_column_letter(c)].width or 8.43 for c in columns)
    printable = PRINTABLE_MM["landscape" if setup.orientation == "landscape" else "portrait"]
    return min(1.0, printable / total)


def _page_setup(ws: Any, sheet: _Sheet, document: Document, section: Section, landscape: bool) -> None:
    setup = ws.page_setup
    setup.paperSize = ws.PAPERSIZE_A4
    setup.orientation = "landscape" if landscape else "portrait"
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    printable = PRINTABLE_MM[setup.orientation]
    scale = printable / _columns_mm(ws.column_dimensions[c].width for c in ws.column_dimensions)
    if scale >= MIN_SCALE:  # one page wide; each program computes its own scale, never below MIN_SCALE
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        setup.fitToWidth = 1
        setup.fitToHeight = 0
    else:  # too wide to fit at a readable size: print at the smallest readable scale, across pages
        ws.sheet_properties.pageSetUpPr.fitToPage = False
        setup.scale = math.ceil(MIN_SCALE * 100)
    ws.print_options.horizontalCentered = True
    if sheet.header_rows and len(sheet.header_rows) == 1:
        ws.print_title_rows = f"{sheet.header_rows[0]}:{sheet.header_rows[0]}"
    for header in (ws.oddHeader, ws.evenHeader):
        if document.draft:
            header.center.text = document.draft_text
            header.center.color = RED
            header.center.size = 12
        if section.internal:
            header.right.text = f"【{document.internal_text}】"
            header.right.size = 11
            header.right.color = "7A4B00"
    for footer in (ws.oddFooter, ws.evenFooter):
        footer.left.text = document.footer or None
        footer.left.size = FONT_SIZE  # header and footer scale with the sheet: 10 pt, like the cells
        footer.right.text = "&P / &N"
        footer.right.size = FONT_SIZE


def _display_width(value: Any, fmt: str | None) -> int:
    if value is None:
        return 0
    if isinstance(value, (dt.date, dt.datetime)):
        return 12
    text = str(value)
    if fmt and fmt.startswith("#,##0"):
        text = f"{text},,,"
    return _text_width(text)


@lru_cache(maxsize=16384)  # a large table repeats its texts (a carrier, a status) thousands of times
def _text_width(text: str) -> int:
    if "\n" not in text:
        return _line_width(text)
    return max(_line_width(line) for line in text.split("\n"))


_WIDE = re.compile("[\u2e81-\U0010ffff]")


def _line_width(line: str) -> int:
    """Display width of one line: CJK (and everything from U+2E81 on) counts two."""
    return len(line) if line.isascii() else len(line) + len(_WIDE.findall(line))


# openpyxl style objects are immutable and costly to build and hash: one of each kind, shared by every cell.
@cache
def _font(bold: bool, color: str | None, size: float | None, italic: bool = False) -> Any:
    from openpyxl.styles import Font

    return Font(bold=bold, color=color, size=size, italic=italic)


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
