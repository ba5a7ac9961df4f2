"""The one rule registry: every rule id a finding can carry, with what is known about it.

Each entry says what kind of producer raises the rule (loader, schema, domain check, evidence reconciliation, …),
its default severity, its basis (V regulation, with the article; A only agency sources say it, original text not
verified; I an internal rule, as shared/domain.md tags them), the report files and evidence it reads, its
configurable thresholds (name, default, unit) and where its texts live in the message catalogues. ``rac rules``,
``rac explain``, severity overrides, waivers, documents and tests read rules from here and nowhere else.

Domain checks register with :func:`register` (a decorator on the check function, in ``rules/checks/``); the rules
the tool itself raises (loading, files, schema, placeholders, explanations, the data lock, rule files) are declared
in :mod:`reportascode.rules.tool_rules`, the reconciliation rules in :mod:`reportascode.rules.evidence_rules`; the
producers (which live in lower or higher layers) raise findings under those ids. :func:`load_all` imports every
declaring module once, so a lookup always sees the whole registry.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from decimal import Decimal

from reportascode.messages import Bilingual, has_message, message
from reportascode.model.findings import Finding, Severity, make_args
from reportascode.model.lazy_regex import lazy_compile
from reportascode.model.loader import resolve_pointer
from reportascode.records import FrozenRecord

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from reportascode.model.config import Config
    from reportascode.model.workspace import Report

CheckFunction = Callable[["CheckContext"], Iterable[Finding]]

BASES = ("V", "A", "I")


class Kind(str, enum.Enum):
    """What raises a rule's findings."""

    LOAD = "load"  # reading and parsing a YAML file
    FILE = "file"  # the files of a report folder
    META = "meta"  # the report's own identity (its year)
    SCHEMA = "schema"  # the JSON Schema of the data model
    CHECK = "check"  # a domain check (rules/checks/)
    EVIDENCE = "evidence"  # reconciliation with evidence exports (reconcile/)
    FILL = "fill"  # a value still to fill (the placeholder 待填)
    EXPLANATION = "explanation"  # explanations.yaml
    LOCK = "lock"  # the data lock (rac freeze)
    RULE_FILE = "rule-file"  # a workspace's rule files (rules/*.yaml)
    WORKSPACE = "workspace"  # a workspace's own rule


class Threshold(FrozenRecord):
    """A configurable threshold: ``.reportascode.yaml`` ``thresholds: {<id>: {<name>: <number>}}``.
    ``unit`` names a unit in the message catalogues (``unit.<unit>``)."""

    FIELDS = ("name", "default", "unit")

    name: str
    default: str
    unit: str

    def __init__(self, name: str, default: str, unit: str) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "default", default)
        object.__setattr__(self, "unit", unit)


class Rule(FrozenRecord):
    """One rule. ``sources`` name ``source.<name>`` texts in the message catalogues: for a V rule, the regulation
    and article it rests on; for an A rule, what the agency sources cite. ``func`` is a domain check's function
    (not compared). ``texts``/``details``: a workspace rule's own title and documentation, and its assertion
    (rac explain)."""

    FIELDS = ("id", "kind", "severity", "basis", "sources", "reads", "evidence", "thresholds", "func", "texts",
              "details")
    COMPARED = ("id", "kind", "severity", "basis", "sources", "reads", "evidence", "thresholds", "texts", "details")

    id: str
    kind: Kind
    severity: Severity
    basis: str
    sources: tuple[str, ...]
    reads: tuple[str, ...]
    evidence: tuple[str, ...]
    thresholds: tuple[Threshold, ...]
    func: CheckFunction | None
    texts: tuple[Bilingual | None, Bilingual | None]
    details: tuple[str, ...]

    def __init__(self, id: str, kind: Kind, severity: Severity, basis: str,
                 sources: tuple[str, ...] = (), reads: tuple[str, ...] = (), evidence: tuple[str, ...] = (),
                 thresholds: tuple[Threshold, ...] = (), func: CheckFunction | None = None,
                 texts: tuple[Bilingual | None, Bilingual | None] = (None, None), details: tuple[str, ...] = ()
                 ) -> None:
        set_field = object.__setattr__
        set_field(self, "id", id)
        set_field(self, "kind", kind)
        set_field(self, "severity", severity)
        set_field(self, "basis", basis)
        set_field(self, "sources", sources)
        set_field(self, "reads", reads)
        set_field(self, "evidence", evidence)
        set_field(self, "thresholds", thresholds)
        set_field(self, "func", func)
        set_field(self, "texts", texts)
        set_field(self, "details", details)

    @property
    def family(self) -> str:
        return family_of(self.id)

    @property
    def defaults(self) -> dict[str, str]:
        """Threshold name → default (text, read as Decimal)."""
        return {t.name: t.default for t in self.thresholds}

    @property
    def prefix(self) -> str:
        """Where the rule's texts live: ``check.<id>.*`` for domain checks and reconciliation messages,
        ``rule.<id>.*`` for the rest (titles and docs of the non-check rules)."""
        return "check" if self.kind is Kind.CHECK else "rule"

    def title(self, lang: str) -> str:
        if self.kind is Kind.WORKSPACE:
            return self.texts[0].text(lang) if self.texts[0] is not None else ""
        return message(f"{self.prefix}.{self.id}.title", lang)

    def doc(self, lang: str) -> str:
        if self.kind is Kind.WORKSPACE:
            return self.texts[1].text(lang) if self.texts[1] is not None else ""
        key = f"{self.prefix}.{self.id}.doc"
        return message(key, lang) if has_message(key, lang) else ""

    def basis_text(self, lang: str) -> str:
        return basis_label(self.basis, self.sources, lang)


