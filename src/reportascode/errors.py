"""Exceptions for the tool's own failures (usage, configuration). Problems in reports are findings instead."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any



class RacError(Exception):
    """A failure of the tool or of its invocation, never a problem found in a report. Exit 3 unless overridden."""

    exit_code = 3

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.message_args = args

    def text(self, lang: str) -> str:
        from reportascode.messages import message

        return message(self.key, lang, self.message_args)


class UsageError(RacError):
    """Bad arguments, no workspace, unreadable configuration: exit 2."""

    exit_code = 2


class TemplateError(UsageError):
    """A template that cannot be rendered: a missing variable, bad syntax, a refused name or a sandbox
    violation. The message names the template and the line; exit 2 (a problem of the workspace's templates)."""


class TemplateUndefined(TemplateError):
    """A template read a variable or attribute that does not exist (StrictUndefined)."""


class TemplateSyntax(TemplateError):
    """A template does not parse."""


class TemplateSecurity(TemplateError):
    """A template reached for something the sandbox refuses (Python internals, unsafe calls, names with '..')."""
