"""Explanations (explanations.yaml) and the workspace config (.reportascode.yaml): waivers, severity overrides and
thresholds, as a user sees them through ``rac validate``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_rac
from tests.example_edits import edit_file


@pytest.fixture
def workspace(workspace: Path) -> Path:
    for evidence in workspace.glob("reports/*/evidence"):  # reconciliation is not what these tests are about
        shutil.rmtree(evidence)
    return workspace


def validate(root: Path, *args: str) -> tuple[int, dict[str, Any]]:
    run = run_rac("validate", "--format", "json", "--lang", "en", *args, cwd=root)
    assert run.code in (0, 1), run.err
    return run.code, json.loads(run.out)


def config(root: Path, text: str) -> None:
    (root / ".reportascode.yaml").write_text(text, encoding="utf-8")


def explain(root: Path, year: int, check: str, field: str, record: bool = True) -> None:
    """An entry for ``check`` at ``field``, with the values it explains recorded by ``rac explain --add`` (an
    entry without them clears nothing: EXPL-02)."""
    with (root / f"reports/{year}/explanations.yaml").open("a", encoding="utf-8") as stream:
        stream.write(f"- check: {check}\n  field: {field}\n  text_zh: 说明。\n  evidence: []\n")
    if record:
        run = run_rac("explain", check, "--add", f"reports/{year}/{field}", cwd=root)
        assert run.code == 0, run.err


def rules(document: dict[str, Any], key: str = "findings") -> list[tuple[str, str, str]]:
    return sorted((f["rule"], f["file"], f["pointer"]) for f in document[key])


# ---- explanations


def test_an_explanation_clears_a_warning_and_counts_as_explained_not_waived(workspace: Path) -> None:
    edit_file(workspace / "reports/2024/operations.yaml", {"/peak_concurrent_calls": "700"})  # TRK-04 warning
    code, document = validate(workspace, "reports/2024")
    assert ("TRK-04", "reports/2024/operations.yaml", "/peak_concurrent_calls") in rules(document)
    explain(workspace, 2024, "TRK-04", "operations.yaml#/peak_concurrent_calls")
    code, document = validate(workspace, "reports/2024")
    assert code == 0
    assert document["summary"]["warnings"] == 0
    assert ("TRK-04", "reports/2024/operations.yaml", "/peak_concurrent_calls") in rules(document, "explained")
    assert "TRK-04" not in {f["rule"] for f in document["waived"]}
    entry = next(f for f in document["explained"] if f["rule"] == "TRK-04")
    assert entry["explanation"] == "说明。" and "waived_by" not in entry  # no English text: as written


def test_explanations_match_per_field(workspace: Path) -> None:
    (workspace / "reports/2024/explanations.yaml").write_text(
        "- check: YOY-01\n  field: operations.yaml#/seats/total\n  text_zh: 说明。\n  evidence: []\n",
        encoding="utf-8")
    _, document = validate(workspace, "reports/2024")
    assert ("YOY-01", "reports/2024/operations.yaml", "/seats/ai") in rules(document)  # not explained
    assert ("EXPL-01", "reports/2024/explanations.yaml", "/0/field") in rules(document)  # /seats/total: stale


def test_an_error_cannot_be_explained_away(workspace: Path) -> None:
    edit_file(workspace / "reports/2024/operations.yaml", {"/seats/ai_ratio_reported": "0.300"})
    explain(workspace, 2024, "SEAT-02", "operations.yaml#/seats/ai_ratio_reported", record=False)  # not a warning
    code, document = validate(workspace, "reports/2024")
    assert code == 1
    assert document["summary"]["errors"] == 1
    assert ("SEAT-02", "reports/2024/operations.yaml", "/seats/ai_ratio_reported") in rules(document)
    expl = [f for f in document["findings"] if f["rule"] == "EXPL-01"]
    assert [(f["pointer"], f["severity"]) for f in expl] == [("/2/field", "warning")]
    assert "errors cannot be explained" in expl[0]["message"]


def test_a_duplicate_explanation_is_reported(workspace: Path) -> None:
    explain(workspace, 2024, "YOY-01", "operations.yaml#/seats/ai", record=False)
    _, document = validate(workspace, "reports/2024")
    expl = [f for f in document["findings"] if f["rule"] == "EXPL-01"]
    assert [f["pointer"] for f in expl] == ["/2/field"]
    assert "entry 0" in expl[0]["message"]


def test_explanations_of_a_check_turned_off_are_not_stale(workspace: Path) -> None:
    config(workspace, "severity:\n  LIC-02: 'off'\n")
    code, document = validate(workspace, "reports/2024")
    assert code == 0
    assert not [f for f in document["findings"] + document["waived"] if f["rule"] in ("LIC-02", "EXPL-01")]


# ---- waivers


WAIVER = """waivers:
  - rule: TRK-04
    report: reports/2024
    file: operations.yaml
    pointer: /peak_concurrent_calls
    reason: 峰值由临时应急中继承载，合同见附件
    approved_by: 合规部
    expires: {expires}
