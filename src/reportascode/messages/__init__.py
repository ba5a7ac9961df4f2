"""Message catalogues, one per language. A finding carries a key and arguments; text is made only on output."""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass
from typing import Any

from reportascode.messages import en, zh

LANGUAGES = ("zh", "en")
_CATALOGUES: dict[str, dict[str, str]] = {"zh": zh.MESSAGES, "en": en.MESSAGES}


@dataclass(frozen=True)
class Bilingual:
    """A message argument that is itself text in both languages (a field label, a type name)."""

    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def __str__(self) -> str:
        return self.zh

    @classmethod
    def of(cls, key: str, args: dict[str, Any] | None = None) -> Bilingual:
        return cls(message(key, "zh", args), message(key, "en", args))


def message(key: str, lang: str, args: dict[str, Any] | None = None) -> str:
    """The text of ``key`` in ``lang`` (falling back to the other language, then to the key itself)."""
    template = _CATALOGUES.get(lang, zh.MESSAGES).get(key)
    if template is None:
        template = next((c[key] for c in _CATALOGUES.values() if key in c), key)
    values = {k: (v.text(lang) if isinstance(v, Bilingual) else v) for k, v in (args or {}).items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


def has_message(key: str, lang: str) -> bool:
    return key in _CATALOGUES[lang]


def default_language(configured: str | None = None) -> str:
    """The workspace's configured language, else the locale's, else Chinese."""
    if configured in LANGUAGES:
        return configured
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    code = locale.getlocale()[0] or ""
    return "en" if code.lower().startswith("en") else "zh"
