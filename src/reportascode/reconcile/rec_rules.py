"""The reconciliation rules REC-01 … REC-12: id, default severity, basis, the report files and evidence kinds
they read, and their configurable thresholds.

These rules are not domain checks (they read evidence exports, not only the report), so they keep their own
catalogue here; their texts live in the message catalogues under ``rule.<id>.title``, ``rule.<id>.doc``,
``check.<id>`` and ``check.<id>.<variant>``. A workspace overrides a threshold in ``.reportascode.yaml``
(``thresholds: {REC-01: {tolerance: 0.08}}``) and a severity under ``severity:``, as for any check.

``basis``: V regulation (verified), A agency claim, I internal design choice. The 5 % tolerance comes from an
agency's description of a regulator's monitoring platform [A]: it is an internal, configurable tolerance.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from reportascode.model.findings import Severity


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    basis: str
    reads: tuple[str, ...]
    evidence: tuple[str, ...]
    thresholds: Mapping[str, str] = field(default_factory=dict)


def _rule(rule_id: str, severity: Severity, basis: str, reads: tuple[str, ...], evidence: tuple[str, ...],
          **thresholds: str) -> Rule:
    return Rule(rule_id, severity, basis, reads, evidence, dict(thresholds))


E, W = Severity.ERROR, Severity.WARNING

RULES: dict[str, Rule] = {r.id: r for r in (
    _rule("REC-01", E, "A", ("trunks",), ("trunk_bills",), tolerance="0.05"),
    _rule("REC-02", W, "A", ("operations",), ("trunk_bills",), tolerance="0.05"),
    _rule("REC-03", E, "V", ("numbers",), ("caller_numbers",)),
    _rule("REC-04", E, "V", ("numbers",), ("caller_numbers",)),
    _rule("REC-05", E, "I", ("operations",), ("caller_numbers",), tolerance="0.05"),
    _rule("REC-06", E, "A", ("compliance",), ("complaints",), tolerance="0.05"),
    _rule("REC-07", W, "A", ("compliance",), ("recording_sample",), window_days="90", max_gap_days="15"),
    _rule("REC-08", E, "V", ("compliance",), ("recording_sample",)),
    _rule("REC-09", E, "I", ("trunks",), ("trunk_bills",)),
    _rule("REC-10", W, "I", ("trunks",), ("trunk_bills",)),
    _rule("REC-11", E, "I", (), ("trunk_bills", "caller_numbers", "complaints", "recording_sample")),
    _rule("REC-12", E, "I", (), ("trunk_bills", "caller_numbers", "complaints", "recording_sample")),
)}
