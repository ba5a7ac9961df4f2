"""``rac rules`` and ``rac explain``: the catalogue is complete, documented in both languages, with examples."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportascode.messages import en, zh
from reportascode.rules.catalogue import all_rules
from reportascode.rules.checks.examples import EXAMPLES
from reportascode.rules.registry import Kind, checks, load_all
from tests.conftest import REPO_ROOT, run_rac

CHECKS = {check.id: check for check in checks()}
CHECK_IDS = sorted(CHECKS)
NON_CHECKS = {rule.id for rule in load_all().values() if rule.kind is not Kind.CHECK}


@pytest.mark.parametrize("check_id", CHECK_IDS)
def test_every_check_is_documented_in_both_languages_with_examples(check_id: str) -> None:
    for catalogue in (zh.MESSAGES, en.MESSAGES):
        for key in (f"check.{check_id}.title", f"check.{check_id}", f"check.{check_id}.doc"):
            assert catalogue.get(key), key
        assert "Basis" in en.MESSAGES[f"check.{check_id}.doc"]
        assert "依据" in zh.MESSAGES[f"check.{check_id}.doc"]
    check = CHECKS[check_id]
    for name in check.defaults:  # every threshold is named in the documentation
        assert name in en.MESSAGES[f"check.{check_id}.doc"] and name in zh.MESSAGES[f"check.{check_id}.doc"]
    assert set(EXAMPLES[check_id]) == {"fail", "pass"}


@pytest.mark.parametrize("check_id", CHECK_IDS)
def test_explain_prints_doc_and_examples(check_id: str) -> None:
    run = run_rac("explain", check_id, "--lang", "en")
    assert run.code == 0, run.err
    assert run.out.startswith(f"{check_id}  {en.MESSAGES[f'check.{check_id}.title']}")
    assert en.MESSAGES[f"check.{check_id}.doc"] in run.out
    assert "Fails (a finding at " in run.out and "Passes:" in run.out
    zh_run = run_rac("explain", check_id, "--lang", "zh")
    assert zh_run.code == 0 and zh.MESSAGES[f"check.{check_id}.doc"] in zh_run.out


def test_non_check_basis_never_claims_regulation() -> None:
    # [A] and [I] checks say so in their documentation: agency sources / internal practice / house rule
    for check in CHECKS.values():
        doc = en.MESSAGES[f"check.{check.id}.doc"]
        if check.basis == "A":
            assert "agency" in doc, check.id
        if check.basis == "I":
            assert "internal" in doc or "house rule" in doc, check.id


def test_explain_yaml_snippet_of_an_example() -> None:
    run = run_rac("explain", "SEAT-02", "--lang", "en")
    assert "# reports/2024/operations.yaml\n  seats:\n    ai_ratio_reported: 0.200" in run.out
    assert "reports/2024/operations.yaml#/seats/ai_ratio_reported" in run.out
    assert "tolerance = 0.005" in run.out


def test_explain_is_case_insensitive_and_covers_builtin_rules() -> None:
    assert run_rac("explain", "seat-02").code == 0
    run = run_rac("explain", "EXPL-01", "--lang", "en")
    assert run.code == 0 and "stale" in run.out
    assert run_rac("explain", "LOAD-TAB", "--lang", "en").code == 0


def test_explain_unknown_id_is_a_usage_error() -> None:
    run = run_rac("explain", "NOPE-99", "--lang", "en")
    assert run.code == 2
    assert "NOPE-99" in run.err and "rac rules" in run.err
    assert run.out == ""


def test_rules_lists_checks_and_builtin_rules() -> None:
    run = run_rac("rules", "--lang", "en")
    assert run.code == 0
    lines = run.out.splitlines()
    ids = [line.split()[0] for line in lines[:-1]]
    assert set(CHECK_IDS) <= set(ids)
    assert set(ids) >= NON_CHECKS
    seat = next(line for line in lines if line.startswith("SEAT-02 "))
    assert re.search(r"SEAT-02\s+error\s+A\s+Reported AI seat ratio matches the counts", seat)
    zh_run = run_rac("rules", "--lang", "zh")
    assert "AI 坐席占比与坐席数一致" in zh_run.out


def test_rules_json() -> None:
    run = run_rac("rules", "--format", "json", "--lang", "en")
    document = json.loads(run.out)
    assert document["version"] == 1
    by_id = {r["id"]: r for r in document["rules"]}
    assert by_id["TRK-01"] == {"id": "TRK-01", "kind": "check", "family": "TRK", "severity": "warning",
                               "basis": "I", "basis_text": "internal rule",
                               "title": "Trunk channels in line with seats", "reads": ["trunks", "operations"],
                               "evidence": [], "thresholds": {"tolerance": "0.05"},
                               "threshold_units": {"tolerance": "fraction: 0.05 = 5%"}}
    assert by_id["EXPL-01"]["kind"] == "explanation"
    assert (by_id["REC-01"]["kind"], by_id["REC-01"]["evidence"]) == ("evidence", ["trunk_bills"])
    assert run_rac("rules", "--format", "xml").code == 2


def test_every_builtin_rule_raised_by_rac_is_documented() -> None:
    """Every LOAD-/FILE-/SCHEMA-/META- id written in the source has a title in both languages."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (REPO_ROOT / "src/reportascode").rglob("*.py"))
    raised = set(re.findall(r'"((?:LOAD|FILE|SCHEMA|META)-[A-Z-]+)"', source)) | {"EXPL-01"}
    for rule in raised:
        assert f"rule.{rule}.title" in en.MESSAGES and f"rule.{rule}.title" in zh.MESSAGES, rule
        assert f"rule.{rule}.doc" in en.MESSAGES and f"rule.{rule}.doc" in zh.MESSAGES, rule
        assert rule in NON_CHECKS, rule
    assert {r.id for r in all_rules()} >= raised


def test_validation_path_stays_light() -> None:
    """Loading the checks (what rac validate does) imports no template, git or document library."""
    code = ("import sys; from reportascode.rules.registry import load_all; load_all(); "
            "heavy = {'jinja2', 'git', 'click', 'openpyxl', 'docx', 'weasyprint'} & set(sys.modules); "
            "print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(REPO_ROOT)).stdout
    assert out.strip() == "[]"


def test_the_workspace_rules_join_the_catalogue(workspace: Path) -> None:
    shutil.copytree(REPO_ROOT / "rules", workspace / "rules")
    run = run_rac("rules", "--format", "json", "--lang", "en", cwd=workspace)
    rule = next(r for r in json.loads(run.out)["rules"] if r["id"] == "XL-STAFF-01")
    assert (rule["kind"], rule["severity"], rule["basis"]) == ("workspace", "warning", "I")
    assert rule["title"] == "Social-insured staff are at least 90% of total staff"
    explained = run_rac("explain", "xl-staff-01", "--lang", "en", cwd=workspace)
    assert explained.code == 0
    assert "assert: insured >= total * 0.9" in explained.out and "source: rules/staff.yaml:" in explained.out
    # outside that workspace the id is unknown
    assert run_rac("explain", "XL-STAFF-01", cwd=workspace.parent).code == 2


def test_the_catalogue_prints_despite_a_broken_config(workspace: Path) -> None:
    (workspace / ".reportascode.yaml").write_text("lang: [\n", encoding="utf-8")
    assert run_rac("rules", cwd=workspace).code == 0
    assert run_rac("explain", "SEAT-01", cwd=workspace).code == 0
