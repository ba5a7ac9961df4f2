"""Where a value written at a line and column ends, read from the text: the range a diagnostic underlines.

Findings carry where a value starts (1-based, in characters); an editor wants a start and an end. The end is found
on the text itself, the way YAML reads the token there: a quoted scalar to its closing quote, a flow collection to
its closing bracket, a key to its colon, a plain scalar to a comment or the end of the line.
"""

from __future__ import annotations

_CLOSING = {"[": "]", "{": "}"}


def token_end(line: str, start: int) -> int:
    """The 0-based end (exclusive) of the token starting at 0-based ``start`` of ``line``."""
    if start >= len(line):
        return len(line)
    first = line[start]
    if first in "\"'":
        return _quoted_end(line, start)
    if first in _CLOSING:
        return _flow_end(line, start)
    if first in "|>":  # a block scalar: its indicator is what the line shows
        return start + 1
    if first == "-" and line[start + 1:start + 2] in (" ", ""):
        return start + 1
    end = len(line)
    comment = line.find(" #", start)
    if comment >= 0:
        end = comment
    colon = line.find(": ", start, end)
    if colon >= 0 or line[start:end].rstrip().endswith(":"):  # a key: up to its colon
        end = colon if colon >= 0 else len(line[:end].rstrip()) - 1
    text_end = len(line[:end].rstrip())
    return max(text_end, start + 1)


def _quoted_end(line: str, start: int) -> int:
    quote = line[start]
    index = start + 1
    while index < len(line):
        char = line[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and line[index + 1:index + 2] == "'":  # '' is an escaped quote
                index += 2
                continue
            return index + 1
        index += 1
    return len(line.rstrip())


def _flow_end(line: str, start: int) -> int:
    depth = 0
    quote = ""
    for index in range(start, len(line)):
        char = line[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return index + 1
    return len(line.rstrip())


def utf16_units(line: str, chars: int) -> int:
    """How many UTF-16 code units the first ``chars`` characters of ``line`` take (LSP's default encoding)."""
    prefix = line[:chars]
    return len(prefix) + sum(1 for c in prefix if ord(c) > 0xFFFF) + max(0, chars - len(line))


def chars_from_utf16(line: str, units: int) -> int:
    """The character index of the UTF-16 offset ``units`` in ``line``."""
    count = 0
    for index, char in enumerate(line):
        if count >= units:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(line) + max(0, units - count)
