"""The model: a workspace (its root, config and reports) and a report (one year's documents, its previous year)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from functools import cached_property
from pathlib import Path, PurePosixPath

from reportascode.errors import UsageError
from reportascode.files.paths import confine, is_confined_to
from reportascode.model.lazy_regex import lazy_compile
from reportascode.model.loader import Document, LoadProblem, load_bytes, load_file, read_file
from reportascode.model.schemas import DEFAULT_VERSION, REPORT_FILES
from reportascode.records import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

CONFIG_FILE = ".reportascode.yaml"
YEAR = lazy_compile(r"^\d{4}$")
# The years a report folder may be named after: the licence regime began long after 1990, and 2100 bounds the
# date arithmetic (the year after, deadlines in the next year) far inside what Python's dates can hold.
FIRST_YEAR, LAST_YEAR = 1990, 2100


def is_report_year(name: str) -> bool:
    return bool(YEAR.match(name)) and FIRST_YEAR <= int(name) <= LAST_YEAR


def find_root(start: Path) -> Path:
    """The nearest directory at or above ``start`` that holds a workspace config or a ``reports/`` folder."""
    start = start.resolve()
    here = start if start.is_dir() else start.parent
    for candidate in (here, *here.parents):
        if (candidate / CONFIG_FILE).is_file() or (candidate / "reports").is_dir():
            confine(candidate)  # every later read and write of this command stays in this workspace
            return candidate
    raise UsageError("cli.no_workspace", path=start)


def relative(root: Path, path: Path) -> str:
    """A workspace-relative path with forward slashes (absolute when outside the workspace)."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.resolve().as_posix()


class Report(Record):
    """One report year. Files load lazily and once; a missing file is ``None``."""

    FIELDS = ("workspace", "folder", "parser", "_documents", "reads")
    COMPARED = ("workspace", "folder", "parser", "_documents")
    SHOWN = ("workspace", "folder", "parser")

    def __init__(self, workspace: Workspace, folder: Path, parser: str = "auto",
                 _documents: dict[str, Document | None] | None = None, reads: set[str] | None = None) -> None:
        self.workspace = workspace
        self.folder = folder
        self.parser = parser
        self._documents: dict[str, Document | None] = {} if _documents is None else _documents
        # the names of the files asked for while this is a set (rac validate's cache: what a result was computed
        # from)
        self.reads = reads

    @property
    def year(self) -> int:
        return int(self.folder.name)

    @property
    def entity(self) -> str | None:
        parent = self.folder.parent
        return None if parent.name == "reports" else parent.name

    @cached_property
    def id(self) -> str:
        """The report's workspace-relative folder, e.g. ``reports/2024``."""
        return relative(self.workspace.root, self.folder)

    def file_path(self, name: str) -> str:
        return f"{self.id}/{name}.yaml"

    def document(self, name: str) -> Document | None:
        """One file's document; ``None`` when there is no such name. Anything else under the name is read (a
        folder, a broken link or an unreadable file is LOAD-READ), except a link that leaves the workspace."""
        if self.reads is not None:
            self.reads.add(name)
        if name not in self._documents:
            path = self.folder / f"{name}.yaml"
            unsaved = self.workspace.unsaved_text(path)
            if unsaved is None and not (path.exists() or path.is_symlink()):
                self._documents[name] = None
            elif not self._may_read(path, unsaved is not None):
                self._documents[name] = Document(path=self.file_path(name), problems=[
                    LoadProblem("LOAD-READ", 1, 1, "", "load.outside_workspace")])
            elif unsaved is not None:  # an editor's unsaved text stands in for the file, through the same loader
                self._documents[name] = load_bytes(unsaved.encode("utf-8", "surrogatepass"), self.file_path(name),
                                                   self.parser)
            else:
                self._documents[name] = self.workspace.load(path, self.file_path(name), self.parser)
        return self._documents[name]

    def _may_read(self, path: Path, unsaved: bool) -> bool:
        """Whether ``path`` stays in the workspace once links are resolved. When this workspace is the command's
        confined one, the bounded reader checks that itself as it reads the file (the same answer, the same
        finding): the path is resolved once, not twice."""
        if not unsaved and is_confined_to(self.workspace.root):
            return True
        return self.workspace.contains(path)

    def data(self, name: str) -> Any:
        """The plain data of one file, or ``None`` when it is missing, empty or unreadable."""
        doc = self.document(name)
        return doc.data if doc is not None and doc.ok else None

    @property
    def submission_date(self) -> dt.date | None:
        """The one submission date: ``rac submit``'s record, else meta.yaml's ``submission_date`` (a read of
        meta.yaml each time it is asked for, as :attr:`reads` records them)."""
        if self.reads is not None:
            self.reads.add("meta")
        return self._submission_date

    @cached_property
    def _submission_date(self) -> dt.date | None:
        from reportascode.model.submission import submission_date

        return submission_date(self.folder, self.data("meta"))

    @property
    def schema_version(self) -> str:
        meta = self.data("meta")
        version = meta.get("schema_version") if isinstance(meta, dict) else None
        return str(version) if version is not None else DEFAULT_VERSION

    def unknown_files(self) -> list[str]:
        known = set(REPORT_FILES) | self.workspace.extra_report_files
        try:
            names = os.listdir(self.folder)
        except OSError:
            return []
        # the names glob("*.y*ml") matches (".y", anything, "ml"), without compiling its pattern
        return sorted(name for name in names
                      if name.endswith("ml") and ".y" in name[:-2] and PurePosixPath(name).stem not in known)

    @cached_property
    def previous(self) -> Report | None:
        """The sibling folder of the year before, if it is a report."""
        sibling = self.folder.parent / str(self.year - 1)
        return Report(self.workspace, sibling, self.parser) if sibling.is_dir() else None


