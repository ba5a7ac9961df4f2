"""An import's changes to one YAML file, made with the surgical editor of ``rac set``
(:mod:`reportascode.authoring.yamltext`): each value's own characters are replaced, a record is inserted or removed
as whole lines, and every other byte (comments, quoting, alignment) stays. The result is read back and compared
with the expected data; a comment lost outside a removed record refuses the whole import.
"""

from __future__ import annotations

import copy
from typing import Any

from reportascode.authoring.schema_nav import SchemaNavigator
from reportascode.authoring.yamltext import (
    LayoutUnsupported,
    apply_edits,
    comment_tokens,
    compose,
    double_quoted,
    find_node,
    first_difference,
    insert_item_edits,
    insert_key_edit,
    is_scalar,
    list_item_column,
    remove_item_edit,
    remove_key_edit,
    render_block_item,
    render_scalar,
    render_string,
    replace_with_block_edits,
    same_data,
    strip_bom,
    value_edits,
)
from reportascode.model.keys import key_id, record_key
from reportascode.model.loader import join_pointer, load_text, parent_pointer, resolve_pointer, split_pointer
from reportascode.workbook.sheetlayout import MISSING
from reportascode.workbook.threeway import FilePlan


class EditRefused(Exception):
    """The change cannot be made by editing the text in place (``key`` says why); nothing is written."""

    def __init__(self, key: str, pointer: str, detail: str = "") -> None:
        super().__init__(key)
        self.key = key
        self.pointer = pointer
        self.detail = detail


def apply_plan(text: str, name: str, data: Any, plan: FilePlan, navigator: SchemaNavigator,
               key_fields: dict[str, tuple[str, ...]]) -> tuple[str, Any]:
    """The file's new text and its expected data. ``key_fields`` maps list pointers to their natural keys."""
    body, bom = strip_bom(text)
    crlf = "\r\n" in body and body.count("\r\n") == body.count("\n")
    if crlf:  # edited as LF, written back as the file had it
        body = body.replace("\r\n", "\n")
    expected = copy.deepcopy(data)
    editor = _Editor(body, name, navigator)
    for pointer, value in plan.sets:
        editor.set(pointer, value, expected)
    for list_pointer, index in sorted(plan.removals, key=lambda r: (r[0], -r[1])):
        editor.remove_item(list_pointer, index, expected)
    for list_pointer, after, record in plan.inserts:
        items = resolve_pointer(expected, list_pointer) if list_pointer else expected
        fields = key_fields.get(list_pointer, ())
        index = 0
        if after is not None:
            ids = [key_id(k) if (k := record_key(r, fields)) is not None else "" for r in items]
            index = ids.index(key_id(after)) + 1 if key_id(after) in ids else len(items)
        editor.insert_item(list_pointer, index, _ordered(record, items), expected)
    after_text = editor.text
    loaded = load_text(after_text, name)
    if not loaded.ok or not same_data(expected, loaded.data):
        where = first_difference(expected, loaded.data) if loaded.ok else ""
        raise EditRefused("workbook.apply.would_change_other", where or "")
    return bom + (after_text.replace("\n", "\r\n") if crlf else after_text), expected


def _ordered(record: dict[str, Any], siblings: list[Any]) -> dict[str, Any]:
    """The new record's keys in the order its siblings use (the schema's order for the rest)."""
    model = next((s for s in siblings if isinstance(s, dict)), {})
    rank = {k: i for i, k in enumerate(model)}
    keys = sorted(record, key=lambda k: (rank.get(k, len(rank)), list(record).index(k)))
    return {k: record[k] for k in keys}


