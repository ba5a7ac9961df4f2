"""JUnit XML: one test suite a report, one failing test case a finding (errors as failures); each suite's
properties give the report's counts (explained and waived findings are counted there, not listed)."""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

from reportascode.model.findings import Finding, count_findings
from reportascode.validate.engine import ValidationResult
from reportascode.validate.formats.findings_common import finding_message


def format_result(result: ValidationResult, lang: str) -> str:
    every: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        every[f.report].append(f)
    suites = ET.Element("testsuites", name="rac validate", tests=str(len(result.active) or 1),
                        failures=str(result.errors))
    if not every:
        suite = ET.SubElement(suites, "testsuite", name="reports", tests="1", failures="0")
        _properties(suite, result.findings)
        ET.SubElement(suite, "testcase", classname="rac", name="all reports valid")
    for report, all_findings in sorted(every.items()):
        findings = [f for f in all_findings if not f.cleared]
        failures = sum(1 for f in findings if f.severity.value == "error")
        suite = ET.SubElement(suites, "testsuite", name=report, tests=str(len(findings)), failures=str(failures))
        _properties(suite, all_findings)
        for f in findings:
            case = ET.SubElement(suite, "testcase", classname=f.rule, name=f"{f.file}:{f.line}:{f.column}",
                                 file=f.file, line=str(f.line))
            text = finding_message(f, lang)
            if f.severity.value == "error":
                ET.SubElement(case, "failure", type=f.rule, message=text).text = f"{f.file}#{f.pointer}"
            else:
                ET.SubElement(case, "system-out").text = f"{f.severity.value} {f.rule}: {text}"
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _properties(suite: ET.Element, findings: list[Finding]) -> None:
    properties = ET.SubElement(suite, "properties")
    for name, value in count_findings(findings).as_dict().items():
        ET.SubElement(properties, "property", name=name, value=str(value))
