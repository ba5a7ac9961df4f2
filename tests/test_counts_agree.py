"""Explained (说明: a warning accepted with a written reason in explanations.yaml) and waived (豁免: a configured
waiver with expiry) are two words and two counts, and every output counts them the same way (one counting
function): ``rac validate`` in each format, ``rac render``, ``rac build``'s index.html, summary.md and the gap
analysis, on a workspace that has both."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from tests.conftest import run_rac
from tests.example_edits import edit_file
from tests.test_explanations_waivers import WAIVER as WAIVER_EXPIRING

WAIVER = WAIVER_EXPIRING.format(expires="2099-12-31")
KEYS = ("errors", "warnings", "infos", "explained", "waived")
# the sample's three explained warnings (YOY-01 2023 and 2024, LIC-02 2024) and the waived TRK-04 of 2024
EXPECTED = {"reports/2022": (0, 0, 1, 0, 0), "reports/2023": (0, 0, 0, 1, 0), "reports/2024": (0, 0, 0, 2, 1)}


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from tests.conftest import SAMPLE_REPORTS

    root = tmp_path_factory.mktemp("counts") / "ws"
    shutil.copytree(SAMPLE_REPORTS, root / "reports")
    edit_file(root / "reports/2024/operations.yaml", {"/peak_concurrent_calls": "700"})  # TRK-04, waived below
    (root / ".reportascode.yaml").write_text(WAIVER, encoding="utf-8")
    assert run_rac("build", "--lang", "en", cwd=root).code == 0
    return root


def _validate_counts(root: Path) -> dict[str, tuple[int, ...]]:
    run = run_rac("validate", "--format", "json", "--lang", "en", cwd=root)
    assert run.code == 0, run.err
    document = json.loads(run.out)
    per_report: dict[str, list[int]] = {report: [0] * 5 for report in EXPECTED}
    severity_slot = {"error": 0, "warning": 1, "info": 2}
    for finding in document["findings"]:
        per_report[finding["report"]][severity_slot[finding["severity"]]] += 1
    for finding in document["explained"]:
        per_report[finding["report"]][3] += 1
    for finding in document["waived"]:
        per_report[finding["report"]][4] += 1
    totals = tuple(sum(c[i] for c in per_report.values()) for i in range(5))
    assert tuple(document["summary"][k] for k in KEYS) == totals
    return {report: tuple(counts) for report, counts in per_report.items()}


def _index_counts(root: Path) -> dict[str, tuple[int, ...]]:
    index = (root / "build/index.html").read_text(encoding="utf-8")
    assert re.search(r"<th>Explained</th><th>Waived</th>", index)
    rows = re.findall(r"<td>(reports/\d{4})</td>\n<td>[^<]*</td>\n<td[^>]*>[^<]*</td>\n((?:<td class=\"num[^\"]*\">\d+"
                      r"</td>\n){5})", index)
    return {report: tuple(int(n) for n in re.findall(r">(\d+)<", cells)) for report, cells in rows}


def _summary_counts(root: Path, report: str) -> tuple[int, ...]:
    text = (root / "build" / report / "summary.md").read_text(encoding="utf-8")
    match = re.search(r"^- Errors / warnings / info / explained / waived: (\d+) / (\d+) / (\d+) / (\d+) / (\d+)$",
                      text, re.M)
    assert match, text
    return tuple(int(n) for n in match.groups())


def _gap_counts(root: Path, report: str) -> tuple[int, ...]:
    html = (root / "build" / report / "gap-analysis.html").read_text(encoding="utf-8")
    labels = ("Errors", "Warnings (unexplained)", "Info", "Warnings explained in the explanations", "Waived")
    values = []
    for label in labels:
        match = re.search(rf'<th scope="row">{re.escape(label)}</th><td class="num[^"]*">(\d+)</td>', html)
        assert match, label
        values.append(int(match.group(1)))
    return tuple(values)


def test_validate_build_summary_and_gap_analysis_agree(both: Path) -> None:
    validated = _validate_counts(both)
    assert validated == EXPECTED
    assert _index_counts(both) == EXPECTED
    for report, counts in EXPECTED.items():
        assert _summary_counts(both, report) == counts, report
        assert _gap_counts(both, report) == counts, report


def test_every_validate_format_counts_the_same(both: Path) -> None:
    text = run_rac("validate", "--lang", "en", cwd=both).out
    assert text.splitlines()[-1].endswith("0 errors, 0 warnings, 1 info, 3 explained, 1 waived")
    assert len([line for line in text.splitlines() if ": explained " in line]) == 3
    assert len([line for line in text.splitlines() if ": waived TRK-04 " in line]) == 1
    zh = run_rac("validate", "--lang", "zh", cwd=both).out
    assert zh.splitlines()[-1].endswith("1 条提示，3 项已说明，1 项已豁免")
    assert ": 已说明 YOY-01 " in zh and ": 已豁免 TRK-04 " in zh
    github = run_rac("validate", "--format", "github", "--lang", "en", cwd=both).out
    assert github.splitlines()[-1] == text.splitlines()[-1]
    sarif = json.loads(run_rac("validate", "--format", "sarif", "--lang", "en", cwd=both).out)
    run = sarif["runs"][0]
    kinds = sorted(r["suppressions"][0]["kind"] for r in run["results"] if "suppressions" in r)
    assert kinds == ["external", "inSource", "inSource", "inSource"]
    assert (run["properties"]["summary"]["explained"], run["properties"]["summary"]["waived"]) == (3, 1)
    junit = ET.fromstring(run_rac("validate", "--format", "junit", "--lang", "en", cwd=both).out)
    properties: dict[str, int] = {}
    for prop in junit.iter("property"):
        properties[prop.get("name", "")] = properties.get(prop.get("name", ""), 0) + int(prop.get("value", "0"))
    assert (properties["explained"], properties["waived"]) == (3, 1)


def test_render_prints_the_same_counts(both: Path, tmp_path: Path) -> None:
    run = run_rac("render", "reports/2024", "--format", "html", "--out", str(tmp_path / "out"), "--lang", "en",
                  cwd=both)
    assert run.code == 0, run.err
    assert "reports/2024: 0 errors, 0 warnings, 0 info, 2 explained, 1 waived" in run.out


def test_explanations_in_english_or_as_written(both: Path) -> None:
    """An English run shows ``text_en``; without one, the text as written; never the waiver wording."""
    document: dict[str, Any] = json.loads(run_rac("validate", "--format", "json", "--lang", "en", cwd=both).out)
    texts = {(f["rule"], f["report"]): f["explanation"] for f in document["explained"]}
    assert texts[("YOY-01", "reports/2024")].startswith("AI seats rose from 40 to 90")
    zh_document = json.loads(run_rac("validate", "--format", "json", "--lang", "zh", cwd=both).out)
    zh_texts = {(f["rule"], f["report"]): f["explanation"] for f in zh_document["explained"]}
    assert re.search(r"[\u4e00-\u9fff]", zh_texts[("YOY-01", "reports/2024")])
    explanations = both / "reports/2023/explanations.yaml"
    original = explanations.read_text(encoding="utf-8")
    try:
        explanations.write_text(re.sub(r"(?m)^  text_en: .*\n(?:    .*\n)*", "", original), encoding="utf-8")
        document = json.loads(run_rac("validate", "--format", "json", "--lang", "en", cwd=both).out)
        [entry] = [f for f in document["explained"] if f["report"] == "reports/2023"]
        assert entry["explanation"] == zh_texts[("YOY-01", "reports/2023")]  # as written
        assert "waived_by" not in entry
    finally:
        explanations.write_text(original, encoding="utf-8")
