"""The authoring workflow end to end, in a temporary git repository:

``rac init`` → commit → ``pre-commit run --all-files`` → ``rac new-year`` → ``rac validate`` lists the placeholders
→ each filled with ``rac set`` → ``rac validate`` exits 0 (and the hooks still pass).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reportascode import __version__
from reportascode.model.loader import load_text, resolve_pointer
from reportascode.model.schemas import REPORT_FILES
from tests.conftest import SAMPLE_REPORTS, run_rac
from tests.gitrepo import hook_env

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

COMPANY = "星澜联络科技有限公司"
LICENCE = "B2-20203417"


def _env(tmp_path: Path) -> dict[str, str]:
    return hook_env(tmp_path, "Compliance Bot", "bot@example.com")


def _git(repo: Path, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _pre_commit(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=repo, env=env,
                          capture_output=True, text=True, check=False)


def _one_year_later(value: Any) -> Any:
    """The 2024 value for the same field, as a 2025 value: dates move one year on."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f"{int(value[:4]) + 1}{value[4:]}"
    if isinstance(value, list):
        return [_one_year_later(v) for v in value]
    if isinstance(value, dict):
        return {k: _one_year_later(v) for k, v in value.items()}
    return value


def _as_value_argument(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)  # JSON is YAML flow; Decimals as their text
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _fill_findings(repo: Path, report: str) -> list[dict[str, Any]]:
    run = run_rac("validate", report, "--format", "json", cwd=repo)
    return [f for f in json.loads(run.out)["findings"] if f["rule"] == "FILL-01"]


def test_init_commit_hooks_new_year_fill_validate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "星澜年报"
    env = _env(tmp_path)
    for key in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(key, env[key])  # for the git commands rac runs in this process

    # rac init: a workspace with everything, then a second run that overwrites nothing.
    init = run_rac("init", str(repo), "--company", COMPANY, "--licence", LICENCE, "--year", "2024", "--lang", "en")
    assert init.code == 0, init.out + init.err
    for relative in (".git", ".reportascode.yaml", ".pre-commit-config.yaml", ".gitattributes", "README.md",
                     ".vscode/settings.json", "schemas/1.0/meta.schema.json", "schemas/config.schema.json",
                     *(f"reports/2024/{name}.yaml" for name in REPORT_FILES)):
        assert (repo / relative).exists(), relative
    modeline = (repo / "reports" / "2024" / "operations.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert modeline == "# yaml-language-server: $schema=../../schemas/1.0/operations.schema.json"
    assert (repo / "reports" / "2024" / modeline.split("=", 1)[1]).resolve().is_file()
    precommit = (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "repo: local" in precommit and "entry: rac fmt" in precommit and "entry: rac validate" in precommit
    assert f"#    rev: v{__version__}" in precommit
    assert _git(repo, env, "config", "diff.rac.textconv").strip() == "rac textconv"
    assert "reports/**/*.yaml diff=rac" in (repo / ".gitattributes").read_text(encoding="utf-8")
    readme = (repo / "README.md").read_text(encoding="utf-8")
    assert readme.index("日常操作") < readme.index("In English")

    snapshot = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file() and ".git" not in p.parts}
    again = run_rac("init", str(repo), "--company", "别的公司", "--licence", LICENCE, "--year", "2024", "--lang", "en")
    assert again.code == 0 and "exists, skipped: reports/2024/meta.yaml" in again.out
    assert {p: p.read_bytes() for p in snapshot} == snapshot

    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "-m", "rac init")

    # The skeleton's placeholders block the hooks: a report with unfilled values is not valid.
    blocked = _pre_commit(repo, env)
    assert blocked.returncode == 1 and "FILL-01" in blocked.stdout

    # The team fills in the first year (here: the sample company's 2024 report), and the hooks pass.
    for name in REPORT_FILES:
        shutil.copyfile(SAMPLE_REPORTS / "2024" / f"{name}.yaml", repo / "reports" / "2024" / f"{name}.yaml")
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "-m", "2024 report")
    hooks = _pre_commit(repo, env)
    assert hooks.returncode == 0, hooks.stdout + hooks.stderr
    assert "rac fmt" in hooks.stdout and "rac validate" in hooks.stdout

    # Roll forward; validation lists every placeholder.
    rolled = run_rac("new-year", "2025", "--lang", "en", cwd=repo)
    assert rolled.code == 0, rolled.err
    fills = _fill_findings(repo, "reports/2025")
    assert len(fills) > 50
    assert run_rac("validate", "reports/2025", cwd=repo).code == 1

    # Fill every placeholder with rac set: last year's value for the same field, dates a year on.
    sources: dict[str, Any] = {}
    for finding in fills:
        name = Path(finding["file"]).name
        if name not in sources:
            sources[name] = load_text((SAMPLE_REPORTS / "2024" / name).read_text(encoding="utf-8"), name).data
        value = _one_year_later(resolve_pointer(sources[name], finding["pointer"]))
        done = run_rac("set", finding["file"], finding["pointer"], _as_value_argument(value), cwd=repo)
        assert done.code == 0, (finding, done.err)
    # The licence (and the numbers tied to it) were renewed during 2025.
    for file, pointer in (("licence.yaml", "/expiry_date"), ("numbers.yaml", "/0/valid_until"),
                          ("numbers.yaml", "/1/valid_until")):
        assert run_rac("set", f"reports/2025/{file}", pointer, "2030-06-17", cwd=repo).code == 0

    assert _fill_findings(repo, "reports/2025") == []
    final = run_rac("validate", "reports/2025", "--lang", "en", cwd=repo)
    assert final.code == 0, final.out
    operations = load_text((repo / "reports" / "2025" / "operations.yaml").read_text(encoding="utf-8"), "o").data
    assert operations["seats"]["total"] == 610 and isinstance(operations["avg_talk_seconds"], (int, Decimal))

    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "-m", "2025 report")
    hooks = _pre_commit(repo, env)
    assert hooks.returncode == 0, hooks.stdout + hooks.stderr
    assert _git(repo, env, "status", "--porcelain") == ""  # rac fmt had nothing to change
    log = _git(repo, env, "log", "--format=%an %ad", "--date=iso")
    assert log.splitlines()[0] == "Compliance Bot 2025-03-01 10:00:00 +0800"


