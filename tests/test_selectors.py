"""One report selector (docs/selectors.md): every command that takes reports accepts the same forms, with the same
result, and refuses the same mistakes with exit 2 and a message that names the selector in the chosen language."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REPORTS, Run, run_rac
from tests.gitrepo import GitRepo

REPORT = "reports/acme/2024"
# each form names the same report: reports/acme/2024 in a workspace with reports/acme/{2023,2024}
FORMS = {
    "folder": REPORT,
    "file": f"{REPORT}/operations.yaml",
    "year": "2024",
    "entity/year": "acme/2024",
}
REVISION_FORMS = {  # the same report at HEAD (which is what the working tree holds)
    "rev:folder": f"HEAD:{REPORT}",
    "rev:year": "HEAD:2024",
    "rev:entity/year": "HEAD:acme/2024",
}
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    """Two commits of an entity workspace: the import, then one figure changed in 2024."""
    repo = GitRepo(tmp_path_factory.mktemp("selectors") / "repo")
    repo.copy(SAMPLE_REPORTS / "2023", "reports/acme/2023")
    repo.copy(SAMPLE_REPORTS / "2024", "reports/acme/2024")
    repo.commit("Import acme's reports")
    repo.edit(f"{REPORT}/operations.yaml", "clients_signed: 38", "clients_signed: 41")
    repo.commit("More clients")
    return repo


@pytest.fixture
def fresh(repo: GitRepo, tmp_path: Path) -> Path:
    """A copy of the repository for commands that write (freeze, new-year)."""
    copy = tmp_path / "copy"
    shutil.copytree(repo.root, copy, symlinks=True)
    return copy


def _no_sha(text: str) -> str:
    return re.sub(r"\b[0-9a-f]{10,40}\b", "<sha>", text)


def _written(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


# command → how to run it with one selector, returning what must not depend on the form used
def _validate(sel: str, cwd: Path, tmp: Path) -> object:
    run = run_rac("validate", "--format", "json", "--lang", "en", sel, cwd=cwd)
    return run.code, run.out, run.err


def _render(sel: str, cwd: Path, tmp: Path) -> object:
    out = tmp / "out"
    run = run_rac("render", sel, "--format", "md", "--out", str(out), "--lang", "en", cwd=cwd)
    return run.code, _written(out), (out / "summary.md").read_text(encoding="utf-8")


def _reconcile(sel: str, cwd: Path, tmp: Path) -> object:
    run = run_rac("reconcile", sel, "--format", "json", "--lang", "en", cwd=cwd)
    return run.code, run.out, run.err


def _timeline(sel: str, cwd: Path, tmp: Path) -> object:
    run = run_rac("timeline", sel, "--today", "2025-02-01", "--format", "json", "--lang", "en", cwd=cwd)
    return run.code, run.out, run.err


def _diff(sel: str, cwd: Path, tmp: Path) -> object:
    first = "reports/acme/2023/operations.yaml" if sel.endswith(".yaml") else "acme/2023"  # a file with a file
    run = run_rac("diff", first, sel, "--format", "json", cwd=cwd)
    assert run.code == 0, run
    return run.code, [c for c in json.loads(run.out)["changes"] if c["file"] == "operations.yaml"]


def _log(sel: str, cwd: Path, tmp: Path) -> object:
    run = run_rac("log", sel, "--format", "json", cwd=cwd)
    return run.code, run.out, run.err


def _fmt(sel: str, cwd: Path, tmp: Path) -> object:
    run = run_rac("fmt", "--check", "--lang", "en", sel, cwd=cwd)
    return run.code, run.out, run.err


def _verify(sel: str, cwd: Path, tmp: Path) -> object:
    run = run_rac("verify", sel, "--lang", "en", cwd=cwd)
    return run.code, run.out, run.err


def _freeze(sel: str, cwd: Path, tmp: Path) -> object:
    copy = tmp / "frozen"
    shutil.copytree(cwd, copy, symlinks=True)
    run = run_rac("freeze", sel, cwd=copy)
    return run.code, _no_sha(run.out), run.err


def _new_year(sel: str, cwd: Path, tmp: Path) -> object:
    copy = tmp / "rolled"
    shutil.copytree(cwd, copy, symlinks=True)
    run = run_rac("new-year", "2025", "--from", sel, "--lang", "en", cwd=copy)
    return run.code, run.out, run.err, _written(copy / "reports" / "acme" / "2025")


COMMANDS: dict[str, Callable[[str, Path, Path], object]] = {
    "validate": _validate, "render": _render, "reconcile": _reconcile, "timeline": _timeline, "diff": _diff,
    "log": _log, "fmt": _fmt, "verify": _verify, "freeze": _freeze, "new-year": _new_year,
}
READS_HISTORY = {"diff", "log", "blame"}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_form_selects_the_same_report(repo: GitRepo, tmp_path: Path, command: str) -> None:
    run = COMMANDS[command]
    forms = dict(FORMS)
    if command in READS_HISTORY:
        forms |= REVISION_FORMS
    results = {}
    for name, selector in forms.items():
        scratch = tmp_path / name.replace("/", "-").replace(":", "-")
        scratch.mkdir()
        results[name] = run(selector, repo.root, scratch)
    reference = results["folder"]
    assert isinstance(reference, tuple) and reference[0] in (0, 1), reference
    differing = {name: result for name, result in results.items() if result != reference and
                 not (command == "fmt" and name == "file")}  # fmt works on the one file
    assert differing == {}, (reference, differing)


def test_a_file_in_a_report_is_that_file_for_diff_blame_and_set(repo: GitRepo) -> None:
    one = json.loads(run_rac("diff", f"HEAD~1:{FORMS['file']}", FORMS["file"], "--format", "json",
                             cwd=repo.root).out)
    assert [(c["file"], c["pointer"], c["old"], c["new"]) for c in one["changes"]] == [
        ("operations.yaml", "/clients_signed", 38, 41)]
    blame = run_rac("blame", FORMS["file"], "/clients_signed", "--format", "json", cwd=repo.root)
    assert blame.code == 0, blame
    fields = json.loads(blame.out)["fields"]
    assert [(f["pointer"], f["commit"]) for f in fields] == [("/clients_signed", repo.commits[1])]
    then = run_rac("blame", f"HEAD~1:{FORMS['file']}", "/clients_signed", "--format", "json", cwd=repo.root)
    assert [(f["value"], f["commit"]) for f in json.loads(then.out)["fields"]] == [(38, repo.commits[0])]
    for selector in ("2024", REPORT, "HEAD:2024"):
        refused = run_rac("blame", selector, "--lang", "en", cwd=repo.root)
        assert refused.code == 2 and f"'{selector}' is not a file inside a report" in refused.err, refused


def test_log_up_to_a_revision(repo: GitRepo) -> None:
    full = json.loads(run_rac("log", "2024", "--format", "json", cwd=repo.root).out)
    earlier = json.loads(run_rac("log", "HEAD~1:acme/2024", "--format", "json", cwd=repo.root).out)
    assert [e["commit"] for e in full["commits"]] == [repo.commits[1], repo.commits[0]]
    assert [e["commit"] for e in earlier["commits"]] == [repo.commits[0]]


def test_folders_above_reports_and_workspace_files_select_every_report(repo: GitRepo) -> None:
    for selector in ("reports", "reports/acme", "."):
        run = run_rac("validate", "--format", "json", selector, cwd=repo.root)
        assert json.loads(run.out)["summary"]["reports"] == 2, (selector, run.err)
    several = run_rac("log", "reports/acme", "--lang", "en", cwd=repo.root)
    assert several.code == 2
    assert "'reports/acme' selects 2 reports (reports/acme/2023, reports/acme/2024)" in several.err


# -- errors: exit 2, the selector named, in the chosen language ----------------------------------------------------

@pytest.fixture(scope="module")
def broken(repo: GitRepo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository with a second entity's 2024 (an ambiguous year), a folder outside reports/ and a link out
    of the workspace."""
    root = tmp_path_factory.mktemp("broken") / "repo"
    shutil.copytree(repo.root, root, symlinks=True)
    shutil.copytree(SAMPLE_REPORTS / "2024", root / "reports" / "beta" / "2024")
    (root / "notes").mkdir()
    (root / "notes" / "2024").mkdir()
    (root / "notes" / "2024" / "meta.yaml").write_text("report_year: 2024\n", encoding="utf-8")
    outside = root.parent / "elsewhere" / "2024"
    shutil.copytree(SAMPLE_REPORTS / "2024", outside)
    (root / "reports" / "linked").mkdir()
    (root / "reports" / "linked" / "2022").symlink_to(outside, target_is_directory=True)
    return root


