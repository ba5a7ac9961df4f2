"""The assertion language of workspace rules (``rules/*.yaml``): a small, closed subset of Python expressions.

The text is parsed with :func:`ast.parse` (parsing only: nothing is compiled to bytecode or run) and the syntax tree
is translated, node by node, against an allow-list into this module's own node records; anything not on the list
is refused with its position. Evaluation walks those records, never Python's, so an assertion can reach nothing but
the values bound to its names and the functions of :data:`FUNCTIONS`.

Allowed: numbers, text in quotes, the names bound in ``reads``, ``True``/``False``, comparisons (chained),
``in``/``not in``, ``and``/``or``/``not``, ``+ - * / // %``, unary ``-``/``+``, parentheses, ``a if c else b``,
list literals, and calls to :data:`FUNCTIONS`. Refused: attribute access, subscripts, lambdas, comprehensions,
``**``, keyword arguments, f-strings, ``:=``, unknown names, any other call.

Arithmetic is Decimal (28 significant digits; a literal becomes a Decimal from its own text, so ``0.1 + 0.2 == 0.3``
holds). The work is bounded: at most :data:`MAX_LENGTH` characters, :data:`MAX_NODES` parts and :data:`MAX_DEPTH`
levels, no exponent operator, literals within 10^±:data:`MAX_LITERAL_EXPONENT`.
"""

from __future__ import annotations

import ast
import decimal
from collections.abc import Callable, Collection, Mapping
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from reportascode.messages import Bilingual
from reportascode.model.values import clip, kind_of

MAX_LENGTH = 500
MAX_NODES = 200
MAX_DEPTH = 100
MAX_LITERAL_EXPONENT = 100
MAX_ROUND_PLACES = 10

