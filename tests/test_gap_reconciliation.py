"""The gap analysis carries the reconciliation's discrepancy table when a report has evidence exports."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import run_rac


def test_gap_analysis_includes_the_discrepancy_table(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = run_rac("render", "reports/2024", "--format", "html", "--out", str(out), cwd=workspace)
    assert run.code == 0, run.err
    page = (out / "gap-analysis.html").read_text(encoding="utf-8")
    assert "证据核对差异表" in page and "容差为内部设定，并非监管标准" in page
    table = page[page.index("证据核对差异表"):]
    table = table[: table.index("</table>")]
    assert re.search(r"坐席数与计费中继路数</td><td[^>]*>610</td><td[^>]*>620</td>", table)


def test_no_evidence_no_table(workspace: Path, tmp_path: Path) -> None:
    import shutil

    shutil.rmtree(workspace / "reports" / "2024" / "evidence")
    out = tmp_path / "out"
    assert run_rac("render", "reports/2024", "--format", "html", "--out", str(out), cwd=workspace).code == 0
    assert "证据核对差异表" not in (out / "gap-analysis.html").read_text(encoding="utf-8")
