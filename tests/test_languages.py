"""One language per run: every command under ``--lang en`` prints no Chinese, and under ``--lang zh`` no English
sentence, apart from data values (every scalar of the workspace's YAML and CSV files), rule ids, paths, option
names and pointers. Run on the sample workspace (in a git repository, so that the audit commands work) and on a
broken copy of it; click's own usage errors included."""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reportascode.cli import COMMANDS
from tests.conftest import SAMPLE_REPORTS, run_rac
from tests.gitrepo import AUTHOR_NAME, GitRepo

COMMIT_MESSAGE = "样例报告 / sample reports"  # git history is data too
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
# things that are English in any language: rule ids, paths and file names, options, pointers, git ids, URLs,
# format names, and identifiers of the data model (keys such as seats.total, evidence column names)
NEUTRAL = re.compile(
    r"https?://\S+"
    r"|[\w.-]*/[\w./#*@:-]*"  # paths, pointers, file#/pointer, REV:PATH
    r"|--?[a-z][\w-]*"  # options
    r"|\b[A-Z]{2,5}(?:-[A-Z0-9]+)+\b"  # rule ids such as SEAT-02, REC-01, LOAD-READ
    r"|\b[\w-]+\.(?:yaml|yml|csv|json|md|html|docx|xlsx|pdf|txt|ics|sarif)\b"
    r"|\b[a-z]+(?:_[a-z0-9]+)+\b"  # snake_case identifiers
    r"|\b\w+(?:\.\w+)+\b"  # dotted names: seats.total, thresholds.SEAT-02
    r"|`[^`]*`"
    r"|\b[0-9a-f]{7,40}\b"
    r"|\brac(?: [a-z][a-z-]+)?"  # the program and its commands, as in usage lines
    r"|\b[A-Z][A-Z_]+\b"  # metavars: PATHS, REPORT, DIR
)
ENGLISH_SENTENCE = re.compile(r"\b[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}\b")  # three or more English words in a row


