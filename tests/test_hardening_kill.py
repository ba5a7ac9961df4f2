"""No data loss when a writing command is killed: ``rac fmt``, ``rac set``, ``rac render`` and ``rac freeze`` run as
subprocesses and get SIGKILL (the whole process group: rac and the git processes it started) at seeded random
moments across their run, 50 times each. After every kill each target file is its old content or its new
content, never a mixture or a truncation; leftover temporary files are dot-names that the tool ignores; and a
killed freeze left the manifest commit and its tag both or neither (or, for the one gap a kill can hit, a state
``rac verify`` names and the next ``rac freeze`` completes).

The four commands run in parallel threads, each in its own workspace, to keep the whole test to about half a
minute. Delays (:class:`Moments`): half spread over the command's whole measured duration, half in a window
that closes in on the moment the writes happen.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reportascode.files.atomic import is_temporary
from tests.conftest import SAMPLE_REPORTS
from tests.gitrepo import GitRepo

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")

SEED = 20_251_128
KILLS_PER_COMMAND = 50
REPORT = "reports/2024"


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(LANG="C.UTF-8", GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, RAC_LOCK_WAIT="30")
    env.pop("LC_ALL", None)
    env.update(extra or {})
    return env


def _rac(*args: str) -> list[str]:
    return [sys.executable, "-m", "reportascode", *args]


def run_to_end(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_rac(*args), cwd=cwd, env=env or _env(), capture_output=True, text=True, timeout=120)


def kill_at(cwd: Path, args: tuple[str, ...], delay: float, env: dict[str, str]) -> int | None:
    """Start ``rac args``, SIGKILL its whole process group after ``delay`` seconds; wait until every process of
    the group is gone. Returns the exit code when the command finished before the kill, else None."""
    process = subprocess.Popen(_rac(*args), cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        return process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the group's other members (git) are reaped by init
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.005)
    return None


class Moments:
    """Seeded kill moments. Every other one falls anywhere in the command's run; the rest fall in a window that
    closes in on the writes: after the latest kill that found nothing written yet, before the earliest that
    found the command done. So the kills reach the writes however loaded the machine is (a loaded machine
    stretches or shrinks the run after its duration was measured). A few extra kills are added only while no
    kill has yet landed on each side of the writes."""

    def __init__(self, rng: random.Random, duration: float, count: int, extra: int = 30) -> None:
        self.rng, self.duration, self.count, self.extra = rng, duration, count, extra
        self.low, self.high = duration * 0.5, duration * 1.1
        self.seen: Counter[str] = Counter()

    def __iter__(self) -> Iterator[float]:
        index = 0
        while index < self.count or (index < self.count + self.extra and not self.covered()):
            yield self.rng.uniform(0.0, self.duration) if index % 2 == 0 else self.rng.uniform(self.low, self.high)
            index += 1

    def covered(self) -> bool:
        return bool(self.seen["old"] and (self.seen["new"] + self.seen["mixed"]))

    def saw(self, delay: float, state: str) -> None:
        """``old``: killed before any write; ``new``/``mixed``: during or after; ``finished``: too late."""
        self.seen[state] += 1
        if state == "old":
            self.low = max(self.low, min(delay, self.high))
        elif state in ("new", "finished"):
            self.high = min(self.high, max(delay, self.low))
        if self.high - self.low < 0.02:  # the window closed on noise: open it a little again
            self.low, self.high = max(0.0, self.low - 0.05), self.high + 0.05


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def stray_names(folder: Path, expected: set[str]) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and p.relative_to(folder).as_posix() not in expected and p.name != ".rac.lock"]


@dataclass
class Outcome:
    kills: int = 0
    states: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)


def check_files(targets: dict[str, tuple[bytes | None, bytes]], root: Path, outcome: Outcome, label: str,
                finished: bool) -> str:
    """Each target is its old bytes (None: absent) or its new bytes. Counts how the kill left them: all old,
    all new, or some of each (killed between two files' renames); ``finished`` when it came too late."""
    seen = set()
    for name, (old, new) in targets.items():
        path = root / name
        now = path.read_bytes() if path.is_file() else None
        if now == new:
            seen.add("new")
        elif now == old:
            seen.add("old")
        else:
            size = "absent" if now is None else f"{len(now)} bytes"
            outcome.failures.append(f"{label}: {name} is neither old nor new ({size})")
    state = "finished" if finished else "mixed" if len(seen) > 1 else "".join(seen) or "?"
    outcome.states[state] += 1
    return state


def check_temporaries(folder: Path, expected: set[str], outcome: Outcome, label: str) -> None:
    for name in stray_names(folder, expected):
        if not any(is_temporary(part) for part in name.split("/")):
            outcome.failures.append(f"{label}: stray file {name} is not a temporary name the tool ignores")


# -- the four scenarios -------------------------------------------------------------------------------------------

_TOP_SCALAR = re.compile(r"^[a-z_]+: [^|>\n]+$")


def unformat(text: str) -> str:
    """Swap the first two adjacent top-level one-line keys: fmt puts them back in schema order."""
    lines = text.split("\n")
    for i in range(len(lines) - 1):
        if _TOP_SCALAR.match(lines[i]) and _TOP_SCALAR.match(lines[i + 1]):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
            break
    return "\n".join(lines)


def fmt_scenario(base: Path, rng: random.Random, outcome: Outcome) -> None:
    ws = base / "fmt"
    shutil.copytree(SAMPLE_REPORTS, ws / "reports")
    folder = ws / REPORT
    clean = snapshot(folder)
    old = {name: unformat(data.decode()).encode() for name, data in clean.items() if name.endswith(".yaml")}
    old = {name: data for name, data in old.items() if data != clean[name]}
    assert len(old) >= 5, "fmt must have several files to rewrite"
    for name, data in old.items():
        (folder / name).write_bytes(data)
    started = time.monotonic()
    done = run_to_end(ws, "fmt", REPORT)
    duration = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    new = {name: (folder / name).read_bytes() for name in old}
    assert all(new[name] != old[name] for name in old)
    targets = {f"{REPORT}/{name}": (old[name], new[name]) for name in old}
    expected = set(clean)
    env = _env()
    moments = Moments(rng, duration, KILLS_PER_COMMAND)
    for index, delay in enumerate(moments):
        for name, data in old.items():
            (folder / name).write_bytes(data)
        finished = kill_at(ws, ("fmt", REPORT), delay, env) is not None
        outcome.kills += 1
        moments.saw(delay, check_files(targets, ws, outcome, f"fmt kill {index} at {delay:.3f}s", finished))
        check_temporaries(folder, expected, outcome, f"fmt kill {index}")
    # what is left over is invisible to the tool: validation and fmt --check see only the report files
    check = run_to_end(ws, "fmt", "--check", REPORT)
    if ".tmp" in check.stdout + check.stderr:
        outcome.failures.append(f"fmt --check mentions a temporary file: {check.stdout}{check.stderr}")
    validate = run_to_end(ws, "validate", "--format", "json", REPORT)
    if ".tmp" in validate.stdout or validate.returncode not in (0, 1):
        outcome.failures.append(f"validate after the kills: {validate.returncode} {validate.stdout[:500]}")


def set_scenario(base: Path, rng: random.Random, outcome: Outcome) -> None:
    ws = base / "set"
    shutil.copytree(SAMPLE_REPORTS, ws / "reports")
    target = ws / REPORT / "operations.yaml"
    old = target.read_bytes()
    started = time.monotonic()
    done = run_to_end(ws, "set", f"{REPORT}/operations.yaml", "/clients_signed", "41")
    duration = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    new = target.read_bytes()
    assert new != old
    expected = set(snapshot(ws / REPORT))
    env = _env()
    moments = Moments(rng, duration, KILLS_PER_COMMAND)
    for index, delay in enumerate(moments):
        target.write_bytes(old)
        finished = kill_at(ws, ("set", f"{REPORT}/operations.yaml", "/clients_signed", "41"), delay, env) is not None
        outcome.kills += 1
        moments.saw(delay, check_files({f"{REPORT}/operations.yaml": (old, new)}, ws, outcome,
                                       f"set kill {index} at {delay:.3f}s", finished))
        check_temporaries(ws / REPORT, expected, outcome, f"set kill {index}")
    validate = run_to_end(ws, "validate", "--format", "json", REPORT)
    if ".tmp" in validate.stdout or validate.returncode not in (0, 1):
        outcome.failures.append(f"validate after the kills: {validate.returncode} {validate.stdout[:500]}")


def render_scenario(base: Path, rng: random.Random, outcome: Outcome) -> None:
    ws = base / "render"
    shutil.copytree(SAMPLE_REPORTS, ws / "reports")
    out = ws / "build" / REPORT
    args = ("render", "2024", "--format", "html")
    operations = ws / REPORT / "operations.yaml"
    before = operations.read_bytes()
    operations.write_bytes(before.replace(b"clients_signed: 38", b"clients_signed: 39"))
    assert run_to_end(ws, *args).returncode == 0
    old = snapshot(out)
    operations.write_bytes(before)
    started = time.monotonic()
    done = run_to_end(ws, *args)
    duration = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    new = snapshot(out)
    assert set(old) == set(new) and old != new and len(new) >= 2
    targets = {f"build/{REPORT}/{name}": (old[name], new[name]) for name in new if old[name] != new[name]}
    env = _env()
    moments = Moments(rng, duration, KILLS_PER_COMMAND)
    for index, delay in enumerate(moments):
        for name, data in old.items():
            (out / name).write_bytes(data)
        finished = kill_at(ws, args, delay, env) is not None
        outcome.kills += 1
        moments.saw(delay, check_files(targets, ws, outcome, f"render kill {index} at {delay:.3f}s", finished))
        check_temporaries(out, set(new), outcome, f"render kill {index}")


def freeze_scenario(base: Path, rng: random.Random, outcome: Outcome) -> None:
    repo = GitRepo(base / "freeze")
    repo.copy(SAMPLE_REPORTS, "reports")
    data_commit = repo.commit("Import the sample reports")
    env = _env({k: v for k, v in repo.env().items() if k.startswith("GIT_")})
    tag = "rac/2024/locked"
    data = snapshot(repo.root / REPORT)
    started = time.monotonic()
    done = run_to_end(repo.root, "freeze", REPORT, env=env)
    duration = time.monotonic() - started
    assert done.returncode == 0, done.stderr

    def state() -> tuple[bool, bool]:
        subject = repo.git("log", "-1", "--format=%s", "HEAD").strip()
        has_tag = repo.git("tag", "--list", tag).strip() == tag
        return subject == f"rac freeze {REPORT}", has_tag

    def reset() -> None:
        repo.git("tag", "-d", tag)
        repo.git("reset", "-q", "--hard", data_commit)

    reset()
    moments = Moments(rng, duration, KILLS_PER_COMMAND, extra=0)
    for index, delay in enumerate(moments):
        label = f"freeze kill {index} at {delay:.3f}s"
        finished = kill_at(repo.root, ("freeze", REPORT), delay, env) is not None
        outcome.kills += 1
        outcome.states["finished"] += finished
        for name, content in data.items():  # freeze never touches the data files
            if (repo.root / REPORT / name).read_bytes() != content:
                outcome.failures.append(f"{label}: {name} changed")
        locks = stale_git_locks(repo.root)
        if locks:
            # git itself was killed holding a lock: rac must say so plainly (exit 2) and change nothing
            outcome.states["stale git lock"] += 1
            refused = run_to_end(repo.root, "freeze", REPORT, env={**env, "LANG": "en_US.UTF-8"})
            if refused.returncode != 2 or "lock file" not in refused.stderr:
                outcome.failures.append(f"{label}: stale {locks} not reported: {refused.stderr}")
            for lock in locks:  # what the message tells the user to do
                lock.unlink()
        committed, tagged = state()
        moments.saw(delay, "finished" if finished else "new" if committed else "old")
        if committed and tagged:
            outcome.states["both"] += 1
            reset()
        elif not committed and not tagged:
            outcome.states["neither"] += 1  # the next iteration's freeze starts from what this kill left
        else:
            outcome.states["commit-without-tag" if committed else "tag-without-commit"] += 1
            verify = run_to_end(repo.root, "verify", "--lang", "en", REPORT, env=env)
            if verify.returncode != 1 or "interrupted" not in verify.stdout:
                outcome.failures.append(f"{label}: verify does not name the interrupted freeze: {verify.stdout}")
            completed = run_to_end(repo.root, "freeze", REPORT, env=env)
            if completed.returncode != 0 or state() != (True, True):
                outcome.failures.append(f"{label}: freeze did not complete it: {completed.stderr}")
            reset()
    # whatever the last kill left, one more freeze locks the report cleanly
    final = run_to_end(repo.root, "freeze", REPORT, env=env)
    if final.returncode != 0 or state() != (True, True):
        outcome.failures.append(f"final freeze: {final.returncode} {final.stderr}")
    status = [line for line in repo.git("status", "--porcelain", "--untracked-files=all").splitlines()
              if not is_temporary(line.rsplit("/", 1)[-1])]
    if status:
        outcome.failures.append(f"after the final freeze the tree is not clean: {status}")
    verify = run_to_end(repo.root, "verify", REPORT, env=env)
    if verify.returncode != 0:
        outcome.failures.append(f"final verify: {verify.stdout}")


def stale_git_locks(root: Path) -> list[Path]:
    git_dir = root / ".git"
    return [p for p in (git_dir / "index.lock", git_dir / "HEAD.lock", git_dir / "packed-refs.lock") if p.exists()] + \
        sorted((git_dir / "refs").rglob("*.lock"))


SCENARIOS: dict[str, Callable[[Path, random.Random, Outcome], None]] = {
    "fmt": fmt_scenario, "set": set_scenario, "render": render_scenario, "freeze": freeze_scenario,
}


def test_sigkill_at_random_moments_never_leaves_a_partial_file(tmp_path: Path) -> None:
    outcomes = {name: Outcome() for name in SCENARIOS}
    errors: dict[str, BaseException] = {}

    def run(name: str) -> None:
        try:
            SCENARIOS[name](tmp_path, random.Random(f"{SEED}-{name}"), outcomes[name])
        except BaseException as exc:  # reported below, with the others' results
            errors[name] = exc

    threads = [threading.Thread(target=run, args=(name,)) for name in SCENARIOS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for name, exc in errors.items():
        raise AssertionError(f"{name} scenario failed: {exc!r}") from exc
    failures = [f for o in outcomes.values() for f in o.failures]
    report = {name: (o.kills, dict(o.states)) for name, o in outcomes.items()}
    assert not failures, "\n".join(failures[:20]) + f"\n{report}"
    assert sum(o.kills for o in outcomes.values()) >= 200
    # the kills landed on both sides of the writes: some files still old, some already new
    for name in ("fmt", "set", "render"):
        states = outcomes[name].states
        assert states["old"] and states["new"] + states["mixed"], report
    assert outcomes["freeze"].states["neither"] and outcomes["freeze"].states["both"], report
