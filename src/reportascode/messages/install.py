"""The install command that fits how rac itself was installed, for hints ("PDF needs WeasyPrint: …").

From a clone (``pip install -e .``) the extra is installed from that folder; with pipx, by injecting the
library into rac's own environment; otherwise from the package index. Read from the installed distribution's
``direct_url.json`` and ``INSTALLER`` (PEP 610/376), once; nothing is run.
"""

from __future__ import annotations

import functools
import json
import sys
from urllib.parse import unquote, urlparse

DISTRIBUTION = "reportascode"


@functools.cache
def _origin() -> tuple[str, str]:
    """``("clone", folder)``, ``("pipx", "")``, or ``("index", "")``."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        dist = distribution(DISTRIBUTION)
    except PackageNotFoundError:
        return "index", ""
    installer = (dist.read_text("INSTALLER") or "").strip()
    try:
        direct = json.loads(dist.read_text("direct_url.json") or "{}")
    except ValueError:
        direct = {}
    url = str(direct.get("url", "")) if isinstance(direct, dict) else ""
    if url.startswith("file://"):
        return "clone", unquote(urlparse(url).path)
    if installer == "pipx" or "pipx" in sys.prefix.replace("\\", "/").split("/"):
        return "pipx", ""
    return "index", ""


def install_command(extra: str, library: str) -> str:
    """How to add ``extra`` (whose main library is ``library``) to this rac installation."""
    kind, folder = _origin()
    if kind == "clone":
        return f"pip install -e '{folder}[{extra}]'"
    if kind == "pipx":
        return f"pipx inject {DISTRIBUTION} {library}"
    return f"pip install '{DISTRIBUTION}[{extra}]'"
