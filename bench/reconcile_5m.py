#!/usr/bin/env python3
"""Benchmark: ``rac reconcile`` on a 5,000,000-row caller-number export, in constant memory.

Copies the sample report 2024 into a temporary workspace, replaces its ``evidence/caller_numbers.csv`` by a
deterministic generated export (mostly 96801, the sample's outbound number; one unknown number every 1,000,000
rows and one malformed row every 777,777 rows, so the finding paths and the "first N listed" bound are exercised),
then runs ``python -m reportascode reconcile`` in a child process and measures its wall time and peak RSS
(``os.wait4`` rusage of that child). Prints one Markdown table line. Not part of the test suite.

Usage: python bench/reconcile_5m.py [--rows N] [--keep]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YEAR = 2024


def generate(path: Path, rows: int) -> None:
    """Deterministic: row i depends on i only."""
    start = dt.date(YEAR, 1, 1)
    days = [(start + dt.timedelta(days=d)).isoformat() for d in range(366)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("number,calls,first_date,last_date\n")
        chunk: list[str] = []
        for i in range(rows):
            day = days[i % 366]
            if i % 1_000_000 == 999_999:
                chunk.append(f"95{i % 1000:03d}8,1,{day},{day}\n")  # a number not in numbers.yaml
            elif i % 777_777 == 777_776:
                chunk.append(f"96801,1,{YEAR}-02-30,{day}\n")  # a malformed date
            else:
                chunk.append(f"96801,{1 if i < 4_600_000 else 0},{day},{day}\n")
            if len(chunk) >= 100_000:
                handle.write("".join(chunk))
                chunk.clear()
        handle.write("".join(chunk))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--keep", action="store_true", help="keep the temporary workspace")
    options = parser.parse_args()
    temp = Path(tempfile.mkdtemp(prefix="rac-bench-"))
    try:
        report = temp / "reports" / str(YEAR)
        shutil.copytree(ROOT / "reports" / str(YEAR), report)
        export = report / "evidence" / "caller_numbers.csv"
        began = time.perf_counter()
        generate(export, options.rows)
        generated = time.perf_counter() - began
        size_mb = export.stat().st_size / 1e6
        began = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "reportascode", "reconcile", str(report), "--format", "json",
                                  "--lang", "en"], cwd=temp, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - began
        out = child.stdout.read() if child.stdout else b""
        err = child.stderr.read() if child.stderr else b""
        code = os.waitstatus_to_exitcode(status)
        peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
        if code not in (0, 1):
            sys.stderr.write(err.decode("utf-8", "replace"))
            return 1
        import json

        findings = len(json.loads(out)["findings"])
        print("| rows | export | generate | reconcile wall | peak RSS | exit | findings |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        print(f"| {options.rows:,} | {size_mb:.0f} MB | {generated:.1f} s | {wall:.1f} s | {peak_mb:.0f} MB "
              f"| {code} | {findings} |")
        if options.keep:
            print(f"workspace kept: {temp}")
        return 0
    finally:
        if not options.keep:
            shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
