"""The click-free fast path of ``rac log`` and ``rac blame`` (cli/history_argv.py) against click: the same stdout,
stderr and exit code for every command line in the table, in both languages; what the fast path parses is
exactly what the click commands declare; anything unusual is left to click."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from reportascode.cli import history_argv
from reportascode.cli.audit_cmds import blame, log
from reportascode.cli.fast_argv import TEXT
from tests.conftest import SAMPLE_REPORTS, Run, run_rac
from tests.gitrepo import GitRepo

OPS = "reports/2024/operations.yaml"

# command lines the fast path parses itself
FAST = [
    ["log", "reports/2024"],
    ["log", "2024"],
    ["log", "2024", "--format", "json"],
    ["log", "--format=markdown", "2024"],
    ["log", "2024", "--format", "text", "--format", "json"],
    ["log", "2024", "--since", "HEAD~2"],
    ["log", "--since=HEAD~1", "2024", "--no-cache"],
    ["log", "2024", "--no-cache", "--no-cache"],
    ["log", "2024", "--since", "no-such-revision"],
    ["--lang", "en", "log", "2024"],
    ["--lang=en", "log", "2024", "--lang", "zh"],
    ["log", "2024", "--lang", "zh", "--lang=en"],
    ["--traceback", "log", "2024"],
    ["--traceback", "--lang", "en", "log", "reports/2024/meta.yaml"],
    ["log", "HEAD~1:2024"],
    ["log", "HEAD~1:2024", "--format", "json"],
    ["log", "reports/1999"],  # usage errors raised by rac, not by click
    ["log", "log"],
    ["log", "reports"],
    ["blame", OPS],
    ["blame", OPS, "/seats"],
    ["blame", OPS, "/seats/human", "--format", "json"],
    ["blame", "--format=json", OPS],
    ["blame", OPS, "--no-cache", "--lang=en"],
    ["--lang", "en", "blame", OPS, "/clients_signed"],
    ["blame", OPS, "/no_such_field"],
    ["blame", OPS, "/seat"],
    ["blame", "HEAD~1:" + OPS],
    ["blame", "HEAD~1:" + OPS, "/seats", "--format", "json"],
    ["blame", "reports/2024"],
    ["blame", "2024"],
    ["blame", "reports/2024/no_such.yaml"],
    ["blame", "blame"],
]
# command lines left to click: help, usage errors, values click converts or refuses, other forms
CLICK = [
    ["log"],
    ["blame"],
    ["log", "--help"],
    ["log", "2024", "-h"],
    ["--lang", "en", "blame", "--help"],
    ["log", "2024", "extra"],
    ["blame", OPS, "/seats", "/extra"],
    ["log", "2024", "--format", "xml"],
    ["blame", OPS, "--format", "markdown"],
    ["log", "2024", "--format"],
    ["log", "2024", "--since"],
    ["log", "2024", "--since", "-x"],
    ["log", "2024", "--since="],
    ["log", "2024", "--since=--all"],
    ["log", "--", "2024"],
    ["blame", OPS, "--", "/seats"],
    ["log", "2024", "--no-cache=1"],
    ["log", "2024", "--traceback"],
    ["blame", OPS, "-"],
    ["log", "2024", "--lang", "fr"],
    ["--lang", "fr", "log", "2024"],
    ["--lang", "log", "2024"],
    ["log", "2024", "--no-such-option"],
    ["--no-such-option", "log", "2024"],
    ["logs", "2024"],
    ["rules", "log"],
    ["rules", "blame"],
    ["freeze", "2024"],
]


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    repo = GitRepo(tmp_path_factory.mktemp("history") / "repo")
    repo.copy(SAMPLE_REPORTS / "2024", "reports/2024")
    repo.commit("2024 report")
    for number in range(39, 42):
        repo.edit(OPS, f"clients_signed: {number - 1} ", f"clients_signed: {number} ")
        repo.commit(f"clients {number}")
    repo.edit(OPS, "  human: 520", "  human: 530")  # uncommitted: blame says so
    return repo


def _through_click(args: list[str], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    with monkeypatch.context() as patch:
        patch.setattr(history_argv, "parse", lambda _args: None)
        return run_rac(*args, cwd=cwd)


@pytest.mark.parametrize("args", FAST, ids=" ".join)
@pytest.mark.parametrize("config_lang", [None, "en"])
def test_fast_path_gives_what_click_gives(args: list[str], config_lang: str | None, history: GitRepo,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    config = history.root / ".reportascode.yaml"
    if config_lang:
        config.write_text(f"lang: {config_lang}\n", encoding="utf-8")
    try:
        assert history_argv.parse(args) is not None
        fast = run_rac(*args, cwd=history.root)
        slow = _through_click(args, history.root, monkeypatch)
        again = run_rac(*args, cwd=history.root)  # the click run's cache read by the fast path
    finally:
        config.unlink(missing_ok=True)
    assert (fast.code, fast.out, fast.err) == (slow.code, slow.out, slow.err) == (again.code, again.out, again.err)
    assert fast.out or fast.err


@pytest.mark.parametrize("args", CLICK, ids=lambda a: " ".join(a) or "(none)")
def test_anything_unusual_is_left_to_click(args: list[str]) -> None:
    assert history_argv.parse(args) is None


def test_shell_completion_is_left_to_click(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_RAC_COMPLETE", "bash_complete")
    assert history_argv.parse(["log", "2024"]) is None


@pytest.mark.parametrize("command", [log, blame], ids=lambda c: str(c.name))
def test_the_fast_path_parses_what_the_click_command_declares(command: click.Command) -> None:
    """A new option or argument of `rac log`/`rac blame` must be taught to the fast path (or left to click)."""
    fast = history_argv.COMMANDS[str(command.name)]
    declared: dict[str, object] = {}
    for param in command.params:
        if isinstance(param, click.Option):
            for opt in param.opts + param.secondary_opts:
                declared[opt] = "flag" if param.is_flag else (
                    tuple(param.type.choices) if isinstance(param.type, click.Choice) else param.type.name)
    parsed: dict[str, object] = {opt: "flag" for opt in fast.flags}
    parsed.update({opt: "text" if accepted is TEXT else accepted for opt, (_, accepted) in fast.options.items()})
    assert parsed == declared
    arguments = [p for p in command.params if isinstance(p, click.Argument)]
    assert tuple(p.name for p in arguments) == fast.arguments
    assert sum(1 for p in arguments if p.required) == fast.required
    assert {p.name for p in command.params} == set(fast.defaults) | set(fast.arguments)
    given = ["x"] * fast.required
    expected = {**fast.defaults, **dict.fromkeys(fast.arguments), **dict(zip(fast.arguments, given, strict=False))}
    with command.make_context(str(command.name), list(given)) as ctx:  # the values click gives what is not given
        assert ctx.params == expected


def test_the_fast_path_runs_without_click(history: GitRepo) -> None:
    """In a process of its own: click is not imported, and the output equals click's."""
    code = ("import sys\n"
            "from reportascode.cli import main\n"
            "try:\n"
            "    main(sys.argv[1:])\n"
            "finally:\n"
            "    sys.stderr.write('click' in sys.modules and 'CLICK' or 'NO-CLICK')\n")
    env = {**os.environ, "RAC_STRICT_MESSAGES": "1"}
    for fast_args, click_args in ((["log", "--lang", "en", "2024"], ["log", "--lang", "en", "--", "2024"]),
                                  (["blame", OPS, "--format", "json"], ["blame", "--format", "json", "--", OPS])):
        fast = subprocess.run([sys.executable, "-c", code, *fast_args], capture_output=True, text=True,
                              cwd=history.root, env=env)
        assert fast.stderr.endswith("NO-CLICK"), fast.stderr
        slow = subprocess.run([sys.executable, "-c", code, *click_args], capture_output=True, text=True,
                              cwd=history.root, env=env)
        assert slow.stderr.endswith("CLICK") and not slow.stderr.endswith("NO-CLICK"), slow.stderr
        assert (fast.returncode, fast.stdout) == (slow.returncode, slow.stdout) and fast.returncode == 0
        assert fast.stdout


def test_a_history_process_ends_with_everything_written(history: GitRepo) -> None:
    """`python -m reportascode log|blame` (main() of a whole process, which skips the collector's last pass):
    the output is complete and the cache is written, as in-process runs give them."""
    env = {k: v for k, v in os.environ.items() if k != "RAC_NO_CACHE"}
    cache = history.root / ".git" / "rac-cache" / "history"
    for args in (["log", "2024", "--format", "json"], ["blame", OPS], ["log", "2024"]):
        for _ in range(2):  # cold (writes the cache), then warm (reads it)
            run = subprocess.run([sys.executable, "-m", "reportascode", *args], capture_output=True, text=True,
                                 cwd=history.root, env=env)
            expected = run_rac(*args, "--no-cache", cwd=history.root)
            assert (run.returncode, run.stdout, run.stderr) == (expected.code, expected.out, expected.err)
            assert list(cache.rglob("*.json"))
