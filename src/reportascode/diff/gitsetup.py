"""Set up a repository so that plain ``git diff`` and ``git log -p`` show report files through ``rac textconv``.

Two pieces: a line in ``.gitattributes`` (committed, shared by everyone) that sends report files to the ``rac``
diff driver, and the driver's command in the repository's own git config (local: git never takes commands from
a cloned repository, so each clone runs this once, e.g. through ``rac init``).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from reportascode.files import paths
from reportascode.files.atomic import write_text_atomic

ATTRIBUTES_LINE = "reports/**/*.yaml diff=rac"
DEFAULT_COMMAND = "rac textconv"


def configure_textconv(repo_root: Path, command: str = DEFAULT_COMMAND, pattern: str = "reports/**/*.yaml") -> bool:
    """Add ``<pattern> diff=rac`` to ``.gitattributes`` (once) and set ``diff.rac.textconv`` in the repository's
    git config. Returns whether ``.gitattributes`` was changed. Raises ``subprocess.CalledProcessError`` when git
    refuses (not a repository)."""
    changed = add_attribute(repo_root / ".gitattributes", f"{pattern} diff=rac")
    subprocess.run(["git", "config", "--local", "diff.rac.textconv", command], cwd=repo_root, check=True,
                   capture_output=True)
    return changed


def add_attribute(path: Path, line: str) -> bool:
    """Append ``line`` to an attributes file unless it is already there; the file is replaced atomically."""
    text = paths.read_text(path) if path.is_file() else ""
    if line in (existing.strip() for existing in text.splitlines()):
        return False
    if text and not text.endswith("\n"):
        text += "\n"
    text += line + "\n"
    write_text_atomic(path, text)
    return True
