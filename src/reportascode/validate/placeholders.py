"""The "to fill" placeholder: a value written as the literal text ``待填`` (or ``TODO``).

``rac init`` and ``rac new-year`` write it where a figure must be entered for the year. Validation reports each
one as FILL-01 (an error: a report with unfilled values is not valid), at the placeholder's own line and column,
and drops the schema errors the same value would otherwise cause (a placeholder is not also a SCHEMA-TYPE).
Light on purpose: this module is on the ``rac validate`` path.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reportascode.model.findings import Finding, Severity, make_args
from reportascode.model.loader import Document, iter_leaves, leaf_values

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

PLACEHOLDER = "待填"
PLACEHOLDERS = (PLACEHOLDER, "TODO")
FILL_RULE = "FILL-01"


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.strip() in PLACEHOLDERS


def placeholder_pointers(data: Any) -> list[str]:
    """The pointers of every placeholder in ``data``, in document order (the root itself may be one)."""
    if not any(map(is_placeholder, leaf_values(data))):  # the common case, found without building pointers
        return []
    return [pointer for pointer, value in iter_leaves(data) if is_placeholder(value)]


def covered(pointer: str, placeholders: Iterable[str]) -> bool:
    """True when ``pointer`` is a placeholder or lies inside one (its schema errors are the placeholder's)."""
    return any(pointer == p or pointer.startswith(p + "/") for p in placeholders)


def fill_findings(doc: Document, pointers: list[str], report: str, label: Any, first_index: int, total: int
                  ) -> Iterator[Finding]:
    """One FILL-01 finding per placeholder of ``doc``; ``label(pointer)`` names the field (a Bilingual).

    Each finding carries its number among the report's placeholders and their total, so the first message of a
    report already says how many values are left to fill.
    """
    for offset, pointer in enumerate(pointers):
        line, column = doc.value_position(pointer)
        value = _value_at(doc.data, pointer)
        args = {"label": label(pointer), "value": value, "index": first_index + offset, "count": total}
        yield Finding(FILL_RULE, Severity.ERROR, doc.path, line, column, pointer, "fill.placeholder",
                      make_args(args), report)


def _value_at(data: Any, pointer: str) -> str:
    from reportascode.model.loader import resolve_pointer

    try:
        return str(resolve_pointer(data, pointer)).strip()
    except (KeyError, IndexError, ValueError, TypeError):
        return PLACEHOLDER


class ReportPlaceholders:
    """Every placeholder of one report, by file: what validation needs to report them and to silence the
    schema and check findings they would otherwise cause."""

    def __init__(self, report: Any) -> None:
        from reportascode.model.schemas import REPORT_FILES

        self.by_file: dict[str, list[str]] = {}
        for name in REPORT_FILES:
            doc = report.document(name)
            if doc is not None and doc.ok and not doc.empty:
                found = placeholder_pointers(doc.data)
                if found:
                    self.by_file[name] = found
        self.total = sum(len(p) for p in self.by_file.values())
        self._paths = {report.file_path(name): pointers for name, pointers in self.by_file.items()}

    def pointers(self, name: str) -> list[str]:
        return self.by_file.get(name, [])

    def findings(self, doc: Document, name: str, version: str, store: Any, report_id: str) -> Iterator[Finding]:
        """The FILL-01 findings of one file, numbered across the report (files in report order)."""
        from reportascode.messages import Bilingual

        def label(pointer: str) -> Bilingual:
            where = f"{name}{pointer}" if pointer else name

            def text(lang: str) -> str:
                found = store.label(version, name, pointer, lang) if pointer else where
                return f"{found} ({where})" if found not in (where, pointer) else where

            return Bilingual(text("zh"), text("en"))

        first = 1  # numbered in the order findings are listed: by file path
        for other in sorted(self.by_file, key=lambda n: f"{n}.yaml"):
            if other == name:
                break
            first += len(self.by_file[other])
        yield from fill_findings(doc, self.pointers(name), report_id, label, first, self.total)

    def keep_schema_finding(self, name: str, finding: Finding) -> bool:
        """False for a schema error about a placeholder's own value."""
        return not covered(finding.pointer, self.pointers(name))

    def keep_check_finding(self, finding: Finding) -> bool:
        """False for a domain-check finding placed on a placeholder: the value is not there yet."""
        return not covered(finding.pointer, self._paths.get(finding.file, []))
