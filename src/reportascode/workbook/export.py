"""``rac workbook export``: a fill-in workbook for one report (or some of its files).

A sheet per file with the labels (and units) in protected cells and one unlocked, yellow value column; a sheet
per list of records where rows may be added or removed. Number formats, data validation (whole numbers,
decimals, dates, choice lists such as ``33 浙江``) and cell comments come from the schema. Every text from the
report is written as text (data type ``s``), so nothing from a report becomes a formula. Hidden sheets hold
the anchors (:mod:`reportascode.workbook.anchors`) and the choice lists. openpyxl is imported here only.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportascode import __version__
from reportascode.errors import UsageError
from reportascode.messages import Bilingual, message
from reportascode.workbook.anchors import (
    ANCHOR_SHEET,
    LISTS_SHEET,
    Anchors,
    FieldAnchor,
    ObjectAnchor,
    TableAnchor,
    dump,
)
from reportascode.workbook.cellkinds import CellKind
from reportascode.workbook.sheetlayout import MISSING, Column, FieldRow, SheetPart, Table
from reportascode.workbook.workbook_report import ReportData, yes_no

FIRST_ROW = 4  # the header is row 3; values start here
SPARE_ROWS = 100  # unlocked rows below a table for new records
SHOWN_SPARE_ROWS = 10  # of which this many are coloured as input cells
MAX_ANCHOR_TEXT = 32_000  # a cell holds at most 32,767 characters
INPUT_FILL = "FFF6CC"
HEADER_FILL = "E9EDF3"
MAX_DATE_SERIAL = 2958465  # 9999-12-31


@dataclass
class ExportResult:
    data: bytes
    sheets: list[str]
    fields: int
    records: int


def export_workbook(source: ReportData, parts: list[SheetPart], lang: str) -> ExportResult:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    lists = _Lists(book)
    anchors = Anchors()
    fields = records = 0
    for part in parts:
        sheet = book.create_sheet(part.name)
        if part.table is not None:
            anchors.tables.append(_table_sheet(sheet, part, part.table, source, lists, lang))
            records += len(part.table.records)
        else:
            _field_sheet(sheet, part, source, lists, lang, anchors)
            fields += sum(1 for r in part.rows if r.kind is not None)
    anchors.meta.update(source.identity())
    anchors.meta.update({"lang": lang, "files": ",".join(dict.fromkeys(p.file for p in parts)),
                         "rac_version": __version__})
    anchors.meta["base_hash"] = anchors.digest()
    lists.finish()
    _anchor_sheet(book, anchors)
    book.active = 0
    props = book.properties
    moment = dt.datetime.combine(source.day, dt.time(0, 0))
    props.title = message("workbook.title", lang, {"company": source.company, "year": source.year})
    props.creator = f"reportascode {__version__}"
    props.lastModifiedBy = f"reportascode {__version__}"
    props.created = moment
    props.modified = moment
    buffer = io.BytesIO()
    book.save(buffer)
    from reportascode.render.ooxml import normalize

    return ExportResult(normalize(buffer.getvalue(), source.day), [p.name for p in parts], fields, records)


def put_text(cell: Any, text: str) -> None:
    """Text as text: a report's ``=SUM(…)`` or ``@cmd`` stays a string, never a formula."""
    cell.value = text
    cell.data_type = "s"


def _put(cell: Any, kind: CellKind, value: Any, lang: str) -> None:
    if value is MISSING:
        put_text(cell, message("workbook.placeholder", lang))
        return
    written, as_text = kind.to_cell(value, yes_no(lang))
    if written is None:
        cell.value = None
    elif as_text:
        put_text(cell, str(written))
    else:
        cell.value = written


