"""Streaming readers for evidence exports: CSV through the csv module, XLSX through openpyxl's read-only mode.

Rows are read one at a time and never kept, so memory stays constant whatever the file size. Each data row is
converted to the kind's column types and yielded as ``(row number, values in the kind's column order)``. Rows
that cannot be used (wrong column count, an empty required cell, a bad date, a non-number) are findings
(REC-11) at their row and column, and are skipped; a file that cannot be read at all (no header with the
required columns, an undecodable encoding, a broken workbook) is a finding (REC-12) and yields nothing more.

Encodings: UTF-8 (with or without BOM), GB18030/GBK (what Excel on a Chinese Windows saves as "CSV"), and UTF-16
with a BOM (Excel's "Unicode text"). The delimiter is a comma, a semicolon or a tab, taken from the header line.
openpyxl is imported only when an ``.xlsx`` file is read.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from reportascode.files.paths import check_read
from reportascode.model.lazy_regex import lazy_compile
from reportascode.model.schemas import packaged_schema_dir
from reportascode.model.workspace import Report
from reportascode.reconcile.kinds import (
    BOOL,
    CARRIER,
    DATE,
    DECIMAL,
    INT,
    KINDS,
    MONTH,
    PROVINCE,
    STATUS,
    TEXT,
    Column,
    EvidenceKind,
)
from reportascode.reconcile.sink import Sink
from reportascode.records import FrozenRecord, Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

EVIDENCE_DIR = "evidence"
FORMATS = ("csv", "xlsx")
HEADER_SEARCH_ROWS = 10
PROGRESS_EVERY = 65_536
MAX_NUMBER_CHARS = 64
EVIDENCE_COLUMNS = 1_024
MAX_NUMBER_EXPONENT = 30  # beyond any count or amount of money an export holds
MAX_INT_DIGITS = 18

# (file label, rows read so far, fraction of the file read or None, finished)
Progress = Callable[[str, int, "float | None", bool], None]


class EvidenceFile(FrozenRecord):
    """An evidence export found in a report's ``evidence/`` folder, and its kind."""

    FIELDS = ("kind", "path", "file")

    kind: EvidenceKind
    path: Path
    file: str  # workspace-relative, forward slashes

    def __init__(self, kind: EvidenceKind, path: Path, file: str) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "file", file)

    @property
    def format(self) -> str:
        return self.path.suffix.lower().lstrip(".")


class ReadStats(Record):
    """What reading one file gave: rows used, rows skipped as malformed, and whether reading stopped early."""

    FIELDS = ("rows", "bad_rows", "complete", "header_line", "columns")

    def __init__(self, rows: int = 0, bad_rows: int = 0, complete: bool = True, header_line: int = 1,
                 columns: dict[str, int] | None = None) -> None:
        self.rows = rows
        self.bad_rows = bad_rows
        self.complete = complete
        self.header_line = header_line
        self.columns: dict[str, int] = {} if columns is None else columns  # column name -> 1-based column

    def column(self, name: str) -> int:
        return self.columns.get(name, 1)


def evidence_dir(report: Report) -> Path:
    return report.folder / EVIDENCE_DIR


def has_evidence(report: Report) -> bool:
    return evidence_dir(report).is_dir()


def discover(report: Report, sink: Sink) -> dict[str, EvidenceFile]:
    """The evidence files of a report, by kind. Both a CSV and an XLSX of one kind: the CSV is used (REC-12)."""
    folder = evidence_dir(report)
    found: dict[str, EvidenceFile] = {}
    if not folder.is_dir():
        return found
    for kind in KINDS.values():
        paths = [folder / f"{kind.name}.{ext}" for ext in FORMATS]
        present = [p for p in paths if p.is_file()]
        legacy = folder / f"{kind.name}.xls"
        if legacy.is_file() and not present:
            sink.at_evidence("REC-12", _rel(report, legacy), 1, 1, variant="xls", whole_file=True, name=legacy.name)
        outside = [p for p in present if not p.resolve().is_relative_to(report.folder.resolve())]
        for path in outside:  # a link out of the report (to /etc/passwd, say) is never read
            sink.at_evidence("REC-12", _rel(report, path), 1, 1, variant="outside", whole_file=True, name=path.name)
        present = [p for p in present if p not in outside]
        if not present:
            continue
        chosen = present[0]
        if len(present) > 1:
            sink.at_evidence("REC-12", _rel(report, present[1]), 1, 1, variant="both_formats", whole_file=True,
                             used=chosen.name, ignored=present[1].name)
        found[kind.name] = EvidenceFile(kind, chosen, _rel(report, chosen))
    return found


