"""jsonschema-rs, imported without the modules it loads only to describe its own build.

When its extension module starts, jsonschema-rs turns its build time ("Thu, 12 Nov 2026 07:50:16 +0000") into a
datetime for ``__build__`` with ``email.utils.parsedate_to_datetime``, and importing ``email.utils`` pulls in
socket, random, calendar, urllib and the email package: ~10 ms of a ~100 ms ``rac validate``, for a value rac
never reads. While the extension starts, ``email.utils`` is a stand-in whose ``parsedate_to_datetime`` reads that
one date format itself (giving the same datetime); any other text goes to the real function. The stand-in is
removed right after, so whoever imports ``email.utils`` later gets the real module.

Likewise its package imports :mod:`typing` for ``TYPE_CHECKING`` alone (~3 ms, and nothing else on the validate
path imports it): while it starts, ``typing`` is a stand-in that holds only ``TYPE_CHECKING = False``. Should a
release ask it for anything else, the import is made again with the real module; a module imported meanwhile
that kept hold of the stand-in is given the real one."""

from __future__ import annotations

import datetime as dt
import sys
import types

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def import_jsonschema_rs() -> Any | None:
    """The ``jsonschema_rs`` module, or None when it is not installed."""
    if "jsonschema_rs" in sys.modules:
        return _plain_import()
    stand_ins: dict[str, types.ModuleType] = {}
    if "email.utils" not in sys.modules:
        stand_ins["email.utils"] = types.ModuleType("email.utils")
        stand_ins["email.utils"].parsedate_to_datetime = _parsedate_to_datetime  # type: ignore[attr-defined]
    if "typing" not in sys.modules:
        stand_ins["typing"] = types.ModuleType("typing")
        stand_ins["typing"].TYPE_CHECKING = False  # type: ignore[attr-defined]
    before = set(sys.modules)
    sys.modules.update(stand_ins)
    imported: Any = None
    try:
        import jsonschema_rs

        imported = jsonschema_rs
    except ImportError:  # not installed, or it asked the stand-in for more than TYPE_CHECKING
        pass
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if "typing" in stand_ins:
        _give_real_typing(set(sys.modules) - before, stand_ins["typing"])
    if imported is None:
        for name in [n for n in sys.modules if n == "jsonschema_rs" or n.startswith("jsonschema_rs.")]:
            del sys.modules[name]
        return _plain_import()
    return imported


def _give_real_typing(imported: set[str], stand_in: types.ModuleType) -> None:
    """Every module imported while ``stand_in`` stood for ``typing`` that kept hold of it gets the real one."""
    for name in imported:
        namespace = vars(sys.modules[name])
        for key, value in list(namespace.items()):
            if value is stand_in:
                import typing

                namespace[key] = typing


def _plain_import() -> Any | None:
    try:
        import jsonschema_rs
    except ImportError:
        return None
    return jsonschema_rs


def _parsedate_to_datetime(text: str) -> dt.datetime:
    """``email.utils.parsedate_to_datetime`` for ``Thu, 12 Nov 2026 07:50:16 +0000``; other forms: the real one."""
    try:
        _weekday, day, month, year, clock, zone = text.split()
        hour, minute, second = (int(part) for part in clock.split(":"))
        if len(zone) != 5 or zone[0] not in "+-" or not zone[1:].isdigit() or zone == "-0000":  # -0000: naive
            raise ValueError(zone)
        offset = dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[3:]))
        return dt.datetime(int(year), _MONTHS.index(month) + 1, int(day), hour, minute, second,
                           tzinfo=dt.timezone(-offset if zone[0] == "-" else offset))
    except ValueError:
        if getattr(sys.modules.get("email.utils"), "parsedate_to_datetime", None) is _parsedate_to_datetime:
            del sys.modules["email.utils"]  # the real module from here on
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(text)
