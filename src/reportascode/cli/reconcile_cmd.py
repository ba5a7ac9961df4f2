"""``rac reconcile REPORT…``"""

from __future__ import annotations

import sys
import time
from typing import TextIO

import click

from reportascode.cli.options import format_option, lang_option


@click.command()
@click.argument("reports", nargs=-1, required=True, metavar="REPORT...")
@format_option(("text", "json", "markdown"))
@lang_option
@click.option("--strict", is_flag=True)
def reconcile(reports: tuple[str, ...], output_format: str, lang: str | None, strict: bool) -> None:
    """Reconcile report figures with the evidence exports in the report's evidence/ folder.

    REPORT is a report folder, a file inside it, a year or entity/year (docs/selectors.md). Prints the
    discrepancy table (field, report value, evidence value, diff rate, tolerance, verdict) and the findings;
    exits 1 when there are errors.
    """
    from reportascode.messages import default_language
    from reportascode.reconcile import reconcile_report
    from reportascode.reconcile.reconcile_output import FORMATS
    from reportascode.validate.session import select_reports

    session = select_reports(reports, command="reconcile")
    progress = _TerminalProgress(sys.stderr) if sys.stderr.isatty() else None
    results = [reconcile_report(report, session.config, progress=progress) for report in session.reports]
    language = lang or default_language(session.config.lang)
    click.echo(FORMATS[output_format](results, language), nl=False)
    errors = sum(r.errors for r in results)
    warnings = sum(r.warnings for r in results)
    raise SystemExit(1 if errors or (strict and warnings) else 0)


class _TerminalProgress:
    """One self-overwriting line on a terminal's stderr while a large evidence file is read."""

    def __init__(self, stream: TextIO, interval: float = 0.2) -> None:
        self.stream = stream
        self.interval = interval
        self.last = 0.0

    def __call__(self, label: str, rows: int, fraction: float | None, done: bool) -> None:
        if done:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            return
        now = time.monotonic()
        if now - self.last < self.interval:
            return
        self.last = now
        bar = ""
        if fraction is not None:
            filled = int(fraction * 30)
            bar = f" [{'#' * filled}{'.' * (30 - filled)}] {fraction * 100:5.1f}%"
        self.stream.write(f"\r\x1b[K{label}:{bar} {rows:,} rows")
        self.stream.flush()
