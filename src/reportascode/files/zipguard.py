"""Bounds for an Office file (a zip of XML parts) before any XML parser sees it: the file's size, the number of
parts, their total size when uncompressed, the compression ratio of each (a zip bomb inflates a few kilobytes to
gigabytes), the shared-strings part, and parts that reach outside the file (external links, connections, macros).

Sizes are counted while decompressing, not taken from the headers (a crafted zip can state any size).
"""

from __future__ import annotations

import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_PARTS = 2_000
MAX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_SHARED_STRINGS = 30 * 1024 * 1024
MAX_RATIO = 200  # deflated XML of a real workbook shrinks 5–30×; a bomb shrinks 1,000× and more
_RATIO_FLOOR = 1024 * 1024  # small parts may compress well (a sheet of empty styled cells)
_CHUNK = 1 << 16
_OUTSIDE = ("xl/externalLinks/", "xl/connections.xml", "xl/vbaProject.bin", "xl/activeX/", "xl/embeddings/")


@dataclass(frozen=True)
class ZipRefusal:
    """Why the file is refused: a message key (``zipguard.*``) and its arguments."""

    key: str
    args: tuple[tuple[str, object], ...] = ()

    @property
    def arguments(self) -> dict[str, object]:
        return dict(self.args)


def check_office_file(path: Path, max_bytes: int = MAX_FILE_BYTES, max_uncompressed: int = MAX_UNCOMPRESSED,
                      allow_outside: bool = False) -> ZipRefusal | None:
    """``None`` when the file may be handed to an XML reader; else why not."""
    try:
        info = os.stat(path)
    except OSError as exc:
        return ZipRefusal("zipguard.unreadable", (("detail", exc.strerror or str(exc)),))
    if not stat.S_ISREG(info.st_mode):
        return ZipRefusal("zipguard.not_file")
    if info.st_size > max_bytes:
        return ZipRefusal("zipguard.too_large", (("size", info.st_size), ("limit", max_bytes)))
    try:
        with zipfile.ZipFile(path) as archive:
            return _check_parts(archive, max_uncompressed, allow_outside)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        return ZipRefusal("zipguard.not_zip", (("detail", f"{type(exc).__name__}: {exc}"),))


def _check_parts(archive: zipfile.ZipFile, max_uncompressed: int, allow_outside: bool) -> ZipRefusal | None:
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        return ZipRefusal("zipguard.too_many_parts", (("count", len(parts)), ("limit", MAX_PARTS)))
    if not any(p.filename == "[Content_Types].xml" for p in parts):
        return ZipRefusal("zipguard.not_office")
    total = 0
    for part in parts:
        name = part.filename
        if not allow_outside and name.startswith(_OUTSIDE):
            return ZipRefusal("zipguard.outside", (("part", name),))
        if part.flag_bits & 0x1:
            return ZipRefusal("zipguard.encrypted")
        size = 0
        with archive.open(part) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                total += len(chunk)
                if total > max_uncompressed:
                    return ZipRefusal("zipguard.inflates", (("limit", max_uncompressed),))
                if size > _RATIO_FLOOR and size > MAX_RATIO * max(part.compress_size, 1):
                    return ZipRefusal("zipguard.bomb", (("part", name),))
                if name.endswith("sharedStrings.xml") and size > MAX_SHARED_STRINGS:
                    return ZipRefusal("zipguard.shared_strings", (("limit", MAX_SHARED_STRINGS),))
    return None
