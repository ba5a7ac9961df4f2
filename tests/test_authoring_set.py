"""``rac set FILE POINTER VALUE``: checked against the schema, and exactly one place of the file changes."""

from __future__ import annotations

import difflib
from decimal import Decimal
from pathlib import Path

import pytest

from reportascode.model.loader import load_text
from tests.conftest import run_rac


def _changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))]


def test_set_changes_exactly_one_line_of_a_commented_file(workspace: Path) -> None:
    target = workspace / "reports" / "2024" / "operations.yaml"
    before = target.read_text(encoding="utf-8")
    run = run_rac("set", str(target), "/seats/total", "611", "--lang", "en")
    assert run.code == 0, run.err
    after = target.read_text(encoding="utf-8")
    assert _changed_lines(before, after) == [
        "-  total: 610",
        "+  total: 611",
    ]
    line = next(n for n, text in enumerate(after.splitlines(), start=1) if text == "  total: 611")
    assert run.out.strip() == f"reports/2024/operations.yaml:{line}:10: /seats/total = 611"


def test_set_keeps_the_comment_column_and_the_digits(workspace: Path) -> None:
    target = workspace / "reports" / "2024" / "finance.yaml"
    before = target.read_text(encoding="utf-8")
    assert run_rac("set", str(target), "/total_assets_wan", "8460.50").code == 0
    after = target.read_text(encoding="utf-8")
    changed = _changed_lines(before, after)
    assert len(changed) == 2
    old, new = changed[0][1:], changed[1][1:]
    assert new.startswith("total_assets_wan: 8460.50 ")
    assert old.index("#") == new.index("#")
    assert load_text(after, "finance.yaml").data["total_assets_wan"].as_tuple() == Decimal("8460.50").as_tuple()


def test_set_takes_a_number_as_text_where_the_schema_wants_text(workspace: Path) -> None:
    target = workspace / "reports" / "2024" / "company.yaml"
    before = target.read_text(encoding="utf-8")
    assert run_rac("set", str(target), "/postcode", "310014").code == 0
    after = target.read_text(encoding="utf-8")
    assert _changed_lines(before, after) == [
        '-postcode: "310013"                # 邮政编码，按字符串填写',
        '+postcode: "310014"                # 邮政编码，按字符串填写',
    ]


@pytest.mark.parametrize(("pointer", "value", "rule"), [
    ("/seats/total", "many", "SCHEMA-TYPE"),
    ("/seats/total", "-5", "SCHEMA-RANGE"),
    ("/by_province/0/province", "99", "SCHEMA-ENUM"),
    ("/seats/totl", "5", "SCHEMA-UNKNOWN-KEY"),
])
def test_set_refuses_what_the_schema_rejects(workspace: Path, pointer: str, value: str, rule: str) -> None:
    target = workspace / "reports" / "2024" / "operations.yaml"
    before = target.read_bytes()
    run = run_rac("set", str(target), pointer, value, "--lang", "en")
    assert run.code == 1, run.out + run.err
    assert rule in run.err
    assert target.read_bytes() == before


def test_set_usage_errors_exit_2(workspace: Path) -> None:
    target = workspace / "reports" / "2024" / "operations.yaml"
    assert run_rac("set", str(target), "/nope/deeper", "1").code == 2
    assert run_rac("set", str(target), "seats/total", "1").code == 2
    assert run_rac("set", str(workspace / "reports" / "2024" / "nope.yaml"), "/a", "1").code == 2
    assert run_rac("set", str(target), "/seats/total", "[1,").code == 2


def test_set_accepts_the_placeholder_and_a_flow_list(workspace: Path) -> None:
    target = workspace / "reports" / "2024" / "compliance.yaml"
    assert run_rac("set", str(target), "/penalties", "待填").code == 0
    assert "penalties: 待填" in target.read_text(encoding="utf-8")
    assert run_rac("set", str(target), "/penalties", "[]").code == 0
    assert load_text(target.read_text(encoding="utf-8"), "c").data["penalties"] == []


def test_set_adds_a_missing_optional_key(workspace: Path) -> None:
    target = workspace / "reports" / "2024" / "company.yaml"
    before = target.read_text(encoding="utf-8")
    run = run_rac("set", str(target), "/staff/source", "人力资源系统导出 2024-12-31", "--lang", "en")
    assert run.code == 0, run.err
    after = target.read_text(encoding="utf-8")
    assert _changed_lines(before, after) == ["+  source: 人力资源系统导出 2024-12-31"]


def test_set_keeps_bom_and_crlf(workspace: Path) -> None:
    target = workspace / "reports" / "2024" / "meta.yaml"
    text = target.read_text(encoding="utf-8").replace("\n", "\r\n")
    target.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert run_rac("set", str(target), "/submission_date", "null").code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == text.count("\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert "submission_date: null " in raw.decode("utf-8")
