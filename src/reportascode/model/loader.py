"""The one place that parses YAML: text in, plain data plus a position index out.

The parser only builds the node tree (ruamel.yaml by default; libyaml through PyYAML when asked for speed);
scalars are resolved here, by one rule for both parsers, so the data never depends on which parser ran:

* YAML 1.2 core: ``true``/``false``, ``null``/``~``/empty, decimal integers, decimal numbers;
* ``yes``/``no``/``on``/``off``, dates and times stay strings (dates are checked by the schemas' formats);
* a number with a leading zero (``0755``, ``010020``) stays a string: never octal, never a lost digit;
* decimals become :class:`~decimal.Decimal` from the scalar's own text, never float;
* quoted and block scalars are always strings.

Hostile input is bounded before anything walks it: file size (by the file's size, before reading), line
length, nesting depth (block, compact ``- - -`` and flow, before parsing), alias expansion and cycles, duplicate
keys, tabs, control characters, encodings other than UTF-8, and anything that is not a regular file (a folder,
a pipe, a device) all become :class:`LoadProblem` records with a position. Numbers too large to compute with
(over 300 digits, or an exponent beyond ±300) stay text, so the schema names them instead of a check failing.
"""

from __future__ import annotations

import gc
import os
import re
import stat
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from reportascode.messages import Bilingual, message
from reportascode.model.lazy_regex import lazy_compile
from reportascode.model.positions import MAPPING, SEQUENCE, PositionTree, PositionView
from reportascode.records import FrozenRecord, Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_LINE_CHARS = 65_536
MAX_DEPTH = 64
# rac is designed for report files of up to 10,000 numbers (docs/hardening.md): numbers.yaml is then ~3.6 MB and
# 180,000-250,000 values. The bounds leave room above that and stop what no report needs (an alias bomb).
MAX_NODES = 500_000
MAX_NUMBER_DIGITS = 300
# patterns compiled when first used (model/lazy_regex.py): a run that parses no file, or only well-formed ones,
# compiles few or none of them

_INT = lazy_compile(r"[-+]?(0|[1-9][0-9]*)")
_DECIMAL = lazy_compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_LEADING_ZERO = lazy_compile(r"[-+]?0[0-9]")
_NUMBER_START = frozenset("+-.0123456789")
_TAB_AFTER_KEY = lazy_compile(r"^[ ]*(?:-[ ]+)?[^\s#'\"][^:#\t]*:\t")
_COMPACT_NESTING = lazy_compile(r"(?:[-?][ ]+)+")
# a line long enough to nest deeper than MAX_DEPTH by its indentation alone
_LONG_LINE = lazy_compile("[^\n]{" + str(4 * MAX_DEPTH + 1) + "}")
_FLOW_CHARS = lazy_compile(r"[\"'#\[\]{}]")
_FLOW_CHARS_OR_BREAK = lazy_compile(r"[\"'#\[\]{}\n]")
# A key written with a full-width colon ("human：180", "- check：YOY-01"), or a full-width space (U+3000) after
# a key's colon: what a Chinese input method types. Looked for only where the parser failed.
_KEY_LEAD = r"^(?P<lead>[ ]*(?:-[ ]+)?)"
_FULLWIDTH_COLON_KEY = lazy_compile(_KEY_LEAD + r"(?P<key>[^\s#'\"：:\[\]{},]+)[ ]*：[ \u3000]*(?P<value>.*)$")
_FULLWIDTH_INDENT = lazy_compile(r"^[ ]*(?P<space>\u3000+)\S")
_FULLWIDTH_SPACE_AFTER_KEY = lazy_compile(_KEY_LEAD + r"(?P<key>[^\s#'\"：:]+):(?P<space>\u3000+)(?P<value>.*)$")
# C0 controls but tab/LF/CR, DEL, C1 controls but NEL, surrogates and the non-characters U+FFFE/U+FFFF: YAML
# forbids them in a stream (YAML 1.2 §5.1), and a NUL usually means a binary or UTF-16 file.
_FORBIDDEN = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def forbidden_char(text: str) -> re.Match[str] | None:
    """The first character of ``text`` that YAML forbids (``_FORBIDDEN``). Every such character is one
    ``str.isprintable`` refuses too, so printable text (once tabs and line breaks are set aside) is cleared
    without the pattern, whose Unicode ranges cost ~0.6 ms to compile."""
    if text.isprintable() or text.replace("\n", "").replace("\t", "").replace("\r", "").isprintable():
        return None
    return _FORBIDDEN.search(text)
