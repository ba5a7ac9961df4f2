"""Workspace rules (rules/*.yaml): loading, the expression sandbox, Decimal arithmetic, findings and positions."""

from __future__ import annotations

import json
import textwrap
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reportascode.rules.expressions import (
    MISSING,
    EvaluationError,
    ExpressionError,
    MissingValue,
    compile_expression,
)
from reportascode.rules.workspace_rules import load_rules, scalar_position
from tests.conftest import REPO_ROOT, run_rac

INSURED_RULE = """\
rules:
  - id: ACME-01
    severity: error
    message:
      zh: "缴纳社保人数 {insured} 低于从业人员总数 {total} 的 90%"
      en: "social-insured staff {insured} below 90% of total staff {total}"
    reads:
      insured: "company#/staff/social_insured"
      total: "company#/staff/total"
    assert: insured >= total * 0.9
"""


def write(root: Path, name: str, text: str) -> None:
    folder = root / "rules"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def validate(root: Path, *paths: str) -> tuple[int, list[dict[str, Any]]]:
    run = run_rac("validate", "--format", "json", "--lang", "en", *paths, cwd=root)
    assert run.code in (0, 1), run.err  # never a crash (3) or a usage error (2)
    return run.code, json.loads(run.out)["findings"]


def only(findings: list[dict[str, Any]], rule: str) -> list[dict[str, Any]]:
    return [f for f in findings if f["rule"] == rule]


def where(finding: dict[str, Any]) -> tuple[str, int, int]:
    return finding["file"], finding["line"], finding["column"]


def set_insured(root: Path, year: int, value: int) -> None:
    path = root / "reports" / str(year) / "company.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("  social_insured:"))
    lines[index] = lines[index].replace(lines[index].split()[1], str(value), 1)
    path.write_text("\n".join(lines), encoding="utf-8")


# ------------------------------------------------------------------------------------------- the example rule

def test_social_insured_rule_passes_on_the_sample(workspace: Path) -> None:
    write(workspace, "staff.yaml", INSURED_RULE)
    code, findings = validate(workspace)
    assert code == 0
    assert not [f for f in findings if f["rule"] == "ACME-01" or f["rule"].startswith("RULES-")]


def test_social_insured_rule_fires_at_the_value(workspace: Path) -> None:
    write(workspace, "staff.yaml", INSURED_RULE)
    set_insured(workspace, 2024, 700)
    code, findings = validate(workspace)
    assert code == 1
    [finding] = only(findings, "ACME-01")
    assert where(finding) == ("reports/2024/company.yaml", 28, 19)
    assert finding["pointer"] == "/staff/social_insured"
    assert finding["severity"] == "error"
    assert finding["report"] == "reports/2024"
    assert finding["message"].startswith("social-insured staff 700 below 90% of total staff 860")
    assert "rules/staff.yaml:2" in finding["message"]


def test_rule_message_in_chinese(workspace: Path) -> None:
    write(workspace, "staff.yaml", INSURED_RULE)
    set_insured(workspace, 2023, 600)
    run = run_rac("validate", "--lang", "zh", "reports/2023", cwd=workspace)
    assert run.code == 1
    assert "reports/2023/company.yaml:28:19: error ACME-01 缴纳社保人数 600 低于从业人员总数 720 的 90%" in run.out


def test_at_names_the_field_a_finding_points_at(workspace: Path) -> None:
    write(workspace, "staff.yaml", INSURED_RULE.replace("    assert:", "    at: total\n    assert:"))
    set_insured(workspace, 2024, 700)
    _, findings = validate(workspace)
    [finding] = only(findings, "ACME-01")
    assert where(finding) == ("reports/2024/company.yaml", 25, 10)
    assert finding["pointer"] == "/staff/total"


def test_the_project_workspace_example_rule_passes() -> None:
    from reportascode.model.config import load_config
    from reportascode.model.schemas import SchemaStore
    from reportascode.model.workspace import Workspace
    from reportascode.validate.engine import validate_reports

    assert (REPO_ROOT / "rules" / "staff.yaml").is_file()
    workspace = Workspace(REPO_ROOT)
    result = validate_reports(workspace.reports(), load_config(REPO_ROOT), SchemaStore(REPO_ROOT))
    assert result.reports >= 3
    rules = load_rules(REPO_ROOT, builtin_ids=())
    assert [r.id for r in rules.rules] == ["XL-STAFF-01"] and not rules.findings
    [rule] = rules.rules
    assert rule.title is not None and rule.title.en.startswith("Social-insured staff")
    assert (rule.severity.value, rule.at.name, rule.location) == ("warning", "insured", "rules/staff.yaml:5")
    assert not [f for f in result.findings if f.rule == "XL-STAFF-01" or f.rule.startswith("RULES-")]


