"""The loader's event-stream path (no node tree) gives what the node tree gives, and positions the reference
engine (ruamel.yaml) agrees with, for every fixture of the corpus and generated documents."""

from __future__ import annotations

import base64
import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportascode.model import loader
from reportascode.model.loader import Document, LoadProblem, decode, libyaml_available, load_bytes, load_text, prescan
from tests.test_hardening_fuzz import FUZZ, broken_document, document

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted([*ROOT.glob("tests/corpus/*.yaml"), *ROOT.glob("reports/*/*.yaml"), *ROOT.glob("rules/*.yaml"),
                   *ROOT.glob("*.yaml"), *ROOT.glob("src/reportascode/templates/*.yaml")])

pytestmark = pytest.mark.skipif(not libyaml_available(), reason="PyYAML without its C extension: no event path")


def _tree(text: str) -> Document:
    """What the libyaml node tree and its converter give (the path the event stream replaces)."""
    if prescan(text) is not None or loader.has_unusual_break(text):
        return load_text(text, "f.yaml", "libyaml")
    with loader._collector_paused():
        return loader._compose_and_convert(loader.compose_libyaml, text, "f.yaml", "libyaml", Document("f.yaml"))


def _outcome(doc: Document) -> tuple[object, ...]:
    return (doc.data, dict(doc.key_positions), dict(doc.value_positions), doc.problems, doc.empty)


def _same_as_tree(raw: bytes) -> None:
    text, _problem = decode(raw)
    if text is None:
        return
    events = load_bytes(raw, "f.yaml", "libyaml")
    tree = _tree(text)
    assert _outcome(events) == _outcome(tree)
    assert list(events.value_positions) == list(tree.value_positions)  # document order too
    assert list(events.key_positions) == list(tree.key_positions)


def test_the_corpus_is_there() -> None:
    assert len(FIXTURES) > 100


def test_report_files_never_build_a_node_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_tree(text: str) -> object:
        raise AssertionError("composed a node tree")

    monkeypatch.setattr(loader, "compose_libyaml", no_tree)
    for path in ROOT.glob("reports/*/*.yaml"):
        assert load_bytes(path.read_bytes(), "f.yaml", "libyaml").ok


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_events_and_the_node_tree_give_the_same_document(path: Path) -> None:
    _same_as_tree(path.read_bytes())


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_events_and_the_reference_engine_agree_on_positions(path: Path) -> None:
    raw = path.read_bytes()
    fast, reference = load_bytes(raw, "f.yaml", "libyaml"), load_bytes(raw, "f.yaml", "ruamel")
    if fast.ok and reference.ok:
        assert dict(fast.value_positions) == dict(reference.value_positions)
        assert dict(fast.key_positions) == dict(reference.key_positions)
        assert fast.data == reference.data
    assert [(p.rule, p.line, p.column) for p in fast.problems] == \
        [(p.rule, p.line, p.column) for p in reference.problems]


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n",  # a duplicate key: its value is skipped
    "a: {b: [1, {c: 2}]}\na: {d: 3}\nz: 4\n",  # a duplicate key whose value is a mapping
    "? [1, 2]\n: x\ny: 1\n",  # a complex key and its value are skipped
    "? {a: [1]}\n: {b: 2}\nc: 3\n",
    "a: <<\nb: =\n",  # the resolver's merge and value tags: LOAD-TAG as on the tree
    "a: !!map [1, 2]\nb: !!foo x\nc: !!str 38\nd: !!int '7'\n",
    "a: ! 38\n",  # the non-specific tag goes to the tree
    "a: &x 1\nb: *x\n",  # anchors and aliases go to the tree
    "a: 1\n---\nb: 2\n",  # a second document: the composer's error
    "\u3000a: 1\n",
    'a: "\\x1b"\n"\\x01": 2\n',
    "a:\nb:   \nc: {d: , e: }\n- x\n",  # a syntax error after values: the reference parser words it
    "- - - - 1\n",
    "---\n...\n",
    "",
    "# only a comment\n",
    "~\n",
    "plain root\n",
    "[1, [2, [3]]]\n",
    "a: |\n  text\n  more\nb: >\n  folded\n  text\n",
])
def test_events_and_the_tree_agree_on_edge_cases(text: str) -> None:
    _same_as_tree(text.encode())


@pytest.mark.parametrize("depth", [63, 64, 65, 70])
def test_events_and_the_tree_agree_at_the_depth_limit(depth: int) -> None:
    _same_as_tree(("[" * depth + "1" + "]" * depth + "\n").encode())
    _same_as_tree(("a: " + "{b: " * depth + "1" + "}" * depth + "\n").encode())


def test_events_and_the_tree_agree_past_the_node_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_NODES", 50)
    text = "".join(f"k{i}: [{i}, {{v: {i}}}]\n" for i in range(40))
    _same_as_tree(text.encode())
    _same_as_tree((text + "bad: [\n").encode())  # a syntax error after the limit: the parser's words win


@FUZZ
@given(text=document())
def test_generated_documents_load_the_same_from_events(text: str) -> None:
    _same_as_tree(text.encode("utf-8"))


@FUZZ
@given(raw=broken_document())
def test_broken_documents_load_the_same_from_events(raw: bytes) -> None:
    _same_as_tree(raw)


