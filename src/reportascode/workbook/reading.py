"""Reading a filled-in workbook back, defensively: the zip is checked first (:mod:`reportascode.files.xlsx_bounds`,
the same bounds as evidence workbooks, tighter, and no external links, connections, macros or embedded objects),
then openpyxl streams only the cells the anchors name, up to fixed bounds. Formulas are never evaluated: a
formula's text is noticed, and its value is the one the spreadsheet program saved, read only on request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportascode.errors import UsageError
from reportascode.files.xlsx_bounds import XlsxLimits, XlsxRefused, check_archive
from reportascode.workbook.anchors import ANCHOR_SHEET, Anchors

MAX_TABLE_ROWS = 10_000
MAX_CELLS = 300_000
MAX_ANCHOR_ROWS = 60_000
HEADER_SEARCH_ROWS = 40
# a fill-in workbook rac exported: a few hundred kilobytes, nothing that reaches outside the file
WORKBOOK_LIMITS = XlsxLimits(file_bytes=20 * 1024 * 1024, total_bytes=100 * 1024 * 1024, members=2_000,
                             refuse_outside=True)


@dataclass(frozen=True)
class CellValue:
    value: Any
    formula: str | None = None  # the formula's text, when the cell holds one


@dataclass
class SheetCells:
    name: str
    cells: dict[tuple[int, int], CellValue] = field(default_factory=dict)


@dataclass
class WorkbookContent:
    anchors: Anchors
    sheets: dict[str, SheetCells]
    missing_sheets: list[str]


class _Budget:
    def __init__(self) -> None:
        self.cells = 0

    def spend(self, count: int = 1) -> None:
        self.cells += count
        if self.cells > MAX_CELLS:
            raise UsageError("workbook.read.too_many_cells", limit=MAX_CELLS)


def read_workbook(path: Path, formulas_cached: bool) -> WorkbookContent:
    """The anchors and the anchored cells of ``path``; a usage error for a file that is not a sound workbook of
    ours. With ``formulas_cached``, a formula cell's saved value is read as well."""
    try:
        check_archive(path, WORKBOOK_LIMITS)
    except XlsxRefused as refused:
        raise UsageError(f"workbook.refused.{refused.variant}", path=path, **refused.args_) from None
    try:
        from openpyxl import load_workbook
    except ImportError:  # pragma: no cover - a core dependency
        raise UsageError("workbook.read.no_openpyxl") from None
    try:
        book = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # anything openpyxl raises here is about the file
        raise UsageError("workbook.read.broken", path=path, detail=f"{type(exc).__name__}: {exc}") from None
    try:
        anchors = _anchors(book, path)
        budget = _Budget()
        content = WorkbookContent(anchors, {}, [])
        wanted = _wanted(anchors)
        names = set(book.sheetnames)
        for sheet_name, spec in wanted.items():
            if sheet_name not in names:
                content.missing_sheets.append(sheet_name)
                continue
            content.sheets[sheet_name] = _cells(book[sheet_name], spec, budget)
    except UsageError:
        raise
    except Exception as exc:
        raise UsageError("workbook.read.broken", path=path, detail=f"{type(exc).__name__}: {exc}") from None
    finally:
        book.close()
    if formulas_cached and any(c.formula for s in content.sheets.values() for c in s.cells.values()):
        _cached_values(path, content)
    return content


def _anchors(book: Any, path: Path) -> Anchors:
    if ANCHOR_SHEET not in book.sheetnames:
        raise UsageError("workbook.read.not_ours", path=path)
    rows: list[list[str]] = []
    for index, row in enumerate(book[ANCHOR_SHEET].iter_rows(values_only=True, max_col=8)):
        if index >= MAX_ANCHOR_ROWS:
            raise UsageError("workbook.read.anchors_damaged", path=path)
        rows.append(["" if v is None else str(v) for v in row])
    while rows and not any(rows[-1]):
        rows.pop()
    rows = [r[: max((i + 1 for i, v in enumerate(r) if v), default=0)] for r in rows]
    try:
        anchors = Anchors.from_rows(rows)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise UsageError("workbook.read.anchors_damaged", path=path) from exc
    if anchors.meta.get("base_hash") != anchors.digest():
        raise UsageError("workbook.read.anchors_damaged", path=path)
    return anchors


def _wanted(anchors: Anchors) -> dict[str, tuple[int, int]]:
    """Per sheet: how many rows and columns to read."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    wanted: dict[str, tuple[int, int]] = {}
    for anchor in anchors.fields:
        letter, row = coordinate_from_string(anchor.cell)
        rows, columns = wanted.get(anchor.sheet, (0, 0))
        wanted[anchor.sheet] = (max(rows, row), max(columns, column_index_from_string(letter)))
    for table in anchors.tables:
        wanted[table.sheet] = (table.header_row + HEADER_SEARCH_ROWS + MAX_TABLE_ROWS, len(table.columns))
    return wanted


def _cells(sheet: Any, spec: tuple[int, int], budget: _Budget) -> SheetCells:
    rows, columns = spec
    found = SheetCells(sheet.title)
    for row in sheet.iter_rows(min_row=1, max_row=rows, max_col=columns):
        for cell in row:
            value = getattr(cell, "value", None)
            if value is None:
                continue
            budget.spend()
            formula = None
            if getattr(cell, "data_type", None) == "f" or _is_formula_object(value):
                formula = value if isinstance(value, str) else str(getattr(value, "text", value))
                value = None
            found.cells[(cell.row, cell.column)] = CellValue(value, formula)
    return found


def _is_formula_object(value: Any) -> bool:
    return type(value).__name__ in ("ArrayFormula", "DataTableFormula")


def _cached_values(path: Path, content: WorkbookContent) -> None:
    """The values a spreadsheet program saved for the formula cells (openpyxl computes nothing)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:
        raise UsageError("workbook.read.broken", path=path, detail=f"{type(exc).__name__}: {exc}") from None
    try:
        for name, sheet_cells in content.sheets.items():
            positions = {p for p, c in sheet_cells.cells.items() if c.formula}
            if not positions:
                continue
            last_row = max(r for r, _ in positions)
            last_column = max(c for _, c in positions)
            for row in book[name].iter_rows(min_row=1, max_row=last_row, max_col=last_column):
                for cell in row:
                    position = (getattr(cell, "row", 0), getattr(cell, "column", 0))
                    if position in positions:
                        old = sheet_cells.cells[position]
                        sheet_cells.cells[position] = CellValue(getattr(cell, "value", None), old.formula)
    finally:
        book.close()
