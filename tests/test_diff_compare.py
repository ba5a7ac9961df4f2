"""The comparison engine, table by table: two documents in, the exact changes out."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from reportascode.diff.compare import Change, beyond, compare, delta_and_percent
from reportascode.diff.labels import Labeler
from reportascode.model.keys import key_text, keys_of, pattern_of
from reportascode.model.schemas import SchemaStore
from reportascode.model.values import canonical, encode, same


def kinds(changes: list[Change]) -> list[tuple[str, str]]:
    return [(c.kind, c.pointer) for c in changes]


def branch(id_: str, seats: int = 10) -> dict[str, Any]:
    return {"id": id_, "seats": seats}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ({"x": 1}, {"x": 1}, []),
        ({"x": 500}, {"x": Decimal("500.0")}, []),  # the same number
        ({"x": 33}, {"x": "33"}, [("changed", "/x")]),  # a number is not a string
        ({"x": 1}, {"x": True}, [("changed", "/x")]),  # nor a boolean
        ({"x": None}, {"x": 0}, [("changed", "/x")]),
        ({"x": 1}, {"x": 1, "y": 2}, [("added", "/y")]),
        ({"x": 1, "y": 2}, {"x": 1}, [("removed", "/y")]),
        ({"a": {"b": {"c": 1}}}, {"a": {"b": {"c": 2}}}, [("changed", "/a/b/c")]),
        ({"a": {"b": 1}}, {"a": [1]}, [("changed", "/a")]),
        ({"a/b": 1, "m~n": 1}, {"a/b": 2, "m~n": 2}, [("changed", "/a~1b"), ("changed", "/m~0n")]),
        ({}, {}, []),
        ({"l": []}, {"l": [{}]}, [("added", "/l/0")]),
    ],
)
def test_mappings_and_scalars(a: Any, b: Any, expected: list[tuple[str, str]]) -> None:
    assert kinds(compare(a, b, "x.yaml")) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # inserting a record in the middle is one addition
        ([branch("A"), branch("B")], [branch("A"), branch("N"), branch("B")], [("added", "/1")]),
        # removing one is one removal, at its old place
        ([branch("A"), branch("B"), branch("C")], [branch("A"), branch("C")], [("removed", "/1")]),
        # reordering records is not a change
        ([branch("A"), branch("B")], [branch("B"), branch("A")], []),
        # a field of a moved record: pointer in b
        ([branch("A"), branch("B", 5)], [branch("N"), branch("A"), branch("B", 6)], [("added", "/0"),
                                                                                    ("changed", "/2/seats")]),
        # replaced: removal where it was, addition where it is
        ([branch("A"), branch("B")], [branch("A"), branch("C")], [("removed", "/1"), ("added", "/1")]),
    ],
)
def test_keyed_lists(a: list[Any], b: list[Any], expected: list[tuple[str, str]]) -> None:
    assert kinds(compare(a, b, "branches.yaml")) == expected


def test_moved_record_keeps_its_old_pointer() -> None:
    changes = compare([branch("A", 1)], [branch("N"), branch("A", 2)], "branches.yaml")
    assert changes[1] == Change("branches.yaml", "/1/seats", "changed", old=1, new=2, delta=1,
                                percent=Decimal("100.0"), old_pointer="/0/seats")


def test_duplicate_or_missing_keys_fall_back_to_content() -> None:
    a = [branch("A"), branch("A", 2)]
    b = [branch("A"), branch("X"), branch("A", 2)]
    assert kinds(compare(a, b, "branches.yaml")) == [("added", "/1")]
    assert keys_of(a, ("id",)) is None
    assert keys_of([{"seats": 1}], ("id",)) is None


def test_nested_keyed_lists_use_their_pattern() -> None:
    a = {"by_province": [{"province": "33", "seats": 300}, {"province": "32", "seats": 120}]}
    b = {"by_province": [{"province": "33", "seats": 300}, {"province": "34", "seats": 80},
                         {"province": "32", "seats": 140}]}
    assert kinds(compare(a, b, "operations.yaml")) == [("added", "/by_province/1"),
                                                       ("changed", "/by_province/2/seats")]
    composite_a = [{"check": "YOY-01", "field": "a", "text_zh": "x"}, {"check": "YOY-01", "field": "b", "text_zh": "y"}]
    composite_b = [{"check": "YOY-01", "field": "b", "text_zh": "y2"}]
    assert kinds(compare(composite_a, composite_b, "explanations.yaml")) == [("removed", "/0"),
                                                                          ("changed", "/0/text_zh")]


def test_plain_lists_match_by_content() -> None:
    assert kinds(compare({"c": ["33", "32"]}, {"c": ["33", "34", "32"]}, "licence.yaml")) == [("added", "/c/1")]
    assert kinds(compare({"c": ["33", "32"]}, {"c": ["33", "31"]}, "licence.yaml")) == [("changed", "/c/1")]
    assert kinds(compare({"c": [1, 2, 3]}, {"c": [3]}, "x.yaml")) == [("removed", "/c/0"), ("removed", "/c/1")]


def test_whole_documents() -> None:
    assert compare(None, {"a": 1}, "new.yaml") == [Change("new.yaml", "", "added", new={"a": 1})]
    assert compare([1], None, "old.yaml") == [Change("old.yaml", "", "removed", old=[1])]
    assert compare(None, None, "none.yaml") == []


@pytest.mark.parametrize(
    ("old", "new", "delta", "percent"),
    [
        (500, 610, 110, Decimal("22.0")),
        (40, 90, 50, Decimal("125.0")),
        (Decimal("0.080"), Decimal("0.148"), Decimal("0.068"), Decimal("85.0")),
        (Decimal("6418.75"), Decimal("7362.30"), Decimal("943.55"), Decimal("14.7")),
        (38, 41, 3, Decimal("7.9")),
        (8, 9, 1, Decimal("12.5")),  # half-up
        (0, 5, 5, None),
        (Decimal(-100), Decimal(-50), Decimal(50), Decimal("50.0")),  # against |old|: up is +
        (3, 3, 0, Decimal("0.0")),
    ],
)
def test_delta_and_percent_are_exact(old: Any, new: Any, delta: Any, percent: Decimal | None) -> None:
    got_delta, got_percent = delta_and_percent(old, new)
    assert got_delta == delta and type(got_delta) is type(delta)
    assert got_percent == percent
    if percent is not None:
        assert str(got_percent) == str(percent)


def test_beyond_threshold() -> None:
    def change(old: Any, new: Any) -> Change:
        return Change("f", "/x", "changed", old=old, new=new)

    assert beyond(change(40, 90), Decimal(30))
    assert not beyond(change(100, 130), Decimal(30))  # exactly 30% is not beyond
    assert beyond(change(100, 69), Decimal(30))
    assert beyond(change(0, 1), Decimal(30))
    assert not beyond(change("a", "b"), Decimal(30))
    assert not beyond(Change("f", "/x", "added", new=5), Decimal(0))


def test_values_encode_exactly() -> None:
    assert encode({"a": Decimal("0.148"), "b": Decimal("4650.00"), "c": "杭州", "d": [True, None]}) == \
        '{"a": 0.148, "b": 4650.00, "c": "杭州", "d": [true, null]}'
    assert encode(Decimal("1E+3")) == "1000"
    assert canonical({"b": 1, "a": Decimal("1.50")}) == canonical({"a": Decimal("1.5"), "b": Decimal("1.0")})
    assert same([1, {"a": "x"}], [Decimal(1), {"a": "x"}])
    assert not same([1], [True])
    assert key_text(("YOY-01", "operations.yaml#/seats/ai")) == "YOY-01, operations.yaml#/seats/ai"
    assert pattern_of("/by_province/3/seats") == "/by_province/*/seats"


@pytest.mark.parametrize(
    ("name", "pointer", "data", "zh", "en"),
    [
        ("operations", "/seats/total", {}, "坐席总数", "Total seats"),
        ("operations", "/seats/ai", {}, "坐席 · AI坐席数", "Seats · AI seats"),  # ambiguous alone
        ("operations", "/by_province/1/seats", {"by_province": [{}, {"province": "51"}]}, "分省记录[51] · 坐席数",
         "Province row[51] · Seats"),
        ("branches", "/0", [{"id": "SC-CD-01"}], "分支机构记录[SC-CD-01]", "Branch[SC-CD-01]"),
        ("licence", "/special_conditions/2", {}, "特别事项[2]", "Special conditions[2]"),
        ("signatures", "/commitment/date", {}, "年报承诺书 · 签署日期", "Commitment letter · Date"),
        ("operations", "", {}, "业务发展情况表（B24）", "Operations"),
        ("operations", "/not_in_schema", {}, "not_in_schema", "not_in_schema"),
        ("unknown", "/a/b", {}, "b", "b"),
    ],
)
def test_labels_come_from_schema_titles(name: str, pointer: str, data: Any, zh: str, en: str) -> None:
    labeler = Labeler(SchemaStore(), "1.0")
    assert labeler.label(name, pointer, data, "zh") == zh
    assert labeler.label(name, pointer, data, "en") == en


def test_schema_order_makes_change_order_independent_of_key_order() -> None:
    labeler = Labeler(SchemaStore(), "1.0")
    a = {"seats": {"ai": 1, "total": 1, "human": 1}}
    b1 = {"seats": {"ai": 2, "total": 2, "human": 2}}
    b2 = {"seats": {"human": 2, "total": 2, "ai": 2}}
    order = [c.pointer for c in compare(a, b1, "operations.yaml", order=lambda p: labeler.order("operations", p))]
    assert order == ["/seats/total", "/seats/human", "/seats/ai"]
    assert order == [c.pointer for c in compare(a, b2, "operations.yaml",
                                                order=lambda p: labeler.order("operations", p))]
