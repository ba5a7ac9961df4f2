"""The domain checks: every check's fail and pass example against a copy of the sample, plus the cases an example
cannot show (cross-year notes, severity variants, tolerance of malformed data)."""

from __future__ import annotations

import copy
import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reportascode.messages import en, zh
from reportascode.model.config import Config
from reportascode.model.findings import Finding, Severity
from reportascode.model.loader import load_bytes, split_pointer
from reportascode.model.schemas import REPORT_FILES, SchemaStore
from reportascode.model.workspace import Report, Workspace
from reportascode.rules.checks.examples import EXAMPLES
from reportascode.rules.registry import checks
from reportascode.validate.engine import ValidationResult, run_domain_checks, validate_reports
from tests.conftest import SAMPLE_REPORTS
from tests.example_edits import apply_example, edit_file

CHECKS = {check.id: check for check in checks()}
STORE = SchemaStore(None)
CHECK_IDS = sorted(CHECKS)


def validate_year(root: Path, year: int, config: Config | None = None) -> ValidationResult:
    report = Report(Workspace(root), root / "reports" / str(year))
    return validate_reports([report], config or Config(), STORE)


def active(result: ValidationResult, rule: str) -> list[Finding]:
    return [f for f in result.findings if f.rule == rule and not f.cleared]


def position_of(path: Path, pointer: str, at: str) -> tuple[int, int]:
    doc = load_bytes(path.read_bytes(), path.name)
    if at == "key":
        return doc.key_position(pointer)
    if at == "container":
        return doc.container_position(pointer)
    return doc.value_position(pointer)


@pytest.mark.parametrize("check_id", CHECK_IDS)
def test_fail_example_raises_the_check_at_its_field(workspace: Path, check_id: str) -> None:
    example = EXAMPLES[check_id]["fail"]
    assert example.expect is not None
    folder = apply_example(workspace, example)
    result = validate_year(workspace, example.year)
    file_name, pointer = example.expect
    line, column = position_of(folder / file_name, pointer, example.at)
    expected_file = f"reports/{example.year}/{file_name}"
    found = [(f.file, f.pointer, f.line, f.column) for f in active(result, check_id)]
    assert (expected_file, pointer, line, column) in found, found


@pytest.mark.parametrize("check_id", CHECK_IDS)
def test_pass_example_does_not_raise_the_check(workspace: Path, check_id: str) -> None:
    example = EXAMPLES[check_id]["pass"]
    apply_example(workspace, example)
    result = validate_year(workspace, example.year)
    assert active(result, check_id) == []


def test_every_check_has_both_examples() -> None:
    assert sorted(EXAMPLES) == CHECK_IDS
    for check_id, examples in EXAMPLES.items():
        assert set(examples) == {"fail", "pass"}, check_id
        assert examples["fail"].expect is not None, check_id


def test_catalogue_has_the_41_checks_of_domain_section_5() -> None:
    assert len(CHECKS) == 41
    families = {c.split("-")[0] for c in CHECKS}
    assert families == {"ID", "LIC", "GEO", "SEAT", "TRK", "NUM", "OUT", "FIN", "QOS", "SHR", "SEC", "OUTS",
                        "YOY", "SIG"}
    assert all(c.basis in ("V", "A", "I") for c in CHECKS.values())


