"""``rac lsp`` diagnostics come from ``rac validate``'s engine: for every broken fixture of the validation suite,
the diagnostics equal the JSON findings (rule, file, line, column, severity), whether the broken text is on disk or
only in the editor's unsaved buffer. Also: the pieces the server is made of, on plain text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="rac lsp needs the [lsp] extra (pygls)")
from lsprotocol import types

from reportascode.lsp.analysis import Analyzer
from reportascode.lsp.diagnostics import diagnostics_by_file
from reportascode.lsp.textspan import chars_from_utf16
from tests.conftest import run_rac
from tests.test_validate_fixtures import CASES, Case

Row = tuple[str, str, int, int, str]


def json_rows(workspace: Path) -> set[Row]:
    run = run_rac("validate", "--format", "json", "--lang", "en", "reports/2024", cwd=workspace)
    document = json.loads(run.out)
    return {(f["rule"], f["file"], f["line"], f["column"], f["severity"])
            for f in document["findings"] + document["explained"] + document["waived"]}


def diagnostic_rows(workspace: Path, overlay: dict[Path, str]) -> set[Row]:
    analyzer = Analyzer(workspace, "en")
    analysis = analyzer.run(overlay, [workspace / "reports" / "2024"])
    rows: set[Row] = set()
    for file, diagnostics in diagnostics_by_file(analysis).items():
        lines = analysis.text_of(file).split("\n")
        for d in diagnostics:
            data = d.data if isinstance(d.data, dict) else {}
            if data.get("mirror_of"):
                continue  # the same finding, also shown where the other value it read is edited
            line = lines[d.range.start.line] if d.range.start.line < len(lines) else ""
            column = chars_from_utf16(line, d.range.start.character) + 1
            rows.add((str(d.code), file, d.range.start.line + 1, column, str(data["severity"])))
    return rows


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_diagnostics_equal_validate_findings(workspace: Path, case: Case) -> None:
    path = workspace / "reports" / "2024" / case.file
    original = path.read_bytes() if path.exists() else None
    case.edit(path)
    expected = json_rows(workspace)
    assert (case.rule, f"reports/2024/{case.file}", case.line, case.column, case.severity) in expected
    assert diagnostic_rows(workspace, {}) == expected
    # the same broken text only in the editor (the file on disk still the clean one): the same diagnostics
    if original is None or not path.exists():
        return
    try:
        edited = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return  # an editor shows such bytes decoded some other way; the disk case above covers them
    path.write_bytes(original)
    assert diagnostic_rows(workspace, {path: edited}) == expected


def test_sample_explained_warnings_are_hints_with_their_reason(workspace: Path) -> None:
    analysis = Analyzer(workspace, "en").run({}, [workspace / "reports" / "2024"])
    found = diagnostics_by_file(analysis)["reports/2024/operations.yaml"]
    explained = next(d for d in found if d.code == "YOY-01" and (d.data or {}).get("pointer") == "/seats/ai")
    assert explained.severity == types.DiagnosticSeverity.Hint
    assert "explained: AI seats rose from 40 to 90" in explained.message  # text_en in an English run


def test_broken_config_is_a_diagnostic_of_the_config_file(workspace: Path) -> None:
    (workspace / ".reportascode.yaml").write_text("lang: [zh\n", encoding="utf-8")
    analysis = Analyzer(workspace, "en").run({}, [workspace / "reports" / "2024"])
    found = diagnostics_by_file(analysis)[".reportascode.yaml"]
    assert len(found) == 1 and found[0].severity == types.DiagnosticSeverity.Error


def test_a_link_out_of_the_workspace_is_not_read_even_from_the_editor(workspace: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("seats: {}\n", encoding="utf-8")
    target = workspace / "reports" / "2024" / "operations.yaml"
    target.unlink()
    target.symlink_to(outside)
    analysis = Analyzer(workspace, "en").run({target: "seats: {total: 1}\n"}, [workspace / "reports" / "2024"])
    found = diagnostics_by_file(analysis)["reports/2024/operations.yaml"]
    assert [d.code for d in found] == ["LOAD-READ"]


def test_validate_does_not_import_the_language_server() -> None:
    code = (
        "import sys\n"
        "from reportascode.cli import main\n"
        "try:\n"
        "    main(['validate', 'reports/2024'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', 'pytest_lsp')\n"
        "             or m.startswith('reportascode.lsp')))\n"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_lsp_without_pygls_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "pygls"
    blocker.mkdir()
    (blocker / "__init__.py").write_text("raise ImportError('No module named pygls')\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                          "from reportascode.cli import main; main(['lsp', '--lang', 'en'])", str(tmp_path)],
                         capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert run.returncode == 2, run.stderr
    assert "[lsp]" in run.stderr and "Traceback" not in run.stderr  # the install command that fits this rac


def test_every_rule_has_the_anchor_its_diagnostics_link_to() -> None:
    from reportascode.lsp.diagnostics import DOCS_PAGE, rule_link
    from reportascode.rules.catalogue import all_rules

    page = DOCS_PAGE.read_text(encoding="utf-8")
    missing = [r.id for r in all_rules() if f'<a id="{r.id.lower()}"></a>' not in page]
    assert missing == [], "run: python tools/rule_index.py"
    link = rule_link("SEAT-01")
    assert link is not None and link.href.endswith("docs/checks.md#seat-01")


def test_unsaved_config_text_applies(workspace: Path) -> None:
    config = workspace / ".reportascode.yaml"
    overlay = {config: "severity:\n  YOY-01: error\n"}
    analysis = Analyzer(workspace, "en").run(overlay, [workspace / "reports" / "2024"])
    found = diagnostics_by_file(analysis)["reports/2024/operations.yaml"]
    raised = next(d for d in found if d.code == "YOY-01" and (d.data or {}).get("pointer") == "/seats/ai")
    assert raised.severity == types.DiagnosticSeverity.Error  # an error can no longer be explained
    broken = Analyzer(workspace, "en").run({config: "lang: [zh\n"}, [workspace / "reports" / "2024"])
    assert broken.config_error is not None and not config.exists()
