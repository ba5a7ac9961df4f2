"""The history cache never changes an answer: blame and log give the same bytes cold, warm, extended by new
commits, after history is rewritten, and with every kind of broken cache entry."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REPORTS, run_rac
from tests.gitrepo import GitRepo

OPS = "reports/2024/operations.yaml"
COMMANDS = (("blame", OPS, "--format", "json"), ("blame", OPS), ("log", "reports/2024", "--format", "json"),
            ("log", "reports/2024", "--format", "markdown"))


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.copy(SAMPLE_REPORTS / "2024", "reports/2024")
    repo.commit("2024 report")
    for number in range(39, 44):
        repo.edit(OPS, f"clients_signed: {number - 1} ", f"clients_signed: {number} ")
        repo.commit(f"clients {number}")
    return repo


def outputs(repo: GitRepo) -> list[str]:
    runs = [run_rac(*command, cwd=repo.root) for command in COMMANDS]
    assert all(r.code == 0 for r in runs), [r.err for r in runs]
    return [r.out for r in runs]


def uncached(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    with monkeypatch.context() as m:
        m.setenv("RAC_NO_CACHE", "1")
        return outputs(repo)


def cache_files(repo: GitRepo) -> list[Path]:
    return sorted((repo.root / ".git" / "rac-cache").rglob("*.json"))


def test_cold_warm_and_uncached_agree(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = uncached(repo, monkeypatch)
    assert not cache_files(repo)
    assert outputs(repo) == expected  # cold: fills the cache
    assert len(cache_files(repo)) == 4  # one blame state, one log, its one part and the part's JSON texts
    assert outputs(repo) == expected  # warm


def test_new_commits_extend_the_cache(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    outputs(repo)
    repo.edit(OPS, "clients_signed: 43 ", "clients_signed: 50 ")
    repo.commit("clients 50")
    repo.edit("reports/2024/finance.yaml", "\ncall_center_revenue_wan: 8460 ", "\ncall_center_revenue_wan: 8470 ")
    repo.commit("revenue")
    assert outputs(repo) == uncached(repo, monkeypatch)


def test_many_runs_each_store_their_part_and_are_put_together(repo: GitRepo,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Each run that finds new commits stores only their entries; past MAX_PARTS the parts become one again."""
    from reportascode.history.log import MAX_PARTS

    for number in range(44, 44 + MAX_PARTS + 2):
        repo.edit(OPS, f"clients_signed: {number - 1} ", f"clients_signed: {number} ")
        repo.commit(f"clients {number}")
        assert outputs(repo) == uncached(repo, monkeypatch)
        parts = list((repo.root / ".git" / "rac-cache" / "history" / "logpart").glob("*.json"))
        assert 1 <= len(parts) <= MAX_PARTS + 1
        texts = list((repo.root / ".git" / "rac-cache" / "history" / "logjson").glob("*.json"))
        assert len(texts) == len(parts)
    assert outputs(repo) == uncached(repo, monkeypatch)


