"""Surgical edits of YAML text: the parser tells where each node starts and ends, edits replace those spans and
leave every other byte alone, so comments, quoting and alignment survive exactly.

The node tree comes from :func:`reportascode.model.loader.compose_ruamel` (the loader's own parser); plain data for
checking an edit comes from :func:`reportascode.model.loader.load_text`. Nothing here re-emits a whole document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from reportascode.model.loader import compose_ruamel, join_pointer, resolve_plain, split_pointer

BOM = "\ufeff"

# Plain scalars that another YAML reader (1.1 like PyYAML, or a 1.2 core reader) would not read as text.
_YAML11_BOOL = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")
_YAML11_NULL = re.compile(r"^(~|null|Null|NULL)$")
_YAML11_INT = re.compile(
    r"^([-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+)$"
)
_YAML11_FLOAT = re.compile(
    r"^([-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$"
)
_YAML12_OTHER = re.compile(
    r"^([-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[-+]?\d[\d_]*e\d+)$"
)
_TIMESTAMP = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}([Tt ].*)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n]*$")


@dataclass(frozen=True)
class Span:
    """A half-open character range of the text."""

    start: int
    end: int


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


def strip_bom(text: str) -> tuple[str, str]:
    """The text without a leading BOM, and the BOM (or "") to put back when writing."""
    return (text[1:], BOM) if text.startswith(BOM) else (text, "")


@lru_cache(maxsize=16)
def compose(text: str) -> Any:
    """The parser's node tree (with start and end marks) for ``text``; ``None`` for an empty document.

    Cached: the formatter looks at the same text several times. The trees are only read, never changed.
    """
    return compose_ruamel(text)


def is_mapping(node: Any) -> bool:
    return type(node).__name__ == "MappingNode"


def is_sequence(node: Any) -> bool:
    return type(node).__name__ == "SequenceNode"


def is_scalar(node: Any) -> bool:
    return type(node).__name__ == "ScalarNode"


def is_block(node: Any) -> bool:
    return (is_mapping(node) or is_sequence(node)) and not node.flow_style


def find_node(root: Any, pointer: str) -> tuple[Any, Any | None]:
    """The node at ``pointer`` and, when it is a mapping value, its key node. Raises KeyError when absent."""
    node, key = root, None
    for token in split_pointer(pointer):
        if is_mapping(node):
            for key_node, value_node in node.value:
                if key_node.value == token:
                    node, key = value_node, key_node
                    break
            else:
                raise KeyError(token)
        elif is_sequence(node):
            if not token.isdigit() or int(token) >= len(node.value):
                raise KeyError(token)
            node, key = node.value[int(token)], None
        else:
            raise KeyError(token)
    return node, key


def walk(node: Any, pointer: str = "") -> Iterator[tuple[str, Any, Any | None]]:
    """Every node with its pointer and key node (``None`` for list items and the root), outer nodes first."""
    yield from _walk(node, pointer, None)


def _walk(node: Any, pointer: str, key: Any | None) -> Iterator[tuple[str, Any, Any | None]]:
    yield pointer, node, key
    if is_mapping(node):
        for key_node, value_node in node.value:
            if is_scalar(key_node):
                yield from _walk(value_node, join_pointer(pointer, key_node.value), key_node)
    elif is_sequence(node):
        for index, item in enumerate(node.value):
            yield from _walk(item, join_pointer(pointer, index), None)


def scalar_spans(root: Any) -> list[Span]:
    """Where scalar text stands (keys and values), so that a ``#`` inside them is not taken for a comment.

    A block scalar (``|``/``>``) is counted from the line after its indicator: a comment may follow the
    indicator on its own line.
    """
    spans: list[Span] = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if is_scalar(node):
            start, end = node.start_mark.index, node.end_mark.index
            if node.style in ("|", ">"):
                start = _next_line_start_index(node)
            spans.append(Span(start, end))
        elif is_mapping(node):
            for key_node, value_node in node.value:
                stack.extend((key_node, value_node))
        elif is_sequence(node):
            stack.extend(node.value)
    return sorted(spans, key=lambda s: s.start)


def _next_line_start_index(node: Any) -> int:
    buffer = node.start_mark.buffer
    if isinstance(buffer, str):
        newline = buffer.find("\n", node.start_mark.index)
        return int(node.end_mark.index) if newline < 0 else min(newline + 1, int(node.end_mark.index))
    return int(node.start_mark.index)


def comment_tokens(text: str, root: Any | None = None) -> Counter[str]:
    """Every comment of ``text`` (from ``#`` to the end of its line, trailing blanks dropped), counted."""
    if root is None:
        root = compose(text)
    masked = bytearray(len(text))
    for span in scalar_spans(root):
        masked[span.start:span.end] = b"\x01" * (span.end - span.start)
    found: Counter[str] = Counter()
    index = 0
    length = len(text)
    while index < length:
        position = text.find("#", index)
        if position < 0:
            break
        if not masked[position] and (position == 0 or text[position - 1] in " \t\n\r"):
            end = text.find("\n", position)
            end = length if end < 0 else end
            found[text[position:end].rstrip()] += 1
            index = end
        else:
            index = position + 1
    return found


def line_starts(text: str) -> list[int]:
    """The character index where each line starts (0-based lines)."""
    starts = [0]
    for match in re.finditer("\n", text):
        starts.append(match.end())
    return starts


def last_content_line(node: Any) -> int:
    """The last line (0-based) that holds part of ``node``'s own text."""
    if is_scalar(node):
        end = node.end_mark
        if node.style in ("|", ">"):
            return int(max(node.start_mark.line, end.line - 1 if end.column == 0 else end.line))
        return int(end.line)
    if not is_block(node):
        return int(node.end_mark.line)
    last = int(node.start_mark.line)
    if is_mapping(node):
        for key_node, value_node in node.value:
            last = max(last, last_content_line(key_node), last_content_line(value_node))
    else:
        for item in node.value:
            last = max(last, last_content_line(item))
    return last


def multiline_scalar_lines(root: Any) -> set[int]:
    """Lines (0-based) inside a scalar that spans several lines, except its first: their bytes are data."""
    protected: set[int] = set()
    for _, node, _key in walk(root) if root is not None else ():
        if is_scalar(node):
            first = node.start_mark.line
            last = last_content_line(node)
            if last > first:
                protected.update(range(first + 1, last + 1))
        elif not is_block(node) and (is_mapping(node) or is_sequence(node)):
            for _, inner, _k in walk(node):
                if is_scalar(inner) and inner.end_mark.line > inner.start_mark.line:
                    protected.update(range(inner.start_mark.line + 1, inner.end_mark.line + 1))
    return protected


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits (any order)."""
    result = text
    previous_start = len(text) + 1
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        if edit.end > previous_start:
            raise ValueError("overlapping edits")
        result = result[:edit.start] + edit.replacement + result[edit.end:]
        previous_start = edit.start
    return result


def keep_comment_column(text: str, edit: Edit) -> Edit:
    """Widen or narrow the blanks between the edited span and an end-of-line comment on the same line, so the
    comment keeps its column when possible (at least one blank stays)."""
    line_end = text.find("\n", edit.end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[edit.end:line_end]
    stripped = rest.lstrip(" ")
    if "\n" in edit.replacement or not stripped.startswith("#") or not rest.startswith(" "):
        return edit
    gap = len(rest) - len(stripped)
    delta = _width(edit.replacement) - _width(text[edit.start:edit.end])
    new_gap = max(1, gap - delta)
    return Edit(edit.start, edit.end + gap, edit.replacement + " " * new_gap)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in the editors and terminals our users have."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def misread_elsewhere(text: str, date_field: bool) -> bool:
    """True when a plain scalar that the loader reads as text would be read as something else by a YAML 1.1
    reader (``no``, ``on``, ``0755``, ``1:30``, a date) or a YAML 1.2 core reader (``0o17``, ``.inf``).

    A plain ``YYYY-MM-DD`` in a date field is the canonical way to write a date and is not quoted.
    """
    if date_field and _DATE.match(text):
        return False
    return bool(
        _YAML11_BOOL.match(text) or _YAML11_NULL.match(text) or _YAML11_INT.match(text)
        or _YAML11_FLOAT.match(text) or _YAML12_OTHER.match(text) or _TIMESTAMP.match(text)
        or text in ("<<", "=")
    )


def double_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (JSON escaping, which YAML accepts; CJK kept readable)."""
    import json

    return json.dumps(text, ensure_ascii=False)


def single_quoted(text: str) -> str | None:
    if "\n" in text or any(ord(c) < 32 for c in text):
        return None
    return "'" + text.replace("'", "''") + "'"


def plain_ok(text: str, date_field: bool = False) -> bool:
    """True when ``text`` can be written as a plain scalar and read back as the same text everywhere."""
    if not text or text != text.strip() or not _PLAIN_SAFE.match(text):
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    if resolve_plain(text) != text or not isinstance(resolve_plain(text), str):
        return False
    return not misread_elsewhere(text, date_field)


def render_string(text: str, style: str | None = None, date_field: bool = False) -> str:
    """A string as YAML: in ``style`` when given ('"' or "'"), else plain when safe, else double-quoted."""
    if style == "'":
        quoted = single_quoted(text)
        if quoted is not None:
            return quoted
    if style in ('"', "'"):
        return double_quoted(text)
    return text if plain_ok(text, date_field) else double_quoted(text)


def render_scalar(value: Any, source_text: str | None = None) -> str:
    """A non-string scalar as YAML. Numbers keep their own text when given (``8460.50`` stays ``8460.50``)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        if source_text is not None and resolve_plain(source_text.strip()) == value:
            return source_text.strip()
        return str(value)
    raise TypeError(f"not a scalar: {type(value).__name__}")


def same_data(left: Any, right: Any) -> bool:
    """Strict equality of loaded data: types must match and numbers must keep their exact text
    (``Decimal('8460.50')`` is not ``Decimal('8460.5')``); the order of mapping keys does not matter."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(same_data(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(same_data(a, b) for a, b in zip(left, right, strict=True))
    if isinstance(left, Decimal):
        return str(left) == str(right)
    return bool(left == right)


def first_difference(left: Any, right: Any, pointer: str = "") -> str | None:
    """The pointer of the first place where ``same_data`` fails, for messages."""
    if type(left) is not type(right):
        return pointer
    if isinstance(left, dict):
        for key in list(left) + [k for k in right if k not in left]:
            if key not in left or key not in right:
                return join_pointer(pointer, key)
            found = first_difference(left[key], right[key], join_pointer(pointer, key))
            if found is not None:
                return found
        return None
    if isinstance(left, list):
        for index, (a, b) in enumerate(zip(left, right, strict=False)):
            found = first_difference(a, b, join_pointer(pointer, index))
            if found is not None:
                return found
        return None if len(left) == len(right) else join_pointer(pointer, min(len(left), len(right)))
    return None if same_data(left, right) else pointer


class LayoutUnsupported(Exception):
    """The value sits in a layout the surgical edit does not handle (it would have to re-emit the file)."""


def value_edits(text: str, root: Any, pointer: str, rendered: str, old_block: str = "delete",
                comment_prefix: str = "") -> list[Edit]:
    """The edits that replace the value at ``pointer`` with the YAML text ``rendered`` (one line).

    A scalar or flow value is replaced in place (an end-of-line comment keeps its column). A block value (a
    nested mapping or list) is replaced by ``rendered`` after its key's colon, and its lines are deleted
    (``old_block="delete"``) or kept as comment lines (``"comment"``: each line prefixed with ``# ``, headed by
    ``comment_prefix``), so no comment inside it is lost.
    """
    node, key = find_node(root, pointer)
    if is_scalar(node) and node.style in ("|", ">"):
        line_end = text.find("\n", node.start_mark.index)
        header_end = len(text) if line_end < 0 else line_end
        header_rest = text[node.start_mark.index:header_end]
        comment_at = header_rest.find(" #")
        tail = header_rest[comment_at:] if comment_at >= 0 else ""
        end = node.end_mark.index
        body_start = min(header_end + 1, end)
        edits = [Edit(node.start_mark.index, header_end, rendered + tail)]
        if end > body_start:
            edits.append(_block_lines_edit(text, body_start, end, old_block, comment_prefix, ""))
        return edits
    if is_scalar(node) and node.start_mark.index == node.end_mark.index:
        if key is None:
            raise LayoutUnsupported(pointer)
        colon = _colon_after(text, key)
        return [keep_comment_column(text, Edit(colon + 1, colon + 1, " " + rendered))]
    if is_scalar(node) or not is_block(node):
        return [keep_comment_column(text, Edit(node.start_mark.index, node.end_mark.index, rendered))]
    starts = line_starts(text)
    first, last = node.start_mark.line, last_content_line(node)
    block_start = starts[first]
    block_end = starts[last + 1] if last + 1 < len(starts) else len(text)
    indent = " " * node.start_mark.column
    if key is not None and key.start_mark.line < first:
        colon = _colon_after(text, key)
        return [keep_comment_column(text, Edit(colon + 1, colon + 1, " " + rendered)),
                _block_lines_edit(text, block_start, block_end, old_block, comment_prefix, indent)]
    if key is None and text[block_start:node.start_mark.index].strip() == "":
        # the root, or a list item's block on its own lines: the value takes the first line's place
        replacement = indent + rendered + "\n"
        if old_block == "comment":
            replacement += _commented(text[block_start:block_end], comment_prefix, indent)
        return [Edit(block_start, block_end, replacement)]
    if key is None:
        # a compact item: "- a: 1" — the value starts after the dash on the same line
        replacement = rendered + "\n"
        rest = _commented(text[block_start:block_end], comment_prefix, indent) if old_block == "comment" else ""
        return [Edit(node.start_mark.index, block_end, replacement + rest)]
    raise LayoutUnsupported(pointer)


def _block_lines_edit(text: str, start: int, end: int, mode: str, prefix: str, indent: str) -> Edit:
    if mode == "comment":
        return Edit(start, end, _commented(text[start:end], prefix, indent))
    return Edit(start, end, "")


def _commented(block: str, prefix: str, indent: str) -> str:
    lines = block.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    out = [f"{indent}# {prefix}"] if prefix else []
    for line in lines:
        out.append(f"{indent}# {line[len(indent):] if line.startswith(indent) else line.lstrip(' ')}".rstrip())
    return "\n".join(out) + "\n"


def _colon_after(text: str, key: Any) -> int:
    position = int(key.end_mark.index)
    while position < len(text) and text[position] in " \t":
        position += 1
    if position >= len(text) or text[position] != ":":
        raise LayoutUnsupported("no colon after key")
    return position


def insert_key_edit(text: str, root: Any, parent_pointer: str, key: str, rendered: str) -> Edit:
    """An edit that appends ``key: rendered`` as the last entry of the block mapping at ``parent_pointer``."""
    parent, _ = find_node(root, parent_pointer)
    if not (is_mapping(parent) and is_block(parent)) or not parent.value:
        raise LayoutUnsupported(parent_pointer)
    column = parent.value[0][0].start_mark.column
    starts = line_starts(text)
    last = last_content_line(parent)
    at = starts[last + 1] if last + 1 < len(starts) else len(text)
    lead = "" if at == 0 or text[at - 1] == "\n" else "\n"
    key_text = key if plain_ok(key) else double_quoted(key)
    if rendered.startswith("\n"):  # a block value: its lines (already indented) follow the key
        return Edit(at, at, f"{lead}{' ' * column}{key_text}:{rendered}")
    return Edit(at, at, f"{lead}{' ' * column}{key_text}: {rendered}\n")


# --- list records and keys: inserted and removed as whole lines ---------------------------------------------------


def render_block_item(record: Any, dash_column: int, render: Any) -> str:
    """A list record as block YAML lines (``- key: value`` then ``  key: value``) at ``dash_column``.

    ``record`` maps keys to values in the order to write them; ``render(pointer, value)`` gives a scalar's or a
    flow list's one-line YAML text (``pointer`` is relative to the record, e.g. ``/seats``). A nested mapping is
    written as a block below its key; ``None`` as ``null``.
    """
    if not isinstance(record, dict) or not record:
        return f"{' ' * dash_column}- {render('', record)}\n"
    lines: list[str] = []
    _block_mapping_lines(record, dash_column + 2, "", render, lines)
    first = lines[0]
    lines[0] = " " * dash_column + "- " + first[dash_column + 2:]
    return "".join(line + "\n" for line in lines)


def _block_mapping_lines(mapping: dict[str, Any], column: int, pointer: str, render: Any, out: list[str]) -> None:
    for key, value in mapping.items():
        key_text = key if plain_ok(key) else double_quoted(key)
        child = join_pointer(pointer, key)
        if isinstance(value, dict) and value:
            out.append(f"{' ' * column}{key_text}:")
            _block_mapping_lines(value, column + 2, child, render, out)
        else:
            out.append(f"{' ' * column}{key_text}: {render(child, value)}")


def _dash_index(text: str, item: Any) -> int:
    """Where the ``-`` of a block list item stands (the item's node starts after it, maybe on a later line)."""
    position = int(item.start_mark.index) - 1
    while position >= 0 and text[position] in " \t\r\n":
        position -= 1
    if position < 0 or text[position] != "-":
        raise LayoutUnsupported("no dash before a list item")
    return position


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index)


