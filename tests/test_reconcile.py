"""Reconciliation (REC-*): report figures against the evidence exports in reports/<year>/evidence/."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO_ROOT, run_rac

TRUNK_HEADER = ["carrier", "province", "trunk_id", "channels", "month", "monthly_fee_yuan"]
NUMBER_HEADER = ["number", "calls", "first_date", "last_date"]
COMPLAINT_HEADER = ["date", "channel", "status"]
SAMPLE_HEADER = ["call_id", "date", "recording_present", "consent_present"]


def evidence(workspace: Path, year: int, name: str) -> Path:
    return workspace / "reports" / str(year) / "evidence" / name


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def write_csv(path: Path, rows: list[list[Any]], encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def write_xlsx(path: Path, rows: list[list[Any]]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def reconcile(workspace: Path, *args: str) -> tuple[int, dict[str, Any]]:
    run = run_rac("reconcile", *args, "--format", "json", "--lang", "en", cwd=workspace)
    assert run.code in (0, 1), run.err
    document = json.loads(run.out)
    for finding in document["findings"] + document["waived"]:  # every message key exists in the catalogue
        assert not finding["message"].startswith(("check.", "reconcile.")), finding["message"]
    return run.code, document


def located(document: dict[str, Any]) -> list[tuple[str, str, int, int, str]]:
    return [(f["rule"], f["file"], f["line"], f["column"], f["pointer"]) for f in document["findings"]]


def table_row(document: dict[str, Any], field: str) -> dict[str, Any]:
    return next(r for report in document["reports"] for r in report["table"] if r["field"] == field)


# --- the sample --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_the_sample_reconciles_clean(year: int) -> None:
    code, document = reconcile(REPO_ROOT, f"reports/{year}")
    assert code == 0
    assert document["findings"] == [] and document["waived"] == []
    assert document["summary"]["exceeding"] == 0
    report = document["reports"][0]
    assert report["missing"] == [] and all(e["bad_rows"] == 0 and e["complete"] for e in report["evidence"])
    assert {r["verdict"] for r in report["table"]} == {"ok"}


def test_sample_evidence_is_what_the_generator_makes(tmp_path: Path) -> None:
    """The committed CSVs are reproducible from the reports (tools/make_sample_evidence.py is deterministic)."""
    import shutil
    import subprocess
    import sys

    shutil.copytree(REPO_ROOT / "reports", tmp_path / "reports")
    for folder in (tmp_path / "reports").glob("*/evidence"):
        shutil.rmtree(folder)
    subprocess.run([sys.executable, str(REPO_ROOT / "tools" / "make_sample_evidence.py"), str(tmp_path / "reports")],
                   check=True, capture_output=True)
    for made in sorted((tmp_path / "reports").glob("*/evidence/*.csv")):
        committed = REPO_ROOT / made.relative_to(tmp_path)
        assert made.read_bytes() == committed.read_bytes(), committed


def test_the_library_gives_the_table_and_findings() -> None:
    from reportascode.model.config import load_config
    from reportascode.model.workspace import Workspace
    from reportascode.reconcile import reconcile_report

    workspace = Workspace.at(REPO_ROOT)
    report = next(r for r in workspace.reports() if r.year == 2024)
    result = reconcile_report(report, load_config(workspace.root))
    assert result.findings == []
    seats = next(r for r in result.rows if r.field == "operations.seats.total")
    assert (seats.report_value, seats.evidence_value, seats.verdict) == (610, 620, "ok")
    assert seats.label("zh") == "坐席数与计费中继路数"
    assert f"{seats.diff_rate:.4f}" == "0.0164"


# --- the seed's example: 500 seats reported, 2,000 trunk channels billed -----------------------------------------


def test_500_seats_against_2000_billed_channels_is_flagged(workspace: Path) -> None:
    bills = evidence(workspace, 2023, "trunk_bills.csv")
    rows = read_csv(bills)
    rows = [TRUNK_HEADER] + [[*r[:3], "1800" if r[2] == "TRK-ZJ-CT-01" else r[3], *r[4:]] for r in rows[1:]]
    write_csv(bills, rows)
    code, document = reconcile(workspace, "reports/2023")
    assert code == 1
    assert located(document) == [
        ("REC-02", "reports/2023/operations.yaml", 5, 10, "/seats/total"),
        ("REC-01", "reports/2023/trunks.yaml", 8, 13, "/0/channels"),
    ]
    severities = {f["rule"]: f["severity"] for f in document["findings"]}
    assert severities == {"REC-01": "error", "REC-02": "warning"}
    seats = table_row(document, "operations.seats.total")
    assert (seats["report_value"], seats["evidence_value"], seats["diff_rate"], seats["verdict"]) == (
        500, 2000, 3.0, "exceeds")
    message = next(f["message"] for f in document["findings"] if f["rule"] == "REC-02")
    assert "500" in message and "2000" in message and "not a regulatory threshold" in message


def test_the_tolerance_is_configurable(workspace: Path) -> None:
    bills = evidence(workspace, 2024, "trunk_bills.csv")
    rows = read_csv(bills)
    write_csv(bills, [rows[0]] + [[*r[:3], "318" if r[2] == "TRK-ZJ-CT-01" else r[3], *r[4:]] for r in rows[1:]])
    _, document = reconcile(workspace, "reports/2024")
    assert [f["rule"] for f in document["findings"]] == ["REC-01"]  # +6.0% > 5%
    assert table_row(document, "trunks.channels[中国电信/33]")["diff_rate"] == 0.06
    (workspace / ".reportascode.yaml").write_text("thresholds:\n  REC-01: {tolerance: 0.10}\n", encoding="utf-8")
    code, document = reconcile(workspace, "reports/2024")
    assert code == 0 and document["findings"] == []
    assert table_row(document, "trunks.channels[中国电信/33]")["tolerance"] == 0.1


# --- caller numbers ----------------------------------------------------------------------------------------------


def test_a_caller_number_absent_from_numbers_yaml_is_an_error_at_its_row(workspace: Path) -> None:
    path = evidence(workspace, 2024, "caller_numbers.csv")
    rows = read_csv(path)
    rows.insert(3, ["95105888", "120", "2024-05-01", "2024-05-30"])
    rows.append(["400-000-7788", "5", "2024-06-01", "2024-06-02"])  # known (as 4000007788 too), not outbound
    write_csv(path, rows)
    code, document = reconcile(workspace, "reports/2024")
    assert code == 1
    assert located(document) == [
        ("REC-03", "reports/2024/evidence/caller_numbers.csv", 4, 1, "/4/number"),
        ("REC-04", "reports/2024/evidence/caller_numbers.csv", 7, 1, "/7/number"),
    ]
    message = document["findings"][0]["message"]
    assert "95105888" in message and "Xinguan [2020] No. 81" in message
    assert table_row(document, "numbers[unknown]")["evidence_value"] == 1


def test_a_number_used_before_its_outbound_commitment(workspace: Path) -> None:
    path = evidence(workspace, 2024, "caller_numbers.csv")
    numbers = workspace / "reports" / "2024" / "numbers.yaml"
    text = numbers.read_text(encoding="utf-8")
    numbers.write_text(text.replace("outbound_commitment_date: 2020-07-20", "outbound_commitment_date: 2024-03-01"),
                       encoding="utf-8")
    code, document = reconcile(workspace, "reports/2024")
    assert code == 1
    assert located(document) == [("REC-04", "reports/2024/evidence/caller_numbers.csv", 2, 3, "/2/first_date")]
    assert read_csv(path)[1][2] < "2024-03-01"


def test_outbound_attempts_against_the_calls(workspace: Path) -> None:
    operations = workspace / "reports" / "2024" / "operations.yaml"
    operations.write_text(operations.read_text(encoding="utf-8").replace("attempts: 4600000", "attempts: 4000000"),
                          encoding="utf-8")
    _, document = reconcile(workspace, "reports/2024")
    assert ("REC-05", "reports/2024/operations.yaml", 15, 13, "/outbound/attempts") in located(document)


# --- complaints, recordings, contracts ---------------------------------------------------------------------------


def test_complaint_counts_against_the_ledger(workspace: Path) -> None:
    path = evidence(workspace, 2024, "complaints.csv")
    rows = read_csv(path)
    rows = rows[:-20]  # 20 complaints fewer in the ledger than reported: -8.5%
    rows.append(["2023-12-30", "客服热线", "replied"])  # another year: not counted, listed as info
    write_csv(path, rows)
    code, document = reconcile(workspace, "reports/2024")
    assert code == 1
    found = {(f[0], f[1], f[4]) for f in located(document)}
    assert ("REC-06", "reports/2024/compliance.yaml", "/complaints/received") in found
    assert ("REC-06", "reports/2024/compliance.yaml", "/complaints/replied") in found
    assert ("REC-06", "reports/2024/evidence/complaints.csv", f"/{len(rows)}/date") in found
    received = next(f for f in document["findings"] if f["pointer"] == "/complaints/received")
    assert (received["line"], received["column"], received["severity"]) == (4, 13, "error")
    info = next(f for f in document["findings"] if f["file"].endswith("complaints.csv"))
    assert info["severity"] == "info"


def test_the_recording_sample_covers_the_last_90_days(workspace: Path) -> None:
    path = evidence(workspace, 2024, "recording_sample.csv")
    rows = read_csv(path)
    kept = [rows[0]] + [r for r in rows[1:] if not "2024-11-01" <= r[1] <= "2024-11-20"]
    kept[5][2] = "no"  # a call without its recording
    kept.append(["C-OLD", "2024-06-30", "yes", "yes"])  # outside the window
    write_csv(path, kept)
    code, document = reconcile(workspace, "reports/2024")
    assert code == 1
    by_rule = {f["rule"]: f for f in document["findings"]}
    assert (by_rule["REC-08"]["line"], by_rule["REC-08"]["column"], by_rule["REC-08"]["pointer"]) == (
        6, 3, "/6/recording_present")
    gap = next(f for f in document["findings"] if f["rule"] == "REC-07" and f["severity"] == "warning")
    assert "2024-11-01" in gap["message"] and "20 days" in gap["message"]
    outside = [f for f in document["findings"] if f["rule"] == "REC-07" and f["severity"] == "info"]
    assert [f["line"] for f in outside] == [len(kept)]
    assert table_row(document, "evidence.recording_sample.coverage")["evidence_value"] == 20


def test_an_empty_sample_is_flagged(workspace: Path) -> None:
    write_csv(evidence(workspace, 2024, "recording_sample.csv"), [SAMPLE_HEADER])
    _, document = reconcile(workspace, "reports/2024")
    assert [(f["rule"], f["line"], f["column"]) for f in document["findings"]] == [("REC-07", 1, 2)]


def test_trunk_contracts_against_billed_months(workspace: Path) -> None:
    trunks = workspace / "reports" / "2024" / "trunks.yaml"
    text = trunks.read_text(encoding="utf-8")
    trunks.write_text(text.replace("  contract_start: 2024-01-01\n  contract_end: 2026-12-31\n  numbers: [400-000-7788]"
                                   "\n  direction: in\n  sublet: false\n- id: TRK-SC-CM-01",
                                   "  contract_start: 2024-04-01\n  contract_end: 2026-12-31\n  numbers: [400-000-7788]"
                                   "\n  direction: in\n  sublet: false\n- id: TRK-SC-CM-01"), encoding="utf-8")
    bills = evidence(workspace, 2024, "trunk_bills.csv")
    rows = read_csv(bills)
    rows = [r for r in rows if not (r[2] == "TRK-JS-CM-01" and r[4] in ("2024-07", "2024-08"))]
    first_sc = next(i for i, r in enumerate(rows) if r[2] == "TRK-SC-CT-01")
    rows.append(["中国联通", "34", "TRK-AH-CU-E1-01", "30", "2024-05", "1800.00"])  # not in trunks.yaml
    rows.append(["中国移动", "34", "TRK-AH-CU-01", "90", "2024-13", ""])  # bad month; bad carrier never read
    write_csv(bills, rows)
    code, document = reconcile(workspace, "reports/2024")
    assert code == 1
    found = located(document)
    csv_file = "reports/2024/evidence/trunk_bills.csv"
    assert ("REC-09", csv_file, first_sc + 1, 5, f"/{first_sc + 1}/month") in found
    assert ("REC-09", csv_file, len(rows) - 1, 3, f"/{len(rows) - 1}/trunk_id") in found
    assert ("REC-11", csv_file, len(rows), 5, f"/{len(rows)}/month") in found
    assert ("REC-10", "reports/2024/trunks.yaml", 15, 7, "/1/id") in found
    messages = {f["rule"]: f["message"] for f in document["findings"] if f["rule"] in ("REC-09", "REC-10")}
    assert "2024-07–2024-08" in messages["REC-10"]


def test_a_bill_that_contradicts_the_trunk_carrier_and_province(workspace: Path) -> None:
    bills = evidence(workspace, 2024, "trunk_bills.csv")
    rows = read_csv(bills)
    rows[1][0], rows[2][1] = "中国移动", "浙江省"  # carrier differs; the province name is the same province
    rows[3][1] = "32"
    write_csv(bills, rows)
    _, document = reconcile(workspace, "reports/2024")
    assert [f for f in located(document) if f[0] == "REC-09"] == [
        ("REC-09", "reports/2024/evidence/trunk_bills.csv", 2, 1, "/2/carrier"),
        ("REC-09", "reports/2024/evidence/trunk_bills.csv", 4, 2, "/4/province"),
    ]


# --- malformed rows ----------------------------------------------------------------------------------------------


def test_malformed_rows_are_findings_with_row_and_column(workspace: Path) -> None:
    write_csv(evidence(workspace, 2024, "caller_numbers.csv"), [
        NUMBER_HEADER,
        ["96801", "4600000", "2024-01-01", "2024-12-31"],
        ["96801", "many", "2024-01-01", "2024-12-31"],      # 3: not a number
        ["96801", "1", "2024-02-30", "2024-12-31"],         # 4: not a date
        ["96801", "1", "2024-01-01"],                       # 5: wrong column count
        ["96801", "1", "2024-01-01", "2024-12-31", "x"],    # 6: wrong column count
        [],                                                 # 7: blank, skipped
        ["96801", "-3", "2024-01-01", "2024-12-31"],        # 8: negative
        ["", "1", "2024-01-01", "2024-12-31"],              # 9: empty number
        ["96801", "1", "2024-05-01", "2024-04-01"],         # 10: last before first
        ["96801", "1.5", "2024/1/1", "2024年12月31日"],      # 11: not a whole number (the dates are fine)
    ])
    code, document = reconcile(workspace, "reports/2024")
    assert code == 1
    rows = [(f["line"], f["column"], f["pointer"]) for f in document["findings"] if f["rule"] == "REC-11"]
    assert rows == [(3, 2, "/3/calls"), (4, 3, "/4/first_date"), (5, 4, "/5"), (6, 5, "/6"),
                    (8, 2, "/8/calls"), (9, 1, "/9/number"), (10, 4, "/10/last_date"), (11, 2, "/11/calls")]
    messages = [f["message"] for f in document["findings"] if f["rule"] == "REC-11"]
    assert "'calls' must be a whole number, not 'many'" in messages[0]
    assert "'first_date' must be a date (YYYY-MM-DD), not '2024-02-30'" in messages[1]
    assert "3 columns, the header 4" in messages[2]
    report = document["reports"][0]
    assert next(e for e in report["evidence"] if e["kind"] == "caller_numbers")["bad_rows"] == 8
    assert table_row(document, "operations.outbound.attempts")["verdict"] == "ok"


def test_the_first_20_bad_rows_are_listed_and_the_rest_counted(workspace: Path) -> None:
    path = evidence(workspace, 2024, "complaints.csv")
    rows = read_csv(path)
    bad_lines = []
    for i in range(25):  # N + 5
        rows.insert(10 + 2 * i, ["2024-01-15", "客服热线", "maybe"])
        bad_lines.append(10 + 2 * i + 1)
    write_csv(path, rows)
    _, document = reconcile(workspace, "reports/2024")
    bad = [f for f in document["findings"] if f["rule"] == "REC-11"]
    assert [f["line"] for f in bad] == sorted([*bad_lines[:20], bad_lines[20]])
    summary = next(f for f in bad if f["line"] == bad_lines[20])
    assert (summary["column"], summary["severity"]) == (1, "error")
    assert summary["message"].startswith("5 more findings of REC-11")
    assert all(f["column"] == 3 for f in bad if f is not summary)
    assert table_row(document, "compliance.complaints.received")["evidence_value"] == 236


@pytest.mark.parametrize("name, content", [
    ("trunk_bills.csv", b""),
    ("trunk_bills.csv", b"carrier,province,trunk_id,channels,month\n"),
    ("trunk_bills.csv", b"\x00\x01\x02\xff\xfe garbage \x00" * 50),
    ("trunk_bills.csv", "运营商,省份\n中国电信,33\n".encode("gbk")),
    ("trunk_bills.csv", b"carrier,province,trunk_id,channels,month\n" + b"x" * 300_000 + b"\n"),
    ("trunk_bills.csv", b'carrier,province,trunk_id,channels,month\n"unterminated,33,T,1,2024-01\n'),
    ("caller_numbers.csv",
     b"number,calls,first_date,last_date\n96801,1,2024-01-01,2024-01-02\n" + b"\xff\xfe\xfa" * 30),
    ("caller_numbers.csv", b"\xff\xfe" + "number,calls,first_date,last_date\n".encode("utf-16-le")),
    ("caller_numbers.csv", b"\x81\x30\x81\x30" * 10 + b"\xff" * 10),
    ("complaints.csv", b"date,channel,status\r\n2024-01-01,12321,replied\r\n\r\n,,\r\n"),
    ("complaints.xlsx", b"this is not a zip file"),
    ("complaints.xlsx", b"PK\x03\x04" + b"\x00" * 100),
    ("recording_sample.xls", b"\xd0\xcf\x11\xe0 old excel"),
    ("recording_sample.csv", "\ufeff通话编号;通话日期;有录音;有同意凭证\nA;2024-12-01;是;否\n".encode()),
])
def test_bad_evidence_never_crashes(workspace: Path, name: str, content: bytes) -> None:
    evidence(workspace, 2024, name).write_bytes(content)
    run = run_rac("reconcile", "reports/2024", "--format", "json", cwd=workspace)
    assert run.code in (0, 1), run.err
    assert "Traceback" not in run.err and "internal error" not in run.err
    document = json.loads(run.out)
    assert all(f["file"] and f["line"] >= 1 and f["column"] >= 1 for f in document["findings"])
    validate = run_rac("validate", "reports/2024", "--format", "json", cwd=workspace)
    assert validate.code in (0, 1), validate.err


def test_unreadable_files_are_named(workspace: Path) -> None:
    evidence(workspace, 2024, "trunk_bills.csv").write_text("运营商,省份\n中国电信,33\n", encoding="utf-8")
    evidence(workspace, 2024, "complaints.xlsx").write_bytes(b"not a workbook")
    _, document = reconcile(workspace, "reports/2024")
    found = {(f["rule"], f["file"].rsplit("/", 1)[1], f["line"], f["pointer"]): f["message"]
             for f in document["findings"]}
    missing = found[("REC-12", "trunk_bills.csv", 1, "")]
    assert "trunk_id/中继编号" in missing and "channels/并发路数" in missing and "运营商, 省份" in missing
    assert "complaints.csv is used" in found[("REC-12", "complaints.xlsx", 1, "")]
    report = document["reports"][0]
    assert not next(e for e in report["evidence"] if e["kind"] == "trunk_bills")["complete"]
    assert not any(r["rule"] in ("REC-01", "REC-02") for r in report["table"])  # skipped, not guessed


def test_gbk_and_chinese_headers_are_read(workspace: Path) -> None:
    """Excel on a Chinese Windows saves CSV as GBK; headers may be Chinese, in any order, under a title row."""
    bills = evidence(workspace, 2024, "trunk_bills.csv")
    rows = read_csv(bills)
    order = [4, 2, 0, 1, 3, 5]
    chinese = ["运营商", "省份", "中继编号", "并发路数", "账期", "月租费（元）"]
    rows = [["2024年中继账单"], [chinese[i] for i in order]] + [
        [r[i] for i in order] for r in rows[1:]]
    for r in rows[2:]:
        r[2] = {"中国电信": "电信", "中国移动": "移动", "中国联通": "联通"}[r[2]]
        r[3] = {"33": "浙江省", "32": "江苏", "34": "安徽", "51": "四川省"}[r[3]]
        r[0] = r[0].replace("-", "/")
    write_csv(bills, rows, encoding="gbk")
    code, document = reconcile(workspace, "reports/2024")
    assert code == 0 and document["findings"] == []
    assert next(e for e in document["reports"][0]["evidence"] if e["kind"] == "trunk_bills")["rows"] == 60


# --- XLSX and CSV ------------------------------------------------------------------------------------------------


def test_xlsx_and_csv_of_the_same_data_give_the_same_findings(workspace: Path) -> None:
    rows: list[list[Any]] = [
        NUMBER_HEADER,
        ["96801", 4_000_000, "2024-01-01", "2024-06-30"],
        ["96801", 600_000, "2024-07-01", "2024-12-31"],
        ["95105888", 120, "2024-05-01", "2024-05-30"],
        ["96802", 5, "2024-06-01", "2024-06-02"],
        ["96801", "many", "2024-01-01", "2024-12-31"],
        ["96801", 1, "2024-02-30", "2024-12-31"],
        ["96801", 1, "2024-01-01", "2024-12-31", "extra"],
        ["96801", 1, "2024-05-01", "2024-04-01"],
    ]
    csv_path = evidence(workspace, 2024, "caller_numbers.csv")
    write_csv(csv_path, rows)
    _, from_csv = reconcile(workspace, "reports/2024")
    csv_path.unlink()
    write_xlsx(evidence(workspace, 2024, "caller_numbers.xlsx"), rows)
    _, from_xlsx = reconcile(workspace, "reports/2024")
    assert [f["rule"] for f in from_csv["findings"]] == ["REC-03", "REC-04"] + ["REC-11"] * 4
    for finding in from_xlsx["findings"]:
        finding["file"] = finding["file"].replace(".xlsx", ".csv")
        finding["message"] = finding["message"].replace(".xlsx", ".csv")
    assert from_xlsx["findings"] == from_csv["findings"]
    strip = [{k: v for k, v in r.items() if k != "evidence_file"} for r in from_csv["reports"][0]["table"]]
    assert strip == [{k: v for k, v in r.items() if k != "evidence_file"} for r in from_xlsx["reports"][0]["table"]]


def test_xlsx_with_native_dates_and_numbers(workspace: Path) -> None:
    import datetime as dt

    rows: list[list[Any]] = [COMPLAINT_HEADER]
    for line in read_csv(evidence(workspace, 2024, "complaints.csv"))[1:]:
        rows.append([dt.datetime.fromisoformat(line[0]), int(line[1]) if line[1].isdigit() else line[1], line[2]])
    evidence(workspace, 2024, "complaints.csv").unlink()
    write_xlsx(evidence(workspace, 2024, "complaints.xlsx"), rows)
    code, document = reconcile(workspace, "reports/2024")
    assert code == 0 and document["findings"] == []


# --- command line and validate -----------------------------------------------------------------------------------


def test_validate_includes_reconciliation_findings(workspace: Path) -> None:
    path = evidence(workspace, 2024, "caller_numbers.csv")
    rows = read_csv(path)
    rows.append(["95105888", "120", "2024-05-01", "2024-05-30"])
    write_csv(path, rows)
    run = run_rac("validate", "reports/2024", "--format", "json", cwd=workspace)
    assert run.code == 1
    findings = json.loads(run.out)["findings"]
    assert ("REC-03", "reports/2024/evidence/caller_numbers.csv", 6, 1) in {
        (f["rule"], f["file"], f["line"], f["column"]) for f in findings}
    text = run_rac("validate", "reports/2024", "--lang", "en", cwd=workspace).out
    assert "reports/2024/evidence/caller_numbers.csv:6:1: error REC-03 caller number 95105888" in text


def test_validate_without_evidence_is_unchanged(workspace: Path) -> None:
    import shutil

    shutil.rmtree(workspace / "reports" / "2024" / "evidence")
    write_csv(evidence(workspace, 2023, "caller_numbers.csv"), [NUMBER_HEADER, ["95105888", "1", "2023-01-01",
                                                                               "2023-01-01"]])
    run = run_rac("validate", "reports/2024", "--format", "json", cwd=workspace)
    assert not any(f["rule"].startswith("REC-") for f in json.loads(run.out)["findings"])
    code, document = reconcile(workspace, "reports/2024")
    assert code == 0 and document["reports"][0]["has_evidence"] is False
    text = run_rac("reconcile", "reports/2024", "--lang", "en", cwd=workspace)
    assert text.code == 0 and "no evidence/ folder" in text.out


def test_severity_overrides_and_waivers_apply(workspace: Path) -> None:
    path = evidence(workspace, 2024, "caller_numbers.csv")
    rows = read_csv(path)
    rows.append(["95105888", "120", "2024-05-01", "2024-05-30"])
    rows.append(["96802", "1", "2024-05-01", "2024-05-30"])
    write_csv(path, rows)
    (workspace / ".reportascode.yaml").write_text(
        "severity:\n  REC-03: warning\n"
        "waivers:\n  - {rule: REC-04, reason: test line of the carrier, expires: 2999-12-31, pointer: /7/number}\n",
        encoding="utf-8")
    code, document = reconcile(workspace, "reports/2024")
    assert code == 0
    assert [(f["rule"], f["severity"]) for f in document["findings"]] == [("REC-03", "warning")]
    assert [f["rule"] for f in document["waived"]] == ["REC-04"]
    assert run_rac("reconcile", "reports/2024", "--strict", cwd=workspace).code == 1
    (workspace / ".reportascode.yaml").write_text("severity:\n  REC-03: 'off'\n  REC-04: 'off'\n", encoding="utf-8")
    code, document = reconcile(workspace, "reports/2024")
    assert code == 0 and document["findings"] == []


def test_text_and_markdown_outputs(workspace: Path) -> None:
    zh = run_rac("reconcile", "reports/2024", "--lang", "zh", cwd=workspace)
    assert zh.code == 0
    assert "差异率" in zh.out and "容差" in zh.out and "中继路数：中国电信 浙江(33)" in zh.out
    assert "并非监管规定" in zh.out
    markdown = run_rac("reconcile", "reports/2024", "--format", "markdown", "--lang", "en", cwd=workspace)
    lines = markdown.out.splitlines()
    assert "| field | report | evidence | diff. rate | tolerance | verdict |" in lines
    assert "| seats vs channels billed | 610 | 620 | +1.64% | ±5% | ok |" in lines


def test_reconcile_usage_errors(workspace: Path) -> None:
    assert run_rac("reconcile", cwd=workspace).code == 2
    assert run_rac("reconcile", "reports/1999", cwd=workspace).code == 2
    assert run_rac("reconcile", "reports/2024", "--format", "sarif", cwd=workspace).code == 2


def test_several_reports_at_once(workspace: Path) -> None:
    code, document = reconcile(workspace, "reports")
    assert code == 0 and [r["report"] for r in document["reports"]] == ["reports/2022", "reports/2023",
                                                                        "reports/2024"]


def test_progress_is_reported_for_large_files(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportascode.model.config import Config
    from reportascode.model.workspace import Workspace
    from reportascode.reconcile import evidence as evidence_module
    from reportascode.reconcile import reconcile_report

    monkeypatch.setattr(evidence_module, "PROGRESS_EVERY", 50)
    calls: list[tuple[str, int, float | None, bool]] = []
    report = next(r for r in Workspace.at(workspace).reports() if r.year == 2024)
    reconcile_report(report, Config(), progress=lambda *args: calls.append(args))
    complaints = [c for c in calls if c[0] == "complaints.csv"]
    assert [c[1] for c in complaints] == [50, 100, 150, 200, 236]
    assert complaints[-1][3] is True and all(0 < (c[2] or 0) <= 1 for c in complaints)
    assert not any(c[0] == "caller_numbers.csv" for c in calls)  # 4 rows: too small for a progress line


def test_every_rule_is_documented_in_both_languages() -> None:
    from reportascode.messages import en, zh
    from reportascode.rules.registry import Kind, load_all

    for rule in [r.id for r in load_all().values() if r.kind is Kind.EVIDENCE]:
        for key in (f"rule.{rule}.title", f"rule.{rule}.doc", f"check.{rule}"):
            assert key in zh.MESSAGES and key in en.MESSAGES, key
    ours = {k for k in zh.MESSAGES if k.startswith(("check.REC-", "rule.REC-", "reconcile."))}
    assert ours == {k for k in en.MESSAGES if k.startswith(("check.REC-", "rule.REC-", "reconcile."))}
