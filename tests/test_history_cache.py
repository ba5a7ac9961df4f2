"""The history cache never changes an answer: blame and log give the same bytes cold, warm, extended by new
commits, after history is rewritten, and with every kind of broken cache entry."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REPORTS, run_rac
from tests.gitrepo import GitRepo

OPS = "reports/2024/operations.yaml"
COMMANDS = (("blame", OPS, "--format", "json"), ("blame", OPS), ("log", "reports/2024", "--format", "json"),
            ("log", "reports/2024", "--format", "markdown"))


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.copy(SAMPLE_REPORTS / "2024", "reports/2024")
    repo.commit("2024 report")
    for number in range(39, 44):
        repo.edit(OPS, f"clients_signed: {number - 1} ", f"clients_signed: {number} ")
        repo.commit(f"clients {number}")
    return repo


def outputs(repo: GitRepo) -> list[str]:
    runs = [run_rac(*command, cwd=repo.root) for command in COMMANDS]
    assert all(r.code == 0 for r in runs), [r.err for r in runs]
    return [r.out for r in runs]


def uncached(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    with monkeypatch.context() as m:
        m.setenv("RAC_NO_CACHE", "1")
        return outputs(repo)


def cache_files(repo: GitRepo) -> list[Path]:
    return sorted((repo.root / ".git" / "rac-cache").rglob("*.json"))


def test_cold_warm_and_uncached_agree(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = uncached(repo, monkeypatch)
    assert not cache_files(repo)
    assert outputs(repo) == expected  # cold: fills the cache
    assert len(cache_files(repo)) == 2  # one blame state, one log
    assert outputs(repo) == expected  # warm


def test_new_commits_extend_the_cache(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    outputs(repo)
    repo.edit(OPS, "clients_signed: 43 ", "clients_signed: 50 ")
    repo.commit("clients 50")
    repo.edit("reports/2024/finance.yaml", "\ncall_center_revenue_wan: 8460 ", "\ncall_center_revenue_wan: 8470 ")
    repo.commit("revenue")
    assert outputs(repo) == uncached(repo, monkeypatch)


def test_rewritten_history_is_not_trusted(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    outputs(repo)
    repo.git("reset", "-q", "--hard", "HEAD~2")
    repo.edit(OPS, "clients_signed: 41 ", "clients_signed: 77 ")
    repo.commit("another past")
    assert outputs(repo) == uncached(repo, monkeypatch)


def _garbage(file: Path) -> None:
    file.write_bytes(b"\x00\xff not json")


def _truncated(file: Path) -> None:
    file.write_bytes(file.read_bytes()[: file.stat().st_size // 2])


def _foreign(file: Path) -> None:
    # a valid entry of another key: copied over this one
    other = next(f for f in file.parent.parent.rglob("*.json") if f.parent != file.parent)
    file.write_bytes(other.read_bytes())


def _link(file: Path) -> None:
    target = file.with_suffix(".elsewhere")
    target.write_bytes(file.read_bytes())
    file.unlink()
    os.symlink(target, file)


@pytest.mark.parametrize("damage", [_garbage, _truncated, _foreign, _link])
def test_a_broken_cache_entry_is_ignored(repo: GitRepo, monkeypatch: pytest.MonkeyPatch,
                                         damage: Callable[[Path], None]) -> None:
    expected = uncached(repo, monkeypatch)
    outputs(repo)
    for file in cache_files(repo):
        damage(file)
    assert outputs(repo) == expected


def test_a_forged_entry_for_a_head_that_moved_is_rebuilt(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    """Entries are trusted for the commit they name only; a new commit folds in on top of them."""
    outputs(repo)
    repo.edit(OPS, "clients_signed: 43 ", "clients_signed: 44 ")
    repo.commit("clients 44")
    assert outputs(repo) == uncached(repo, monkeypatch)


def test_no_cache_writes_nothing(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    uncached(repo, monkeypatch)
    assert run_rac("blame", OPS, "--no-cache", cwd=repo.root).code == 0
    assert run_rac("log", "reports/2024", "--no-cache", cwd=repo.root).code == 0
    assert not cache_files(repo)
