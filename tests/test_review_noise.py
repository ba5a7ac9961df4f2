"""Review output without noise: the years compared are not a change, and rac's lock and correction records are
not data."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SAMPLE_REPORTS, run_rac
from tests.gitrepo import GitRepo


def test_report_year_is_the_pair_compared_not_a_change(workspace: Path) -> None:
    run = run_rac("diff", "--format", "json", "2023", "2024", cwd=workspace)
    assert run.code == 0, run.err
    changes = json.loads(run.out)["changes"]
    assert changes and not [c for c in changes if c["pointer"] == "/report_year"]


def test_lock_and_correction_records_are_not_data(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.copy(SAMPLE_REPORTS / "2024", "reports/2024")
    base = repo.commit("2024 report")
    assert run_rac("freeze", "reports/2024", cwd=repo.root).code == 0
    repo.write("reports/2024/corrections.yaml", "- date: 2025-04-10\n  reason: r\n  approver: a\n  fields: []\n")
    repo.commit("a correction record")
    run = run_rac("diff", "--format", "json", f"{base}:reports/2024", "reports/2024", cwd=repo.root)
    assert run.code == 0, run.err
    assert json.loads(run.out)["changes"] == []


def test_the_build_index_says_ready_only_when_nothing_is_unexplained(workspace: Path) -> None:
    from reportascode.messages import Bilingual
    from reportascode.model.findings import Finding, Severity
    from reportascode.model.workspace import Report, Workspace
    from reportascode.publish.build import ReportOutcome, _index_entry

    report = Report(Workspace(workspace), workspace / "reports/2024")
    warning = Finding("LIC-02", Severity.WARNING, "reports/2024/licence.yaml", 8, 14, "/expiry_date", "check.LIC-02",
                      (), "reports/2024")
    explained = Finding("YOY-01", Severity.WARNING, "reports/2024/operations.yaml", 7, 7, "/seats/ai",
                        "check.YOY-01", (), "reports/2024", explanation=Bilingual("说明", "explained"))
    unexplained = _index_entry(ReportOutcome(report, [warning, explained], [], rendered=True), "zh")
    assert "可报送" not in str(unexplained["status_text"]) and "1 项警告未说明" in str(unexplained["status_text"])
    clean = _index_entry(ReportOutcome(report, [explained], [], rendered=True), "zh")
    assert clean["status_text"] == "无错误，可报送"
