"""Never a way in: no network, schema references kept inside the workspace and the package, no path out of the
workspace (reports, report files, evidence, templates), no shell, and no user data that git could take for an
option."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reportascode.model.schemas import packaged_schema_dir
from tests.conftest import REPO_ROOT, SAMPLE_REPORTS, run_rac
from tests.gitrepo import GitRepo

SOURCE = REPO_ROOT / "src" / "reportascode"
SECRET = "TOP-SECRET-OUTSIDE-THE-WORKSPACE"


# -- no network ----------------------------------------------------------------------------------------------------

class NetworkAttempt(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every way out of this process to the network raises, and is recorded."""
    attempts: list[str] = []

    def refuse(name: str) -> Any:
        def refused(*args: object, **kwargs: object) -> Any:
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise NetworkAttempt(f"network access attempted: {name}")
        return refused

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket.socket, "sendto", refuse("socket.sendto"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    yield attempts


@pytest.fixture
def sample_repo(git_repo: GitRepo) -> GitRepo:
    git_repo.copy(SAMPLE_REPORTS, "reports")
    git_repo.commit("Import the sample reports")
    git_repo.edit("reports/2024/operations.yaml", "clients_signed: 38", "clients_signed: 41")
    git_repo.commit("More clients")
    return git_repo


def test_no_network_for_validate_render_diff_and_log(sample_repo: GitRepo, no_network: list[str]) -> None:
    root = sample_repo.root
    runs = {
        "validate": run_rac("validate", "--format", "json", cwd=root),
        "render": run_rac("render", "2024", "--format", "html", "--out", str(root / "out"), cwd=root),
        "render-md": run_rac("render", "2023", "--format", "md", "--out", str(root / "out-md"), cwd=root),
        "diff": run_rac("diff", "HEAD~1:reports/2024", "reports/2024", cwd=root),
        "diff-years": run_rac("diff", "2023", "2024", "--format", "json", cwd=root),
        "log": run_rac("log", "reports/2024", cwd=root),
        "blame": run_rac("blame", "reports/2024/operations.yaml", cwd=root),
    }
    for name, run in runs.items():
        assert run.code in (0, 1), (name, run.err)
        assert "NetworkAttempt" not in run.err + run.out, name
    assert no_network == []
    assert (root / "out" / "annual-report.html").is_file()
    assert "clients_signed" in runs["log"].out


def test_the_socket_block_itself_works(no_network: list[str]) -> None:
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("example.com", 80))
    assert no_network


@pytest.mark.parametrize(
    "ref",
    ["http://example.com/schemas/common.schema.json#/$defs/licence_no", "https://evil.example/x.json",
     "file:///etc/passwd", "/etc/passwd", "../../../etc/passwd.schema.json", "//evil.example/x.schema.json",
     "no-such.schema.json#/$defs/x"],
)
def test_a_schema_reference_out_of_the_workspace_is_a_finding(workspace: Path, no_network: list[str],
                                                              ref: str) -> None:
    schemas = workspace / "schemas" / "1.0"
    shutil.copytree(packaged_schema_dir() / "1.0", schemas)
    path = schemas / "meta.schema.json"
    text = path.read_text(encoding="utf-8")
    old = '"$ref": "common.schema.json#/$defs/licence_no"'
    assert text.count(old) == 1
    path.write_text(text.replace(old, f'"$ref": {json.dumps(ref)}'), encoding="utf-8")
    line = next(n for n, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if json.dumps(ref) in t)
    column = path.read_text(encoding="utf-8").splitlines()[line - 1].index(json.dumps(ref)) + 1
    run = run_rac("validate", "--format", "json", "--lang", "en", "reports/2024", cwd=workspace)
    assert run.code == 1, run.err
    assert "Traceback" not in run.err
    found = [f for f in json.loads(run.out)["findings"] if f["rule"] == "SCHEMA-REF"]
    assert {"file": "schemas/1.0/meta.schema.json", "line": line, "column": column} in [
        {k: f[k] for k in ("file", "line", "column")} for f in found], found
    assert ref in found[0]["message"]
    assert no_network == []
    for engine in ("reference", "fast"):
        again = run_rac("validate", "--format", "json", "--engine", engine, "reports/2024", cwd=workspace)
        assert again.code == 1 and no_network == []


