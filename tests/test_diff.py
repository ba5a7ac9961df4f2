"""``rac diff``: exact JSON between revisions of a pinned-date git history, years of the sample workspace,
usage errors, the text and markdown outputs."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from tests.conftest import SAMPLE_REPORTS, run_rac
from tests.gitrepo import GitRepo

GOLDEN = Path(__file__).parent / "golden"
REPORT = "reports/2024"

NEW_TRUNK_YAML = """\
- id: TRK-JS-CT-02                # 南京备份中继，2024 年新增
  carrier: 中国电信
  province: "32"
  kind: SIP
  channels: 20
  contract_no: CT-JS-2024-0301
  contract_start: 2024-03-01
  contract_end: 2027-02-28
  numbers: ["96802"]
  direction: in
  sublet: false
"""
NEW_TRUNK = {
    "id": "TRK-JS-CT-02", "carrier": "中国电信", "province": "32", "kind": "SIP", "channels": 20,
    "contract_no": "CT-JS-2024-0301", "contract_start": "2024-03-01", "contract_end": "2027-02-28",
    "numbers": ["96802"], "direction": "in", "sublet": False,
}
HEFEI_BRANCH = {
    "id": "AH-HF-01", "name": "星澜联络科技有限公司合肥分公司", "uscc": "91340104MA2T8E4L6T", "kind": "分公司",
    "province": "34", "city": "合肥市", "address": "安徽省合肥市蜀山区长江西路 669 号 5 层",
    "established": "2021-03-15", "closed": None, "operates_b24": True, "seats": 90, "staff": 115,
}


def flow_yaml(data: Any) -> str:
    """The same data written differently: flow style, keys in reverse order, ``~`` for null, new comments."""

    def flow(value: Any) -> str:
        if isinstance(value, dict):
            return "{" + ", ".join(f"{k}: {flow(value[k])}" for k in reversed(list(value))) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(flow(v) for v in value) + "]"
        if isinstance(value, bool):
            return "true" if value else "false"
        if value is None:
            return "~"
        if isinstance(value, (int, Decimal)):
            return str(value)
        return json.dumps(value, ensure_ascii=False)

    lines = ["# 重新排版：键的顺序倒置，注释已改写（数据不变）"]
    if isinstance(data, dict):
        lines += [f"{key}:   {flow(data[key])}   # {key}" for key in reversed(list(data))]
    else:
        lines += [f"-   {flow(item)}" for item in data]
    return "\n".join(lines) + "\n"


def load(path: Path) -> Any:
    from reportascode.model.loader import load_bytes

    doc = load_bytes(path.read_bytes(), str(path))
    assert doc.ok, doc.problems
    return doc.data


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GitRepo]:
    """Five commits of reports/2024: import, a value change, a record inserted, a reformat, a record removed."""
    repo = GitRepo(tmp_path_factory.mktemp("history") / "repo")
    repo.copy(SAMPLE_REPORTS / "2024", REPORT)
    repo.commit("Import the 2024 report")
    repo.edit(f"{REPORT}/operations.yaml", "clients_signed: 38 ", "clients_signed: 41 ")
    repo.edit(f"{REPORT}/finance.yaml", "total_assets_wan: 7362.30 ", "total_assets_wan: 7400.05 ")
    repo.commit("Correct clients and total assets")
    repo.edit(f"{REPORT}/trunks.yaml", "- id: TRK-AH-CU-01", NEW_TRUNK_YAML + "- id: TRK-AH-CU-01")
    repo.commit("Add the Nanjing backup trunk")
    for name in ("operations", "trunks", "meta"):
        path = repo.path(f"{REPORT}/{name}.yaml")
        repo.write(f"{REPORT}/{name}.yaml", flow_yaml(load(path)))
    repo.commit("Reformat")
    text = repo.read(f"{REPORT}/branches.yaml")
    start = text.index("- id: AH-HF-01")
    end = text.index("- id: SC-CD-01")
    repo.write(f"{REPORT}/branches.yaml", text[:start] + text[end:])
    repo.commit("Hefei branch merged into Nanjing")
    yield repo


def diff_json(repo: GitRepo, *args: str) -> dict[str, Any]:
    result = run_rac("diff", *args, "--format", "json", cwd=repo.root)
    assert result.code == 0, result.err
    assert result.err == ""
    data: dict[str, Any] = json.loads(result.out, parse_float=Decimal)
    return data


def side(repo: GitRepo, number: int) -> dict[str, Any]:
    commit = repo.commits[number - 1]
    return {"spec": f"{commit}:{REPORT}", "path": REPORT, "rev": commit, "commit": commit, "year": 2024}


def expected(repo: GitRepo, first: int, changes: list[dict[str, Any]], files: list[dict[str, Any]]) -> dict[str, Any]:
    counts = {kind: sum(1 for c in changes if c["kind"] == kind) for kind in ("added", "removed", "changed")}
    return {
        "version": 1, "a": side(repo, first), "b": side(repo, first + 1), "yoy": None, "changes": changes,
        "problems": [], "summary": {"files": files, **counts, "marked": 0, "problems": 0},
    }


def between(repo: GitRepo, first: int) -> dict[str, Any]:
    a, b = repo.commits[first - 1], repo.commits[first]
    return diff_json(repo, f"{a}:{REPORT}", f"{b}:{REPORT}")


def test_history_value_change(history: GitRepo) -> None:
    assert between(history, 1) == expected(history, 1, [
        {"file": "operations.yaml", "pointer": "/clients_signed", "old_pointer": None, "kind": "changed",
         "label_zh": "签约客户数", "label_en": "Clients signed", "old": 38, "new": 41, "delta": 3,
         "percent": Decimal("7.9"), "marked": False},
        {"file": "finance.yaml", "pointer": "/total_assets_wan", "old_pointer": None, "kind": "changed",
         "label_zh": "资产总额", "label_en": "Total assets", "old": Decimal("7362.30"), "new": Decimal("7400.05"),
         "delta": Decimal("37.75"), "percent": Decimal("0.5"), "marked": False},
    ], [
        {"file": "operations.yaml", "section": "flow", "added": 0, "removed": 0, "changed": 1, "marked": 0},
        {"file": "finance.yaml", "section": "flow", "added": 0, "removed": 0, "changed": 1, "marked": 0},
    ])


def test_history_record_inserted_in_the_middle_is_one_addition(history: GitRepo) -> None:
    assert between(history, 2) == expected(history, 2, [
        {"file": "trunks.yaml", "pointer": "/2", "old_pointer": None, "kind": "added",
         "label_zh": "中继记录[TRK-JS-CT-02]", "label_en": "Trunk[TRK-JS-CT-02]", "old": None, "new": NEW_TRUNK,
         "delta": None, "percent": None, "marked": False},
    ], [{"file": "trunks.yaml", "section": "stock", "added": 1, "removed": 0, "changed": 0, "marked": 0}])


def test_history_reformat_is_no_change(history: GitRepo) -> None:
    assert "TRK-JS-CT-02" in history.read(f"{REPORT}/trunks.yaml")
    assert history.git("diff", "--stat", "HEAD~2", "HEAD~1")  # the text did change
    assert between(history, 3) == expected(history, 3, [], [])
    text = run_rac("diff", f"{history.commits[2]}:{REPORT}", f"{history.commits[3]}:{REPORT}", "--lang", "en",
                   "--exit-code", cwd=history.root)
    assert text.code == 0
    assert text.out.splitlines()[-1] == "no data differences"


def test_history_record_removed(history: GitRepo) -> None:
    assert between(history, 4) == expected(history, 4, [
        {"file": "branches.yaml", "pointer": "/2", "old_pointer": None, "kind": "removed",
         "label_zh": "分支机构记录[AH-HF-01]", "label_en": "Branch[AH-HF-01]", "old": HEFEI_BRANCH, "new": None,
         "delta": None, "percent": None, "marked": False},
    ], [{"file": "branches.yaml", "section": "stock", "added": 0, "removed": 1, "changed": 0, "marked": 0}])


def test_relative_revisions_and_exit_code(history: GitRepo) -> None:
    data = diff_json(history, f"HEAD~4:{REPORT}", f"HEAD:{REPORT}")
    assert [(c["kind"], c["file"], c["pointer"]) for c in data["changes"]] == [
        ("changed", "operations.yaml", "/clients_signed"),
        ("changed", "finance.yaml", "/total_assets_wan"),
        ("removed", "branches.yaml", "/2"),
        ("added", "trunks.yaml", "/2"),
    ]
    assert data["a"]["rev"] == "HEAD~4" and data["a"]["commit"] == history.commits[0]
    differs = run_rac("diff", f"HEAD~4:{REPORT}", f"HEAD:{REPORT}", "--exit-code", cwd=history.root)
    assert differs.code == 1
    same = run_rac("diff", f"HEAD~2:{REPORT}", f"HEAD~1:{REPORT}", "--exit-code", cwd=history.root)
    assert same.code == 0
    # a year inside the revision, and a single file
    assert diff_json(history, "HEAD~4:2024", "HEAD~3:2024")["changes"][0]["pointer"] == "/clients_signed"
    single = diff_json(history, f"HEAD~4:{REPORT}/operations.yaml", f"HEAD~3:{REPORT}/operations.yaml")
    assert [c["pointer"] for c in single["changes"]] == ["/clients_signed"]


def test_one_argument_compares_with_the_working_tree(history: GitRepo) -> None:
    path = f"{REPORT}/finance.yaml"
    original = history.read(path)
    try:
        history.edit(path, "tax_paid_wan: 392 ", "tax_paid_wan: 400 ")
        for args in ([f"HEAD:{REPORT}"], [REPORT], ["2024"], [f"HEAD:{REPORT}", REPORT]):
            data = diff_json(history, *args)
            assert [(c["pointer"], c["old"], c["new"]) for c in data["changes"]] == [
                ("/tax_paid_wan", 392, 400)], args
            assert data["b"]["rev"] is None
            assert data["a"]["commit"] == history.commits[-1]
        assert run_rac("diff", REPORT, "--exit-code", cwd=history.root).code == 1
    finally:
        history.write(path, original)
    assert run_rac("diff", REPORT, "--exit-code", cwd=history.root).code == 0


def test_unreadable_file_is_reported_not_a_crash(history: GitRepo) -> None:
    path = f"{REPORT}/meta.yaml"
    original = history.read(path)
    try:
        history.write(path, "report_year: [2024\n")
        result = run_rac("diff", f"HEAD:{REPORT}", "--lang", "en", "--exit-code", cwd=history.root)
        assert result.code == 1
        assert "Traceback" not in result.err
        assert "meta.yaml (B: reports/2024) cannot be read, so it was not compared: line 2" in result.out
        data = diff_json(history, f"HEAD:{REPORT}")
        assert data["changes"] == []
        assert [(p["file"], p["side"], p["key"]) for p in data["problems"]] == [("meta.yaml", "b", "load.syntax")]
    finally:
        history.write(path, original)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nosuchrev:reports/2024"], "no such git revision: nosuchrev"),
        (["HEAD:reports/1999"], "revision HEAD has no reports/1999"),
        (["HEAD:"], "names a revision but no path"),
        (["--", "-n:reports/2024"], "invalid git revision '-n'"),
        (["--", "--output=x:reports/2024"], "invalid git revision '--output=x'"),
        (["1999", "2024"], "no report for year 1999"),
        (["nothing/here"], "cannot find 'nothing/here'"),
        (["reports/2024", "reports/2024/meta.yaml"], "cannot compare a report folder with a single file"),
        (["2024", "2024", "--threshold", "lots"], "--threshold must be a non-negative number"),
    ],
)
def test_usage_errors_exit_2_with_a_message(history: GitRepo, args: list[str], message: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = run_rac("diff", *args, cwd=history.root)
    assert result.code == 2, result
    assert message in result.err
    assert "Traceback" not in result.err and result.out == ""


def test_revision_outside_a_git_repository(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = run_rac("diff", "HEAD:reports/2024", cwd=workspace)
    assert result.code == 2
    assert "not inside a git repository" in result.err


# -- between years, on the sample workspace ---------------------------------------------------------------------


def test_years_show_the_seat_total_with_delta_and_percent(workspace: Path) -> None:
    zh = run_rac("diff", "2023", "2024", "--lang", "zh", cwd=workspace)
    assert zh.code == 0
    assert "~ operations.yaml /seats/total 坐席总数: 500 → 610 (+110, +22.0%)" in zh.out.splitlines()
    en = run_rac("diff", "2023", "2024", "--lang", "en", cwd=workspace)
    assert "~ operations.yaml /seats/total Total seats: 500 → 610 (+110, +22.0%)" in en.out.splitlines()
    assert "! operations.yaml /seats/ai Seats · AI seats: 40 → 90 (+50, +125.0%)  [beyond ±30% YoY]" in \
        en.out.splitlines()
    # stock before flow, each in its own section
    lines = en.out.splitlines()
    stock = lines.index("Stock data (company, licence, numbers, trunks, branches)")
    flow = lines.index("Flow data (operations, finance, compliance, signatures, explanations, metadata)")
    assert stock < flow
    assert all(line.split(" ")[1] in {"company.yaml", "licence.yaml", "branches.yaml", "numbers.yaml",
                                      "trunks.yaml"} for line in lines[stock + 1: flow - 1] if line[:2] in
               ("~ ", "! ", "+ ", "- "))


def test_years_json_marks_changes_beyond_the_threshold(workspace: Path) -> None:
    data = json.loads(run_rac("diff", "2023", "2024", "--format", "json", cwd=workspace).out, parse_float=Decimal)
    by_pointer = {(c["file"], c["pointer"]): c for c in data["changes"]}
    total = by_pointer[("operations.yaml", "/seats/total")]
    assert (total["old"], total["new"], total["delta"], total["percent"], total["marked"]) == (
        500, 610, 110, Decimal("22.0"), False)
    assert by_pointer[("operations.yaml", "/seats/ai")]["marked"] is True
    ratio = by_pointer[("operations.yaml", "/seats/ai_ratio_reported")]
    assert (ratio["old"], ratio["new"], ratio["delta"]) == (Decimal("0.080"), Decimal("0.148"), Decimal("0.068"))
    assert data["yoy"] == {"years": [2023, 2024], "threshold": 30}
    assert data["a"] == {"spec": "2023", "path": "reports/2023", "rev": None, "commit": None, "year": 2023}
    # Sichuan is one new province row, matched by province code
    assert by_pointer[("operations.yaml", "/by_province/3")]["kind"] == "added"
    # a lower threshold marks more; the workspace config's YOY-01 setting is honoured
    low = json.loads(run_rac("diff", "2023", "2024", "--format", "json", "--threshold", "20", cwd=workspace).out)
    assert low["summary"]["marked"] > data["summary"]["marked"]
    (workspace / ".reportascode.yaml").write_text("thresholds:\n  YOY-01:\n    change: 0.2\n", encoding="utf-8")
    configured = json.loads(run_rac("diff", "2023", "2024", "--format", "json", cwd=workspace).out)
    assert configured["yoy"]["threshold"] == 20
    assert configured["summary"]["marked"] == low["summary"]["marked"]


def test_markdown_matches_the_golden_file_and_has_tables(workspace: Path) -> None:
    result = run_rac("diff", "2023", "2024", "--format", "markdown", "--lang", "zh", cwd=workspace)
    assert result.code == 0
    golden = GOLDEN / "diff_2023_2024.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.out, encoding="utf-8")
    assert result.out == golden.read_text(encoding="utf-8"), (
        "the 2023→2024 diff of the sample reports changed; if the sample changed on purpose, regenerate with "
        "UPDATE_GOLDEN=1 pytest tests/test_diff.py -k golden and review the golden file's diff")
    tokens = MarkdownIt("commonmark").enable("table").parse(result.out)
    types = [t.type for t in tokens]
    assert types.count("table_open") >= 2
    headers = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "th_open"]
    assert headers[:5] == ["类别", "文件", "新增", "删除", "修改"]
    assert any(t.type == "html_block" and t.content.startswith("<details>") for t in tokens)
    assert str(workspace) not in result.out and workspace.parent.name not in result.out


def test_text_is_coloured_only_when_asked() -> None:
    from reportascode.diff.formats.changes_text import format_text
    from reportascode.diff.report import diff_sources
    from reportascode.diff.sources import Source

    a = Source("a", "a", files={"operations.yaml": b"seats: {total: 1}\n"})
    b = Source("b", "b", files={"operations.yaml": b"seats: {total: 2}\n"})
    result = diff_sources(a, b)
    assert "\x1b[" in format_text(result, "en", True)
    plain = format_text(result, "en", False)
    assert "\x1b[" not in plain
    assert "~ operations.yaml /seats/total total: 1 → 2 (+1, +100.0%)" in plain


def test_markdown_escapes_report_text() -> None:
    from reportascode.diff.formats.changes_markdown import format_markdown
    from reportascode.diff.report import diff_sources
    from reportascode.diff.sources import Source

    a = Source("a", "a", files={"company.yaml": b"name: old\n"})
    b = Source("b", "b", files={"company.yaml": "name: '<script>x</script> | *bold* 甲'\n".encode()})
    out = format_markdown(diff_sources(a, b), "en")
    assert "<script>" not in out
    assert "&lt;script&gt;x&lt;/script&gt; \\| \\*bold\\* 甲" in out


def test_entities_and_a_workspace_below_the_repository_root(git_repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    for entity in ("acme", "beta"):
        git_repo.copy(SAMPLE_REPORTS / "2024", f"ws/reports/{entity}/2024")
    git_repo.copy(SAMPLE_REPORTS / "2023", "ws/reports/acme/2023")
    git_repo.commit("Two entities")
    workspace = git_repo.path("ws")
    ambiguous = run_rac("diff", "2024", cwd=workspace)
    assert ambiguous.code == 2
    assert "year 2024 exists for several entities (reports/acme/2024, reports/beta/2024); name one, e.g. " \
           "acme/2024" in ambiguous.err
    years = json.loads(run_rac("diff", "acme/2023", "acme/2024", "--format", "json", cwd=workspace).out)
    assert years["yoy"] == {"years": [2023, 2024], "threshold": 30}
    assert years["b"]["path"] == "reports/acme/2024"
    # REV:PATH from the repository root, from the workspace root, as a year, and relative with ./
    for spec in ("HEAD:ws/reports/beta/2024", "HEAD:reports/beta/2024", "HEAD:beta/2024"):
        data = json.loads(run_rac("diff", spec, "beta/2024", "--format", "json", cwd=workspace).out)
        assert data["a"]["path"] == "ws/reports/beta/2024", spec
        assert data["changes"] == []
    relative = run_rac("diff", "HEAD:./beta/2024", "--exit-code", cwd=workspace / "reports")
    assert relative.code == 0, relative.err
