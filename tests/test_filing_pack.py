"""The filing pack as a compliance office prints, stamps and files it: the sample 2024 report is frozen and
rendered once; the DOCX and XLSX are printed to PDF by LibreOffice and the HTML by Chromium (once per session,
they are slow), and every printed page is read back: the fingerprint on each page, 内部 on internal pages, the
seal line on the letters, 填表人/审核人, no text below 7 pt, no file path, the basis vocabulary. DOCX and XLSX
content is read with python-docx and openpyxl; ``rac verify --document`` accepts what the frozen data made and
rejects what an edit made."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REPORTS, run_rac
from tests.gitrepo import GitRepo

pytestmark = pytest.mark.system_packages  # also run without fonts-noto-cjk, chromium, poppler… (.ci/run)

COMPANY = "星澜联络科技有限公司"
DOCS = ("annual-report", "gap-analysis")


def _tool(name: str) -> str | None:
    return shutil.which(name)


def _pdf_ready() -> bool:
    from reportascode.render import pdf

    return pdf.unavailable() is None


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The sample workspace in a git repository, 2024 frozen, rendered in every format into ``out/``."""
    repo = GitRepo(tmp_path_factory.mktemp("pack") / "repo")
    for year in ("2022", "2023", "2024"):
        repo.copy(SAMPLE_REPORTS / year, f"reports/{year}")
    repo.commit("sample reports")
    frozen = run_rac("freeze", "reports/2024", cwd=repo.root)
    assert frozen.code == 0, frozen.out + frozen.err
    rendered = run_rac("render", "2024", "--out", str(repo.root / "out"), cwd=repo.root)
    assert rendered.code == 0, rendered.out + rendered.err
    yield repo.root


@pytest.fixture(scope="module")
def printed(pack: Path) -> dict[str, dict[str, list[str]]]:
    """Page texts of every printed rendering: ``{"weasyprint"|"docx"|"xlsx"|"chromium": {doc: [page text]}}``.
    Renderings whose tool is missing here are left out (the tests that need one skip naming it)."""
    pdftotext = _tool("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed (CI installs it through .ci/run)")
    out = pack / "out"
    pdfs: dict[str, dict[str, Path]] = {}
    if _pdf_ready():
        pdfs["weasyprint"] = {doc: out / f"{doc}.pdf" for doc in DOCS}
    soffice = _tool("soffice")
    if soffice is not None:
        for kind in ("docx", "xlsx"):
            folder = pack / "printed" / kind
            folder.mkdir(parents=True, exist_ok=True)
            subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{pack / 'lo-profile'}",
                            "--convert-to", "pdf", "--outdir", str(folder), *[str(out / f"{d}.{kind}") for d in DOCS]],
                           check=True, capture_output=True, timeout=300)
            pdfs[kind] = {doc: folder / f"{doc}.pdf" for doc in DOCS}
    chromium = _tool("chromium") or _tool("chromium-browser")
    if chromium is not None:
        folder = pack / "printed" / "chromium"
        folder.mkdir(parents=True, exist_ok=True)
        for doc in DOCS:
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            f"--print-to-pdf={folder / f'{doc}.pdf'}", (out / f"{doc}.html").as_uri()],
                           check=True, capture_output=True, timeout=300)
        pdfs["chromium"] = {doc: folder / f"{doc}.pdf" for doc in DOCS}
    texts: dict[str, dict[str, list[str]]] = {}
    for kind, files in pdfs.items():
        texts[kind] = {}
        for doc, path in files.items():
            text = subprocess.run([pdftotext, "-layout", str(path), "-"], capture_output=True, text=True,
                                  check=True).stdout
            texts[kind][doc] = text.split("\f")[:-1]
    texts["_files"] = {kind: [str(files[d]) for d in DOCS] for kind, files in pdfs.items()}
    return texts


def _need(printed: dict[str, dict[str, list[str]]], kind: str) -> dict[str, list[str]]:
    if kind not in printed:
        tool = {"weasyprint": "WeasyPrint with a CJK font", "docx": "LibreOffice (soffice)",
                "xlsx": "LibreOffice (soffice)", "chromium": "chromium"}[kind]
        pytest.skip(f"{tool} is not installed (CI installs it through .ci/run)")
    return printed[kind]


def _fingerprint(pack: Path) -> str:
    from reportascode.history.fingerprint import fingerprint
    from reportascode.model.selector import select

    found = fingerprint(select(["reports/2024"], command="verify", cwd=pack).one("verify"))
    assert found.locked
    return found.short


