"""The other places a cross-file finding depends on (SEAT-03 in company.yaml also reads operations.yaml's human
seats): found by running the check once more with a context that notes every value it reads."""

from __future__ import annotations

from typing import Any

from reportascode.model.config import Config
from reportascode.model.findings import Finding
from reportascode.model.workspace import Report
from reportascode.rules.registry import CheckContext, Kind, find

MAX_RELATED = 10  # a check that sums a whole list reads every row: the first few are enough to find them


class _ReadsNoted(CheckContext):
    """A check context that remembers which file and pointer each read asked for."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.noted: list[tuple[str, str]] = []

    def get(self, name: str, pointer: str, default: Any = None) -> Any:
        self.noted.append((name, pointer))
        return super().get(name, pointer, default)


def related_places(finding: Finding, report: Report, config: Config) -> list[tuple[str, int, int]]:
    """``(file, line, column)`` of the values in other files of the report that ``finding``'s check read.
    Empty for a finding that is not a domain check's, or whose check reads one file only."""
    check = find(finding.rule)
    if (check is None or check.kind is not Kind.CHECK or check.func is None or len(check.reads) < 2
            or finding.report != report.id):
        return []
    context = _ReadsNoted(report, config, check)
    try:
        list(check.func(context))
    except Exception:  # the run that made the finding met the same data; a related place is only a courtesy
        return []
    places: list[tuple[str, int, int]] = []
    for name, pointer in list(dict.fromkeys(context.noted))[:MAX_RELATED]:
        file = report.file_path(name)
        doc = report.document(name)
        if file == finding.file or doc is None or pointer not in doc.value_positions:
            continue
        line, column = doc.value_positions[pointer]
        places.append((file, line, column))
    return places
