"""One source of truth for the submission date: ``rac submit`` records it, and timeline, checks and documents
read that record; impossible dates are refused before anything is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REPORTS, run_rac
from tests.gitrepo import GitRepo

META = "reports/2024/meta.yaml"


@pytest.fixture
def frozen(tmp_path: Path) -> GitRepo:
    """The 2024 sample, not yet submitted (meta.yaml submission_date: null), committed and frozen."""
    repo = GitRepo(tmp_path / "repo")
    repo.copy(SAMPLE_REPORTS / "2024", "reports/2024")
    repo.edit(META, "submission_date: 2025-03-18 ", "submission_date: null ")
    repo.commit("2024 report")
    run = run_rac("freeze", "reports/2024", cwd=repo.root)
    assert run.code == 0, run.out + run.err
    return repo


def _state(repo: GitRepo) -> tuple[str, str, str]:
    return (repo.git("rev-parse", "HEAD"), repo.git("status", "--porcelain"), repo.git("tag", "--list"))


def test_timeline_says_submitted_right_after_submit(frozen: GitRepo) -> None:
    before = run_rac("timeline", "--lang", "en", "reports/2024", cwd=frozen.root)
    assert "not submitted" in before.out
    run = run_rac("submit", "reports/2024", "--date", "2025-03-18", cwd=frozen.root)
    assert run.code == 0, run.err
    after = run_rac("timeline", "--lang", "en", "reports/2024", cwd=frozen.root)
    assert "submitted (2025-03-18)" in after.out and "not submitted" not in after.out
    checked = run_rac("validate", "--lang", "en", "reports/2024", cwd=frozen.root)
    assert checked.code == 0, checked.out
    # LIC-02 measures from the recorded date (91 days before expiry), not from the deadline
    assert "91 days after submission (2025-03-18)" in checked.out


def test_writing_the_recorded_date_into_meta_is_not_a_lock_change(frozen: GitRepo) -> None:
    assert run_rac("submit", "reports/2024", "--date", "2025-03-18", cwd=frozen.root).code == 0
    frozen.edit(META, "submission_date: null ", "submission_date: 2025-03-18 ")
    frozen.commit("record the submission date")
    checked = run_rac("validate", "--format", "json", "reports/2024", cwd=frozen.root)
    assert checked.code == 0
    assert not [f for f in json.loads(checked.out)["findings"] if f["rule"].startswith("LOCK")]
    frozen.edit(META, "submission_date: 2025-03-18 ", "submission_date: 2025-03-19 ")
    checked = run_rac("validate", "--format", "json", "reports/2024", cwd=frozen.root)
    assert [f["pointer"] for f in json.loads(checked.out)["findings"] if f["rule"] == "LOCK-01"] == [
        "/submission_date"]


@pytest.mark.parametrize(("date", "words"), [
    ("2025-03-16", "早于 signatures.yaml#/commitment/date 的签署日期 2025-03-17"),
    ("2025-01-01", "早于锁定的数据提交"),
])
def test_impossible_submission_dates_are_refused_and_nothing_changes(frozen: GitRepo, date: str,
                                                                     words: str) -> None:
    before = _state(frozen)
    run = run_rac("submit", "reports/2024", "--date", date, cwd=frozen.root)
    assert run.code == 2 and words in run.err, run.err
    assert "Traceback" not in run.err
    assert _state(frozen) == before


def test_a_late_submission_is_recorded_with_a_note(frozen: GitRepo) -> None:
    run = run_rac("submit", "--lang", "en", "reports/2024", "--date", "2025-04-08", cwd=frozen.root)
    assert run.code == 0 and "after the 2025-03-31 deadline" in run.err
    checked = run_rac("validate", "--format", "json", "reports/2024", cwd=frozen.root)
    assert [f["severity"] for f in json.loads(checked.out)["findings"] if f["rule"] == "SIG-03"] == ["warning"]


def _cover_submission(repo: GitRepo, out: str) -> str:
    import re

    run = run_rac("render", "reports/2024", "--format", "html", "--out", str(repo.root / out), cwd=repo.root)
    assert run.code == 0, run.err
    html = (repo.root / out / "annual-report.html").read_text(encoding="utf-8")
    match = re.search(r"计划提交日期</th>\s*<td[^>]*>([^<]*)<", html)
    assert match, html[:2000]
    return match.group(1)


def test_the_cover_shows_the_recorded_submission_date(frozen: GitRepo) -> None:
    """The filing pack's cover reads the one submission date, not meta.yaml alone (still null here)."""
    assert _cover_submission(frozen, "before") == "—"
    assert run_rac("submit", "reports/2024", "--date", "2025-03-18", cwd=frozen.root).code == 0
    assert "submission_date: null" in (frozen.root / META).read_text(encoding="utf-8")
    assert _cover_submission(frozen, "after") == "2025年3月18日"
