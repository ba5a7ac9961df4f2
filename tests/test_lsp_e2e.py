"""``rac lsp`` end to end: a real LSP client (pytest-lsp) talks to ``rac lsp`` over stdio on a copy of the sample."""

from __future__ import annotations

import asyncio
import contextlib
import re
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="rac lsp needs the [lsp] extra (pygls)")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="the end-to-end tests need pytest-lsp")
from lsprotocol import types  # noqa: E402

from tests.conftest import run_rac  # noqa: E402

TIMEOUT = 30.0


@contextlib.asynccontextmanager
async def lsp_client(root: Path) -> AsyncIterator[pytest_lsp.LanguageClient]:
    config = pytest_lsp.ClientServerConfig(
        server_command=[sys.executable, "-m", "reportascode", "lsp", "--lang", "en"])
    client = await config.start()
    await client.initialize_session(types.InitializeParams(
        capabilities=pytest_lsp.client_capabilities("visual-studio-code"), root_uri=root.as_uri()))
    try:
        yield client
    finally:
        await client.shutdown_session()


async def diagnostics_when(client: pytest_lsp.LanguageClient, uri: str,
                           wanted: Callable[[list[types.Diagnostic]], bool]) -> list[types.Diagnostic]:
    """The diagnostics of ``uri`` once they satisfy ``wanted`` (waiting for new publications until then)."""
    async def wait() -> list[types.Diagnostic]:
        while True:
            found = client.diagnostics.get(uri)
            if found is not None and wanted(found):
                return found
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    return await asyncio.wait_for(wait(), TIMEOUT)


def open_document(client: pytest_lsp.LanguageClient, path: Path) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri, "yaml", 1, path.read_text(encoding="utf-8"))))
    return uri


def change_document(client: pytest_lsp.LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(version, uri),
        [types.TextDocumentContentChangeWholeDocument(text)]))


def codes(diagnostics: list[types.Diagnostic]) -> set[str]:
    return {str(d.code) for d in diagnostics}


@pytest.mark.asyncio
async def test_seat_01_appears_at_its_range_and_clears(workspace: Path) -> None:
    path = workspace / "reports" / "2024" / "operations.yaml"
    text = path.read_text(encoding="utf-8")
    async with lsp_client(workspace) as client:
        uri = open_document(client, path)
        await diagnostics_when(client, uri, lambda found: "SEAT-01" not in codes(found))
        change_document(client, uri, 2, text.replace("  human: 520", "  human: 521"))
        found = await diagnostics_when(client, uri, lambda found: "SEAT-01" in codes(found))
        seat = next(d for d in found if d.code == "SEAT-01")
        assert seat.severity == types.DiagnosticSeverity.Error
        assert (seat.range.start.line, seat.range.start.character) == (4, 9)  # `610` of `  total: 610`
        assert (seat.range.end.line, seat.range.end.character) == (4, 12)
        assert seat.code_description is not None and seat.code_description.href.endswith("#seat-01")
        assert path.read_text(encoding="utf-8") == text  # nothing written
        change_document(client, uri, 3, text)
        await diagnostics_when(client, uri, lambda found: "SEAT-01" not in codes(found))


@pytest.mark.asyncio
async def test_cross_file_finding_follows_unsaved_edit_of_the_other_file(workspace: Path) -> None:
    report = workspace / "reports" / "2024"
    company = report / "company.yaml"
    company_text = company.read_text(encoding="utf-8")
    async with lsp_client(workspace) as client:
        operations_uri = open_document(client, report / "operations.yaml")
        company_uri = open_document(client, company)
        await diagnostics_when(client, operations_uri, lambda found: "SEAT-03" not in codes(found))
        staff_line = next(line for line in company_text.splitlines() if line.strip().startswith("call_center:"))
        fewer = staff_line.replace(staff_line.split(":")[1].split("#")[0].strip(), "500", 1)
        change_document(client, company_uri, 2, company_text.replace(staff_line, fewer))
        mirrored = await diagnostics_when(client, operations_uri, lambda found: "SEAT-03" in codes(found))
        seat = next(d for d in mirrored if d.code == "SEAT-03")
        assert seat.range.start.line == 5  # operations.yaml's `  human: 520`
        assert seat.related_information and seat.related_information[0].location.uri == company_uri
        primary = await diagnostics_when(client, company_uri, lambda found: "SEAT-03" in codes(found))
        related = next(d for d in primary if d.code == "SEAT-03").related_information
        assert related and related[0].location.uri == operations_uri
        change_document(client, company_uri, 3, company_text)
        await diagnostics_when(client, operations_uri, lambda found: "SEAT-03" not in codes(found))
    assert company.read_text(encoding="utf-8") == company_text


