"""``rac explain ID --add FILE#POINTER``: record in explanations.yaml what an explanation explains.

The finding of check ID at FILE#POINTER is found by validating its report; its fingerprint (the values the
warning states, :func:`reportascode.validate.explanations.fingerprint`) is written into the entry for that check
and field: the existing entry gets (or updates) its ``fingerprint`` with the text around it untouched; without an
entry, one is appended with the text still to write (``待填``, which FILL-01 reports until it is written).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportascode.authoring.fmt import FormatRefused, format_text
from reportascode.authoring.schema_nav import SchemaNavigator
from reportascode.authoring.setvalue import SetRefused, set_value
from reportascode.errors import UsageError
from reportascode.model.findings import Finding, Severity
from reportascode.model.schemas import SchemaStore
from reportascode.model.workspace import Report
from reportascode.validate.explanations import FILE, fingerprint, read_explanations


@dataclass(frozen=True)
class Recorded:
    path: str
    fingerprint: str
    added: bool  # a new entry (its text still to write)


def find_warning(findings: list[Finding], report: Report, rule: str, file: str, pointer: str) -> Finding:
    """The warning of ``rule`` at ``file#pointer``; exit 2 naming the warnings of that rule when there is none."""
    path = report.file_path(file.removesuffix(".yaml"))
    for finding in findings:
        if (finding.rule, finding.file, finding.pointer) == (rule, path, pointer) and \
                finding.severity is Severity.WARNING:
            return finding
    nearby = sorted({f"{f.file}#{f.pointer}" for f in findings if f.rule == rule and f.report == report.id})
    raise UsageError("explain.no_warning", rule=rule, field=f"{path}#{pointer}", known=", ".join(nearby) or "—")


def explanations_text(report: Report, finding: Finding, store: SchemaStore, text: str) -> tuple[str, Recorded]:
    """``text`` (explanations.yaml, possibly empty) with the fingerprint of ``finding`` recorded."""
    stamp = fingerprint(finding)
    field = f"{finding.file.rsplit('/', 1)[-1]}#{finding.pointer}"
    path = report.file_path(FILE)
    entry = next((e for e in read_explanations(report) if (e.check, e.field) == (finding.rule, field)), None)
    if entry is not None:
        version = report.schema_version if report.schema_version in store.versions else max(store.versions)
        try:
            result = set_value(text, FILE, f"/{entry.index}/fingerprint", f'"{stamp}"', store, version, path)
        except SetRefused as refused:
            raise UsageError("explain.cannot_record", path=path, detail=refused.key) from refused
        # in the place rac fmt keeps it (after field), so a pre-commit fmt hook has nothing to change
        try:
            formatted = format_text(result.text, FILE, SchemaNavigator(store, version))
        except FormatRefused:
            formatted = result.text
        return formatted, Recorded(path, stamp, False)
    text = "".join(line for line in text.splitlines(keepends=True) if line.strip() != "[]")  # an empty list
    if text and not text.endswith("\n"):
        text += "\n"
    text += (f"- check: {finding.rule}\n  field: {_quoted(field)}\n  fingerprint: \"{stamp}\"\n"
             "  text_zh: 待填\n  evidence: []\n")
    return text, Recorded(path, stamp, True)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