class Workspace(Record):
    """A folder of reports (``reports/<year>`` or ``reports/<entity>/<year>``) and its config, rules, schemas."""

    FIELDS = ("root", "extra_report_files", "overlay", "loader")
    SHOWN = ("root", "extra_report_files", "overlay")

    def __init__(self, root: Path, extra_report_files: set[str] | None = None, overlay: dict[Path, str] | None = None,
                 loader: Callable[[bytes, str, str], Document] | None = None) -> None:
        self.root = root
        # files rac itself keeps in a report folder besides the eleven data files
        self.extra_report_files: set[str] = {".rac-lock", "corrections"} if extra_report_files is None \
            else extra_report_files
        # unsaved editor text by resolved file path (rac lsp): read instead of the working-tree file
        self.overlay: dict[Path, str] = {} if overlay is None else overlay
        # parses a file's bytes in place of load_bytes (rac validate's cache: validate/validation_cache.py)
        self.loader = loader

    def load(self, path: Path, shown: str, parser: str) -> Document:
        """One file's document, read bounded (:func:`load_file`), parsed by :attr:`loader` when one is set."""
        if self.loader is None:
            return load_file(path, shown, parser)
        raw, problem = read_file(path)
        if raw is None:
            return Document(path=shown, problems=[problem or LoadProblem("LOAD-READ", 1, 1, "", "load.unreadable")])
        return self.loader(raw, shown, parser)

    def unsaved_text(self, path: Path) -> str | None:
        if not self.overlay:
            return None
        return self.overlay.get(path.resolve())

    @classmethod
    def at(cls, start: Path) -> Workspace:
        return cls(find_root(start))

    def report_folders(self) -> list[Path]:
        """Every report folder: ``reports/<year>/`` and ``reports/<entity>/<year>/``, sorted."""
        base = self.root / "reports"
        if not base.is_dir():
            return []
        found = []
        for candidate in sorted(base.iterdir()):
            if candidate.is_dir() and YEAR.match(candidate.name):
                if is_report_year(candidate.name):
                    found.append(candidate)
            elif candidate.is_dir():
                found.extend(sorted(d for d in candidate.iterdir() if d.is_dir() and is_report_year(d.name)))
        # a report is inside reports/: a year folder linked from elsewhere is not one
        inside = [f for f in found if f.resolve().is_relative_to(self._real_bases[1])]
        return [f for f in inside if _looks_like_report(f)]

    def contains(self, path: Path) -> bool:
        """Whether ``path``, links resolved, stays in the workspace (or in its ``reports/``, itself a link)."""
        resolved = path.resolve()
        return any(resolved.is_relative_to(base) for base in self._real_bases)

    @cached_property
    def _real_bases(self) -> tuple[Path, Path]:
        """The workspace and its ``reports/``, links resolved: once a run (every file read is checked against
        them, as the root itself is pinned once by :func:`~reportascode.files.paths.confine`)."""
        return self.root.resolve(), (self.root / "reports").resolve()

    def reports(self, parser: str = "auto") -> list[Report]:
        return [Report(self, folder, parser) for folder in self.report_folders()]


def _looks_like_report(folder: Path) -> bool:
    return any((folder / f"{name}.yaml").is_file() for name in REPORT_FILES)