def _field_sheet(sheet: Any, part: SheetPart, source: ReportData, lists: _Lists, lang: str,
                 anchors: Anchors) -> None:
    _heading(sheet, part.title, message("workbook.note.fields", lang), source, lang)
    for column, key in enumerate(("workbook.head.item", "workbook.head.unit", "workbook.head.value"), start=1):
        _header_cell(sheet.cell(row=3, column=column), message(key, lang))
    validations = _Validations(sheet, lists, lang)
    row = FIRST_ROW
    for field_row in part.rows:
        label = sheet.cell(row=row, column=1)
        put_text(label, field_row.label)
        label.alignment = _alignment(field_row.depth * 2, field_row.kind is None)
        if field_row.kind is None:
            label.font = _font(True)
            parent_value = _value_at(source.data.get(part.file), field_row.pointer)
            if parent_value is MISSING or parent_value is None:
                anchors.objects.append(ObjectAnchor(part.file, field_row.pointer,
                                                    "" if parent_value is MISSING else dump(None)))
            row += 1
            continue
        if field_row.unit:
            put_text(sheet.cell(row=row, column=2), field_row.unit)
        value_cell = sheet.cell(row=row, column=3)
        _put(value_cell, field_row.kind, field_row.base, lang)
        _input_style(value_cell, field_row.kind, field_row.pointer)
        validations.add(value_cell.coordinate, field_row.kind)
        _comment(value_cell, field_row, lang)
        base = "" if field_row.base is MISSING else dump(field_row.base)
        anchors.fields.append(FieldAnchor(part.name, value_cell.coordinate, part.file, field_row.pointer,
                                          _bounded(base)))
        row += 1
    validations.finish()
    sheet.column_dimensions["A"].width = 44
    sheet.column_dimensions["B"].width = 10
    sheet.column_dimensions["C"].width = 40
    sheet.freeze_panes = "A4"
    _protect(sheet, rows=False)
    _page(sheet, landscape=False)


def _table_sheet(sheet: Any, part: SheetPart, table: Table, source: ReportData, lists: _Lists,
                 lang: str) -> TableAnchor:
    from openpyxl.utils import get_column_letter

    keys = [next((c.label for c in table.columns if c.rel == f"/{k}"), k) for k in table.keys]
    note = message("workbook.note.table", lang, {"keys": message("workbook.separator", lang).join(keys)})
    _heading(sheet, part.title, note, source, lang)
    headers: list[str] = []
    columns: list[tuple[str, str]] = []
    for index, column in enumerate(table.columns, start=1):
        header = _with_unit(column.label, column.unit, lang)
        cell = sheet.cell(row=3, column=index)
        _header_cell(cell, header)
        _comment(cell, column, lang)
        headers.append(header)
        letter = get_column_letter(index)
        columns.append((letter, column.rel))
        width = max(10, min(40, _width(header) + 2))
        for record in table.records:
            written = record.get(column.rel, MISSING)
            width = max(width, min(40, _width(str(column.kind.to_cell(written, yes_no(lang))[0] or "")) + 2))
        sheet.column_dimensions[letter].width = width
    validations = _Validations(sheet, lists, lang)
    last = FIRST_ROW + len(table.records) + SPARE_ROWS - 1
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        for offset, record in enumerate(table.records):
            cell = sheet.cell(row=FIRST_ROW + offset, column=index)
            value = record.get(column.rel, MISSING)
            if value is MISSING and not column.required:
                value = None
            _put(cell, column.kind, value, lang)
            _input_style(cell, column.kind, column.rel)
        for spare in range(FIRST_ROW + len(table.records), last + 1):
            cell = sheet.cell(row=spare, column=index)
            _input_style(cell, column.kind, column.rel, shown=spare < FIRST_ROW + len(table.records)
                         + SHOWN_SPARE_ROWS)
        validations.add(f"{letter}{FIRST_ROW}:{letter}{last}", column.kind)
    validations.finish()
    sheet.freeze_panes = "A4"
    _protect(sheet, rows=True)
    _page(sheet, landscape=len(table.columns) > 6)
    return TableAnchor(part.name, 3, table.file, table.pointer, columns, headers, list(table.keys),
                       [_bounded(dump(table.base_record(i))) for i in range(len(table.records))])


