"""``rac trends``: every metric of the sample workspace against figures computed by hand, gaps that stay gaps,
the charts (matplotlib; Chinese text in the SVG, a CJK font embedded in the PDF), the dashboard of ``rac build``
seen in headless Chromium, and the multi-year document in HTML, DOCX and PDF."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REPORTS, Run, run_rac
from tests.test_render import _pdf_ready, need_tool

pytest.importorskip("matplotlib", reason="the charts need the 'charts' extra (matplotlib)")

pytestmark = pytest.mark.system_packages  # also run without fonts-noto-cjk, chromium, poppler… (.ci/run)

# The sample's figures (shared/domain.md §6), as filed in reports/<year>/: checked against the files below.
FIGURES = {
    2022: {"total": 420, "human": 400, "ai": 20, "revenue": 5980, "offered": 18_600_000, "answered": 17_484_000,
           "attempts": 3_200_000, "connected": 1_920_000, "talk": 185, "received": 212, "replied": 212},
    2023: {"total": 500, "human": 460, "ai": 40, "revenue": 6990, "offered": 21_300_000, "answered": 20_235_000,
           "attempts": 3_900_000, "connected": 2_262_000, "talk": 182, "received": 251, "replied": 249},
    2024: {"total": 610, "human": 520, "ai": 90, "revenue": 8460, "offered": 24_800_000, "answered": 23_808_000,
           "attempts": 4_600_000, "connected": 2_622_000, "talk": 176, "received": 236, "replied": 236},
}

# Worked out by hand from FIGURES (rounded half up to the places the metrics document):
EXPECTED = {
    2022: {
        "ai_ratio": Decimal("0.0476"),               # 20 / 420 = 0.047619…
        "revenue_per_seat_wan": Decimal("14.24"),    # 5980 / 420 = 14.238… (domain §6: 14.24)
        "inbound_answer_rate": Decimal("0.9400"),    # 17,484,000 / 18,600,000
        "outbound_connect_rate": Decimal("0.6000"),  # 1,920,000 / 3,200,000
        "avg_talk_seconds": Decimal("185"),
        "complaints_per_100k": Decimal("1.093"),     # 212 × 100,000 / 19,404,000 = 1.09256… (domain §6: 1.093)
        "reply_rate": Decimal("1.0000"),             # 212 / 212
    },
    2023: {
        "ai_ratio": Decimal("0.0800"),               # 40 / 500
        "revenue_per_seat_wan": Decimal("13.98"),    # 6990 / 500
        "inbound_answer_rate": Decimal("0.9500"),    # 20,235,000 / 21,300,000
        "outbound_connect_rate": Decimal("0.5800"),  # 2,262,000 / 3,900,000
        "avg_talk_seconds": Decimal("182"),
        "complaints_per_100k": Decimal("1.116"),     # 251 × 100,000 / 22,497,000 = 1.11570…
        "reply_rate": Decimal("0.9920"),             # 249 / 251 = 0.99203…
    },
    2024: {
        "ai_ratio": Decimal("0.1475"),               # 90 / 610 = 0.14754…
        "revenue_per_seat_wan": Decimal("13.87"),    # 8460 / 610 = 13.8688…
        "inbound_answer_rate": Decimal("0.9600"),    # 23,808,000 / 24,800,000
        "outbound_connect_rate": Decimal("0.5700"),  # 2,622,000 / 4,600,000
        "avg_talk_seconds": Decimal("176"),
        "complaints_per_100k": Decimal("0.893"),     # 236 × 100,000 / 26,430,000 = 0.89292…
        "reply_rate": Decimal("1.0000"),             # 236 / 236
    },
}
SEAT_CAGR = Decimal("0.2051")  # (610 / 420) ** (1/2) − 1 = 1.20515 − 1 over 2022–2024
CHART_TITLES = ("坐席数（年末，人工 / AI）", "AI坐席占比（内部指标）", "每十万次通话投诉量（内部指标）",
                "单席年收入（万元/席，内部指标）")


def _workspace(base: Path, years: tuple[str, ...] = ("2022", "2023", "2024")) -> Path:
    root = base / "ws"
    shutil.copytree(SAMPLE_REPORTS, root / "reports")
    for folder in (root / "reports").iterdir():
        if folder.name not in years:
            shutil.rmtree(folder)
    return root


def _trends(root: Path, *args: str) -> dict[str, object]:
    result = run_rac("trends", "--format", "json", *args, cwd=root)
    assert result.code == 0, result.err
    data: dict[str, object] = json.loads(result.out, parse_float=Decimal)
    return data


def _entity(data: dict[str, object], index: int = 0) -> dict[str, object]:
    entities = data["entities"]
    assert isinstance(entities, list)
    entity: dict[str, object] = entities[index]
    return entity


def _years(entity: dict[str, object]) -> dict[int, dict[str, object]]:
    years = entity["years"]
    assert isinstance(years, list)
    return {y["year"]: y for y in years}


@pytest.fixture
def no_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """PDF cannot be made (as without a CJK font for WeasyPrint): fast renders for tests that don't need it."""
    from reportascode.render import pdf

    monkeypatch.setattr(pdf, "unavailable", lambda: pdf.UsageError("render.no_cjk_font"))


