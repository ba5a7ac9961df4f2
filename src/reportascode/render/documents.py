"""The documents of one report, as models: the annual report (承诺书, the five forms, 数据真实性承诺函, a data
sheet per province) and the gap analysis. Every format is written from these."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import jinja2

from reportascode import __version__
from reportascode.messages import join_list, message
from reportascode.render import figures as formatting
from reportascode.render.content import (
    Block,
    Cell,
    Column,
    Document,
    Field,
    Fields,
    Heading,
    Legend,
    Paragraph,
    Section,
    Signature,
    Signatures,
    SignOff,
    Table,
)
from reportascode.render.context import (
    DERIVED_LABELS,
    SEVERITY_COLUMNS,
    FindingView,
    ReportContext,
    area_text,
    field_text,
    gap_summary,
    make_cell,
    names_of,
    province_name,
    without_paths,
)
from reportascode.render.env import WorkspaceLoader, render_template
from reportascode.render.filing_status import status_text
from reportascode.render.layout import PROVENANCES, FieldRef, FormSpec, SectionSpec, load_layout
from reportascode.rules.registry import basis_label

SERVICE_CODES = ("B24-1", "B24-2")  # named by the messages "service.<code>"


def _blank(ctx: ReportContext) -> str:
    """The line left for a value to be written by hand (full-width in Chinese documents)."""
    return ctx.msg("document.blank") * 6


def draft_text(lang: str) -> str:
    return message("document.draft_stamp", lang)


def annual_report(ctx: ReportContext, env: jinja2.Environment) -> Document:
    assert isinstance(env.loader, WorkspaceLoader)
    layout = load_layout(env.loader)
    forms = [section for section in (form_section(ctx, form) for form in layout) if section is not None]
    letters = [commitment_section(ctx, env), data_letter_section(ctx, env)]
    outbound = outbound_sections(ctx, env)
    numbers = [number_report_section(ctx)]
    provinces = province_sections(ctx)
    cover = cover_section(ctx, [letters[0], *forms, letters[1], *outbound, *numbers, *provinces])
    sections = [cover, letters[0], *forms, letters[1], *outbound, *numbers, *provinces]
    title = ctx.msg("document.annual_report_title", year=ctx.report.year)
    return _document(ctx, "annual-report", title, sections, _b24_note(ctx))


def gap_analysis(ctx: ReportContext) -> Document:
    title = ctx.msg("document.gap_analysis_title", year=ctx.report.year)
    return _document(ctx, "gap-analysis", title, [gap_section(ctx)], "")


def _document(ctx: ReportContext, doc_id: str, title: str, sections: list[Section], note: str) -> Document:
    footer, marker = "", ""
    if ctx.fingerprint is not None:
        state = ctx.msg("pack.locked" if ctx.fingerprint.locked else "pack.unlocked")
        footer = ctx.msg("pack.footer", hash=ctx.fingerprint.short, state=state, version=__version__)
        marker = ctx.fingerprint.marker
    return Document(id=doc_id, title=title, lang=ctx.lang, sections=sections, draft=ctx.draft,
                    draft_text=draft_text(ctx.lang), company=ctx.company_name, year=ctx.report.year,
                    date=ctx.report_date, note=note, footer=footer, marker=marker,
                    internal_text=ctx.msg("pack.internal"))


def _b24_note(ctx: ReportContext) -> str:
    if _open_services(ctx, "B24"):
        return ""
    return ctx.msg("document.b24_note")


def _open_services(ctx: ReportContext, prefix: str) -> list[str]:
    codes = []
    for service in ctx.items("licence", "/services"):
        if isinstance(service, dict) and str(service.get("code", "")).startswith(prefix) \
                and service.get("status") == "开通":
            codes.append(str(service["code"]))
    return codes


def _subtitle(ctx: ReportContext) -> str:
    uscc = ctx.get("company", "/uscc") or formatting.EMPTY
    return ctx.msg("document.subtitle", company=ctx.company_name, uscc=uscc, year=ctx.report.year)


# -- forms ----------------------------------------------------------------------------------------------------
def form_section(ctx: ReportContext, form: FormSpec) -> Section | None:
    title = form.title[ctx.lang]
    if form.service:
        codes = _open_services(ctx, form.service)
        if not codes:
            return None
        names = [f"{code} {ctx.msg(f'service.{code}')}" if code in SERVICE_CODES else code for code in codes]
        title = ctx.msg("text.parenthesised", text=title, detail=join_list(names, ctx.lang))
    blocks: list[Block] = [legend(ctx)]
    if form.note:
        blocks.append(Paragraph(form.note[ctx.lang], "note"))
    for spec in form.sections:
        blocks.append(_section_block(ctx, spec))
    blocks.append(sign_off(ctx))
    return Section(id=form.id, title=title, sheet=_sheet_name(form.title[ctx.lang]), blocks=blocks,
                   subtitle=_subtitle(ctx))


def legend(ctx: ReportContext) -> Legend:
    return Legend([(kind, ctx.msg(f"pack.provenance.{kind}"), ctx.msg(f"pack.provenance.{kind}.help"))
                   for kind in PROVENANCES])


def sign_off(ctx: ReportContext) -> SignOff:
    """填表人 / 审核人 with their phone (the preparer's own, else the contact's or the legal representative's when
    the names match) and dates, as at the foot of a Chinese form."""
    entries: list[tuple[str, str]] = []
    for role in ("preparer", "reviewer"):
        name = ctx.get("signatures", f"/{role}/name")
        entries.append((ctx.msg(f"pack.{role}"), str(name) if name else _blank(ctx)))
        entries.append((ctx.msg("pack.phone"), _phone_of(ctx, role, name)))
        day = ctx.get("signatures", f"/{role}/date")
        entries.append((ctx.msg(f"pack.{role}.date"), formatting.date(day, ctx.lang) if day else _blank(ctx)))
    return SignOff(entries)


def _phone_of(ctx: ReportContext, role: str, name: Any) -> str:
    own = ctx.get("signatures", f"/{role}/phone")
    if own:
        return str(own)
    for person in ("contact", "legal_rep"):
        if name and ctx.get("company", f"/{person}/name") == name and ctx.get("company", f"/{person}/phone"):
            return str(ctx.get("company", f"/{person}/phone"))
    return _blank(ctx)


def _section_block(ctx: ReportContext, spec: SectionSpec) -> Block:
    title = spec.title[ctx.lang] if spec.title else None
    if spec.table is not None:
        table = _table(ctx, spec.table, spec.columns, title)
        table.provenance = spec.provenance
        table.provenance_text = ctx.msg(f"pack.provenance.{spec.provenance}")
        return table
    return Fields([_field(ctx, ref, spec.provenance_of(ref)) for ref in spec.fields], title)


def _field(ctx: ReportContext, ref: FieldRef, provenance: str = "") -> Field:
    try:
        label, unit = ctx.label(ref.file, ref.pointer, ref.qualify)
    except LookupError:
        from reportascode.errors import UsageError

        raise UsageError("render.layout_invalid", file="forms.yaml", line=1, column=1,
                         detail=f"no schema title for {ref.file}#{ref.pointer}") from None
    if ref.file == "derived":
        provenance = provenance and "computed"
    return Field(formatting.with_unit(label, unit, ctx.lang), unit, ctx.cell(ref.file, ref.pointer), provenance,
                 ctx.msg(f"pack.provenance.{provenance}") if provenance else "")


def _table(ctx: ReportContext, ref: FieldRef, columns: tuple[str, ...], title: str | None) -> Table:
    if title is None:
        title = ctx.label(ref.file, ref.pointer)[0] if ref.pointer else ctx.label(ref.file, "")[0]
    heads = []
    for name in columns:
        try:
            label, unit = ctx.label(ref.file, f"{ref.pointer}/*/{name}")
        except LookupError:
            from reportascode.errors import UsageError

            raise UsageError("render.layout_invalid", file="forms.yaml", line=1, column=1,
                             detail=f"no schema title for {ref.file}#{ref.pointer}/*/{name}") from None
        heads.append(Column(label, formatting.with_unit(label, unit, ctx.lang), unit))
    rows = []
    for index, item in enumerate(ctx.items(ref.file, ref.pointer)):
        row = []
        for name in columns:
            value = item.get(name) if isinstance(item, dict) else None
            row.append(ctx.cell(ref.file, f"{ref.pointer}/{index}/{name}", value))
        rows.append(row)
    return Table(heads, rows, title, empty_text=ctx.msg("document.none"))


def _sheet_name(title: str) -> str:
    cleaned = "".join(ch for ch in title if ch not in "[]:*?/\\")
    return cleaned[:31]


# -- letters --------------------------------------------------------------------------------------------------
def _letter_values(ctx: ReportContext) -> dict[str, Any]:
    def text(file: str, pointer: str) -> str:
        value = ctx.get(file, pointer)
        return str(value) if value not in (None, "") else _blank(ctx)

    return {
        "company": ctx.company_name,
        "uscc": text("company", "/uscc"),
        "licence_no": text("meta", "/licence_no"),
        "year": ctx.report.year,
        "legal_rep": text("company", "/legal_rep/name"),
        "finance_head": text("signatures", "/data_authenticity_letter/finance_head"),
        "audit_firm": text("finance", "/audit/firm"),
        "audit_report_no": text("finance", "/audit/report_no"),
        "data": ctx.data,
        "derived": ctx.derived,
    }


def letter_blocks(ctx: ReportContext, env: jinja2.Environment, name: str) -> list[Block]:
    """A letter's text template, one paragraph per blank-line-separated block; ``> `` marks a note."""
    text = render_template(env, f"letters/{name}.{ctx.lang}.txt", _letter_values(ctx))
    blocks: list[Block] = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        paragraph = ctx.msg("text.line_join").join(line.strip() for line in chunk.strip().splitlines())
        if not paragraph:
            continue
        if paragraph.startswith(">"):
            blocks.append(Paragraph(paragraph.lstrip("> ").strip(), "note"))
        else:
            blocks.append(Paragraph(paragraph, "letter"))
    return blocks


