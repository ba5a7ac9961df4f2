"""``rac workbook import``: a filled-in workbook back into the report's YAML files, as a reviewed change.

The workbook names its report, year and company (the anchors); a workbook for another company or year is refused
before any value is read. Each anchored cell is converted by the schema (:mod:`reportascode.workbook.cellkinds`),
each field checked three ways (:mod:`reportascode.workbook.threeway`), and the files' new texts are made by the
editor of ``rac set`` (:mod:`reportascode.workbook.yamlapply`). Nothing is written here: the caller shows the
change and writes the texts, all or none, under the workspace lock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportascode.authoring.schema_nav import SchemaNavigator
from reportascode.errors import UsageError
from reportascode.model.keys import NATURAL_KEYS
from reportascode.model.loader import join_pointer, read_file, resolve_pointer, split_pointer
from reportascode.model.schemas import SchemaStore
from reportascode.model.selector import report_at
from reportascode.model.workspace import Report, Workspace, relative
from reportascode.validate.placeholders import PLACEHOLDER, is_placeholder
from reportascode.workbook.anchors import FieldAnchor, TableAnchor, load
from reportascode.workbook.cellkinds import EMPTY, CellKind, CellRefused, kind_at
from reportascode.workbook.reading import HEADER_SEARCH_ROWS, CellValue, SheetCells, read_workbook
from reportascode.workbook.sheetlayout import MISSING
from reportascode.workbook.threeway import Conflict, Plan, Row, merge_field, merge_table
from reportascode.workbook.workbook_report import ReportData, yes_no
from reportascode.workbook.yamlapply import EditRefused, apply_plan


@dataclass(frozen=True)
class CellProblem:
    """A cell (or sheet) whose content cannot be imported: ``where`` is ``经济效益!C12``."""

    where: str
    key: str
    args: tuple[tuple[str, Any], ...] = ()
    file: str = ""
    pointer: str = ""

    @property
    def arguments(self) -> dict[str, Any]:
        return dict(self.args)


@dataclass
class FileChange:
    path: Path
    display: str
    old: bytes
    new: bytes


@dataclass
class ImportResult:
    report: Report
    problems: list[CellProblem] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    changes: list[FileChange] = field(default_factory=list)
    cells: dict[tuple[str, str], str] = field(default_factory=dict)  # (file path, pointer) -> cell, after import
    repository_moved: int = 0
    lang: str = "zh"

    @property
    def refused(self) -> bool:
        return bool(self.problems or self.conflicts)

    def cell_for(self, file: str, pointer: str) -> str | None:
        """The workbook cell of a finding's place: the pointer's own cell, or its nearest anchored ancestor's."""
        current = pointer
        while True:
            found = self.cells.get((file, current))
            if found is not None:
                return found
            if not current:
                return None
            current = current.rsplit("/", 1)[0]