# Line breaks of YAML 1.1 that libyaml counts as lines and ruamel.yaml does not: such text is parsed by ruamel
# only, so positions never depend on the parser.
_UNUSUAL_BREAKS = "\x85\u2028\u2029"


def has_unusual_break(text: str) -> bool:
    return any(brk in text for brk in _UNUSUAL_BREAKS)
_STR_TAG = r"(?:!!str|!<tag:yaml\.org,2002:str>)"
# the node properties written just before a plain scalar's text: "!!str", "!!str &a" or "&a !!str"
_EXPLICIT_STR = lazy_compile(rf"(?:^|[\s\[{{,])(?:{_STR_TAG}(?:\s+&\S+)?|&\S+\s+{_STR_TAG})\s*$")
_YAML_DIRECTIVE = lazy_compile(r"%YAML[ \t]+(\S*)")
_BIG_ESCAPE = lazy_compile(r"\\U([0-9A-Fa-f]{8})")
_KIND_TAGS = {"tag:yaml.org,2002:map": "mapping", "tag:yaml.org,2002:seq": "sequence",
              **{f"tag:yaml.org,2002:{t}": "scalar" for t in ("str", "int", "float", "bool", "null", "timestamp")}}
_STANDARD_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}


class LoadProblem(FrozenRecord):
    """Something wrong with a file as YAML. ``line``/``column`` are 1-based."""

    FIELDS = ("rule", "line", "column", "pointer", "message_key", "args", "fatal")

    rule: str
    line: int
    column: int
    pointer: str
    message_key: str
    args: tuple[tuple[str, Any], ...]
    fatal: bool

    def __init__(self, rule: str, line: int, column: int, pointer: str, message_key: str,
                 args: tuple[tuple[str, Any], ...] = (), fatal: bool = True) -> None:
        set_field = object.__setattr__
        set_field(self, "rule", rule)
        set_field(self, "line", line)
        set_field(self, "column", column)
        set_field(self, "pointer", pointer)
        set_field(self, "message_key", message_key)
        set_field(self, "args", args)
        set_field(self, "fatal", fatal)


class Document(Record):
    """One parsed file: its plain data and where every key and value stands in the text.

    ``key_positions`` and ``value_positions`` read as ``{pointer: (line, column)}``. The loader fills them with
    views of one compact :class:`~reportascode.model.positions.PositionTree` (20 bytes a node, see
    :attr:`positions`); a document built by hand may give plain dicts."""

    FIELDS = ("path", "data", "key_positions", "value_positions", "problems", "empty")

    def __init__(self, path: str, data: Any = None, key_positions: Mapping[str, tuple[int, int]] | None = None,
                 value_positions: Mapping[str, tuple[int, int]] | None = None,
                 problems: list[LoadProblem] | None = None, empty: bool = False) -> None:
        self.path = path
        self.data = data
        self.key_positions: Mapping[str, tuple[int, int]] = {} if key_positions is None else key_positions
        self.value_positions: Mapping[str, tuple[int, int]] = {} if value_positions is None else value_positions
        self.problems: list[LoadProblem] = [] if problems is None else problems
        self.empty = empty

    @property
    def ok(self) -> bool:
        return not any(p.fatal for p in self.problems)

    @property
    def positions(self) -> PositionTree | None:
        """The compact tree behind the positions, when the loader made them."""
        index = self.value_positions
        return index.tree if isinstance(index, PositionView) else None

    def use_tree(self, tree: PositionTree) -> None:
        self.key_positions = PositionView(tree, keys=True)
        self.value_positions = PositionView(tree, keys=False)

    def value_position(self, pointer: str) -> tuple[int, int]:
        """Where the value at ``pointer`` starts; for a missing value, the nearest existing ancestor."""
        return self._nearest(pointer, self.value_positions)

    def key_position(self, pointer: str) -> tuple[int, int]:
        """Where the key of ``pointer`` stands (list items and the root have no key: their value)."""
        found = self.key_positions.get(pointer)
        return found if found is not None else self.value_position(pointer)

    def container_position(self, pointer: str) -> tuple[int, int]:
        """Where a missing member of the mapping at ``pointer`` is reported: that mapping's own key."""
        tree = self.positions
        if tree is not None:
            for index in reversed(tree.path(pointer)[1:]):
                found = tree.key_at(index) or tree.value_at(index)
                if found is not None:
                    return found
            return self.value_positions.get("", (1, 1))
        while pointer:
            if pointer in self.key_positions:
                return self.key_positions[pointer]
            if pointer in self.value_positions:
                return self.value_positions[pointer]
            pointer = parent_pointer(pointer)
        return self.value_positions.get("", (1, 1))

    @staticmethod
    def _nearest(pointer: str, index: Mapping[str, tuple[int, int]]) -> tuple[int, int]:
        if isinstance(index, PositionView):
            return index.nearest(pointer) or (1, 1)
        while pointer:
            if pointer in index:
                return index[pointer]
            pointer = parent_pointer(pointer)
        return index.get("", (1, 1))


