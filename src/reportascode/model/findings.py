"""The finding record: what validation says about a report, kept apart from the tool's own errors."""

from __future__ import annotations

import enum
from collections.abc import Iterable

from reportascode.messages import Bilingual
from reportascode.records import FrozenRecord

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Findings of one rule in one file listed one by one; the rest are counted in one more finding ("finding.more").
MAX_LISTED_PER_RULE = 100


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Finding(FrozenRecord):
    """One problem in one place. ``file`` is relative to the workspace root, with forward slashes.
    ``waived_by`` (a configured waiver, .reportascode.yaml) and ``explanation`` (explanations.yaml: a warning
    explained) are not compared."""

    FIELDS = ("rule", "severity", "file", "line", "column", "pointer", "message_key", "args", "report", "waived_by",
              "explanation")
    COMPARED = FIELDS[:9]

    rule: str
    severity: Severity
    file: str
    line: int
    column: int
    pointer: str
    message_key: str
    args: tuple[tuple[str, Any], ...]
    report: str
    waived_by: str | None
    explanation: Bilingual | None

    def __init__(self, rule: str, severity: Severity, file: str, line: int, column: int, pointer: str,
                 message_key: str, args: tuple[tuple[str, Any], ...] = (), report: str = "",
                 waived_by: str | None = None, explanation: Bilingual | None = None) -> None:
        set_field = object.__setattr__
        set_field(self, "rule", rule)
        set_field(self, "severity", severity)
        set_field(self, "file", file)
        set_field(self, "line", line)
        set_field(self, "column", column)
        set_field(self, "pointer", pointer)
        set_field(self, "message_key", message_key)
        set_field(self, "args", args)
        set_field(self, "report", report)
        set_field(self, "waived_by", waived_by)
        set_field(self, "explanation", explanation)

    @property
    def state(self) -> str:
        """``waived`` (a configured waiver), ``explained`` (a warning explained in explanations.yaml), or the
        severity of a finding that stands."""
        if self.waived_by is not None:
            return WAIVED
        if self.explanation is not None:
            return EXPLAINED
        return self.severity.value

    @property
    def cleared(self) -> bool:
        """Waived or explained: listed, but neither an error nor a warning any more."""
        return self.waived_by is not None or self.explanation is not None

    def explanation_text(self, lang: str) -> str:
        """The explanation in ``lang`` (English if written, else the text as written)."""
        return self.explanation.text(lang) if self.explanation is not None else ""

    @property
    def arguments(self) -> dict[str, Any]:
        return dict(self.args)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.pointer)


def make_args(values: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """Freeze keyword arguments in a stable order so equal findings compare equal."""
    return tuple(sorted(values.items()))


EXPLAINED = "explained"
WAIVED = "waived"
STATES = ("error", "warning", "info", EXPLAINED, WAIVED)  # every finding is in exactly one


class Counts(FrozenRecord):
    """How many findings stand as errors, warnings and info notes, how many warnings are explained
    (explanations.yaml, 说明) and how many findings are waived (a configured waiver with expiry, 豁免)."""

    FIELDS = ("errors", "warnings", "infos", "explained", "waived")

    errors: int
    warnings: int
    infos: int
    explained: int
    waived: int

    def __init__(self, errors: int = 0, warnings: int = 0, infos: int = 0, explained: int = 0, waived: int = 0
                 ) -> None:
        set_field = object.__setattr__
        set_field(self, "errors", errors)
        set_field(self, "warnings", warnings)
        set_field(self, "infos", infos)
        set_field(self, "explained", explained)
        set_field(self, "waived", waived)

    def as_dict(self) -> dict[str, int]:
        return {"errors": self.errors, "warnings": self.warnings, "infos": self.infos,
                "explained": self.explained, "waived": self.waived}

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.as_dict().values(), other.as_dict().values(), strict=True)))


def count_states(states: Iterable[str]) -> Counts:
    """The one count: every output that says how many errors, warnings, explained or waived findings there are
    counts them here, from :attr:`Finding.state`."""
    tally = dict.fromkeys(STATES, 0)
    for state in states:
        tally[state] += 1
    return Counts(tally["error"], tally["warning"], tally["info"], tally[EXPLAINED], tally[WAIVED])


def count_findings(findings: Iterable[Finding]) -> Counts:
    return count_states(f.state for f in findings)


class FindingCounts:
    """Counts over a ``findings`` list, for every result that holds one (see :func:`count_findings`)."""

    findings: list[Finding]

    @property
    def counts(self) -> Counts:
        return count_findings(self.findings)

    @property
    def active(self) -> list[Finding]:
        """The findings that stand (neither explained nor waived)."""
        return [f for f in self.findings if not f.cleared]

    @property
    def explained_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.state == EXPLAINED]

    @property
    def waived_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.state == WAIVED]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.state == severity.value)

    @property
    def errors(self) -> int:
        return self.counts.errors

    @property
    def warnings(self) -> int:
        return self.counts.warnings

    @property
    def infos(self) -> int:
        return self.counts.infos

    @property
    def explained(self) -> int:
        return self.counts.explained

    @property
    def waived(self) -> int:
        return self.counts.waived
