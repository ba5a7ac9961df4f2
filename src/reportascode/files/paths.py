"""One policy for every path rac opens or writes (docs/trust-boundaries.md).

A workspace is shared: whatever is committed in it (a file, a folder, a symbolic link) was written by someone
else. So a path that names a place inside the workspace must still be inside it once links are resolved, for
reading and for writing alike: a committed ``build`` link, a ``rules/x.yaml`` link to ``~/.ssh/id_rsa`` or a
``.reportascode.yaml`` link elsewhere is refused, naming the link. The workspace's own ``reports/`` folder may
itself be a link (a repository that keeps its reports elsewhere): what it points to counts as inside.

A path the user names on the command line outside the workspace (``--output /tmp/x``) is the user's own choice
and is not confined. The workspace root is set once per command (:func:`confine`, called when the workspace is
found) and read by the lowest layers (the bounded reader, the atomic writers), so no command can forget it.

The write lock is opened with ``O_NOFOLLOW`` (:func:`open_no_follow`): a committed ``.rac.lock`` link is an
error naming it, never a file truncated somewhere else.
"""

from __future__ import annotations

import contextvars
import errno
import os
from pathlib import Path

from reportascode.errors import UsageError

_ROOT: contextvars.ContextVar[tuple[str, tuple[str, ...]] | None] = contextvars.ContextVar(
    "reportascode_workspace_root", default=None)


class LinkOutside(UsageError):
    """A path inside the workspace that leads out of it through a link (exit 2, naming the path)."""


def confine(root: Path | None) -> None:
    """Make ``root`` the workspace every later read and write of this command is confined to (None: none)."""
    if root is None:
        _ROOT.set(None)
        return
    lexical = os.path.abspath(root)
    real = os.path.realpath(root)
    allowed = (real, os.path.realpath(os.path.join(real, "reports")))
    _ROOT.set((lexical, tuple(dict.fromkeys((*allowed, lexical)))))


def is_confined_to(root: Path) -> bool:
    """Whether this command is confined to the workspace at ``root`` (:func:`confine`)."""
    found = _ROOT.get()
    return found is not None and found[0] == os.path.abspath(root)


def _within(path: str, base: str) -> bool:
    return path == base or path.startswith(base.rstrip(os.sep) + os.sep)


def escapes(path: Path, root: Path | None = None) -> str | None:
    """Where ``path`` really leads when it names a place in the workspace but a link takes it out (else None)."""
    if root is not None:
        lexical_root = os.path.abspath(root)
        real_root = os.path.realpath(root)
        allowed: tuple[str, ...] = (real_root, os.path.realpath(os.path.join(real_root, "reports")), lexical_root)
    else:
        found = _ROOT.get()
        if found is None:
            return None
        lexical_root, allowed = found
    lexical = os.path.abspath(path)
    real_root = allowed[0]
    if not (_within(lexical, lexical_root) or _within(lexical, real_root)):
        return None  # named outside the workspace: the user's own choice
    real = os.path.realpath(lexical)
    if any(_within(real, base) for base in allowed[:2]):
        return None
    return real


def _shown(path: Path) -> str:
    found = _ROOT.get()
    lexical = os.path.abspath(path)
    if found is not None and _within(lexical, found[0]):
        return os.path.relpath(lexical, found[0]).replace(os.sep, "/")
    return lexical


def check_read(path: Path, root: Path | None = None) -> None:
    """Raise :class:`LinkOutside` when reading ``path`` would follow a link out of the workspace."""
    target = escapes(path, root)
    if target is not None:
        raise LinkOutside("paths.read_outside", path=_shown(path), target=target)


def check_write(path: Path, root: Path | None = None) -> None:
    """Raise :class:`LinkOutside` when writing ``path`` (a file or a folder) would land outside the workspace
    through a link: the path itself, or any folder on the way to it."""
    target = escapes(path, root)
    if target is not None:
        raise LinkOutside("paths.write_outside", path=_shown(path), target=target)


def open_no_follow(path: Path, flags: int, mode: int = 0o644) -> int:
    """``os.open`` that never follows a link at ``path`` itself (and refuses one through :func:`check_write`)."""
    check_write(path.parent)
    try:
        return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0), mode)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK) or path.is_symlink():
            raise LinkOutside("paths.link_refused", path=_shown(path)) from None
        raise


def read_bytes(path: Path) -> bytes:
    """A file's bytes, after :func:`check_read` (for files rac reads whole and small: manifests, settings)."""
    check_read(path)
    return path.read_bytes()


def read_text(path: Path) -> str:
    check_read(path)
    return path.read_text(encoding="utf-8")