_RULES: dict[str, Rule] = {}
_FAMILY = lazy_compile(r"^[A-Za-z0-9]+")
# Families no rule uses yet but that the tool keeps for itself (a workspace rule may not take them).
RESERVED_FAMILIES = frozenset({"CONFIG", "WAIVER"})


def family_of(rule_id: str) -> str:
    match = _FAMILY.match(rule_id)
    return match.group(0).upper() if match else rule_id.upper()


def add(rule: Rule) -> Rule:
    """Register ``rule``; an id registered twice, a basis outside V/A/I or a V rule without its source is a bug."""
    if rule.basis not in BASES:
        raise ValueError(f"rule {rule.id}: basis must be V, A or I, not {rule.basis!r}")
    if rule.basis == "V" and not rule.sources:
        raise ValueError(f"rule {rule.id}: a V rule names the regulation it rests on (sources)")
    if rule.id in _RULES:
        raise ValueError(f"rule {rule.id} registered twice")
    _RULES[rule.id] = rule
    return rule


def declare(rule_id: str, kind: Kind, severity: Severity, basis: str = "I", sources: tuple[str, ...] = (),
            reads: tuple[str, ...] = (), evidence: tuple[str, ...] = (),
            thresholds: Iterable[Threshold] = ()) -> Rule:
    """Register a rule that is not a domain check (its producer raises findings under ``rule_id``)."""
    return add(Rule(rule_id, kind, severity, basis, tuple(sources), tuple(reads), tuple(evidence),
                    tuple(thresholds)))


def register(
    check_id: str, severity: Severity, reads: tuple[str, ...], basis: str = "V", sources: tuple[str, ...] = (),
    thresholds: Iterable[Threshold] = (),
) -> Callable[[CheckFunction], CheckFunction]:
    """Register ``func`` as domain check ``check_id``. Its messages live in the catalogues under ``check.<id>``."""

    def decorate(func: CheckFunction) -> CheckFunction:
        add(Rule(check_id, Kind.CHECK, severity, basis, tuple(sources), reads, thresholds=tuple(thresholds),
                 func=func))
        return func

    return decorate


def load_all() -> dict[str, Rule]:
    """Every built-in rule, by id (importing the modules that declare them, once)."""
    from reportascode.rules import evidence_rules, tool_rules  # noqa: F401  (they register on import)
    from reportascode.rules.checks import import_families

    import_families()
    return _RULES


def checks() -> list[Rule]:
    """The domain checks, family modules in name order, each module's in registration order (also when some
    families were imported before the rest: rac validate's cache imports only those it needs)."""
    from reportascode.rules.checks import family_modules

    found = [rule for rule in load_all().values() if rule.kind is Kind.CHECK]
    order = {module: index for index, module in enumerate(family_modules())}
    return sorted(found, key=lambda rule: order.get(getattr(rule.func, "__module__", ""), len(order)))


def registered(rule_id: str) -> Rule | None:
    """The rule ``rule_id`` if the module declaring it has been imported (no other module is imported)."""
    return _RULES.get(rule_id)


def find(rule_id: str) -> Rule | None:
    """The built-in rule ``rule_id`` (exact id), or ``None``."""
    return load_all().get(rule_id)


def get(rule_id: str) -> Rule:
    """The built-in rule ``rule_id``; an unknown id is a bug in the producer."""
    return load_all()[rule_id]


def default_threshold(rule_id: str, name: str) -> str:
    return get(rule_id).defaults[name]


def threshold_names(rule_id: str) -> frozenset[str] | None:
    """The threshold names of built-in rule ``rule_id`` (for the config's check), ``None`` for an unknown id."""
    rule = find(rule_id)
    return None if rule is None else frozenset(rule.defaults)


