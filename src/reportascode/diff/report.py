"""Two sources of a report (or of one file) → a :class:`ReportDiff`: labelled changes, YoY marks, unreadable files.

Each file is parsed by :func:`reportascode.model.loader.load_bytes`, so the data compared is the data validation sees:
reformatting, key order and comments are not changes.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import partial
from typing import Any

from reportascode.diff.compare import KINDS, Change, beyond, compare
from reportascode.diff.labels import Labeler
from reportascode.diff.sources import Source
from reportascode.model.keys import pattern_of, section
from reportascode.model.loader import Document, load_bytes, split_pointer
from reportascode.model.schemas import DEFAULT_VERSION, REPORT_FILES, SchemaStore

DEFAULT_THRESHOLD = Decimal(30)


@dataclass(frozen=True)
class FileProblem:
    """A file that could not be compared because one side does not parse."""

    file: str
    side: str  # "a" or "b"
    line: int
    column: int
    message_key: str
    args: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class FileSummary:
    file: str
    section: str
    added: int
    removed: int
    changed: int
    marked: int


@dataclass
class ReportDiff:
    a: Source
    b: Source
    changes: list[Change]
    problems: list[FileProblem] = field(default_factory=list)
    years: tuple[int | None, int | None] = (None, None)
    threshold: Decimal = DEFAULT_THRESHOLD
    labeler: Labeler = field(default_factory=lambda: Labeler(None, DEFAULT_VERSION), repr=False)

    @property
    def yoy(self) -> bool:
        """Whether the two sides are different report years (then changes beyond the threshold are marked)."""
        return None not in self.years and self.years[0] != self.years[1]

    @property
    def differs(self) -> bool:
        return bool(self.changes or self.problems)

    def files(self) -> list[FileSummary]:
        """Per file with changes, in report order: counts by kind."""
        order = _ordered({*(c.file for c in self.changes), *(p.file for p in self.problems)})
        summaries = []
        for name in order:
            of_file = [c for c in self.changes if c.file == name]
            counts = {kind: sum(1 for c in of_file if c.kind == kind) for kind in KINDS}
            summaries.append(FileSummary(name, section(_stem(name)), counts["added"], counts["removed"],
                                         counts["changed"], sum(1 for c in of_file if c.marked)))
        return summaries

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)

    def leaf_title(self, file: str, pointer: str, lang: str) -> str:
        """The short title of a field inside an added or removed record (its record is named on the change)."""
        stem = _stem(file)
        pattern = pattern_of(pointer)
        title = self.labeler.title(stem, pattern, lang)
        tokens = split_pointer(pointer)
        if title and not (tokens and tokens[-1].isdigit()):
            return title
        if tokens and tokens[-1].isdigit():  # an item of a list of plain values: the list's title and its index
            parent = self.labeler.title(stem, pattern.rsplit("/", 1)[0], lang)
            return f"{parent or (tokens[-2] if len(tokens) > 1 else '')}[{tokens[-1]}]"
        return title or (tokens[-1] if tokens else file)


def diff_sources(a: Source, b: Source, store: SchemaStore | None = None,
                 threshold: Decimal = DEFAULT_THRESHOLD, parser: str = "auto") -> ReportDiff:
    """Compare two sources file by file."""
    if a.single_file or b.single_file:
        name_a = next(iter(a.files), None)
        name_b = next(iter(b.files), None)
        name = name_b or name_a or posixpath.basename(b.path or a.path)
        pairs = [(name, a.files.get(name_a) if name_a else None, b.files.get(name_b) if name_b else None)]
    else:
        names = {*a.files, *b.files} - RECORD_FILES  # the lock's and the corrections' records are not data
        pairs = [(name, a.files.get(name), b.files.get(name)) for name in _ordered(names)]
    docs = [(name, _load(raw_a, a, name, parser), _load(raw_b, b, name, parser), raw_a, raw_b)
            for name, raw_a, raw_b in pairs]

    meta_a = next((d_a for n, d_a, _, _, _ in docs if _stem(n) == "meta"), None)
    meta_b = next((d_b for n, _, d_b, _, _ in docs if _stem(n) == "meta"), None)
    version = _version(meta_b, store) or _version(meta_a, store) or DEFAULT_VERSION
    labeler = Labeler(store, version)
    years = (_year(meta_a, a), _year(meta_b, b))
    result = ReportDiff(a, b, [], [], years, threshold, labeler)

    for name, doc_a, doc_b, raw_a, raw_b in docs:
        broken = [(side, doc) for side, doc in (("a", doc_a), ("b", doc_b)) if doc is not None and not doc.ok]
        if broken:
            if raw_a != raw_b:
                for side, doc in broken:
                    problem = next(p for p in doc.problems if p.fatal)
                    result.problems.append(FileProblem(name, side, problem.line, problem.column,
                                                       problem.message_key, problem.args))
            continue
        stem = _stem(name)
        data_a = doc_a.data if doc_a is not None else None
        data_b = doc_b.data if doc_b is not None else None
        for change in compare(data_a, data_b, name, stem, partial(labeler.order, stem)):
            if result.yoy and stem == "meta" and change.pointer == "/report_year":
                continue  # the pair of years compared (in the heading), not a change of data
            data = data_a if change.kind == "removed" else data_b
            result.changes.append(replace(
                change,
                label_zh=labeler.label(stem, change.pointer, data, "zh"),
                label_en=labeler.label(stem, change.pointer, data, "en"),
                marked=result.yoy and beyond(change, threshold),
            ))
    return result


# rac's own records beside the data: the lock manifest (file hashes) and the correction records after a lock
RECORD_FILES = frozenset({".rac-lock.yaml", "corrections.yaml"})


def _load(raw: bytes | None, source: Source, name: str, parser: str) -> Document | None:
    if raw is None:
        return None
    folder = source.label if not source.single_file else posixpath.dirname(source.label)
    path = f"{folder}/{name}" if folder else name
    refused = source.refused.get(name)
    if refused is not None:  # too large, not a regular file, or a link out of the workspace: never parsed
        return Document(path=path, problems=[refused])
    return load_bytes(raw, path, parser)


def _ordered(names: set[str]) -> list[str]:
    known = {f"{stem}{suffix}": index for index, stem in enumerate(REPORT_FILES) for suffix in (".yaml", ".yml")}
    return sorted(names, key=lambda n: (0, known[n], n) if n in known else (1, 0, n))


def _stem(name: str) -> str:
    return posixpath.splitext(posixpath.basename(name))[0]


def _meta(doc: Document | None) -> dict[str, Any] | None:
    if doc is None or not doc.ok or not isinstance(doc.data, dict):
        return None
    return doc.data


def _version(doc: Document | None, store: SchemaStore | None) -> str | None:
    meta = _meta(doc)
    version = meta.get("schema_version") if meta is not None else None
    if version is None or store is None or str(version) not in store.versions:
        return None
    return str(version)


def _year(doc: Document | None, source: Source) -> int | None:
    meta = _meta(doc)
    year = meta.get("report_year") if meta is not None else None
    if isinstance(year, int) and not isinstance(year, bool):
        return year
    return source.folder_year
