"""``freeze`` (the data lock), ``submit`` (the submission record) and ``verify``; and the validation step that
flags changes to a frozen report's data that have no correction record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportascode import __version__
from reportascode.atomic import write_bytes_atomic
from reportascode.errors import UsageError
from reportascode.findings import Finding, Severity, make_args
from reportascode.gitio import BlobReader, Git
from reportascode.history.leaves import leaves_by_identity
from reportascode.history.manifest import (
    MANIFEST_NAME,
    Manifest,
    corrected_fields,
    report_files,
    sha256,
    tag_name,
)
from reportascode.loader import load_bytes
from reportascode.workspace import Report


@dataclass(frozen=True)
class FieldChange:
    file: str
    pointer: str
    old: Any
    new: Any
    corrected: bool


@dataclass
class VerifyResult:
    intact: bool = True
    problems: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)
    authors: dict[str, list[str]] = field(default_factory=dict)

    def problem(self, key: str, **args: Any) -> None:
        self.intact = False
        self.problems.append((key, args))


def freeze(report: Report, findings_errors: int, summary: dict[str, int], sign: bool = False) -> Manifest:
    """Write and commit the manifest, then tag it; both or neither. The caller validated the report first."""
    git = Git.discover(report.folder)
    git.require_history()
    rel_folder = git.relpath(report.folder)
    if git.status_porcelain([rel_folder]):
        raise UsageError("lock.dirty", report=report.id)
    if findings_errors:
        raise UsageError("lock.has_errors", report=report.id, errors=findings_errors)
    locked_tag = tag_name(report, "locked")
    if git.resolve(locked_tag):
        raise UsageError("lock.already", report=report.id, tag=locked_tag)
    head = git.run("rev-parse", "HEAD").strip()
    manifest = Manifest(
        report=report.id, commit=head, commit_date=git.run("log", "-1", "--format=%aI", "HEAD").strip(),
        tool_version=__version__, schema_version=report.schema_version,
        files={name: sha256((report.folder / name).read_bytes()) for name in report_files(report)},
        validation=summary,
    )
    _commit_manifest(git, report, manifest, f"rac freeze {report.id}", locked_tag, sign)
    return manifest


def submit(report: Report, date: dt.date, documents: Path | None) -> Manifest:
    git = Git.discover(report.folder)
    git.require_history()
    manifest = Manifest.read(report.folder)
    if manifest is None:
        raise UsageError("lock.not_frozen", report=report.id)
    if git.status_porcelain([git.relpath(report.folder)]):
        raise UsageError("lock.dirty", report=report.id)
    submitted_tag = tag_name(report, "submitted")
    if git.resolve(submitted_tag):
        raise UsageError("lock.already", report=report.id, tag=submitted_tag)
    docs: dict[str, str] = {}
    if documents is not None and documents.is_dir():
        for path in sorted(p for p in documents.rglob("*") if p.is_file()):
            docs[path.relative_to(documents).as_posix()] = sha256(path.read_bytes())
    manifest.submission = {"date": date.isoformat(), "documents": docs}
    _commit_manifest(git, report, manifest, f"rac submit {report.id} ({date.isoformat()})", submitted_tag, False)
    return manifest


def _commit_manifest(git: Git, report: Report, manifest: Manifest, message: str, tag: str, sign: bool) -> None:
    path = report.folder / MANIFEST_NAME
    previous_text = path.read_bytes() if path.is_file() else None
    previous_head = git.run("rev-parse", "HEAD").strip()
    write_bytes_atomic(path, manifest.to_text().encode())
    rel = git.relpath(path)
    committed = False
    try:
        git.run("add", "--", rel)
        git.run("commit", "-q", "-m", message, "--", rel)
        committed = True
        git.run("tag", "-s" if sign else "-a", "-m", f"{message}\ndata commit {manifest.commit}", tag)
    except BaseException:
        # all or nothing: undo the commit and restore the file as it was
        if committed:
            git.run("update-ref", "HEAD", previous_head, check=False)
        git.run("reset", "-q", "--", rel, check=False)
        if previous_text is None:
            path.unlink(missing_ok=True)
        else:
            write_bytes_atomic(path, previous_text)
        raise


def changes_since_lock(report: Report, git: Git, manifest: Manifest, blobs: BlobReader,
                       source: str = "worktree") -> list[FieldChange]:
    """Field-level changes of the report's data between the locked commit and the working tree (or HEAD)."""
    covered = corrected_fields(report)
    found: list[FieldChange] = []
    for name in sorted(set(manifest.files) | set(report_files(report))):
        path = report.folder / name
        rel = git.relpath(path)
        on_disk = path.read_bytes() if path.is_file() else None
        current = on_disk if source == "worktree" else blobs.read(f"HEAD:{rel}")
        if current is not None and sha256(current) == manifest.files.get(name):
            continue
        locked = blobs.read(f"{manifest.commit}:{rel}")
        stem = name.removesuffix(".yaml")
        old = leaves_by_identity(stem, _data(locked, rel))
        new = leaves_by_identity(stem, _data(current, rel))
        for identity in sorted(set(old) | set(new)):
            before, after = old.get(identity), new.get(identity)
            if before is not None and after is not None and before[1] == after[1]:
                continue
            pointer = (after or before or ("", None))[0]
            found.append(FieldChange(name, pointer, before[1] if before else None, after[1] if after else None,
                                     f"{name}#{pointer}" in covered))
    return found


