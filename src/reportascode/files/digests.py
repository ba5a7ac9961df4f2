"""SHA-256 and BLAKE2b from the interpreter's own modules: :mod:`hashlib` loads OpenSSL first (~2 ms of every
``rac validate``, more than hashing everything it hashes). The digests are the same; an interpreter built
without those modules gets hashlib's."""

from __future__ import annotations

import functools
import importlib

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


@functools.cache
def _builtin(algorithm: str, modules: tuple[str, ...]) -> Callable[..., Any]:
    for name in modules:
        try:
            return getattr(importlib.import_module(name), algorithm)  # type: ignore[no-any-return]
        except (ImportError, AttributeError):
            continue
    return getattr(importlib.import_module("hashlib"), algorithm)  # type: ignore[no-any-return]


def sha256_hex(data: bytes) -> str:
    return str(_builtin("sha256", ("_sha2", "_sha256"))(data).hexdigest())  # _sha2: Python 3.12 and later


def blake2b_hex(data: bytes, digest_size: int = 32) -> str:
    return str(_builtin("blake2b", ("_blake2",))(data, digest_size=digest_size).hexdigest())