def escape_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(parent: str, token: str | int) -> str:
    return f"{parent}/{escape_token(str(token))}"


def parent_pointer(pointer: str) -> str:
    return pointer.rsplit("/", 1)[0] if pointer else ""


def split_pointer(pointer: str) -> list[str]:
    return [unescape_token(t) for t in pointer.split("/")[1:]] if pointer else []


def resolve_pointer(data: Any, pointer: str) -> Any:
    """The value at ``pointer``; raises KeyError/IndexError when it is absent."""
    for token in split_pointer(pointer):
        data = data[int(token)] if isinstance(data, list) else data[token]
    return data


def resolve_plain(text: str) -> Any:
    """Resolve an untagged plain scalar by the rule in this module's docstring."""
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if text[0] not in _NUMBER_START:  # the patterns below all start with a sign, a digit or a point
        return text
    if _LEADING_ZERO.match(text):
        return text
    if _INT.fullmatch(text):
        return int(text) if len(text) <= MAX_NUMBER_DIGITS else text
    if _DECIMAL.fullmatch(text):
        number = Decimal(text)
        too_big = len(number.as_tuple().digits) > MAX_NUMBER_DIGITS or abs(number.adjusted()) > MAX_NUMBER_DIGITS
        return text if too_big else number
    return text


def decode(raw: bytes) -> tuple[str | None, LoadProblem | None]:
    """Bytes to text. UTF-8 (a BOM is allowed); anything else is a problem that names the likely encoding."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        return None, LoadProblem("LOAD-ENCODING", 1, 1, "", "load.utf16")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        try:
            raw.decode("gb18030")
            key = "load.gbk"
        except UnicodeDecodeError:
            key = "load.not_utf8"
        return None, LoadProblem("LOAD-ENCODING", line, column, "", key, (("byte", exc.start),))
    forbidden = forbidden_char(text)
    if forbidden is not None:
        preceding = text[: forbidden.start()]
        line = preceding.count("\n") + 1
        column = forbidden.start() - (preceding.rfind("\n") + 1) + 1
        key = "load.nul" if forbidden.group() == "\x00" else "load.control_char"
        return None, LoadProblem("LOAD-ENCODING", line, column, "", key,
                                 (("char", f"U+{ord(forbidden.group()):04X}"),))
    return text, None


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a BOM: ASCII-range text has a zero in every other byte."""
    head = raw[:64]
    if len(head) < 2 or (head[0] != 0 and head[1] != 0):
        return False
    zeros_even, zeros_odd = head[0::2].count(0), head[1::2].count(0)
    return max(zeros_even, zeros_odd) * 2 >= len(head) // 2 and min(zeros_even, zeros_odd) * 4 <= len(head) // 2


