"""Hover: on a field, what the schema says about it; on a finding, the rule's documentation (``rac explain``)."""

from __future__ import annotations

from pathlib import Path

from reportascode.authoring.schema_nav import SchemaNavigator
from reportascode.errors import UsageError
from reportascode.lsp.fieldinfo import FieldInfo, field_info
from reportascode.lsp.yamlpath import place_at
from reportascode.messages import Bilingual, message

MAX_ALLOWED_LISTED = 40


def field_markdown(info: FieldInfo, lang: str) -> str:
    """A field's hover text in Markdown."""
    title = info.title(lang) or ""
    other = info.title_zh  # the official Chinese name beside a label in another language (not repeated below)
    parts = [f"**{title}**" + (f" ({other})" if other and other != title else "")]
    if info.unit:
        parts.append(message("lsp.hover.unit", lang, {"unit": info.unit}))
    if info.is_date:
        parts.append(message("lsp.hover.date", lang))
    description = Bilingual("", info.description or "").text(lang)  # the schemas describe fields in English only
    if description:
        parts.append(description)
    if info.allowed:
        values = [f"`{value}` {name}".rstrip() for value, name in info.allowed[:MAX_ALLOWED_LISTED]]
        if len(info.allowed) > MAX_ALLOWED_LISTED:
            values.append("…")
        parts.append(message("lsp.hover.allowed", lang, {"values": ", ".join(values)}))
    return "\n\n".join(parts)


def field_hover(lines: list[str], line: int, character: int, file_name: str, navigator: SchemaNavigator,
                lang: str) -> str | None:
    """The hover text of the field under the cursor (0-based line, character index), if the schema knows it."""
    place = place_at(lines, line, character)
    if place.key is None:
        return None
    info = field_info(navigator, file_name, place.pointer)
    return field_markdown(info, lang) if info is not None else None


def rule_hover(rule: str, lang: str, root: Path | None) -> str | None:
    """What ``rac explain RULE`` prints, as a code block (it holds YAML examples)."""
    from reportascode.rules.catalogue import explain

    try:
        text = explain(rule, lang, root)
    except UsageError:
        return None
    return f"```text\n{text.rstrip()}\n```"
