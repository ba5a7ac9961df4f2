"""What a workbook cell holds for one field of the data model, read from the schema: its kind (integer, number,
date, yes/no, a choice, text, a list), and the conversions both ways.

Export: a report value becomes what a person types (``33`` → ``33 浙江``, ``true`` → ``是``, a date string → a date
cell). Import: whatever a spreadsheet program stored (a number, a date, text typed into a number cell) becomes
the typed value the schema wants, or a :class:`CellRefused` naming what is wrong. Nothing here evaluates a formula.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from reportascode.authoring.schema_nav import SchemaNavigator
from reportascode.validate.placeholders import PLACEHOLDER, is_placeholder

MAX_TEXT = 4000  # characters in one cell's text: a figure or a name, not a document
_ISO_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")
_NUMBER_TEXT = re.compile(r"[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?")
_LIST_SEPARATORS = re.compile(r"[\n,，;；、]+")
_TRUE = frozenset({"是", "yes", "y", "true", "1", "√", "✓"})
_FALSE = frozenset({"否", "no", "n", "false", "0", "×", "✗"})
EMPTY = object()  # an empty cell
# Lists whose items are ids of other records (a number's trunks, a trunk's numbers): several may be typed in one
# line, separated by commas. Other lists of text (evidence, special conditions) take one item per line.
REFERENCE_LISTS = frozenset({("numbers", "/*/trunk_ids"), ("trunks", "/*/numbers")})


class CellRefused(Exception):
    """The cell's content does not fit the field. ``key`` is a message key, ``args`` its arguments."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


@dataclass(frozen=True)
class CellKind:
    kind: str  # integer, number, date, boolean, enum, string, list
    nullable: bool = False
    places: int | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    choices: tuple[Any, ...] = ()
    names: dict[str, str] = field(default_factory=dict)
    item: CellKind | None = None
    unit: str | None = None
    identifier: bool = False  # text with a pattern (an id, a number): no spaces or commas inside

    # -- export ---------------------------------------------------------------------------------------------------

    def choice_text(self, value: Any) -> str:
        """``33 浙江`` for a code with a name, else the value itself as text."""
        text = str(value)
        name = self.names.get(text)
        return f"{text} {name}" if name and name != text else text

    def to_cell(self, value: Any, yes_no: tuple[str, str]) -> tuple[Any, bool]:
        """(what to write, whether it must be written as text). ``None`` writes an empty cell."""
        if value is None:
            return None, False
        if is_placeholder(value):
            return str(value).strip(), True
        if self.kind == "list":
            if not isinstance(value, list):
                return str(value), True
            item = self.item or CellKind("string")
            return "\n".join(str(item.to_cell(v, yes_no)[0]) for v in value), True
        if self.kind == "boolean" and isinstance(value, bool):
            return (yes_no[0] if value else yes_no[1]), True
        if self.kind == "enum" and not isinstance(value, (dict, list)):
            return self.choice_text(value), True
        if self.kind == "date" and isinstance(value, str):
            match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
            if match:
                try:
                    return dt.date(int(match[1]), int(match[2]), int(match[3])), False
                except ValueError:
                    pass
            return value, True
        if self.kind in ("integer", "number") and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            as_float = float(value)
            if abs(as_float) < 1e15 and Decimal(repr(as_float)) == value:  # a double holds it exactly
                return (int(value) if isinstance(value, int) else as_float), False
            return str(value), True
        if isinstance(value, (dict, list)):
            from reportascode.model.values import encode

            return encode(value), True
        if isinstance(value, bool):
            return ("true" if value else "false"), True
        return str(value), True

    # -- import ---------------------------------------------------------------------------------------------------

    def from_cell(self, raw: Any, base: Any = None) -> Any:
        """The typed value of a cell (``EMPTY`` for an empty one); raises :class:`CellRefused`."""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return EMPTY
        if isinstance(raw, str):
            if len(raw) > MAX_TEXT:
                raise CellRefused("workbook.cell.too_long", limit=MAX_TEXT)
            if is_placeholder(raw):
                return PLACEHOLDER
        if self.kind == "list":
            return self._list(raw)
        return self.scalar(raw, base)

    def scalar(self, raw: Any, base: Any = None) -> Any:
        if self.kind == "integer":
            return self._check_range(self._integer(raw))
        if self.kind == "number":
            return self._check_range(self._number(raw, base))
        if self.kind == "date":
            return _date(raw)
        if self.kind == "boolean":
            return _boolean(raw)
        if self.kind == "enum":
            return self._choice(raw)
        return _text(raw)

    def _list(self, raw: Any) -> list[Any]:
        item = self.item or CellKind("string")
        text = _text(raw)
        free_text = item.kind == "string" and not item.identifier
        parts = text.split("\n") if free_text else _LIST_SEPARATORS.split(text)
        values = []
        for part in (p.strip() for p in parts):
            if part:
                values.append(item.scalar(part))
        return values

    def _integer(self, raw: Any) -> int:
        if isinstance(raw, bool):
            raise CellRefused("workbook.cell.not_integer")
        if isinstance(raw, int):
            return raw
        if isinstance(raw, float):
            if raw != raw or raw in (float("inf"), float("-inf")) or not raw.is_integer():
                raise CellRefused("workbook.cell.not_integer")
            return int(raw)
        number = _number_text(raw, "workbook.cell.not_integer")
        if number != number.to_integral_value():
            raise CellRefused("workbook.cell.not_integer")
        return int(number)

    def _number(self, raw: Any, base: Any) -> int | Decimal:
        if isinstance(raw, bool):
            raise CellRefused("workbook.cell.not_number")
        if isinstance(raw, int):
            number = Decimal(raw)
        elif isinstance(raw, float):
            if raw != raw or raw in (float("inf"), float("-inf")):
                raise CellRefused("workbook.cell.not_number")
            number = Decimal(repr(raw))  # the shortest text that reads back as this double: what was typed
        else:
            number = _number_text(raw, "workbook.cell.not_number")
        if self.places is not None:
            exponent = number.normalize().as_tuple().exponent
            if isinstance(exponent, int) and -exponent > self.places:
                raise CellRefused("workbook.cell.places", places=self.places)
        return _like_base(number, base)

    def _check_range(self, value: int | Decimal) -> int | Decimal:
        if self.minimum is not None and value < self.minimum:
            raise CellRefused("workbook.cell.below", minimum=_plain(self.minimum))
        if self.maximum is not None and value > self.maximum:
            raise CellRefused("workbook.cell.above", maximum=_plain(self.maximum))
        return value

    def _choice(self, raw: Any) -> Any:
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        text = _text(raw) if not isinstance(raw, int) or isinstance(raw, bool) else str(raw)
        for choice in self.choices:
            if text == str(choice) or text == self.choice_text(choice):
                return choice
        head = text.split(" ", 1)[0]
        for choice in self.choices:
            if head == str(choice):
                return choice
        by_name = [c for c in self.choices if self.names.get(str(c)) == text]
        if len(by_name) == 1:
            return by_name[0]
        shown = "、".join(self.choice_text(c) for c in self.choices[:8]) + ("…" if len(self.choices) > 8 else "")
        raise CellRefused("workbook.cell.not_choice", choices=shown)


