"""rac validate's cache never changes an answer (design §5).

The whole fixture corpus (the sample workspace, the broken fixtures of test_validate_fixtures, the hostile files of
tests/corpus, the planted errors and every check's failing example) is validated with ``--no-cache``, then cold,
warm and with every cache entry corrupted, and the outputs (exit code, stdout, stderr; text and json, both
languages where it matters) must be byte for byte the same. From a warm cache, each input the results are computed
from is changed one at a time (a report file, the previous year, the config, the rule files, an evidence export,
the schemas, today's date, the language, the engine, the folder's listing) and the cached run must still equal an
uncached one. Entries that are corrupt, truncated, foreign or links are ignored; a linked cache folder is not
followed; the language server (unsaved text) is never served from the cache.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reportascode.files.cachestore import CacheStore, cache_root, git_directory
from reportascode.model.findings import Finding
from reportascode.model.loader import Document, LoadProblem
from reportascode.model.workspace import Workspace
from tests.conftest import REPO_ROOT, SAMPLE_REPORTS, Run, run_rac
from tests.test_validate_fixtures import CASES as FIXTURE_CASES

CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv("RAC_NO_CACHE", raising=False)


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """The sample workspace (reports and the workspace rules) outside git: its cache is in the user cache folder."""
    root = tmp_path / "ws"
    shutil.copytree(SAMPLE_REPORTS, root / "reports")
    shutil.copytree(REPO_ROOT / "rules", root / "rules")
    return root


def cache_folder(root: Path) -> Path:
    folder = cache_root(root.resolve(), "validate")
    assert folder is not None
    return folder


def entries(root: Path) -> list[Path]:
    folder = cache_folder(root)
    return sorted(p for p in folder.rglob("*.json")) if folder.is_dir() else []


def clear(root: Path) -> None:
    shutil.rmtree(cache_folder(root), ignore_errors=True)


def validate(root: Path, fmt: str, lang: str, *args: str, cached: bool = True) -> tuple[int, str, str]:
    extra = () if cached else ("--no-cache",)
    run: Run = run_rac("validate", "--format", fmt, "--lang", lang, *extra, *args, cwd=root)
    assert "Traceback" not in run.err and run.code != 3, run.err
    return run.code, run.out, run.err


def corrupt_all(root: Path) -> int:
    """Damage every entry, a different way each: truncated, a byte flipped, emptied, another key's entry in its
    place (foreign: a valid checksum, the wrong key), a link to another entry, an entry of another format."""
    found = entries(root)
    for number, path in enumerate(found):
        data = path.read_bytes()
        way = number % 6
        if way == 0:
            path.write_bytes(data[: len(data) // 2])
        elif way == 1:
            middle = len(data) // 2
            path.write_bytes(data[:middle] + bytes([data[middle] ^ 0x55]) + data[middle + 1:])
        elif way == 2:
            path.write_bytes(b"")
        elif way == 3 and len(found) > 1:
            path.write_bytes(found[(number + 1) % len(found)].read_bytes())
        elif way == 4 and len(found) > 1:
            path.unlink()
            path.symlink_to(found[(number + 1) % len(found)])
        else:
            from reportascode.files.cachestore import digest

            _checksum, _, body = data.partition(b"\n")
            entry = json.loads(body)
            entry["format"] = 999
            body = json.dumps(entry).encode()
            path.write_bytes(digest(body).encode() + b"\n" + body)
    return len(found)


def assert_same_answers(root: Path, *args: str, langs: tuple[str, ...] = ("zh",),
                        formats: tuple[str, ...] = ("text", "json")) -> None:
    """Uncached, cold, warm and corrupted runs give the same bytes."""
    for lang in langs:
        reference = {fmt: validate(root, fmt, lang, *args, cached=False) for fmt in formats}
        clear(root)
        for fmt in formats:  # the first is cold, the others warm
            assert validate(root, fmt, lang, *args) == reference[fmt], ("cold/warm", fmt, lang)
        for fmt in formats:
            assert validate(root, fmt, lang, *args) == reference[fmt], ("warm", fmt, lang)
        corrupt_all(root)
        for fmt in formats:
            assert validate(root, fmt, lang, *args) == reference[fmt], ("corrupted", fmt, lang)


# --- the corpus: cold, warm, corrupted ---------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ["fast", "reference"])
def test_sample_workspace_every_format_and_language(ws: Path, engine: str) -> None:
    assert_same_answers(ws, "--engine", engine, langs=("zh", "en"),
                        formats=("text", "json", "sarif", "github", "junit"))
    assert_same_answers(ws, "--engine", engine, "reports/2024")
    assert entries(ws), "the cache was used"


def test_the_warm_run_is_served_from_the_cache(ws: Path) -> None:
    validate(ws, "text", "zh")
    first = entries(ws)
    assert len([p for p in first if p.parent.name == "report"]) == 3  # 2022, 2023, 2024
    assert len([p for p in first if p.parent.name == "file"]) == 33  # their eleven files each
    contents = {p: p.read_bytes() for p in first}
    validate(ws, "text", "zh")
    assert {p: p.read_bytes() for p in entries(ws)} == contents  # read, nothing new written


@pytest.mark.parametrize("case", FIXTURE_CASES, ids=[c.name for c in FIXTURE_CASES])
def test_broken_fixtures(ws: Path, case: object) -> None:
    path = ws / "reports" / "2024" / case.file  # type: ignore[attr-defined]
    case.edit(path)  # type: ignore[attr-defined]
    assert_same_answers(ws, "reports/2024")


def _corpus_cases() -> dict[str, dict[str, object]]:
    from reportascode.model.loader import load_file

    table = load_file(CORPUS / "expected.yaml", "tests/corpus/expected.yaml")
    assert table.ok
    cases: dict[str, dict[str, object]] = table.data["cases"]
    return cases


CORPUS_CASES = _corpus_cases()


@pytest.fixture(scope="module")
def corpus_ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cache-corpus") / "ws"
    shutil.copytree(SAMPLE_REPORTS, root / "reports")
    return root


def test_hostile_corpus(corpus_ws: Path) -> None:
    """Every hostile file in place of its sample file, from one cache that sees them all in turn (the original
    file's entries stay in it, and come back when the file is put back)."""
    clear(corpus_ws)
    for number, name in enumerate(sorted(CORPUS_CASES)):
        target = corpus_ws / str(CORPUS_CASES[name]["replaces"])
        original = target.read_bytes() if target.is_file() else None
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CORPUS / name, target)
        try:
            reference = validate(corpus_ws, "json", "en", "reports/2024", cached=False)
            assert validate(corpus_ws, "json", "en", "reports/2024") == reference, name  # cold for this file
            assert validate(corpus_ws, "json", "en", "reports/2024") == reference, name  # warm
            if number % 4 == 0:
                assert validate(corpus_ws, "text", "zh", "reports/2024") == \
                    validate(corpus_ws, "text", "zh", "reports/2024", cached=False), name
        finally:
            if original is None:
                target.unlink()
            else:
                target.write_bytes(original)
    corrupt_all(corpus_ws)
    assert_same_answers(corpus_ws)


