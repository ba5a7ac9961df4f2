"""``rac log``: each commit that changed a report's data, newest first, with its field-level changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from reportascode.diff.compare import KINDS, Change, compare
from reportascode.errors import UsageError
from reportascode.history.cache import HistoryCache, decode_commit, encode_commit, encode_data
from reportascode.history.git import BlobReader, Commit, Git
from reportascode.history.history_output import LOG_JSON_SEPARATOR, log_json_document, log_json_entries
from reportascode.history.revisions import ParsedBlobs, open_revision
from reportascode.model.schemas import REPORT_FILES

if TYPE_CHECKING:
    from reportascode.model.selector import AtRevision
    from reportascode.model.workspace import Report, Workspace

DATA_FILES = {f"{name}.yaml" for name in REPORT_FILES}


class LogEntry:
    """One commit's changes to the report's data (a plain class: a dataclass costs more to define than a warm
    ``rac log`` spends reading its cache)."""

    __slots__ = ("changes", "commit", "reformat_only", "unparseable")

    def __init__(self, commit: Commit, changes: list[Change] | None = None, reformat_only: bool = False,
                 unparseable: list[str] | None = None) -> None:
        self.commit = commit
        self.changes: list[Change] = changes if changes is not None else []
        self.reformat_only = reformat_only
        self.unparseable: list[str] = unparseable if unparseable is not None else []

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LogEntry) and (self.commit, self.changes, self.reformat_only, self.unparseable) \
            == (other.commit, other.changes, other.reformat_only, other.unparseable)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it was


def report_log(report: Report, since: str | None = None,
               progress: Callable[[int, int], None] | None = None, use_cache: bool = True) -> list[LogEntry]:
    """Commits that changed the report's data files, newest first; ``progress(done, total)`` after each.

    The whole log (no ``since``) is cached per report folder at HEAD: a later run reads it back, or computes only
    the commits since the cached head when that is an ancestor of HEAD (anything else: computed afresh). The
    entries are stored in parts, one per run that added commits, so that a run stores only what it computed; past
    ``MAX_PARTS`` they are put together into one again."""
    entries, _ = _report_log(report, since, progress, use_cache, as_json=False)
    return entries


def report_log_json(report: Report, since: str | None = None,
                    progress: Callable[[int, int], None] | None = None, use_cache: bool = True) -> str:
    """``log_json(report_log(…))``, the same text. Each cached part also keeps its entries as that text writes
    them (``logjson``, a plain text entry), so a warm run writes what it reads instead of making every entry
    again."""
    _, texts = _report_log(report, since, progress, use_cache, as_json=True)
    return log_json_document(texts)


def _report_log(report: Report, since: str | None, progress: Callable[[int, int], None] | None, use_cache: bool,
                as_json: bool) -> tuple[list[LogEntry], list[str]]:
    """The log's entries (unless ``as_json``), or (when ``as_json``) their JSON texts, in runs joined by
    ``LOG_JSON_SEPARATOR``; newest first."""
    git = Git.discover(report.folder)
    git.require_history()
    folder = git.relpath(report.folder)
    cache = HistoryCache.of(git, use_cache and since is None)
    head = git.head()
    known = _cached(cache, folder, as_json)
    if known.head == head:
        return known.entries, known.texts
    if known.head is None or head is None or not git.is_ancestor(known.head, head):
        known = NOTHING_KNOWN
    new = _entries(git, folder, git.log([folder], since=since or known.head, until=head or "HEAD"), progress)
    storing = since is None and head is not None and cache.store.folder is not None
    new_text = LOG_JSON_SEPARATOR.join(log_json_entries(new)) if as_json or storing else ""
    texts = [new_text, *known.texts] if new_text else known.texts
    if storing and head is not None:
        if len(known.parts) < MAX_PARTS:
            _store(cache, folder, head, known.head, new, new_text, known.parts)
        else:  # put together into one part: every entry is needed, also where only their texts were read
            entries = _cached(cache, folder, False) if as_json else known
            if entries.head == known.head:  # else a part went missing since it was read: put together later
                _store(cache, folder, head, None, new + entries.entries, LOG_JSON_SEPARATOR.join(
                    texts if as_json else log_json_entries(new + entries.entries)), [])
                for merged in known.parts:
                    cache.remove("logpart", merged)
                    cache.remove("logjson", merged)
    return new + known.entries, texts


def _store(cache: HistoryCache, folder: str, head: str, after: str | None, entries: list[LogEntry],
           text: str, older: list[str]) -> None:
    """A part of the entries of the commits after ``after`` up to ``head`` (their JSON text beside them), and the
    log of ``folder`` at ``head`` made of it and the ``older`` parts."""
    part = _part_key(folder, after, head)
    cache.put("logpart", part, {"entries": [_entry_json(e) for e in entries]})
    cache.put_text("logjson", part, text)
    cache.put("log", folder, {"head": head, "parts": [part, *older]})


MAX_PARTS = 8


def _part_key(folder: str, after: str | None, head: str) -> str:
    """A part holds the entries of the commits after ``after`` (None: from the first) up to ``head``."""
    return f"{folder}\0{after or ''}\0{head}"


def revision_log(at: AtRevision, workspace: Workspace | None, cwd: Path, since: str | None = None,
                 progress: Callable[[int, int], None] | None = None) -> list[LogEntry]:
    """``rac log REV:REPORT``: the report's commits up to ``REV`` (the report may since have moved or gone)."""
    git, commit = open_revision(at, workspace, cwd)
    for candidate in at.paths(git.root, workspace, cwd):
        if git.object_type(commit, candidate.path) is not None:
            commits = git.log([candidate.folder], since=since, until=commit)
            return _entries(git, candidate.folder, commits, progress)
    raise UsageError("selector.no_path_in_rev", selector=at.selector, rev=at.rev, path=at.path)


