"""Diff as JSON, a stable shape (``version`` 1)::

    {"version": 1,
     "a": {"spec": "2023", "path": "reports/2023", "rev": null, "commit": null, "year": 2023},
     "b": {...},
     "yoy": {"years": [2023, 2024], "threshold": 30} | null,
     "changes": [{"file": "operations.yaml", "pointer": "/seats/total", "old_pointer": null, "kind": "changed",
                  "label_zh": "坐席总数", "label_en": "Total seats", "old": 500, "new": 610,
                  "delta": 110, "percent": 22.0, "marked": false}],
     "problems": [{"file": ..., "side": "a"|"b", "line": 3, "column": 5, "key": "load.syntax", "message": ...}],
     "summary": {"files": [{"file", "section", "added", "removed", "changed", "marked"}],
                 "added": 0, "removed": 0, "changed": 1, "marked": 0, "problems": 0}}

Numbers (``old``, ``new``, ``delta``, ``percent``, ``threshold``) are always JSON numbers written with their exact
decimal text, never through a float: ``0.148`` stays ``0.148`` and ``4650.00`` stays ``4650.00``. Read them
exactly with ``json.loads(text, parse_float=decimal.Decimal)``. Strings stay strings, so ``"33"`` and ``33``
differ. ``percent`` is rounded half-up to one place and is ``null`` when the old value is 0.
"""

from __future__ import annotations

from typing import Any

from reportascode.diff.report import ReportDiff
from reportascode.diff.sources import Source
from reportascode.messages import message
from reportascode.model.values import encode


def _side(source: Source, year: int | None) -> dict[str, Any]:
    return {"spec": source.spec, "path": source.path, "rev": source.rev, "commit": source.commit, "year": year}


def as_data(diff: ReportDiff, lang: str) -> dict[str, Any]:
    """The JSON document as plain data (numbers stay exact ``int``/``Decimal``)."""
    changes = [
        {"file": c.file, "pointer": c.pointer, "old_pointer": c.old_pointer, "kind": c.kind,
         "label_zh": c.label_zh, "label_en": c.label_en, "old": c.old, "new": c.new,
         "delta": c.delta, "percent": c.percent, "marked": c.marked}
        for c in diff.changes
    ]
    problems = [
        {"file": p.file, "side": p.side, "line": p.line, "column": p.column, "key": p.message_key,
         "message": message(p.message_key, lang, dict(p.args))}
        for p in diff.problems
    ]
    files = [{"file": f.file, "section": f.section, "added": f.added, "removed": f.removed, "changed": f.changed,
              "marked": f.marked} for f in diff.files()]
    return {
        "version": 1,
        "a": _side(diff.a, diff.years[0]),
        "b": _side(diff.b, diff.years[1]),
        "yoy": {"years": list(diff.years), "threshold": diff.threshold} if diff.yoy else None,
        "changes": changes,
        "problems": problems,
        "summary": {"files": files, "added": diff.count("added"), "removed": diff.count("removed"),
                    "changed": diff.count("changed"), "marked": sum(1 for c in diff.changes if c.marked),
                    "problems": len(diff.problems)},
    }


def format_json(diff: ReportDiff, lang: str, color: bool = False) -> str:
    return encode(as_data(diff, lang), indent=2) + "\n"
