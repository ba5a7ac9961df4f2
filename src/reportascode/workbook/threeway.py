"""The three-way check of an import: for every field, the value at export (the base, kept in the workbook), the
value in the repository now (ours) and the value in the workbook (theirs).

Theirs equal to base: the workbook did not touch it (whatever the repository did since is kept). Ours equal to
base: the workbook's value is taken. Ours equal to theirs: both made the same change. Anything else is a conflict,
listed field by field; nothing is written while there is one. Records of a list are matched by natural key, so a
row added in the workbook is one added record, and a row deleted there is one removed record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportascode.model.loader import join_pointer
from reportascode.model.values import same
from reportascode.workbook.sheetlayout import MISSING


@dataclass(frozen=True)
class Conflict:
    file: str
    pointer: str
    where: str  # the workbook cell (经济效益!C12) or row
    base: Any
    ours: Any
    theirs: Any


@dataclass
class FilePlan:
    """What to change in one file, in the repository's current indices."""

    sets: list[tuple[str, Any]] = field(default_factory=list)  # (pointer, value), MISSING: remove the key
    removals: list[tuple[str, int]] = field(default_factory=list)  # (list pointer, index)
    inserts: list[tuple[str, tuple[Any, ...] | None, dict[str, Any]]] = field(default_factory=list)
    # (list pointer, key of the record it follows or None for first, the record)

    @property
    def empty(self) -> bool:
        return not (self.sets or self.removals or self.inserts)


@dataclass
class Plan:
    files: dict[str, FilePlan] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    repository_moved: int = 0  # fields changed in the repository since the export, untouched in the workbook

    def file(self, name: str) -> FilePlan:
        return self.files.setdefault(name, FilePlan())

    @property
    def changes(self) -> int:
        return sum(len(p.sets) + len(p.removals) + len(p.inserts) for p in self.files.values())


def equal(a: Any, b: Any) -> bool:
    if a is MISSING or b is MISSING:
        return a is b
    return same(a, b)


def merge_field(plan: Plan, file: str, pointer: str, where: str, base: Any, ours: Any, theirs: Any) -> None:
    if equal(theirs, base):
        if not equal(ours, base):
            plan.repository_moved += 1
        return
    if equal(ours, base):
        plan.file(file).sets.append((pointer, theirs))
    elif not equal(ours, theirs):
        plan.conflicts.append(Conflict(file, pointer, where, base, ours, theirs))


@dataclass
class Row:
    """A record as the workbook has it: its key, its exported fields (top-level keys), where it stands."""

    key: tuple[Any, ...]
    fields: dict[str, Any]
    where: str
    cells: dict[str, str] = field(default_factory=dict)  # field -> cell, for messages


def merge_table(plan: Plan, file: str, list_pointer: str, key_fields: tuple[str, ...], exported: list[str],
                base: list[dict[str, Any]], ours: list[Any], rows: list[Row], sheet: str = "") -> None:
    """Records by key: base (at export, exported fields only), ours (the repository's list now), theirs (rows)."""
    from reportascode.model.keys import key_id, record_key

    def subset(record: Any) -> dict[str, Any]:
        return {k: record[k] for k in exported if isinstance(record, dict) and k in record}

    base_by = {key_id(k): r for r in base if (k := record_key(r, key_fields)) is not None}
    ours_by: dict[str, tuple[int, Any]] = {}
    for index, record in enumerate(ours):
        key = record_key(record, key_fields)
        if key is not None:
            ours_by[key_id(key)] = (index, record)
    theirs_ids = [key_id(r.key) for r in rows]
    previous: tuple[Any, ...] | None = None
    for row, row_id in zip(rows, theirs_ids, strict=True):
        if row_id in base_by:
            base_record = base_by[row_id]
            if row_id not in ours_by:
                if not equal(subset(row.fields), base_record):
                    plan.conflicts.append(Conflict(file, list_pointer, row.where, base_record, MISSING, row.fields))
            else:
                index, record = ours_by[row_id]
                for name in exported:
                    merge_field(plan, file, join_pointer(join_pointer(list_pointer, index), name),
                                row.cells.get(name, row.where), base_record.get(name, MISSING),
                                record.get(name, MISSING) if isinstance(record, dict) else MISSING,
                                row.fields.get(name, MISSING))
        elif row_id in ours_by:
            index, record = ours_by[row_id]
            if not equal(subset(record), subset(row.fields)):
                plan.conflicts.append(Conflict(file, join_pointer(list_pointer, index), row.where, MISSING,
                                               subset(record), row.fields))
        else:
            record = {k: v for k, v in row.fields.items() if v is not MISSING}
            plan.file(file).inserts.append((list_pointer, previous, record))
        previous = row.key
    kept = set(theirs_ids)
    for row_id, base_record in base_by.items():
        if row_id in kept or row_id not in ours_by:
            continue
        index, record = ours_by[row_id]
        if equal(subset(record), base_record):
            plan.file(file).removals.append((list_pointer, index))
        else:
            plan.conflicts.append(Conflict(file, join_pointer(list_pointer, index), sheet, base_record,
                                           subset(record), MISSING))
