"""Import openpyxl without numpy.

openpyxl imports numpy when it is installed, only to accept numpy's number types as cell values; rac never gives
it any, and numpy costs about 0.1 s of start-up (more than the rest of openpyxl). Inside :func:`without_numpy`
``import numpy`` fails, so openpyxl's optional import falls back; afterwards numpy imports normally again (the
trend charts use it through matplotlib).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def without_numpy() -> Iterator[None]:
    """Block ``import numpy`` for the duration, unless numpy or openpyxl is already loaded (then nothing is
    saved and nothing is blocked)."""
    if "numpy" in sys.modules or "openpyxl" in sys.modules:
        yield
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # the documented way to make an import fail
    try:
        yield
    finally:
        if "numpy" in sys.modules and sys.modules["numpy"] is None:
            del sys.modules["numpy"]


def import_openpyxl() -> None:
    """Load openpyxl (without numpy, see the module docstring); later ``from openpyxl import …`` are free."""
    with without_numpy():
        import openpyxl  # noqa: F401
