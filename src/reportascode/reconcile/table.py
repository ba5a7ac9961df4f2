"""The discrepancy table: one row per compared figure, {field, report value, evidence value, 差异率, tolerance,
verdict}. A row is data; formatters turn it into text, JSON or Markdown, and the gap analysis reuses it."""

from __future__ import annotations

from decimal import Decimal

from reportascode.model.findings import make_args
from reportascode.records import FrozenRecord

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

RATE = "rate"  # |evidence - report| / report <= tolerance
ABSOLUTE = "absolute"  # |evidence - report| <= tolerance (report None counts as 0)

OK = "ok"
EXCEEDS = "exceeds"


class TableRow(FrozenRecord):
    """One compared figure.

    ``field`` is a stable identifier (``trunks.channels[中国电信/33]``); ``label_key``/``label_args`` give its
    human label in either language (message catalogue ``reconcile.field.*``). ``file``/``pointer`` locate the
    report value (``pointer`` is empty when the report has no such value); ``evidence_file`` the export.
    """

    rule: str
    field: str
    label_key: str
    label_args: tuple[tuple[str, Any], ...]
    report_value: Decimal | None
    evidence_value: Decimal | None
    tolerance: Decimal
    tolerance_kind: str
    file: str
    pointer: str
    evidence_file: str

    FIELDS = ("rule", "field", "label_key", "label_args", "report_value", "evidence_value", "tolerance",
              "tolerance_kind", "file", "pointer", "evidence_file")

    def __init__(self, rule: str, field: str, label_key: str, label_args: tuple[tuple[str, Any], ...],
                 report_value: Decimal | None, evidence_value: Decimal | None, tolerance: Decimal,
                 tolerance_kind: str, file: str, pointer: str, evidence_file: str) -> None:
        set_field = object.__setattr__
        set_field(self, "rule", rule)
        set_field(self, "field", field)
        set_field(self, "label_key", label_key)
        set_field(self, "label_args", label_args)
        set_field(self, "report_value", report_value)
        set_field(self, "evidence_value", evidence_value)
        set_field(self, "tolerance", tolerance)
        set_field(self, "tolerance_kind", tolerance_kind)
        set_field(self, "file", file)
        set_field(self, "pointer", pointer)
        set_field(self, "evidence_file", evidence_file)

    @property
    def diff(self) -> Decimal | None:
        if self.evidence_value is None:
            return None
        return self.evidence_value - (self.report_value or 0)

    @property
    def diff_rate(self) -> Decimal | None:
        """差异率 = (evidence - report) / report; 0 when both are 0; ``None`` when it is undefined (report 0 or
        absent, evidence not)."""
        if self.report_value is None or self.evidence_value is None:
            return None
        if self.report_value == 0:
            return Decimal(0) if self.evidence_value == 0 else None
        return (self.evidence_value - self.report_value) / self.report_value

    @property
    def verdict(self) -> str:
        if self.tolerance_kind == ABSOLUTE:
            diff = self.diff
            return OK if diff is not None and abs(diff) <= self.tolerance else EXCEEDS
        rate = self.diff_rate
        return OK if rate is not None and abs(rate) <= self.tolerance else EXCEEDS

    @property
    def ok(self) -> bool:
        return self.verdict == OK

    def label(self, lang: str) -> str:
        from reportascode.messages import message

        return message(self.label_key, lang, dict(self.label_args))


def row(rule: str, field: str, label: str, report_value: int | Decimal | None, evidence_value: int | Decimal | None,
        tolerance: Decimal | int, *, kind: str = RATE, file: str = "", pointer: str = "", evidence_file: str = "",
        **label_args: Any) -> TableRow:
    return TableRow(
        rule=rule, field=field, label_key=f"reconcile.field.{label}", label_args=make_args(label_args),
        report_value=None if report_value is None else Decimal(report_value),
        evidence_value=None if evidence_value is None else Decimal(evidence_value),
        tolerance=Decimal(tolerance), tolerance_kind=kind, file=file, pointer=pointer, evidence_file=evidence_file,
    )
