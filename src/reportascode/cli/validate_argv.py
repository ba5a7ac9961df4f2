"""The fast path of ``rac validate``: its usual command lines parsed without click, whose import costs a pre-commit
run more than validating a report does.

Parsed here: ``rac [--traceback] [--lang L] validate [REPORT | --format F | --lang L | --strict | --engine E |
--jobs N | -j N | --no-cache]...``, each value written exactly as click accepts it (a choice as listed, a count
in plain digits).
Every other command line (help, a usage error, an unknown option, a value click would convert or refuse, ``--``,
shell completion, the other commands) is left to click: :func:`parse` returns None. Both paths call the same
:func:`~reportascode.cli.validate_run.run_validate`, and tests/test_validate_argv.py compares their output and exit
codes over a table of command lines, and these options with the click command's."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence
from typing import Any

from reportascode.cli.choices import ENGINES, FINDING_FORMATS
from reportascode.messages import LANGUAGES

COMMAND = "validate"
# option -> (parameter, accepted values; None: a count of at least 1)
GROUP_OPTIONS: dict[str, tuple[str, tuple[str, ...] | None]] = {"--lang": ("lang", LANGUAGES)}
GROUP_FLAGS = {"--traceback": "traceback"}
OPTIONS: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "--format": ("output_format", FINDING_FORMATS),
    "--lang": ("lang", LANGUAGES),
    "--engine": ("engine", ENGINES),
    "--jobs": ("jobs", None),
    "-j": ("jobs", None),
}
FLAGS = {"--strict": "strict", "--no-cache": "no_cache"}
DEFAULTS: dict[str, Any] = {"output_format": FINDING_FORMATS[0], "lang": None, "strict": False,
                            "engine": ENGINES[0], "jobs": None, "no_cache": False}


def parse(args: Sequence[str]) -> dict[str, Any] | None:
    """The arguments of :func:`run_validate` for a command line this path parses, else None (click parses it)."""
    if os.environ.get("_RAC_COMPLETE"):  # click's shell completion
        return None
    group: dict[str, Any] = {}
    index = _parse_options(args, 0, group, GROUP_OPTIONS, GROUP_FLAGS, stop=COMMAND)
    if index is None or index >= len(args) or args[index] != COMMAND:
        return None
    chosen: dict[str, Any] = dict(DEFAULTS)
    chosen["selectors"] = []
    if _parse_options(args, index + 1, chosen, OPTIONS, FLAGS, stop=None) is None:
        return None
    chosen["selectors"] = tuple(chosen["selectors"])
    chosen["lang"] = chosen["lang"] or group.get("lang")  # `rac --lang en validate`, as cli/options.py does
    return chosen


def _parse_options(args: Sequence[str], index: int, into: dict[str, Any],
                   options: dict[str, tuple[str, tuple[str, ...] | None]], flags: dict[str, str],
                   stop: str | None) -> int | None:
    """Options (and, without ``stop``, positional selectors) from ``index`` on, into ``into``; the index where
    ``stop`` stands (or the end), or None for anything this path leaves to click."""
    while index < len(args):
        arg = args[index]
        if arg == stop:
            return index
        if not arg.startswith("-"):
            if stop is not None:  # before the command: a command name other than validate
                return None
            into["selectors"].append(arg)
            index += 1
            continue
        if arg in flags:
            into[flags[arg]] = True
            index += 1
            continue
        name, equals, value = arg.partition("=")
        if arg.startswith("--") and equals:
            index += 1
        elif arg in options and index + 1 < len(args):
            name, value = arg, args[index + 1]
            index += 2
        elif not arg.startswith("--") and arg[:2] in options and len(arg) > 2:  # -j4
            name, value = arg[:2], arg[2:]
            index += 1
        else:
            return None
        if name not in options:
            return None
        parameter, accepted = options[name]
        converted = _accept(value, accepted)
        if converted is None:
            return None
        into[parameter] = converted
    return index if stop is None else None


def _accept(value: str, accepted: tuple[str, ...] | None) -> str | int | None:
    if accepted is not None:
        return value if value in accepted else None
    if value.isascii() and value.isdigit() and not value.startswith("0"):
        return int(value)
    return None


def run(options: dict[str, Any], lang: str) -> int:
    """Validate as the click command would, with click's handling of an interrupt and of a closed pipe."""
    from reportascode.cli.echo import echo, quiet_closed_pipe
    from reportascode.cli.validate_run import run_validate
    from reportascode.messages import message

    try:
        run_validate(**options)
    except (EOFError, KeyboardInterrupt):
        echo("", err=True)
        echo(message("cli.aborted", lang), err=True)
        return 2
    except OSError as exc:  # `rac validate | head`: click quiets the closed pipe and exits 1
        if exc.errno != errno.EPIPE:
            raise
        quiet_closed_pipe()
        sys.exit(1)