def test_schema_vscode_merges_and_export_writes(tmp_path: Path, workspace: Path) -> None:
    settings = workspace / ".vscode" / "settings.json"
    settings.parent.mkdir()
    settings.write_text(json.dumps({"editor.tabSize": 4, "yaml.schemas": {"other.json": ["x.yaml"]}}),
                        encoding="utf-8")
    run = run_rac("schema", "--vscode", "--lang", "en", cwd=workspace)
    assert run.code == 0, run.err
    merged = json.loads(settings.read_text(encoding="utf-8"))
    assert merged["editor.tabSize"] == 4
    assert merged["yaml.schemas"]["other.json"] == ["x.yaml"]
    assert merged["yaml.schemas"]["schemas/1.0/meta.schema.json"] == ["reports/*/meta.yaml", "reports/*/*/meta.yaml"]
    assert (workspace / "schemas" / "1.0" / "meta.schema.json").is_file()
    before = settings.read_bytes()
    assert run_rac("schema", "--vscode", cwd=workspace).code == 0
    assert settings.read_bytes() == before  # nothing to add: not rewritten

    settings.write_text('{\n  // comment\n  "a": 1\n}\n', encoding="utf-8")
    refused = run_rac("schema", "--vscode", cwd=workspace)
    assert refused.code == 2 and settings.read_text(encoding="utf-8") == '{\n  // comment\n  "a": 1\n}\n'

    out = tmp_path / "exported"
    assert run_rac("schema", "--export", str(out)).code == 0
    assert (out / "1.0" / "operations.schema.json").is_file() and (out / "config.schema.json").is_file()
    assert run_rac("schema", "--export", str(out), "--check").code == 0
    (out / "1.0" / "meta.schema.json").write_text("{}", encoding="utf-8")
    assert run_rac("schema", "--export", str(out), "--check").code == 1


def test_init_leaves_existing_files_alone(tmp_path: Path) -> None:
    repo = tmp_path / "existing"
    (repo / ".vscode").mkdir(parents=True)
    (repo / ".vscode" / "settings.json").write_text('{"editor.tabSize": 4}\n', encoding="utf-8")
    (repo / ".gitattributes").write_text("*.png binary\n", encoding="utf-8")
    (repo / "README.md").write_text("# 我们的仓库\n", encoding="utf-8")
    run = run_rac("init", str(repo), "--company", COMPANY, "--licence", LICENCE, "--year", "2023", "--lang", "en")
    assert run.code == 0, run.out + run.err
    assert (repo / ".vscode" / "settings.json").read_text(encoding="utf-8") == '{"editor.tabSize": 4}\n'
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == "*.png binary\n"
    assert (repo / "README.md").read_text(encoding="utf-8") == "# 我们的仓库\n"
    assert "exists, skipped: .gitattributes (add: reports/**/*.yaml diff=rac)" in run.out
    assert "exists, skipped: README.md" in run.out
    assert (repo / "reports" / "2023" / "meta.yaml").is_file()
    assert run_rac("init", str(repo), "--company", COMPANY, "--licence", "B2-123").code == 2
