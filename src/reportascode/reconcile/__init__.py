"""Reconciliation: a report's figures against its evidence exports (``reports/<year>/evidence/``).

The filer runs the comparison a monitoring platform is said to run [A] (seats and trunk channels against carrier
bills, caller numbers, complaints), on their own exports, before submitting. Tolerances are internal and
configurable; findings are positioned in the report (file, line, column) or in the evidence file (row, column).

Entry points:

* :func:`reconcile_report` (``rac reconcile``, the gap analysis): the discrepancy table and the findings, with
  the workspace's severity overrides and waivers applied;
* :func:`reconciliation_findings` (``rac validate``): the raw findings, for validation to post-process.

Importing this package is light (csv and the standard library); openpyxl is imported only to read an ``.xlsx``.
"""

from __future__ import annotations

import datetime as dt

from reportascode.model.config import Config
from reportascode.model.findings import Finding, FindingCounts
from reportascode.model.workspace import Report
from reportascode.reconcile.comparisons import COLLECTORS
from reportascode.reconcile.evidence import Progress, ReadStats, discover, has_evidence, read_rows
from reportascode.reconcile.kinds import KINDS
from reportascode.reconcile.sink import MAX_LISTED, Sink
from reportascode.reconcile.table import TableRow
from reportascode.records import FrozenRecord, Record
from reportascode.validate.policy import apply_config

__all__ = [
    "EvidenceSummary",
    "ReconciliationResult",
    "TableRow",
    "has_evidence",
    "reconcile_report",
    "reconciliation_findings",
]


class EvidenceSummary(FrozenRecord):
    """One evidence file read: its kind, path, rows used and rows skipped, and whether it was read completely."""

    FIELDS = ("kind", "file", "rows", "bad_rows", "complete")

    kind: str
    file: str
    rows: int
    bad_rows: int
    complete: bool

    def __init__(self, kind: str, file: str, rows: int, bad_rows: int, complete: bool) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "file", file)
        object.__setattr__(self, "rows", rows)
        object.__setattr__(self, "bad_rows", bad_rows)
        object.__setattr__(self, "complete", complete)


class ReconciliationResult(FindingCounts, Record):
    """``rows``: the discrepancy table; ``findings``: sorted, severity overrides and waivers applied (waived ones
    kept, with ``waived_by``); ``evidence``: the files read; ``missing``: evidence kinds without a file."""

    FIELDS = ("report", "has_evidence", "rows", "findings", "evidence", "missing")

    def __init__(self, report: str, has_evidence: bool = False, rows: list[TableRow] | None = None,
                 findings: list[Finding] | None = None, evidence: list[EvidenceSummary] | None = None,
                 missing: list[str] | None = None) -> None:
        self.report = report
        self.has_evidence = has_evidence
        self.rows: list[TableRow] = [] if rows is None else rows
        self.findings: list[Finding] = [] if findings is None else findings
        self.evidence: list[EvidenceSummary] = [] if evidence is None else evidence
        self.missing: list[str] = [] if missing is None else missing

    @property
    def exceeding(self) -> list[TableRow]:
        return [r for r in self.rows if not r.ok]


def reconcile_report(report: Report, config: Config, *, progress: Progress | None = None,
                     today: dt.date | None = None, max_listed: int = MAX_LISTED) -> ReconciliationResult:
    """Reconcile one report with its evidence. Never raises for bad evidence: problems are findings."""
    result = _run(report, config, progress, max_listed)
    result.findings = apply_config(result.findings, config, today or dt.date.today())
    return result


def reconciliation_findings(report: Report, config: Config) -> list[Finding]:
    """The findings alone, as validation wants them (it applies overrides, explanations and waivers itself)."""
    if not has_evidence(report):
        return []
    return _run(report, config, None, MAX_LISTED).findings


def _run(report: Report, config: Config, progress: Progress | None, max_listed: int) -> ReconciliationResult:
    result = ReconciliationResult(report.id, has_evidence(report))
    sink = Sink(report, config, max_listed)
    files = discover(report, sink)
    for name in KINDS:
        evidence = files.get(name)
        if evidence is None:
            result.missing.append(name)
            continue
        stats = ReadStats()
        collector = COLLECTORS[name](report, sink, evidence, stats)
        for line, values in read_rows(evidence, sink, stats, progress):
            collector.add(line, values)
        if stats.complete:
            result.rows.extend(collector.finish())
        result.evidence.append(EvidenceSummary(name, evidence.file, stats.rows, stats.bad_rows, stats.complete))
    result.findings = sink.findings()
    return result
