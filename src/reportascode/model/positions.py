"""Where every key and value of one document stands, kept in flat arrays instead of a dict per pointer.

A 10,000-number ``numbers.yaml`` has ~180,000 values; a dict keyed by pointer strings held ~50 MB for them (the
pointer text, a tuple and two ints each). Here each node costs 20 bytes: its value and key positions packed into
two 64-bit slots and the end of its subtree, in document order (parents before children). A pointer is found by
walking the tree from the root along the document's own keys, so nothing is stored per pointer.

:class:`PositionView` reads like the old ``dict[str, tuple[int, int]]`` (``in``, ``[]``, ``get``, iteration in
document order, ``==`` with a dict): code that used ``doc.value_positions[pointer]`` keeps working.
"""

from __future__ import annotations

import binascii
import sys
from array import array
from collections.abc import Iterator, Mapping

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

SCALAR, MAPPING, SEQUENCE = 0, 1, 2
_SHIFT = 32
_MASK = (1 << _SHIFT) - 1
_WALK = 16  # a container with more children than this gets an index of them on first lookup


def _pack(position: tuple[int, int]) -> int:
    return (position[0] << _SHIFT) | position[1]


def _unpack(packed: int) -> tuple[int, int]:
    return (packed >> _SHIFT, packed & _MASK)


def _b64(numbers: array[int]) -> str:
    if sys.byteorder != "little":
        numbers = array(numbers.typecode, numbers)
        numbers.byteswap()
    # binascii, not base64: importing base64 costs every rac validate ~1 ms (it pulls struct and more)
    return binascii.b2a_base64(numbers.tobytes(), newline=False).decode("ascii")


def _strict_b64decode(text: str) -> bytes:
    """Base64 with nothing but its alphabet and padding (``base64.b64decode(text, validate=True)``)."""
    if sys.version_info >= (3, 11):
        return binascii.a2b_base64(text, strict_mode=True)
    import base64

    return base64.b64decode(text, validate=True)


def _unb64(typecode: str, text: Any) -> array[int]:
    if not isinstance(text, str):
        raise ValueError("not a position tree")
    raw = _strict_b64decode(text)
    numbers = array(typecode)
    if len(raw) % numbers.itemsize:
        raise ValueError("not a position tree")
    numbers.frombytes(raw)
    if sys.byteorder != "little":
        numbers.byteswap()
    return numbers


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


