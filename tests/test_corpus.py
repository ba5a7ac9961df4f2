"""The hostile-input corpus (tests/corpus/): every file, put in place of one file of the sample workspace, gives
exactly the finding (rule, file, line, column) or the usage error its row in tests/corpus/expected.yaml names,
with both engines, never exit 3, never a traceback, and every finding with a file, a line and a column."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from reportascode.model.loader import load_file
from tests.conftest import SAMPLE_REPORTS, run_rac

CORPUS = Path(__file__).resolve().parent / "corpus"
_TABLE = load_file(CORPUS / "expected.yaml", "tests/corpus/expected.yaml")
assert _TABLE.ok, _TABLE.problems
CASES: dict[str, dict[str, Any]] = _TABLE.data["cases"]


def test_the_table_and_the_files_match() -> None:
    files = {p.name for p in CORPUS.iterdir() if p.is_file() and p.name not in ("expected.yaml", "_generate.py")}
    assert files == set(CASES)
    assert len(CASES) >= 60


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus") / "ws"
    shutil.copytree(SAMPLE_REPORTS, root / "reports")
    return root


@pytest.mark.parametrize("engine", ["fast", "reference"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_file(sample: Path, name: str, engine: str) -> None:
    case = CASES[name]
    target = sample / case["replaces"]
    original = target.read_bytes() if target.is_file() else None
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(CORPUS / name, target)
    try:
        run = run_rac("validate", "--format", "json", "--lang", "en", "--engine", engine, "reports/2024",
                      cwd=sample)
    finally:  # the next case starts from the sample workspace again
        if original is None:
            target.unlink()
        else:
            target.write_bytes(original)
    assert "Traceback" not in run.err + run.out
    assert run.code != 3, run.err
    if "exit" in case:
        assert run.code == case["exit"], (run.out, run.err)
        assert case["error"] in run.err
        return
    assert run.code in (0, 1), run.err
    findings = json.loads(run.out)["findings"]
    for finding in findings:
        assert finding["file"] and finding["line"] >= 1 and finding["column"] >= 1, finding
    expected = (case["rule"], case["replaces"], case["line"], case["column"])
    found = [(f["rule"], f["file"], f["line"], f["column"]) for f in findings]
    assert expected in found, [f for f in found if f[1] == case["replaces"]] or found
