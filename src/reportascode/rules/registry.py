"""The check registry and the context a check reads a report through."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reportascode.model.findings import Finding, Severity, make_args
from reportascode.model.loader import resolve_pointer

if TYPE_CHECKING:
    from reportascode.model.config import Config
    from reportascode.model.workspace import Report

CheckFunction = Callable[["CheckContext"], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    """One registered check. ``basis``: V regulation (verified), A agency claim, I internal design choice.

    ``thresholds`` maps each configurable threshold name to its default (text, read as Decimal); a workspace
    overrides it in ``.reportascode.yaml`` under ``thresholds: {<id>: {<name>: <number>}}``.
    """

    id: str
    severity: Severity
    reads: tuple[str, ...]
    basis: str
    func: CheckFunction
    thresholds: Mapping[str, str] = field(default_factory=dict)


CHECKS: dict[str, Check] = {}


def register(
    check_id: str, severity: Severity, reads: tuple[str, ...], basis: str = "V",
    thresholds: Mapping[str, str] | None = None,
) -> Callable[[CheckFunction], CheckFunction]:
    """Register ``func`` as check ``check_id``. Its messages live in the catalogues under ``check.<id>``."""
    if basis not in ("V", "A", "I"):
        raise ValueError(f"check {check_id}: basis must be V, A or I, not {basis!r}")

    def decorate(func: CheckFunction) -> CheckFunction:
        if check_id in CHECKS:
            raise ValueError(f"check {check_id} registered twice")
        CHECKS[check_id] = Check(check_id, severity, reads, basis, func, dict(thresholds or {}))
        return func

    return decorate


class CheckContext:
    """What a check sees: one report's data (by file name), its previous year, the config, and a finding maker."""

    def __init__(self, report: Report, config: Config, check: Check) -> None:
        self.report = report
        self.config = config
        self.check = check

    @property
    def year(self) -> int:
        return self.report.year

    @property
    def previous(self) -> Report | None:
        return self.report.previous

    def data(self, name: str) -> Any:
        """A file's plain data; ``None`` when it is missing or unreadable."""
        return self.report.data(name)

    def get(self, name: str, pointer: str, default: Any = None) -> Any:
        """The value at ``pointer`` in file ``name``, or ``default`` when absent."""
        data = self.data(name)
        if data is None:
            return default
        try:
            return resolve_pointer(data, pointer)
        except (KeyError, IndexError, ValueError, TypeError):
            return default

    def threshold(self, name: str, default: Decimal | int | str | None = None) -> Decimal:
        """A configurable threshold: the workspace's value, else ``default``, else the registered default."""
        if default is None:
            default = self.check.thresholds[name]
        return self.config.threshold(self.check.id, name, default)

    def variant(self, name: str) -> str:
        """The message key of one of this check's message variants: ``check.<id>.<name>``."""
        return f"check.{self.check.id}.{name}"

    def finding(self, name: str, pointer: str, key: str | None = None, at: str = "value",
                severity: Severity | None = None, **args: Any) -> Finding:
        """A finding of this check at ``pointer`` in file ``name``.

        ``at`` is ``value`` (the value that is wrong), ``key`` (the key naming it) or ``container`` (for a
        missing member: the key of the mapping that should hold it). ``key`` defaults to ``check.<id>``; a
        variant is ``check.<id>.<variant>``. ``severity`` defaults to the check's own (a check may add an
        info note, or escalate, as SIG-03 does after the late-filing month).
        """
        doc = self.report.document(name)
        if doc is None:
            line, column = 1, 1
        elif at == "key":
            line, column = doc.key_position(pointer)
        elif at == "container":
            line, column = doc.container_position(pointer)
        else:
            line, column = doc.value_position(pointer)
        return Finding(
            rule=self.check.id,
            severity=severity or self.check.severity,
            file=self.report.file_path(name),
            line=line,
            column=column,
            pointer=pointer,
            message_key=key or f"check.{self.check.id}",
            args=make_args(args),
            report=self.report.id,
        )
