"""JSON Schema validation of one loaded document, with each error turned into a positioned finding."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from decimal import Decimal

from reportascode.messages import Bilingual, either
from reportascode.model.findings import MAX_LISTED_PER_RULE, Finding, Severity, make_args
from reportascode.model.loader import Document, escape_token, join_pointer, leaf_values
from reportascode.model.schemas import RefusedReference, SchemaStore
from reportascode.model.values import clip, kind_of, plain_json
from reportascode.validate.typos import suggest

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MAX_SCHEMA_ERRORS = 10_000  # per document; past it, the counts in the "more" findings are lower bounds
# JSON Schema keyword → rule id (the ids are declared in rules/tool_rules.py; the rest is SCHEMA-OTHER)
_RULE_BY_KEYWORD = {
    "type": "SCHEMA-TYPE",
    "required": "SCHEMA-REQUIRED",
    "additionalProperties": "SCHEMA-UNKNOWN-KEY",
    "unevaluatedProperties": "SCHEMA-UNKNOWN-KEY",
    "enum": "SCHEMA-ENUM",
    "const": "SCHEMA-ENUM",
    "format": "SCHEMA-FORMAT",
    "pattern": "SCHEMA-PATTERN",
    "minimum": "SCHEMA-RANGE",
    "maximum": "SCHEMA-RANGE",
    "exclusiveMinimum": "SCHEMA-RANGE",
    "exclusiveMaximum": "SCHEMA-RANGE",
    "minLength": "SCHEMA-LENGTH",
    "maxLength": "SCHEMA-LENGTH",
    "minItems": "SCHEMA-LENGTH",
    "maxItems": "SCHEMA-LENGTH",
    "uniqueItems": "SCHEMA-LENGTH",
    "x-decimals": "SCHEMA-DECIMALS",
}

_PATTERN_HINTS = {
    "uscc": "pattern.uscc",
    "licence_no": "pattern.licence_no",
    "postcode": "pattern.postcode",
}


def _short(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "…"
    return clip(str(value))


def _deepest(error: Any) -> Any:
    """For anyOf/oneOf, the sub-error that best explains the failure (jsonschema's relevance order)."""
    from jsonschema.exceptions import best_match

    while error.validator in ("anyOf", "oneOf") and error.context:
        non_null = [e for e in error.context if not (e.validator == "type" and e.validator_value == "null")]
        error = best_match(non_null or error.context)
    return error


def iter_schema_findings(
    doc: Document, name: str, version: str, store: SchemaStore, report: str
) -> Iterator[Finding]:
    if _fast_path_valid(doc.data, name, version, store):
        return
    from referencing.exceptions import Unresolvable

    validator = store.validator(version, name)
    try:
        # lazily, and no further than MAX_SCHEMA_ERRORS: a file of 100,000 bad rows costs neither minutes nor
        # gigabytes, and the findings say the count is a lower bound
        errors = list(itertools.islice(validator.iter_errors(doc.data), MAX_SCHEMA_ERRORS + 1))
    except (RefusedReference, Unresolvable) as refused:
        # jsonschema wraps the refusal (and any reference that leads nowhere) as Unresolvable
        ref = getattr(refused, "ref", None) or str(refused)
        yield Finding("SCHEMA-REF", Severity.ERROR, doc.path, 1, 1, "", "schema.ref_refused",
                      make_args({"ref": ref}), report)
        return
    stopped = len(errors) > MAX_SCHEMA_ERRORS
    errors = errors[:MAX_SCHEMA_ERRORS]
    reported_missing: dict[str, set[str]] = {}
    refused_values: set[tuple[Any, ...]] = set()  # one finding per value (a date fails format and pattern alike)
    listed: dict[str, int] = {}
    unlisted: dict[str, tuple[Any, str, int]] = {}  # rule -> (first unlisted error, its missing field, count)
    for error in errors:
        error = _deepest(error)
        missing_field = ""
        if error.validator == "required":
            # jsonschema yields one error per missing property, each carrying the whole list: take them in turn.
            path = tuple(error.absolute_path)
            seen = reported_missing.setdefault(str(path), set())
            missing = [f for f in error.validator_value if isinstance(error.instance, dict)
                       and f not in error.instance and f not in seen]
            if not missing:
                continue
            seen.add(missing[0])
            missing_field = missing[0]
        elif error.validator not in ("additionalProperties", "unevaluatedProperties"):
            where = tuple(error.absolute_path)
            if where in refused_values:
                continue
            refused_values.add(where)
        rule = _RULE_BY_KEYWORD.get(error.validator, "SCHEMA-OTHER")
        if listed.get(rule, 0) >= MAX_LISTED_PER_RULE:  # thousands of bad rows: count them, describe only the first
            earliest, earliest_field, count = unlisted.get(rule, (error, missing_field, 0))
            unlisted[rule] = (earliest, earliest_field, count + 1)
            continue
        listed[rule] = listed.get(rule, 0) + 1
        yield _to_finding(error, doc, name, version, store, report, missing_field)
    for rule, (error, missing_field, count) in unlisted.items():
        summary = _to_finding(error, doc, name, version, store, report, missing_field)
        yield summary.replace(message_key="finding.more_stopped" if stopped else "finding.more",
                      args=make_args({"count": count, "rule": rule, "line": summary.line, "column": summary.column}))


def _fast_path_valid(data: Any, name: str, version: str, store: SchemaStore) -> bool:
    """True when the fast engine says the document is valid and no decimal-places rule can fail."""
    fast = store.fast_validator(version, name)
    if fast is None:
        return False
    if not _decimals_within(data, store.decimal_limits(version, name)):
        return False
    try:
        return bool(fast.is_valid(plain_json(data)))
    except Exception:  # what the fast engine cannot take is left to the reference validator
        return False


def _decimals_within(data: Any, limits: dict[str, int]) -> bool:
    """Whether every decimal has no more places than its field's ``x-decimals`` allows, and no text reads as a
    date of year 0000 (jsonschema-rs accepts it as a date; Python's dates, and so rac's checks, can't hold it:
    the reference validator words it as an invalid date)."""
    if not limits:
        return not any(isinstance(value, str) and value.startswith("0000-") for value in leaf_values(data))
    return _within(data, "", limits)


def _within(data: Any, pattern: str, limits: dict[str, int]) -> bool:
    """:func:`_decimals_within` below ``pattern``: the pointer with every index (and all-digit key) as ``*``."""
    if isinstance(data, dict):
        for key, value in data.items():
            token = escape_token(str(key))
            if not _within(value, f"{pattern}/{'*' if token.isdigit() else token}", limits):
                return False
    elif isinstance(data, list):
        below = f"{pattern}/*"
        return all(_within(value, below, limits) for value in data)
    elif isinstance(data, str):
        return not data.startswith("0000-")
    elif isinstance(data, Decimal):
        exponent = data.as_tuple().exponent
        limit = limits.get(pattern)
        return limit is None or not isinstance(exponent, int) or -exponent <= limit
    return True


def _to_finding(error: Any, doc: Document, name: str, version: str, store: SchemaStore, report: str,
                missing: str = "") -> Finding:
    pointer = ""
    for token in error.absolute_path:
        pointer = join_pointer(pointer, token)
    keyword = error.validator
    rule = _RULE_BY_KEYWORD.get(keyword, "SCHEMA-OTHER")
    instance = error.instance
    value_pos = doc.value_position(pointer)
    args: dict[str, Any] = {"label": _label(store, version, name, pointer), "actual": _short(instance)}
    key = "schema.other"
    position = value_pos
    if keyword == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        quote = isinstance(instance, (int, Decimal)) and not isinstance(instance, bool) and "string" in expected
        args.update(expected=_type_names(expected), actual_type=_type_names([kind_of(instance, integers=True)]),
                    hint=_optional(quote, "schema.hint_quote"))
        key = "schema.type"
    elif keyword == "required":
        args.update(field=missing,
                    field_label=_label(store, version, name, join_pointer(pointer, missing)))
        position = doc.container_position(pointer)
        key = "schema.required"
    elif keyword in ("additionalProperties", "unevaluatedProperties"):
        allowed = set((error.schema.get("properties") or {}).keys())
        extra = sorted(k for k in (instance if isinstance(instance, dict) else {}) if k not in allowed)
        field = extra[0] if extra else ""
        pointer = join_pointer(pointer, field)
        position = doc.key_position(pointer)
        candidates = _closest(field, sorted(allowed))
        args.update(field=field, suggestion=_optional(bool(candidates), "schema.suggestion",
                                                      {"candidate": candidates[0] if candidates else ""}))
        key = "schema.unknown_key"
    elif keyword == "enum":
        args.update(allowed=", ".join(str(v) for v in error.validator_value))
        key = "schema.enum"
    elif keyword == "const":
        args.update(expected=error.validator_value)
        key = "schema.const"
    elif keyword == "format":
        args.update(format=error.validator_value)
        key = "schema.format_date" if error.validator_value == "date" else "schema.format"
    elif keyword == "pattern":
        hint_key = next((k for f, k in _PATTERN_HINTS.items() if pointer.endswith(f)), None)
        if hint_key is None and str(error.validator_value).startswith("^\\d{4}-"):
            hint_key = "pattern.date"
        args.update(pattern_hint=_optional(bool(hint_key), hint_key or ""))
        key = "schema.pattern"
    elif keyword in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        args.update(limit=error.validator_value)
        key = "schema.minimum" if "inimum" in keyword else "schema.maximum"
    elif keyword in ("minLength", "maxLength"):
        key = "schema.min_length" if keyword == "minLength" else "schema.max_length"
    elif keyword in ("minItems", "maxItems"):
        args.update(limit=error.validator_value)
        key = "schema.min_items" if keyword == "minItems" else "schema.max_items"
    elif keyword == "uniqueItems":
        key = "schema.unique"
    elif keyword == "x-decimals":
        args.update(limit=error.validator_value)
        key = "schema.decimals"
    else:
        args.update(detail=f"{keyword}: {error.message}")
    typo = suggest(instance, error.schema, keyword)
    if typo is not None:  # a mistake people often make: say what the value should have been
        key, fix = typo
        names = error.schema.get("x-names") if isinstance(error.schema, dict) else None
        args.update(fix=fix, name=names.get(fix, "") if isinstance(names, dict) else "")
    return Finding(rule, Severity.ERROR, doc.path, position[0], position[1], pointer, key, make_args(args), report)


def _label(store: SchemaStore, version: str, name: str, pointer: str) -> Bilingual:
    where = f"{name}{pointer}" if pointer else name

    def text(lang: str) -> str:
        label = store.label(version, name, pointer, lang)
        return f"{label} ({where})" if label != where else where

    return Bilingual(text("zh"), text("en"))


def _type_names(names: list[str]) -> Bilingual:
    return either([f"type.{n}" for n in names])


def _optional(show: bool, key: str, args: dict[str, Any] | None = None) -> Bilingual:
    return Bilingual.of(key, args) if show else Bilingual("", "")


def _closest(word: str, candidates: Iterable[str]) -> list[str]:
    """The candidate closest to a misspelt ``word`` (difflib is imported only then: it costs every run)."""
    import difflib

    return difflib.get_close_matches(word, candidates, n=1)
