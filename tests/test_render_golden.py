"""Golden outputs of ``rac render``: the sample 2024 report (Chinese draft, English final) as HTML, DOCX, XLSX and
summary.md must keep their bytes. DOCX and XLSX are compared part by part (every XML part of the zip), so a
failure names the part that changed.

An intended change of the documents (a template, a message, a layout rule) updates the digests:
``RAC_UPDATE_GOLDEN=1 pytest tests/test_render_golden.py`` rewrites tests/golden/render_sample.json; review the
documents and commit it with the change.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path

import pytest

from tests.conftest import run_rac

GOLDEN = Path(__file__).parent / "golden" / "render_sample.json"
CASES = {
    "zh-draft": ("--draft", "--lang", "zh"),
    "en": ("--lang", "en"),
}


def digests(folder: Path) -> dict[str, str]:
    """File name (``name.docx:part`` for the parts of a zip) → SHA-256 of its bytes."""
    found = {}
    for path in sorted(folder.iterdir()):
        if path.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(path) as archive:
                for name in sorted(archive.namelist()):
                    found[f"{path.name}:{name}"] = hashlib.sha256(archive.read(name)).hexdigest()
        elif path.is_file() and not path.name.startswith("."):
            found[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def render_sample(workspace: Path, out: Path, options: tuple[str, ...]) -> dict[str, str]:
    run = run_rac("render", "reports/2024", *options, "--format", "html", "--format", "docx", "--format", "xlsx",
                  "--format", "md", "--out", str(out), cwd=workspace)
    assert run.code == 0, run.err
    return digests(out)


def test_sample_documents_keep_their_bytes(workspace: Path, tmp_path: Path) -> None:
    found = {case: render_sample(workspace, tmp_path / case, options) for case, options in CASES.items()}
    if os.environ.get("RAC_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        pytest.skip("golden digests rewritten")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for case in CASES:
        changed = sorted(name for name in expected[case].keys() | found[case].keys()
                         if expected[case].get(name) != found[case].get(name))
        assert not changed, f"{case}: these outputs changed (see the module docstring to update): {changed}"


def test_validate_cache_changes_no_byte_of_render(workspace: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """rac render validates through rac validate's cache: cold, warm, after an edit and without the cache, a
    draft with errors renders the same documents and says the same things."""
    path = workspace / "reports/2024/operations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  total: 610", '  total: "abc"', 1), encoding="utf-8")

    def render(name: str) -> tuple[int, str, dict[str, str]]:
        run = run_rac("render", "reports/2024", "--draft", "--format", "html", "--format", "docx", "--format",
                      "xlsx", "--format", "md", "--out", str(tmp_path / name), cwd=workspace)
        return run.code, run.err.replace(str(tmp_path / name), "OUT"), digests(tmp_path / name)

    cold, warm = render("cold"), render("warm")
    monkeypatch.setenv("RAC_NO_CACHE", "1")
    uncached = render("uncached")
    assert cold[0] == 1 and cold == warm == uncached
    company = workspace / "reports/2024/company.yaml"
    company.write_text(company.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # new bytes, same data
    edited_uncached = render("edited-uncached")
    monkeypatch.delenv("RAC_NO_CACHE")
    assert render("edited") == edited_uncached
