"""``rac timeline REPORT``: the official calendar of the annual report and the internal plan, with each step's
status read from the repository.

Official (domain reference §1.2, filing year = report year + 1): the window opens in early January (the date is
announced each round; the 2025 round opened on 10 January), the 年报 and the 码号年报 (number-resource report) are
due on 31 March, April is the 限期补报 (late-filing) month, the system closes on 1 May, May brings publication and
the 不良名单 listing of non-filers, May–September the random (双随机) inspections.

Internal (the seed article's plan, **internal practice, not regulation**): a 1/15 data lock and a 2/15 pre-fill,
and a T-30 … T+30 checklist around T = 31 March (PMO, data inventory, gap analysis, governance of scripts, consent
and caller numbers with a 90-day recording sample, dual signatures, submission, credit follow-up). Every internal
date can be moved in ``.reportascode.yaml`` (``timeline: {<step id>: "MM-DD"}``, ``target`` moves T); owners per
function come from ``owners`` (finance, operations, legal, it, hr).

A step's status comes from the repository: is the report valid (no errors), filled (no placeholder), frozen (a
lock manifest or tag), signed (signature dates present), submitted (the one submission date: ``rac submit``'s
record, else ``meta.submission_date``)?
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass, field
from typing import Any

from reportascode.messages import message
from reportascode.model.dates import parse_date
from reportascode.model.workspace import Report

OFFICIAL = "official"
INTERNAL = "internal"

# Statuses, in the order a reader cares about them.
DONE = "done"
DONE_LATE = "done_late"
OVERDUE = "overdue"
DUE = "due"
PENDING = "pending"
NOT_NEEDED = "not_needed"
NOT_APPLICABLE = "not_applicable"
INFO = "info"
MANUAL = "manual"
DUE_SOON_DAYS = 7

_MMDD = re.compile(r"^(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class StepDef:
    """One step of the calendar. Dates are month-day in the filing year; internal ones may be an offset from T.
    Its title and note are the messages ``timeline.step.<id>`` and ``timeline.step.<id>.note``."""

    id: str
    kind: str
    start: str | int  # "MM-DD", or days from T for internal steps
    end: str | int | None = None
    condition: str | None = None
    owners: tuple[str, ...] = ()


STEPS: tuple[StepDef, ...] = (
    StepDef("window_open", OFFICIAL, "01-01"),
    StepDef("lock", INTERNAL, "01-15", condition="frozen", owners=("finance", "operations", "hr")),
    StepDef("prefill", INTERNAL, "02-15", condition="filled", owners=("it", "legal")),
    StepDef("pmo", INTERNAL, -30, owners=("legal",)),
    StepDef("inventory", INTERNAL, -25, condition="filled", owners=("finance", "operations", "hr")),
    StepDef("gap_analysis", INTERNAL, -20, condition="valid", owners=("legal",)),
    StepDef("governance", INTERNAL, -15, owners=("operations", "it")),
    StepDef("signatures", INTERNAL, -5, condition="signed", owners=("legal", "finance")),
    StepDef("submission", INTERNAL, 0, condition="submitted", owners=("legal",)),
    StepDef("annual_report_deadline", OFFICIAL, "03-31", condition="submitted_on_time"),
    StepDef("number_report_deadline", OFFICIAL, "03-31", condition="number_report"),
    StepDef("late_filing", OFFICIAL, "04-01", "04-30", condition="late_filing"),
    StepDef("credit_followup", INTERNAL, 30, condition="not_listed", owners=("legal",)),
    StepDef("system_closes", OFFICIAL, "05-01", condition="submitted"),
    StepDef("publication", OFFICIAL, "05-01", "05-31"),
    StepDef("inspections", OFFICIAL, "05-01", "09-30"),
)


@dataclass(frozen=True)
class Step:
    id: str
    kind: str
    start: dt.date
    end: dt.date
    status: str
    owners: tuple[tuple[str, str], ...] = ()
    configured: bool = False

    def title(self, lang: str) -> str:
        return message(f"timeline.step.{self.id}", lang)

    def note(self, lang: str) -> str:
        return message(f"timeline.step.{self.id}.note", lang)


@dataclass
class RepoState:
    """What the repository says about one report, for the statuses."""

    errors: int = 0
    placeholders: int = 0
    frozen: bool = False
    signed: bool = False
    submitted: dt.date | None = None
    number_report: bool | None = None  # None: no self-held number, nothing to file
    number_report_date: dt.date | None = None
    listed: bool | None = None


@dataclass
class Timeline:
    report: str
    year: int
    today: dt.date
    state: RepoState
    steps: list[Step] = field(default_factory=list)

    @property
    def overdue(self) -> list[Step]:
        return [s for s in self.steps if s.status == OVERDUE]


def parse_mmdd(value: str, year: int) -> dt.date:
    match = _MMDD.match(value)
    if not match:
        raise ValueError(value)
    return dt.date(year, int(match.group(1)), int(match.group(2)))


def build_timeline(report_id: str, year: int, state: RepoState, today: dt.date, config: dict[str, Any]
                   ) -> Timeline:
    """The steps for report ``year`` (filed in ``year + 1``) with statuses as of ``today``."""
    filing = year + 1
    dates = config.get("timeline") or {}
    owners_config = config.get("owners") or {}
    target = parse_mmdd(str(dates["target"]), filing) if "target" in dates else dt.date(filing, 3, 31)
    timeline = Timeline(report_id, year, today, state)
    for definition in STEPS:
        configured = definition.kind == INTERNAL and definition.id in dates
        if configured:
            start = parse_mmdd(str(dates[definition.id]), filing)
        elif isinstance(definition.start, int):
            start = target + dt.timedelta(days=definition.start)
        else:
            start = parse_mmdd(definition.start, filing)
        end = start
        if isinstance(definition.end, str) and not configured:
            end = parse_mmdd(definition.end, filing)
        owners = tuple((o, str(owners_config.get(o, ""))) for o in definition.owners)
        status = _status(definition, start, end, state, today)
        timeline.steps.append(Step(definition.id, definition.kind, start, end, status, owners, configured))
    timeline.steps.sort(key=lambda s: (s.start, s.end, 0 if s.kind == OFFICIAL else 1))
    return timeline


def _status(definition: StepDef, start: dt.date, end: dt.date, state: RepoState, today: dt.date) -> str:
    condition = definition.condition
    if condition is None:
        if definition.kind == OFFICIAL:
            return INFO
        return MANUAL
    if condition == "late_filing":
        deadline = dt.date(start.year, 3, 31)
        if state.submitted is not None:
            return NOT_NEEDED if state.submitted <= deadline else (DONE if state.submitted <= end else DONE_LATE)
        return _open_status(start, end, today)
    if condition == "submitted_on_time":
        if state.submitted is not None:
            return DONE if state.submitted <= end else DONE_LATE
        return _open_status(start, end, today)
    if condition == "number_report":
        if state.number_report is None:
            return NOT_APPLICABLE
        if state.number_report:
            late = state.number_report_date is not None and state.number_report_date > end
            return DONE_LATE if late else DONE
        return _open_status(start, end, today)
    met = {
        "valid": state.errors == 0,
        "filled": state.placeholders == 0,
        "frozen": state.frozen,
        "signed": state.signed,
        "submitted": state.submitted is not None,
        "not_listed": state.listed is False,
    }.get(condition, False)
    if met:
        return DONE
    return _open_status(start, end, today)


def _open_status(start: dt.date, end: dt.date, today: dt.date) -> str:
    if today > end:
        return OVERDUE
    if today >= start or (start - today).days <= DUE_SOON_DAYS:
        return DUE
    return PENDING


# --- reading the repository -----------------------------------------------------------------------------------------

def repo_state(report: Report, errors: int, placeholders: int) -> RepoState:
    """Everything but validation (done by the caller, which owns the config and schemas) read from the report."""
    return RepoState(
        errors=errors,
        placeholders=placeholders,
        frozen=is_frozen(report),
        signed=is_signed(report.data("signatures")),
        submitted=report.submission_date,
        number_report=_number_report(report.data("numbers"))[0],
        number_report_date=_number_report(report.data("numbers"))[1],
        listed=_listed(report.data("compliance")),
    )


def is_frozen(report: Report) -> bool:
    """A lock manifest beside the report (``rac freeze``), or the tag ``rac/<report>/locked`` in its repository."""
    if (report.folder / ".rac-lock.yaml").is_file():
        return True
    from reportascode.errors import UsageError
    from reportascode.history.git import rac_tag

    try:
        tag = rac_tag(f"rac/{report.id.removeprefix('reports/')}/locked")
        found = subprocess.run(["git", "rev-parse", "-q", "--verify", "--end-of-options", f"refs/tags/{tag}"],
                               cwd=report.folder, capture_output=True, text=True, check=False)
    except (FileNotFoundError, NotADirectoryError, UsageError):
        return False
    return found.returncode == 0


def is_signed(signatures: Any) -> bool:
    """The commitment and the data-authenticity letter both carry a real date."""
    if not isinstance(signatures, dict):
        return False
    dates = [(signatures.get(part) or {}).get("date") if isinstance(signatures.get(part), dict) else None
             for part in ("commitment", "data_authenticity_letter")]
    return all(parse_date(d) is not None for d in dates)


def _number_report(numbers: Any) -> tuple[bool | None, dt.date | None]:
    if not isinstance(numbers, list):
        return None, None
    own = [n for n in numbers if isinstance(n, dict) and n.get("holder") == "self"]
    if not own:
        return None, None
    dates = [parse_date(n.get("code_annual_report_filed")) for n in own]
    if any(d is None for d in dates):
        return False, None
    return True, max(d for d in dates if d is not None)


def _listed(compliance: Any) -> bool | None:
    status = compliance.get("credit_status") if isinstance(compliance, dict) else None
    if not isinstance(status, dict):
        return None
    values = [status.get("bad_list"), status.get("dishonest_list")]
    if not all(isinstance(v, bool) for v in values):
        return None
    return any(values)
