"""Resource bounds: each hostile file gets a clear, positioned finding, in bounded time and memory.

The heavy cases run ``rac validate`` as a subprocess under an address-space limit (``RLIMIT_AS``), so a walk that
expands an alias bomb or a parser that recurses without end fails the test instead of the machine; the time
limits are generous guards, not benchmarks.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from reportascode.model.loader import MAX_FILE_BYTES, MAX_LINE_CHARS, load_bytes, load_file
from tests.conftest import SAMPLE_REPORTS, run_rac

MEMORY_LIMIT = 1536 * 1024 * 1024  # address space, bytes
TIME_LIMIT = 120  # seconds; a guard only

BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]" for p, n in zip("abcdefgh", "bcdefghi", strict=True)]
) + "\n"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(SAMPLE_REPORTS / "2024", root / "reports" / "2024", ignore=shutil.ignore_patterns("evidence"))
    return root / "reports" / "2024"


def limited_validate(report: Path, *extra: str) -> tuple[list[dict[str, Any]], float, int]:
    """``rac validate --format json`` of the report in a subprocess under the memory limit: (findings, seconds,
    peak resident KiB)."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    env = {**os.environ, "LANG": "en_US.UTF-8"}
    env.pop("LC_ALL", None)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "reportascode", "validate", "--format", "json", "--lang", "en",
                           *extra, "reports/2024"], cwd=report.parent.parent, env=env, capture_output=True,
                          text=True, timeout=TIME_LIMIT, preexec_fn=limit)
    elapsed = time.monotonic() - started
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    findings = json.loads(done.stdout)["findings"]
    for finding in findings:
        assert finding["file"] and finding["line"] >= 1 and finding["column"] >= 1
    return findings, elapsed, peak


def positions(findings: list[dict[str, Any]], file: str) -> list[tuple[str, int, int]]:
    """The findings about one file's content (YOY-01's "no previous year" note, say, is about the report)."""
    return [(f["rule"], f["line"], f["column"]) for f in findings
            if f["file"] == f"reports/2024/{file}" and f["rule"] != "YOY-01"]


# -- aliases -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "position"),
    [
        (BILLION_LAUGHS, (1, 32)),  # where the 500,001st value stands
        ("a: &a [" + ",".join(["x"] * 1000) + "]\nb: [" + ",".join(["*a"] * 1000) + "]\n", (1, 1004)),
        ("report_year: &x {a: *x}\n", (1, 14)),
        ("report_year: &x [1, *x]\n", (1, 14)),
        ("a: &x\n  b: &y\n    c: *x\n", (1, 4)),
    ],
    ids=["billion-laughs", "wide-bomb", "self-map", "self-seq", "indirect-cycle"],
)
@pytest.mark.parametrize("engine", ["fast", "reference"])
def test_alias_bombs_and_cycles(report: Path, text: str, position: tuple[int, int], engine: str) -> None:
    (report / "meta.yaml").write_text(text, encoding="utf-8")
    findings, elapsed, _ = limited_validate(report, "--engine", engine)
    assert positions(findings, "meta.yaml")[:1] == [("LOAD-ALIAS", *position)]
    assert elapsed < TIME_LIMIT


# -- nesting -------------------------------------------------------------------------------------------------------

NESTING = {
    "flow-seq-10k": ("a: " + "[" * 10_000 + "]" * 10_000 + "\n", (1, 68)),
    "flow-seq-100k": ("a: " + "[" * 100_000 + "]" * 100_000 + "\n", (1, 68)),
    "flow-map-10k": ("a: " + "{a: " * 10_000 + "}" * 10_000 + "\n", (1, 260)),
    "flow-map-100k": ("a: " + "{a: " * 100_000 + "}" * 100_000 + "\n", (1, 260)),
    "flow-multiline-10k": ("a:\n" + "[\n" * 10_000 + "]\n" * 10_000, (66, 1)),
    "block-seq-10k": ("a:\n" + "- " * 10_000 + "x\n", (2, 257)),
    "block-seq-100k": ("- " * 100_000 + "x\n", (1, 257)),
    "block-map-10k": ("".join("  " * i + f"k{i}:\n" for i in range(10_000))[:4_000_000], (130, 257)),
    "block-map-1-space": ("".join(" " * i + f"k{i}:\n" for i in range(250)), (66, 66)),
    "complex-keys-100k": ("? " * 100_000 + "x\n", (1, 257)),
}


