"""The validation the editor sees: ``rac validate``'s engine run over the working tree with the editor's unsaved
text laid over it. Nothing is duplicated: the same loader, the same :func:`validate_reports`, the same config."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportascode.authoring.schema_nav import SchemaNavigator
from reportascode.errors import UsageError
from reportascode.messages import default_language
from reportascode.model.config import CONFIG_FILE, Config
from reportascode.model.schemas import REPORT_FILES, SchemaStore
from reportascode.model.selector import report_at
from reportascode.model.workspace import Report, Workspace, find_root
from reportascode.rules.registry import load_workspace_config
from reportascode.validate.engine import ValidationResult, validate_reports


@dataclass
class Analysis:
    """One run: the findings of the reports that have open documents, and what stopped the run, if anything."""

    workspace: Workspace
    result: ValidationResult
    reports: list[Report]
    config: Config | None = None
    config_error: UsageError | None = None
    lang: str = "zh"

    def text_of(self, file: str) -> str:
        """A file's text as the run read it: the editor's unsaved text, else the working tree's (bounded)."""
        from reportascode.model.loader import read_file

        path = self.workspace.root / file
        unsaved = self.workspace.unsaved_text(path)
        if unsaved is not None:
            return unsaved
        raw, _problem = read_file(path)
        return raw.decode("utf-8", errors="replace") if raw is not None else ""


class Analyzer:
    """Holds what stays the same between runs of one workspace (compiled schemas) so that warm runs are fast."""

    def __init__(self, root: Path, lang: str | None = None, parser: str = "auto") -> None:
        self.root = root
        self.lang = lang
        self.parser = parser
        self.store = SchemaStore(root)

    @classmethod
    def for_path(cls, path: Path, lang: str | None = None) -> Analyzer | None:
        try:
            return cls(find_root(path), lang)
        except UsageError:
            return None

    def report_folder(self, path: Path) -> Path | None:
        """The report folder a file belongs to, or ``None`` (the config, a rule file, a file elsewhere)."""
        report = report_at(Workspace(self.root), path, self.parser)
        return report.folder if report is not None else None

    def language(self, config: Config | None) -> str:
        return self.lang or default_language(config.lang if config is not None else None)

    def run(self, overlay: dict[Path, str], folders: list[Path], today: dt.date | None = None) -> Analysis:
        """Validate the reports in ``folders`` (each once), reading ``overlay`` instead of the files it names."""
        workspace = Workspace(self.root, overlay={path.resolve(): text for path, text in overlay.items()})
        reports = [Report(workspace, folder, self.parser) for folder in dict.fromkeys(folders)]
        try:
            config = load_workspace_config(self.root, workspace.unsaved_text(self.root / CONFIG_FILE))
        except UsageError as error:  # a broken config: said at the config file, nothing else can be checked
            return Analysis(workspace, ValidationResult(), reports, None, error, self.language(None))
        result = validate_reports(reports, config, self.store, today)
        return Analysis(workspace, result, reports, config, None, self.language(config))


@dataclass(frozen=True)
class FileContext:
    """A report file as hover, completion and formatting see it: its name, its schema version, its report."""

    name: str
    navigator: SchemaNavigator
    year: int
    folder: Path


class FileContexts:
    """One schema navigator per schema version of a workspace, shared by every request."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self._navigators: dict[str, SchemaNavigator] = {}

    def of(self, path: Path, overlay: dict[Path, str]) -> FileContext | None:
        """The context of a report file; ``None`` for any other file."""
        folder = self.analyzer.report_folder(path)
        if folder is None or path.resolve().parent != folder.resolve() or path.suffix != ".yaml" \
                or path.stem not in REPORT_FILES:
            return None
        workspace = Workspace(self.analyzer.root, overlay={p.resolve(): t for p, t in overlay.items()})
        report = Report(workspace, folder, self.analyzer.parser)
        store = self.analyzer.store
        version = report.schema_version if report.schema_version in store.versions else max(store.versions)
        navigator = self._navigators.setdefault(version, SchemaNavigator(store, version))
        return FileContext(path.stem, navigator, report.year, folder)