def test_severity_override_and_waiver_apply_to_workspace_rules(workspace: Path) -> None:
    write(workspace, "staff.yaml", INSURED_RULE)
    set_insured(workspace, 2024, 700)
    (workspace / ".reportascode.yaml").write_text("severity:\n  ACME-01: warning\n", encoding="utf-8")
    code, findings = validate(workspace)
    assert code == 0
    assert [f["severity"] for f in only(findings, "ACME-01")] == ["warning"]


# ------------------------------------------------------------------------------------ the expression sandbox

RULE_TEMPLATE = """\
rules:
  - id: ACME-01
    severity: error
    message: m
    reads: {{x: "company#/staff/total"}}
    assert: {expr}
"""
ASSERT_LINE, ASSERT_COLUMN = 6, 13


@pytest.mark.parametrize(
    ("expr", "key", "offset"),
    [
        ("x.__class__", "rules.expr.refused", 2),
        ("x.__class__.__mro__", "rules.expr.refused", 2),
        ("__import__('os')", "rules.expr.unknown_function", 0),
        ("__import__('os').system('true')", "rules.expr.refused", 17),
        ("open('/etc/passwd')", "rules.expr.unknown_function", 0),
        ("eval('1') == 1", "rules.expr.unknown_function", 0),
        ("getattr(x, '__class__')", "rules.expr.unknown_function", 0),
        ("(lambda: 1)() == 1", "rules.expr.refused", 1),
        ("[y for y in [1, 2]] == []", "rules.expr.refused", 0),
        ("sum(y for y in [x]) > 0", "rules.expr.refused", 3),
        ("().__class__.__bases__", "rules.expr.refused", 3),
        ("x ** 999999999 > 1", "rules.expr.refused", 2),
        ("2 ** 10 ** 100 > x", "rules.expr.refused", 2),
        ("y > 1", "rules.expr.unknown_name", 0),
        ("x > 1 and __builtins__", "rules.expr.unknown_name", 10),
        ("x[0] == 1", "rules.expr.refused", 0),
        ("(y := 1) == 1", "rules.expr.refused", 1),
        ("x == None", "rules.expr.refused", 5),
        ("x is 1", "rules.expr.refused", 2),
        ("round(x, ndigits=2) > 1", "rules.expr.refused", 9),
        ("max(*[x]) > 1", "rules.expr.refused", 4),
        ("{'a': 1} == x", "rules.expr.refused", 0),
        ("x > 1e999999999", "rules.expr.number", 4),
        ("x > (", "rules.expr.syntax", 4),
        ("x > 1 )", "rules.expr.syntax", 6),
        ("abs == 1", "rules.expr.function_value", 0),
        ("present(1)", "rules.expr.present", 8),
        ("min() > 1", "rules.expr.arity", 0),
    ],
)
def test_refused_expressions_are_findings_at_the_assertion(workspace: Path, expr: str, key: str,
                                                           offset: int) -> None:
    write(workspace, "bad.yaml", RULE_TEMPLATE.format(expr=json.dumps(expr)))
    code, findings = validate(workspace)
    assert code == 1
    [finding] = only(findings, "RULES-01")
    # json.dumps wraps the expression in double quotes: the text starts one column later.
    assert where(finding) == ("rules/bad.yaml", ASSERT_LINE, ASSERT_COLUMN + 1 + offset)
    assert finding["pointer"] == "/rules/0/assert"
    assert finding["severity"] == "error"
    assert not only(findings, "ACME-01")  # the refused rule never runs
    [problem] = load_rules(workspace, builtin_ids=()).findings
    assert problem.message_key == key


def test_plain_scalar_assertion_positions(workspace: Path) -> None:
    write(workspace, "bad.yaml", RULE_TEMPLATE.format(expr="x > 0 and x.__class__"))
    _, findings = validate(workspace)
    [finding] = only(findings, "RULES-01")
    assert where(finding) == ("rules/bad.yaml", ASSERT_LINE, ASSERT_COLUMN + 12)
    assert "attribute access ('.__class__')" in finding["message"]


