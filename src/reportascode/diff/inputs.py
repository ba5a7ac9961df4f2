"""One ``rac diff`` invocation: find the workspace (if any), read its config, resolve both sides, compare."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

from reportascode.diff.report import ReportDiff, diff_sources
from reportascode.diff.sources import Resolver
from reportascode.errors import UsageError
from reportascode.model.config import Config
from reportascode.model.schemas import SchemaStore
from reportascode.model.selector import selector_workspace
from reportascode.model.workspace import find_root
from reportascode.rules.registry import load_workspace_config


def workspace_root(start: Path) -> Path | None:
    """The workspace around ``start``, or ``None`` (``rac textconv`` works on any file git hands it)."""
    try:
        return find_root(start)
    except UsageError:
        return None


def parse_threshold(text: str | None, config: Config) -> Decimal:
    """The YoY threshold in percent: ``--threshold`` (a percentage: ``30`` or ``30%``); else the workspace
    config's ``thresholds: {YOY-01: {change: 0.30}}`` (the check's own setting, a fraction or ``"30%"``, so the
    diff marks what the check warns about); else YOY-01's registered default."""
    if text is None:
        from reportascode.rules.registry import default_threshold

        percent = config.threshold("YOY-01", "change", default_threshold("YOY-01", "change")) * 100
        return percent.to_integral_value() if percent == percent.to_integral_value() else percent.normalize()
    try:
        value = Decimal(text.strip().rstrip("%"))
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or value < 0:
        raise UsageError("diff.threshold", value=text)
    return value


def open_diff(first: str, second: str | None, threshold: str | None = None, cwd: Path | None = None,
              parser: str = "auto") -> tuple[ReportDiff, Config]:
    """Compare the sources named by ``first`` and ``second`` (see :class:`~reportascode.diff.sources.Resolver`)."""
    here = (cwd or Path.cwd()).resolve()
    workspace = selector_workspace([first] if second is None else [first, second], here)
    config = load_workspace_config(workspace.root)
    limit = parse_threshold(threshold, config)
    resolver = Resolver(here, workspace)
    try:
        a, b = resolver.pair(first, second)
    finally:
        resolver.close()
    return diff_sources(a, b, SchemaStore(workspace.root), limit, parser), config
