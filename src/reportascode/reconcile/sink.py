"""Where reconciliation findings are collected: positioned in the report (file, line, column from the loaded
document) or in an evidence file (row, column), with the evidence side bounded: per evidence file and rule the
first ``max_listed`` findings are kept and the rest are counted in one summary finding."""

from __future__ import annotations

from reportascode.model.config import Config
from reportascode.model.findings import Finding, Severity, make_args
from reportascode.model.workspace import Report
from reportascode.records import Record
from reportascode.rules import registry

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MAX_LISTED = 20


class _Overflow(Record):
    """Findings of one rule past the listed maximum: counted at the first of them."""

    FIELDS = ("line", "count", "severity")

    def __init__(self, line: int, count: int = 0, severity: Severity = Severity.INFO) -> None:
        self.line = line
        self.count = count
        self.severity = severity


class Sink:
    def __init__(self, report: Report, config: Config, max_listed: int = MAX_LISTED) -> None:
        self.report = report
        self.config = config
        self.max_listed = max_listed
        self._findings: list[Finding] = []
        self._listed: dict[tuple[str, str], int] = {}
        self._overflow: dict[tuple[str, str], _Overflow] = {}

    def enabled(self, rule: str) -> bool:
        return self.config.severity.get(rule) != "off"

    def threshold(self, rule: str, name: str) -> Any:
        return self.config.threshold(rule, name, registry.default_threshold(rule, name))

    def at_report(self, rule: str, name: str, pointer: str, variant: str | None = None,
                  severity: Severity | None = None, **args: Any) -> None:
        """A finding at the value ``pointer`` of report file ``name`` (or its nearest existing ancestor)."""
        if not self.enabled(rule):
            return
        doc = self.report.document(name)
        line, column = doc.value_position(pointer) if doc is not None else (1, 1)
        self._findings.append(Finding(rule, severity or registry.get(rule).severity, self.report.file_path(name), line,
                                      column, pointer, _key(rule, variant), make_args(args), self.report.id))

    def at_evidence(self, rule: str, file: str, line: int, column: int, column_name: str = "",
                    variant: str | None = None, severity: Severity | None = None, whole_file: bool = False,
                    **args: Any) -> None:
        """A finding at a row (``line``, 1-based, the header is a row) and column (1-based) of an evidence file.
        Its pointer is ``/<row>/<column name>`` (``/<row>`` for a whole row, empty for the ``whole_file``)."""
        if not self.enabled(rule):
            return
        severity = severity or registry.get(rule).severity
        slot = (file, rule)
        listed = self._listed.get(slot, 0)
        if listed >= self.max_listed:
            overflow = self._overflow.get(slot)
            if overflow is None:
                overflow = self._overflow[slot] = _Overflow(line)
            overflow.count += 1
            if severity.rank < overflow.severity.rank:
                overflow.severity = severity
            return
        self._listed[slot] = listed + 1
        pointer = "" if whole_file else _pointer(line, column_name)
        self._findings.append(Finding(rule, severity, file, line, column, pointer, _key(rule, variant),
                                      make_args(args), self.report.id))

    def findings(self) -> list[Finding]:
        """Every finding, with one summary per evidence file and rule whose findings were not all listed."""
        summaries = [
            Finding(rule, overflow.severity, file, overflow.line, 1, _pointer(overflow.line, ""), "reconcile.more",
                    make_args({"count": overflow.count, "rule": rule, "listed": self.max_listed,
                               "first": overflow.line}), self.report.id)
            for (file, rule), overflow in self._overflow.items()
        ]
        return sorted(self._findings + summaries, key=Finding.sort_key)


def _key(rule: str, variant: str | None) -> str:
    return f"check.{rule}.{variant}" if variant else f"check.{rule}"


def _pointer(line: int, column_name: str) -> str:
    """Evidence findings point at ``/<row>/<column name>`` (the row number as in the file, header = 1)."""
    if line <= 0:
        return ""
    return f"/{line}/{column_name}" if column_name else f"/{line}"
