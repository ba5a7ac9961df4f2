"""The benchmark harness: whole processes timed directly, pairs alternated, medians of wall and CPU time, peak memory.

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
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import ENV, RAC, Command, Measure, compare, instructions, table

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "reports"
SCHEMAS = ROOT / "src" / "reportascode" / "schemas" / "1.0"
FLOOR = "python -c pass (interpreter floor)"
P1_RAC = "rac validate reports/2024 (11 files, schema + checks), cold cache"
P1_WARM = "rac validate reports/2024, warm cache, one file edited since the last run"
P1_HIT = "rac validate reports/2024, warm cache, nothing edited"
P1_OFF = "rac validate --no-cache reports/2024"
P1_PEER = "check-jsonschema operations.yaml (one file, schema only)"
P6_OFFICE = "rac render reports/2024 --format html --format docx --format xlsx"

def check_jsonschema() -> list[str] | None:
    exe = shutil.which("check-jsonschema")
    return [exe] if exe else None


def p1(work: Path, runs: int) -> tuple[list[Command], dict[str, Measure]]:
    """One report. The workspace is a git repository, as reports are kept, so rac's validation cache lives in
    its .git/rac-cache: emptied before each cold run; for a warm run, filled by an untimed run, then one file
    edited (a value changed, different each run, so the edit is never already in the cache)."""
    ws = work / "p1"
    shutil.copytree(SAMPLE, ws / "reports")
    subprocess.run(["git", "init", "-q", str(ws)], check=True)
    cache = ws / ".git" / "rac-cache" / "validate"
    company = ws / "reports" / "2024" / "company.yaml"
    original = company.read_text(encoding="utf-8")
    validate = [*RAC, "validate", "reports/2024"]
    edits = iter(range(1, 1_000_000))

    def cold() -> None:
        company.write_text(original, encoding="utf-8")
        shutil.rmtree(cache, ignore_errors=True)

    def warm_then_edit() -> None:
        company.write_text(original, encoding="utf-8")
        subprocess.run(validate, cwd=ws, env=ENV, stdout=subprocess.DEVNULL, check=False)
        edited = original.replace("compliance@xinglan.example", f"compliance{next(edits)}@xinglan.example", 1)
        assert edited != original
        company.write_text(edited, encoding="utf-8")

    def warm() -> None:
        company.write_text(original, encoding="utf-8")
        subprocess.run(validate, cwd=ws, env=ENV, stdout=subprocess.DEVNULL, check=False)

    commands = [Command(FLOOR, [sys.executable, "-c", "pass"], ws),
                Command(P1_RAC, validate, ws, before=cold),
                Command(P1_WARM, validate, ws, before=warm_then_edit),
                Command(P1_HIT, validate, ws, before=warm),
                Command(P1_OFF, [*validate, "--no-cache"], ws, before=cold)]
    peer = check_jsonschema()
    if peer:
        commands.append(Command(P1_PEER, [*peer, "--schemafile", str(SCHEMAS / "operations.schema.json"),
                                          "reports/2024/operations.yaml"], ws))
    return commands, compare(commands, runs)


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


def p3(work: Path, reports: int, runs: int) -> dict[str, Measure]:
    ws = work / "p3"
    for number in range(reports):
        target = ws / "reports" / f"c{number:04d}" / "2024"
        shutil.copytree(SAMPLE / "2024", target)
    results = compare([Command(f"rac validate ({reports} reports, {reports * 11} files)", [*RAC, "validate"], ws)],
                      runs)
    peer = check_jsonschema()
    if peer:
        # check-jsonschema takes one schema per run: one invocation per file kind, their times added
        invocations = []
        for schema in sorted(SCHEMAS.glob("*.schema.json")):
            kind = schema.name.removesuffix(".schema.json")
            files = sorted(str(p.relative_to(ws)) for p in ws.glob(f"reports/*/2024/{kind}.yaml"))
            if files:
                invocations.append(Command(kind, [*peer, "--schemafile", str(schema), *files], ws))
        parts = compare(invocations, 1, warm_up=False).values()
        results[f"check-jsonschema ({len(invocations)} invocations, {reports * 11} files)"] = Measure(
            sum(m.wall for m in parts), sum(m.cpu for m in parts), max(m.peak_mib for m in parts))
    return results


def p6(work: Path, runs: int) -> dict[str, Measure]:
    ws = work / "p6"
    shutil.copytree(SAMPLE, ws / "reports")
    base = [*RAC, "render", "reports/2024"]
    return compare([
        Command(P6_OFFICE, [*base, "--format", "html", "--format", "docx", "--format", "xlsx", "--out",
                            str(work / "o1")], ws),
        Command("rac render reports/2024 --format pdf", [*base, "--format", "pdf", "--out", str(work / "o2")], ws),
    ], runs)


def instruction_table(title: str, commands: list[Command], base: str) -> str:
    """Each command's instructions (one run under valgrind) and the ratio to ``base``'s."""
    counts = {c.label: instructions(c) for c in commands}
    reference = counts.get(base)
    lines = [f"\n| {title} | instructions (M) | ratio |", "|---|---:|---:|"]
    for label, count in counts.items():
        shown = f"{count / 1e6:.1f}" if count else "(no valgrind)"
        ratio = f"{count / reference:.2f}" if count and reference else ""
        lines.append(f"| {label} | {shown} | {ratio} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--skip", default="", help="comma-separated: P1,P2,P3,P4,P5,P6")
    parser.add_argument("--instructions", action="store_true",
                        help="also count P1's instructions with valgrind (one run each, ~1 minute)")
    args = parser.parse_args()
    skip = {s.strip().upper() for s in args.skip.split(",") if s.strip()}
    env_line = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    print(f"Machine: {env_line}\n")
    work = Path(tempfile.mkdtemp(prefix="rac-bench-"))
    try:
        if "P1" not in skip:
            commands, rows = p1(work, args.runs)
            print(table("P1 one report", rows, base=P1_PEER if P1_PEER in rows else None))
            if args.instructions:
                print(instruction_table("P1 one report", commands, P1_PEER))
            if P1_PEER in rows:
                peer = rows[P1_PEER]
                for label, case, target in ((P1_RAC, "cold", "≤ 0.40"), (P1_WARM, "warm, one file edited", "≤ 0.25"),
                                            (P1_HIT, "warm, nothing edited", "")):
                    print(f"\nP1 ratio rac ÷ check-jsonschema, {case}: wall {rows[label].wall / peer.wall:.2f}, "
                          f"CPU {rows[label].cpu / peer.cpu:.2f}" + (f" (target {target})" if target else ""))
                print()
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
                rac, peer = list(rows.values())
                print(f"\nP3 throughput ratio rac ÷ check-jsonschema: {peer.wall / rac.wall:.1f} (target ≥ 5)\n")
        if "P4" not in skip:
            done = subprocess.run([sys.executable, str(ROOT / "bench" / "history_2000.py"), "--commits",
                                   str(args.commits), "--runs", str(max(5, args.runs))],
                                  capture_output=True, text=True, check=True)
            print(done.stdout)
        if "P5" not in skip and (ROOT / "bench" / "reconcile_5m.py").is_file():
            done = subprocess.run([sys.executable, str(ROOT / "bench" / "reconcile_5m.py")], capture_output=True,
                                  text=True, check=False)
            print(done.stdout or done.stderr)
        if "P6" not in skip:
            rows = p6(work, args.runs)
            print(table("P6 render", rows))
            print(f"\nP6 HTML + DOCX + XLSX in one run: {rows[P6_OFFICE].wall:.2f} s (target ≤ 1 s)\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({"machine": env_line}))


if __name__ == "__main__":
    main()
