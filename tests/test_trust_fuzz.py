"""Fuzz targets across the trust boundaries: evidence exports (CSV and XLSX) and ``rac set`` values. Whatever
they hold, the outcome is exit 0, 1 or 2 with findings that carry a position, never exit 3."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportascode.model.loader import load_file
from tests.conftest import SAMPLE_REPORTS, run_rac

FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def fuzz_report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("trustfuzz") / "ws"
    shutil.copytree(SAMPLE_REPORTS / "2024", root / "reports" / "2024")
    yield root


CELLS = st.one_of(
    st.sampled_from(["96801", "1e999999999", "9" * 400, "-1", "1,234,567", "NaN", "Infinity", "=cmd|' /C calc'!A0",
                     "2024-02-30", "0x10", "１２３", "\x1b[31m", "", " ", "2024-01-03", "\u202e", "\ud7ff"]),
    st.integers(-10**30, 10**30).map(str),
    st.text(max_size=12).map(lambda t: t.encode("utf-8", "replace").decode("utf-8")),
)


def _validate(root: Path) -> None:
    run = run_rac("validate", "--format", "json", "--lang", "en", "reports/2024", cwd=root)
    assert run.code in (0, 1, 2), run.err
    assert "Traceback" not in run.err and "internal error" not in run.err
    if run.code != 2:
        for finding in json.loads(run.out)["findings"]:
            assert finding["file"] and finding["line"] >= 1 and finding["column"] >= 1, finding


@FUZZ
@given(rows=st.lists(st.lists(CELLS, min_size=0, max_size=6), max_size=8),
       delimiter=st.sampled_from([",", ";", "\t"]), encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_evidence_csv_never_crashes(fuzz_report: Path, rows: list[list[str]], delimiter: str, encoding: str) -> None:
    target = fuzz_report / "reports" / "2024" / "evidence" / "caller_numbers.csv"
    original = (SAMPLE_REPORTS / "2024" / "evidence" / "caller_numbers.csv").read_bytes()
    lines = [delimiter.join(("number", "calls", "first_date", "last_date"))]
    lines += [delimiter.join(cell.replace(delimiter, " ").replace("\n", " ") for cell in row) for row in rows]
    target.write_bytes("\n".join(lines).encode(encoding, "replace"))
    try:
        _validate(fuzz_report)
    finally:
        target.write_bytes(original)


@FUZZ
@given(rows=st.lists(st.lists(st.one_of(CELLS, st.integers(-10**20, 10**20), st.floats(allow_nan=True)),
                              min_size=0, max_size=5), max_size=6),
       cut=st.one_of(st.none(), st.integers(0, 4000)))
def test_evidence_xlsx_never_crashes(fuzz_report: Path, rows: list[list[object]], cut: int | None) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    evidence = fuzz_report / "reports" / "2024" / "evidence"
    csv_path = evidence / "caller_numbers.csv"
    original = csv_path.read_bytes()
    book = Workbook()
    sheet = book.active
    sheet.append(["number", "calls", "first_date", "last_date"])
    for row in rows:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    if cut is not None:
        data = data[:cut]  # a truncated zip
    csv_path.unlink()
    (evidence / "caller_numbers.xlsx").write_bytes(data)
    try:
        _validate(fuzz_report)
    finally:
        (evidence / "caller_numbers.xlsx").unlink()
        csv_path.write_bytes(original)


VALUES = st.one_of(
    st.sampled_from(["星澜", "&a x", "*a", "!!python/object:os.system x", "- x", "{a: 1}", "[1", "'", '"', "#x",
                     "a: b", "1e999999999", "9" * 400, "\x1b]0;pwned\x07", "a\nb", "a\rb", "\ud800", "%YAML 1.3",
                     "--output=/tmp/x", "=HYPERLINK(\"x\")", "", " ", "null", "yes", "0755", "\u202e", "\t"]),
    st.text(max_size=20),
)


@pytest.fixture(scope="module")
def set_report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("trustset") / "ws"
    shutil.copytree(SAMPLE_REPORTS / "2024", root / "reports" / "2024")
    company = root / "reports" / "2024" / "company.yaml"
    text = company.read_text(encoding="utf-8")
    text = text.replace("name: 星澜联络科技有限公司 ", "name: &nm 星澜联络科技有限公司 ", 1)
    company.write_text(text, encoding="utf-8")  # an anchored value, as some files have
    yield root


@FUZZ
@given(value=VALUES, pointer=st.sampled_from(["/name", "/uscc", "/legal_rep/name", "/registered_capital_wan",
                                              "/nope/deeper", "/", "", "~1", "/employees/0"]))
def test_set_values_never_crash(set_report: Path, value: str, pointer: str) -> None:
    company = set_report / "reports" / "2024" / "company.yaml"
    before = company.read_bytes()
    try:
        run = run_rac("set", "--lang", "en", "reports/2024/company.yaml", pointer, value, cwd=set_report)
        assert run.code in (0, 1, 2), run.err
        assert "Traceback" not in run.err and "internal error" not in run.err
        if run.code == 0:  # what was written still loads
            assert load_file(company, "company.yaml").ok
        elif run.code == 2:
            assert company.read_bytes() == before  # refused: the file as it was
    finally:
        company.write_bytes(before)