def test_block_scalar_assertion_positions(workspace: Path) -> None:
    text = textwrap.dedent("""\
        rules:
          - id: ACME-01
            severity: error
            message: m
            reads: {x: "company#/staff/total"}
            assert: >-
              x > 0 and
                open('/etc/passwd')
        """)
    write(workspace, "bad.yaml", text)
    _, findings = validate(workspace)
    [finding] = only(findings, "RULES-01")
    assert where(finding) == ("rules/bad.yaml", 8, 9)
    assert "'open' is not an allowed function" in finding["message"]


def test_huge_expression_is_refused(workspace: Path) -> None:
    write(workspace, "bad.yaml", RULE_TEMPLATE.format(expr="x > " + " + ".join(["1"] * 200)))
    _, findings = validate(workspace)
    [finding] = only(findings, "RULES-01")
    assert where(finding) == ("rules/bad.yaml", ASSERT_LINE, ASSERT_COLUMN)
    assert "limit is 500" in finding["message"]


def test_the_evaluator_never_runs_python() -> None:
    for text in ("x.__class__", "__import__('os')", "open('/etc/passwd')", "(lambda: 1)()",
                 "[c for c in ().__class__.__bases__]", "().__class__.__bases__[0].__subclasses__()"):
        with pytest.raises(ExpressionError):
            compile_expression(text, ["x"])


def test_worst_case_expression_is_fast() -> None:
    text = " * ".join(["x"] * 99) + " > 0"
    expression = compile_expression(text, ["x"])
    started = time.perf_counter()
    assert expression.evaluate({"x": Decimal("99999999999999999999")}) is True
    assert time.perf_counter() - started < 0.5


# ------------------------------------------------------------------------------------------ Decimal arithmetic

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.1 + 0.2 == 0.3", True),
        ("1.10 == 1.1", True),
        ("x * 0.9 == 774", True),
        ("1 / 3 * 3 == 1", False),
        ("round(2.5) == 3", True),  # half up (四舍五入), not banker's rounding
        ("round(0.125, 2) == 0.13", True),
        ("7 // 2 == 3 and 7 % 2 == 1", True),
        ("-x < 0 < x", True),
        ("abs(-1.5) == 1.5 and min(3, 1, 2) == 1 and max([1, 5]) == 5", True),
        ("len('社保') == 2 and 'a' in ['a', 'b'] and 'x' not in 'abc'", True),
        ("(x if x > 0 else 0) == 860", True),
        ("present(x) and not present(y)", True),
        ("not present(y) or y > 1", True),
    ],
)
def test_decimal_semantics(text: str, expected: bool) -> None:
    expression = compile_expression(text, ["x", "y"])
    assert expression.evaluate({"x": Decimal(860), "y": MISSING}) is expected


def test_a_missing_value_stops_evaluation_and_text_in_arithmetic_is_an_error() -> None:
    with pytest.raises(MissingValue):
        compile_expression("y > 1", ["y"]).evaluate({"y": MISSING})
    with pytest.raises(EvaluationError) as info:
        compile_expression("x * 2 > 1", ["x"]).evaluate({"x": "860人"})
    assert info.value.name == "x"
    with pytest.raises(EvaluationError):
        compile_expression("x / 0 > 1", ["x"]).evaluate({"x": Decimal(1)})
    with pytest.raises(EvaluationError):
        compile_expression("x == '860'", ["x"]).evaluate({"x": Decimal(860)})


# ------------------------------------------------------------------------------------------- data and reports

def test_wildcard_reads_sum_over_a_list(workspace: Path) -> None:
    write(workspace, "shares.yaml", textwrap.dedent("""\
        rules:
          - id: ACME-SHR
            severity: error
            message: "shares add up to {pct}"
            reads: {pct: "company#/shareholders/*/pct"}
            assert: sum(pct) == 100 and len(pct) == 3
        """))
    code, findings = validate(workspace)
    assert code == 0 and not only(findings, "ACME-SHR")
    path = workspace / "reports" / "2024" / "company.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("pct: 70", "pct: 69.5"), encoding="utf-8")
    _, findings = validate(workspace)
    [finding] = only(findings, "ACME-SHR")
    assert finding["file"] == "reports/2024/company.yaml" and finding["pointer"] == "/shareholders"
    assert "shares add up to [69.5, 20, 10]" in finding["message"]