def _value_at(data: Any, pointer: str) -> Any:
    from reportascode.model.loader import resolve_pointer

    try:
        return resolve_pointer(data, pointer)
    except (KeyError, IndexError, ValueError, TypeError):
        return MISSING


def _bounded(text: str) -> str:
    if len(text) > MAX_ANCHOR_TEXT:
        raise UsageError("workbook.export.value_too_long", limit=MAX_ANCHOR_TEXT)
    return text


def _heading(sheet: Any, title: str, note: str, source: ReportData, lang: str) -> None:
    cell = sheet.cell(row=1, column=1)
    put_text(cell, message("workbook.sheet_title", lang, {"title": title, "company": source.company,
                                                         "year": source.year}))
    cell.font = _font(True, 14)
    note_cell = sheet.cell(row=2, column=1)
    put_text(note_cell, note)
    note_cell.font = _font(False, None, "555555")
    sheet.row_dimensions[1].height = 22


def _header_cell(cell: Any, text: str) -> None:
    put_text(cell, text)
    cell.font = _font(True)
    cell.fill = _fill(HEADER_FILL)
    cell.border = _border()
    cell.alignment = _alignment(0, False, wrap=True)


def _input_style(cell: Any, kind: CellKind, pointer: str, shown: bool = True) -> None:
    cell.protection = _unlocked()
    if shown:
        cell.fill = _fill(INPUT_FILL)
        cell.border = _border()
    cell.number_format = _number_format(kind, pointer)
    if kind.kind in ("list", "string") :
        cell.alignment = _alignment(0, False, wrap=True)


def _number_format(kind: CellKind, pointer: str) -> str:
    if kind.kind == "integer":
        return "0" if "year" in pointer.rsplit("/", 1)[-1] else "#,##0"
    if kind.kind == "number":
        if kind.places:
            return "#,##0." + "0" * kind.places if kind.places <= 2 else "0." + "0" * 2 + "#" * (kind.places - 2)
        return "General"
    if kind.kind == "date":
        return "yyyy-mm-dd"
    return "@"


def _comment(cell: Any, row: FieldRow | Column, lang: str) -> None:
    from openpyxl.comments import Comment

    kind = row.kind
    if kind is None:
        return
    parts = [_with_unit(row.label, row.unit, lang)]
    parts.append(Bilingual("", row.description or "").text(lang))  # the schemas describe fields in English only
    parts.append(_rule_text(kind, lang))
    comment = Comment("\n".join(p for p in parts if p), "rac")
    comment.width = 320
    comment.height = 110
    cell.comment = comment


def _with_unit(label: str, unit: str | None, lang: str) -> str:
    return message("workbook.with_unit", lang, {"label": label, "unit": unit}) if unit else label


def _rule_text(kind: CellKind, lang: str) -> str:
    args: dict[str, Any] = {"places": kind.places if kind.places is not None else "",
                            "minimum": "" if kind.minimum is None else kind.minimum,
                            "maximum": "" if kind.maximum is None else kind.maximum}
    text = message(f"workbook.rule.{kind.kind}", lang, args)
    if kind.kind == "number" and kind.places is not None:
        text += message("workbook.rule.places", lang, args)
    if kind.minimum is not None:
        text += message("workbook.rule.minimum", lang, args)
    if kind.maximum is not None:
        text += message("workbook.rule.maximum", lang, args)
    if kind.nullable:
        text += message("workbook.rule.nullable", lang)
    return text


