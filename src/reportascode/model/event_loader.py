"""The loader's fast path: plain data and positions straight from libyaml's event stream, with no node tree.

libyaml's node tree of a 10,000-number ``numbers.yaml`` takes ~115 MB and walking it after composing doubles the
time. This builds, in one pass over the events, exactly what the loader's tree converter (``loader._Converter``)
builds from the tree: the same data, positions and problems, in the same order. What the tree handles specially
goes the tree's way (``UseTree``): anchors and aliases (expansion, cycles, the node bound), a second document (the
composer's error), the non-specific tag ``!``. A parser error propagates as it would from the composer.
tests/test_loader_events.py compares both paths over the fixture corpus and generated documents.
"""

from __future__ import annotations

from reportascode.model import loader
from reportascode.model.loader import (
    _KIND_TAGS,
    _STANDARD_TAGS,
    Document,
    Lines,
    LoadProblem,
    after_colon,
    explicit_str,
    forbidden_char,
    join_pointer,
    resolve_plain,
)
from reportascode.model.positions import MAPPING, SEQUENCE, PositionTree

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# the tags PyYAML's resolver gives the plain scalars "<<" and "=" (neither is a standard tag: LOAD-TAG)
_RESOLVED_SPECIAL = {"<<": "tag:yaml.org,2002:merge", "=": "tag:yaml.org,2002:value"}
_MEMO_CHARS = 40  # repeated short texts (keys, codes, dates) share one string object


class UseTree(Exception):
    """The document needs the node tree (anchors, aliases, several documents)."""


class _Abort(Exception):
    def __init__(self, problem: LoadProblem) -> None:
        super().__init__(problem.message_key)
        self.problem = problem


class _Frame:
    """A mapping or sequence being filled."""

    __slots__ = ("container", "depth", "is_mapping", "key", "key_end", "key_slot", "keys", "pointer", "slot")

    def __init__(self, container: Any, slot: int, pointer: str, depth: int, keys: list[str] | None) -> None:
        self.container = container
        self.keys = keys  # the position tree's list of this mapping's keys
        self.is_mapping = isinstance(container, dict)
        self.slot = slot
        self.pointer = pointer
        self.depth = depth
        self.key: str | None = None  # a mapping's key waiting for its value
        self.key_slot = -1
        self.key_end = (0, 0)

    def child_pointer(self) -> str:
        token = self.key if self.is_mapping and self.key is not None else len(self.container)
        return join_pointer(self.pointer, token)


def load_events(text: str, doc: Document) -> Document:
    """Fill ``doc`` from the event stream; raises :class:`UseTree` (``doc`` untouched) or the parser's error."""
    import yaml

    parser = yaml.CSafeLoader(text)
    try:
        built = _Builder(Document(path=doc.path), text).run(parser.get_event)
    finally:
        parser.dispose()
    doc.data, doc.empty = built.data, built.empty
    doc.key_positions, doc.value_positions = built.key_positions, built.value_positions
    doc.problems.extend(built.problems)
    return doc