def _directive_or_escape(text: str) -> LoadProblem | None:
    """What the parsers do not report as an error but crash on: a ``%YAML`` version other than 1.1 or 1.2 (an
    assertion in ruamel.yaml), a ``\\U`` escape beyond U+10FFFF (an overflow in ``chr``)."""
    if "%YAML" in text:
        for number, line in enumerate(text.split("\n"), start=1):
            found = _YAML_DIRECTIVE.match(line)
            if found and found.group(1) not in ("1.1", "1.2"):
                return LoadProblem("LOAD-SYNTAX", number, found.start(1) + 1, "", "load.yaml_version",
                                   (("version", found.group(1)[:20]),))
    if "\\U" in text:
        for found in _BIG_ESCAPE.finditer(text):
            if int(found.group(1), 16) > 0x10FFFF:
                before = text[: found.start()]
                column = found.start() - (before.rfind("\n") + 1) + 1
                return LoadProblem("LOAD-ENCODING", before.count("\n") + 1, column, "", "load.bad_escape",
                                   (("escape", found.group()),))
    return None


def prescan(text: str) -> LoadProblem | None:
    """Refuse what would make a parser recurse too deep, and tabs YAML parsers disagree about."""
    problem = _directive_or_escape(text)
    if problem is not None:
        return problem
    # Flow depth can only pass the limit when there are more opening brackets than that: scan for it then only.
    scan_flow = text.count("[") + text.count("{") > MAX_DEPTH
    if "\t" in text or _LONG_LINE.search(text):
        return _prescan_lines(text, scan_flow)
    # no tab and no line long enough to nest too deep by indentation: only the flow depth can be refused
    return _flow_depth(text) if scan_flow else None


def _prescan_lines(text: str, scan_flow: bool) -> LoadProblem | None:
    flow = _FlowDepth()
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if stripped.startswith("\t") and stripped.strip():
            return LoadProblem("LOAD-TAB", number, indent + 1, "", "load.tab_indent")
        if _TAB_AFTER_KEY.match(line):
            return LoadProblem("LOAD-TAB", number, line.index("\t") + 1, "", "load.tab_after_key")
        compact = _COMPACT_NESTING.match(stripped)  # "- - - x" nests as deep as its indentation says
        depth_column = indent + (len(compact.group()) if compact else 0)
        if depth_column > 4 * MAX_DEPTH:
            column = min(depth_column, 4 * MAX_DEPTH + 1)
            return LoadProblem("LOAD-DEPTH", number, column, "", "load.depth", (("limit", MAX_DEPTH),))
        if scan_flow:
            head = line[:MAX_LINE_CHARS]
            for found in _FLOW_CHARS.finditer(head):
                column = flow.char(head, found.start())
                if column:
                    return LoadProblem("LOAD-DEPTH", number, column, "", "load.depth", (("limit", MAX_DEPTH),))
            flow.comment = False
        if len(line) > MAX_LINE_CHARS:  # after the depth scan: a deep flow line is reported as too deep
            return LoadProblem("LOAD-SIZE", number, MAX_LINE_CHARS + 1, "", "load.line_too_long",
                               (("length", len(line)), ("limit", MAX_LINE_CHARS)))
    return None


def _flow_depth(text: str) -> LoadProblem | None:
    """The flow-depth scan of :func:`_prescan_lines` over the whole text at once (no line is long)."""
    flow = _FlowDepth()
    number, line_start = 1, 0
    for found in _FLOW_CHARS_OR_BREAK.finditer(text):
        at = found.start()
        if text[at] == "\n":
            number, line_start, flow.comment = number + 1, at + 1, False
            continue
        column = flow.char(text, at, line_start)
        if column:
            return LoadProblem("LOAD-DEPTH", number, column, "", "load.depth", (("limit", MAX_DEPTH),))
    return None