class _Lists:
    """Choice lists on a hidden sheet, one column each, shared by every cell with the same choices."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.sheet: Any = None
        self.ranges: dict[tuple[str, ...], str] = {}

    def range_for(self, choices: tuple[str, ...]) -> str:
        from openpyxl.utils import get_column_letter

        if choices not in self.ranges:
            if self.sheet is None:
                self.sheet = self.book.create_sheet(LISTS_SHEET)
            column = len(self.ranges) + 1
            for row, text in enumerate(choices, start=1):
                put_text(self.sheet.cell(row=row, column=column), text)
            letter = get_column_letter(column)
            self.ranges[choices] = f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(choices)}"
        return self.ranges[choices]

    def finish(self) -> None:
        if self.sheet is not None:
            self.book.move_sheet(self.sheet, offset=len(self.book.sheetnames) - 1 - self.book.index(self.sheet))
            self.sheet.sheet_state = "hidden"
            self.sheet.protection.sheet = True


class _Validations:
    """One data validation per kind of cell on a sheet, each covering all its cells."""

    def __init__(self, sheet: Any, lists: _Lists, lang: str) -> None:
        self.sheet = sheet
        self.lists = lists
        self.lang = lang
        self.by_rule: dict[tuple[Any, ...], Any] = {}

    def add(self, where: str, kind: CellKind) -> None:
        rule = self._rule(kind)
        if rule is None:
            return
        validation = self.by_rule.get(rule)
        if validation is None:
            validation = self._make(rule, kind)
            self.by_rule[rule] = validation
        validation.add(where)

    def _rule(self, kind: CellKind) -> tuple[Any, ...] | None:
        if kind.kind in ("integer", "number"):
            low = kind.minimum if kind.minimum is not None else -10 ** 15
            high = kind.maximum if kind.maximum is not None else 10 ** 15
            return ("whole" if kind.kind == "integer" else "decimal", str(low), str(high), kind.kind)
        if kind.kind == "date":
            return ("date", "1", str(MAX_DATE_SERIAL), "date")
        if kind.kind == "enum":
            return ("list", self.lists.range_for(tuple(kind.choice_text(c) for c in kind.choices)), "", "enum")
        if kind.kind == "boolean":
            return ("list", self.lists.range_for(yes_no(self.lang)), "", "boolean")
        return None

    def _make(self, rule: tuple[Any, ...], kind: CellKind) -> Any:
        from openpyxl.worksheet.datavalidation import DataValidation

        kind_name = rule[3]
        if rule[0] == "list":
            validation = DataValidation(type="list", formula1=rule[1], allow_blank=True)
        else:
            validation = DataValidation(type=rule[0], operator="between", formula1=rule[1], formula2=rule[2],
                                        allow_blank=True)
        validation.showErrorMessage = True
        validation.errorTitle = message("workbook.validation.title", self.lang)
        validation.error = message(f"workbook.validation.{kind_name}", self.lang)
        self.sheet.add_data_validation(validation)
        return validation

    def finish(self) -> None:
        pass


def _anchor_sheet(book: Any, anchors: Anchors) -> None:
    sheet = book.create_sheet(ANCHOR_SHEET)
    for row_number, row in enumerate(anchors.rows(), start=1):
        for column, text in enumerate(row, start=1):
            put_text(sheet.cell(row=row_number, column=column), text)
    sheet.sheet_state = "veryHidden"
    sheet.protection.sheet = True


def _protect(sheet: Any, rows: bool) -> None:
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = False  # widths may be changed
    protection.formatRows = False
    if rows:  # records are added and removed as rows
        protection.insertRows = False
        protection.deleteRows = False


def _page(sheet: Any, landscape: bool) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


@cache
def _font(bold: bool, size: float | None = None, color: str | None = None) -> Any:
    from openpyxl.styles import Font

    return Font(bold=bold, size=size, color=color)


@cache
def _fill(color: str) -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill("solid", start_color=color, end_color=color)


@cache
def _alignment(indent: int, bold_heading: bool, wrap: bool = False) -> Any:
    from openpyxl.styles import Alignment

    return Alignment(indent=indent, vertical="center", wrap_text=wrap)


@cache
def _border() -> Any:
    from openpyxl.styles import Border, Side

    side = Side(style="thin", color="999999")
    return Border(left=side, right=side, top=side, bottom=side)


@cache
def _unlocked() -> Any:
    from openpyxl.styles import Protection

    return Protection(locked=False)
