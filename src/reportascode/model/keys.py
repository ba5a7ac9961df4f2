"""Natural keys of the report's lists: how a record in one version is matched with the same record in another.

A list is named by its file (the stem, ``branches``) and its pointer pattern inside the file, with ``*`` for
list indices (``/by_province``; ``""`` for a file whose root is the list). A record is identified by the values of
its key fields, so inserting a record in the middle of a list is one addition, not "everything shifted".

Lists not named here (lists of plain values such as ``coverage``, ``evidence``) are matched by content,
with position as the tie-breaker.
"""

from __future__ import annotations

from typing import Any

from reportascode.model.values import canonical

NATURAL_KEYS: dict[str, dict[str, tuple[str, ...]]] = {
    "branches": {"": ("id",)},
    "numbers": {"": ("number",)},
    "trunks": {"": ("id",)},
    "operations": {"/by_province": ("province",), "/outsourcing": ("client",)},
    "company": {"/shareholders": ("name",), "/changes": ("item", "date_decided")},
    "licence": {"/services": ("code",)},
    "compliance": {"/harassment_notices": ("date", "ref"), "/penalties": ("decision_no",)},
    "explanations": {"": ("check", "field")},
}

# the files whose data is a state at the year end (stock) rather than the year's activity (flow)
STOCK_FILES = ("company", "licence", "numbers", "trunks", "branches")


def section(name: str) -> str:
    """``stock`` or ``flow`` for a file stem."""
    return "stock" if name in STOCK_FILES else "flow"


def pattern_of(pointer: str) -> str:
    """The pointer with list indices replaced by ``*`` (``/by_province/3/seats`` → ``/by_province/*/seats``)."""
    return "/".join("*" if token.isdigit() else token for token in pointer.split("/"))


def key_fields(name: str, list_pattern: str) -> tuple[str, ...] | None:
    """The key fields of the list at ``list_pattern`` in file ``name``, or ``None`` when it has none."""
    return NATURAL_KEYS.get(name, {}).get(list_pattern)


def record_key(record: Any, fields: tuple[str, ...]) -> tuple[Any, ...] | None:
    """The natural key of one record, or ``None`` when it is not a mapping with every key field present."""
    if not isinstance(record, dict) or any(f not in record for f in fields):
        return None
    values = tuple(record[f] for f in fields)
    if any(isinstance(v, (dict, list)) for v in values):
        return None
    return values


def keys_of(items: list[Any], fields: tuple[str, ...]) -> list[tuple[Any, ...]] | None:
    """Every record's key, or ``None`` when a record has no key or two records share one (match by content then)."""
    keys = [record_key(item, fields) for item in items]
    if any(k is None for k in keys):
        return None
    found = [k for k in keys if k is not None]
    if len({key_id(k) for k in found}) != len(found):
        return None
    return found


def key_id(key: tuple[Any, ...]) -> str:
    """A key as one exact string for matching (``33`` and ``"33"``, ``1`` and ``true`` are different keys)."""
    return canonical(list(key))


def key_text(key: tuple[Any, ...]) -> str:
    """A key for people: ``SC-CD-01``; ``YOY-01, operations.yaml#/seats/ai``."""
    return ", ".join("null" if v is None else str(v).lower() if isinstance(v, bool) else str(v) for v in key)
