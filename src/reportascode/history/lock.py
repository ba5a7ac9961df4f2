"""``freeze`` (the data lock), ``submit`` (the submission record) and ``verify``; and the validation step that
flags changes to a frozen report's data that have no correction record."""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reportascode import __version__
from reportascode.errors import UsageError
from reportascode.files import paths
from reportascode.files.atomic import is_temporary, write_bytes_atomic
from reportascode.history.git import BlobReader, Git, GitFailed, object_id
from reportascode.history.leaves import leaves_by_identity
from reportascode.history.manifest import (
    MANIFEST_NAME,
    Manifest,
    corrected_fields,
    report_files,
    sha256,
    tag_name,
)
from reportascode.model.dates import parse_date
from reportascode.model.findings import Finding, Severity, make_args
from reportascode.model.loader import load_bytes
from reportascode.model.workspace import Report

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


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
    """Write and commit the manifest, then tag it; both or neither. The caller validated the report first.

    A freeze that was killed half-way is finished or undone first (:func:`repair_interrupted`): a manifest
    commit without its tag gets the tag (and this freeze returns that manifest, marked ``completed``); an
    uncommitted manifest is removed before the report is locked afresh.
    """
    git = Git.discover(report.folder)
    git.require_history()
    _refuse_stale_git_locks(git)
    if sign:
        _require_signing(git)  # before the first write: a signer that fails leaves everything as it was
    locked_tag = tag_name(report, "locked")
    completed = repair_interrupted(git, report, sign)
    if "locked" in completed:
        manifest = Manifest.read(report.folder)
        if manifest is not None:
            manifest.extra["completed"] = True
            return manifest
    if _dirty(git, report):
        raise UsageError("lock.dirty", report=report.id)
    if findings_errors:
        raise UsageError("lock.has_errors", report=report.id, errors=findings_errors)
    if git.resolve(locked_tag):
        raise UsageError("lock.already", report=report.id, tag=locked_tag)
    head = git.run("rev-parse", "HEAD").strip()
    manifest = Manifest(
        report=report.id, commit=head, commit_date=git.run("log", "-1", "--format=%aI", "HEAD").strip(),
        tool_version=__version__, schema_version=report.schema_version,
        files={name: sha256(paths.read_bytes(report.folder / name)) for name in report_files(report)},
        validation=summary,
    )
    _commit_manifest(git, report, manifest, _subject("freeze", report), locked_tag, sign)
    return manifest


def submit(report: Report, date: dt.date, documents: Path | None) -> Manifest:
    git = Git.discover(report.folder)
    git.require_history()
    _refuse_stale_git_locks(git)
    submitted_tag = tag_name(report, "submitted")
    completed = repair_interrupted(git, report, False)
    manifest = Manifest.read(report.folder)
    if manifest is None:
        raise UsageError("lock.not_frozen", report=report.id)
    if "submitted" in completed:
        manifest.extra["completed"] = True
        return manifest
    if _dirty(git, report):
        raise UsageError("lock.dirty", report=report.id)
    if git.resolve(submitted_tag):
        raise UsageError("lock.already", report=report.id, tag=submitted_tag)
    check_submission_date(report, manifest, date)
    docs: dict[str, str] = {}
    if documents is not None and documents.is_dir():
        for path in sorted(p for p in documents.rglob("*") if p.is_file()):
            docs[path.relative_to(documents).as_posix()] = sha256(paths.read_bytes(path))
    manifest.submission = {"date": date.isoformat(), "documents": docs}
    _commit_manifest(git, report, manifest, f"{_subject('submit', report)} ({date.isoformat()})", submitted_tag,
                     False)
    return manifest


def check_submission_date(report: Report, manifest: Manifest, date: dt.date) -> None:
    """Refuse (exit 2) a submission date the record can't have: before the locked data was committed, before a
    signature it carries, or other than the date meta.yaml already states."""
    locked = parse_date(manifest.commit_date[:10])
    if locked is not None and date < locked:
        raise UsageError("submit.before_lock", date=date.isoformat(), locked=locked.isoformat(),
                         commit=manifest.commit[:10])
    signatures = report.data("signatures")
    for document in ("commitment", "data_authenticity_letter"):
        entry = signatures.get(document) if isinstance(signatures, dict) else None
        signed = parse_date(entry.get("date")) if isinstance(entry, dict) else None
        if signed is not None and date < signed:
            raise UsageError("submit.before_signature", date=date.isoformat(), signed=signed.isoformat(),
                             pointer=f"signatures.yaml#/{document}/date")
    meta = report.data("meta")
    written = parse_date(meta.get("submission_date")) if isinstance(meta, dict) else None
    if written is not None and written != date:
        raise UsageError("submit.date_differs", date=date.isoformat(), written=written.isoformat())


