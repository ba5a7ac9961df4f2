"""What documents are made from, built once per report: its data, the labels and units from the schemas'
titles, the derived figures, and its findings grouped for the gap analysis."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import cached_property
from typing import Any

from reportascode.history.fingerprint import Fingerprint, fingerprint
from reportascode.messages import has_message, join_list, message
from reportascode.model.findings import EXPLAINED, STATES, WAIVED, Counts, Finding, Severity, count_states
from reportascode.model.loader import resolve_pointer, split_pointer
from reportascode.model.schemas import REPORT_FILES, SchemaStore
from reportascode.model.workspace import Report
from reportascode.render import figures as formatting
from reportascode.render.content import Cell

_FROM_DATA: Any = object()

# Province names (GB/T 2260 codes) are the messages "province.<code>"; names of enum values that documents
# translate are "enum.<value>" (codes such as carrier_leased, and Chinese values such as 内资 or 开通).

# Areas of the gap analysis, by rule-id prefix; anything else is a data-format finding.
# (their names: messages "area.<key>")
AREAS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("licence", ("ID", "LIC")),
    ("geo", ("GEO",)),
    ("business", ("SEAT", "TRK", "NUM", "OUT", "OUTS")),
    ("finance", ("FIN",)),
    ("quality", ("QOS",)),
    ("shareholders", ("SHR",)),
    ("security", ("SEC",)),
    ("signing", ("SIG",)),
    ("yoy", ("YOY",)),
    ("format", ()),
)

SEVERITY_COLUMNS = STATES  # error, warning, info, explained, waived

# Field names whose values are province codes (GB/T 2260) even where the schema keeps them as plain strings
# (a shareholder's region, an allocator): documents show the province's name.
PROVINCE_FIELDS = frozenset({"province", "region", "registration_province", "allocator", "issuer", "scope",
                             "coverage"})

# Derived figures: unit, kind, decimal places (labels: messages "derived.<key>"). Computed by this tool, never filed.
DERIVED_LABELS: dict[str, tuple[str | None, str, int | None]] = {
    "ai_ratio": (None, "ratio", None),
    "inbound_answer_rate": (None, "ratio", None),
    "outbound_connect_rate": (None, "ratio", None),
    "trunk_channels_total": ("路", "count", None),
    "trunk_seat_deviation": (None, "ratio", None),
    "revenue_per_seat_wan": ("万元/席", "money", 2),
    "complaints_per_100k": (None, "number", 3),
    "seat_share": (None, "ratio", None),
    "revenue_share": (None, "ratio", None),
}


@dataclass(frozen=True)
class FindingView:
    rule: str
    severity: str
    severity_text: str
    file: str
    line: int
    column: int
    pointer: str
    location: str
    field: str
    message: str
    area: str
    area_text: str
    basis: str
    basis_text: str
    waived_by: str | None
    explanation: str | None  # in the document's language (the text as written when there is no English)
    state: str = "open"  # Finding.state: error / warning / info / explained / waived

    @property
    def status(self) -> str:
        return self.state if self.state in (EXPLAINED, WAIVED) else "open"


@dataclass
class GapSummary:
    areas: list[tuple[str, str]]
    counts: dict[tuple[str, str], int]
    errors: int
    warnings: int
    infos: int
    waived: int
    explained: int
    score: int
    grade: str

    @property
    def totals(self) -> Counts:
        """The report's counts, as :func:`count_states` gave them (for the status line)."""
        return Counts(self.errors, self.warnings, self.infos, self.explained, self.waived)