def test_missing_field_skips_with_info_or_fails(workspace: Path) -> None:
    rule = textwrap.dedent("""\
        rules:
          - id: ACME-02
            severity: warning
            message: "technical staff {tech}"
            reads: {tech: "company#/staff/technical"}
            assert: tech >= 10
        """)
    write(workspace, "tech.yaml", rule)
    path = workspace / "reports" / "2024" / "company.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  technical: 52\n", ""), encoding="utf-8")
    _, findings = validate(workspace)
    [skipped] = only(findings, "RULES-02")
    assert skipped["severity"] == "info"
    assert where(skipped) == ("reports/2024/company.yaml", 24, 1)  # the key of the mapping that lacks it
    assert "ACME-02" in skipped["message"] and "company#/staff/technical" in skipped["message"]
    write(workspace, "tech.yaml", rule.replace("    assert:", "    when_missing: fail\n    assert:"))
    _, findings = validate(workspace)
    assert not only(findings, "RULES-02")
    [failed] = only(findings, "ACME-02")
    assert failed["severity"] == "warning" and where(failed) == ("reports/2024/company.yaml", 24, 1)
    assert "company#/staff/technical is missing" in failed["message"]


def test_values_of_the_wrong_type_are_an_evaluation_finding(workspace: Path) -> None:
    write(workspace, "name.yaml", textwrap.dedent("""\
        rules:
          - id: ACME-03
            severity: error
            message: m
            reads: {total: "company#/staff/total", name: "company#/name"}
            assert: total > 0 and name * 2 > 1
        """))
    code, findings = validate(workspace, "reports/2024")
    assert code == 1
    [finding] = only(findings, "RULES-03")
    assert where(finding) == ("reports/2024/company.yaml", 4, 7)  # the value of `name`, the read at fault
    assert "'*' needs a number, got text" in finding["message"]


def test_an_assertion_that_is_not_true_or_false_is_an_evaluation_finding(workspace: Path) -> None:
    write(workspace, "n.yaml", RULE_TEMPLATE.format(expr="x + 1"))
    _, findings = validate(workspace, "reports/2022")
    [finding] = only(findings, "RULES-03")
    assert where(finding) == ("reports/2022/company.yaml", 25, 10)
    assert "must be true or false, got a number '611'" in finding["message"]


def test_message_templates_reach_no_attributes(workspace: Path) -> None:
    write(workspace, "m.yaml", INSURED_RULE.replace(
        'en: "social-insured staff {insured} below 90% of total staff {total}"',
        'en: "{{literal}} {insured.__class__} {insured}"'))
    set_insured(workspace, 2024, 1)
    _, findings = validate(workspace)
    [finding] = only(findings, "ACME-01")
    assert finding["message"].startswith("{literal} {insured.__class__} 1 (workspace rule")


# ----------------------------------------------------------------------------------------- rule-file mistakes

def test_yaml_syntax_error_in_a_rule_file(workspace: Path) -> None:
    write(workspace, "good.yaml", INSURED_RULE)
    write(workspace, "broken.yaml", "rules:\n  - id: ACME-09\n    reads: {x: [\n")
    set_insured(workspace, 2024, 700)
    code, findings = validate(workspace)
    assert code == 1
    [finding] = only(findings, "RULES-01")
    assert finding["file"] == "rules/broken.yaml" and finding["line"] >= 3
    assert finding["message"].startswith("YAML syntax error")
    assert len(only(findings, "ACME-01")) == 1  # the other file's rules still run


