"""The CI examples in docs/ci are run: their ``run:`` / ``script:`` steps execute in a clone made the way their
checkout step makes it (the depth they set), on a frozen report with a correction, with the documented result.
Steps that install rac or reach the network (pip, apt-get, gh, the GitLab API) are left out: rac is this
interpreter's, and there is no network in tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO_ROOT
from tests.frozen_sample import CORRECTION, frozen_sample
from tests.gitrepo import GitRepo, hook_env

pytestmark = pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None,
                                reason="git and bash are needed to run the CI steps")

DOCS = REPO_ROOT / "docs" / "ci"
OFFLINE = ("pip install", "apt-get", "gh pr", "urllib", "codeql")


@pytest.fixture
def origin(tmp_path: Path) -> GitRepo:
    """``main``: the 2024 report, frozen; ``fix``: a corrected figure with its correction record."""
    repo = frozen_sample(tmp_path / "origin")
    repo.git("checkout", "-q", "-b", "fix")
    repo.edit("reports/2024/operations.yaml", "clients_signed: 38 ", "clients_signed: 41 ")
    repo.write("reports/2024/corrections.yaml", CORRECTION)
    repo.commit("clients signed corrected after the lock")
    return repo


def _clone(origin: GitRepo, into: Path, depth: int) -> Path:
    """A clone of the ``fix`` branch as the checkout step makes it: full history when depth is 0."""
    args = ["git", "clone", "-q", "--branch", "fix", f"file://{origin.root}", str(into)]
    if depth:
        args[3:3] = ["--depth", str(depth)]
    subprocess.run(args, check=True, env=hook_env(into.parent))
    if not depth:
        subprocess.run(["git", "fetch", "-q", "origin", "main:refs/remotes/origin/main"], cwd=into, check=True,
                       env=hook_env(into.parent))
    return into


def _run(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8")


def _offline(script: str) -> bool:
    return not any(word in script for word in OFFLINE)


def test_github_actions_steps(origin: GitRepo, tmp_path: Path) -> None:
    workflow: dict[str, Any] = yaml.safe_load((DOCS / "github-actions.yml").read_text(encoding="utf-8"))
    for name, job in workflow["jobs"].items():
        checkout = next(s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/checkout"))
        depth = int((checkout.get("with") or {}).get("fetch-depth", 1))
        clone = _clone(origin, tmp_path / name, depth)
        env = hook_env(tmp_path)
        env.update(BASE="origin/main", GITHUB_BASE_REF="main")
        for step in job["steps"]:
            script = step.get("run")
            if not script or not _offline(script):
                continue
            for key, value in (step.get("env") or {}).items():
                env[key] = str(value).replace("${{ github.base_ref }}", "main")
            done = _run(script, clone, env)
            assert done.returncode == 0, (name, script, done.stdout, done.stderr)
            if "--format github" in script:
                assert "::error" not in done.stdout  # the corrected figure is not a lock error
        if name == "diff":
            comment = (clone / "rac-diff.md").read_text(encoding="utf-8")
            assert "clients_signed" in comment and "38" in comment and "41" in comment


def test_gitlab_ci_steps(origin: GitRepo, tmp_path: Path) -> None:
    pipeline: dict[str, Any] = yaml.safe_load((DOCS / "gitlab-ci.yml").read_text(encoding="utf-8"))
    depth = int(pipeline.get("variables", {}).get("GIT_DEPTH", 20))  # GitLab's default depth is 20
    for name in ("rac-validate", "rac-diff"):
        clone = _clone(origin, tmp_path / name, depth)
        env = hook_env(tmp_path)
        env.update(CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main")
        # GitLab runs a job's before_script and script lines in one shell, one after the other
        script = "\n".join(line for line in [*pipeline["default"]["before_script"], *pipeline[name]["script"]]
                           if _offline(line))
        done = _run(script, clone, env)
        assert done.returncode == 0, (name, script, done.stdout, done.stderr)
        if name == "rac-validate":
            assert (clone / "rac-junit.xml").read_text(encoding="utf-8").startswith("<?xml")
        else:
            comment = (clone / "rac-diff.md").read_text(encoding="utf-8")
            assert "clients_signed" in comment and "41" in comment


def test_a_shallow_checkout_validates_the_frozen_report_too(origin: GitRepo, tmp_path: Path) -> None:
    """actions/checkout's default (depth 1): no false lock error, and one note on how to get field detail."""
    clone = _clone(origin, tmp_path / "shallow", 1)
    done = _run("rac validate --format github --lang zh", clone, hook_env(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "::error" not in done.stdout and done.stdout.count("fetch-depth: 0") == 1
