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
lock manifest or tag), signed (signature dates present), submitted (``meta.submission_date``)?
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass, field
from typing import Any

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
    """One step of the calendar. Dates are month-day in the filing year; internal ones may be an offset from T."""

    id: str
    kind: str
    title_zh: str
    title_en: str
    start: str | int  # "MM-DD", or days from T for internal steps
    end: str | int | None = None
    condition: str | None = None
    owners: tuple[str, ...] = ()
    note_zh: str = ""
    note_en: str = ""


STEPS: tuple[StepDef, ...] = (
    StepDef("window_open", OFFICIAL, "年报填报系统开放", "Filing window opens", "01-01",
            note_zh="每年 1 月开放，具体日期以通知为准（2025 年度于 1 月 10 日开放）",
            note_en="opens in early January; the exact date is announced each round (10 Jan in 2025)"),
    StepDef("lock", INTERNAL, "内部数据锁定", "Internal data lock", "01-15", condition="frozen",
            owners=("finance", "operations", "hr"), note_zh="内部做法（rac freeze）", note_en="internal practice"),
    StepDef("prefill", INTERNAL, "系统预填，利用系统校验提前纠错", "Pre-fill in the system to use its checks early",
            "02-15", condition="filled", owners=("it", "legal"), note_zh="内部做法", note_en="internal practice"),
    StepDef("pmo", INTERNAL, "组建年报工作组（法务牵头，财务、运营、法务、IT、人力各一名接口人）",
            "Set up the report team (legal leads; one contact each from finance, operations, legal, IT, HR)", -30,
            owners=("legal",), note_zh="内部做法（T-30）", note_en="internal practice (T-30)"),
    StepDef("inventory", INTERNAL, "数据盘点：统一财务、运营、人力口径，全部“待填”项填完",
            "Data inventory: one definition for finance, operations and HR figures; no placeholder left", -25,
            condition="filled", owners=("finance", "operations", "hr"), note_zh="内部做法（T-25）",
            note_en="internal practice (T-25)"),
    StepDef("gap_analysis", INTERNAL, "合规差距分析：rac validate 无错误", "Gap analysis: rac validate shows no error",
            -20, condition="valid", owners=("legal",), note_zh="内部做法（T-20）", note_en="internal practice (T-20)"),
    StepDef("governance", INTERNAL, "AI 话术、用户授权、主叫号码治理；抽检近 90 天录音",
            "Governance of AI scripts, user consent and caller numbers; sample the last 90 days of recordings", -15,
            owners=("operations", "it"), note_zh="内部做法（T-15）", note_en="internal practice (T-15)"),
    StepDef("signatures", INTERNAL, "法定代表人、财务负责人双签《数据真实性承诺函》及承诺书",
            "Legal representative and finance head sign the data-authenticity letter and the commitment", -5,
            condition="signed", owners=("legal", "finance"), note_zh="内部做法（T-5）",
            note_en="internal practice (T-5)"),
    StepDef("submission", INTERNAL, "正式提交（内部目标日）", "Submit (internal target date)", 0,
            condition="submitted", owners=("legal",), note_zh="内部做法（T）", note_en="internal practice (T)"),
    StepDef("annual_report_deadline", OFFICIAL, "年报提交截止（电信业务市场综合管理信息系统）",
            "Annual report due (dxzhgl.miit.gov.cn)", "03-31", condition="submitted_on_time",
            note_zh="《电信业务经营许可管理办法》第三十五条：每年第一季度报送",
            note_en="Order 42 Art. 35: Q1 each year"),
    StepDef("number_report_deadline", OFFICIAL, "码号年报提交截止（自有码号）",
            "Number-resource annual report due (self-held numbers)", "03-31", condition="number_report",
            note_zh="码号资源使用和调整审批系统；400/1010 等运营商号码不报",
            note_en="separate system; carrier 400/1010 numbers are not included"),
    StepDef("late_filing", OFFICIAL, "限期补报（4 月）", "Late filing month (April)", "04-01", "04-30",
            condition="late_filing", note_zh="已提交的表单在 4 月仍可修改",
            note_en="submitted forms can still be edited"),
    StepDef("credit_followup", INTERNAL, "信用跟进：确认未列入不良名单；如被列入，补报后申请移出",
            "Credit follow-up: confirm no bad-list entry; if listed, file and apply for removal", 30,
            condition="not_listed", owners=("legal",), note_zh="内部做法（T+30）；依据第三十八条",
            note_en="internal practice (T+30); Order 42 Art. 38"),
    StepDef("system_closes", OFFICIAL, "系统关闭，数据不可再修改", "System closes; no more changes", "05-01",
            condition="submitted", note_zh="未报送的企业 5 月列入不良名单（第三十八条）",
            note_en="companies that never filed are put on the bad list in May (Art. 38)"),
    StepDef("publication", OFFICIAL, "年报公示及不良名单公布", "Publication and bad-list listing", "05-01", "05-31",
            note_zh="基本情况与服务质量等公示项向社会公示", note_en="the published fields go public"),
    StepDef("inspections", OFFICIAL, "双随机抽查（书面检查、实地核查、网络监测）",
            "Random inspections (desk review, on-site, network monitoring)", "05-01", "09-30",
            note_zh="第三十六条；工信厅政函〔2016〕606号", note_en="Order 42 Art. 36"),
)


@dataclass(frozen=True)
class Step:
    id: str
    kind: str
    title_zh: str
    title_en: str
    start: dt.date
    end: dt.date
    status: str
    owners: tuple[tuple[str, str], ...] = ()
    note_zh: str = ""
    note_en: str = ""
    configured: bool = False

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_zh

    def note(self, lang: str) -> str:
        return self.note_en if lang == "en" else self.note_zh


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
        timeline.steps.append(Step(definition.id, definition.kind, definition.title_zh, definition.title_en, start,
                                   end, status, owners, definition.note_zh, definition.note_en, configured))
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
    meta = report.data("meta") or {}
    return RepoState(
        errors=errors,
        placeholders=placeholders,
        frozen=is_frozen(report),
        signed=is_signed(report.data("signatures")),
        submitted=parse_date(meta.get("submission_date")) if isinstance(meta, dict) else None,
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