def test_planted_errors_and_every_failing_check_example(ws: Path) -> None:
    """The planted errors of domain §6 and each check's failing example, applied to one workspace one after
    another (each on top of the previous ones: the cache sees every state), cached equal to uncached."""
    from reportascode.rules.checks.examples import EXAMPLES
    from tests.example_edits import apply_example
    from tests.test_planted import plant_2022_seat02, plant_2023_geo01, plant_2024_fin02

    validate(ws, "json", "en")  # warm
    for plant in (plant_2022_seat02, plant_2023_geo01, plant_2024_fin02):
        plant(ws)
        assert validate(ws, "json", "en") == validate(ws, "json", "en", cached=False), plant.__name__
    for rule, examples in sorted(EXAMPLES.items()):
        for label, example in sorted(examples.items()):
            if example.expect is None:
                continue
            fresh = ws.parent / "example"  # one place: its report entries of earlier examples are in the cache
            shutil.rmtree(fresh, ignore_errors=True)
            shutil.copytree(SAMPLE_REPORTS, fresh / "reports")
            apply_example(fresh, example)
            assert validate(fresh, "json", "en") == validate(fresh, "json", "en", cached=False), (rule, label)
            assert validate(fresh, "text", "zh") == validate(fresh, "text", "zh", cached=False), (rule, label)


# --- one input changed at a time, from a warm cache -------------------------------------------------------------


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _config(text: str) -> Callable[[Path], None]:
    return lambda root: (root / ".reportascode.yaml").write_text(text, encoding="utf-8")