class _Editor:
    def __init__(self, text: str, name: str, navigator: SchemaNavigator) -> None:
        self.text = text
        self.name = name
        self.navigator = navigator

    def _step(self, edits: list[Any], pointer: str, may_drop_comments: bool = False) -> None:
        new = apply_edits(self.text, edits)
        if not may_drop_comments:
            lost = comment_tokens(self.text) - comment_tokens(new)
            if lost:
                raise EditRefused("workbook.apply.would_lose_comment", pointer, next(iter(lost)))
        self.text = new

    def render(self, pointer: str, value: Any, style: str | None = None) -> str:
        """A value as one line of YAML: scalars as ``rac set`` writes them, lists as flow lists."""
        if isinstance(value, list):
            item_pattern = f"{pointer}/0"
            return "[" + ", ".join(self._flow_item(item_pattern, v, style) for v in value) + "]"
        if isinstance(value, dict):
            if not value:
                return "{}"
            raise LayoutUnsupported(pointer)
        if isinstance(value, str):
            return render_string(value, style, self.navigator.is_date(self.name, pointer))
        return render_scalar(value)

    def _flow_item(self, pointer: str, value: Any, style: str | None) -> str:
        """An item of a flow list: text with a flow indicator (``,[]{}``) is quoted, or it would split."""
        rendered = self.render(pointer, value, style)
        if isinstance(value, str) and rendered == value and any(c in value for c in ",[]{}"):
            return double_quoted(value)
        return rendered

    def block(self, pointer: str, value: dict[str, Any], column: int) -> str:
        lines: list[str] = []
        for key, item in value.items():
            child = join_pointer(pointer, key)
            if isinstance(item, dict) and item:
                lines.append(f"{' ' * column}{key}:\n{self.block(child, item, column + 2)}")
            else:
                lines.append(f"{' ' * column}{key}: {self.render(child, item)}\n")
        return "".join(lines)

    def set(self, pointer: str, value: Any, expected: Any) -> None:
        root = compose(self.text)
        parent = parent_pointer(pointer)
        key = split_pointer(pointer)[-1]
        container = resolve_pointer(expected, parent)
        exists = isinstance(container, dict) and key in container
        try:
            if value is MISSING:
                if exists:
                    self._step([remove_key_edit(self.text, root, pointer)], pointer, may_drop_comments=True)
                    del container[key]
                return
            if exists:
                node, _ = find_node(root, pointer)
                if isinstance(value, dict) and value:
                    column = self._child_column(root, pointer)
                    edits = replace_with_block_edits(self.text, root, pointer, self.block(pointer, value, column))
                else:
                    style = _style(node)
                    edits = value_edits(self.text, root, pointer, self.render(pointer, value, style))
            else:
                if isinstance(value, dict) and value:
                    column = self._child_column(root, pointer)
                    rendered = "\n" + self.block(pointer, value, column)
                else:
                    rendered = self.render(pointer, value)
                edits = [insert_key_edit(self.text, root, parent, key, rendered)]
            self._step(edits, pointer)
        except (LayoutUnsupported, KeyError) as exc:
            raise EditRefused("workbook.apply.layout", pointer) from exc
        container[key] = value

    def _child_column(self, root: Any, pointer: str) -> int:
        """Where the keys of a new nested mapping at ``pointer`` start: two columns right of its key."""
        parent, _ = find_node(root, parent_pointer(pointer))
        if parent.value:
            return int(parent.value[0][0].start_mark.column) + 2
        return 2

    def remove_item(self, list_pointer: str, index: int, expected: Any) -> None:
        root = compose(self.text)
        try:
            self._step([remove_item_edit(self.text, root, list_pointer, index)], list_pointer,
                       may_drop_comments=True)
        except (LayoutUnsupported, KeyError) as exc:
            raise EditRefused("workbook.apply.layout", join_pointer(list_pointer, index)) from exc
        items = resolve_pointer(expected, list_pointer)
        del items[index]

    def insert_item(self, list_pointer: str, index: int, record: dict[str, Any], expected: Any) -> None:
        root = compose(self.text)
        items = resolve_pointer(expected, list_pointer)
        item_pointer = join_pointer(list_pointer, index)
        try:
            column = list_item_column(self.text, root, list_pointer)
            rendered = render_block_item(record, column, lambda p, v: self.render(item_pointer + p, v))
            self._step(insert_item_edits(self.text, root, list_pointer, index, rendered), item_pointer)
        except (LayoutUnsupported, KeyError) as exc:
            raise EditRefused("workbook.apply.layout", item_pointer) from exc
        items.insert(index, record)


def _style(node: Any) -> str | None:
    return node.style if is_scalar(node) and node.style in ('"', "'") else None
