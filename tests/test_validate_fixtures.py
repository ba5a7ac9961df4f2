"""Broken fixtures, one table row each: what is broken, and the rule and position the finding must carry.

Each row edits a copy of the clean sample report 2024, runs ``rac validate --format json`` and asserts the
finding's rule id, file, line and column. None may exit 3 or print a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import run_rac

BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]" for p, n in zip("abcdefgh", "bcdefghi", strict=True)]
) + "\n"


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    edit: Callable[[Path], None]
    rule: str
    line: int
    column: int
    severity: str = "error"


def replace(old: str, new: str) -> Callable[[Path], None]:
    def edit(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return edit


def write_text(content: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(content, encoding="utf-8")


def write_bytes(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


def reencode(encoding: str) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))


def append(text: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def delete(path: Path) -> None:
    path.unlink()


CASES = [
    Case("wrong type: text for a count", "operations.yaml", replace("  total: 610", "  total: six hundred"),
         "SCHEMA-TYPE", 5, 10),
    Case("wrong type: null for a count", "operations.yaml", replace("  total: 610", "  total: ~"),
         "SCHEMA-TYPE", 5, 10),
    Case("wrong type: unquoted province code", "company.yaml",
         replace('registration_province: "33"', "registration_province: 33"), "SCHEMA-TYPE", 16, 24),
    Case("wrong type: unquoted postcode", "company.yaml", replace('postcode: "310013"', "postcode: 310013"),
         "SCHEMA-TYPE", 18, 11),
    Case("YAML 1.1 trap: yes is not a boolean", "signatures.yaml", replace("  seal: true", "  seal: yes"),
         "SCHEMA-TYPE", 7, 9),
    Case("root is a list", "meta.yaml", write_text("- report_year: 2024\n"), "SCHEMA-TYPE", 1, 1),
    Case("missing required key at the root", "meta.yaml",
         replace("licence_no: B2-20203417        # 许可证编号（工业和信息化部核发，故无省份前缀）\n", ""),
         "SCHEMA-REQUIRED", 4, 1),
    Case("missing required nested key", "operations.yaml", replace("  human: 520\n", ""),
         "SCHEMA-REQUIRED", 4, 1),
    Case("bad enum", "meta.yaml", replace("filing_channel: tsm_dxzhgl", "filing_channel: tsm"),
         "SCHEMA-ENUM", 6, 17),
    Case("bad enum: province code", "operations.yaml", replace('  - province: "33"', '  - province: "99"'),
         "SCHEMA-ENUM", 24, 15),
    # one finding per value: the number is told to be quoted (SCHEMA-TYPE), not also that it is no version
    Case("unquoted schema version", "meta.yaml", replace('schema_version: "1.0"', "schema_version: 1.0"),
         "SCHEMA-TYPE", 8, 17),
    Case("bad date: 30 February", "meta.yaml", replace("submission_date: 2025-03-18", "submission_date: 2025-02-30"),
         "SCHEMA-FORMAT", 7, 18),
    Case("bad date: slashes", "meta.yaml", replace("submission_date: 2025-03-18", "submission_date: 2025/03/18"),
         "SCHEMA-FORMAT", 7, 18),
    Case("bad USCC: letter O", "company.yaml", replace("uscc: 91330106MA2K7Q3P10", "uscc: 91330106MA2K7Q3P1O"),
         "SCHEMA-PATTERN", 5, 7),
    Case("bad licence number", "meta.yaml", replace("licence_no: B2-20203417", "licence_no: B7-2020341"),
         "SCHEMA-PATTERN", 5, 13),
    Case("negative count", "operations.yaml", replace("  ai: 90 ", "  ai: -5 "), "SCHEMA-RANGE", 7, 7),
    Case("money with three decimals", "finance.yaml",
         replace("\ncall_center_revenue_wan: 8460 ", "\ncall_center_revenue_wan: 8460.125 "),
         "SCHEMA-DECIMALS", 7, 26),
    Case("unknown key (typo)", "operations.yaml", replace("  human: 520", "  humans: 520"),
         "SCHEMA-UNKNOWN-KEY", 6, 3),
    Case("report year differs from folder", "meta.yaml", replace("report_year: 2024", "report_year: 2023"),
         "META-YEAR", 4, 14),
    Case("unknown schema version", "meta.yaml", replace('schema_version: "1.0"', 'schema_version: "9.9"'),
         "SCHEMA-VERSION", 8, 17),
    Case("duplicate key", "meta.yaml", append("report_year: 2024\n"), "LOAD-DUPLICATE-KEY", 9, 1),
    Case("duplicate key nested", "operations.yaml", replace("  human: 520\n", "  human: 520\n  human: 521\n"),
         "LOAD-DUPLICATE-KEY", 7, 3),
    Case("syntax error: unclosed flow", "meta.yaml", replace("licence_no: B2-20203417", "licence_no: [B2-20203417"),
         "LOAD-SYNTAX", 6, 1),
    Case("syntax error: bad indentation", "operations.yaml", replace("  human: 520", "   human: 520"),
         "LOAD-SYNTAX", 6, 9),
    Case("two documents in one file", "meta.yaml", append("---\nreport_year: 2024\n"), "LOAD-SYNTAX", 9, 1),
    Case("tab indentation", "operations.yaml", replace("  total: 610", "\ttotal: 610"), "LOAD-TAB", 5, 1),
    Case("tab after a key", "meta.yaml", replace("report_year: 2024", "report_year:\t2024"), "LOAD-TAB", 4, 13),
    Case("empty file", "signatures.yaml", write_text(""), "FILE-EMPTY", 1, 1),
    Case("comment-only file", "signatures.yaml", write_text("# 签署信息：待填\n"), "FILE-EMPTY", 1, 1),
    Case("GBK bytes", "company.yaml", reencode("gbk"), "LOAD-ENCODING", 2, 3),
    Case("UTF-16 file", "meta.yaml", reencode("utf-16"), "LOAD-ENCODING", 1, 1),
    Case("Latin-1 byte", "meta.yaml", write_bytes(b"report_year: 2024\nlicence_no: B2-2020341\xe9\n"),
         "LOAD-ENCODING", 2, 23),
    Case("alias bomb", "meta.yaml", write_text(BILLION_LAUGHS), "LOAD-ALIAS", 1, 32),
    Case("self-referencing alias", "meta.yaml", write_text("report_year: &x {a: *x}\n"), "LOAD-ALIAS", 1, 14),
    Case("deep nesting", "meta.yaml", write_text("report_year: " + "[" * 5000 + "]" * 5000 + "\n"),
         "LOAD-DEPTH", 1, 78),
    Case("python tag", "meta.yaml", replace("report_year: 2024", "report_year: !!python/name:os.system 2024"),
         "LOAD-TAG", 4, 14),
    Case("oversized file", "finance.yaml", append(("# " + "填" * 100 + "\n") * 20_000), "LOAD-SIZE", 1, 1),
    Case("missing file", "trunks.yaml", delete, "FILE-MISSING", 1, 1),
    Case("unknown file in the report folder", "operation.yaml", write_text("seats: {}\n"), "FILE-UNKNOWN", 1, 1,
         severity="warning"),
]


@pytest.mark.parametrize("engine", ["fast", "reference"])
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_fixture_gives_positioned_finding(workspace: Path, case: Case, engine: str) -> None:
    path = workspace / "reports" / "2024" / case.file
    case.edit(path)
    run = run_rac("validate", "--format", "json", "--lang", "en", "--engine", engine, "reports/2024", cwd=workspace)
    assert run.code in (0, 1), run.err
    assert "Traceback" not in run.err + run.out
    document = json.loads(run.out)
    found = [(f["rule"], f["file"], f["line"], f["column"], f["severity"]) for f in document["findings"]]
    expected = (case.rule, f"reports/2024/{case.file}", case.line, case.column, case.severity)
    assert expected in found, found
    assert run.code == (1 if case.severity == "error" else 0)
    for finding in document["findings"]:
        assert finding["file"] and finding["line"] >= 1 and finding["column"] >= 1
        assert finding["message"]


def test_at_least_thirty_fixtures() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize(
    ("file", "edit"),
    [
        ("meta.yaml", lambda p: p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())),
        ("company.yaml", replace('postcode: "310013"', "postcode: '310013'")),
        ("operations.yaml", replace("  total: 610", "  total:   610")),
    ],
    ids=["utf8-bom", "single-quoted", "extra-spaces"],
)
def test_harmless_variants_stay_valid(workspace: Path, file: str, edit: Callable[[Path], None]) -> None:
    edit(workspace / "reports" / "2024" / file)
    run = run_rac("validate", "--format", "json", "reports/2024", cwd=workspace)
    errors = [f for f in json.loads(run.out)["findings"] if f["severity"] == "error"]
    assert errors == [] and run.code == 0


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fast_and_reference_engines_agree_byte_for_byte(workspace: Path, case: Case) -> None:
    case.edit(workspace / "reports" / "2024" / case.file)
    fast = run_rac("validate", "--format", "json", "--engine", "fast", "reports/2024", cwd=workspace)
    reference = run_rac("validate", "--format", "json", "--engine", "reference", "reports/2024", cwd=workspace)
    assert (fast.code, fast.out) == (reference.code, reference.out)
