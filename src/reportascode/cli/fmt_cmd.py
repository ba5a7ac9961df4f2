"""``rac fmt [PATH…] [--check]``"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

import click

from reportascode.cli.options import lang_option

if TYPE_CHECKING:
    from reportascode.model.workspace import Workspace


@click.command()
@click.argument("selectors", nargs=-1, metavar="[REPORT]...")
@click.option("--check", is_flag=True)
@lang_option
def fmt(selectors: tuple[str, ...], check: bool, lang: str | None) -> None:
    """Put report files in canonical form, keeping every value and comment exactly.

    Keys in schema order, two-space indentation, quotes where another YAML reader would misread a value.
    REPORTs are report files, report folders, the workspace, years or entity/year (docs/selectors.md); without
    REPORT, every report. Files that are not one
    of the eleven report files are left alone. Each file is written atomically, and only after the loader reads
    back the same data and every comment is still there; otherwise it is refused and left unchanged.
    """
    from reportascode.files.writelock import workspace_lock
    from reportascode.messages import default_language, message
    from reportascode.model.config import load_config
    from reportascode.model.selector import selector_workspace

    workspace = selector_workspace(selectors, Path.cwd())
    language = lang or default_language(load_config(workspace.root).lang)
    with contextlib.nullcontext() if check else workspace_lock(workspace.root, "fmt"):
        changed, unchanged, refused = _format_all(workspace, selectors, check, language)
    summary = "fmt.summary_check" if check else "fmt.summary"
    click.echo(message(summary, language, {"changed": changed, "unchanged": unchanged, "refused": refused}),
               err=True)
    raise SystemExit(1 if refused or (check and changed) else 0)


def _format_all(workspace: Workspace, selectors: tuple[str, ...], check: bool, language: str) -> tuple[int, int, int]:
    """Format every selected file (each read, checked and written while the workspace lock is held)."""
    from reportascode.authoring.fmt import format_file, select_files, short_diff
    from reportascode.files.atomic import write_text_atomic
    from reportascode.messages import message

    changed = refused = unchanged = 0
    for target in select_files(workspace, selectors):
        result = format_file(target.path, target.display, target.name, target.navigator)
        if result.refused is not None:
            refused += 1
            reason = message(result.refused.key, language, result.refused.message_args)
            click.echo(message("fmt.refused", language, {"path": target.display, "reason": reason}), err=True)
            continue
        if not result.changed or result.after is None:
            unchanged += 1
            continue
        changed += 1
        if check:
            click.echo(message("fmt.would_reformat", language, {"path": target.display}))
            click.echo(short_diff(result.before, result.after, target.display), nl=False)
        else:
            write_text_atomic(target.path, result.after)
            click.echo(message("fmt.reformatted", language, {"path": target.display}))
    return changed, unchanged, refused