def load_workspace_config(root: Path, unsaved: str | None = None) -> Config:
    """The workspace config, with threshold names checked against the registry (a misspelt one is exit 2);
    ``unsaved``: an editor's text of the config (rac lsp)."""
    from reportascode.model.config import load_config

    return load_config(root, unsaved, threshold_names)


def families() -> frozenset[str]:
    """The families of the built-in ids and the reserved ones: a workspace rule id may not start with one."""
    return frozenset(rule.family for rule in load_all().values()) | RESERVED_FAMILIES


def id_key(rule_id: str) -> tuple[str, int, str]:
    """Sort key: family, then number (LOAD-ALIAS after LOAD-01-like ids, by name)."""
    family, _, rest = rule_id.partition("-")
    return (family, int(rest) if rest.isdigit() else -1, rest)


def basis_label(basis: str, sources: Iterable[str], lang: str) -> str:
    """The one wording of a basis in every output: V 规章/规范性文件 with its article; A 据代理机构资料，原文待核实
    (with what the agency pages cite); I 内部规则. Never "not regulation" for A: it may be regulation whose text
    we have not verified."""
    cited = message("basis.separator", lang).join(message(f"source.{name}", lang) for name in sources)
    if basis == "V":
        return message("basis.V", lang, {"source": cited})
    if basis == "A":
        return message("basis.A.cited", lang, {"source": cited}) if cited else message("basis.A", lang)
    return message("basis.I", lang)


def rule_basis_label(rule_id: str, lang: str) -> str:
    """The basis wording of a finding's rule (a workspace's own rule, unknown here, is an internal rule)."""
    rule = find(rule_id)
    return rule.basis_text(lang) if rule is not None else message("basis.I", lang)


def unit_text(unit: str, lang: str) -> str:
    return message(f"unit.{unit}", lang)


def threshold_text(threshold: Threshold, lang: str) -> str:
    return f"{threshold.name} = {threshold.default} ({unit_text(threshold.unit, lang)})"


class CheckContext:
    """What a check sees: one report's data (by file name), its previous year, the config, and a finding maker."""

    def __init__(self, report: Report, config: Config, check: Rule) -> None:
        self.report = report
        self.config = config
        self.check = check

    @property
    def year(self) -> int:
        return self.report.year

    @property
    def previous(self) -> Report | None:
        return self.report.previous

    def data(self, name: str) -> Any:
        """A file's plain data; ``None`` when it is missing or unreadable."""
        return self.report.data(name)

    def get(self, name: str, pointer: str, default: Any = None) -> Any:
        """The value at ``pointer`` in file ``name``, or ``default`` when absent."""
        data = self.data(name)
        if data is None:
            return default
        try:
            return resolve_pointer(data, pointer)
        except (KeyError, IndexError, ValueError, TypeError):
            return default

    def threshold(self, name: str, default: Decimal | int | str | None = None) -> Decimal:
        """A configurable threshold: the workspace's value, else ``default``, else the registered default."""
        if default is None:
            default = self.check.defaults[name]
        return self.config.threshold(self.check.id, name, default)

    def variant(self, name: str) -> str:
        """The message key of one of this check's message variants: ``check.<id>.<name>``."""
        return f"check.{self.check.id}.{name}"

    def finding(self, name: str, pointer: str, key: str | None = None, at: str = "value",
                severity: Severity | None = None, **args: Any) -> Finding:
        """A finding of this check at ``pointer`` in file ``name``.

        ``at`` is ``value`` (the value that is wrong), ``key`` (the key naming it) or ``container`` (for a
        missing member: the key of the mapping that should hold it). ``key`` defaults to ``check.<id>``; a
        variant is ``check.<id>.<variant>``. ``severity`` defaults to the check's own (a check may add an
        info note, or escalate, as SIG-03 does after the late-filing month).
        """
        doc = self.report.document(name)
        if doc is None:
            line, column = 1, 1
        elif at == "key":
            line, column = doc.key_position(pointer)
        elif at == "container":
            line, column = doc.container_position(pointer)
        else:
            line, column = doc.value_position(pointer)
        return Finding(
            rule=self.check.id,
            severity=severity or self.check.severity,
            file=self.report.file_path(name),
            line=line,
            column=column,
            pointer=pointer,
            message_key=key or f"check.{self.check.id}",
            args=make_args(args),
            report=self.report.id,
        )


def thresholds(**defaults: tuple[str, str]) -> tuple[Threshold, ...]:
    """``thresholds(tolerance=("0.05", "fraction"))``: name → (default, unit)."""
    return tuple(Threshold(name, default, unit) for name, (default, unit) in defaults.items())

