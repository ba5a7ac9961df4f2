"""GitPython against rac's own git plumbing (history/git.py) for the operations issue 14 names.

Run from a checkout with history: ``python bench/gitpython_vs_plumbing.py [--runs 7]``. Needs GitPython installed
(``pip install gitpython``); it is not a dependency of rac. Prints medians in milliseconds, one process per sample
for the import cost and in-process medians for the operations.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path


def _process_ms(code: str, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _call_ms(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--repo", type=Path, default=Path.cwd())
    args = parser.parse_args()
    import git  # GitPython

    from reportascode.history.git import BlobReader, Git

    root = args.repo
    rows = [("import (process, minus `python -c pass`)",
             _process_ms("import git", args.runs) - _process_ms("pass", args.runs),
             _process_ms("import reportascode.history.git", args.runs) - _process_ms("pass", args.runs))]
    rows.append(("discover repository + resolve HEAD",
                 _call_ms(lambda: git.Repo(root, search_parent_directories=True).head.commit.hexsha, args.runs),
                 _call_ms(lambda: Git.discover(root).resolve("HEAD"), args.runs)))
    ours = Git.discover(root)
    paths = ["reports"]
    shas = [c.sha for c in ours.log(paths)][:500]
    rows.append(("commits touching reports/ (log)",
                 _call_ms(lambda: list(git.Repo(root).iter_commits("HEAD", paths=paths)), args.runs),
                 _call_ms(lambda: ours.log(paths), args.runs)))
    specs = [f"{sha}:reports/2024/operations.yaml" for sha in shas]

    def gitpython_blobs() -> None:
        repo = git.Repo(root)
        for sha in shas:
            with contextlib.suppress(KeyError):
                repo.commit(sha).tree["reports/2024/operations.yaml"].data_stream.read()

    def our_blobs() -> None:
        with BlobReader(ours) as reader:
            for spec in specs:
                reader.read(spec)

    rows.append((f"read operations.yaml at {len(shas)} commits", _call_ms(gitpython_blobs, args.runs),
                 _call_ms(our_blobs, args.runs)))
    print("| operation | GitPython ms | rac plumbing ms |\n|---|---:|---:|")
    for name, theirs, mine in rows:
        print(f"| {name} | {theirs:.1f} | {mine:.1f} |")


if __name__ == "__main__":
    main()
