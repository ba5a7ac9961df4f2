"""``rac blame``: for each leaf field, the commit that last changed its value. Data is compared between
revisions, so reformatting a file or moving a key (or a keyed record) does not change who is blamed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportascode.history.git import BlobReader, Commit, Git
from reportascode.history.leaves import leaves_by_identity
from reportascode.history.revisions import ParsedBlobs
from reportascode.model.loader import load_file
from reportascode.model.values import same


@dataclass(frozen=True)
class BlameEntry:
    pointer: str
    value: Any
    commit: Commit | None  # None: the value is not committed yet

    @property
    def uncommitted(self) -> bool:
        return self.commit is None


def blame(path: Path, pointer: str | None = None) -> list[BlameEntry]:
    git = Git.discover(path)
    git.require_history()
    rel = git.relpath(path)
    name = path.stem
    last_changed: dict[str, Commit] = {}
    state: dict[str, tuple[str, Any]] = {}
    with BlobReader(git) as blobs:
        parsed = ParsedBlobs(blobs)
        for commit in git.log([rel], reverse=True):
            change = next((c for c in commit.files if c.path == rel), None)
            if change is None:
                continue
            ok, data = parsed.data(change.new_blob, rel)
            if not ok:
                continue  # an unparseable version changes no figure we can name
            leaves = leaves_by_identity(name, data)
            for identity, (_, value) in leaves.items():
                if identity not in state or not same(state[identity][1], value):
                    last_changed[identity] = commit
            state = leaves
    current = state
    if path.is_file():
        doc = load_file(path, rel)
        if doc.ok:
            current = leaves_by_identity(name, doc.data)
    entries = []
    for identity, (leaf_pointer, value) in current.items():
        if pointer and not (leaf_pointer == pointer or leaf_pointer.startswith(pointer.rstrip("/") + "/")):
            continue
        committed = state.get(identity)
        unchanged = committed is not None and same(committed[1], value)
        entries.append(BlameEntry(leaf_pointer, value, last_changed.get(identity) if unchanged else None))
    return entries
