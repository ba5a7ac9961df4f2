"""The text helpers of ``rac lsp``: where a value ends, where the cursor stands, and the code actions' edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportascode.authoring.schema_nav import SchemaNavigator
from reportascode.lsp.actions import full_width_actions, missing_key_actions, quote_actions
from reportascode.lsp.completion import suggestions
from reportascode.lsp.textspan import chars_from_utf16, token_end, utf16_units
from reportascode.lsp.yamlpath import place_at
from reportascode.model.schemas import SchemaStore

SAMPLE = Path(__file__).resolve().parent.parent / "reports" / "2024"


@pytest.fixture(scope="module")
def navigator() -> SchemaNavigator:
    return SchemaNavigator(SchemaStore(None), "1.0")


@pytest.mark.parametrize(("line", "start", "end"), [
    ("  total: 610", 9, 12),
    ("  total: 610     # comment", 9, 12),
    ('  - province: "33"  # 浙江', 14, 18),
    ("coverage: [\"33\", '32']  # x", 10, 22),
    ("  human: 520", 2, 7),  # a key: up to its colon
    ("text: 'it''s'", 6, 13),
    ("short", 10, 5),
])
def test_token_end(line: str, start: int, end: int) -> None:
    assert token_end(line, start) == end


def test_utf16_columns_count_astral_characters_twice() -> None:
    line = "名称: 𠀀x"
    assert utf16_units(line, 5) == 6
    assert chars_from_utf16(line, 6) == 5


def test_place_at_follows_keys_and_list_items() -> None:
    lines = (SAMPLE / "operations.yaml").read_text(encoding="utf-8").split("\n")
    assert place_at(lines, 4, 3).pointer == "/seats/total"
    second = next(i for i, line in enumerate(lines) if line.startswith('  - province: "32"'))
    assert place_at(lines, second + 1, 5).pointer == "/by_province/1/seats"
    assert place_at(lines, second, 20).on_value


def test_completion_keys_skip_those_written(navigator: SchemaNavigator) -> None:
    lines = ["seats:", "  total: 610", "  ", "peak_concurrent_calls: 1"]
    labels = [s.label for s in suggestions(lines, 2, 2, "operations", navigator, "zh", 2024)]
    assert labels[:3] == ["human", "ai", "ai_ratio_reported"]
    detail = next(s.detail for s in suggestions(lines, 2, 2, "operations", navigator, "zh", 2024)
                  if s.label == "human")
    assert "人工坐席数" in detail and "席" in detail


def test_completion_of_a_date_field_is_a_snippet(navigator: SchemaNavigator) -> None:
    found = suggestions(["submission_date: "], 0, 17, "meta", navigator, "en", 2024)
    assert found and found[-1].snippet and found[-1].insert.startswith("${1:2025}-")


def test_quote_action_for_a_number_where_text_is_wanted(navigator: SchemaNavigator) -> None:
    lines = ["registration_province: 33  # 浙江", "uscc: 91330106MA2K7Q3P10"]
    (action,) = quote_actions(lines, 0, 1, "company", navigator)
    (edit,) = action.edits
    assert (edit.line, edit.start, edit.end, edit.text) == (0, 23, 25, '"33"')


def test_quote_action_for_a_yaml11_trap(navigator: SchemaNavigator) -> None:
    (action,) = quote_actions(["  seal: yes"], 0, 0, "signatures", navigator)
    assert action.edits[0].text == '"yes"'


def test_full_width_colon_and_digits() -> None:
    colon, digits = full_width_actions(["total：610", "  human: ５２０  # 人工"], 0, 1)
    assert colon.edits[0].text == ": " and (colon.edits[0].start, colon.edits[0].end) == (5, 6)
    assert digits.edits[0].text == "520" and (digits.edits[0].start, digits.edits[0].end) == (9, 12)
    assert full_width_actions(["name: 浙江（杭州），呼叫中心"], 0, 0) == []  # text keeps its punctuation


def test_missing_keys_are_inserted_with_placeholders(navigator: SchemaNavigator) -> None:
    lines = ["seats:", "  total: 610", "  ai: 90", "peak_concurrent_calls: 1", ""]
    (action,) = missing_key_actions(lines, 0, "operations", navigator)
    (edit,) = action.edits
    assert (edit.line, edit.start, edit.end) == (3, 0, 0)
    assert edit.text == "  human: 待填\n  ai_ratio_reported: 待填\n"
    assert missing_key_actions(lines, 1, "operations", navigator)[0].edits == action.edits


def test_a_missing_extra_is_named_and_a_broken_rac_module_is_not_taken_for_one(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sys

    from tests.conftest import run_rac

    monkeypatch.delitem(sys.modules, "reportascode.lsp.server", raising=False)
    monkeypatch.setitem(sys.modules, "pygls", None)
    monkeypatch.setitem(sys.modules, "pygls.server", None)
    missing = run_rac("lsp", cwd=tmp_path)
    assert missing.code == 2 and "pip install" in missing.err, missing.err
    monkeypatch.setitem(sys.modules, "reportascode.lsp.server", None)  # as a rac module that fails to import
    broken = run_rac("lsp", cwd=tmp_path)
    assert broken.code == 3 and "pip install" not in broken.err, broken.err
