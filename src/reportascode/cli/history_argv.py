"""The fast path of ``rac log`` and ``rac blame``: their usual command lines parsed without click. A warm run (the
history cache at or near HEAD) is mostly start-up, and click's import was a third of it.

Parsed here (cli/fast_argv.py): ``rac [--traceback] [--lang L] log REPORT [--since REV | --format F | --no-cache |
--lang L]...`` and ``rac [--traceback] [--lang L] blame FILE [POINTER] [--format F | --no-cache | --lang L]...``.
Every other command line (help, a missing or extra argument, an unknown option or value, ``--``, a value that
starts with ``-``) is left to click: :func:`parse` returns None. Both paths call the same functions
(cli/history_run.py); tests/test_history_argv.py compares their output and exit codes over a table of command
lines, and these options with the click commands'."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from reportascode.cli.fast_argv import TEXT, Options, parse_command, run_without_click
from reportascode.messages import LANGUAGES


class Command(NamedTuple):
    options: Options
    flags: dict[str, str]
    defaults: dict[str, Any]
    arguments: tuple[str, ...]  # the positional parameters, in order
    required: int  # how many of them must be given
    run: str  # the function of cli/history_run.py


COMMANDS = {
    "log": Command({"--since": ("since", TEXT), "--format": ("output_format", ("text", "markdown", "json")),
                    "--lang": ("lang", LANGUAGES)}, {"--no-cache": "no_cache"},
                   {"since": None, "output_format": "text", "no_cache": False, "lang": None},
                   ("report",), 1, "run_log"),
    "blame": Command({"--format": ("output_format", ("text", "json")), "--lang": ("lang", LANGUAGES)},
                     {"--no-cache": "no_cache"}, {"output_format": "text", "no_cache": False, "lang": None},
                     ("file", "pointer"), 1, "run_blame"),
}


def parse(args: Sequence[str]) -> tuple[str, dict[str, Any]] | None:
    """The command and the arguments of its run function for a command line this path parses, else None."""
    for name, command in COMMANDS.items():
        chosen = parse_command(args, name, command.options, command.flags, command.defaults)
        if chosen is not None:
            break
    else:
        return None
    given = chosen.pop("arguments")
    if not command.required <= len(given) <= len(command.arguments):
        return None
    chosen.update(dict.fromkeys(command.arguments))
    chosen.update(zip(command.arguments, given, strict=False))
    return command.run, chosen


def run(parsed: tuple[str, dict[str, Any]], lang: str) -> int:
    """Run the command as its click command would (an interrupt, a closed pipe: as click handles them)."""
    from reportascode.cli import history_run

    function, options = parsed
    return run_without_click(getattr(history_run, function), options, lang)
