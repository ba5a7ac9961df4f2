"""Plain git plumbing through few processes: one ``git log`` over the paths, one ``git cat-file --batch`` for
blobs. User data never becomes an option: revisions starting with ``-`` are refused and paths follow ``--``."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import IO, NamedTuple

from reportascode.errors import UsageError

_FIELD = "\x1f"
_RECORD = "\x1e"
LOG_FORMAT = _RECORD + _FIELD.join(["%H", "%P", "%an", "%ae", "%aI", "%s", "%b"]) + _FIELD


# NamedTuples, not dataclasses: immutable all the same, and a tenth of the class-making cost at import
class FileChange(NamedTuple):
    path: str
    old_blob: str | None
    new_blob: str | None


class Commit(NamedTuple):
    sha: str
    parents: tuple[str, ...]
    author: str
    email: str
    date: str
    subject: str
    body: str
    files: tuple[FileChange, ...] = ()

    @property
    def short(self) -> str:
        return self.sha[:10]


def safe_rev(rev: str) -> str:
    if not rev or rev.startswith("-") or any(c in rev for c in "\0\n\r") or not rev.isprintable():
        raise UsageError("git.bad_revision", rev=rev)
    return rev


_OBJECT_ID = r"[0-9a-f]{40}|[0-9a-f]{64}"
# git check-ref-format, and no more: ASCII letters, digits and CJK-safe printable text, no "..", "@{", "//",
# no component starting with "." or "-", none ending with ".lock", nothing git would read as an option
_BAD_REF = r"\.\.|@\{|//|/\.|\.lock(?:/|$)|[\x00-\x20\x7f~^:?*\[\\]"


@cache
def _pattern(text: str) -> re.Pattern[str]:
    """Compiled when first used: blame and log never check a tag name."""
    return re.compile(text)


def object_id(value: object, source: str = "") -> str:
    """A full object id read from a file (a manifest's ``locked_commit``), or a usage error naming the file."""
    text = str(value)
    if not _pattern(_OBJECT_ID).fullmatch(text):
        raise UsageError("git.bad_object_id", value=_shown(text), source=source or "?")
    return text


def rac_tag(name: str) -> str:
    """A tag name rac makes (``rac/<report>/<kind>``), checked before git sees it: under ``rac/``, a valid ref
    name (git check-ref-format), never an option."""
    if (not name.startswith("rac/") or name.endswith(("/", ".")) or _pattern(_BAD_REF).search(name)
            or not name.isprintable()):
        raise UsageError("git.bad_tag", tag=_shown(name))
    return name


def _shown(text: str) -> str:
    return text.encode("unicode_escape").decode("ascii")[:80]


class Git:
    """A git repository, driven through subprocesses with a fixed, option-safe argument layout."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._facts: tuple[str | None, bool, Path] | None = None
        self._facts_unused = False  # facts found by discover, not yet used: fresh enough for require_history

    @classmethod
    def discover(cls, path: Path) -> Git:
        """The repository around ``path``; what history commands ask next (HEAD, shallow, git directory) comes
        with it, from the same ``git rev-parse`` (a process is a good part of a warm ``rac blame``)."""
        here = path if path.is_dir() else path.parent
        try:
            done = subprocess.run(["git", "rev-parse", "--show-toplevel", "--is-shallow-repository",
                                   "--git-common-dir", "--verify", "-q", "HEAD^{commit}"], cwd=here,
                                  capture_output=True, env=_env())
        except FileNotFoundError as exc:
            raise UsageError("git.not_a_repository", path=here) from exc
        lines = done.stdout.decode("utf-8", "surrogateescape").splitlines()
        if done.returncode not in (0, 1) or len(lines) < 3:
            raise UsageError("git.not_a_repository", path=here)
        git = cls(Path(lines[0]))
        common = Path(lines[2])
        head = lines[3].strip() if done.returncode == 0 and len(lines) > 3 else None
        git._facts = (head or None, lines[1].strip() == "true", common if common.is_absolute() else here / common)
        git._facts_unused = True
        return git

    def run(self, *args: str, check: bool = True, input_text: str | None = None,
            env: dict[str, str] | None = None) -> str:
        done = subprocess.run(["git", *args], cwd=self.root, capture_output=True, env={**_env(), **(env or {})},
                              input=None if input_text is None else input_text.encode("utf-8"))
        # UTF-8 whatever the locale (commit subjects and paths are often Chinese); newlines as text mode had them
        stdout = done.stdout.decode("utf-8", "surrogateescape").replace("\r\n", "\n").replace("\r", "\n")
        if check and done.returncode != 0:
            raise GitFailed(args, done.stderr.decode("utf-8", "replace").strip())
        return stdout

    def _head_facts(self, fresh: bool = False) -> tuple[str | None, bool, Path]:
        """HEAD's commit (``None`` before the first commit), whether the clone is shallow, and the common git
        directory: one ``git rev-parse`` for what every history command asks first (each process costs).
        Kept from the last fresh look: one command's view of HEAD stays the same while it runs."""
        if self._facts is None or fresh:
            done = subprocess.run(["git", "rev-parse", "--is-shallow-repository", "--git-common-dir", "--verify",
                                   "-q", "HEAD^{commit}"], cwd=self.root, capture_output=True, env=_env())
            lines = done.stdout.decode("utf-8", "surrogateescape").splitlines()
            if len(lines) < 2:
                raise GitFailed(("rev-parse", "--git-common-dir"), done.stderr.decode("utf-8", "replace"))
            common = Path(lines[1])
            head = lines[2].strip() if done.returncode == 0 and len(lines) > 2 else None
            self._facts = (head or None, lines[0].strip() == "true",
                           common if common.is_absolute() else self.root / common)
        return self._facts

    def has_commits(self) -> bool:
        return self._head_facts(fresh=True)[0] is not None

    def is_shallow(self) -> bool:
        return self._head_facts(fresh=True)[1]

    def head(self) -> str | None:
        """HEAD's commit id as this object first saw it (``None`` before the first commit)."""
        return self._head_facts()[0]

    def common_dir(self) -> Path:
        """The git directory shared by all worktrees (where rac keeps its history cache)."""
        return self._head_facts()[2]

    def require_history(self) -> None:
        """History commands need commits and full history; say so clearly (exit 2) otherwise."""
        head, shallow, _ = self._head_facts(fresh=not self._facts_unused)
        self._facts_unused = False
        if head is None:
            raise UsageError("git.no_commits", root=self.root)
        if shallow:
            first = self.run("log", "-1", "--format=%aI", "--reverse", "--max-parents=0", "HEAD", check=False)
            raise UsageError("git.shallow", root=self.root, since=first.strip() or "?")

    def resolve(self, rev: str) -> str | None:
        out = subprocess.run(["git", "rev-parse", "--verify", "-q", "--end-of-options", f"{safe_rev(rev)}^{{commit}}"],
                             cwd=self.root,
                             capture_output=True, text=True, env=_env())
        return out.stdout.strip() or None

    def object_type(self, commit: str, path: str) -> str | None:
        """``tree``, ``blob``… for ``path`` in ``commit`` (a resolved commit id), ``None`` when it is not there."""
        done = subprocess.run(["git", "cat-file", "-t", f"{safe_rev(commit)}:{path}"], cwd=self.root,
                              capture_output=True, text=True, env=_env())
        return done.stdout.strip() if done.returncode == 0 else None

    def relpath(self, path: Path) -> str:
        return path.resolve().relative_to(self.root.resolve()).as_posix()

    def log(self, paths: Iterable[str], since: str | None = None, reverse: bool = False,
            until: str = "HEAD") -> list[Commit]:
        """Commits touching ``paths`` up to ``until`` (newest first), each with its changed files and blob ids."""
        args = ["log", f"--format={LOG_FORMAT}", "--raw", "--no-abbrev", "--no-renames", "-z", "--first-parent"]
        if reverse:
            args.append("--reverse")
        tip = safe_rev(until)
        args += ["--end-of-options", f"{safe_rev(since)}..{tip}" if since else tip]
        out = self.run(*args, "--", *paths)
        return list(_parse_log(out))

    def is_ancestor(self, ancestor: str, descendant: str = "HEAD") -> bool:
        done = subprocess.run(["git", "merge-base", "--is-ancestor", "--end-of-options", safe_rev(ancestor),
                               safe_rev(descendant)],
                              cwd=self.root, capture_output=True, env=_env())
        return done.returncode == 0

    def stale_locks(self) -> list[Path]:
        """Lock files git leaves when one of its processes is killed (``index.lock``, ``HEAD.lock``, a ref's
        ``.lock``): while one exists, git refuses to update what it locks."""
        git_dir = Path(self.run("rev-parse", "--git-common-dir").strip())
        git_dir = git_dir if git_dir.is_absolute() else self.root / git_dir
        names = ("index.lock", "HEAD.lock", "packed-refs.lock")
        found = [git_dir / name for name in names if (git_dir / name).exists()]
        found += sorted((git_dir / "refs").rglob("*.lock")) if (git_dir / "refs").is_dir() else []
        return found

    def status_porcelain(self, paths: Iterable[str]) -> list[str]:
        out = self.run("status", "--porcelain", "--untracked-files=all", "--", *paths)
        return [line for line in out.splitlines() if line.strip()]


class GitFailed(UsageError):
    def __init__(self, args: tuple[str, ...], stderr: str) -> None:
        lines = [line.strip() for line in stderr.splitlines() if line.strip()]
        telling = [line for line in lines if line.startswith(("fatal:", "error:"))]
        self.args_detail = (telling or lines or [""])[0]
        super().__init__("git.failed", command="git " + " ".join(args[:3]), detail=self.args_detail)


class BlobReader:
    """One ``git cat-file --batch`` process for all blob reads; each blob read once and cached."""

    def __init__(self, git: Git) -> None:
        self._root = git.root
        self._process: subprocess.Popen[bytes] | None = None  # started by the first read: a warm run reads none
        self._cache: dict[str, bytes | None] = {}

    def _started(self) -> subprocess.Popen[bytes]:
        if self._process is None:
            self._process = subprocess.Popen(["git", "cat-file", "--batch"], cwd=self._root, stdin=subprocess.PIPE,
                                             stdout=subprocess.PIPE, env=_env())
        return self._process

    def read(self, spec: str) -> bytes | None:
        """A blob by id or ``rev:path``; ``None`` when it does not exist (or when ``spec`` holds a line break,
        which would be a second request to ``cat-file --batch``)."""
        if spec in self._cache:
            return self._cache[spec]
        if any(c in spec for c in "\n\r\0"):
            return None
        process = self._started()
        stdin: IO[bytes] = process.stdin  # type: ignore[assignment]
        stdout: IO[bytes] = process.stdout  # type: ignore[assignment]
        stdin.write(spec.encode() + b"\n")
        stdin.flush()
        line = stdout.readline().rstrip(b"\n")
        header = line.split()
        # "<spec> missing" echoes the spec, which may hold spaces ("reports/acme co/2024/…")
        if line.endswith((b" missing", b" ambiguous")) or len(header) != 3 or not header[2].isdigit():
            self._cache[spec] = None
            return None
        data = stdout.read(int(header[2]))
        stdout.read(1)
        self._cache[spec] = data
        return data

    def read_many(self, blob_ids: list[str]) -> Iterator[tuple[str, bytes | None]]:
        """Blobs by id, in order, without a round trip each: a thread writes every request while their answers
        are read (a first blame or log reads thousands). Not kept in this reader's cache."""
        import threading

        object_id_pattern = _pattern(_OBJECT_ID)
        wanted = [b for b in blob_ids if object_id_pattern.fullmatch(b)]  # ids only: one request per line
        process = self._started()
        stdin: IO[bytes] = process.stdin  # type: ignore[assignment]
        stdout: IO[bytes] = process.stdout  # type: ignore[assignment]

        def write() -> None:
            with contextlib.suppress(OSError, ValueError):  # git gone: the reads below see the end of its output
                stdin.write("".join(f"{b}\n" for b in wanted).encode())
                stdin.flush()

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        answered = 0
        try:
            for blob in wanted:
                line = stdout.readline().rstrip(b"\n")
                header = line.split()
                if line.endswith(b" missing") or len(header) != 3 or not header[2].isdigit():
                    if not line:
                        raise GitFailed(("cat-file", "--batch"), "git cat-file ended early")
                    answered += 1
                    yield blob, None
                    continue
                data = stdout.read(int(header[2]))
                stdout.read(1)
                answered += 1
                yield blob, data
        finally:
            if answered < len(wanted):  # stopped early: the writer may be blocked on a full pipe, and the
                process.kill()  # answers still coming are of no use: the next read starts a new process
                process.wait()
                self._process = None
            writer.join()

    def close(self) -> None:
        if self._process is None:
            return
        if self._process.stdin:
            self._process.stdin.close()
        self._process.wait(timeout=10)

    def __enter__(self) -> BlobReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    env["GIT_TERMINAL_PROMPT"] = "0"
    return env


def _parse_log(out: str) -> Iterator[Commit]:
    for record in out.split(_RECORD)[1:]:
        parts = record.split(_FIELD)
        sha, parents, author, email, date, subject, body = parts[:7]
        raw = _FIELD.join(parts[7:]).lstrip("\n\0")
        yield Commit(sha, tuple(parents.split()), author, email, date, subject, body.strip(),
                     tuple(_parse_raw(raw)))


def _parse_raw(raw: str) -> Iterator[FileChange]:
    tokens = raw.split("\0")
    index = 0
    while index + 1 < len(tokens):
        meta = tokens[index].strip()
        if not meta.startswith(":"):
            index += 1
            continue
        fields = meta[1:].split()
        path = tokens[index + 1]
        old, new = fields[2], fields[3]
        zero = "0" * len(old)
        yield FileChange(path, None if old == zero else old, None if new == zero else new)
        index += 2