def _signed_date(ctx: ReportContext, pointer: str) -> str:
    value = ctx.get("signatures", pointer)
    return formatting.date(value, ctx.lang) if value else ctx.msg("pack.blank_date")


def signatures(ctx: ReportContext, lines: list[Signature], date: str) -> Signatures:
    """承诺单位（盖章）：<企业全称> (room for the seal over the name), the signers' lines, the date line."""
    return Signatures(ctx.msg("pack.seal"), ctx.company_name, lines, ctx.msg("pack.date"), date)


def commitment_section(ctx: ReportContext, env: jinja2.Environment) -> Section:
    title = ctx.msg("document.commitment_title", year=ctx.report.year)
    signer = str(ctx.get("signatures", "/commitment/signer") or ctx.get("company", "/legal_rep/name") or "")
    blocks = letter_blocks(ctx, env, "commitment")
    blocks.append(signatures(ctx, [Signature(ctx.msg("pack.sign.legal_rep"), signer)],
                             _signed_date(ctx, "/commitment/date")))
    return Section("commitment", title, ctx.msg("document.commitment"), blocks, _subtitle(ctx))


def data_letter_section(ctx: ReportContext, env: jinja2.Environment) -> Section:
    title = ctx.msg("document.data_authenticity_letter")
    legal = str(ctx.get("signatures", "/data_authenticity_letter/legal_rep") or "")
    finance = str(ctx.get("signatures", "/data_authenticity_letter/finance_head") or "")
    blocks = letter_blocks(ctx, env, "data-authenticity")
    blocks.append(signatures(ctx, [Signature(ctx.msg("pack.sign.legal_rep"), legal),
                                   Signature(ctx.msg("pack.sign.finance_head"), finance)],
                             _signed_date(ctx, "/data_authenticity_letter/date")))
    return Section("data-authenticity", title, ctx.msg("document.data_authenticity"), blocks,
                   _subtitle(ctx))


