"""Scaling: validate, diff, blame and render of one report whose numbers.yaml holds 1,000 / 3,000 / 10,000 entries.

Usage: python bench/scaling.py [--sizes 1000,3000,10000] [--runs 3] [--render-max 3000]
``validate`` is timed without its cache (the work itself), then with the cache emptied before each run (cold: the
work and the writing of the cache) and with the cache of the previous run (warm, nothing changed); ``render``
(which validates through the same cache) cold and warm (as after ``rac validate``).
Each size gets a workspace in a temporary folder: the sample's 2023 and 2024 reports, 2024's numbers.yaml grown
to N leased 400 numbers, committed in a git repository of three commits (so blame has history to read). Prints a
Markdown table of medians (wall, CPU, peak RSS) and the cost per entry relative to the smallest size.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import RAC, Command, Measure, compare

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "reports"

ENTRY = """- number: 400-{a:03d}-{b:04d}
  kind: carrier_400
  holder: carrier_leased
  allocator: carrier
  carrier: 中国电信
  certificate_no: null
  scope: ["全国"]
  allocated: 2020-07-15
  valid_until: null
  status: 启用
  outbound_enabled: false
  outbound_commitment_date: null
  outbound_purpose: []
  code_annual_report_filed: null
  trunk_ids: [TRK-ZJ-CT-01]
"""


def numbers_yaml(count: int) -> str:
    base = (SAMPLE / "2024" / "numbers.yaml").read_text(encoding="utf-8")
    return base + "".join(ENTRY.format(a=100 + i // 10000, b=i % 10000) for i in range(count))


def git(repo: Path, *args: str) -> None:
    env = {"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "b@example.com", "GIT_COMMITTER_NAME": "Bench",
           "GIT_COMMITTER_EMAIL": "b@example.com", "GIT_AUTHOR_DATE": "2025-01-01T10:00:00+08:00",
           "GIT_COMMITTER_DATE": "2025-01-01T10:00:00+08:00", "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def workspace(folder: Path, count: int) -> Path:
    for year in ("2023", "2024"):
        shutil.copytree(SAMPLE / year, folder / "reports" / year)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "sample")
    numbers = folder / "reports" / "2024" / "numbers.yaml"
    numbers.write_text(numbers_yaml(count), encoding="utf-8")
    git(folder, "commit", "-q", "-am", f"{count} numbers")
    numbers.write_text(numbers.read_text(encoding="utf-8").replace("400-100-0007", "400-199-0007"), encoding="utf-8")
    git(folder, "commit", "-q", "-am", "renumber one")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,3000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--render-max", type=int, default=3000, help="largest size that is also rendered")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="rac-bench-scaling-"))
    results: dict[int, dict[str, Measure]] = {}
    try:
        for size in sizes:
            ws = workspace(work / str(size), size)
            commands = [
                Command("validate", [*RAC, "validate", "reports/2024", "--no-cache"], ws),
                Command("validate, cold cache", [*RAC, "validate", "reports/2024"], ws,
                        before=lambda ws=ws: shutil.rmtree(ws / ".git" / "rac-cache" / "validate",
                                                           ignore_errors=True)),
                Command("validate, warm cache", [*RAC, "validate", "reports/2024"], ws),
                Command("diff", [*RAC, "diff", "reports/2023", "reports/2024", "--format", "json"], ws),
                Command("blame", [*RAC, "blame", "reports/2024/numbers.yaml", "--no-cache"], ws),
            ]
            if size <= args.render_max:
                render = [*RAC, "render", "reports/2024", "--draft", "--format", "html", "--format", "docx",
                          "--format", "xlsx", "--out", str(work / f"out{size}")]
                commands.append(Command("render, cold cache", render, ws,
                                        before=lambda ws=ws: shutil.rmtree(ws / ".git" / "rac-cache" / "validate",
                                                                           ignore_errors=True)))
                commands.append(Command("render", render, ws))  # warm: as after rac validate
            results[size] = compare(commands, args.runs)
        first = sizes[0]
        print("| command | entries | wall s | CPU s | peak RSS MiB | CPU per entry ÷ at "
              f"{first} |\n|---|---:|---:|---:|---:|---:|")
        for name in ("validate", "validate, cold cache", "validate, warm cache", "diff", "blame",
                     "render, cold cache", "render"):
            for size in sizes:
                m = results[size].get(name)
                if m is None:
                    continue
                base = results[first][name].cpu / first
                print(f"| {name} | {size} | {m.wall:.2f} | {m.cpu:.2f} | {m.peak_mib:.0f} | "
                      f"{(m.cpu / size) / base:.2f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