@pytest.mark.parametrize("case", list(NESTING), ids=list(NESTING))
@pytest.mark.parametrize("parser", ["libyaml", "ruamel"])
def test_deep_nesting_is_refused_before_any_parser_recurses(case: str, parser: str) -> None:
    text, position = NESTING[case]
    started = time.monotonic()
    doc = load_bytes(text.encode(), "f.yaml", parser)
    assert [(p.rule, p.line, p.column) for p in doc.problems][:1] == [("LOAD-DEPTH", *position)]
    assert doc.data is None
    assert time.monotonic() - started < TIME_LIMIT


@pytest.mark.parametrize("case", ["flow-seq-100k", "block-seq-100k", "block-map-10k"])
def test_deep_nesting_through_validate(report: Path, case: str) -> None:
    (report / "operations.yaml").write_text(NESTING[case][0], encoding="utf-8")
    findings, _, _ = limited_validate(report)
    assert positions(findings, "operations.yaml") == [("LOAD-DEPTH", *NESTING[case][1])]


# -- size ----------------------------------------------------------------------------------------------------------

def test_a_100_mb_file_is_refused_by_its_size_without_being_read(report: Path) -> None:
    big = report / "finance.yaml"
    with open(big, "r+b") as stream:  # sparse: 100 MB on paper, nothing on disk
        stream.truncate(100 * 1024 * 1024)
    tracemalloc.start()
    doc = load_file(big, "reports/2024/finance.yaml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [(p.rule, p.line, p.column) for p in doc.problems] == [("LOAD-SIZE", 1, 1)]
    assert dict(doc.problems[0].args) == {"limit": MAX_FILE_BYTES, "size": 100 * 1024 * 1024}
    assert peak < 1024 * 1024  # never read
    findings, _, _ = limited_validate(report)
    assert positions(findings, "finance.yaml") == [("LOAD-SIZE", 1, 1)]
    assert "104857600 bytes" in next(f["message"] for f in findings if f["rule"] == "LOAD-SIZE")


def test_fmt_and_set_refuse_a_100_mb_file_unread(report: Path) -> None:
    big = report / "finance.yaml"
    with open(big, "r+b") as stream:
        stream.truncate(100 * 1024 * 1024)
    root = report.parent.parent
    fmt = run_rac("fmt", "reports/2024/finance.yaml", cwd=root)
    assert fmt.code == 1 and "LOAD-SIZE" in fmt.err
    tracemalloc.start()
    set_ = run_rac("set", "reports/2024/finance.yaml", "/call_center_revenue_wan", "1", cwd=root)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert set_.code == 1 and "LOAD-SIZE" in set_.err
    assert peak < 20 * 1024 * 1024
    assert big.stat().st_size == 100 * 1024 * 1024


def test_a_1_mb_single_line(report: Path) -> None:
    path = report / "company.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(3, "remark: '" + "星" * 1_000_000 + "'\n")
    path.write_text("".join(lines), encoding="utf-8")
    findings, _, _ = limited_validate(report)
    found = positions(findings, "company.yaml")
    assert found == [("LOAD-SIZE", 4, MAX_LINE_CHARS + 1)]
    message = next(f["message"] for f in findings if f["file"] == "reports/2024/company.yaml")
    assert "1000010 characters" in message


def test_100_000_keys(report: Path) -> None:
    path = report / "company.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "".join(f"k{i}: {i}\n" for i in range(100_000)),
                    encoding="utf-8")
    first_line = path.read_text(encoding="utf-8").splitlines().index("k0: 0") + 1
    findings, elapsed, _ = limited_validate(report)
    assert positions(findings, "company.yaml") == [("SCHEMA-UNKNOWN-KEY", first_line, 1)]
    assert len(findings) < 50  # one finding for the stray keys, not 100,000
    assert elapsed < TIME_LIMIT