# -- outbound commitments, number-resource sheet, cover ---------------------------------------------------------
def _outbound_numbers(ctx: ReportContext) -> list[tuple[int, dict[str, Any]]]:
    return [(i, n) for i, n in enumerate(ctx.items("numbers", ""))
            if isinstance(n, dict) and n.get("outbound_enabled") is True]


def outbound_sections(ctx: ReportContext, env: jinja2.Environment) -> list[Section]:
    """One 外呼承诺书 per access number enabled for outbound calls (工信部信管〔2020〕81号)."""
    sections = []
    for index, number in _outbound_numbers(ctx):
        purposes = ctx.cell("numbers", f"/{index}/outbound_purpose").text
        values = {**_letter_values(ctx), "number": str(number.get("number", "")), "purposes": purposes,
                  "scope": ctx.cell("numbers", f"/{index}/scope").text}
        text = render_template(env, f"letters/outbound.{ctx.lang}.txt", values)
        blocks: list[Block] = [Paragraph(p, "letter") for p in _paragraphs(text, ctx.lang)]
        day = number.get("outbound_commitment_date")
        blocks.append(signatures(ctx, [Signature(ctx.msg("pack.sign.legal_rep"),
                                                 str(ctx.get("company", "/legal_rep/name") or ""))],
                                 formatting.date(day, ctx.lang) if day else ctx.msg("pack.blank_date")))
        title = ctx.msg("pack.outbound.title", number=number.get("number", ""))
        sections.append(Section(f"outbound-{index}", title, _sheet_name(ctx.msg("pack.outbound.sheet",
                                                                                  number=number.get("number", ""))),
                                blocks, _subtitle(ctx)))
    return sections


