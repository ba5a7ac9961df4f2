"""``rac textconv FILE``"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reportascode.cli.options import lang_option


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@lang_option
def textconv(file: Path, lang: str | None) -> None:
    """Print FILE as one `pointer = value` line per field, in a canonical order, for git diff.

    Set up with `reports/**/*.yaml diff=rac` in .gitattributes and `git config diff.rac.textconv "rac textconv"`.
    A file that does not parse is printed as it is. (``--lang`` is accepted as by every command; the output is
    data only.)
    """
    from reportascode.diff.textconv import textconv_file

    data = textconv_file(file)
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:
        sys.stdout.write(data.decode("utf-8", "replace"))
        return
    sys.stdout.flush()
    binary.write(data)
    binary.flush()
