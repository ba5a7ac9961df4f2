"""Exceptions for the tool's own failures (usage, configuration). Problems in reports are findings instead."""

from __future__ import annotations

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
