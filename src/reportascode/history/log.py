"""``rac log``: each commit that changed a report's data, newest first, with its field-level changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from reportascode.diff.compare import Change, compare
from reportascode.history.git import BlobReader, Commit, Git
from reportascode.history.revisions import ParsedBlobs
from reportascode.model.schemas import REPORT_FILES
from reportascode.model.workspace import Report

DATA_FILES = {f"{name}.yaml" for name in REPORT_FILES}


@dataclass
class LogEntry:
    commit: Commit
    changes: list[Change] = field(default_factory=list)
    reformat_only: bool = False
    unparseable: list[str] = field(default_factory=list)


def report_log(report: Report, since: str | None = None,
               progress: Callable[[int, int], None] | None = None) -> list[LogEntry]:
    """Commits that changed the report's data files, newest first; ``progress(done, total)`` after each."""
    git = Git.discover(report.folder)
    git.require_history()
    folder = git.relpath(report.folder)
    entries: list[LogEntry] = []
    with BlobReader(git) as blobs:
        parsed = ParsedBlobs(blobs)
        commits = git.log([folder], since=since)
        for number, commit in enumerate(commits, start=1):
            if progress is not None:
                progress(number, len(commits))
            entry = LogEntry(commit)
            touched = False
            for change in commit.files:
                name = PurePosixPath(change.path).name
                if PurePosixPath(change.path).parent.as_posix() != folder or name not in DATA_FILES:
                    continue
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
