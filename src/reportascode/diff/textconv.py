"""A canonical flattened view of one report file, for ``git diff`` (``rac textconv FILE``).

One line per leaf: ``pointer = value``. Pointers are real RFC 6901 pointers; values are JSON with Chinese left
unescaped and numbers in their exact text; an empty mapping or list is a leaf (``{}``, ``[]``). Lines come in a
canonical order that does not depend on the file's key order: a mapping's keys in the schema's property order
(unknown keys after, by name), a list's items in list order. So reformatting, reordering keys and editing
comments change nothing, and a changed figure is one ``-``/``+`` pair of lines.

A file that does not parse is printed as it is, so ``git diff`` still shows something useful.
"""

from __future__ import annotations

import importlib.util
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportascode.diff.labels import Labeler
from reportascode.model.loader import escape_token, join_pointer, load_bytes
from reportascode.model.schemas import DEFAULT_VERSION, REPORT_FILES, SchemaStore
from reportascode.model.values import encode

# git hands textconv a temporary copy of an old version named "XXXXXX_<basename>"
_GIT_TEMPFILE = re.compile(r"^[A-Za-z0-9]{6}_(.+)$")


def file_kind(path: str) -> str | None:
    """The report file a path holds (``operations``), from its name or git's temporary name for it."""
    stem = posixpath.splitext(posixpath.basename(path.replace("\\", "/")))[0]
    if stem in REPORT_FILES:
        return stem
    match = _GIT_TEMPFILE.match(stem)
    if match and match.group(1) in REPORT_FILES:
        return match.group(1)
    return None


def flatten(data: Any, name: str | None = None, labeler: Labeler | None = None) -> Iterator[tuple[str, Any]]:
    """Every leaf of ``data`` with its pointer, in the canonical order described above."""
    yield from _walk(data, "", "", name, labeler)


def _walk(node: Any, pointer: str, pattern: str, name: str | None, labeler: Labeler | None) -> Iterator[
        tuple[str, Any]]:
    if isinstance(node, dict) and node:
        rank = labeler.order(name, pattern) if labeler is not None and name is not None else {}
        for key in sorted(node, key=lambda k: (0, rank[k], "") if k in rank else (1, 0, k)):
            yield from _walk(node[key], join_pointer(pointer, key), f"{pattern}/{escape_token(key)}", name, labeler)
    elif isinstance(node, list) and node:
        for index, item in enumerate(node):
            yield from _walk(item, join_pointer(pointer, index), f"{pattern}/*", name, labeler)
    else:
        yield pointer, node


def render(data: Any, name: str | None = None, labeler: Labeler | None = None) -> str:
    return "".join(f"{pointer} = {encode(value)}\n" for pointer, value in flatten(data, name, labeler))


def textconv(raw: bytes, path: str, store: SchemaStore | None = None, parser: str = "ruamel") -> bytes:
    """The flattened view of a file's bytes; the bytes themselves when they do not parse."""
    doc = load_bytes(raw, path, parser)
    if not doc.ok:
        return raw
    if doc.data is None:
        return b""
    name = file_kind(path)
    labeler = Labeler(store, _version(doc.data) or DEFAULT_VERSION) if store is not None and name else None
    return render(doc.data, name, labeler).encode("utf-8")


def textconv_file(path: Path) -> bytes:
    """``rac textconv``: schemas from the workspace around the file (else the packaged ones), the fast parser
    when PyYAML is installed (both parsers give the same data)."""
    from reportascode.diff.inputs import workspace_root

    root = workspace_root(path.parent if path.parent.is_dir() else Path.cwd()) or workspace_root(Path.cwd())
    parser = "libyaml" if importlib.util.find_spec("yaml") is not None else "ruamel"
    return textconv(path.read_bytes(), str(path), SchemaStore(root), parser)


def _version(data: Any) -> str | None:
    version = data.get("schema_version") if isinstance(data, dict) else None
    return str(version) if version is not None else None
