"""Atomic writes: a failure leaves no partial file and no half-built folder.

A file is written through :mod:`reportascode.files.atomic` (a temporary file in the same directory, fsynced, then
renamed over the target). A folder is built as a temporary sibling and renamed into
place; the folder it replaces is removed only after the new one is in place, and only if it holds nothing but
files this tool writes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path

from reportascode.errors import UsageError
from reportascode.files.atomic import replace_folder, temporary_folder, write_bytes_atomic
from reportascode.files.paths import check_write

BUILD_MARKER = ".rac-build"


def write_atomic(path: Path, data: bytes) -> None:
    write_bytes_atomic(path, data)


def write_files(base: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write every file (relative path → bytes) under ``base``, each atomically. Callers render everything
    to bytes first, so a rendering failure writes nothing at all."""
    written = []
    for relative_path, data in sorted(files.items()):
        target = base / relative_path
        write_atomic(target, data)
        written.append(target)
    return written


@contextlib.contextmanager
def building_folder(target: Path, known_names: frozenset[str]) -> Iterator[Path]:
    """Yield a temporary folder beside ``target``; on success it replaces ``target`` whole, on failure it is
    removed and ``target`` is left as it was. A ``target`` that a link takes out of the workspace is refused."""
    check_write(target)
    target = target.resolve()
    if target.exists() and not replaceable(target, known_names):
        raise UsageError("render.out_not_build", path=target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_folder(target.parent, target.name)
    try:
        yield temporary
        write_bytes_atomic(temporary / BUILD_MARKER, b"built by rac build; replaced whole by the next build\n")
        os.chmod(temporary, 0o755)
        replace_folder(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def replaceable(folder: Path, known_names: frozenset[str]) -> bool:
    """A folder a build may replace: empty, or marked as a build, or holding only files this tool writes."""
    if not folder.is_dir():
        return False
    if (folder / BUILD_MARKER).is_file():
        return True
    return all(p.is_dir() or p.name in known_names for p in folder.rglob("*"))
