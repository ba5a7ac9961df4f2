"""Where a workspace keeps its own rules (``rules/*.yaml``): asked on every ``rac validate``, so that a workspace
without rule files never imports the rule language (rules/workspace_rules.py and Python's ``ast``)."""

from __future__ import annotations

from pathlib import Path

RULES_DIR = "rules"


def rule_files(root: Path) -> list[Path]:
    """The rule files of the workspace at ``root``, sorted."""
    folder = root / RULES_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
