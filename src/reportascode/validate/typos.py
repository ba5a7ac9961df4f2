"""The typing mistakes people make in a report, recognised in a value the schema refused, with the value it
should have been: full-width digits and punctuation, a province's name for its code, dates written the Chinese or
slashed way, amounts with 万/元/thousands separators, a percentage where a ratio belongs, 是/否 for a boolean.

:func:`suggest` looks at the refused value and the (sub)schema that refused it; it returns the message key of the
mistake and the corrected value, or ``None`` when the value is not a mistake it knows (the schema's own message
then stands).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from reportascode.model.lazy_regex import lazy_compile

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_DATE = lazy_compile(r"^(\d{4})\s*(?:年|/|\.|-)\s*(\d{1,2})\s*(?:月|/|\.|-)\s*(\d{1,2})\s*日?$")
_AMOUNT = lazy_compile(r"^(?P<number>[-+]?\d+(?:\.\d+)?)\s*(?P<unit>亿元|亿|万元|万|元)?$")
_PERCENT = lazy_compile(r"^(?P<number>[-+]?\d+(?:\.\d+)?)\s*%$")
_PROVINCE_SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市")
_TRUE = {"是", "对", "有", "开", "开通", "yes", "y", "on", "t", "真"}
_FALSE = {"否", "不", "无", "没有", "关", "no", "n", "off", "f", "假"}
_SEPARATORS = str.maketrans({",": "", "，": "", " ": "", "\u3000": "", "_": ""})
_UNIT_FACTOR = {"亿元": Decimal(10000), "亿": Decimal(10000), "万元": Decimal(1), "万": Decimal(1),
                "元": Decimal("0.0001")}


def suggest(value: Any, schema: Any, keyword: str) -> tuple[str, str] | None:
    """``(message key, corrected value)`` for a value refused for ``keyword`` by ``schema``, or ``None``."""
    if not isinstance(schema, dict):
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, Decimal)):
        return _ratio_as_percent(value, schema) if keyword in ("maximum", "exclusiveMaximum") else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    types = schema.get("type")
    expected = set(types) if isinstance(types, list) else {types}
    if "boolean" in expected and keyword == "type":
        return _boolean(text)
    if expected & {"number", "integer"} and keyword == "type":
        return _number(text, schema, "integer" in expected and "number" not in expected)
    if schema.get("format") == "date" or str(schema.get("pattern", "")).startswith("^\\d{4}-"):
        return _date(text)
    if keyword == "enum" and isinstance(schema.get("x-names"), dict):
        found = _province(text, schema["x-names"])
        if found is not None:
            return found
    normal = _halfwidth(text)
    if normal != text and _accepted(normal, schema):
        return "typo.fullwidth", normal
    return None


def _halfwidth(text: str) -> str:
    """Full-width letters, digits and punctuation as their ASCII forms; 、 as a comma."""
    return unicodedata.normalize("NFKC", text).replace("、", ",").replace("\u3000", " ").strip()


def _accepted(text: str, schema: dict[str, Any]) -> bool:
    enum = schema.get("enum")
    if isinstance(enum, list):
        return text in enum
    pattern = schema.get("pattern")
    if isinstance(pattern, str):
        try:
            return re.search(pattern, text) is not None
        except re.error:
            return False
    return False


def _boolean(text: str) -> tuple[str, str] | None:
    word = _halfwidth(text).lower()
    if word in _TRUE:
        return "typo.boolean", "true"
    if word in _FALSE:
        return "typo.boolean", "false"
    return None


def _number(text: str, schema: dict[str, Any], integer: bool) -> tuple[str, str] | None:
    normal = _halfwidth(text)
    percent = _PERCENT.match(normal.translate(_SEPARATORS))
    if percent is not None:
        number = Decimal(percent["number"])
        if schema.get("maximum") == 1:  # a ratio: a fraction, never a percentage
            return "typo.percent_for_ratio", _plain(number / 100)
        return "typo.number_unit", _plain(number)
    amount = _AMOUNT.match(normal.translate(_SEPARATORS))
    if amount is None:
        return None
    try:
        number = Decimal(amount["number"])
    except InvalidOperation:
        return None
    unit = amount["unit"]
    if unit is not None:
        if schema.get("x-unit") == "万元":
            number *= _UNIT_FACTOR[unit]
        elif unit in ("万", "亿"):  # a count written as 2480万
            number *= Decimal(10000) if unit == "万" else Decimal(100_000_000)
        else:
            return None
    if integer and number != number.to_integral_value():
        return None
    if schema.get("x-unit") == "万元":
        return "typo.amount", _plain(number)
    if unit is None and "," not in normal and "，" not in text:
        return ("typo.fullwidth", _plain(number)) if normal != text else None
    return "typo.number", _plain(number)


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text


def _ratio_as_percent(value: int | Decimal, schema: dict[str, Any]) -> tuple[str, str] | None:
    if schema.get("maximum") == 1 and 1 < value <= 100:
        return "typo.percent_for_ratio", _plain(Decimal(value) / 100)
    return None


def _date(text: str) -> tuple[str, str] | None:
    match = _DATE.match(_halfwidth(text))
    if match is None:
        return None
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    fixed = day.isoformat()
    return None if fixed == text else ("typo.date", fixed)


def _province(text: str, names: dict[str, Any]) -> tuple[str, str] | None:
    name = _halfwidth(text)
    for suffix in _PROVINCE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            break
    for code, short in names.items():
        if name == short:
            return "typo.province", str(code)
    return None
