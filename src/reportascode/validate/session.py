"""One invocation's view of a workspace: its root, config, schemas and the reports selected by paths."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportascode.errors import UsageError
from reportascode.model.config import Config
from reportascode.model.schemas import SchemaStore
from reportascode.model.workspace import Report, Workspace
from reportascode.rules.registry import load_workspace_config
from reportascode.validate.engine import Progress, ValidationResult, validate_reports


@dataclass
class Session:
    workspace: Workspace
    config: Config
    store: SchemaStore
    reports: list[Report]

    def validate(self, jobs: int = 1, progress: Progress | None = None) -> ValidationResult:
        return validate_reports(self.reports, self.config, self.store, jobs=jobs, progress=progress)


def open_session(paths: Sequence[Path], parser: str = "auto", start: Path | None = None, fast: bool = True
                 ) -> Session:
    """Find the workspace from the first path (or the current directory) and select the reports."""
    anchor = paths[0] if paths else (start or Path.cwd())
    if paths and not anchor.exists():
        raise UsageError("cli.path_missing", path=anchor)
    workspace = Workspace.at(anchor)
    config = load_workspace_config(workspace.root)
    store = SchemaStore(workspace.root, fast=fast)
    if paths:
        selected: dict[Path, Report] = {}
        for path in paths:
            if not path.exists():
                raise UsageError("cli.path_missing", path=path)
            for report in _reports_at(workspace, path, parser):
                selected.setdefault(report.folder, report)
        reports = list(selected.values())
    else:
        reports = workspace.reports(parser)
        if not reports:
            raise UsageError("cli.no_reports", root=workspace.root)
    return Session(workspace, config, store, reports)


def _reports_at(workspace: Workspace, path: Path, parser: str) -> list[Report]:
    """A report folder or a file in one gives that report; a folder above reports (``reports/``, an entity
    folder, the workspace root) gives every report below it."""
    resolved = path.resolve()
    if _affects_every_report(workspace, resolved):
        return workspace.reports(parser)
    if resolved.is_dir():
        below = [f for f in workspace.report_folders() if f.resolve().is_relative_to(resolved)]
        if below and not any(resolved == f.resolve() for f in below):
            return [Report(workspace, f, parser) for f in below]
    return [workspace.report_for(path, parser)]


def _affects_every_report(workspace: Workspace, path: Path) -> bool:
    """The workspace config, its own rules and schema overrides apply to every report (pre-commit passes them)."""
    root = workspace.root.resolve()
    if path == root / ".reportascode.yaml":
        return True
    return any(path.is_relative_to(root / folder) for folder in ("rules", "schemas"))