@pytest.fixture
def cjk_charts() -> None:
    """Charts with Chinese labels need a CJK font: skipped without one, as on a fresh machine."""
    from reportascode.trends.charts import cjk_family

    if cjk_family() is None:
        pytest.skip("no CJK font here for the charts' Chinese labels (CI installs fonts-noto-cjk)")


# -- the metrics ----------------------------------------------------------------------------------------------
def test_sample_figures_are_the_filed_ones() -> None:
    from reportascode.model.workspace import Workspace

    for report in Workspace.at(SAMPLE_REPORTS).reports():
        figures = FIGURES[report.year]
        operations, finance, compliance = (report.data(n) for n in ("operations", "finance", "compliance"))
        assert (operations["seats"]["total"], operations["seats"]["human"], operations["seats"]["ai"]) == \
            (figures["total"], figures["human"], figures["ai"])
        assert finance["call_center_revenue_wan"] == figures["revenue"]
        assert (operations["inbound"]["offered"], operations["inbound"]["answered"]) == \
            (figures["offered"], figures["answered"])
        assert (operations["outbound"]["attempts"], operations["outbound"]["connected"]) == \
            (figures["attempts"], figures["connected"])
        assert operations["avg_talk_seconds"] == figures["talk"]
        assert (compliance["complaints"]["received"], compliance["complaints"]["replied"]) == \
            (figures["received"], figures["replied"])


def test_hand_computations_follow_the_documented_formulas() -> None:
    """The expected values above, recomputed from FIGURES with the formulas of trends.metrics' docstring."""
    def rounded(value: Decimal, places: int) -> Decimal:
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)

    for year, f in FIGURES.items():
        d = {k: Decimal(v) for k, v in f.items()}
        assert rounded(d["ai"] / d["total"], 4) == EXPECTED[year]["ai_ratio"]
        assert rounded(d["revenue"] / d["total"], 2) == EXPECTED[year]["revenue_per_seat_wan"]
        assert rounded(d["answered"] / d["offered"], 4) == EXPECTED[year]["inbound_answer_rate"]
        assert rounded(d["connected"] / d["attempts"], 4) == EXPECTED[year]["outbound_connect_rate"]
        assert rounded(d["received"] * 100000 / (d["answered"] + d["connected"]), 3) == \
            EXPECTED[year]["complaints_per_100k"]
        assert rounded(d["replied"] / d["received"], 4) == EXPECTED[year]["reply_rate"]
    assert rounded((Decimal(610) / Decimal(420)).sqrt() - 1, 4) == SEAT_CAGR


def test_every_metric_of_the_sample(tmp_path: Path) -> None:
    from reportascode.model.selector import select
    from reportascode.trends.run import select_trends
    from reportascode.validate.session import validate_selection

    session = select((), command="trends", cwd=_workspace(tmp_path))
    [trend] = select_trends(session, validate_selection(session))
    assert trend.entity is None and trend.company == "星澜联络科技有限公司"
    assert [y.year for y in trend.years] == [2022, 2023, 2024] and trend.missing_years == []
    for year in trend.years:
        figures = FIGURES[year.year]
        assert (year.seats_total, year.seats_human, year.seats_ai) == (figures["total"], figures["human"],
                                                                      figures["ai"])
        for key, value in EXPECTED[year.year].items():
            assert year.value(key) == value, (year.year, key)
        assert year.report == f"reports/{year.year}"
        assert year.status is not None and year.status.errors == 0
    assert (trend.seat_cagr, trend.cagr_first, trend.cagr_last) == (SEAT_CAGR, 2022, 2024)
    # the domain reference's own derived values
    assert [y.revenue_per_seat_wan for y in trend.years] == [Decimal("14.24"), Decimal("13.98"), Decimal("13.87")]
    assert [y.complaints_per_100k for y in trend.years] == [Decimal("1.093"), Decimal("1.116"), Decimal("0.893")]
    assert [y.inbound_answer_rate for y in trend.years] == [Decimal("0.94"), Decimal("0.95"), Decimal("0.96")]


