"""The finding record: what validation says about a report, kept apart from the tool's own errors."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Finding:
    """One problem in one place. ``file`` is relative to the workspace root, with forward slashes."""

    rule: str
    severity: Severity
    file: str
    line: int
    column: int
    pointer: str
    message_key: str
    args: tuple[tuple[str, Any], ...] = ()
    report: str = ""
    waived_by: str | None = field(default=None, compare=False)

    @property
    def arguments(self) -> dict[str, Any]:
        return dict(self.args)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.pointer)


def make_args(values: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """Freeze keyword arguments in a stable order so equal findings compare equal."""
    return tuple(sorted(values.items()))


class FindingCounts:
    """Counts over a ``findings`` list, for every result that holds one. Waived findings count only as waived."""

    findings: list[Finding]

    @property
    def active(self) -> list[Finding]:
        return [f for f in self.findings if f.waived_by is None]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity and f.waived_by is None)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    @property
    def infos(self) -> int:
        return self.count(Severity.INFO)

    @property
    def waived(self) -> int:
        return sum(1 for f in self.findings if f.waived_by is not None)
