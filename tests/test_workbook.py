"""rac workbook export / import: the round trip a colleague makes in Excel, WPS or LibreOffice."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from reportascode.authoring.yamltext import comment_tokens
from tests.conftest import run_rac

openpyxl = pytest.importorskip("openpyxl")

REPORT = "reports/2024"


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "reports").rglob("*"))
            if p.is_file()}


def _export(workspace: Path, *extra: str, name: str = "wb.xlsx") -> Path:
    out = workspace.parent / name
    result = run_rac("workbook", "export", REPORT, "--out", str(out), *extra, cwd=workspace)
    assert result.code == 0, result.err
    return out


def _import(workspace: Path, book: Path, *extra: str) -> Any:
    return run_rac("workbook", "import", str(book), "--lang", "en", *extra, cwd=workspace)


def _row_of(sheet: Any, label: str, column: int = 1) -> int:
    for row in sheet.iter_rows(min_row=1, max_col=column):
        if row[column - 1].value == label:
            return int(row[0].row)
    raise AssertionError(f"no row labelled {label}")


def _fill(book: Path, target: Path | None = None) -> Path:
    """What a colleague does: type numbers, pick list values, pick a date, add a branch row."""
    wb = openpyxl.load_workbook(book)
    finance = wb["经济效益"]
    finance.cell(row=_row_of(finance, "资产总额"), column=3).value = 7400.5
    finance.cell(row=_row_of(finance, "公示营业成本"), column=3).value = "是"
    company = wb["基本情况"]
    company.cell(row=_row_of(company, "上市情况"), column=3).value = "境内"
    compliance = wb["服务质量与安全"]
    compliance.cell(row=_row_of(compliance, "测评报告编号"), column=3).value = "DJCP-ZJ-2024-1188"
    signatures = wb["签署信息"]
    row = next(r for r in signatures.iter_rows(min_row=1, max_col=3) if r[0].value == "日期")[0].row
    signatures.cell(row=row, column=3).value = dt.datetime(2025, 3, 11)
    branches = wb["分支机构"]
    first_free = 4 + 4
    values = ["ZJ-NB-01", "星澜联络科技有限公司宁波运营场地", "91330106MA2K7Q3P10", "运营场地", "33 浙江", "宁波市",
              "浙江省宁波市鄞州区天童南路 1 号", dt.datetime(2024, 9, 1), None, "否", 0, 0]
    for column, value in enumerate(values, start=1):
        branches.cell(row=first_free, column=column).value = value
    out = target or book.with_name("filled.xlsx")
    wb.save(out)
    return out


EXPECTED_LINES = {
    "reports/2024/finance.yaml": (
        ["operating_cost: false", "total_assets_wan: 7362.30         # 年末资产总额"],
        ["operating_cost: true", "total_assets_wan: 7400.50         # 年末资产总额"],
    ),
    "reports/2024/company.yaml": (
        ["listed: 未上市                    # 上市情况：未上市 / 境内 / 境外"],
        ["listed: 境内                      # 上市情况：未上市 / 境内 / 境外"],
    ),
    "reports/2024/compliance.yaml": (
        ["test_report_no: DJCP-ZJ-2024-1187"],
        ["test_report_no: DJCP-ZJ-2024-1188"],
    ),
    "reports/2024/signatures.yaml": (["date: 2025-03-12"], ["date: 2025-03-11"]),
}

NEW_BRANCH = """\
- id: ZJ-NB-01
  name: 星澜联络科技有限公司宁波运营场地
  uscc: 91330106MA2K7Q3P10
  kind: 运营场地
  province: "33"
  city: 宁波市
  address: 浙江省宁波市鄞州区天童南路 1 号
  established: 2024-09-01
  closed: null
  operates_b24: false
  seats: 0
  staff: 0
