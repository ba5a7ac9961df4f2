"""The rule catalogue as ``rac rules`` and ``rac explain`` print it, read from the rule registry alone.

Built-in rules come from :mod:`reportascode.rules.registry` (domain checks first, in id order, then the other
rules); inside a workspace, its own rules (``rules/*.yaml``) follow, with their title, doc and assertion.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reportascode.errors import UsageError
from reportascode.messages import message
from reportascode.model.findings import Severity
from reportascode.rules.registry import Kind, Rule, id_key, load_all, threshold_text, unit_text


def all_rules(root: Path | None = None) -> list[Rule]:
    """Every rule: domain checks (in id order), the other built-in rules, then the workspace's own rules."""
    builtin = sorted(load_all().values(), key=lambda r: (r.kind is not Kind.CHECK, id_key(r.id)))
    return builtin + (workspace_rules(root) if root is not None else [])


def workspace_rules(root: Path) -> list[Rule]:
    """The valid rules of ``root/rules/*.yaml`` (a broken rule file is reported by ``rac validate``, not here)."""
    from reportascode.rules.workspace_rules import load_rules

    found = []
    for rule in load_rules(root).rules:
        details = (f"assert: {rule.expression.text}",
                   "reads: " + ", ".join(f"{ref.name} = {ref.text}" for ref in rule.reads),
                   f"source: {rule.location}")
        reads = tuple(sorted({ref.file for ref in rule.reads}))
        found.append(Rule(rule.id, Kind.WORKSPACE, rule.severity, "I", reads=reads, texts=(rule.title, rule.doc),
                          details=details))
    return found


def find_rule(rule_id: str, root: Path | None = None) -> Rule:
    wanted = rule_id.strip().upper()
    for rule in all_rules(root):
        if rule.id.upper() == wanted:
            return rule
    raise UsageError("cli.unknown_rule", id=rule_id)


def rule_entry(rule: Rule, lang: str) -> dict[str, Any]:
    """One rule as ``rac rules --format json`` lists it."""
    return {
        "id": rule.id,
        "kind": rule.kind.value,
        "family": rule.family,
        "severity": rule.severity.value,
        "basis": rule.basis,
        "basis_text": rule.basis_text(lang),
        "title": rule.title(lang),
        "reads": list(rule.reads),
        "evidence": list(rule.evidence),
        "thresholds": {t.name: t.default for t in rule.thresholds},
        "threshold_units": {t.name: unit_text(t.unit, lang) for t in rule.thresholds},
    }


def format_rules(lang: str, output_format: str = "text", root: Path | None = None) -> str:
    """The catalogue as a table (text) or a JSON document."""
    rules = all_rules(root)
    if output_format == "json":
        entries = [rule_entry(r, lang) for r in rules]
        return json.dumps({"version": 1, "rules": entries}, ensure_ascii=False, indent=2) + "\n"
    width = max(len(r.id) for r in rules)
    lines = [f"{r.id:<{width}}  {r.severity.value:<7}  {r.basis}  {r.title(lang)}" for r in rules]
    lines.append(message("rules.header", lang, {"count": len(rules)}))
    return "\n".join(lines) + "\n"


def explain(rule_id: str, lang: str, root: Path | None = None) -> str:
    """One rule's documentation and, for a domain check, its failing and passing examples as YAML."""
    rule = find_rule(rule_id, root)
    lines = [f"{rule.id}  {rule.title(lang)}", ""]
    lines.append(f"{message('explain.kind', lang)}: {message('kind.' + rule.kind.value, lang)}")
    lines.append(f"{message('explain.severity', lang)}: {_severity(rule.severity, lang)}")
    lines.append(f"{message('explain.basis', lang)}: {rule.basis_text(lang)} [{rule.basis}]")
    if rule.reads:
        lines.append(f"{message('explain.reads', lang)}: " + ", ".join(f"{name}.yaml" for name in rule.reads))
    if rule.evidence:
        lines.append(f"{message('explain.evidence', lang)}: " + ", ".join(rule.evidence))
    if rule.thresholds:
        lines.append(message("explain.thresholds", lang, {"id": rule.id}) + ": "
                     + ", ".join(threshold_text(t, lang) for t in rule.thresholds))
    lines += list(rule.details)
    doc = rule.doc(lang)
    if doc:
        lines += ["", doc]
    if rule.kind is Kind.CHECK:
        lines += _examples(rule.id, lang)
    return "\n".join(lines) + "\n"


def _severity(severity: Severity, lang: str) -> str:
    return message(f"severity.{severity.value}", lang)


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
