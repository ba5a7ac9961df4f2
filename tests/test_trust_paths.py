"""One path policy (files/paths.py): a link committed in the workspace never takes a read or a write out of it,
and the write lock never follows a link. Each refusal names the link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reportascode.files import paths
from tests.conftest import run_rac
from tests.gitrepo import GitRepo

SECRET = "TOP-SECRET-OUTSIDE-THE-WORKSPACE"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    return folder


def test_a_committed_lock_link_is_refused_and_its_target_untouched(workspace: Path, outside: Path) -> None:
    victim = outside / "secret.txt"
    (workspace / ".rac.lock").symlink_to(victim)
    run = run_rac("fmt", "--lang", "en", "reports/2024", cwd=workspace)
    assert run.code == 2, (run.out, run.err)
    assert ".rac.lock" in run.err and "Traceback" not in run.err
    assert victim.read_text(encoding="utf-8") == SECRET + "\n"


def test_a_lock_link_into_the_workspace_is_refused_too(workspace: Path) -> None:
    meta = workspace / "reports" / "2024" / "meta.yaml"
    before = meta.read_bytes()
    (workspace / ".rac.lock").symlink_to(meta)
    run = run_rac("set", "--lang", "en", "reports/2024/company.yaml", "/company_name", "X", cwd=workspace)
    assert run.code == 2, (run.out, run.err)
    assert ".rac.lock" in run.err
    assert meta.read_bytes() == before


def test_a_committed_build_link_keeps_render_inside(workspace: Path, outside: Path) -> None:
    (workspace / "build").symlink_to(outside, target_is_directory=True)
    run = run_rac("render", "--lang", "en", "--format", "html", "reports/2024", cwd=workspace)
    assert run.code == 2, (run.out, run.err)
    assert "build" in run.err and "Traceback" not in run.err
    assert sorted(p.name for p in outside.iterdir()) == ["secret.txt"]


def test_build_refuses_a_committed_build_link(workspace: Path, outside: Path) -> None:
    (workspace / "build").symlink_to(outside, target_is_directory=True)
    run = run_rac("build", "--lang", "en", cwd=workspace)
    assert run.code == 2, (run.out, run.err)
    assert sorted(p.name for p in outside.iterdir()) == ["secret.txt"]


def test_config_linked_out_is_refused_unread(workspace: Path, outside: Path) -> None:
    (workspace / ".reportascode.yaml").symlink_to(outside / "secret.txt")
    run = run_rac("validate", "--lang", "en", "reports/2024", cwd=workspace)
    assert run.code == 2, (run.out, run.err)
    assert SECRET not in run.out + run.err
    assert ".reportascode.yaml" in run.err


def test_rule_file_linked_out_is_refused_unread(workspace: Path, outside: Path) -> None:
    (workspace / "rules").mkdir()
    (workspace / "rules" / "mine.yaml").symlink_to(outside / "secret.txt")
    run = run_rac("validate", "--lang", "en", "reports/2024", cwd=workspace)
    assert run.code in (1, 2), (run.out, run.err)
    assert SECRET not in run.out + run.err
    assert "rules/mine.yaml" in run.out + run.err


def test_an_output_path_the_user_names_outside_is_allowed(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "chosen"
    run = run_rac("render", "--lang", "en", "--format", "html", "--out", str(out), "reports/2024", cwd=workspace)
    assert run.code in (0, 1), (run.out, run.err)
    assert any(out.rglob("*.html"))


def test_policy_unit(tmp_path: Path, outside: Path) -> None:
    root = tmp_path / "ws"
    (root / "reports").mkdir(parents=True)
    (root / "link").symlink_to(outside, target_is_directory=True)
    (root / "inner").symlink_to(root / "reports", target_is_directory=True)
    assert paths.escapes(root / "link" / "x", root) == os.path.realpath(outside / "x")
    assert paths.escapes(root / "inner" / "x", root) is None
    assert paths.escapes(tmp_path / "elsewhere", root) is None  # named outside: the user's choice
    with pytest.raises(paths.LinkOutside):
        paths.check_write(root / "link" / "file", root)
    (root / "lockfile").symlink_to(outside / "secret.txt")
    paths.confine(root)
    try:
        with pytest.raises(paths.LinkOutside):
            paths.open_no_follow(root / "lockfile", os.O_RDWR | os.O_CREAT)
    finally:
        paths.confine(None)


def test_reports_folder_itself_a_link_is_inside(tmp_path: Path, workspace: Path) -> None:
    moved = tmp_path / "kept-elsewhere"
    (workspace / "reports").rename(moved)
    (workspace / "reports").symlink_to(moved, target_is_directory=True)
    run = run_rac("validate", "--lang", "en", cwd=workspace)
    assert run.code in (0, 1), run.err


def test_freeze_refuses_a_lock_link(git_repo: GitRepo, outside: Path) -> None:
    from tests.conftest import SAMPLE_REPORTS

    git_repo.copy(SAMPLE_REPORTS, "reports")
    (git_repo.root / ".rac.lock").symlink_to(outside / "secret.txt")
    git_repo.commit("Import, with a hostile lock link")
    run = run_rac("freeze", "reports/2024", cwd=git_repo.root)
    assert run.code == 2, (run.out, run.err)
    assert ".rac.lock" in run.err
    assert (outside / "secret.txt").read_text(encoding="utf-8") == SECRET + "\n"
