"""The benchmark harness: whole processes, median of several runs, wall time and peak memory, side by side.

Usage:  python bench/run.py [--runs 5] [--reports 1000] [--commits 2000] [--skip P5,P6]
Needs:  pip install check-jsonschema   (the peer measured in P1 and P3)

Workloads are generated deterministically in a temporary folder from the sample workspace; nothing is written
into the repository. Prints a Markdown table; copy it into bench/README.md with the machine it ran on.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "reports"
SCHEMAS = ROOT / "src" / "reportascode" / "schemas" / "1.0"
RAC = [sys.executable, "-m", "reportascode"]

# Runs a command and prints its own peak RSS (KiB): RUSAGE_CHILDREN of a fresh wrapper is that command's alone.
_MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n"
)


@dataclass
class Measure:
    seconds: float
    peak_mib: float


# As users run it: bytecode caches written and used (a session may set PYTHONDONTWRITEBYTECODE).
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(command: Sequence[str], cwd: Path, runs: int, ok_codes: tuple[int, ...] = (0, 1)) -> Measure:
    """Median wall time and peak RSS of ``runs`` runs, after one warm-up run (caches filled, as in daily use)."""
    subprocess.run(command, cwd=cwd, env=_ENV, capture_output=True, check=False)
    times, peaks = [], []
    for _ in range(runs):
        started = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", _MEASURE, *command], cwd=cwd, capture_output=True, text=True,
                             check=True, env=_ENV).stdout.split()
        times.append(time.perf_counter() - started)
        peak, code = int(out[0]), int(out[1])
        if code not in ok_codes:
            raise SystemExit(f"{' '.join(command)} exited {code}")
        peaks.append(peak / 1024)
    return Measure(statistics.median(times), max(peaks))


def check_jsonschema() -> list[str] | None:
    exe = shutil.which("check-jsonschema")
    return [exe] if exe else None


def p1(work: Path, runs: int) -> list[tuple[str, Measure]]:
    ws = work / "p1"
    shutil.copytree(SAMPLE, ws / "reports")
    rows = [("python -c pass (interpreter floor)", measure([sys.executable, "-c", "pass"], ws, runs)),
            ("rac validate reports/2024 (11 files, schema + checks)",
             measure([*RAC, "validate", "reports/2024"], ws, runs))]
    peer = check_jsonschema()
    if peer:
        rows.append(("check-jsonschema operations.yaml (one file, schema only)",
                     measure([*peer, "--schemafile", str(SCHEMAS / "operations.schema.json"),
                              "reports/2024/operations.yaml"], ws, runs)))
    return rows


def p2(runs: int) -> list[tuple[str, float]]:
    """Load throughput with positions, in-process (MB/s): rac's loader vs ruamel.yaml round-trip."""
    from ruamel.yaml import YAML

    from reportascode.model.loader import load_bytes

    files = [p.read_bytes() for p in sorted(SAMPLE.glob("*/*.yaml"))] * 10
    size = sum(len(f) for f in files) / 1e6

    def rate(load: object) -> float:
        best = float("inf")
        for _ in range(runs):
            started = time.perf_counter()
            for raw in files:
                load(raw)  # type: ignore[operator]
            best = min(best, time.perf_counter() - started)
        return size / best

    round_trip = YAML(typ="rt")
    return [("rac loader (auto: libyaml + positions)", rate(lambda raw: load_bytes(raw, "f.yaml"))),
            ("rac loader (reference: ruamel compose + positions)",
             rate(lambda raw: load_bytes(raw, "f.yaml", "ruamel"))),
            ("ruamel.yaml round-trip load", rate(lambda raw: round_trip.load(raw)))]


