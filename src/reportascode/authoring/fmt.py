"""``rac fmt``: the canonical layout of a report file, reached by text edits that keep data and comments exactly.

The canonical form is the one of the sample workspace:

* keys in the order of the schema's ``properties`` (keys the schema does not know go last, in their order);
  a key carries along the comment lines directly above it (at its own indentation) and its end-of-line comment;
* block indentation of two spaces: a nested mapping two columns right of its key, a list two columns right of its
  key (``key:`` then ``  - item``), a list at the top of the file at column 0, an item's keys two columns right of
  its dash;
* plain scalars another YAML reader would misread are double-quoted: ``no``/``on``/``yes``/``off``, ``0755``,
  ``1:30``, ``0x1F``, date-like text outside date fields. A number written where the schema wants text (a province
  code ``33``, a number ``96801``) is quoted with exactly its digits. ``~``/``Null`` become ``null``, ``True``
  becomes ``true``. Everything else (numbers, quoting the author chose, comment alignment, flow lists) is kept;
* no trailing blanks outside multi-line scalars, one newline at the end, no BOM, ``\\n`` line ends.

The result is checked before anything is written: the loader must read the same data (numbers by their exact
text: ``8460.50`` stays ``8460.50``), apart from the intended quoting of numbers in text fields, and every comment
must still be there. Otherwise the file is refused and left alone.

Why text edits and not ruamel's emitter: ruamel.yaml 0.19's round-trip dump, on the sample files, writes ``null``
as an empty value, indents a top-level list, shifts comments, moves full-line comments to the previous key when
keys are reordered, and crashes on an empty flow list followed by a comment. The parser (ruamel, through the
loader) gives exact spans; edits on those spans cannot lose a byte they do not touch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportascode.authoring.schema_nav import SchemaNavigator
from reportascode.authoring.yamltext import (
    Edit,
    apply_edits,
    comment_tokens,
    compose,
    double_quoted,
    first_difference,
    is_block,
    is_mapping,
    is_scalar,
    is_sequence,
    keep_comment_column,
    last_content_line,
    misread_elsewhere,
    multiline_scalar_lines,
    same_data,
    strip_bom,
    walk,
)
from reportascode.model.loader import LoadProblem, load_bytes, load_text, read_file, resolve_plain, split_pointer

INDENT = 2
_MAX_PASSES = 2000


class FormatRefused(Exception):
    """The formatter cannot guarantee the same data and comments for this file: it is left unchanged."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.message_args = args


def format_text(text: str, name: str | None = None, navigator: SchemaNavigator | None = None) -> str:
    """The canonical form of one file's text. Raises :class:`FormatRefused` when it cannot be made safely."""
    body, _bom = strip_bom(text)
    body = body.replace("\r\n", "\n")
    before = load_text(body, name or "<text>")
    if not before.ok:
        problem = next(p for p in before.problems if p.fatal)
        raise FormatRefused("fmt.unreadable", line=problem.line, column=problem.column, rule=problem.rule)
    comments = comment_tokens(body)
    if before.empty:
        return _tidy(body, None)
    schema = navigator if name else None
    body = _reorder_keys(body, name or "", schema)
    body = _fix_indentation(body)
    body, coerced = _canonical_scalars(body, name or "", schema)
    root = compose(body)
    body = _tidy(body, root)
    _verify(before.data, coerced, body, comments)
    return body


@dataclass
class FileFormat:
    """The outcome for one file: its text before and after, or why it was refused."""

    path: Path
    display: str
    before: str = ""
    after: str | None = None
    refused: FormatRefused | None = None
    skipped: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.after is not None and self.after != self.before


def format_file(path: Path, display: str, name: str | None, navigator: SchemaNavigator | None) -> FileFormat:
    """Format one file in memory (nothing is written here)."""
    result = FileFormat(path, display)
    raw, problem = read_file(path)  # bounded: a huge file or a pipe is refused unread
    if raw is None:
        problem = problem or LoadProblem("LOAD-READ", 1, 1, "", "load.unreadable")
        result.refused = FormatRefused("fmt.unreadable", line=problem.line, column=problem.column, rule=problem.rule)
        return result
    doc = load_bytes(raw, display)
    if not doc.ok:
        problem = next(p for p in doc.problems if p.fatal)
        result.refused = FormatRefused("fmt.unreadable", line=problem.line, column=problem.column, rule=problem.rule)
        return result
    result.before = raw.decode("utf-8")  # the loader accepted it, so it is UTF-8 (a BOM stays a character here)
    try:
        result.after = format_text(result.before, name, navigator)
    except FormatRefused as refused:
        result.refused = refused
    return result


