"""P4: rac blame / rac log on a generated repository of N commits touching one report, beside raw `git log -p`.

Usage: python bench/history_2000.py [--commits 2000] [--runs 3]
Builds the repository with `git fast-import` (deterministic: fixed authors and dates), then times whole
processes and prints a Markdown table (median wall time of the runs).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "reports" / "2024"


def build_repo(target: Path, commits: int) -> None:
    subprocess.run(["git", "init", "-q", "-b", "main", str(target)], check=True)
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.yaml"))}
    stream: list[bytes] = []

    def blob_cmd(path: str, text: str) -> None:
        data = text.encode()
        stream.append(f"M 100644 inline reports/2024/{path}\ndata {len(data)}\n".encode() + data + b"\n")

    base = 1735689600
    for number in range(commits):
        author = ("Lin Xiaowen", "Shen Ruolan", "He Jiashu")[number % 3]
        message = f"edit {number}".encode()
        stream.append(b"commit refs/heads/main\n")
        stream.append(f"committer {author} <a{number % 3}@example.com> {base + number * 60} +0800\n".encode())
        stream.append(f"data {len(message)}\n".encode() + message + b"\n")
        if number == 0:
            for name, text in files.items():
                blob_cmd(name, text)
        else:
            ops = files["operations.yaml"].replace("clients_signed: 38", f"clients_signed: {38 + number}")
            blob_cmd("operations.yaml", ops)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=target, input=b"".join(stream), check=True)
    subprocess.run(["git", "checkout", "-q", "main"], cwd=target, check=True)


_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], cwd: Path, runs: int) -> float:
    """Median of ``runs`` after one warm-up run (bytecode caches written, as in daily use)."""
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=_ENV)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=_ENV)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rac-bench-history-"))
    try:
        repo = work / "repo"
        build_repo(repo, args.commits)
        rac = [sys.executable, "-m", "reportascode"]
        git_log = timed(["git", "log", "-p", "--", "reports/2024"], repo, args.runs)
        git_log_file = timed(["git", "log", "-p", "--", "reports/2024/operations.yaml"], repo, args.runs)
        blame = timed([*rac, "blame", "reports/2024/operations.yaml"], repo, args.runs)
        log = timed([*rac, "log", "--format", "json", "reports/2024"], repo, args.runs)
        print(f"| P4 ({args.commits} commits) | time (s) | ratio to raw git log -p |")
        print("|---|---|---|")
        print(f"| git log -p -- reports/2024 | {git_log:.3f} | 1.00 |")
        print(f"| git log -p -- operations.yaml | {git_log_file:.3f} | 1.00 |")
        print(f"| rac blame operations.yaml | {blame:.3f} | {blame / git_log_file:.2f} |")
        print(f"| rac log reports/2024 | {log:.3f} | {log / git_log:.2f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