"""


def _changed(before: bytes, after: bytes) -> tuple[list[str], list[str]]:
    old, new = before.decode().splitlines(), after.decode().splitlines()
    removed, added = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag != "equal":
            removed += old[i1:i2]
            added += new[j1:j2]
    return [line.strip() for line in removed], [line.strip() for line in added]


def _assert_exact_change(before: dict[str, bytes], after: dict[str, bytes]) -> None:
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed == {*EXPECTED_LINES, "reports/2024/branches.yaml"}
    for name, (removed, added) in EXPECTED_LINES.items():
        got_removed, got_added = _changed(before[name], after[name])
        assert sorted(got_removed) == sorted(line.strip() for line in removed), name
        assert sorted(got_added) == sorted(line.strip() for line in added), name
    branches_before, branches_after = before["reports/2024/branches.yaml"], after["reports/2024/branches.yaml"]
    assert branches_after.decode() == branches_before.decode() + NEW_BRANCH
    for name in changed:  # every comment kept, line by line
        old_comments = comment_tokens(before[name].decode())
        assert not old_comments - comment_tokens(after[name].decode()), name


def _validate_rules(workspace: Path) -> list[tuple[str, str]]:
    result = run_rac("validate", REPORT, "--format", "json", cwd=workspace)
    import json

    return sorted((f["rule"], f["severity"]) for f in json.loads(result.out)["findings"])


def test_round_trip_changes_exactly_the_filled_values(workspace: Path) -> None:
    baseline = _validate_rules(workspace)
    before = _snapshot(workspace)
    filled = _fill(_export(workspace))
    result = _import(workspace, filled)
    after = _snapshot(workspace)
    _assert_exact_change(before, after)
    assert "finance.yaml /total_assets_wan" in result.out and "7362.30 → 7400.50" in result.out
    assert "+ branches.yaml /4" in result.out
    assert _validate_rules(workspace) == baseline  # the filled values are valid: the same findings as before
    assert result.code == (1 if any(s == "error" for _, s in baseline) else 0)


def test_dry_run_shows_the_change_and_writes_nothing(workspace: Path) -> None:
    before = _snapshot(workspace)
    result = _import(workspace, _fill(_export(workspace)), "--dry-run")
    assert result.code == 0, result.err
    assert "7362.30 → 7400.50" in result.out and "dry run" in result.out
    assert _snapshot(workspace) == before


def test_import_without_edits_is_a_no_op(workspace: Path) -> None:
    before = _snapshot(workspace)
    stamps = {p: p.stat().st_mtime_ns for p in (workspace / "reports").rglob("*.yaml")}
    result = _import(workspace, _export(workspace))
    assert result.code == 0, result.err
    assert "does not differ" in result.out
    assert _snapshot(workspace) == before
    assert stamps == {p: p.stat().st_mtime_ns for p in (workspace / "reports").rglob("*.yaml")}


def test_findings_after_import_name_the_workbook_cell(workspace: Path) -> None:
    book = _export(workspace)
    wb = openpyxl.load_workbook(book)
    operations = wb["业务发展"]
    row = _row_of(operations, "AI坐席数")
    operations.cell(row=row, column=3).value = 95  # total = human + ai breaks: SEAT-01 and SEAT-02
    wb.save(book)
    result = _import(workspace, book)
    assert result.code == 1
    line = next(line for line in result.out.splitlines() if " SEAT-01 " in line)
    assert line.startswith("reports/2024/operations.yaml:")
    assert line.endswith("]") and "[业务发展!C" in line


def test_added_province_row_is_one_addition_and_findings_name_its_row(workspace: Path) -> None:
    book = _export(workspace)
    wb = openpyxl.load_workbook(book)
    sheet = wb["分省经营情况"]
    for column, value in enumerate(["44 广东", 10, 0, 1000, 100, 50, "ZJ-HZ-01"], start=1):
        sheet.cell(row=8, column=column).value = value
    wb.save(book)
    result = _import(workspace, book)
    assert "+ operations.yaml /by_province/4" in result.out
    geo = next(line for line in result.out.splitlines() if " GEO-01 " in line)
    assert "[分省经营情况!" in geo and "8]" in geo


def test_enum_lists_accept_codes_names_and_labels(workspace: Path) -> None:
    book = _export(workspace)
    wb = openpyxl.load_workbook(book)
    services = wb["业务种类及覆盖范围"]
    assert services.cell(row=4, column=3).value == "33 浙江\n32 江苏\n34 安徽\n51 四川"
    services.cell(row=4, column=3).value = "33、江苏, 34 安徽\n51"
    wb.save(book)
    before = _snapshot(workspace)
    result = _import(workspace, book)
    assert "does not differ" in result.out, result.out + result.err
    assert _snapshot(workspace) == before


# --- bad input: a clear message and nothing written ----------------------------------------------------------------


def _refused(workspace: Path, book: Path, code: int, *needles: str, extra: tuple[str, ...] = ()) -> str:
    before = _snapshot(workspace)
    result = _import(workspace, book, *extra)
    assert result.code == code, (result.out, result.err)
    text = result.out + result.err
    for needle in needles:
        assert needle in text, text
    assert "Traceback" not in text
    assert _snapshot(workspace) == before
    return text


def test_text_in_a_number_cell(workspace: Path) -> None:
    book = _export(workspace)
    wb = openpyxl.load_workbook(book)
    finance = wb["经济效益"]
    row = _row_of(finance, "营业收入")
    finance.cell(row=row, column=3).value = "约9400"
    wb.save(book)
    _refused(workspace, book, 1, f"经济效益!C{row}", "“约9400” is not a number", "finance.yaml#/operating_revenue_wan")


def test_a_formula_is_refused_unless_accepted(workspace: Path) -> None:
    book = _export(workspace)
    wb = openpyxl.load_workbook(book)
    finance = wb["经济效益"]
    row = _row_of(finance, "营业收入")
    finance.cell(row=row, column=3).value = "=9000+380"
    wb.save(book)
    _refused(workspace, book, 1, f"经济效益!C{row}", "formula =9000+380", "--accept-formulas")
    # openpyxl saves no computed value: even when accepted there is nothing to take
    _refused(workspace, book, 1, "no saved result", extra=("--accept-formulas",))


def test_a_deleted_or_renamed_sheet(workspace: Path) -> None:
    book = _export(workspace)
    wb = openpyxl.load_workbook(book)
    wb["经济效益"].title = "Finance"
    del wb["分支机构"]
    wb.save(book)
    _refused(workspace, book, 2, "经济效益", "分支机构", "deleted or renamed")


def test_a_changed_table_header(workspace: Path) -> None:
    book = _export(workspace)
    wb = openpyxl.load_workbook(book)
    wb["分支机构"].cell(row=3, column=1).value = "ID"
    wb.save(book)
    _refused(workspace, book, 1, "分支机构", "header row was changed")


def test_a_workbook_for_another_company(workspace: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(workspace, other)
    company = other / REPORT / "company.yaml"
    company.write_text(company.read_text().replace("星澜联络科技有限公司        #", "另一家科技有限公司          #"))
    book = _export(other, name="other.xlsx")
    _refused(workspace, book, 2, "是为 另一家科技有限公司", "未写入任何文件", extra=("--lang", "zh"))


def test_a_workbook_for_another_year(workspace: Path) -> None:
    book = _export(workspace)
    _refused(workspace, book, 2, "是 2024 年度的工作簿", "是 2023 年度",
             extra=("--lang", "zh", "--report", "reports/2023"))


def test_three_way_conflicts_are_listed_field_by_field(workspace: Path) -> None:
    book = _export(workspace)
    finance_path = workspace / REPORT / "finance.yaml"
    # since the export, someone changed two figures in the repository
    assert run_rac("set", str(finance_path), "/total_assets_wan", "7500", cwd=workspace).code == 0
    assert run_rac("set", str(finance_path), "/tax_paid_wan", "400", cwd=workspace).code == 0
    wb = openpyxl.load_workbook(book)
    finance = wb["经济效益"]
    row = _row_of(finance, "资产总额")
    finance.cell(row=row, column=3).value = 7400  # changed in the workbook too: a conflict
    wb.save(book)
    text = _refused(workspace, book, 1, f"经济效益!C{row}: conflict at reports/2024/finance.yaml#/total_assets_wan",
                    "7362.30 at export, 7500 in the repository now, 7400.00 in the workbook", "1 conflicts")
    assert "tax_paid_wan" not in text  # changed only in the repository: no conflict


def test_a_repository_change_the_workbook_did_not_touch_is_kept(workspace: Path) -> None:
    book = _export(workspace)
    finance_path = workspace / REPORT / "finance.yaml"
    assert run_rac("set", str(finance_path), "/tax_paid_wan", "400", cwd=workspace).code == 0
    wb = openpyxl.load_workbook(book)
    finance = wb["经济效益"]
    finance.cell(row=_row_of(finance, "资产总额"), column=3).value = 7400
    wb.save(book)
    result = _import(workspace, book)
    assert "1 fields changed in the repository since the export" in result.out
    text = finance_path.read_text()
    assert "tax_paid_wan: 400 " in text and "total_assets_wan: 7400.00 " in text


def test_a_deleted_row_removes_one_record(workspace: Path) -> None:
    book = _export(workspace)
    wb = openpyxl.load_workbook(book)
    wb["语音中继"].delete_rows(8)  # the last trunk, TRK-SC-CM-01
    wb.save(book)
    before = (workspace / REPORT / "trunks.yaml").read_text()
    result = _import(workspace, book, "--dry-run")
    assert "- trunks.yaml /4" in result.out
    _import(workspace, book)
    after = (workspace / REPORT / "trunks.yaml").read_text()
    assert "TRK-SC-CM-01" not in after and after == before[: before.index("- id: TRK-SC-CM-01")]


def test_hostile_and_broken_files(workspace: Path, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.xlsx"
    garbage.write_bytes(b"PK\x03\x04 not really a zip")
    _refused(workspace, garbage, 2, "不是 XLSX 文件", extra=("--lang", "zh"))

    plain = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(plain)
    _refused(workspace, plain, 2, "不是 rac workbook export 导出的工作簿", extra=("--lang", "zh"))

    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (40 * 1024 * 1024))
    assert bomb.stat().st_size < 200_000
    _refused(workspace, bomb, 2, "zip 炸弹", extra=("--lang", "zh"))

    linked = tmp_path / "linked.xlsx"
    book = _export(workspace)
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(linked, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/externalLinks/externalLink1.xml", "<externalLink/>")
    _refused(workspace, linked, 2, "外部链接", extra=("--lang", "zh"))


def test_workbook_bounds(tmp_path: Path) -> None:
    from dataclasses import replace

    from reportascode.files.xlsx_bounds import XlsxRefused, check_archive
    from reportascode.workbook.reading import WORKBOOK_LIMITS

    path = tmp_path / "ok.xlsx"
    openpyxl.Workbook().save(path)
    check_archive(path, WORKBOOK_LIMITS)
    for limits, variant in ((replace(WORKBOOK_LIMITS, file_bytes=100), "file_size"),
                            (replace(WORKBOOK_LIMITS, total_bytes=1000), "total_size")):
        with pytest.raises(XlsxRefused) as refused:
            check_archive(path, limits)
        assert refused.value.variant == variant
    with pytest.raises(XlsxRefused) as refused:
        check_archive(tmp_path, WORKBOOK_LIMITS)  # a folder
    assert refused.value.variant == "not_file"
    linked = tmp_path / "linked.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(linked, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/externalLinks/externalLink1.xml", "<externalLink/>")
    with pytest.raises(XlsxRefused) as refused:
        check_archive(linked, WORKBOOK_LIMITS)
    assert refused.value.variant == "outside"
    check_archive(linked)  # evidence exports may carry links: openpyxl's read-only mode never follows them


def test_damaged_anchors(workspace: Path) -> None:
    book = _export(workspace)
    wb = openpyxl.load_workbook(book)
    anchors = wb["_rac"]
    for row in anchors.iter_rows():
        if row[0].value == "field" and row[4].value == "/total_assets_wan":
            row[5].value = "1"
    wb.save(book)
    _refused(workspace, book, 2, "隐藏定位信息已被改动或损坏", extra=("--lang", "zh"))


# --- what the exported workbook holds ------------------------------------------------------------------------------


def test_report_text_never_becomes_a_formula(workspace: Path) -> None:
    company = workspace / REPORT / "company.yaml"
    text = company.read_text().replace("registered_address: 浙江", 'registered_address: "=HYPERLINK(1)" # 浙江', 1)
    text = text.replace("contact:                          # 公司联系人（年报填报联系人）\n  name: 林晓雯",
                        "contact:                          # 公司联系人（年报填报联系人）\n  name: \"@SUM(1+1)\"")
    company.write_text(text)
    book = _export(workspace)
    with zipfile.ZipFile(book) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert not any("<f>" in s or "<f " in s for s in sheets)
    wb = openpyxl.load_workbook(book)
    values = [c.value for row in wb["基本情况"].iter_rows() for c in row]
    assert "=HYPERLINK(1)" in values and "@SUM(1+1)" in values
    before = _snapshot(workspace)
    result = _import(workspace, book)
    assert "does not differ" in result.out
    assert _snapshot(workspace) == before


def test_export_layout_validation_and_protection(workspace: Path) -> None:
    book = _export(workspace)
    wb = openpyxl.load_workbook(book)
    assert wb["_rac"].sheet_state == "veryHidden" and wb["_rac_lists"].sheet_state == "hidden"
    assert wb.sheetnames[-2:] == ["_rac_lists", "_rac"]
    finance = wb["经济效益"]
    assert finance.protection.sheet
    row = _row_of(finance, "营业收入")
    value = finance.cell(row=row, column=3)
    assert value.protection.locked is False and finance.cell(row=row, column=1).protection.locked
    assert finance.cell(row=row, column=2).value == "万元"
    assert value.number_format == "#,##0.00" and value.comment is not None
    kinds = {v.type for v in finance.data_validations.dataValidation}
    assert {"decimal", "date", "list"} <= kinds
    branches = wb["分支机构"]
    assert branches.protection.insertRows is False and branches.protection.deleteRows is False
    assert branches.cell(row=4, column=5).value == "33 浙江"
    assert wb["报送信息"].cell(row=4, column=3).number_format == "0"  # the year: no thousands separator


def test_export_chosen_files_in_english(workspace: Path) -> None:
    book = _export(workspace, "--files", "finance,branches", "--lang", "en")
    wb = openpyxl.load_workbook(book)
    assert [n for n in wb.sheetnames if not n.startswith("_")] == ["Finance", "Branches"]
    assert wb["Finance"].cell(row=3, column=1).value == "Item"
    bad = run_rac("workbook", "export", REPORT, "--files", "financial", cwd=workspace)
    assert bad.code == 2 and "financial" in bad.err


# --- LibreOffice ------------------------------------------------------------------------------------------------------


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _resave(book: Path, folder: Path) -> Path:
    soffice = _soffice()
    assert soffice is not None
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / "profile"
    done = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--calc",
                           "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(folder), str(book)],
                          capture_output=True, timeout=180, check=False)
    converted = folder / book.name
    assert done.returncode == 0 and converted.is_file(), done.stderr
    return converted


@pytest.mark.system_packages
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_round_trip_imports_the_same(workspace: Path, tmp_path: Path) -> None:
    book = _export(workspace)
    resaved = _resave(book, tmp_path / "lo-plain")
    before = _snapshot(workspace)
    result = _import(workspace, resaved)
    assert "does not differ" in result.out, result.out + result.err
    assert _snapshot(workspace) == before

    filled = _fill(book)
    wb = openpyxl.load_workbook(filled)
    finance = wb["经济效益"]
    finance.cell(row=_row_of(finance, "营业收入"), column=3).value = "=9000+380"  # the same 9380, as a formula
    wb.save(filled)
    resaved = _resave(filled, tmp_path / "lo-filled")  # LibreOffice computes it and saves the result
    _refused(workspace, resaved, 1, "formula =9000+380")
    result = _import(workspace, resaved, "--accept-formulas")
    assert "Traceback" not in result.err
    _assert_exact_change(before, _snapshot(workspace))


def test_a_new_year_report_is_filled_in_through_the_workbook(workspace: Path) -> None:
    assert run_rac("new-year", "2025", cwd=workspace).code == 0
    book = workspace.parent / "ny.xlsx"
    assert run_rac("workbook", "export", "2025", "--out", str(book), cwd=workspace).code == 0
    before = _snapshot(workspace)
    assert "does not differ" in _import(workspace, book).out  # 待填 cells left as they are
    wb = openpyxl.load_workbook(book)
    finance = wb["经济效益"]
    assert finance.cell(row=_row_of(finance, "营业收入"), column=3).value == "待填"
    finance.cell(row=_row_of(finance, "营业收入"), column=3).value = 10000
    finance.cell(row=_row_of(finance, "营业成本"), column=3).value = 8500.25
    numbers = wb["码号资源"]
    trunk_ids = [c.value for c in numbers[3]].index("绑定中继") + 1
    numbers.cell(row=4, column=trunk_ids).value = "TRK-ZJ-CT-01, TRK-JS-CM-01"
    wb.save(book)
    result = _import(workspace, book)
    assert "Traceback" not in result.err, result.err
    after = _snapshot(workspace)
    changed = {n for n in after if after[n] != before.get(n)}
    assert changed == {"reports/2025/finance.yaml", "reports/2025/numbers.yaml"}, result.out + result.err
    removed, added = _changed(before["reports/2025/finance.yaml"], after["reports/2025/finance.yaml"])
    assert [a.split("#")[0].strip() for a in added] == ["operating_revenue_wan: 10000", "operating_cost_wan: 8500.25"]
    assert [r.split("#")[0].strip() for r in removed] == ["operating_revenue_wan: 待填", "operating_cost_wan: 待填"]
    removed, added = _changed(before["reports/2025/numbers.yaml"], after["reports/2025/numbers.yaml"])
    assert [a.split("#")[0].strip() for a in added] == ["trunk_ids: [TRK-ZJ-CT-01, TRK-JS-CM-01]"]


def test_a_text_list_takes_one_item_per_line(workspace: Path) -> None:
    book = _export(workspace)
    wb = openpyxl.load_workbook(book)
    sheet = wb["情况说明"]
    evidence = [c.value for c in sheet[3]].index("佐证材料") + 1
    sheet.cell(row=5, column=evidence).value = "续期申请受理回执, 第二份\n补正通知书（2025-03-01）"
    wb.save(book)
    _import(workspace, book)
    text = (workspace / REPORT / "explanations.yaml").read_text()
    assert '  evidence: ["续期申请受理回执, 第二份", 补正通知书（2025-03-01）]\n' in text