def _lines_end(text: str, starts: list[int], last_line: int) -> int:
    return starts[last_line + 1] if last_line + 1 < len(starts) else len(text)


def list_item_column(text: str, root: Any, list_pointer: str) -> int:
    """The column of the dashes of the block list at ``list_pointer`` (for an empty ``[]``: its key's column + 2,
    the layout of the other lists in our files; 0 for a file whose root is the list)."""
    node, key = find_node(root, list_pointer)
    if not is_sequence(node):
        raise LayoutUnsupported(list_pointer)
    if is_block(node) and node.value:
        dash = _dash_index(text, node.value[0])
        return dash - (text.rfind("\n", 0, dash) + 1)
    return 0 if key is None else int(key.start_mark.column) + 2


def insert_item_edits(text: str, root: Any, list_pointer: str, index: int, rendered: str) -> list[Edit]:
    """The edits that insert the block lines ``rendered`` (from :func:`render_block_item`) as item ``index`` of the
    list at ``list_pointer``: after the last line of the item before it (comment lines above the next item stay
    with that item), or first. An empty flow list ``[]`` becomes a block list: the ``[]`` goes, an end-of-line
    comment stays on the key's line, and the items follow it."""
    node, _key = find_node(root, list_pointer)
    if not is_sequence(node):
        raise LayoutUnsupported(list_pointer)
    starts = line_starts(text)
    if not is_block(node):
        if node.value:
            raise LayoutUnsupported(list_pointer)  # a flow list of records: written by hand, left to the hand
        return replace_with_block_edits(text, root, list_pointer, rendered)
    if index <= 0:
        dash = _dash_index(text, node.value[0])
        at = starts[_line_of(text, dash)]
    else:
        previous = node.value[min(index, len(node.value)) - 1]
        at = _lines_end(text, starts, last_content_line(previous))
    lead = "" if at == 0 or text[at - 1] == "\n" else "\n"
    return [Edit(at, at, lead + rendered)]