def submission_lateness(report: Report, date: dt.date) -> str | None:
    """``late`` after 31 March of the next year (April is the late-filing month), ``closed`` after 30 April."""
    if date > dt.date(report.year + 1, 4, 30):
        return "closed"
    if date > dt.date(report.year + 1, 3, 31):
        return "late"
    return None


_KINDS = {"locked": "freeze", "submitted": "submit"}


def _refuse_stale_git_locks(git: Git) -> None:
    """Refuse clearly, before changing anything, when a killed git process left a lock that would stop us."""
    locks = git.stale_locks()
    if locks:
        raise UsageError("git.locked", path=locks[0])


def _require_signing(git: Git) -> None:
    """Sign a throw-away commit object (no ref points at it) the way ``git tag -s`` signs: refuse clearly when
    git's signer (gpg, ssh or x509, as configured) can't sign, before rac writes anything."""
    tree = git.run("rev-parse", "HEAD^{tree}").strip()
    try:
        git.run("commit-tree", "-S", "-m", "rac freeze --sign: signing check", tree)
    except GitFailed as failed:
        raise UsageError("lock.cannot_sign", detail=failed.args_detail) from failed


def _subject(verb: str, report: Report) -> str:
    return f"rac {verb} {report.id}"


def _dirty(git: Git, report: Report) -> bool:
    """Uncommitted changes in the report folder; temporary files left by a killed rac do not count."""
    for line in git.status_porcelain([git.relpath(report.folder)]):
        name = line[3:].strip().strip('"').rsplit("/", 1)[-1]
        if not is_temporary(name):
            return True
    return False


def _commit_manifest(git: Git, report: Report, manifest: Manifest, message: str, tag: str, sign: bool) -> None:
    """Commit the manifest and tag the commit, both or neither.

    The commit is built beside the index (a blob, a tree from a temporary index, ``commit-tree``) and then HEAD
    and the tag are moved in one ref transaction, so a process killed at any moment leaves either no manifest
    commit and no tag, or both. (A signed tag is made by ``git tag -s`` right after HEAD moves; a kill in
    between leaves the commit without its tag, which the next ``rac freeze`` completes and ``rac verify``
    reports.) The manifest file in the working tree is written first and put back as it was on failure.
    """
    path = report.folder / MANIFEST_NAME
    rel = git.relpath(path)
    previous_text = paths.read_bytes(path) if path.is_file() else None
    head = git.run("rev-parse", "HEAD").strip()
    tag_message = f"{message}\ndata commit {manifest.commit}"
    write_bytes_atomic(path, manifest.to_text().encode())
    try:
        blob = git.run("hash-object", "-w", "--", rel).strip()
        commit = _commit_with(git, head, rel, blob, message)
        if sign:
            git.run("update-ref", "-m", message, "HEAD", commit, head)
        else:
            tag_object = _tag_object(git, commit, tag, tag_message)
            git.run("update-ref", "--stdin", "-m", message, input_text=(
                f"start\nupdate HEAD {commit} {head}\ncreate refs/tags/{tag} {tag_object}\nprepare\ncommit\n"))
    except BaseException:
        if previous_text is None:
            path.unlink(missing_ok=True)
        else:
            write_bytes_atomic(path, previous_text)
        raise
    if sign:
        try:
            git.run("tag", "-s", "-m", tag_message, "--end-of-options", tag, commit)
        except GitFailed:  # the signer failed after all: put HEAD and the manifest back (both or neither)
            git.run("update-ref", "-m", f"{message}: signing failed", "HEAD", head, commit, check=False)
            if previous_text is None:
                path.unlink(missing_ok=True)
            else:
                write_bytes_atomic(path, previous_text)
            raise
    git.run("add", "--", rel, check=False)  # the index follows HEAD (best effort: HEAD already holds it)


def _commit_with(git: Git, parent: str, rel: str, blob: str, message: str) -> str:
    """A commit of ``parent``'s tree plus one file, made without touching the index or the working tree."""
    # a name of this run's own: a killed run may leave its index (and git's .lock of it) behind, harmlessly
    name = f"rac-manifest-{os.getpid()}-{secrets.token_hex(4)}.index"
    index = Path(git.run("rev-parse", "--git-path", name).strip())
    index = index if index.is_absolute() else git.root / index
    environment = {"GIT_INDEX_FILE": str(index)}
    try:
        git.run("read-tree", parent, env=environment)
        git.run("update-index", "--add", "--cacheinfo", f"100644,{blob},{rel}", env=environment)
        tree = git.run("write-tree", env=environment).strip()
    finally:
        for leftover in (index, index.with_name(index.name + ".lock")):
            leftover.unlink(missing_ok=True)
    return git.run("commit-tree", tree, "-p", parent, "-m", message).strip()


