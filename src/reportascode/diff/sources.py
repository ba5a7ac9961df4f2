"""Where the two sides of a diff come from: what the report selector (model/selector.py) names, a report folder
or file in the working tree, a year (``2024``, ``acme/2024``), or a git revision ``REV:PATH`` read from the
commit's tree.

Revisions are read without a checkout, through one ``git cat-file --batch`` process per diff: revision names go to
git on its standard input, never on its command line, so user input cannot become a git option. Only the raw bytes
are read here; parsing is the loader's job, so a revision's data is exactly what validation would see.
"""

from __future__ import annotations

import posixpath
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from reportascode.errors import UsageError
from reportascode.model.loader import LoadProblem, read_file
from reportascode.model.selector import AtRevision, resolve
from reportascode.model.workspace import YEAR, Workspace

YAML_SUFFIXES = (".yaml", ".yml")
_BLOB_MODES = (b"100644", b"100755")


@dataclass
class Source:
    """One side of a diff: the raw bytes of a report's YAML files (or of one file)."""

    spec: str
    path: str
    rev: str | None = None
    commit: str | None = None
    files: dict[str, bytes] = field(default_factory=dict)
    single_file: bool = False
    location: Path | None = field(default=None, repr=False)  # the working-tree path, when there is one
    refused: dict[str, LoadProblem] = field(default_factory=dict)  # files not read, and why (as load problems)

    @property
    def label(self) -> str:
        """How the side is named in outputs: ``reports/2024`` or ``HEAD~1:reports/2024``."""
        return f"{self.rev}:{self.path}" if self.rev is not None else self.path

    @property
    def folder_year(self) -> int | None:
        folder = posixpath.dirname(self.path) if self.single_file else self.path
        name = posixpath.basename(folder.rstrip("/"))
        return int(name) if YEAR.match(name) else None