def _paragraphs(text: str, lang: str) -> list[str]:
    out = []
    joiner = message("pack.line_joiner", lang)
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        paragraph = joiner.join(line.strip() for line in chunk.strip().splitlines())
        if paragraph:
            out.append(paragraph)
    return out


NUMBER_COLUMNS = ("number", "kind", "certificate_no", "allocator", "scope", "allocated", "valid_until", "status",
                  "outbound_enabled", "trunk_ids", "code_annual_report_filed")


def number_report_section(ctx: ReportContext) -> Section:
    """The 码号资源年报 data sheet: the numbers allocated to the company itself (carrier-leased 400/1010 numbers
    are the carrier's and are left out), for the separate filing due the same 31 March."""
    table = _table(ctx, FieldRef("numbers", ""), NUMBER_COLUMNS, ctx.msg("pack.numbers.table"))
    items = ctx.items("numbers", "")
    table.rows = [row for row, item in zip(table.rows, items, strict=True)
                  if isinstance(item, dict) and item.get("holder") == "self"]
    table.empty_text = ctx.msg("pack.numbers.none")
    table.provenance = "system"
    table.provenance_text = ctx.msg("pack.provenance.system")
    blocks: list[Block] = [Paragraph(ctx.msg("pack.numbers.note"), "note"), table, sign_off(ctx)]
    return Section("number-report", ctx.msg("pack.numbers.title", year=ctx.report.year),
                   _sheet_name(ctx.msg("pack.numbers.sheet")), blocks, _subtitle(ctx), landscape=True)


