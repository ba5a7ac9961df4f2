"""``rac build``"""

from __future__ import annotations

from pathlib import Path

import click

from reportascode.cli.options import lang_option


@click.command()
@click.option("--out", type=click.Path(path_type=Path), default=None)
@click.option("--draft", is_flag=True)
@lang_option
def build(out: Path | None, draft: bool, lang: str | None) -> None:
    """Validate every report, render each valid one into build/<report>/ in every format (PDF when WeasyPrint
    and a CJK font are available), and write build/index.html. Exit 1 if any report has errors.
    """
    from reportascode.cli.report_output import echo_run
    from reportascode.files.writelock import workspace_lock
    from reportascode.publish.build import build_workspace, document_language
    from reportascode.validate.session import select_reports

    session = select_reports((), command="build")
    target = out if out is not None else session.workspace.root / "build"
    with workspace_lock(session.workspace.root, "build"):
        run = build_workspace(session, target, document_language(lang, session), draft)
    echo_run(run, session, lang)
    raise SystemExit(1 if run.failed else 0)