def prepare_import(path: Path, workspace: Workspace, store: SchemaStore, accept_formulas: bool,
                   target: Report | None = None) -> ImportResult:
    """The import of ``path`` into ``target`` (default: the report the workbook names), not yet written."""
    content = read_workbook(path, accept_formulas)
    anchors = content.anchors
    report = target or _report(workspace, anchors.meta)
    now = ReportData.of(report)
    _check_identity(anchors.meta, now, path)
    files = [f for f in anchors.meta.get("files", "").split(",") if f]
    broken = [f for f in files if f in now.problems]
    if broken:
        line, column, rule = now.problems[broken[0]]
        raise UsageError("workbook.import.file_broken", path=report.file_path(broken[0]), line=line, column=column,
                         rule=rule)
    if content.missing_sheets:
        raise UsageError("workbook.import.sheet_missing", path=path, sheets=", ".join(content.missing_sheets))
    version = now.schema_version if now.schema_version in store.versions else max(store.versions)
    lang = anchors.meta.get("lang", "zh")
    reader = _Reader(SchemaNavigator(store, version), accept_formulas, lang)
    result = ImportResult(report, lang=lang)
    plan = Plan()
    _fields(reader, anchors, content.sheets, now, plan, result)
    for table in anchors.tables:
        _table(reader, table, content.sheets[table.sheet], now, plan, result)
    result.problems.extend(reader.problems)
    result.conflicts = plan.conflicts
    result.repository_moved = plan.repository_moved
    if result.refused:
        return result
    for name, file_plan in plan.files.items():
        if file_plan.empty:
            continue
        file_path = report.folder / f"{name}.yaml"
        raw, problem = read_file(file_path)
        if raw is None or problem is not None:
            raise UsageError("workbook.import.file_broken", path=report.file_path(name), line=1, column=1,
                             rule=problem.rule if problem else "LOAD-READ")
        keys = {pointer: fields for pointer, fields in NATURAL_KEYS.get(name, {}).items()}
        try:
            new_text, _ = apply_plan(raw.decode("utf-8"), name, now.data[name], file_plan, reader.navigator, keys)
        except EditRefused as refused:
            result.problems.append(CellProblem(report.file_path(name), refused.key,
                                               (("detail", refused.detail), ("pointer", refused.pointer)),
                                               name, refused.pointer))
            continue
        new = new_text.encode("utf-8")
        if new != raw:
            result.changes.append(FileChange(file_path, relative(workspace.root, file_path), raw, new))
    return result


def _report(workspace: Workspace, meta: dict[str, str]) -> Report:
    report_id = meta.get("report", "")
    tokens = report_id.split("/")
    if not report_id or ".." in tokens or report_id.startswith("/") or tokens[0] != "reports":
        raise UsageError("workbook.import.no_report", report=report_id)
    folder = workspace.root / report_id
    if not folder.is_dir() or not workspace.contains(folder):
        raise UsageError("workbook.import.no_report", report=report_id)
    report = report_at(workspace, folder)
    if report is None:
        raise UsageError("workbook.import.no_report", report=report_id)
    return report


def _check_identity(meta: dict[str, str], now: ReportData, path: Path) -> None:
    if meta.get("uscc", "") != now.uscc or meta.get("company", "") != now.company:
        raise UsageError("workbook.import.other_company", path=path, theirs=f"{meta.get('company')} "
                         f"({meta.get('uscc')})", ours=f"{now.company} ({now.uscc})", report=now.report_id)
    meta_data = now.data.get("meta")
    year = meta_data.get("report_year") if isinstance(meta_data, dict) else None
    if meta.get("report_year", "") != str(now.year) or (year is not None and str(year) != str(now.year)):
        raise UsageError("workbook.import.other_year", path=path, theirs=meta.get("report_year", "?"),
                         ours=now.year, report=now.report_id)


class _Reader:
    """Cell → typed value by the schema, collecting what cannot be read."""

    def __init__(self, navigator: SchemaNavigator, accept_formulas: bool, lang: str) -> None:
        self.navigator = navigator
        self.accept_formulas = accept_formulas
        self.lang = lang
        self.problems: list[CellProblem] = []
        self._kinds: dict[tuple[str, str], CellKind] = {}

    def kind(self, name: str, pointer: str) -> CellKind:
        pattern = "/".join("0" if t.isdigit() else t for t in pointer.split("/"))
        key = (name, pattern)
        if key not in self._kinds:
            self._kinds[key] = kind_at(self.navigator, name, pattern)
        return self._kinds[key]

    def value(self, cell: CellValue | None, kind: CellKind, base: Any, where: str, name: str, pointer: str) -> Any:
        """The typed value, ``EMPTY``, or ``None`` after recording a problem (``ok`` is then False)."""
        raw = None if cell is None else cell.value
        if cell is not None and cell.formula is not None:
            if not self.accept_formulas:
                self._problem(where, "workbook.cell.formula", name, pointer, formula=_short(cell.formula))
                return _FAILED
            if raw is None:
                self._problem(where, "workbook.cell.formula_no_value", name, pointer, formula=_short(cell.formula))
                return _FAILED
        try:
            return kind.from_cell(raw, None if base is MISSING else base)
        except CellRefused as refused:
            if base is not MISSING and _shown(kind, base, self.lang) == _shown_raw(raw):
                return base  # an untouched cell whose stored value the schema itself rejects: left as it is
            self._problem(where, refused.key, name, pointer, value=_short(_shown_raw(raw)), **refused.args_)
            return _FAILED

    def _problem(self, where: str, key: str, name: str, pointer: str, **args: Any) -> None:
        self.problems.append(CellProblem(where, key, tuple(sorted(args.items())), name, pointer))


