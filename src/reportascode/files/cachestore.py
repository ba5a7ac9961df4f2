"""A bounded store of JSON entries, content-addressed: where rac keeps what it may compute again (``rac validate``
under ``rac-cache/validate/``, ``rac log`` and ``rac blame`` under ``rac-cache/history/``).

An entry is found by a key (a string naming everything its payload was computed from) and holds the key itself,
so a hash collision or a file put in its place reads back as foreign. The file is a checksum line and the JSON
text: anything that does not read back exactly as written (corrupt, truncated, foreign, another format) is
ignored, never trusted. JSON only (no pickle: a cache file must not be able to run code). Entries are written
atomically (a temporary file renamed over the entry), so concurrent runs see an old entry, a new one or none.

The store lives under the git directory (``.git/rac-cache/``) when the workspace is in a git repository, else in
the user's cache directory. A folder on the way that is a link, or that resolves out of
the git directory, turns the cache off: nothing is read or written through it. Each kind of entry is bounded in
number and in bytes; the least recently used entries go first.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from reportascode.files.digests import blake2b_hex

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

FORMAT = 1
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # larger entries are neither written nor read
CACHE_FOLDER = "rac-cache"


def digest(data: bytes) -> str:
    """The hash entries are addressed by (and content is keyed by)."""
    return blake2b_hex(data)


def git_directory(start: Path) -> Path | None:
    """The common git directory of the repository holding ``start`` (a worktree's ``.git`` file followed to its
    repository), found by reading ``.git`` itself: no ``git`` process for a cache lookup."""
    for folder in (start, *start.parents):
        dot_git = folder / ".git"
        try:
            if dot_git.is_dir():
                return dot_git
            if not dot_git.is_file():
                continue
            first = dot_git.read_text(encoding="utf-8", errors="replace").splitlines()[:1]
        except OSError:
            return None
        if not first or not first[0].startswith("gitdir:"):
            return None
        git_dir = (folder / first[0].removeprefix("gitdir:").strip())
        common = git_dir / "commondir"
        try:
            if common.is_file():
                return git_dir / common.read_text(encoding="utf-8").strip()
        except OSError:
            return None
        return git_dir if git_dir.is_dir() else None
    return None


def user_cache_directory() -> Path | None:
    """The platform's per-user cache folder (``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches"
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg)
    home = os.environ.get("HOME")
    return Path(home) / ".cache" if home else None


def cache_root(workspace_root: Path, purpose: str) -> Path | None:
    """Where a workspace's ``purpose`` cache lives: ``<git dir>/rac-cache/<purpose>`` in a git repository, else
    ``<user cache dir>/reportascode/<purpose>``; ``None`` when neither can be used safely."""
    git_dir = git_directory(workspace_root)
    if git_dir is not None:
        return _inside(git_dir, (CACHE_FOLDER, purpose))
    user = user_cache_directory()
    return _inside(user, ("reportascode", purpose)) if user is not None else None


def cache_folder_in(git_dir: Path, purpose: str) -> Path | None:
    """``<git dir>/rac-cache/<purpose>`` for a git directory already known (``None`` when a link leads out)."""
    return _inside(git_dir, (CACHE_FOLDER, purpose))


def _inside(base: Path, parts: tuple[str, ...]) -> Path | None:
    """``base/parts…`` when none of the parts that exist is a link and it resolves inside ``base``."""
    real_base = os.path.realpath(base)
    folder = base
    for part in parts:
        folder = folder / part
        if folder.is_symlink():
            return None
    real = os.path.realpath(folder)
    if real != real_base and not real.startswith(real_base.rstrip(os.sep) + os.sep):
        return None
    return folder


