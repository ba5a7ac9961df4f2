"""How values read in documents: money in 万元 with two decimals and thousands separators, counts with
separators, ratios as percentages, dates in Chinese form (2025年3月18日) in Chinese documents.

Pure functions of a value and a language; they never raise on odd input (a draft of a broken report still
renders), they show it as it is.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from typing import Any

from reportascode.messages import message

EMPTY = "—"
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")

# units as the schemas write them; their names in each language are the messages "unit.<unit>"
UNITS = ("万元", "席", "次", "分钟", "秒", "人", "天", "%", "路", "家", "万元/席")


def to_decimal(value: Any) -> Decimal | None:
    """A number as Decimal (from its text, never through float arithmetic); ``None`` for anything else."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            return Decimal(value.replace(",", "").strip())
        except InvalidOperation:
            return None
    return None


def quantize(value: Decimal, places: int) -> Decimal:
    """``value`` rounded to ``places`` decimals, however many digits it has (the loader lets through up to 300:
    more than the default context's 28, where quantize would fail)."""
    if not value.is_finite():
        return value
    digits = max(value.adjusted(), 0) + places + 2
    with localcontext() as context:
        context.prec = max(context.prec, digits)
        context.Emax = max(context.Emax, digits)
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def money(value: Any, places: int = 2) -> str:
    """``8460`` → ``8,460.00`` (万元 is in the label or header, not repeated in every cell)."""
    number = to_decimal(value)
    if number is None:
        return _as_text(value)
    return f"{quantize(number, places):,.{places}f}"


def count(value: Any) -> str:
    """``24800000`` → ``24,800,000``."""
    number = to_decimal(value)
    if number is None:
        return _as_text(value)
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number:,}"


def number(value: Any, places: int | None = None) -> str:
    num = to_decimal(value)
    if num is None:
        return _as_text(value)
    if places is None:
        return f"{num:,}"
    return f"{quantize(num, places):,.{places}f}"


def percent(value: Any, places: int = 2) -> str:
    """A ratio stored as a fraction: ``0.148`` → ``14.80%``."""
    number = to_decimal(value)
    if number is None:
        return _as_text(value)
    return f"{quantize(number * 100, places):,.{places}f}%"


def percent_value(value: Any, places: int = 2) -> str:
    """A value already in percent: ``70`` → ``70.00%``."""
    number = to_decimal(value)
    if number is None:
        return _as_text(value)
    return f"{quantize(number, places):,.{places}f}%"


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = _ISO_DATE.match(value)
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
    return None


def date(value: Any, lang: str) -> str:
    """``2025-03-18`` → ``2025年3月18日`` in Chinese documents, ``2025-03-18`` in English ones."""
    day = parse_date(value)
    if day is None:
        return _as_text(value)
    return message("value.date", lang, {"year": day.year, "month": day.month, "day": day.day})


def yesno(value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return message("value.yes" if value else "value.no", lang)
    return _as_text(value)


def unit_text(unit: str | None, lang: str) -> str | None:
    if unit is None:
        return None
    return message(f"unit.{unit}", lang) if unit in UNITS else unit


def with_unit(label: str, unit: str | None, lang: str) -> str:
    """``坐席总数`` + ``席`` → ``坐席总数（席）``; ``Total seats (seats)`` in English."""
    shown = unit_text(unit, lang)
    if not shown:
        return label
    return message("text.parenthesised", lang, {"text": label, "detail": shown})


def _as_text(value: Any) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, list):
        return "、".join(_as_text(v) for v in value) if value else EMPTY
    return str(value)
