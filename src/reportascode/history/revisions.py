"""Reading file versions out of git history: each distinct blob fetched once and parsed once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportascode.errors import UsageError
from reportascode.history.git import BlobReader, Git

if TYPE_CHECKING:
    from reportascode.history.versions import Section, VersionParser
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
    """Blob id → parsed data (``None`` for a missing or unparseable version), cached; the versions of a file are
    parsed section by section, so what consecutive versions share is parsed once (history/versions.py)."""

    def __init__(self, blobs: BlobReader) -> None:
        self.blobs = blobs
        self._parser: VersionParser | None = None  # made when a version is first read: a warm run reads none
        self._data: dict[str, tuple[bool, Any, tuple[Section, ...] | None]] = {}

    def data(self, blob: str | None, path: str) -> tuple[bool, Any]:
        """``(ok, data)`` for a blob; ok is False when the version does not parse (its figures are unknown)."""
        ok, data, _ = self.version(blob, path)
        return ok, data

    def prefetch(self, wanted: list[tuple[str | None, str]]) -> None:
        """Read and parse these ``(blob, path)`` versions in one stream (a first run: thousands of them)."""
        paths: dict[str, str] = {}
        for blob, path in wanted:
            if blob is not None and blob not in self._data:
                paths.setdefault(blob, path)
        if not paths:
            return
        parser = self._version_parser()
        for blob, raw in self.blobs.read_many(list(paths)):
            self._data[blob] = parser.parse(raw, paths[blob]) if raw is not None else (False, None, None)

    def _version_parser(self) -> VersionParser:
        if self._parser is None:
            from reportascode.history.versions import VersionParser

            self._parser = VersionParser()
        return self._parser

    def version(self, blob: str | None, path: str) -> tuple[bool, Any, tuple[Section, ...] | None]:
        """``(ok, data, sections)``: :meth:`data` and the top-level sections it was put together from (``None``
        when the version was parsed whole); equal section texts share one value object."""
        if blob is None:
            return True, None, None
        if blob not in self._data:
            raw = self.blobs.read(blob)
            self._data[blob] = self._version_parser().parse(raw, path) if raw is not None else (False, None, None)
        return self._data[blob]