def data_vocabulary() -> set[str]:
    """Values that data may hold and messages quote as they are: the schemas' enum values (开通, 内资…), the
    placeholders (待填) and the values the evidence files accept (是/否…)."""
    import json

    from reportascode.model.schemas import packaged_schema_dir
    from reportascode.validate.placeholders import PLACEHOLDERS

    found: set[str] = set(PLACEHOLDERS) | {"是", "否", "已回复", "未回复", "浙江", "浙", "工信部申诉"}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            found.update(str(v) for v in node.get("enum") or [] if isinstance(v, str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in packaged_schema_dir().rglob("*.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return found


def _scalars(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key)
            yield from _scalars(value)
    elif isinstance(node, list):
        for item in node:
            yield from _scalars(item)
    elif node is not None:
        yield str(node)


def data_values(root: Path) -> list[str]:
    """Every scalar of the workspace's YAML and CSV files (and every line of a file that does not parse), longest
    first, so that removing them from an output leaves only the tool's own words."""
    from ruamel.yaml import YAML

    values: set[str] = set()
    for path in root.rglob("*"):
        if not path.is_file() or ".git" in path.parts:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix in (".yaml", ".yml"):
            try:
                values.update(_scalars(YAML(typ="safe").load(text)))
            except Exception:  # a broken file: its lines are its values
                values.update(line.strip() for line in text.splitlines())
            values.update(comment.strip() for comment in re.findall(r"#([^\n]*)", text))
        elif path.suffix == ".csv":
            values.update(cell for row in csv.reader(text.splitlines()) for cell in row)
    found = {v.strip() for v in values if v.strip()} | data_vocabulary() | {COMMIT_MESSAGE, AUTHOR_NAME}
    # a value also shows as its parts (a list joined by the tool, a long value shortened with …)
    parts = {part.strip() for v in found for part in re.split(r"[,，、；;（）()]", v)}
    found.update(part for part in parts if len(part) > 1)
    return sorted(found, key=len, reverse=True)


def without(text: str, values: list[str]) -> str:
    for value in values:
        if value in text:
            text = text.replace(value, " ")
    return text


def visible(text: str) -> str:
    """A page's text as a reader sees it (no markup, styles, scripts or inline SVG)."""
    if "<html" not in text:
        return text
    text = re.sub(r"(?s)<(style|script|svg)\b.*?</\1>", " ", text)
    text = re.sub(r"(?s)<!--.*?-->|<[^>]+>", " ", text)
    return html.unescape(text)


def _chinese_left(text: str, values: list[str]) -> list[str]:
    chinese_values = [v for v in values if CJK.search(v)]
    return [line for line in without(visible(text), chinese_values).splitlines() if CJK.search(line)]


def _english_left(text: str, values: list[str]) -> list[str]:
    rest = NEUTRAL.sub(" ", without(visible(text), [v for v in values if len(v) > 3]))
    return [line.strip() for line in rest.splitlines() if ENGLISH_SENTENCE.search(line)]


def _workspace(tmp_path: Path, broken: bool) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    for year in ("2023", "2024"):
        repo.copy(SAMPLE_REPORTS / year, f"reports/{year}")
    if broken:
        ops = repo.path("reports/2024/operations.yaml")
        text = ops.read_text(encoding="utf-8").replace("  total: 610", "  total: many", 1)
        ops.write_text(text + "seats_extra: 1\n", encoding="utf-8")
        meta = repo.path("reports/2023/meta.yaml")
        meta.write_text(meta.read_text(encoding="utf-8") + "year: [unclosed\n", encoding="utf-8")
        (repo.path("reports/2024/evidence") / "numbers_used.csv").write_text("x,y\n1\n", encoding="utf-8")
    repo.commit(COMMIT_MESSAGE)
    return repo


def _runs(root: Path, lang: str) -> list[tuple[str, ...]]:
    out = str(root.parent / f"out-{lang}")
    return [
        ("validate",), ("validate", "--format", "junit"), ("rules",), ("explain", "SEAT-02"),
        ("reconcile",), ("timeline", "reports/2024", "--today", "2025-02-20"), ("fmt", "--check"),
        ("diff", "reports/2023", "reports/2024"), ("trends",), ("textconv", "reports/2024/meta.yaml"),
        ("log", "reports/2024"), ("blame", "reports/2024/operations.yaml", "/seats"), ("verify", "reports/2024"),
        ("render", "reports/2024", "--format", "html", "--format", "md", "--draft", "--out", out),
        ("set", "reports/2024/operations.yaml", "/seats/nope/deeper", "3"),
        ("freeze", "reports/2024"), ("verify", "reports/2024"),
        ("submit", "reports/2024", "--date", "2025-03-20"),
        ("new-year", "2025"), ("schema", "--check"),
        # click's own usage errors
        ("validate", "--nope"), ("log",), ("render", "--format", "bogus"), ("diff",), ("no-such-command",),
        ("explain",), ("timeline", "reports/2024", "--today", "someday"),
        # help, in the chosen language too
        ("--help",), *((name, "--help") for name in sorted(COMMANDS)), ("workbook", "export", "--help"),
        ("workbook", "import", "--help"),
    ]


def _outputs(tmp_path: Path, lang: str, broken: bool) -> tuple[list[str], list[tuple[tuple[str, ...], str]]]:
    repo = _workspace(tmp_path, broken)
    values = data_values(repo.root)
    outputs = []
    for args in _runs(repo.root, lang):
        run = run_rac(*args, "--lang", lang, cwd=repo.root) if args[0] not in ("no-such-command", "--help") \
            else run_rac("--lang", lang, *args, cwd=repo.root)
        assert run.code in (0, 1, 2), (args, run.err)
        outputs.append((args, run.out + run.err))
    documents = tmp_path / "repo" / ".." / f"out-{lang}"
    for path in sorted(documents.resolve().rglob("*")) if documents.exists() else []:
        if path.suffix in (".html", ".md"):
            outputs.append((("document", path.name), path.read_text(encoding="utf-8")))
    return values, outputs


@pytest.mark.parametrize("broken", [False, True], ids=["sample", "broken"])
def test_english_runs_print_no_chinese(tmp_path: Path, broken: bool) -> None:
    values, outputs = _outputs(tmp_path, "en", broken)
    left = {" ".join(args): _chinese_left(text, values) for args, text in outputs}
    assert {command: lines for command, lines in left.items() if lines} == {}


@pytest.mark.parametrize("broken", [False, True], ids=["sample", "broken"])
def test_chinese_runs_print_no_english_sentence(tmp_path: Path, broken: bool) -> None:
    values, outputs = _outputs(tmp_path, "zh", broken)
    left = {" ".join(args): _english_left(text, values) for args, text in outputs}
    assert {command: lines for command, lines in left.items() if lines} == {}


def test_a_broken_config_speaks_the_chosen_language(workspace: Path) -> None:
    (workspace / ".reportascode.yaml").write_text("lang: zh\nbogus: 1\n", encoding="utf-8")
    english = run_rac("validate", "--lang", "en", cwd=workspace)
    assert english.code == 2 and "unknown field 'bogus'" in english.err and not CJK.search(english.err)
    chinese = run_rac("validate", cwd=workspace)  # the config's language, though the config is broken
    assert chinese.code == 2 and "未知字段" in chinese.err


def test_click_usage_errors_are_translated(workspace: Path) -> None:
    run = run_rac("log", "--lang", "zh", cwd=workspace)
    assert run.code == 2 and "缺少参数" in run.err and "Missing" not in run.err
    run = run_rac("validate", "--format", "bogus", "--lang", "zh", cwd=workspace)
    assert "不是可选值之一" in run.err and "Usage" not in run.err
    run = run_rac("--lang", "en", "validate", "--format", "bogus", cwd=workspace)
    assert "is not one of" in run.err


def test_the_group_option_reaches_the_command(workspace: Path) -> None:
    run = run_rac("--lang", "en", "validate", cwd=workspace)
    assert "reports" in run.out and _chinese_left(run.out, data_values(workspace)) == []


def test_the_english_catalogue_quotes_chinese_only_as_data() -> None:
    """English texts name Chinese terms in English; what Chinese is left is data the user types (enum values,
    the placeholder, accepted evidence values)."""
    from reportascode.messages import en

    vocabulary = data_vocabulary()
    left = {key: CJK.findall(without(text, sorted(vocabulary, key=len, reverse=True)))
            for key, text in en.MESSAGES.items() if not key.startswith("unit.")}
    assert {key: found for key, found in left.items() if found} == {}


def test_every_command_and_option_has_its_help_in_the_catalogue() -> None:
    import importlib

    from reportascode.cli import cli
    from reportascode.messages import has_message

    missing: list[str] = []

    def check(name: str, command: Any) -> None:
        missing.extend([] if has_message(f"help.{name}", "en") else [name])
        missing.extend(f"{name} --{p.name}" for p in command.params if p.param_type_name == "option"
                       and not any(has_message(k, "en") for k in (f"help.{name}.{p.name}", f"help.option.{p.name}")))
        for sub_name, sub in (getattr(command, "commands", None) or {}).items():
            check(f"{name} {sub_name}", sub)

    for name, target in sorted(COMMANDS.items()):
        module, _, attribute = target.partition(":")
        check(name, getattr(importlib.import_module(module), attribute))
    missing += [f"rac --{p.name}" for p in cli.params if p.param_type_name == "option"
                and not has_message(f"help.rac.{p.name}", "en")]
    assert missing == []
