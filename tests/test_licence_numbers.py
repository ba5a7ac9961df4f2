"""Licence numbers as issued: province prefix, 合字, categories joined by dots; a call-centre report needs B2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_rac


def _set_number(root: Path, number: str) -> None:
    for name in ("meta", "licence"):
        path = root / "reports/2024" / f"{name}.yaml"
        text = path.read_text(encoding="utf-8").replace("licence_no: B2-20203417 ", f"licence_no: {number} ")
        path.write_text(text, encoding="utf-8")


def _at_licence_no(root: Path, lang: str = "en") -> list[dict[str, object]]:
    run = run_rac("validate", "--format", "json", "--lang", lang, "reports/2024", cwd=root)
    assert run.code in (0, 1), run.err
    return [f for f in json.loads(run.out)["findings"]
            if f["pointer"] == "/licence_no" and f["severity"] == "error"]


@pytest.mark.parametrize("number", ["A2.B1.B2-20090003", "合字B1.B2-20130004", "京B2-20202418", "B2-20203417"])
def test_numbers_as_issued_are_accepted(workspace: Path, number: str) -> None:
    _set_number(workspace, number)
    assert _at_licence_no(workspace) == []


def test_a_licence_without_b2_is_refused_at_the_number(workspace: Path) -> None:
    _set_number(workspace, "B1-20090003")
    findings = _at_licence_no(workspace)
    assert [(f["rule"], f["file"], f["line"], f["column"]) for f in findings] == [
        ("ID-02", "reports/2024/meta.yaml", 5, 13)]
    assert "no B2 category" in str(findings[0]["message"])
    (zh,) = _at_licence_no(workspace, "zh")
    assert "没有 B2 类别" in str(zh["message"])


def test_a_short_number_is_refused_with_the_accepted_forms(workspace: Path) -> None:
    _set_number(workspace, "B2-2020341")
    findings = _at_licence_no(workspace)
    assert sorted((f["rule"], f["file"]) for f in findings) == [
        ("SCHEMA-PATTERN", "reports/2024/licence.yaml"), ("SCHEMA-PATTERN", "reports/2024/meta.yaml")]
    assert all("A2.B1.B2-20090003" in str(f["message"]) for f in findings)


def test_id02_compares_the_numbers_exactly(workspace: Path) -> None:
    path = workspace / "reports/2024/licence.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("licence_no: B2-20203417 ", "licence_no: 浙B2-20203417 "),
                    encoding="utf-8")
    assert [f["rule"] for f in _at_licence_no(workspace)] == ["ID-02"]
