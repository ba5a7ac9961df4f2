"""What ``rac render`` and ``rac build`` print: per report, its status and errors; the files written."""

from __future__ import annotations

import click

from reportascode.model.selector import Selection
from reportascode.model.workspace import relative
from reportascode.publish.build import RunOutcome, skip_notes


def echo_run(run: RunOutcome, session: Selection, lang: str | None) -> None:
    from reportascode.messages import default_language, message
    from reportascode.validate.formats.findings_text import finding_lines

    language = lang or default_language(session.config.lang)
    root = session.workspace.root
    for outcome in run.outcomes:
        report = outcome.report.id
        errors = len(outcome.errors)
        for line in finding_lines(outcome.errors, language):
            click.echo(line, err=True)
        # the report's counts, as rac validate counts them (explained and waived apart)
        click.echo(message("render.counts", language, {"report": report, **outcome.counts.as_dict()}),
                   err=bool(errors))
        if not outcome.rendered:
            click.echo(message("render.refused", language, {"report": report, "errors": errors}), err=True)
        elif run.index is None and outcome.draft:
            click.echo(message("render.draft", language, {"report": report}))
        elif run.index is not None and outcome.draft:
            click.echo(message("build.report_draft", language,
                               {"report": report, "errors": errors, "files": len(outcome.files)}))
        elif run.index is not None:
            click.echo(message("build.report_ok", language, {"report": report, "files": len(outcome.files)}))
    for note in skip_notes(run.skipped, language):  # a part left out is said, on stderr, never silently
        click.echo(note, err=True)
    if run.index is None:
        for path in run.written:
            click.echo(message("render.wrote", language, {"path": relative(root, path)}))
    else:
        click.echo(message("build.index", language, {"path": relative(root, run.index)}))
