"""A workspace template that fails at run time or never ends: exit 2 naming the template and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportascode.render import env as template_env
from tests.conftest import run_rac

CASES = {
    "division": ("{{ tr('a', 'b') }}\n{{ 1 / 0 }}\n", 2),
    "type": ("line one\n{{ 'a' + 1 }}\n", 2),
    "macro": ("{% macro m() %}{{ m() }}{% endmacro %}\n{{ m() }}\n", None),
    "include": ("x\n{% include 'summary.md' %}\n", None),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_template_runtime_errors_are_exit_2_with_template_and_line(workspace: Path, name: str) -> None:
    source, line = CASES[name]
    (workspace / "templates").mkdir()
    (workspace / "templates" / "summary.md").write_text(source, encoding="utf-8")
    run = run_rac("render", "--lang", "en", "--format", "md", "--draft", "reports/2024", cwd=workspace)
    assert run.code == 2, (run.out, run.err)
    assert "Traceback" not in run.err and "internal error" not in run.err
    assert "templates/summary.md" in run.err
    if line is not None:
        assert f"line {line}" in run.err or f"第 {line} 行" in run.err  # usage errors speak the locale's language


def test_nested_loops_stop_at_the_budget(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(template_env, "TIME_BUDGET", 0.5)
    (workspace / "templates").mkdir()
    (workspace / "templates" / "summary.md").write_text(
        "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}\n", encoding="utf-8")
    run = run_rac("render", "--lang", "en", "--format", "md", "--draft", "reports/2024", cwd=workspace)
    assert run.code == 2, (run.out, run.err)
    assert ("budget" in run.err or "预算" in run.err) and "templates/summary.md" in run.err


def test_output_budget(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(template_env, "OUTPUT_BUDGET", 10_000)
    (workspace / "templates").mkdir()
    (workspace / "templates" / "summary.md").write_text(
        "{% for a in range(100000) %}xxxxxxxxxx{% endfor %}\n", encoding="utf-8")
    run = run_rac("render", "--lang", "en", "--format", "md", "--draft", "reports/2024", cwd=workspace)
    assert run.code == 2, (run.out, run.err)
    assert "budget" in run.err or "预算" in run.err
