"""A date of year 0000: jsonschema-rs accepts it as a date, Python's dates (and so every date rule) can't hold it.
It is one SCHEMA-FORMAT error at the value, never a silently ignored date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_rac


@pytest.mark.parametrize("flags", [(), ("--no-cache",), ("--engine", "reference")])
def test_year_zero_is_an_invalid_date(workspace: Path, flags: tuple[str, ...]) -> None:
    meta = workspace / "reports/2024/meta.yaml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text.replace("submission_date: 2025-03-18", "submission_date: 0000-03-18"), encoding="utf-8")
    run = run_rac("validate", "reports/2024", "--format", "json", "--lang", "en", *flags, cwd=workspace)
    assert run.code == 1, run.err
    found = [f for f in json.loads(run.out)["findings"] if f["file"].endswith("meta.yaml")]
    assert [(f["rule"], f["line"], f["pointer"]) for f in found] == [("SCHEMA-FORMAT", 7, "/submission_date")]