def remove_item_edit(text: str, root: Any, list_pointer: str, index: int) -> Edit:
    """The edit that removes item ``index`` of the block list at ``list_pointer``: its lines, from the dash to its
    last line (the comments on those lines go with it). The list's last item leaves ``[]`` behind, so the key
    still holds an (empty) list."""
    node, key = find_node(root, list_pointer)
    if not (is_sequence(node) and is_block(node)) or not 0 <= index < len(node.value):
        raise LayoutUnsupported(list_pointer)
    item = node.value[index]
    starts = line_starts(text)
    dash = _dash_index(text, item)
    first = _line_of(text, dash)
    if text[starts[first]:dash].strip():
        raise LayoutUnsupported(list_pointer)  # "key: - a" and other one-line layouts
    end = _lines_end(text, starts, last_content_line(item))
    if len(node.value) > 1:
        return Edit(starts[first], end, "")
    if key is None:
        return Edit(starts[first], end, "[]\n")
    colon = _colon_after(text, key)
    if _line_of(text, colon) == first:
        raise LayoutUnsupported(list_pointer)
    line_end = text.find("\n", colon)
    # "key:   # comment" then the item lines: "key: []   # comment", the item lines gone
    rest = text[colon + 1:line_end]
    comment = rest.lstrip(" ")
    gap = " " * max(1, len(rest) - len(comment) - 3) if comment else ""
    return Edit(colon + 1, end, " []" + gap + comment + "\n")


