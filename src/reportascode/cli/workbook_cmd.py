"""``rac workbook export REPORT`` and ``rac workbook import FILE.xlsx``"""

from __future__ import annotations

from pathlib import Path

import click

from reportascode.cli.options import lang_option


@click.group("workbook")
def workbook() -> None:
    """A fill-in workbook (XLSX) for colleagues who work in Excel or WPS: export it, import it back."""


@workbook.command("export")
@click.argument("report")
@click.option("--files", "only", multiple=True, metavar="NAME")
@click.option("--out", type=click.Path(path_type=Path), default=None)
@lang_option
def export(report: str, only: tuple[str, ...], out: Path | None, lang: str | None) -> None:
    """Write a fill-in workbook for REPORT (a report folder or a year): a sheet per file, labels with units, one
    yellow value column, lists of records as tables where rows may be added or removed."""
    from reportascode.errors import UsageError
    from reportascode.files.atomic import write_bytes_atomic
    from reportascode.messages import message
    from reportascode.model.schemas import REPORT_FILES
    from reportascode.publish.build import document_language
    from reportascode.validate.session import select_reports
    from reportascode.workbook.export import export_workbook
    from reportascode.workbook.sheetlayout import build_layout
    from reportascode.workbook.workbook_report import ReportData

    session = select_reports([report], command="workbook export")
    chosen = session.one("workbook export")
    language = document_language(lang, session)
    names = [n.strip() for item in only for n in item.split(",") if n.strip()]
    unknown = [n for n in names if n.removesuffix(".yaml") not in REPORT_FILES]
    if unknown:
        raise UsageError("workbook.export.unknown_file", name=unknown[0], expected=", ".join(REPORT_FILES))
    wanted = {n.removesuffix(".yaml") for n in names}
    source = ReportData.of(chosen)
    if source.problems:
        name, (line, column, rule) = next(iter(source.problems.items()))
        raise UsageError("workbook.import.file_broken", path=chosen.file_path(name), line=line, column=column,
                         rule=rule)
    files = [n for n in REPORT_FILES if n in source.data and (not wanted or n in wanted)]
    version = source.schema_version if source.schema_version in session.store.versions else max(
        session.store.versions)
    parts = build_layout(session.store, version, source.data, files, language,
                         lambda name: message(f"workbook.sheet.{name}", language))
    result = export_workbook(source, parts, language)
    target = out or Path(f"workbook-{chosen.entity + '-' if chosen.entity else ''}{chosen.year}.xlsx")
    if target.is_dir():
        raise UsageError("workbook.export.out_is_folder", path=target)
    write_bytes_atomic(target, result.data)
    click.echo(message("workbook.exported", language, {"path": target, "report": chosen.id,
                                                        "sheets": len(result.sheets), "fields": result.fields,
                                                        "records": result.records}))


@workbook.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True)
@click.option("--accept-formulas", is_flag=True)
@click.option("--report", "report_value", default=None, metavar="REPORT")
@lang_option
def import_(file: Path, dry_run: bool, accept_formulas: bool, report_value: str | None, lang: str | None) -> None:
    """Read a filled-in workbook back into its report: the change is shown as rac diff shows it, checked three
    ways against the repository, written with every comment kept (all files or none), then validated.

    Exit 0: imported (or nothing to import); 1: refused (a cell that does not fit, a conflict) or the report has
    errors after the import; 2: not a workbook of this workspace's report.
    """
    from reportascode.diff.formats.changes_text import format_text
    from reportascode.errors import UsageError
    from reportascode.files.atomic import write_files_atomic
    from reportascode.files.writelock import workspace_lock
    from reportascode.messages import default_language, message
    from reportascode.model.config import load_config
    from reportascode.model.schemas import SchemaStore
    from reportascode.model.workspace import Workspace
    from reportascode.workbook.importer import prepare_import
    from reportascode.workbook.outcome import change_diff, conflict_lines, finding_lines, problem_lines

    if not file.is_file():
        raise UsageError("cli.path_missing", path=file)
    target = None
    if report_value is not None:
        from reportascode.validate.session import select_reports

        session = select_reports([report_value], command="workbook import")
        workspace, target = session.workspace, session.one("workbook import")
    else:
        workspace = Workspace.at(Path.cwd())
    config = load_config(workspace.root)
    language = lang or default_language(config.lang)
    store = SchemaStore(workspace.root)
    with workspace_lock(workspace.root, "workbook import"):
        result = prepare_import(file, workspace, store, accept_formulas, target)
        if result.refused:
            for line in problem_lines(result, language) + conflict_lines(result, language):
                click.echo(line, err=True)
            click.echo(message("workbook.import.refused", language, {
                "problems": len(result.problems), "conflicts": len(result.conflicts)}), err=True)
            raise SystemExit(1)
        if result.repository_moved:
            click.echo(message("workbook.import.repository_moved", language, {"count": result.repository_moved}))
        if not result.changes:
            click.echo(message("workbook.import.nothing", language, {"report": result.report.id}))
            raise SystemExit(0)
        click.echo(format_text(change_diff(result, store, file.name), language), nl=False)
        if dry_run:
            click.echo(message("workbook.import.dry_run", language, {"files": len(result.changes)}))
            raise SystemExit(0)
        write_files_atomic({change.path: change.new for change in result.changes})
    click.echo(message("workbook.import.written", language, {"files": len(result.changes),
                                                             "report": result.report.id}))
    from reportascode.validate.engine import validate_reports

    validation = validate_reports([result.report.__class__(workspace, result.report.folder)], config, store)
    for line in finding_lines(validation, result, language):
        click.echo(line)
    raise SystemExit(1 if validation.errors else 0)
