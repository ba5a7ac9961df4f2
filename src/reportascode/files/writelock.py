"""One writer at a time per workspace: every command that writes (``fmt``, ``set``, ``new-year``, ``render``,
``build``, ``freeze``, ``submit``) holds ``.rac.lock`` at the workspace root while it reads what it will write
and writes it.

The lock is an advisory ``flock`` on that file: the kernel drops it when the process ends, however it ends, so
a killed command never leaves a lock that blocks the next one (the file itself may stay; it is only a name). A
second writer waits a little (``RAC_LOCK_WAIT`` seconds, default 10) and then refuses with exit 2, naming the
command that holds the lock. Where ``flock`` does not exist the file is created exclusively and holds the
owner's process id; a lock whose process is gone is stale and taken over.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from reportascode.errors import UsageError
from reportascode.files.paths import open_no_follow

LOCK_NAME = ".rac.lock"
DEFAULT_WAIT = 10.0
_POLL = 0.05


def lock_wait() -> float:
    try:
        return max(0.0, float(os.environ.get("RAC_LOCK_WAIT", DEFAULT_WAIT)))
    except ValueError:
        return DEFAULT_WAIT


@contextlib.contextmanager
def workspace_lock(root: Path, command: str, wait: float | None = None) -> Iterator[None]:
    """Hold the workspace's write lock for the duration of the ``with`` block."""
    path = root / LOCK_NAME
    deadline = time.monotonic() + (lock_wait() if wait is None else wait)
    try:
        import fcntl  # noqa: F401
    except ImportError:  # pragma: no cover - not on the platforms CI runs
        with _exclusive_file_lock(path, command, deadline):
            yield
        return
    handle = _flock(path, command, deadline)
    try:
        yield
    finally:
        # Unlink before unlocking: a waiter that opened this file finds it gone and opens the new one.
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(handle)


def _flock(path: Path, command: str, deadline: float) -> int:
    import fcntl

    while True:
        try:
            handle = open_no_follow(path, os.O_RDWR | os.O_CREAT, 0o644)  # a committed link is never followed
        except OSError as exc:
            raise UsageError("writelock.cannot_lock", path=path, detail=exc.strerror or str(exc)) from exc
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            if time.monotonic() >= deadline:
                raise UsageError("writelock.busy", path=path, holder=_holder(path)) from None
            time.sleep(_POLL)
            continue
        except OSError as exc:  # a file system without flock
            os.close(handle)
            raise UsageError("writelock.cannot_lock", path=path, detail=exc.strerror or str(exc)) from exc
        try:
            same = os.path.samestat(os.fstat(handle), os.stat(path))
        except FileNotFoundError:
            same = False
        if not same:  # the previous holder unlinked it between our open and our lock: take the new file
            os.close(handle)
            continue
        os.ftruncate(handle, 0)
        os.write(handle, f"{os.getpid()} rac {command}\n".encode())
        return handle


def _holder(path: Path) -> str:
    try:
        handle = open_no_follow(path, os.O_RDONLY)
        try:
            text = os.read(handle, 4096).decode("utf-8", errors="replace").strip()
        finally:
            os.close(handle)
    except OSError:
        return "?"
    return text.partition(" ")[2] or text or "?"


@contextlib.contextmanager
def _exclusive_file_lock(path: Path, command: str, deadline: float) -> Iterator[None]:  # pragma: no cover
    while True:
        try:
            handle = open_no_follow(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            if _stale(path):
                with contextlib.suppress(OSError):
                    os.unlink(path)
                continue
            if time.monotonic() >= deadline:
                raise UsageError("writelock.busy", path=path, holder=_holder(path)) from None
            time.sleep(_POLL)
            continue
        os.write(handle, f"{os.getpid()} rac {command}\n".encode())
        os.close(handle)
        break
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _stale(path: Path) -> bool:  # pragma: no cover
    try:
        pid = int(path.read_text(encoding="utf-8").split()[0])
    except (OSError, ValueError, IndexError):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False