def _entries(git: Git, folder: str, commits: list[Commit], progress: Callable[[int, int], None] | None
             ) -> list[LogEntry]:
    entries: list[LogEntry] = []
    with BlobReader(git) as blobs:
        parsed = ParsedBlobs(blobs)
        parsed.prefetch([(blob, change.path) for commit in commits for change in commit.files
                         if _is_data_file(change.path, folder) for blob in (change.old_blob, change.new_blob)])
        for number, commit in enumerate(commits, start=1):
            if progress is not None:
                progress(number, len(commits))
            entry = LogEntry(commit)
            touched = False
            for change in commit.files:
                if not _is_data_file(change.path, folder):
                    continue
                name = change.path.rpartition("/")[2]
                touched = True
                ok_old, old = parsed.data(change.old_blob, change.path)
                ok_new, new = parsed.data(change.new_blob, change.path)
                if not (ok_old and ok_new):
                    entry.unparseable.append(name)
                    continue
                entry.changes.extend(compare(old, new, file=name))
            if touched:
                entry.reformat_only = not entry.changes and not entry.unparseable
                entries.append(entry)
    return entries


def _is_data_file(path: str, folder: str) -> bool:
    parent, _, name = path.rpartition("/")  # git's paths: "/"-separated, no "./" (string work: thousands of them)
    return (parent or ".") == folder and name in DATA_FILES


class _Known(NamedTuple):
    """What the cache holds for a report folder: its head, its parts' keys (newest first) and their entries, or
    (when asked for JSON) their entries' JSON texts, one run of them per part that has entries."""

    head: str | None
    parts: list[str]
    entries: list[LogEntry]
    texts: list[str]


NOTHING_KNOWN = _Known(None, [], [], [])


def _cached(cache: HistoryCache, folder: str, as_json: bool) -> _Known:
    """The cached log of ``folder``; nothing unless every part is there and they join up from the first commit to
    the head. With ``as_json``, each part's JSON text instead of its entries (made from them when it is not
    stored)."""
    payload = cache.get("log", folder)
    if payload is None:
        return NOTHING_KNOWN
    try:
        head, parts = payload["head"], payload["parts"]
        if not isinstance(head, str) or not isinstance(parts, list) or not parts:
            return NOTHING_KNOWN
        entries: list[LogEntry] = []
        texts: list[str] = []
        upto: str | None = head
        for part in parts:
            if upto is None or not isinstance(part, str) or not part.startswith(f"{folder}\0") \
                    or not part.endswith(f"\0{upto}"):
                return NOTHING_KNOWN
            text = cache.get_text("logjson", part) if as_json else None
            if text is None:
                stored = cache.get("logpart", part)
                if stored is None:
                    return NOTHING_KNOWN
                read = [_entry_from_json(e) for e in stored["entries"]]
                entries += read
                text = LOG_JSON_SEPARATOR.join(log_json_entries(read)) if as_json else ""
            if text:
                texts.append(text)
            upto = part[len(folder) + 1:-len(upto) - 1] or None
        return _Known(head, parts, entries, texts) if upto is None else NOTHING_KNOWN
    except (KeyError, TypeError, ValueError, ArithmeticError):
        return NOTHING_KNOWN


_CHANGE_FIELDS = ("file", "pointer", "kind", "old", "new", "delta", "percent", "label_zh", "label_en",
                  "old_pointer", "marked")
_KINDS = frozenset(KINDS)


_PLAIN = frozenset({str, int, bool, type(None)})  # JSON as they are (most fields of a change)


def _entry_json(entry: LogEntry) -> list[Any]:
    return [encode_commit(entry.commit), entry.reformat_only, entry.unparseable,
            [[v if type(v) in _PLAIN else encode_data(v) for v in (getattr(c, name) for name in _CHANGE_FIELDS)]
             for c in entry.changes]]


def _entry_from_json(data: Any) -> LogEntry:
    """An entry as :func:`_entry_json` wrote it (values come back decoded: cache.HistoryCache.get), checked."""
    commit, reformat_only, unparseable, raw_changes = data
    changes = []
    for raw in raw_changes:
        if len(raw) != len(_CHANGE_FIELDS):
            raise ValueError("not a cached change")
        change = Change(*raw)
        if change.kind not in _KINDS or type(change.file) is not str or type(change.pointer) is not str:
            raise ValueError("not a cached change")
        changes.append(change)
    if type(unparseable) is not list or (unparseable and {type(n) for n in unparseable} != {str}):
        raise ValueError("not a cached entry")
    return LogEntry(decode_commit(commit), changes, reformat_only is True, unparseable)