def test_10_000_files_in_one_report_folder(report: Path) -> None:
    for index in range(10_000):
        (report / f"extra-{index:05d}.yaml").write_text("a: 1\n", encoding="utf-8")
    findings, _, _ = limited_validate(report)
    unknown = [f for f in findings if f["rule"] == "FILE-UNKNOWN"]
    assert len(unknown) == 21
    assert [f["file"] for f in unknown[:20]] == [f"reports/2024/extra-{i:05d}.yaml" for i in range(20)]
    summary = next(f for f in unknown if "more unknown" in f["message"])
    assert "9980 more unknown YAML files" in summary["message"]
    assert summary["file"] == "reports/2024/extra-00020.yaml" and summary["line"] == 1


# -- encodings and bytes -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("encode", "position", "words"),
    [
        (lambda t: t.encode("gbk"), (2, 3), "GBK"),
        (lambda t: t.encode("gb18030"), (2, 3), "GBK"),
        (lambda t: t.encode("utf-16"), (1, 1), "UTF-16"),
        (lambda t: t.encode("utf-16-le"), (1, 1), "UTF-16"),
        (lambda t: t.encode("utf-16-be"), (1, 1), "UTF-16"),
        (lambda t: t.encode("utf-32"), (1, 1), "UTF-16"),
        (lambda t: t.replace("report_year: 2024", "report_year: 20\x0024").encode(), None, "NUL byte"),
        (lambda t: t.replace("report_year: 2024", "report_year: \x1b[31m2024").encode(), None, "control character"),
    ],
    ids=["gbk", "gb18030", "utf-16-bom", "utf-16-le", "utf-16-be", "utf-32", "nul", "escape"],
)
def test_encodings_and_control_bytes(report: Path, encode: Any, position: tuple[int, int] | None,
                                     words: str) -> None:
    path = report / "meta.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(encode(text))
    if position is None:
        line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("report_year"))
        position = (line, len("report_year: 20") + 1) if words == "NUL byte" else (line, len("report_year: ") + 1)
    run = run_rac("validate", "--format", "json", "--lang", "en", "reports/2024", cwd=report.parent.parent)
    assert run.code == 1
    findings = json.loads(run.out)["findings"]
    assert positions(findings, "meta.yaml") == [("LOAD-ENCODING", *position)]
    assert words in next(f["message"] for f in findings if f["rule"] == "LOAD-ENCODING")


# -- files that are not files --------------------------------------------------------------------------------------

def _special(report: Path, kind: str) -> None:
    path = report / "meta.yaml"
    path.unlink()
    if kind == "directory":
        path.mkdir()
        (path / "x.yaml").write_text("a: 1\n")
    elif kind == "fifo":
        os.mkfifo(path)  # opening it for reading would block forever
    elif kind == "broken-link":
        path.symlink_to(report / "no-such-file.yaml")
    elif kind == "device":
        path.symlink_to("/dev/zero")  # endless, and outside the workspace
    elif kind == "unreadable":
        path.write_text("report_year: 2024\n")
        path.chmod(0)


@pytest.mark.parametrize("kind", ["directory", "fifo", "broken-link", "device", "unreadable"])
def test_a_report_file_that_cannot_be_read_is_load_read(report: Path, kind: str) -> None:
    if kind == "fifo" and not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    if kind == "unreadable" and os.geteuid() == 0:
        pytest.skip("root reads any file; see test_an_unreadable_file_is_load_read")
    _special(report, kind)
    findings, elapsed, _ = limited_validate(report)  # in a subprocess: a blocking read would time out
    assert positions(findings, "meta.yaml") == [("LOAD-READ", 1, 1)]
    assert elapsed < TIME_LIMIT


