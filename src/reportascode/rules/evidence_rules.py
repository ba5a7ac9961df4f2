"""The reconciliation rules REC-01 … REC-12 (reconcile/), declared in the rule registry: severity, basis, the
report files and evidence kinds they read, and their configurable thresholds.

Their texts live in the message catalogues under ``rule.<id>.title``, ``rule.<id>.doc``, ``check.<id>`` and
``check.<id>.<variant>``. A workspace overrides a threshold in ``.reportascode.yaml``
(``thresholds: {REC-01: {tolerance: 0.08}}``) and a severity under ``severity:``, as for any rule.

The 5 % tolerance comes from an agency's description of a regulator's monitoring platform [A]: it is an internal,
configurable tolerance.
"""

from __future__ import annotations

from reportascode.model.findings import Severity
from reportascode.rules.registry import Kind, declare, thresholds

E, W = Severity.ERROR, Severity.WARNING
_ALL = ("trunk_bills", "caller_numbers", "complaints", "recording_sample")
_TOLERANCE = thresholds(tolerance=("0.05", "fraction"))

declare("REC-01", Kind.EVIDENCE, E, "A", reads=("trunks",), evidence=("trunk_bills",), thresholds=_TOLERANCE)
declare("REC-02", Kind.EVIDENCE, W, "A", reads=("operations",), evidence=("trunk_bills",), thresholds=_TOLERANCE)
declare("REC-03", Kind.EVIDENCE, E, "V", ("notice81",), reads=("numbers",), evidence=("caller_numbers",))
declare("REC-04", Kind.EVIDENCE, E, "V", ("notice81",), reads=("numbers",), evidence=("caller_numbers",))
declare("REC-05", Kind.EVIDENCE, E, "I", reads=("operations",), evidence=("caller_numbers",), thresholds=_TOLERANCE)
declare("REC-06", Kind.EVIDENCE, E, "A", reads=("compliance",), evidence=("complaints",), thresholds=_TOLERANCE)
declare("REC-07", Kind.EVIDENCE, W, "A", reads=("compliance",), evidence=("recording_sample",),
        thresholds=thresholds(window_days=("90", "days"), max_gap_days=("15", "days")))
declare("REC-08", Kind.EVIDENCE, E, "V", ("notice81",), reads=("compliance",), evidence=("recording_sample",))
declare("REC-09", Kind.EVIDENCE, E, "I", reads=("trunks",), evidence=("trunk_bills",))
declare("REC-10", Kind.EVIDENCE, W, "I", reads=("trunks",), evidence=("trunk_bills",))
declare("REC-11", Kind.EVIDENCE, E, "I", evidence=_ALL)
declare("REC-12", Kind.EVIDENCE, E, "I", evidence=_ALL)
