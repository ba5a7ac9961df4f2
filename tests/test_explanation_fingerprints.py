"""Explanations that can't rot: an entry records the values it explains (``rac explain ID --add``); when they
change, the warning is back and EXPL-02 reports the entry at its fingerprint."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_rac

EXPL = "reports/2024/explanations.yaml"
LIC = "reports/2024/licence.yaml"


def _findings(root: Path) -> list[dict[str, object]]:
    run = run_rac("validate", "--format", "json", "--lang", "en", "reports/2024", cwd=root)
    assert run.code in (0, 1), run.err
    return list(json.loads(run.out)["findings"])


def _line_of(root: Path, relative: str, text: str) -> int:
    lines = (root / relative).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def test_the_sample_explanations_record_their_values(workspace: Path) -> None:
    assert [f["rule"] for f in _findings(workspace) if f["rule"] in ("LIC-02", "EXPL-02")] == []


def test_changed_values_bring_the_warning_back_and_report_the_explanation(workspace: Path) -> None:
    path = workspace / LIC
    path.write_text(path.read_text(encoding="utf-8").replace("renewal_applied_date: 2025-02-26",
                                                             "renewal_applied_date: 2025-03-10"), encoding="utf-8")
    findings = _findings(workspace)
    lic02 = [f for f in findings if f["rule"] == "LIC-02"]
    assert [(f["severity"], f["file"]) for f in lic02] == [("warning", LIC)]
    (stale,) = [f for f in findings if f["rule"] == "EXPL-02"]
    assert stale["file"] == EXPL and stale["severity"] == "warning"
    assert stale["line"] == _line_of(workspace, EXPL, "fingerprint: fa3877dfdbcf")
    assert "--add reports/2024/licence.yaml#/expiry_date" in str(stale["message"])
    assert not [f for f in findings if f["rule"] == "EXPL-01" and "LIC-02" in str(f["message"])]

    run = run_rac("explain", "LIC-02", "--add", f"{LIC}#/expiry_date", cwd=workspace)
    assert run.code == 0, run.err
    text = (workspace / EXPL).read_text(encoding="utf-8")
    assert "fa3877dfdbcf" not in text and text.count("fingerprint:") == 2
    assert [f["rule"] for f in _findings(workspace) if f["rule"] in ("LIC-02", "EXPL-02")] == []


def test_an_expired_licence_is_not_cleared_by_a_renewal_explanation(workspace: Path) -> None:
    path = workspace / LIC
    path.write_text(path.read_text(encoding="utf-8").replace("expiry_date: 2025-06-17", "expiry_date: 2025-03-01"),
                    encoding="utf-8")
    findings = _findings(workspace)
    assert sorted(f["rule"] for f in findings if f["rule"] in ("LIC-02", "EXPL-02")) == ["EXPL-02", "LIC-02"]


def test_add_appends_an_entry_to_fill_when_there_is_none(workspace: Path) -> None:
    (workspace / EXPL).write_text("# 情况说明\n[]\n", encoding="utf-8")
    run = run_rac("explain", "--lang", "en", "LIC-02", "--add", f"{LIC}#/expiry_date", cwd=workspace)
    assert run.code == 0, run.err
    assert "write its text_zh" in run.out
    text = (workspace / EXPL).read_text(encoding="utf-8")
    assert text.startswith("# 情况说明\n- check: LIC-02\n") and "text_zh: 待填" in text
    rules = [f["rule"] for f in _findings(workspace) if f["severity"] != "info"]
    assert "LIC-02" not in rules and "FILL-01" in rules  # cleared by its fingerprint; the text is still to write


def test_add_without_such_a_warning_is_a_usage_error(workspace: Path) -> None:
    run = run_rac("explain", "SEAT-02", "--add", f"{LIC}#/expiry_date", cwd=workspace)
    assert run.code == 2 and "Traceback" not in run.err


def _drop_fingerprint(root: Path, stamp: str) -> None:
    """The older form: the LIC-02 entry without the values it was written for."""
    path = root / EXPL
    path.write_text(path.read_text(encoding="utf-8").replace(f"  fingerprint: {stamp}\n", ""), encoding="utf-8")


def test_an_explanation_without_a_fingerprint_clears_nothing_and_asks_to_record_one(workspace: Path) -> None:
    _drop_fingerprint(workspace, "fa3877dfdbcf")
    findings = _findings(workspace)
    lic02 = [f for f in findings if f["rule"] == "LIC-02"]
    assert [(f["severity"], f["file"]) for f in lic02] == [("warning", LIC)]  # the warning stands
    (legacy,) = [f for f in findings if f["rule"] == "EXPL-02"]
    assert (legacy["file"], legacy["pointer"], legacy["severity"]) == (EXPL, "/1/field", "warning")
    assert legacy["line"] == _line_of(workspace, EXPL, "field: licence.yaml#/expiry_date")
    assert "records no values" in str(legacy["message"])
    assert "rac explain LIC-02 --add reports/2024/licence.yaml#/expiry_date" in str(legacy["message"])
    assert not [f for f in findings if f["rule"] == "EXPL-01"]  # one finding for the entry, not two
    zh = run_rac("validate", "--lang", "zh", "reports/2024", cwd=workspace).out
    assert "EXPL-02 该情况说明（LIC-02，licence.yaml#/expiry_date）未记录所说明的数值" in zh
    # recording the values (after reading the text again) clears the warning and the EXPL-02
    run = run_rac("explain", "LIC-02", "--add", f"{LIC}#/expiry_date", cwd=workspace)
    assert run.code == 0, run.err
    assert "fingerprint: fa3877dfdbcf" in (workspace / EXPL).read_text(encoding="utf-8")
    assert [f["rule"] for f in _findings(workspace) if f["rule"] in ("LIC-02", "EXPL-02")] == []


def test_a_legacy_explanation_no_longer_clears_a_later_expiry(workspace: Path) -> None:
    """The issue's case: the sample's LIC-02 text ("111 days ahead") written without its values must not clear the
    warning of an already-expired licence."""
    _drop_fingerprint(workspace, "fa3877dfdbcf")
    path = workspace / LIC
    path.write_text(path.read_text(encoding="utf-8").replace("expiry_date: 2025-06-17", "expiry_date: 2025-03-01"),
                    encoding="utf-8")
    run = run_rac("validate", "--format", "json", "--lang", "en", "reports/2024", cwd=workspace)
    document = json.loads(run.out)
    assert "LIC-02" not in {f["rule"] for f in document["explained"]}
    assert {"LIC-02", "EXPL-02"} <= {f["rule"] for f in document["findings"]}


def test_the_editor_entry_records_the_values_and_clears_the_warning(workspace: Path) -> None:
    """The language server's code action writes the same fingerprint rac explain --add would."""
    from reportascode.lsp.actions import explanation_entry
    from reportascode.model.selector import select
    from reportascode.validate.explanations import fingerprint
    from reportascode.validate.session import validate_selection

    (workspace / EXPL).write_text("[]\n", encoding="utf-8")
    session = select(("2024",), command="validate", cwd=workspace)
    [warning] = [f for f in validate_selection(session).findings if f.rule == "LIC-02"]
    entry = explanation_entry("LIC-02", "licence", "/expiry_date", "…", fingerprint(warning))
    (workspace / EXPL).write_text(entry.replace("text_zh: 待填", "text_zh: 已申请续期。"), encoding="utf-8")
    findings = _findings(workspace)
    assert [f["rule"] for f in findings if f["rule"] in ("LIC-02", "EXPL-01", "EXPL-02")] == []