def _rel(report: Report, path: Path) -> str:
    return f"{report.id}/{EVIDENCE_DIR}/{path.name}"


class _FileProblem(Exception):
    def __init__(self, variant: str, line: int = 1, **args: Any) -> None:
        super().__init__(variant)
        self.variant = variant
        self.line = line
        self.args_ = args


class _Bad(Exception):
    """A cell that does not convert; ``variant`` names the REC-11 message."""

    def __init__(self, variant: str) -> None:
        super().__init__(variant)
        self.variant = variant


def read_rows(evidence: EvidenceFile, sink: Sink, stats: ReadStats, progress: Progress | None = None
              ) -> Iterator[tuple[int, list[Any]]]:
    """Every usable data row of ``evidence`` as ``(row number, values)``; problems go to ``sink``."""
    kind = evidence.kind
    raw = _xlsx_rows(evidence.path) if evidence.format == "xlsx" else _csv_rows(evidence.path)
    label = evidence.path.name
    done = 0
    try:
        header_line, header, plan = _find_header(kind, raw)
        if header_line == 0:
            sink.at_evidence("REC-12", evidence.file, 1, 1, variant="empty_file", whole_file=True)
            stats.complete = False
            return
        missing = [c for c in kind.columns if c.required and c.name not in plan]
        if missing:
            sink.at_evidence("REC-12", evidence.file, header_line, 1, variant="missing_columns", whole_file=True,
                             missing=", ".join(f"{c.name}/{c.zh}" for c in missing),
                             found=", ".join(h for h in header if h) or "-")
            stats.complete = False
            return
        stats.header_line = header_line
        stats.columns = {name: index + 1 for name, index in plan.items()}
        width = len(header)
        steps = [(plan.get(c.name, -1), c) for c in kind.columns]
        # The fast path converts a whole row at once; only a row that fails is looked at cell by cell.
        fast = [(position, _CONVERTERS[c.type] if c.required else _optional(_CONVERTERS[c.type]))
                if position >= 0 else (0, _none) for position, c in steps]
        xlsx = evidence.format == "xlsx"
        for line, cells in raw:
            done += 1
            if progress is not None and not done % PROGRESS_EVERY:
                progress(label, done, _fraction(raw), False)
            if xlsx:
                if len(cells) > width:
                    extra = [i for i in range(width, len(cells)) if cells[i] is not None and cells[i] != ""]
                    if extra:
                        _bad(sink, stats, evidence, line, width + 1, "", "columns", found=extra[-1] + 1,
                             expected=width)
                        continue
                elif len(cells) < width:
                    cells = (*cells, *([None] * (width - len(cells))))
            elif len(cells) != width:
                if any(cells):
                    _bad(sink, stats, evidence, line, min(len(cells), width) + 1, "", "columns", found=len(cells),
                         expected=width)
                continue
            try:
                values = [convert(cells[position]) for position, convert in fast]
            except _Bad:
                if any(c is not None and c != "" for c in cells):
                    _report_bad_cell(sink, stats, evidence, line, cells, steps, header)
                continue
            stats.rows += 1
            yield line, values
    except _FileProblem as problem:
        sink.at_evidence("REC-12", evidence.file, problem.line, 1, variant=problem.variant, whole_file=True,
                         **problem.args_)
        stats.complete = False
    finally:
        raw.close()
        if progress is not None and done >= PROGRESS_EVERY:
            progress(label, done, 1.0, True)


def _none(cell: Any) -> None:
    return None


