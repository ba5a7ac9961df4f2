"""Temporary git repositories for tests, byte-stable: a pinned author, committer, e-mail and date per commit,
``main`` as the first branch, and no system or user git config, so commit ids and history output never vary.

Use the ``git_repo`` fixture (registered in conftest.py), or ``GitRepo(path)`` for a module-scoped history::

    def test_something(git_repo):
        git_repo.copy(SAMPLE_REPORTS / "2024", "reports/2024")
        first = git_repo.commit("Import the 2024 report")
        git_repo.edit("reports/2024/operations.yaml", "clients_signed: 38", "clients_signed: 41")
        second = git_repo.commit("More clients")
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

AUTHOR_NAME = "Li Ming"
AUTHOR_EMAIL = "liming@example.com"
FIRST_DATE = (2025, 1, 6)  # commit n is dated n-1 days later, at 10:00 Beijing time


class GitRepo:
    """A git repository in a folder, driven with pinned identities and dates."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.commits: list[str] = []
        root.mkdir(parents=True, exist_ok=True)
        self.git("-c", "init.defaultBranch=main", "init", "-q")
        self.git("config", "user.name", AUTHOR_NAME)
        self.git("config", "user.email", AUTHOR_EMAIL)
        self.git("config", "commit.gpgsign", "false")
        self.git("config", "tag.gpgsign", "false")
        self.git("config", "core.autocrlf", "false")

    def date(self, number: int | None = None) -> str:
        """The pinned date of commit ``number`` (1-based; default: the next commit)."""
        n = len(self.commits) + 1 if number is None else number
        day = dt.date(*FIRST_DATE) + dt.timedelta(days=n - 1)
        return f"{day.isoformat()}T10:00:00+08:00"

    def env(self, author: tuple[str, str] = (AUTHOR_NAME, AUTHOR_EMAIL)) -> dict[str, str]:
        env = dict(os.environ)
        for variable in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
            env.pop(variable, None)
        date = self.date()
        env.update(
            GIT_AUTHOR_NAME=author[0], GIT_AUTHOR_EMAIL=author[1], GIT_AUTHOR_DATE=date,
            GIT_COMMITTER_NAME=author[0], GIT_COMMITTER_EMAIL=author[1], GIT_COMMITTER_DATE=date,
            GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, LC_ALL="C",
        )
        return env

    def git(self, *args: str, check: bool = True, author: tuple[str, str] = (AUTHOR_NAME, AUTHOR_EMAIL)) -> str:
        done = subprocess.run(["git", *args], cwd=self.root, env=self.env(author), capture_output=True, text=True,
                              encoding="utf-8")
        if check and done.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed: {done.stderr}")
        return done.stdout

    # -- files --------------------------------------------------------------------------------------------------

    def path(self, relative: str) -> Path:
        return self.root / relative

    def write(self, relative: str, text: str) -> None:
        target = self.path(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")

    def read(self, relative: str) -> str:
        return self.path(relative).read_text(encoding="utf-8")

    def copy(self, source: Path, relative: str) -> None:
        shutil.copytree(source, self.path(relative), dirs_exist_ok=True)

    def edit(self, relative: str, old: str, new: str) -> None:
        """Replace text that occurs exactly once in the file."""
        text = self.read(relative)
        assert text.count(old) == 1, f"{old!r} must occur once in {relative}"
        self.write(relative, text.replace(old, new))

    def remove(self, relative: str) -> None:
        self.path(relative).unlink()

    # -- history ------------------------------------------------------------------------------------------------

    def commit(self, message: str, author: tuple[str, str] = (AUTHOR_NAME, AUTHOR_EMAIL)) -> str:
        """Stage everything and commit with the next pinned date; returns the commit id."""
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, author=author)
        sha = self.git("rev-parse", "HEAD").strip()
        self.commits.append(sha)
        return sha


@pytest.fixture
def git_repo(tmp_path: Path) -> Iterator[GitRepo]:
    """An empty git repository with pinned identities and dates."""
    yield GitRepo(tmp_path / "repo")


def hook_env(tmp_path: Path, author: str = "Test Author", email: str = "author@example.com") -> dict[str, str]:
    """Environment for running git and pre-commit as subprocesses: pinned identity and date, a private
    PRE_COMMIT_HOME, and this interpreter's scripts (rac, pre-commit) first on PATH."""
    env = dict(os.environ)
    env.update(
        GIT_AUTHOR_NAME=author, GIT_AUTHOR_EMAIL=email, GIT_COMMITTER_NAME=author, GIT_COMMITTER_EMAIL=email,
        GIT_AUTHOR_DATE="2025-03-01T10:00:00+08:00", GIT_COMMITTER_DATE="2025-03-01T10:00:00+08:00",
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), LANG="C.UTF-8",
        PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
    )
    env.pop("GIT_DIR", None)
    return env
