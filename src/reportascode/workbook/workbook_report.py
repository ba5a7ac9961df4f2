"""The report a workbook belongs to: its files' data and the identity written into the workbook (report folder,
year, company, licence), which an import checks before it reads a single value."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportascode.messages import message
from reportascode.model.schemas import DEFAULT_VERSION, REPORT_FILES
from reportascode.model.workspace import Report


def yes_no(lang: str) -> tuple[str, str]:
    return message("workbook.yes", lang), message("workbook.no", lang)


@dataclass
class ReportData:
    report_id: str
    year: int
    data: dict[str, Any]  # stem -> plain data (None when missing or unreadable)
    problems: dict[str, tuple[int, int, str]]  # stem -> (line, column, rule) of a file that does not load

    @classmethod
    def of(cls, report: Report) -> ReportData:
        data: dict[str, Any] = {}
        problems: dict[str, tuple[int, int, str]] = {}
        for name in REPORT_FILES:
            doc = report.document(name)
            if doc is None:
                continue
            if not doc.ok:
                problem = next(p for p in doc.problems if p.fatal)
                problems[name] = (problem.line, problem.column, problem.rule)
                continue
            data[name] = doc.data
        return cls(report.id, report.year, data, problems)

    def _get(self, name: str, key: str) -> str:
        value = self.data.get(name)
        found = value.get(key) if isinstance(value, dict) else None
        return "" if found is None else str(found)

    @property
    def company(self) -> str:
        return self._get("company", "name")

    @property
    def uscc(self) -> str:
        return self._get("company", "uscc")

    @property
    def schema_version(self) -> str:
        return self._get("meta", "schema_version") or DEFAULT_VERSION

    @property
    def day(self) -> dt.date:
        """The date stamped into the file's properties: the report year's last day, never the clock."""
        return dt.date(self.year, 12, 31)

    def identity(self) -> dict[str, str]:
        return {"report": self.report_id, "report_year": str(self.year), "company": self.company,
                "uscc": self.uscc, "licence_no": self._get("meta", "licence_no"),
                "schema_version": self.schema_version}