def test_the_clean_sample_raises_no_check(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    shutil.copytree(SAMPLE_REPORTS, root / "reports")
    reports = Workspace(root).reports()
    result = validate_reports(reports, Config(), STORE)
    assert result.errors == 0
    assert result.warnings == 0
    assert [(f.rule, f.report, f.severity) for f in result.findings if f.severity is Severity.INFO] == [
        ("YOY-01", "reports/2022", Severity.INFO)]


# ---- messages: every variant a check can emit is in both catalogues


_VARIANT = re.compile(r'ctx\.variant\("([^"]+)"\)')
_REGISTER = re.compile(r'@register\("([A-Z]+-\d+)"')


def test_every_message_variant_exists_in_both_languages() -> None:
    source_dir = Path(__file__).resolve().parent.parent / "src" / "reportascode" / "checks"
    for module in source_dir.glob("*.py"):
        text = module.read_text(encoding="utf-8")
        ids = _REGISTER.findall(text)
        for variant in _VARIANT.findall(text):
            keys = [f"check.{i}.{variant}" for i in ids]
            assert any(k in zh.MESSAGES and k in en.MESSAGES for k in keys), (module.name, variant)


def test_labels_used_by_messages_exist() -> None:
    from reportascode.rules.checks.yoy import KEY_METRICS

    for file_name, pointer in KEY_METRICS:
        key = f"check.YOY-01.metric.{file_name}{pointer.replace('/', '.')}"
        assert key in zh.MESSAGES and key in en.MESSAGES
    for item in ("name", "legal_rep", "reg_capital", "address", "shareholder", "coverage"):
        assert f"check.LIC-05.item.{item}" in en.MESSAGES and f"check.LIC-05.item.{item}" in zh.MESSAGES
    for kind in ("harassment_notices", "penalties"):
        assert f"check.QOS-02.kind.{kind}" in en.MESSAGES and f"check.QOS-02.kind.{kind}" in zh.MESSAGES
    for doc in ("commitment", "data_authenticity_letter"):
        assert f"check.SIG-02.doc.{doc}" in en.MESSAGES and f"check.SIG-02.doc.{doc}" in zh.MESSAGES


# ---- cross-year


def test_no_previous_year_is_one_info_note(workspace: Path) -> None:
    result = validate_year(workspace, 2022)
    notes = [f for f in result.findings if f.rule == "YOY-01"]
    assert len(notes) == 1
    note = notes[0]
    assert note.severity is Severity.INFO
    assert note.message_key == "check.YOY-01.no_previous"
    assert (note.file, note.pointer) == ("reports/2022/meta.yaml", "/report_year")
    assert result.errors == 0 and result.warnings == 0


def test_yoy_reads_the_previous_report_in_the_workspace(workspace: Path) -> None:
    shutil.rmtree(workspace / "reports" / "2023")
    result = validate_year(workspace, 2024)
    assert [f.message_key for f in result.findings if f.rule == "YOY-01"] == ["check.YOY-01.no_previous"]


def test_yoy_from_zero_and_decline(workspace: Path) -> None:
    edit_file(workspace / "reports/2023/operations.yaml", {"/seats/ai": "0"})
    edit_file(workspace / "reports/2024/company.yaml", {"/staff/total": "500"})
    result = validate_year(workspace, 2024)
    keys = {(f.pointer, f.message_key) for f in result.findings if f.rule == "YOY-01"}
    assert ("/seats/ai", "check.YOY-01.from_zero") in keys  # explained by the sample, but raised
    assert ("/staff/total", "check.YOY-01") in keys
    decline = next(f for f in active(result, "YOY-01") if f.pointer == "/staff/total")
    assert decline.arguments["change"] == "-30.6%"


def test_yoy_threshold_is_configurable(workspace: Path) -> None:
    config = Config(thresholds={"YOY-01": {"change": Decimal("0.15")}})
    result = validate_year(workspace, 2024, config)
    assert {(f.file.rsplit("/", 1)[1], f.pointer) for f in active(result, "YOY-01")} == {
        ("operations.yaml", "/seats/total"),  # +22.0%; /seats/ai is explained
        ("operations.yaml", "/inbound/offered"),
        ("operations.yaml", "/inbound/answered"),
        ("operations.yaml", "/outbound/attempts"),
        ("operations.yaml", "/outbound/connected"),
        ("finance.yaml", "/operating_revenue_wan"),
        ("finance.yaml", "/telecom_revenue_wan"),
        ("finance.yaml", "/call_center_revenue_wan"),
        ("company.yaml", "/staff/total"),
    }


def test_lic05_reports_an_undeclared_change_against_last_year(workspace: Path) -> None:
    edit_file(workspace / "reports/2023/company.yaml", {"/changes": "[]"})
    result = validate_year(workspace, 2023)
    found = active(result, "LIC-05")
    assert [(f.pointer, f.message_key) for f in found] == [("/registered_capital_wan", "check.LIC-05.undeclared")]


# ---- variants an example does not show


def test_sig03_is_an_error_after_the_late_filing_month(workspace: Path) -> None:
    edit_file(workspace / "reports/2024/meta.yaml", {"/submission_date": "2025-05-06"})
    found = active(validate_year(workspace, 2024), "SIG-03")
    assert [(f.severity, f.message_key) for f in found] == [(Severity.ERROR, "check.SIG-03.closed")]


def test_geo01_reports_an_operating_branch_outside_coverage(workspace: Path) -> None:
    edit_file(workspace / "reports/2024/branches.yaml", {"/2/province": '"44"'})
    found = active(validate_year(workspace, 2024), "GEO-01")
    assert [(f.file, f.pointer) for f in found] == [("reports/2024/branches.yaml", "/2/province")]


def test_geo03_revenue_breakdown_against_finance(workspace: Path) -> None:
    edit_file(workspace / "reports/2024/operations.yaml", {"/by_province/0/revenue_wan": "4650.02"})
    found = active(validate_year(workspace, 2024), "GEO-03")
    assert [(f.pointer, f.message_key) for f in found] == [("/by_province", "check.GEO-03.revenue")]
    edit_file(workspace / "reports/2024/operations.yaml", {"/by_province/0/revenue_wan": "4650.01"})
    assert active(validate_year(workspace, 2024), "GEO-03") == []


def test_num02_applies_to_short_numbers_only(workspace: Path) -> None:
    # the carrier 400 number is nationwide while the licence is not: not a NUM-02 matter
    edit_file(workspace / "reports/2024/numbers.yaml", {"/0/number": '"9680"'})
    found = active(validate_year(workspace, 2024), "NUM-02")
    assert [(f.pointer, f.message_key) for f in found] == [("/0/number", "check.NUM-02.length")]


def test_num03_outbound_calls_without_an_outbound_number(workspace: Path) -> None:
    edit_file(workspace / "reports/2024/numbers.yaml", {"/0/outbound_enabled": "false"})
    found = active(validate_year(workspace, 2024), "NUM-03")
    assert [(f.file, f.pointer) for f in found] == [("reports/2024/operations.yaml", "/outbound/attempts")]


def test_qos02_notice_without_rectification_report(workspace: Path) -> None:
    edit_file(workspace / "reports/2023/compliance.yaml", {"/harassment_notices/0/rectification_report": "null"})
    found = active(validate_year(workspace, 2023), "QOS-02")
    assert [f.pointer for f in found] == ["/harassment_notices/0/rectification_report"]


def test_messages_render_in_both_languages(workspace: Path) -> None:
    from reportascode.validate.formats.findings_common import finding_message

    edit_file(workspace / "reports/2022/operations.yaml", {"/seats/ai_ratio_reported": "0.080"})
    finding = active(validate_year(workspace, 2022), "SEAT-02")[0]
    assert finding_message(finding, "en") == (
        "reported AI seat ratio 0.080 differs from AI 20 / total 420 = 0.0476 by more than 0.5 percentage points")
    assert "0.0476" in finding_message(finding, "zh") and "百分点" in finding_message(finding, "zh")
    assert "{" not in finding_message(finding, "zh")


# ---- tolerance of missing and malformed data: a check never crashes, whatever the schema says


def _sample_report(tmp_path: Path, year: int = 2024) -> Report:
    root = tmp_path / "ws"
    shutil.copytree(SAMPLE_REPORTS, root / "reports")
    return Report(Workspace(root), root / "reports" / str(year))


def _run_checks(report: Report) -> list[Finding]:
    return list(run_domain_checks(report, Config(), set()))  # no schema problems: exceptions propagate


@pytest.mark.parametrize("name", REPORT_FILES)
def test_checks_tolerate_a_missing_file(tmp_path: Path, name: str) -> None:
    report = _sample_report(tmp_path)
    (report.folder / f"{name}.yaml").unlink()
    (report.previous.folder / f"{name}.yaml").unlink()  # type: ignore[union-attr]
    _run_checks(report)


@pytest.mark.parametrize("replacement", ["x", None, -1, [], {}, True, "2024-13-45"])
def test_checks_tolerate_any_value_anywhere(tmp_path: Path, replacement: Any) -> None:
    report = _sample_report(tmp_path)
    originals = {name: report.document(name) for name in REPORT_FILES}
    for name, doc in originals.items():
        assert doc is not None and doc.ok
        for pointer in [p for p in doc.value_positions if p]:  # every value, leaves and containers
            broken = copy.deepcopy(doc.data)
            tokens = split_pointer(pointer)
            target = broken
            for token in tokens[:-1]:
                target = target[int(token)] if isinstance(target, list) else target[token]
            if isinstance(target, list):
                target[int(tokens[-1])] = replacement
            else:
                target[tokens[-1]] = replacement
            patched = copy.copy(doc)
            patched.data = broken
            report._documents[name] = patched
            _run_checks(report)
        report._documents[name] = doc


@pytest.mark.parametrize("replacement", ["x", None, [], {}])
def test_checks_tolerate_whole_files_of_the_wrong_shape(tmp_path: Path, replacement: Any) -> None:
    report = _sample_report(tmp_path)
    for name in REPORT_FILES:
        doc = report.document(name)
        assert doc is not None
        patched = copy.copy(doc)
        patched.data = replacement
        report._documents[name] = patched
        _run_checks(report)
        report._documents[name] = doc


def test_lic02_licence_already_expired_at_submission(workspace: Path) -> None:
    edit_file(workspace / "reports/2024/licence.yaml", {"/expiry_date": "2025-01-31"})
    found = [f for f in validate_year(workspace, 2024).findings if f.rule == "LIC-02"]
    assert [(f.pointer, f.message_key) for f in found] == [("/expiry_date", "check.LIC-02.expired")]