def _optional(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def optional(cell: Any) -> Any:
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            return None
        return convert(cell)

    return optional


def _report_bad_cell(sink: Sink, stats: ReadStats, evidence: EvidenceFile, line: int, cells: Sequence[Any],
                     steps: list[tuple[int, Column]], header: list[str]) -> None:
    """The first cell of a failed row that does not convert, as a REC-11 finding at its column."""
    for position, column in steps:
        if position < 0:
            continue
        convert = _CONVERTERS[column.type] if column.required else _optional(_CONVERTERS[column.type])
        try:
            convert(cells[position])
        except _Bad as bad:
            _bad(sink, stats, evidence, line, position + 1, column.name, bad.variant, header=header[position],
                 value=_show(cells[position]))
            return


def _bad(sink: Sink, stats: ReadStats, evidence: EvidenceFile, line: int, column: int, column_name: str,
         variant: str, **args: Any) -> None:
    stats.bad_rows += 1
    sink.at_evidence("REC-11", evidence.file, line, column, column_name, variant=variant, **args)


def _find_header(kind: EvidenceKind, raw: Iterator[tuple[int, Sequence[Any]]]
                 ) -> tuple[int, list[str], dict[str, int]]:
    """The header: the first row (of the first few non-blank ones) that names every required column; else the
    first non-blank row, so that the missing columns can be reported against it. ``(0, [], {})`` when empty."""
    first: tuple[int, list[str], dict[str, int]] | None = None
    seen = 0
    for line, cells in raw:
        texts = [_text_of(c).strip() for c in cells]
        while texts and not texts[-1]:
            texts.pop()
        if not texts:
            continue
        seen += 1
        matched = kind.match_header(texts)
        plan = {kind.columns[position].name: index for position, index in matched.items()}
        candidate = (line, texts, plan)
        if all(c.name in plan for c in kind.columns if c.required):
            return candidate
        if first is None:
            first = candidate
        if seen >= HEADER_SEARCH_ROWS:
            break
    return first or (0, [], {})


def _fraction(raw: Any) -> float | None:
    getter = getattr(raw, "fraction", None)
    return getter() if callable(getter) else None


# --- raw sources ------------------------------------------------------------------------------------------------


class _CsvSource:
    """Physical CSV records as ``(first line number, cells)``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        check_read(path)
        self.size = path.stat().st_size
        self.binary = path.open("rb")
        self.reader: Any = None
        self._iter: Iterator[tuple[int, list[str]]] | None = None

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        if self._iter is None:
            self._iter = self._records()
        return self._iter

    def __next__(self) -> tuple[int, list[str]]:
        return next(iter(self))

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        head = self.binary.read(65_536)
        self.binary.seek(0)
        encoding = _sniff_encoding(head)
        text = io.TextIOWrapper(self.binary, encoding=encoding, newline="")
        delimiter = _sniff_delimiter(head, encoding)
        reader = csv.reader(text, delimiter=delimiter)
        previous = 0
        try:
            for cells in reader:
                yield previous + 1, cells
                previous = reader.line_num
        except UnicodeDecodeError as exc:
            raise _FileProblem("encoding_at", previous + 1, encoding=encoding, detail=exc.reason) from None
        except csv.Error as exc:
            raise _FileProblem("unreadable", previous + 1, detail=str(exc)) from None

    def fraction(self) -> float | None:
        if not self.size or self.binary.closed:
            return None
        return min(1.0, self.binary.tell() / self.size)

    def close(self) -> None:
        self.binary.close()


class _XlsxSource:
    """The rows of the first worksheet of a workbook (read-only mode: rows are streamed from the zip)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.workbook: Any = None
        self.total: int | None = None
        self.line = 0
        self._iter: Iterator[tuple[int, Sequence[Any]]] | None = None

    def __iter__(self) -> Iterator[tuple[int, Sequence[Any]]]:
        if self._iter is None:
            self._iter = self._records()
        return self._iter

    def __next__(self) -> tuple[int, Sequence[Any]]:
        return next(iter(self))

    def _records(self) -> Iterator[tuple[int, Sequence[Any]]]:
        from reportascode.files.xlsx_bounds import BoundedWorkbook, XlsxLimits, XlsxRefused

        # Bounded: rows, columns, cells and the uncompressed size are capped and a refusal is REC-12 (fail closed).
        try:
            # an export has a few dozen columns: a cell far to the right only pads every row it is on
            self.workbook = BoundedWorkbook(self.path, XlsxLimits(columns=EVIDENCE_COLUMNS))
            self.total = _declared_rows(self.workbook)
            for line, cells in self.workbook.rows(0):
                self.line = line
                yield line, cells
        except XlsxRefused as refused:
            variant = _NOT_BOUNDS.get(refused.variant, f"bound_{refused.variant}")
            args = dict(refused.args_)
            raise _FileProblem(variant, max(refused.row, self.line, 1), **args) from None

    def fraction(self) -> float | None:
        return min(1.0, self.line / self.total) if self.total else None

    def close(self) -> None:
        if self.workbook is not None:
            self.workbook.close()


# refusals that are about what the file is, not about a bound it passes
_NOT_BOUNDS = {"not_xlsx": "unreadable", "unreadable": "unreadable", "no_openpyxl": "no_openpyxl",
               "not_file": "not_file", "not_office": "not_office", "encrypted": "encrypted"}


def _declared_rows(workbook: Any) -> int | None:
    """The first sheet's declared row count, for progress only (never trusted to bound anything)."""
    sheets = workbook.workbook.worksheets
    total = sheets[0].max_row if sheets else None
    return total if isinstance(total, int) and total > 0 else None


def _csv_rows(path: Path) -> _CsvSource:
    return _CsvSource(path)


def _xlsx_rows(path: Path) -> _XlsxSource:
    return _XlsxSource(path)


def _sniff_encoding(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head[:4096]:
        raise _FileProblem("encoding", detail="NUL bytes (UTF-16 without BOM, or not a text file)")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
        return encoding
    raise _FileProblem("encoding", detail="neither UTF-8 nor GBK/GB18030")


def _sniff_delimiter(head: bytes, encoding: str) -> str:
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(head, final=False)
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


# --- cell conversion --------------------------------------------------------------------------------------------

_THOUSANDS = lazy_compile(r"\d{1,3}(,\d{3})+(\.\d+)?")
_DATE = lazy_compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_DATE_COMPACT = lazy_compile(r"(\d{4})(\d{2})(\d{2})")
_MONTH = lazy_compile(r"(\d{4})(?:[-/.年](\d{1,2})月?|(\d{2}))(?:[-/.]\d{1,2})?")
_TRUE = frozenset({"true", "yes", "y", "1", "是", "有", "√", "✓"})
_FALSE = frozenset({"false", "no", "n", "0", "否", "无", "×", "✗"})
_REPLIED = frozenset({"replied", "已回复", "已答复"})
_OPEN = frozenset({"open", "未回复", "未答复", "处理中"})
_CARRIERS = {"电信": "中国电信", "移动": "中国移动", "联通": "中国联通", "广电": "中国广电",
             "chinatelecom": "中国电信", "chinamobile": "中国移动", "chinaunicom": "中国联通",
             "chinabroadnet": "中国广电"}


def _text_of(cell: Any) -> str:
    """A cell as the text a CSV export would hold (integral floats without ``.0``, dates as ISO)."""
    if isinstance(cell, str):
        return cell
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(sep=" ")
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell)


def _show(cell: Any) -> str:
    text = _text_of(cell)
    return text if len(text) <= 40 else text[:37] + "..."


def _stripped(cell: Any) -> str:
    text = (cell if isinstance(cell, str) else _text_of(cell)).strip()
    if not text:
        raise _Bad("empty")
    return text


def to_text(cell: Any) -> str:
    if type(cell) is str:
        text = cell.strip()
        if text:
            return text
    return _stripped(cell)


def to_int(cell: Any) -> int:
    if type(cell) is str and cell.isdigit() and cell.isascii() and len(cell) <= MAX_INT_DIGITS:
        return int(cell)
    if isinstance(cell, bool):
        raise _Bad("integer")
    if isinstance(cell, int):
        value = cell
    elif isinstance(cell, float):
        if not cell.is_integer():
            raise _Bad("integer")
        value = int(cell)
    else:
        text = _stripped(cell)
        if text.isascii() and text.isdigit() and len(text) <= MAX_INT_DIGITS:
            return int(text)
        if _THOUSANDS.fullmatch(text):
            text = text.replace(",", "")
        number = _bounded(text, "integer")
        if number.adjusted() > MAX_INT_DIGITS or number != number.to_integral_value():
            raise _Bad("integer")
        value = int(number)
    if value < 0:
        raise _Bad("negative")
    return value


def to_decimal(cell: Any) -> Decimal:
    if isinstance(cell, bool):
        raise _Bad("number")
    if isinstance(cell, (int, float)):
        number = Decimal(str(cell))
        if not number.is_finite() or abs(number.adjusted()) > MAX_NUMBER_EXPONENT:
            raise _Bad("number")
        return number
    text = _stripped(cell)
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    return _bounded(text, "number")


def _bounded(text: str, variant: str) -> Decimal:
    """A number from a cell, bounded before anything computes with it: at most MAX_NUMBER_CHARS characters and
    an exponent within ±MAX_NUMBER_EXPONENT (``1e999999999`` would make int() or a comparison take minutes)."""
    if len(text) > MAX_NUMBER_CHARS:
        raise _Bad(variant)
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise _Bad(variant) from None
    if not number.is_finite() or abs(number.adjusted()) > MAX_NUMBER_EXPONENT:
        raise _Bad(variant)
    return number


_DATE_CACHE: dict[str, dt.date] = {}  # exports repeat a few hundred dates millions of times
_DATE_CACHE_SIZE = 4096


def to_date(cell: Any) -> dt.date:
    if type(cell) is str:
        hit = _DATE_CACHE.get(cell)
        if hit is not None:
            return hit
        value = _parse_date(cell)
        if len(_DATE_CACHE) >= _DATE_CACHE_SIZE:
            _DATE_CACHE.clear()
        _DATE_CACHE[cell] = value
        return value
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    return _parse_date(_text_of(cell))


def _parse_date(cell: str) -> dt.date:
    text = cell.strip()
    if not text:
        raise _Bad("empty")
    try:
        if len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii():
            return dt.date.fromisoformat(text)
        match = _DATE.fullmatch(text) or _DATE_COMPACT.fullmatch(text)
        if match is None:
            raise _Bad("date")
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise _Bad("date") from None


def to_month(cell: Any) -> int:
    """A month as ``year * 12 + month - 1`` (so that months count and compare as integers)."""
    if isinstance(cell, (dt.date, dt.datetime)):
        return cell.year * 12 + cell.month - 1
    text = _stripped(cell)
    match = _MONTH.fullmatch(text)
    if match is None:
        raise _Bad("month")
    month = int(match[2] or match[3])
    if not 1 <= month <= 12:
        raise _Bad("month")
    return int(match[1]) * 12 + month - 1


def month_text(month: int) -> str:
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


def to_bool(cell: Any) -> bool:
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, (int, float)) and cell in (0, 1):
        return bool(cell)
    text = _stripped(cell).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _Bad("bool")


