"""A document's leaves by identity: list records are named by their natural key, not their position, so that
inserting a record in the middle of a list does not make every later field look changed."""

from __future__ import annotations

from typing import Any

from reportascode.model.keys import key_fields, key_text, keys_of, pattern_of
from reportascode.model.loader import join_pointer

Leaves = dict[str, tuple[str, Any]]


def leaves_by_identity(name: str, data: Any) -> Leaves:
    """``identity → (pointer, value)`` for every scalar (and empty container) of file ``name``'s data."""
    found: Leaves = {}
    _walk(name, data, "", "", found)
    return found


def _walk(name: str, data: Any, pointer: str, identity: str, found: Leaves) -> None:
    if isinstance(data, dict) and data:
        for key, value in data.items():
            _walk(name, value, join_pointer(pointer, key), join_pointer(identity, key), found)
    elif isinstance(data, list) and data:
        fields = key_fields(name, pattern_of(pointer))
        keys = keys_of(data, fields) if fields else None
        for index, value in enumerate(data):
            token = f"[{key_text(keys[index])}]" if keys is not None else str(index)
            _walk(name, value, join_pointer(pointer, index), join_pointer(identity, token), found)
    else:
        found[identity or "/"] = (pointer, _comparable(data))


def _comparable(value: Any) -> Any:
    """Values compare as data: 1.50 and 1.5 are the same figure; an empty list and an empty map differ."""
    if isinstance(value, (dict, list)):
        return type(value).__name__
    return value
