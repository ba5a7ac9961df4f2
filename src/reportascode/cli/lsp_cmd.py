"""``rac lsp``"""

from __future__ import annotations

import click

from reportascode.cli.options import lang_option


@click.command()
@lang_option
def lsp(lang: str | None) -> None:
    """Serve the Language Server Protocol over stdin/stdout: the findings of rac validate live in the editor.

    Needs the optional extra: pip install 'reportascode[lsp]'. See docs/editors.md for editor set-up.
    """
    from reportascode.errors import UsageError

    try:
        from reportascode.lsp.server import serve
    except ImportError as missing:
        if (missing.name or "").partition(".")[0] == "reportascode":  # rac's own module: a bug, not the extra
            raise
        from reportascode.messages.install import install_command

        raise UsageError("lsp.not_installed", install=install_command("lsp", "pygls"), detail=str(missing)) from None
    serve(lang)
