"""Git and history across trust boundaries: values read from files are validated before git sees them, options
are ended before user data, and a poisoned revision fixed later never breaks log, blame, diff or textconv."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from reportascode.errors import UsageError
from reportascode.history.git import object_id, rac_tag
from tests.conftest import SAMPLE_REPORTS, run_rac
from tests.gitrepo import GitRepo


@pytest.fixture
def poisoned(git_repo: GitRepo) -> GitRepo:
    git_repo.copy(SAMPLE_REPORTS, "reports")
    git_repo.commit("Import the sample reports")
    meta = git_repo.root / "reports" / "2024" / "meta.yaml"
    good = meta.read_bytes()
    meta.write_bytes(b'%YAML 1.3\n---\nschema_version: !!map [1, 2]\nnote: "\\U99999999 \\ud800"\n')
    git_repo.commit("Poison <!-- hide the rest")
    meta.write_bytes(good)
    git_repo.commit("Fix meta.yaml")
    return git_repo


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_log_reports_the_bad_revision_and_goes_on(poisoned: GitRepo, fmt: str) -> None:
    run = run_rac("log", "--lang", "en", "--format", fmt, "reports/2024", cwd=poisoned.root)
    assert run.code == 0, run.err
    assert "Traceback" not in run.err
    if fmt == "json":
        commits = json.loads(run.out)["commits"]
        assert [c["unparseable"] for c in commits if c["message"].startswith("Poison")] == [["meta.yaml"]]
        assert len(commits) == 3
    else:
        assert "Import the sample reports" in run.out  # went on past the bad revision
        assert "unparseable" in run.out
    if fmt == "markdown":
        assert "<!--" not in run.out and "&lt;!--" in run.out


def test_blame_and_diff_survive_a_poisoned_revision(poisoned: GitRepo) -> None:
    blame = run_rac("blame", "--lang", "en", "reports/2024/meta.yaml", cwd=poisoned.root)
    assert blame.code == 0, blame.err
    diff = run_rac("diff", "--lang", "en", "HEAD~1:reports/2024", "reports/2024", cwd=poisoned.root)
    assert diff.code in (0, 1), diff.err
    assert "Traceback" not in diff.err and "internal error" not in diff.err
    assert "meta.yaml" in diff.out


def test_git_log_p_through_textconv_survives(poisoned: GitRepo) -> None:
    init = run_rac("init", ".", "--company", "星澜", "--licence", "B2-20203417", cwd=poisoned.root)
    assert init.code in (0, 2), init.err
    poisoned.git("config", "diff.rac.textconv", "python -m reportascode textconv")
    (poisoned.root / ".gitattributes").write_text("*.yaml diff=rac\n", encoding="utf-8")
    done = subprocess.run(["git", "log", "-p", "--format=%s", "--", "reports/2024/meta.yaml"], cwd=poisoned.root,
                          capture_output=True, text=True, env=poisoned.env())
    assert done.returncode == 0, done.stderr
    assert "Fix meta.yaml" in done.stdout and "Import the sample reports" in done.stdout
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr


def test_values_from_files_are_validated_before_git() -> None:
    assert object_id("a" * 40) == "a" * 40
    for bad in ("--output=/tmp/x", "HEAD", "a" * 39, "-" + "a" * 39, "a" * 40 + "\n"):
        with pytest.raises(UsageError):
            object_id(bad)
    assert rac_tag("rac/星澜/2024/locked") == "rac/星澜/2024/locked"
    for bad in ("rac/acme co/2024/locked", "rac/../x", "other/2024", "rac/a\nb", "rac/x.lock/y", "--output=x"):
        with pytest.raises(UsageError):
            rac_tag(bad)


@pytest.fixture
def git_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    calls: list[list[str]] = []
    real_run, real_popen = subprocess.run, subprocess.Popen

    def run(args: Any, *a: Any, **k: Any) -> Any:
        calls.append(list(args))
        return real_run(args, *a, **k)

    class Popen(real_popen):  # type: ignore[misc, valid-type]
        def __init__(self, args: Any, *a: Any, **k: Any) -> None:
            calls.append(list(args))
            super().__init__(args, *a, **k)

    monkeypatch.setattr(subprocess, "run", run)
    monkeypatch.setattr(subprocess, "Popen", Popen)
    return calls


def test_a_hostile_locked_commit_never_reaches_git_as_an_option(git_repo: GitRepo, git_calls: list[list[str]],
                                                               tmp_path: Path) -> None:
    git_repo.copy(SAMPLE_REPORTS, "reports")
    git_repo.commit("Import")
    assert run_rac("freeze", "reports/2024", cwd=git_repo.root).code in (0, 1)
    manifest = git_repo.root / "reports" / "2024" / ".rac-lock.yaml"
    pwned = tmp_path / "pwned"
    text = re.sub(r"locked_commit: .*", f'locked_commit: "--output={pwned}"', manifest.read_text(encoding="utf-8"))
    manifest.write_text(text, encoding="utf-8")
    git_repo.edit("reports/2024/operations.yaml", "clients_signed: 38", "clients_signed: 41")
    git_repo.commit("Hostile manifest")
    git_calls.clear()
    for args in (("verify", "reports/2024"), ("validate", "--lang", "en", "reports/2024")):
        run = run_rac(*args, cwd=git_repo.root)
        assert run.code == 2, (args, run.out, run.err)
        assert "locked_commit" in run.err or ".rac-lock.yaml" in run.err
        assert "Traceback" not in run.err
    assert not pwned.exists()
    assert not any(a.startswith("--output") for call in git_calls for a in call)


def test_an_entity_folder_with_a_space_is_a_clear_usage_error(git_repo: GitRepo) -> None:
    git_repo.copy(SAMPLE_REPORTS / "2024", "reports/acme co/2024")
    git_repo.commit("An entity folder with a space")
    for command, code in (("freeze", 2), ("verify", 1)):  # a tag can't be named after it; never frozen
        run = run_rac(command, "reports/acme co/2024", cwd=git_repo.root)
        assert run.code == code, (command, run.out, run.err)
        assert "Traceback" not in run.err and "internal error" not in run.err
