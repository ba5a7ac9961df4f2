"""The message catalogues: the same keys and placeholders in both languages, plurals, strict mode."""

from __future__ import annotations

import re

import pytest

from reportascode.messages import MessageError, en, message, placeholders, plural, zh

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


def test_both_languages_have_the_same_keys() -> None:
    assert sorted(set(zh.MESSAGES) - set(en.MESSAGES)) == []
    assert sorted(set(en.MESSAGES) - set(zh.MESSAGES)) == []


def test_both_languages_have_the_same_placeholders() -> None:
    differing = {key: (sorted(placeholders(zh.MESSAGES[key])), sorted(placeholders(en.MESSAGES[key])))
                 for key in zh.MESSAGES if placeholders(zh.MESSAGES[key]) != placeholders(en.MESSAGES[key])}
    assert differing == {}


def test_english_has_no_parenthesised_plurals() -> None:
    assert [key for key, text in en.MESSAGES.items() if "(s)" in text] == []


def test_plural_forms() -> None:
    assert plural(1, "file") == "1 file"
    assert plural(0, "file") == "0 files"
    assert plural(2, "entry", "entries") == "2 entries"
    assert message("fmt.summary", "en", {"changed": 1, "unchanged": 2, "refused": 0}).startswith("1 file ")
    assert message("fmt.summary", "en", {"changed": 3, "unchanged": 2, "refused": 0}).startswith("3 files ")


def test_a_missing_argument_raises_under_test() -> None:
    with pytest.raises(MessageError):
        message("fmt.summary", "en", {"changed": 1})
    with pytest.raises(MessageError):
        message("no.such.key", "zh")


def test_without_strict_mode_the_template_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RAC_STRICT_MESSAGES")
    assert message("no.such.key", "zh") == "no.such.key"
    assert "{changed" in message("fmt.summary", "en", {})


def test_every_template_names_its_arguments() -> None:
    """Literal braces are doubled; every placeholder is a name (a doc text with ``{a: b}`` would not format)."""
    odd = {key: sorted(placeholders(text)) for catalogue in (zh.MESSAGES, en.MESSAGES)
           for key, text in catalogue.items() if any(not re.fullmatch(r"\w+", n) for n in placeholders(text))}
    assert odd == {}
