"""One unit convention for ratios in CLI options and config: a fraction or a percentage written with its sign;
a bare ratio above 1 in the config is an error at its line, not a silent change of meaning."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_rac


def _yoy_warnings(root: Path) -> int | None:
    run = run_rac("validate", "--format", "json", "reports", cwd=root)
    if run.code == 2:
        return None
    return sum(1 for f in json.loads(run.out)["findings"] if f["rule"] == "YOY-01" and f["severity"] == "warning")


def test_a_percentage_with_its_sign_means_the_same_as_the_fraction(workspace: Path) -> None:
    config = workspace / ".reportascode.yaml"
    config.write_text("thresholds:\n  YOY-01:\n    change: 0.15\n", encoding="utf-8")
    as_fraction = _yoy_warnings(workspace)
    config.write_text("thresholds:\n  YOY-01:\n    change: \"15%\"\n", encoding="utf-8")
    assert _yoy_warnings(workspace) == as_fraction and as_fraction


def test_a_bare_ratio_above_one_is_a_config_error_at_its_line(workspace: Path) -> None:
    (workspace / ".reportascode.yaml").write_text("lang: en\nthresholds:\n  YOY-01:\n    change: 30\n",
                                                  encoding="utf-8")
    run = run_rac("validate", "reports", cwd=workspace)
    assert run.code == 2 and "Traceback" not in run.err
    assert "第 4 行第 13 列" in run.err, run.err  # the value's line and column
    assert "0.3" in run.err and "30%" in run.err


def test_a_percent_sign_on_an_amount_threshold_is_refused(workspace: Path) -> None:
    (workspace / ".reportascode.yaml").write_text("thresholds:\n  FIN-04:\n    limit_wan: \"50%\"\n",
                                                  encoding="utf-8")
    assert run_rac("validate", "reports", cwd=workspace).code == 2


def test_diff_threshold_accepts_the_percent_sign(workspace: Path) -> None:
    plain = run_rac("diff", "--format", "json", "--threshold", "50", "2023", "2024", cwd=workspace)
    signed = run_rac("diff", "--format", "json", "--threshold", "50%", "2023", "2024", cwd=workspace)
    assert plain.code == signed.code == 0 and plain.out == signed.out
