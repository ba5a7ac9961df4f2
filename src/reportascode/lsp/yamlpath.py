"""Which place of a report file the cursor is in, read from the indentation of the lines above it.

Hover and completion must work while the file is half-typed and does not parse, so the path is found from the
text alone: the keys and list dashes at smaller indentation above the cursor, as a block-style YAML file (the
only style ``rac fmt`` writes) nests them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportascode.model.loader import join_pointer

# optional list dashes, then an optional key and its colon
_LINE = re.compile(r"^(?P<indent> *)(?P<dashes>(?:- +)*)"
                   r"(?:(?P<key>[^\s#'\"\-{}\[\]][^:#]*?|\"[^\"]*\"|'[^']*'):(?= |$))?")


@dataclass(frozen=True)
class LineShape:
    dash_columns: tuple[int, ...]  # 0-based columns of the list dashes opening the line
    key: str | None  # the key written on the line, if any
    key_column: int  # where the key (or the content after the dashes) starts
    value_column: int | None  # where the value after the key's colon starts, if anything is written there


def shape(line: str) -> LineShape | None:
    """The nesting shape of one line; ``None`` for a blank or comment-only line."""
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        return None
    match = _LINE.match(line)
    assert match is not None  # every group is optional
    dashes: list[int] = []
    column = len(match.group("indent"))
    for part in re.findall(r"- +", match.group("dashes")):
        dashes.append(column)
        column += len(part)
    key = match.group("key")
    value_column = None
    if key is not None:
        key = key.strip()
        if key[:1] in "\"'":
            key = key[1:-1]
        after = match.end()
        rest = line[after:]
        value_start = after + len(rest) - len(rest.lstrip(" "))
        if value_start < len(line) and line[value_start] != "#":
            value_column = value_start
    return LineShape(tuple(dashes), key, column, value_column)


@dataclass(frozen=True)
class CursorPlace:
    container: str  # JSON pointer of the mapping (or list item) the cursor's line belongs to
    key: str | None  # the key on the cursor's line, if any
    on_value: bool  # the cursor stands after the key's colon

    @property
    def pointer(self) -> str:
        """The pointer of the key on the line, or of the container when the line has none."""
        return join_pointer(self.container, self.key) if self.key is not None else self.container


def place_at(lines: list[str], line_no: int, column: int) -> CursorPlace:
    """Where the cursor at 0-based ``line_no``/``column`` stands."""
    current = lines[line_no] if line_no < len(lines) else ""
    here = shape(current)
    dashes: tuple[int, ...] = ()
    key: str | None = None
    if here is None:  # a blank line: its indentation is the cursor's column
        need, on_value = column, False
    else:
        need, key, dashes = here.key_column, here.key, here.dash_columns
        on_value = here.key is not None and column > here.key_column + len(here.key)
    tokens: list[str] = []
    for dash in reversed(dashes):  # the line opens list items: count the items before it
        tokens.insert(0, str(_items_above(lines, line_no, dash)))
        need = dash
    index = line_no - 1
    while index >= 0 and need > 0:
        above = shape(lines[index])
        index -= 1
        if above is None:
            continue
        if above.key is not None and above.key_column < need and above.value_column is None:
            tokens.insert(0, above.key)
            need = above.key_column
        for dash in reversed(above.dash_columns):
            if dash < need:
                tokens.insert(0, str(_items_above(lines, index + 1, dash)))
                need = dash
    container = ""
    for token in tokens:
        container = join_pointer(container, token)
    return CursorPlace(container, key, on_value)


def _items_above(lines: list[str], line_no: int, dash: int) -> int:
    """How many list items at column ``dash`` open above ``line_no`` in the same list."""
    count = 0
    for index in range(line_no - 1, -1, -1):
        above = shape(lines[index])
        if above is None:
            continue
        if dash in above.dash_columns:
            count += 1
            continue
        first = above.dash_columns[0] if above.dash_columns else above.key_column
        if first < dash or (first == dash and not above.dash_columns):
            break
    return count