def to_status(cell: Any) -> str:
    text = _stripped(cell).lower()
    if text in _REPLIED:
        return "replied"
    if text in _OPEN:
        return "open"
    raise _Bad("status")


def to_province(cell: Any) -> str:
    text = _stripped(cell)
    names = _province_names()
    if text in names:
        return text
    code = _province_codes().get(text) or _province_codes().get(re.sub(r"(省|市|自治区|特别行政区)$", "", text))
    if code is None:
        # 广西壮族自治区 and the like: the name is a prefix of the full name.
        code = next((c for name, c in _province_codes().items() if len(name) >= 2 and text.startswith(name)), None)
    if code is None:
        raise _Bad("province")
    return code


def to_carrier(cell: Any) -> str:
    text = _stripped(cell)
    return _CARRIERS.get(text.replace(" ", "").lower(), text)


@lru_cache(maxsize=1)
def _province_names() -> dict[str, str]:
    """Province code → Chinese name, from the packaged schema (one place for these names)."""
    source = packaged_schema_dir() / "1.0" / "common.schema.json"
    schema = json.loads(source.read_text(encoding="utf-8"))
    names: dict[str, str] = schema["$defs"]["province_code"]["x-names"]
    return names


@lru_cache(maxsize=1)
def _province_codes() -> dict[str, str]:
    return {name: code for code, name in _province_names().items()}


def province_name(code: str) -> str:
    return _province_names().get(code, code)


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    TEXT: to_text, INT: to_int, DECIMAL: to_decimal, DATE: to_date, MONTH: to_month, BOOL: to_bool,
    STATUS: to_status, PROVINCE: to_province, CARRIER: to_carrier,
}

__all__ = ["Column", "EvidenceFile", "Progress", "ReadStats", "discover", "has_evidence", "read_rows"]
