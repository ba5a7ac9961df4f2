"""The workspace's own rules: ``rules/*.yaml``, each rule an assertion over named fields of a report.

A rule file is checked against ``schemas/rules.schema.json``, then each rule on its own: a valid id that is not a
built-in check's (nor in a built-in family), field references ``<file>#<JSON pointer>`` into report files, an
assertion accepted by :mod:`reportascode.rules.expressions`, message placeholders that name reads. A mistake is a
``RULES-01`` finding in the rule file at its line and column; the faulty rule is left out, the others still run.

For each report, a rule whose assertion is false is a finding with the rule's own id and severity, at the value of
its ``at`` read (default: the first read). A rule that needs a field the report lacks is skipped with an info
finding ``RULES-02`` (``when_missing: skip``, the default) or fails (``when_missing: fail``). An assertion that
cannot be evaluated on a report's values (text where a number is needed, division by zero) is ``RULES-03``.
The format is documented in ``docs/rules.md``.
"""

from __future__ import annotations

import json
import keyword
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from reportascode.messages import Bilingual, either
from reportascode.model.findings import Finding, Severity, make_args
from reportascode.model.loader import Document, join_pointer, load_bytes, read_file, split_pointer
from reportascode.model.schemas import REPORT_FILES, SchemaStore, packaged_schema_dir
from reportascode.model.values import plain_json
from reportascode.rules import registry
from reportascode.rules.expressions import (
    FUNCTIONS,
    MISSING,
    EvaluationError,
    Expression,
    ExpressionError,
    MissingValue,
    compile_expression,
    kind,
    short,
)
from reportascode.rules.rule_files import rule_files
from reportascode.rules.tool_rules import RULE_EVAL, RULE_FILE, RULE_SKIPPED

if TYPE_CHECKING:
    from reportascode.model.workspace import Report

FILE_RULE = RULE_FILE.id  # a mistake in a rule file
SKIPPED_RULE = RULE_SKIPPED.id  # a rule skipped for a report that lacks a field it reads
EVAL_RULE = RULE_EVAL.id  # a rule that cannot be evaluated on a report's values
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")
_RESERVED_NAMES = frozenset({"True", "False", "None"}) | frozenset(FUNCTIONS)


class FieldRef(NamedTuple):
    """One named read: ``name: "<file>#<pointer>"``. ``line``/``column``: where the reference stands."""

    name: str
    file: str
    pointer: str
    line: int = 1
    column: int = 1

    @property
    def text(self) -> str:
        return f"{self.file}#{self.pointer}"

    @property
    def anchor(self) -> str:
        """The pointer a finding points at: the reference itself, or the list a ``*`` expands."""
        tokens = self.pointer.split("/")
        return "/".join(tokens[: tokens.index("*")]) if "*" in tokens else self.pointer


class WorkspaceRule(NamedTuple):
    id: str
    severity: Severity
    message: Bilingual
    reads: tuple[FieldRef, ...]
    expression: Expression
    at: FieldRef
    when_missing: str
    source: str
    line: int
    title: Bilingual | None = None
    doc: Bilingual | None = None

    @property
    def location(self) -> str:
        return f"{self.source}:{self.line}"


class RuleSet:
    """The valid rules of a workspace, and the findings about its rule files."""

    def __init__(self) -> None:
        self.rules: list[WorkspaceRule] = []
        self.findings: list[Finding] = []
        self.files = 0


# ------------------------------------------------------------------------------------------------------ loading

def load_rules(root: Path, store: SchemaStore | None = None, builtin_ids: Iterable[str] | None = None) -> RuleSet:
    """Every rule of ``root/rules/*.yaml``. Never raises for bad rule files: their problems are findings."""
    result = RuleSet()
    files = rule_files(root)
    if not files:
        return result
    if builtin_ids is None:
        builtin_ids = registry.load_all().keys()
    # A workspace rule id may not be a built-in one nor start with a built-in family, so that a rule added to
    # rac later can never take a workspace rule's id.
    builtin = {i.upper() for i in builtin_ids}
    families = registry.families() | {registry.family_of(i) for i in builtin}
    known = _known_fields(store) if store is not None else None
    seen: dict[str, str] = {}
    for path in files:
        result.files += 1
        relative = path.relative_to(root).as_posix()
        _RuleFileLoader(relative, result, seen, builtin, families, known).load(path)
    return result