CHANGES: dict[str, Callable[[Path], None]] = {
    "a value in this year's file": lambda r: _replace(r / "reports/2024/operations.yaml", "  ai: 90 ", "  ai: 140 "),
    "a comment only": lambda r: _replace(r / "reports/2024/meta.yaml", "#", "# x", ),
    "a file the reconciliation reads": lambda r: _replace(r / "reports/2024/trunks.yaml", "channels: 300",
                                                          "channels: 310"),
    "a file the reconciliation does not read": lambda r: _replace(r / "reports/2024/company.yaml", "total: 860",
                                                                  "total: 600"),
    "a value in the previous year": lambda r: _replace(r / "reports/2023/operations.yaml", "  ai: 40", "  ai: 88"),
    "explanations": lambda r: (r / "reports/2024/explanations.yaml").write_text("[]\n", encoding="utf-8"),
    "a file removed": lambda r: (r / "reports/2024/trunks.yaml").unlink(),
    "the previous year removed": lambda r: shutil.rmtree(r / "reports/2023"),
    "an unknown file added": lambda r: (r / "reports/2024/notes.yaml").write_text("a: 1\n", encoding="utf-8"),
    "a file added in a subfolder": lambda r: (r / "reports/2024/evidence/extra.csv").write_text("x\n"),
    "an evidence row": lambda r: (r / "reports/2024/evidence/trunk_bills.csv").write_text(
        (r / "reports/2024/evidence/trunk_bills.csv").read_text(encoding="utf-8").replace(",300,", ",330,", 1),
        encoding="utf-8"),
    "an evidence export removed": lambda r: (r / "reports/2024/evidence/complaints.csv").unlink(),
    "config: a severity override": _config("severity:\n  YOY-01: error\n"),
    "config: a check off": _config("severity:\n  YOY-01: 'off'\n"),
    "config: a threshold": _config("thresholds:\n  YOY-01:\n    change: 0.9\n"),
    "config: the language": _config("lang: en\n"),
    "config: a waiver": _config("waivers:\n  - rule: YOY-01\n    reason: test\n    expires: 2999-01-01\n"),
    "config: broken": _config("severity: [\n"),
    "a workspace rule": lambda r: _replace(r / "rules/staff.yaml", "total * 0.9", "total * 0.99"),
    "a broken rule file": lambda r: (r / "rules/broken.yaml").write_text("rules: [\n", encoding="utf-8"),
    "the rule files removed": lambda r: shutil.rmtree(r / "rules"),
    "a workspace schema": lambda r: _workspace_schema(r),
    "an empty schema version folder": lambda r: (r / "schemas/0.9").mkdir(parents=True),
    "a schema version named in meta.yaml and added": lambda r: (
        _replace(r / "reports/2024/meta.yaml", 'schema_version: "1.0"', 'schema_version: "1.1"'),
        shutil.copytree(REPO_ROOT / "src/reportascode/schemas/1.0", r / "schemas/1.1")),
    "a link to a file inside the workspace": lambda r: _link_meta(r),
    "file permissions": lambda r: (r / "reports/2024/meta.yaml").chmod(0o600),
}


def _workspace_schema(root: Path) -> None:
    shutil.copytree(REPO_ROOT / "src/reportascode/schemas/1.0", root / "schemas/1.0")
    _replace(root / "schemas/1.0/operations.schema.json", '"$ref": "common.schema.json#/$defs/count"',
             '"type": "string"')


def _link_meta(root: Path) -> None:
    meta = root / "reports/2024/meta.yaml"
    shared = root / "shared-meta.yaml"
    shared.write_bytes(meta.read_bytes().replace(b"report_year: 2024", b"report_year: 2023"))
    meta.unlink()
    meta.symlink_to(shared)


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_each_input_changed_from_a_warm_cache(ws: Path, change: str) -> None:
    for fmt in ("json", "text"):
        validate(ws, fmt, "zh")  # warm, before the change
    CHANGES[change](ws)
    for fmt, lang in (("json", "zh"), ("text", "zh"), ("text", "en")):
        assert validate(ws, fmt, lang) == validate(ws, fmt, lang, cached=False), (change, fmt, lang)
        assert validate(ws, fmt, lang) == validate(ws, fmt, lang, cached=False), (change, fmt, lang, "again")


def test_a_link_target_edited_outside_the_report_folder(ws: Path) -> None:
    """A report file that is a link: its content (not the link) is what the cache is keyed by."""
    _link_meta(ws)
    validate(ws, "json", "en")
    _replace(ws / "shared-meta.yaml", "report_year: 2023", "report_year: 2024")
    assert validate(ws, "json", "en") == validate(ws, "json", "en", cached=False)


def test_the_engine_and_the_language_from_one_warm_cache(ws: Path) -> None:
    validate(ws, "json", "zh")
    for engine in ("reference", "fast"):
        for lang in ("en", "zh"):
            args = ("--engine", engine)
            assert validate(ws, "text", lang, *args) == validate(ws, "text", lang, *args, cached=False)


def test_todays_date_moves_a_waiver_out(ws: Path) -> None:
    """Waivers depend on today's date: the same cache, two days, two answers, each equal to an uncached run."""
    from reportascode.validate.engine import validate_reports
    from reportascode.validate.session import select_reports
    from reportascode.validate.validation_cache import ValidationCache

    (ws / ".reportascode.yaml").write_text(
        "waivers:\n  - rule: YOY-01\n    reason: test\n    expires: 2030-06-30\n", encoding="utf-8")

    def states(today: dt.date, cached: bool) -> list[tuple[str, str, str]]:
        selection = select_reports([ws / "reports/2024"], command="validate")
        cache = ValidationCache.open(ws, selection.store) if cached else None
        result = validate_reports(selection.reports, selection.config, selection.store, today, cache=cache)
        return [(f.rule, f.pointer, f.state) for f in result.findings]

    for today in (dt.date(2030, 6, 30), dt.date(2030, 7, 1), dt.date(2030, 6, 30)):
        assert states(today, True) == states(today, False), today
    assert states(dt.date(2030, 6, 30), True) != states(dt.date(2030, 7, 1), True)