def test_an_unreadable_file_is_load_read(report: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = str(report / "meta.yaml")
    real_open = os.open

    def refusing(path: Any, *args: Any, **kwargs: Any) -> int:
        if str(path) == target:
            raise PermissionError(13, "Permission denied", target)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    run = run_rac("validate", "--format", "json", "--lang", "en", "reports/2024", cwd=report.parent.parent)
    findings = json.loads(run.out)["findings"]
    assert positions(findings, "meta.yaml") == [("LOAD-READ", 1, 1)]
    assert "Permission denied" in next(f["message"] for f in findings if f["rule"] == "LOAD-READ")


def test_huge_numbers_stay_text_and_are_named_by_the_schema(report: Path) -> None:
    path = report / "operations.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("clients_signed: 38") == 1
    path.write_text(text.replace("clients_signed: 38", "clients_signed: " + "9" * 5000), encoding="utf-8")
    findings, _, _ = limited_validate(report)
    assert [f["rule"] for f in findings if f["file"] == "reports/2024/operations.yaml"][:1] == ["SCHEMA-TYPE"]
    path.write_text(text.replace("clients_signed: 38", "clients_signed: 1e999999999"), encoding="utf-8")
    findings, _, _ = limited_validate(report)
    assert [f["rule"] for f in findings if f["file"] == "reports/2024/operations.yaml"][:1] == ["SCHEMA-TYPE"]


def test_config_and_rule_files_are_bounded_too(report: Path) -> None:
    """The workspace config and rule files go through the same reader: size first, regular files only."""
    root = report.parent.parent
    (root / "rules").mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "rules" / "pipe.yaml")  # read naively, this would block forever
    with open(root / "rules" / "huge.yaml", "wb") as stream:
        stream.truncate(100 * 1024 * 1024)
    findings, _, _ = limited_validate(report)
    rule_files = {f["file"]: f for f in findings if f["file"].startswith("rules/")}
    huge = rule_files["rules/huge.yaml"]
    assert huge["rule"] == "RULES-01" and "too large" in huge["message"]
    assert "rules/pipe.yaml" not in rule_files  # not a file: passed over, without blocking
    with open(root / ".reportascode.yaml", "wb") as stream:
        stream.truncate(100 * 1024 * 1024)
    run = run_rac("validate", "reports/2024", "--lang", "en", cwd=root)
    assert run.code == 2 and "too large" in run.err


def test_30_000_bad_rows_give_a_readable_list_in_bounded_time(report: Path) -> None:
    """A spreadsheet export pasted as 30,000 list items, each wrong twice: 100 findings of each rule, then one
    that counts the rest (a lower bound: schema validation stops after 10,000 errors), still an error."""
    path = report / "operations.yaml"
    text = path.read_text(encoding="utf-8")
    head = next(line for line in text.splitlines() if line.startswith("by_province:"))
    rows = "".join(f'  - province: "33"\n    seats: x{i}\n' for i in range(30_000))
    path.write_text(text.replace(head + "\n", "by_province:\n" + rows, 1), encoding="utf-8")
    findings, elapsed, _ = limited_validate(report)
    ops = [f for f in findings if f["file"] == "reports/2024/operations.yaml"]
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for finding in ops:
        by_rule.setdefault(finding["rule"], []).append(finding)
    assert len(by_rule["SCHEMA-TYPE"]) == 101 and len(by_rule["SCHEMA-REQUIRED"]) == 101
    summary = next(f for f in by_rule["SCHEMA-TYPE"] if "more findings of SCHEMA-TYPE" in f["message"])
    assert summary["message"].startswith("at least ") and summary["severity"] == "error"
    assert summary["line"] >= 1 and summary["column"] >= 1
    assert len(findings) < 300
    assert elapsed < TIME_LIMIT


def test_findings_past_the_limit_are_counted_in_one() -> None:
    from reportascode.model.findings import Finding, Severity
    from reportascode.validate.engine import cap_findings

    def finding(line: int, severity: Severity = Severity.WARNING, waived: str | None = None) -> Finding:
        return Finding("X-01", severity, "reports/2024/a.yaml", line, 1, f"/{line}", "k", (), "reports/2024",
                       waived_by=waived)

    few = [finding(n) for n in range(1, 4)]
    assert cap_findings(few, limit=3) == few
    many = [finding(n) for n in range(1, 8)] + [finding(8, Severity.ERROR), finding(9, waived="w")]
    capped = cap_findings(many, limit=3)
    assert [f.line for f in capped] == [1, 2, 3, 4]
    summary = capped[-1]
    assert summary.message_key == "finding.more" and summary.arguments["count"] == 6
    assert summary.severity is Severity.ERROR and summary.waived_by is None  # the worst of the rest counts
