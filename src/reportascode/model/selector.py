"""The one report selector: how every command that takes reports turns its arguments into reports.

The grammar is described once, in docs/selectors.md. A selector is, tried in this order:

* an existing path: a report folder, a file inside one (pre-commit passes files), a folder holding reports
  (``reports/``, ``reports/<entity>/``, the workspace root: every report below it), or the workspace config, a
  ``rules/`` or ``schemas/`` file (they apply to every report);
* ``REV:SELECTOR``: the report in git revision ``REV``, for commands that read history (``rac diff``, ``rac log``);
* a year (``2024``): ``reports/2024`` or the one ``reports/<entity>/2024``;
* an entity and year (``acme/2024``): ``reports/acme/2024``.

Every failure is a :class:`~reportascode.errors.UsageError` whose message names the selector as typed. A path
that leads out of the workspace (a link included) or outside ``reports/`` is refused; a revision that starts with
``-`` is refused before git sees it. Git itself is read by the commands (diff, history): this module only parses
``REV:PATH`` and says where in the repository the report may be.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path

from reportascode.errors import UsageError
from reportascode.files.paths import confine
from reportascode.model.config import Config, load_config
from reportascode.model.lazy_regex import lazy_compile
from reportascode.model.schemas import SchemaStore
from reportascode.model.workspace import CONFIG_FILE, FIRST_YEAR, LAST_YEAR, YEAR, Report, Workspace, is_report_year
from reportascode.records import FrozenRecord, Record

ENTITY_YEAR = lazy_compile(r"^([^/\\:\s][^/\\:]*)/(\d{4})$")
# files whose change affects every report: pre-commit passes them, and validation must then cover all reports
_WORKSPACE_WIDE = (".reportascode.yaml",)
_WORKSPACE_WIDE_FOLDERS = ("rules", "schemas")


class Target(FrozenRecord):
    """One report chosen by a selector; ``file`` when the selector named one file inside it; ``workspace_wide``:
    chosen because a config, rules/ or schemas/ file was named."""

    FIELDS = ("selector", "report", "file", "workspace_wide")

    selector: str
    report: Report
    file: Path | None
    workspace_wide: bool

    def __init__(self, selector: str, report: Report, file: Path | None = None, workspace_wide: bool = False
                 ) -> None:
        set_field = object.__setattr__
        set_field(self, "selector", selector)
        set_field(self, "report", report)
        set_field(self, "file", file)
        set_field(self, "workspace_wide", workspace_wide)


class AtRevision(FrozenRecord):
    """A selector ``REV:PATH``: the report (or file) at ``PATH`` in git revision ``REV``. Not yet checked
    against git: :meth:`paths` says where to look, the command reads the repository."""

    FIELDS = ("selector", "rev", "path")

    selector: str
    rev: str
    path: str

    def __init__(self, selector: str, rev: str, path: str) -> None:
        object.__setattr__(self, "selector", selector)
        object.__setattr__(self, "rev", rev)
        object.__setattr__(self, "path", path)

    def paths(self, repo_root: Path, workspace: Workspace | None, cwd: Path) -> list[RevisionPath]:
        """Repository-relative places the report may be, in order: ``./``-paths from the current directory;
        else as git reads them (from the repository root), from the workspace root, and as a year or
        entity/year in the workspace's ``reports/``. Only places inside ``reports/`` are offered; none: refused."""
        repo = repo_root.resolve()
        inner = self.path
        if inner.startswith(("./", "../")) or inner in (".", ".."):
            candidates = [_relative_to(cwd / inner, repo)]
        else:
            candidates = [posixpath.normpath(inner)]
            if workspace is not None:
                candidates.append(_relative_to(workspace.root / inner, repo))
                stripped = inner.strip("/")
                if YEAR.match(stripped) or ENTITY_YEAR.match(stripped):
                    candidates.append(_relative_to(workspace.root / "reports" / stripped, repo))
                if YEAR.match(stripped):  # reports/<entity>/<year> when the working tree has exactly one
                    found = [f for f in workspace.report_folders() if f.name == stripped]
                    if len(found) == 1:
                        candidates.append(_relative_to(found[0], repo))
        unique = [c for c in dict.fromkeys(candidates) if c is not None and c not in (".", "")
                  and not c.startswith("../")]
        reports = _relative_to(workspace.root / "reports", repo) if workspace is not None else None
        inside = [RevisionPath(c, folder) for c in unique if (folder := _report_folder_of(c, reports)) is not None]
        if unique and not inside:
            raise UsageError("selector.not_a_report", selector=self.selector, path=self.path)
        return inside


class RevisionPath(FrozenRecord):
    """A repository-relative place a revision's report may be: the path named, and its report's folder."""

    FIELDS = ("path", "folder")

    path: str
    folder: str

    def __init__(self, path: str, folder: str) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "folder", folder)