def cover_section(ctx: ReportContext, contents: list[Section]) -> Section:
    """The cover sheet (unsigned): who and what, 材料清单 of this pack, 附件清单 of what the filer attaches with
    each one's status from the report, and the notes that must not sit inside the signed letters."""
    get = ctx.get
    info = Fields([
        Field(ctx.msg("pack.cover.company"), None, Cell(ctx.company_name)),
        Field(ctx.msg("pack.cover.uscc"), None, Cell(str(get("company", "/uscc") or formatting.EMPTY))),
        Field(ctx.msg("pack.cover.licence"), None, Cell(str(get("meta", "/licence_no") or formatting.EMPTY))),
        Field(ctx.msg("pack.cover.year"), None, Cell(ctx.msg("pack.cover.year_value", year=ctx.report.year))),
        Field(ctx.msg("pack.cover.deadline"), None,
              Cell(formatting.date(f"{ctx.report.year + 1}-03-31", ctx.lang))),
        Field(ctx.msg("pack.cover.submission"), None, _submission_cell(ctx)),
    ], ctx.msg("pack.cover.info"))
    content_rows = []
    for number, section in enumerate(contents, start=1):
        kind = ctx.msg("pack.cover.signed") if any(isinstance(b, Signatures) for b in section.blocks) \
            else ctx.msg("pack.cover.internal") if section.internal else ctx.msg("pack.cover.form")
        content_rows.append([Cell(str(number), number, "count"), Cell(section.title), Cell(kind)])
    contents_table = Table([Column(h, h) for h in (ctx.msg("pack.cover.no"), ctx.msg("pack.cover.item"),
                                                   ctx.msg("pack.cover.use"))],
                           content_rows, ctx.msg("pack.cover.contents"))
    attachments = Table([Column(h, h) for h in (ctx.msg("pack.cover.no"), ctx.msg("pack.cover.attachment"),
                                                ctx.msg("pack.cover.basis"), ctx.msg("pack.cover.status"))],
                        [[Cell(str(i), i, "count"), Cell(name), Cell(basis), Cell(status, css=css)]
                         for i, (name, basis, status, css) in enumerate(_attachments(ctx), start=1)],
                        ctx.msg("pack.cover.attachments"), new_page=True)  # page 2 of the cover, with the notes
    notes = [Paragraph(ctx.msg(key), "note") for key in ("pack.cover.note.typed", "pack.cover.note.letter",
                                                          "pack.cover.note.layout", "pack.cover.note.fingerprint")]
    return Section("cover", ctx.msg("pack.cover.title", year=ctx.report.year), ctx.msg("pack.cover.sheet"),
                   [info, contents_table, attachments, *notes], _subtitle(ctx))


def _submission_cell(ctx: ReportContext) -> Cell:
    """The submission date as every reader has it (rac submit's record, else meta.yaml), not meta.yaml alone."""
    submitted = ctx.report.submission_date
    return ctx.cell("meta", "/submission_date", submitted.isoformat() if submitted is not None else None)


def _attachments(ctx: ReportContext) -> list[tuple[str, str, str, str]]:
    """(attachment, basis, status, css) for each document the filer attaches or keeps ready."""
    get, msg = ctx.get, ctx.msg
    present, missing, na = "ok", "missing", ""

    def have(*values: Any) -> bool:
        return all(v not in (None, "", []) for v in values)

    def dated(no: Any, day: Any) -> str:
        parts = [str(no)] if no else []
        if day:
            parts.append(formatting.date(day, ctx.lang))
        return msg("pack.att.present", ref=msg("pack.comma").join(parts))

    def basis(kind: str, *sources: str) -> str:
        return basis_label(kind, sources, ctx.lang)

    rows: list[tuple[str, str, str, str]] = []
    audit_no, audit_day = get("finance", "/audit/report_no"), get("finance", "/audit/report_date")
    rows.append((msg("pack.att.audit"), basis("V", "order42_art35"),
                 dated(audit_no, audit_day) if have(audit_no) else msg("pack.att.absent"),
                 present if have(audit_no) else missing))
    special = get("finance", "/audit/special_report/report_no")
    rows.append((msg("pack.att.special"), basis("A"),
                 dated(special, get("finance", "/audit/special_report/report_date")) if have(special)
                 else msg("pack.att.not_held"), present if have(special) else na))
    filing, test = get("compliance", "/netsec/dengbao_filing_no"), get("compliance", "/netsec/test_report_no")
    rows.append((msg("pack.att.dengbao"), basis("V", "order42_art35_4"),
                 msg("pack.att.dengbao_status", filing=filing or formatting.EMPTY, test=test or formatting.EMPTY)
                 if have(filing) else msg("pack.att.absent"), present if have(filing, test) else missing))
    expiry = formatting.parse_date(get("licence", "/expiry_date"))
    submitted = ctx.report.submission_date or ctx.report_date  # the one submission date (model/submission.py)
    renewal = get("licence", "/renewal_applied_date")
    if expiry is not None and (expiry - submitted).days <= 180:
        rows.append((msg("pack.att.renewal"), basis("A", "order42_art27"),
                     msg("pack.att.applied", date=formatting.date(renewal, ctx.lang)) if renewal
                     else msg("pack.att.absent"), present if renewal else missing))
    else:
        rows.append((msg("pack.att.renewal"), basis("A", "order42_art27"),
                     msg("pack.att.not_needed"), na))
    for _, number in _outbound_numbers(ctx):
        day = number.get("outbound_commitment_date")
        rows.append((msg("pack.att.outbound", number=number.get("number", "")),
                     basis("V", "notice81"),
                     msg("pack.att.signed", date=formatting.date(day, ctx.lang)) if day else msg("pack.att.absent"),
                     present if day else missing))
    for number in ctx.items("numbers", ""):
        if not isinstance(number, dict) or number.get("holder") != "self":
            continue
        cert, filed = number.get("certificate_no"), number.get("code_annual_report_filed")
        rows.append((msg("pack.att.code", number=number.get("number", "")),
                     basis("V", "number_report"),
                     msg("pack.att.code_status", certificate=cert or formatting.EMPTY,
                         filed=formatting.date(filed, ctx.lang) if filed else msg("pack.att.not_filed")),
                     present if cert and filed else missing))
    events = [e for e in ctx.items("compliance", "/harassment_notices") + ctx.items("compliance", "/penalties")
              if isinstance(e, dict)]
    if events:
        done = all(e.get("rectification_report") for e in events)
        rows.append((msg("pack.att.rectification"), basis("V", "notice81"),
                     msg("pack.att.count", count=len(events)), present if done else missing))
    return rows