# (selector, quoted names the message must carry besides the selector); for every command
ERRORS = {
    "missing year": ("1999", []),
    "ambiguous year": ("2024", ["reports/acme/2024", "reports/beta/2024", "acme/2024"]),
    "outside reports": ("notes/2024", []),
    "link out of the workspace": ("reports/linked/2022", []),
    "missing entity": ("zeta/2024", []),
}
REVISION_ERRORS = {  # commands that read history: the revision is checked; the others refuse revisions
    "bad revision": ("-p:reports/acme/2024", ["-p"]),
    "no such revision": ("nosuchrev:acme/2024", ["nosuchrev"]),
    "no such report in the revision": ("HEAD:reports/acme/1999", []),
}
ERROR_COMMANDS: dict[str, Callable[[str, str, Path], Run]] = {
    "validate": lambda s, lang, cwd: run_rac("validate", "--lang", lang, "--", s, cwd=cwd),
    "render": lambda s, lang, cwd: run_rac("render", "--lang", lang, "--format", "md", "--", s, cwd=cwd),
    "reconcile": lambda s, lang, cwd: run_rac("reconcile", "--lang", lang, "--", s, cwd=cwd),
    "timeline": lambda s, lang, cwd: run_rac("timeline", "--lang", lang, "--", s, cwd=cwd),
    "fmt": lambda s, lang, cwd: run_rac("fmt", "--check", "--lang", lang, "--", s, cwd=cwd),
    "diff": lambda s, lang, cwd: run_rac("diff", "--lang", lang, "--", "acme/2023", s, cwd=cwd),
    "log": lambda s, lang, cwd: run_rac("log", "--lang", lang, "--", s, cwd=cwd),
    "blame": lambda s, lang, cwd: run_rac("blame", "--lang", lang, "--", s, cwd=cwd),
    "freeze": lambda s, lang, cwd: run_rac("freeze", "--lang", lang, "--", s, cwd=cwd),
    "submit": lambda s, lang, cwd: run_rac("submit", "--lang", lang, "--date", "2025-03-01", "--", s, cwd=cwd),
    "verify": lambda s, lang, cwd: run_rac("verify", "--lang", lang, "--", s, cwd=cwd),
    "new-year": lambda s, lang, cwd: run_rac("new-year", "2031", "--lang", lang, "--from", s, cwd=cwd),
    "workbook export": lambda s, lang, cwd: run_rac("workbook", "export", "--lang", lang, "--", s, cwd=cwd),
}