@dataclass
class ReportContext:
    """Everything a document of one report is made from. Build it with :func:`build_context`."""

    report: Report
    store: SchemaStore
    version: str
    lang: str
    draft: bool
    data: dict[str, Any]
    findings: list[FindingView]
    derived: dict[str, Decimal | None] = field(default_factory=dict)
    fingerprint: Fingerprint | None = None

    # -- data ---------------------------------------------------------------------------------------------
    def get(self, file: str, pointer: str) -> Any:
        """The value at ``file#pointer``; ``None`` when absent (a draft may miss anything)."""
        if file == "derived":
            return self.derived.get(pointer.strip("/"))
        try:
            return resolve_pointer(self.data.get(file), pointer)
        except (KeyError, IndexError, ValueError, TypeError):
            return None

    def items(self, file: str, pointer: str) -> list[Any]:
        value = self.get(file, pointer)
        return value if isinstance(value, list) else []

    @property
    def company_name(self) -> str:
        name = self.get("company", "/name")
        return name if isinstance(name, str) else self.report.id

    @property
    def report_date(self) -> dt.date:
        """The date documents carry as their own (PDF/DOCX/XLSX metadata): the submission date, else the
        signing date, else 31 March after the report year. Never the clock."""
        if self.report.submission_date is not None:
            return self.report.submission_date
        day = formatting.parse_date(self.get("signatures", "/commitment/date"))
        return day if day is not None else dt.date(self.report.year + 1, 3, 31)

    def msg(self, key: str, **args: Any) -> str:
        """The message ``key`` in this document's language."""
        return message(key, self.lang, args)

    def errors_at(self, file: str, pointer: str) -> str:
        """Ids of the unwaived error findings that point at ``file#pointer`` (a draft marks that cell)."""
        return self._errors_by_place.get((f"{file}.yaml", pointer), "")

    @cached_property
    def _errors_by_place(self) -> dict[tuple[str, str], str]:
        """(file name, pointer) → the ids of its error findings, in finding order, each once: one pass over the
        findings instead of one per cell."""
        rules: dict[tuple[str, str], dict[str, None]] = {}
        for view in self.findings:
            if view.state == "error":
                rules.setdefault((view.file.rsplit("/", 1)[-1], view.pointer), {})[view.rule] = None
        return {place: " ".join(ids) for place, ids in rules.items()}

    # -- labels -------------------------------------------------------------------------------------------
    def schema_node(self, file: str, pointer: str) -> dict[str, Any] | None:
        """The schema of ``file#pointer`` with ``$ref`` merged (the field's own keywords win); list items are
        resolved too, so their ``x-names`` are at hand."""
        try:
            base = file
            node, base = self._resolve(self.store.raw(self.version, file), base)
            for token in split_pointer(pointer):
                child = node.get("items") if token.isdigit() or token == "*" else (node.get("properties") or {})[token]
                node, base = self._resolve(child or {}, base)
            if isinstance(node.get("items"), dict):
                node = {**node, "items": self._resolve(node["items"], base)[0]}
        except (KeyError, FileNotFoundError, TypeError, AttributeError):
            return None
        return node

    def _resolve(self, node: dict[str, Any], base: str) -> tuple[dict[str, Any], str]:
        """Follow ``$ref`` (``other.schema.json#/…`` or a local ``#/…`` in the file ``base``)."""
        for _ in range(10):
            ref = node.get("$ref")
            if not isinstance(ref, str):
                break
            target_file, _, fragment = ref.partition("#")
            if target_file:
                base = target_file.removesuffix(".schema.json")
            target: Any = self.store.raw(self.version, base)
            for token in [t for t in fragment.split("/") if t]:
                target = target[token]
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return node, base

    def label(self, file: str, pointer: str, qualify: bool = False) -> tuple[str, str | None]:
        """(label, unit) of a field, from its schema title; ``LookupError`` when the schema has no title."""
        if file == "derived":
            key = pointer.strip("/")
            if key not in DERIVED_LABELS:
                raise LookupError(f"derived#{pointer}")
            unit, _, _ = DERIVED_LABELS[key]
            return message(f"derived.{key}", self.lang), unit
        pattern = "/".join("*" if t.isdigit() else t for t in pointer.split("/"))
        table = self.store.labels(self.version, file)
        found = table.get(pattern)
        if found is None:
            raise LookupError(f"{file}#{pointer}")
        text = found.text(self.lang)
        if qualify:
            parent = table.get(pattern.rsplit("/", 1)[0])
            if parent is not None:
                text = message("text.qualified", self.lang, {"parent": parent.text(self.lang), "text": text})
        return text, found.unit

    def cell(self, file: str, pointer: str, value: Any = _FROM_DATA) -> Cell:
        """A value with its text for this language, its kind decided by the schema (money, count, date…);
        codes and ids a person would not read (province codes, site ids) become names; the ids of error
        findings at this value ride along."""
        if value is _FROM_DATA:
            value = self.get(file, pointer)
        if file == "derived":
            _, kind, places = DERIVED_LABELS[pointer.strip("/")]
            return make_cell(value, kind, self.lang, places)
        shape = (file, "/".join("*" if token.isdigit() else token for token in pointer.split("/")))
        key = _value_key(value)
        made = self._made.get((shape, key)) if key is not None else None
        if made is None:
            made = self._make_cell(shape, file, pointer, value)
            if key is not None:
                self._made[(shape, key)] = made
        error = self.errors_at(file, pointer)
        return replace(made, error=error) if error else made

    def _make_cell(self, shape: tuple[str, str], file: str, pointer: str, value: Any) -> Cell:
        node = self._nodes.get(shape)
        if node is None:  # list indices all resolve through ``items``: one schema per field of a list
            node = self._nodes[shape] = self.schema_node(file, pointer) or {}
        items = node.get("items")
        enum = "enum" in node or (isinstance(items, dict) and "enum" in items)
        name = pointer.rsplit("/", 1)[-1]
        names = names_of(node)
        if name in PROVINCE_FIELDS:
            names = {**self.province_names, **names}
        if name == "site_id" and isinstance(value, str):
            value = self.site_name(value)
        return make_cell(value, kind_of(node, value), self.lang, None, names, enum or name in PROVINCE_FIELDS)

    @cached_property
    def _made(self) -> dict[tuple[tuple[str, str], Any], Cell]:
        """(field of a list, value) → its cell before error marks: a table of 1,000 numbers repeats its kinds,
        statuses and scopes. Cells are immutable, so equal ones can be one object."""
        return {}

    @cached_property
    def _nodes(self) -> dict[tuple[str, str], dict[str, Any]]:
        return {}

    @cached_property
    def province_names(self) -> dict[str, str]:
        node = self.schema_node("company", "/registration_province") or {}
        return names_of(node)

    def site_name(self, site_id: str) -> str:
        """A branch or site's name for its id (the id itself when no branch has it)."""
        for branch in self.items("branches", ""):
            if isinstance(branch, dict) and branch.get("id") == site_id and isinstance(branch.get("name"), str):
                return str(branch["name"])
        return site_id


