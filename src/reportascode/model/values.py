"""Plain report data as exact text: the one JSON encoding that diffs, textconv and the JSON output share.

Numbers are written from their exact decimal text (a ``Decimal`` never goes through ``float``): ``0.148`` stays
``0.148``, ``4650.00`` stays ``4650.00``. Strings are JSON strings with Chinese left unescaped.
"""

from __future__ import annotations

import json
from decimal import Decimal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

Number = int | Decimal


SHORT_LIMIT = 60


def kind_of(value: Any, integers: bool = False) -> str:
    """The JSON type of a plain value: null, boolean, number (``integer`` too when ``integers``), string, object,
    array (or the Python type name). The one type naming of messages, diffs and schema findings."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if integers and isinstance(value, int):
        return "integer"
    if isinstance(value, (int, float, Decimal)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    return type(value).__name__


def is_number(value: Any) -> bool:
    return kind_of(value) == "number"


def same(a: Any, b: Any) -> bool:
    """Equal as data: same JSON type and value (``500`` equals ``500.0``; ``1`` differs from ``true`` and ``"1"``)."""
    kind = kind_of(a)
    if kind != kind_of(b):
        return False
    if kind == "object":
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if kind == "array":
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def number_text(value: Number) -> str:
    """A number's exact decimal text, never in exponent form (``1E+3`` → ``1000``)."""
    if isinstance(value, Decimal):
        if not value.is_finite():
            return json.dumps(str(value))
        text = format(value, "f")
        return "0" if text in ("-0", "+0") else text
    return str(value)


def encode(value: Any, indent: int | None = None, level: int = 0) -> str:
    """JSON text of plain data. ``indent=None`` gives one line with ``", "`` and ``": "`` separators."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return number_text(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{json.dumps(str(k), ensure_ascii=False)}: {encode(v, indent, level + 1)}" for k, v in value.items()]
        return _wrap("{", items, "}", indent, level)
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return _wrap("[", [encode(v, indent, level + 1) for v in value], "]", indent, level)
    return json.dumps(str(value), ensure_ascii=False)


def canonical(value: Any) -> str:
    """A one-line text equal for equal data, whatever the key order (for matching list items by content)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {canonical(value[k])}"
                               for k in sorted(value)) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(canonical(v) for v in value) + "]"
    if isinstance(value, Decimal) and value.is_finite():
        normal = value.normalize()
        return number_text(normal if normal != normal.to_integral_value() else normal.quantize(Decimal(1)))
    return encode(value)


def _wrap(open_: str, items: list[str], close: str, indent: int | None, level: int) -> str:
    if indent is None:
        return open_ + ", ".join(items) + close
    inner = " " * (indent * (level + 1))
    outer = " " * (indent * level)
    return open_ + "\n" + ",\n".join(inner + item for item in items) + "\n" + outer + close


def clip(text: str, limit: int = SHORT_LIMIT) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis: the one shortener for values quoted in messages."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def plain_json(value: Any) -> Any:
    """Plain JSON types for jsonschema-rs: it answers False on Decimal and raises on dates (design §6)."""
    if isinstance(value, dict):
        return {k: plain_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_json(v) for v in value]
    if isinstance(value, Decimal):
        return float(value)
    return value