def _assert_named(run: Run, selector: str, lang: str, names: list[str]) -> None:
    assert run.code == 2, run
    assert run.out == "" and "Traceback" not in run.err, run
    assert run.err.startswith("rac: ") and run.err.count("\n") == 1, run.err
    quoted = f"“{selector}”" if lang == "zh" else f"'{selector}'"
    assert quoted in run.err, run.err
    assert all(name in run.err for name in names), run.err
    if lang == "zh":
        assert CJK.search(run.err), run.err
    else:
        assert not CJK.search(run.err), run.err


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("case", sorted(ERRORS) + sorted(REVISION_ERRORS))
@pytest.mark.parametrize("command", sorted(ERROR_COMMANDS))
def test_a_bad_selector_is_exit_2_naming_it(broken: Path, command: str, case: str, lang: str) -> None:
    selector, names = ERRORS.get(case) or REVISION_ERRORS[case]
    if case in REVISION_ERRORS and command not in READS_HISTORY:
        names = []  # refused as a revision, whatever the revision
    if command == "blame" and case == "ambiguous year":
        names = []  # refused earlier: blame takes one file
    run = ERROR_COMMANDS[command](selector, lang, broken)
    _assert_named(run, selector, lang, names)


def test_the_errors_of_one_case_are_one_message_everywhere(broken: Path) -> None:
    """The same mistake reads the same in every command that takes reports (the command name aside)."""
    for selector, _ in ERRORS.values():
        texts = {name: command(selector, "en", broken).err for name, command in ERROR_COMMANDS.items()
                 if name != "blame"}
        assert len({text.replace(f"rac {name}", "rac <command>") for name, text in texts.items()}) == 1, texts