_FAILED: Any = type("Failed", (), {})()


def _short(text: Any) -> str:
    shown = str(text)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _shown(kind: CellKind, value: Any, lang: str) -> str:
    written, _ = kind.to_cell(value, yes_no(lang))
    return _shown_raw(written)


def _shown_raw(raw: Any) -> str:
    from reportascode.workbook.cellkinds import _text

    return "" if raw is None else _text(raw)


def resolve_empty(value: Any, kind: CellKind, required: bool, base: Any) -> Any:
    """What an empty (or 待填) cell means: null where the field may be null, 待填 where a value is required,
    absent for an optional field; a field that was absent and is still unfilled stays absent."""
    if value is EMPTY or is_placeholder(value):
        if base is MISSING:
            return MISSING
        if is_placeholder(value) and is_placeholder(base):
            return base  # 待填 and TODO are the same "to fill"
        if value is not EMPTY:
            return PLACEHOLDER
        if kind.nullable:
            return None
        if kind.kind == "list":
            return []
        return PLACEHOLDER if required else MISSING
    return value


def _at(data: Any, pointer: str) -> Any:
    try:
        return resolve_pointer(data, pointer)
    except (KeyError, IndexError, ValueError, TypeError):
        return MISSING


def _required(navigator: SchemaNavigator, name: str, pointer: str) -> bool:
    parent, _, key = pointer.rpartition("/")
    pattern = "/".join("0" if t.isdigit() else t for t in parent.split("/")) if parent else ""
    return any(key in (candidate.node.get("required") or []) for candidate in navigator.at(name, pattern))


def _cell(sheets: dict[str, SheetCells], anchor: FieldAnchor) -> CellValue | None:
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    letter, row = coordinate_from_string(anchor.cell)
    return sheets[anchor.sheet].cells.get((row, column_index_from_string(letter)))


def _fields(reader: _Reader, anchors: Any, sheets: dict[str, SheetCells], now: ReportData, plan: Plan,
            result: ImportResult) -> None:
    objects = [o for o in anchors.objects
               if not any(o.pointer.startswith(other.pointer + "/") and o.file == other.file
                          for other in anchors.objects)]
    grouped: dict[int, list[tuple[FieldAnchor, Any]]] = {i: [] for i in range(len(objects))}
    for anchor in anchors.fields:
        where = f"{anchor.sheet}!{anchor.cell}"
        result.cells[(now.report_id + f"/{anchor.file}.yaml", anchor.pointer)] = where
        base = MISSING if anchor.base == "" else load(anchor.base)
        kind = reader.kind(anchor.file, anchor.pointer)
        value = reader.value(_cell(sheets, anchor), kind, base, where, anchor.file, anchor.pointer)
        if value is _FAILED:
            continue
        owner = next((i for i, o in enumerate(objects)
                      if o.file == anchor.file and anchor.pointer.startswith(o.pointer + "/")), None)
        if owner is not None:
            grouped[owner].append((anchor, value))
            continue
        required = _required(reader.navigator, anchor.file, anchor.pointer)
        theirs = resolve_empty(value, kind, required, base)
        ours = _at(now.data.get(anchor.file), anchor.pointer)
        merge_field(plan, anchor.file, anchor.pointer, where, base, ours, theirs)
    for index, obj in enumerate(objects):
        base = MISSING if obj.base == "" else load(obj.base)
        members = grouped[index]
        if all(v is EMPTY or is_placeholder(v) for _, v in members):
            theirs = base
        else:
            theirs = {}
            for anchor, value in members:
                kind = reader.kind(anchor.file, anchor.pointer)
                required = _required(reader.navigator, anchor.file, anchor.pointer)
                filled = resolve_empty(value, kind, required, None)
                if filled is MISSING:
                    continue
                _put_nested(theirs, split_pointer(anchor.pointer)[len(split_pointer(obj.pointer)):], filled)
        where = next((f"{a.sheet}!{a.cell}" for a, _ in members), obj.pointer)
        merge_field(plan, obj.file, obj.pointer, where, base, _at(now.data.get(obj.file), obj.pointer), theirs)


