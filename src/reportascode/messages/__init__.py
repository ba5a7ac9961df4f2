"""Message catalogues, one per language. A finding carries a key and arguments; text is made only on output.

Every user-facing string lives in ``zh.py`` or ``en.py`` (same keys, same placeholders: a test compares them). A
template names a count's plural forms in its format spec, ``{errors:error|errors}`` (English only: Chinese has none).
Under test (``RAC_STRICT_MESSAGES=1``) an unknown key or a missing argument raises instead of printing the template.
"""

from __future__ import annotations

import os
import string

from reportascode.records import FrozenRecord

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

LANGUAGES = ("zh", "en")
_CATALOGUES: dict[str, dict[str, str]] = {}  # by language, each imported when first used: a run mostly speaks one
STRICT_VARIABLE = "RAC_STRICT_MESSAGES"


class MessageError(LookupError):
    """An unknown key or a template whose argument is missing (raised only in strict mode)."""


class Bilingual(FrozenRecord):
    """A message argument that is itself text in both languages (a field label, a type name). Made by
    :meth:`of`, it words each language when that language is first read: a run mostly prints one, and the other's
    catalogue is then never imported."""

    FIELDS = ("zh", "en")

    worded: tuple[str, dict[str, Any] | None] | None  # (key, arguments) of a text made by of()
    _texts: dict[str, str]  # by language, as worded

    def __init__(self, zh: str, en: str) -> None:
        object.__setattr__(self, "_texts", {"zh": zh, "en": en})
        object.__setattr__(self, "worded", None)

    @classmethod
    def of(cls, key: str, args: dict[str, Any] | None = None) -> Bilingual:
        """The message ``key`` with ``args`` in both languages."""
        made = cls.__new__(cls)
        object.__setattr__(made, "_texts", {})
        object.__setattr__(made, "worded", (key, dict(args) if args else None))
        return made

    @property
    def zh(self) -> str:
        return self.text("zh")

    @property
    def en(self) -> str:
        return self.text("en")

    def text(self, lang: str) -> str:
        lang = "en" if lang == "en" else "zh"
        texts = self._texts
        if lang not in texts and self.worded is not None:
            key, args = self.worded
            texts[lang] = message(key, lang, args)
        return texts[lang]

    def __str__(self) -> str:
        return self.zh


def plural(count: Any, singular: str, plural_form: str | None = None) -> str:
    """``1 file`` / ``2 files``: the English noun for ``count`` (``plural_form`` when adding -s is wrong)."""
    try:
        one = int(str(count).replace(",", "")) == 1
    except ValueError:
        one = False
    return f"{count} {singular if one else (plural_form or singular + 's')}"


class _Formatter(string.Formatter):
    """str.format plus plural forms: a format spec ``one|many`` prints the count and the matching noun."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            singular, _, many = format_spec.partition("|")
            return plural(value, singular, many)
        return str(super().format_field(value, format_spec))


_FORMATTER = _Formatter()


def strict() -> bool:
    return os.environ.get(STRICT_VARIABLE, "") not in ("", "0")


def message(key: str, lang: str, args: dict[str, Any] | None = None) -> str:
    """The text of ``key`` in ``lang`` (falling back to the other language, then to the key itself)."""
    template = catalogue(lang if lang in LANGUAGES else "zh").get(key)
    if template is None:
        if strict():
            raise MessageError(f"no message {key!r} in {lang!r}")
        template = next((c[key] for c in map(catalogue, LANGUAGES) if key in c), key)
    values = {k: (v.text(lang) if isinstance(v, Bilingual) else v) for k, v in (args or {}).items()}
    try:
        return _FORMATTER.format(template, **values)
    except (KeyError, IndexError, ValueError) as exc:
        if strict():
            raise MessageError(f"message {key!r} ({lang}): {type(exc).__name__} {exc}") from exc
        return template


def template(key: str, lang: str) -> str:
    """The unformatted text of ``key`` (for texts that another library formats, such as click's)."""
    return catalogue(lang)[key]


def either(keys: list[str], args: dict[str, Any] | None = None) -> Bilingual:
    """The texts of ``keys`` as alternatives in both languages: 整数或小数 / an integer or a number."""
    return Bilingual(message("text.or", "zh").join(message(k, "zh", args) for k in keys),
                     message("text.or", "en").join(message(k, "en", args) for k in keys))


def join_list(items: list[str], lang: str) -> str:
    """Items of a list in running text: 甲、乙 / a, b."""
    return message("text.list_separator", lang).join(items)


def has_message(key: str, lang: str) -> bool:
    return key in catalogue(lang)


def catalogue(lang: str) -> dict[str, str]:
    """The messages of ``lang`` (one of :data:`LANGUAGES`; another is a KeyError, as an unknown key is)."""
    if lang not in _CATALOGUES:
        if lang == "zh":
            from reportascode.messages.zh import MESSAGES as chinese

            _CATALOGUES[lang] = chinese
        elif lang == "en":
            from reportascode.messages.en import MESSAGES as english

            _CATALOGUES[lang] = english
    return _CATALOGUES[lang]


def placeholders(template: str) -> set[str]:
    """The argument names a template uses (for the parity test and for callers that check before formatting)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def default_language(configured: str | None = None) -> str:
    """The workspace's configured language, else the locale's, else Chinese."""
    if configured in LANGUAGES:
        return configured
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    import locale  # only when no variable names the language: importing it costs every run

    code = locale.getlocale()[0] or ""
    return "en" if code.lower().startswith("en") else "zh"
