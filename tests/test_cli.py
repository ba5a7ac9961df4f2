"""The command-line contract: exit codes, path mapping, --strict, languages, and a light validate path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, run_rac


def test_sample_workspace_is_valid() -> None:
    run = run_rac("validate", cwd=REPO_ROOT)
    assert run.code == 0, run.out + run.err


def test_a_file_maps_to_its_whole_report(workspace: Path) -> None:
    run = run_rac("validate", "--format", "json", "reports/2024/meta.yaml", "reports/2024/company.yaml",
                  cwd=workspace)
    summary = json.loads(run.out)["summary"]
    assert summary["reports"] == 1 and summary["files"] == 11


def test_entity_layout_is_discovered(workspace: Path) -> None:
    (workspace / "reports" / "acme").mkdir()
    (workspace / "reports" / "2024").rename(workspace / "reports" / "acme" / "2024")
    run = run_rac("validate", "--format", "json", cwd=workspace)
    reports = {f["report"] for f in json.loads(run.out)["findings"]} | {"-"}
    assert json.loads(run.out)["summary"]["reports"] == 3
    assert run.code == 0, reports


def test_no_workspace_is_a_usage_error(tmp_path: Path) -> None:
    run = run_rac("validate", cwd=tmp_path)
    assert run.code == 2
    assert "reports/" in run.err


def test_unknown_option_is_a_usage_error(workspace: Path) -> None:
    assert run_rac("validate", "--no-such-option", cwd=workspace).code == 2


def test_path_outside_reports_is_a_usage_error(workspace: Path) -> None:
    (workspace / "notes").mkdir()
    assert run_rac("validate", "notes", cwd=workspace).code == 2


def test_missing_path_is_a_usage_error(workspace: Path) -> None:
    assert run_rac("validate", "reports/1999", cwd=workspace).code == 2


def test_broken_config_is_a_usage_error_with_position(workspace: Path) -> None:
    (workspace / ".reportascode.yaml").write_text("lang: fr\n", encoding="utf-8")
    run = run_rac("validate", cwd=workspace)
    assert run.code == 2
    assert ".reportascode.yaml" in run.err and "1" in run.err


def test_strict_fails_on_warnings(workspace: Path) -> None:
    (workspace / "reports" / "2024" / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    assert run_rac("validate", "reports/2024", cwd=workspace).code == 0
    assert run_rac("validate", "--strict", "reports/2024", cwd=workspace).code == 1


def test_internal_error_is_one_line_exit_3(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reportascode.validate.engine as validation

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(validation, "validate_report", explode)
    run = run_rac("validate", cwd=workspace)
    assert run.code == 3
    assert "Traceback" not in run.err and "boom" in run.err and len(run.err.strip().splitlines()) == 1
    with pytest.raises(RuntimeError):
        from reportascode.cli import main

        main(["--traceback", "validate", str(workspace / "reports")])


def test_module_entry_point_and_version() -> None:
    out = subprocess.run([sys.executable, "-m", "reportascode", "--version"], capture_output=True, text=True,
                         check=True).stdout
    assert out.startswith("rac, version")


def test_validate_imports_no_heavy_library() -> None:
    """A pre-commit run must start fast: validating one report imports neither jinja2, git nor a renderer, nor
    what only other paths need: click (tests/test_validate_argv.py), email and socket (model/fast_schema_engine.py),
    the JUnit format's XML library, difflib (only for a misspelt name), nor run inspect's code (imported by
    dataclasses, used only for a dataclass without a docstring: cli/deferred_imports.py)."""
    code = (
        "import sys\n"
        "from reportascode.cli import main\n"
        "try:\n"
        "    main(['validate', 'reports/2024'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('jinja2', 'git', 'docx', 'openpyxl', 'weasyprint', 'matplotlib', 'ruamel', 'jsonschema',\n"
        "         'click', 'socket', 'xml', 'difflib', 'pkgutil', 'dis', 'tokenize', 'calendar')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
        "print(type(sys.modules['inspect']).__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, check=True)
    assert out.stdout.strip().splitlines()[-2:] == ["[]", "_DeferredModule"], out.stdout


def test_both_engines_give_the_same_findings(workspace: Path) -> None:
    ops = workspace / "reports" / "2024" / "operations.yaml"
    ops.write_text(ops.read_text(encoding="utf-8").replace("  human: 520", "  humans: 520"), encoding="utf-8")
    a = run_rac("validate", "--format", "json", "--engine", "reference", cwd=workspace).out
    b = run_rac("validate", "--format", "json", "--engine", "fast", cwd=workspace).out
    assert a == b


def test_config_and_rule_files_select_every_report(workspace: Path) -> None:
    """pre-commit passes a changed rule file or config: every report is revalidated."""
    (workspace / "rules").mkdir()
    (workspace / "rules" / "extra.yaml").write_text("rules: []\n", encoding="utf-8")
    (workspace / ".reportascode.yaml").write_text("lang: en\n", encoding="utf-8")
    for path in ("rules/extra.yaml", ".reportascode.yaml"):
        run = run_rac("validate", "--format", "json", path, cwd=workspace)
        assert json.loads(run.out)["summary"]["reports"] == 3, run.err