def test_the_language_comes_from_the_config_without_lang(broken: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    workspace = tmp_path / "ws"
    shutil.copytree(SAMPLE_REPORTS / "2024", workspace / "reports" / "2024")
    (workspace / ".reportascode.yaml").write_text("lang: en\n", encoding="utf-8")
    run = run_rac("validate", "1999", cwd=workspace)
    assert run.code == 2 and "'1999': no report for year 1999 in reports" in run.err, run
    zh = run_rac("validate", "--lang", "zh", "1999", cwd=workspace)
    assert "“1999”" in zh.err and "reports 中没有 1999 年度的报告" in zh.err, zh


def test_the_flat_layout_takes_the_same_forms(tmp_path: Path) -> None:
    """``reports/<year>``: the five commands of the issue take the year and the folder alike."""
    repo = GitRepo(tmp_path / "flat")
    repo.copy(SAMPLE_REPORTS / "2023", "reports/2023")
    repo.copy(SAMPLE_REPORTS / "2024", "reports/2024")
    repo.commit("Import")
    runs = {}
    for selector in ("2024", "reports/2024", "reports/2024/meta.yaml"):
        out = tmp_path / f"out-{len(runs)}"
        copy = tmp_path / f"copy-{len(runs)}"
        shutil.copytree(repo.root, copy, symlinks=True)
        runs[selector] = (
            run_rac("validate", "--format", "json", selector, cwd=repo.root),
            run_rac("render", selector, "--format", "md", "--out", str(out), cwd=repo.root).code,
            (out / "summary.md").read_text(encoding="utf-8"),
            json.loads(run_rac("diff", "2023", selector if "." not in selector else "2024", "--format", "json",
                               cwd=repo.root).out)["changes"],
            run_rac("log", selector, "--format", "json", cwd=repo.root),
            _no_sha(run_rac("freeze", selector, cwd=copy).out),
        )
    first = runs["2024"]
    assert first[0].code == 0 and first[1] == 0 and first[3] and "rac/2024/locked <sha>" in first[5], first
    assert all(result == first for result in runs.values()), runs


def test_a_missing_report_path_is_named_as_typed(tmp_path: Path) -> None:
    """``reports/1999`` is the path the user typed, not the entity ``reports``: the message names that path."""
    workspace = tmp_path / "ws"
    shutil.copytree(SAMPLE_REPORTS / "2024", workspace / "reports" / "2024")
    for command in (("validate",), ("log",)):
        run = run_rac(*command, "reports/1999", "--lang", "en", cwd=workspace)
        assert run.code == 2 and "there is no report reports/1999" in run.err and "reports/reports" not in run.err, run
