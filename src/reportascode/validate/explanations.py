"""Explanations (``explanations.yaml``): a warning the filer has explained is cleared; an explanation that explains
nothing is reported, so explanations don't rot.

An entry ``{check: YOY-01, field: operations.yaml#/seats/ai, text_zh: …}`` matches a finding of the same report
whose rule is ``check`` and whose file and pointer are exactly ``field`` (per field, not per file: a YOY-01
explanation of ``/seats/ai`` does not cover ``/seats/total``). A matched **warning** is *explained* (说明): its
``explanation`` holds the entry's text (``text_en`` in English when written, else ``text_zh``); it counts as
explained, never as a warning nor as waived (豁免 is a configured waiver), and it is still listed.
**Errors cannot be explained away**: the error stays, and the entry is reported. Rule ``EXPL-01``
(warning, at the entry's ``field``) reports an entry that matches no finding (stale), one that tries to explain
an error, and a second entry for the same check and field.

An entry also records **what it explains**: ``fingerprint`` is a short hash of the finding's values (its message
variant and arguments: the figures, dates and days the warning states), written by ``rac explain ID --add
FILE#POINTER``. When those values change, the entry no longer clears the warning: the warning is back and rule
``EXPL-02`` (warning, at the entry's fingerprint) says the explanation was written for other values. An entry
without a fingerprint (the older form) cannot show what it was written for, so it clears nothing either: the
warning stands and ``EXPL-02`` (at the entry's ``field``) asks to review the text and record the values with
``rac explain ID --add FILE#POINTER``.
"""

from __future__ import annotations

import json

from reportascode.files.digests import sha256_hex
from reportascode.messages import Bilingual
from reportascode.model.config import Config
from reportascode.model.findings import Finding, Severity, make_args
from reportascode.model.workspace import Report
from reportascode.records import FrozenRecord

RULE = "EXPL-01"
STALE_RULE = "EXPL-02"
FILE = "explanations"


# Arguments that restate the workspace's thresholds (a YOY-01 limit, LIC-02's renewal lead and due date), not the
# report's data: a changed threshold changes which warnings there are, not what an explanation explained.
_THRESHOLD_ARGS = frozenset({"limit", "lead", "due", "tolerance", "low", "high", "minimum", "months", "window"})


def fingerprint(finding: Finding) -> str:
    """12 hex digits of SHA-256 over the finding's message variant and the values it states (its arguments, but
    those that restate a threshold)."""
    values = [finding.message_key,
              [[name, str(value)] for name, value in finding.args if name not in _THRESHOLD_ARGS]]
    text = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    return sha256_hex(text.encode("utf-8"))[:12]


class Explanation(FrozenRecord):
    """One entry of explanations.yaml: the check and field it explains, its text and fingerprint."""

    FIELDS = ("index", "check", "field", "text", "text_en", "fingerprint")

    index: int
    check: str
    field: str
    text: str
    text_en: str
    fingerprint: str | None

    def __init__(self, index: int, check: str, field: str, text: str, text_en: str = "",
                 fingerprint: str | None = None) -> None:
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "check", check)
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "text_en", text_en)
        object.__setattr__(self, "fingerprint", fingerprint)

    @property
    def texts(self) -> Bilingual:
        """The explanation in both languages: English as written in ``text_en``, else the Chinese text."""
        return Bilingual(self.text, self.text_en or self.text)

    @property
    def file(self) -> str:
        return self.field.partition("#")[0]

    @property
    def pointer(self) -> str:
        return self.field.partition("#")[2]


def read_explanations(report: Report) -> list[Explanation]:
    """The well-formed entries of a report's ``explanations.yaml`` (the schema reports malformed ones)."""
    data = report.data(FILE)
    if not isinstance(data, list):
        return []
    found = []
    for index, entry in enumerate(data):
        if not isinstance(entry, dict):
            continue
        check, field, text, text_en = entry.get("check"), entry.get("field"), entry.get("text_zh"), entry.get("text_en")
        recorded = entry.get("fingerprint")
        if isinstance(check, str) and isinstance(field, str) and "#" in field:
            found.append(Explanation(index, check, field, text if isinstance(text, str) else "",
                                     text_en if isinstance(text_en, str) else "",
                                     str(recorded) if recorded is not None else None))
    return found


def apply_explanations(report: Report, findings: list[Finding], config: Config) -> list[Finding]:
    """``findings`` of ``report`` with explained warnings cleared, followed by the EXPL-01 findings."""
    explanations = read_explanations(report)
    if not explanations:
        return findings
    by_target: dict[tuple[str, str, str], Explanation] = {}
    problems: list[Finding] = []
    for explanation in explanations:
        target = (explanation.check, f"{report.id}/{explanation.file}", explanation.pointer)
        if target in by_target:
            problems.append(_finding(report, explanation, "rule.EXPL-01.duplicate",
                                     first=by_target[target].index))
        else:
            by_target[target] = explanation
    matched: set[int] = set()
    explained_errors: dict[int, Finding] = {}
    result = []
    for finding in findings:
        entry = by_target.get((finding.rule, finding.file, finding.pointer))
        if entry is not None and finding.report == report.id:
            matched.add(entry.index)
            current = fingerprint(finding)
            add_to = f"{finding.file}#{finding.pointer}"  # what rac explain --add takes
            if finding.severity is Severity.WARNING and entry.fingerprint not in (None, current):
                problems.append(_finding(report, entry, "rule.EXPL-02", rule=STALE_RULE,
                                         pointer=f"/{entry.index}/fingerprint", recorded=entry.fingerprint,
                                         current=current, target=add_to))
            elif finding.severity is Severity.WARNING and not finding.cleared and entry.fingerprint is None:
                # the older form records no values: it could be clearing a warning it was not written for
                problems.append(_finding(report, entry, "rule.EXPL-02.unrecorded", rule=STALE_RULE, target=add_to))
            elif finding.severity is Severity.WARNING and not finding.cleared:
                finding = finding.replace(explanation=entry.texts)
            elif finding.severity is Severity.ERROR:
                explained_errors.setdefault(entry.index, finding)
        result.append(finding)
    for explanation in by_target.values():
        if explanation.index in explained_errors:
            problems.append(_finding(report, explanation, "rule.EXPL-01.error"))
        elif explanation.index not in matched and config.severity.get(explanation.check) != "off":
            problems.append(_finding(report, explanation, "rule.EXPL-01"))
    return result + sorted(problems, key=Finding.sort_key)


def _finding(report: Report, explanation: Explanation, key: str, rule: str = RULE, pointer: str = "",
             **extra: object) -> Finding:
    pointer = pointer or f"/{explanation.index}/field"
    doc = report.document(FILE)
    line, column = doc.value_position(pointer) if doc is not None else (1, 1)
    args = {"check": explanation.check, "field": explanation.field, **extra}
    return Finding(rule, Severity.WARNING, report.file_path(FILE), line, column, pointer, key, make_args(args),
                   report.id)

