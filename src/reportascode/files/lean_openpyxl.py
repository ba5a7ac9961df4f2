"""Import openpyxl without its optional numpy and Pillow.

openpyxl imports numpy when it is installed (only to accept numpy's number types as cell values) and Pillow (only
to embed images); rac gives it neither, and they cost about 0.1 s of start-up, more than the rest of openpyxl's
own modules. While :func:`import_openpyxl` runs, importing them fails, so openpyxl's optional imports fall back;
afterwards they import normally again (the trend charts use both through matplotlib).
"""

from __future__ import annotations

import sys

OPTIONAL = ("numpy", "PIL")


def import_openpyxl() -> None:
    """Load openpyxl without numpy and Pillow, unless it is loaded already; what is loaded already stays."""
    if "openpyxl" in sys.modules:
        return
    blocked = [name for name in OPTIONAL if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # the documented way to make an import fail
    try:
        import openpyxl  # noqa: F401
    finally:
        for name in blocked:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