def test_a_schema_file_linked_from_outside_is_not_used(workspace: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.schema.json"
    outside.write_text('{"type": "object", "required": ["' + SECRET + '"]}', encoding="utf-8")
    (workspace / "schemas" / "1.0").mkdir(parents=True)
    (workspace / "schemas" / "1.0" / "meta.schema.json").symlink_to(outside)
    run = run_rac("validate", "--format", "json", "reports/2024", cwd=workspace)
    assert run.code == 0, run.out
    assert SECRET not in run.out


# -- paths -------------------------------------------------------------------------------------------------------

def test_render_refuses_paths_out_of_the_workspace(workspace: Path) -> None:
    for target in ("../../etc", "/etc", "..", "reports/../../x"):
        run = run_rac("render", target, "--format", "md", cwd=workspace)
        assert run.code == 2, (target, run.out, run.err)
        assert "Traceback" not in run.err
    assert not (workspace / "build").exists()


def test_a_report_folder_outside_reports_is_refused(workspace: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "2025"
    shutil.copytree(SAMPLE_REPORTS / "2024", elsewhere)
    (workspace / "reports" / "2025").symlink_to(elsewhere, target_is_directory=True)
    shutil.copytree(SAMPLE_REPORTS / "2024", workspace / "other" / "2024")
    meta = elsewhere / "meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("report_year: 2024", "report_year:   2024"),
                    encoding="utf-8")
    before = meta.read_bytes()
    for target in ("reports/2025", "other/2024", str(elsewhere)):
        for command in ("validate", "render"):
            run = run_rac(command, target, cwd=workspace)
            assert run.code == 2, (command, target, run.out, run.err)
        run_rac("fmt", target, cwd=workspace)  # fmt leaves anything but a report's files alone
        assert meta.read_bytes() == before
    everything = run_rac("validate", "--format", "json", cwd=workspace)
    assert "reports/2025" not in everything.out
    for path in (str(elsewhere / "operations.yaml"), "reports/2025/operations.yaml"):
        set_outside = run_rac("set", path, "/clients_signed", "1", cwd=workspace)
        assert set_outside.code == 2, set_outside.err
    assert "clients_signed: 38" in (elsewhere / "operations.yaml").read_text(encoding="utf-8")


def test_a_report_file_linked_out_of_the_workspace_is_never_read(workspace: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text(f"{SECRET}: [unclosed\n", encoding="utf-8")
    meta = workspace / "reports" / "2024" / "meta.yaml"
    meta.unlink()
    meta.symlink_to(secret)
    run = run_rac("validate", "--format", "json", "--lang", "en", "reports/2024", cwd=workspace)
    assert run.code == 1
    assert SECRET not in run.out
    found = [f for f in json.loads(run.out)["findings"] if f["file"] == "reports/2024/meta.yaml"]
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [("LOAD-READ", 1, 1)]
    assert "outside the workspace" in found[0]["message"]
    fmt = run_rac("fmt", "reports/2024", cwd=workspace)
    assert SECRET not in fmt.out + fmt.err and secret.read_text(encoding="utf-8").startswith(SECRET)


def test_an_evidence_file_linked_out_of_the_report_is_never_read(workspace: Path, tmp_path: Path) -> None:
    evidence = workspace / "reports" / "2024" / "evidence"
    target = next(p for p in sorted(evidence.iterdir()) if p.suffix == ".csv")
    secret = tmp_path / "secret.csv"
    secret.write_text(f"{SECRET}\n" + target.read_text(encoding="utf-8"), encoding="utf-8")
    target.unlink()
    target.symlink_to(secret)
    run = run_rac("validate", "--format", "json", "--lang", "en", "reports/2024", cwd=workspace)
    assert SECRET not in run.out
    found = [f for f in json.loads(run.out)["findings"] if f["file"] == f"reports/2024/evidence/{target.name}"]
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [("REC-12", 1, 1)]
    assert "outside the report folder" in found[0]["message"]


def test_diff_never_shows_a_file_linked_out_of_the_workspace(sample_repo: GitRepo, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text(f"password: {SECRET}\n", encoding="utf-8")
    meta = sample_repo.root / "reports" / "2024" / "meta.yaml"
    meta.unlink()
    meta.symlink_to(secret)
    for args in (("diff", "HEAD:reports/2024", "reports/2024"), ("diff", "2023", "2024", "--format", "json")):
        run = run_rac(*args, "--lang", "en", cwd=sample_repo.root)
        assert run.code == 0, (args, run.err)
        assert SECRET not in run.out + run.err, args
        assert "outside the workspace" in run.out, args
    alone = run_rac("diff", "reports/2024/meta.yaml", cwd=sample_repo.root)  # the link itself: refused
    assert alone.code == 2 and SECRET not in alone.out + alone.err
    if hasattr(os, "mkfifo"):
        os.mkfifo(sample_repo.root / "reports" / "pipe.yaml")
        run = run_rac("diff", "reports/pipe.yaml", "reports/2024/operations.yaml", cwd=sample_repo.root)
        assert run.code == 2 and "Traceback" not in run.err


@pytest.mark.parametrize(
    "source",
    [
        "{% include '/etc/passwd' %}",
        "{% include '../../../../etc/passwd' %}",
        "{% import '../secret.txt' as s %}",
        "{{ environ }}",
        "{{ self.__init__.__globals__ }}",
        "{{ tr.__globals__['os'].environ }}",
        "{{ ''.__class__.__base__.__subclasses__() }}",
        "{{ document|attr('__class__') }}",
        "{{ range.__self__ }}",
    ],
)
def test_templates_reach_no_file_environment_or_interpreter(workspace: Path, source: str) -> None:
    (workspace / "templates").mkdir()
    (workspace / "templates" / "summary.md").write_text(f"ok\n{source}\n", encoding="utf-8")
    run = run_rac("render", "2024", "--format", "md", "--out", str(workspace / "out"), cwd=workspace)
    assert run.code == 2, run.out
    assert "Traceback" not in run.err and "root:" not in run.err
    assert not (workspace / "out").exists()


def test_a_template_linked_out_of_the_template_folder_is_refused(workspace: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text(SECRET, encoding="utf-8")
    (workspace / "templates").mkdir()
    (workspace / "templates" / "summary.md").symlink_to(secret)
    run = run_rac("render", "2024", "--format", "md", "--out", str(workspace / "out"), cwd=workspace)
    assert run.code == 2
    assert SECRET not in run.out + run.err
    assert not (workspace / "out").exists()


# -- no shell, and git never takes user data for an option --------------------------------------------------------

def test_no_shell_anywhere() -> None:
    offenders = []
    for path in list(SOURCE.rglob("*.py")) + list((REPO_ROOT / "tools").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if any(s in line for s in ("shell=True", "os.system(", "os.popen(", "subprocess.getoutput",
                                       "subprocess.getstatusoutput", "pty.spawn")):
                offenders.append(f"{path.relative_to(REPO_ROOT)}:{number}")
    assert offenders == []


@pytest.fixture
def git_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every git command line the tool runs."""
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


@pytest.mark.parametrize(
    "args",
    [
        ("diff", "--", "-x:reports/2024"),
        ("diff", "--", "--output=/tmp/rac-pwned:reports/2024", "reports/2024"),
        ("diff", "reports/2024", "--", "-p:reports/2024"),
        ("log", "--since=-p", "reports/2024"),
        ("log", "--since=--output=/tmp/rac-pwned", "reports/2024"),
        ("log", "--since", "--all", "reports/2024"),
    ],
    ids=["diff-x", "diff-output", "diff-second", "log-p", "log-output", "log-all"],
)
def test_git_never_takes_user_data_for_an_option(sample_repo: GitRepo, git_calls: list[list[str]],
                                                 args: tuple[str, ...]) -> None:
    run = run_rac(*args, cwd=sample_repo.root)
    assert run.code == 2, (run.out, run.err)
    assert "Traceback" not in run.err
    user = {a.split("=", 1)[-1].split(":", 1)[0] for a in args if a.startswith("-") and a != "--"}
    user |= {a.split(":", 1)[0] for a in args if a.startswith("-") and ":" in a}
    for call in git_calls:
        assert not any(arg in user or arg.startswith("--output") for arg in call[1:]), call
    assert not Path("/tmp/rac-pwned").exists()


def test_paths_given_to_git_follow_a_double_dash(sample_repo: GitRepo, git_calls: list[list[str]]) -> None:
    (sample_repo.root / "reports" / "-p").mkdir()
    shutil.copytree(SAMPLE_REPORTS / "2024", sample_repo.root / "reports" / "-p" / "2024")
    sample_repo.commit("An entity folder named -p")
    for args in (("log", "reports/-p/2024"), ("blame", "reports/-p/2024/meta.yaml")):
        run = run_rac(*args, cwd=sample_repo.root)
        assert run.code == 0, (args, run.err)
    for call in git_calls:
        if call[:1] == ["git"] and any("-p/2024" in a for a in call):
            assert "--" in call and all(call.index("--") < i for i, a in enumerate(call) if "-p/2024" in a), call
