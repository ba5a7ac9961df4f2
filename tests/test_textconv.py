"""``rac textconv``: a canonical flattened view for git diff; set up through gitsetup; the CI examples load."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from reportascode.diff.gitsetup import ATTRIBUTES_LINE, configure_textconv
from reportascode.diff.textconv import file_kind, textconv
from reportascode.model.loader import load_bytes
from reportascode.model.schemas import SchemaStore
from tests.conftest import REPO_ROOT, SAMPLE_REPORTS, run_rac
from tests.gitrepo import GitRepo

OPERATIONS = """\
# 业务发展情况
seats:
  total: 610     # 坐席
  human: 520
  ai: 90
  ai_ratio_reported: 0.148
by_province:
  - {province: "33", seats: 300}
outsourcing: []
extra_note: 备注
"""
REORDERED = """\
extra_note: "备注"
outsourcing: [ ]
by_province: [{seats: 300, province: '33'}]
seats: {ai: 90, ai_ratio_reported: 0.148, human: 520, total: 610}   # 注释不同
"""


def test_one_line_per_leaf_in_schema_order() -> None:
    out = textconv(OPERATIONS.encode(), "reports/2024/operations.yaml", SchemaStore()).decode()
    assert out == (
        "/seats/total = 610\n"
        "/seats/human = 520\n"
        "/seats/ai = 90\n"
        "/seats/ai_ratio_reported = 0.148\n"
        '/by_province/0/province = "33"\n'
        "/by_province/0/seats = 300\n"
        "/outsourcing = []\n"
        '/extra_note = "备注"\n'
    )


def test_key_order_comments_and_style_do_not_matter() -> None:
    store = SchemaStore()
    assert textconv(REORDERED.encode(), "operations.yaml", store) == textconv(OPERATIONS.encode(),
                                                                               "operations.yaml", store)
    # without a schema (an unknown file), keys sort by name
    assert textconv(b"b: 1\na: {y: 2, x: [true, null]}\n", "notes.yaml") == (
        b"/a/x/0 = true\n/a/x/1 = null\n/a/y = 2\n/b = 1\n")


def test_git_temporary_names_are_recognised() -> None:
    assert file_kind("/tmp/Ab3dE9_operations.yaml") == "operations"
    assert file_kind("reports/2024/branches.yaml") == "branches"
    assert file_kind("notes.yaml") is None


@pytest.mark.parametrize("raw", [b"a: [1\n", "名称: 旧\n".encode("gbk"), b"a: 1\na: 2\n"])
def test_unparseable_files_are_printed_as_they_are(raw: bytes) -> None:
    assert textconv(raw, "operations.yaml") == raw


def test_empty_file_prints_nothing() -> None:
    assert textconv(b"# only a comment\n", "operations.yaml") == b""


def test_every_sample_file_flattens_to_its_own_data() -> None:
    for path in sorted((SAMPLE_REPORTS / "2024").glob("*.yaml")):
        out = run_rac("textconv", str(path))
        assert out.code == 0
        lines = out.out.splitlines()
        assert lines and all(" = " in line for line in lines)
        assert len(lines) == len(set(lines))
        doc = load_bytes(path.read_bytes(), str(path))
        assert len(lines) == sum(1 for _ in _leaves(doc.data))


def _leaves(data: object) -> list[object]:
    if isinstance(data, dict) and data:
        return [leaf for value in data.values() for leaf in _leaves(value)]
    if isinstance(data, list) and data:
        return [leaf for value in data for leaf in _leaves(value)]
    return [data]


def test_configure_textconv_is_idempotent(git_repo: GitRepo) -> None:
    git_repo.write(".gitattributes", "*.png binary")
    assert configure_textconv(git_repo.root, "rac textconv") is True
    assert configure_textconv(git_repo.root, "rac textconv") is False
    assert git_repo.read(".gitattributes") == f"*.png binary\n{ATTRIBUTES_LINE}\n"
    assert git_repo.git("config", "diff.rac.textconv").strip() == "rac textconv"
    assert not list(git_repo.root.glob(".gitattributes.*"))


def test_git_diff_shows_the_pointer_line_of_a_changed_value(git_repo: GitRepo) -> None:
    command = f"{shlex.quote(sys.executable)} -m reportascode textconv"
    configure_textconv(git_repo.root, command)
    git_repo.copy(SAMPLE_REPORTS / "2024", "reports/2024")
    git_repo.commit("Import")
    git_repo.edit("reports/2024/operations.yaml", "clients_signed: 38 ", "clients_signed: 41 ")
    git_repo.commit("More clients")
    path = "reports/2024/operations.yaml"
    lines = git_repo.read(path).splitlines()
    moved = next(line for line in lines if line.startswith("clients_signed:"))
    lines.remove(moved)  # a top-level key moved to the top, comments rewritten
    git_repo.write(path, "\n".join(["# 重新排版", "clients_signed: 41", *lines]).replace("# ", "#  ") + "\n")
    git_repo.commit("Reformat only")

    shown = git_repo.git("diff", "HEAD~2", "HEAD~1", "--", path)
    changed = [line for line in shown.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-/clients_signed = 38", "+/clients_signed = 41"]
    # the reformat changed the text but not one pointer line
    assert git_repo.git("diff", "--no-textconv", "--stat", "HEAD~1", "HEAD")
    reformat = git_repo.git("diff", "HEAD~1", "HEAD", "--", path)
    assert not [line for line in reformat.splitlines() if line.startswith(("+/", "-/"))]
    # git log -p goes through the same driver
    log = git_repo.git("log", "-p", "--format=%s", "--", path)
    assert "+/clients_signed = 41" in log.splitlines()
    # the working tree too, and a broken file still diffs as text
    git_repo.write(path, "seats: [1\n")
    broken = git_repo.git("diff", "--", path)
    assert "+seats: [1" in broken.splitlines()


def test_ci_examples_are_valid_yaml_and_post_the_diff() -> None:
    for name in ("github-actions.yml", "gitlab-ci.yml"):
        path = REPO_ROOT / "docs" / "ci" / name
        doc = load_bytes(path.read_bytes(), str(path))
        assert doc.ok, (name, doc.problems)
        assert isinstance(doc.data, dict)
        text = path.read_text(encoding="utf-8")
        assert "rac diff" in text and "--format markdown" in text and "rac validate" in text
    github = load_bytes((REPO_ROOT / "docs/ci/github-actions.yml").read_bytes(), "gh").data
    assert set(github["jobs"]) == {"validate", "diff"}
    assert "pull_request" in github["on"]
    gitlab = load_bytes((REPO_ROOT / "docs/ci/gitlab-ci.yml").read_bytes(), "gl").data
    assert {"rac-validate", "rac-diff"} <= set(gitlab)


def test_textconv_needs_an_existing_file(tmp_path: Path) -> None:
    result = run_rac("textconv", str(tmp_path / "missing.yaml"))
    assert result.code == 2
