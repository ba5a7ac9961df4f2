"""Numbers at the edge of what the loader keeps as numbers (300 digits, exponents of ±300) in every numeric field:
documents, the build, trends and the diff render them as they are, never exit 3 (Decimal's default context holds 28
digits: rounding a 300-digit amount to two places fails there)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from reportascode.render import figures
from tests.conftest import run_rac

_NUMBER_LINE = re.compile(r"^(\s*(?:- )?[A-Za-z_]+:\s+)(-?\d+(?:\.\d+)?)(\s*(?:#.*)?)$")


def _every_number(root: Path, value: str) -> int:
    changed = 0
    for path in sorted((root / "reports").glob("*/*.yaml")):
        lines = []
        for line in path.read_text(encoding="utf-8").split("\n"):
            match = _NUMBER_LINE.match(line)
            if match and "year" not in line and "version" not in line:
                line = match.group(1) + value + match.group(3)
                changed += 1
            lines.append(line)
        path.write_text("\n".join(lines), encoding="utf-8")
    return changed


@pytest.mark.parametrize("value", ["9.5e+300", "-9.5e+300", "1e-300", "123456789012345678901234567890.125"])
def test_extreme_numbers_render_without_internal_error(workspace: Path, value: str) -> None:
    assert _every_number(workspace, value) > 50
    out = workspace / "out"
    for args in (("render", "reports/2024", "--draft", "--format", "html", "--format", "docx", "--format", "xlsx",
                  "--format", "md", "--out", str(out)),
                 ("trends", "--render", str(workspace / "trends"), "--draft"),
                 ("trends", "--format", "csv"),
                 ("diff", "2023", "2024")):
        run = run_rac("--lang", "en", *args, cwd=workspace)
        assert run.code in (0, 1), (args, run.err[-500:])
    assert (out / "annual-report.docx").is_file()


def test_money_rounds_any_number_of_digits() -> None:
    assert figures.money(Decimal("9.5e+300")).startswith("9,500,000,000")
    assert figures.money(Decimal("9.5e+300")).endswith(".00")
    assert figures.money(Decimal("123456789012345678901234567890.125")) == "123,456,789,012,345,678,901,234,567,890.13"
    assert figures.money(Decimal("1e-300")) == "0.00"


def test_documents_name_every_file_a_finding_can_be_in() -> None:
    from reportascode.render.context import document_name

    assert document_name("reports/2024/operations.yaml", "zh") == "业务数据"
    assert document_name("operations", "en") == document_name("operations.yaml", "en")
    assert document_name("reports/2024/evidence/trunk_bills.csv", "zh") == "证据文件 trunk_bills.csv"
    assert document_name("evidence/trunk_bills.csv", "en") == "evidence file trunk_bills.csv"
    assert document_name("rules/own.yaml", "en") == "Workspace file"
