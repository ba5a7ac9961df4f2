"""The comparison engine: two plain-data documents in, a list of field-level :class:`Change` records out.

A pure function of data: no files, no git, no schemas. Mappings are compared key by key; lists whose records have
a natural key (:mod:`reportascode.model.keys`) are matched by that key, other lists by content (so an insertion
in the middle is one addition); scalars are compared as data, so ``500`` and ``500.0`` are equal while ``33`` and
``"33"`` are not. Numbers get an exact delta and a percentage.

Pointers are RFC 6901. ``pointer`` is where the value stands in the new document (``b``); for a removal, where it
stood in the old one (``a``). When a matched record moved, ``old_pointer`` gives its place in ``a``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from pathlib import PurePosixPath
from typing import Any, Literal

from reportascode.model.keys import key_fields, key_id, keys_of
from reportascode.model.loader import join_pointer
from reportascode.model.values import Number, canonical, is_number, kind_of, same

ChangeKind = Literal["added", "removed", "changed"]
KINDS: tuple[ChangeKind, ...] = ("added", "removed", "changed")

# pattern (``/seats``, ``/by_province/*``) -> rank of each known key; unknown keys sort after, by name
KeyOrder = Callable[[str], dict[str, int]]

_ONE_PLACE = Decimal("0.1")


@dataclass(frozen=True)
class Change:
    """One field-level difference between two versions of a file."""

    file: str
    pointer: str
    kind: ChangeKind
    old: Any = None
    new: Any = None
    delta: Number | None = None
    percent: Decimal | None = None
    label_zh: str = ""
    label_en: str = ""
    old_pointer: str | None = None
    marked: bool = False

    def label(self, lang: str) -> str:
        from reportascode.messages import Bilingual

        return Bilingual(self.label_zh, self.label_en).text(lang) or self.pointer or self.file


def delta_and_percent(old: Number, new: Number) -> tuple[Number, Decimal | None]:
    """``new - old``, exactly; and ``delta / |old| × 100`` rounded half-up to one place (``None`` when old is 0)."""
    delta: Number = new - old
    if old == 0:
        return delta, None
    with localcontext() as context:
        context.prec = 60
        percent = Decimal(delta) * 100 / abs(Decimal(old))
        return delta, percent.quantize(_ONE_PLACE, rounding=ROUND_HALF_UP)


def beyond(change: Change, threshold: Decimal) -> bool:
    """Whether a numeric change moves by more than ``threshold`` percent (any move away from 0 counts)."""
    if change.kind != "changed" or not is_number(change.old) or not is_number(change.new):
        return False
    if change.old == 0:
        return bool(change.new != 0)
    return bool(abs(Decimal(change.new) - Decimal(change.old)) * 100 > threshold * abs(Decimal(change.old)))


def compare(a: Any, b: Any, file: str = "", name: str | None = None, order: KeyOrder | None = None) -> list[Change]:
    """The changes that turn document ``a`` into document ``b``.

    ``file`` is copied into each change; ``name`` (default: the file's stem, e.g. ``branches``) selects the
    natural keys of its lists; ``order`` gives a canonical key order (default: ``b``'s order, then keys only
    in ``a``). ``None`` stands for a missing document: a whole-file addition or removal at pointer ``""``.
    """
    walker = _Walker(file, name if name is not None else PurePosixPath(file).stem, order)
    if a is None and b is None:
        return []
    if a is None:
        walker.out.append(Change(file, "", "added", new=b))
    elif b is None:
        walker.out.append(Change(file, "", "removed", old=a))
    else:
        walker.walk(a, b, "", "", "")
    return walker.out


class _Walker:
    def __init__(self, file: str, name: str, order: KeyOrder | None) -> None:
        self.file = file
        self.name = name
        self.order = order
        self.out: list[Change] = []

    def added(self, pointer: str, value: Any) -> None:
        self.out.append(Change(self.file, pointer, "added", new=value))

    def removed(self, pointer: str, value: Any) -> None:
        self.out.append(Change(self.file, pointer, "removed", old=value))

    def walk(self, a: Any, b: Any, ptr_a: str, ptr_b: str, pattern: str) -> None:
        # one object is the same data (loaded numbers are finite: no NaN unequal to itself); history shares the
        # unchanged sections of consecutive versions, so this skips them whole
        if a is b:
            return
        if type(a) is dict and type(b) is dict:  # key by key (equal mappings add nothing), not compared twice
            self.mapping(a, b, ptr_a, ptr_b, pattern)
            return
        if same(a, b):
            return
        kind_a, kind_b = kind_of(a), kind_of(b)
        if kind_a == kind_b == "object":
            self.mapping(a, b, ptr_a, ptr_b, pattern)
        elif kind_a == kind_b == "array":
            self.sequence(a, b, ptr_a, ptr_b, pattern)
        else:
            delta: Number | None = None
            percent: Decimal | None = None
            if kind_a == kind_b == "number":
                delta, percent = delta_and_percent(a, b)
            moved = ptr_a if ptr_a != ptr_b else None
            self.out.append(Change(self.file, ptr_b, "changed", old=a, new=b, delta=delta, percent=percent,
                                   old_pointer=moved))

    def mapping(self, a: dict[str, Any], b: dict[str, Any], ptr_a: str, ptr_b: str, pattern: str) -> None:
        keys = list(b) + [k for k in a if k not in b]
        if self.order is not None:
            rank = self.order(pattern)
            keys.sort(key=lambda k: (0, rank[k], "") if k in rank else (1, 0, k))
        for key in keys:
            child = join_pointer(pattern, key)
            if key not in a:
                self.added(join_pointer(ptr_b, key), b[key])
            elif key not in b:
                self.removed(join_pointer(ptr_a, key), a[key])
            else:
                self.walk(a[key], b[key], join_pointer(ptr_a, key), join_pointer(ptr_b, key), child)

    def sequence(self, a: list[Any], b: list[Any], ptr_a: str, ptr_b: str, pattern: str) -> None:
        item_pattern = f"{pattern}/*"
        fields = key_fields(self.name, pattern)
        keys_a = keys_of(a, fields) if fields else None
        keys_b = keys_of(b, fields) if fields else None
        if keys_a is not None and keys_b is not None:
            self.keyed(a, b, [key_id(k) for k in keys_a], [key_id(k) for k in keys_b], ptr_a, ptr_b, item_pattern)
        else:
            self.by_content(a, b, ptr_a, ptr_b, item_pattern)

    def keyed(self, a: list[Any], b: list[Any], ids_a: list[str], ids_b: list[str],
              ptr_a: str, ptr_b: str, item_pattern: str) -> None:
        where_a = {key: index for index, key in enumerate(ids_a)}
        in_b = set(ids_b)
        next_a = 0

        def removals_until(stop: int) -> None:
            nonlocal next_a
            while next_a < stop:
                if ids_a[next_a] not in in_b:
                    self.removed(join_pointer(ptr_a, next_a), a[next_a])
                next_a += 1

        # for each record of b: the place in a of the next record of b that a also has (removals come first)
        upcoming: list[int] = [len(a)] * (len(ids_b) + 1)
        for j in range(len(ids_b) - 1, -1, -1):
            upcoming[j] = where_a.get(ids_b[j], upcoming[j + 1])

        for j, key in enumerate(ids_b):
            i = where_a.get(key)
            if i is None:
                removals_until(upcoming[j])
                self.added(join_pointer(ptr_b, j), b[j])
                continue
            removals_until(i)
            next_a = max(next_a, i + 1)
            self.walk(a[i], b[j], join_pointer(ptr_a, i), join_pointer(ptr_b, j), item_pattern)
        removals_until(len(a))

    def by_content(self, a: list[Any], b: list[Any], ptr_a: str, ptr_b: str, item_pattern: str) -> None:
        import difflib  # here: most comparisons (a warm rac log's few) match no list by content

        matcher = difflib.SequenceMatcher(None, [canonical(x) for x in a], [canonical(y) for y in b], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            paired = min(i2 - i1, j2 - j1)
            for k in range(paired):
                self.walk(a[i1 + k], b[j1 + k], join_pointer(ptr_a, i1 + k), join_pointer(ptr_b, j1 + k),
                          item_pattern)
            for i in range(i1 + paired, i2):
                self.removed(join_pointer(ptr_a, i), a[i])
            for j in range(j1 + paired, j2):
                self.added(join_pointer(ptr_b, j), b[j])
