"""Latency of ``rac lsp``: from an edit (didChange) to the diagnostics that reflect it (publishDiagnostics).

A copy of the sample workspace; operations.yaml of reports/2024 is opened, then edited ``--edits`` times (default
20), each edit alternately breaking and fixing SEAT-01 (human seats 520 ↔ 521), so every edit changes what must be
published. The clock runs from sending the change to receiving the diagnostics of that document whose SEAT-01
matches the edit. Warm: a few edits run first and are not counted. Prints the median and the spread.

    pip install -e '.[lsp]'
    python bench/lsp_latency.py [--edits 20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from reportascode.lsp.server import DEBOUNCE_SECONDS

ROOT = Path(__file__).resolve().parent.parent
WARM_UP = 3


async def measure(edits: int) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Path(tmp) / "ws"
        shutil.copytree(ROOT / "reports", workspace / "reports")
        path = workspace / "reports" / "2024" / "operations.yaml"
        clean = path.read_text(encoding="utf-8")
        broken = clean.replace("  human: 520", "  human: 521")
        uri = path.as_uri()
        client = LanguageClient("lsp-latency", "1")
        arrived: asyncio.Queue[tuple[float, list[types.Diagnostic]]] = asyncio.Queue()

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            if params.uri == uri:
                arrived.put_nowait((time.perf_counter(), params.diagnostics))

        await client.start_io(sys.executable, "-m", "reportascode", "lsp", "--lang", "en")
        await client.initialize_async(types.InitializeParams(types.ClientCapabilities(), root_uri=workspace.as_uri()))
        client.initialized(types.InitializedParams())
        client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "yaml", 1, clean)))
        await arrived.get()
        times: list[float] = []
        for number in range(WARM_UP + edits):
            wanted = number % 2 == 0  # even edits break SEAT-01, odd ones fix it
            started = time.perf_counter()
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(number + 2, uri),
                [types.TextDocumentContentChangeWholeDocument(broken if wanted else clean)]))
            while True:
                received, found = await asyncio.wait_for(arrived.get(), 30)
                if any(d.code == "SEAT-01" for d in found) == wanted:
                    break
            if number >= WARM_UP:
                times.append(received - started)
            await asyncio.sleep(0.2)  # edits apart, as a person types and pauses
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
        return times


def engine_cpu(runs: int) -> list[float]:
    """CPU time of the same work in this process (validation with the edit as unsaved text, then diagnostics):
    what the latency would be on an idle machine, less the debounce and the transport."""
    from reportascode.lsp.analysis import Analyzer
    from reportascode.lsp.diagnostics import diagnostics_by_file

    with tempfile.TemporaryDirectory() as tmp:
        workspace = Path(tmp) / "ws"
        shutil.copytree(ROOT / "reports", workspace / "reports")
        path = workspace / "reports" / "2024" / "operations.yaml"
        clean = path.read_text(encoding="utf-8")
        analyzer = Analyzer(workspace, "en")
        times = []
        for number in range(WARM_UP + runs):
            text = clean.replace("  human: 520", "  human: 521") if number % 2 == 0 else clean
            started = time.process_time()
            diagnostics_by_file(analyzer.run({path: text}, [path.parent]))
            if number >= WARM_UP:
                times.append(time.process_time() - started)
        return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=20)
    args = parser.parse_args()
    times = asyncio.run(measure(args.edits))
    ms = sorted(t * 1000 for t in times)
    print(f"rac lsp, change -> publishDiagnostics, reports/2024/operations.yaml, {len(ms)} edits (warm)")
    print(f"median {statistics.median(ms):.1f} ms; min {ms[0]:.1f} ms; max {ms[-1]:.1f} ms; "
          f"p90 {ms[int(len(ms) * 0.9) - 1]:.1f} ms")
    cpu = sorted(t * 1000 for t in engine_cpu(args.edits))
    print(f"engine CPU per run (validation + diagnostics, in-process): median {statistics.median(cpu):.1f} ms")
    print(f"debounce {DEBOUNCE_SECONDS * 1000:.0f} ms; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
