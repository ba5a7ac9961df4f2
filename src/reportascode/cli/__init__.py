"""The ``rac`` command. Commands live one per module and are imported only when invoked, so that
``rac validate`` in a pre-commit hook pays for nothing it does not use: its usual command lines are even parsed
without click (validate_argv.py), as are those of ``rac log`` and ``rac blame`` (history_argv.py); the click
group is in group.py. Exit codes are decided here."""

from __future__ import annotations

import errno
import sys

import reportascode.cli.deferred_imports  # noqa: F401  (first: before anything imports dataclasses)
from reportascode.cli import language, validate_argv
from reportascode.cli.echo import echo
from reportascode.errors import RacError
from reportascode.messages import message

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# command name -> "module:function"; each module holds one click command.
COMMANDS: dict[str, str] = {
    "validate": "reportascode.cli.validate_cmd:validate",
    "rules": "reportascode.cli.rules_cmd:rules",
    "explain": "reportascode.cli.explain_cmd:explain",
    "reconcile": "reportascode.cli.reconcile_cmd:reconcile",
    "init": "reportascode.cli.init_cmd:init",
    "new-year": "reportascode.cli.new_year_cmd:new_year",
    "fmt": "reportascode.cli.fmt_cmd:fmt",
    "set": "reportascode.cli.set_cmd:set_",
    "timeline": "reportascode.cli.timeline_cmd:timeline",
    "schema": "reportascode.cli.schema_cmd:schema",
    "log": "reportascode.cli.audit_cmds:log",
    "blame": "reportascode.cli.audit_cmds:blame",
    "freeze": "reportascode.cli.audit_cmds:freeze",
    "submit": "reportascode.cli.audit_cmds:submit",
    "verify": "reportascode.cli.audit_cmds:verify",
    "render": "reportascode.cli.render_cmd:render",
    "build": "reportascode.cli.build_cmd:build",
    "diff": "reportascode.cli.diff_cmd:diff",
    "textconv": "reportascode.cli.textconv_cmd:textconv",
    "trends": "reportascode.cli.trends_cmd:trends",
    "workbook": "reportascode.cli.workbook_cmd:workbook",
    "lsp": "reportascode.cli.lsp_cmd:lsp",
}


def _escape_what_the_streams_cannot_encode() -> None:
    """A terminal whose encoding can't hold Chinese (``PYTHONIOENCODING=latin-1``, an old C locale) shows what it
    can't encode as ``\\u`` escapes: the command still runs and exits as it should, never exit 3 on printing."""
    import io

    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the command and map every outcome onto the exit codes of design §3."""
    args = sys.argv[1:] if argv is None else argv
    show_traceback = "--traceback" in args
    from reportascode.files.paths import confine

    confine(None)  # set again when the command finds its workspace
    _escape_what_the_streams_cannot_encode()
    if not sys.warnoptions:  # a dependency's warning (ruamel's reused anchor…) is not the user's business
        import warnings

        warnings.simplefilter("ignore")
    fast = validate_argv.parse(args)
    if fast is not None and argv is None:
        _collect_less()
    lang = language.resolve(args)
    history = None
    if fast is None:  # (imported only then: its command table costs rac validate's fast path ~3 ms)
        from reportascode.cli import history_argv

        history = history_argv.parse(args)
    try:
        if fast is not None:
            language.use_without_click(lang)
            code: Any = validate_argv.run(fast, lang)
        elif history is not None:
            language.use_without_click(lang)
            code = history_argv.run(history, lang)
        else:
            from reportascode.cli.group import run_click

            code = run_click(args, lang)
    except RacError as exc:
        echo(f"rac: {exc.text(lang)}", err=True)
        code = exc.exit_code
    except OSError as exc:  # a full disk, a read-only folder, no permission: the environment, not a bug (exit 2)
        if show_traceback or exc.errno not in _ENVIRONMENT_ERRORS:
            if show_traceback:
                raise
            code = _internal(exc)
        else:
            where = exc.filename if exc.filename is not None else "?"
            echo(f"rac: {message('cli.os_error', lang, {'path': where, 'detail': exc.strerror})}", err=True)
            code = 2
    except Exception as exc:  # a bug: one line, the traceback only on request
        if show_traceback:
            raise
        code = _internal(exc)
    finally:
        language.restore()
        if (history is not None or fast is not None) and argv is None:  # a process of rac validate, log or blame
            import gc  # about to end: what it made lives to its end, so the collector's last pass over it is skipped

            gc.freeze()
    sys.exit(code if isinstance(code, int) else 0)


def _collect_less() -> None:
    """A ``rac validate`` process of its own: what it imported lives to its end, so the cyclic collector leaves it
    alone (frozen) and runs less often over what comes after: its passes were ~4 % of a run's instructions
    (bench/README.md). It still runs, so a cycle made in a long run is still freed."""
    import gc

    gc.freeze()
    gc.set_threshold(10_000, 20, 20)


_ENVIRONMENT_ERRORS = frozenset({errno.ENOSPC, errno.EACCES, errno.EPERM, errno.EROFS, errno.EDQUOT, errno.EIO,
                                 errno.ENAMETOOLONG, errno.EMFILE, errno.ENFILE, errno.ENOTDIR, errno.EISDIR})


def _internal(exc: Exception) -> int:
    detail = f"{type(exc).__name__}: {exc}"
    echo(f"rac: {message('cli.internal_error', language.current(), {'detail': detail})}", err=True)
    return 3


def __getattr__(name: str) -> Any:
    """``reportascode.cli.cli`` (the click group) and ``LazyGroup``, imported with click only when asked for."""
    if name in ("cli", "LazyGroup"):
        from reportascode.cli import group

        return getattr(group, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
