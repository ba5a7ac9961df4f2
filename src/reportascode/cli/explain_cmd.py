"""``rac explain ID``: one rule's documentation, with a failing and a passing example."""

from __future__ import annotations

from pathlib import Path

import click

from reportascode.cli.options import lang_option


def workspace_root() -> Path | None:
    """The workspace around the current directory, if any (its own rules join the catalogue)."""
    from reportascode.errors import UsageError
    from reportascode.model.workspace import find_root

    try:
        return find_root(Path.cwd())
    except UsageError:
        return None


def language(lang: str | None, root: Path | None) -> str:
    """The chosen language, else the workspace's (when run inside one), else the locale's."""
    from reportascode.errors import UsageError
    from reportascode.messages import default_language
    from reportascode.model.config import load_config

    if lang:
        return lang
    try:
        configured = load_config(root).lang if root is not None else None
    except UsageError:  # a broken config is rac validate's business; the catalogue still prints
        configured = None
    return default_language(configured)


@click.command()
@click.argument("rule_id", metavar="ID")
@click.option("--add", "field", metavar="FILE#POINTER", default=None)
@lang_option
def explain(rule_id: str, field: str | None, lang: str | None) -> None:
    """Print the documentation of rule ID (e.g. SEAT-02) and its examples.

    With --add FILE#POINTER (e.g. reports/2024/licence.yaml#/expiry_date): record the values of that warning in
    the report's explanations.yaml, so the explanation stops clearing it when they change (EXPL-02)."""
    from reportascode.rules.catalogue import explain as explain_rule

    root = workspace_root()
    if field is not None:
        _add(rule_id, field, language(lang, root))
        return
    click.echo(explain_rule(rule_id, language(lang, root), root), nl=False)


def _add(rule_id: str, field: str, lang: str) -> None:
    from reportascode.authoring.explain_add import explanations_text, find_warning
    from reportascode.errors import UsageError
    from reportascode.files.atomic import write_text_atomic
    from reportascode.files.writelock import workspace_lock
    from reportascode.messages import message
    from reportascode.model.loader import read_file
    from reportascode.validate.explanations import FILE
    from reportascode.validate.session import select_reports, validate_selection

    file_text, _, pointer = field.partition("#")
    file = Path(file_text)
    if not file.is_file() or file.suffix != ".yaml" or (pointer and not pointer.startswith("/")):
        raise UsageError("explain.bad_field", field=field)
    session = select_reports([str(file)], command="explain")
    report = session.one("explain")
    with workspace_lock(session.workspace.root, "explain"):
        result = validate_selection(session)
        finding = find_warning(result.findings, report, rule_id, file.name, pointer)
        target = report.folder / f"{FILE}.yaml"
        raw, problem = read_file(target) if target.exists() else (b"", None)
        if raw is None or problem is not None:
            raise UsageError("explain.cannot_record", path=report.file_path(FILE), detail=problem.message_key
                             if problem else "")
        text, recorded = explanations_text(report, finding, session.store, raw.decode("utf-8", "replace"))
        write_text_atomic(target, text)
    key = "explain.added" if recorded.added else "explain.recorded"
    click.echo(message(key, lang, {"path": recorded.path, "fingerprint": recorded.fingerprint, "rule": rule_id,
                                   "field": field}))
