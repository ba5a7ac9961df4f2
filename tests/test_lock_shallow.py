"""The data lock without history: a shallow clone (CI's default checkout) never gives a false LOCK-01, still
finds a change by the manifest's file hashes, and says once how to get field detail; a file that fails to load
is one finding, not a list of lock changes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REPORTS, run_rac
from tests.frozen_sample import CORRECTION, frozen_sample
from tests.gitrepo import GitRepo

OPS = "reports/2024/operations.yaml"


@pytest.fixture
def frozen(tmp_path: Path) -> GitRepo:
    return frozen_sample(tmp_path / "repo")


def _shallow(repo: GitRepo, tmp_path: Path) -> Path:
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True)
    return clone


def _findings(root: Path, lang: str = "zh") -> tuple[int, list[dict[str, object]]]:
    run = run_rac("validate", "--format", "json", "--lang", lang, "reports/2024", cwd=root)
    assert run.code in (0, 1), run.err
    return run.code, json.loads(run.out)["findings"]


def _lock(findings: list[dict[str, object]]) -> list[dict[str, object]]:
    return [f for f in findings if str(f["rule"]).startswith("LOCK")]


def test_shallow_clone_of_an_untouched_frozen_report_is_clean(frozen: GitRepo, tmp_path: Path) -> None:
    code, findings = _findings(_shallow(frozen, tmp_path))
    assert code == 0 and _lock(findings) == []


def test_shallow_clone_with_a_corrected_edit_has_no_false_error_and_one_hint(frozen: GitRepo,
                                                                              tmp_path: Path) -> None:
    frozen.edit(OPS, "clients_signed: 38 ", "clients_signed: 41 ")
    frozen.write("reports/2024/corrections.yaml", CORRECTION)
    frozen.commit("clients signed corrected")
    code, findings = _findings(frozen.root)
    assert code == 0 and _lock(findings) == []  # full history: field detail, the correction covers it
    code, findings = _findings(_shallow(frozen, tmp_path), "en")
    assert code == 0
    (hint,) = _lock(findings)
    assert hint["rule"] == "LOCK-02" and hint["severity"] == "info"
    assert hint["file"] == "reports/2024/meta.yaml"
    assert "fetch-depth: 0" in str(hint["message"]) and "operations.yaml" in str(hint["message"])


def test_shallow_clone_with_an_uncorrected_edit_reports_the_file_once(frozen: GitRepo, tmp_path: Path) -> None:
    frozen.edit(OPS, "clients_signed: 38 ", "clients_signed: 41 ")
    frozen.commit("clients signed")
    code, findings = _findings(frozen.root)
    assert code == 1
    assert [(f["rule"], f["pointer"]) for f in _lock(findings)] == [("LOCK-01", "/clients_signed")]
    code, findings = _findings(_shallow(frozen, tmp_path))
    assert code == 1
    lock = _lock(findings)
    assert sorted((f["rule"], f["file"], f["line"]) for f in lock) == [("LOCK-01", OPS, 1),
                                                                       ("LOCK-02", "reports/2024/meta.yaml", 4)]
    by_rule = {f["rule"]: str(f["message"]) for f in lock}
    assert "operations.yaml" in by_rule["LOCK-01"] and "fetch-depth: 0" in by_rule["LOCK-02"]


def test_a_copy_without_git_still_finds_the_change_by_hash(frozen: GitRepo, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(frozen.root / "reports", copy / "reports")
    text = (copy / OPS).read_text(encoding="utf-8").replace("clients_signed: 38 ", "clients_signed: 40 ")
    (copy / OPS).write_text(text, encoding="utf-8")
    code, findings = _findings(copy)
    assert code == 1 and sorted(f["rule"] for f in _lock(findings)) == ["LOCK-01", "LOCK-02"]


def test_a_syntax_error_in_a_locked_file_is_one_error(frozen: GitRepo) -> None:
    frozen.edit(OPS, "clients_signed: 38 ", "clients_signed:\t38 ")
    code, findings = _findings(frozen.root)
    errors = [f for f in findings if f["severity"] == "error"]
    assert code == 1 and len(errors) == 1, errors
    assert errors[0]["rule"].startswith("LOAD-") and errors[0]["file"] == OPS


def test_freeze_sign_with_a_failing_signer_changes_nothing(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.copy(SAMPLE_REPORTS / "2024", "reports/2024")
    repo.commit("2024 report")
    repo.git("config", "gpg.program", "false")
    before = (repo.git("rev-parse", "HEAD"), repo.git("status", "--porcelain"), repo.git("tag", "--list"),
              repo.git("ls-files", "--stage"))
    run = run_rac("freeze", "--sign", "reports/2024", cwd=repo.root)
    assert run.code == 2 and "Traceback" not in run.err
    assert "--sign" in run.err
    after = (repo.git("rev-parse", "HEAD"), repo.git("status", "--porcelain"), repo.git("tag", "--list"),
             repo.git("ls-files", "--stage"))
    assert after == before
    assert not (repo.root / "reports/2024/.rac-lock.yaml").exists()
