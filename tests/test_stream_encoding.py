"""A terminal whose encoding can't hold Chinese: rac still runs and exits as it should (never exit 3 on printing),
showing what the stream can't encode as \\u escapes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REPORTS


@pytest.mark.parametrize("encoding", ["latin-1", "ascii", "cp1252"])
@pytest.mark.parametrize("args", [("validate", "reports/2024"), ("validate", "reports/2024", "--format", "json"),
                                  ("validate", "--help"), ("diff", "2023", "2024"), ("validate", "nowhere")])
def test_output_the_stream_cannot_encode_is_escaped(tmp_path: Path, encoding: str, args: tuple[str, ...]) -> None:
    root = tmp_path / "ws"
    (root / "reports").mkdir(parents=True)
    for year in ("2023", "2024"):
        shutil.copytree(SAMPLE_REPORTS / year, root / "reports" / year)
    env = {**os.environ, "PYTHONIOENCODING": encoding, "RAC_NO_CACHE": "1", "LANG": "C"}
    done = subprocess.run([sys.executable, "-m", "reportascode", "--lang", "zh", *args], cwd=root, env=env,
                          capture_output=True)
    expected = 2 if "nowhere" in args else 0
    assert done.returncode == expected, done.stderr.decode("latin-1")
    assert b"Traceback" not in done.stderr
    output = done.stdout + done.stderr
    assert b"\\u" in output or encoding == "ascii"  # click writes UTF-8 to a stream it sees as ASCII
