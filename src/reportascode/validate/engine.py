"""Validation of whole reports: loading, schema and domain checks, then severity overrides, explanations and
waivers. A pure function of the models: it returns findings and never prints."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator
from decimal import InvalidOperation
from pathlib import Path

from reportascode.model.config import Config
from reportascode.model.findings import MAX_LISTED_PER_RULE, Finding, FindingCounts, Severity, make_args
from reportascode.model.loader import Document
from reportascode.model.schemas import REPORT_FILES, SchemaStore
from reportascode.model.workspace import Report, Workspace
from reportascode.records import Record
from reportascode.validate.placeholders import ReportPlaceholders
from reportascode.validate.policy import apply_config, apply_severity
from reportascode.validate.schema_findings import iter_schema_findings

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from reportascode.rules.registry import Rule
    from reportascode.validate.validation_cache import ValidationCache

MAX_LISTED_UNKNOWN = 20  # unknown files listed one by one; the rest are counted in one finding

# Exceptions a check may raise on data the schema already rejected; on schema-valid data they are bugs.
_DATA_ERRORS = (TypeError, KeyError, AttributeError, ValueError, IndexError, InvalidOperation, ZeroDivisionError)


class ValidationResult(Record, FindingCounts):
    """The findings of a validation run, and how many reports and files it read."""

    FIELDS = ("findings", "reports", "files")

    def __init__(self, findings: list[Finding] | None = None, reports: int = 0, files: int = 0) -> None:
        self.findings: list[Finding] = [] if findings is None else findings
        self.reports = reports
        self.files = files


# Below this many reports, starting worker processes costs more than it saves.
PARALLEL_MIN_REPORTS = 48
_CHUNK = 16

Progress = Callable[[int, int], None]


def validate_reports(
    reports: Iterable[Report], config: Config, store: SchemaStore, today: dt.date | None = None,
    run_checks: bool = True, jobs: int = 1, progress: Progress | None = None, cache: ValidationCache | None = None,
) -> ValidationResult:
    """Validate reports; with ``jobs`` > 1 and a large workspace, reports are validated in worker processes.
    ``cache``: rac validate's cache (validate/validation_cache.py), which never changes an answer."""
    selected = list(reports)
    result = ValidationResult(reports=len(selected))
    today = today or dt.date.today()
    workspace_rules = _LazyRules(store)
    if jobs > 1 and len(selected) >= PARALLEL_MIN_REPORTS:
        per_report = _validate_in_workers(selected, config, store, run_checks, jobs)
    elif cache is not None:
        per_report = (_validate_cached(report, config, store, run_checks, workspace_rules, cache, today)
                      for report in selected)
    else:
        per_report = (_validate_one(report, config, store, run_checks, workspace_rules) for report in selected)
    for done, (found, files) in enumerate(per_report, start=1):
        result.files += files
        result.findings.extend(found)
        if progress is not None:
            progress(done, len(selected))
    if cache is not None:
        cache.flush()
    # problems in the rule files, once per run (from the cache for a workspace whose rules did not run)
    result.findings.extend(workspace_rules.file_findings())
    result.findings.extend(schema_reference_findings(store))  # and in the workspace's schemas
    result.findings = sorted(apply_config(result.findings, config, today), key=Finding.sort_key)
    result.findings = cap_findings(result.findings)
    return result


class _LazyRules:
    """The run's workspace rules, imported and read only when a report's rules are evaluated (not served by the
    cache); the rule files' findings of a workspace whose rules were not read come from the cache."""

    def __init__(self, store: SchemaStore) -> None:
        self.store = store
        self.rules: Any = None
        self.cached_files: dict[Path, list[Finding]] = {}  # workspace root -> its rule files' findings, cached
        self._present: dict[Path, bool] = {}  # workspace root -> whether it has rule files

    def present(self, root: Path) -> bool:
        """Whether the workspace at ``root`` has rule files: without any, nothing is imported or cached."""
        if root not in self._present:
            from reportascode.rules.rule_files import rule_files

            self._present[root] = bool(rule_files(root))
        return self._present[root]

    def get(self) -> Any:
        if self.rules is None:
            from reportascode.rules.workspace_rules import WorkspaceRules

            self.rules = WorkspaceRules(self.store)
        return self.rules

    def evaluate(self, report: Report) -> list[Finding]:
        return list(self.get().evaluate(report)) if self.present(report.workspace.root) else []

    def evaluate_with_reads(self, report: Report) -> tuple[list[Finding], list[Finding], list[tuple[str, str]]]:
        """The findings of the rules on ``report``, the rule files' findings, and every field the rules read (file
        name, pointer up to any ``*``): what the cache keys their findings by."""
        found = self.evaluate(report)
        rule_set = self.get().rule_set(report.workspace.root)
        reads = sorted({(ref.file, ref.anchor) for rule in rule_set.rules for ref in rule.reads})
        return found, list(rule_set.findings), reads

    def rule_file_findings(self, root: Path) -> list[Finding]:
        if not self.present(root):
            return []
        if self.rules is None and root in self.cached_files:
            return self.cached_files[root]
        return list(self.get().rule_set(root).findings)

    def file_findings(self) -> list[Finding]:
        found = list(self.rules.file_findings()) if self.rules is not None else []
        loaded = set(self.rules.loaded_roots()) if self.rules is not None else set()
        for root, findings in self.cached_files.items():
            if root not in loaded:
                found.extend(findings)
        return found