@pytest.mark.parametrize(
    ("text", "line", "column", "start"),
    [
        ("rules:\n  - id: ACME-01\n    severity: fatal\n    message: m\n    reads: {x: \"company#/name\"}\n"
         "    assert: x == 'a'\n", 3, 15, "severity: 'fatal' is not one of error, warning, info"),
        ("rules:\n  - id: ACME-01\n    severity: error\n    reads: {x: \"company#/name\"}\n"
         "    assert: x == 'a'\n", 2, 5, "required key 'message' is missing"),
        ("rules:\n  - id: ACME-01\n    severity: error\n    mesage: m\n    message: m\n"
         "    reads: {x: \"company#/name\"}\n    assert: x == 'a'\n", 4, 5, "unknown field 'mesage'"),
        ("rules:\n  - id: ACME 01\n    severity: error\n    message: m\n    reads: {x: \"company#/name\"}\n"
         "    assert: x == 'a'\n", 2, 9, "rule id 'ACME 01' is not valid"),
        ("rules:\n  - id: ACME-01\n    severity: error\n    message: m\n    reads: {x: \"company/name\"}\n"
         "    assert: x == 'a'\n", 5, 16, "field reference 'company/name' is not valid"),
        ("rules:\n  - id: ACME-01\n    severity: error\n    message: m\n    reads: {x: \"compnay#/name\"}\n"
         "    assert: x == 'a'\n", 5, 16, "'compnay' is not a report file"),
        ("rules:\n  - id: ACME-01\n    severity: error\n    message: m {y}\n    reads: {x: \"company#/name\"}\n"
         "    assert: x == 'a'\n", 4, 14, "the message uses {y}"),
        ("rules:\n  - id: ACME-01\n    severity: error\n    message: m\n    reads: {x: \"company#/name\"}\n"
         "    at: y\n    assert: x == 'a'\n", 6, 9, "at: 'y' is not one of the names"),
        ("rules:\n  - id: ACME-01\n    severity: error\n    message: m\n    reads: {sum: \"company#/name\"}\n"
         "    assert: sum == 'a'\n", 5, 13, "'sum' is a reserved word"),
        ("rules:\n  - id: SEAT-99\n    severity: error\n    message: m\n    reads: {x: \"company#/name\"}\n"
         "    assert: x == 'a'\n", 2, 9, "rule id 'SEAT-99' starts with SEAT"),
        ("- id: ACME-01\n", 1, 1, "/: expected a mapping"),
        ("rules: []\nextra: 1\n", 2, 1, "unknown field 'extra'"),
    ],
)
def test_schema_and_rule_mistakes_are_positioned_findings(workspace: Path, text: str, line: int, column: int,
                                                          start: str) -> None:
    write(workspace, "bad.yaml", text)
    code, findings = validate(workspace)
    assert code == 1
    errors = [f for f in only(findings, "RULES-01") if f["severity"] == "error"]
    assert [(where(f), f["message"][: len(start)]) for f in errors] == [(("rules/bad.yaml", line, column), start)]


def test_unknown_field_is_a_warning_with_a_suggestion(workspace: Path) -> None:
    write(workspace, "staff.yaml", INSURED_RULE.replace("staff/total", "staff/totl"))
    code, findings = validate(workspace)
    [finding] = only(findings, "RULES-01")
    assert finding["severity"] == "warning" and where(finding) == ("rules/staff.yaml", 9, 14)
    assert "Did you mean 'company#/staff/total'?" in finding["message"]
    assert code == 0  # the rule still runs; the report lacks the field, so it is skipped with an info
    assert len(only(findings, "RULES-02")) == 3


def test_duplicate_ids_across_files_and_builtin_ids(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", INSURED_RULE)
    write(tmp_path, "b.yaml", INSURED_RULE.replace("ACME-01", "acme-01") + INSURED_RULE.replace(
        "rules:\n", "").replace("ACME-01", "SEAT-01"))
    result = load_rules(tmp_path, builtin_ids=["SEAT-01"])
    assert [r.id for r in result.rules] == ["ACME-01"]
    messages = sorted((f.file, f.line, f.column, f.message_key) for f in result.findings)
    assert messages == [("rules/b.yaml", 2, 9, "rules.id_duplicate"), ("rules/b.yaml", 11, 9, "rules.id_builtin")]
    duplicate = next(f for f in result.findings if f.message_key == "rules.id_duplicate")
    assert duplicate.arguments["first"] == "rules/a.yaml:2"


def test_unreadable_encodings_and_empty_rule_files_are_findings(workspace: Path) -> None:
    write(workspace, "empty.yaml", "# nothing yet\n")
    (workspace / "rules" / "gbk.yaml").write_bytes("rules: # 规则\n".encode("gbk"))
    _, findings = validate(workspace)
    found = sorted((f["file"], f["line"]) for f in only(findings, "RULES-01"))
    assert found == [("rules/empty.yaml", 1), ("rules/gbk.yaml", 1)]


def test_rule_files_are_checked_once_per_run(workspace: Path) -> None:
    write(workspace, "bad.yaml", RULE_TEMPLATE.format(expr="x.y"))
    _, findings = validate(workspace)
    assert len(only(findings, "RULES-01")) == 1


def test_scalar_position_maps_offsets_into_the_file() -> None:
    lines = ["    assert: |", "      x > 1 and", "", "        y < 2"]
    value = "x > 1 and\n\n  y < 2\n"
    assert scalar_position(lines, (1, 13), value, value.index("y")) == (4, 9)
    assert scalar_position(["    assert: 'x > 1'"], (1, 13), "x > 1", 4) == (1, 18)