def remove_key_edit(text: str, root: Any, pointer: str) -> Edit:
    """The edit that removes the entry at ``pointer`` of a block mapping: the lines from its key to its value's
    last line. Refused when the key shares a line with another entry (a compact ``- key: …`` first entry)."""
    node, key = find_node(root, pointer)
    if key is None:
        raise LayoutUnsupported(pointer)
    parent, _ = find_node(root, pointer.rsplit("/", 1)[0] if "/" in pointer else "")
    if not (is_mapping(parent) and is_block(parent)) or len(parent.value) < 2:
        raise LayoutUnsupported(pointer)
    starts = line_starts(text)
    first = int(key.start_mark.line)
    if text[starts[first]:key.start_mark.index].strip():
        raise LayoutUnsupported(pointer)
    return Edit(starts[first], _lines_end(text, starts, last_content_line(node)), "")


def replace_with_block_edits(text: str, root: Any, pointer: str, block: str) -> list[Edit]:
    """The edits that replace a one-line value (``null``, ``[]``, ``{}``) with block lines: the value goes from its
    key's line (an end-of-line comment stays there, in its column) and ``block`` (indented lines) follows that
    line. For a file whose whole content is that value, ``block`` replaces it."""
    node, key = find_node(root, pointer)
    if is_block(node) or int(node.end_mark.line) != int(node.start_mark.line):
        raise LayoutUnsupported(pointer)
    starts = line_starts(text)
    at = _lines_end(text, starts, int(node.start_mark.line))
    lead = "" if at == 0 or text[at - 1] == "\n" else "\n"
    if key is None:
        if pointer:
            raise LayoutUnsupported(pointer)
        line_start = starts[int(node.start_mark.line)]
        if not (text[line_start:node.start_mark.index] + text[node.end_mark.index:at]).strip():
            return [Edit(line_start, at, block)]  # the line held only the value: the block takes its place
        return [Edit(node.start_mark.index, node.end_mark.index, ""), Edit(at, at, lead + block)]
    removal = keep_comment_column(text, Edit(node.start_mark.index, node.end_mark.index, ""))
    start = removal.start
    while start > 0 and text[start - 1] == " ":  # "key: null" becomes "key:", not "key: "
        start -= 1
    kept = removal.replacement + " " * (removal.start - start) if removal.replacement else ""
    return [Edit(start, removal.end, kept), Edit(at, at, lead + block)]
