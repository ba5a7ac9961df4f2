"""FILL-01: a value written as 待填 (or TODO) is one finding at its own position, and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_rac


def _position(path: Path, text: str) -> tuple[int, int]:
    """1-based line and column of the value in ``text`` (``key: value``) in the file."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number, line.index(text) + text.index(": ") + 3
    raise AssertionError(text)


def _findings(workspace: Path, *args: str) -> list[dict[str, object]]:
    run = run_rac("validate", "reports/2024", "--format", "json", *args, cwd=workspace)
    return list(json.loads(run.out)["findings"])


def test_placeholders_are_fill_01_at_their_position_without_schema_errors(workspace: Path) -> None:
    ops = workspace / "reports" / "2024" / "operations.yaml"
    text = ops.read_text(encoding="utf-8")
    text = text.replace("  total: 610", "  total: 待填").replace("    callback: 4100000", "    callback: TODO")
    ops.write_text(text, encoding="utf-8")
    fin = workspace / "reports" / "2024" / "finance.yaml"
    fin.write_text(fin.read_text(encoding="utf-8").replace("report_date: 2025-03-04         #",
                                                         "report_date: 待填               #"), encoding="utf-8")

    findings = _findings(workspace)
    fills = [f for f in findings if f["rule"] == "FILL-01"]
    assert [(f["file"], f["line"], f["column"], f["pointer"]) for f in fills] == [
        ("reports/2024/finance.yaml", *_position(fin, "report_date: 待填"), "/audit/report_date"),
        ("reports/2024/operations.yaml", *_position(ops, "total: 待填"), "/seats/total"),
        ("reports/2024/operations.yaml", *_position(ops, "callback: TODO"), "/outbound/by_purpose/callback"),
    ]
    assert all(f["severity"] == "error" for f in fills)
    assert not [f for f in findings if str(f["rule"]).startswith("SCHEMA-")]
    on_placeholders = [f for f in findings if f["pointer"] in ("/seats/total", "/audit/report_date")]
    assert {f["rule"] for f in on_placeholders} == {"FILL-01"}

    run = run_rac("validate", "reports/2024", "--lang", "en", cwd=workspace)
    assert run.code == 1
    assert "not filled in yet (placeholder “待填”; 2 of 3 in this report)" in run.out
    zh = run_rac("validate", "reports/2024", "--lang", "zh", cwd=workspace)
    assert "尚未填写（占位符“TODO”；本报告第 3/3 处待填）" in zh.out


def test_a_whole_file_or_list_can_be_a_placeholder(workspace: Path) -> None:
    (workspace / "reports" / "2024" / "explanations.yaml").write_text("# 说明\n待填\n", encoding="utf-8")
    findings = _findings(workspace)
    fills = [f for f in findings if f["rule"] == "FILL-01"]
    assert [(f["file"], f["line"], f["column"], f["pointer"]) for f in fills] == [
        ("reports/2024/explanations.yaml", 2, 1, "")]
    assert not [f for f in findings if f["file"] == "reports/2024/explanations.yaml" and f["rule"] != "FILL-01"]


def test_the_severity_of_fill_01_can_be_lowered_while_drafting(workspace: Path) -> None:
    ops = workspace / "reports" / "2024" / "operations.yaml"
    ops.write_text(ops.read_text(encoding="utf-8").replace("  clients_signed: 38", "  clients_signed: 待填")
                   .replace("clients_signed: 38", "clients_signed: 待填"), encoding="utf-8")
    (workspace / ".reportascode.yaml").write_text("severity:\n  FILL-01: warning\n", encoding="utf-8")
    run = run_rac("validate", "reports/2024", "--format", "json", cwd=workspace)
    fills = [f for f in json.loads(run.out)["findings"] if f["rule"] == "FILL-01"]
    assert len(fills) == 1 and fills[0]["severity"] == "warning"
    assert run.code == 0
