"""``rac build``: every report validated, every valid one rendered into build/<report>/, an index, atomic
replacement of the build folder, PDF skipped in one line where it cannot be made; screenshots in Chromium."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REPORTS, Run, run_rac
from tests.test_render import _break_seats, _pdf_ready, need_tool

pytestmark = pytest.mark.system_packages  # also run without fonts-noto-cjk, chromium, poppler… (.ci/run)

DOCUMENTS = ("annual-report.html", "annual-report.docx", "annual-report.xlsx", "gap-analysis.html",
             "gap-analysis.docx", "gap-analysis.xlsx", "summary.md")


@dataclass
class Built:
    root: Path
    run: Run


def _workspace(base: Path, broken_year: str | None = None, years: tuple[str, ...] = ()) -> Path:
    root = base / "ws"
    shutil.copytree(SAMPLE_REPORTS, root / "reports")
    for folder in (root / "reports").iterdir():
        if years and folder.name not in years:
            shutil.rmtree(folder)
    if broken_year:
        path = root / f"reports/{broken_year}/operations.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("  total: ", '  total: "abc"  # ', 1), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The sample with a broken 2022 (a schema error), built once with every format available here."""
    root = _workspace(tmp_path_factory.mktemp("build"), broken_year="2022")
    yield Built(root, run_rac("build", cwd=root))


@pytest.fixture
def no_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a machine without a CJK font: PDF cannot be made (fast builds for the tests that don't need it)."""
    from reportascode.render import pdf

    monkeypatch.setattr(pdf, "cjk_fonts", lambda: ())


def test_build_renders_valid_reports_and_lists_invalid_ones(built: Built) -> None:
    assert built.run.code == 1  # 2022 has an error
    build = built.root / "build"
    for year in ("2023", "2024"):
        for name in DOCUMENTS:
            assert (build / "reports" / year / name).is_file(), f"{year}/{name}"
        if _pdf_ready() is None:
            assert (build / "reports" / year / "annual-report.pdf").is_file()
    assert not (build / "reports/2022").exists()
    assert "reports/2022/operations.yaml:" in built.run.err  # the error, named
    assert "reports/2022" in built.run.err and "reports/2024" in built.run.out
    assert "build/index.html" in built.run.out
    assert not [p for p in built.root.iterdir() if p.name.startswith(".build")]


def test_index_lists_reports_status_and_links(built: Built) -> None:
    index = (built.root / "build/index.html").read_text(encoding="utf-8")
    for year in ("2022", "2023", "2024"):
        assert f"reports/{year}" in index
    assert 'href="reports/2024/annual-report.docx"' in index
    assert 'href="reports/2024/gap-analysis.html"' in index
    assert 'href="reports/2022/' not in index
    assert "未生成" in index and "无错误，可报送" in index
    assert "星澜联络科技有限公司" in index
    assert "<script" not in index and "<link" not in index


def _screenshot(chromium: str, url: str, png: Path, profile: Path) -> None:
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", f"--screenshot={png}", "--window-size=1280,1600", url],
        capture_output=True, timeout=120, check=False,
    )


def test_chromium_opens_the_index_and_a_report(built: Built, tmp_path: Path) -> None:
    chromium = need_tool("chromium")
    build = built.root / "build"
    for name, page in (("index", build / "index.html"), ("report", build / "reports/2024/annual-report.html"),
                       ("gap", build / "reports/2024/gap-analysis.html")):
        png = tmp_path / f"{name}.png"
        _screenshot(chromium, page.as_uri(), png, tmp_path / "profile")
        assert png.is_file(), name
        assert png.read_bytes().startswith(b"\x89PNG")
        assert png.stat().st_size > 20_000, name  # a rendered page, not a blank one


