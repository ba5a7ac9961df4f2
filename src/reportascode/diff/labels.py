"""Names for changed fields, from the schemas' titles (the one place a field is named), in Chinese and English.

A label reads like a form: the field's own title (``坐席总数``), qualified by its parent when the title alone is
ambiguous in the file (``年报承诺书 · 签署日期``), and led by the record it belongs to, named by its natural key
(``分省记录[51] · 坐席数``). The schemas' property order also gives the canonical order of keys.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from reportascode.model.keys import key_fields, key_text, record_key
from reportascode.model.loader import escape_token, split_pointer
from reportascode.model.schemas import FieldLabel, SchemaStore

SEPARATOR = " · "


class Labeler:
    """Labels and key order for the files of one schema version. Files without a schema fall back to keys."""

    def __init__(self, store: SchemaStore | None, version: str) -> None:
        self.store = store
        self.version = version
        self._tables: dict[str, dict[str, FieldLabel]] = {}
        self._orders: dict[tuple[str, str], dict[str, int]] = {}
        self._counts: dict[tuple[str, str], Counter[str]] = {}

    def table(self, name: str) -> dict[str, FieldLabel]:
        if name not in self._tables:
            table: dict[str, FieldLabel] = {}
            if self.store is not None:
                try:
                    table = self.store.labels(self.version, name)
                except (FileNotFoundError, ValueError, KeyError, TypeError):
                    table = {}
            self._tables[name] = table
        return self._tables[name]

    def order(self, name: str, pattern: str) -> dict[str, int]:
        """Rank of each key of the mapping at ``pattern``, in the schema's property order."""
        cached = self._orders.get((name, pattern))
        if cached is None:
            cached = {}
            prefix = f"{pattern}/"
            for child in self.table(name):
                if child.startswith(prefix) and "/" not in child[len(prefix):] and child[len(prefix):] != "*":
                    token = child[len(prefix):].replace("~1", "/").replace("~0", "~")
                    cached.setdefault(token, len(cached))
            self._orders[(name, pattern)] = cached
        return cached

    def title(self, name: str, pattern: str, lang: str) -> str | None:
        found = self.table(name).get(pattern)
        return found.text(lang) if found is not None else None

    def _ambiguous(self, name: str, text: str, lang: str) -> bool:
        counts = self._counts.get((name, lang))
        if counts is None:
            counts = Counter(label.text(lang) for label in self.table(name).values())
            self._counts[(name, lang)] = counts
        return counts[text] > 1

    def label(self, name: str, pointer: str, data: Any, lang: str) -> str:
        """The label of ``pointer`` in file ``name``; ``data`` is the document it points into (for record keys)."""
        if not pointer:
            return self.title(name, "", lang) or f"{name}.yaml"
        records: list[str] = []  # "分省记录[51]"
        fields: list[str] = []  # mapping titles since the last record
        node: Any = data
        pattern = ""
        for token in split_pointer(pointer):
            if token.isdigit() and not isinstance(node, dict):
                index = int(token)
                item = node[index] if isinstance(node, list) and index < len(node) else None
                fields_key = key_fields(name, pattern)
                key = record_key(item, fields_key) if fields_key else None
                pattern = f"{pattern}/*"
                own = self.title(name, pattern, lang)
                if isinstance(item, dict) and own:
                    records.append(f"{own}[{key_text(key) if key else index}]")
                    fields = []
                elif fields:
                    fields[-1] = f"{fields[-1]}[{index}]"
                else:
                    records.append(f"[{index}]")
                node = item
            else:
                pattern = f"{pattern}/{escape_token(token)}"
                fields.append(self.title(name, pattern, lang) or token)
                node = node.get(token) if isinstance(node, dict) else None
        parts = list(records)
        if fields:
            last = fields[-1]
            if len(fields) > 1 and self._ambiguous(name, last.split("[")[0], lang):
                parts.append(fields[-2])
            parts.append(last)
        return SEPARATOR.join(parts)

