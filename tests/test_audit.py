"""The audit trail: field-level log and blame from a real git history, the data lock, corrections, verify."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REPORTS, run_rac
from tests.gitrepo import GitRepo

OPS = "reports/2024/operations.yaml"
LIN = ("Lin Xiaowen", "lin@example.com")
SHEN = ("Shen Ruolan", "shen@example.com")


@pytest.fixture
def history(tmp_path: Path) -> tuple[GitRepo, list[str]]:
    """Commit 1 adds the 2024 sample; commit 2 changes a value; commit 3 only reformats that file."""
    repo = GitRepo(tmp_path / "repo")
    repo.copy(SAMPLE_REPORTS / "2024", "reports/2024")
    first = repo.commit("2024 report", author=LIN)
    repo.edit(OPS, "clients_signed: 38 ", "clients_signed: 41 ")
    second = repo.commit("clients signed: contracts counted at year end", author=SHEN)
    text = (repo.root / OPS).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    moved = [line for line in lines if line.startswith("clients_signed:")]
    rest = [line for line in lines if not line.startswith("clients_signed:")]
    reformatted = "".join(rest) + moved[0].split("#")[0].rstrip() + "   # 签约客户（移到文末）\n"
    (repo.root / OPS).write_text(reformatted.replace("  total: 610", "  total:    610"), encoding="utf-8")
    third = repo.commit("tidy operations.yaml", author=("He Jiashu", "he@example.com"))
    return repo, [first, second, third]


def test_blame_follows_data_not_text(history: tuple[GitRepo, list[str]]) -> None:
    repo, (first, second, _) = history
    run = run_rac("blame", "--format", "json", OPS, cwd=repo.root)
    assert run.code == 0, run.err
    fields = {f["pointer"]: f for f in json.loads(run.out)["fields"]}
    assert fields["/clients_signed"] == {
        "pointer": "/clients_signed", "value": 41, "commit": second, "author": "Shen Ruolan",
        "email": "shen@example.com", "date": "2025-01-07T10:00:00+08:00",
        "message": "clients signed: contracts counted at year end",
    }
    assert fields["/seats/total"]["commit"] == first
    assert fields["/seats/total"]["author"] == "Lin Xiaowen"


def test_blame_shows_uncommitted_changes(history: tuple[GitRepo, list[str]]) -> None:
    repo, _ = history
    repo.edit(OPS, "  human: 520", "  human: 521")
    run = run_rac("blame", "--format", "json", OPS, "/seats", cwd=repo.root)
    fields = {f["pointer"]: f for f in json.loads(run.out)["fields"]}
    assert set(fields) == {"/seats/total", "/seats/human", "/seats/ai", "/seats/ai_ratio_reported"}
    assert fields["/seats/human"] == {"pointer": "/seats/human", "value": 521, "commit": None, "uncommitted": True}


def test_log_lists_field_changes_and_marks_reformats(history: tuple[GitRepo, list[str]]) -> None:
    repo, (first, second, third) = history
    run = run_rac("log", "--format", "json", "reports/2024", cwd=repo.root)
    commits = json.loads(run.out)["commits"]
    assert [c["commit"] for c in commits] == [third, second, first]
    assert commits[0]["reformat_only"] is True and commits[0]["changes"] == []
    assert commits[1]["changes"] == [
        {"file": "operations.yaml", "pointer": "/clients_signed", "kind": "changed", "old": 38, "new": 41}
    ]
    assert commits[1]["author"] == "Shen Ruolan" and commits[1]["reformat_only"] is False
    assert len(commits[2]["changes"]) == 11
    text = run_rac("log", "--lang", "en", "reports/2024", cwd=repo.root).out
    assert "reformatting only" in text and "~ operations.yaml#/clients_signed: 38 → 41" in text


def test_freeze_then_edit_needs_a_correction_record(history: tuple[GitRepo, list[str]]) -> None:
    repo, _ = history
    run = run_rac("freeze", "reports/2024", cwd=repo.root)
    assert run.code == 0, run.out + run.err
    assert "rac/2024/locked" in run.out
    assert repo.git("tag", "--list").split() == ["rac/2024/locked"]
    assert run_rac("verify", "reports/2024", cwd=repo.root).code == 0

    repo.edit(OPS, "clients_signed: 41", "clients_signed: 42")
    checked = run_rac("validate", "--format", "json", "--lang", "en", "reports/2024", cwd=repo.root)
    assert checked.code == 1
    finding = next(f for f in json.loads(checked.out)["findings"] if f["rule"] == "LOCK-01")
    assert finding["file"] == OPS and finding["pointer"] == "/clients_signed"
    assert "operations.yaml#/clients_signed" in finding["message"]
    assert run_rac("verify", "reports/2024", cwd=repo.root).code == 1

    (repo.root / "reports/2024/corrections.yaml").write_text(
        "- date: 2025-04-10\n  reason: 年末签约客户数复核更正\n  approver: 周启明\n"
        "  fields: [\"operations.yaml#/clients_signed\"]\n", encoding="utf-8")
    assert run_rac("validate", "reports/2024", cwd=repo.root).code == 0


def test_freeze_refuses_uncommitted_changes(history: tuple[GitRepo, list[str]]) -> None:
    repo, _ = history
    repo.edit(OPS, "clients_signed: 41", "clients_signed: 42")
    run = run_rac("freeze", "reports/2024", cwd=repo.root)
    assert run.code == 2 and "未提交" in run.err
    assert repo.git("tag", "--list").strip() == ""


def test_verify_catches_a_committed_edit_and_names_its_author(history: tuple[GitRepo, list[str]]) -> None:
    repo, _ = history
    assert run_rac("freeze", "reports/2024", cwd=repo.root).code == 0
    repo.edit(OPS, "  ai: 90 ", "  ai: 95 ")
    repo.commit("more AI seats", author=("Zhou Qiming", "zhou@example.com"))
    run = run_rac("verify", "--lang", "en", "reports/2024", cwd=repo.root)
    assert run.code == 1
    assert "CHANGED operations.yaml#/seats/ai: 90 → 95" in run.out
    assert "Zhou Qiming" in run.out


def test_verify_catches_a_tag_moved_by_rewritten_history(history: tuple[GitRepo, list[str]]) -> None:
    repo, (_, second, _) = history
    assert run_rac("freeze", "reports/2024", cwd=repo.root).code == 0
    repo.git("tag", "-f", "-a", "-m", "moved", "rac/2024/locked", second)
    run = run_rac("verify", "--lang", "en", "reports/2024", cwd=repo.root)
    assert run.code == 1 and "moved tag" in run.out

    frozen = repo.git("rev-parse", "HEAD").strip()
    repo.git("tag", "-f", "-a", "-m", "lock", "rac/2024/locked", frozen)
    repo.git("commit", "--amend", "-q", "-m", "rewritten freeze")
    run = run_rac("verify", "--lang", "en", "reports/2024", cwd=repo.root)
    assert run.code == 1 and "not in the current history" in run.out


def test_submit_records_documents_and_tags(history: tuple[GitRepo, list[str]], tmp_path: Path) -> None:
    repo, _ = history
    assert run_rac("freeze", "reports/2024", cwd=repo.root).code == 0
    docs = tmp_path / "filed"
    docs.mkdir()
    (docs / "承诺书.pdf").write_bytes(b"%PDF-1.7 fixture")
    run = run_rac("submit", "reports/2024", "--date", "2025-03-18", "--documents", str(docs), cwd=repo.root)
    assert run.code == 0, run.err
    manifest = (repo.root / "reports/2024/.rac-lock.yaml").read_text(encoding="utf-8")
    assert 'date: "2025-03-18"' in manifest and "承诺书.pdf" in manifest
    assert sorted(repo.git("tag", "--list").split()) == ["rac/2024/locked", "rac/2024/submitted"]
    assert run_rac("verify", "reports/2024", cwd=repo.root).code == 0


def test_empty_repository_is_a_clear_usage_error(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "empty")
    repo.copy(SAMPLE_REPORTS / "2024", "reports/2024")
    for command in (["log", "reports/2024"], ["blame", OPS], ["freeze", "reports/2024"]):
        run = run_rac(*command, cwd=repo.root)
        assert run.code == 2, (command, run.err)
        assert "Traceback" not in run.err
        assert "没有任何提交" in run.err


def test_shallow_clone_is_a_clear_usage_error(history: tuple[GitRepo, list[str]], tmp_path: Path) -> None:
    repo, _ = history
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True)
    run = run_rac("log", "reports/2024", cwd=clone)
    assert run.code == 2 and "Traceback" not in run.err
    assert "unshallow" in run.err


def test_log_and_blame_review_output(history: tuple[GitRepo, list[str]]) -> None:
    repo, (_, _, third) = history
    run = run_rac("log", "reports/2024", cwd=repo.root)
    assert run.code == 0 and "operations.yaml#/clients_signed: 38 → 41" in run.out
    empty = run_rac("log", "--since", third, "--format", "markdown", "--lang", "en", "reports/2024", cwd=repo.root)
    assert empty.code == 0 and "no data changes" in empty.out
    unknown = run_rac("blame", "--lang", "en", OPS, "/seats/nope", cwd=repo.root)
    assert unknown.code == 2 and "Traceback" not in unknown.err
    assert "/seats/nope" in unknown.err and "/seats/total" in unknown.err


@pytest.mark.parametrize("pointer", ["seats", "bad", "--output=x", "/nope/deeper"])
def test_blame_of_a_missing_pointer_is_exit_2_with_the_nearest(history: tuple[GitRepo, list[str]],
                                                                pointer: str) -> None:
    """A pointer without a leading slash once looped for ever looking for its nearest neighbours."""
    repo, _ = history
    run = run_rac("blame", "--lang", "en", OPS, "--", pointer, cwd=repo.root)
    assert run.code == 2 and pointer in run.err, run