def _plain(number: Decimal) -> str:
    from reportascode.model.values import number_text

    return number_text(number)


def _like_base(number: Decimal, base: Any) -> int | Decimal:
    """An integral number as an int, unless the field held a decimal with places: then kept to those places
    (``7362.30`` edited to 7400.5 stays two places, ``7400.50``)."""
    if isinstance(base, Decimal) and not isinstance(base, bool):
        exponent = base.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        normal = number.normalize().as_tuple().exponent
        if places and isinstance(normal, int) and -normal <= places:
            return number.quantize(Decimal(1).scaleb(-places))
    if number == number.to_integral_value():
        return int(number)
    return number.normalize() if "E" not in str(number.normalize()) else number


def _number_text(raw: Any, key: str) -> Decimal:
    text = _text(raw).replace(" ", "")
    if not _NUMBER_TEXT.fullmatch(text):
        raise CellRefused(key)
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise CellRefused(key) from None


def _text(raw: Any) -> str:
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(sep=" ")
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw)


def _date(raw: Any) -> str:
    if isinstance(raw, dt.datetime):
        if raw.time() != dt.time():
            raise CellRefused("workbook.cell.not_date")
        return raw.date().isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, str):
        match = _ISO_DATE.fullmatch(raw.strip())
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
            except ValueError:
                pass
    raise CellRefused("workbook.cell.not_date")


def _boolean(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, (int, float)) and raw in (0, 1):
        return bool(raw)
    text = _text(raw).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellRefused("workbook.cell.not_boolean")


def kind_at(navigator: SchemaNavigator, name: str, pointer: str) -> CellKind:
    """The cell kind of the value at ``pointer`` of file ``name`` (list indices as ``0``)."""
    nodes = [c.node for c in navigator.at(name, pointer)]
    types: set[str] = set()
    enum: list[Any] = []
    names: dict[str, str] = {}
    places = minimum = maximum = None
    unit = None
    is_date = has_pattern = False
    for node in nodes:
        declared = node.get("type")
        if isinstance(declared, str):
            types.add(declared)
        elif isinstance(declared, list):
            types.update(str(t) for t in declared)
        for value in node.get("enum") or []:
            if value is None:
                types.add("null")
            elif value not in enum:
                enum.append(value)
        names.update({str(k): str(v) for k, v in (node.get("x-names") or {}).items()})
        places = node.get("x-decimals", places)
        minimum = node.get("minimum", minimum)
        maximum = node.get("maximum", maximum)
        unit = node.get("x-unit", unit)
        is_date = is_date or node.get("format") == "date"
        has_pattern = has_pattern or isinstance(node.get("pattern"), str)
    nullable = "null" in types
    if "array" in types:
        item = kind_at(navigator, name, f"{pointer}/0")
        pattern = "/".join("*" if t.isdigit() else t for t in pointer.split("/"))
        if (name, pattern) in REFERENCE_LISTS:
            item = CellKind(item.kind, item.nullable, choices=item.choices, names=item.names, identifier=True)
        return CellKind("list", nullable, item=item, unit=unit)
    if enum:
        return CellKind("enum", nullable, choices=tuple(enum), names=names, unit=unit)
    if is_date:
        return CellKind("date", nullable, unit=unit)
    if "boolean" in types:
        return CellKind("boolean", nullable, unit=unit)
    if "number" in types or "integer" in types:
        return CellKind("number" if "number" in types else "integer", nullable,
                        places=places if isinstance(places, int) and "number" in types else None,
                        minimum=_decimal(minimum), maximum=_decimal(maximum), unit=unit)
    return CellKind("string", nullable, unit=unit, identifier=has_pattern)


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(str(value))
    return None