# -- per-province sheets --------------------------------------------------------------------------------------
def _derived_field(ctx: ReportContext, key: str, value: Decimal | None) -> Field:
    unit, kind, places = DERIVED_LABELS[key]
    return Field(formatting.with_unit(ctx.msg(f"derived.{key}"), unit, ctx.lang), unit,
                 make_cell(value, kind, ctx.lang, places),
                 "computed", ctx.msg("pack.provenance.computed"))


def province_sections(ctx: ReportContext) -> list[Section]:
    node = ctx.schema_node("operations", "/by_province/*/province") or {}
    names = names_of(node)
    branches = {b.get("id"): (i, b) for i, b in enumerate(ctx.items("branches", "")) if isinstance(b, dict)}
    total_seats = formatting.to_decimal(ctx.get("operations", "/seats/total"))
    total_revenue = formatting.to_decimal(ctx.get("finance", "/call_center_revenue_wan"))
    sections = []
    for index, entry in enumerate(ctx.items("operations", "/by_province")):
        if not isinstance(entry, dict):
            continue
        code = entry.get("province")
        name = province_name(code, names, ctx.lang)
        base = f"/by_province/{index}"
        fields = [_field(ctx, FieldRef("operations", f"{base}/{key}"), "internal")
                  for key in ("province", "seats", "ai_seats", "inbound_answered", "outbound_connected",
                              "revenue_wan", "site_id")]
        seats = formatting.to_decimal(entry.get("seats"))
        revenue = formatting.to_decimal(entry.get("revenue_wan"))
        derived = [
            _derived_field(ctx, "seat_share", _share(seats, total_seats)),
            _derived_field(ctx, "revenue_share", _share(revenue, total_revenue)),
            _derived_field(ctx, "revenue_per_seat_wan", _share(revenue, seats, 2)),
        ]
        blocks: list[Block] = [
            Paragraph(ctx.msg("document.province_note"), "note"),
            Fields(fields, ctx.msg("document.province_figures")),
            Fields(derived, ctx.msg("document.derived_figures_computed")),
        ]
        site = branches.get(entry.get("site_id"))
        if site is not None:
            site_index, _ = site
            blocks.append(Fields(
                [_field(ctx, FieldRef("branches", f"/{site_index}/{key}"), "internal")
                 for key in ("name", "kind", "uscc", "city", "address", "established", "seats", "staff")],
                ctx.msg("document.branch_or_site"),
            ))
        blocks.append(_filtered_table(ctx, "trunks", ("id", "carrier", "kind", "channels", "contract_end",
                                                      "direction"), code, _trunk_in))
        blocks.append(_filtered_table(ctx, "numbers", ("number", "kind", "holder", "scope", "status",
                                                       "outbound_enabled"), code, _number_in))
        title = ctx.msg("document.province_title", name=name, code=code)
        sections.append(Section(f"province-{code}", title, _sheet_name(ctx.msg("document.province_sheet", name=name)),
                                blocks, _subtitle(ctx), internal=True))
    return sections