def test_json_output(tmp_path: Path) -> None:
    data = _trends(_workspace(tmp_path))
    assert data["version"] == 1
    assert set(data["internal_kpis"]) >= {"ai_ratio", "revenue_per_seat_wan", "complaints_per_100k"}  # type: ignore[arg-type]
    entity = _entity(data)
    assert entity["entity"] is None and entity["missing_years"] == []
    assert entity["seat_cagr"] == {"value": SEAT_CAGR, "from": 2022, "to": 2024}
    years = _years(entity)
    for year, expected in EXPECTED.items():
        row = years[year]
        assert row["seats_total"] == FIGURES[year]["total"]
        for key, value in expected.items():
            assert row[key] == value, (year, key)
        assert row["status"]["errors"] == 0  # type: ignore[index]


def test_csv_output(tmp_path: Path) -> None:
    result = run_rac("trends", "--format", "csv", cwd=_workspace(tmp_path))
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [r["year"] for r in rows] == ["2022", "2023", "2024"]
    assert [r["revenue_per_seat_wan"] for r in rows] == ["14.24", "13.98", "13.87"]
    assert [r["complaints_per_100k"] for r in rows] == ["1.093", "1.116", "0.893"]
    assert [r["ai_ratio"] for r in rows] == ["0.0476", "0.0800", "0.1475"]
    assert all(r["state"] in ("ok", "warnings") and r["errors"] == "0" for r in rows)