def _validate_cached(report: Report, config: Config, store: SchemaStore, run_checks: bool,
                     workspace_rules: _LazyRules, cache: ValidationCache, today: dt.date
                     ) -> tuple[list[Finding], int]:
    """:func:`_validate_one` through the cache: the report's stored result when every input it read is unchanged,
    else computed (its files parsed and schema-checked through the cache's file entries) and stored."""
    report.workspace.loader = cache.load
    key = cache.report_key(report, config, run_checks, today)
    cache.begin_report(report, key)
    hit = cache.report_result(key) if key is not None else None
    if hit is not None:
        found, files, rule_files = hit
        workspace_rules.cached_files.setdefault(report.workspace.root, rule_files)
        return found, files
    found, files = _validate_one(report, config, store, run_checks, workspace_rules, cache)
    if key is not None:
        rule_files = workspace_rules.rule_file_findings(report.workspace.root) if run_checks else []
        cache.store_report(key, report, config, run_checks, today, found, files, rule_files)
    return found, files


def cap_findings(findings: list[Finding], limit: int = MAX_LISTED_PER_RULE) -> list[Finding]:
    """At most ``limit`` findings of one rule in one file, in position order, then one finding that counts the
    rest (at the first of them, as severe as the most severe of them): a spreadsheet export of 30,000 bad rows
    gives a readable list, in seconds, and still fails the run if any of the rest is an error. A count made
    earlier (schema validation stops describing errors past the limit) is merged into it."""
    listed: dict[tuple[str, str], int] = {}
    kept: list[Finding] = []
    rest: dict[tuple[str, str], list[Finding]] = {}
    for finding in sorted(findings, key=Finding.sort_key):
        key = (finding.file, finding.rule)
        if finding.message_key.startswith("finding.more") or listed.get(key, 0) >= limit:
            rest.setdefault(key, []).append(finding)
        else:
            listed[key] = listed.get(key, 0) + 1
            kept.append(finding)
    for (_, rule), unlisted in rest.items():
        first = unlisted[0]
        count = sum(int(f.arguments.get("count", 1)) if f.message_key.startswith("finding.more") else 1
                    for f in unlisted)
        stopped = any(f.message_key == "finding.more_stopped" for f in unlisted)
        active = [f for f in unlisted if not f.cleared]
        severity = min((f.severity for f in active or unlisted), key=lambda s: s.rank)
        kept.append(first.replace(
            severity=severity, message_key="finding.more_stopped" if stopped else "finding.more",
            waived_by=None if active else first.waived_by, explanation=None if active else first.explanation,
            args=make_args({"count": count, "rule": rule, "line": first.line, "column": first.column})))
    return sorted(kept, key=Finding.sort_key)


def _validate_one(report: Report, config: Config, store: SchemaStore, run_checks: bool,
                  workspace_rules: _LazyRules, cache: ValidationCache | None = None) -> tuple[list[Finding], int]:
    """One report's findings (explanations applied) and how many of its files exist."""
    found = list(validate_report(report, config, store, run_checks, cache))
    if run_checks:  # rules/*.yaml of the report's workspace
        if cache is None or not workspace_rules.present(report.workspace.root):
            found.extend(workspace_rules.evaluate(report))
        else:
            ruled, rule_files = cache.workspace_rules(report, config,
                                                      lambda: workspace_rules.evaluate_with_reads(report))
            workspace_rules.cached_files.setdefault(report.workspace.root, rule_files)
            found.extend(ruled)
        found = _explain(report, config, found, cache)
    return found, sum(1 for name in REPORT_FILES if report.document(name) is not None)