class _Builder:
    def __init__(self, doc: Document, text: str) -> None:
        from yaml import events

        self.events = events
        self.doc = doc
        self.tree = PositionTree()
        doc.use_tree(self.tree)
        self.lines = Lines(text)
        self.visits = 0
        self.max_nodes, self.max_depth = loader.MAX_NODES, loader.MAX_DEPTH  # read at run time, as the tree's
        self.memo: dict[str, str] = {}

    def run(self, get: Any) -> Document:
        ev = self.events
        get()  # the stream's start
        event = get()
        if type(event) is ev.StreamEndEvent:
            self.doc.empty = True
            return self.doc
        if type(event) is not ev.DocumentStartEvent:
            raise UseTree
        try:
            self.doc.data = self.document(get)
        except _Abort as abort:
            self.doc.problems.append(abort.problem)
            self.doc.data = None
            self.drain(get)
            self.tree.finish()
            return self.doc
        if type(get()) is not ev.StreamEndEvent:
            raise UseTree  # another document: the composer's error, worded by the reference parser
        self.doc.empty = self.doc.data is None
        return self.doc

    def drain(self, get: Any) -> None:
        """After an abort the rest is still parsed: a later syntax error or an anchor decides as on the tree."""
        ev = self.events
        seen_end = False
        while True:
            event = get()
            kind = type(event)
            if kind is ev.StreamEndEvent:
                return
            if kind is ev.AliasEvent or getattr(event, "anchor", None) is not None or (
                    kind is ev.DocumentStartEvent and seen_end):
                raise UseTree
            seen_end = seen_end or kind is ev.DocumentEndEvent

    def document(self, get: Any) -> Any:
        ev = self.events
        scalar, map_start, seq_start = ev.ScalarEvent, ev.MappingStartEvent, ev.SequenceStartEvent
        map_end, seq_end, alias = ev.MappingEndEvent, ev.SequenceEndEvent, ev.AliasEvent
        stack: list[_Frame] = []
        root: Any = None
        skip = 0  # whole nodes still to skip at the current level (a refused key's value)
        nested = 0  # containers open inside a node being skipped
        while True:
            event = get()
            kind = type(event)
            if kind is alias or (kind is not map_end and kind is not seq_end
                                 and getattr(event, "anchor", None) is not None):
                raise UseTree
            if nested or skip:
                if kind is map_start or kind is seq_start:
                    nested += 1
                    continue
                if nested and (kind is map_end or kind is seq_end):
                    nested -= 1
                    if not nested:
                        skip -= 1
                    continue
                if kind is scalar:
                    if not nested:
                        skip -= 1
                    continue
            frame = stack[-1] if stack else None
            if kind is map_end or kind is seq_end:
                stack.pop()
                self.tree.close()
                if not stack:
                    break
                continue
            if frame is not None and frame.is_mapping and frame.key is None:
                skip = self.key(event, frame, kind is scalar)
                if skip and kind is not scalar:  # a complex key: skip it and its value
                    nested, skip = 1, 2
                continue
            if kind is scalar:
                value = self.scalar(event, frame)
                if frame is None:
                    root = value
                    break
                continue
            container: Any = {} if kind is map_start else []
            slot = self.node(event, frame, "mapping" if kind is map_start else "sequence")
            pointer = frame.child_pointer() if frame is not None else ""
            if frame is None:
                root = container
            elif frame.is_mapping:
                frame.container[frame.key] = container
                frame.key = None
            else:
                frame.container.append(container)
            keys = self.tree.open(slot, MAPPING if kind is map_start else SEQUENCE)
            stack.append(_Frame(container, slot, pointer, frame.depth + 1 if frame is not None else 0, keys))
        if type(get()) is not ev.DocumentEndEvent:
            raise UseTree
        return root

    def problem(self, rule: str, event: Any, pointer: str, message_key: str, **args: Any) -> None:
        mark = event.start_mark
        self.doc.problems.append(
            LoadProblem(rule, mark.line + 1, mark.column + 1, pointer, message_key, tuple(sorted(args.items()))))

    def key(self, event: Any, frame: _Frame, is_scalar: bool) -> int:
        """Take a mapping's key; returns how many nodes to skip (the value of a key that is refused)."""
        if not is_scalar:
            self.problem("LOAD-SYNTAX", event, frame.pointer, "load.complex_key")
            return 1
        key: str = event.value
        escaped = forbidden_char(key)
        if escaped is not None:
            self.problem("LOAD-ENCODING", event, frame.pointer, "load.escaped_control",
                         char=f"U+{ord(escaped.group()):04X}")
            return 1
        if key.startswith("\u3000"):  # an indentation typed with full-width spaces: not indentation at all
            self.problem("LOAD-SYNTAX", event, join_pointer(frame.pointer, key), "load.fullwidth_indent",
                         fix=key.lstrip("\u3000"))
        if key in frame.container:
            first = self.tree.key_at(self.tree.open_child(frame.slot, key))
            self.problem("LOAD-DUPLICATE-KEY", event, join_pointer(frame.pointer, key), "load.duplicate_key",
                         key=key, first_line=first[0] if first else 0)
            return 1
        key = self.memo.setdefault(key, key)
        mark = event.start_mark
        frame.key_slot = self.tree.add_packed(0, (mark.line + 1) << 32 | (mark.column + 1))
        frame.keys.append(key)  # type: ignore[union-attr]
        frame.key = key
        frame.key_end = (event.end_mark.line, event.end_mark.column)
        return 0

    def node(self, event: Any, frame: _Frame | None, kind: str) -> int:
        """Count, bound and place one node; its tag checked as the tree converter checks it."""
        self.visits += 1
        mark = event.start_mark
        if self.visits > self.max_nodes:
            raise _Abort(LoadProblem("LOAD-ALIAS", mark.line + 1, mark.column + 1, self.pointer(frame),
                                     "load.too_many_nodes", (("limit", self.max_nodes),)))
        depth = frame.depth + 1 if frame is not None else 0
        if depth > self.max_depth:
            raise _Abort(LoadProblem("LOAD-DEPTH", mark.line + 1, mark.column + 1, self.pointer(frame),
                                     "load.depth", (("limit", self.max_depth),)))
        packed = (mark.line + 1) << 32 | (mark.column + 1)
        if frame is not None and frame.is_mapping:
            slot = frame.key_slot
            self.tree.set_packed(slot, packed)
        else:
            slot = self.tree.add_packed(packed, 0)
        tag = event.tag
        if tag == "!":
            raise UseTree  # the non-specific tag: resolved by PyYAML's resolver, as on the tree
        if tag is None:
            if kind == "scalar" and event.implicit[0] and event.value in _RESOLVED_SPECIAL:
                self.problem("LOAD-TAG", event, self.pointer(frame), "load.tag", tag=_RESOLVED_SPECIAL[event.value])
        elif tag not in _STANDARD_TAGS and tag != "?":
            self.problem("LOAD-TAG", event, self.pointer(frame), "load.tag", tag=tag)
        elif _KIND_TAGS.get(tag, kind) != kind:  # ``!!map [1, 2]``: a tag that contradicts the node
            self.problem("LOAD-TAG", event, self.pointer(frame), "load.tag_kind", tag=tag)
        return slot

    @staticmethod
    def pointer(frame: _Frame | None) -> str:
        return frame.child_pointer() if frame is not None else ""

    def scalar(self, event: Any, frame: _Frame | None) -> Any:
        slot = self.node(event, frame, "scalar")
        text: str = event.value
        style = event.style
        if style in (None, ""):
            tag, end = event.tag, event.end_mark
            written_str = tag is not None and explicit_str(tag, text, end.line, end.column, self.lines)
            value: Any = text if written_str else resolve_plain(text)
        else:
            value = text.replace("\a", "") if style == ">" else text
            found = forbidden_char(value) if style == '"' else None
            if found is not None:  # written as an escape: "\x1b", "\ud800", "\0"
                char = found.group()
                self.problem("LOAD-ENCODING", event, self.pointer(frame), "load.escaped_control",
                             char=f"U+{ord(char):04X}")
                value = ""
        if type(value) is str and len(value) <= _MEMO_CHARS:
            value = self.memo.setdefault(value, value)
        if frame is None:
            return value
        if frame.is_mapping:
            frame.container[frame.key] = value
            frame.key = None
            if text == "" and style in (None, "") and event.start_mark.index == event.end_mark.index:
                empty_at = after_colon(*frame.key_end, self.lines)  # ``key:`` with nothing after it
                if empty_at is not None:
                    self.tree.set_value(slot, empty_at, replace=True)
        else:
            frame.container.append(value)
        return value
