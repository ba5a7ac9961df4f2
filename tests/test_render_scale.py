"""Rendering at scale: DOCX table rows written in one pass are exactly what python-docx writes cell by cell, XLSX
cells styled from a cache get exactly the styles openpyxl would give them, XLSX sheet data written in one piece is
exactly what openpyxl writes cell by cell, and rendering imports neither numpy nor Pillow. (Speed itself is
measured by bench/scaling.py, never asserted here.)"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportascode.model.escape import xml_text
from reportascode.render import docx as docx_writer
from reportascode.render import xlsx as xlsx_writer
from reportascode.render.content import Cell
from reportascode.render.docx_rows import Look, RowSplicer, table_rows
from tests.conftest import run_rac

TEXTS = st.one_of(
    st.sampled_from(["", " ", "  lead", "trail ", "\u3000全角空格\u3000", "a\tb", "a\nb\r\nc", "\t", "\n",
                     '=HYPERLINK("http://x.example/?"&A1,"click")', "+1", "-1", "@SUM(1+1)", "<w:t>&amp;</w:t>",
                     "\x1b[31m", "\x00\x0b\x0c", "\ud800", "\ufffe", "长" * 5000, "9.5E+24", "a]]>b", "'\""]),
    st.text(max_size=40),
)
CELLS = st.builds(
    Cell,
    text=TEXTS,
    value=st.sampled_from([None, 3, Decimal("1.50")]),
    kind=st.sampled_from(["text", "money", "count", "date"]),
    css=st.sampled_from(["", "heat-1", "heat-3", "heat-ok", "sev-error", "sev-warning"]),
    error=st.sampled_from(["", "SCHEMA-TYPE", "FIN-02 TRK-03"]),
)


LOOKS = st.builds(Look, size=st.sampled_from([7.5, 8.0, 9.0, 9.5]), fill=st.sampled_from([None, "EFEFEF", "FBF3DC"]),
                  shade=st.booleans(), italic=st.booleans(), center=st.booleans(), header=st.booleans())


def _table_xml(value: Cell, width: int, look: Look, how: str) -> bytes:
    """A one-cell table in a new document, its row written by python-docx's API (``docx._cell``, the path empty
    tables still take), by :func:`table_rows` (parsed) or as text spliced into the serialized document
    (:class:`RowSplicer`, what render_docx does); the whole document's XML."""
    import docx
    from docx.shared import Twips
    from lxml import etree

    word: Any = docx.Document()
    if how == "parsed":
        table = word.add_table(rows=0, cols=1)
        table._tbl.extend(table_rows([[(value, look)]], [width], header=look.header))
    elif how == "spliced":
        table = word.add_table(rows=0, cols=1)
        splicer = RowSplicer()
        splicer.place(table, [[(value, look)]], [width], header=look.header)
        return splicer.splice(bytes(etree.tostring(word.element, encoding="utf-8")))
    else:
        table = word.add_table(rows=1, cols=1)
        cell = table.rows[0].cells[0]
        docx_writer._cell(cell, value, shade=look.shade, header=look.header, size=look.size, fill=look.fill,
                          italic=look.italic, center=look.center)
        if look.header:
            docx_writer._repeat_header(table.rows[0])
        cell.width = Twips(width)
    return bytes(etree.tostring(word.element, encoding="utf-8"))


@settings(max_examples=400, deadline=None)
@given(value=CELLS, width=st.integers(0, 20000), look=LOOKS)
def test_docx_rows_are_what_python_docx_writes(value: Cell, width: int, look: Look) -> None:
    expected = _table_xml(value, width, look, "python-docx")
    assert _table_xml(value, width, look, "parsed") == expected
    assert _table_xml(value, width, look, "spliced") == expected


