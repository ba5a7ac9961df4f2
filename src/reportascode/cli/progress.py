"""A one-line progress counter on stderr, without click (the validate path starts without it)."""

from __future__ import annotations

from collections.abc import Callable


def progress_counter(unit: str, minimum: int) -> Callable[[int, int], None] | None:
    """A one-line ``done/total unit`` counter on stderr, only on a terminal and for runs of ``minimum`` or more;
    ``unit`` names the message ``progress.<unit>``."""
    import sys

    from reportascode.cli.echo import echo
    from reportascode.cli.language import current
    from reportascode.messages import message

    if not sys.stderr.isatty():
        return None
    unit = message(f"progress.{unit}", current())

    def show(done: int, total: int) -> None:
        if total >= minimum and (done % 50 == 0 or done == total):
            echo(f"\r{done}/{total} {unit}", err=True, nl=done == total)

    return show
