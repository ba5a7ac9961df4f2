"""An import's outcome as text: the change (as ``rac diff`` shows it), the cells that could not be read, the
conflicts field by field, and the findings after the import with both places: ``file:line:col`` and the cell."""

from __future__ import annotations

from typing import Any

from reportascode.diff.report import ReportDiff, diff_sources
from reportascode.diff.sources import Source
from reportascode.messages import message
from reportascode.model.schemas import SchemaStore
from reportascode.model.values import encode
from reportascode.validate.engine import ValidationResult
from reportascode.validate.formats.findings_common import finding_message, summary_line
from reportascode.workbook.importer import ImportResult
from reportascode.workbook.sheetlayout import MISSING


def change_diff(result: ImportResult, store: SchemaStore, workbook_name: str) -> ReportDiff:
    names = {c.path.name: c for c in result.changes}
    before = Source(spec=result.report.id, path=result.report.id, files={n: c.old for n, c in names.items()})
    after = Source(spec=workbook_name, path=result.report.id, rev=workbook_name,
                   files={n: c.new for n, c in names.items()})
    return diff_sources(before, after, store)


def _value(value: Any, lang: str) -> str:
    return message("workbook.value.absent", lang) if value is MISSING else encode(value)


def problem_lines(result: ImportResult, lang: str) -> list[str]:
    lines = []
    for problem in result.problems:
        text = message(problem.key, lang, problem.arguments)
        place = f" ({result.report.id}/{problem.file}.yaml#{problem.pointer})" if problem.file else ""
        lines.append(f"{problem.where}: {text}{place}")
    return lines


def conflict_lines(result: ImportResult, lang: str) -> list[str]:
    return [message("workbook.conflict", lang, {
        "where": c.where or c.file, "file": f"{result.report.id}/{c.file}.yaml", "pointer": c.pointer or "/",
        "base": _value(c.base, lang), "ours": _value(c.ours, lang), "theirs": _value(c.theirs, lang)})
        for c in result.conflicts]


def finding_lines(validation: ValidationResult, result: ImportResult, lang: str) -> list[str]:
    lines = []
    for finding in validation.active:
        cell = result.cell_for(finding.file, finding.pointer)
        where = f" [{cell}]" if cell else ""
        lines.append(f"{finding.file}:{finding.line}:{finding.column}: {finding.severity.value} {finding.rule} "
                     f"{finding_message(finding, lang)}{where}")
    lines.append(summary_line(validation, lang))
    return lines