def test_text_output_calls_the_ratios_internal_kpis(tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    zh = run_rac("trends", "--lang", "zh", cwd=root)
    assert zh.code == 0
    assert "星澜联络科技有限公司" in zh.out and "20.51%（2022–2024）" in zh.out
    assert re.search(r"单席年收入（万元/席） \*\s+14\.24\s+13\.98\s+13\.87", zh.out)
    assert "内部管理指标" in zh.out and "并非监管指标" in zh.out
    en = run_rac("trends", "--lang", "en", cwd=root)
    assert re.search(r"Complaints per 100k handled calls \*\s+1\.093\s+1\.116\s+0\.893", en.out)
    assert "internal KPIs, not regulatory indicators" in en.out


def test_a_gap_year_stays_a_gap(tmp_path: Path) -> None:
    root = _workspace(tmp_path, ("2022", "2024"))
    entity = _entity(_trends(root))
    assert entity["missing_years"] == [2023]
    gap = _years(entity)[2023]
    assert gap["report"] is None and gap["status"] is None
    assert all(gap[key] is None for key in EXPECTED[2023]) and gap["seats_total"] is None  # never zero
    # the CAGR still spans 2022–2024 (two calendar years)
    assert entity["seat_cagr"] == {"value": SEAT_CAGR, "from": 2022, "to": 2024}
    text = run_rac("trends", "--lang", "zh", cwd=root).out
    assert "缺少 2023 年度" in text and "无报告" in text
    rows = list(csv.DictReader(io.StringIO(run_rac("trends", "--format", "csv", cwd=root).out)))
    assert rows[1]["year"] == "2023" and rows[1]["state"] == "missing" and rows[1]["seats_total"] == ""


def test_a_single_year_has_no_cagr(tmp_path: Path) -> None:
    root = _workspace(tmp_path, ("2024",))
    entity = _entity(_trends(root))
    assert entity["seat_cagr"] == {"value": None, "from": 2024, "to": 2024}
    assert _years(entity)[2024]["revenue_per_seat_wan"] == Decimal("13.87")
    assert "不适用" in run_rac("trends", "--lang", "zh", cwd=root).out


@pytest.mark.usefixtures("no_pdf", "cjk_charts")
@pytest.mark.parametrize("years", [("2022", "2024"), ("2024",)], ids=["gap", "single"])
def test_gap_and_single_year_workspaces_render(tmp_path: Path, years: tuple[str, ...]) -> None:
    root = _workspace(tmp_path, years)
    result = run_rac("trends", "--render", str(root / "out"), cwd=root)
    assert result.code == 0, result.err
    html = (root / "out/trends.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 4
    if len(years) == 2:
        assert "2023（无报告）" in html and re.search(r"<text[^>]*>无报告</text>", html)  # the gap, in the charts
    assert (root / "out/trends.docx").is_file()
    build = run_rac("build", "--out", str(root / "build"), cwd=root)
    assert build.code == 0, build.err
    assert (root / "build/index.html").read_text(encoding="utf-8").count("<svg") == 4


def test_entities_are_trended_separately(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    for entity, years in (("acme", ("2022", "2023")), ("beta", ("2024",))):
        for year in years:
            shutil.copytree(SAMPLE_REPORTS / year, root / "reports" / entity / year)
    data = _trends(root)
    assert [_entity(data, i)["entity"] for i in (0, 1)] == ["acme", "beta"]
    only = _trends(root, "--entity", "acme")
    assert len(only["entities"]) == 1 and _entity(only)["last_year"] == 2023  # type: ignore[arg-type]
    assert _years(_entity(only))[2023]["ai_ratio"] == Decimal("0.0800")
    unknown = run_rac("trends", "--entity", "nope", cwd=root)
    assert unknown.code == 2 and "acme" in unknown.err


@pytest.mark.usefixtures("no_pdf", "cjk_charts")
def test_a_report_with_errors_is_refused_unless_draft(tmp_path: Path) -> None:
    root = _workspace(tmp_path, ("2023", "2024"))
    path = root / "reports/2024/operations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  total: 610", '  total: "abc"', 1), encoding="utf-8")
    entity = _entity(_trends(root))
    broken = _years(entity)[2024]
    assert broken["seats_total"] is None and broken["ai_ratio"] is None  # a missing figure, not zero
    assert broken["status"]["errors"] >= 1  # type: ignore[index]
    assert broken["inbound_answer_rate"] == Decimal("0.9600")  # the other figures are still there
    refused = run_rac("trends", "--render", str(root / "out"), cwd=root)
    assert refused.code == 1 and "--draft" in refused.err
    assert not (root / "out").exists()
    draft = run_rac("trends", "--render", str(root / "out"), "--draft", cwd=root)
    assert draft.code == 1, draft.err  # drafted, yet the run failed: as rac render and rac build
    assert "草稿 / DRAFT" in (root / "out/trends.html").read_text(encoding="utf-8")


# -- charts ---------------------------------------------------------------------------------------------------
@pytest.mark.usefixtures("cjk_charts")
def test_charts_are_deterministic_and_keep_chinese_text(tmp_path: Path) -> None:
    from reportascode.model.selector import select
    from reportascode.trends.charts import cjk_family, draw_charts
    from reportascode.trends.run import select_trends
    from reportascode.validate.session import validate_selection

    session = select((), command="trends", cwd=_workspace(tmp_path))
    [trend] = select_trends(session, validate_selection(session))
    first = draw_charts(trend, "zh", salt="a")
    again = draw_charts(trend, "zh", salt="a")
    assert [c.svg for c in first] == [c.svg for c in again]
    assert [c.png for c in first] == [c.png for c in again]
    assert [c.title for c in first] == list(CHART_TITLES)
    seats = first[0].svg
    assert seats.startswith("<svg") and "<?xml" not in seats and "<dc:date>" not in seats
    assert re.search(r"<text[^>]*font-family: '?" + re.escape(cjk_family() or "") + r"[^>]*>人工坐席</text>", seats)
    assert all(c.png is not None and c.png.startswith(b"\x89PNG") for c in first)
    # charts of another entity in the same page never share an element id
    other = draw_charts(trend, "zh", png=False, salt="b")
    ids = [m for c in first + other for m in re.findall(r'\bid="([^"]+)"', c.svg)]
    assert len(ids) > 100 and len(ids) == len(set(ids))
    for chart in first:  # every reference points at an id of the same chart
        own = set(re.findall(r'\bid="([^"]+)"', chart.svg))
        assert set(re.findall(r'url\(#([^)]+)\)', chart.svg)) <= own


def test_no_cjk_font_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportascode.trends import charts

    monkeypatch.setattr(charts, "cjk_family", lambda: None)
    root = _workspace(tmp_path, ("2024",))
    result = run_rac("trends", "--render", str(root / "out"), cwd=root)
    assert result.code == 2
    assert "fonts-noto-cjk" in result.err and "CJK" in result.err
    assert not (root / "out").exists()
    # rac build still builds, and says why the charts are missing
    monkeypatch.setattr("reportascode.render.pdf.unavailable", lambda: charts.UsageError("render.no_cjk_font"))
    build = run_rac("build", "--out", str(root / "build"), cwd=root)
    assert build.code == 0, build.err
    index = (root / "build/index.html").read_text(encoding="utf-8")
    assert "<svg" not in index and "fonts-noto-cjk" in index
    assert (root / "build/trends/trends.html").is_file()


def test_no_matplotlib_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from reportascode.trends import charts

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "matplotlib" else real(name, *a))
    problem = charts.unavailable("zh")
    assert problem is not None and "[charts]" in problem.text("en")