# --- keys in schema order ------------------------------------------------------------------------------

def _reorder_keys(text: str, name: str, navigator: SchemaNavigator | None) -> str:
    if navigator is None:
        return text
    skipped: set[str] = set()
    for _ in range(_MAX_PASSES):
        root = compose(text)
        if root is None:
            return text
        protected = multiline_scalar_lines(root)
        for pointer, node, _key in walk(root):
            if not (is_mapping(node) and is_block(node)) or pointer in skipped:
                continue
            wanted = _wanted_order(node, navigator.property_order(name, pointer))
            if wanted is None:
                continue
            moved = _reorder_block(text, node, wanted, protected)
            if moved is None:
                skipped.add(pointer)
                continue
            text = moved
            break
        else:
            return text
    return text


def _wanted_order(node: Any, order: list[str]) -> list[int] | None:
    if not order:
        return None
    keys: list[str] = [str(key_node.value) if is_scalar(key_node) else "" for key_node, _ in node.value]
    rank = {key: index for index, key in enumerate(order)}
    wanted = sorted(range(len(keys)), key=lambda i: (rank.get(keys[i], len(order)), i))
    return None if wanted == list(range(len(keys))) else wanted


def _reorder_block(text: str, node: Any, wanted: list[int], protected: set[int]) -> str | None:
    """Move the entries of one block mapping, each with the comment lines right above it. ``None`` when the
    layout is one this does not handle (keys not each at the start of their own line, explicit ``?`` keys)."""
    lines = text.split("\n")
    entries = node.value
    column = entries[0][0].start_mark.column
    key_lines = [key_node.start_mark.line for key_node, _ in entries]
    for index, (key_node, value_node) in enumerate(entries):
        if not is_scalar(key_node) or key_node.start_mark.column != column:
            return None
        if index and lines[key_lines[index]][:column].strip():
            return None
        if index and key_lines[index] <= last_content_line(entries[index - 1][1]):
            return None
        if last_content_line(value_node) < key_lines[index]:
            return None
    prefix = lines[key_lines[0]][:column]
    if prefix.strip(" -"):
        return None
    starts = [key_lines[0]]
    for index in range(1, len(entries)):
        start = key_lines[index]
        floor = last_content_line(entries[index - 1][1])
        while (start - 1 > floor and start - 1 not in protected and lines[start - 1].lstrip().startswith("#")
               and _indent(lines[start - 1]) == column):
            start -= 1
        starts.append(start)
    end = last_content_line(entries[-1][1])
    bodies: list[list[str]] = []
    gaps: list[int] = []
    for index in range(len(entries)):
        stop = starts[index + 1] if index + 1 < len(entries) else end + 1
        chunk = lines[starts[index]:stop]
        gap = 0
        while (len(chunk) > 1 and not chunk[-1].strip() and starts[index] + len(chunk) - 1 not in protected):
            chunk.pop()
            gap += 1
        if index == 0:
            chunk[0] = " " * column + chunk[0][column:]
        bodies.append(chunk)
        gaps.append(gap)
    rebuilt: list[str] = []
    for position, index in enumerate(wanted):
        chunk = list(bodies[index])
        if position == 0:
            key_at = key_lines[index] - starts[index]
            chunk[key_at] = prefix + chunk[key_at][column:]
        rebuilt.extend(chunk)
        rebuilt.extend([""] * gaps[position])
    return "\n".join(lines[:starts[0]] + rebuilt + lines[end + 1:])


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


# --- indentation -----------------------------------------------------------------------------------------