_CONTEXT = decimal.Context(
    prec=28, rounding=ROUND_HALF_EVEN, Emin=-999_999, Emax=999_999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


class _Missing:
    """The value of a name whose field is absent (or null) in the report."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class ExpressionError(Exception):
    """An assertion refused when the rule is loaded. ``offset`` is a character offset into the assertion text."""

    def __init__(self, key: str, offset: int, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.offset = offset
        self.message_args = args


class EvaluationError(Exception):
    """An assertion that cannot be evaluated on one report's values. ``name``: the read it is about, if known."""

    def __init__(self, key: str, name: str | None = None, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.name = name
        self.message_args = args


class MissingValue(Exception):
    """The assertion needed the value of ``name``, which the report does not have."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


# ----------------------------------------------------------------------------------------------- the node records

class Node:
    """A checked part of an assertion; ``offset``: where it starts in the text. (Plain slotted classes, not
    dataclasses: this module is imported on every ``rac validate`` and must cost next to nothing.)"""

    __slots__ = ("offset",)

    def __init__(self, offset: int) -> None:
        self.offset = offset


class Literal(Node):
    __slots__ = ("value",)

    def __init__(self, offset: int, value: Any) -> None:
        super().__init__(offset)
        self.value = value


class Var(Node):
    __slots__ = ("name",)

    def __init__(self, offset: int, name: str) -> None:
        super().__init__(offset)
        self.name = name


class Unary(Node):
    __slots__ = ("op", "operand")

    def __init__(self, offset: int, op: str, operand: Node) -> None:  # op: "-", "+", "not"
        super().__init__(offset)
        self.op = op
        self.operand = operand


class Arith(Node):
    __slots__ = ("left", "op", "right")

    def __init__(self, offset: int, op: str, left: Node, right: Node) -> None:  # op: + - * / // %
        super().__init__(offset)
        self.op = op
        self.left = left
        self.right = right


class Logic(Node):
    __slots__ = ("op", "values")

    def __init__(self, offset: int, op: str, values: tuple[Node, ...]) -> None:  # op: "and", "or"
        super().__init__(offset)
        self.op = op
        self.values = values


class Compare(Node):
    __slots__ = ("left", "ops")

    def __init__(self, offset: int, left: Node, ops: tuple[tuple[str, Node], ...]) -> None:
        super().__init__(offset)
        self.left = left
        self.ops = ops


class Choice(Node):
    __slots__ = ("body", "orelse", "test")

    def __init__(self, offset: int, test: Node, body: Node, orelse: Node) -> None:
        super().__init__(offset)
        self.test = test
        self.body = body
        self.orelse = orelse


class Call(Node):
    __slots__ = ("args", "function")

    def __init__(self, offset: int, function: str, args: tuple[Node, ...]) -> None:
        super().__init__(offset)
        self.function = function
        self.args = args


class Sequence(Node):
    __slots__ = ("items",)

    def __init__(self, offset: int, items: tuple[Node, ...]) -> None:
        super().__init__(offset)
        self.items = items


# --------------------------------------------------------------------------------------------------- functions

def kind(value: Any) -> str:
    """The data-model type name of a value (the ``type.*`` message keys)."""
    return "null" if value is MISSING else kind_of(value)


def short(value: Any) -> str:
    """A value as a message shows it."""
    if value is MISSING or value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f") if abs(value.adjusted()) < 30 else str(value)
    if isinstance(value, list):
        text = ", ".join(short(v) for v in value[:20]) + (", …" if len(value) > 20 else "")
        return f"[{text}]"
    if isinstance(value, dict):
        return "{…}"
    return clip(str(value))


def _number(value: Any, operation: str, name: str | None = None) -> Decimal:
    if isinstance(value, Decimal):
        return value
    raise EvaluationError("rules.eval.needs_number", name, operation=operation, kind=_kind_arg(value),
                          value=short(value))


def _numbers(args: tuple[Any, ...], operation: str) -> list[Decimal]:
    items = args[0] if len(args) == 1 and isinstance(args[0], list) else list(args)
    if len(args) == 1 and not isinstance(args[0], list):
        raise EvaluationError("rules.eval.needs_list", operation=operation, kind=_kind_arg(args[0]))
    if not items:
        raise EvaluationError("rules.eval.empty", operation=operation)
    return [_number(v, operation) for v in items]


def _list(value: Any, operation: str) -> list[Any]:
    if isinstance(value, list):
        return value
    raise EvaluationError("rules.eval.needs_list", operation=operation, kind=_kind_arg(value))


def _booleans(value: Any, operation: str) -> list[bool]:
    items = _list(value, operation)
    for item in items:
        if not isinstance(item, bool):
            raise EvaluationError("rules.eval.needs_boolean", operation=operation, kind=_kind_arg(item),
                                  value=short(item))
    return items


def _fn_abs(x: Any) -> Decimal:
    return abs(_number(x, "abs()"))


def _fn_min(*args: Any) -> Decimal:
    return min(_numbers(args, "min()"))


def _fn_max(*args: Any) -> Decimal:
    return max(_numbers(args, "max()"))


def _fn_sum(values: Any) -> Decimal:
    return sum(_numbers_or_empty(values, "sum()"), Decimal(0))


def _numbers_or_empty(values: Any, operation: str) -> list[Decimal]:
    return [_number(v, operation) for v in _list(values, operation)]


def _fn_len(value: Any) -> Decimal:
    if isinstance(value, (str, list, dict)):
        return Decimal(len(value))
    raise EvaluationError("rules.eval.needs_list", operation="len()", kind=_kind_arg(value))


def _fn_round(x: Any, places: Any = Decimal(0)) -> Decimal:
    """Round half up (四舍五入), to ``places`` decimal places."""
    number = _number(x, "round()")
    count = _number(places, "round()")
    if count != count.to_integral_value() or not 0 <= count <= MAX_ROUND_PLACES:
        raise EvaluationError("rules.eval.places", limit=MAX_ROUND_PLACES, value=short(count))
    return number.quantize(Decimal((0, (1,), -int(count))), rounding=ROUND_HALF_UP)


def _fn_all(values: Any) -> bool:
    return all(_booleans(values, "all()"))


def _fn_any(values: Any) -> bool:
    return any(_booleans(values, "any()"))


class Function(NamedTuple):
    impl: Callable[..., Any]
    min_args: int
    max_args: int  # -1: any number

    def arity_text(self) -> str:
        if self.max_args == self.min_args:
            return str(self.min_args)
        return f"{self.min_args}+" if self.max_args < 0 else f"{self.min_args}-{self.max_args}"


FUNCTIONS: dict[str, Function] = {
    "abs": Function(_fn_abs, 1, 1),
    "all": Function(_fn_all, 1, 1),
    "any": Function(_fn_any, 1, 1),
    "len": Function(_fn_len, 1, 1),
    "max": Function(_fn_max, 1, -1),
    "min": Function(_fn_min, 1, -1),
    "present": Function(lambda value: value is not MISSING, 1, 1),  # evaluated specially: see _Evaluator
    "round": Function(_fn_round, 1, 2),
    "sum": Function(_fn_sum, 1, 1),
}
FUNCTION_LIST = ", ".join(sorted(FUNCTIONS))


# ---------------------------------------------------------------------------------------------------- compiling

_ARITH = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%"}
_COMPARE = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
            ast.In: "in", ast.NotIn: "not in"}
_REFUSED: dict[type[ast.AST], str] = {
    ast.Attribute: "attribute",
    ast.Subscript: "subscript",
    ast.Slice: "subscript",
    ast.Lambda: "lambda",
    ast.ListComp: "comprehension",
    ast.SetComp: "comprehension",
    ast.DictComp: "comprehension",
    ast.GeneratorExp: "comprehension",
    ast.NamedExpr: "walrus",
    ast.JoinedStr: "fstring",
    ast.FormattedValue: "fstring",
    ast.Dict: "dict",
    ast.Set: "dict",
    ast.Starred: "starred",
    ast.Await: "other",
    ast.Yield: "other",
    ast.YieldFrom: "other",
}


class Expression:
    """A checked assertion, ready to evaluate against values bound to its names."""

    __slots__ = ("names", "root", "text")

    def __init__(self, text: str, root: Node, names: frozenset[str]) -> None:
        self.text = text
        self.root = root
        self.names = names

    def evaluate(self, values: Mapping[str, Any]) -> Any:
        """The value of the expression. Raises :class:`MissingValue` or :class:`EvaluationError`."""
        with decimal.localcontext(_CONTEXT):
            return _Evaluator(values).eval(self.root)


def compile_expression(text: str, names: Collection[str]) -> Expression:
    """Check ``text`` against the allow-list and translate it; raises :class:`ExpressionError` with an offset."""
    if len(text) > MAX_LENGTH:
        raise ExpressionError("rules.expr.too_long", 0, length=len(text), limit=MAX_LENGTH)
    # Line breaks (from a YAML block scalar) become spaces: the same length, so offsets still map to the file.
    flat = text.replace("\r", " ").replace("\n", " ")
    source = flat.lstrip()
    lead = len(flat) - len(source)
    if not source.strip():
        raise ExpressionError("rules.expr.empty", 0)
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        offset = lead + max((exc.offset or 1) - 1, 0) if exc.lineno in (None, 1) else len(text)
        raise ExpressionError("rules.expr.syntax", min(offset, max(len(text) - 1, 0)),
                              detail=exc.msg) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise ExpressionError("rules.expr.syntax", lead, detail=str(exc) or type(exc).__name__) from None
    compiler = _Compiler(source, lead, frozenset(names))
    root = compiler.node(tree.body, 1)
    return Expression(text, root, frozenset(compiler.used))


class _Compiler:
    def __init__(self, source: str, lead: int, names: frozenset[str]) -> None:
        self.source = source
        self.encoded = source.encode("utf-8")
        self.lead = lead
        self.names = names
        self.used: set[str] = set()
        self.count = 0

    def offset(self, byte_offset: int) -> int:
        """A character offset into the original text from an ``ast`` byte offset (ast counts UTF-8 bytes)."""
        return self.lead + len(self.encoded[:byte_offset].decode("utf-8", errors="ignore"))

    def at(self, node: ast.AST) -> int:
        return self.offset(getattr(node, "col_offset", 0))

    def refuse(self, construct: str, offset: int, **args: Any) -> ExpressionError:
        construct_text = Bilingual.of(f"rules.construct.{construct}", args)
        return ExpressionError("rules.expr.refused", offset, construct=construct_text, functions=FUNCTION_LIST)

    def find(self, token: str, start: ast.AST, end: ast.AST | None) -> int:
        """The offset of ``token`` between two nodes (an operator has no position of its own in ``ast``)."""
        begin = getattr(start, "end_col_offset", None) or 0
        stop = getattr(end, "col_offset", None) if end is not None else None
        index = self.encoded.find(token.encode(), begin, stop)
        return self.offset(index if index >= 0 else begin)

    def node(self, node: ast.AST, depth: int) -> Node:
        self.count += 1
        if self.count > MAX_NODES:
            raise ExpressionError("rules.expr.too_big", self.at(node), limit=MAX_NODES)
        if depth > MAX_DEPTH:
            raise ExpressionError("rules.expr.too_deep", self.at(node), limit=MAX_DEPTH)
        here = self.at(node)
        if isinstance(node, ast.Constant):
            return Literal(here, self.constant(node))
        if isinstance(node, ast.Name):
            return Var(here, self.name(node))
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.Invert):
                raise self.refuse("bitwise", here)
            op = {ast.USub: "-", ast.UAdd: "+", ast.Not: "not"}[type(node.op)]
            return Unary(here, op, self.node(node.operand, depth + 1))
        if isinstance(node, ast.BinOp):
            symbol = _ARITH.get(type(node.op))
            if symbol is None:
                construct = "power" if isinstance(node.op, ast.Pow) else "bitwise"
                token = "**" if construct == "power" else ""
                raise self.refuse(construct, self.find(token, node.left, node.right) if token else here)
            return Arith(here, symbol, self.node(node.left, depth + 1), self.node(node.right, depth + 1))
        if isinstance(node, ast.BoolOp):
            op = "and" if isinstance(node.op, ast.And) else "or"
            return Logic(here, op, tuple(self.node(v, depth + 1) for v in node.values))
        if isinstance(node, ast.Compare):
            ops: list[tuple[str, Node]] = []
            previous: ast.AST = node.left
            for op_node, right in zip(node.ops, node.comparators, strict=True):
                symbol = _COMPARE.get(type(op_node))
                if symbol is None:
                    raise self.refuse("is", self.find("is", previous, right))
                ops.append((symbol, self.node(right, depth + 1)))
                previous = right
            return Compare(here, self.node(node.left, depth + 1), tuple(ops))
        if isinstance(node, ast.IfExp):
            return Choice(here, self.node(node.test, depth + 1), self.node(node.body, depth + 1),
                          self.node(node.orelse, depth + 1))
        if isinstance(node, (ast.List, ast.Tuple)):
            return Sequence(here, tuple(self.node(v, depth + 1) for v in node.elts))
        if isinstance(node, ast.Call):
            return self.call(node, depth)
        if isinstance(node, ast.Attribute):
            while isinstance(node.value, ast.Attribute):  # report the first attribute of a chain
                node = node.value
            end = getattr(node, "end_col_offset", None)
            offset = self.offset(end - len(node.attr.encode())) if end is not None else here
            raise self.refuse("attribute", offset, name=node.attr)
        construct = _REFUSED.get(type(node), "other")
        raise self.refuse(construct, here, node=type(node).__name__)

    def constant(self, node: ast.Constant) -> Any:
        value = node.value
        here = self.at(node)
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            return value
        if isinstance(value, (int, float)):
            if isinstance(value, int):
                number = Decimal(value)
            else:  # from the literal's own text, never through float
                text = ast.get_source_segment(self.source, node) or repr(value)
                try:
                    number = Decimal(text.replace("_", ""))
                except decimal.InvalidOperation:
                    raise ExpressionError("rules.expr.number", here, text=text) from None
            if number and abs(number.adjusted()) > MAX_LITERAL_EXPONENT:
                raise ExpressionError("rules.expr.number", here, text=short(number))
            return number
        if value is None:
            raise self.refuse("none", here)
        if isinstance(value, complex):
            raise self.refuse("complex", here)
        if isinstance(value, bytes):
            raise self.refuse("bytes", here)
        raise self.refuse("other", here, node=type(value).__name__)

    def name(self, node: ast.Name) -> str:
        if node.id in self.names:
            self.used.add(node.id)
            return node.id
        if node.id in FUNCTIONS:
            raise ExpressionError("rules.expr.function_value", self.at(node), name=node.id)
        raise ExpressionError("rules.expr.unknown_name", self.at(node), name=node.id,
                              known=", ".join(sorted(self.names)) or "—")

    def call(self, node: ast.Call, depth: int) -> Call:
        here = self.at(node)
        if not isinstance(node.func, ast.Name):
            self.node(node.func, depth + 1)  # an attribute, a lambda, a subscript: refused with its own name
            raise self.refuse("call", here)
        name = node.func.id
        function = FUNCTIONS.get(name)
        if function is None:
            raise ExpressionError("rules.expr.unknown_function", here, name=name, functions=FUNCTION_LIST)
        if node.keywords:
            keyword = node.keywords[0]
            raise self.refuse("keyword_argument", self.at(keyword) if hasattr(keyword, "col_offset") else here)
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise self.refuse("starred", self.at(arg))
        count = len(node.args)
        if count < function.min_args or (function.max_args >= 0 and count > function.max_args):
            raise ExpressionError("rules.expr.arity", here, name=name, expected=function.arity_text(), count=count)
        if name == "present":
            arg = node.args[0]
            if not isinstance(arg, ast.Name) or arg.id not in self.names:
                raise ExpressionError("rules.expr.present", self.at(arg))
        return Call(here, name, tuple(self.node(a, depth + 1) for a in node.args))


# --------------------------------------------------------------------------------------------------- evaluating

def _kind_arg(value: Any) -> Bilingual:
    return Bilingual.of(f"type.{kind(value)}")


class _Evaluator:
    def __init__(self, values: Mapping[str, Any]) -> None:
        self.values = values

    def eval(self, node: Node) -> Any:
        try:
            return self._eval(node)
        except decimal.DivisionByZero:
            raise EvaluationError("rules.eval.division_by_zero") from None
        except decimal.DecimalException as exc:
            raise EvaluationError("rules.eval.arithmetic", detail=type(exc).__name__) from None

    def _eval(self, node: Node) -> Any:
        if isinstance(node, Literal):
            return node.value
        if isinstance(node, Var):
            value = self.values.get(node.name, MISSING)
            if value is MISSING:
                raise MissingValue(node.name)
            return value
        if isinstance(node, Unary):
            value = self._eval(node.operand)
            if node.op == "not":
                return not self._boolean(value, "not", node.operand)
            number = _number(value, node.op, _name_of(node.operand))
            return -number if node.op == "-" else +number
        if isinstance(node, Arith):
            left = _number(self._eval(node.left), f"'{node.op}'", _name_of(node.left))
            right = _number(self._eval(node.right), f"'{node.op}'", _name_of(node.right))
            return _ARITH_IMPL[node.op](left, right)
        if isinstance(node, Logic):
            for value_node in node.values:
                value = self._boolean(self._eval(value_node), node.op, value_node)
                if value is (node.op == "or"):
                    return value
            return node.op == "and"
        if isinstance(node, Compare):
            left = self._eval(node.left)
            left_node = node.left
            for op, right_node in node.ops:
                right = self._eval(right_node)
                if not _compare(op, left, right, _name_of(left_node) or _name_of(right_node)):
                    return False
                left, left_node = right, right_node
            return True
        if isinstance(node, Choice):
            test = self._boolean(self._eval(node.test), "if", node.test)
            return self._eval(node.body if test else node.orelse)
        if isinstance(node, Sequence):
            return [self._eval(item) for item in node.items]
        if isinstance(node, Call):
            if node.function == "present":
                arg = node.args[0]
                return isinstance(arg, Var) and self.values.get(arg.name, MISSING) is not MISSING
            args = [self._eval(a) for a in node.args]
            try:
                return FUNCTIONS[node.function].impl(*args)
            except EvaluationError as exc:
                if exc.name is None and len(node.args) == 1:
                    exc.name = _name_of(node.args[0])
                raise
        raise TypeError(f"unknown node {type(node).__name__}")  # pragma: no cover - the compiler makes no other

    def _boolean(self, value: Any, operation: str, node: Node) -> bool:
        if isinstance(value, bool):
            return value
        raise EvaluationError("rules.eval.needs_boolean", _name_of(node), operation=f"'{operation}'",
                              kind=_kind_arg(value), value=short(value))


def _name_of(node: Node) -> str | None:
    return node.name if isinstance(node, Var) else None


_ARITH_IMPL: dict[str, Callable[[Decimal, Decimal], Decimal]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "//": lambda a, b: a // b,
    "%": lambda a, b: a % b,
}


def _same_kind(a: Any, b: Any) -> bool:
    return kind(a) == kind(b)


def _compare(op: str, left: Any, right: Any, name: str | None) -> bool:
    if op in ("in", "not in"):
        if isinstance(right, list):
            found = any(_same_kind(left, item) and left == item for item in right)
        elif isinstance(right, str) and isinstance(left, str):
            found = left in right
        else:
            raise EvaluationError("rules.eval.needs_container", name, kind=_kind_arg(right))
        return found if op == "in" else not found
    comparable = _same_kind(left, right) and (op in ("==", "!=") or kind(left) in ("number", "string"))
    if not comparable:
        raise EvaluationError("rules.eval.compare_types", name, op=op, left=_kind_arg(left), right=_kind_arg(right))
    result: bool
    if op == "==":
        result = left == right
    elif op == "!=":
        result = left != right
    elif op == "<":
        result = left < right
    elif op == "<=":
        result = left <= right
    elif op == ">":
        result = left > right
    else:
        result = left >= right
    return result