def test_validate_does_not_import_matplotlib() -> None:
    code = (
        "import sys\n"
        "from reportascode.cli import main\n"
        "try:\n    main(['validate', 'reports/2024'])\n"
        "except SystemExit:\n    pass\n"
        "print('matplotlib' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=SAMPLE_REPORTS.parent,
                         check=True).stdout
    assert out.strip().splitlines()[-1] == "False"


# -- the dashboard and the multi-year document, from one rac build ---------------------------------------------
@dataclass
class Built:
    root: Path
    out: Path
    run: Run


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The sample workspace built once, with every format available here."""
    root = _workspace(tmp_path_factory.mktemp("trends-build"))
    out = root / "out"
    yield Built(root, out, run_rac("build", "--out", str(out), cwd=root))


def test_build_writes_the_multi_year_document(built: Built) -> None:
    assert built.run.code == 0, built.run.err
    trends = built.out / "trends"
    assert (trends / "trends.html").is_file() and (trends / "trends.docx").is_file()
    if _pdf_ready() is None:
        assert (trends / "trends.pdf").is_file()
    html = (trends / "trends.html").read_text(encoding="utf-8")
    assert "根据已报送年报整理" in html and "内部管理指标" in html and "并非监管指标" in html
    assert "多年度趋势" in html and "合规状况（按年度）" in html
    assert html.count("<svg") == 4
    assert "<script" not in html and "<link" not in html and not re.search(r"(src|href)=\"https?:", html)
    assert "草稿 / DRAFT" not in html


def test_dashboard_shows_charts_status_and_findings_by_area(built: Built) -> None:
    index = (built.out / "index.html").read_text(encoding="utf-8")
    assert index.count("<svg") == 4
    for title in CHART_TITLES:
        assert title in index
    assert "校验状态（按年度）" in index and "发现（领域 × 年度）" in index
    assert 'href="trends/trends.html"' in index and 'href="trends/trends.docx"' in index
    assert "20.51%（2022–2024）" in index
    areas = index[index.index("发现（领域 × 年度）"):]
    for area in ("许可与主体", "经营地域", "财务", "服务质量", "同比", "数据格式"):
        assert re.search(f"<td class=\"txt[^\"]*\">{area}</td>", areas), area


def test_findings_by_area_and_year() -> None:
    from reportascode.messages import Bilingual
    from reportascode.model.findings import Finding, Severity
    from reportascode.trends.document import area_table, status_table
    from reportascode.trends.metrics import EntityTrend, YearMetrics, status_of

    findings = (
        Finding("GEO-01", Severity.ERROR, "reports/2022/operations.yaml", 3, 4, "/by_province/3", "k", (),
                "reports/2022"),
        Finding("YOY-01", Severity.WARNING, "reports/2022/operations.yaml", 7, 7, "/seats/ai", "k", (), "reports/2022",
                explanation=Bilingual("语音机器人试点", "a voicebot pilot")),
        Finding("YOY-01", Severity.WARNING, "reports/2022/operations.yaml", 8, 7, "/seats/human", "k", (),
                "reports/2022"),
    )
    status = status_of(findings)
    assert (status.errors, status.warnings, status.explained, status.state) == (1, 1, 1, "errors")
    trend = EntityTrend(None, "X", (YearMetrics(2022, "reports/2022", status=status, findings=findings),
                                    YearMetrics(2023, None)), None, None, None)
    rows = {row[0].text: row[1:] for row in area_table(trend, "zh").rows}
    assert (rows["经营地域"][0].text, rows["经营地域"][0].css) == ("错误 1", "heat-3")
    assert (rows["同比"][0].text, rows["同比"][0].css) == ("警告 1、已说明 1", "heat-2")
    assert (rows["财务"][0].text, rows["财务"][0].css) == ("0", "heat-0")
    assert rows["同比"][1].text == "—"  # 2023: no report, a gap
    status_rows = status_table(trend, "en").rows
    assert [c.text for c in status_rows[0][:5]] == ["2022", "reports/2022", "1 error", "1", "1"]
    assert status_rows[1][2].text == "no report"


def test_dashboard_svg_text_is_chinese(built: Built) -> None:
    index = (built.out / "index.html").read_text(encoding="utf-8")
    texts = re.findall(r"<text\b[^>]*>([^<]*)</text>", index)
    assert "AI坐席" in texts and "人工坐席" in texts
    assert any("坐席" in t for t in texts)
    assert re.search(r"<text[^>]*font-family: '?[^;']*CJK", index) or re.search(
        r"<text[^>]*font-family: '?(Source Han|WenQuanYi|Microsoft YaHei|PingFang|SimHei)", index)


def test_pdf_embeds_a_cjk_font_and_the_chart_text(built: Built) -> None:
    if _pdf_ready() is not None:
        pytest.skip(f"PDF cannot be rendered here: {_pdf_ready()}")
    pdf = built.out / "trends/trends.pdf"
    fonts = subprocess.run([need_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    embedded_cjk = [line for line in fonts.splitlines()[2:]
                    if re.search(r"CJK|Han|WenQuanYi|YaHei|SimHei", line) and line.split()[-5] == "yes"]
    assert embedded_cjk, fonts
    text = subprocess.run([need_tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "坐席数（年末，人工 / AI）" in text and "人工坐席" in text  # chart text, drawn as text with the font
    assert "星澜联络科技有限公司" in text and "14.24" in text


def test_docx_has_the_charts_as_pictures_and_the_figures(built: Built) -> None:
    import docx

    document = docx.Document(str(built.out / "trends/trends.docx"))
    assert len(document.inline_shapes) == 4
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"14.24", "13.98", "13.87", "1.093", "0.893", "4.76%", "14.75%"} <= cells
    text = "\n".join(p.text for p in document.paragraphs)
    assert "内部管理指标" in text


def test_multi_year_document_is_byte_stable(built: Built, tmp_path: Path) -> None:
    from reportascode.model.selector import select
    from reportascode.trends.run import render_trends, select_trends
    from reportascode.validate.session import validate_selection

    session = select((), command="build", cwd=built.root)
    trends = select_trends(session, validate_selection(session))
    first = render_trends(session, trends, "zh", ("html", "docx"))
    second = render_trends(session, trends, "zh", ("html", "docx"))
    assert first.files == second.files
    assert first.files["trends.html"] == (built.out / "trends/trends.html").read_bytes()


def test_chromium_screenshot_of_the_dashboard_shows_the_charts(built: Built, tmp_path: Path) -> None:
    chromium = need_tool("chromium")
    png = tmp_path / "dashboard.png"
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}", "--window-size=1280,2000",
         (built.out / "index.html").as_uri()],
        capture_output=True, timeout=120, check=False,
    )
    assert png.is_file() and png.read_bytes().startswith(b"\x89PNG")
    assert png.stat().st_size > 50_000  # a rendered page, not a blank one
    import numpy  # matplotlib's own dependencies
    from PIL import Image

    from reportascode.trends.charts import COLORS

    pixels = numpy.asarray(Image.open(png).convert("RGB")).astype(int)
    counts = {}
    for name in ("human", "ai", "ratio"):
        color = numpy.array([int(COLORS[name][i:i + 2], 16) for i in (1, 3, 5)])
        counts[name] = int(numpy.all(numpy.abs(pixels - color) <= 6, axis=-1).sum())
    # the stacked seat bars (human and AI) and the AI-ratio line are on screen
    assert counts["human"] > 5_000 and counts["ai"] > 500 and counts["ratio"] > 200, counts