def _tag_object(git: Git, commit: str, tag: str, message: str) -> str:
    """An annotated tag object for ``commit`` (no ref yet: the ref transaction creates it)."""
    tagger = git.run("var", "GIT_COMMITTER_IDENT").strip()
    body = f"object {commit}\ntype commit\ntag {tag}\ntagger {tagger}\n\n{message}\n"
    return git.run("mktag", input_text=body).strip()


def interrupted(git: Git, report: Report) -> list[tuple[str, dict[str, Any]]]:
    """What a killed ``rac freeze``/``rac submit`` left behind: a manifest commit at HEAD without its tag, or a
    manifest in the working tree that is not the committed one. Read-only (``rac verify`` reports these)."""
    found: list[tuple[str, dict[str, Any]]] = []
    for kind in _untagged_manifest_commit(git, report):
        found.append(("verify.interrupted_commit", {"report": report.id, "tag": tag_name(report, kind),
                                                    "command": _KINDS[kind]}))
    if _stray_manifest(git, report) is not None:
        found.append(("verify.interrupted_manifest", {"report": report.id,
                                                      "path": git.relpath(report.folder / MANIFEST_NAME)}))
    return found


def repair_interrupted(git: Git, report: Report, sign: bool) -> set[str]:
    """Finish or undo what a killed freeze or submit left (see :func:`interrupted`); returns the kinds of tag
    (``locked``, ``submitted``) it completed."""
    path = report.folder / MANIFEST_NAME
    rel = git.relpath(path)
    stray = _stray_manifest(git, report)
    if stray is not None:  # put the manifest back as committed (or remove it when HEAD has none)
        if stray == b"":
            path.unlink(missing_ok=True)
        else:
            write_bytes_atomic(path, stray)
    completed: set[str] = set()
    for kind in _untagged_manifest_commit(git, report):
        manifest = Manifest.read(report.folder)
        data_commit = manifest.commit if manifest is not None else "?"
        message = git.run("log", "-1", "--format=%s", "HEAD").strip()
        git.run("tag", "-s" if sign else "-a", "-m", f"{message}\ndata commit {data_commit}", "--end-of-options",
                tag_name(report, kind), "HEAD")
        completed.add(kind)
    if git.run("status", "--porcelain", "--", rel).strip():
        git.run("reset", "-q", "--", rel, check=False)
    return completed


def _untagged_manifest_commit(git: Git, report: Report) -> list[str]:
    """Kinds of tag missing from a HEAD that is rac's own manifest commit for this report."""
    subject = git.run("log", "-1", "--format=%s", "HEAD").strip()
    missing = []
    for kind, verb in _KINDS.items():
        prefix = _subject(verb, report)
        if (subject == prefix or subject.startswith(prefix + " (")) and git.resolve(tag_name(report, kind)) is None:
            with BlobReader(git) as blobs:
                committed = Manifest.parse(blobs.read(f"HEAD:{git.relpath(report.folder / MANIFEST_NAME)}") or b"")
            if committed is not None and (kind == "locked" or committed.submission is not None):
                missing.append(kind)
    return missing


def _stray_manifest(git: Git, report: Report) -> bytes | None:
    """HEAD's manifest (``b""`` when HEAD has none) if the working tree's differs from it the way a killed rac
    leaves it: missing, or a manifest rac wrote but did not commit. ``None`` when there is nothing to repair."""
    path = report.folder / MANIFEST_NAME
    with BlobReader(git) as blobs:
        committed = blobs.read(f"HEAD:{git.relpath(path)}")
    on_disk = paths.read_bytes(path) if path.is_file() else None
    if on_disk == committed:
        return None
    if on_disk is None:
        return committed
    if Manifest.parse(on_disk) is None:
        return None  # not rac's: left for the user (the report is dirty)
    return committed if committed is not None else b""