class Selection(Record):
    """One invocation's view of a workspace: its root, config, schemas and the reports its selectors chose."""

    FIELDS = ("workspace", "config", "store", "targets", "revisions")

    def __init__(self, workspace: Workspace, config: Config, store: SchemaStore, targets: list[Target] | None = None,
                 revisions: list[AtRevision] | None = None) -> None:
        self.workspace = workspace
        self.config = config
        self.store = store
        self.targets: list[Target] = [] if targets is None else targets
        self.revisions: list[AtRevision] = [] if revisions is None else revisions

    @property
    def reports(self) -> list[Report]:
        """The chosen reports, each once, in the order first named."""
        seen: dict[Path, Report] = {}
        for target in self.targets:
            seen.setdefault(target.report.folder, target.report)
        return list(seen.values())

    def one(self, command: str) -> Report:
        """The single report a one-report command works on."""
        reports = self.reports
        if len(reports) != 1:
            named = self.targets[0].selector if self.targets else ""
            raise UsageError("selector.one_report", selector=named, command=command, count=len(reports),
                             reports=", ".join(r.id for r in reports))
        return reports[0]

    def one_file(self, command: str) -> Path:
        """The single report file a one-file command works on (``rac blame``)."""
        target = self.targets[0] if len(self.targets) == 1 else None
        if target is None or target.file is None or target.workspace_wide:
            named = self.targets[0].selector if self.targets else ""
            raise UsageError("selector.not_a_file", selector=named, command=command)
        return target.file


def select(values: Sequence[str | Path], *, command: str, revisions: bool = False, every: bool = True,
           parser: str = "auto", fast: bool = True, cwd: Path | None = None,
           load: Callable[[Path], Config] = load_config) -> Selection:
    """The workspace and what ``values`` select. The workspace is found from the first selector that is an
    existing path, else from ``cwd``. No values: every report (``every``), else none. ``REV:PATH`` selectors are
    accepted only with ``revisions`` (commands that read history) and are returned unread. ``load`` reads the
    config (the rule layer's loader also checks threshold names: validate.session.select_reports)."""
    here = (cwd or Path.cwd()).absolute()
    texts = [str(v) for v in values]
    workspace = selector_workspace(texts, here)
    config = load(workspace.root)
    selection = Selection(workspace, config, SchemaStore(workspace.root, fast=fast))
    listing = _Listing(workspace)  # listed once for all selectors (pre-commit passes many files)
    for text in texts:
        found = resolve(workspace, text, here, parser=parser, revisions=revisions, command=command,
                        listing=listing)
        if isinstance(found, AtRevision):
            selection.revisions.append(found)
        else:
            selection.targets.extend(found)
    if not texts and every:
        selection.targets = [Target("", r) for r in workspace.reports(parser)]
    if (every or texts) and not selection.targets and not selection.revisions:
        raise UsageError("cli.no_reports", root=workspace.root)
    return selection


def selector_workspace(texts: Sequence[str], cwd: Path) -> Workspace:
    """The workspace of the first selector that is an existing path, else the one around ``cwd``. The path's
    folders are walked as written, not through a link it may be: a link out of the workspace is then refused
    as such rather than taken for the way to another workspace."""
    named = next((Path(os.path.abspath(cwd / t)) for t in texts if t and _exists(cwd / t)), None)
    if named is not None:
        for folder in ([] if named.is_symlink() else [named]) + list(named.parents):
            if (folder / CONFIG_FILE).is_file() or (folder / "reports").is_dir():
                root = folder.resolve()
                confine(root)  # as find_root does: every later read and write stays in this workspace
                return Workspace(root)
    return Workspace.at(named or cwd)


