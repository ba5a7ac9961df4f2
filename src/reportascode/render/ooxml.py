"""Byte-stable Office files: every zip entry gets one fixed timestamp, entries are written in a fixed order,
and the core properties carry the report's date instead of the clock."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
CORE_PROPERTIES = "docProps/core.xml"
_W3CDTF = re.compile(r"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def w3c_datetime(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def normalize(data: bytes, day: dt.date) -> bytes:
    """Rewrite an OOXML package: sorted entries (``[Content_Types].xml`` first), fixed timestamps and
    permissions, core properties ``created``/``modified`` set to ``day``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return normalize_parts({name: source.read(name) for name in source.namelist()}, day)


def normalize_parts(parts: dict[str, bytes], day: dt.date) -> bytes:
    """:func:`normalize` of a package given as its parts (name → bytes), for writers that never zipped it."""
    names = sorted(parts, key=lambda n: (n != "[Content_Types].xml", n))
    stamp = w3c_datetime(day)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name in names:
            content = parts[name]
            if name == CORE_PROPERTIES:
                text = _W3CDTF.sub(lambda m: f"{m.group(1)}{stamp}{m.group(3)}", content.decode("utf-8"))
                content = text.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return out.getvalue()