"""


def test_a_waiver_waives_and_is_listed(workspace: Path) -> None:
    edit_file(workspace / "reports/2024/operations.yaml", {"/peak_concurrent_calls": "700"})
    config(workspace, WAIVER.format(expires="2099-12-31"))
    code, document = validate(workspace)
    assert code == 0
    assert document["summary"]["warnings"] == 0
    assert document["summary"]["waived"] == 1  # the waiver; the sample's three explained warnings are explained
    assert document["summary"]["explained"] == 3
    waived = next(f for f in document["waived"] if f["rule"] == "TRK-04")
    assert waived["waived_by"].startswith("TRK-04 until 2099-12-31")
    text = run_rac("validate", "--lang", "en", cwd=workspace).out
    assert "waived TRK-04" in text and "峰值由临时应急中继承载" in text
    assert "3 explained, 1 waived" in text.splitlines()[-1]
    assert "explained YOY-01" in text


def test_an_expired_waiver_no_longer_waives(workspace: Path) -> None:
    edit_file(workspace / "reports/2024/operations.yaml", {"/peak_concurrent_calls": "700"})
    config(workspace, WAIVER.format(expires="2020-01-01"))
    _, document = validate(workspace)
    assert document["summary"]["warnings"] == 1
    assert ("TRK-04", "reports/2024/operations.yaml", "/peak_concurrent_calls") in rules(document)
    assert run_rac("validate", "--strict", cwd=workspace).code == 1


def test_a_waiver_for_another_pointer_does_not_waive(workspace: Path) -> None:
    edit_file(workspace / "reports/2024/operations.yaml", {"/peak_concurrent_calls": "700"})
    config(workspace, WAIVER.format(expires="2099-12-31").replace("/peak_concurrent_calls", "/seats/total"))
    _, document = validate(workspace)
    assert document["summary"]["warnings"] == 1


# ---- severity overrides


def test_severity_override_raises_a_warning_to_error(workspace: Path) -> None:
    edit_file(workspace / "reports/2024/operations.yaml", {"/peak_concurrent_calls": "700"})
    config(workspace, "severity:\n  TRK-04: error\n")
    code, document = validate(workspace)
    assert code == 1
    assert [(f["rule"], f["severity"]) for f in document["findings"] if f["rule"] == "TRK-04"] == [
        ("TRK-04", "error")]


def test_an_error_override_makes_a_warning_unexplainable_but_keeps_info_notes(workspace: Path) -> None:
    config(workspace, "severity:\n  YOY-01: error\n")
    code, document = validate(workspace)
    assert code == 1
    found = sorted((f["file"], f["severity"]) for f in document["findings"] if f["rule"] == "YOY-01")
    assert found == [("reports/2022/meta.yaml", "info"),  # the "no previous year" note stays a note
                     ("reports/2023/operations.yaml", "error"),
                     ("reports/2024/operations.yaml", "error")]
    # and the explanations of those (now) errors are reported
    assert sorted(f["file"] for f in document["findings"] if f["rule"] == "EXPL-01") == [
        "reports/2023/explanations.yaml", "reports/2024/explanations.yaml"]


def test_severity_off_silences_a_check(workspace: Path) -> None:
    edit_file(workspace / "reports/2024/operations.yaml", {"/seats/ai_ratio_reported": "0.300"})
    config(workspace, "severity:\n  SEAT-02: 'off'\n")
    code, document = validate(workspace)
    assert code == 0
    assert not [f for f in document["findings"] if f["rule"] == "SEAT-02"]


def test_severity_override_demotes_an_error_to_warning(workspace: Path) -> None:
    edit_file(workspace / "reports/2024/operations.yaml", {"/seats/ai_ratio_reported": "0.300"})
    config(workspace, "severity:\n  SEAT-02: warning\n")
    code, document = validate(workspace)
    assert code == 0
    assert document["summary"]["warnings"] == 1


# ---- thresholds


def test_a_threshold_from_the_config(workspace: Path) -> None:
    # 620 channels for 610 seats: 1.6%, within the default 5%
    _, document = validate(workspace, "reports/2024")
    assert not [f for f in document["findings"] if f["rule"] == "TRK-01"]
    config(workspace, "thresholds:\n  TRK-01: {tolerance: 0.01}\n")
    _, document = validate(workspace, "reports/2024")
    trk = [f for f in document["findings"] if f["rule"] == "TRK-01"]
    assert [(f["file"], f["pointer"]) for f in trk] == [("reports/2024/operations.yaml", "/seats/total")]
    assert "1.6%" in trk[0]["message"] and "±1%" in trk[0]["message"]


def test_a_money_band_threshold(workspace: Path) -> None:
    config(workspace, "thresholds:\n  FIN-03: {min_per_seat_wan: 14, max_per_seat_wan: 40}\n")
    _, document = validate(workspace)
    fin = sorted(f["report"] for f in document["findings"] if f["rule"] == "FIN-03")
    assert fin == ["reports/2023", "reports/2024"]  # 13.98 and 13.87 万元 per seat; 2022 has 14.24


def test_a_bad_threshold_is_a_configuration_error(workspace: Path) -> None:
    config(workspace, "thresholds:\n  TRK-01: {tolerance: five}\n")
    run = run_rac("validate", cwd=workspace)
    assert run.code == 2
    assert ".reportascode.yaml" in run.err


def test_a_misspelt_threshold_is_a_configuration_error(workspace: Path) -> None:
    config(workspace, "thresholds:\n  TRK-01:\n    tolerence: 0.01\n")
    run = run_rac("validate", cwd=workspace)
    assert run.code == 2
    assert ".reportascode.yaml 第 3 行第 5 列" in run.err and "tolerence" in run.err
    assert "tolerance" in run.err  # the known names


def test_thresholds_of_ids_that_are_not_builtin_checks_are_left_alone(workspace: Path) -> None:
    config(workspace, "thresholds:\n  ACME-01: {ratio: 0.9}\n")
    assert run_rac("validate", cwd=workspace).code == 0