@pytest.mark.asyncio
async def test_broken_file_gives_its_load_finding_and_the_server_lives_on(workspace: Path) -> None:
    path = workspace / "reports" / "2024" / "meta.yaml"
    async with lsp_client(workspace) as client:
        uri = open_document(client, path)
        change_document(client, uri, 2, "report_year: [2024\n")
        await diagnostics_when(client, uri, lambda found: "LOAD-SYNTAX" in codes(found))
        change_document(client, uri, 3, "\x00\x01")
        await diagnostics_when(client, uri, lambda found: "LOAD-ENCODING" in codes(found))
        change_document(client, uri, 4, path.read_text(encoding="utf-8"))
        await diagnostics_when(client, uri, lambda found: not {"LOAD-SYNTAX", "LOAD-ENCODING"} & codes(found))


@pytest.mark.asyncio
async def test_hover_shows_the_schema_title_and_the_rule_doc(workspace: Path) -> None:
    path = workspace / "reports" / "2024" / "operations.yaml"
    async with lsp_client(workspace) as client:
        uri = open_document(client, path)
        hover = await client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri), types.Position(4, 4)))  # `total` of /seats/total
        assert hover is not None
        assert isinstance(hover.contents, types.MarkupContent)
        assert "坐席总数" in hover.contents.value and "Total seats" in hover.contents.value
        change_document(client, uri, 2, path.read_text(encoding="utf-8").replace("  human: 520", "  human: 521"))
        await diagnostics_when(client, uri, lambda found: "SEAT-01" in codes(found))
        hover = await client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri), types.Position(4, 10)))
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        explained = run_rac("explain", "SEAT-01", "--lang", "en", cwd=workspace).out.strip()
        assert explained in hover.contents.value


@pytest.mark.asyncio
async def test_completion_offers_provinces_with_names_and_keys_in_schema_order(workspace: Path) -> None:
    path = workspace / "reports" / "2024" / "operations.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    line = next(i for i, line in enumerate(lines) if line.startswith('  - province: "33"'))
    async with lsp_client(workspace) as client:
        uri = open_document(client, path)
        change_document(client, uri, 2, text.replace('  - province: "33"', "  - province: "))
        result = await client.text_document_completion_async(types.CompletionParams(
            types.TextDocumentIdentifier(uri), types.Position(line, len("  - province: "))))
        assert result is not None
        items = result.items if isinstance(result, types.CompletionList) else result
        zhejiang = next(item for item in items if item.label == "33 浙江")
        assert zhejiang.insert_text == '"33"'
        change_document(client, uri, 3, text.replace("  total: 610\n", "  \n"))
        result = await client.text_document_completion_async(types.CompletionParams(
            types.TextDocumentIdentifier(uri), types.Position(4, 2)))
        assert result is not None
        items = result.items if isinstance(result, types.CompletionList) else result
        assert [item.label for item in items][:1] == ["total"]
        assert items[0].detail is not None and "Total seats" in items[0].detail