class _FlowDepth:
    """Brackets open outside quotes and comments: only the characters that can change that are looked at."""

    def __init__(self) -> None:
        self.depth = 0
        self.in_single = self.in_double = self.comment = False

    def char(self, text: str, at: int, line_start: int = 0) -> int:
        """Take the character at ``at``; its 1-based column when it opens one level too many, else 0."""
        if self.comment:
            return 0
        char, column = text[at], at - line_start + 1
        if self.in_double:
            self.in_double = char != '"'
        elif self.in_single:
            self.in_single = char != "'"
        elif char == "#" and (column == 1 or text[at - 1] in " \t"):
            self.comment = True
        elif char == '"':
            self.in_double = True
        elif char == "'" and (column == 1 or text[at - 1] in " [{,:"):
            self.in_single = True
        elif char in "[{":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                return column
        elif char in "]}":
            self.depth = max(0, self.depth - 1)
        return 0


def compose_ruamel(text: str) -> Any:
    import warnings

    from ruamel.yaml import YAML

    with warnings.catch_warnings():  # a reused anchor is legal YAML: ruamel's warning is not the user's business
        warnings.simplefilter("ignore")
        return YAML(typ="rt").compose(text)


def compose_libyaml(text: str) -> Any:
    from reportascode.model.pyyaml_import import import_pyyaml

    yaml = import_pyyaml()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.compose(text, Loader=loader)


def libyaml_available() -> bool:
    from reportascode.model.pyyaml_import import import_pyyaml

    try:
        yaml = import_pyyaml()
    except ImportError:
        return False
    return hasattr(yaml, "CSafeLoader")


def resolve_parser(parser: str) -> str:
    """``auto`` is libyaml (C, ~25× faster) when PyYAML has its C extension, else ruamel.yaml."""
    if parser == "auto":
        return "libyaml" if libyaml_available() else "ruamel"
    return parser


def _syntax_problem(exc: Exception) -> LoadProblem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    detail = f"{context}; {problem}" if context else str(problem)
    known = next((key for text, key in _YAML_PROBLEMS if text in str(problem)), "other")
    chinese = message(f"load.yaml.{known}", "zh")  # the parser speaks English only: its known problems, translated
    if context and context_mark is not None and mark is not None and context_mark.line != mark.line:
        where = f"line {context_mark.line + 1}, column {context_mark.column + 1}"
        detail += f" ({context.removeprefix('while ')} started at {where})"
        chinese += message("load.yaml.started", "zh", {"line": context_mark.line + 1,
                                                        "column": context_mark.column + 1})
    return LoadProblem("LOAD-SYNTAX", line, column, "", "load.syntax", (("detail", Bilingual(chinese, detail)),))


# the YAML parsers' problem texts (libyaml and ruamel say the same) -> a message "load.yaml.<key>"
_YAML_PROBLEMS = (
    ("mapping values are not allowed", "mapping_values"),
    ("could not find expected ':'", "expected_colon"),
    ("expected ',' or ']'", "unclosed_sequence"),
    ("expected ',' or '}'", "unclosed_mapping"),
    ("cannot start any token", "bad_character"),
    ("expected <block end>", "indentation"),
    ("did not find expected key", "expected_key"),
    ("did not find expected '-'", "expected_dash"),
    ("unexpected end of stream", "unexpected_end"),
    ("unknown escape character", "bad_escape"),
    ("found undefined alias", "undefined_alias"),
    ("expected alphabetic or numeric character", "bad_anchor"),
    ("block sequence entries are not allowed", "sequence_entries"),
    ("found a tab character", "tab"),
)


def _typing_mistake(text: str, exc: Exception) -> LoadProblem | None:
    """The syntax error a Chinese input method makes (a full-width colon after a key, a full-width space after
    the colon), at the character itself with the corrected line, rather than the parser's words a line later.
    The parser notices such a line only at the next one: look at the line it started on and the one before."""
    lines = text.split("\n")
    marks = [getattr(exc, name, None) for name in ("context_mark", "problem_mark")]
    candidates = sorted({n for m in marks if m is not None for n in (m.line - 1, m.line) if 0 <= n < len(lines)})
    for number in candidates:
        line = lines[number]
        if line.lstrip(" ").startswith("#"):
            continue
        indent = _FULLWIDTH_INDENT.match(line)
        if indent is not None:
            return LoadProblem("LOAD-SYNTAX", number + 1, indent.start("space") + 1, "", "load.fullwidth_indent",
                               (("fix", _uncommented(line.strip(" \u3000"))),))
        space = _FULLWIDTH_SPACE_AFTER_KEY.match(line)
        if space is not None:
            fixed = f"{space['lead']}{space['key']}: {_uncommented(space['value'])}"
            return LoadProblem("LOAD-SYNTAX", number + 1, space.start("space") + 1, "", "load.fullwidth_space",
                               (("fix", fixed.strip()),))
        colon = _FULLWIDTH_COLON_KEY.match(line)
        if colon is not None:
            fixed = f"{colon['lead']}{colon['key']}: {_uncommented(colon['value'])}"
            return LoadProblem("LOAD-SYNTAX", number + 1, line.index("：") + 1, "", "load.fullwidth_colon",
                               (("fix", fixed.strip()),))
    return None


