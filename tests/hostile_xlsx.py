"""Hostile XLSX workbooks, written with zipfile (no openpyxl): a few kilobytes that declare a sheet of
999,999,999 rows, a shared-strings bomb, a sheet bomb, one cell at column XFD on many rows. Used by the tests
(outcomes only) and by bench/hostile_xlsx.py (time and memory)."""

from __future__ import annotations

import zipfile
from pathlib import Path

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
HEADER = ("number", "calls", "first_date", "last_date")


def _row(number: int, values: tuple[str, ...]) -> str:
    cells = "".join(f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>'
                    for i, v in enumerate(values))
    return f'<row r="{number}">{cells}</row>'


def _write(path: Path, sheet: str | bytes, shared: str | bytes = f"<sst {_NS}/>") -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/sharedStrings.xml", shared)
    return path


def _sheet(rows: str, dimension: str = "A1:D2") -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}><dimension ref="{dimension}"/>' \
           f"<sheetData>{rows}</sheetData></worksheet>"


def huge_row_index(path: Path) -> Path:
    """A header, one data row, and one cell in row 999,999,999 (the dimension declares it too)."""
    rows = _row(1, HEADER) + _row(2, ("96801", "3", "2024-01-02", "2024-01-03")) + _row(999_999_999, ("x",))
    return _write(path, _sheet(rows, "A1:D999999999"))


def huge_dimension(path: Path) -> Path:
    """Two real rows, a dimension that declares 999,999,999 rows and 16,384 columns."""
    rows = _row(1, HEADER) + _row(2, ("96801", "3", "2024-01-02", "2024-01-03"))
    return _write(path, _sheet(rows, "A1:XFD999999999"))


def shared_strings_bomb(path: Path, megabytes: int = 400) -> Path:
    """A shared-strings part of ``megabytes`` MB (one repeated string) that zips to about a megabyte."""
    item = b"<si><t>" + b"A" * 1000 + b"</t></si>"
    count = megabytes * 1024 * 1024 // len(item)
    shared = b'<?xml version="1.0" encoding="UTF-8"?><sst ' + _NS.encode() + b">" + item * count + b"</sst>"
    rows = _row(1, HEADER)
    return _write(path, _sheet(rows), shared)


def sheet_bomb(path: Path, megabytes: int = 400) -> Path:
    """A sheet of ``megabytes`` MB of whitespace inside sheetData: no rows, only bytes to parse."""
    body = b" " * (megabytes * 1024 * 1024)
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}><sheetData>'.encode() + _row(1, HEADER).encode()
             + body + b"</sheetData></worksheet>")
    return _write(path, sheet)


def wide_rows(path: Path, rows: int = 5000) -> Path:
    """Many rows with one cell at column XFD (16,384): padded, they are 80 million cells."""
    body = _row(1, HEADER) + "".join(f'<row r="{n}"><c r="XFD{n}"><v>1</v></c></row>' for n in range(2, rows + 2))
    return _write(path, _sheet(body))


def valid(path: Path) -> Path:
    rows = _row(1, HEADER) + _row(2, ("96801", "3", "2024-01-02", "2024-01-03"))
    return _write(path, _sheet(rows))


BUILDERS = {
    "huge-row-index": huge_row_index,
    "huge-dimension": huge_dimension,
    "shared-strings-bomb": shared_strings_bomb,
    "sheet-bomb": sheet_bomb,
    "wide-rows": wide_rows,
}
