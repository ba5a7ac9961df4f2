"""YOY-*: year on year. A key metric that moved by more than ±30% against the previous report needs an
explanation (explanations.yaml); without a previous report, one info note says so.

The key metrics are the report's volume figures, large enough for a percentage to mean something. Ratios (they
are derived from these) and small counts (12321 complaints, incidents) are left out on purpose: a change from 3
to 5 is +67% and says nothing. Explanations match per field: ``check: YOY-01`` with ``field`` equal to the
finding's ``<file>.yaml#<pointer>``.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportascode.messages import Bilingual
from reportascode.model.findings import Finding, Severity
from reportascode.model.loader import resolve_pointer
from reportascode.rules.checks.helpers import fmt, number, pct, plain
from reportascode.rules.registry import CheckContext, register, thresholds

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# (file, pointer): the key metrics, in the order findings are reported.
KEY_METRICS: tuple[tuple[str, str], ...] = (
    ("operations", "/seats/total"),
    ("operations", "/seats/human"),
    ("operations", "/seats/ai"),
    ("operations", "/inbound/offered"),
    ("operations", "/inbound/answered"),
    ("operations", "/outbound/attempts"),
    ("operations", "/outbound/connected"),
    ("finance", "/operating_revenue_wan"),
    ("finance", "/telecom_revenue_wan"),
    ("finance", "/call_center_revenue_wan"),
    ("compliance", "/complaints/received"),
    ("company", "/staff/total"),
)


def _value(data: object, pointer: str) -> Decimal | None:
    try:
        return number(resolve_pointer(data, pointer))
    except (KeyError, IndexError, ValueError, TypeError):
        return None


@register("YOY-01", Severity.WARNING, reads=("operations", "finance", "compliance", "company"), basis="I",
          thresholds=thresholds(change=("0.30", "fraction")))
def year_on_year(ctx: CheckContext) -> Iterator[Finding]:
    previous = ctx.previous
    if previous is None:
        yield ctx.finding("meta", "/report_year", key=ctx.variant("no_previous"), severity=Severity.INFO,
                          year=ctx.year, previous_year=ctx.year - 1)
        return
    limit = ctx.threshold("change")
    for file_name, pointer in KEY_METRICS:
        now = _value(ctx.data(file_name), pointer)
        before = _value(previous.data(file_name), pointer)
        if now is None or before is None or now == before:
            continue
        if before == 0:
            changed: dict[str, Any] = {"key": ctx.variant("from_zero")}
        elif abs(now - before) / abs(before) > limit:
            changed = {"change": pct((now - before) / abs(before))}
        else:
            continue  # within the limit: no finding, so no label worded in both languages
        label = Bilingual.of(f"check.YOY-01.metric.{file_name}{pointer.replace('/', '.')}")
        yield ctx.finding(file_name, pointer, **changed, label=label, before=fmt(before), now=fmt(now),
                          previous_year=previous.year, previous_file=previous.file_path(file_name),
                          field=f"{file_name}.yaml#{pointer}", limit=plain(limit * 100))
