"""The rule catalogue: every rule id a finding can carry, with its severity, basis, title and documentation.

Domain checks come from the check registry (their texts are ``check.<ID>.title`` / ``check.<ID>.doc`` in the
message catalogues, their examples from :mod:`reportascode.rules.checks.examples`). Other rules (loading, files, schema,
explanations, and any rule another part of rac documents as ``rule.<ID>.title``) are listed from the catalogues.
Inside a workspace, its own rules (``rules/*.yaml``) follow, with their title, doc and assertion.
``rac rules`` and ``rac explain`` print what this module returns.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from reportascode.errors import UsageError
from reportascode.messages import Bilingual, en, message

# Severity of the rules rac raises outside the check registry (loader, files, schema, explanations).
BUILTIN_SEVERITY: dict[str, str] = {
    **{rule: "error" for rule in (
        "LOAD-SYNTAX", "LOAD-DUPLICATE-KEY", "LOAD-TAB", "LOAD-DEPTH", "LOAD-ALIAS", "LOAD-SIZE", "LOAD-READ",
        "LOAD-ENCODING", "LOAD-TAG", "FILE-MISSING", "FILE-EMPTY", "META-YEAR", "SCHEMA-VERSION",
        "SCHEMA-TYPE", "SCHEMA-REQUIRED", "SCHEMA-UNKNOWN-KEY", "SCHEMA-ENUM", "SCHEMA-FORMAT",
        "SCHEMA-PATTERN", "SCHEMA-RANGE", "SCHEMA-LENGTH", "SCHEMA-DECIMALS", "SCHEMA-OTHER", "SCHEMA-REF",
    )},
    "FILE-UNKNOWN": "warning",
    "EXPL-01": "warning",
}
BUILTIN_BASIS = "I"
_RULE_TITLE = re.compile(r"^rule\.(?P<id>[^.]+)\.title$")


@dataclass(frozen=True)
class RuleInfo:
    id: str
    kind: str  # "check", "builtin" or "workspace"
    severity: str
    basis: str
    reads: tuple[str, ...] = ()
    thresholds: tuple[tuple[str, str], ...] = ()
    texts: tuple[Bilingual | None, Bilingual | None] = (None, None)  # a workspace rule's own title and doc
    details: tuple[str, ...] = ()  # a workspace rule's assertion, reads and source, for rac explain

    @property
    def prefix(self) -> str:
        return "check" if self.kind == "check" else "rule"

    def title(self, lang: str) -> str:
        if self.kind == "workspace":
            return self.texts[0].text(lang) if self.texts[0] is not None else ""
        return message(f"{self.prefix}.{self.id}.title", lang)

    def doc(self, lang: str) -> str:
        if self.kind == "workspace":
            return self.texts[1].text(lang) if self.texts[1] is not None else ""
        key = f"{self.prefix}.{self.id}.doc"
        text = message(key, lang)
        return "" if text == key else text


def all_rules(root: Path | None = None) -> list[RuleInfo]:
    """Every documented rule: domain checks (in id order), the other rules, then the workspace's own rules."""
    from reportascode.rules.checks import load_all

    checks = load_all()
    rules = [
        RuleInfo(c.id, "check", c.severity.value, c.basis, c.reads, tuple(sorted(c.thresholds.items())))
        for c in sorted(checks.values(), key=lambda c: _id_key(c.id))
    ]
    others = set(BUILTIN_SEVERITY)
    others.update(m.group("id") for m in map(_RULE_TITLE.match, en.MESSAGES) if m is not None)
    rules += [RuleInfo(rule, "builtin", BUILTIN_SEVERITY.get(rule, "-"),
                       BUILTIN_BASIS if rule in BUILTIN_SEVERITY else "-")
              for rule in sorted(others - set(checks), key=_id_key)]
    if root is not None:
        rules += workspace_rules(root)
    return rules


def workspace_rules(root: Path) -> list[RuleInfo]:
    """The valid rules of ``root/rules/*.yaml`` (a broken rule file is reported by ``rac validate``, not here)."""
    from reportascode.rules.workspace_rules import load_rules

    found = []
    for rule in load_rules(root).rules:
        details = (f"assert: {rule.expression.text}",
                   "reads: " + ", ".join(f"{ref.name} = {ref.text}" for ref in rule.reads),
                   f"source: {rule.location}")
        found.append(RuleInfo(rule.id, "workspace", rule.severity.value, "I", texts=(rule.title, rule.doc),
                              details=details))
    return found


def find_rule(rule_id: str, root: Path | None = None) -> RuleInfo:
    wanted = rule_id.strip().upper()
    for rule in all_rules(root):
        if rule.id.upper() == wanted:
            return rule
    raise UsageError("cli.unknown_rule", id=rule_id)


def _id_key(rule_id: str) -> tuple[str, int, str]:
    family, _, rest = rule_id.partition("-")
    return (family, int(rest) if rest.isdigit() else -1, rest)


def format_rules(lang: str, output_format: str = "text", root: Path | None = None) -> str:
    """The catalogue as a table (text) or a JSON document."""
    rules = all_rules(root)
    if output_format == "json":
        entries = [{"id": r.id, "kind": r.kind, "severity": r.severity, "basis": r.basis, "title": r.title(lang),
                    "reads": list(r.reads), "thresholds": dict(r.thresholds)} for r in rules]
        return json.dumps({"version": 1, "rules": entries}, ensure_ascii=False, indent=2) + "\n"
    width = max(len(r.id) for r in rules)
    lines = [f"{r.id:<{width}}  {r.severity:<7}  {r.basis}  {r.title(lang)}" for r in rules]
    lines.append(message("rules.header", lang, {"count": len(rules)}))
    return "\n".join(lines) + "\n"


def explain(rule_id: str, lang: str, root: Path | None = None) -> str:
    """One rule's documentation and, for a domain check, its failing and passing examples as YAML."""
    rule = find_rule(rule_id, root)
    lines = [f"{rule.id}  {rule.title(lang)}", ""]
    lines.append(f"{message('explain.severity', lang)}: {message('severity.' + rule.severity, lang)}"
                 if rule.severity != "-" else f"{message('explain.severity', lang)}: -")
    lines.append(f"{message('explain.basis', lang)}: {rule.basis} ({message('rules.basis.' + rule.basis, lang)})")
    if rule.reads:
        lines.append(f"{message('explain.reads', lang)}: " + ", ".join(f"{name}.yaml" for name in rule.reads))
    if rule.thresholds:
        lines.append(message("explain.thresholds", lang, {"id": rule.id}) + ": "
                     + ", ".join(f"{name} = {value}" for name, value in rule.thresholds))
    lines += list(rule.details)
    doc = rule.doc(lang)
    if doc:
        lines += ["", doc]
    if rule.kind == "check":
        lines += _examples(rule.id, lang)
    return "\n".join(lines) + "\n"


def _examples(rule_id: str, lang: str) -> list[str]:
    from reportascode.rules.checks.examples import EXAMPLES, snippet

    examples = EXAMPLES.get(rule_id, {})
    lines: list[str] = []
    for kind in ("fail", "pass"):
        example = examples.get(kind)
        if example is None:
            continue
        lines.append("")
        if kind == "fail" and example.expect is not None:
            file_name, pointer = example.expect
            lines.append(message("explain.fail", lang, {"file": f"reports/{example.year}/{file_name}",
                                                        "pointer": pointer}))
        else:
            lines.append(message("explain.pass", lang))
        lines.append("  # " + message("explain.example_base", lang, {"year": example.year}))
        lines += ["  " + line for line in snippet(example).splitlines()]
    return lines
