"""The forms' layout, read from ``templates/forms.yaml`` (a workspace's own copy overrides the packaged one).

A form is a list of sections; a section is either a list of fields (``file#/pointer``) or a table over a list
(``file#/pointer`` plus column names). Labels are not written here: they come from the schemas' titles.

Each row's provenance is declared here too, once: ``system`` (a field copied into the filing system),
``internal`` (this tool's or the company's addition, not filed) or ``computed`` (derived by this tool). A form
sets a default, a section overrides it, a field overrides its section (``{field: …, provenance: internal}``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportascode.errors import UsageError
from reportascode.messages import Bilingual
from reportascode.model.loader import load_file
from reportascode.render.env import WorkspaceLoader

LAYOUT_FILE = "forms.yaml"
PROVENANCES = ("system", "internal", "computed")


@dataclass(frozen=True)
class FieldRef:
    file: str
    pointer: str
    qualify: bool = False
    provenance: str | None = None


@dataclass(frozen=True)
class SectionSpec:
    title: dict[str, str] | None
    fields: tuple[FieldRef, ...] = ()
    table: FieldRef | None = None
    columns: tuple[str, ...] = ()
    provenance: str = "system"

    def provenance_of(self, ref: FieldRef) -> str:
        return ref.provenance or self.provenance


@dataclass(frozen=True)
class FormSpec:
    id: str
    title: dict[str, str]
    note: dict[str, str] | None
    service: str | None
    sections: tuple[SectionSpec, ...] = field(default_factory=tuple)


def load_layout(loader: WorkspaceLoader) -> list[FormSpec]:
    path = loader.find(LAYOUT_FILE)
    if path is None:
        raise UsageError("render.layout_invalid", file=LAYOUT_FILE, line=1, column=1,
                         detail=Bilingual.of("layout.not_found"))
    display = loader.display.get(str(path), LAYOUT_FILE)
    doc = load_file(path, display)
    for problem in doc.problems:
        raise UsageError("render.layout_invalid", file=display, line=problem.line, column=problem.column,
                         detail=Bilingual.of(problem.message_key, dict(problem.args)))
    data = doc.data if isinstance(doc.data, dict) else {}

    def fail(pointer: str, detail: str) -> UsageError:
        line, column = doc.value_position(pointer)
        return UsageError("render.layout_invalid", file=display, line=line, column=column,
                          detail=Bilingual.of(f"layout.{detail}", {"allowed": ", ".join(PROVENANCES)}))

    forms = data.get("forms")
    if not isinstance(forms, list):
        raise fail("", "no_forms")
    specs = []
    for index, form in enumerate(forms):
        where = f"/forms/{index}"
        if not isinstance(form, dict) or not isinstance(form.get("id"), str):
            raise fail(where, "form_id")
        title = _bilingual(form.get("title"))
        if title is None:
            raise fail(f"{where}/title", "title")
        form_provenance = form.get("provenance", "system")
        if form_provenance not in PROVENANCES:
            raise fail(f"{where}/provenance", "provenance")
        sections = []
        for number, section in enumerate(form.get("sections") or []):
            spot = f"{where}/sections/{number}"
            if not isinstance(section, dict):
                raise fail(spot, "section")
            fields = []
            for item_number, item in enumerate(section.get("fields") or []):
                ref = _field_ref(item)
                if ref is None:
                    raise fail(f"{spot}/fields/{item_number}", "field")
                if ref.provenance is not None and ref.provenance not in PROVENANCES:
                    raise fail(f"{spot}/fields/{item_number}/provenance",
                               "provenance")
                fields.append(ref)
            table = _field_ref(section["table"]) if "table" in section else None
            if "table" in section and table is None:
                raise fail(f"{spot}/table", "table")
            columns = section.get("columns") or []
            if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
                raise fail(f"{spot}/columns", "columns")
            provenance = section.get("provenance", form_provenance)
            if provenance not in PROVENANCES:
                raise fail(f"{spot}/provenance", "provenance")
            sections.append(SectionSpec(_bilingual(section.get("title")), tuple(fields), table, tuple(columns),
                                        provenance))
        service = form.get("service")
        specs.append(FormSpec(form["id"], title, _bilingual(form.get("note")),
                              service if isinstance(service, str) else None, tuple(sections)))
    return specs


def _bilingual(value: Any) -> dict[str, str] | None:
    if isinstance(value, str):
        return {"zh": value, "en": value}
    if isinstance(value, dict) and isinstance(value.get("zh"), str):
        return {"zh": value["zh"], "en": str(value.get("en") or value["zh"])}
    return None


def _field_ref(item: Any) -> FieldRef | None:
    qualify = False
    provenance = None
    if isinstance(item, dict):
        qualify = bool(item.get("qualify"))
        provenance = item.get("provenance")
        if provenance is not None and not isinstance(provenance, str):
            provenance = "?"
        item = item.get("field")
    if not isinstance(item, str) or "#" not in item:
        return None
    file, _, pointer = item.partition("#")
    if pointer and not pointer.startswith("/"):
        return None
    return FieldRef(file, pointer, qualify, provenance)
