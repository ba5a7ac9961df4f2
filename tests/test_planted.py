"""The planted errors of domain §6, planted into a copy of the clean sample: each is caught at its field, and
nothing else is raised; the expected warnings come and go with their explanations."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from reportascode.model.loader import load_bytes
from tests.conftest import run_rac
from tests.example_edits import edit_file

GUANGZHOU_SITE = (
    "{id: GD-GZ-01, name: 星澜联络科技有限公司广州运营场地, uscc: 91330106MA2K7Q3P10, kind: 运营场地, "
    'province: "44", city: 广州市, address: 广东省广州市天河区天河路 385 号 20 层, established: 2023-03-01, '
    "closed: null, operates_b24: true, seats: 30, staff: 35}"
)
GUANGDONG_ROW = ('{province: "44", seats: 30, ai_seats: 0, inbound_answered: 1200000, outbound_connected: 130000, '
                 "revenue_wan: 400, site_id: GD-GZ-01}")
GUANGDONG_TRUNK = (
    '{id: TRK-GD-CT-01, carrier: 中国电信, province: "44", kind: SIP, channels: 30, contract_no: CT-GD-2023-0301, '
    "contract_start: 2023-03-01, contract_end: 2025-02-28, numbers: [400-000-7788], direction: in, sublet: false}"
)


@pytest.fixture
def workspace(workspace: Path) -> Path:
    """The sample reports without their evidence exports: the planted errors are about the report data (carrier
    bills that no longer match the planted trunks are the reconciliation's business, not these tests')."""
    for evidence in workspace.glob("reports/*/evidence"):
        shutil.rmtree(evidence)
    return workspace


def plant_2022_seat02(root: Path) -> None:
    edit_file(root / "reports/2022/operations.yaml", {"/seats/ai_ratio_reported": "0.080"})


def plant_2023_geo01(root: Path) -> None:
    """A 广州 operating site outside the coverage, with 30 seats and a 30-channel trunk moved from 浙江."""
    year = root / "reports/2023"
    edit_file(year / "branches.yaml", {"/0/seats": "270", "/0/staff": "410", "/3": GUANGZHOU_SITE})
    edit_file(year / "operations.yaml", {
        "/by_province/0/seats": "270",
        "/by_province/0/inbound_answered": "11050000",
        "/by_province/0/outbound_connected": "1230000",
        "/by_province/0/revenue_wan": "3780",
        "/by_province/3": GUANGDONG_ROW,
    })
    edit_file(year / "trunks.yaml", {"/0/channels": "270", "/3": GUANGDONG_TRUNK})
    edit_file(year / "numbers.yaml", {"/2/trunk_ids": "[TRK-ZJ-CT-01, TRK-AH-CU-01, TRK-GD-CT-01]"})


def plant_2024_fin02(root: Path) -> None:
    edit_file(root / "reports/2024/finance.yaml", {"/audit/special_report/audited_call_center_revenue_wan": "8640"})


def validate_json(root: Path, *args: str) -> tuple[int, dict[str, Any]]:
    run = run_rac("validate", "--format", "json", "--lang", "en", *args, cwd=root)
    return run.code, json.loads(run.out)


def position(root: Path, file: str, pointer: str) -> tuple[int, int]:
    path = root / file
    return load_bytes(path.read_bytes(), file).value_position(pointer)


def located(root: Path, rule: str, file: str, pointer: str) -> tuple[str, str, str, int, int]:
    return (rule, file, pointer, *position(root, file, pointer))


def errors(document: dict[str, Any]) -> list[tuple[str, str, str, int, int]]:
    return sorted((f["rule"], f["file"], f["pointer"], f["line"], f["column"])
                  for f in document["findings"] if f["severity"] == "error")


def warnings(document: dict[str, Any]) -> list[tuple[str, str, str]]:
    return sorted((f["rule"], f["file"], f["pointer"]) for f in document["findings"] if f["severity"] == "warning")


def test_the_clean_sample_has_no_errors_and_every_warning_explained(workspace: Path) -> None:
    code, document = validate_json(workspace)
    assert code == 0
    summary = document["summary"]
    assert (summary["errors"], summary["warnings"], summary["explained"], summary["waived"]) == (0, 0, 3, 0)
    assert document["waived"] == []
    assert sorted((f["rule"], f["file"], f["pointer"]) for f in document["explained"]) == [
        ("LIC-02", "reports/2024/licence.yaml", "/expiry_date"),
        ("YOY-01", "reports/2023/operations.yaml", "/seats/ai"),
        ("YOY-01", "reports/2024/operations.yaml", "/seats/ai"),
    ]
    assert all(f["explanation"] and "waived_by" not in f for f in document["explained"])


def test_2022_seat02_is_caught(workspace: Path) -> None:
    plant_2022_seat02(workspace)
    code, document = validate_json(workspace, "reports/2022")
    assert code == 1
    assert errors(document) == [located(workspace, "SEAT-02", "reports/2022/operations.yaml",
                                        "/seats/ai_ratio_reported")]
    assert warnings(document) == []


def test_2023_geo01_is_caught_and_nothing_else(workspace: Path) -> None:
    plant_2023_geo01(workspace)
    code, document = validate_json(workspace, "reports/2023")
    assert code == 1
    assert errors(document) == sorted([
        located(workspace, "GEO-01", "reports/2023/branches.yaml", "/3/province"),
        located(workspace, "GEO-01", "reports/2023/operations.yaml", "/by_province/3/province"),
    ])
    assert warnings(document) == []  # GEO-02 and TRK-01 stay quiet: the data is otherwise consistent


def test_2024_fin02_is_caught(workspace: Path) -> None:
    plant_2024_fin02(workspace)
    code, document = validate_json(workspace, "reports/2024")
    assert code == 1
    assert errors(document) == [located(workspace, "FIN-02", "reports/2024/finance.yaml", "/call_center_revenue_wan")]
    message = next(f["message"] for f in document["findings"] if f["rule"] == "FIN-02")
    assert "8460" in message and "8640" in message


def test_all_three_planted_together(workspace: Path) -> None:
    plant_2022_seat02(workspace)
    plant_2023_geo01(workspace)
    plant_2024_fin02(workspace)
    code, document = validate_json(workspace)
    assert code == 1
    assert [e[0] for e in errors(document)] == ["FIN-02", "GEO-01", "GEO-01", "SEAT-02"]
    assert document["summary"]["warnings"] == 0


def test_expected_warnings_appear_without_their_explanations(workspace: Path) -> None:
    for year in ("2023", "2024"):
        (workspace / "reports" / year / "explanations.yaml").write_text("[]\n", encoding="utf-8")
    code, document = validate_json(workspace)
    assert code == 0  # warnings do not fail validation
    assert warnings(document) == [
        ("LIC-02", "reports/2024/licence.yaml", "/expiry_date"),
        ("YOY-01", "reports/2023/operations.yaml", "/seats/ai"),
        ("YOY-01", "reports/2024/operations.yaml", "/seats/ai"),
    ]
    assert document["summary"]["waived"] == 0
    assert run_rac("validate", "--strict", cwd=workspace).code == 1


def test_a_stale_explanation_is_reported(workspace: Path) -> None:
    path = workspace / "reports/2024/explanations.yaml"
    with path.open("a", encoding="utf-8") as stream:
        stream.write("- check: YOY-01\n  field: operations.yaml#/seats/total\n  text_zh: 坐席增加。\n  evidence: []\n")
    code, document = validate_json(workspace)
    assert code == 0
    stale = [f for f in document["findings"] if f["rule"] == "EXPL-01"]
    assert [(f["file"], f["pointer"]) for f in stale] == [("reports/2024/explanations.yaml", "/2/field")]
    assert (stale[0]["line"], stale[0]["column"]) == position(workspace, "reports/2024/explanations.yaml", "/2/field")
    assert "operations.yaml#/seats/total" in stale[0]["message"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_planted_messages_name_the_other_files(workspace: Path, lang: str) -> None:
    plant_2023_geo01(workspace)
    run = run_rac("validate", "--lang", lang, "reports/2023", cwd=workspace)
    assert "licence.yaml" in run.out
    assert "reports/2023/operations.yaml" in run.out and "GEO-01" in run.out
