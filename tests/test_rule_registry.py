"""The one rule registry: every id has a kind, a severity, a basis worded the one way, texts in both languages;
``rac rules`` and ``rac explain`` read it; and every rule id that any run over the fixture corpus prints is in it."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reportascode.messages import en, zh
from reportascode.model.findings import Severity
from reportascode.rules import registry
from reportascode.rules.catalogue import find_rule
from reportascode.rules.checks.examples import EXAMPLES
from tests.conftest import REPO_ROOT, SAMPLE_REPORTS, run_rac
from tests.example_edits import apply_example

RULES = registry.load_all()
IDS = sorted(RULES)
CATALOGUES = {"zh": zh.MESSAGES, "en": en.MESSAGES}
# A message key left raw in output: a catalogue prefix, a dot, then more of a key.
_RAW_KEY = re.compile(r"\b(?:rule|rules|check|explain|kind|basis|source|unit|severity|finding)\.[A-Za-z0-9_.-]+")


def test_every_rule_has_kind_severity_basis_and_texts() -> None:
    assert len(RULES) >= 41 + 12 + 30
    for rule in RULES.values():
        assert isinstance(rule.kind, registry.Kind) and isinstance(rule.severity, Severity), rule.id
        assert rule.basis in registry.BASES, rule.id
        if rule.basis == "V":
            assert rule.sources, rule.id
        for lang, catalogue in CATALOGUES.items():
            assert rule.title(lang) and rule.title(lang) != f"{rule.prefix}.{rule.id}.title", (rule.id, lang)
            assert rule.doc(lang), (rule.id, lang)
            assert all(f"source.{s}" in catalogue for s in rule.sources), rule.id
            assert all(f"unit.{t.unit}" in catalogue for t in rule.thresholds), rule.id
        if rule.kind is registry.Kind.CHECK:
            assert rule.func is not None and set(EXAMPLES[rule.id]) == {"fail", "pass"}


def test_rules_json_gives_severity_and_basis_for_every_id() -> None:
    for lang in ("en", "zh"):
        run = run_rac("rules", "--format", "json", "--lang", lang)
        assert run.code == 0, run.err
        entries = {e["id"]: e for e in json.loads(run.out)["rules"]}
        assert set(IDS) <= set(entries)
        for entry in entries.values():
            assert entry["severity"] in ("error", "warning", "info"), entry
            assert entry["basis"] in ("V", "A", "I"), entry
            assert entry["basis_text"] and entry["title"], entry
            assert not _RAW_KEY.search(entry["basis_text"] + entry["title"]), entry
            assert set(entry["thresholds"]) == set(entry["threshold_units"]), entry
    # the reconciliation thresholds are shown, with their units
    assert entries["REC-01"]["thresholds"] == {"tolerance": "0.05"}
    assert entries["REC-07"]["thresholds"] == {"window_days": "90", "max_gap_days": "15"}
    assert entries["REC-07"]["threshold_units"] == {"window_days": "天", "max_gap_days": "天"}
    assert (entries["FILL-01"]["severity"], entries["LOCK-01"]["severity"]) == ("error", "error")


def test_rules_text_has_no_dash_for_severity_or_basis() -> None:
    run = run_rac("rules", "--lang", "en")
    for line in run.out.splitlines()[:-1]:
        _, severity, basis = line.split()[:3]
        assert severity in ("error", "warning", "info") and basis in ("V", "A", "I"), line


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_explain_works_for_every_id_without_a_raw_key(lang: str) -> None:
    for rule_id in IDS:
        run = run_rac("explain", rule_id, "--lang", lang)
        assert run.code == 0, (rule_id, run.err)
        rule = RULES[rule_id]
        assert run.out.startswith(f"{rule_id}  {rule.title(lang)}\n"), rule_id
        raw = [k for k in _RAW_KEY.findall(run.out) if k in CATALOGUES[lang] or k.startswith(("rules.basis", "basis."))]
        assert not raw, (rule_id, raw)
        assert rule.basis_text(lang) in run.out, rule_id
        for threshold in rule.thresholds:
            assert f"{threshold.name} = {threshold.default} ({registry.unit_text(threshold.unit, lang)})" in run.out
        if lang == "en":
            assert not re.search(r"[\u4e00-\u9fff]", rule.basis_text(lang)), rule_id


def test_basis_wording_is_one_vocabulary() -> None:
    lic02 = RULES["LIC-02"]
    assert lic02.basis == "A" and "order42_art27" in lic02.sources  # domain §1.1: Art. 27 is tagged A
    assert lic02.basis_text("zh") == "据代理机构资料，原文待核实（所引：《电信业务经营许可管理办法》第二十七条）"
    assert lic02.basis_text("en").startswith("per agency sources, original text not verified")
    assert RULES["LIC-04"].basis_text("zh") == "规章/规范性文件：《电信业务经营许可管理办法》第六条"
    assert RULES["LIC-04"].basis_text("en") == ("regulation: MIIT Order No. 42 (Telecom Business Licensing "
                                                "Measures), Art. 6")
    assert RULES["GEO-02"].basis_text("zh") == "内部规则" and RULES["GEO-02"].basis_text("en") == "internal rule"
    for rule in RULES.values():
        for lang in ("zh", "en"):
            text = rule.basis_text(lang)
            assert "非监管" not in text and "not regulation" not in text, rule.id
            if rule.basis != "V":
                assert not text.startswith(("规章", "regulation")), rule.id
    assert registry.rule_basis_label("ACME-01", "zh") == "内部规则"  # a workspace's own rule


def test_workspace_rule_ids_may_not_take_a_builtin_family() -> None:
    families = registry.families()
    assert {"REC", "FILL", "LOCK", "RULES", "LOAD", "SCHEMA", "SEAT", "CONFIG", "WAIVER"} <= families


def test_the_parallel_tables_are_gone() -> None:
    import reportascode.rules.catalogue as catalogue
    import reportascode.rules.workspace_rules as workspace_rules
    import reportascode.validate.schema_findings as schema_findings

    assert not hasattr(catalogue, "BUILTIN_SEVERITY")
    assert not hasattr(workspace_rules, "BUILTIN_FAMILIES") and not hasattr(workspace_rules, "WORKSPACE_RULE_IDS")
    assert not hasattr(schema_findings, "SCHEMA_RULES")
    assert not hasattr(registry, "CHECKS")
    assert not (REPO_ROOT / "src/reportascode/reconcile/rec_rules.py").exists()


# ---- the corpus: every rule id any output carries is registered


def _ids_of(root: Path, *paths: str) -> set[str]:
    """Rule ids in what ``rac validate`` and ``rac reconcile`` print as JSON for ``paths`` of ``root``."""
    found: set[str] = set()
    run = run_rac("validate", "--format", "json", "--lang", "en", *paths, cwd=root)
    assert run.code != 3, run.err
    if run.code in (0, 1):
        document = json.loads(run.out)
        for key in ("findings", "explained", "waived"):
            found |= {f["rule"] for f in document[key]}
    for report in sorted(root.glob("reports/*/evidence")):
        run = run_rac("reconcile", "--format", "json", "--lang", "en", str(report.parent), cwd=root)
        assert run.code != 3, run.err
        if run.code in (0, 1):
            document = json.loads(run.out)
            for key in ("findings", "waived"):
                found |= {f["rule"] for f in document.get(key, [])}
    return found


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("registry") / "ws"
    shutil.copytree(SAMPLE_REPORTS, root / "reports")
    shutil.copytree(REPO_ROOT / "rules", root / "rules")
    return root


@contextlib.contextmanager
def _restoring(root: Path, relative: str) -> Iterator[Path]:
    """The file ``relative`` of ``root``, put back as it was (or removed) afterwards."""
    target = root / relative
    original = target.read_bytes() if target.is_file() else None
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        yield target
    finally:
        if original is None:
            target.unlink(missing_ok=True)
        else:
            target.write_bytes(original)


def _corpus_ids(root: Path) -> set[str]:
    from reportascode.model.loader import load_file

    corpus = REPO_ROOT / "tests/corpus"
    table = load_file(corpus / "expected.yaml", "tests/corpus/expected.yaml")
    found: set[str] = set()
    for name, case in table.data["cases"].items():
        with _restoring(root, case["replaces"]) as target:
            shutil.copyfile(corpus / name, target)
            found |= _ids_of(root, "reports/2024")
    return found


def _fixture_ids(root: Path) -> set[str]:
    from tests.test_validate_fixtures import CASES

    found: set[str] = set()
    for case in CASES:
        with _restoring(root, f"reports/2024/{case.file}") as target:
            edit: Callable[[Path], Any] = case.edit
            edit(target)
            found |= _ids_of(root, "reports/2024")
    return found


def _planted_ids(tmp: Path) -> set[str]:
    from tests.test_planted import plant_2022_seat02, plant_2023_geo01, plant_2024_fin02

    root = tmp / "planted"
    shutil.copytree(SAMPLE_REPORTS, root / "reports")
    for plant in (plant_2022_seat02, plant_2023_geo01, plant_2024_fin02):
        plant(root)
    return _ids_of(root)


def _example_ids(tmp: Path) -> set[str]:
    found: set[str] = set()
    for check_id, examples in sorted(EXAMPLES.items()):
        root = tmp / f"example-{check_id}"
        shutil.copytree(SAMPLE_REPORTS, root / "reports")
        folder = apply_example(root, examples["fail"])
        found |= _ids_of(root, str(folder))
        shutil.rmtree(root)
    return found


def _broken_evidence_and_rules_ids(root: Path) -> set[str]:
    found: set[str] = set()
    with _restoring(root, "reports/2024/evidence/trunk_bills.csv") as target:
        target.write_bytes(target.read_bytes() + "中国电信,only-two-cells\n".encode())  # a malformed row
        found |= _ids_of(root, "reports/2024")
        target.write_text("carrier,province\n", encoding="utf-8")  # no required columns: unreadable
        found |= _ids_of(root, "reports/2024")
    with _restoring(root, "rules/broken.yaml") as target:
        target.write_text("rules:\n  - id: SEAT-99\n    assert: 1 +\n", encoding="utf-8")
        found |= _ids_of(root, "reports/2024")
    return found


def test_every_rule_id_in_any_output_is_registered(sample: Path, tmp_path: Path) -> None:
    """The sample, the hostile-input corpus, the broken fixtures, the planted errors, every check's failing
    example, broken evidence and a broken rule file: each id printed is registered with a severity and a basis
    (a workspace's own rule in the workspace's catalogue)."""
    seen = _ids_of(sample)
    seen |= _corpus_ids(sample)
    seen |= _fixture_ids(sample)
    seen |= _planted_ids(tmp_path)
    seen |= _example_ids(tmp_path)
    seen |= _broken_evidence_and_rules_ids(sample)
    assert {"LOAD-SYNTAX", "SCHEMA-TYPE", "FILE-MISSING", "SEAT-02", "GEO-01", "FIN-02", "REC-11", "REC-12", "RULES-01",
            "YOY-01", "LIC-02"} <= seen
    for rule_id in sorted(seen):
        rule = find_rule(rule_id, sample)
        assert rule.severity in Severity and rule.basis in registry.BASES, rule_id
        assert rule.basis_text("zh") and rule.basis_text("en") and rule.title("en"), rule_id


def test_a_misspelt_threshold_of_any_registered_rule_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    shutil.copytree(SAMPLE_REPORTS, root / "reports")
    (root / ".reportascode.yaml").write_text("thresholds:\n  REC-01: {tolerence: 0.1}\n", encoding="utf-8")
    run = run_rac("validate", "--lang", "en", cwd=root)
    assert run.code == 2 and "REC-01 has no threshold 'tolerence' (its thresholds: tolerance)" in run.err
    (root / ".reportascode.yaml").write_text("thresholds:\n  REC-01: {tolerance: 0.1}\n", encoding="utf-8")
    assert run_rac("validate", "--lang", "en", cwd=root).code in (0, 1)
