"""Large workspaces are validated in worker processes, with exactly the findings of a single process."""

from __future__ import annotations

import shutil
from pathlib import Path

from reportascode.validate.engine import PARALLEL_MIN_REPORTS
from tests.conftest import SAMPLE_REPORTS, run_rac


def test_workers_give_the_same_findings(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    for number in range(PARALLEL_MIN_REPORTS + 2):
        for year in ("2023", "2024"):
            shutil.copytree(SAMPLE_REPORTS / year, root / "reports" / f"c{number:03d}" / year)
    broken = root / "reports" / "c007" / "2024" / "operations.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("  total: 610", "  total: abc"), encoding="utf-8")
    single = run_rac("validate", "--format", "json", "--jobs", "1", cwd=root)
    workers = run_rac("validate", "--format", "json", "--jobs", "2", cwd=root)
    assert single.code == workers.code == 1
    assert single.out == workers.out
    assert f'"reports": {2 * (PARALLEL_MIN_REPORTS + 2)}' in single.out
