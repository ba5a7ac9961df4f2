"""A full disk or a refused permission on any writer: exit 2 naming the file, nothing partial, no temporary file
left, the workspace as it was."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from reportascode.files.atomic import is_temporary
from tests.conftest import run_rac


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


WRITERS = [
    ("set", "--lang", "en", "reports/2024/company.yaml", "/name", "星澜联络科技股份有限公司"),
    ("new-year", "--lang", "en", "2025"),
    ("render", "--lang", "en", "--format", "html", "--draft", "reports/2024"),
    ("build", "--lang", "en", "--draft"),
    ("fmt", "--lang", "en", "reports/2024"),
]


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EACCES], ids=["ENOSPC", "EACCES"])
@pytest.mark.parametrize("args", WRITERS, ids=[w[0] for w in WRITERS])
def test_a_failing_disk_is_exit_2_and_nothing_partial(workspace: Path, monkeypatch: pytest.MonkeyPatch,
                                                     args: tuple[str, ...], err: int) -> None:
    meta = workspace / "reports" / "2024" / "meta.yaml"
    meta.write_bytes(meta.read_bytes().rstrip(b"\n") + b"\n\n\n")  # something for fmt to write
    before = _snapshot(workspace)
    real_fsync = os.fsync

    def failing(fd: int) -> None:
        if os.path.isdir(f"/proc/self/fd/{fd}"):
            return real_fsync(fd)
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(os, "fsync", failing)
    run = run_rac(*args, cwd=workspace)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert run.code == 2, (run.out, run.err)
    assert "Traceback" not in run.err and os.strerror(err) in run.err
    assert str(workspace) in run.err or "reports/" in run.err or "build" in run.err, run.err
    after = _snapshot(workspace)
    assert [p for p in after if is_temporary(Path(p).name) or any(is_temporary(q) for q in Path(p).parts)] == []
    assert {k: v for k, v in after.items() if k != ".rac.lock"} == before
