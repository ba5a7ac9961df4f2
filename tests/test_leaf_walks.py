"""The walks that skip building pointers (validate/schema_findings.py, validate/placeholders.py) answer as the
pointer-by-pointer walks they replaced, on generated documents."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reportascode.model.loader import iter_leaves
from reportascode.validate.placeholders import is_placeholder, placeholder_pointers
from reportascode.validate.schema_findings import _decimals_within

KEYS = st.sampled_from(["a", "b", "1", "2024", "x/y", "m~n", "revenue_wan", "²", ""])
SCALARS = st.one_of(
    st.sampled_from(["待填", " TODO ", "0000-01-01", "2024-01-01", "text", "", True, None, 3]),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10**6, max_value=10**6),
    st.sampled_from([Decimal("1E+2"), Decimal("0.12345")]),
)
DATA = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(KEYS, inner, max_size=4)), max_leaves=30)
LIMITS = st.dictionaries(st.sampled_from(["", "/a", "/*", "/a/*", "/*/b", "/x~1y", "/m~0n", "/revenue_wan", "/²"]),
                         st.integers(0, 4), max_size=4)


def _decimals_by_pointer(data: Any, limits: dict[str, int]) -> bool:
    for pointer, value in iter_leaves(data):
        if isinstance(value, str):
            if value.startswith("0000-"):
                return False
        elif isinstance(value, Decimal):
            exponent = value.as_tuple().exponent
            limit = limits.get("/".join("*" if t.isdigit() else t for t in pointer.split("/")))
            if limit is not None and isinstance(exponent, int) and -exponent > limit:
                return False
    return True


@settings(max_examples=400, deadline=None)
@given(DATA, LIMITS)
def test_decimal_places_are_checked_as_pointer_by_pointer(data: Any, limits: dict[str, int]) -> None:
    assert _decimals_within(data, limits) == _decimals_by_pointer(data, limits)


@settings(max_examples=400, deadline=None)
@given(DATA)
def test_placeholders_are_found_as_pointer_by_pointer(data: Any) -> None:
    assert placeholder_pointers(data) == [p for p, v in iter_leaves(data) if is_placeholder(v)]
