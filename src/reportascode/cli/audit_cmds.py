"""``rac log``, ``rac blame``, ``rac freeze``, ``rac submit``, ``rac verify``: the audit trail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from reportascode.cli.options import lang_option
from reportascode.messages import message


def _report(selector: str, command: str):  # type: ignore[no-untyped-def]
    """The one report a command works on, chosen by the selector grammar (docs/selectors.md)."""
    from reportascode.validate.session import select_reports

    session = select_reports([selector], command=command)
    return session, session.one(command)


def _lang(lang: str | None, session) -> str:  # type: ignore[no-untyped-def]
    from reportascode.messages import default_language

    return lang or default_language(session.config.lang)


@click.command("log")
@click.argument("report")
@click.option("--since", default=None)
@click.option("--format", "output_format", type=click.Choice(["text", "markdown", "json"]), default="text")
@click.option("--no-cache", is_flag=True)
@lang_option
def log(report: str, since: str | None, output_format: str, no_cache: bool, lang: str | None) -> None:
    """Each commit that changed REPORT's data, newest first, with field-level changes.

    REPORT is a report folder, a file inside it, a year or entity/year, or REV:REPORT for the history up to a
    revision (rac/2024/locked:2024); see docs/selectors.md.
    """
    from reportascode.cli.history_run import run_log

    run_log(report, since, output_format, no_cache, lang)


@click.command("blame")
@click.argument("file")
@click.argument("pointer", required=False)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@click.option("--no-cache", is_flag=True)
@lang_option
def blame(file: str, pointer: str | None, output_format: str, no_cache: bool, lang: str | None) -> None:
    """For each leaf field of FILE (or POINTER and below), the commit that last changed its value.

    FILE is a file inside a report folder, or REV:FILE for the file as it was in a revision
    (docs/selectors.md)."""
    from reportascode.cli.history_run import run_blame

    run_blame(file, pointer, output_format, no_cache, lang)


@click.command("freeze")
@click.argument("report")
@click.option("--sign", is_flag=True)
@lang_option
def freeze(report: str, sign: bool, lang: str | None) -> None:
    """Lock REPORT's data: commit a manifest of file hashes and tag it rac/<report>/locked."""
    from reportascode.files.writelock import workspace_lock
    from reportascode.history.lock import freeze as freeze_report
    from reportascode.history.manifest import tag_name
    from reportascode.validate.engine import validate_reports
    from reportascode.validate.formats.findings_common import summary

    session, selected = _report(report, "freeze")
    with workspace_lock(session.workspace.root, "freeze"):  # nothing changes between validation and the lock
        result = validate_reports([selected], session.config, session.store)
        manifest = freeze_report(selected, result.errors, summary(result), sign)
    language = _lang(lang, session)
    completed = message("freeze.completed", language) if manifest.extra.get("completed") else ""
    click.echo(message("freeze.done", language, {"tag": tag_name(selected, "locked"), "commit": manifest.commit[:10],
                                                  "files": len(manifest.files), "completed": completed}))


@click.command("submit")
@click.argument("report")
@click.option("--date", "date", required=True, type=click.DateTime(["%Y-%m-%d"]))
@click.option("--documents", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None)
@lang_option
def submit(report: str, date: dt.datetime, documents: Path | None, lang: str | None) -> None:
    """Record the submission of a locked REPORT in its manifest and tag rac/<report>/submitted."""
    from reportascode.files.writelock import workspace_lock
    from reportascode.history.lock import submission_lateness
    from reportascode.history.lock import submit as submit_report
    from reportascode.history.manifest import tag_name
    from reportascode.messages import message

    session, selected = _report(report, "submit")
    with workspace_lock(session.workspace.root, "submit"):
        manifest = submit_report(selected, date.date(), documents)
    documents_count = len((manifest.submission or {}).get("documents") or {})
    click.echo(message("submit.done", _lang(lang, session), {"tag": tag_name(selected, "submitted"),
                                                             "date": date.date().isoformat(),
                                                             "documents": documents_count}))
    lateness = submission_lateness(selected, date.date())
    if lateness is not None:
        click.echo(message(f"submit.{lateness}", _lang(lang, session),
                           {"date": date.date().isoformat(), "deadline": f"{selected.year + 1}-03-31",
                            "closes": f"{selected.year + 1}-04-30"}), err=True)


@click.command("verify")
@click.argument("report", required=False)
@click.option("--document", "document", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None)
@lang_option
def verify(report: str | None, document: Path | None, lang: str | None) -> None:
    """Compare the working tree and HEAD with REPORT's lock manifest and tags; exit 1 on any difference.
    With --document, whether that rendered document was made from REPORT's locked data."""
    from reportascode.errors import UsageError
    from reportascode.history.history_output import verify_text
    from reportascode.history.lock import verify as verify_report
    from reportascode.history.manifest import Manifest

    if document is not None:
        _verify_document(report, document, lang)
        return
    if report is None:
        raise UsageError("verify.document_needs_report")
    session, selected = _report(report, "verify")
    result = verify_report(selected)
    manifest = Manifest.read(selected.folder)
    click.echo(verify_text(result, selected.id, manifest.commit if manifest else "", manifest.commit_date
                           if manifest else "", _lang(lang, session)), nl=False)
    raise SystemExit(0 if result.intact else 1)


def _verify_document(report: str | None, document: Path, lang: str | None) -> None:
    from reportascode.history.fingerprint import read_document, verify_document
    from reportascode.messages import message

    if report is None:  # the report the document names, in the workspace around the current folder
        from reportascode.model.workspace import Workspace

        found = read_document(document)
        root = Workspace.at(Path.cwd()).root
        named = (root / found.report).resolve() if found is not None else root
        report = str(named if named.is_dir() and named.is_relative_to(root.resolve()) else Path.cwd())
    session, selected = _report(report, "verify")
    verdict = verify_document(document, selected)
    click.echo(message(verdict.key, _lang(lang, session), verdict.args))
    raise SystemExit(0 if verdict.matches else 1)
