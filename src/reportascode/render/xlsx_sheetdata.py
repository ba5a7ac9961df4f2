"""A worksheet's cells kept outside openpyxl and written as one piece of XML: the bytes openpyxl writes, at a
fraction of its cost.

openpyxl builds an object per cell, hashes its style on every assignment and again when it saves, and writes each
cell through lxml's element API (at 1,000 numbers, 36,000 cells: most of a workbook's time). Here a cell is a tuple
(value, data type, style); its ``<c>`` element is formatted as text and each row is appended in one go. The
workbook, its styles, sheets, merges, row heights and page set-up stay openpyxl's, and the package is collected
in memory (no temporary file per sheet, no zip written only to be read again by :func:`ooxml.normalize_parts`).

What openpyxl would have written is kept exactly (tests/test_render_scale.py compares the two on hostile
values): text truncated to Excel's 32,767 characters, ``inlineStr`` cells, ``xml:space`` when text has
surrounding blanks, characters outside ASCII as character references (lxml's ASCII output), ``\\r`` as
``&#13;``, dates as serial numbers, a style's index assigned in the order cells are written.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

MAX_TEXT = 32767  # Excel's limit; openpyxl truncates longer text
_TIME_TYPES = (dt.datetime, dt.date, dt.time, dt.timedelta)
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def is_time(value: Any) -> bool:
    return isinstance(value, _TIME_TYPES)


class CellStore:
    """One worksheet's cells: (row, column) → (value, openpyxl cell or None, style array).

    A text cell keeps its text; any other value keeps a detached openpyxl cell (not in the worksheet), so its
    data type and stored value are openpyxl's own (numbers, dates, booleans)."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], tuple[Any, Any, Any]] = {}
        self.merges: list[tuple[int, int, int, int]] = []  # (min_row, min_col, max_row, max_col)

    def style_of(self, row: int, column: int) -> Any:
        found = self.cells.get((row, column))
        return None if found is None else found[2]

    def put_text(self, row: int, column: int, text: str, style: Any) -> None:
        self.cells[row, column] = (text[:MAX_TEXT], None, style)

    def put_value(self, row: int, column: int, cell: Any, style: Any) -> None:
        self.cells[row, column] = (None, cell, style)

    def merge(self, row: int, span: int, ws: Any) -> None:
        """Merge columns 1 to ``span`` of ``row``: the range goes to the worksheet's merged cells (openpyxl writes
        them) and counts in the dimension, and the covered cells are emptied, as openpyxl does. Bordered cells
        are refused there: openpyxl would spread their borders over the range, which this store does not do."""
        from openpyxl.worksheet.cell_range import CellRange

        if any(getattr(self.style_of(row, column), "borderId", 0) for column in range(1, span + 1)):
            raise ValueError("a merged row holds a bordered cell")
        for column in range(2, span + 1):
            self.cells.pop((row, column), None)
        self.merges.append((row, 1, row, span))
        ws.merged_cells.add(CellRange(min_col=1, min_row=row, max_col=span, max_row=row))

    def to_worksheet(self, ws: Any) -> None:
        """Put the cells into ``ws`` as openpyxl's own cells (and the covered cells of merges), for openpyxl's
        writer: the path taken when openpyxl writes without lxml (``OPENPYXL_LXML=False``)."""
        from openpyxl.cell.cell import MergedCell
        from openpyxl.styles.cell_style import StyleArray

        for (row, column), (text, cell, style) in sorted(self.cells.items()):
            target = ws.cell(row=row, column=column)
            if cell is None:
                target._value, target.data_type = text, "s"
            else:
                target._value, target.data_type = cell._value, cell.data_type
            target._style = StyleArray(style)
        for min_row, min_col, max_row, max_col in self.merges:
            ws.cell(row=min_row, column=min_col)  # openpyxl makes a merge's first cell when it has none
            for row in range(min_row, max_row + 1):
                for column in range(min_col, max_col + 1):
                    if (row, column) != (min_row, min_col):
                        ws._cells[row, column] = MergedCell(ws, row, column)

    def dimension(self) -> str:
        """What openpyxl's ``calculate_dimension`` gives: the bounding range of the cells (merged ones too)."""
        from openpyxl.utils import get_column_letter

        rows = {row for row, _ in self.cells}
        columns = {column for _, column in self.cells}
        for min_row, min_col, max_row, max_col in self.merges:
            rows.update((min_row, max_row))
            columns.update((min_col, max_col))
        if not rows:
            return "A1:A1"
        return f"{get_column_letter(min(columns))}{min(rows)}:{get_column_letter(max(columns))}{max(rows)}"

    def sheet_data(self, ws: Any) -> bytes:
        """The ``<sheetData>`` element's rows as openpyxl writes them; registers each style with the workbook
        in the order openpyxl would (cell by cell, as written)."""
        from openpyxl.cell._writer import _set_attributes
        from openpyxl.compat import safe_string
        from openpyxl.utils import get_column_letter

        registry = ws.parent._cell_styles
        style_ids: dict[int, str] = {}  # id(style array) → ' s="n"' or ""; the arrays live as long as the store
        letters: dict[int, str] = {}
        by_row: dict[int, list[tuple[int, tuple[Any, Any, Any]]]] = {}
        for (row, column), entry in self.cells.items():
            by_row.setdefault(row, []).append((column, entry))
        for min_row, _, max_row, _ in self.merges:  # openpyxl's covered cells (never written) make their rows
            for row in range(min_row, max_row + 1):
                by_row.setdefault(row, [])
        dimensions = ws.row_dimensions
        for row in dimensions.keys() - by_row.keys():  # a row with a height but no cells is written too
            by_row[row] = []
        parts: list[str] = []
        add = parts.append
        for row in sorted(by_row):
            attributes = "".join(f' {key}="{value}"' for key, value in dimensions[row]) \
                if row in dimensions else ""
            add(f'<row r="{row}"{attributes}>')
            for column, (text, cell, style) in sorted(by_row[row], key=_first):
                if cell is not None:
                    add(_value_cell(cell, style, _set_attributes, safe_string))
                    continue
                styled = style_ids.get(id(style))
                if styled is None:
                    styled = f' s="{registry.add(style)}"' if any(style) else ""
                    style_ids[id(style)] = styled
                letter = letters.get(column)
                if letter is None:
                    letter = letters[column] = get_column_letter(column)
                if not text:
                    add(f'<c r="{letter}{row}"{styled} t="inlineStr"></c>')
                    continue
                space = ' xml:space="preserve"' if text != text.strip() else ""
                add(f'<c r="{letter}{row}"{styled} t="inlineStr"><is><t{space}>{text.translate(_ESCAPES)}</t></is></c>')
            add("</row>")
        return "".join(parts).encode("ascii", "xmlcharrefreplace")


