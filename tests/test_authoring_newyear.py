"""``rac new-year``: stock data and every comment carried over, flow data reset to placeholders (FILL-01)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from reportascode.authoring.newyear import roll_file
from reportascode.authoring.yamltext import comment_tokens
from reportascode.model.loader import load_text
from reportascode.model.schemas import REPORT_FILES
from reportascode.validate.placeholders import PLACEHOLDER
from tests.conftest import run_rac


def _data(path: Path) -> object:
    return load_text(path.read_text(encoding="utf-8"), path.name).data


def test_new_year_rolls_forward_and_validation_lists_the_placeholders(workspace: Path) -> None:
    run = run_rac("new-year", "2025", "--lang", "en", cwd=workspace)
    assert run.code == 0, run.err
    new, old = workspace / "reports" / "2025", workspace / "reports" / "2024"
    assert sorted(p.stem for p in new.glob("*.yaml")) == sorted(REPORT_FILES)

    meta = _data(new / "meta.yaml")
    assert isinstance(meta, dict) and meta["report_year"] == 2025 and meta["submission_date"] is None
    assert _data(new / "licence.yaml") == _data(old / "licence.yaml")  # stock data, unchanged
    company, old_company = _data(new / "company.yaml"), _data(old / "company.yaml")
    assert isinstance(company, dict) and isinstance(old_company, dict)
    assert company["shareholders"] == old_company["shareholders"]
    assert company["staff"] == {k: PLACEHOLDER for k in old_company["staff"]}
    operations = _data(new / "operations.yaml")
    assert isinstance(operations, dict)
    assert operations["seats"]["total"] == PLACEHOLDER
    assert operations["by_province"][3]["province"] == "51"  # rows keep their identity
    assert operations["internal_kpis"]["marketing_conversion"] is None  # null stays null
    trunks = _data(new / "trunks.yaml")
    assert isinstance(trunks, list)
    assert [t["contract_end"] for t in trunks] == [PLACEHOLDER, PLACEHOLDER, "2025-12-31", "2026-12-31", "2026-12-31"]

    validated = run_rac("validate", "reports/2025", "--format", "json", cwd=workspace)
    assert validated.code == 1
    findings = json.loads(validated.out)["findings"]
    fills = [f for f in findings if f["rule"] == "FILL-01"]
    assert len(fills) == sum(text.count(PLACEHOLDER) for text in
                             (p.read_text(encoding="utf-8").split("# 上年")[0] for p in new.glob("*.yaml")))
    assert not [f for f in findings if f["rule"].startswith("SCHEMA-")]
    first = next(f for f in fills if f["file"] == "reports/2025/operations.yaml" and f["pointer"] == "/seats/total")
    lines = (new / "operations.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[first["line"] - 1].startswith("  total: 待填") and first["column"] == 10


def test_every_comment_of_the_source_is_kept(workspace: Path) -> None:
    assert run_rac("new-year", "2025", cwd=workspace).code == 0
    for name in REPORT_FILES:
        old = (workspace / "reports" / "2024" / f"{name}.yaml").read_text(encoding="utf-8")
        new = (workspace / "reports" / "2025" / f"{name}.yaml").read_text(encoding="utf-8")
        kept = "\n".join(comment_tokens(new))
        for comment in comment_tokens(old):
            assert comment.lstrip("# ") in kept, (name, comment)


def test_only_the_reset_values_change_on_their_lines(workspace: Path) -> None:
    assert run_rac("new-year", "2025", cwd=workspace).code == 0
    old = (workspace / "reports" / "2024" / "branches.yaml").read_text(encoding="utf-8").splitlines()
    new = (workspace / "reports" / "2025" / "branches.yaml").read_text(encoding="utf-8").splitlines()
    assert len(old) == len(new)
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert {a.split(":")[0].strip() for a, _ in changed} == {"seats", "staff"}
    assert all(b.endswith(PLACEHOLDER) for _, b in changed)


def test_replaced_lists_keep_last_years_entries_as_comments() -> None:
    text = """\
# 头
harassment_notices:               # 年内 1 次
  - date: 2023-08-14              # 省局通报
    source: 浙江省通信管理局
penalties: []
"""
    out = roll_file("compliance", text, 2024, 2023)
    data = load_text(out, "compliance.yaml").data
    assert data == {"harassment_notices": PLACEHOLDER, "penalties": PLACEHOLDER}
    assert "harassment_notices: 待填" in out and "# 年内 1 次" in out
    assert "  # - date: 2023-08-14              # 省局通报" in out
    assert "上年（2023 年度）记录" in out
    assert Counter(c for c in comment_tokens(text)) - Counter(
        c for c in comment_tokens(out) if c in comment_tokens(text)) == Counter({"# 省局通报": 1})


def test_new_year_never_overwrites_and_needs_a_source(workspace: Path) -> None:
    assert run_rac("new-year", "2024", cwd=workspace).code == 2
    assert run_rac("new-year", "2030", cwd=workspace).code == 2
    assert run_rac("new-year", "2026", "--from", "2024", cwd=workspace).code == 0
    assert _data(workspace / "reports" / "2026" / "meta.yaml") == {
        "report_year": 2026, "licence_no": "B2-20203417", "filing_channel": "tsm_dxzhgl", "submission_date": None,
        "schema_version": "1.0"}
    assert not list((workspace / "reports").glob(".*.tmp"))