def _uncommented(value: str) -> str:
    return re.sub(r"\s+#.*$", "", value).rstrip()


class Lines:
    """The text's lines, split only when a tag or an empty value needs one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: list[str] | None = None

    def line(self, number: int) -> str:
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines[number] if number < len(self._lines) else ""


def explicit_str(tag: str | None, value: str, end_line: int, end_column: int, lines: Lines) -> bool:
    """``!!str 38`` is the text "38": the tag is read from the text, since both parsers resolve an untagged
    plain scalar to the same ``str`` tag and keep no trace of whether it was written."""
    if not tag or not tag.endswith(":str"):
        return False
    if "\n" in value or end_column < len(value):
        return False  # a plain scalar over several lines: not worth a tag
    start = end_column - len(value)
    before = lines.line(end_line)[max(0, start - 80): start]  # the properties stand just before the text
    return "!" in before and bool(_EXPLICIT_STR.search(before))


def after_colon(end_line: int, end_column: int, lines: Lines) -> tuple[int, int] | None:
    """Where an empty value stands: just after its key's colon. The parsers disagree (libyaml: there, or at
    the next comma in a flow mapping; ruamel: at the next token, often on the next line), so it is taken
    from the text, the same for both."""
    colon = lines.line(end_line).find(":", end_column)
    return (end_line + 1, colon + 2) if colon >= 0 else None


class _Converter:
    """Walks a node tree into plain data, recording positions and bounding alias expansion."""

    def __init__(self, doc: Document, text: str = "") -> None:
        self.doc = doc
        self.tree = PositionTree()
        doc.use_tree(self.tree)
        self.lines = Lines(text)
        self.visits = 0
        self.in_progress: set[int] = set()

    def problem(self, rule: str, node: Any, pointer: str, message_key: str, **args: Any) -> None:
        mark = node.start_mark
        self.doc.problems.append(
            LoadProblem(rule, mark.line + 1, mark.column + 1, pointer, message_key, tuple(sorted(args.items())))
        )

    def convert(self, node: Any, pointer: str, depth: int, slot: int = -1) -> Any:
        """``slot`` is the node's place in the position tree when its key made it already."""
        self.visits += 1
        if self.visits > MAX_NODES:
            raise _Abort(LoadProblem("LOAD-ALIAS", *_pos(node), pointer, "load.too_many_nodes",
                                     (("limit", MAX_NODES),)))
        if depth > MAX_DEPTH:
            raise _Abort(LoadProblem("LOAD-DEPTH", *_pos(node), pointer, "load.depth", (("limit", MAX_DEPTH),)))
        if slot < 0:
            slot = self.tree.add(_pos(node))
        else:
            self.tree.set_value(slot, _pos(node))
        tag = node.tag or ""
        kind = getattr(node, "id", "")
        if tag not in _STANDARD_TAGS and tag not in ("?", "!"):
            self.problem("LOAD-TAG", node, pointer, "load.tag", tag=tag)
        elif _KIND_TAGS.get(tag, kind) != kind:  # ``!!map [1, 2]``: a tag that contradicts the node
            self.problem("LOAD-TAG", node, pointer, "load.tag_kind", tag=tag)
        if isinstance(node.value, str):
            if node.style in (None, ""):
                end = node.end_mark
                written_str = explicit_str(node.tag, node.value, end.line, end.column, self.lines)
                return node.value if written_str else resolve_plain(node.value)
            # ruamel's round-trip composer marks the folds of a ``>`` block scalar with BEL; the value has none.
            value = node.value.replace("\a", "") if node.style == ">" else node.value
            found = forbidden_char(value) if node.style == '"' else None
            if found is not None:  # written as an escape: "\x1b", "\ud800", "\0"
                char = found.group()
                self.problem("LOAD-ENCODING", node, pointer, "load.escaped_control", char=f"U+{ord(char):04X}")
                return ""
            return value
        if id(node) in self.in_progress:
            raise _Abort(LoadProblem("LOAD-ALIAS", *_pos(node), pointer, "load.alias_cycle"))
        self.in_progress.add(id(node))
        try:
            if kind == "mapping" or (not kind and node.value and isinstance(node.value[0], tuple)):
                self.tree.open(slot, MAPPING)
                result: Any = self.mapping(node, pointer, depth)
            else:
                self.tree.open(slot, SEQUENCE)
                result = [self.convert(item, join_pointer(pointer, i), depth + 1)
                          for i, item in enumerate(node.value)]
            self.tree.close()
            return result
        finally:
            self.in_progress.discard(id(node))

    def mapping(self, node: Any, pointer: str, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        slots: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node.value, str):
                self.problem("LOAD-SYNTAX", key_node, pointer, "load.complex_key")
                continue
            key = key_node.value
            escaped = forbidden_char(key)
            if escaped is not None:
                self.problem("LOAD-ENCODING", key_node, pointer, "load.escaped_control",
                             char=f"U+{ord(escaped.group()):04X}")
                continue
            child = join_pointer(pointer, key)
            if key.startswith("\u3000"):  # an indentation typed with full-width spaces: not indentation at all
                self.problem("LOAD-SYNTAX", key_node, child, "load.fullwidth_indent", fix=key.lstrip("\u3000"))
            if key in result:
                first = self.tree.key_at(slots[key])
                self.problem("LOAD-DUPLICATE-KEY", key_node, child, "load.duplicate_key", key=key,
                             first_line=first[0] if first else 0)
                continue
            slot = slots[key] = self.tree.add(key=_pos(key_node), name=key)
            result[key] = self.convert(value_node, child, depth + 1, slot)
            if _is_implicit_empty(value_node):
                mark = key_node.end_mark
                empty_at = after_colon(mark.line, mark.column, self.lines)
                if empty_at is not None:
                    self.tree.set_value(slot, empty_at, replace=True)
        return result


