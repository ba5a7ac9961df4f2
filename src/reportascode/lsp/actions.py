"""Code actions, each a text edit the user chooses to apply (the server itself never writes a file):

* quote a value another YAML reader would misread, or a number written where the schema wants text;
* replace full-width punctuation that breaks the YAML (``key：value``) or a value (``６１０``);
* add an entry for a warning to the report's ``explanations.yaml``, with the values it explains;
* insert the missing required keys of a mapping with 待填 placeholders.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reportascode.authoring.schema_nav import SchemaNavigator
from reportascode.authoring.yamltext import double_quoted, misread_elsewhere
from reportascode.lsp.completion import sibling_keys
from reportascode.lsp.textspan import token_end
from reportascode.lsp.yamlpath import place_at, shape
from reportascode.model.loader import resolve_plain

PLACEHOLDER = "待填"
_FULL_WIDTH_COLON = re.compile(r"^(?P<lead> *(?:- +)*)(?P<key>[^\s:：#\"'][^:：#]*?)：(?P<space> ?)")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class LineEdit:
    """Replace characters ``start``..``end`` of 0-based ``line`` (character indexes) by ``text``."""

    line: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Action:
    title_key: str
    args: tuple[tuple[str, object], ...]
    edits: tuple[LineEdit, ...]
    kind: str = "quickfix"


def _value_span(line: str) -> tuple[int, int] | None:
    here = shape(line)
    if here is None or here.key is None or here.value_column is None:
        return None
    return here.value_column, token_end(line, here.value_column)


def quote_actions(lines: list[str], first: int, last: int, file_name: str, navigator: SchemaNavigator
                  ) -> list[Action]:
    """Quote plain values on lines ``first``..``last`` that YAML would read as something other than meant."""
    found = []
    for number in range(first, min(last, len(lines) - 1) + 1):
        line = lines[number]
        span = _value_span(line)
        if span is None:
            continue
        raw = line[span[0]:span[1]]
        if not raw or raw[0] in "\"'[{|>&*!":
            continue
        pointer = place_at(lines, number, span[0]).pointer
        date_field = navigator.is_date(file_name, pointer)
        misread = misread_elsewhere(raw, date_field)
        wants_text = navigator.wants_string_only(file_name, pointer) and not isinstance(resolve_plain(raw), str)
        if misread or wants_text:
            found.append(Action("lsp.action.quote", (("value", raw),),
                                (LineEdit(number, span[0], span[1], double_quoted(raw)),)))
    return found


def full_width_actions(lines: list[str], first: int, last: int) -> list[Action]:
    """Replace a full-width colon after a key, and full-width digits or brackets in a value."""
    found = []
    for number in range(first, min(last, len(lines) - 1) + 1):
        line = lines[number]
        colon = _FULL_WIDTH_COLON.match(line)
        if colon is not None:
            at = colon.end("key")
            found.append(Action("lsp.action.full_width", (("text", "："),),
                                (LineEdit(number, at, colon.end(), ": "),)))
            continue
        span = _value_span(line)
        if span is None:
            continue
        raw = line[span[0]:span[1]]
        normal = unicodedata.normalize("NFKC", raw)
        if normal != raw and (not isinstance(resolve_plain(normal), str) or _DATE.match(normal)
                              or normal[:1] in "[{"):
            found.append(Action("lsp.action.full_width", (("text", raw),),
                                (LineEdit(number, span[0], span[1], normal),)))
    return found


def explanation_entry(rule: str, file_name: str, pointer: str, text: str, fingerprint: str) -> str:
    """The lines of a new explanations.yaml entry for one warning: its message (with the values) as a comment, and
    the fingerprint of those values (an entry without one clears nothing: EXPL-02)."""
    comment = " ".join(text.split())
    return (f"# {rule}: {comment}\n"
            f"- check: {rule}\n"
            f"  field: {file_name}.yaml#{pointer}\n"
            f"  fingerprint: \"{fingerprint}\"\n"
            f"  text_zh: {PLACEHOLDER}\n"
            f"  evidence: []\n")


def missing_key_actions(lines: list[str], line: int, file_name: str, navigator: SchemaNavigator) -> list[Action]:
    """Insert the required keys missing from the mapping at (or opened by) the cursor's line."""
    if line >= len(lines):
        return []
    here = shape(lines[line])
    place = place_at(lines, line, 0)
    if here is not None and here.key is not None and here.value_column is None:
        container, block_line = place.pointer, _first_child(lines, line)  # `seats:` opens the mapping
        child = shape(lines[block_line]) if block_line is not None else None
        column = child.key_column if child is not None else here.key_column + 2
    else:
        container, block_line = place.container, line
        column = here.key_column if here is not None else 0
    required: list[str] = []
    for candidate in navigator.at(file_name, container):
        required += [k for k in candidate.node.get("required") or [] if isinstance(k, str) and k not in required]
    present = sibling_keys(lines, block_line, column, include_own=True) if block_line is not None else set()
    missing = [key for key in required if key not in present]
    if not missing:
        return []
    after = _block_end(lines, block_line if block_line is not None else line, column)
    text = "".join(f"{' ' * column}{key}: {PLACEHOLDER}\n" for key in missing)
    return [Action("lsp.action.missing_keys", (("keys", ", ".join(missing)),
                                               ("pointer", container or "/")),
                   (LineEdit(after + 1, 0, 0, text),))]


def _first_child(lines: list[str], line: int) -> int | None:
    opener = shape(lines[line])
    for index in range(line + 1, len(lines)):
        child = shape(lines[index])
        if child is None:
            continue
        start = child.dash_columns[0] if child.dash_columns else child.key_column
        return index if opener is not None and start > opener.key_column else None
    return None


def _block_end(lines: list[str], line: int, column: int) -> int:
    """The last line of the block that the line at ``line`` (content at ``column``) belongs to."""
    end = line
    for index in range(line + 1, len(lines)):
        other = shape(lines[index])
        if other is None:
            continue
        start = other.dash_columns[0] if other.dash_columns else other.key_column
        if start < column or (start == column and other.dash_columns):
            break
        end = index
    return end