KINDS = ("weasyprint", "docx", "xlsx", "chromium")


# -- every printed page ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", KINDS)
def test_the_fingerprint_is_on_every_page(pack: Path, printed: dict[str, dict[str, list[str]]], kind: str) -> None:
    pages = _need(printed, kind)
    short = _fingerprint(pack)
    for doc in DOCS:
        assert pages[doc], doc
        missing = [number for number, text in enumerate(pages[doc], start=1) if short not in text]
        assert not missing, f"{kind} {doc}: no fingerprint on pages {missing}"
        assert all("已锁定" in text and "reportascode" in text for text in pages[doc])


@pytest.mark.parametrize("kind", KINDS)
def test_internal_pages_say_so_on_every_page(printed: dict[str, dict[str, list[str]]], kind: str) -> None:
    pages = _need(printed, kind)
    assert all("内部" in text for text in pages["gap-analysis"])
    province_pages = [text for text in pages["annual-report"] if "按坐席所在地分省整理" in re.sub(r"\s+", "", text)]
    assert province_pages and all("内部" in text for text in province_pages)


@pytest.mark.parametrize("kind", KINDS)
def test_signed_letters_carry_the_seal_line_and_the_company(printed: dict[str, dict[str, list[str]]],
                                                            kind: str) -> None:
    pages = _need(printed, kind)["annual-report"]
    commitment = [text for text in pages if "郑重承诺" in text]
    assert len(commitment) >= 2  # the 承诺书 and the 外呼承诺书 of 96801
    for text in commitment:
        flat = re.sub(r"\s+", "", text)
        assert "承诺单位（盖章）：" + COMPANY in flat, flat[:200]
        assert "法定代表人（签字）" in flat
        # tool notes stay off the signed pages, and no drawn seal outline
        assert "存档" not in flat and "并非监管部门规定" not in flat
    assert any("开通呼出承诺书（96801）" in re.sub(r"\s+", "", text) for text in pages)


@pytest.mark.parametrize("kind", KINDS)
def test_forms_name_the_preparer_and_the_reviewer(printed: dict[str, dict[str, list[str]]], kind: str) -> None:
    text = re.sub(r"\s+", "", "".join(_need(printed, kind)["annual-report"]))
    assert "填表人：林晓雯" in text and "审核人：何嘉树" in text
    assert "联系电话：0571-86907701" in text


@pytest.mark.parametrize("kind", KINDS)
def test_no_file_path_and_no_regulation_denied_for_agency_items(printed: dict[str, dict[str, list[str]]],
                                                               kind: str) -> None:
    pages = _need(printed, kind)
    annual = "".join(pages["annual-report"])
    for path_like in (".yaml", "reports/2024", "explanations"):
        assert path_like not in annual, path_like
    gap = re.sub(r"\s+", "", "".join(pages["gap-analysis"]))
    assert ".yaml" not in gap
    assert "非监管规定" not in gap and "非监管规定" not in re.sub(r"\s+", "", annual)
    assert "据代理机构资料，原文待核实" in gap  # LIC-02's basis: an agency page quotes Art. 27; text unverified


@pytest.mark.parametrize("kind", KINDS)
def test_the_pack_has_its_cover_outbound_letter_and_number_sheet(printed: dict[str, dict[str, list[str]]],
                                                                 kind: str) -> None:
    text = re.sub(r"\s+", "", "".join(_need(printed, kind)["annual-report"]))
    for title in ("2024年度电信业务经营许可年报报送材料", "材料清单", "附件清单", "年度财务审计报告",
                  "呼叫中心接入号码开通呼出承诺书（96801）", "2024年度电信网码号资源年报数据表"):
        assert title in text, title


@pytest.mark.parametrize("kind", ("weasyprint", "docx", "chromium"))
def test_the_cover_is_two_whole_pages(printed: dict[str, dict[str, list[str]]], kind: str) -> None:
    """Page 1: who, what and 材料清单; page 2 starts with 附件清单 and keeps the closing notes with it, so no
    note is left alone on a page."""
    pages = [re.sub(r"\s+", "", page) for page in _need(printed, kind)["annual-report"]]
    assert "材料清单" in pages[0] and "附件清单" not in pages[0]
    assert "附件清单" in pages[1] and "年度财务审计报告" in pages[1]
    assert "每页页脚的数据指纹" in pages[1]  # the last note of the cover
    assert "2024年度电信业务经营许可年报承诺书" in pages[2]  # the letter starts its own page