def p3(work: Path, reports: int, runs: int) -> list[tuple[str, Measure]]:
    ws = work / "p3"
    for number in range(reports):
        target = ws / "reports" / f"c{number:04d}" / "2024"
        shutil.copytree(SAMPLE / "2024", target)
    rows = [(f"rac validate ({reports} reports, {reports * 11} files)", measure([*RAC, "validate"], ws, runs))]
    peer = check_jsonschema()
    if peer:
        total = 0.0
        peak = 0.0
        for schema in sorted(SCHEMAS.glob("*.schema.json")):
            kind = schema.name.removesuffix(".schema.json")
            files = sorted(str(p.relative_to(ws)) for p in ws.glob(f"reports/*/2024/{kind}.yaml"))
            if not files:
                continue
            m = measure([*peer, "--schemafile", str(schema), *files], ws, 1)
            total += m.seconds
            peak = max(peak, m.peak_mib)
        rows.append((f"check-jsonschema (11 invocations, {reports * 11} files)", Measure(total, peak)))
    return rows


def p6(work: Path, runs: int) -> list[tuple[str, Measure]]:
    ws = work / "p6"
    shutil.copytree(SAMPLE, ws / "reports")
    base = [*RAC, "render", "reports/2024"]
    return [
        ("rac render reports/2024 --format html --format docx --format xlsx",
         measure([*base, "--format", "html", "--format", "docx", "--format", "xlsx", "--out", str(work / "o1")],
                 ws, runs)),
        ("rac render reports/2024 --format pdf", measure([*base, "--format", "pdf", "--out", str(work / "o2")],
                                                         ws, runs)),
    ]


def table(title: str, rows: list[tuple[str, Measure]], base: int | None = None) -> str:
    lines = [f"| {title} | wall (s, median) | peak RSS (MiB) | ratio |", "|---|---|---|---|"]
    reference = rows[base][1].seconds if base is not None and base < len(rows) else None
    for label, m in rows:
        ratio = f"{m.seconds / reference:.2f}" if reference else ""
        lines.append(f"| {label} | {m.seconds:.3f} | {m.peak_mib:.1f} | {ratio} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--skip", default="", help="comma-separated: P1,P2,P3,P4,P5,P6")
    args = parser.parse_args()
    skip = {s.strip().upper() for s in args.skip.split(",") if s.strip()}
    env_line = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    print(f"Machine: {env_line}\n")
    work = Path(tempfile.mkdtemp(prefix="rac-bench-"))
    try:
        if "P1" not in skip:
            rows = p1(work, args.runs)
            print(table("P1 one report", rows, base=2 if len(rows) > 2 else None))
            if len(rows) > 2:
                ratio = rows[1][1].seconds / rows[2][1].seconds
                print(f"\nP1 ratio rac ÷ check-jsonschema: {ratio:.2f} (target ≤ 0.5)\n")
        if "P2" not in skip:
            rates = p2(args.runs)
            print("| P2 load with positions | MB/s |\n|---|---|")
            for label, value in rates:
                print(f"| {label} | {value:.2f} |")
            print(f"\nP2 ratio rac ÷ ruamel round-trip: {rates[0][1] / rates[2][1]:.1f} (target ≥ 10)\n")
        if "P3" not in skip:
            rows = p3(work, args.reports, max(1, args.runs // 2))
            print(table("P3 workspace", rows))
            if len(rows) > 1:
                print(f"\nP3 throughput ratio rac ÷ check-jsonschema: {rows[1][1].seconds / rows[0][1].seconds:.1f}"
                      " (target ≥ 5)\n")
        if "P4" not in skip:
            done = subprocess.run([sys.executable, str(ROOT / "bench" / "history_2000.py"), "--commits",
                                   str(args.commits), "--runs", str(max(1, args.runs // 2))],
                                  capture_output=True, text=True, check=True)
            print(done.stdout)
        if "P5" not in skip and (ROOT / "bench" / "reconcile_5m.py").is_file():
            done = subprocess.run([sys.executable, str(ROOT / "bench" / "reconcile_5m.py")], capture_output=True,
                                  text=True, check=False)
            print(done.stdout or done.stderr)
        if "P6" not in skip:
            rows = p6(work, args.runs)
            print(table("P6 render", rows))
            print(f"\nP6 HTML + DOCX + XLSX in one run: {rows[0][1].seconds:.2f} s (target ≤ 1 s)\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({"machine": env_line}))


if __name__ == "__main__":
    main()
