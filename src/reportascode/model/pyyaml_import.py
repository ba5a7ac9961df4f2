"""PyYAML, imported with its regular expressions compiled when first used.

Importing ``yaml`` compiles a few dozen regular expressions for the pure-Python reader, scanner, resolver and
constructor; rac parses with libyaml (C) and resolves scalars itself, so most are never used, and the reader's
one Unicode class alone costs ~5 ms of every ``rac validate``. While ``yaml`` is imported, a ``re.compile`` called
from PyYAML's own modules returns a stand-in that compiles on first use and then hands out the real pattern's
methods; nothing else is changed, and no other module's patterns are affected."""

from __future__ import annotations

import re
import sys
from types import ModuleType

from reportascode.model.lazy_regex import LazyPattern

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def import_pyyaml() -> ModuleType:
    """The ``yaml`` module (ImportError when PyYAML is not installed)."""
    imported = sys.modules.get("yaml")
    if imported is not None:
        return imported
    original = re.compile

    def compile_lazily(pattern: Any, flags: Any = 0) -> Any:
        if str(sys._getframe(1).f_globals.get("__name__", "")).startswith("yaml."):
            return LazyPattern(pattern, flags)
        return original(pattern, flags)

    re.compile = compile_lazily
    try:
        import yaml
    finally:
        re.compile = original
    return yaml
