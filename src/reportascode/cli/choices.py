"""Values some options accept, shared by their click declarations and the click-free fast path of validate."""

from __future__ import annotations

FINDING_FORMATS = ("text", "json", "sarif", "github", "junit")
ENGINES = ("fast", "reference")
