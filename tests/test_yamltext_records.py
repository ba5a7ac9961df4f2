"""The YAML text editor's list records: inserted and removed as whole lines, every other byte kept."""

from __future__ import annotations

import pytest

from reportascode.authoring.yamltext import (
    LayoutUnsupported,
    apply_edits,
    compose,
    insert_item_edits,
    list_item_column,
    remove_item_edit,
    remove_key_edit,
    render_block_item,
    replace_with_block_edits,
)
from reportascode.model.loader import load_text

NESTED = """\
# top comment
by_province:                      # 分省
  - province: "33"                # 浙江
    seats: 300
  # comment above the second item
  - province: "32"
    seats: 140
tail: 1                           # 结尾
"""


def _render(pointer: str, value: object) -> str:
    if value is None:
        return "null"
    return f'"{value}"' if isinstance(value, str) and value.isdigit() else str(value)


def _apply(text: str, edits_of: object) -> str:
    return apply_edits(text, edits_of(compose(text)))  # type: ignore[operator]


def test_insert_after_an_item_keeps_the_comment_above_the_next_one() -> None:
    column = list_item_column(NESTED, compose(NESTED), "/by_province")
    block = render_block_item({"province": "51", "seats": 80}, column, _render)
    assert block == '  - province: "51"\n    seats: 80\n'
    after = _apply(NESTED, lambda root: insert_item_edits(NESTED, root, "/by_province", 1, block))
    assert after == NESTED.replace("    seats: 300\n", '    seats: 300\n  - province: "51"\n    seats: 80\n')
    assert [r["province"] for r in load_text(after, "x").data["by_province"]] == ["33", "51", "32"]


def test_insert_first_and_last() -> None:
    block = render_block_item({"province": "51", "seats": 80}, 2, _render)
    first = _apply(NESTED, lambda root: insert_item_edits(NESTED, root, "/by_province", 0, block))
    assert first.index('"51"') < first.index('"33"')
    last = _apply(NESTED, lambda root: insert_item_edits(NESTED, root, "/by_province", 2, block))
    assert last.endswith('    seats: 140\n  - province: "51"\n    seats: 80\ntail: 1 ' + " " * 26 + "# 结尾\n")


def test_insert_into_an_empty_flow_list_keeps_its_comment() -> None:
    text = "changes: []                       # 年内无变更\nnext: 2\n"
    block = render_block_item({"item": "name", "date": "2024-05-01"}, 2, _render)
    after = _apply(text, lambda root: insert_item_edits(text, root, "/changes", 0, block))
    assert after == "changes:                          # 年内无变更\n  - item: name\n    date: 2024-05-01\nnext: 2\n"
    root_list = "# 情况说明\n[]\n"
    after = _apply(root_list, lambda root: insert_item_edits(root_list, root, "", 0,
                                                             render_block_item({"check": "YOY-01"}, 0, _render)))
    assert after == "# 情况说明\n- check: YOY-01\n"


def test_remove_an_item_and_the_last_item() -> None:
    after = _apply(NESTED, lambda root: [remove_item_edit(NESTED, root, "/by_province", 0)])
    assert after == NESTED.replace('  - province: "33"                # 浙江\n    seats: 300\n', "")
    second = _apply(after, lambda root: [remove_item_edit(after, root, "/by_province", 0)])
    assert load_text(second, "x").data["by_province"] == []
    assert second.startswith("# top comment\nby_province: []                   # 分省\n")
    root_list = "# 分支机构\n- id: A\n  seats: 1\n"
    assert _apply(root_list, lambda root: [remove_item_edit(root_list, root, "", 0)]) == "# 分支机构\n[]\n"


def test_remove_a_key_and_replace_null_with_a_block() -> None:
    text = "a: 1\nb:                # 备注\n  c: 2\nd: null           # 无\n"
    assert _apply(text, lambda root: [remove_key_edit(text, root, "/b")]) == "a: 1\nd: null           # 无\n"
    after = _apply(text, lambda root: replace_with_block_edits(text, root, "/d", "  e: 3\n"))
    assert after == "a: 1\nb:                # 备注\n  c: 2\nd:                # 无\n  e: 3\n"
    assert load_text(after, "x").data["d"] == {"e": 3}


def test_layouts_it_does_not_edit() -> None:
    flow = "items: [{a: 1}]\n"
    with pytest.raises(LayoutUnsupported):
        insert_item_edits(flow, compose(flow), "/items", 1, "  - a: 2\n")
    with pytest.raises(LayoutUnsupported):
        remove_item_edit(flow, compose(flow), "/items", 0)