def test_positions_survive_pickling() -> None:
    """A cache may keep documents as pickles: the compact positions come back whole."""
    doc = load_bytes(b"a: {b: [1, 2]}\nc:\n", "f.yaml")
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc and dict(again.value_positions) == dict(doc.value_positions)
    assert again.value_position("/a/b/1") == (1, 12) and again.value_position("/c") == (2, 3)


def test_positions_read_like_a_dict() -> None:
    doc = load_bytes(b"a: {b: [1, 2]}\n\"x/y~z\": 3\nlist: [" + b", ".join(b"%d" % i for i in range(40)) + b"]\n",
                     "f.yaml")
    values = doc.value_positions
    assert values["/a/b/1"] == (1, 12) and "/a/b/2" not in values and "/a/b/01" not in values
    assert values["/x~1y~0z"] == (2, 10) and "/x~1y~2z" not in values and "/x/y~z" not in values
    assert values["/list/39"] == values.get("/list/39") and "/list/40" not in values
    assert len(values) == len(list(values)) == 1 + 4 + 1 + 1 + 40
    assert doc.key_positions["/a"] == (1, 1) and "/a/b/1" not in doc.key_positions
    assert doc.value_position("/a/missing/deeper") == (1, 4)
    assert doc.container_position("/a/b/7") == (1, 5)
    with pytest.raises(KeyError):
        values["/nothing"]


def _prescan_before(text: str) -> LoadProblem | None:
    """prescan as it was before it looked only at the characters that matter (the reference for the test below)."""
    from reportascode.model.loader import _COMPACT_NESTING, _TAB_AFTER_KEY, MAX_DEPTH, MAX_LINE_CHARS

    flow_depth = 0
    in_single = in_double = False
    scan_flow = text.count("[") + text.count("{") > MAX_DEPTH
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if stripped.startswith("\t") and stripped.strip():
            return LoadProblem("LOAD-TAB", number, indent + 1, "", "load.tab_indent")
        if _TAB_AFTER_KEY.match(line):
            return LoadProblem("LOAD-TAB", number, line.index("\t") + 1, "", "load.tab_after_key")
        compact = _COMPACT_NESTING.match(stripped)
        depth_column = indent + (len(compact.group()) if compact else 0)
        if depth_column > 4 * MAX_DEPTH:
            column = min(depth_column, 4 * MAX_DEPTH + 1)
            return LoadProblem("LOAD-DEPTH", number, column, "", "load.depth", (("limit", MAX_DEPTH),))
        for column, char in enumerate(line[:MAX_LINE_CHARS] if scan_flow else "", start=1):
            if in_double:
                in_double = char != '"'
            elif in_single:
                in_single = char != "'"
            elif char == "#" and (column == 1 or line[column - 2] in " \t"):
                break
            elif char == '"':
                in_double = True
            elif char == "'" and (column == 1 or line[column - 2] in " [{,:"):
                in_single = True
            elif char in "[{":
                flow_depth += 1
                if flow_depth > MAX_DEPTH:
                    return LoadProblem("LOAD-DEPTH", number, column, "", "load.depth", (("limit", MAX_DEPTH),))
            elif char in "]}":
                flow_depth = max(0, flow_depth - 1)
        if len(line) > MAX_LINE_CHARS:
            return LoadProblem("LOAD-SIZE", number, MAX_LINE_CHARS + 1, "", "load.line_too_long",
                               (("length", len(line)), ("limit", MAX_LINE_CHARS)))
    return None


_PIECES = st.sampled_from(["[", "]", "{", "}", "'", '"', "#", " #", "\n", "\t", "a", " ", ": ", "- ", ",",
                           "[" * 30, "{" * 40, " " * 130, "- " * 70, "x" * 300])


@settings(FUZZ, max_examples=400)
@given(pieces=st.lists(_PIECES, max_size=60))
def test_prescan_finds_what_it_found_before(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert prescan(text) == _prescan_before(text)


def test_the_compact_state_reads_back_and_refuses_what_it_did_not_write() -> None:
    """The validation cache keeps the position tree as it is: it reads back equal, and anything else is a
    ValueError (the cache then ignores the entry)."""
    from reportascode.model.positions import PositionTree

    doc = load_bytes(b"a: {b: [1, {c: 2}]}\nd:\ne: [x]\n", "f.yaml")
    tree = doc.positions
    assert tree is not None
    state = tree.to_state()
    again = PositionTree.from_state(json.loads(json.dumps(state)))
    assert again == tree
    for key, bad in [("end", "AAAA"), ("kind", "AQ=="), ("keys", [[0, ["a"]]]), ("keys", [[5, ["x"]]]),
                     ("value", "not base64!"), ("end", 3), ("keys", "a")]:
        with pytest.raises(ValueError):
            PositionTree.from_state({**state, key: bad})
    end = base64.b64decode(state["end"])
    for swapped in (end[4:8] + end[:4] + end[8:], end[:-4] + b"\xff\xff\x00\x00"):
        with pytest.raises(ValueError):
            PositionTree.from_state({**state, "end": base64.b64encode(swapped).decode()})


def test_a_document_built_by_hand_keeps_plain_dicts() -> None:
    doc = Document("f.yaml", data={"a": 1}, key_positions={"/a": (1, 1)}, value_positions={"": (1, 1), "/a": (1, 4)})
    assert doc.positions is None and doc.value_position("/a/b") == (1, 4) and doc.container_position("/a") == (1, 1)
    assert doc == load_bytes(b"a: 1\n", "f.yaml")