def _share(part: Decimal | None, whole: Decimal | None, places: int = 4) -> Decimal | None:
    if part is None or whole is None or whole == 0:
        return None
    return formatting.quantize(part / whole, places)


def _trunk_in(item: dict[str, Any], code: Any) -> bool:
    return bool(item.get("province") == code)


def _number_in(item: dict[str, Any], code: Any) -> bool:
    scope = item.get("scope")
    return isinstance(scope, list) and (code in scope or "全国" in scope)


def _filtered_table(ctx: ReportContext, file: str, columns: tuple[str, ...], code: Any,
                    keep: Callable[[dict[str, Any], Any], bool]) -> Table:
    table = _table(ctx, FieldRef(file, ""), columns, None)
    items = ctx.items(file, "")
    table.rows = [row for row, item in zip(table.rows, items, strict=True)
                  if isinstance(item, dict) and keep(item, code)]
    return table


# -- gap analysis ---------------------------------------------------------------------------------------------


def _heat(count: int, column: str) -> str:
    if count == 0:
        return "heat-0"
    if column == "error":
        return "heat-3"
    if column == "warning":
        return "heat-2" if count < 3 else "heat-3"
    if column == "info":
        return "heat-1"
    return "heat-ok"


def gap_section(ctx: ReportContext) -> Section:
    views = ctx.findings
    summary = gap_summary(views, ctx.lang)
    status = status_text(summary.totals, ctx.lang, ctx.draft)
    blocks: list[Block] = [
        Paragraph(ctx.msg("document.gap_note"), "internal"),
        Fields([
            Field(ctx.msg("document.report"), None, Cell(ctx.msg("pack.cover.year_value", year=ctx.report.year))),
            Field(ctx.msg("document.company"), None, Cell(ctx.company_name)),
            Field(ctx.msg("document.status"), None, Cell(status)),
            Field(ctx.msg("document.errors"), None, make_cell(summary.errors, "count", ctx.lang)),
            Field(ctx.msg("document.warnings_unexplained"), None, make_cell(summary.warnings, "count", ctx.lang)),
            Field(ctx.msg("document.warnings_explained_in_the_explanations"), None,
                  make_cell(summary.explained, "count", ctx.lang)),
            Field(ctx.msg("document.info"), None, make_cell(summary.infos, "count", ctx.lang)),
            Field(ctx.msg("document.waived"), None, make_cell(summary.waived, "count", ctx.lang)),
        ], ctx.msg("document.overview")),
    ]
    columns = [Column(h, h) for h in (ctx.msg(f"document.{key}") for key in ("area", "errors", "warnings", "info",
                                                                               "explained", "waived", "total"))]
    rows = []
    for key, text in summary.areas:
        counts = [summary.counts.get((key, column), 0) for column in SEVERITY_COLUMNS]
        row = [Cell(text)]
        row += [Cell(str(n), n, "count", css=_heat(n, column)) for n, column in zip(counts, SEVERITY_COLUMNS,
                                                                                    strict=True)]
        row.append(Cell(str(sum(counts)), sum(counts), "count"))
        rows.append(row)
    blocks.append(Table(columns, rows, ctx.msg("document.heat_map_area_severity"), style="heatmap"))
    blocks.append(_findings_table(ctx, views))
    blocks.extend(_reconciliation_tables(ctx))
    waived = [v for v in views if v.waived_by is not None]
    blocks.append(Table(
        [Column(h, h) for h in (ctx.msg("document.rule"), ctx.msg("document.field"), ctx.msg("document.finding"),
                                ctx.msg("document.waiver"))],
        [[Cell(v.rule), Cell(v.field), Cell(v.message), Cell(v.waived_by or "")] for v in waived],
        ctx.msg("document.waivers_workspace_configuration"),
        empty_text=ctx.msg("document.none"),
    ))
    blocks.append(_explanations_table(ctx))
    blocks.extend(_risk_blocks(ctx, summary.score, summary.grade))
    title = ctx.msg("document.gap_analysis")
    return Section("gap-analysis", title, title, blocks, _subtitle(ctx), internal=True, landscape=True)


