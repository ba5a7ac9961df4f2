"""``rac timeline``: official calendar and internal plan, statuses from the repository, ICS that parses."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_rac


def _steps(workspace: Path, report: str, today: str) -> dict[str, dict[str, Any]]:
    run = run_rac("timeline", report, "--today", today, "--format", "json", "--lang", "en", cwd=workspace)
    assert run.code == 0, run.err
    payload = json.loads(run.out)
    return {step["id"]: step for step in payload["steps"]}


def test_statuses_of_a_submitted_report(workspace: Path) -> None:
    steps = _steps(workspace, "reports/2024", "2025-04-02")
    assert {k: v["status"] for k, v in steps.items()} == {
        "window_open": "info",
        "lock": "overdue",  # no freeze manifest and no lock tag
        "prefill": "done",
        "pmo": "manual",
        "inventory": "done",
        "gap_analysis": "done",
        "governance": "manual",
        "signatures": "done",
        "annual_report_deadline": "done",
        "number_report_deadline": "done",
        "submission": "done",
        "late_filing": "not_needed",
        "credit_followup": "done",
        "system_closes": "done",
        "publication": "info",
        "inspections": "info",
    }
    assert steps["annual_report_deadline"]["kind"] == "official"
    assert steps["annual_report_deadline"]["start"] == "2025-03-31"
    assert steps["lock"]["kind"] == "internal" and steps["lock"]["internal_practice"] is True
    assert steps["lock"]["start"] == "2025-01-15" and steps["prefill"]["start"] == "2025-02-15"
    assert steps["pmo"]["start"] == "2025-03-01" and steps["credit_followup"]["start"] == "2025-04-30"
    assert steps["inspections"]["end"] == "2025-09-30"


def test_statuses_of_a_report_still_to_fill(workspace: Path) -> None:
    assert run_rac("new-year", "2025", cwd=workspace).code == 0
    march = _steps(workspace, "reports/2025", "2026-03-20")
    assert march["lock"]["status"] == "overdue"
    assert march["prefill"]["status"] == "overdue"
    assert march["inventory"]["status"] == "overdue"
    assert march["gap_analysis"]["status"] == "overdue"
    assert march["signatures"]["status"] == "due"  # 26 March, within a week
    assert march["annual_report_deadline"]["status"] == "pending"
    assert march["number_report_deadline"]["status"] == "pending"
    assert march["system_closes"]["status"] == "pending"

    april = _steps(workspace, "reports/2025", "2026-04-10")
    assert april["annual_report_deadline"]["status"] == "overdue"
    assert april["late_filing"]["status"] == "due"
    assert april["system_closes"]["status"] == "pending"

    may = _steps(workspace, "reports/2025", "2026-05-02")
    assert may["system_closes"]["status"] == "overdue" and may["late_filing"]["status"] == "overdue"

    text = run_rac("timeline", "reports/2025", "--today", "2026-04-10", "--lang", "en", cwd=workspace)
    assert "! 2026-03-31" in text.out and "OVERDUE" in text.out
    assert "internal practice" in text.out and "not regulation" in text.out


def test_late_submission_and_lock_manifest(workspace: Path) -> None:
    meta = workspace / "reports" / "2024" / "meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("submission_date: 2025-03-18",
                                                           "submission_date: 2025-04-08"), encoding="utf-8")
    (workspace / "reports" / "2024" / ".rac-lock.yaml").write_text("version: 1\n", encoding="utf-8")
    steps = _steps(workspace, "reports/2024", "2025-04-20")
    assert steps["annual_report_deadline"]["status"] == "done_late"
    assert steps["late_filing"]["status"] == "done"
    assert steps["lock"]["status"] == "done"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_lock_tag_counts_as_frozen(workspace: Path) -> None:
    env_args = ["-c", "user.name=T", "-c", "user.email=t@example.com"]
    subprocess.run(["git", "init", "-q"], cwd=workspace, check=True)
    subprocess.run(["git", "add", "-A"], cwd=workspace, check=True)
    subprocess.run(["git", *env_args, "commit", "-q", "-m", "x"], cwd=workspace, check=True)
    subprocess.run(["git", "tag", "rac/2024/locked"], cwd=workspace, check=True)
    assert _steps(workspace, "reports/2024", "2025-04-02")["lock"]["status"] == "done"


def test_owners_and_dates_come_from_the_workspace_config(workspace: Path) -> None:
    (workspace / ".reportascode.yaml").write_text(
        'owners:\n  finance: 沈若岚\n  legal: 周律师\ntimeline:\n  lock: "01-20"\n  target: "03-20"\n',
        encoding="utf-8")
    steps = _steps(workspace, "reports/2024", "2025-04-02")
    assert steps["lock"]["start"] == "2025-01-20" and steps["lock"]["configured"] is True
    assert steps["submission"]["start"] == "2025-03-20"  # T moved
    assert steps["pmo"]["start"] == "2025-02-18"  # T-30
    assert steps["annual_report_deadline"]["start"] == "2025-03-31"  # official dates never move
    assert {"function": "finance", "name": "沈若岚"} in steps["signatures"]["owners"]
    assert {"function": "legal", "name": "周律师"} in steps["signatures"]["owners"]


def test_ics_parses_strictly_and_is_deterministic(workspace: Path, tmp_path: Path) -> None:
    from icalendar import Calendar

    first = run_rac("timeline", "reports/2024", "--today", "2025-04-02", "--format", "ics", "-o",
                    str(tmp_path / "a.ics"), cwd=workspace)
    second = run_rac("timeline", "reports/2024", "--today", "2025-04-02", "--format", "ics", "-o",
                     str(tmp_path / "b.ics"), cwd=workspace)
    assert first.code == second.code == 0
    data = (tmp_path / "a.ics").read_bytes()
    assert data == (tmp_path / "b.ics").read_bytes()
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))

    calendar = Calendar.from_ical(data)
    assert calendar.name == "VCALENDAR" and str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar
    for component in calendar.walk():
        assert not getattr(component, "errors", []), (component.name, component.errors)
    events = calendar.walk("VEVENT")
    assert len(events) == 16
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert "annual_report_deadline.reports-2024.2024@reportascode" in uids
    assert all(e.decoded("DTSTAMP").isoformat() == "2024-12-31T00:00:00+00:00" for e in events)
    deadline = next(e for e in events if str(e["UID"]).startswith("annual_report_deadline"))
    assert deadline.decoded("DTSTART").isoformat() == "2025-03-31"
    assert str(deadline["SUMMARY"]).startswith("[官方]")
    lock = next(e for e in events if str(e["UID"]).startswith("lock."))
    assert str(lock["SUMMARY"]).startswith("[内部]") and "并非监管规定" in str(lock["DESCRIPTION"])