def _put_nested(target: dict[str, Any], tokens: list[str], value: Any) -> None:
    for token in tokens[:-1]:
        target = target.setdefault(token, {})
    target[tokens[-1]] = value


def _table(reader: _Reader, table: TableAnchor, sheet: SheetCells, now: ReportData, plan: Plan,
           result: ImportResult) -> None:
    header_row = _find_header(table, sheet)
    if header_row is None:
        result.problems.append(CellProblem(table.sheet, "workbook.table.header_changed",
                                           (("headers", " | ".join(table.headers)),), table.file, table.pointer))
        return
    name = table.file
    item = f"{table.pointer}/0"
    exported = list(dict.fromkeys(split_pointer(rel)[0] for _, rel in table.columns))
    base_records = [load(r) for r in table.records]
    fields = tuple(table.keys)
    base_by_key = {}
    from reportascode.model.keys import key_id, record_key

    for record in base_records:
        key = record_key(record, fields)
        if key is not None:
            base_by_key[key_id(key)] = record
    last = max((r for r, _ in sheet.cells), default=header_row)
    rows: list[Row] = []
    seen: dict[str, str] = {}
    ours_list = _at(now.data.get(name), table.pointer)
    ours_list = ours_list if isinstance(ours_list, list) else []
    row_of_key: dict[str, int] = {}
    for row_number in range(header_row + 1, last + 1):
        cells = {rel: sheet.cells.get((row_number, index + 1)) for index, (_, rel) in enumerate(table.columns)}
        if all(c is None or (c.formula is None and isinstance(c.value, str) and not c.value.strip())
               for c in cells.values()):
            continue
        letters = {rel: letter for letter, rel in table.columns}
        where_row = f"{table.sheet}!A{row_number}"
        # the key first: it names the base record whose values shape the others (decimal places)
        key_values: list[Any] = []
        failed = False
        for key_field in fields:
            rel = f"/{key_field}"
            where = f"{table.sheet}!{letters.get(rel, 'A')}{row_number}"
            value = reader.value(cells.get(rel), reader.kind(name, item + rel), MISSING, where, name, item + rel)
            if value is _FAILED:
                failed = True
            elif value is EMPTY or is_placeholder(value):
                reader.problems.append(CellProblem(where, "workbook.table.no_key", (("field", key_field),), name,
                                                   table.pointer))
                failed = True
            key_values.append(value)
        if failed:
            continue
        key = tuple(key_values)
        identity = key_id(key)
        if identity in seen:
            reader.problems.append(CellProblem(where_row, "workbook.table.duplicate_key",
                                               (("first", seen[identity]), ("key", ", ".join(map(str, key)))),
                                               name, table.pointer))
            continue
        seen[identity] = where_row
        base_record = base_by_key.get(identity, {})
        values: dict[str, Any] = {}
        cell_names: dict[str, str] = {}
        for letter, rel in table.columns:
            pointer = item + rel
            where = f"{table.sheet}!{letter}{row_number}"
            base = _at(base_record, rel) if base_record else MISSING
            value = reader.value(cells.get(rel), reader.kind(name, pointer), base, where, name, pointer)
            if value is _FAILED:
                failed = True
                continue
            values[rel] = value
            cell_names.setdefault(split_pointer(rel)[0], where)
        if failed:
            continue
        row_fields = _record(reader, name, item, table.columns, values, base_record)
        rows.append(Row(key, row_fields, where_row, cell_names))
        row_of_key[identity] = row_number
    merge_table(plan, name, table.pointer, fields, exported, base_records, ours_list, rows, table.sheet)
    _map_cells(result, now, table, ours_list, plan, rows, row_of_key)


