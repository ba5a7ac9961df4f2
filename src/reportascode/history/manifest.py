"""The data lock's manifest, ``<report>/.rac-lock.yaml``: each file's SHA-256, versions, validation summary and,
after ``rac submit``, the submission record. Written by rac only, in a fixed layout so it diffs cleanly."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportascode.files import paths
from reportascode.history.git import object_id, rac_tag
from reportascode.model.loader import load_bytes, load_file
from reportascode.model.schemas import REPORT_FILES
from reportascode.model.submission import MANIFEST_NAME as MANIFEST_NAME
from reportascode.model.workspace import Report

CORRECTIONS_NAME = "corrections.yaml"


def _q(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def report_files(report: Report) -> list[str]:
    """The data files the lock covers, as file names present in the report folder."""
    return [f"{name}.yaml" for name in REPORT_FILES if (report.folder / f"{name}.yaml").is_file()]


@dataclass
class Manifest:
    report: str
    commit: str
    commit_date: str
    tool_version: str
    schema_version: str
    files: dict[str, str]
    validation: dict[str, int]
    submission: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_text(self) -> str:
        lines = [
            "# rac 数据锁定清单（rac freeze 生成，请勿手工修改） / data lock manifest written by rac freeze",
            f"report: {_q(self.report)}",
            f"locked_commit: {_q(self.commit)}",
            f"locked_commit_date: {_q(self.commit_date)}",
            f"tool_version: {_q(self.tool_version)}",
            f"schema_version: {_q(self.schema_version)}",
            "files:",
            *[f"  {_q(name)}: {_q(digest)}" for name, digest in sorted(self.files.items())],
            "validation: " + json.dumps(self.validation, sort_keys=True),
        ]
        if self.submission is None:
            lines.append("submission: null")
        else:
            lines.append("submission:")
            lines.append(f"  date: {_q(self.submission['date'])}")
            lines.append("  documents:")
            docs = self.submission.get("documents") or {}
            lines += [f"    {_q(n)}: {_q(d)}" for n, d in sorted(docs.items())]
            if not docs:
                lines[-1] = "  documents: {}"
        return "\n".join(lines) + "\n"

    @classmethod
    def parse(cls, raw: bytes) -> Manifest | None:
        doc = load_bytes(raw, MANIFEST_NAME)
        data = doc.data if doc.ok else None
        if not isinstance(data, dict):
            return None
        try:
            return cls(
                report=str(data["report"]), commit=object_id(data["locked_commit"], MANIFEST_NAME),
                commit_date=str(data["locked_commit_date"]), tool_version=str(data["tool_version"]),
                schema_version=str(data["schema_version"]),
                files={str(k): str(v) for k, v in (data.get("files") or {}).items()},
                validation={str(k): int(v) for k, v in (data.get("validation") or {}).items()},
                submission=data.get("submission"),
            )
        except (KeyError, TypeError, ValueError):
            return None

    @classmethod
    def read(cls, folder: Path) -> Manifest | None:
        path = folder / MANIFEST_NAME
        return cls.parse(paths.read_bytes(path)) if path.is_file() else None


def tag_name(report: Report, kind: str) -> str:
    """``rac/2024/locked``; ``rac/acme/2024/submitted`` for an entity's report; a folder name git cannot take
    as a tag name (a space, ``..``, a control character) is a usage error naming it."""
    return rac_tag(f"rac/{report.id.removeprefix('reports/')}/{kind}")


def corrections(report: Report) -> list[dict[str, Any]]:
    """The correction records of a frozen report (``corrections.yaml``: a list of reason/date/approver/fields)."""
    path = report.folder / CORRECTIONS_NAME
    if not path.is_file():
        return []
    doc = load_file(path, report.file_path("corrections"))
    data = doc.data if doc.ok else None
    return [c for c in data if isinstance(c, dict)] if isinstance(data, list) else []


def corrected_fields(report: Report) -> set[str]:
    """``file.yaml#/pointer`` strings covered by a complete correction record (reason, date and approver)."""
    covered: set[str] = set()
    for record in corrections(report):
        if all(record.get(k) for k in ("reason", "date", "approver")):
            covered.update(str(f) for f in record.get("fields") or [])
    return covered
