"""Hostile XLSX evidence is refused (REC-12, fail closed) or read, never left to run for minutes or fill memory.
Outcomes only: bench/hostile_xlsx.py measures the time and memory of each case."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reportascode.files.xlsx_bounds import BoundedWorkbook, XlsxLimits, XlsxRefused
from tests import hostile_xlsx
from tests.conftest import SAMPLE_REPORTS, run_rac


@pytest.mark.parametrize(("build", "variant"), [
    (hostile_xlsx.huge_row_index, "rows"),
    (lambda p: hostile_xlsx.shared_strings_bomb(p, 40), "part_size"),
    (lambda p: hostile_xlsx.sheet_bomb(p, 40), "ratio"),
    (hostile_xlsx.wide_rows, "cells"),
])
def test_hostile_workbooks_are_refused(tmp_path: Path, build: object, variant: str) -> None:
    path = tmp_path / "x.xlsx"
    build(path)  # type: ignore[operator]
    with pytest.raises(XlsxRefused) as refused, BoundedWorkbook(path) as workbook:
        list(workbook.rows(0))
    assert refused.value.variant == variant


def test_a_declared_dimension_is_never_trusted(tmp_path: Path) -> None:
    path = hostile_xlsx.huge_dimension(tmp_path / "x.xlsx")
    with BoundedWorkbook(path) as workbook:
        rows = list(workbook.rows(0))
    assert [number for number, _ in rows] == [1, 2]
    assert rows[1][1] == ("96801", "3", "2024-01-02", "2024-01-03")


def test_shared_strings_are_counted_before_openpyxl_reads_them(tmp_path: Path) -> None:
    path = hostile_xlsx.shared_strings_bomb(tmp_path / "x.xlsx", 1)  # 1,040 strings of 1,000 characters
    with pytest.raises(XlsxRefused) as refused:
        BoundedWorkbook(path, XlsxLimits(shared_strings=1000, ratio=10**6)).close()
    assert refused.value.variant == "shared_strings"


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(XlsxRefused) as refused:
        BoundedWorkbook(path)
    assert refused.value.variant == "not_xlsx"


@pytest.mark.parametrize("name", ["huge-row-index", "shared-strings-bomb"])
def test_validate_refuses_hostile_evidence_with_rec12(tmp_path: Path, name: str) -> None:
    root = tmp_path / "ws"
    shutil.copytree(SAMPLE_REPORTS / "2024", root / "reports" / "2024")
    evidence = root / "reports" / "2024" / "evidence"
    (evidence / "caller_numbers.csv").unlink()
    if name == "shared-strings-bomb":
        hostile_xlsx.shared_strings_bomb(evidence / "caller_numbers.xlsx", 40)
    else:
        hostile_xlsx.BUILDERS[name](evidence / "caller_numbers.xlsx")
    run = run_rac("validate", "--format", "json", "--lang", "en", "reports/2024", cwd=root)
    assert run.code == 1, run.err
    rec = [f for f in json.loads(run.out)["findings"] if f["rule"] == "REC-12"]
    assert rec and rec[0]["file"] == "reports/2024/evidence/caller_numbers.xlsx"
    assert "not read" in rec[0]["message"]
