"""The data fingerprint printed on every page of a rendered document, and read back from one.

A paper copy is matched to the repository by one hash over the report's data files: the same digests the
``rac freeze`` manifest records, combined in a fixed order. When the working data is what was frozen, the
fingerprint is the manifest's and the document says 已锁定 (locked); otherwise it is the working data's, marked
未锁定 (not locked). Documents also carry it as ``rac-fingerprint:<report>:<state>:<hash>`` in their metadata,
which :func:`read_document` finds again.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from reportascode.history.manifest import Manifest, report_files, sha256
from reportascode.model.workspace import Report

SHORT = 16  # hex digits printed on a page: 64 bits, enough to tell two data states apart by eye
# ":" as rac writes it; ", " as LibreOffice rewrites keywords when it converts a DOCX or XLSX to PDF
MARKER = re.compile(rb"rac-fingerprint[:,] ?([^:,\s<>\"()]+)[:,] ?(locked|unlocked)[:,] ?([0-9a-f]{64})")
MAX_PART = 64 * 1024 * 1024  # a document part larger than this is not read (a zip bomb is not inflated)


@dataclass(frozen=True)
class Fingerprint:
    report: str
    digest: str
    locked: bool

    @property
    def short(self) -> str:
        return self.digest[:SHORT]

    @property
    def marker(self) -> str:
        return f"rac-fingerprint:{self.report}:{'locked' if self.locked else 'unlocked'}:{self.digest}"


def data_hash(files: dict[str, str]) -> str:
    """One hash over file name → SHA-256 digest pairs (the manifest's ``files``), independent of their order."""
    text = "".join(f"{name}\t{digest}\n" for name, digest in sorted(files.items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def manifest_hash(manifest: Manifest) -> str:
    return data_hash(manifest.files)


def working_files(report: Report) -> dict[str, str]:
    return {name: sha256((report.folder / name).read_bytes()) for name in report_files(report)}


def fingerprint(report: Report) -> Fingerprint:
    """The report's fingerprint now: locked when a freeze manifest exists and the data is still what it froze."""
    digest = data_hash(working_files(report))
    manifest = Manifest.read(report.folder)
    locked = manifest is not None and manifest_hash(manifest) == digest
    return Fingerprint(report.id, digest, locked)


def read_document(path: Path) -> Fingerprint | None:
    """The fingerprint a rendered PDF, DOCX or XLSX carries in its metadata; ``None`` if it has none."""
    with path.open("rb") as handle:
        data = handle.read(MAX_PART + 1)
    if len(data) > MAX_PART:
        return None
    if data[:2] == b"PK":
        return _from_zip(path)
    return _parse(_search(data) or _from_pdf_streams(data))


def _from_zip(path: Path) -> Fingerprint | None:
    try:
        with zipfile.ZipFile(path) as package:
            for info in package.infolist():
                if not info.filename.endswith(".xml") or info.file_size > MAX_PART:
                    continue
                found = MARKER.search(package.read(info))
                if found is not None:
                    return _parse(found)
    except (zipfile.BadZipFile, OSError):
        return None
    return None


_STREAM = re.compile(rb"stream\r?\n")
_HEX_TEXT = re.compile(rb"<FEFF((?:[0-9A-Fa-f]{4})+)>")


def _from_pdf_streams(data: bytes) -> re.Match[bytes] | None:
    """The marker inside a PDF's compressed object streams (WeasyPrint keeps its metadata there), each stream
    inflated to at most MAX_PART bytes; text strings may be UTF-16 hex."""
    for start in _STREAM.finditer(data):
        end = data.find(b"endstream", start.end())
        if end < 0:
            break
        inflater = zlib.decompressobj()
        try:
            plain = inflater.decompress(data[start.end():end], MAX_PART)
        except zlib.error:
            continue
        found = _search(plain)
        if found is not None:
            return found
    return None


def _search(plain: bytes) -> re.Match[bytes] | None:
    found = MARKER.search(plain)
    if found is not None:
        return found
    for hex_text in _HEX_TEXT.finditer(plain):
        try:
            text = bytes.fromhex(hex_text.group(1).decode("ascii")).decode("utf-16-be")
        except ValueError:
            continue
        found = MARKER.search(text.encode("utf-8"))
        if found is not None:
            return found
    return None


def _parse(found: re.Match[bytes] | None) -> Fingerprint | None:
    if found is None:
        return None
    return Fingerprint(found.group(1).decode("utf-8", "replace"), found.group(3).decode("ascii"),
                       found.group(2) == b"locked")


@dataclass(frozen=True)
class DocumentVerdict:
    """What ``rac verify --document`` found: a message key and its arguments; ``matches`` decides the exit code."""

    matches: bool
    key: str
    args: dict[str, str]


def verify_document(path: Path, report: Report) -> DocumentVerdict:
    """Whether the document at ``path`` was rendered from ``report``'s locked data (its freeze manifest)."""
    found = read_document(path)
    name = path.name
    if found is None:
        return DocumentVerdict(False, "verify.document_no_fingerprint", {"document": name})
    manifest = Manifest.read(report.folder)
    if manifest is None:
        return DocumentVerdict(False, "verify.not_frozen", {"report": report.id})
    locked = manifest_hash(manifest)
    args = {"document": name, "report": report.id, "fingerprint": found.short, "locked": locked[:SHORT],
            "commit": manifest.commit[:10], "date": manifest.commit_date[:10]}
    if found.report != report.id:
        return DocumentVerdict(False, "verify.document_other_report", {**args, "other": found.report})
    if found.digest != locked:
        return DocumentVerdict(False, "verify.document_mismatch", args)
    return DocumentVerdict(True, "verify.document_match", args)