def test_printed_xlsx_text_is_never_below_7_pt(pack: Path, printed: dict[str, dict[str, list[str]]]) -> None:
    import openpyxl

    from reportascode.render.xlsx import print_scale

    _need(printed, "xlsx")
    for doc in DOCS:  # from the sheets' own settings: the smallest font times the print scale
        book = openpyxl.load_workbook(pack / "out" / f"{doc}.xlsx")
        for ws in book.worksheets:
            sizes = [c.font.size for row in ws.iter_rows() for c in row if c.value is not None and c.font.size]
            sizes += [part.size for part in (ws.oddFooter.left, ws.oddFooter.right, ws.oddHeader.right) if part.text]
            assert min(sizes) * print_scale(ws) >= 7, (doc, ws.title, min(sizes), print_scale(ws))
    # and from what LibreOffice printed: a word's box is about 1.15 × its size in the fonts used here
    for path in printed["_files"]["xlsx"]:
        bbox = subprocess.run([shutil.which("pdftotext") or "pdftotext", "-bbox", path, "-"], capture_output=True,
                              text=True, check=True).stdout
        heights = [float(b) - float(a) for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', bbox)]
        assert heights and min(heights) >= 7 * 1.15, (path, min(heights))


def test_printed_xlsx_is_one_page_wide_in_portrait_or_landscape(pack: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(pack / "out" / "annual-report.xlsx")
    for ws in book.worksheets:
        assert str(ws.page_setup.paperSize) == str(ws.PAPERSIZE_A4)
        assert ws.page_setup.orientation in ("portrait", "landscape")
        assert ws.oddFooter.left.text and "数据指纹" in ws.oddFooter.left.text
        for number, dimension in ws.row_dimensions.items():  # heights come from the lines, never a fixed clip
            assert dimension.height is None or dimension.height >= 13, (ws.title, number)
    assert book["封面"].page_setup.orientation == "portrait"
    assert book["码号资源年报"].page_setup.orientation == "landscape"


# -- content read back with python-docx and openpyxl ----------------------------------------------------------
def _docx_rows(path: Path) -> dict[str, list[str]]:
    import docx

    rows: dict[str, list[str]] = {}
    for table in docx.Document(str(path)).tables:
        for row in table.rows:
            cells = [c.text for c in row.cells]
            rows.setdefault(cells[0], cells[1:])
    return rows


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def _xlsx_rows(path: Path) -> dict[str, list[object]]:
    import openpyxl

    rows: dict[str, list[object]] = {}
    for ws in openpyxl.load_workbook(path).worksheets:
        for row in ws.iter_rows(values_only=True):
            if isinstance(row[0], str):
                rows.setdefault(row[0], list(row[1:]))
    return rows


def _xlsx_text(path: Path) -> str:
    import openpyxl

    return "\n".join(str(v) for ws in openpyxl.load_workbook(path).worksheets for row in ws.iter_rows(values_only=True)
                     for v in row if v is not None)


def test_docx_and_xlsx_show_the_legal_representative_names_and_provenance(pack: Path) -> None:
    out = pack / "out"
    docx_rows, xlsx_rows = _docx_rows(out / "annual-report.docx"), _xlsx_rows(out / "annual-report.xlsx")
    for rows in (docx_rows, xlsx_rows):
        assert rows["法定代表人身份证号码（脱敏）"][:2] == ["330106********2137", "系统填报项"]
        assert rows["法定代表人联系电话"][0] == "0571-8690 7700"
        assert rows["法定代表人电子邮箱"][0] == "zhou.qiming@xinglan.example"
        assert rows["注册属地"][0] == "浙江"  # a name, not the code 33
        assert rows["AI坐席占比"][1] == "内部补充项"  # the AI seat ratio is no filing-system field
        assert rows["AI坐席占比（计算值 = AI坐席数 ÷ 坐席总数）"][1] == "计算值"
        assert rows["实缴资本（万元）"][1] == "内部补充项"
        assert rows["所属分支机构/场地"][0] == "星澜联络科技有限公司杭州总部运营场地"  # not the site id
    for text in (_docx_text(out / "annual-report.docx"), _xlsx_text(out / "annual-report.xlsx")):
        assert "ZJ-HZ-01" not in text
        assert "【系统填报项】照录入管理系统" in text and "【内部补充项】" in text and "【计算值】" in text
        assert "股东情况【内部补充项】" in text and "杭州星澜控股有限公司" in text
        assert "法人" in text and "向运营商租用" in text  # enum values by name


def test_docx_is_set_for_a_chinese_office(pack: Path) -> None:
    import zipfile

    import docx

    path = pack / "out" / "annual-report.docx"
    document = docx.Document(str(path))
    heading = document.styles["Heading 1"]
    assert heading.font.color.rgb is not None and str(heading.font.color.rgb) == "000000"
    with zipfile.ZipFile(path) as package:
        settings = package.read("word/settings.xml").decode("utf-8")
        styles = package.read("word/styles.xml").decode("utf-8")
    assert 'w:eastAsia="zh-CN"' in settings and "ja-JP" not in settings
    assert 'w:eastAsia="黑体"' in styles and "majorEastAsia" not in styles.split('w:styleId="Heading1"')[1][:800]
    uscc_table = next(t for t in document.tables if t.rows[0].cells[0].text == "名称"
                      and t.rows[0].cells[1].text == "统一社会信用代码")
    widths = [cell.width for cell in uscc_table.rows[0].cells]
    assert len(set(widths)) > 3  # widths per column, from the content
    internal = [s for s in document.sections if any("内部" in p.text for p in s.header.paragraphs)]
    assert len(internal) == 4  # the four province sheets
    assert document.core_properties.keywords.startswith("rac-fingerprint:reports/2024:locked:")


def test_english_documents_translate_enum_values(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    shutil.copytree(SAMPLE_REPORTS, root / "reports")
    result = run_rac("render", "2024", "--lang", "en", "--format", "docx", "--out", str(root / "out"), cwd=root)
    assert result.code == 0, result.out + result.err
    text = _docx_text(root / "out" / "annual-report.docx")
    for english in ("self-held", "leased from a carrier", "legal person", "Zhejiang", "Committing company (seal)",
                    "Prepared by"):
        assert english in text, english
    import docx

    footer = docx.Document(str(root / "out" / "annual-report.docx")).sections[0].footer.paragraphs[0].text
    assert footer.startswith("Data fingerprint ") and "(not locked)" in footer
    assert "向运营商租用" not in text and "自然人" not in text


# -- rac verify --document ------------------------------------------------------------------------------------
def test_verify_document_accepts_what_the_frozen_data_made(pack: Path) -> None:
    names = ["annual-report.docx", "annual-report.xlsx", "gap-analysis.xlsx"]
    if _pdf_ready():
        names.append("annual-report.pdf")
    for name in names:
        result = run_rac("verify", "--document", str(pack / "out" / name), cwd=pack)
        assert result.code == 0, result.out + result.err
        assert "锁定数据一致" in result.out


def test_verify_document_rejects_a_render_after_an_edit(pack: Path, tmp_path: Path) -> None:
    work = tmp_path / "edited"
    shutil.copytree(pack, work, ignore=shutil.ignore_patterns("out", "printed", "lo-profile"))
    path = work / "reports/2024/operations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("clients_signed: 38", "clients_signed: 39"),
                    encoding="utf-8")
    rendered = run_rac("render", "2024", "--draft", "--format", "docx", "--format", "xlsx", "--out",
                       str(work / "out"), cwd=work)
    assert rendered.code == 1 and "LOCK-01" in rendered.err, rendered.out + rendered.err  # a draft of a locked edit
    for name in ("annual-report.docx", "annual-report.xlsx"):
        result = run_rac("verify", "--document", str(work / "out" / name), cwd=pack)
        assert result.code == 1, result.out
        assert "不是由 reports/2024 的锁定数据生成的" in result.out
    import docx

    stray = tmp_path / "other.docx"
    docx.Document().save(str(stray))
    result = run_rac("verify", "reports/2024", "--document", str(stray), cwd=pack)
    assert result.code == 1 and "没有 rac 的数据指纹" in result.out


def test_fingerprint_marks_unlocked_working_data(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    shutil.copytree(SAMPLE_REPORTS, root / "reports")
    result = run_rac("render", "2024", "--format", "html", "--out", str(root / "out"), cwd=root)
    assert result.code == 0
    html = (root / "out" / "annual-report.html").read_text(encoding="utf-8")
    assert re.search(r"数据指纹 [0-9a-f]{16}（未锁定）", html)