def test_parts_put_together_by_log_json_alone(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    """``rac log --format json`` reads the parts' JSON texts only; when it puts the parts together it reads their
    entries too, so the text formats read the same log afterwards."""
    from reportascode.history.log import MAX_PARTS

    json_log = ("log", "reports/2024", "--format", "json")
    for number in range(44, 44 + MAX_PARTS + 2):
        repo.edit(OPS, f"clients_signed: {number - 1} ", f"clients_signed: {number} ")
        repo.commit(f"clients {number}")
        assert run_rac(*json_log, cwd=repo.root).out == uncached(repo, monkeypatch)[2]
    folder = repo.root / ".git" / "rac-cache" / "history"
    assert len(list((folder / "logpart").glob("*.json"))) == len(list((folder / "logjson").glob("*.json"))) < 4
    assert outputs(repo) == uncached(repo, monkeypatch)


def _garbage(file: Path) -> None:
    file.write_bytes(b"\x00\xff not json")


def _truncated(file: Path) -> None:
    file.write_bytes(file.read_bytes()[: file.stat().st_size // 2])


def _foreign(file: Path) -> None:
    # a valid entry of another key: copied over this one
    other = next(f for f in file.parent.parent.rglob("*.json") if f.parent != file.parent)
    file.write_bytes(other.read_bytes())


def _link(file: Path) -> None:
    target = file.with_suffix(".elsewhere")
    target.write_bytes(file.read_bytes())
    file.unlink()
    os.symlink(target, file)


@pytest.mark.parametrize("damage", [_garbage, _truncated, _foreign, _link, Path.unlink])
def test_a_part_without_its_json_texts_is_written_from_its_entries(repo: GitRepo, monkeypatch: pytest.MonkeyPatch,
                                                                   damage: Callable[[Path], None]) -> None:
    expected = uncached(repo, monkeypatch)
    outputs(repo)
    for file in (repo.root / ".git" / "rac-cache" / "history" / "logjson").glob("*.json"):
        damage(file)
    assert outputs(repo) == expected
    repo.edit(OPS, "clients_signed: 43 ", "clients_signed: 50 ")  # and extended from there
    repo.commit("clients 50")
    assert outputs(repo) == uncached(repo, monkeypatch)


def test_rewritten_history_is_not_trusted(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    outputs(repo)
    repo.git("reset", "-q", "--hard", "HEAD~2")
    repo.edit(OPS, "clients_signed: 41 ", "clients_signed: 77 ")
    repo.commit("another past")
    assert outputs(repo) == uncached(repo, monkeypatch)


@pytest.mark.parametrize("damage", [_garbage, _truncated, _foreign, _link])
def test_a_broken_cache_entry_is_ignored(repo: GitRepo, monkeypatch: pytest.MonkeyPatch,
                                         damage: Callable[[Path], None]) -> None:
    expected = uncached(repo, monkeypatch)
    outputs(repo)
    for file in cache_files(repo):
        damage(file)
    assert outputs(repo) == expected


def test_a_forged_entry_for_a_head_that_moved_is_rebuilt(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    """Entries are trusted for the commit they name only; a new commit folds in on top of them."""
    outputs(repo)
    repo.edit(OPS, "clients_signed: 43 ", "clients_signed: 44 ")
    repo.commit("clients 44")
    assert outputs(repo) == uncached(repo, monkeypatch)


def test_no_cache_writes_nothing(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = uncached(repo, monkeypatch)
    assert [run_rac(*command, "--no-cache", cwd=repo.root).out for command in COMMANDS] == expected
    assert not cache_files(repo)
    outputs(repo)  # and with a cache filled, --no-cache neither reads it nor changes it
    before = {f: f.read_bytes() for f in cache_files(repo)}
    assert [run_rac(*command, "--no-cache", cwd=repo.root).out for command in COMMANDS] == expected
    assert {f: f.read_bytes() for f in cache_files(repo)} == before


@pytest.mark.parametrize("move", [("reset", "-q", "--hard", "HEAD~2"), ("commit", "-q", "--amend", "-m", "amended")])
def test_a_cached_head_that_is_not_an_ancestor_is_rebuilt(repo: GitRepo, monkeypatch: pytest.MonkeyPatch,
                                                          move: tuple[str, ...]) -> None:
    """HEAD moved back (a reset) or sideways (an amended or rebased commit): the cached head is not an ancestor
    of HEAD, so its state is not extended but rebuilt."""
    outputs(repo)
    repo.git(*move)
    assert outputs(repo) == uncached(repo, monkeypatch)


def test_a_modified_working_file_is_blamed_as_uncommitted(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    outputs(repo)
    (repo.root / OPS).write_text((repo.root / OPS).read_text(encoding="utf-8").replace(
        "clients_signed: 43 ", "clients_signed: 99 "), encoding="utf-8")
    warm = outputs(repo)
    assert warm == uncached(repo, monkeypatch)
    assert '"uncommitted": true' in warm[0]


def test_warm_history_commands_import_no_validation(repo: GitRepo) -> None:
    """A warm rac blame or rac log is mostly start-up: neither imports validation, the rules, a YAML parser
    or a schema engine."""
    outputs(repo)  # warm the cache
    code = ("import sys\n"
            "from reportascode.cli import main\n"
            f"for argv in ({['blame', OPS]!r}, {['log', '--format', 'json', 'reports/2024']!r}):\n"
            "    try:\n"
            "        main(argv)\n"
            "    except SystemExit:\n"
            "        pass\n"
            "heavy = ('reportascode.validate', 'reportascode.rules', 'yaml', 'ruamel', 'jsonschema',\n"
            "         'jsonschema_rs', 'jinja2')\n"
            "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=repo.root, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_log_json_is_json_dumps_of_the_log() -> None:
    """rac log's JSON is written entry by entry; it is the same text json.dumps(indent=2) gives of its data."""
    from reportascode.diff.compare import Change
    from reportascode.history.git import Commit
    from reportascode.history.history_output import blame_json, log_data, log_json
    from reportascode.history.log import LogEntry

    commit = Commit("a" * 40, ("b" * 40,), "林\"晓雯", "x@example.com", "2025-01-06T10:00:00+08:00", "改 \u2028",
                    "正文\n\t第二行")
    values = [None, True, False, 0, -7, 10**30, Decimal("1.50"), Decimal("0.148"), Decimal("-0"), "", "中文\u0000\"",
              {}, [], {"a": [1, {"b": None}], "中": Decimal("2.5")}, [[], {}, "x"]]
    changes = [Change("operations.yaml", f"/k{i}", kind, old=v, new=values[-i - 1])
               for i, v in enumerate(values) for kind in ("added", "removed", "changed")]
    changes.append(Change("numbers.yaml", "", "added", new={"numbers": []}))
    entries = [LogEntry(commit, changes), LogEntry(commit, [], True, []), LogEntry(commit, [], False, ["a.yaml"]),
               LogEntry(commit._replace(body=""), changes[:1])]
    for chosen in (entries, entries[:1], []):
        assert log_json(chosen) == json.dumps(log_data(chosen), ensure_ascii=False, indent=2) + "\n"
    assert json.loads(blame_json([]))  # the generic writer on the blame side too (compared in test_audit)


@pytest.mark.parametrize("linked", ["rac-cache", "rac-cache/history"])
def test_a_linked_cache_folder_is_not_followed(repo: GitRepo, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                               linked: str) -> None:
    """The history cache shares the store of rac validate's cache: a folder on the way that is a link turns it off."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = repo.root / ".git" / linked
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(elsewhere, target_is_directory=True)
    assert outputs(repo) == uncached(repo, monkeypatch)
    assert outputs(repo) == uncached(repo, monkeypatch)
    assert not list(elsewhere.rglob("*"))


def test_text_entries_read_back_exactly_and_never_as_json(tmp_path: Path) -> None:
    """A text entry (files/cachestore.py, put_text) reads back as written, for its key only; a JSON entry is never
    read as a text nor a text as a JSON entry, and a damaged one is no entry."""
    from reportascode.files.cachestore import CacheStore

    store = CacheStore(tmp_path / "store")
    texts = {"empty": "", "lines": "{\n  \"a\": 1\n}\n\n", "中文": "林晓雯 \u2028 \\n \"\x00", "k\0\n": "x\r\ny"}
    for key, text in texts.items():
        store.put_text("t", key, text)
    assert {key: store.get_text("t", key) for key in texts} == texts
    assert store.get_text("t", "other") is None and store.get_text("u", "lines") is None
    store.put("t", "json", {"payload": "x"})
    assert store.get_text("t", "json") is None and store.get("t", "lines") is None
    store.put_text("t", "lone surrogate", "\udc80")  # not encodable: not stored
    assert store.get_text("t", "lone surrogate") is None
    for file in (tmp_path / "store" / "t").glob("*.json"):
        file.write_bytes(file.read_bytes()[:-1])
    assert all(store.get_text("t", key) is None for key in texts)