def test_rendering_does_not_import_numpy(tmp_path: Path) -> None:
    """openpyxl imports numpy and Pillow when they are installed (0.1 s); rendering never needs them."""
    script = (
        "import sys, shutil, pathlib\n"
        "from reportascode.cli import main\n"
        f"root = pathlib.Path({str(tmp_path)!r})\n"
        f"shutil.copytree({str(Path(__file__).parent.parent / 'reports')!r}, root / 'reports')\n"
        "import os; os.chdir(root)\n"
        "try:\n"
        "    main(['render', 'reports/2024', '--format', 'docx', '--format', 'xlsx', '--format', 'html',"
        " '--out', str(root / 'out')])\n"
        "except SystemExit as exit_:\n"
        "    assert not exit_.code, exit_.code\n"
        "import openpyxl, docx\n"
        "print('numpy' in sys.modules, 'PIL' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False False"


class _Forgetful(dict):  # type: ignore[type-arg]
    """A style cache that never remembers: every cell takes openpyxl's own path."""

    def get(self, key: Any, default: Any = None) -> Any:
        return default


def test_xlsx_style_cache_changes_no_byte(workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A draft (a cell in error, heat colours, provenance fills) rendered with and without the style cache."""
    path = workspace / "reports/2024/operations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  total: 610", '  total: "abc"', 1), encoding="utf-8")

    def render(out: Path) -> dict[str, bytes]:
        run = run_rac("render", "reports/2024", "--draft", "--format", "xlsx", "--out", str(out), cwd=workspace)
        assert run.code == 1 and (out / "annual-report.xlsx").is_file(), run.err  # a draft: still an error
        parts = {}
        for book in sorted(out.glob("*.xlsx")):
            with zipfile.ZipFile(book) as archive:
                parts.update({f"{book.name}:{name}": archive.read(name) for name in archive.namelist()})
        return parts

    cached = render(tmp_path / "cached")
    original_init = xlsx_writer._Sheet.__init__

    def forgetful(self: Any, ws: Any, lang: str, styles: dict[tuple[Any, ...], Any]) -> None:
        original_init(self, ws, lang, _Forgetful())

    monkeypatch.setattr(xlsx_writer._Sheet, "__init__", forgetful)
    assert render(tmp_path / "uncached") == cached


SHEET_VALUES = st.one_of(
    TEXTS.map(xml_text),
    st.sampled_from([None, 0, -7, 10**30, 1.5, float("inf"), True, False, Decimal("1.50"), Decimal("-0"),
                     Decimal("9.5e+300"), Decimal("-9.5e+300"), Decimal("1e-300"), Decimal("NaN"),
                     Decimal("123456789012345678901234567890.125"), dt.date(2024, 3, 1), dt.date(1900, 1, 1),
                     dt.datetime(2024, 3, 1, 12, 30)]),
)
STYLE_KEYS = st.tuples(st.booleans(), st.sampled_from([None, "B00020"]), st.sampled_from([10.0, 12]),
                       st.booleans(), st.sampled_from([None, "E9EDF3", "FDE7EA"]),
                       st.sampled_from([None, "#,##0.00", "0.00%", 'yyyy"年"m"月"d"日"']),
                       st.sampled_from([None, "right", "center"]), st.booleans())
PUTS = st.lists(st.tuples(st.integers(1, 6), st.integers(1, 4), SHEET_VALUES, STYLE_KEYS), max_size=30)


def _openpyxl_cell_by_cell(puts: list[Any], merges: list[tuple[int, int]], heights: dict[int, float]) -> Any:
    """The workbook as openpyxl's own cells write it (what render/xlsx.py did before its cell store)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    ws = book.create_sheet("S")
    for row, column, value, key in puts:
        cell = ws.cell(row=row, column=column)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"
        bold, color, size, italic, fill, fmt, align, border = key
        cell.font = xlsx_writer._font(bold, color, size, italic)
        if fill:
            cell.fill = xlsx_writer._fill(fill)
        if fmt:
            cell.number_format = fmt
        cell.alignment = xlsx_writer._alignment(True, align)
        if border:
            cell.border = xlsx_writer._thin_border()
    for row, span in merges:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=span)
    for row, height in heights.items():
        ws.row_dimensions[row].height = height
    return book


def _cell_store(puts: list[Any], merges: list[tuple[int, int]], heights: dict[int, float]) -> Any:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    ws = book.create_sheet("S")
    sheet = xlsx_writer._Sheet(ws, "zh", {})
    for row, column, value, key in puts:
        sheet.row = row
        bold, color, size, italic, fill, fmt, align, border = key
        sheet.put(column, value, bold=bold, color=color, size=size, italic=italic, fill=fill, fmt=fmt, align=align,
                  border=border)
    for row, span in merges:
        sheet.store.merge(row, span, ws)
    for row, height in heights.items():
        ws.row_dimensions[row].height = height
    return book, {id(ws): sheet.store}


@settings(max_examples=300, deadline=None)
@given(puts=PUTS,
       merges=st.lists(st.tuples(st.integers(1, 8), st.integers(2, 6)), max_size=3, unique_by=lambda m: m[0]),
       heights=st.dictionaries(st.integers(1, 9), st.sampled_from([18.0, 29.5, 36])))
def test_xlsx_sheet_data_is_what_openpyxl_writes(puts: list[Any], merges: list[tuple[int, int]],
                                                 heights: dict[int, float]) -> None:
    """Text (hostile, long, formula-like, blank-edged), numbers (huge, tiny, NaN, infinite), dates, booleans and
    empty cells, a cell written twice, merged rows and row heights: every part of the package is the same."""
    import io

    from hypothesis import assume

    from reportascode.render.ooxml import normalize, normalize_parts
    from reportascode.render.xlsx_sheetdata import workbook_parts

    merged = dict(merges)
    assume(not any(column <= merged.get(row, 0) and key[-1] for row, column, _, key in puts))  # see merge()
    reference = _openpyxl_cell_by_cell(puts, merges, heights)
    buffer = io.BytesIO()
    reference.save(buffer)
    expected = normalize(buffer.getvalue(), dt.date(2025, 1, 1))
    for lxml in (True, False):  # without lxml, the store's cells go through openpyxl's own writer
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("openpyxl.LXML", lxml)
            book, stores = _cell_store(puts, merges, heights)
            found = normalize_parts(workbook_parts(book, stores), dt.date(2025, 1, 1))
        with zipfile.ZipFile(io.BytesIO(expected)) as a, zipfile.ZipFile(io.BytesIO(found)) as b:
            assert a.namelist() == b.namelist()
            for name in a.namelist():
                assert a.read(name) == b.read(name), (lxml, name)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.lists(CELLS, max_size=4), max_size=4))
def test_html_rows_are_what_the_cell_macro_writes(rows: list[list[Cell]]) -> None:
    """Hostile text (markup, quotes, control characters) in a data table: the rows written in Python are the
    bytes the ``cell_td`` macro writes."""
    from reportascode.render.env import make_environment
    from reportascode.render.html_rows import data_rows

    env = make_environment(None, "zh")
    env.autoescape = True
    by_macro = env.from_string('{% from "_blocks.html" import cell_td %}{% for row in rows %}'
                               "<tr>{% for cell in row %}{{ cell_td(cell) }}{% endfor %}</tr>\n{% endfor %}")
    assert str(data_rows(rows)) == by_macro.render(rows=rows)