def _value_key(value: Any) -> Any:
    """A key that tells values apart exactly as they print (type and digits: 1, True, 1.0 and Decimal("1.00")
    differ); ``None`` for a value not worth keying (a mapping, a list of anything but text)."""
    if isinstance(value, Decimal):
        return (Decimal, str(value))
    if value is None or isinstance(value, (str, int, dt.date)):
        return (type(value), value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return (list, tuple(value))
    return None


def kind_of(node: dict[str, Any], value: Any) -> str:
    """How a value reads, from its schema: money (万元), percent, date, ratio, count, yes/no, or text."""
    if isinstance(value, bool):
        return "bool"
    unit = node.get("x-unit")
    types = node.get("type")
    type_list = types if isinstance(types, list) else [types]
    if unit == "万元":
        return "money"
    if unit == "%":
        return "percent"
    if node.get("format") == "date":
        return "date"
    if "number" in type_list and node.get("maximum") == 1 and node.get("minimum") == 0:
        return "ratio"
    if "integer" in type_list:
        return "count"
    if "number" in type_list:
        return "number"
    if "boolean" in type_list:
        return "bool"
    return "text"


def names_of(node: dict[str, Any]) -> dict[str, str]:
    names = node.get("x-names")
    if not isinstance(names, dict):
        items = node.get("items")
        names = items.get("x-names") if isinstance(items, dict) else None
    return names if isinstance(names, dict) else {}


def make_cell(value: Any, kind: str, lang: str, places: int | None = None,
              names: dict[str, str] | None = None, enum: bool = False) -> Cell:
    names = names or {}
    if value is None:
        return Cell(formatting.EMPTY, None, kind, places)
    if isinstance(value, list):
        if not value:
            return Cell(formatting.EMPTY, None, "text")
        parts = [make_cell(item, kind, lang, places, names, enum).text for item in value]
        return Cell(join_list(parts, lang), None, "text")
    if isinstance(value, dict):
        if "no" in value or "date" in value:
            text = message("text.parenthesised", lang, {"text": value.get("no", ""),
                                                        "detail": formatting.date(value.get("date"), lang)})
        else:
            text = "；".join(f"{k}: {v}" for k, v in value.items())
        return Cell(text, None, "text")
    if isinstance(value, str) and value in names:
        return Cell(_name(value, names, lang), value, "text")
    if isinstance(value, str) and enum and has_message(f"enum.{value}", lang):
        return Cell(message(f"enum.{value}", lang), value, "text")
    if kind == "bool" or isinstance(value, bool):
        return Cell(formatting.yesno(value, lang), value, "bool")
    if kind == "money":
        return Cell(formatting.money(value, places or 2), _number_or_none(value), kind, places or 2)
    if kind == "count":
        return Cell(formatting.count(value), _number_or_none(value), kind)
    if kind == "ratio":
        return Cell(formatting.percent(value), _number_or_none(value), kind)
    if kind == "percent":
        return Cell(formatting.percent_value(value), _number_or_none(value), kind)
    if kind == "number":
        return Cell(formatting.number(value, places), _number_or_none(value), kind, places)
    if kind == "date":
        return Cell(formatting.date(value, lang), formatting.parse_date(value), kind)
    return Cell(str(value), value, "text")


def _name(code: str, names: dict[str, str], lang: str) -> str:
    """A code's name: the catalogue's (provinces), else the schema's x-names."""
    return message(f"province.{code}", lang) if has_message(f"province.{code}", lang) else names[code]


def province_name(code: Any, names: dict[str, str], lang: str) -> str:
    if isinstance(code, str) and code in names:
        return _name(code, names, lang)
    return str(code)


def _number_or_none(value: Any) -> Any:
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return value
    return None


def _ratio(numerator: Any, denominator: Any, places: int = 4) -> Decimal | None:
    num, den = formatting.to_decimal(numerator), formatting.to_decimal(denominator)
    if num is None or den is None or den == 0:
        return None
    try:
        return formatting.quantize(num / den, places)
    except InvalidOperation:
        return None


def derive(ctx: ReportContext) -> dict[str, Decimal | None]:
    """Figures computed from the report for cross-checks (never filed). ``None`` where inputs are missing."""
    get = ctx.get
    channels: Decimal | None = Decimal(0)
    for trunk in ctx.items("trunks", ""):
        value = formatting.to_decimal(trunk.get("channels") if isinstance(trunk, dict) else None)
        channels = None if value is None or channels is None else channels + value
    seats = formatting.to_decimal(get("operations", "/seats/total"))
    handled = None
    answered = formatting.to_decimal(get("operations", "/inbound/answered"))
    connected = formatting.to_decimal(get("operations", "/outbound/connected"))
    if answered is not None and connected is not None:
        handled = answered + connected
    per_100k = _ratio(get("compliance", "/complaints/received"), handled, 12)
    deviation = None
    if channels is not None and seats:
        deviation = _ratio(channels - seats, seats)
    revenue_per_seat = _ratio(get("finance", "/call_center_revenue_wan"), seats, 2)
    return {
        "ai_ratio": _ratio(get("operations", "/seats/ai"), seats),
        "inbound_answer_rate": _ratio(answered, get("operations", "/inbound/offered")),
        "outbound_connect_rate": _ratio(connected, get("operations", "/outbound/attempts")),
        "trunk_channels_total": channels,
        "trunk_seat_deviation": deviation,
        "revenue_per_seat_wan": revenue_per_seat,
        "complaints_per_100k": None if per_100k is None else formatting.quantize(per_100k * 100000, 3),
    }


def area_of(rule: str) -> str:
    prefix = rule.split("-", 1)[0]
    for key, prefixes in AREAS:
        if prefix in prefixes:
            return key
    return "format"


def area_text(key: str, lang: str) -> str:
    return message(f"area.{key}", lang) if any(area == key for area, _ in AREAS) else key


def basis_text(rule: str, basis: str, lang: str) -> str:
    """The basis of a finding's rule in the one vocabulary of every document and of ``rac explain``
    (``rules.registry.rule_basis_label``): V 规章/规范性文件 with its article, A 据代理机构资料，原文待核实, I 内部规则;
    a data-format finding (loading, schema) says so."""
    from reportascode.rules.registry import rule_basis_label

    return message("basis.format", lang) if basis == "" else rule_basis_label(rule, lang)


def field_text(ctx_store: SchemaStore, version: str, file: str, pointer: str, lang: str) -> str:
    """Where a finding points, as a person reads it: the field's label (from the schema), never a file path."""
    try:
        table = ctx_store.labels(version, file)
    except (OSError, ValueError, KeyError):
        table = {}
    tokens = [t for t in pointer.split("/") if t]
    parts: list[str] = []
    for end in range(1, len(tokens) + 1):
        pattern = "/" + "/".join("*" if t.isdigit() else t for t in tokens[:end])
        found = table.get(pattern)
        if found is not None:
            parts.append(found.text(lang))
        elif tokens[end - 1].isdigit():
            parts.append(message("pack.item_number", lang, {"number": int(tokens[end - 1]) + 1}))
    document = document_name(file, lang)
    return message("pack.field_in", lang, {"document": document, "field": " · ".join(parts)}) if parts \
        else document


def document_name(file: str, lang: str) -> str:
    """What a file of the report is, as a person reads it (业务数据), never its path: a data file (``operations``,
    ``operations.yaml``, ``reports/2024/operations.yaml``) by its kind, an evidence export by its own name, any
    other file as a workspace file."""
    name = file.rsplit("/", 1)[-1]
    stem = name.removesuffix(".yaml")
    if has_message(f"pack.file.{stem}", lang):
        return message(f"pack.file.{stem}", lang)
    if f"/{file}".rsplit("/", 2)[-2:-1] == ["evidence"]:
        return message("pack.file.evidence", lang, {"name": name})
    return message("pack.file.config", lang)


_FILE_PATH = re.compile(r"(?<![\w/.-])(?:[\w.-]+/)*\.?([a-z_]+)\.yaml\b")


def without_paths(text: str, lang: str) -> str:
    """A message with its file names (``explanations.yaml``) replaced by what the files are (情况说明)."""
    def name(match: re.Match[str]) -> str:
        return document_name(match.group(1), lang)

    return _FILE_PATH.sub(name, text)


def finding_views(report: Report, findings: Sequence[Finding], lang: str,
                  store: SchemaStore | None = None, version: str = "") -> list[FindingView]:
    from reportascode.rules.registry import checks

    basis = {check.id: check.basis for check in checks()}
    views = []
    for finding in findings:
        if finding.report and finding.report != report.id:
            continue
        area = area_of(finding.rule)
        rule_basis = basis.get(finding.rule, "" if area == "format" else "I")
        name = finding.file.rsplit("/", 1)[-1]
        where = field_text(store, version, name.removesuffix(".yaml"), finding.pointer, lang) \
            if store is not None and name.endswith(".yaml") else document_name(finding.file, lang)
        views.append(FindingView(
            rule=finding.rule,
            severity=finding.severity.value,
            severity_text=message(f"severity.{finding.severity.value}", lang),
            file=finding.file,
            line=finding.line,
            column=finding.column,
            pointer=finding.pointer,
            location=f"{finding.file}:{finding.line}:{finding.column}",
            field=where,
            message=without_paths(message(finding.message_key, lang, finding.arguments), lang),
            area=area,
            area_text=area_text(area, lang),
            basis=rule_basis,
            basis_text=basis_text(finding.rule, rule_basis, lang),
            waived_by=finding.waived_by,
            explanation=finding.explanation_text(lang) if finding.explanation is not None else None,
            state=finding.state,
        ))
    return sorted(views, key=lambda v: (_severity_rank(v.severity), v.file, v.line, v.column, v.rule))


def _severity_rank(severity: str) -> int:
    return Severity(severity).rank


def gap_column(view: FindingView) -> str:
    """The heat-map column of a finding: waived, explained (a warning explained in explanations.yaml), or its
    severity: the finding's own state, as every count has it."""
    return view.state


def gap_summary(views: Sequence[FindingView], lang: str) -> GapSummary:
    counts: dict[tuple[str, str], int] = {}
    for view in views:
        key = (view.area, gap_column(view))
        counts[key] = counts.get(key, 0) + 1
    total = count_states(view.state for view in views)
    score = 10 * total.errors + 3 * total.warnings + total.explained
    grade = "high" if score >= 10 else "medium" if score >= 3 else "low"
    return GapSummary(
        areas=[(key, area_text(key, lang)) for key, _ in AREAS],
        counts=counts,
        errors=total.errors,
        warnings=total.warnings,
        infos=total.infos,
        waived=total.waived,
        explained=total.explained,
        score=score,
        grade=grade,
    )


def build_context(report: Report, store: SchemaStore, findings: Sequence[Finding], lang: str,
                  draft: bool) -> ReportContext:
    version = report.schema_version
    if version not in store.versions:
        version = max(store.versions)
    data = {name: report.data(name) for name in REPORT_FILES}
    ctx = ReportContext(report=report, store=store, version=version, lang=lang, draft=draft, data=data,
                        findings=finding_views(report, findings, lang, store, version))
    ctx.derived = derive(ctx)
    ctx.fingerprint = fingerprint(report)
    return ctx
