"""The click-free fast path of ``rac validate`` (cli/validate_argv.py) against click: the same stdout, stderr and
exit code for every command line in the table, in both languages; what the fast path parses is exactly what the
click command declares; anything unusual is left to click."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from reportascode.cli import validate_argv
from reportascode.cli.validate_cmd import validate
from tests.conftest import REPO_ROOT, Run, run_rac

# command lines the fast path parses itself
FAST = [
    ["validate"],
    ["validate", "reports/2024"],
    ["validate", "reports/2024/meta.yaml", "reports/2024/operations.yaml"],
    ["validate", "2024"],
    ["validate", "2023", "2024"],
    ["validate", "--lang", "en", "reports/2024"],
    ["validate", "--lang=en"],
    ["validate", "--lang", "zh"],
    ["--lang", "en", "validate"],
    ["--lang=en", "validate", "--lang", "zh"],
    ["--lang", "zh", "validate", "--lang", "en", "--lang", "zh"],
    ["--traceback", "validate", "reports/2024"],
    ["validate", "--format", "json", "reports/2024"],
    ["validate", "reports/2024", "--format=sarif"],
    ["validate", "--format", "github", "--lang", "en"],
    ["validate", "--format", "junit", "--format", "text"],
    ["validate", "--strict"],
    ["validate", "--strict", "--lang", "en", "reports/2024"],
    ["validate", "--engine", "reference", "--format", "json"],
    ["validate", "--engine=fast", "-j", "1"],
    ["validate", "-j2", "--jobs", "1"],
    ["validate", "--jobs=3", "reports/2024"],
    ["validate", "--no-cache"],
    ["validate", "--no-cache", "--format", "json", "--no-cache", "reports/2024"],
    ["validate", "reports/1999"],  # a usage error raised by rac, not by click
    ["validate", "notes"],
    ["--lang", "en", "validate", "reports/1999"],
    ["validate", "validate"],
]
# command lines left to click: help, usage errors, values click converts or refuses, other forms
CLICK = [
    [],
    ["--help"],
    ["validate", "--help"],
    ["validate", "-h"],
    ["--version"],
    ["--lang", "en", "validate", "--help"],
    ["validate", "--format", "xml"],
    ["validate", "--format"],
    ["validate", "--format="],
    ["validate", "--lang", "fr"],
    ["--lang", "fr", "validate"],
    ["--lang", "validate"],
    ["validate", "--jobs", "0"],
    ["validate", "--jobs", "007"],
    ["validate", "--jobs", "+2"],
    ["validate", "--jobs", "two"],
    ["validate", "-j"],
    ["validate", "-j=2"],
    ["validate", "--strict=yes"],
    ["validate", "--no-cache=1"],
    ["validate", "--no-such-option"],
    ["validate", "--traceback"],
    ["validate", "--", "reports/2024"],
    ["validate", "-"],
    ["--no-such-option", "validate"],
    ["valid"],
    ["rules", "validate"],
    ["--traceback", "--lang", "en", "rules"],
]


@pytest.fixture
def ws(workspace: Path) -> Path:
    """The sample with an error, a warning and an explained warning, so every format has something to say."""
    ops = workspace / "reports" / "2024" / "operations.yaml"
    ops.write_text(ops.read_text(encoding="utf-8").replace("  human: 520", "  human: -5"), encoding="utf-8")
    (workspace / "reports" / "2024" / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    (workspace / "notes").mkdir()
    return workspace


def _through_click(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    with monkeypatch.context() as patch:
        patch.setattr(validate_argv, "parse", lambda _args: None)
        return run_rac(*args, cwd=cwd)


@pytest.mark.parametrize("args", FAST, ids=" ".join)
@pytest.mark.parametrize("config_lang", [None, "en"])
def test_fast_path_gives_what_click_gives(args: list[str], config_lang: str | None, ws: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    if config_lang:
        (ws / ".reportascode.yaml").write_text(f"lang: {config_lang}\n", encoding="utf-8")
    assert validate_argv.parse(args) is not None
    fast = run_rac(*args, cwd=ws)
    slow = _through_click(args, ws, monkeypatch)
    assert (fast.code, fast.out, fast.err) == (slow.code, slow.out, slow.err)
    assert fast.out or fast.err


@pytest.mark.parametrize("args", CLICK, ids=lambda a: " ".join(a) or "(none)")
def test_anything_unusual_is_left_to_click(args: list[str]) -> None:
    assert validate_argv.parse(args) is None


def test_shell_completion_is_left_to_click(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_RAC_COMPLETE", "bash_complete")
    assert validate_argv.parse(["validate"]) is None


def test_the_fast_path_parses_what_the_click_command_declares() -> None:
    """A new option on `rac validate` must be taught to the fast path (or the fast path leaves it to click)."""
    declared: dict[str, object] = {}
    for param in validate.params:
        if isinstance(param, click.Option):
            for opt in param.opts + param.secondary_opts:
                declared[opt] = "flag" if param.is_flag else (
                    tuple(param.type.choices) if isinstance(param.type, click.Choice) else param.type.name)
    parsed: dict[str, object] = {opt: "flag" for opt in validate_argv.FLAGS}
    parsed.update({opt: accepted if accepted is not None else "integer range"
                   for opt, (_, accepted) in validate_argv.OPTIONS.items()})
    assert parsed == declared
    names = {p.name for p in validate.params}
    assert set(validate_argv.DEFAULTS) | {"selectors"} == names
    with validate.make_context("validate", []) as ctx:  # the values click gives options not on the command line
        assert ctx.params == {**validate_argv.DEFAULTS, "selectors": ()}


def test_the_fast_path_runs_without_click() -> None:
    """In a process of its own, as pre-commit runs it: click is not imported, and output equals click's."""
    code = ("import sys\n"
            "from reportascode.cli import main\n"
            "try:\n"
            "    main(sys.argv[1:])\n"
            "finally:\n"
            "    sys.stderr.write('click' in sys.modules and 'CLICK' or 'NO-CLICK')\n")
    env = {**os.environ, "RAC_STRICT_MESSAGES": "1"}
    fast = subprocess.run([sys.executable, "-c", code, "validate", "--lang", "en", "reports/2024"],
                          capture_output=True, text=True, cwd=REPO_ROOT, env=env)
    assert fast.stderr.endswith("NO-CLICK"), fast.stderr
    slow = subprocess.run([sys.executable, "-c", code, "--traceback", "validate", "--lang", "en", "--",
                           "reports/2024"], capture_output=True, text=True, cwd=REPO_ROOT, env=env)
    assert slow.stderr.endswith("CLICK") and not slow.stderr.endswith("NO-CLICK"), slow.stderr
    assert (fast.returncode, fast.stdout) == (slow.returncode, slow.stdout) and fast.returncode == 0
