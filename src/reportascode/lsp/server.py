"""The language server: pygls wiring between the editor and the modules that do the work.

Validation runs after a short pause in typing, in one worker thread, over the editor's unsaved text of every open
file; a run made stale by a newer edit is cancelled (while it waits) or its result dropped (once running). A
handler that fails logs the failure and answers nothing: the server keeps serving. The server writes no file:
code actions and formatting return edits the editor applies if the user accepts them.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from reportascode import __version__
from reportascode.lsp import requests
from reportascode.lsp.analysis import Analyzer, FileContexts
from reportascode.lsp.diagnostics import diagnostics_by_file

DEBOUNCE_SECONDS = 0.03  # long enough to coalesce a burst of keystrokes, short enough to feel immediate
log = logging.getLogger(__name__)


def uri_path(uri: str) -> Path | None:
    parsed = urlparse(uri)
    return Path(unquote(parsed.path)) if parsed.scheme == "file" else None


class RacLanguageServer(LanguageServer):
    def __init__(self, lang: str | None = None, debounce: float = DEBOUNCE_SECONDS) -> None:
        super().__init__("rac", __version__)
        self.lang = lang
        self.debounce = debounce
        self.analyzers: dict[Path, Analyzer] = {}
        self.contexts: dict[Path, FileContexts] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rac-validate")
        self.pending: asyncio.Task[None] | None = None
        self.generation = 0
        self.published: dict[str, list[types.Diagnostic]] = {}

    # --- state ---------------------------------------------------------------------------------------------

    def analyzer(self, path: Path) -> Analyzer | None:
        for root, analyzer in self.analyzers.items():
            if path.resolve().is_relative_to(root):
                return analyzer
        created = Analyzer.for_path(path, self.lang)
        if created is not None:
            self.analyzers[created.root.resolve()] = created
            self.contexts[created.root.resolve()] = FileContexts(created)
        return created

    def known_analyzer(self, path: Path) -> Analyzer | None:
        resolved = path.resolve()
        return next((a for root, a in self.analyzers.items() if resolved.is_relative_to(root)), None)

    def overlay(self) -> dict[Path, str]:
        """The unsaved text of every open document, by path."""
        texts: dict[Path, str] = {}
        for uri, document in list(self.workspace.text_documents.items()):
            path = uri_path(uri)
            if path is not None:
                texts[path] = document.source
        return texts

    def context(self, uri: str) -> tuple[Any, Any, list[str]] | None:
        """(analyzer, file context, lines) of a report file; ``None`` for any other document."""
        path = uri_path(uri)
        analyzer = self.analyzer(path) if path is not None else None
        if path is None or analyzer is None:
            return None
        file_context = self.contexts[analyzer.root.resolve()].of(path, self.overlay())
        if file_context is None:
            return None
        return analyzer, file_context, self.workspace.get_text_document(uri).source.split("\n")

    # --- validation ----------------------------------------------------------------------------------------

    def schedule(self) -> None:
        """Validate again after a pause; an earlier run still waiting is cancelled."""
        if self.pending is not None and not self.pending.done():
            self.pending.cancel()
        self.generation += 1
        self.pending = asyncio.get_running_loop().create_task(self._validate(self.generation))

    async def _validate(self, generation: int) -> None:
        await asyncio.sleep(self.debounce)
        overlay = self.overlay()
        for path in overlay:
            self.analyzer(path)  # created here, in the event loop's thread; the worker only reads them
        loop = asyncio.get_running_loop()
        try:
            published = await loop.run_in_executor(self.worker, self._diagnostics, overlay)
        except Exception as exc:  # a bug in rac must not take the editor's server down with it
            log.exception("validation failed")
            self.window_log_message(types.LogMessageParams(types.MessageType.Error, f"rac: {exc!r}"))
            return
        if generation != self.generation:
            return  # a newer edit arrived while this run was working: its own run publishes
        self._publish(published, overlay)

    def _diagnostics(self, overlay: dict[Path, str]) -> dict[Path, list[types.Diagnostic]]:
        by_root: dict[Path, list[Path]] = {}
        for path in overlay:
            analyzer = self.known_analyzer(path)
            if analyzer is None:
                continue
            folder = analyzer.report_folder(path)
            folders = by_root.setdefault(analyzer.root.resolve(), [])
            if folder is not None:
                folders.append(folder)
        found: dict[Path, list[types.Diagnostic]] = {}
        for root, folders in by_root.items():
            analysis = self.analyzers[root].run(overlay, folders)
            for file, diagnostics in diagnostics_by_file(analysis).items():
                found[(analysis.workspace.root / file).resolve()] = diagnostics
        return found

    def _publish(self, found: dict[Path, list[types.Diagnostic]], overlay: dict[Path, str]) -> None:
        open_uris = {path.resolve(): uri for uri in self.workspace.text_documents if (path := uri_path(uri))}
        fresh: dict[str, list[types.Diagnostic]] = {}
        for path, diagnostics in found.items():
            fresh[open_uris.get(path, path.as_uri())] = diagnostics
        for uri in self.published:
            fresh.setdefault(uri, [])  # a file whose findings are gone is cleared
        for uri, diagnostics in fresh.items():
            if uri in self.workspace.text_documents or diagnostics != self.published.get(uri, []):
                self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, diagnostics))
        self.published = {uri: d for uri, d in fresh.items() if d}


def build_server(lang: str | None = None, debounce: float = DEBOUNCE_SECONDS) -> RacLanguageServer:
    server = RacLanguageServer(lang, debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: RacLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule()

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: RacLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule()

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: RacLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: RacLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.schedule()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: RacLanguageServer, params: types.HoverParams) -> types.Hover | None:
        answer: types.Hover | None = _guarded(ls, requests.hover, params)
        return answer

    @server.feature(types.TEXT_DOCUMENT_COMPLETION,
                    types.CompletionOptions(trigger_characters=[":", " "]))
    def completion(ls: RacLanguageServer, params: types.CompletionParams) -> types.CompletionList | None:
        answer: types.CompletionList | None = _guarded(ls, requests.completion, params)
        return answer

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: RacLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        answer: list[types.CodeAction] | None = _guarded(ls, requests.code_actions, params)
        return answer

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: RacLanguageServer, params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
        answer: list[types.TextEdit] | None = _guarded(ls, requests.formatting, params)
        return answer

    return server


def _guarded(ls: RacLanguageServer, handler: Any, params: Any) -> Any:
    try:
        return handler(ls, params)
    except Exception as exc:  # answer nothing rather than lose the server
        log.exception("request failed")
        ls.window_log_message(types.LogMessageParams(types.MessageType.Error, f"rac: {exc!r}"))
        return None


def serve(lang: str | None = None) -> None:
    """Serve over stdin/stdout until the editor closes the connection."""
    build_server(lang).start_io()