def _explain(report: Report, config: Config, found: list[Finding], cache: ValidationCache | None) -> list[Finding]:
    """Explanations clear warnings: after severity overrides (a warning raised to error can no longer be
    explained), before waivers; an explanation that matches nothing is EXPL-01."""

    def explain() -> list[Finding]:
        from reportascode.validate.explanations import apply_explanations

        return apply_explanations(report, [apply_severity(f, config) for f in found], config)

    return cache.explained(report, config, found, explain) if cache is not None else explain()


def _validate_in_workers(reports: list[Report], config: Config, store: SchemaStore, run_checks: bool, jobs: int
                         ) -> Iterator[tuple[list[Finding], int]]:
    from concurrent.futures import ProcessPoolExecutor

    root = reports[0].workspace.root
    chunks = [[(r.folder, r.parser) for r in reports[i:i + _CHUNK]] for i in range(0, len(reports), _CHUNK)]
    job = functools.partial(_validate_chunk, root, config, store.fast, run_checks)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for chunk_result in pool.map(job, chunks):
            yield from chunk_result


def _validate_chunk(root: Path, config: Config, fast: bool, run_checks: bool, chunk: list[tuple[Path, str]]
                    ) -> list[tuple[list[Finding], int]]:
    """Worker process: rebuild the models from paths (they do not cross processes) and validate a chunk."""
    workspace = Workspace(root)
    store = SchemaStore(root, fast=fast)
    workspace_rules = _LazyRules(store)
    return [_validate_one(Report(workspace, folder, parser), config, store, run_checks, workspace_rules)
            for folder, parser in chunk]


def validate_report(report: Report, config: Config, store: SchemaStore, run_checks: bool = True,
                    cache: ValidationCache | None = None) -> Iterator[Finding]:
    """Every finding of one report: each file's loading and schema problems, then the domain checks."""
    version = report.schema_version
    if version not in store.versions:
        meta = report.document("meta")
        yield _file_finding(report, "meta", "SCHEMA-VERSION", "schema.version_unknown",
                            meta.value_position("/schema_version") if meta else (1, 1), "/schema_version",
                            value=version, known=", ".join(store.versions))
        version = max(store.versions)
    schema_problems: set[str] = set()
    refused: set[tuple[str, str]] = set()  # values the schema refused: a check's word on them is a follow-up
    fills = ReportPlaceholders(report)  # FILL-01: values still written as the placeholder 待填/TODO
    for name in REPORT_FILES:
        doc = report.document(name)
        file_findings = list(_file_findings(report, name, doc, version, store, fills, cache))
        if file_findings:
            schema_problems.add(name)
        refused.update((f.file, f.pointer) for f in file_findings if f.pointer)
        yield from file_findings
    yield from _unknown_file_findings(report)
    yield from _year_matches_folder(report)
    if (report.folder / ".rac-lock.yaml").is_file():
        from reportascode.history.lock import lock_findings

        yield from lock_findings(report)
    if run_checks:
        checked = filter(fills.keep_check_finding, run_domain_checks(report, config, schema_problems, cache))
        yield from (f for f in checked if (f.file, f.pointer) not in refused)
        yield from run_reconciliation(report, config, cache)


def _file_findings(report: Report, name: str, doc: Document | None, version: str, store: SchemaStore,
                   fills: ReportPlaceholders, cache: ValidationCache | None = None) -> Iterator[Finding]:
    if doc is None:
        yield _file_finding(report, name, "FILE-MISSING", "file.missing", (1, 1), "",
                            name=f"{name}.yaml", expected=_expected_files())
        return
    for problem in doc.problems:
        yield Finding(problem.rule, Severity.ERROR, doc.path, problem.line, problem.column, problem.pointer,
                      problem.message_key, problem.args, report.id)
    if not doc.ok:
        return
    if doc.empty:
        yield _file_finding(report, name, "FILE-EMPTY", "file.empty", (1, 1), "")
        return
    yield from fills.findings(doc, name, version, store, report.id)
    schema = (cache.schema_findings(doc, name, version, report.id) if cache is not None and cache.schemas is store
              else iter_schema_findings(doc, name, version, store, report.id))
    for finding in schema:
        if fills.keep_schema_finding(name, finding):  # a placeholder is FILL-01, not also SCHEMA-TYPE
            yield finding


def schema_reference_findings(store: SchemaStore) -> list[Finding]:
    """SCHEMA-REF at each reference in a workspace schema that leaves the workspace and the package."""
    root = store.workspace_root
    return [
        Finding("SCHEMA-REF", Severity.ERROR, path.relative_to(root).as_posix() if root else path.as_posix(),
                line, column, "", "schema.ref_refused", make_args({"ref": ref}))
        for path, line, column, ref in store.refused_references()
    ]