class GitReader:
    """A git repository read through ``git rev-parse`` once and one persistent ``git cat-file --batch``."""

    def __init__(self, start: Path) -> None:
        self.start = start
        try:
            result = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=start, capture_output=True,
                                    check=False)
        except FileNotFoundError as exc:
            raise UsageError("diff.git_missing") from exc
        if result.returncode != 0:
            raise UsageError("diff.not_git", path=start)
        self.root = Path(result.stdout.decode("utf-8", "surrogateescape").strip())
        self._process: subprocess.Popen[bytes] | None = None

    def _batch(self) -> tuple[IO[bytes], IO[bytes]]:
        if self._process is None:
            self._process = subprocess.Popen(["git", "cat-file", "--batch"], cwd=self.root, stdin=subprocess.PIPE,
                                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert self._process.stdin is not None and self._process.stdout is not None
        return self._process.stdin, self._process.stdout

    def read(self, name: str) -> tuple[str, str, bytes] | None:
        """``(object id, type, content)`` of a revision expression, or ``None`` when git knows no such object."""
        if "\n" in name or "\r" in name or "\0" in name:
            return None
        stdin, stdout = self._batch()
        try:
            stdin.write(name.encode("utf-8", "surrogateescape") + b"\n")
            stdin.flush()
            header = stdout.readline().decode("utf-8", "surrogateescape").rstrip("\n")
        except OSError as exc:
            raise UsageError("diff.git_failed", detail=str(exc)) from exc
        parts = header.split(" ")
        if len(parts) != 3 or not parts[2].isdigit():
            return None  # "<name> missing" or "<name> ambiguous"
        size = int(parts[2])
        content = stdout.read(size)
        stdout.read(1)
        return parts[0], parts[1], content

    def commit(self, rev: str, selector: str) -> str:
        """The commit a revision names; a usage error naming the selector when there is none."""
        if not rev or rev.startswith("-"):
            raise UsageError("selector.bad_rev", selector=selector, rev=rev)
        found = self.read(f"{rev}^{{commit}}")
        if found is None or found[1] != "commit":
            raise UsageError("selector.no_revision", selector=selector, rev=rev)
        return found[0]

    def tree_files(self, tree_content: bytes, object_id: str) -> dict[str, str]:
        """YAML blobs directly in a tree: name → blob id."""
        width = len(object_id) // 2
        entries: dict[str, str] = {}
        position = 0
        while position < len(tree_content):
            space = tree_content.index(b" ", position)
            nul = tree_content.index(b"\0", space)
            mode = tree_content[position:space]
            name = tree_content[space + 1: nul].decode("utf-8", "surrogateescape")
            blob = tree_content[nul + 1: nul + 1 + width].hex()
            position = nul + 1 + width
            if mode in _BLOB_MODES and name.endswith(YAML_SUFFIXES):
                entries[name] = blob
        return entries

    def close(self) -> None:
        if self._process is not None:
            if self._process.stdin is not None:
                self._process.stdin.close()
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._process.wait()
            self._process = None


class Resolver:
    """Turns command-line arguments into sources through the report selector (model/selector.py): a report folder
    or a file inside one, a year, an entity/year, or ``REV:PATH``."""

    def __init__(self, cwd: Path, workspace: Workspace) -> None:
        self.cwd = cwd.resolve()
        self.workspace = workspace
        self.root = workspace.root.resolve()
        self._git: GitReader | None = None

    @property
    def git(self) -> GitReader:
        if self._git is None:
            self._git = GitReader(self.root)
        return self._git

    def close(self) -> None:
        if self._git is not None:
            self._git.close()

    # -- the two sides ------------------------------------------------------------------------------------------

    def pair(self, first: str, second: str | None) -> tuple[Source, Source]:
        """Both sides. Without ``second``: a revision against the working tree, or HEAD against a folder."""
        a = self.resolve(first)
        if second is not None:
            b = self.resolve(second)
        elif a.rev is not None:
            b = self.working_tree(a)
        else:
            a, b = self.at_revision("HEAD", a), a
        if a.single_file != b.single_file and a.files and b.files:
            raise UsageError("diff.mixed", a=a.label, b=b.label)
        return a, b

    def resolve(self, spec: str) -> Source:
        found = resolve(self.workspace, spec, self.cwd, revisions=True, command="diff")
        if isinstance(found, AtRevision):
            return self.revision(found)
        if len(found) != 1:
            raise UsageError("selector.one_report", selector=spec, command="diff", count=len(found),
                             reports=", ".join(t.report.id for t in found))
        target = found[0]
        return self.folder(spec, target.file if target.file is not None else target.report.folder)

    def folder(self, spec: str, path: Path) -> Source:
        named = path
        path = path.resolve()
        if path.is_file():
            if not path.name.endswith(YAML_SUFFIXES):
                raise UsageError("diff.not_yaml", path=self._display(path))
            source = Source(spec, self._display(path), single_file=True, location=path)
            self._read_into(source, path.name, path, path.parent)
            return source
        if not path.is_dir():  # a pipe, a device: nothing to read
            raise UsageError("diff.not_a_report", path=self._display(path))
        source = Source(spec, self._display(path), location=path)
        for entry in sorted(named.iterdir()):
            if entry.name.endswith(YAML_SUFFIXES) and entry.is_file():
                self._read_into(source, entry.name, entry, path)
        if not source.files:
            raise UsageError("diff.not_a_report", path=self._display(path))
        return source

    def _read_into(self, source: Source, name: str, path: Path, folder: Path) -> None:
        """A working-tree file's bytes, read as validation reads them (bounded, regular files only); a link out
        of its folder and the workspace is not read at all, so a diff never shows what it points at."""
        resolved = path.resolve()
        inside = resolved.is_relative_to(folder) or resolved.is_relative_to(self.root)
        raw, problem = (None, LoadProblem("LOAD-READ", 1, 1, "", "load.outside_workspace")) if not inside \
            else read_file(path)
        source.files[name] = raw if raw is not None else b""
        if problem is not None:
            source.refused[name] = problem

    def revision(self, at: AtRevision) -> Source:
        git = self.git
        commit = git.commit(at.rev, at.selector)
        for candidate in at.paths(git.root, self.workspace, self.cwd):
            found = git.read(f"{commit}:{candidate.path}")
            if found is not None:
                return self._from_object(at.selector, at.rev, commit, candidate.path, found)
        raise UsageError("selector.no_path_in_rev", selector=at.selector, rev=at.rev, path=at.path)

    def at_revision(self, rev: str, source: Source) -> Source:
        """The same folder or file as ``source`` (from the working tree) at ``rev``; empty when it is not there."""
        git = self.git
        commit = git.commit(rev, rev)
        inner = self._repo_relative(source.location) if source.location is not None else None
        if inner is None:
            raise UsageError("diff.outside_repo", path=source.path, root=git.root)
        found = git.read(f"{commit}:{inner}")
        if found is None:
            return Source(f"{rev}:{inner}", inner, rev=rev, commit=commit, single_file=source.single_file)
        return self._from_object(f"{rev}:{inner}", rev, commit, inner, found)

    def working_tree(self, source: Source) -> Source:
        """The working-tree version of a revision's folder or file; empty when it was deleted."""
        assert source.rev is not None
        path = self.git.root / source.path
        if path.exists():
            resolved = self.folder(source.path, path)
            if resolved.single_file == source.single_file:
                return resolved
        return Source(source.path, self._display(path), single_file=source.single_file)

    # -- helpers ------------------------------------------------------------------------------------------------

    def _from_object(self, spec: str, rev: str, commit: str, inner: str, found: tuple[str, str, bytes]) -> Source:
        object_id, kind, content = found
        if kind == "blob":
            if not inner.endswith(YAML_SUFFIXES):
                raise UsageError("diff.not_yaml", path=f"{rev}:{inner}")
            return Source(spec, inner, rev=rev, commit=commit, files={posixpath.basename(inner): content},
                          single_file=True)
        if kind != "tree":
            raise UsageError("selector.no_path_in_rev", selector=spec, rev=rev, path=inner)
        files: dict[str, bytes] = {}
        for name, blob in sorted(self.git.tree_files(content, object_id).items()):
            read = self.git.read(blob)
            if read is not None:
                files[name] = read[2]
        if not files:
            raise UsageError("diff.not_a_report", path=f"{rev}:{inner}")
        return Source(spec, inner, rev=rev, commit=commit, files=files)

    def _repo_relative(self, path: Path) -> str | None:
        try:
            relative = path.resolve().relative_to(self.git.root.resolve()).as_posix()
        except ValueError:
            return None
        return relative if relative != "." else ""

    def _display(self, path: Path) -> str:
        """A path for outputs: relative to the workspace root (else the current directory), forward slashes."""
        path = path.resolve()
        for base in (self.root, self.cwd):
            if base is None:
                continue
            try:
                return path.relative_to(base).as_posix()
            except ValueError:
                continue
        return path.as_posix()