def _reconciliation_tables(ctx: ReportContext) -> list[Block]:
    """The discrepancy table of ``rac reconcile`` (report figures against evidence exports), when evidence exists."""
    if not (ctx.report.folder / "evidence").is_dir():
        return []
    from reportascode.reconcile import reconcile_report
    from reportascode.reconcile.reconcile_output import cells
    from reportascode.rules.registry import load_workspace_config

    result = reconcile_report(ctx.report, load_workspace_config(ctx.report.workspace.root))
    headers = tuple(ctx.msg(f"document.{key}") for key in ("field", "report_2", "evidence", "difference",
                                                             "tolerance_internal", "verdict"))
    rows = [[Cell(without_paths(text, ctx.lang)) for text in cells(row, ctx.lang)] for row in result.rows]
    note = Paragraph(ctx.msg("document.reconciliation_note"), "internal")
    return [note, Table([Column(h, h) for h in headers], rows, ctx.msg("document.reconciliation_against_evidence"),
                        empty_text=ctx.msg("document.none"))]


def _findings_table(ctx: ReportContext, views: list[FindingView]) -> Table:
    columns = [Column(h, h) for h in (ctx.msg(f"document.{key}") for key in ("severity", "area", "rule", "basis",
                                                                               "field", "finding", "status_2"))]
    rows = []
    for view in views:
        if view.waived_by is not None:
            state = ctx.msg("document.state_waived", reason=view.waived_by)
        elif view.explanation is not None:
            state = ctx.msg("document.state_explained", reason=view.explanation)
        else:
            state = ctx.msg("document.open")
        rows.append([Cell(view.severity_text, css=f"sev-{view.severity}"), Cell(area_text(view.area, ctx.lang)),
                     Cell(view.rule), Cell(view.basis_text), Cell(view.field), Cell(view.message), Cell(state)])
    return Table(columns, rows, ctx.msg("document.all_findings_by_severity"),
                 empty_text=ctx.msg("document.no_findings"))


def _explanations_table(ctx: ReportContext) -> Table:
    table = _table(ctx, FieldRef("explanations", ""), ("check", "field", f"text_{ctx.lang}", "evidence"),
                   ctx.msg("document.explanations_2"))
    for row, item in zip(table.rows, ctx.items("explanations", ""), strict=False):
        target = str(item.get("field") or "") if isinstance(item, dict) else ""
        file, _, pointer = target.partition("#")
        if file:
            row[1] = Cell(field_text(ctx.store, ctx.version, file.removesuffix(".yaml"), pointer, ctx.lang))
    return table


def _risk_blocks(ctx: ReportContext, score: int, grade: str) -> list[Block]:
    grade_text = ctx.msg(f"document.{grade}")
    return [
        Heading(ctx.msg("document.internal_risk_estimate"), 3),
        Paragraph(ctx.msg("document.risk_note"), "internal"),
        Fields([
            Field(ctx.msg("document.internal_risk_score"), None, make_cell(score, "count", ctx.lang)),
            Field(ctx.msg("document.internal_risk_level"), None, Cell(grade_text, grade, css=f"risk-{grade}")),
            Field(ctx.msg("document.method"), None, Cell(ctx.msg("document.risk_method"))),
        ]),
    ]


def key_figures(ctx: ReportContext) -> list[Field]:
    """The handful of figures the Markdown summary and the build index show."""
    refs = [
        ("operations", "/seats/total"), ("operations", "/seats/ai"), ("operations", "/inbound/answered"),
        ("operations", "/outbound/connected"), ("finance", "/operating_revenue_wan"),
        ("finance", "/telecom_revenue_wan"), ("finance", "/call_center_revenue_wan"),
        ("compliance", "/complaints/received"), ("derived", "/revenue_per_seat_wan"),
    ]
    return [_field(ctx, FieldRef(file, pointer)) for file, pointer in refs]
