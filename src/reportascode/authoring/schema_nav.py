"""What the schema says about one place in a report file: the accepted types, whether it is a date, the order of
its keys. Follows ``$ref`` (relative to the file it appears in) and ``anyOf``/``oneOf``/``allOf``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportascode.model.loader import split_pointer
from reportascode.model.schemas import SchemaStore
from reportascode.model.values import kind_of

_MAX_REF_HOPS = 20


@dataclass(frozen=True)
class SchemaNode:
    """One resolved schema node and the schema file (by name) its local ``#/…`` references point into."""

    node: dict[str, Any]
    base: str


class SchemaNavigator:
    """Schema lookups by JSON pointer for the files of one schema version."""

    def __init__(self, store: SchemaStore, version: str) -> None:
        self.store = store
        self.version = version

    def root(self, name: str) -> list[SchemaNode]:
        try:
            raw = self.store.raw(self.version, name)
        except FileNotFoundError:
            return []
        return self._expand(SchemaNode(raw, name))

    def at(self, name: str, pointer: str) -> list[SchemaNode]:
        """Every schema alternative that may describe the value at ``pointer`` (empty when none is known)."""
        current = self.root(name)
        for token in split_pointer(pointer):
            following: list[SchemaNode] = []
            for candidate in current:
                following.extend(self._child(candidate, token))
            current = following
            if not current:
                break
        return current

    def types(self, name: str, pointer: str) -> set[str]:
        """The JSON types the value at ``pointer`` may have; empty when the schema does not say."""
        found: set[str] = set()
        for candidate in self.at(name, pointer):
            node = candidate.node
            declared = node.get("type")
            if isinstance(declared, str):
                found.add(declared)
            elif isinstance(declared, list):
                found.update(str(t) for t in declared)
            elif "enum" in node or "const" in node:
                values = node.get("enum") or [node.get("const")]
                found.update(kind_of(v, integers=True) for v in values)
        return found

    def wants_string_only(self, name: str, pointer: str) -> bool:
        """True when the value must be text (a province code, a postcode, a number like "96801")."""
        kinds = self.types(name, pointer)
        return bool(kinds) and kinds <= {"string", "null"} and "string" in kinds

    def wants_number(self, name: str, pointer: str) -> bool:
        return bool(self.types(name, pointer) & {"number", "integer"})

    def is_date(self, name: str, pointer: str) -> bool:
        """True when the value is a calendar date (``format: date``)."""
        return any(c.node.get("format") == "date" for c in self.at(name, pointer))

    def property_order(self, name: str, pointer: str) -> list[str]:
        """The keys of the object at ``pointer`` in the schema's ``properties`` order (empty when unknown)."""
        order: list[str] = []
        for candidate in self.at(name, pointer):
            for key in candidate.node.get("properties") or {}:
                if key not in order:
                    order.append(key)
        return order

    def _child(self, parent: SchemaNode, token: str) -> list[SchemaNode]:
        node = parent.node
        found: list[SchemaNode] = []
        properties = node.get("properties")
        if isinstance(properties, dict) and token in properties:
            found.extend(self._expand(SchemaNode(properties[token], parent.base)))
        elif isinstance(node.get("additionalProperties"), dict):
            found.extend(self._expand(SchemaNode(node["additionalProperties"], parent.base)))
        if token.isdigit() and isinstance(node.get("items"), dict):
            found.extend(self._expand(SchemaNode(node["items"], parent.base)))
        return found

    def _expand(self, start: SchemaNode) -> list[SchemaNode]:
        """Resolve ``$ref`` and flatten the combinators into a list of alternatives."""
        result: list[SchemaNode] = []
        pending = [(start, 0)]
        while pending:
            item, hops = pending.pop(0)
            if hops > _MAX_REF_HOPS or not isinstance(item.node, dict):
                continue
            resolved = self._resolve(item)
            if resolved is None:
                continue
            result.append(resolved)
            for combinator in ("allOf", "anyOf", "oneOf"):
                for sub in resolved.node.get(combinator) or []:
                    if isinstance(sub, dict):
                        pending.append((SchemaNode(sub, resolved.base), hops + 1))
        return result

    def _resolve(self, item: SchemaNode) -> SchemaNode | None:
        node, base = item.node, item.base
        for _ in range(_MAX_REF_HOPS):
            ref = node.get("$ref")
            if not isinstance(ref, str):
                return SchemaNode(node, base)
            target_file, _, fragment = ref.partition("#")
            if target_file:
                base = target_file.removesuffix(".schema.json")
            try:
                target: Any = self.store.raw(self.version, base)
                for token in [t for t in fragment.split("/") if t]:
                    target = target[token]
            except (FileNotFoundError, KeyError, TypeError):
                return None
            if not isinstance(target, dict):
                return None
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return None