def _fix_indentation(text: str) -> str:
    failed: set[tuple[int, int]] = set()
    for _ in range(_MAX_PASSES):
        root = compose(text)
        if root is None:
            return text
        target = _first_misindented(root, failed)
        if target is None:
            return text
        node, desired = target
        shifted = _shift(text, node, desired, multiline_scalar_lines(root))
        if shifted is None:
            failed.add((node.start_mark.line, node.start_mark.column))
            continue
        text = shifted
    return text


def _first_misindented(root: Any, failed: set[tuple[int, int]]) -> tuple[Any, int] | None:
    pending: list[tuple[Any, int]] = [(root, 0)]
    while pending:
        node, desired = pending.pop(0)
        if not is_block(node):
            continue
        position = (node.start_mark.line, node.start_mark.column)
        if node.start_mark.column != desired and position not in failed:
            return node, desired
        column = node.start_mark.column
        if is_mapping(node):
            for key_node, value_node in node.value:
                pending.append((value_node, key_node.start_mark.column + INDENT))
        elif is_sequence(node):
            for item in node.value:
                pending.append((item, column + INDENT))
    return None


def _shift(text: str, node: Any, desired: int, protected: set[int]) -> str | None:
    lines = text.split("\n")
    column = node.start_mark.column
    first, last = node.start_mark.line, last_content_line(node)
    delta = desired - column
    line = lines[first]
    if line[:column].strip():
        gap_start = len(line[:column].rstrip())
        if desired - gap_start < 1:
            return None
        lines[first] = line[:gap_start] + " " * (desired - gap_start) + line[column:]
    else:
        shifted = _shift_line(line, delta)
        if shifted is None:
            return None
        lines[first] = shifted
        above = first - 1  # comment lines right above the node, at its indentation, move with it
        while above >= 0 and above not in protected and lines[above].lstrip().startswith("#") \
                and _indent(lines[above]) == column:
            lines[above] = _shift_line(lines[above], delta) or lines[above].lstrip(" ")
            above -= 1
    for number in range(first + 1, last + 1):
        current = lines[number]
        if not current.strip():
            continue
        shifted = _shift_line(current, delta)
        if shifted is None:
            if current.lstrip().startswith("#") and number not in protected:
                shifted = current.lstrip(" ")
            else:
                return None
        lines[number] = shifted
    return "\n".join(lines)


def _shift_line(line: str, delta: int) -> str | None:
    if delta >= 0:
        return " " * delta + line
    if _indent(line) < -delta:
        return None
    return line[-delta:]


# --- scalars -----------------------------------------------------------------------------------------------

def _canonical_scalars(text: str, name: str, navigator: SchemaNavigator | None) -> tuple[str, dict[str, str]]:
    root = compose(text)
    if root is None:
        return text, {}
    edits: list[Edit] = []
    coerced: dict[str, str] = {}
    for pointer, node, _key in walk(root):
        if not is_scalar(node) or node.style not in (None, ""):
            continue
        start, end = node.start_mark.index, node.end_mark.index
        raw = node.value
        if start == end or text[start:end] != raw:  # empty, multi-line, or behind a tag or anchor: left alone
            continue
        value = resolve_plain(raw)
        replacement: str | None = None
        date_field = navigator.is_date(name, pointer) if navigator else False
        if isinstance(value, str):
            if misread_elsewhere(raw, date_field):
                replacement = double_quoted(raw)
        elif value is None:
            replacement = None if raw == "null" else "null"
        elif isinstance(value, bool):
            canonical = "true" if value else "false"
            replacement = None if raw == canonical else canonical
        elif navigator is not None and navigator.wants_string_only(name, pointer):
            replacement = double_quoted(raw)
            coerced[pointer] = raw
        if replacement is not None and replacement != text[start:end]:
            edits.append(keep_comment_column(text, Edit(start, end, replacement)))
    return apply_edits(text, edits), coerced


# --- whitespace --------------------------------------------------------------------------------------------