def _known_fields(store: SchemaStore) -> dict[str, set[str]]:
    """Pointer patterns of every field the data model names, per report file, across schema versions."""
    known: dict[str, set[str]] = {}
    for version in store.versions:
        for name in REPORT_FILES:
            try:
                known.setdefault(name, set()).update(store.labels(version, name))
            except (FileNotFoundError, ValueError, KeyError, TypeError):
                continue
    return known


def _rules_schema() -> Any:
    return json.loads((packaged_schema_dir() / "rules.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_rules_schema())


@lru_cache(maxsize=1)
def _fast_validator() -> Any:
    """jsonschema-rs clears a valid rule file without importing jsonschema (the validate path stays light)."""
    from reportascode.model.fast_schema_engine import import_jsonschema_rs

    jsonschema_rs = import_jsonschema_rs()
    return None if jsonschema_rs is None else jsonschema_rs.Draft202012Validator(_rules_schema())


class _RuleFileLoader:
    def __init__(self, path: str, result: RuleSet, seen: dict[str, str], builtin: set[str], families: frozenset[str],
                 known: dict[str, set[str]] | None) -> None:
        self.path = path
        self.result = result
        self.seen = seen
        self.builtin = builtin
        self.families = families
        self.known = known
        self.doc = Document(path)
        self.lines: list[str] = []

    def finding(self, position: tuple[int, int], pointer: str, key: str, severity: Severity = Severity.ERROR,
                **args: Any) -> None:
        self.result.findings.append(Finding(FILE_RULE, severity, self.path, position[0], position[1], pointer,
                                            key, make_args(args)))

    def load(self, path: Path) -> None:
        raw, problem = read_file(path)  # bounded: a huge file is refused by its size, a pipe unread
        if raw is None:
            if problem is not None:
                self.finding((problem.line, problem.column), "", problem.message_key, **dict(problem.args))
            return
        self.doc = load_bytes(raw, self.path)
        for problem in self.doc.problems:
            self.finding((problem.line, problem.column), problem.pointer, problem.message_key, **dict(problem.args))
        if not self.doc.ok:
            return
        if self.doc.empty:
            self.finding((1, 1), "", "file.empty")
            return
        self.lines = raw.decode("utf-8-sig").split("\n")
        bad = self.check_schema()
        if bad is None:
            return
        for index, rule in enumerate(self.doc.data["rules"]):
            if index not in bad:
                self.build(index, rule)

    def check_schema(self) -> set[int] | None:
        """Schema findings; the indexes of the rules they concern (``None``: the whole file is unusable)."""
        bad: set[int] = set()
        fast = _fast_validator()
        if fast is not None and fast.is_valid(plain_json(self.doc.data)):
            return bad
        whole_file = False
        for error in sorted(_validator().iter_errors(self.doc.data), key=lambda e: [str(t) for t in e.path]):
            error = _deepest(error)
            path = list(error.absolute_path)
            if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int):
                bad.add(path[1])
            else:
                whole_file = True
            self.schema_finding(error, path)
        return None if whole_file else bad

    def schema_finding(self, error: Any, path: list[Any]) -> None:
        pointer = ""
        for token in path:
            pointer = join_pointer(pointer, token)
        keyword_ = error.validator
        instance = error.instance
        where = self.doc.value_position(pointer)
        tail = str(path[-1]) if path else ""
        if keyword_ == "required":
            missing = [f for f in error.validator_value if isinstance(instance, dict) and f not in instance]
            self.finding(self.doc.container_position(pointer), pointer, "rules.schema.required",
                         field=missing[0] if missing else "")
        elif keyword_ == "additionalProperties":
            allowed = sorted((error.schema.get("properties") or {}).keys())
            extra = sorted(k for k in (instance if isinstance(instance, dict) else {}) if k not in allowed)
            name = extra[0] if extra else ""
            candidates = _closest(name, allowed)
            self.finding(self.doc.key_position(join_pointer(pointer, name)), join_pointer(pointer, name),
                         "schema.unknown_key", field=name, suggestion=_suggestion(candidates))
        elif keyword_ == "propertyNames":
            name = str(instance)
            key = "rules.read_name" if len(path) >= 3 and path[2] == "reads" else "rules.schema.other"
            self.finding(self.doc.key_position(join_pointer(pointer, name)), join_pointer(pointer, name), key,
                         actual=name, field=name, detail=error.message)
        elif keyword_ == "pattern" and tail == "id":
            self.finding(where, pointer, "rules.id_pattern", actual=short(instance))
        elif keyword_ == "pattern" and len(path) >= 4 and path[2] == "reads":
            self.finding(where, pointer, "rules.reference_pattern", actual=short(instance))
        elif keyword_ == "enum":
            self.finding(where, pointer, "rules.schema.enum", field=tail, actual=short(instance),
                         allowed=", ".join(str(v) for v in error.validator_value))
        elif keyword_ == "type":
            expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
            self.finding(where, pointer, "rules.schema.type", field=tail or "/",
                         expected=_type_names(expected), actual=_type_names([kind(_plain(instance))]))
        else:
            self.finding(where, pointer, "rules.schema.other", field=tail or "/", detail=error.message)

    def build(self, index: int, data: dict[str, Any]) -> None:
        base = f"/rules/{index}"
        errors_before = self.error_count()
        rule_id = str(data["id"])
        id_position = self.doc.value_position(f"{base}/id")
        if rule_id.upper() in self.builtin:
            self.finding(id_position, f"{base}/id", "rules.id_builtin", id=rule_id)
        elif registry.family_of(rule_id) in self.families:
            self.finding(id_position, f"{base}/id", "rules.id_reserved_family", id=rule_id,
                         family=registry.family_of(rule_id))
        elif rule_id.casefold() in self.seen:
            self.finding(id_position, f"{base}/id", "rules.id_duplicate", id=rule_id,
                         first=self.seen[rule_id.casefold()])
        else:
            self.seen[rule_id.casefold()] = f"{self.path}:{id_position[0]}"
        reads = tuple(self.read(f"{base}/reads", name, text) for name, text in data["reads"].items())
        names = [r.name for r in reads]
        expression = self.expression(f"{base}/assert", str(data["assert"]), names)
        at_name = data.get("at", names[0])
        at = next((r for r in reads if r.name == at_name), None)
        if at is None:
            self.finding(self.doc.value_position(f"{base}/at"), f"{base}/at", "rules.at_unknown", name=at_name,
                         known=", ".join(names))
        message = self.text(data["message"], f"{base}/message", names)
        if self.error_count() > errors_before or expression is None or at is None:
            return
        self.result.rules.append(WorkspaceRule(
            id=rule_id,
            severity=Severity(data["severity"]),
            message=message,
            reads=reads,
            expression=expression,
            at=at,
            when_missing=str(data.get("when_missing", "skip")),
            source=self.path,
            line=id_position[0],
            title=self.text(data["title"], f"{base}/title") if "title" in data else None,
            doc=self.text(data["doc"], f"{base}/doc") if "doc" in data else None,
        ))

    def error_count(self) -> int:
        return sum(1 for f in self.result.findings if f.file == self.path and f.severity is Severity.ERROR)

    def read(self, base: str, name: str, reference: str) -> FieldRef:
        pointer = join_pointer(base, name)
        position = self.doc.value_position(pointer)
        if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in _RESERVED_NAMES:
            self.finding(self.doc.key_position(pointer), pointer, "rules.read_name_reserved", name=name)
        file_name, _, field_pointer = reference.partition("#")
        ref = FieldRef(name, file_name, field_pointer, *position)
        if file_name not in REPORT_FILES:
            candidates = _closest(file_name, REPORT_FILES)
            self.finding(position, pointer, "rules.unknown_file", file=file_name, known=", ".join(REPORT_FILES),
                         suggestion=_suggestion(candidates))
            return ref
        if field_pointer and (not field_pointer.startswith("/") or re.search(r"~[^01]|~$", field_pointer)):
            self.finding(position, pointer, "rules.pointer", reference=reference)
            return ref
        if self.known is not None and field_pointer:
            pattern = "/".join("*" if t.isdigit() or t == "*" else t for t in field_pointer.split("/"))
            fields = self.known.get(file_name, set())
            if fields and pattern not in fields:
                candidates = _closest(pattern, sorted(fields))
                self.finding(position, pointer, "rules.unknown_field", Severity.WARNING, reference=reference,
                             suggestion=_suggestion([f"{file_name}#{c}" for c in candidates]))
        return ref

    def expression(self, pointer: str, text: str, names: list[str]) -> Expression | None:
        try:
            return compile_expression(text, names)
        except ExpressionError as exc:
            position = scalar_position(self.lines, self.doc.value_position(pointer), text, exc.offset)
            self.finding(position, pointer, exc.key, **exc.message_args)
            return None

    def text(self, value: Any, pointer: str, names: list[str] | None = None) -> Bilingual:
        """A bilingual text from a string or ``{zh, en}``; with ``names``, its placeholders are checked."""
        if isinstance(value, dict):
            zh = value.get("zh") or value.get("en") or ""
            en = value.get("en") or value.get("zh") or ""
        else:
            zh = en = str(value)
        if names is not None:
            templates = {"zh": zh, "en": en} if isinstance(value, dict) else {"": zh}
            for lang, template in templates.items():
                for match in _PLACEHOLDER.finditer(template):
                    name = match.group(1)
                    if name is not None and name not in names:
                        where = f"{pointer}/{lang}" if isinstance(value, dict) and lang in value else pointer
                        self.finding(self.doc.value_position(where), where, "rules.placeholder_unknown",
                                     name=name, known=", ".join(names))
        return Bilingual(str(zh), str(en))


def _deepest(error: Any) -> Any:
    from jsonschema.exceptions import best_match

    while error.validator in ("anyOf", "oneOf") and error.context:
        error = best_match(error.context)
    return error


def _suggestion(candidates: list[str]) -> Bilingual:
    if not candidates:
        return Bilingual("", "")
    return Bilingual.of("schema.suggestion", {"candidate": candidates[0]})


def _type_names(names: list[str]) -> Bilingual:

    return either([f"type.{n}" for n in names])


def _plain(value: Any) -> Any:
    from decimal import Decimal

    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value


def scalar_position(lines: list[str], start: tuple[int, int], value: str, offset: int) -> tuple[int, int]:
    """Where character ``offset`` of a scalar's value stands in the file, given where the scalar starts.

    Handles plain and quoted scalars (one line or folded over several) and block scalars (``|``, ``>``); escapes
    inside double quotes can shift the column by a character or two.
    """
    line, column = start
    if not 0 < line <= len(lines):
        return start
    text = lines[line - 1]
    indicator = text[column - 1: column]
    segments: list[tuple[int, int, int]] = []  # (offset in the value, line, column), one per source line
    if indicator in ("|", ">"):
        literal = indicator == "|"
        indent: int | None = None
        consumed = 0
        number = line + 1
        while number <= len(lines) and consumed <= len(value):
            source = lines[number - 1]
            stripped = source.lstrip(" ")
            if not stripped.strip():
                if literal:
                    segments.append((consumed, number, 1))
                    consumed += 1
                number += 1
                continue
            if indent is None:
                indent = len(source) - len(stripped)
            elif len(source) - len(stripped) < indent:
                break
            segments.append((consumed, number, indent + 1))
            consumed += len(source) - indent + 1
            number += 1
    else:
        first = column + (1 if indicator in ("'", '"') else 0)
        segments.append((0, line, first))
        consumed = len(text) - first + 2
        number = line + 1
        while consumed <= len(value) and number <= len(lines):
            source = lines[number - 1]
            stripped = source.strip(" ")
            if stripped:
                segments.append((consumed, number, len(source) - len(source.lstrip(" ")) + 1))
                consumed += len(stripped) + 1
            number += 1
    if not segments:
        return start
    seg_offset, seg_line, seg_column = segments[0]
    for candidate in segments:
        if candidate[0] <= offset:
            seg_offset, seg_line, seg_column = candidate
    return seg_line, seg_column + offset - seg_offset


# --------------------------------------------------------------------------------------------------- evaluating

def read_value(report: Report, ref: FieldRef) -> Any:
    """The value a reference names in a report, as the evaluator takes it; :data:`MISSING` when absent or null.

    Integers and decimals become Decimal. A ``*`` token expands every item of a list: the result is the list of
    the values found (items without the field are left out).
    """
    data = report.data(ref.file)
    if data is None:
        return MISSING
    return _collect(data, split_pointer(ref.pointer))


def _collect(data: Any, tokens: list[str]) -> Any:
    for position, token in enumerate(tokens):
        if token == "*" and isinstance(data, list):
            rest = tokens[position + 1:]
            found: list[Any] = []
            for item in data:
                value = _collect(item, rest)
                if value is MISSING:
                    continue
                if "*" in rest and isinstance(value, list):
                    found.extend(value)
                else:
                    found.append(value)
            return found
        if isinstance(data, dict):
            data = data.get(token, MISSING)
        elif isinstance(data, list) and token.isdigit() and int(token) < len(data):
            data = data[int(token)]
        else:
            return MISSING
        if data is MISSING or data is None:
            return MISSING
    return _convert(data)


def _convert(value: Any) -> Any:
    from decimal import Decimal

    if isinstance(value, bool) or value is None or isinstance(value, (str, Decimal)):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):  # never from the loader; kept exact through its text
        return Decimal(repr(value))
    if isinstance(value, list):
        return [_convert(v) for v in value]
    if isinstance(value, dict):
        return {k: _convert(v) for k, v in value.items()}
    return str(value)


