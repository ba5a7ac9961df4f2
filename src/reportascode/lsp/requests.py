"""The editor's requests (hover, completion, code actions, formatting), answered from the document's text and the
findings last published for it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types

from reportascode.lsp.actions import (
    Action,
    explanation_entry,
    full_width_actions,
    missing_key_actions,
    quote_actions,
)
from reportascode.lsp.completion import suggestions
from reportascode.lsp.hover import field_hover, rule_hover
from reportascode.lsp.textspan import chars_from_utf16, utf16_units
from reportascode.messages import message

if TYPE_CHECKING:
    from reportascode.lsp.server import RacLanguageServer


def _language(ls: RacLanguageServer, analyzer: object) -> str:
    from reportascode.lsp.analysis import Analyzer
    from reportascode.rules.registry import load_workspace_config

    assert isinstance(analyzer, Analyzer)
    try:
        return analyzer.language(load_workspace_config(analyzer.root))
    except Exception:  # a broken config is a diagnostic of its own; the language falls back
        return analyzer.language(None)


def _contains(diagnostic_range: types.Range, position: types.Position) -> bool:
    start, end = diagnostic_range.start, diagnostic_range.end
    after_start = (position.line, position.character) >= (start.line, start.character)
    before_end = (position.line, position.character) <= (end.line, end.character)
    return after_start and before_end


def hover(ls: RacLanguageServer, params: types.HoverParams) -> types.Hover | None:
    from reportascode.lsp.server import uri_path

    uri, position = params.text_document.uri, params.position
    path = uri_path(uri)
    analyzer = ls.analyzer(path) if path is not None else None
    if analyzer is None:
        return None
    lang = _language(ls, analyzer)
    parts = []
    for diagnostic in ls.published.get(uri, []):
        if isinstance(diagnostic.code, str) and _contains(diagnostic.range, position):
            text = rule_hover(diagnostic.code, lang, analyzer.root)
            if text and text not in parts:
                parts.append(text)
    found = ls.context(uri)
    if found is not None:
        _, file_context, lines = found
        line = lines[position.line] if position.line < len(lines) else ""
        text = field_hover(lines, position.line, chars_from_utf16(line, position.character), file_context.name,
                           file_context.navigator, lang)
        if text:
            parts.insert(0, text)
    if not parts:
        return None
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(parts)))


def completion(ls: RacLanguageServer, params: types.CompletionParams) -> types.CompletionList | None:
    found = ls.context(params.text_document.uri)
    if found is None:
        return None
    analyzer, file_context, lines = found
    position = params.position
    line = lines[position.line] if position.line < len(lines) else ""
    items = []
    for suggestion in suggestions(lines, position.line, chars_from_utf16(line, position.character),
                                  file_context.name, file_context.navigator, _language(ls, analyzer),
                                  file_context.year):
        items.append(types.CompletionItem(
            label=suggestion.label,
            kind=types.CompletionItemKind.Property if suggestion.kind == "key" else types.CompletionItemKind.Value,
            detail=suggestion.detail or None,
            insert_text=suggestion.insert,
            insert_text_format=(types.InsertTextFormat.Snippet if suggestion.snippet
                                else types.InsertTextFormat.PlainText),
            sort_text=suggestion.sort or None,
            filter_text=suggestion.insert.strip('"') if suggestion.kind == "value" else None,
        ))
    return types.CompletionList(is_incomplete=False, items=items)


def _text_edit(lines: list[str], edit_line: int, start: int, end: int, text: str) -> types.TextEdit:
    line = lines[edit_line] if edit_line < len(lines) else ""
    return types.TextEdit(types.Range(types.Position(edit_line, utf16_units(line, start)),
                                      types.Position(edit_line, utf16_units(line, end))), text)


def _code_action(uri: str, lines: list[str], action: Action, lang: str) -> types.CodeAction:
    edits = [_text_edit(lines, e.line, e.start, e.end, e.text) for e in action.edits]
    return types.CodeAction(title=message(action.title_key, lang, dict(action.args)),
                            kind=types.CodeActionKind.QuickFix, edit=types.WorkspaceEdit(changes={uri: edits}))


def code_actions(ls: RacLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    uri = params.text_document.uri
    found = ls.context(uri)
    if found is None:
        return None
    analyzer, file_context, lines = found
    lang = _language(ls, analyzer)
    first, last = params.range.start.line, params.range.end.line
    actions = [_code_action(uri, lines, a, lang) for a in
               quote_actions(lines, first, last, file_context.name, file_context.navigator)
               + full_width_actions(lines, first, last)
               + missing_key_actions(lines, first, file_context.name, file_context.navigator)]
    for diagnostic in params.context.diagnostics:
        action = _explanation_action(ls, diagnostic, file_context, lang)
        if action is not None:
            actions.append(action)
    return actions


def _explanation_action(ls: RacLanguageServer, diagnostic: types.Diagnostic, file_context: object, lang: str
                        ) -> types.CodeAction | None:
    """Add an explanations.yaml entry for a warning that is not yet explained (a workspace edit)."""
    from reportascode.lsp.analysis import FileContext

    assert isinstance(file_context, FileContext)
    data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
    if (diagnostic.severity != types.DiagnosticSeverity.Warning or not isinstance(diagnostic.code, str)
            or data.get("waived") or data.get("explained") or data.get("mirror_of") or "pointer" not in data
            or not isinstance(data.get("fingerprint"), str)):
        return None
    target = file_context.folder / "explanations.yaml"
    entry = explanation_entry(diagnostic.code, file_context.name, str(data["pointer"]), diagnostic.message,
                              str(data["fingerprint"]))
    target_uri = next((uri for uri in ls.workspace.text_documents if _same_file(uri, target)), target.as_uri())
    title = message("lsp.action.explain", lang, {"rule": diagnostic.code})
    if target.exists() or target_uri in ls.workspace.text_documents:
        text = ls.workspace.get_text_document(target_uri).source if target_uri in ls.workspace.text_documents \
            else target.read_text(encoding="utf-8", errors="replace")
        lines = text.split("\n")
        last = len(lines) - 1
        prefix = "" if text.endswith("\n") or not text else "\n"
        end = types.Position(last, utf16_units(lines[last], len(lines[last])))
        edit = types.TextEdit(types.Range(end, end), prefix + entry)
        return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                                edit=types.WorkspaceEdit(changes={target_uri: [edit]}))
    start = types.Position(0, 0)
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                            edit=types.WorkspaceEdit(document_changes=[
                                types.CreateFile(uri=target_uri),
                                types.TextDocumentEdit(types.OptionalVersionedTextDocumentIdentifier(target_uri, None),
                                                       [types.TextEdit(types.Range(start, start), entry)])]))


def _same_file(uri: str, path: Path) -> bool:
    from reportascode.lsp.server import uri_path

    found = uri_path(uri)
    return found is not None and found.resolve() == path.resolve()


def formatting(ls: RacLanguageServer, params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
    """The document in ``rac fmt``'s canonical form, as one edit; nothing when it is already canonical or when
    ``rac fmt`` would refuse it (the reason is shown)."""
    from reportascode.authoring.fmt import FormatRefused, format_text

    found = ls.context(params.text_document.uri)
    if found is None:
        return None
    analyzer, file_context, lines = found
    text = "\n".join(lines)
    try:
        after = format_text(text, file_context.name, file_context.navigator)
    except FormatRefused as refused:
        reason = message(refused.key, _language(ls, analyzer), refused.message_args)
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Warning, reason))
        return None
    if after == text:
        return []
    end = types.Position(len(lines) - 1, utf16_units(lines[-1], len(lines[-1])))
    return [types.TextEdit(types.Range(types.Position(0, 0), end), after)]
