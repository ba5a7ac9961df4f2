"""Text to stdout or stderr without importing click, written as ``click.echo`` writes it. click writes text as it
is to a text stream with a known, non-ASCII encoding (or to a StringIO); for anything else (an ASCII-only stream,
a stream of bytes, ANSI escape codes to strip off a terminal) this hands the text to ``click.echo`` itself, so the
output is the same either way. Used by the paths that must start without click (the fast path of ``rac validate``)."""

from __future__ import annotations

import codecs
import errno
import io
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def echo(text: str, *, nl: bool = True, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    if stream is None:  # no standard stream attached (pythonw): click writes nothing either
        return
    if nl:
        text += "\n"
    if "\x1b" in text or not _as_click_writes_it(stream):
        import click

        click.echo(text, nl=False, err=err)
        return
    if text:
        stream.write(text)
    stream.flush()


def _as_click_writes_it(stream: object) -> bool:
    """Whether click would write to ``stream`` itself (not to a wrapper it makes around the stream's buffer)."""
    if type(stream) is io.StringIO:
        return True
    if not isinstance(stream, io.TextIOWrapper) or stream.errors is None or not stream.encoding:
        return False
    try:
        return codecs.lookup(stream.encoding).name != "ascii"
    except LookupError:
        return False


class _QuietFlush:
    """A standard stream whose flush ignores a closed pipe, as click wraps them (``rac validate | head``): the
    interpreter flushes them once more on exit."""

    def __init__(self, wrapped: Any) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)


def quiet_closed_pipe() -> None:
    sys.stdout = _QuietFlush(sys.stdout)
    sys.stderr = _QuietFlush(sys.stderr)