def _unknown_file_findings(report: Report) -> Iterator[Finding]:
    """FILE-UNKNOWN for each stray YAML file, the first :data:`MAX_LISTED_UNKNOWN` one by one and the rest as
    one finding with their count, so a folder of 10,000 files does not bury everything else."""
    unknown = report.unknown_files()
    for name in unknown[:MAX_LISTED_UNKNOWN]:
        yield Finding("FILE-UNKNOWN", Severity.WARNING, f"{report.id}/{name}", 1, 1, "", "file.unknown",
                      make_args({"name": name, "expected": _expected_files()}), report.id)
    rest = unknown[MAX_LISTED_UNKNOWN:]
    if rest:
        yield Finding("FILE-UNKNOWN", Severity.WARNING, f"{report.id}/{rest[0]}", 1, 1, "", "file.unknown_more",
                      make_args({"count": len(rest), "name": rest[0]}), report.id)


def _year_matches_folder(report: Report) -> Iterator[Finding]:
    meta = report.data("meta")
    year = meta.get("report_year") if isinstance(meta, dict) else None
    if isinstance(year, int) and not isinstance(year, bool) and year != report.year:
        doc = report.document("meta")
        assert doc is not None
        yield _file_finding(report, "meta", "META-YEAR", "meta.year_mismatch",
                            doc.value_position("/report_year"), "/report_year", value=year,
                            folder=report.folder.name)


def run_domain_checks(report: Report, config: Config, schema_problems: set[str],
                      cache: ValidationCache | None = None) -> Iterator[Finding]:
    """The findings of every domain check, in the registry's order. Through the cache, each check's findings are
    read back while the report files it read (this year's and the previous year's) are unchanged: an edit
    re-runs, and imports, only the checks that read the file edited."""
    if cache is not None:
        yield from cache.domain_checks(report, config, lambda check: _run_check(check, report, config, schema_problems),
                                       _every_check, _check_in)
        return
    from reportascode.rules.registry import checks

    for check in checks():
        yield from _run_check(check, report, config, schema_problems) or ()


def _run_check(check: Rule, report: Report, config: Config, schema_problems: set[str]) -> list[Finding] | None:
    """One check's findings; ``None`` when it met data the schema refused (that schema finding tells the user)."""
    from reportascode.rules.registry import CheckContext

    if config.severity.get(check.id) == "off":
        return []
    assert check.func is not None  # a check always has its function
    try:
        return list(check.func(CheckContext(report, config, check)))
    except _DATA_ERRORS:
        if not schema_problems:  # on schema-valid data, a bug
            raise
        return None


def _every_check() -> list[tuple[Rule, str]]:
    """Every domain check in the registry's order, with the module that declares it."""
    from reportascode.rules.registry import checks

    return [(check, getattr(check.func, "__module__", "")) for check in checks()]


def _check_in(check_id: str, module: str) -> Rule | None:
    """Check ``check_id``, importing only ``module`` (one of the check family modules: a name read from the cache
    is never imported otherwise); ``None`` when that module does not declare it."""
    import importlib

    from reportascode.rules.checks import family_modules
    from reportascode.rules.registry import Kind, registered

    if module not in family_modules():
        return None
    importlib.import_module(module)
    check = registered(check_id)
    if check is None or check.kind is not Kind.CHECK or getattr(check.func, "__module__", None) != module:
        return None
    return check


def run_reconciliation(report: Report, config: Config, cache: ValidationCache | None = None) -> Iterator[Finding]:
    """Reconciliation with the evidence exports (REC-*), when the report has an ``evidence/`` folder. Light: the
    csv module only; openpyxl is imported only when an ``.xlsx`` export is there. Through the cache, its findings
    are read back while the exports and the report files it read are unchanged (another file edited)."""
    if not (report.folder / "evidence").is_dir():
        return

    def reconcile() -> list[Finding]:
        from reportascode.reconcile import reconciliation_findings

        return reconciliation_findings(report, config)

    if cache is None:
        yield from reconcile()
    else:
        yield from cache.reconciliation(report, config, reconcile)


def _file_finding(report: Report, file_name: str, rule: str, key: str, position: tuple[int, int], pointer: str,
                  **args: object) -> Finding:
    return Finding(rule, Severity.ERROR, report.file_path(file_name), position[0], position[1], pointer, key,
                   make_args(dict(args)), report.id)


def _expected_files() -> str:
    return ", ".join(f"{n}.yaml" for n in REPORT_FILES)
