"""Inputs that used to end in exit 3: each is now a finding or a clear exit 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REPORTS, run_rac


@pytest.mark.parametrize("year", ["0000", "0001", "1989", "2101", "9999"])
def test_a_year_folder_out_of_range_is_exit_2_or_skipped(workspace: Path, year: str) -> None:
    shutil.copytree(SAMPLE_REPORTS / "2024", workspace / "reports" / year)
    for args in (("validate", f"reports/{year}"), ("timeline", f"reports/{year}"),
                 ("render", "--draft", "--format", "html", f"reports/{year}")):
        run = run_rac(*args, "--lang", "en", cwd=workspace)
        assert run.code == 2, (args, run.err)
        assert "1990" in run.err and "2100" in run.err
    whole = run_rac("validate", "--lang", "en", cwd=workspace)
    assert whole.code in (0, 1), whole.err
    assert f"reports/{year}" not in whole.out


@pytest.mark.parametrize("engine", ["fast", "reference"])
def test_a_reused_anchor_prints_no_dependency_warning(workspace: Path, engine: str) -> None:
    meta = workspace / "reports" / "2024" / "meta.yaml"
    text = meta.read_text(encoding="utf-8")
    text = text.replace("licence_no: B2-20203417", "licence_no: &a B2-20203417", 1)
    text = text.replace("filing_channel: tsm_dxzhgl", "filing_channel: &a tsm_dxzhgl", 1)
    meta.write_text(text, encoding="utf-8")
    run = run_rac("validate", "--lang", "en", "--engine", engine, "reports/2024", cwd=workspace)
    assert run.code in (0, 1), run.err
    assert "Warning" not in run.err and "site-packages" not in run.err


def test_set_and_new_year_with_anchored_values(workspace: Path) -> None:
    company = workspace / "reports" / "2024" / "company.yaml"
    text = company.read_text(encoding="utf-8")
    text = text.replace("name: 星澜联络科技有限公司 ", "name: &n 星澜联络科技有限公司 ", 1)
    company.write_text(text, encoding="utf-8")
    for args in (("set", "reports/2024/company.yaml", "/name", "新名称"),
                 ("set", "reports/2024/company.yaml", "/uscc", "a\x1bb"),
                 ("new-year", "2025")):
        run = run_rac(*args, "--lang", "en", cwd=workspace)
        assert run.code in (0, 1, 2), (args, run.err)
        assert "Traceback" not in run.err and "internal error" not in run.err
