"""Reading an XLSX workbook someone else made, within bounds: the one place rac opens a workbook it did not write
(evidence exports, and the fill-in workbook of ``rac workbook import``).

An XLSX file is a zip of XML. A few kilobytes can declare a sheet of 999,999,999 rows (openpyxl's read-only mode
then yields every empty row in between, or up to the declared dimension: half an hour), or hold hundreds of
megabytes of shared strings (openpyxl keeps them all in memory). So, before openpyxl sees the file:

* the file is a regular file within :attr:`XlsxLimits.file_bytes`, a zip with ``[Content_Types].xml``, no member
  encrypted, and (where :attr:`XlsxLimits.refuse_outside`) no part that reaches outside the file: external links,
  data connections, macros, ActiveX or embedded objects;
* the zip's directory is checked (zipfile never decompresses a member past its declared size, so declared sizes
  are upper bounds): no member but the sheets may exceed :attr:`XlsxLimits.part_bytes` (shared strings, styles,
  the workbook), a sheet may not exceed :attr:`XlsxLimits.sheet_bytes`, and no member larger than a mebibyte
  may expand more than :attr:`XlsxLimits.ratio` times (a zip bomb); the shared strings are counted in a stream
  (openpyxl builds an object for each, ~30 µs: more than :attr:`XlsxLimits.shared_strings` would take seconds);

and while the sheet is read, rows come straight from openpyxl's sheet parser (never padded out to the declared
dimension), so a row index beyond :attr:`XlsxLimits.rows`, a column beyond :attr:`XlsxLimits.columns` or more
than :attr:`XlsxLimits.cells` cells (counting the empty cells a row is padded with) stops the read.

Every refusal is an :class:`XlsxRefused` naming the bound (``variant``) and the numbers; the caller turns it into
a finding (evidence: REC-12) or a usage error. It fails closed: nothing read past a bound is used. XML entity
expansion is refused by the XML parser itself (expat ≥ 2.4; defusedxml, when installed, is used by openpyxl).
openpyxl is imported only when a workbook is opened.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from reportascode.files.paths import check_read

_MIB = 1024 * 1024
_CHUNK = 1 << 16


@dataclass(frozen=True)
class XlsxLimits:
    rows: int = 1_048_576  # Excel's own limit
    columns: int = 16_384  # Excel's own limit (XFD)
    cells: int = 10_000_000
    sheet_bytes: int = 1024 * _MIB
    part_bytes: int = 16 * _MIB  # shared strings, styles, workbook, relationships
    members: int = 10_000
    ratio: int = 200
    # openpyxl builds an object per shared string (~30 µs each): 100,000 strings take ~3 s
    shared_strings: int = 100_000
    file_bytes: int | None = None  # the file on disk (None: only the parts are bounded)
    total_bytes: int | None = None  # all parts together, uncompressed (None: each part is bounded)
    refuse_outside: bool = False  # external links, connections, macros, embedded objects


DEFAULT_LIMITS = XlsxLimits()


class XlsxRefused(Exception):
    """The workbook passes a bound, or is not a readable workbook. ``variant`` names which:
    ``not_file``, ``file_size``, ``not_xlsx``, ``not_office``, ``encrypted``, ``outside``, ``members``,
    ``part_size``, ``total_size``, ``shared_strings``, ``sheet_size``, ``ratio``, ``rows``, ``columns``,
    ``cells``, ``unreadable``, ``no_openpyxl``. ``row`` is the sheet row where it was noticed (1
    when it is about the whole file)."""

    def __init__(self, variant: str, row: int = 1, **args: Any) -> None:
        super().__init__(variant)
        self.variant = variant
        self.row = row
        self.args_ = args


_OUTSIDE = ("xl/externalLinks/", "xl/connections.xml", "xl/vbaProject.bin", "xl/activeX/", "xl/embeddings/")


def _is_sheet(name: str) -> bool:
    return name.startswith("xl/worksheets/") and name.endswith(".xml")


def check_archive(path: Path, limits: XlsxLimits = DEFAULT_LIMITS) -> None:
    """Refuse a workbook whose zip passes a bound (or a link out of the workspace), before any XML of it is parsed.

    The sizes the zip declares are upper bounds of what can be read: Python's zipfile stops decompressing a
    member at its declared size (and a member that would give more fails its CRC check). Only stored and deflated
    members are accepted (zipfile decompresses the others in one unbounded call)."""
    check_read(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise XlsxRefused("unreadable", detail=exc.strerror or str(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise XlsxRefused("not_file")
    if limits.file_bytes is not None and info.st_size > limits.file_bytes:
        raise XlsxRefused("file_size", size=info.st_size, limit=limits.file_bytes)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise XlsxRefused("not_xlsx", detail=str(exc) or type(exc).__name__) from None
    with archive:
        _check_members(archive, limits)


def _check_members(archive: zipfile.ZipFile, limits: XlsxLimits) -> None:
    members = archive.infolist()
    if len(members) > limits.members:
        raise XlsxRefused("members", found=len(members), limit=limits.members)
    if not any(m.filename == "[Content_Types].xml" for m in members):
        raise XlsxRefused("not_office")
    # zipfile never gives more than a member's declared size, so the declared sizes bound what can be read
    total = 0
    for info in members:
        if limits.refuse_outside and info.filename.startswith(_OUTSIDE):
            raise XlsxRefused("outside", part=info.filename)
        if info.flag_bits & 0x1:
            raise XlsxRefused("encrypted")
        total += info.file_size
        if limits.total_bytes is not None and total > limits.total_bytes:
            raise XlsxRefused("total_size", limit=limits.total_bytes)
    for info in members:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise XlsxRefused("unreadable", detail=f"{info.filename}: compression {info.compress_type}")
        sheet = _is_sheet(info.filename)
        limit = limits.sheet_bytes if sheet else limits.part_bytes
        if info.file_size > limit:
            raise XlsxRefused("sheet_size" if sheet else "part_size", part=info.filename, limit=limit)
        ratio = info.file_size // max(info.compress_size, 1)
        if info.file_size > _MIB and ratio > limits.ratio:
            raise XlsxRefused("ratio", part=info.filename, ratio=ratio, limit=limits.ratio)
        if info.filename.endswith("sharedStrings.xml"):
            _count_strings(archive, info, limits.shared_strings)


_STRING_ITEM = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s>/]")


def _count_strings(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> None:
    """Refuse a shared-strings table of more than ``limit`` items, counted in a stream before openpyxl reads it."""
    count = 0
    tail = b""
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                data = tail + chunk
                count += len(_STRING_ITEM.findall(data))
                # keep an unfinished tag for the next chunk, never a counted one
                cut = max(data.rfind(b"<"), len(data) - 64)
                if _STRING_ITEM.match(data, cut):
                    cut = len(data)
                tail = data[cut:]
                if count > limit:
                    raise XlsxRefused("shared_strings", part=info.filename, limit=limit)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
        raise XlsxRefused("unreadable", detail=f"{info.filename}: {exc}") from None


class _CountingReader:
    """A sheet's XML stream that refuses to give more than ``limit`` bytes, or a zip-bomb ratio."""

    def __init__(self, stream: IO[bytes], limit: int, compressed: int, ratio: int) -> None:
        self.stream = stream
        self.limit = limit
        self.compressed = max(compressed, 1)
        self.ratio = ratio
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(_CHUNK if size is None or size < 0 else min(size, _CHUNK * 4))
        self.count += len(data)
        if self.count > self.limit:
            raise XlsxRefused("sheet_size", limit=self.limit)
        if self.count > _MIB and self.count > self.ratio * self.compressed:
            raise XlsxRefused("ratio", part="sheet", ratio=self.count // self.compressed, limit=self.ratio)
        return data

    def close(self) -> None:
        self.stream.close()


class BoundedWorkbook:
    """A workbook opened read-only after :func:`check_archive`; :meth:`rows` streams one sheet within bounds.

    Use it as a context manager (or call :meth:`close`)."""

    def __init__(self, path: Path, limits: XlsxLimits = DEFAULT_LIMITS, data_only: bool = True) -> None:
        self.path = path
        self.limits = limits
        check_archive(path, limits)
        with contextlib.suppress(ImportError):  # openpyxl parses XML with defusedxml whenever it can import it
            import defusedxml  # type: ignore[import-untyped]  # noqa: F401
        try:
            from openpyxl import load_workbook
        except ImportError:
            raise XlsxRefused("no_openpyxl") from None
        try:
            self.workbook: Any = load_workbook(path, read_only=True, data_only=data_only)
        except XlsxRefused:
            raise
        except Exception as exc:  # anything openpyxl raises here is about the file
            raise XlsxRefused("unreadable", detail=f"{type(exc).__name__}: {exc}") from None

    def __enter__(self) -> BoundedWorkbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def sheet_names(self) -> list[str]:
        return [str(name) for name in self.workbook.sheetnames]

    def rows(self, sheet: int | str = 0) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """``(row number, cell values)`` of one sheet, rows without cells skipped (not padded), each row as wide
        as its last cell. Raises :class:`XlsxRefused` at the first bound passed, or for broken XML."""
        sheets = self.workbook.worksheets
        if isinstance(sheet, str):
            matching = [s for s in sheets if s.title == sheet]
            if not matching:
                return
            ws = matching[0]
        elif sheet >= len(sheets):
            return
        else:
            ws = sheets[sheet]
        yield from self._rows(ws)

    def _rows(self, ws: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
        from openpyxl.worksheet._reader import WorkSheetParser

        limits = self.limits
        archive = self.workbook._archive
        name = ws._worksheet_path
        try:
            info = archive.getinfo(name)
        except KeyError:
            raise XlsxRefused("unreadable", detail=f"{name}: missing") from None
        cells = 0
        row_number = 1
        try:
            with archive.open(info) as raw:
                source = _CountingReader(raw, limits.sheet_bytes, info.compress_size, limits.ratio)
                parser = WorkSheetParser(source, ws._shared_strings, data_only=self.workbook.data_only,
                                         epoch=self.workbook.epoch, date_formats=self.workbook._date_formats,
                                         timedelta_formats=self.workbook._timedelta_formats)
                for row_number, row in parser.parse():
                    if row_number > limits.rows:
                        raise XlsxRefused("rows", row=min(row_number, limits.rows + 1), found=row_number,
                                          limit=limits.rows)
                    if not row:
                        continue
                    width = max(cell["column"] for cell in row)
                    if width > limits.columns:
                        raise XlsxRefused("columns", row=row_number, found=width, limit=limits.columns)
                    cells += width
                    if cells > limits.cells:
                        raise XlsxRefused("cells", row=row_number, limit=limits.cells)
                    values: list[Any] = [None] * width
                    for cell in row:
                        values[cell["column"] - 1] = cell["value"]
                    yield row_number, tuple(values)
        except XlsxRefused:
            raise
        except Exception as exc:  # broken XML, a bad cell reference: about the file, not about rac
            raise XlsxRefused("unreadable", row=max(row_number, 1), detail=f"{type(exc).__name__}: {exc}") from None

    def close(self) -> None:
        self.workbook.close()
