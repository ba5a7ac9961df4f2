"""The typing mistakes people make, each one finding at the right position, in the user's language, with the
fix spelled out, and no follow-up finding from a check on the same value (shared/domain.md §4 conventions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_rac

OPS, FIN, LIC, NUM = ("reports/2024/operations.yaml", "reports/2024/finance.yaml", "reports/2024/licence.yaml",
                      "reports/2024/numbers.yaml")

# file, text, typed instead, rule, line, column, fix in the message (zh and en)
CASES = [
    (OPS, "  human: 520", "  human：520", "LOAD-SYNTAX", 6, 8, "human: 520"),
    (OPS, "clients_signed: 38 ", "clients_signed:\u300038 ", "LOAD-SYNTAX", 10, 16, "clients_signed: 38"),
    (OPS, "  human: 520", "\u3000\u3000human: 520", "LOAD-SYNTAX", 6, 1, "human"),
    (OPS, "clients_signed: 38 ", "clients_signed: ３８ ", "SCHEMA-TYPE", 10, 17, "38"),
    (OPS, '  - province: "51" ', "  - province: 四川 ", "SCHEMA-ENUM", 45, 15, "51"),
    (OPS, '  - province: "51" ', "  - province: 四川省 ", "SCHEMA-ENUM", 45, 15, "51"),
    (LIC, "issue_date: 2020-06-18", "issue_date: 2020年6月18日", "SCHEMA-FORMAT", 7, 13, "2020-06-18"),
    (LIC, "issue_date: 2020-06-18", "issue_date: 2020/06/18", "SCHEMA-FORMAT", 7, 13, "2020-06-18"),
    (LIC, "issue_date: 2020-06-18", "issue_date: 2020.6.18", "SCHEMA-FORMAT", 7, 13, "2020-06-18"),
    (FIN, "\ncall_center_revenue_wan: 8460 ", "\ncall_center_revenue_wan: 8,460万 ", "SCHEMA-TYPE", 7, 26, "8460"),
    (FIN, "\ncall_center_revenue_wan: 8460 ", "\ncall_center_revenue_wan: 8460万元 ", "SCHEMA-TYPE", 7, 26, "8460"),
    (FIN, "\ncall_center_revenue_wan: 8460 ", "\ncall_center_revenue_wan: 84,600,000元 ", "SCHEMA-TYPE", 7, 26,
     "8460"),
    (OPS, "  ai_ratio_reported: 0.148 ", "  ai_ratio_reported: 14.8% ", "SCHEMA-TYPE", 8, 22, "0.148"),
    (OPS, "  ai_ratio_reported: 0.148 ", "  ai_ratio_reported: 14.8 ", "SCHEMA-RANGE", 8, 22, "0.148"),
    (NUM, "  outbound_enabled: true ", "  outbound_enabled: 是 ", "SCHEMA-TYPE", 15, 21, "true"),
    (NUM, "  outbound_enabled: false ", "  outbound_enabled: no ", "SCHEMA-TYPE", 29, 21, "false"),
]


def _findings(root: Path, lang: str) -> list[dict[str, object]]:
    run = run_rac("validate", "--format", "json", "--lang", lang, "reports/2024", cwd=root)
    assert run.code == 1, run.err
    return [f for f in json.loads(run.out)["findings"] if f["severity"] == "error"]


@pytest.mark.parametrize(("file", "text", "typed", "rule", "line", "column", "fix"), CASES,
                         ids=[c[2].strip().encode("unicode_escape").decode() for c in CASES])
def test_each_typing_mistake_is_one_finding_with_its_fix(workspace: Path, file: str, text: str, typed: str,
                                                         rule: str, line: int, column: int, fix: str) -> None:
    path = workspace / file
    content = path.read_text(encoding="utf-8")
    assert content.count(text) == 1, text
    path.write_text(content.replace(text, typed), encoding="utf-8")
    for lang, words in (("zh", ("应", "改为", "写作")), ("en", ("write", "expected"))):
        findings = _findings(workspace, lang)
        assert [(f["rule"], f["file"], f["line"], f["column"]) for f in findings] == [(rule, file, line, column)]
        message = str(findings[0]["message"])
        assert fix in message and any(word in message for word in words), message
        if lang == "en":
            value = typed.strip().split(": ", 1)[-1]
            words_en = message.replace(value, "").replace("万元", "").replace("万", "").replace("元", "")
            assert not any("\u4e00" <= ch <= "\u9fff" for ch in words_en.replace("四川", "")), message


def test_province_name_names_the_code_and_no_contradicting_follow_up(workspace: Path) -> None:
    path = workspace / OPS
    path.write_text(path.read_text(encoding="utf-8").replace('  - province: "51" ', "  - province: 湖北 "),
                    encoding="utf-8")
    findings = _findings(workspace, "zh")
    assert [f["rule"] for f in findings] == ["SCHEMA-ENUM"]
    assert "应为省级代码 42（湖北）" in str(findings[0]["message"])
