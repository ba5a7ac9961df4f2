"""Finds, loads and compiles the JSON Schemas: a workspace's own ``schemas/`` first, then the packaged ones.

``$ref`` resolves only among those files: anything else (an ``http://`` URL, a path outside) is refused,
so validation never touches the network.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path

from reportascode.files import paths
from reportascode.model.lazy_regex import lazy_compile
from reportascode.records import FrozenRecord

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

REPORT_FILES = (
    "meta",
    "company",
    "licence",
    "operations",
    "finance",
    "branches",
    "numbers",
    "trunks",
    "compliance",
    "signatures",
    "explanations",
)
DEFAULT_VERSION = "1.0"
_BASE = "file:///reportascode/schemas/"
# "$ref"/"$dynamicRef"/"$id" and its string value, in a schema's JSON text (not preceded by a backslash)
_REFERENCE = lazy_compile(r'(?<!\\)"\$(ref|dynamicRef|id)"\s*:\s*"((?:[^"\\]|\\.)*)"')
_LOCAL_REFERENCE = lazy_compile(r"^(?:[A-Za-z0-9_-]+\.schema\.json)?(?:#.*)?$")


class RefusedReference(Exception):
    """A ``$ref`` that leaves the workspace and the package."""

    def __init__(self, ref: str) -> None:
        super().__init__(ref)
        self.ref = ref


@lru_cache(maxsize=1)
def packaged_schema_dir() -> Path:
    # package data sits beside the modules (wheel and editable installs alike); importlib.resources costs ~20 ms
    return Path(__file__).resolve().parent.parent / "schemas"


class FieldLabel(FrozenRecord):
    """A field's label in both languages (from the schema titles), and its unit."""

    FIELDS = ("zh", "en", "unit")

    zh: str
    en: str
    unit: str | None

    def __init__(self, zh: str, en: str, unit: str | None = None) -> None:
        object.__setattr__(self, "zh", zh)
        object.__setattr__(self, "en", en)
        object.__setattr__(self, "unit", unit)

    def text(self, lang: str) -> str:
        from reportascode.messages import Bilingual

        return Bilingual(self.zh, self.en).text(lang)


def _listing(folder: Path) -> list[str]:
    """The names in ``folder`` (none when it can't be listed, as ``Path.glob`` gives)."""
    try:
        return os.listdir(folder)
    except OSError:
        return []


