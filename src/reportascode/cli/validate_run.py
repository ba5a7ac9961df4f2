"""What ``rac validate`` does once its options are parsed: the click command (validate_cmd.py) and the fast path
that parses the common command lines itself (validate_argv.py) both call :func:`run_validate`."""

from __future__ import annotations

from collections.abc import Sequence

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn


def run_validate(selectors: Sequence[str], output_format: str, lang: str | None, strict: bool, engine: str,
                 jobs: int | None, no_cache: bool) -> NoReturn:
    import os

    from reportascode.cli.echo import echo
    from reportascode.cli.progress import progress_counter
    from reportascode.messages import default_language
    from reportascode.validate.engine import PARALLEL_MIN_REPORTS
    from reportascode.validate.formats import FORMATTERS
    from reportascode.validate.session import select_reports, validate_selection

    session = select_reports(selectors, command="validate", parser="auto" if engine == "fast" else "ruamel",
                             fast=engine == "fast")
    result = validate_selection(session, jobs or os.cpu_count() or 1,
                                progress_counter("reports", PARALLEL_MIN_REPORTS), use_cache=not no_cache)
    language = lang or default_language(session.config.lang)
    echo(FORMATTERS[output_format](result, language), nl=False)
    failed = result.errors > 0 or (strict and result.warnings > 0)
    raise SystemExit(1 if failed else 0)
