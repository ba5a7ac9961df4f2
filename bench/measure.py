"""How the harness times a command: the process itself (no wrapper interpreter), pairs alternated, medians.

``os.wait4`` gives each run's CPU time and peak RSS straight from the kernel, so nothing of ours is counted in the
measured command; running the commands of a comparison in turn, run after run, spreads the machine's load over
all of them alike instead of over whichever ran while a neighbour was busy.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

# As users run it: bytecode caches written and used (a session may set PYTHONDONTWRITEBYTECODE).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def rac_command() -> list[str]:
    """``rac`` as users run it (and as pre-commit does): the console script installed beside this interpreter,
    like the peers' own (``check-jsonschema``); ``python -m reportascode`` (which adds runpy's ~2 ms) only where
    there is none."""
    script = Path(sys.executable).parent / ("rac.exe" if os.name == "nt" else "rac")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "reportascode"]


RAC = rac_command()


@dataclass(frozen=True)
class Measure:
    wall: float  # seconds, median
    cpu: float  # user + system seconds, median
    peak_mib: float  # the largest peak RSS of the runs

    @property
    def seconds(self) -> float:
        return self.wall


@dataclass(frozen=True)
class Command:
    label: str
    argv: Sequence[str]
    cwd: Path
    ok_codes: tuple[int, ...] = (0, 1)
    before: Callable[[], None] | None = None  # run before each timed run, untimed (e.g. empty a cache: cold runs)


def run_once(command: Command) -> tuple[float, float, float]:
    if command.before is not None:
        command.before()
    started = time.perf_counter()
    proc = subprocess.Popen(list(command.argv), cwd=command.cwd, env=ENV, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in command.ok_codes:
        raise SystemExit(f"{' '.join(command.argv)} exited {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def instructions(command: Command) -> int | None:
    """The instructions one run of ``command`` executes, counted by valgrind (callgrind) with Python's hash seed
    fixed: the same count on every run, busy machine or not; ``None`` without valgrind. Kernel time and I/O are
    not counted, so this complements wall and CPU time rather than replacing them."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    if command.before is not None:
        command.before()
    done = subprocess.run([valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *command.argv],
                          cwd=command.cwd, env={**ENV, "PYTHONHASHSEED": "0"}, capture_output=True, text=True,
                          check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    return int(found.group(1)) if found else None


def compare(commands: Sequence[Command], runs: int, warm_up: bool = True) -> dict[str, Measure]:
    """Each command ``runs`` times, in turn (A B C A B C …), after one untimed warm-up run of each."""
    if warm_up:
        for command in commands:
            run_once(command)
    samples: dict[str, list[tuple[float, float, float]]] = {c.label: [] for c in commands}
    for _ in range(runs):
        for command in commands:
            samples[command.label].append(run_once(command))
    return {label: Measure(statistics.median(s[0] for s in runs_),
                           statistics.median(s[1] for s in runs_),
                           max(s[2] for s in runs_))
            for label, runs_ in samples.items()}


def table(title: str, results: dict[str, Measure], base: str | None = None) -> str:
    """A Markdown table; ``base`` names the row the ratios divide by (wall and CPU separately)."""
    lines = [f"| {title} | wall s (median) | CPU s (median) | peak RSS MiB | ratio wall | ratio CPU |",
             "|---|---:|---:|---:|---:|---:|"]
    ref = results.get(base) if base else None
    for label, m in results.items():
        ratio_wall = f"{m.wall / ref.wall:.2f}" if ref else ""
        ratio_cpu = f"{m.cpu / ref.cpu:.2f}" if ref and ref.cpu else ""
        lines.append(f"| {label} | {m.wall:.3f} | {m.cpu:.3f} | {m.peak_mib:.1f} | {ratio_wall} | {ratio_cpu} |")
    return "\n".join(lines)
