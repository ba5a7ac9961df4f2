"""Every file rac writes goes through here: the target is either the old or the new file, never a partial one.

A file is written to a temporary file in the same folder (``.<name>.<random>.tmp``: dot-prefixed, so nothing
that lists report files, schemas or templates ever picks it up), flushed and fsynced, given the target's
permissions, then renamed over the target with :func:`os.replace` (atomic on one file system); the folder is
fsynced after the rename so the new name survives a power cut. A process killed at any point leaves the old
file, or the new one, and at worst a stray temporary file that :func:`is_temporary` recognises.

A folder is built the same way (:func:`staged_folder`): in full beside the target under a temporary name, then
renamed into place.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

from reportascode.files.paths import check_write

TEMP_SUFFIX = ".tmp"
_TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.(tmp|old)$")


def is_temporary(name: str) -> bool:
    """Whether a file or folder name is one of rac's temporary names (left behind only by a killed process)."""
    return bool(_TEMPORARY.match(name))


def temporary_file(directory: Path, name: str) -> tuple[int, str]:
    """A new, empty temporary file beside ``directory / name``: (open descriptor, path)."""
    import tempfile  # here, not at the top: its ``random`` costs milliseconds on paths that never stage a file

    return tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=directory)


def temporary_folder(directory: Path, name: str, suffix: str = TEMP_SUFFIX) -> Path:
    import tempfile

    return Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=suffix, dir=directory))


def fsync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (best effort: not every platform can open a folder)."""
    with contextlib.suppress(OSError):
        handle = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _write_temporary(directory: Path, name: str, data: bytes, mode: int) -> str:
    handle, temporary = temporary_file(directory, name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _mode_for(path: Path) -> int:
    """The target's own permissions when it exists, else rw-r--r-- (mkstemp's 0600 would hide the file)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o644


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``: afterwards it is the old file or the new one, never half of either."""
    check_write(path)
    directory = path.parent
    with _naming(path):
        directory.mkdir(parents=True, exist_ok=True)
        temporary = _write_temporary(directory, path.name, data, _mode_for(path))
        try:
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    fsync_directory(directory)


@contextlib.contextmanager
def _naming(target: Path) -> Iterator[None]:
    """An OSError while writing ``target`` (a full disk, no permission) names ``target``, not a temporary file."""
    try:
        yield
    except OSError as exc:
        if exc.filename == str(target) or exc.errno is None:
            raise
        raise OSError(exc.errno, exc.strerror, str(target)) from exc


def replace_bytes(path: Path, data: bytes, folder_checked: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically but without fsync: for caches, whose entries carry their own
    checksum, so that what a power cut could leave half-written is recognised and ignored, not trusted. Names its
    temporary file like the others, without importing :mod:`tempfile` (its ``random`` costs milliseconds).
    ``folder_checked``: the caller has checked ``path``'s folder once (not reached through a link, see
    files/cachestore.py), so each of many entries is not resolved again; the file itself is never followed."""
    if not folder_checked:
        check_write(path)
    temporary = path.parent / f".{path.name}.{os.urandom(4).hex()}{TEMP_SUFFIX}"
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8, newlines exactly as given."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_files_atomic(files: dict[Path, bytes]) -> None:
    """Replace several files, all or none: every new file is written in full first (a failure there changes
    nothing), then each is renamed over its target; should a rename fail, the files already replaced get their
    old content back. Only a process killed between the renames (microseconds) can leave some files new."""
    staged: list[tuple[Path, str, bytes | None]] = []
    try:
        for path, data in files.items():
            try:
                old = path.read_bytes()
            except FileNotFoundError:
                old = None
            path.parent.mkdir(parents=True, exist_ok=True)
            staged.append((path, _write_temporary(path.parent, path.name, data, _mode_for(path)), old))
    except BaseException:
        for _path, temporary, _old in staged:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise
    done: list[tuple[Path, bytes | None]] = []
    try:
        for path, temporary, old in staged:
            os.replace(temporary, path)
            done.append((path, old))
    except BaseException:
        for path, old in reversed(done):
            with contextlib.suppress(OSError):
                if old is None:
                    os.unlink(path)
                else:
                    write_bytes_atomic(path, old)
        for _path, temporary, _old in staged:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise
    for directory in {path.parent for path in files}:
        fsync_directory(directory)


def create_bytes_exclusive(path: Path, data: bytes) -> bool:
    """Create ``path`` with ``data`` only if it does not exist yet, atomically; False when it exists."""
    check_write(path)
    if path.exists() or path.is_symlink():
        return False
    directory = path.parent
    directory.mkdir(parents=True, exist_ok=True)
    temporary = _write_temporary(directory, path.name, data, 0o644)
    try:
        try:
            os.link(temporary, path)  # fails if the target appeared meanwhile: never overwrite
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links
            if path.exists():
                return False
            os.replace(temporary, path)
        fsync_directory(directory)
        return True
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def create_text_exclusive(path: Path, text: str) -> bool:
    return create_bytes_exclusive(path, text.encode("utf-8"))


@contextlib.contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """Yield a temporary folder beside ``target`` to fill; on success it is renamed to ``target`` (which must
    not exist: :class:`FileExistsError` otherwise, and nothing is left behind), on failure it is removed."""
    import shutil

    check_write(target)
    with _naming(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = temporary_folder(target.parent, target.name)
    try:
        yield staging
        for child in staging.iterdir():
            if child.is_file():
                with open(child, "rb") as stream:
                    os.fsync(stream.fileno())
        os.chmod(staging, 0o755)
        fsync_directory(staging)
        if target.exists():
            raise FileExistsError(str(target))
        try:
            os.rename(staging, target)
        except OSError as exc:
            if target.exists():
                raise FileExistsError(str(target)) from exc
            raise
        fsync_directory(target.parent)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if exc.errno is None or exc.filename == str(target):
            raise
        raise OSError(exc.errno, exc.strerror, str(target)) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def replace_folder(new: Path, target: Path) -> None:
    """Put the folder ``new`` in place of ``target`` (which may exist), removing the old one afterwards.

    On Linux the two are exchanged in one step (``renameat2(RENAME_EXCHANGE)``), so ``target`` always names a
    whole folder, the old or the new; elsewhere the old folder is first moved aside under a temporary name.
    """
    import shutil

    check_write(target)
    if not target.exists():
        os.rename(new, target)
        fsync_directory(target.parent)
        return
    if _exchange(new, target):
        fsync_directory(target.parent)
        shutil.rmtree(new, ignore_errors=True)  # ``new`` now names the old folder
        return
    old = temporary_folder(target.parent, target.name, ".old")
    old.rmdir()
    os.replace(target, old)
    os.replace(new, target)
    fsync_directory(target.parent)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Atomically swap two paths (Linux ``renameat2`` with ``RENAME_EXCHANGE``); False when unsupported."""
    import sys

    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    done = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    return bool(done == 0)