def _record(reader: _Reader, name: str, item: str, columns: list[tuple[str, str]], values: dict[str, Any],
            base_record: dict[str, Any]) -> dict[str, Any]:
    """A row's values as a record's top-level fields (nested objects built from their columns)."""
    record: dict[str, Any] = {}
    groups: dict[str, list[tuple[str, str, Any]]] = {}
    for _, rel in columns:
        tokens = split_pointer(rel)
        groups.setdefault(tokens[0], []).append((rel, "/".join(tokens[1:]), values.get(rel, EMPTY)))
    for top, members in groups.items():
        pointer = f"{item}/{top}"
        base = base_record.get(top, MISSING) if base_record else MISSING
        required = _required(reader.navigator, name, pointer)
        if len(members) == 1 and not members[0][1]:
            kind = reader.kind(name, pointer)
            record[top] = resolve_empty(members[0][2], kind, required, base if base_record else None)
            continue
        if all(v is EMPTY or is_placeholder(v) for _, _, v in members):
            kind = reader.kind(name, pointer)
            if base_record and base is not MISSING and not isinstance(base, dict):
                record[top] = base  # null (or absent) before, nothing filled in: unchanged
            elif kind.nullable or "null" in reader.navigator.types(name, pointer):
                record[top] = None
            else:
                record[top] = MISSING if not required else {}
            continue
        nested: dict[str, Any] = {}
        for rel, inner, value in members:
            kind = reader.kind(name, item + rel)
            filled = resolve_empty(value, kind, _required(reader.navigator, name, item + rel), None)
            if filled is not MISSING:
                _put_nested(nested, inner.split("/"), filled)
        record[top] = nested
    return record


def _find_header(table: TableAnchor, sheet: SheetCells) -> int | None:
    def matches(row: int) -> bool:
        for index, header in enumerate(table.headers, start=1):
            cell = sheet.cells.get((row, index))
            if cell is None or str(cell.value).strip() != header:
                return False
        return True

    if matches(table.header_row):
        return table.header_row
    return next((r for r in range(1, HEADER_SEARCH_ROWS + 1) if matches(r)), None)


def _map_cells(result: ImportResult, now: ReportData, table: TableAnchor, ours: list[Any], plan: Plan,
               rows: list[Row], row_of_key: dict[str, int]) -> None:
    """Cells of the records after the import, so a finding at ``/by_province/4/seats`` names its cell. The
    final order is the repository's, less removed records, with inserted ones after their predecessor."""
    from reportascode.model.keys import key_id, record_key

    fields = tuple(table.keys)
    file_plan = plan.files.get(table.file)
    removed = {index for pointer, index in (file_plan.removals if file_plan else []) if pointer == table.pointer}
    order = [key_id(k) if (k := record_key(r, fields)) is not None else "" for i, r in enumerate(ours)
             if i not in removed]
    for pointer, after, record in (file_plan.inserts if file_plan else []):
        if pointer != table.pointer:
            continue
        key = record_key(record, fields)
        if key is None:
            continue
        position = 0 if after is None else (order.index(key_id(after)) + 1 if key_id(after) in order else len(order))
        order.insert(position, key_id(key))
    path = now.report_id + f"/{table.file}.yaml"
    for index, identity in enumerate(order):
        row = row_of_key.get(identity)
        if row is None:
            continue
        record_pointer = join_pointer(table.pointer, index)
        result.cells[(path, record_pointer)] = f"{table.sheet}!A{row}"
        for letter, rel in table.columns:
            result.cells[(path, record_pointer + rel)] = f"{table.sheet}!{letter}{row}"
