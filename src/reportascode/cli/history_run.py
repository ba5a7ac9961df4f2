"""What ``rac log`` and ``rac blame`` do once their options are parsed: the click commands (audit_cmds.py) and the
fast path that parses their common command lines itself (history_argv.py) both call these. A warm history run
is mostly start-up, so nothing here imports click or validation."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def history_selection(selector: str, command: str) -> Any:
    """What ``rac log``/``rac blame`` name: the selector grammar with revisions, and the config checked as every
    command checks it, without importing validation."""
    from reportascode.model.config import load_config
    from reportascode.model.selector import select

    return select([selector], command=command, revisions=True,
                  load=lambda root: load_config(root, None, _threshold_names))


def _threshold_names(rule_id: str) -> frozenset[str] | None:
    from reportascode.rules.registry import threshold_names  # asked only when the config sets thresholds

    return threshold_names(rule_id)


def _language(lang: str | None, session: Any) -> str:
    from reportascode.messages import default_language

    return lang or default_language(session.config.lang)


def run_log(report: str, since: str | None, output_format: str, no_cache: bool, lang: str | None) -> None:
    from reportascode.cli.echo import echo
    from reportascode.cli.progress import progress_counter
    from reportascode.history.history_output import log_json, log_text
    from reportascode.history.log import report_log, report_log_json, revision_log

    session = history_selection(report, "log")
    progress = progress_counter("commits", 200)
    if session.revisions:
        entries = revision_log(session.revisions[0], session.workspace, Path.cwd(), since, progress=progress)
        text = log_json(entries) if output_format == "json" else log_text(entries, _language(lang, session),
                                                                          output_format == "markdown")
    elif output_format == "json":  # as log_json(report_log(…)) writes it, from the texts the cache keeps
        text = report_log_json(session.one("log"), since, progress=progress, use_cache=not no_cache)
    else:
        entries = report_log(session.one("log"), since, progress=progress, use_cache=not no_cache)
        text = log_text(entries, _language(lang, session), output_format == "markdown")
    echo(text, nl=False)


def run_blame(file: str, pointer: str | None, output_format: str, no_cache: bool, lang: str | None) -> None:
    from reportascode.cli.echo import echo
    from reportascode.cli.progress import progress_counter
    from reportascode.history.blame import blame as blame_fields
    from reportascode.history.blame import revision_blame
    from reportascode.history.history_output import blame_json, blame_text

    session = history_selection(file, "blame")
    if session.revisions:
        entries = revision_blame(session.revisions[0], session.workspace, Path.cwd(), pointer)
    else:
        entries = blame_fields(session.one_file("blame"), pointer, use_cache=not no_cache,
                               progress=progress_counter("commits", 200))
    echo(blame_json(entries) if output_format == "json" else blame_text(entries, _language(lang, session)),
         nl=False)
