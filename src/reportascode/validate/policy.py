"""How the workspace config shapes findings: severity overrides (``off`` drops a finding) and waivers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from reportascode.model.config import Config
from reportascode.model.findings import Finding, Severity


def apply_config(findings: Iterable[Finding], config: Config, today: dt.date) -> list[Finding]:
    """Every finding with its configured severity and, when an unexpired waiver matches, marked waived."""
    return [apply_waivers(apply_severity(f, config), config, today) for f in findings
            if config.severity.get(f.rule) != "off"]


def apply_severity(finding: Finding, config: Config) -> Finding:
    """The configured severity of the finding's rule; a check's info note (YOY-01's "no previous year") stays."""
    override = config.severity.get(finding.rule)
    if override not in ("error", "warning", "info"):
        return finding
    from reportascode.rules.registry import find

    rule = find(finding.rule)
    if finding.severity is Severity.INFO and rule is not None and rule.severity is not Severity.INFO:
        return finding
    return finding.replace(severity=Severity(override))


def apply_waivers(finding: Finding, config: Config, today: dt.date) -> Finding:
    for waiver in config.waivers:
        if waiver.rule != finding.rule or waiver.expires < today:
            continue
        if waiver.report and waiver.report.rstrip("/") != finding.report:
            continue
        if waiver.file and not finding.file.endswith("/" + waiver.file):
            continue
        if waiver.pointer is not None and waiver.pointer != finding.pointer:
            continue
        return finding.replace(waived_by=waiver.label())
    return finding
