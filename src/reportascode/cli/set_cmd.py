"""``rac set FILE POINTER VALUE``"""

from __future__ import annotations

from pathlib import Path

import click

from reportascode.cli.options import lang_option


@click.command("set", context_settings={"ignore_unknown_options": True})
@click.argument("file", type=click.Path(path_type=Path))
@click.argument("pointer")
@click.argument("value")
@lang_option
def set_(file: Path, pointer: str, value: str, lang: str | None) -> None:
    """Set one value of a report file; nothing else in the file changes.

    POINTER is an RFC 6901 JSON pointer (/seats/total, /by_province/0/seats; "" for the whole file). VALUE is
    read as YAML (610, 8460.50, "33", null, true, []); where the schema wants text it is taken as text. The value
    is checked against the schema first: exit 1 with the schema's message when it does not fit, 2 for a usage
    problem (no such file or pointer).
    """
    from reportascode.authoring.setvalue import SetRefused, set_value
    from reportascode.errors import UsageError
    from reportascode.files.atomic import write_text_atomic
    from reportascode.files.writelock import workspace_lock
    from reportascode.messages import default_language, message
    from reportascode.model.loader import read_file
    from reportascode.model.schemas import REPORT_FILES
    from reportascode.model.workspace import relative
    from reportascode.validate.session import select_reports

    session = select_reports([str(file)], command="set")
    workspace = session.workspace
    language = lang or default_language(session.config.lang)
    report = session.one("set")
    file = session.one_file("set")
    if file.suffix != ".yaml" or file.stem not in REPORT_FILES:
        raise UsageError("set.not_report_file", path=file, expected=", ".join(f"{n}.yaml" for n in REPORT_FILES))
    if pointer and not pointer.startswith("/"):
        raise UsageError("set.bad_pointer", pointer=pointer)
    store = session.store
    version = report.schema_version if report.schema_version in store.versions else max(store.versions)
    display = relative(workspace.root, file)
    with workspace_lock(workspace.root, "set"):  # read, change and write with no other writer in between
        raw, problem = read_file(file)  # bounded: a huge file or a pipe is refused unread
        try:
            text = raw.decode("utf-8") if raw is not None else ""
        except UnicodeDecodeError as exc:
            raise UsageError("set.not_utf8", path=display) from exc
        try:
            if problem is not None:
                raise SetRefused("set.unreadable", 1, line=problem.line, column=problem.column, rule=problem.rule)
            result = set_value(text, file.stem, pointer, value, store, version, display)
        except SetRefused as refused:
            click.echo(f"rac: {display}: {message(refused.key, language, refused.message_args)}", err=True)
            for finding in refused.findings:
                click.echo(f"  {finding.rule} {message(finding.message_key, language, finding.arguments)}",
                           err=True)
            raise SystemExit(refused.exit_code) from None
        if result.text != text:
            write_text_atomic(file, result.text)
    key = "set.added" if result.added else "set.done"
    click.echo(message(key, language, {"path": display, "line": result.line, "column": result.column,
                                       "pointer": pointer or "/", "value": result.rendered}))