class SchemaStore:
    """All schemas of one workspace. Validators are compiled once per process and version."""

    def __init__(self, workspace_root: Path | None = None, fast: bool = True) -> None:
        self.workspace_root = workspace_root
        self.search = [d for d in ([workspace_root / "schemas"] if workspace_root else []) if d.is_dir()]
        self.search.append(packaged_schema_dir())
        self.fast = fast
        self._raw: dict[tuple[str, str], dict[str, Any]] = {}
        self._paths: dict[tuple[str, str], Path | None] = {}
        self._validators: dict[tuple[str, str], Any] = {}
        self._fast_validators: dict[tuple[str, str], Any] = {}
        self._decimal_limits: dict[tuple[str, str], dict[str, int]] = {}
        self._labels: dict[tuple[str, str], dict[str, FieldLabel]] = {}

    @cached_property
    def versions(self) -> tuple[str, ...]:
        found = {p.name for d in self.search for p in d.iterdir() if p.is_dir() and not p.name.startswith(".")}
        return tuple(sorted(found))

    def path(self, version: str, name: str) -> Path | None:
        """The schema file, workspace first; a file that links outside its schemas folder is not used. Found once
        a run (a schema is asked for by every file and reference that names it)."""
        key = (version, name)
        if key not in self._paths:
            self._paths[key] = self._find(version, name)
        return self._paths[key]

    def _find(self, version: str, name: str) -> Path | None:
        for directory, resolved in self._resolved_search:
            candidate = directory / version / f"{name}.schema.json"
            if candidate.is_file() and candidate.resolve().is_relative_to(resolved):
                return candidate
        return None

    @cached_property
    def _resolved_search(self) -> list[tuple[Path, Path]]:
        """The schema folders with their real paths (resolved once: resolving costs a stat per path component)."""
        return [(directory, directory.resolve()) for directory in self.search]

    def _names(self, version: str) -> list[str]:
        """The schemas of a version, by name (``common``, ``meta``, …), across the workspace and the package."""
        found = {name.removesuffix(".schema.json") for d in self.search for name in _listing(d / version)
                 if name.endswith(".schema.json")}  # as glob("*.schema.json"), without compiling its pattern
        return sorted(name for name in found if self.path(version, name) is not None)

    def refused_references(self) -> list[tuple[Path, int, int, str]]:
        """Every ``$ref`` (and ``$dynamicRef``, nested ``$id``) in the workspace's own schemas that would leave
        the schema folders: a URL, an absolute or ``..`` path, a file that is not a schema of the same version.
        ``(file, line, column, reference)``, read from the text so the position is exact; nothing is fetched."""
        found: list[tuple[Path, int, int, str]] = []
        packaged = packaged_schema_dir().resolve()
        for directory in self.search:
            if directory.resolve() == packaged:
                continue
            for path in sorted(directory.glob("*/*.schema.json")):
                try:
                    text = paths.read_text(path)
                except (OSError, UnicodeDecodeError, paths.LinkOutside):
                    continue
                version = path.parent.name
                for match in _REFERENCE.finditer(text):
                    try:
                        value = json.loads(f'"{match.group(2)}"')
                    except ValueError:
                        value = match.group(2)
                    if self._reference_allowed(match.group(1), value, version, text, match.start()):
                        continue
                    before = text[: match.start(2) - 1]
                    line = before.count("\n") + 1
                    found.append((path, line, len(before) - (before.rfind("\n") + 1) + 1, value))
        return found

    def _reference_allowed(self, keyword: str, value: str, version: str, text: str, offset: int) -> bool:
        if keyword == "id":  # the root $id is replaced when compiling; a nested absolute one would rebase refs
            depth = text[:offset].count("{") - text[:offset].count("}")
            return depth <= 1 or not (":" in value or value.startswith(("/", "..")))
        if not _LOCAL_REFERENCE.match(value):
            return False
        target = value.partition("#")[0]
        return not target or self.path(version, target.removesuffix(".schema.json")) is not None

    def raw(self, version: str, name: str) -> dict[str, Any]:
        key = (version, name)
        if key not in self._raw:
            path = self.path(version, name)
            if path is None:
                raise FileNotFoundError(f"schema {version}/{name}.schema.json")
            self._raw[key] = json.loads(paths.read_text(path))
        return self._raw[key]

    def validator(self, version: str, name: str) -> Any:
        key = (version, name)
        if key not in self._validators:
            self._validators[key] = self._compile(version, name)
        return self._validators[key]

    def fast_validator(self, version: str, name: str) -> Any | None:
        """A jsonschema-rs validator (~100× faster) to clear valid documents, or ``None`` when unavailable.

        It only ever answers "valid"; every error is reported by the Python reference validator, so the
        findings are the same whichever path ran.
        """
        key = (version, name)
        if key not in self._fast_validators:
            self._fast_validators[key] = self._compile_fast(version, name) if self.fast else None
        return self._fast_validators[key]

    def _compile_fast(self, version: str, name: str) -> Any | None:
        from reportascode.model.fast_schema_engine import import_jsonschema_rs

        jsonschema_rs = import_jsonschema_rs()
        if jsonschema_rs is None:
            return None
        prefix = f"{_BASE}{version}/"

        def retrieve(uri: str) -> Any:
            other = uri[len(prefix): -len(".schema.json")] if uri.startswith(prefix) else ""
            if "/" in other or not uri.endswith(".schema.json") or self.path(version, other) is None:
                raise RefusedReference(uri)
            return self.raw(version, other)

        try:
            return jsonschema_rs.Draft202012Validator(
                self.raw(version, name), retriever=retrieve, validate_formats=True,
                base_uri=f"{prefix}{name}.schema.json",
            )
        except Exception:  # a schema the fast engine cannot compile: the reference validator decides
            return None

    def decimal_limits(self, version: str, name: str) -> dict[str, int]:
        """``x-decimals`` by pointer pattern (``/by_province/*/revenue_wan``): the fast engine ignores it."""
        key = (version, name)
        if key not in self._decimal_limits:
            limits: dict[str, int] = {}
            self._walk(version, self.raw(version, name), "", 0,
                       lambda pattern, node: limits.setdefault(pattern, node["x-decimals"])
                       if isinstance(node.get("x-decimals"), int) else None)
            self._decimal_limits[key] = limits
        return self._decimal_limits[key]

    def _compile(self, version: str, name: str) -> Any:
        from jsonschema import Draft202012Validator, validators
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012

        def retrieve(uri: str) -> Resource:
            prefix = f"{_BASE}{version}/"
            if uri.startswith(prefix) and uri.endswith(".schema.json") and "/" not in uri[len(prefix):]:
                other = uri[len(prefix): -len(".schema.json")]
                if self.path(version, other) is not None:
                    return Resource.from_contents(self.raw(version, other))
            raise RefusedReference(uri)

        extended = validators.extend(Draft202012Validator, {"x-decimals": _decimals_keyword})
        registry: Registry = Registry(retrieve=retrieve)  # type: ignore[call-arg]
        # Every schema of the version is in the registry from the start: a reference retrieved during validation
        # is not kept (the registry is immutable), so each $ref to common.schema.json would be retrieved and
        # crawled again, for every list item: 5,000 bad rows took 20 s that way.
        for other in self._names(version):
            try:
                contents = self.raw(version, other)
            except (OSError, ValueError):
                continue  # a broken schema file fails where it is used, not here
            registry = registry.with_resource(f"{_BASE}{version}/{other}.schema.json",
                                              Resource.from_contents(contents, default_specification=DRAFT202012))
        schema = self.raw(version, name)
        resource = Resource.from_contents(schema, default_specification=DRAFT202012)
        registry = registry.with_resource(f"{_BASE}{version}/{name}.schema.json", resource).crawl()
        schema_with_base = {**schema, "$id": f"{_BASE}{version}/{name}.schema.json"}
        return extended(schema_with_base, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)

    def labels(self, version: str, name: str) -> dict[str, FieldLabel]:
        """Field labels by pointer pattern (``/by_province/*/seats``), from the schemas' titles."""
        key = (version, name)
        if key not in self._labels:
            table: dict[str, FieldLabel] = {}

            def visit(pattern: str, node: dict[str, Any]) -> None:
                if "title" in node and pattern not in table:
                    en = node.get("x-label-en") or node.get("description") or node["title"]
                    table[pattern] = FieldLabel(node["title"], str(en), node.get("x-unit"))

            self._walk(version, self.raw(version, name), "", 0, visit)
            self._labels[key] = table
        return self._labels[key]

    def label(self, version: str, name: str, pointer: str, lang: str) -> str:
        """The best label for ``pointer``: its own title, with the nearest titled ancestor for list items."""
        pattern = "/".join("*" if t.isdigit() else t for t in pointer.split("/"))
        table = self.labels(version, name)
        found = table.get(pattern)
        if found is not None:
            return found.text(lang)
        return pointer or name

    def _resolve(self, version: str, node: dict[str, Any]) -> dict[str, Any]:
        for _ in range(10):
            ref = node.get("$ref")
            if not isinstance(ref, str):
                break
            target_file, _, fragment = ref.partition("#")
            target = self.raw(version, target_file.removesuffix(".schema.json")) if target_file else node
            for token in [t for t in fragment.split("/") if t]:
                target = target[token]
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    def _walk(self, version: str, node: Any, pattern: str, depth: int,
              visit: Callable[[str, dict[str, Any]], object]) -> None:
        """Visit every subschema with the pointer pattern of the data it describes, following ``$ref``s."""
        if not isinstance(node, dict) or depth > 20:
            return
        try:
            node = self._resolve(version, node)
        except (KeyError, FileNotFoundError, TypeError):
            return
        visit(pattern, node)
        for prop, sub in (node.get("properties") or {}).items():
            self._walk(version, sub, f"{pattern}/{prop}", depth + 1, visit)
        if isinstance(node.get("items"), dict):
            self._walk(version, node["items"], f"{pattern}/*", depth + 1, visit)
        for combinator in ("anyOf", "oneOf", "allOf"):
            for sub in node.get(combinator) or []:
                if isinstance(sub, dict) and sub.get("type") != "null":
                    self._walk(version, sub, pattern, depth + 1, visit)


def _decimals_keyword(validator: Any, places: Any, instance: Any, schema: dict[str, Any]) -> Any:
    """``x-decimals: N``: a number has at most N decimal places, judged on the scalar's own text."""
    from jsonschema.exceptions import ValidationError

    if isinstance(instance, Decimal):
        exponent = instance.as_tuple().exponent
        if isinstance(exponent, int) and -exponent > places:
            yield ValidationError(f"{instance} has more than {places} decimal places")