# --- what the cache refuses -------------------------------------------------------------------------------------


def test_no_cache_and_the_environment_write_nothing(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    validate(ws, "text", "zh", cached=False)
    assert entries(ws) == []
    monkeypatch.setenv("RAC_NO_CACHE", "1")
    validate(ws, "text", "zh")
    assert entries(ws) == []
    monkeypatch.delenv("RAC_NO_CACHE")
    validate(ws, "text", "zh")
    assert entries(ws)


def test_in_a_git_repository_the_cache_is_under_the_git_directory(ws: Path) -> None:
    subprocess.run(["git", "init", "-q", str(ws)], check=True)
    assert git_directory(ws) == ws / ".git"
    assert cache_folder(ws) == ws / ".git" / "rac-cache" / "validate"
    assert_same_answers(ws, "reports/2024")
    assert list((ws / ".git" / "rac-cache" / "validate").rglob("*.json"))
    worktree = ws.parent / "wt"
    (ws / "x").write_text("x")
    subprocess.run(["git", "-C", str(ws), "-c", "user.name=t", "-c", "user.email=t@t", "add", "."], check=True)
    subprocess.run(["git", "-C", str(ws), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"],
                   check=True)
    subprocess.run(["git", "-C", str(ws), "worktree", "add", "-q", str(worktree)], check=True)
    assert git_directory(worktree) is not None
    assert git_directory(worktree).resolve() == (ws / ".git").resolve()  # type: ignore[union-attr]


def test_a_linked_cache_folder_is_not_followed(ws: Path, tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(ws)], check=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (ws / ".git" / "rac-cache").symlink_to(outside)
    assert cache_root(ws, "validate") is None
    reference = validate(ws, "json", "en", cached=False)
    assert validate(ws, "json", "en") == reference
    assert list(outside.rglob("*")) == []
    (ws / ".git" / "rac-cache").unlink()
    (ws / ".git" / "rac-cache").mkdir()
    (ws / ".git" / "rac-cache" / "validate").symlink_to(outside)
    assert validate(ws, "json", "en") == reference
    assert list(outside.rglob("*")) == []


def test_a_linked_kind_folder_is_not_written_through(ws: Path, tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(ws)], check=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    folder = ws / ".git" / "rac-cache" / "validate"
    folder.mkdir(parents=True)
    (folder / "file").symlink_to(outside)
    reference = validate(ws, "json", "en", cached=False)
    assert validate(ws, "json", "en") == reference
    assert validate(ws, "json", "en") == reference
    assert list(outside.rglob("*")) == []


def test_an_entry_planted_under_the_right_name_with_another_answer_is_refused(ws: Path) -> None:
    """An entry must name its own key inside: one written for another key (a collision, a copied file) is foreign."""
    from reportascode.files.cachestore import digest

    reference = validate(ws, "json", "en", cached=False)
    validate(ws, "json", "en")
    for path in entries(ws):
        _checksum, _, body = path.read_bytes().partition(b"\n")
        entry = json.loads(body)
        entry["key"] = entry["key"] + "x"  # a valid checksum, the wrong key
        body = json.dumps(entry, ensure_ascii=False).encode()
        path.write_bytes(digest(body).encode() + b"\n" + body)
    assert validate(ws, "json", "en") == reference


def test_a_forged_payload_is_decoded_or_ignored_never_crashes(ws: Path) -> None:
    """Well-formed entries with payloads of the wrong shape: each is ignored."""
    from reportascode.files.cachestore import digest

    reference = validate(ws, "json", "en", cached=False)
    validate(ws, "json", "en")
    shapes: list[object] = [None, 1, "x", [], {}, {"doc": 1}, {"files": True, "findings": [], "rule_files": []},
                            {"doc": {"path": 1}, "schema": {}}, {"files": 1, "findings": [[1, 2]], "rule_files": []},
                            {"files": 1, "findings": {"m": []}, "rule_files": []}]
    for number, path in enumerate(entries(ws)):
        _checksum, _, body = path.read_bytes().partition(b"\n")
        entry = json.loads(body)
        entry["payload"] = shapes[number % len(shapes)]
        body = json.dumps(entry, ensure_ascii=False).encode()
        path.write_bytes(digest(body).encode() + b"\n" + body)
    assert validate(ws, "json", "en") == reference


def test_a_frozen_report_has_no_report_entry(ws: Path) -> None:
    """LOCK-01 reads git: a report with a lock manifest is re-checked every run (its files still come cached)."""
    from reportascode.validate.session import select_reports
    from reportascode.validate.validation_cache import ValidationCache

    (ws / "reports/2024/.rac-lock.yaml").write_text("locked: {}\n", encoding="utf-8")
    selection = select_reports([ws / "reports/2024"], command="validate")
    cache = ValidationCache.open(ws, selection.store)
    assert cache is not None
    assert cache.report_key(selection.reports[0], selection.config, True, dt.date(2030, 1, 1)) is None
    assert validate(ws, "json", "en") == validate(ws, "json", "en", cached=False)


def test_a_folder_that_cannot_be_fingerprinted_is_not_cached(ws: Path) -> None:
    from reportascode.validate.validation_cache import tree_fingerprint

    folder = ws / "reports/2024"
    assert tree_fingerprint(folder) is not None
    (folder / "evidence-link").symlink_to(folder / "evidence", target_is_directory=True)
    assert tree_fingerprint(folder) is None
    os.mkfifo(folder / "pipe.yaml")
    (folder / "evidence-link").unlink()
    assert tree_fingerprint(folder) is None
    assert validate(ws, "json", "en") == validate(ws, "json", "en", cached=False)


def test_a_folder_walked_again_in_a_run_reads_only_files_that_may_have_changed(tmp_path: Path) -> None:
    """The second walk of a run takes a file's earlier hash only when stat says exactly what it said and the file
    was last changed well before the run started; a file changed since, or changed just before the run (within
    the file system clock's reach), is read again."""
    from reportascode.validate.validation_cache import Hashed, tree_fingerprint

    folder = tmp_path / "r"
    folder.mkdir()
    old, new = folder / "old.yaml", folder / "new.yaml"
    old.write_text("a: 1\n")
    new.write_text("b: 1\n")
    hashed = Hashed()
    first = tree_fingerprint(folder, hashed)
    assert first == tree_fingerprint(folder) and set(hashed.files) == {str(old), str(new)}
    # planted hashes: a walk that takes one shows that file was not read again
    hashed.files = {path: (stat, "planted") for path, (stat, _) in hashed.files.items()}
    assert tree_fingerprint(folder, hashed) == first  # both changed just before the run: read again
    hashed.files = {path: (stat, "planted") for path, (stat, _) in hashed.files.items()}
    hashed.trusted_before = max(os.stat(p).st_ctime_ns for p in (old, new)) + 1  # as if the run began later
    assert tree_fingerprint(folder, hashed) != first  # both taken as hashed
    old.write_text("a: 2\n")  # the same size, changed in the run: stat differs
    assert hashed.known(str(old), os.stat(old)) is None
    assert hashed.known(str(new), os.stat(new)) == "planted"
    hashed.files.pop(str(new))  # new.yaml read again too: the walk now says what a fresh one says
    assert tree_fingerprint(folder, hashed) == tree_fingerprint(folder) != first


def test_the_store_is_bounded_and_survives_concurrent_writers(tmp_path: Path) -> None:
    import threading

    store = CacheStore(tmp_path / "c", {"k": (10, 10_000)})
    for number in range(30):
        store.put("k", f"key{number}", {"n": number})
    store.prune()
    assert len(list((tmp_path / "c" / "k").glob("*.json"))) == 10
    assert store.get("k", "key29") == {"n": 29}
    assert store.get("k", "key0") is None
    store.put("k", "big", "x" * 20_000)
    store.prune()
    assert store.get("k", "big") is None  # more than the kind's bytes: gone first

    def writer(number: int) -> None:
        for _ in range(20):
            store.put("k", "shared", {"n": number})
            value = store.get("k", "shared")
            assert value is None or value in ({"n": n} for n in range(4))

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.get("k", "shared") in ({"n": n} for n in range(4))
    assert not [p for p in (tmp_path / "c" / "k").iterdir() if p.name.endswith(".tmp")]


def test_concurrent_runs_agree(ws: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}
    reference = validate(ws, "json", "en", cached=False)
    procs = [subprocess.Popen([sys.executable, "-m", "reportascode", "validate", "--format", "json", "--lang", "en"],
                              cwd=ws, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert (proc.returncode, out, err) == reference
    assert validate(ws, "json", "en") == reference


def test_a_warm_run_imports_neither_parser_nor_schema_engine_nor_checks(ws: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}
    probe = ("import sys, runpy\nsys.argv = ['rac', 'validate', 'reports/2024']\n"
             "try:\n    runpy.run_module('reportascode', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "heavy = ('yaml', 'ruamel', 'jsonschema', 'jsonschema_rs', 'reportascode.rules.checks',"
             " 'reportascode.reconcile', 'reportascode.rules.workspace_rules', 'reportascode.validate.explanations')\n"
             "sys.stderr.write(repr(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m in heavy)))\n")
    subprocess.run([sys.executable, "-c", probe], cwd=ws, env=env, capture_output=True, check=True)
    done = subprocess.run([sys.executable, "-c", probe], cwd=ws, env=env, capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "[]"


def test_an_edit_the_reconciliation_does_not_read_keeps_it_cached(ws: Path) -> None:
    """The reconciliation's findings are kept with the report files it read: editing another file re-runs the
    checks but not the reconciliation (nor imports it)."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}
    probe = ("import sys, runpy\nsys.argv = ['rac', 'validate', '--format', 'json', 'reports/2024']\n"
             "try:\n    runpy.run_module('reportascode', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "sys.stderr.write(repr(sorted(m for m in sys.modules if m.startswith('reportascode.reconcile'))))\n")
    subprocess.run([sys.executable, "-c", probe], cwd=ws, env=env, capture_output=True, check=True)
    _replace(ws / "reports/2024/company.yaml", "total: 860", "total: 600")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ws, env=env, capture_output=True, text=True, check=True)
    assert done.stderr.endswith("[]")
    assert validate(ws, "json", "en") == validate(ws, "json", "en", cached=False)
    _replace(ws / "reports/2024/trunks.yaml", "channels: 300", "channels: 310")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ws, env=env, capture_output=True, text=True, check=True)
    assert "reportascode.reconcile" in done.stderr
    assert validate(ws, "json", "en") == validate(ws, "json", "en", cached=False)


def test_an_edit_that_changes_no_finding_does_not_apply_the_explanations_again(ws: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}
    probe = ("import sys, runpy\nsys.argv = ['rac', 'validate', 'reports/2024']\n"
             "try:\n    runpy.run_module('reportascode', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "sys.stderr.write(repr('reportascode.validate.explanations' in sys.modules))\n")
    subprocess.run([sys.executable, "-c", probe], cwd=ws, env=env, capture_output=True, check=True)
    _replace(ws / "reports/2024/company.yaml", "compliance@xinglan.example", "compliance2@xinglan.example")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ws, env=env, capture_output=True, text=True, check=True)
    assert done.stderr.endswith("False")
    assert validate(ws, "json", "en") == validate(ws, "json", "en", cached=False)
    _replace(ws / "reports/2024/explanations.yaml", "AI", "AI ")  # the explanation's text: read again
    done = subprocess.run([sys.executable, "-c", probe], cwd=ws, env=env, capture_output=True, text=True, check=True)
    assert done.stderr.endswith("True")
    for lang in ("zh", "en"):
        assert validate(ws, "text", lang) == validate(ws, "text", lang, cached=False)


def _imports_after_run(root: Path, module: str) -> bool:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}
    probe = ("import sys, runpy\nsys.argv = ['rac', 'validate', 'reports/2024']\n"
             "try:\n    runpy.run_module('reportascode', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             f"sys.stderr.write(repr({module!r} in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=root, env=env, capture_output=True, text=True, check=True)
    return done.stderr.endswith("True")


SHARES_RULE = """rules:
  - id: XL-SHR-01
    severity: warning
    title: {zh: 股东持股合计, en: Shareholdings add up}
    reads:
      pcts: "company#/shareholders/*/pct"
    assert: sum(pcts) == 99
    message: {zh: "持股合计 {pcts}", en: "shareholdings {pcts}"}
"""

RULE_EDITS: list[tuple[str, Callable[[Path], None], bool]] = [
    # (what, the edit, whether the rules are evaluated again)
    ("another field of a file a rule reads", lambda r: _replace(
        r / "reports/2024/company.yaml", "compliance@xinglan.example", "compliance2@xinglan.example"), False),
    ("a file no rule reads", lambda r: _replace(r / "reports/2024/trunks.yaml", "channels: 300", "channels: 310"),
     False),
    ("a line added above the fields read", lambda r: _replace(
        r / "reports/2024/company.yaml", "staff:  ", "# 注\nstaff:  "), True),
    ("a value read", lambda r: _replace(r / "reports/2024/company.yaml", "social_insured: 845", "social_insured: 700"),
     True),
    ("a value read, as text", lambda r: _replace(r / "reports/2024/company.yaml", "total: 860", 'total: "860"'), True),
    ("an item of a list read by *", lambda r: _replace(r / "reports/2024/company.yaml", "pct: 10", "pct: 9"), True),
    ("a field read removed", lambda r: _replace(r / "reports/2024/company.yaml", "  social_insured: 845", ""), True),
    ("the file read broken", lambda r: _replace(r / "reports/2024/company.yaml", "staff:  ", "staff: [  "), True),
    ("the file read removed", lambda r: (r / "reports/2024/company.yaml").unlink(), True),
    ("the previous year's file", lambda r: _replace(r / "reports/2023/company.yaml", "total:", "total: 1  # "),
     False),
]


@pytest.mark.parametrize("what", [edit[0] for edit in RULE_EDITS])
def test_workspace_rules_are_kept_by_the_fields_they_read(ws: Path, what: str) -> None:
    """A workspace rule's findings are read back while every field it reads is the same (its value and type,
    where it and its mapping stand, its file there and loading): an edit elsewhere, even in the same file,
    neither evaluates nor imports the rules. Both rules fail here, so their findings carry positions."""
    _, edit, evaluated = next(e for e in RULE_EDITS if e[0] == what)
    _replace(ws / "rules/staff.yaml", "total * 0.9", "total * 0.99")
    (ws / "rules/shares.yaml").write_text(SHARES_RULE, encoding="utf-8")
    assert _imports_after_run(ws, "reportascode.rules.workspace_rules")  # cold
    assert not _imports_after_run(ws, "reportascode.rules.workspace_rules")  # warm
    edit(ws)
    assert _imports_after_run(ws, "reportascode.rules.workspace_rules") is evaluated, what
    for fmt, lang in (("json", "en"), ("text", "zh")):
        assert validate(ws, fmt, lang, "reports/2024") == validate(ws, fmt, lang, "reports/2024", cached=False), what


def _modules_after_run(root: Path, prefix: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}
    probe = ("import sys, runpy\nsys.argv = ['rac', 'validate', 'reports/2024']\n"
             "try:\n    runpy.run_module('reportascode', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             f"sys.stderr.write(repr(sorted(m for m in sys.modules if m.startswith({prefix!r}))))\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=root, env=env, capture_output=True, text=True, check=True)
    listed: list[str] = json.loads(done.stderr.strip().splitlines()[-1].replace("'", '"'))
    return {name.removeprefix(prefix) for name in listed} - {"helpers"}


ALL_FAMILIES = {"finance", "geo", "identity", "licence", "numbers", "outbound", "outsourcing", "quality", "seats",
                "security", "shareholders", "signatures", "trunks", "yoy"}
CHECK_EDITS: list[tuple[str, Callable[[Path], None], set[str]]] = [
    # (what, the edit, the check families run again: only those whose checks read the file edited)
    ("company.yaml", lambda r: _replace(r / "reports/2024/company.yaml", "compliance@xinglan.example",
                                        "compliance2@xinglan.example"),
     {"finance", "identity", "licence", "seats", "shareholders", "signatures", "yoy"}),
    ("branches.yaml", lambda r: _replace(r / "reports/2024/branches.yaml", "星澜大厦 6–8 层", "星澜大厦 6–9 层"),
     {"geo", "identity"}),
    # the reconciliation reads trunks.yaml too: it imports the registry whole (every family); TRK-* run again
    ("trunks.yaml", lambda r: _replace(r / "reports/2024/trunks.yaml", "channels: 300", "channels: 310"),
     ALL_FAMILIES),
    ("the submission date, read through the report's submission date", lambda r: _replace(
        r / "reports/2024/meta.yaml", "submission_date: 2025-03-18", "submission_date: 2025-06-18"),
     {"identity", "licence", "signatures"}),
    ("the previous year's operations.yaml", lambda r: _replace(r / "reports/2023/operations.yaml", "  ai: 40",
                                                               "  ai: 88"), {"yoy"}),
    ("the previous year's company.yaml", lambda r: _replace(r / "reports/2023/company.yaml", "total: 720",
                                                            "total: 721"), {"licence", "yoy"}),
    ("the previous year removed", lambda r: shutil.rmtree(r / "reports/2023"),
     ALL_FAMILIES),
    ("a severity override in the config", _config("severity:\n  YOY-01: error\n"),
     ALL_FAMILIES),
    # the reconciliation, run again, imports every family (as for trunks.yaml); no check reads an export
    ("an evidence export", lambda r: (r / "reports/2024/evidence/complaints.csv").unlink(), ALL_FAMILIES),
]


@pytest.mark.parametrize("what", [edit[0] for edit in CHECK_EDITS])
def test_each_check_is_kept_by_the_files_it_read(ws: Path, what: str) -> None:
    """A domain check's findings are read back while every report file it read, this year's and the previous
    year's, is unchanged: an edit runs (and imports) only the check families whose checks read the file; the
    config or the previous year's folder appearing or going runs them all. Answers equal uncached ones."""
    _, edit, families = next(e for e in CHECK_EDITS if e[0] == what)
    prefix = "reportascode.rules.checks."
    assert _modules_after_run(ws, prefix) == ALL_FAMILIES  # cold
    assert _modules_after_run(ws, prefix) == set()  # warm
    edit(ws)
    assert _modules_after_run(ws, prefix) == families, what
    for fmt, lang in (("json", "en"), ("text", "zh")):
        assert validate(ws, fmt, lang, "reports/2024") == validate(ws, fmt, lang, "reports/2024", cached=False), what
    if not (ws / ".reportascode.yaml").exists():  # (a config's severities and thresholds import the registry whole)
        assert _modules_after_run(ws, prefix) == set()  # and warm again


def test_the_check_order_does_not_depend_on_which_families_came_first() -> None:
    """The cache imports the families it needs first; the registry's order of checks stays the same."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}
    listing = "from reportascode.rules.registry import checks\nprint([c.id for c in checks()])\n"
    first = "import importlib\nimportlib.import_module('reportascode.rules.checks.yoy')\n"
    orders = [subprocess.run([sys.executable, "-c", before + listing], env=env, capture_output=True, text=True,
                             check=True).stdout for before in ("", first)]
    assert orders[0] == orders[1] and "YOY-01" in orders[0]


# --- the language server: unsaved text is never served from the cache -------------------------------------------


def test_the_language_server_reads_unsaved_text_not_the_cache(ws: Path) -> None:
    from reportascode.lsp.analysis import Analyzer

    validate(ws, "json", "en")  # a warm cache of the saved files
    before = entries(ws)
    analyzer = Analyzer(ws)
    operations = ws / "reports/2024/operations.yaml"
    unsaved = operations.read_text(encoding="utf-8").replace("  ai: 90 ", "  ai: -5 ")
    found = analyzer.run({operations: unsaved}, [ws / "reports/2024"]).result.findings
    assert any(f.rule == "SCHEMA-RANGE" for f in found)
    assert entries(ws) == before  # nothing read into it from the editor's text


def test_an_overlay_through_the_engine_with_a_cache_is_keyed_by_content(ws: Path) -> None:
    from reportascode.model.selector import select
    from reportascode.model.workspace import Report
    from reportascode.validate.engine import validate_reports
    from reportascode.validate.validation_cache import ValidationCache

    selection = select([ws / "reports/2024"], command="validate")
    operations = ws / "reports/2024/operations.yaml"
    unsaved = operations.read_text(encoding="utf-8").replace("  ai: 90 ", "  ai: -5 ")

    def rules(overlay: dict[Path, str], cached: bool) -> list[str]:
        workspace = Workspace(ws, overlay={p.resolve(): t for p, t in overlay.items()})
        report = Report(workspace, ws / "reports/2024")
        cache = ValidationCache.open(ws, selection.store) if cached else None
        result = validate_reports([report], selection.config, selection.store, dt.date(2030, 1, 1), cache=cache)
        return sorted(f.rule for f in result.findings)

    for _ in range(2):
        assert rules({}, True) == rules({}, False)
        assert rules({operations: unsaved}, True) == rules({operations: unsaved}, False)
        assert "SCHEMA-RANGE" in rules({operations: unsaved}, True)


# --- the encoding of cached records ----------------------------------------------------------------------------


def test_the_records_the_cache_encodes_have_the_fields_it_knows() -> None:
    """A new field on a cached record must be encoded too: this fails until validation_cache.py learns it."""
    assert list(Document.FIELDS) == [
        "path", "data", "key_positions", "value_positions", "problems", "empty"]
    assert list(LoadProblem.FIELDS) == [
        "rule", "line", "column", "pointer", "message_key", "args", "fatal"]
    assert list(Finding.FIELDS) == [
        "rule", "severity", "file", "line", "column", "pointer", "message_key", "args", "report", "waived_by",
        "explanation"]


def test_values_read_back_identical() -> None:
    from decimal import Decimal

    from reportascode.messages import Bilingual
    from reportascode.validate.validation_cache import NotCacheable, decode, encode

    values: list[object] = [None, True, False, 0, -1, 10**400, Decimal("1.50"), Decimal("-0"), Decimal("1E+3"),
                            Decimal("NaN"), 1.5, "", "文本", [1, "1"], (1, (2,)), {"a": [1], 2: "b"},
                            Bilingual("中", "en"), dt.date(2024, 2, 29), {"i": "1"}, [{"l": []}], {"a": {"b": [1]}}, {}]
    for value in values:
        back = decode(json.loads(json.dumps(encode(value))))
        assert type(back) is type(value) and repr(back) == repr(value), value
    for bad in (object(), dt.datetime(2024, 1, 1), {1, 2}, b"x"):
        with pytest.raises(NotCacheable):
            encode(bad)



def test_a_file_over_the_entry_bound_is_parsed_every_run_with_the_same_answers(
        ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large file gets no file entry (its encoded document would double a cold run's memory); answers agree."""
    from reportascode.validate import validation_cache

    size = (ws / "reports/2024/numbers.yaml").stat().st_size
    monkeypatch.setattr(validation_cache, "MAX_FILE_ENTRY_SOURCE", size - 1)
    assert_same_answers(ws, "reports/2024")
    _replace(ws / "reports/2024/numbers.yaml", "outbound_enabled: true", "outbound_enabled: false")
    assert validate(ws, "json", "en") == validate(ws, "json", "en", cached=False)
    cached_sources = [json.loads(p.read_bytes().partition(b"\n")[2])["key"].split("\0")[2]
                      for p in entries(ws) if p.parent.name == "file"]
    assert cached_sources and "reports/2024/numbers.yaml" not in cached_sources
