"""Regular expressions compiled on first use. A module-level pattern that most runs never use (a typing
mistake's form, an export's date format, a workspace schema's references) would otherwise be compiled by every
``rac validate`` at import; compiling a pattern with Chinese or Unicode classes costs ~0.3–5 ms."""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_compile = re.compile


class LazyPattern:
    """A pattern compiled on first use; its methods are the compiled pattern's (kept on the instance after the
    first lookup, so a later ``.match`` costs a plain attribute read). Use its methods only: ``re.sub(pattern,
    …)`` and ``isinstance(…, re.Pattern)`` want the compiled pattern."""

    def __init__(self, pattern: Any, flags: Any = 0) -> None:
        self._arguments = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(_compile(*self._arguments), name)
        setattr(self, name, value)
        return value


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    lazy: Any = LazyPattern(pattern, flags)  # typed as the pattern it stands for (typing.cast is not imported)
    return lazy  # type: ignore[no-any-return]