class PositionTree:
    """Positions of a document's nodes in document order; 0 in a slot means "none recorded"."""

    __slots__ = ("_children", "_end", "_key", "_keys", "_kind", "_open", "_ordinals", "_value")

    def __init__(self) -> None:
        self._value = array("Q")
        self._key = array("Q")
        self._end = array("I")  # index just after the node's subtree
        self._kind = bytearray()
        self._keys: dict[int, tuple[str, ...] | list[str]] = {}  # a mapping's keys, in the order of its children
        self._open: list[int] = []  # containers still being filled
        self._children: dict[int, array[int]] = {}  # built on demand for large containers
        self._ordinals: dict[int, dict[str, int]] = {}

    # -- building (in document order) ---------------------------------------------------------------------------

    def add(self, value: tuple[int, int] | None = None, key: tuple[int, int] | None = None,
            name: str | None = None) -> int:
        """A new node under the innermost open container (the root when none is open); ``name`` is its key
        when that container is a mapping."""
        index = len(self._value)
        self._value.append(_pack(value) if value else 0)
        self._key.append(_pack(key) if key else 0)
        self._end.append(index + 1)
        self._kind.append(SCALAR)
        if name is not None and self._open:
            keys = self._keys[self._open[-1]]
            assert isinstance(keys, list)
            keys.append(name)
        return index

    def add_packed(self, value: int, key: int) -> int:
        """:meth:`add` for the event loader's hot path: positions packed as ``line << 32 | column``."""
        index = len(self._value)
        self._value.append(value)
        self._key.append(key)
        self._end.append(index + 1)
        self._kind.append(SCALAR)
        return index

    def set_packed(self, index: int, value: int) -> None:
        if not self._value[index]:
            self._value[index] = value

    def set_value(self, index: int, value: tuple[int, int], replace: bool = False) -> None:
        if replace or not self._value[index]:
            self._value[index] = _pack(value)

    def value_at(self, index: int) -> tuple[int, int] | None:
        packed = self._value[index]
        return _unpack(packed) if packed else None

    def key_at(self, index: int) -> tuple[int, int] | None:
        packed = self._key[index]
        return _unpack(packed) if packed else None

    def open(self, index: int, kind: int) -> list[str] | None:
        """``index`` (the node just added) is a container whose children follow; a mapping's list of keys, to
        which the names of children added with :meth:`add_packed` are appended by the caller."""
        self._kind[index] = kind
        keys: list[str] | None = [] if kind == MAPPING else None
        if keys is not None:
            self._keys[index] = keys
        self._open.append(index)
        return keys

    def close(self) -> None:
        index = self._open.pop()
        self._end[index] = len(self._value)
        keys = self._keys.get(index)
        if isinstance(keys, list):
            self._keys[index] = tuple(keys)

    def open_child(self, index: int, name: str) -> int:
        """The child named ``name`` of the mapping ``index`` while it is still being filled (its end unknown)."""
        child = index + 1
        for _ in range(list(self._keys[index]).index(name)):
            child = self._end[child]
        return child

    def finish(self) -> None:
        """Close what an abort left open, so that the positions recorded so far can be read."""
        while self._open:
            self.close()

    # -- reading --------------------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PositionTree):
            return NotImplemented
        return (self._value == other._value and self._key == other._key and self._end == other._end
                and self._kind == other._kind and self._keys == other._keys)

    __hash__ = None  # type: ignore[assignment]

    def to_state(self) -> dict[str, Any]:
        """JSON-safe and compact (the validation cache keeps documents as JSON): arrays as little-endian base64."""
        return {"value": _b64(self._value), "key": _b64(self._key), "end": _b64(self._end),
                "kind": binascii.b2a_base64(bytes(self._kind), newline=False).decode("ascii"),
                "keys": [[index, list(keys)] for index, keys in self._keys.items()]}

    @classmethod
    def from_state(cls, state: Any) -> PositionTree:
        """The tree :meth:`to_state` wrote; ``ValueError`` for anything that is not exactly such a tree."""
        if not isinstance(state, dict):
            raise ValueError("not a position tree")
        tree = cls()
        tree._value, tree._key = _unb64("Q", state.get("value")), _unb64("Q", state.get("key"))
        tree._end = _unb64("I", state.get("end"))
        kind = state.get("kind")
        tree._kind = bytearray(_strict_b64decode(kind)) if isinstance(kind, str) else bytearray()
        rows = state.get("keys")
        if not isinstance(rows, list):
            raise ValueError("not a position tree")
        for row in rows:
            if not (isinstance(row, list) and len(row) == 2 and type(row[0]) is int and isinstance(row[1], list)
                    and all(isinstance(k, str) for k in row[1])):
                raise ValueError("not a position tree")
            tree._keys[row[0]] = tuple(row[1])
        tree._check()
        return tree

    def _check(self) -> None:
        """Every node's subtree within its parent's, kinds known, a mapping's keys as many as its children."""
        count = len(self._value)
        if not (len(self._key) == len(self._end) == len(self._kind) == count):
            raise ValueError("not a position tree")
        ends: list[int] = []
        children: dict[int, int] = {}
        parents: list[int] = []
        for index in range(count):
            while ends and index >= ends[-1]:
                ends.pop()
                parents.pop()
            end, kind = self._end[index], self._kind[index]
            if end <= index or (ends and end > ends[-1]) or end > count or kind > SEQUENCE or (
                    kind == SCALAR and end != index + 1) or (not ends and index):
                raise ValueError("not a position tree")
            if parents:
                children[parents[-1]] = children.get(parents[-1], 0) + 1
            if kind != SCALAR:
                ends.append(end)
                parents.append(index)
        mappings = {index for index in range(count) if self._kind[index] == MAPPING}
        if set(self._keys) != mappings or any(len(self._keys[i]) != children.get(i, 0) for i in mappings):
            raise ValueError("not a position tree")

    def _child(self, index: int, ordinal: int) -> int:
        if ordinal < _WALK:
            child, end = index + 1, self._end[index]
            for _ in range(ordinal):
                if child >= end:
                    return -1
                child = self._end[child]
            return child if child < end else -1
        children = self._children.get(index)
        if children is None:
            children = self._children[index] = array("I", self._walk_children(index))
        return children[ordinal] if ordinal < len(children) else -1

    def _walk_children(self, index: int) -> Iterator[int]:
        child, end = index + 1, self._end[index]
        while child < end:
            yield child
            child = self._end[child]

    def _ordinal(self, index: int, token: str) -> int:
        keys = self._keys[index]
        if len(keys) <= _WALK:
            try:
                return keys.index(token)
            except ValueError:
                return -1
        ordinals = self._ordinals.get(index)
        if ordinals is None:
            ordinals = self._ordinals[index] = {}
            for number, key in enumerate(keys):
                ordinals.setdefault(key, number)
        return ordinals.get(token, -1)

    def step(self, index: int, token: str) -> int:
        """The child of ``index`` named by one escaped pointer token, or -1."""
        kind = self._kind[index]
        if kind == MAPPING:
            name = _unescape(token) if "~" in token else token
            if "~" in token and _escape(name) != token:
                return -1  # "~2" is not how any key is written in a pointer
            ordinal = self._ordinal(index, name)
        elif kind == SEQUENCE:
            if not (token.isdigit() and token.isascii()) or (token[0] == "0" and token != "0"):
                return -1
            ordinal = int(token)
        else:
            return -1
        return self._child(index, ordinal) if ordinal >= 0 else -1

    def path(self, pointer: str) -> list[int]:
        """The nodes from the root along ``pointer``, as far as they exist."""
        if not self._value:
            return []
        nodes = [0]
        if pointer:
            for token in pointer.split("/")[1:]:
                child = self.step(nodes[-1], token)
                if child < 0:
                    break
                nodes.append(child)
        return nodes

    def node(self, pointer: str) -> int:
        if pointer and not pointer.startswith("/"):
            return -1
        nodes = self.path(pointer)
        depth = pointer.count("/") if pointer else 0
        return nodes[-1] if nodes and len(nodes) == depth + 1 else -1

    def pointers(self) -> Iterator[tuple[int, str]]:
        """Every node with its pointer, in document order."""
        if not self._value:
            return
        yield 0, ""
        stack: list[list[Any]] = []  # [end, pointer, keys or None, next ordinal]
        if self._kind[0] != SCALAR:
            stack.append([self._end[0], "", self._keys.get(0), 0])
        for index in range(1, len(self._value)):
            while stack and index >= stack[-1][0]:
                stack.pop()
            parent = stack[-1]
            keys, ordinal = parent[2], parent[3]
            parent[3] = ordinal + 1
            pointer = f"{parent[1]}/{_escape(keys[ordinal]) if keys is not None else ordinal}"
            yield index, pointer
            if self._kind[index] != SCALAR:
                stack.append([self._end[index], pointer, self._keys.get(index), 0])


