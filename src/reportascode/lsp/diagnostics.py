"""Findings as LSP diagnostics: the range over the offending value, the severity, the rule id as the code with a
link to its documentation, related places in other files, and explained or waived findings as hints with their
reason. A cross-file finding is also shown, as information, at the places in the other files it read."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from lsprotocol import types

from reportascode.lsp.analysis import Analysis
from reportascode.lsp.related import related_places
from reportascode.lsp.textspan import token_end, utf16_units
from reportascode.messages import message
from reportascode.model.findings import Finding, Severity
from reportascode.model.schemas import REPORT_FILES
from reportascode.validate.explanations import fingerprint

SOURCE = "rac"
# the rule index of the project's documentation, where rac runs from a checkout (a wheel ships no docs)
DOCS_PAGE = Path(__file__).resolve().parents[3] / "docs" / "checks.md"

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


class Lines:
    """The lines of the files of one run, read once each."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self._lines: dict[str, list[str]] = {}

    def of(self, file: str) -> list[str]:
        if file not in self._lines:
            self._lines[file] = self.analysis.text_of(file).split("\n")
        return self._lines[file]

    def range(self, file: str, line: int, column: int) -> types.Range:
        """The range over the value a finding points at (1-based line and column, in characters)."""
        lines = self.of(file)
        text = lines[line - 1].removesuffix("\r") if 0 < line <= len(lines) else ""
        start = max(column - 1, 0)
        end = max(token_end(text, start), start)
        return types.Range(types.Position(line - 1, utf16_units(text, start)),
                           types.Position(line - 1, utf16_units(text, end)))


def rule_link(rule: str) -> types.CodeDescription | None:
    """Where a rule is documented (hovering the diagnostic shows what ``rac explain`` prints, in any case)."""
    return types.CodeDescription(href=f"{DOCS_PAGE.as_uri()}#{rule.lower()}") if DOCS_PAGE.is_file() else None


def finding_text(finding: Finding, lang: str) -> str:
    text = message(finding.message_key, lang, finding.arguments)
    if finding.waived_by is not None:
        return message("lsp.waived", lang, {"message": text, "reason": finding.waived_by})
    if finding.explanation is not None:
        return message("lsp.explained", lang, {"message": text, "reason": finding.explanation_text(lang)})
    return text


def diagnostics_by_file(analysis: Analysis) -> dict[str, list[types.Diagnostic]]:
    """Every diagnostic of a run, by workspace-relative file (files of the run's reports with none get [])."""
    lines = Lines(analysis)
    lang = analysis.lang
    found: dict[str, list[types.Diagnostic]] = defaultdict(list)
    for report in analysis.reports:
        for name in REPORT_FILES:
            found.setdefault(report.file_path(name), [])
    if analysis.config_error is not None:
        args = analysis.config_error.message_args
        position = (int(args.get("line", 1)), int(args.get("column", 1)))
        file = str(args.get("file", ".reportascode.yaml"))
        found[file].append(types.Diagnostic(lines.range(file, *position), analysis.config_error.text(lang),
                                            types.DiagnosticSeverity.Error, source=SOURCE))
    reports = {report.id: report for report in analysis.reports}
    config = analysis.config
    for finding in analysis.result.findings:
        text = finding_text(finding, lang)
        diagnostic = types.Diagnostic(
            range=lines.range(finding.file, finding.line, finding.column),
            message=text,
            severity=types.DiagnosticSeverity.Hint if finding.cleared else _SEVERITY[finding.severity],
            code=finding.rule,
            code_description=rule_link(finding.rule),
            source=SOURCE,
            data={"pointer": finding.pointer, "severity": finding.severity.value,
                  "waived": finding.waived_by is not None, "explained": finding.explanation is not None,
                  "fingerprint": fingerprint(finding)},  # what an explanation of it records (EXPL-02)
        )
        owner = reports.get(finding.report)
        places = related_places(finding, owner, config) if owner is not None and config is not None else []
        if places:
            here = types.Location(_uri(analysis, finding.file), diagnostic.range)
            diagnostic.related_information = [
                types.DiagnosticRelatedInformation(types.Location(_uri(analysis, file), lines.range(file, line, col)),
                                                   message("lsp.related_read", lang, {"rule": finding.rule}))
                for file, line, col in places]
            for file, line, col in places:  # the finding, shown where the other value is edited too
                found[file].append(types.Diagnostic(
                    range=lines.range(file, line, col),
                    message=message("lsp.related_mirror", lang, {"rule": finding.rule, "file": finding.file,
                                                                 "line": finding.line, "message": text}),
                    severity=types.DiagnosticSeverity.Hint if finding.cleared else
                    types.DiagnosticSeverity.Information,
                    code=finding.rule,
                    code_description=rule_link(finding.rule),
                    source=SOURCE,
                    related_information=[types.DiagnosticRelatedInformation(here, text)],
                    data={"mirror_of": finding.file, "pointer": finding.pointer},
                ))
        found[finding.file].append(diagnostic)
    return dict(found)


def _uri(analysis: Analysis, file: str) -> str:
    return (analysis.workspace.root / file).as_uri()
