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
from measure import RAC, Command, compare, table

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
        rac = RAC
        cache = repo / ".git" / "rac-cache"
        snapshot = work / "cache-10-behind"
        blame_argv = [*rac, "blame", "reports/2024/operations.yaml"]
        log_argv = [*rac, "log", "--format", "json", "reports/2024"]
        # the cache as the last run left it 10 commits ago: fill it with HEAD 10 commits back, keep a copy
        tip = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True,
                             check=True).stdout.strip()
        subprocess.run(["git", "update-ref", "refs/heads/main", f"{tip}~10"], cwd=repo, check=True)
        for argv in (blame_argv, log_argv):
            subprocess.run(argv, cwd=repo, capture_output=True, check=True)
        shutil.copytree(cache, snapshot)
        subprocess.run(["git", "update-ref", "refs/heads/main", tip], cwd=repo, check=True)

        def empty_cache() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        def ten_behind() -> None:
            empty_cache()
            shutil.copytree(snapshot, cache)

        git_all = "git log -p -- reports/2024"
        git_file = "git log -p -- operations.yaml"
        results = compare([
            Command(git_all, ["git", "log", "-p", "--", "reports/2024"], repo),
            Command(git_file, ["git", "log", "-p", "--", "reports/2024/operations.yaml"], repo),
            Command("rac blame operations.yaml, cold cache", blame_argv, repo, before=empty_cache),
            Command("rac blame operations.yaml, 10 new commits", blame_argv, repo, before=ten_behind),
            Command("rac log reports/2024, cold cache", log_argv, repo, before=empty_cache),
            Command("rac log reports/2024, 10 new commits", log_argv, repo, before=ten_behind),
        ], args.runs)
        print(table(f"P4 ({args.commits} commits)", results, base=git_file))
        print()
        for label, base in results.items():
            if label.startswith("rac "):
                peer = results[git_file if "blame" in label else git_all]
                print(f"- {label}: {base.wall / peer.wall:.2f}× git log -p wall, {base.cpu / peer.cpu:.2f}× CPU")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
