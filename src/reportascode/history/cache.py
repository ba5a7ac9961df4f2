"""A cache of history results under the git directory, keyed by what they were computed from.

Commits never change, so what rac derived from a commit (a log entry) or from the history of a path up to a commit
(blame state) stays true for that commit. An entry names its format, rac's version and its key inside; anything
that does not read back as exactly that (a corrupt, truncated, foreign or older entry) is ignored and recomputed,
never trusted. Entries are JSON (no pickle: a cache file must not be able to run code), written atomically.
"""

from __future__ import annotations

import contextlib
import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportascode import __version__
from reportascode.history.git import Commit, Git

FORMAT = 2  # 2: tagged values decoded by json's object hook
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # larger entries are not written (nor read)
MAX_ENTRIES = 4096  # per kind; the oldest are removed past this


try:  # CPython's own SHA-256: hashlib would load OpenSSL first, a few ms of a warm run
    from _sha256 import sha256 as _sha256  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import sha256 as _sha256


class HistoryCache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder  # None: caching off

    @classmethod
    def of(cls, git: Git, enabled: bool = True) -> HistoryCache:
        if not enabled or os.environ.get("RAC_NO_CACHE"):
            return cls(None)
        return cls(git.common_dir() / "rac-cache")

    def _file(self, kind: str, key: str) -> Path | None:
        if self.folder is None:
            return None
        digest = _sha256(f"{FORMAT}\0{__version__}\0{kind}\0{key}".encode()).hexdigest()
        return self.folder / kind / f"{digest}.json"

    def get(self, kind: str, key: str) -> Any:
        """The stored payload, or ``None`` when there is none or it is not exactly what was written for ``key``."""
        file = self._file(kind, key)
        if file is None:
            return None
        try:
            if not file.is_file() or file.is_symlink() or file.stat().st_size > MAX_ENTRY_BYTES:
                return None
            entry = json.loads(file.read_text(encoding="utf-8"), object_hook=_decode_object,
                               parse_float=_no_float)
        except (OSError, ValueError, ArithmeticError, UnicodeDecodeError, RecursionError):
            return None
        if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("version") != __version__ \
                or entry.get("kind") != kind or entry.get("key") != key:
            return None
        return entry.get("payload")

    def put(self, kind: str, key: str, payload: Any) -> None:
        """Store ``payload`` (plain JSON data). A cache that can't be written is no error: it stays cold."""
        file = self._file(kind, key)
        if file is None:
            return
        try:
            text = json.dumps({"format": FORMAT, "version": __version__, "kind": kind, "key": key,
                               "payload": payload}, ensure_ascii=False, default=_encode_default)
        except (TypeError, ValueError):  # a value JSON can't hold exactly (a huge integer…): not cached
            return
        if len(text) > MAX_ENTRY_BYTES:
            return
        from reportascode.files.atomic import write_text_atomic  # only a run that computed something writes

        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            if file.parent.is_symlink():
                return
            write_text_atomic(file, text)
            _prune(file.parent)
        except OSError:
            pass


    def remove(self, kind: str, key: str) -> None:
        """Forget an entry (one no index refers to any more); a cache that can't be changed stays as it is."""
        file = self._file(kind, key)
        if file is not None:
            with contextlib.suppress(OSError):
                file.unlink()


def _encode_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {"$d": str(value)}
    raise TypeError(f"not cacheable: {type(value).__name__}")


def encode_data(value: Any) -> Any:
    """Plain data (mappings, lists, leaves) as JSON that reads back (:meth:`HistoryCache.get`) as the same Python
    data: a number stays an ``int`` or a ``Decimal`` with its exact text, a mapping keeps its keys' order and
    types. Tagged objects are the only JSON objects a value becomes, so no key of the data can pass for a tag."""
    if isinstance(value, dict):
        return {"$m": [[k, encode_data(v)] for k, v in value.items()]}
    if isinstance(value, list):
        return [encode_data(v) for v in value]
    if isinstance(value, Decimal):
        return {"$d": str(value)}
    if isinstance(value, float):  # report data has none (numbers load as int or Decimal): not cacheable
        raise TypeError("not cacheable: float")
    return value


encode_value = encode_data


def _decode_object(entry: dict[str, Any]) -> Any:
    """json's object hook: tagged values back to Python data; every other object is the cache's own structure."""
    if len(entry) == 1:
        if "$d" in entry:
            text = entry["$d"]
            if not isinstance(text, str):
                raise ValueError("not a cached number")
            return Decimal(text)
        if "$m" in entry:
            pairs = entry["$m"]
            if not isinstance(pairs, list) or not all(isinstance(p, list) and len(p) == 2 and isinstance(p[0], str)
                                                      for p in pairs):
                raise ValueError("not a cached mapping")
            return dict(pairs)
    return entry


def _no_float(text: str) -> Any:
    raise ValueError("cached data never holds a bare float")


def encode_commit(commit: Commit) -> list[Any]:
    return [commit.sha, list(commit.parents), commit.author, commit.email, commit.date, commit.subject, commit.body]


def decode_commit(data: Any) -> Commit:
    sha, parents, author, email, date, subject, body = data
    # exact types, checked without a generator per field: a warm rac log reads thousands of commits
    if {type(sha), type(author), type(email), type(date), type(subject), type(body)} != {str} \
            or type(parents) is not list or (parents and {type(p) for p in parents} != {str}):
        raise ValueError("not a cached commit")
    return Commit(sha, tuple(parents), author, email, date, subject, body)


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime)
    for stale in entries[:-MAX_ENTRIES] if len(entries) > MAX_ENTRIES else []:
        with contextlib.suppress(OSError):
            stale.unlink()
