"""Shared fixtures: the sample workspace copied to a temporary folder, and running ``rac`` in-process."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.gitrepo import git_repo  # noqa: F401  (the temporary git repository fixture)

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_REPORTS = REPO_ROOT / "reports"


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_rac(*args: str, cwd: Path | None = None) -> Run:
    """Run ``rac`` in this process (fast) and capture its exit code and output."""
    from reportascode.cli import main

    out, err = io.StringIO(), io.StringIO()
    previous = Path.cwd()
    code = 0
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main(list(args))
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 0
    finally:
        os.chdir(previous)
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the sample workspace (reports only) in a temporary folder."""
    root = tmp_path / "ws"
    shutil.copytree(SAMPLE_REPORTS, root / "reports")
    return root


@pytest.fixture(autouse=True)
def _user_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """rac validate's cache for workspaces outside git goes to the user cache folder: the session's own (shared by
    the tests, so they exercise it), never the machine's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "user-cache"))
    monkeypatch.delenv("RAC_NO_CACHE", raising=False)


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests pick their language explicitly; the machine's locale must not leak into outputs."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("RAC_STRICT_MESSAGES", "1")  # an unknown message key or a missing argument raises
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    yield