class CacheStore:
    """Entries of several kinds under one folder; ``None`` for the folder: caching off (nothing read, written)."""

    def __init__(self, folder: Path | None, limits: dict[str, tuple[int, int]] | None = None) -> None:
        self.folder = folder
        self.limits = limits or {}  # kind -> (most entries, most bytes)
        self._written: set[str] = set()
        self._ready: dict[str, Path | None] = {}  # kind -> its folder, checked once a run (None: not writable)

    def _file(self, kind: str, key: str) -> Path | None:
        if self.folder is None:
            return None
        name = digest("\0".join((str(FORMAT), kind, key)).encode("utf-8", "surrogatepass"))
        return self.folder / kind / f"{name}.json"

    def _read(self, kind: str, key: str) -> tuple[Path, bytes] | None:
        """The entry file of ``key`` and what follows its checksum line, when the checksum holds."""
        file = self._file(kind, key)
        if file is None:
            return None
        try:
            handle = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            return None
        try:
            info = os.fstat(handle)
            if info.st_size > MAX_ENTRY_BYTES or not stat.S_ISREG(info.st_mode):
                return None
            with os.fdopen(handle, "rb", closefd=False) as stream:
                raw = stream.read(MAX_ENTRY_BYTES + 1)
        except OSError:
            return None
        finally:
            os.close(handle)
        checksum, _, body = raw.partition(b"\n")
        if checksum.decode("ascii", "replace") != digest(body):
            return None
        return file, body

    @staticmethod
    def _used(file: Path) -> None:
        with contextlib.suppress(OSError):  # recently used: kept when the kind is pruned
            os.utime(file)

    def get(self, kind: str, key: str, object_hook: Callable[[dict[str, Any]], Any] | None = None,
            parse_float: Callable[[str], Any] | None = None) -> Any:
        """The stored payload, or ``None`` when there is none or it is not exactly what was written for ``key``.
        ``object_hook`` and ``parse_float`` are json's, for payloads with tagged values (they may raise
        ``ValueError`` or ``ArithmeticError`` on what they refuse: the entry is then ignored)."""
        read = self._read(kind, key)
        if read is None:
            return None
        file, body = read
        try:
            entry = json.loads(body.decode("utf-8"), object_hook=object_hook, parse_float=parse_float)
        except (ValueError, UnicodeDecodeError, RecursionError, ArithmeticError, TypeError):
            return None
        if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("kind") != kind \
                or entry.get("key") != key:
            return None
        self._used(file)
        return entry.get("payload")

    def get_text(self, kind: str, key: str) -> str | None:
        """A text stored by :meth:`put_text`, exactly as written, or ``None`` (as :meth:`get`). Kept as it is,
        after a line naming its key, so that a long text is read without being decoded from JSON."""
        read = self._read(kind, key)
        if read is None:
            return None
        file, body = read
        header, newline, text = body.partition(b"\n")
        try:
            if not newline or json.loads(header.decode("utf-8")) != _text_header(kind, key):
                return None
            decoded = text.decode("utf-8")
        except (ValueError, UnicodeDecodeError, RecursionError):
            return None
        self._used(file)
        return decoded

    def put_text(self, kind: str, key: str, text: str) -> None:
        """Store ``text`` for :meth:`get_text`; as :meth:`put`, a cache that can't be written stays cold."""
        if self._file(kind, key) is None or self._writable(kind) is None:
            return
        try:
            body = (json.dumps(_text_header(kind, key), ensure_ascii=False, separators=(",", ":")) + "\n"
                    + text).encode("utf-8")
        except (TypeError, ValueError, UnicodeEncodeError):
            return
        self._write(kind, key, body)

    def put(self, kind: str, key: str, payload: Any, default: Callable[[Any], Any] | None = None) -> None:
        """Store ``payload`` (plain JSON data; ``default`` is json's, for tagged values). A cache that can't be
        written is no error: it stays cold. A payload JSON can't hold exactly is not stored."""
        file = self._file(kind, key)
        if file is None or self._writable(kind) is None:
            return
        try:
            body = json.dumps({"format": FORMAT, "kind": kind, "key": key, "payload": payload},
                              ensure_ascii=False, separators=(",", ":"), default=default).encode("utf-8")
        except (TypeError, ValueError, RecursionError):
            return
        self._write(kind, key, body)

    def _write(self, kind: str, key: str, body: bytes) -> None:
        """The entry file of ``key``: a checksum line and ``body``, replaced atomically."""
        file = self._file(kind, key)
        if file is None or self._writable(kind) is None or len(body) > MAX_ENTRY_BYTES - 100:
            return
        from reportascode.files.atomic import replace_bytes

        try:
            replace_bytes(file, digest(body).encode("ascii") + b"\n" + body, folder_checked=True)
            self._written.add(kind)
        except OSError:
            pass

    def _writable(self, kind: str) -> Path | None:
        """The folder of ``kind``, made and checked once a run: not a link, inside the store's folder, and not
        leading out of the workspace (files/paths.py); ``None`` when it can't be written safely."""
        if kind not in self._ready:
            from reportascode.files.paths import LinkOutside, check_write

            folder = None
            if self.folder is not None:
                target = self.folder / kind
                try:
                    if not target.is_dir():
                        target.mkdir(parents=True, exist_ok=True)
                    check_write(target)
                    if not self.folder.is_symlink() and not target.is_symlink() \
                            and _inside(self.folder, (kind,)) is not None:
                        folder = target
                except (OSError, LinkOutside):
                    folder = None
            self._ready[kind] = folder
        return self._ready[kind]

    def remove(self, kind: str, key: str) -> None:
        """Forget an entry (one nothing refers to any more); a cache that can't be changed stays as it is."""
        file = self._file(kind, key)
        if file is not None and self._writable(kind) is not None:
            with contextlib.suppress(OSError):
                file.unlink()

    def prune(self) -> None:
        """Keep each kind written to in this run within its limits, removing the least recently used entries."""
        if self.folder is None:
            return
        for kind in sorted(self._written):
            most, most_bytes = self.limits.get(kind, (4096, 512 * 1024 * 1024))
            with contextlib.suppress(OSError):
                _prune(self.folder / kind, most, most_bytes)
        self._written.clear()


def _text_header(kind: str, key: str) -> dict[str, Any]:
    """The line before a text entry's text: not a JSON entry's (that is one JSON document, with a payload)."""
    return {"format": FORMAT, "kind": kind, "key": key, "text": True}


def _prune(folder: Path, most: int, most_bytes: int) -> None:
    import time

    entries = []
    stale = time.time() - 3600
    with os.scandir(folder) as listing:
        for entry in listing:
            if entry.name.startswith(".") and entry.name.endswith(".tmp"):  # left by a killed run
                with contextlib.suppress(OSError):
                    if entry.stat(follow_symlinks=False).st_mtime < stale:
                        os.unlink(entry.path)
            elif entry.name.endswith(".json"):
                with contextlib.suppress(OSError):
                    info = entry.stat(follow_symlinks=False)
                    entries.append((info.st_mtime_ns, info.st_size, entry.path))
    total = sum(size for _, size, _ in entries)
    if len(entries) <= most and total <= most_bytes:
        return
    entries.sort(reverse=True)  # newest first: kept
    kept = kept_bytes = 0
    for _, size, path in entries:
        if kept < most and kept_bytes + size <= most_bytes:
            kept += 1
            kept_bytes += size
            continue
        with contextlib.suppress(OSError):
            os.unlink(path)
