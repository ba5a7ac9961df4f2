"""A real pre-commit run in a temporary git repository, using this project's rac-validate hook definition."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import REPO_ROOT, SAMPLE_REPORTS
from tests.gitrepo import hook_env

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _env(tmp_path: Path) -> dict[str, str]:
    return hook_env(tmp_path, "Test Author", "author@example.com")


def _hook_as_local_entry() -> dict[str, object]:
    """This project's published hook, as a `repo: local` entry that runs the installed rac (no fetching)."""
    hooks = YAML(typ="safe").load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = dict(next(h for h in hooks if h["id"] == "rac-validate"))
    hook["language"] = "system"
    return hook


def _git(repo: Path, env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=check)


def test_hook_passes_a_valid_commit_and_blocks_a_broken_one(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    env = _env(tmp_path)
    _git(repo, env, "init", "-q", "-b", "main")
    shutil.copytree(SAMPLE_REPORTS, repo / "reports")
    config = {"repos": [{"repo": "local", "hooks": [_hook_as_local_entry()]}]}
    with (repo / ".pre-commit-config.yaml").open("w", encoding="utf-8") as handle:
        YAML().dump(config, handle)
    _git(repo, env, "add", "-A")
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, check=True,
                   capture_output=True)

    first = _git(repo, env, "commit", "-q", "-m", "2022–2024 reports", check=False)
    assert first.returncode == 0, first.stdout + first.stderr

    ops = repo / "reports" / "2024" / "operations.yaml"
    text = ops.read_text(encoding="utf-8")
    ops.write_text(text.replace("clients_signed: 38", "clients_signed: 39"), encoding="utf-8")
    _git(repo, env, "add", "-A")
    valid = _git(repo, env, "commit", "-q", "-m", "clients signed", check=False)
    assert valid.returncode == 0, valid.stdout + valid.stderr

    ops.write_text(ops.read_text(encoding="utf-8").replace("  total: 610", "  total: six hundred"), encoding="utf-8")
    _git(repo, env, "add", "-A")
    broken = _git(repo, env, "commit", "-q", "-m", "broken", check=False)
    assert broken.returncode != 0
    output = broken.stdout + broken.stderr
    assert "reports/2024/operations.yaml:5:10: error SCHEMA-TYPE" in output
    assert _git(repo, env, "rev-list", "--count", "HEAD").stdout.strip() == "2"