def _first(item: tuple[int, Any]) -> int:
    return item[0]


def _value_cell(cell: Any, style: Any, set_attributes: Any, safe_string: Any) -> str:
    """A number, date or boolean cell through openpyxl's own attribute logic (style index, data type, date
    serial), formatted as lxml formats it."""
    from openpyxl.styles.cell_style import StyleArray

    cell._style = StyleArray(style)
    value, attributes = set_attributes(cell, cell.has_style)
    head = "<c" + "".join(f' {key}="{text}"' for key, text in attributes.items()) + ">"
    if value == "" or value is None:
        return head + "</c>"
    return f"{head}<v>{str(safe_string(value)).translate(_ESCAPES)}</v></c>"


class _Parts(dict[str, bytes]):
    """Stands in for the zip openpyxl writes into: the parts, by name, in memory."""

    def writestr(self, name: Any, data: str | bytes) -> None:
        self[str(name)] = data.encode("utf-8") if isinstance(data, str) else data

    def write(self, filename: str, arcname: str) -> None:
        with open(filename, "rb") as source:
            self[arcname] = source.read()

    def namelist(self) -> list[str]:
        return list(self)

    def close(self) -> None:
        pass


def workbook_parts(book: Any, stores: dict[int, CellStore]) -> dict[str, bytes]:
    """Every part of ``book``'s package (name → bytes), each worksheet's cells from ``stores`` (by ``id(ws)``)."""
    import openpyxl
    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.writer.excel import ExcelWriter

    class SheetWriter(WorksheetWriter):  # type: ignore[misc]
        def __init__(self, ws: Any, store: CellStore) -> None:
            super().__init__(ws, out=io.BytesIO())
            self.store = store

        def write_dimensions(self) -> None:
            from openpyxl.worksheet.dimensions import SheetDimension

            self.xf.send(SheetDimension(self.store.dimension()).to_tree())

        def write_rows(self) -> None:
            xf = self.xf.send(True)
            with xf.element("sheetData"):
                xf.flush()  # what lxml holds back goes out first, then the rows as bytes
                self.out.write(self.store.sheet_data(self.ws))
            self.xf.send(None)

    class Writer(ExcelWriter):  # type: ignore[misc]
        def write_worksheet(self, ws: Any) -> None:  # as openpyxl's, with the sheet written in memory
            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            store = stores[id(ws)]
            if lxml:
                writer = SheetWriter(ws, store)
            else:  # the rows go out as bytes through lxml's incremental writer only
                store.to_worksheet(ws)
                writer = WorksheetWriter(ws, out=io.BytesIO())
            writer.write()
            ws._rels = writer._rels
            self._archive.writestr(ws.path[1:], writer.out.getvalue())
            self.manifest.append(ws)

    lxml = bool(openpyxl.LXML)
    parts = _Parts()
    Writer(book, parts).save()
    return dict(parts)
