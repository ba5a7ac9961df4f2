"""A failing and a passing example per check, as edits to the clean sample report of one year (domain §6).

Each edit maps ``<file>.yaml#<pointer>`` to the new value written as YAML text (``"44"`` is the string 44,
``2025-01-10`` a date, ``[callback, info]`` a list). A pointer one past the end of a list appends to it. A fail
example names the file and pointer of the finding it must produce (``at`` says which position: the value, the
key or, for a missing member, the container). ``rac explain`` prints them, and the tests apply each one to a copy
of ``reports/`` and validate it: the fail example must raise the check at exactly that place, the pass example
must not raise it at all. Not imported on the validation path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Example:
    edits: Mapping[str, str]
    year: int = 2024
    expect: tuple[str, str] | None = None
    at: str = "value"


def fail(year: int, expect: tuple[str, str], edits: Mapping[str, str], at: str = "value") -> Example:
    return Example(edits=edits, year=year, expect=expect, at=at)


def ok(year: int, edits: Mapping[str, str]) -> Example:
    return Example(edits=edits, year=year)


_PENALTY = ("{decision_no: 浙通信罚〔2024〕12号, authority: 浙江省通信管理局, date: 2024-09-10, "
            "reason: 未经用户同意外呼, "
            "fine_wan: 1.5, rectification_report: {no: XL-ZG-2024-01, date: 2024-10-08}}")
_ZERO_TRAFFIC = {
    "operations.yaml#/inbound/offered": "0",
    "operations.yaml#/outbound/attempts": "0",
}

EXAMPLES: dict[str, dict[str, Example]] = {
    "ID-01": {
        "fail": fail(2024, ("company.yaml", "/uscc"), {"company.yaml#/uscc": "91330106MA2K7Q3P11"}),
        "pass": ok(2024, {"company.yaml#/uscc": "91330106MA2K7Q3P10"}),
    },
    "ID-02": {
        "fail": fail(2024, ("licence.yaml", "/holder_name"), {"licence.yaml#/holder_name": "星澜联络科技股份有限公司"}),
        "pass": ok(2024, {"licence.yaml#/licence_no": "B2-20203417", "meta.yaml#/licence_no": "B2-20203417"}),
    },
    "LIC-01": {
        "fail": fail(2024, ("licence.yaml", "/issue_date"), {"licence.yaml#/issue_date": "2025-01-10"}),
        "pass": ok(2024, {"licence.yaml#/issue_date": "2024-12-31"}),
    },
    "LIC-02": {
        "fail": fail(2023, ("licence.yaml", "/expiry_date"), {"licence.yaml#/expiry_date": "2024-06-30"}),
        "pass": ok(2024, {"licence.yaml#/expiry_date": "2025-12-31"}),
    },
    "LIC-03": {
        "fail": fail(2024, ("licence.yaml", "/services/0/status"), {"licence.yaml#/services/0/status": "未开通"}),
        "pass": ok(2024, {"licence.yaml#/services/0/status": "未开通", "operations.yaml#/seats/total": "0",
                          **_ZERO_TRAFFIC}),
    },
    "LIC-04": {
        "fail": fail(2024, ("company.yaml", "/registered_capital_wan"),
                     {"company.yaml#/registered_capital_wan": "800", "company.yaml#/paid_in_capital_wan": "800"}),
        "pass": ok(2024, {"company.yaml#/registered_capital_wan": "1000", "company.yaml#/paid_in_capital_wan": "1000"}),
    },
    "LIC-05": {
        "fail": fail(2023, ("company.yaml", "/changes/0/licence_change_filed"),
                     {"company.yaml#/changes/0/licence_change_filed": "2023-06-20"}),
        "pass": ok(2023, {"company.yaml#/changes/0/licence_change_filed": "2023-06-09"}),
    },
    "GEO-01": {
        "fail": fail(2024, ("operations.yaml", "/by_province/0/province"),
                     {"operations.yaml#/by_province/0/province": '"44"'}),
        "pass": ok(2024, {"operations.yaml#/by_province/0/province": '"44"',
                          "licence.yaml#/services/0/coverage": "[全国]"}),
    },
    "GEO-02": {
        "fail": fail(2024, ("operations.yaml", "/by_province/3/province"),
                     {"branches.yaml#/3/established": "2025-01-05"}),
        "pass": ok(2024, {"branches.yaml#/3/established": "2024-12-31"}),
    },
    "GEO-03": {
        "fail": fail(2024, ("operations.yaml", "/seats/total"), {"operations.yaml#/by_province/0/seats": "310"}),
        "pass": ok(2024, {"operations.yaml#/by_province/0/seats": "310", "operations.yaml#/seats/total": "620",
                          "operations.yaml#/seats/human": "530"}),
    },
    "SEAT-01": {
        "fail": fail(2024, ("operations.yaml", "/seats/total"), {"operations.yaml#/seats/human": "500"}),
        "pass": ok(2024, {"operations.yaml#/seats/total": "620", "operations.yaml#/seats/human": "530",
                          "operations.yaml#/by_province/0/seats": "310"}),
    },
    "SEAT-02": {
        "fail": fail(2024, ("operations.yaml", "/seats/ai_ratio_reported"),
                     {"operations.yaml#/seats/ai_ratio_reported": "0.200"}),
        "pass": ok(2024, {"operations.yaml#/seats/ai_ratio_reported": "0.150"}),
    },
    "SEAT-03": {
        "fail": fail(2024, ("company.yaml", "/staff/call_center"), {"company.yaml#/staff/call_center": "500"}),
        "pass": ok(2024, {"company.yaml#/staff/call_center": "520"}),
    },
    "TRK-01": {
        "fail": fail(2024, ("operations.yaml", "/seats/total"), {"trunks.yaml#/0/channels": "400"}),
        "pass": ok(2024, {"trunks.yaml#/0/channels": "310"}),
    },
    "TRK-02": {
        "fail": fail(2024, ("trunks.yaml", "/1/sublet"), {"trunks.yaml#/1/sublet": "true"}),
        "pass": ok(2024, {"trunks.yaml#/3/contract_start": "2024-06-01"}),
    },
    "TRK-03": {
        "fail": fail(2024, ("numbers.yaml", "/1/trunk_ids/0"), {"numbers.yaml#/1/trunk_ids": "[TRK-ZJ-CT-01]"}),
        "pass": ok(2024, {"numbers.yaml#/1/trunk_ids": "[TRK-JS-CM-01, TRK-ZJ-CT-01]",
                          "trunks.yaml#/0/numbers": '["96801", 400-000-7788, "96802"]'}),
    },
    "TRK-04": {
        "fail": fail(2024, ("operations.yaml", "/peak_concurrent_calls"),
                     {"operations.yaml#/peak_concurrent_calls": "700"}),
        "pass": ok(2024, {"operations.yaml#/peak_concurrent_calls": "620"}),
    },
    "NUM-01": {
        "fail": fail(2024, ("numbers.yaml", "/0/valid_until"), {"numbers.yaml#/0/valid_until": "2026-06-17"}),
        "pass": ok(2024, {"numbers.yaml#/0/allocated": "2020-06-18"}),
    },
    "NUM-02": {
        "fail": fail(2024, ("numbers.yaml", "/1/scope/0"), {"numbers.yaml#/1/scope": '["44"]'}),
        "pass": ok(2024, {"numbers.yaml#/1/scope": '["51"]'}),
    },
    "NUM-03": {
        "fail": fail(2024, ("numbers.yaml", "/0/outbound_commitment_date"),
                     {"numbers.yaml#/0/outbound_commitment_date": "null"}),
        "pass": ok(2024, {"numbers.yaml#/1/outbound_enabled": "true",
                          "numbers.yaml#/1/outbound_commitment_date": "2021-03-01",
                          "numbers.yaml#/1/outbound_purpose": "[callback]"}),
    },
    "NUM-04": {
        "fail": fail(2024, ("numbers.yaml", "/0/code_annual_report_filed"),
                     {"numbers.yaml#/0/code_annual_report_filed": "2025-04-10"}),
        "pass": ok(2024, {"numbers.yaml#/0/code_annual_report_filed": "2025-03-31"}),
    },
    "NUM-05": {
        "fail": fail(2024, ("numbers.yaml", "/1/status"), {"numbers.yaml#/1/status": "未启用"}),
        "pass": ok(2024, {"numbers.yaml#/1/status": "退还"}),
    },
    "OUT-01": {
        "fail": fail(2024, ("operations.yaml", "/outbound/by_purpose/marketing"),
                     {"operations.yaml#/outbound/by_purpose/marketing": "100000",
                      "operations.yaml#/outbound/by_purpose/callback": "4000000"}),
        "pass": ok(2024, {"operations.yaml#/outbound/by_purpose/info": "600000",
                          "operations.yaml#/outbound/by_purpose/callback": "4000000"}),
    },
    "OUT-02": {
        "fail": fail(2024, ("operations.yaml", "/outbound/attempts"),
                     {"operations.yaml#/outbound/by_purpose/info": "400000"}),
        "pass": ok(2024, {"operations.yaml#/outbound/by_purpose/info": "400000",
                          "operations.yaml#/outbound/by_purpose/callback": "4200000"}),
    },
    "OUT-03": {
        "fail": fail(2024, ("compliance.yaml", "/recording_retention_days"),
                     {"compliance.yaml#/recording_retention_days": "15"}),
        "pass": ok(2024, {"compliance.yaml#/recording_retention_days": "30"}),
    },
    "OUT-04": {
        "fail": fail(2024, ("operations.yaml", "/avg_talk_seconds"), {"operations.yaml#/avg_talk_seconds": "200"}),
        "pass": ok(2024, {"operations.yaml#/avg_talk_seconds": "179"}),
    },
    "FIN-01": {
        "fail": fail(2024, ("finance.yaml", "/telecom_revenue_wan"), {"finance.yaml#/telecom_revenue_wan": "9500"}),
        "pass": ok(2024, {"finance.yaml#/telecom_revenue_wan": "9000"}),
    },
    "FIN-02": {
        "fail": fail(2024, ("finance.yaml", "/call_center_revenue_wan"),
                     {"finance.yaml#/audit/special_report/audited_call_center_revenue_wan": "8640"}),
        "pass": ok(2024, {"finance.yaml#/audit/special_report/audited_call_center_revenue_wan": "8460.01"}),
    },
    "FIN-03": {
        "fail": fail(2023, ("finance.yaml", "/call_center_revenue_wan"),
                     {"finance.yaml#/call_center_revenue_wan": "2000"}),
        "pass": ok(2023, {"finance.yaml#/call_center_revenue_wan": "2500"}),
    },
    "FIN-04": {
        "fail": fail(2024, ("finance.yaml", "/total_assets_wan"), {"finance.yaml#/total_assets_wan": "73623000"}),
        "pass": ok(2024, {"finance.yaml#/total_assets_wan": "99999"}),
    },
    "FIN-05": {
        "fail": fail(2024, ("licence.yaml", "/services/0/status"),
                     {**_ZERO_TRAFFIC, "finance.yaml#/call_center_revenue_wan": "0"}),
        "pass": ok(2024, {**_ZERO_TRAFFIC, "finance.yaml#/call_center_revenue_wan": "12.5"}),
    },
    "QOS-01": {
        "fail": fail(2024, ("compliance.yaml", "/complaints/reply_rate_reported"),
                     {"compliance.yaml#/complaints/reply_rate_reported": "0.95"}),
        "pass": ok(2024, {"compliance.yaml#/complaints/replied": "230",
                          "compliance.yaml#/complaints/reply_rate_reported": "0.9746"}),
    },
    "QOS-02": {
        "fail": fail(2023, ("compliance.yaml", "/harassment_notices/0/rectification_report/date"),
                     {"compliance.yaml#/harassment_notices/0/rectification_report/date": "2023-08-01"}),
        "pass": ok(2023, {"compliance.yaml#/harassment_notices/0/rectification_report/date": "2023-08-14"}),
    },
    "QOS-03": {
        "fail": fail(2024, ("compliance.yaml", "/credit_status/bad_list"), {"compliance.yaml#/penalties/0": _PENALTY}),
        "pass": ok(2024, {"compliance.yaml#/penalties/0": _PENALTY, "compliance.yaml#/credit_status/bad_list": "true"}),
    },
    "SHR-01": {
        "fail": fail(2024, ("company.yaml", "/shareholders"), {"company.yaml#/shareholders/2/pct": "5"}, at="key"),
        "pass": ok(2024, {"company.yaml#/shareholders/1/pct": "15", "company.yaml#/shareholders/2/pct": "15"}),
    },
    "SEC-01": {
        "fail": fail(2024, ("compliance.yaml", "/netsec/last_test_date"),
                     {"compliance.yaml#/netsec/last_test_date": "2023-10-22"}),
        "pass": ok(2024, {"compliance.yaml#/netsec/last_test_date": "2023-12-31"}),
    },
    "OUTS-01": {
        "fail": fail(2024, ("operations.yaml", "/outsourcing/0/subcontractor_licence_no"),
                     {"operations.yaml#/outsourcing/0/role": "sub",
                      "operations.yaml#/outsourcing/0/upstream": "杭州云联外包集团有限公司",
                      "operations.yaml#/outsourcing/0/subcontractor_licence_no": "浙B2-20210001"}),
        "pass": ok(2024, {"operations.yaml#/outsourcing/0/subcontractor_licence_no": "浙B2-20210001"}),
    },
    "YOY-01": {
        "fail": fail(2024, ("company.yaml", "/staff/total"), {"company.yaml#/staff/total": "1000"}),
        "pass": ok(2024, {"company.yaml#/staff/total": "930"}),
    },
    "SIG-01": {
        "fail": fail(2024, ("signatures.yaml", "/commitment/signer"), {"signatures.yaml#/commitment/signer": "沈若岚"}),
        "pass": ok(2024, {"company.yaml#/legal_rep/name": "沈若岚", "signatures.yaml#/commitment/signer": "沈若岚",
                          "signatures.yaml#/data_authenticity_letter/legal_rep": "沈若岚"}),
    },
    "SIG-02": {
        "fail": fail(2024, ("finance.yaml", "/audit/report_date"), {"finance.yaml#/audit/report_date": "2025-03-20"}),
        "pass": ok(2024, {"finance.yaml#/audit/report_date": "2025-03-17"}),
    },
    "SIG-03": {
        "fail": fail(2024, ("meta.yaml", "/submission_date"), {"meta.yaml#/submission_date": "2025-04-15"}),
        "pass": ok(2024, {"meta.yaml#/submission_date": "2025-03-31"}),
    },
}


def snippet(example: Example) -> str:
    """The example's edits as YAML, one block per file, nested along each pointer (``- # [3]`` marks item 3)."""
    from reportascode.model.loader import split_pointer

    by_file: dict[str, list[tuple[list[str], str]]] = {}
    for target, value in example.edits.items():
        file_name, _, pointer = target.partition("#")
        by_file.setdefault(file_name, []).append((split_pointer(pointer), value))
    lines: list[str] = []
    for file_name, edits in by_file.items():
        lines.append(f"# reports/{example.year}/{file_name}")
        lines.extend(_nest(sorted(edits, key=lambda e: [t.zfill(6) for t in e[0]]), 0))
    return "\n".join(lines)


def _nest(edits: list[tuple[list[str], str]], indent: int) -> list[str]:
    lines: list[str] = []
    pad = " " * indent
    groups: dict[str, list[tuple[list[str], str]]] = {}
    for tokens, value in edits:
        groups.setdefault(tokens[0], []).append((tokens[1:], value))
    for token, rest in groups.items():
        head = f"- # [{token}]" if token.isdigit() else f"{token}:"
        leaf = [value for tokens, value in rest if not tokens]
        if leaf and token.isdigit():
            lines.append(f"{pad}- {leaf[0]}  # [{token}]")
        elif leaf:
            lines.append(f"{pad}{token}: {leaf[0]}")
        else:
            lines.append(pad + head)
            lines.extend(_nest([(t, v) for t, v in rest if t], indent + 2))
    return lines
