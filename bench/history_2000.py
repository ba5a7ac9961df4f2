"""P4: rac blame / rac log on a generated repository of N commits touching one report, beside raw `git log -p`.

Usage: python bench/history_2000.py [--commits 2000] [--runs 3]
Builds the repository with `git fast-import` (deterministic: fixed authors and dates), then times whole
processes directly, alternated, and prints a Markdown table (medians of wall and CPU time).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import Command, compare, table

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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rac-bench-history-"))
    try:
        repo = work / "repo"
        build_repo(repo, args.commits)
        rac = [sys.executable, "-m", "reportascode"]
        git_all = "git log -p -- reports/2024"
        git_file = "git log -p -- operations.yaml"
        blame, log = "rac blame operations.yaml", "rac log reports/2024"
        results = compare([
            Command(git_all, ["git", "log", "-p", "--", "reports/2024"], repo),
            Command(git_file, ["git", "log", "-p", "--", "reports/2024/operations.yaml"], repo),
            Command(blame, [*rac, "blame", "reports/2024/operations.yaml"], repo),
            Command(log, [*rac, "log", "--format", "json", "reports/2024"], repo),
        ], args.runs)
        print(table(f"P4 ({args.commits} commits)", results, base=git_file))
        print(f"\nP4 rac blame ÷ git log -p (file): {results[blame].wall / results[git_file].wall:.2f}; "
              f"rac log ÷ git log -p (report): {results[log].wall / results[git_all].wall:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
