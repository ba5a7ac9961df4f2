"""Command lines parsed without click, for the commands whose usual runs are mostly start-up (``rac validate`` in
a pre-commit hook, a warm ``rac log`` or ``rac blame``): click's import costs them more than their work.

Parsed here: ``rac [--traceback] [--lang L] COMMAND [ARGUMENT | --option VALUE | --option=VALUE | -xVALUE |
--flag]...``, each value written exactly as click accepts it (a choice as listed, a count in plain digits, a text
that does not start with ``-``). Every other command line (help, a usage error, an unknown option, a value click
would convert or refuse, ``--``, shell completion) is left to click: :func:`parse_command` returns None. Each
command's tests compare both paths' output and exit codes over a table of command lines (tests/test_*_argv.py).
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Sequence

from reportascode.messages import LANGUAGES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

TEXT = ("",)  # accepted values of an option that takes any text (that does not look like an option)
COUNT = None  # accepted values of an option that takes a count of at least 1
# option -> (parameter, accepted values: a tuple of choices, TEXT or COUNT)
Options = dict[str, tuple[str, tuple[str, ...] | None]]

GROUP_OPTIONS: Options = {"--lang": ("lang", LANGUAGES)}
GROUP_FLAGS = {"--traceback": "traceback"}


def parse_command(args: Sequence[str], command: str, options: Options, flags: dict[str, str],
                  defaults: dict[str, Any]) -> dict[str, Any] | None:
    """``defaults`` updated by the options given and ``arguments``: the positional arguments in order; None for
    any command line of another command or one left to click. ``--lang`` before the command counts when the
    command has none (as cli/options.py's callback does)."""
    if os.environ.get("_RAC_COMPLETE"):  # click's shell completion
        return None
    group: dict[str, Any] = {}
    index = _parse_options(args, 0, group, GROUP_OPTIONS, GROUP_FLAGS, stop=command)
    if index is None or index >= len(args) or args[index] != command:
        return None
    chosen: dict[str, Any] = dict(defaults)
    chosen["arguments"] = []
    if _parse_options(args, index + 1, chosen, options, flags, stop=None) is None:
        return None
    chosen["lang"] = chosen.get("lang") or group.get("lang")
    return chosen


def _parse_options(args: Sequence[str], index: int, into: dict[str, Any], options: Options, flags: dict[str, str],
                   stop: str | None) -> int | None:
    """Options (and, without ``stop``, positional arguments) from ``index`` on, into ``into``; the index where
    ``stop`` stands (or the end), or None for anything this path leaves to click."""
    while index < len(args):
        arg = args[index]
        if arg == stop:
            return index
        if not arg.startswith("-"):
            if stop is not None:  # before the command: a command name other than this one
                return None
            into["arguments"].append(arg)
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
    if accepted is TEXT:
        return value if value and not value.startswith("-") else None
    if accepted is not None:
        return value if value in accepted else None
    if value.isascii() and value.isdigit() and not value.startswith("0"):
        return int(value)
    return None


def run_without_click(run: Callable[..., Any], options: dict[str, Any], lang: str) -> int:
    """``run(**options)`` as a click command would run, with click's handling of an interrupt and of a closed
    pipe; 0 when it returns."""
    from reportascode.cli.echo import echo, quiet_closed_pipe
    from reportascode.messages import message

    try:
        run(**options)
    except (EOFError, KeyboardInterrupt):
        echo("", err=True)
        echo(message("cli.aborted", lang), err=True)
        return 2
    except OSError as exc:  # `rac log | head`: click quiets the closed pipe and exits 1
        if exc.errno != errno.EPIPE:
            raise
        quiet_closed_pipe()
        sys.exit(1)
    return 0