def _data(raw: bytes | None, path: str) -> Any:
    if raw is None:
        return None
    doc = load_bytes(raw, path)
    return doc.data if doc.ok else None


def lock_findings(report: Report) -> Iterator[Finding]:
    """Validation step: each field changed since the lock without a correction record is an error (LOCK-01)."""
    manifest = Manifest.read(report.folder)
    if manifest is None:
        return
    if all((report.folder / n).is_file() and sha256((report.folder / n).read_bytes()) == d
           for n, d in manifest.files.items()):
        return
    try:
        git = Git.discover(report.folder)
        with BlobReader(git) as blobs:
            changes = changes_since_lock(report, git, manifest, blobs)
    except UsageError:
        changes = [FieldChange(n, "", None, None, False) for n in manifest.files]
    for change in changes:
        if change.corrected:
            continue
        stem = change.file.removesuffix(".yaml")
        doc = report.document(stem)
        line, column = doc.value_position(change.pointer) if doc is not None and doc.ok else (1, 1)
        yield Finding("LOCK-01", Severity.ERROR, report.file_path(stem), line, column, change.pointer,
                      "lock.changed_without_correction",
                      make_args({"field": f"{change.file}#{change.pointer}", "old": _show(change.old),
                                 "new": _show(change.new), "commit": manifest.commit[:10],
                                 "date": manifest.commit_date[:10]}),
                      report.id)


def _show(value: Any) -> str:
    return "—" if value is None else str(value)


def verify(report: Report) -> VerifyResult:
    result = VerifyResult()
    git = Git.discover(report.folder)
    git.require_history()
    manifest = Manifest.read(report.folder)
    if manifest is None:
        result.problem("verify.not_frozen", report=report.id)
        return result
    with BlobReader(git) as blobs:
        _verify_tag(git, report, manifest, blobs, result)
        for source in ("head", "worktree"):
            for change in changes_since_lock(report, git, manifest, blobs, source):
                if change not in result.changes:
                    result.changes.append(change)
    for change in result.changes:
        if not change.corrected:
            result.intact = False
        rel = git.relpath(report.folder / change.file)
        if rel not in result.authors:
            out = git.run("log", "--format=%an <%ae> %aI %h %s", f"{manifest.commit}..HEAD", "--", rel)
            result.authors[rel] = [line for line in out.splitlines() if line.strip()]
    return result


def _verify_tag(git: Git, report: Report, manifest: Manifest, blobs: BlobReader, result: VerifyResult) -> None:
    manifest_rel = git.relpath(report.folder / MANIFEST_NAME)
    for kind in ("locked", "submitted"):
        tag = tag_name(report, kind)
        target = git.resolve(tag)
        if target is None:
            if kind == "locked" or manifest.submission is not None:
                result.problem("verify.tag_missing", tag=tag)
            continue
        if not git.is_ancestor(target, "HEAD"):
            result.problem("verify.tag_not_ancestor", tag=tag, commit=target[:10])
            continue
        tagged = Manifest.parse(blobs.read(f"{target}:{manifest_rel}") or b"")
        same_lock = tagged is not None and tagged.files == manifest.files and tagged.commit == manifest.commit
        same_submission = kind != "submitted" or (tagged is not None and tagged.submission == manifest.submission)
        if not (same_lock and same_submission):
            result.problem("verify.tag_moved", tag=tag, commit=target[:10])
