"""A cache of history results under the git directory, keyed by what they were computed from.

Commits never change, so what rac derived from a commit (a log entry) or from the history of a path up to a commit
(blame state) stays true for that commit. The entries live in rac's one cache store (``files/cachestore.py``:
``<git dir>/rac-cache/history/``, checksummed JSON, written atomically, bounded, never through a linked folder);
a key names this format and rac's version, so anything else reads back as no entry and is recomputed.
"""

from __future__ import annotations

import os
from decimal import Decimal
from typing import Any

from reportascode import __version__
from reportascode.files.cachestore import CacheStore, cache_folder_in
from reportascode.history.git import Commit, Git

FORMAT = 3  # 3: in the shared cache store
MAX_ENTRIES = 4096  # per kind; the least recently used are removed past this
MAX_BYTES = 256 * 1024 * 1024  # per kind
LIMITS = {kind: (MAX_ENTRIES, MAX_BYTES) for kind in ("blame", "log", "logpart", "logjson")}


class HistoryCache:
    def __init__(self, store: CacheStore) -> None:
        self.store = store  # with no folder: caching off

    @classmethod
    def of(cls, git: Git, enabled: bool = True) -> HistoryCache:
        if not enabled or os.environ.get("RAC_NO_CACHE"):
            return cls(CacheStore(None))
        return cls(CacheStore(cache_folder_in(git.common_dir(), "history"), LIMITS))

    @staticmethod
    def _key(key: str) -> str:
        return f"{FORMAT}\0{__version__}\0{key}"

    def get(self, kind: str, key: str) -> Any:
        """The stored payload, or ``None`` when there is none or it is not exactly what was written for ``key``."""
        return self.store.get(kind, self._key(key), object_hook=_decode_object, parse_float=_no_float)

    def put(self, kind: str, key: str, payload: Any) -> None:
        """Store ``payload`` (plain JSON data). A cache that can't be written is no error: it stays cold."""
        self.store.put(kind, self._key(key), payload, default=_encode_default)
        self.store.prune()

    def get_text(self, kind: str, key: str) -> str | None:
        """A text stored by :meth:`put_text` for ``key``, or ``None``."""
        return self.store.get_text(kind, self._key(key))

    def put_text(self, kind: str, key: str, text: str) -> None:
        self.store.put_text(kind, self._key(key), text)
        self.store.prune()

    def remove(self, kind: str, key: str) -> None:
        self.store.remove(kind, self._key(key))


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

