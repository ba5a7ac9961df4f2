"""Many versions of one file, parsed for what they share: a report file is a mapping of top-level sections, and
consecutive versions usually differ in one of them. Each version is cut at its top-level keys; a section whose
text was seen before (in any version) is not parsed again, and its value is the same Python object, so that
comparing two versions skips it at once (blame, log).

Cutting is only done where it cannot change the data: plain top-level keys at column 0, every other line
indented, a comment, blank or a ``-`` item, and no anchor, alias, tag, directive or document marker anywhere
(``& * ! %``, ``---``, ``...``) nor a line break libyaml and ruamel count differently. A section that does not
parse alone, a key met twice, or anything else unusual: the whole version is parsed as one, as before, and what it
gives stands (so every problem is found and worded exactly as the loader words it).
"""

from __future__ import annotations

import re
from typing import Any

from reportascode.model.lazy_regex import lazy_compile
from reportascode.model.loader import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, decode, load_bytes, load_text, prescan

# a line at column 0 that starts a top-level section: a plain key, then its colon and a space or the line's end
_KEY_LINE = lazy_compile(r"[A-Za-z_][A-Za-z0-9_-]*:(?=[ \n]|\Z)")
_AT_COLUMN_0 = lazy_compile(r"^[^ \n#-]", re.MULTILINE)  # a line at column 0 that is not a comment nor an item
_ITEM_START = lazy_compile(r"^-(?: |$)", re.MULTILINE)  # a top-level list's record
_DASH_AT_0 = lazy_compile(r"^-", re.MULTILINE)
_SIGNIFICANT = lazy_compile(r"^[^ \n#]", re.MULTILINE)  # the first line at column 0 that is not a comment
_UNSAFE_CHARS = "&*!\r\x85\u2028\u2029\ufeff"  # anchors, aliases, tags; breaks the parsers count apart
_UNSAFE_LINES = ("%", "---", "...")  # a directive, a document's start or end

Section = tuple[str, str, Any]  # (key, its text, its value)


class VersionParser:
    """Parses file versions, each distinct section once (see the module docstring)."""

    def __init__(self) -> None:
        # section text -> (key, value, its nodes), None: it does not parse alone
        self._sections: dict[str, tuple[str, Any, int] | None] = {}

    def parse(self, raw: bytes, path: str) -> tuple[bool, Any, tuple[Section, ...] | None]:
        """``(ok, data, sections)`` for one version: ``data`` as the loader gives it (``None`` unless ok), and
        the top-level sections of a mapping it was put together from (``None`` when it was parsed whole, or is
        a list: its records are parsed one by one all the same)."""
        cut = self._cut(raw, path)
        if cut is None:
            doc = load_bytes(raw, path)
            return doc.ok, doc.data if doc.ok else None, None
        if isinstance(cut, list):
            return True, cut, None
        return True, {key: value for key, _, value in cut}, cut

    def _cut(self, raw: bytes, path: str) -> tuple[Section, ...] | list[Any] | None:
        """The version's top-level sections (a mapping) or records (a list), or ``None``: parse it whole."""
        if len(raw) > MAX_FILE_BYTES:
            return None
        text, problem = decode(raw)
        if text is None or problem is not None or _unsafe(text):
            return None
        first = _SIGNIFICANT.search(text)
        if first is None or not _only_comments(text[: first.start()]) or prescan(text[: first.start()]):
            return None
        # The loader's prescan looks at each line alone, but for a text with more brackets than the depth limit
        # (it follows flow nesting across lines then): each section is prescanned when it is parsed, and a
        # section seen before was prescanned then, so the whole is prescanned only in that case.
        if text.count("[") + text.count("{") > MAX_DEPTH and prescan(text) is not None:
            return None
        is_list = text.startswith("-", first.start())
        if is_list:  # every line at column 0 is a record's "- " (comments aside)
            starts = [m.start() for m in _ITEM_START.finditer(text)]
            if _AT_COLUMN_0.search(text) is not None or len(starts) != len(_DASH_AT_0.findall(text)):
                return None
        else:  # every line at column 0 is a plain key (comments and a value's "- " items aside)
            starts = [m.start() for m in _AT_COLUMN_0.finditer(text)]
            if any(not _KEY_LINE.match(text, start) for start in starts):
                return None
        values = []
        keys: set[str] = set()
        nodes = 1  # the loader's count: the root and every value under it
        for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
            chunk = text[start:end]
            parsed = self._section(chunk, path, is_list)
            if parsed is None or parsed[0] in keys:
                return None
            if not is_list:
                keys.add(parsed[0])
            nodes += parsed[2]
            values.append((parsed[0], chunk, parsed[1]))
        if nodes > MAX_NODES:  # the whole would be refused: let the loader say so
            return None
        return [value for _, _, value in values] if is_list else tuple(values)

    def _section(self, chunk: str, path: str, is_list: bool) -> tuple[str, Any, int] | None:
        """``(key, value, nodes)`` of a mapping's section, ``("", record, nodes)`` of a list's; ``None``: it does
        not parse alone as exactly that."""
        if chunk not in self._sections:
            doc = load_text(chunk, path)
            data = doc.data
            found: tuple[str, Any] | None = None
            if doc.ok and not doc.problems:
                if is_list and isinstance(data, list) and len(data) == 1:
                    found = ("", data[0])
                elif not is_list and isinstance(data, dict) and len(data) == 1:
                    found = next(iter(data.items()))
            self._sections[chunk] = None if found is None else (*found, _nodes(found[1]))
        return self._sections[chunk]


def _unsafe(text: str) -> bool:
    """Whether ``text`` has anything that makes a section's meaning depend on another (or a break that the two
    parsers count differently). Plain substring tests: a regex over the text costs more than parsing a section."""
    return (any(char in text for char in _UNSAFE_CHARS) or text.startswith(_UNSAFE_LINES)
            or any(f"\n{mark}" in text for mark in _UNSAFE_LINES))


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip(" ").startswith("#") for line in text.split("\n"))


def _nodes(value: Any) -> int:
    """The nodes the loader counts for ``value`` (no aliases here: each value is one node)."""
    if isinstance(value, dict):
        return 1 + sum(_nodes(v) for v in value.values())
    if isinstance(value, list):
        return 1 + sum(_nodes(v) for v in value)
    return 1