def _tidy(text: str, root: Any) -> str:
    keep: set[int] = set()
    if root is not None:
        for _, node, _key in walk(root):
            if is_scalar(node) and last_content_line(node) > node.start_mark.line:
                keep.update(range(node.start_mark.line, last_content_line(node) + 1))
            elif not is_block(node) and not is_scalar(node) and node.end_mark.line > node.start_mark.line:
                keep.update(range(node.start_mark.line, node.end_mark.line + 1))
    lines = text.split("\n")
    tidied = [line if number in keep else line.rstrip(" \t") for number, line in enumerate(lines)]
    while tidied and not tidied[-1].strip():
        tidied.pop()
    return "\n".join(tidied) + "\n" if tidied else ""


# --- the guarantee -----------------------------------------------------------------------------------------

def _verify(data: Any, coerced: dict[str, str], text: str, comments: Any) -> None:
    after = load_text(text, "<formatted>")
    if not after.ok:
        problem = next(p for p in after.problems if p.fatal)
        raise FormatRefused("fmt.would_break", line=problem.line, column=problem.column)
    expected = _with_coercions(data, coerced)
    if not same_data(expected, after.data):
        raise FormatRefused("fmt.would_change_data", pointer=first_difference(expected, after.data) or "/")
    now = comment_tokens(text)
    if now != comments:
        lost = sorted((comments - now).elements()) or sorted((now - comments).elements())
        raise FormatRefused("fmt.would_lose_comment", comment=lost[0] if lost else "")


def _with_coercions(data: Any, coerced: dict[str, str]) -> Any:
    if not coerced:
        return data
    import copy

    result = copy.deepcopy(data)
    for pointer, text in coerced.items():
        tokens = split_pointer(pointer)
        if not tokens:
            result = text
            continue
        parent = result
        for token in tokens[:-1]:
            parent = parent[int(token)] if isinstance(parent, list) else parent[token]
        last = tokens[-1]
        if isinstance(parent, list):
            parent[int(last)] = text
        else:
            parent[last] = text
    return result


# --- which files ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    path: Path
    display: str
    name: str
    navigator: SchemaNavigator


def select_files(workspace: Any, selectors: Sequence[str]) -> list[Target]:
    """The report files named by ``selectors`` (docs/selectors.md: files, report folders, folders holding reports,
    years); every report file of the workspace when there is none. Other files are skipped: only the eleven
    report files have a schema to order their keys by."""
    from reportascode.errors import UsageError
    from reportascode.model.schemas import REPORT_FILES, SchemaStore
    from reportascode.model.selector import resolve
    from reportascode.model.workspace import Report, relative

    store = SchemaStore(workspace.root)
    navigators: dict[str, SchemaNavigator] = {}
    chosen: dict[Path, Target] = {}

    def add(report: Report, name: str) -> None:
        path = report.folder / f"{name}.yaml"
        if not path.is_file() or path in chosen:
            return
        version = report.schema_version if report.schema_version in store.versions else max(store.versions)
        navigator = navigators.setdefault(version, SchemaNavigator(store, version))
        chosen[path] = Target(path, relative(workspace.root, path), name, navigator)

    if not selectors:
        for folder in workspace.report_folders():
            for name in REPORT_FILES:
                add(Report(workspace, folder), name)
    for selector in selectors:
        try:
            found = resolve(workspace, selector, Path.cwd(), command="fmt")
        except UsageError as problem:
            if problem.key == "selector.not_a_report" and Path(selector).is_file():
                continue  # pre-commit passes other YAML files too: left alone
            raise
        assert isinstance(found, list)  # no revisions here
        for target in found:
            if target.workspace_wide:
                continue  # a config, rule or schema file has no report keys to order
            if target.file is None:
                for name in REPORT_FILES:
                    add(target.report, name)
                continue
            resolved = target.file.resolve()
            if resolved.suffix == ".yaml" and resolved.stem in REPORT_FILES and \
                    resolved.parent == target.report.folder.resolve():
                add(target.report, resolved.stem)
    return list(chosen.values())


def short_diff(before: str, after: str, display: str, limit: int = 40) -> str:
    """A unified diff of at most ``limit`` lines, for ``--check``."""
    import difflib

    lines = list(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                      f"{display} (current)", f"{display} (formatted)", n=1))
    lines = [line if line.endswith("\n") else line + "\n" for line in lines]
    if len(lines) > limit:
        lines = [*lines[:limit], f"… ({len(lines) - limit} more diff lines)\n"]
    return "".join(lines)