@pytest.mark.asyncio
async def test_quote_and_explanation_code_actions(workspace: Path) -> None:
    report = workspace / "reports" / "2024"
    company = report / "company.yaml"
    text = company.read_text(encoding="utf-8")
    broken = text.replace('registration_province: "33"', "registration_province: 33")
    line = next(i for i, line in enumerate(broken.split("\n")) if line.startswith("registration_province: 33"))
    async with lsp_client(workspace) as client:
        uri = open_document(client, company)
        change_document(client, uri, 2, broken)
        found = await diagnostics_when(client, uri, lambda found: "SCHEMA-TYPE" in codes(found))
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri), types.Range(types.Position(line, 0), types.Position(line, 0)),
            types.CodeActionContext(diagnostics=[d for d in found if d.range.start.line == line])))
        assert actions is not None
        quote = next(a for a in actions if isinstance(a, types.CodeAction) and "Quote 33" in a.title)
        assert quote.edit is not None and quote.edit.changes is not None
        (edit,) = quote.edit.changes[uri]
        assert edit.new_text == '"33"'
        assert (edit.range.start.character, edit.range.end.character) == (len("registration_province: "),
                                                                         len("registration_province: 33"))
        # a warning: fewer staff than human seats (SEAT-03) gets an explanations.yaml entry
        staff_line = next(line for line in text.splitlines() if line.strip().startswith("call_center:"))
        fewer = text.replace(staff_line, staff_line.replace(staff_line.split(":")[1].split("#")[0].strip(), "500"))
        change_document(client, uri, 3, fewer)
        found = await diagnostics_when(client, uri, lambda found: "SEAT-03" in codes(found))
        seat = next(d for d in found if d.code == "SEAT-03")
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            types.TextDocumentIdentifier(uri), seat.range, types.CodeActionContext(diagnostics=[seat])))
        assert actions is not None
        explain = next(a for a in actions if isinstance(a, types.CodeAction) and "explanations.yaml" in a.title)
        assert explain.edit is not None and explain.edit.changes is not None
        explanations_uri = (report / "explanations.yaml").as_uri()
        (entry,) = explain.edit.changes[explanations_uri]
        assert re.search(r'- check: SEAT-03\n  field: company.yaml#/staff/call_center\n  fingerprint: "[0-9a-f]{12}"\n'
                         r'  text_zh: 待填\n', entry.new_text), entry.new_text
        assert "500" in entry.new_text and "520" in entry.new_text  # the values it explains
    assert company.read_text(encoding="utf-8") == text


@pytest.mark.asyncio
async def test_formatting_equals_rac_fmt(workspace: Path) -> None:
    path = workspace / "reports" / "2024" / "operations.yaml"
    messy = path.read_text(encoding="utf-8").replace("  total: 610\n  human: 520\n", "  human: 520\n  total:   610\n")
    path.write_text(messy, encoding="utf-8")
    async with lsp_client(workspace) as client:
        uri = open_document(client, path)
        edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
            types.TextDocumentIdentifier(uri), types.FormattingOptions(2, True)))
    assert edits is not None and len(edits) == 1
    assert path.read_text(encoding="utf-8") == messy  # the server wrote nothing
    subprocess.run([sys.executable, "-m", "reportascode", "fmt", str(path)], check=True, capture_output=True)
    assert edits[0].new_text == path.read_text(encoding="utf-8")


@pytest.mark.asyncio
async def test_a_burst_of_edits_ends_with_the_diagnostics_of_the_last_one(workspace: Path) -> None:
    path = workspace / "reports" / "2024" / "operations.yaml"
    text = path.read_text(encoding="utf-8")
    async with lsp_client(workspace) as client:
        uri = open_document(client, path)
        await diagnostics_when(client, uri, lambda found: "SEAT-01" not in codes(found))
        for version in range(2, 12):  # no pause: the server coalesces them and drops stale runs
            human = 521 + version if version < 11 else 530
            change_document(client, uri, version, text.replace("  human: 520", f"  human: {human}"))
        found = await diagnostics_when(client, uri, lambda found: any(
            d.code == "SEAT-01" and "530" in d.message for d in found))
        await asyncio.sleep(1.0)  # nothing stale arrives afterwards
        assert client.diagnostics[uri] == found