def render(template: str, values: dict[str, Any]) -> str:
    """A rule's message with ``{name}`` filled in. Not ``str.format``: a template reaches no attributes."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1)
        return short(values[name]) if name in values else token

    return _PLACEHOLDER.sub(replace, template)


def evaluate_rule(rule: WorkspaceRule, report: Report) -> list[Finding]:
    """The findings of one rule on one report (none when the assertion holds)."""
    values = {ref.name: read_value(report, ref) for ref in rule.reads}
    by_name = {ref.name: ref for ref in rule.reads}
    try:
        holds = rule.expression.evaluate(values)
        if not isinstance(holds, bool):
            raise EvaluationError("rules.eval.not_boolean", kind=Bilingual.of(f"type.{kind(holds)}"),
                                  value=short(holds))
    except MissingValue as missing:
        ref = by_name[missing.name]
        position = _position(report, ref, missing=True)
        text = Bilingual(render(rule.message.zh, values), render(rule.message.en, values))
        if rule.when_missing == "fail":
            return [_finding(rule.id, rule.severity, report, ref, position, "rules.failed_missing",
                             rule=rule.id, field=ref.text, text=text, source=rule.location)]
        return [_finding(SKIPPED_RULE, Severity.INFO, report, ref, position, "rules.skipped",
                         rule=rule.id, field=ref.text, source=rule.location)]
    except EvaluationError as exc:
        ref = by_name.get(exc.name or "", rule.at)
        reason = Bilingual.of(exc.key, exc.message_args)
        return [_finding(EVAL_RULE, Severity.ERROR, report, ref, _position(report, ref), "rules.eval_error",
                         rule=rule.id, source=rule.location, reason=reason)]
    if holds:
        return []
    text = Bilingual(render(rule.message.zh, values), render(rule.message.en, values))
    return [_finding(rule.id, rule.severity, report, rule.at, _position(report, rule.at), "rules.failed",
                     text=text, source=rule.location)]


def _position(report: Report, ref: FieldRef, missing: bool = False) -> tuple[int, int]:
    doc = report.document(ref.file)
    if doc is None:
        return (1, 1)
    position: tuple[int, int] = doc.container_position(ref.anchor) if missing else doc.value_position(ref.anchor)
    return position


def _finding(rule_id: str, severity: Severity, report: Report, ref: FieldRef, position: tuple[int, int], key: str,
             **args: Any) -> Finding:
    return Finding(rule_id, severity, report.file_path(ref.file), position[0], position[1], ref.anchor, key,
                   make_args(args), report.id)


def evaluate_rules(rules: Iterable[WorkspaceRule], report: Report) -> Iterator[Finding]:
    for rule in rules:
        yield from evaluate_rule(rule, report)


class WorkspaceRules:
    """One validation run's workspace rules: each workspace's rule files are read once, their findings given once."""

    def __init__(self, store: SchemaStore | None = None) -> None:
        self.store = store
        self._sets: dict[Path, RuleSet] = {}

    def rule_set(self, root: Path) -> RuleSet:
        if root not in self._sets:
            self._sets[root] = load_rules(root, self.store)
        return self._sets[root]

    def evaluate(self, report: Report) -> list[Finding]:
        """The findings of every workspace rule on ``report``."""
        return list(evaluate_rules(self.rule_set(report.workspace.root).rules, report))

    def loaded_roots(self) -> list[Path]:
        """The workspaces whose rule files this run has read."""
        return list(self._sets)

    def file_findings(self) -> list[Finding]:
        """The findings about the rule files themselves, once per run."""
        return [f for rule_set in self._sets.values() for f in rule_set.findings]


def _closest(word: str, candidates: Iterable[str]) -> list[str]:
    """The candidate closest to a misspelt ``word`` (difflib is imported only then: it costs every run)."""
    import difflib

    return difflib.get_close_matches(word, candidates, n=1)
