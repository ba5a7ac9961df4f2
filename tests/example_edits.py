"""Applying the pass/fail examples of ``reportascode.rules.checks.examples`` to a copy of the sample reports.

Edits go through ruamel.yaml round-trip, so each value is written from its YAML text (quotes, dates and decimal
places as given) and everything else in the file stays as it was.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from reportascode.model.loader import split_pointer
from reportascode.rules.checks.examples import Example


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def set_pointer(data: Any, pointer: str, value: Any) -> None:
    """Set the value at ``pointer``; an index one past the end of a list appends."""
    tokens = split_pointer(pointer)
    target = data
    for token in tokens[:-1]:
        target = target[int(token)] if isinstance(target, list) else target[token]
    last = tokens[-1]
    if isinstance(target, list):
        index = int(last)
        if index == len(target):
            target.append(value)
        else:
            target[index] = value
    else:
        target[last] = value


def edit_file(path: Path, edits: dict[str, str]) -> None:
    """Apply ``{pointer: yaml text}`` edits to one YAML file."""
    yaml = _yaml()
    data = yaml.load(path.read_text(encoding="utf-8"))
    for pointer, text in edits.items():
        set_pointer(data, pointer, _yaml().load(text))
    out = io.StringIO()
    yaml.dump(data, out)
    path.write_text(out.getvalue(), encoding="utf-8")


def apply_example(root: Path, example: Example) -> Path:
    """Apply ``example`` to the workspace at ``root``; returns the edited report folder."""
    folder = root / "reports" / str(example.year)
    by_file: dict[str, dict[str, str]] = {}
    for target, text in example.edits.items():
        file_name, _, pointer = target.partition("#")
        by_file.setdefault(file_name, {})[pointer] = text
    for file_name, edits in by_file.items():
        edit_file(folder / file_name, edits)
    return folder