class PositionView(Mapping[str, tuple[int, int]]):
    """The key or the value positions of a :class:`PositionTree`, read as ``{pointer: (line, column)}``."""

    __slots__ = ("_keys", "tree")

    def __init__(self, tree: PositionTree, keys: bool) -> None:
        self.tree = tree
        self._keys = keys

    def _packed(self) -> array[int]:
        return self.tree._key if self._keys else self.tree._value

    def at(self, index: int) -> tuple[int, int] | None:
        return self.tree.key_at(index) if self._keys else self.tree.value_at(index)

    def __getitem__(self, pointer: str) -> tuple[int, int]:
        index = self.tree.node(pointer) if isinstance(pointer, str) else -1
        found = self.at(index) if index >= 0 else None
        if found is None:
            raise KeyError(pointer)
        return found

    def __contains__(self, pointer: object) -> bool:
        if not isinstance(pointer, str):
            return False
        index = self.tree.node(pointer)
        return index >= 0 and bool(self._packed()[index])

    def __iter__(self) -> Iterator[str]:
        packed = self._packed()
        return (pointer for index, pointer in self.tree.pointers() if packed[index])

    def __len__(self) -> int:
        packed = self._packed()
        return len(packed) - packed.count(0)

    def __repr__(self) -> str:
        return repr(dict(self.items()))

    def nearest(self, pointer: str) -> tuple[int, int] | None:
        """The position of ``pointer`` or of its nearest ancestor that has one."""
        for index in reversed(self.tree.path(pointer)):
            found = self.at(index)
            if found is not None:
                return found
        return None
