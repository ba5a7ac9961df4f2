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
