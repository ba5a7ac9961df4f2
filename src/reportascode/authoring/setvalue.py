"""``rac set FILE POINTER VALUE``: a scripted edit of one value.

VALUE is read by the loader's rules (``610`` a number, ``8460.50`` a decimal kept to its digits, ``"33"`` or a
plain text a string, ``null``, ``true``, a flow list ``[]``). When the schema wants text there and VALUE reads as
something else (``33`` for a province code), it is taken as the text it is. The new value is checked against the
schema for that pointer before anything is written: a value the schema rejects is refused with the schema's own
message. The placeholder ``待填`` is always accepted (it puts a value back to "to fill").

Only the value's own characters change: the span the parser reports for it is replaced, so comments, quoting of
other values and alignment stay byte for byte (an end-of-line comment keeps its column). A missing key is added
as the last entry of its (block) mapping. The result is re-read before it is written, atomically.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from reportascode.authoring.schema_nav import SchemaNavigator
from reportascode.authoring.yamltext import (
    Edit,
    LayoutUnsupported,
    apply_edits,
    comment_tokens,
    compose,
    find_node,
    first_difference,
    insert_key_edit,
    is_scalar,
    render_scalar,
    render_string,
    same_data,
    strip_bom,
    value_edits,
)
from reportascode.model.findings import Finding
from reportascode.model.loader import Document, load_text, parent_pointer, resolve_pointer, split_pointer
from reportascode.model.schemas import SchemaStore
from reportascode.validate.placeholders import is_placeholder


class SetRefused(Exception):
    """The edit was not made. ``exit_code`` 1: the value breaks the schema; 2: a usage problem."""

    def __init__(self, key: str, exit_code: int = 2, findings: list[Finding] | None = None, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.exit_code = exit_code
        self.findings = findings or []
        self.message_args = args


@dataclass(frozen=True)
class SetResult:
    text: str
    value: Any
    rendered: str
    line: int
    column: int
    added: bool


def set_value(text: str, name: str, pointer: str, value_text: str, store: SchemaStore, version: str,
              path: str = "") -> SetResult:
    """The file's new text with the value at ``pointer`` replaced by ``value_text``."""
    body, bom = strip_bom(text)
    before = load_text(body, path or name)
    if not before.ok:
        problem = next(p for p in before.problems if p.fatal)
        raise SetRefused("set.unreadable", 1, line=problem.line, column=problem.column, rule=problem.rule)
    if "\n" in value_text.strip() or "\r" in value_text.strip():
        raise SetRefused("set.multiline_value")
    exists, parent_ok = _locate(before.data, pointer)
    if not exists and not parent_ok:
        raise SetRefused("set.no_such_pointer", pointer=pointer)
    navigator = SchemaNavigator(store, version)
    value = _parse_value(value_text)
    chosen, findings = _choose(before.data, name, pointer, value, value_text, navigator, store, version, path)
    if findings:
        raise SetRefused("set.schema_rejects", 1, findings=findings, pointer=pointer)
    root = compose(body)
    node = find_node(root, pointer)[0] if exists else None
    style = node.style if node is not None and is_scalar(node) and node.style in ('"', "'") else None
    rendered = _render(chosen, value_text, style, navigator.is_date(name, pointer))
    try:
        if exists:
            edits = value_edits(body, root, pointer, rendered)
        else:
            edits = [insert_key_edit(body, root, parent_pointer(pointer), split_pointer(pointer)[-1], rendered)]
    except (LayoutUnsupported, KeyError) as exc:
        raise SetRefused("set.layout", pointer=pointer) from exc
    new_body = apply_edits(body, edits)
    _verify(before.data, pointer, chosen, body, new_body, edits)
    after = load_text(new_body, path or name)
    line, column = after.value_position(pointer)
    return SetResult(bom + new_body, chosen, rendered, line, column, not exists)


def _locate(data: Any, pointer: str) -> tuple[bool, bool]:
    """(the value exists, its parent is a mapping that could take it as a new key)."""
    try:
        resolve_pointer(data, pointer)
        return True, True
    except (KeyError, IndexError, ValueError, TypeError):
        pass
    if not pointer:
        return False, False
    try:
        parent = resolve_pointer(data, parent_pointer(pointer))
    except (KeyError, IndexError, ValueError, TypeError):
        return False, False
    return False, isinstance(parent, dict)


def _parse_value(value_text: str) -> Any:
    doc = load_text(value_text.strip(), "<VALUE>")
    if not doc.ok:
        problem = next(p for p in doc.problems if p.fatal)
        raise SetRefused("set.bad_value", value=value_text, rule=problem.rule)
    return doc.data


def _choose(data: Any, name: str, pointer: str, value: Any, value_text: str, navigator: SchemaNavigator,
            store: SchemaStore, version: str, path: str) -> tuple[Any, list[Finding]]:
    """The value as read, or else as the text it is when the schema wants text there; with the schema's
    findings for the last candidate when none fits (the text reading, where the schema wants text: one finding
    per value, so "99" for a province code is told it is not a code rather than that it is a number)."""
    candidates = [value]
    if not isinstance(value, str) and "string" in navigator.types(name, pointer):
        candidates.append(value_text.strip())
    last_findings: list[Finding] = []
    for candidate in candidates:
        if is_placeholder(candidate):
            return candidate, []
        findings = _schema_findings(data, name, pointer, candidate, store, version, path)
        if not findings:
            return candidate, []
        last_findings = findings
    return value, last_findings


def _schema_findings(data: Any, name: str, pointer: str, value: Any, store: SchemaStore, version: str,
                     path: str) -> list[Finding]:
    from reportascode.validate.schema_findings import iter_schema_findings

    changed = _with_value(data, pointer, value)
    doc = Document(path=path or name, data=changed)
    return [f for f in iter_schema_findings(doc, name, version, store, "")
            if f.pointer == pointer or f.pointer.startswith(pointer + "/") or not pointer]


def _with_value(data: Any, pointer: str, value: Any) -> Any:
    tokens = split_pointer(pointer)
    if not tokens:
        return value
    result = copy.deepcopy(data)
    parent = resolve_pointer(result, parent_pointer(pointer))
    if isinstance(parent, list):
        parent[int(tokens[-1])] = value
    else:
        parent[tokens[-1]] = value
    return result


def _render(value: Any, value_text: str, style: str | None, date_field: bool) -> str:
    if isinstance(value, str):
        return render_string(value, style, date_field)
    if isinstance(value, (list, dict)):
        return value_text.strip()  # a flow collection, exactly as given (it was read by the loader)
    return render_scalar(value, value_text)


def _verify(data: Any, pointer: str, value: Any, old: str, new: str, edits: list[Edit]) -> None:
    after = load_text(new, "<edited>")
    expected = _with_value(data, pointer, value)
    if not after.ok or not same_data(expected, after.data):
        where = first_difference(expected, after.data) if after.ok else pointer
        raise SetRefused("set.would_change_other", 3, pointer=where or pointer)
    lost = comment_tokens(old) - comment_tokens(new)
    replaced = "".join(old[e.start:e.end] for e in edits)
    for comment in lost.elements():
        if comment not in replaced:
            raise SetRefused("set.would_lose_comment", 3, comment=comment)