def test_pdf_pages_become_images(built: Built, tmp_path: Path) -> None:
    if _pdf_ready() is not None:
        pytest.skip(f"PDF cannot be rendered here: {_pdf_ready()}")
    pdftoppm = need_tool("pdftoppm")
    pdf = built.root / "build/reports/2024/annual-report.pdf"
    subprocess.run([pdftoppm, "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=120)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) >= 8  # commitment, five forms, the letter, four provinces
    assert all(p.stat().st_size > 5_000 for p in pages)


@pytest.mark.usefixtures("no_pdf")
def test_clean_workspace_builds_with_exit_0_and_says_pdf_is_skipped(tmp_path: Path) -> None:
    root = _workspace(tmp_path)
    result = run_rac("build", cwd=root)
    assert result.code == 0, result.err
    skipped = [line for line in result.err.splitlines() if "PDF" in line]  # on stderr, once
    assert len(skipped) == 1 and "fonts-noto-cjk" in skipped[0]
    assert "PDF" not in result.out
    assert not list((root / "build").rglob("*.pdf"))
    index = (root / "build/index.html").read_text(encoding="utf-8")
    assert index.count('<p class="note skipped">跳过 PDF：') == 1 and "fonts-noto-cjk" in index


@pytest.mark.usefixtures("no_pdf")
def test_build_draft_renders_invalid_reports_marked(tmp_path: Path) -> None:
    root = _workspace(tmp_path, broken_year="2022", years=("2022", "2024"))
    result = run_rac("build", "--draft", cwd=root)
    assert result.code == 1  # still an error
    html = (root / "build/reports/2022/annual-report.html").read_text(encoding="utf-8")
    assert "草稿 / DRAFT" in html
    assert "草稿 / DRAFT" not in (root / "build/reports/2024/annual-report.html").read_text(encoding="utf-8")
    index = (root / "build/index.html").read_text(encoding="utf-8")
    assert "仅草稿" in index


@pytest.mark.usefixtures("no_pdf")
def test_build_replaces_the_previous_build_whole(tmp_path: Path) -> None:
    root = _workspace(tmp_path, years=("2024",))
    assert run_rac("build", cwd=root).code == 0
    stale = root / "build/reports/2021"
    stale.mkdir()
    (stale / "summary.md").write_text("stale", encoding="utf-8")
    assert run_rac("build", cwd=root).code == 0
    assert not stale.exists()
    assert sorted(p.name for p in root.iterdir()) == ["build", "reports"]


@pytest.mark.usefixtures("no_pdf")
def test_build_refuses_to_replace_a_foreign_folder(tmp_path: Path) -> None:
    root = _workspace(tmp_path, years=("2024",))
    precious = root / "out" / "notes.txt"
    precious.parent.mkdir()
    precious.write_text("mine", encoding="utf-8")
    result = run_rac("build", "--out", str(root / "out"), cwd=root)
    assert result.code == 2
    assert "out" in result.err
    assert precious.read_text(encoding="utf-8") == "mine"


@pytest.mark.usefixtures("no_pdf")
def test_build_after_render_into_the_default_folder(tmp_path: Path) -> None:
    root = _workspace(tmp_path, years=("2023", "2024"))
    assert run_rac("render", "2024", "--format", "md", cwd=root).code == 0
    assert run_rac("build", cwd=root).code == 0
    assert (root / "build/reports/2023/annual-report.docx").is_file()


@pytest.mark.usefixtures("no_pdf")
def test_template_failure_leaves_the_previous_build(tmp_path: Path) -> None:
    root = _workspace(tmp_path, years=("2024",))
    assert run_rac("build", cwd=root).code == 0
    before = (root / "build/index.html").read_bytes()
    (root / "templates").mkdir()
    (root / "templates/summary.md").write_text("{{ missing }}\n", encoding="utf-8")
    result = run_rac("build", cwd=root)
    assert result.code == 2 and "templates/summary.md" in result.err
    assert (root / "build/index.html").read_bytes() == before
    assert sorted(p.name for p in root.iterdir()) == ["build", "reports", "templates"]


def test_break_helper_really_breaks(tmp_path: Path) -> None:
    root = _workspace(tmp_path, years=("2024",))
    _break_seats(root)
    result = run_rac("validate", "reports/2024", cwd=root)
    assert result.code == 1
