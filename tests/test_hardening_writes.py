"""No data loss: one atomic-write module for every writer, one write lock per workspace, and a freeze that is
all-or-nothing (or says plainly what a kill left and completes it)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reportascode.files.atomic import create_text_exclusive, is_temporary, staged_folder, write_bytes_atomic
from reportascode.files.writelock import LOCK_NAME, workspace_lock
from tests.conftest import REPO_ROOT, SAMPLE_REPORTS, run_rac
from tests.gitrepo import GitRepo

SOURCE = REPO_ROOT / "src" / "reportascode"


# -- the atomic module -------------------------------------------------------------------------------------------

def test_every_write_in_the_package_goes_through_the_atomic_module() -> None:
    """No other module opens a file for writing, renames, or makes temporary files itself."""
    pattern = re.compile(r"\.write_text\(|\.write_bytes\(|open\([^)]*['\"][wax]b?['\"]|mkstemp|mkdtemp|os\.rename|"
                         r"os\.replace|shutil\.move")
    offenders = [f"{p.relative_to(SOURCE)}:{n}" for p in SOURCE.rglob("*.py") if p.name != "atomic.py"
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert offenders == []


def test_atomic_write_keeps_permissions_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "meta.yaml"
    target.write_bytes(b"old\n")
    os.chmod(target, 0o640)
    write_bytes_atomic(target, b"new\n")
    assert target.read_bytes() == b"new\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["meta.yaml"]
    fresh = tmp_path / "fresh.yaml"
    write_bytes_atomic(fresh, b"x")
    assert fresh.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600


def test_atomic_write_failure_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "meta.yaml"
    target.write_bytes(b"old\n")

    def broken(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_bytes_atomic(target, b"new\n")
    assert target.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["meta.yaml"]


def test_exclusive_create_and_staged_folder_never_overwrite(tmp_path: Path) -> None:
    assert create_text_exclusive(tmp_path / "a.txt", "one")
    assert not create_text_exclusive(tmp_path / "a.txt", "two")
    assert (tmp_path / "a.txt").read_text() == "one"
    target = tmp_path / "2025"
    target.mkdir()
    (target / "keep.yaml").write_text("mine")
    with pytest.raises(FileExistsError), staged_folder(target) as staging:
        (staging / "meta.yaml").write_text("new")
    assert [p.name for p in target.iterdir()] == ["keep.yaml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025", "a.txt"]


def test_temporary_names_are_recognised() -> None:
    assert is_temporary(".meta.yaml.k3j_9x0a.tmp")
    assert is_temporary(".build.abcdefgh.old")
    assert not is_temporary("meta.yaml")
    assert not is_temporary(".rac-lock.yaml")
    assert not is_temporary("notes.tmp")


def test_stray_temporary_files_are_ignored_by_validate_fmt_and_freeze(git_repo: GitRepo) -> None:
    git_repo.copy(SAMPLE_REPORTS, "reports")
    git_repo.commit("Import")
    folder = git_repo.root / "reports" / "2024"
    (folder / ".meta.yaml.k3j_9x0a.tmp").write_text("report_year: 20", encoding="utf-8")  # a killed write's
    validate = run_rac("validate", "--format", "json", "reports/2024", cwd=git_repo.root)
    assert validate.code == 0 and ".tmp" not in validate.out
    assert ".tmp" not in run_rac("fmt", "--check", "reports/2024", cwd=git_repo.root).out
    freeze = run_rac("freeze", "reports/2024", cwd=git_repo.root)
    assert freeze.code == 0, freeze.err


# -- the workspace write lock ------------------------------------------------------------------------------------

def _rac(cwd: Path, *args: str, wait: str = "10") -> subprocess.Popen[str]:
    env = {**os.environ, "LANG": "en_US.UTF-8", "RAC_LOCK_WAIT": wait}
    env.pop("LC_ALL", None)
    return subprocess.Popen([sys.executable, "-m", "reportascode", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_writer_refuses_clearly_while_the_lock_is_held(workspace: Path) -> None:
    with workspace_lock(workspace, "fmt"):
        assert (workspace / LOCK_NAME).read_text().split(" ", 1)[1].strip() == "rac fmt"
        process = _rac(workspace, "set", "reports/2024/operations.yaml", "/clients_signed", "41", wait="0.3")
        _, err = process.communicate(timeout=60)
    assert process.returncode == 2, err
    assert "another rac command (rac fmt) is writing in this workspace" in err
    assert "clients_signed: 38" in (workspace / "reports/2024/operations.yaml").read_text(encoding="utf-8")
    assert not (workspace / LOCK_NAME).exists()  # released and removed


def test_a_second_writer_waits_for_the_first(workspace: Path) -> None:
    released = threading.Event()

    def hold() -> None:
        with workspace_lock(workspace, "render"):
            time.sleep(0.8)
        released.set()

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.1)
    process = _rac(workspace, "set", "reports/2024/operations.yaml", "/clients_signed", "41")
    _, err = process.communicate(timeout=60)
    holder.join()
    assert process.returncode == 0, err
    assert released.is_set()
    assert "clients_signed: 41" in (workspace / "reports/2024/operations.yaml").read_text(encoding="utf-8")


def test_concurrent_writers_lose_no_update(workspace: Path) -> None:
    """Two ``rac set`` of different fields at the same time: each reads, changes and writes under the lock, so
    both changes are there (without it, the second write would carry the first file's old text)."""
    target = workspace / "reports/2024/operations.yaml"
    for round_ in range(3):
        value = str(40 + round_)
        first = _rac(workspace, "set", "reports/2024/operations.yaml", "/clients_signed", value)
        second = _rac(workspace, "set", "reports/2024/operations.yaml", "/seats/total", str(600 + round_))
        third = _rac(workspace, "fmt", "reports/2024")
        for process in (first, second, third):
            _, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
        text = target.read_text(encoding="utf-8")
        assert f"clients_signed: {value}" in text and f"total: {600 + round_}" in text


def test_a_lock_file_left_by_a_killed_process_does_not_block(workspace: Path) -> None:
    (workspace / LOCK_NAME).write_text("12345 rac fmt\n")  # the file stays after a kill; its flock does not
    run = run_rac("set", "reports/2024/operations.yaml", "/clients_signed", "41", cwd=workspace)
    assert run.code == 0, run.err
    assert not (workspace / LOCK_NAME).exists()


# -- freeze: all or nothing --------------------------------------------------------------------------------------

@pytest.fixture
def repo(git_repo: GitRepo) -> GitRepo:
    git_repo.copy(SAMPLE_REPORTS, "reports")
    git_repo.commit("Import the sample reports")
    return git_repo


def _tags(repo: GitRepo) -> list[str]:
    return repo.git("tag", "--list").split()


def test_freeze_commit_and_tag_come_together_and_leave_a_clean_tree(repo: GitRepo) -> None:
    run = run_rac("freeze", "reports/2024", cwd=repo.root)
    assert run.code == 0, run.err
    assert repo.git("log", "-1", "--format=%s").strip() == "rac freeze reports/2024"
    assert _tags(repo) == ["rac/2024/locked"]
    assert repo.git("rev-parse", "rac/2024/locked^{commit}") == repo.git("rev-parse", "HEAD")
    assert repo.git("status", "--porcelain") == ""
    assert (repo.root / "reports/2024/.rac-lock.yaml").stat().st_mode & 0o777 == 0o644
    assert run_rac("verify", "reports/2024", cwd=repo.root).code == 0


def test_a_failing_tag_step_leaves_neither_commit_nor_tag(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportascode.history import git as gitio

    head = repo.git("rev-parse", "HEAD")
    original = gitio.Git.run

    def failing(self: gitio.Git, *args: str, **kwargs: object) -> str:
        if args[:1] == ("mktag",):
            raise gitio.GitFailed(args, "fatal: simulated failure")
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(gitio.Git, "run", failing)
    run = run_rac("freeze", "reports/2024", cwd=repo.root)
    assert run.code == 2 and "simulated failure" in run.err
    assert repo.git("rev-parse", "HEAD") == head and _tags(repo) == []
    assert repo.git("status", "--porcelain") == ""


def test_a_commit_without_its_tag_is_reported_by_verify_and_completed_by_freeze(repo: GitRepo) -> None:
    assert run_rac("freeze", "reports/2024", cwd=repo.root).code == 0
    repo.git("tag", "-d", "rac/2024/locked")  # what a kill between the two steps of a signed freeze leaves
    verify = run_rac("verify", "--lang", "en", "reports/2024", cwd=repo.root)
    assert verify.code == 1
    assert "the tag rac/2024/locked is missing: an interrupted rac freeze" in verify.out
    assert "run rac freeze reports/2024 again" in verify.out
    head = repo.git("rev-parse", "HEAD")
    freeze = run_rac("freeze", "reports/2024", "--lang", "en", cwd=repo.root)
    assert freeze.code == 0 and "completed an interrupted freeze" in freeze.out
    assert repo.git("rev-parse", "HEAD") == head  # no second manifest commit
    assert _tags(repo) == ["rac/2024/locked"]
    assert run_rac("verify", "reports/2024", cwd=repo.root).code == 0


def test_an_uncommitted_manifest_is_reported_and_replaced(repo: GitRepo) -> None:
    assert run_rac("freeze", "reports/2024", cwd=repo.root).code == 0
    manifest = (repo.root / "reports/2024/.rac-lock.yaml").read_bytes()
    repo.git("tag", "-d", "rac/2024/locked")
    repo.git("reset", "-q", "--hard", "HEAD~1")
    (repo.root / "reports/2024/.rac-lock.yaml").write_bytes(manifest)  # killed after writing, before committing
    verify = run_rac("verify", "--lang", "en", "reports/2024", cwd=repo.root)
    assert verify.code == 1 and "is not the committed manifest: an interrupted rac freeze" in verify.out
    freeze = run_rac("freeze", "reports/2024", cwd=repo.root)
    assert freeze.code == 0, freeze.err
    assert _tags(repo) == ["rac/2024/locked"] and repo.git("status", "--porcelain") == ""


def test_a_manifest_missing_from_the_index_is_put_back(repo: GitRepo) -> None:
    assert run_rac("freeze", "reports/2024", cwd=repo.root).code == 0
    repo.git("rm", "-q", "--cached", "reports/2024/.rac-lock.yaml")  # killed before the index caught up
    run = run_rac("freeze", "reports/2024", cwd=repo.root)
    assert run.code == 2 and "rac/2024/locked" in run.err  # already locked, and says so
    assert repo.git("status", "--porcelain") == ""


def test_a_stale_git_lock_is_named_before_anything_changes(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    (repo.root / ".git" / "index.lock").write_text("")
    head = repo.git("rev-parse", "HEAD")
    run = run_rac("freeze", "reports/2024", cwd=repo.root)
    assert run.code == 2
    assert "index.lock exists" in run.err and "delete the file" in run.err
    assert repo.git("rev-parse", "HEAD") == head and _tags(repo) == []
    assert not (repo.root / "reports/2024/.rac-lock.yaml").exists()


def test_submit_is_all_or_nothing_too(repo: GitRepo, tmp_path: Path) -> None:
    assert run_rac("freeze", "reports/2024", cwd=repo.root).code == 0
    submit = run_rac("submit", "reports/2024", "--date", "2025-03-18", cwd=repo.root)
    assert submit.code == 0, submit.err
    assert _tags(repo) == ["rac/2024/locked", "rac/2024/submitted"]
    repo.git("tag", "-d", "rac/2024/submitted")
    verify = run_rac("verify", "--lang", "en", "reports/2024", cwd=repo.root)
    assert verify.code == 1 and "interrupted rac submit" in verify.out
    again = run_rac("submit", "reports/2024", "--date", "2025-03-18", cwd=repo.root)
    assert again.code == 0, again.err
    assert _tags(repo) == ["rac/2024/locked", "rac/2024/submitted"]
    assert run_rac("verify", "reports/2024", cwd=repo.root).code == 0
