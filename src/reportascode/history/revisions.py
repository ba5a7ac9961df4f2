"""Reading file versions out of git history: each distinct blob fetched once and parsed once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportascode.errors import UsageError
from reportascode.history.git import BlobReader, Git

if TYPE_CHECKING:
    from reportascode.model.selector import AtRevision
    from reportascode.model.workspace import Workspace


def open_revision(at: AtRevision, workspace: Workspace | None, cwd: Path) -> tuple[Git, str]:
    """The repository and the commit a ``REV:PATH`` selector names (exit 2 naming the selector when there is none)."""
    git = Git.discover(workspace.root if workspace is not None else cwd)
    git.require_history()
    commit = git.resolve(at.rev)
    if commit is None:
        raise UsageError("selector.no_revision", selector=at.selector, rev=at.rev)
    return git, commit


class ParsedBlobs:
    """Blob id → parsed data (``None`` for a missing or unparseable version), cached."""

    def __init__(self, blobs: BlobReader) -> None:
        self.blobs = blobs
        self._data: dict[str, tuple[bool, Any]] = {}

    def data(self, blob: str | None, path: str) -> tuple[bool, Any]:
        """``(ok, data)`` for a blob; ok is False when the version does not parse (its figures are unknown)."""
        if blob is None:
            return True, None
        if blob not in self._data:
            from reportascode.model.loader import load_bytes  # parsing only when a version is not cached

            raw = self.blobs.read(blob)
            doc = load_bytes(raw, path) if raw is not None else None
            self._data[blob] = (doc is not None and doc.ok, doc.data if doc is not None and doc.ok else None)
        return self._data[blob]
