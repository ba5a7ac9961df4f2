"""``rac render``: the sample 2024 report in every format, its content read back, byte-identical re-renders,
the refusal of a broken report, drafts marked on every page, and the template sandbox."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REPORTS, run_rac

pytestmark = pytest.mark.system_packages  # also run without fonts-noto-cjk, chromium, poppler… (.ci/run)

COMPANY = "星澜联络科技有限公司"
FORMS = ("承诺书", "企业基本情况表", "企业服务质量表", "企业经济效益表", "网络信息安全表", "业务发展情况表",
         "数据真实性承诺函")
DRAFT = "草稿 / DRAFT"


def _pdf_ready() -> str | None:
    from reportascode.render import pdf

    problem = pdf.unavailable()
    return None if problem is None else problem.text("en")


def need_pdf() -> None:
    reason = _pdf_ready()
    if reason:
        pytest.skip(f"PDF cannot be rendered here: {reason}")


# the Debian package of each external tool a test runs, named in the skip reason
PACKAGES = {"pdftotext": "poppler-utils", "pdftoppm": "poppler-utils", "pdfinfo": "poppler-utils",
            "pdffonts": "poppler-utils", "chromium": "chromium", "soffice": "LibreOffice", "nvim": "neovim"}


def need_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        package = PACKAGES.get(name, name)
        pytest.skip(f"{name} ({package}) is not installed (CI installs it through .ci/run)")
    return path


def _copy_workspace(base: Path) -> Path:
    root = base / "ws"
    shutil.copytree(SAMPLE_REPORTS, root / "reports")
    return root


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The sample 2024 report rendered once, in every format available here, into ``<ws>/out``."""
    root = _copy_workspace(tmp_path_factory.mktemp("render"))
    result = run_rac("render", "2024", "--out", str(root / "out"), cwd=root)
    assert result.code == 0, result.err + result.out
    yield root / "out"


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the sample whose 2024 seat total is "abc" (a schema error), rendered with ``--draft``."""
    root = _copy_workspace(tmp_path_factory.mktemp("draft"))
    _break_seats(root)
    result = run_rac("render", "2024", "--draft", "--out", str(root / "out"), cwd=root)
    assert result.code == 1, result.err + result.out  # rendered, marked, and still an error (as rac build)
    yield root / "out"


def _break_seats(root: Path) -> None:
    path = root / "reports/2024/operations.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  total: 610", '  total: "abc"', 1), encoding="utf-8")


# -- the documents --------------------------------------------------------------------------------------------
def test_every_format_is_written(sample: Path) -> None:
    names = {p.name for p in sample.iterdir()}
    expected = {f"{doc}.{ext}" for doc in ("annual-report", "gap-analysis") for ext in ("html", "docx", "xlsx")}
    assert expected | {"summary.md"} <= names
    if _pdf_ready() is None:
        assert {"annual-report.pdf", "gap-analysis.pdf"} <= names
    assert not [n for n in names if n.endswith(".tmp") or n.startswith(".")]


def test_html_is_self_contained_with_forms_and_figures(sample: Path) -> None:
    html = (sample / "annual-report.html").read_text(encoding="utf-8")
    for title in FORMS:
        assert title in html
    for province in ("浙江", "江苏", "安徽", "四川"):
        assert f"分省数据表：{province}" in html
    assert COMPANY in html
    assert re.search(r"坐席总数（席）</th><td class=\"num[^\"]*\">610</td>", html)
    assert re.search(r"呼叫中心业务收入（万元）</th><td class=\"num[^\"]*\">8,460.00</td>", html)
    assert "2020年6月18日" in html  # dates in Chinese form
    assert "@page" in html and "A4" in html
    # self-contained: no scripts, no external stylesheets, images or fonts
    assert "<script" not in html and "<link" not in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html) and "url(http" not in html
    # the finance head's co-signature is presented as internal practice, not as a rule
    assert "财务负责人" in html and "内部做法" in html
    assert DRAFT not in html


def test_labels_come_from_the_schemas(sample: Path) -> None:
    from reportascode.model.schemas import SchemaStore

    store = SchemaStore(None)
    html = (sample / "annual-report.html").read_text(encoding="utf-8")
    for file, pointer in (("operations", "/seats/human"), ("finance", "/telecom_revenue_wan"),
                          ("compliance", "/complaints/received"), ("company", "/uscc")):
        assert store.label("1.0", file, pointer, "zh") in html


def test_workspace_schema_title_renames_the_label(tmp_path: Path) -> None:
    root = _copy_workspace(tmp_path)
    packaged = Path(__file__).resolve().parent.parent / "src/reportascode/schemas/1.0"
    (root / "schemas/1.0").mkdir(parents=True)
    for schema in packaged.glob("*.json"):
        text = schema.read_text(encoding="utf-8")
        if schema.name == "operations.schema.json":
            text = text.replace('"title": "坐席总数"', '"title": "年末坐席总数"', 1)
        (root / "schemas/1.0" / schema.name).write_text(text, encoding="utf-8")
    result = run_rac("render", "2024", "--format", "html", "--out", str(root / "out"), cwd=root)
    assert result.code == 0, result.err
    assert "年末坐席总数（席）" in (root / "out/annual-report.html").read_text(encoding="utf-8")


def test_english_documents(tmp_path: Path) -> None:
    root = _copy_workspace(tmp_path)
    result = run_rac("render", "2024", "--format", "html", "--lang", "en", "--out", str(root / "out"), cwd=root)
    assert result.code == 0, result.err
    html = (root / "out/annual-report.html").read_text(encoding="utf-8")
    assert "Total seats (seats)" in html and "2020-06-18" in html and "Zhejiang" in html
    assert "internal practice" in html


def test_docx_has_real_tables_with_the_figures(sample: Path) -> None:
    import docx

    document = docx.Document(str(sample / "annual-report.docx"))
    rows = {}
    for table in document.tables:
        for row in table.rows:
            cells = [c.text for c in row.cells]
            if len(cells) in (2, 3):  # label, value and (in the forms) the row's provenance
                rows.setdefault(cells[0], cells[1])
    assert rows["坐席总数（席）"] == "610"
    assert rows["呼叫中心业务收入（万元）"] == "8,460.00"
    assert rows["企业名称"] == COMPANY
    assert rows["注册资本（万元）"] == "3,000.00"
    text = "\n".join(p.text for p in document.paragraphs)
    for title in FORMS:
        assert title in text
    by_province = next(t for t in document.tables if t.rows[0].cells[0].text == "省份")
    assert [c.text for c in by_province.rows[1].cells][:3] == ["浙江", "300", "90"]
    day = dt.datetime(2025, 3, 18, tzinfo=dt.timezone.utc)
    assert document.core_properties.created == day and document.core_properties.modified == day
    assert not any(DRAFT.split()[0] in p.text for s in document.sections for p in s.header.paragraphs)


def test_xlsx_stores_numbers_as_numbers(sample: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(sample / "annual-report.xlsx")
    for title in FORMS:
        assert any(title in name for name in book.sheetnames), title
    assert "分省-浙江" in book.sheetnames

    def value_of(sheet: str, label: str) -> openpyxl.cell.cell.Cell:
        for row in book[sheet].iter_rows():
            if row[0].value == label:
                return row[1]
        raise AssertionError(f"{label} not in {sheet}")

    seats = value_of("业务发展情况表", "坐席总数（席）")
    assert seats.value == 610 and seats.data_type == "n"
    revenue = value_of("企业经济效益表", "呼叫中心业务收入（万元）")
    assert revenue.value == 8460 and revenue.data_type == "n" and revenue.number_format == "#,##0.00"
    ratio = value_of("业务发展情况表", "AI坐席占比")
    assert ratio.data_type == "n" and float(ratio.value) == pytest.approx(0.148) and ratio.number_format == "0.00%"
    headers = [c.value for name in book.sheetnames if name.startswith("业务发展情况表")
               for row in book[name].iter_rows() for c in row if isinstance(c.value, str)]
    assert "坐席数（席）" in headers and "呼叫中心业务收入（万元）" in headers  # units in the headers
    assert book.properties.created == dt.datetime(2025, 3, 18)


def test_pdf_text_and_pages(sample: Path, tmp_path: Path) -> None:
    need_pdf()
    pdftotext = need_tool("pdftotext")
    pdf = sample / "annual-report.pdf"
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert COMPANY in text
    assert "8,460.00" in text and "610" in text and "24,800,000" in text
    for title in FORMS:
        assert title in text
    info = subprocess.run([need_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "2025" in info and "A4" in info
    pdftoppm = need_tool("pdftoppm")
    subprocess.run([pdftoppm, "-r", "50", "-png", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "page")],
                   check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == 2 and all(p.stat().st_size > 10_000 for p in pages)


def test_gap_analysis_is_internal_and_grouped(sample: Path) -> None:
    html = (sample / "gap-analysis.html").read_text(encoding="utf-8")
    assert "风险热力图" in html
    for area in ("许可与主体", "经营地域", "业务与资源", "财务", "服务质量", "股东", "网络安全", "签署与报送", "同比",
                 "数据格式"):
        assert area in html
    assert "不是监管评级" in html and "内部做法" in html
    assert "情况说明" in html and "YOY-01" in html


def test_markdown_summary(sample: Path) -> None:
    summary = (sample / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith(f"# {COMPANY}")
    assert "| 坐席总数（席） | 610 |" in summary
    assert "| 呼叫中心业务收入（万元） | 8,460.00 |" in summary
    assert "annual-report.docx" in summary


def test_rendering_twice_gives_identical_bytes(sample: Path, tmp_path: Path) -> None:
    root = sample.parent
    result = run_rac("render", "2024", "--out", str(tmp_path / "again"), cwd=root)
    assert result.code == 0, result.err
    first = {p.name: p.read_bytes() for p in sample.iterdir()}
    second = {p.name: p.read_bytes() for p in (tmp_path / "again").iterdir()}
    assert first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], name


def test_default_out_is_build_report_id(tmp_path: Path) -> None:
    root = _copy_workspace(tmp_path)
    result = run_rac("render", "reports/2024", "--format", "md", cwd=root)
    assert result.code == 0, result.err
    assert (root / "build/reports/2024/summary.md").is_file()
    assert "build/reports/2024/summary.md" in result.out


def test_unknown_report_is_a_usage_error(tmp_path: Path) -> None:
    root = _copy_workspace(tmp_path)
    result = run_rac("render", "1999", cwd=root)
    assert result.code == 2 and "1999" in result.err


# -- broken reports and drafts --------------------------------------------------------------------------------
def test_broken_report_is_refused_naming_the_error(tmp_path: Path) -> None:
    root = _copy_workspace(tmp_path)
    _break_seats(root)
    result = run_rac("render", "2024", "--out", str(root / "out"), cwd=root)
    assert result.code == 1
    assert "reports/2024/operations.yaml:" in result.err and "error" in result.err
    assert "--draft" in result.err
    assert not (root / "out").exists()


def test_draft_html_is_marked(draft: Path) -> None:
    for name in ("annual-report.html", "gap-analysis.html"):
        html = (draft / name).read_text(encoding="utf-8")
        assert 'class="draft-mark"' in html and DRAFT in html
        assert f'@top-center {{ content: "{DRAFT}"' in html  # printed in the margin of every PDF page
    summary = (draft / "summary.md").read_text(encoding="utf-8")
    assert DRAFT in summary


def test_draft_docx_has_the_mark_in_every_section_header(draft: Path) -> None:
    import docx

    for name in ("annual-report.docx", "gap-analysis.docx"):
        document = docx.Document(str(draft / name))
        assert document.sections
        for section in document.sections:
            assert DRAFT in section.header.paragraphs[0].text


def test_draft_xlsx_marks_every_sheet(draft: Path) -> None:
    import openpyxl

    for name in ("annual-report.xlsx", "gap-analysis.xlsx"):
        book = openpyxl.load_workbook(draft / name)
        for sheet in book.worksheets:
            assert DRAFT in str(sheet["A1"].value), sheet.title
            assert DRAFT in str(sheet.oddHeader.center.text), sheet.title


def test_draft_pdf_every_page_is_marked(draft: Path) -> None:
    need_pdf()
    pdftotext = need_tool("pdftotext")
    pdfinfo = need_tool("pdfinfo")
    for name in ("annual-report.pdf", "gap-analysis.pdf"):
        pdf = str(draft / name)
        info = subprocess.run([pdfinfo, pdf], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
        assert pages >= 1
        for page in range(1, pages + 1):
            text = subprocess.run([pdftotext, "-f", str(page), "-l", str(page), pdf, "-"], capture_output=True,
                                  text=True, check=True).stdout
            assert "草稿" in text and "DRAFT" in text, f"{name} page {page}"


def test_draft_gap_analysis_shows_the_schema_error(draft: Path) -> None:
    html = (draft / "gap-analysis.html").read_text(encoding="utf-8")
    assert "1 项错误，仅草稿，不满足报送条件" in html
    assert "业务数据：坐席 · 坐席总数" in html  # where, as a person reads it: the field, not a file path
    assert "operations.yaml" not in html


def test_draft_marks_the_cell_in_error_with_the_finding_id(draft: Path) -> None:
    import docx
    import openpyxl

    html = (draft / "annual-report.html").read_text(encoding="utf-8")
    assert 'cell-error">abc<span class="err-id">SCHEMA-TYPE</span>' in html
    word = docx.Document(str(draft / "annual-report.docx"))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert "abc  [SCHEMA-TYPE]" in cells
    book = openpyxl.load_workbook(draft / "annual-report.xlsx")
    rows = [[c.value for c in row] for row in book["业务发展情况表"].iter_rows()]
    marked = next(row for row in rows if row[0] == "坐席总数（席）")
    assert marked[1] == "abc" and "SCHEMA-TYPE" in marked


def test_missing_cjk_font_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportascode.render import pdf

    monkeypatch.setattr(pdf, "cjk_fonts", lambda: ())
    root = _copy_workspace(tmp_path)
    result = run_rac("render", "2024", "--format", "pdf", "--out", str(root / "out"), cwd=root)
    if pdf.unavailable() is not None and "WeasyPrint" in (pdf.unavailable() or Exception()).text("en"):
        pytest.skip("WeasyPrint is not installed")
    assert result.code == 2
    assert "fonts-noto-cjk" in result.err
    assert not (root / "out").exists()
    # --format all renders everything else and says in one line why PDF was skipped
    result = run_rac("render", "2024", "--out", str(root / "out"), cwd=root)
    assert result.code == 0
    assert [line for line in result.err.splitlines() if "PDF" in line and "fonts-noto-cjk" in line] != []
    assert "PDF" not in result.out  # the skip is said on stderr
    assert (root / "out/annual-report.docx").is_file() and not (root / "out/annual-report.pdf").exists()


# -- templates: strict, sandboxed -----------------------------------------------------------------------------
def _user_template(root: Path, name: str, text: str) -> None:
    path = root / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_user_template_missing_variable_names_template_and_line(tmp_path: Path) -> None:
    root = _copy_workspace(tmp_path)
    _user_template(root, "summary.md", "# {{ document.company }}\n\n{{ no_such_variable }}\n")
    result = run_rac("render", "2024", "--format", "md", "--out", str(root / "out"), cwd=root)
    assert result.code == 2
    assert "templates/summary.md" in result.err and "第 3 行" in result.err
    assert "no_such_variable" in result.err
    assert not (root / "out").exists()


def test_user_template_override_is_used(tmp_path: Path) -> None:
    root = _copy_workspace(tmp_path)
    _user_template(root, "summary.md", "custom {{ document.company }} {{ figures[0].cell.text }}\n")
    result = run_rac("render", "2024", "--format", "md", "--out", str(root / "out"), cwd=root)
    assert result.code == 0, result.err
    assert (root / "out/summary.md").read_text(encoding="utf-8") == f"custom {COMPANY} 610\n"


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ document.__class__.__init__.__globals__['os'] }}",
        "{{ lipsum.__globals__ }}",
    ],
)
def test_user_template_reaching_python_internals_is_refused(tmp_path: Path, source: str) -> None:
    root = _copy_workspace(tmp_path)
    _user_template(root, "summary.md", f"ok\n{source}\n")
    result = run_rac("render", "2024", "--format", "md", "--out", str(root / "out"), cwd=root)
    assert result.code == 2
    assert "templates/summary.md" in result.err and "第 2 行" in result.err
    assert "沙箱" in result.err
    assert not (root / "out").exists()


def test_template_names_cannot_leave_the_template_folders(tmp_path: Path) -> None:
    from reportascode.errors import TemplateError, TemplateSecurity
    from reportascode.render.env import make_environment, render_string, render_template

    secret = tmp_path / "secret.txt"
    secret.write_text("top secret", encoding="utf-8")
    root = _copy_workspace(tmp_path)
    env = make_environment(root)
    for name in ("../secret.txt", "../../secret.txt", str(secret), "a/../../secret.txt"):
        with pytest.raises(TemplateSecurity):
            render_template(env, name, {})
    with pytest.raises(TemplateSecurity) as refused:
        render_string(env, "line one\n{% include '../secret.txt' %}", {})
    assert refused.value.message_args["line"] == 2
    with pytest.raises(TemplateError):
        render_template(env, "no-such-template.html", {})


def test_template_syntax_error_names_the_line(tmp_path: Path) -> None:
    from reportascode.errors import TemplateSyntax
    from reportascode.render.env import make_environment, render_template

    root = _copy_workspace(tmp_path)
    _user_template(root, "broken.html", "<p>\n{% if %}\n</p>\n")
    with pytest.raises(TemplateSyntax) as raised:
        render_template(make_environment(root), "broken.html", {})
    assert raised.value.message_args["template"] == "templates/broken.html"
    assert raised.value.message_args["line"] == 2
    assert raised.value.exit_code == 2


def test_html_templates_autoescape(tmp_path: Path) -> None:
    from reportascode.render.env import make_environment, render_template

    root = _copy_workspace(tmp_path)
    _user_template(root, "x.html", "{{ value }}")
    _user_template(root, "x.txt", "{{ value }}")
    env = make_environment(root)
    assert render_template(env, "x.html", {"value": "<b>&"}) == "&lt;b&gt;&amp;"
    assert render_template(env, "x.txt", {"value": "<b>&"}) == "<b>&"


def test_filters() -> None:
    from reportascode.render import figures as formatting

    assert formatting.money(8460) == "8,460.00"
    assert formatting.money("7362.30") == "7,362.30"
    assert formatting.count(24800000) == "24,800,000"
    assert formatting.percent("0.148") == "14.80%"
    assert formatting.date("2025-03-18", "zh") == "2025年3月18日"
    assert formatting.date("2025-03-18", "en") == "2025-03-18"
    assert formatting.money("abc") == "abc" and formatting.money(None) == "—"


def test_validate_does_not_import_rendering_libraries() -> None:
    code = (
        "import sys\n"
        "from reportascode.cli import main\n"
        "try:\n    main(['validate', 'reports/2024'])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('jinja2', 'docx', 'openpyxl', 'weasyprint') if m in sys.modules))\n"
    )
    root = SAMPLE_REPORTS.parent
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


# -- atomic writes --------------------------------------------------------------------------------------------
def test_atomic_write_leaves_nothing_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from reportascode.render import writer

    target = tmp_path / "doc.html"
    target.write_bytes(b"old")

    def failing_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        writer.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.html"]


def test_failed_folder_build_leaves_the_old_folder(tmp_path: Path) -> None:
    from reportascode.render import writer

    target = tmp_path / "build"
    (target / "reports/2024").mkdir(parents=True)
    (target / "index.html").write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), writer.building_folder(target, frozenset({"index.html"})) as folder:
        (folder / "index.html").write_text("half", encoding="utf-8")
        raise RuntimeError("rendering failed")
    assert (target / "index.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]
    with writer.building_folder(target, frozenset({"index.html"})) as folder:
        (folder / "index.html").write_text("new", encoding="utf-8")
    assert (target / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_several_formats_in_one_run(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_rac("render", "2024", "--format", "html", "--format", "xlsx", "--out", str(out), cwd=workspace)
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == ["annual-report.html", "annual-report.xlsx",
                                                    "gap-analysis.html", "gap-analysis.xlsx"]