def changes_since_lock(report: Report, git: Git, manifest: Manifest, blobs: BlobReader,
                       source: str = "worktree", only: list[str] | None = None) -> list[FieldChange]:
    """Field-level changes of the report's data between the locked commit and the working tree (or HEAD)."""
    covered = corrected_fields(report)
    found: list[FieldChange] = []
    names = sorted(set(manifest.files) | set(report_files(report))) if only is None else only
    for name in names:
        path = report.folder / name
        rel = git.relpath(path)
        on_disk = paths.read_bytes(path) if path.is_file() else None
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
            value = after[1] if after else None
            recorded = (name == "meta.yaml" and pointer == "/submission_date"
                        and _is_recorded_submission(manifest, value))
            found.append(FieldChange(name, pointer, before[1] if before else None, value,
                                     f"{name}#{pointer}" in covered or recorded))
    return found


def _is_recorded_submission(manifest: Manifest, value: Any) -> bool:
    """meta.yaml's submission_date set to the date ``rac submit`` recorded: writing down the record, not a change."""
    recorded = (manifest.submission or {}).get("date")
    return recorded is not None and parse_date(value) == parse_date(recorded)


def _data(raw: bytes | None, path: str) -> Any:
    if raw is None:
        return None
    doc = load_bytes(raw, path)
    return doc.data if doc.ok else None


def lock_findings(report: Report) -> Iterator[Finding]:
    """Validation step: data changed since the lock without a correction record is an error (LOCK-01).

    The manifest's file hashes say which files changed, with or without history. When the locked revision is
    reachable, the changed files are compared field by field; when it is not (a shallow clone, a copy without
    git), a changed file that no correction record touches is one LOCK-01 at the file, a changed file with
    correction records can't be checked field by field, and one note (LOCK-02) says how to get the history.
    A file that fails to load is left to its load finding (it is never reported as lock changes).
    """
    manifest = Manifest.read(report.folder)
    if manifest is None:
        return
    changed = _changed_files(report, manifest)
    if not changed:
        return
    try:
        git: Git | None = Git.discover(report.folder)
    except UsageError:
        git = None
    if git is not None:
        with BlobReader(git) as blobs:
            if blobs.read(manifest.commit) is not None:
                yield from _field_findings(report, manifest, changed, git, blobs)
                return
    yield from _file_level_findings(report, manifest, changed)


def _changed_files(report: Report, manifest: Manifest) -> list[str]:
    """Data files whose bytes differ from the manifest's hash, that load (a broken file has its own finding)."""
    changed = []
    for name in sorted(set(manifest.files) | set(report_files(report))):
        path = report.folder / name
        current = paths.read_bytes(path) if path.is_file() else None
        if current is not None and sha256(current) == manifest.files.get(name):
            continue
        doc = report.document(name.removesuffix(".yaml"))
        if current is not None and (doc is None or not doc.ok):
            continue
        changed.append(name)
    return changed


def _field_findings(report: Report, manifest: Manifest, changed: list[str], git: Git,
                    blobs: BlobReader) -> Iterator[Finding]:
    for change in changes_since_lock(report, git, manifest, blobs, only=changed):
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


def _file_level_findings(report: Report, manifest: Manifest, changed: list[str]) -> Iterator[Finding]:
    covered_files = {field.partition("#")[0] for field in corrected_fields(report)}
    meta = report.data("meta")
    if isinstance(meta, dict) and _is_recorded_submission(manifest, meta.get("submission_date")):
        covered_files.add("meta.yaml")  # may be only the recorded submission date: can't tell without history
    unchecked = []
    for name in changed:
        stem = name.removesuffix(".yaml")
        if name in covered_files:
            unchecked.append(name)
            continue
        yield Finding("LOCK-01", Severity.ERROR, report.file_path(stem), 1, 1, "", "lock.file_changed",
                      make_args({"file": name, "commit": manifest.commit[:10], "date": manifest.commit_date[:10]}),
                      report.id)
    meta = report.document("meta")
    line, column = meta.value_position("/report_year") if meta is not None and meta.ok else (1, 1)
    yield Finding("LOCK-02", Severity.INFO, report.file_path("meta"), line, column, "/report_year",
                  "lock.no_history", make_args({"commit": manifest.commit[:10],
                                                "files": ", ".join(unchecked or changed)}), report.id)


def _show(value: Any) -> str:
    return "—" if value is None else str(value)


def verify(report: Report) -> VerifyResult:
    result = VerifyResult()
    git = Git.discover(report.folder)
    git.require_history()
    for key, args in interrupted(git, report):  # a killed freeze or submit: say so, and how to finish it
        result.problem(key, **args)
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
            out = git.run("log", "--format=%an <%ae> %aI %h %s", "--end-of-options",
                          f"{object_id(manifest.commit, MANIFEST_NAME)}..HEAD", "--", rel)
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
