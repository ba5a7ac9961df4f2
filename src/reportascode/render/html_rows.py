"""The rows of an HTML data table, written in Python: the bytes the ``cell_td`` macro of ``_blocks.html`` writes,
without a template macro call per cell (35,000 at 1,000 numbers: most of a large document's HTML time).

Every value is escaped as Jinja's autoescape escapes it (markupsafe), so text from data stays text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import Markup, escape

from reportascode.render.content import Cell

# markupsafe's escaping of a plain string (Markup is left as it is, as autoescape leaves it), without building a
# Markup object per value
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def _escape(value: str) -> str:
    return value.translate(_ESCAPES) if type(value) is str else str(escape(value))


def cell_html(cell: Cell) -> str:
    """One ``<td>``, as the ``cell_td`` macro writes it."""
    text = cell.text
    classes = _escape(cell.align)
    if len(text) <= 6:
        classes += " short"
    if cell.css:
        classes += f" {_escape(cell.css)}"
    if cell.error:
        classes += " cell-error"
        return f'<td class="{classes}">{_escape(text)}<span class="err-id">{_escape(cell.error)}</span></td>'
    return f'<td class="{classes}">{_escape(text)}</td>'


def data_rows(rows: Iterable[Sequence[Cell]]) -> Markup:
    """Every ``<tr>`` of a table's body, each on its own line."""
    return Markup("".join(f"<tr>{''.join(cell_html(cell) for cell in row)}</tr>\n" for row in rows))
