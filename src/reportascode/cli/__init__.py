"""The ``rac`` command. Commands live one per module and are imported only when invoked, so that
``rac validate`` in a pre-commit hook pays for nothing it does not use. Exit codes are decided here."""

from __future__ import annotations

import errno
import importlib
import sys
from typing import Any

import click

from reportascode import __version__
from reportascode.cli import language
from reportascode.errors import RacError
from reportascode.messages import LANGUAGES, message

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


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, _, attribute = target.partition(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        language.localize_help(cmd_name, command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rac")
@click.option("--traceback", is_flag=True, help="Show the Python traceback of an internal error.")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Message language for every command (default: workspace config, else locale, else zh).")
@click.pass_context
def cli(ctx: click.Context, traceback: bool, lang: str | None) -> None:
    """reportascode: the annual report (年报) of a call-centre licence, as code."""
    ctx.ensure_object(dict)
    ctx.obj["traceback"] = traceback
    ctx.obj["lang"] = lang


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the command and map every outcome onto the exit codes of design §3."""
    args = sys.argv[1:] if argv is None else argv
    show_traceback = "--traceback" in args
    from reportascode.files.paths import confine

    confine(None)  # set again when the command finds its workspace
    if not sys.warnoptions:  # a dependency's warning (ruamel's reused anchor…) is not the user's business
        import warnings

        warnings.simplefilter("ignore")
    lang = language.resolve(args)
    language.use(lang)  # click's own texts too, from here on
    language.localize_help("rac", cli)
    try:
        code: Any = cli.main(args=args, prog_name="rac", standalone_mode=False)
    except click.exceptions.Exit as exit_:
        code = exit_.exit_code
    except click.exceptions.Abort:
        click.echo(message("cli.aborted", lang), err=True)
        code = 2
    except click.ClickException as exc:
        exc.show()
        code = 2
    except RacError as exc:
        click.echo(f"rac: {exc.text(lang)}", err=True)
        code = exc.exit_code
    except OSError as exc:  # a full disk, a read-only folder, no permission: the environment, not a bug (exit 2)
        if show_traceback or exc.errno not in _ENVIRONMENT_ERRORS:
            if show_traceback:
                raise
            code = _internal(exc)
        else:
            where = exc.filename if exc.filename is not None else "?"
            click.echo(f"rac: {message('cli.os_error', lang, {'path': where, 'detail': exc.strerror})}", err=True)
            code = 2
    except Exception as exc:  # a bug: one line, the traceback only on request
        if show_traceback:
            raise
        code = _internal(exc)
    finally:
        language.restore()
    sys.exit(code if isinstance(code, int) else 0)


_ENVIRONMENT_ERRORS = frozenset({errno.ENOSPC, errno.EACCES, errno.EPERM, errno.EROFS, errno.EDQUOT, errno.EIO,
                                 errno.ENAMETOOLONG, errno.EMFILE, errno.ENFILE, errno.ENOTDIR, errno.EISDIR})


def _internal(exc: Exception) -> int:
    detail = f"{type(exc).__name__}: {exc}"
    click.echo(f"rac: {message('cli.internal_error', language.current(), {'detail': detail})}", err=True)
    return 3
