"""Honest status (issue 16 item 7): rac render and rac build exit the same way on the same report, --draft or
not; build/index.html, summary.md and the gap analysis say "ready to file" (可报送) only when nothing stands
unexplained, and agree with the counts rac render prints; a build that leaves a part out (PDF, charts, the
multi-year trends document) says so on stderr and at the top of build/index.html, never silently."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest
from markupsafe import escape

from tests.conftest import SAMPLE_REPORTS, run_rac


def _workspace(base: Path, years: tuple[str, ...] = ("2022", "2023", "2024")) -> Path:
    root = base / "ws"
    for year in years:
        shutil.copytree(SAMPLE_REPORTS / year, root / "reports" / year)
    return root


def _break(root: Path, year: str = "2024") -> None:
    path = root / f"reports/{year}/operations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  total: 610", '  total: "abc"', 1), encoding="utf-8")


def _unexplain_licence(root: Path) -> None:
    """Drop 2024's LIC-02 explanation: its warning stands unexplained (the YOY-01 one stays explained)."""
    path = root / "reports/2024/explanations.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("- check: LIC-02")], encoding="utf-8")


@pytest.fixture
def no_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportascode.render import pdf

    monkeypatch.setattr(pdf, "cjk_fonts", lambda: ())


@pytest.mark.usefixtures("no_pdf")
@pytest.mark.parametrize("state", ["clean", "error"])
@pytest.mark.parametrize("draft", [False, True], ids=["plain", "draft"])
def test_render_and_build_exit_the_same_way(tmp_path: Path, state: str, draft: bool) -> None:
    root = _workspace(tmp_path, ("2024",))
    if state == "error":
        _break(root)
    flags = ("--draft",) if draft else ()
    render = run_rac("render", "2024", "--format", "html", "--format", "md", "--out", str(tmp_path / "out"),
                     *flags, cwd=root)
    build = run_rac("build", "--out", str(tmp_path / "build"), *flags, cwd=root)
    expected = 1 if state == "error" else 0  # errors found: exit 1, whether a draft was rendered or not
    assert (render.code, build.code) == (expected, expected), (render.err, build.err)
    rendered = (tmp_path / "out/annual-report.html").is_file()
    built = (tmp_path / "build/reports/2024/annual-report.html").is_file()
    assert rendered == built == (state == "clean" or draft)


def _status_lines(root: Path, report: str, lang: str) -> dict[str, str]:
    build = root / "build"
    index = (build / "index.html").read_text(encoding="utf-8")
    row = re.search(rf"<td>{re.escape(report)}</td>\n<td>[^<]*</td>\n<td[^>]*>([^<]*)</td>", index)
    summary = (build / report / "summary.md").read_text(encoding="utf-8")
    label = "Status" if lang == "en" else "状态"
    summary_status = re.search(rf"^- {label}: (.*)$", summary, re.M)
    gap = (build / report / "gap-analysis.html").read_text(encoding="utf-8")
    gap_status = re.search(r'<th scope="row">(?:Status|状态)</th><td[^>]*>([^<]*)</td>', gap)
    assert row and summary_status and gap_status, (row, summary_status, gap_status)
    return {"index": row.group(1), "summary": summary_status.group(1), "gap": gap_status.group(1)}


@pytest.mark.usefixtures("no_pdf")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ready_to_file_only_when_nothing_is_unexplained(tmp_path: Path, lang: str) -> None:
    root = _workspace(tmp_path)
    _unexplain_licence(root)
    build = run_rac("build", "--lang", lang, cwd=root)
    assert build.code == 0, build.err
    ready = "ready to file" if lang == "en" else "可报送"
    statuses = _status_lines(root, "reports/2024", lang)
    unexplained = "1 warning unexplained" if lang == "en" else "1 项警告未说明"
    for where, text in statuses.items():  # one warning stands: no output says ready, each names it
        assert unexplained in text and not text.endswith(ready), (where, text)
    assert len(set(statuses.values())) == 1, statuses
    clean = _status_lines(root, "reports/2023", lang)  # its one warning is explained
    assert set(clean.values()) == {"无错误，可报送" if lang == "zh" else "no errors: ready to file"}, clean
    # rac render prints the same counts as the documents show
    render = run_rac("render", "2024", "--lang", lang, "--format", "md", "--out", str(tmp_path / "out"), cwd=root)
    assert render.code == 0
    counts = "0 errors, 1 warning, 0 info, 1 explained, 0 waived" if lang == "en" \
        else "0 个错误，1 个警告，0 条提示，1 项已说明，0 项已豁免"
    assert counts in render.out, render.out
    summary = (root / "build/reports/2024/summary.md").read_text(encoding="utf-8")
    assert re.search(r"^- .*: 0 / 1 / 0 / 1 / 0$", summary, re.M), summary


@pytest.mark.usefixtures("no_pdf")
def test_a_draft_is_never_ready_to_file(tmp_path: Path) -> None:
    root = _workspace(tmp_path, ("2024",))
    _break(root)
    assert run_rac("build", "--draft", cwd=root).code == 1
    statuses = _status_lines(root, "reports/2024", "zh")
    for text in statuses.values():
        assert "1 项错误" in text and "不满足报送条件" in text and "可报送" not in text, statuses


@pytest.mark.usefixtures("no_pdf")
def test_a_build_that_skips_the_trends_document_says_so(tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    _break(root)
    build = run_rac("build", cwd=root)
    assert build.code == 1
    notes = [line for line in build.err.splitlines() if line.startswith("跳过多年度趋势文档")]
    assert len(notes) == 1 and "星澜联络科技有限公司" in notes[0] and "--draft" in notes[0], build.err
    assert not (root / "build/trends").exists()
    index = (root / "build/index.html").read_text(encoding="utf-8")
    assert f'<p class="note skipped">{escape(notes[0])}</p>' in index
    english = run_rac("build", "--lang", "en", cwd=root)
    assert "multi-year trends document skipped: the reports of 星澜联络科技有限公司 have 1 error" in english.err
    # with --draft the trends document is made (marked) and nothing is said to be skipped
    draft = run_rac("build", "--draft", cwd=root)
    assert draft.code == 1 and "跳过多年度趋势文档" not in draft.err
    assert (root / "build/trends/trends.html").is_file()


def test_a_build_without_weasyprint_or_matplotlib_says_what_it_left_out(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name in ("weasyprint", "matplotlib") else real(name, *a))
    root = _workspace(tmp_path)
    for lang, pdf, charts in (("zh", "跳过 PDF：", "未生成图表："), ("en", "PDF skipped: ", "charts left out: ")):
        build = run_rac("build", "--lang", lang, cwd=root)
        assert build.code == 0, build.err
        lines = build.err.splitlines()
        [pdf_line] = [line for line in lines if line.startswith(pdf)]
        [charts_line] = [line for line in lines if line.startswith(charts)]
        assert "weasyprint" in pdf_line.lower() and "matplotlib" in charts_line
        assert pdf not in build.out and charts not in build.out  # said once, on stderr
        index = (root / "build/index.html").read_text(encoding="utf-8")
        for line in (pdf_line, charts_line):
            assert f'<p class="note skipped">{escape(line)}</p>' in index, line
        assert not list((root / "build").rglob("*.pdf"))
