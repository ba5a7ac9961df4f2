"""The fast path of ``rac validate``: its usual command lines parsed without click, whose import costs a pre-commit
run more than validating a report does.

Parsed here (cli/fast_argv.py): ``rac [--traceback] [--lang L] validate [REPORT | --format F | --lang L |
--strict | --engine E | --jobs N | -j N | --no-cache]...``, each value written exactly as click accepts it (a
choice as listed, a count in plain digits).
Every other command line (help, a usage error, an unknown option, a value click would convert or refuse, ``--``,
shell completion, the other commands) is left to click: :func:`parse` returns None. Both paths call the same
:func:`~reportascode.cli.validate_run.run_validate`, and tests/test_validate_argv.py compares their output and exit
codes over a table of command lines, and these options with the click command's."""

from __future__ import annotations

from collections.abc import Sequence

from reportascode.cli.choices import ENGINES, FINDING_FORMATS
from reportascode.cli.fast_argv import COUNT, Options, parse_command, run_without_click
from reportascode.messages import LANGUAGES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

COMMAND = "validate"
OPTIONS: Options = {
    "--format": ("output_format", FINDING_FORMATS),
    "--lang": ("lang", LANGUAGES),
    "--engine": ("engine", ENGINES),
    "--jobs": ("jobs", COUNT),
    "-j": ("jobs", COUNT),
}
FLAGS = {"--strict": "strict", "--no-cache": "no_cache"}
DEFAULTS: dict[str, Any] = {"output_format": FINDING_FORMATS[0], "lang": None, "strict": False,
                            "engine": ENGINES[0], "jobs": None, "no_cache": False}


def parse(args: Sequence[str]) -> dict[str, Any] | None:
    """The arguments of :func:`run_validate` for a command line this path parses, else None (click parses it)."""
    chosen = parse_command(args, COMMAND, OPTIONS, FLAGS, DEFAULTS)
    if chosen is None:
        return None
    chosen["selectors"] = tuple(chosen.pop("arguments"))
    return chosen


def run(options: dict[str, Any], lang: str) -> int:
    """Validate as the click command would, with click's handling of an interrupt and of a closed pipe."""
    from reportascode.cli.validate_run import run_validate

    return run_without_click(run_validate, options, lang)
