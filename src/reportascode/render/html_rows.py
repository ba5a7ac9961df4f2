"""The rows of an HTML data table, written in Python: the bytes the ``cell_td`` macro of ``_blocks.html`` writes,
without a template macro call per cell (35,000 at 1,000 numbers: most of a large document's HTML time).

Every value is escaped as Jinja's autoescape escapes it (markupsafe), so text from data stays text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import Markup, escape

from reportascode.render.content import Cell


def cell_html(cell: Cell) -> str:
    """One ``<td>``, as the ``cell_td`` macro writes it."""
    classes = str(escape(cell.align))
    if len(cell.text) <= 6:
        classes += " short"
    if cell.css:
        classes += f" {escape(cell.css)}"
    if cell.error:
        classes += " cell-error"
        return f'<td class="{classes}">{escape(cell.text)}<span class="err-id">{escape(cell.error)}</span></td>'
    return f'<td class="{classes}">{escape(cell.text)}</td>'


def data_rows(rows: Iterable[Sequence[Cell]]) -> Markup:
    """Every ``<tr>`` of a table's body, each on its own line."""
    return Markup("".join(f"<tr>{''.join(cell_html(cell) for cell in row)}</tr>\n" for row in rows))
