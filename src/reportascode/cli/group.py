"""The ``rac`` click group: every command but the common command lines of ``rac validate`` (cli/validate_argv.py)
goes through click here. Commands live one per module and are imported only when invoked."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

import click

from reportascode import __version__
from reportascode.cli import COMMANDS, language
from reportascode.messages import LANGUAGES, message


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
@click.option("--traceback", is_flag=True)
@click.option("--lang", type=click.Choice(LANGUAGES), default=None)
@click.pass_context
def cli(ctx: click.Context, traceback: bool, lang: str | None) -> None:
    """reportascode: the annual report (年报) of a call-centre licence, as code."""
    ctx.ensure_object(dict)
    ctx.obj["traceback"] = traceback
    ctx.obj["lang"] = lang


def run_click(args: Sequence[str], lang: str) -> Any:
    """Run the command line through click; click's own exits and errors become exit codes (design §3)."""
    language.use(lang)  # click's own texts too, from here on
    language.localize_help("rac", cli)
    try:
        return cli.main(args=list(args), prog_name="rac", standalone_mode=False)
    except click.exceptions.Exit as exit_:
        return exit_.exit_code
    except click.exceptions.Abort:
        click.echo(message("cli.aborted", lang), err=True)
        return 2
    except click.ClickException as exc:
        exc.show()
        return 2
