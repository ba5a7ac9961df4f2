"""``rac blame``: for each leaf field, the commit that last changed its value. Data is compared between
revisions, so reformatting a file or moving a key (or a keyed record) does not change who is blamed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, NamedTuple

from reportascode.errors import UsageError
from reportascode.history.cache import HistoryCache, decode_commit, encode_commit, encode_value
from reportascode.history.git import BlobReader, Commit, Git
from reportascode.history.revisions import ParsedBlobs, open_revision
from reportascode.model.values import same

if TYPE_CHECKING:  # a warm run parses nothing: the loader and the leaf walk are imported where they are used
    from reportascode.history.leaves import Leaves
    from reportascode.model.selector import AtRevision
    from reportascode.model.workspace import Workspace


class BlameEntry(NamedTuple):  # not a dataclass: cheaper to define, and blame is mostly start-up when warm
    pointer: str
    value: Any
    commit: Commit | None  # None: the value is not committed yet

    @property
    def uncommitted(self) -> bool:
        return self.commit is None


class BlameState:
    """The committed history of one file folded up to ``head``: each leaf's value and the commit that last
    changed it. Extending it by newer commits gives what folding the whole history again would give."""

    def __init__(self, head: str | None = None, last_changed: dict[str, Commit] | None = None,
                 state: Leaves | None = None) -> None:
        self.head = head
        self.blob: str | None = None  # the file's blob id at ``head`` (None: not known, or no file)
        self.last_changed: dict[str, Commit] = last_changed if last_changed is not None else {}
        self.state: Leaves = state if state is not None else {}

    def extend(self, commits: list[Commit], rel: str, name: str, parsed: ParsedBlobs,
               progress: Callable[[int, int], None] | None = None) -> None:
        """Fold ``commits`` (oldest first) in; ``progress(done, total)`` after each. A section of the file whose
        text is the same as in the version folded before has the same leaves: it is not compared again."""
        from reportascode.history.leaves import leaves_by_identity

        changes = {commit.sha: next((c for c in commit.files if c.path == rel), None) for commit in commits}
        parsed.prefetch([(c.new_blob, rel) for c in changes.values() if c is not None])
        section_leaves: dict[tuple[str, str], Leaves] = {}  # (key, section text) -> its leaves
        before: set[tuple[str, str]] = set()  # the sections of the version in ``state``, when known
        for number, commit in enumerate(commits, start=1):
            if progress is not None:
                progress(number, len(commits))
            change = changes[commit.sha]
            if change is None:
                continue
            self.blob = change.new_blob
            ok, data, sections = parsed.version(change.new_blob, rel)
            if not ok:
                continue  # an unparseable version changes no figure we can name
            if sections is None:
                parts, now = [leaves_by_identity(name, data)], set()
            else:
                parts, now = [], {(key, text) for key, text, _ in sections}
                for key, text, value in sections:
                    if (key, text) not in section_leaves:
                        section_leaves[key, text] = leaves_by_identity(name, {key: value})
                    if (key, text) not in before:
                        parts.append(section_leaves[key, text])
            state = self.state
            for leaves in parts:
                for identity, (_, value) in leaves.items():
                    if identity not in state or not same(state[identity][1], value):
                        self.last_changed[identity] = commit
            if sections is None:
                self.state = parts[0]
            else:
                self.state = {}
                for key, text, _ in sections:
                    self.state.update(section_leaves[key, text])
            before = now

    def to_json(self) -> dict[str, Any]:
        commits = {c.sha: encode_commit(c) for c in self.last_changed.values()}
        return {"head": self.head, "blob": self.blob, "commits": commits,
                "last_changed": {identity: c.sha for identity, c in self.last_changed.items()},
                "state": {identity: [pointer, encode_value(value)]
                          for identity, (pointer, value) in self.state.items()}}

    @classmethod
    def from_json(cls, data: Any) -> BlameState:
        commits = {sha: decode_commit(raw) for sha, raw in data["commits"].items()}
        state = {identity: (pointer, value) for identity, (pointer, value) in data["state"].items()}
        if not isinstance(data["head"], str) or not all(isinstance(p, str) and not isinstance(v, (dict, list))
                                                        for p, v in state.values()):
            raise ValueError("not a cached blame state")
        loaded = cls(data["head"], {identity: commits[sha] for identity, sha in data["last_changed"].items()}, state)
        blob = data.get("blob")
        if blob is not None and not (isinstance(blob, str) and blob.isalnum()):
            raise ValueError("not a cached blob id")
        loaded.blob = blob
        return loaded


def blame(path: Path, pointer: str | None = None, use_cache: bool = True,
          progress: Callable[[int, int], None] | None = None) -> list[BlameEntry]:
    """Each leaf of ``path`` with the commit that gave it its value; ``progress(done, total)`` per commit folded
    (a first run folds the whole history; a warm one, the commits since its cached head)."""
    git = Git.discover(path)
    git.require_history()
    rel = git.relpath(path)
    name = path.stem
    with BlobReader(git) as blobs:
        history = committed_history(git, rel, name, ParsedBlobs(blobs), HistoryCache.of(git, use_cache), progress)
    current = history.state
    # a file as committed needs no parsing: its blob id is the one at HEAD, else git says it is unmodified
    if path.is_file() and not _is_blob(path, history.blob) and git.status_porcelain([rel]):
        from reportascode.history.leaves import leaves_by_identity
        from reportascode.model.loader import load_file

        doc = load_file(path, rel)
        if doc.ok:
            current = leaves_by_identity(name, doc.data)
    return _entries(history, current, pointer)


def revision_blame(at: AtRevision, workspace: Workspace | None, cwd: Path,
                   pointer: str | None = None) -> list[BlameEntry]:
    """``rac blame REV:FILE``: each field of the file as it was in ``REV``, and the commit that gave it its value."""
    git, commit = open_revision(at, workspace, cwd)
    for candidate in at.paths(git.root, workspace, cwd):
        kind = git.object_type(commit, candidate.path)
        if kind == "blob":
            history = BlameState()
            with BlobReader(git) as blobs:
                history.extend(git.log([candidate.path], reverse=True, until=commit), candidate.path,
                               PurePosixPath(candidate.path).stem, ParsedBlobs(blobs))
            return _entries(history, history.state, pointer)
        if kind is not None:
            raise UsageError("selector.not_a_file", selector=at.selector, command="blame")
    raise UsageError("selector.no_path_in_rev", selector=at.selector, rev=at.rev, path=at.path)


def _is_blob(path: Path, blob: str | None) -> bool:
    """Whether the working file's bytes are blob ``blob`` (git's object id: SHA-1 of a header and the bytes),
    told without a git process. Only a plain small file is hashed; anything else is asked of git."""
    from reportascode.model.loader import MAX_FILE_BYTES

    if blob is None or len(blob) != 40:  # a SHA-256 repository: git is asked
        return False
    try:
        if path.is_symlink() or path.stat().st_size > MAX_FILE_BYTES:
            return False
        data = path.read_bytes()
    except OSError:
        return False
    try:
        from _sha1 import sha1  # type: ignore[import-not-found,unused-ignore]  # not OpenSSL's: no load cost
    except ImportError:  # pragma: no cover - other Pythons
        from hashlib import sha1
    return str(sha1(b"blob %d\0" % len(data) + data).hexdigest()) == blob


def _entries(history: BlameState, current: Leaves, pointer: str | None) -> list[BlameEntry]:
    """The fields of ``current`` (at or below ``pointer``), each with the commit that gave it its value."""
    state, last_changed = history.state, history.last_changed
    entries = []
    if pointer and not any(p == pointer or p.startswith(pointer.rstrip("/") + "/") for p, _ in current.values()):
        raise UsageError("blame.no_pointer", pointer=pointer,
                         nearest=", ".join(_nearest(pointer, [p for p, _ in current.values()])) or "—")
    for identity, (leaf_pointer, value) in current.items():
        if pointer and not (leaf_pointer == pointer or leaf_pointer.startswith(pointer.rstrip("/") + "/")):
            continue
        committed = state.get(identity)
        unchanged = committed is not None and same(committed[1], value)
        entries.append(BlameEntry(leaf_pointer, value, last_changed.get(identity) if unchanged else None))
    return entries


def _nearest(pointer: str, pointers: list[str]) -> list[str]:
    """Up to five existing pointers like ``pointer``: those under its longest existing prefix, else the closest."""
    import difflib

    prefix = pointer
    while prefix:
        under = [p for p in pointers if p.startswith(prefix + "/")]
        if under:
            return under[:5]
        prefix = prefix.rsplit("/", 1)[0] if "/" in prefix else ""  # "seats" (no slash) must end the walk too
    return difflib.get_close_matches(pointer, pointers, n=5, cutoff=0.3)


def committed_history(git: Git, rel: str, name: str, parsed: ParsedBlobs, cache: HistoryCache,
                      progress: Callable[[int, int], None] | None = None) -> BlameState:
    """The blame state at HEAD: from the cache when it was folded up to HEAD, extended by the newer commits when
    its head is an ancestor of HEAD, folded from the first commit otherwise (history rewritten, no cache)."""
    head = git.head()
    key = f"{rel}\0{name}"
    history = BlameState()
    cached = cache.get("blame", key)
    if cached is not None:
        try:
            history = BlameState.from_json(cached)
        except (KeyError, TypeError, ValueError, ArithmeticError):
            history = BlameState()
    if history.head == head:
        return history
    if history.head is None or head is None or not git.is_ancestor(history.head, head):
        history = BlameState()
    history.extend(git.log([rel], since=history.head, reverse=True, until=head or "HEAD"), rel, name, parsed,
                   progress)
    history.head = head
    cache.put("blame", key, history.to_json())
    return history