class _Listing:
    """The workspace's report folders, listed once, and each one's resolved path."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    @cached_property
    def folders(self) -> list[Path]:
        return self.workspace.report_folders()

    @cached_property
    def resolved(self) -> dict[Path, Path]:
        return {f.resolve(): f for f in self.folders}


def resolve(workspace: Workspace, text: str, cwd: Path, *, parser: str = "auto", revisions: bool = False,
            command: str = "", listing: _Listing | None = None) -> list[Target] | AtRevision:
    """What one selector names: reports of the working tree, or (with ``revisions``) a report in a revision."""
    if not text or any(c in text for c in "\n\r\0"):
        raise UsageError("selector.no_such", selector=text)
    listing = listing or _Listing(workspace)
    path = cwd / text
    if _exists(path):
        return _at_path(workspace, text, path, parser, listing)
    if ":" in text:
        return parse_revision(text, revisions, command)
    if YEAR.match(text):
        found = [f for f in listing.folders if f.name == text]
        if not found:
            raise UsageError("selector.no_year", selector=text, year=text,
                             path=_display(workspace, workspace.root / "reports"))
        if len(found) > 1:
            raise UsageError("selector.ambiguous_year", selector=text, year=text,
                             candidates=", ".join(_display(workspace, f) for f in found),
                             example=f"{found[0].parent.name}/{text}")
        return [Target(text, Report(workspace, found[0], parser))]
    match = ENTITY_YEAR.match(text)
    if match and match.group(1) not in (".", ".."):
        folder = workspace.root / "reports" / text
        if folder not in listing.folders:
            # "reports/1999" is the path the user typed, not the entity "reports"
            named = path if match.group(1) == "reports" and not (workspace.root / "reports/reports").is_dir() \
                else folder
            raise UsageError("selector.no_report", selector=text, path=_display(workspace, named))
        return [Target(text, Report(workspace, folder, parser))]
    raise UsageError("selector.no_such", selector=text)


def parse_revision(text: str, allowed: bool = True, command: str = "") -> AtRevision:
    """``REV:PATH`` checked for what can be checked without git: a revision that could be taken for an option
    (``-`` first) is refused here, so it never reaches git."""
    rev, _, inner = text.partition(":")
    if not allowed:
        raise UsageError("selector.no_revisions", selector=text, command=command)
    if not rev or rev.startswith("-") or any(c in rev for c in "\n\r\0"):
        raise UsageError("selector.bad_rev", selector=text, rev=rev)
    if not inner.strip("/"):
        raise UsageError("selector.rev_needs_path", selector=text)
    return AtRevision(text, rev, inner)


def _at_path(workspace: Workspace, text: str, path: Path, parser: str, listing: _Listing) -> list[Target]:
    if not workspace.contains(path):  # a link out of the workspace is never followed
        raise UsageError("selector.outside_workspace", selector=text, root=workspace.root)
    resolved = path.resolve()
    root = workspace.root.resolve()
    if resolved in {root / name for name in _WORKSPACE_WIDE} or any(
            resolved.is_relative_to(root / folder) for folder in _WORKSPACE_WIDE_FOLDERS):
        return [Target(text, r, workspace_wide=True) for r in workspace.reports(parser)]
    if resolved.is_dir():
        below = [f for r, f in listing.resolved.items() if r.is_relative_to(resolved)]
        if below and resolved not in listing.resolved:
            return [Target(text, Report(workspace, f, parser)) for f in below]
    report = _report_for(workspace, resolved, parser, listing)
    if report is None:
        raise UsageError("selector.not_a_report", selector=text, path=_display(workspace, path))
    # a folder inside a report (evidence/) selects the report; a file, that file too
    return [Target(text, report, None if resolved.is_dir() else path)]


def report_at(workspace: Workspace, path: Path, parser: str = "auto") -> Report | None:
    """The report a path (a report folder or anything inside it, existing or not) belongs to, or ``None``: the
    one rule of which folders are reports, for the selector, the language server and workbook import alike."""
    try:
        return _report_for(workspace, path.resolve(), parser, _Listing(workspace))
    except UsageError:  # a year folder out of range is no report
        return None


def _report_for(workspace: Workspace, resolved: Path, parser: str, listing: _Listing) -> Report | None:
    """The report folder at or above a path: a year folder in ``reports/`` or ``reports/<entity>/``."""
    reports = (workspace.root / "reports").resolve()
    for candidate in (resolved, *resolved.parents):
        if YEAR.match(candidate.name) and reports in (candidate.parent, candidate.parent.parent):
            if not is_report_year(candidate.name):
                raise UsageError("cli.year_out_of_range", path=_display(workspace, candidate), first=FIRST_YEAR,
                                 last=LAST_YEAR)
            if candidate.is_relative_to(workspace.root):
                return Report(workspace, candidate, parser)
            # reports/ is itself a link: the folder as the workspace lists it, so a report has one id
            return Report(workspace, listing.resolved.get(candidate, candidate), parser)
    return None


def _report_folder_of(relative: str, reports: str | None) -> str | None:
    """The report folder of a repository-relative path that names a report folder or a file inside one;
    ``None`` for anything outside the workspace's ``reports/`` (without a workspace: the path or its folder)."""
    if reports is None:
        return posixpath.dirname(relative) if relative.endswith((".yaml", ".yml")) else relative
    parts = relative.split("/")
    prefix = [] if reports == "" else reports.split("/")
    if parts[:len(prefix)] != prefix:
        return None
    rest = parts[len(prefix):]
    for depth in (1, 2):  # reports/<year>, reports/<entity>/<year>
        if len(rest) >= depth and YEAR.match(rest[depth - 1]):
            return "/".join(prefix + rest[:depth])
    return None


def _relative_to(path: Path, base: Path) -> str | None:
    try:
        relative = path.resolve().relative_to(base).as_posix()
    except ValueError:
        return None
    return "" if relative == "." else relative


def _exists(path: Path) -> bool:
    try:
        return path.exists() or path.is_symlink()
    except (OSError, ValueError):  # a name too long, a NUL byte: not a path
        return False


def _display(workspace: Workspace, path: Path) -> str:
    try:
        return path.resolve().relative_to(workspace.root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