def _is_implicit_empty(node: Any) -> bool:
    """A value written as nothing at all (``key:``): no text, no tag, no anchor, no quotes."""
    return (isinstance(node.value, str) and node.value == "" and node.style in (None, "")
            and node.start_mark.index == node.end_mark.index)


class _Abort(Exception):
    def __init__(self, problem: LoadProblem) -> None:
        super().__init__(problem.message_key)
        self.problem = problem


def _pos(node: Any) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def read_file(file: Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[bytes | None, LoadProblem | None]:
    """A report file's bytes, or the problem that stops it being read. Only a regular file is read (a folder,
    a pipe or a device is refused without blocking), and only when its size is within ``max_bytes``. A link out
    of the workspace is refused unread (files/paths.py)."""
    from reportascode.files.paths import escapes

    if escapes(file) is not None:
        return None, LoadProblem("LOAD-READ", 1, 1, "", "load.outside_workspace")
    try:
        handle = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        return None, _unreadable(exc)
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            return None, LoadProblem("LOAD-READ", 1, 1, "", "load.not_regular")
        if info.st_size > max_bytes:
            return None, LoadProblem("LOAD-SIZE", 1, 1, "", "load.too_large",
                                     (("limit", max_bytes), ("size", info.st_size)))
        chunks = []
        remaining = max_bytes + 1  # a file that grew since fstat is still cut off at the limit
        while remaining > 0:
            chunk = os.read(handle, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks), None
    except OSError as exc:
        return None, _unreadable(exc)
    finally:
        os.close(handle)


def _unreadable(exc: OSError) -> LoadProblem:
    return LoadProblem("LOAD-READ", 1, 1, "", "load.unreadable", (("detail", exc.strerror or str(exc)),))


def load_file(file: Path, path: str, parser: str = "auto", max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Read and parse one file; an oversized file is refused before it is read, an unreadable one is a problem."""
    raw, problem = read_file(file, max_bytes)
    if raw is None:
        return Document(path=path, problems=[problem or LoadProblem("LOAD-READ", 1, 1, "", "load.unreadable")])
    return load_bytes(raw, path, parser, max_bytes)


def load_bytes(raw: bytes, path: str, parser: str = "auto", max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Parse one file's bytes. Never raises for bad input: problems are recorded on the document."""
    doc = Document(path=path)
    if len(raw) > max_bytes:
        doc.problems.append(LoadProblem("LOAD-SIZE", 1, 1, "", "load.too_large",
                                        (("limit", max_bytes), ("size", len(raw)))))
        return doc
    text, problem = decode(raw)
    if problem is not None or text is None:
        doc.problems.append(problem or LoadProblem("LOAD-ENCODING", 1, 1, "", "load.not_utf8"))
        return doc
    return load_text(text, path, parser, doc)


def load_text(text: str, path: str, parser: str = "auto", doc: Document | None = None) -> Document:
    doc = doc or Document(path=path)
    problem = prescan(text)
    if problem is not None:
        doc.problems.append(problem)
        return doc
    parser = resolve_parser(parser)
    if parser == "libyaml" and has_unusual_break(text):
        parser = "ruamel"
    with _collector_paused():
        if parser == "libyaml":
            from reportascode.model.event_loader import UseTree, load_events

            try:
                return load_events(text, doc)
            except UseTree:  # anchors and aliases, a second document: the node tree handles them
                pass
            except Exception as exc:  # a parser error: the reference parser words it, as below
                if not hasattr(exc, "problem_mark") and not type(exc).__module__.startswith("yaml"):
                    raise
                return load_text(text, path, "ruamel", Document(path=path))
        compose = compose_libyaml if parser == "libyaml" else compose_ruamel
        return _compose_and_convert(compose, text, path, parser, doc)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Composing allocates a node per key and value, none of them in a cycle: Python's cyclic collector would
    rescan them all every few thousand allocations, which made a 10,000-entry file superlinear (design §6)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _compose_and_convert(compose: Callable[[str], Any], text: str, path: str, parser: str, doc: Document
                         ) -> Document:
    try:
        root = compose(text)
    except RecursionError:
        if parser == "ruamel" and libyaml_available() and not has_unusual_break(text):
            # libyaml composes without recursing in Python: the converter then finds where it gets too deep
            return load_text(text, path, "libyaml", Document(path=path))
        doc.problems.append(LoadProblem("LOAD-DEPTH", 1, 1, "", "load.depth", (("limit", MAX_DEPTH),)))
        return doc
    except Exception as exc:  # every parser error is a finding about the text, not a crash
        if not hasattr(exc, "problem_mark") and not type(exc).__module__.startswith(("ruamel", "yaml")):
            raise
        if parser == "libyaml":
            # the reference parser words the error, so findings do not depend on which parser ran
            return load_text(text, path, "ruamel", Document(path=path))
        doc.problems.append(_typing_mistake(text, exc) or _syntax_problem(exc))
        return doc
    if root is None:
        doc.empty = True
        return doc
    converter = _Converter(doc, text)
    try:
        doc.data = converter.convert(root, "", 0)
    except _Abort as abort:
        doc.problems.append(abort.problem)
        doc.data = None
        return doc
    finally:
        converter.tree.finish()
    doc.empty = doc.data is None
    return doc


def leaf_values(data: Any) -> Iterator[Any]:
    """Every scalar of ``data``, in no particular order: for a question about values alone (no pointers built)."""
    pending = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        else:
            yield item


def iter_leaves(data: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    """Every scalar of ``data`` with its pointer, in document order."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from iter_leaves(value, join_pointer(pointer, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from iter_leaves(value, join_pointer(pointer, index))
    else:
        yield pointer, data
