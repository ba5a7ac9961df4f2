"""The selector as commands use it (the workspace config checked against the rule registry), and validation of
what it chose. The selection itself is the model's: model/selector.py."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportascode.model.selector import Selection, select
from reportascode.rules.registry import load_workspace_config
from reportascode.validate.engine import Progress, ValidationResult, validate_reports

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def select_reports(values: Sequence[str | Path], **options: Any) -> Selection:
    """:func:`~reportascode.model.selector.select` with the config read as every command reads it."""
    return select(values, load=load_workspace_config, **options)


def validate_selection(selection: Selection, jobs: int = 1, progress: Progress | None = None,
                       use_cache: bool = False) -> ValidationResult:
    """Validate every selected report with the workspace's config and schemas; ``use_cache``: through rac
    validate's cache (validate/validation_cache.py; off with ``RAC_NO_CACHE``)."""
    cache = None
    if use_cache and selection.reports:
        from reportascode.validate.validation_cache import ValidationCache

        cache = ValidationCache.open(selection.workspace.root, selection.store)
    return validate_reports(selection.reports, selection.config, selection.store, jobs=jobs, progress=progress,
                            cache=cache)
