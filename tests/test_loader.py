"""The YAML loader: one rule for scalars, positions for every key and value, hostile input bounded."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportascode.model.loader import MAX_NODES, load_bytes, resolve_plain

PARSERS = ["ruamel", "libyaml"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no", "no"),
        ("on", "on"),
        ("yes", "yes"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("0755", "0755"),
        ("010020", "010020"),
        ("0", 0),
        ("-12", -12),
        ("610", 610),
        ("8460.50", Decimal("8460.50")),
        ("0.148", Decimal("0.148")),
        ("1e3", Decimal("1e3")),
        ("2024-03-05", "2024-03-05"),
        ("12:30", "12:30"),
        (".inf", ".inf"),
        ("0x1F", "0x1F"),
    ],
)
def test_plain_scalars_resolve_by_one_rule(text: str, expected: object) -> None:
    value = resolve_plain(text)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize("parser", PARSERS)
def test_positions_of_keys_and_values(parser: str) -> None:
    doc = load_bytes(b"seats:\n  total: 610\n  human: 520\nlist:\n  - a: 1\n    b: [x, y]\n", "f.yaml", parser)
    assert doc.ok
    assert doc.data == {"seats": {"total": 610, "human": 520}, "list": [{"a": 1, "b": ["x", "y"]}]}
    assert doc.key_positions["/seats/total"] == (2, 3)
    assert doc.value_positions["/seats/total"] == (2, 10)
    assert doc.value_positions["/list/0/b/1"] == (6, 12)
    assert doc.value_position("/seats/missing") == (1, 1) or doc.value_position("/seats/missing") == (2, 3)
    assert doc.container_position("/seats") == (1, 1)


@pytest.mark.parametrize("parser", PARSERS)
def test_quoted_scalars_stay_strings(parser: str) -> None:
    doc = load_bytes(b"a: '33'\nb: \"0.10\"\nc: |\n  text\n", "f.yaml", parser)
    assert doc.data == {"a": "33", "b": "0.10", "c": "text\n"}


@pytest.mark.parametrize(
    ("raw", "rule", "line", "column"),
    [
        (b"a: 1\nb: 2\na: 3\n", "LOAD-DUPLICATE-KEY", 3, 1),
        (b"a: [1, 2\n", "LOAD-SYNTAX", 2, 1),
        (b"a:\n\tb: 1\n", "LOAD-TAB", 2, 1),
        (b"a:\tb\n", "LOAD-TAB", 1, 3),
        (b"name: \xd0\xc7\xc0\xbd\n", "LOAD-ENCODING", 1, 7),
        ("a: 1\n".encode("utf-16"), "LOAD-ENCODING", 1, 1),
        (b"a: &x {b: *x}\n", "LOAD-ALIAS", 1, 4),
        (b"a: !python/object x\n", "LOAD-TAG", 1, 4),
        (b"a: " + b"[" * 200 + b"]" * 200 + b"\n", "LOAD-DEPTH", 1, 68),
        (b"a: 1\n---\nb: 2\n", "LOAD-SYNTAX", 2, 1),
    ],
)
@pytest.mark.parametrize("parser", PARSERS)
def test_bad_input_is_a_positioned_problem(parser: str, raw: bytes, rule: str, line: int, column: int) -> None:
    doc = load_bytes(raw, "f.yaml", parser)
    assert [(p.rule, p.line, p.column) for p in doc.problems][:1] == [(rule, line, column)]


def test_gbk_file_is_named_as_such() -> None:
    doc = load_bytes("公司名称: 星澜联络科技有限公司\n".encode("gbk"), "f.yaml")
    assert doc.problems[0].message_key == "load.gbk"


def test_bom_is_accepted() -> None:
    doc = load_bytes("\ufeffa: 1\n".encode(), "f.yaml")
    assert doc.ok and doc.data == {"a": 1}


@pytest.mark.parametrize("parser", PARSERS)
def test_alias_bomb_is_refused_fast(parser: str) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=False):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    started = time.perf_counter()
    doc = load_bytes(("\n".join(lines) + "\n").encode(), "bomb.yaml", parser)
    assert doc.problems[0].rule == "LOAD-ALIAS"
    assert doc.problems[0].args == (("limit", MAX_NODES),)
    assert doc.data is None
    assert time.perf_counter() - started < 30  # bounded, not a benchmark: a walk of 9**9 nodes never ends


def test_oversized_file_is_refused_before_parsing() -> None:
    doc = load_bytes(b"a: 1\n" * 10, "big.yaml", max_bytes=20)
    assert [(p.rule, p.line, p.column) for p in doc.problems] == [("LOAD-SIZE", 1, 1)]


@pytest.mark.parametrize("parser", PARSERS)
def test_empty_and_comment_only_files_are_empty(parser: str) -> None:
    for raw in (b"", b"# only a comment\n", b"---\n"):
        doc = load_bytes(raw, "e.yaml", parser)
        assert doc.ok and doc.empty and doc.data is None


@pytest.mark.parametrize("parser", PARSERS)
def test_folded_block_scalars_carry_no_fold_markers(parser: str) -> None:
    doc = load_bytes(b'a: >-\n  x > 0 and\n  y < 1\n\n  z\nb: >\n  p\n    q\n  r\nc: "bell\\a"\n', "f.yaml", parser)
    # a BEL written as an escape is a control character in a value: a finding (it would reach documents and
    # terminals), never silently dropped or kept
    assert doc.data == {"a": "x > 0 and y < 1\nz", "b": "p\n  q\nr\n", "c": ""}
    assert [(p.rule, p.line, p.column) for p in doc.problems] == [("LOAD-ENCODING", 10, 4)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", " ", "\t", "\n", "\r", "中", "\u3000", "\x00", "\x07", "\x1b", "\x7f",
                                         "\x84", "\x85", "\x9f", "\xa0", "\u2028", "\ud800", "\udfff", "\ufffd",
                                         "\ufffe", "\uffff", "\U0001f600"]), max_size=40))
def test_the_forbidden_character_is_found_as_the_pattern_finds_it(text: str) -> None:
    from reportascode.model.loader import _FORBIDDEN, forbidden_char

    expected, found = _FORBIDDEN.search(text), forbidden_char(text)
    if expected is None:
        assert found is None
    else:
        assert found is not None and (found.start(), found.group()) == (expected.start(), expected.group())
