"""DOCX documents (python-docx): real, editable Word tables; byte-identical for the same report.

Set for printing in a Chinese office: black headings in 黑体 and body text in 宋体 (zh-CN as the East Asian
language, so Word never picks a Japanese font), one Word section per form (portrait or landscape, with its own
header: the draft mark, 内部 on internal pages), column widths from the content, and the data fingerprint with
the tool version and the page number in every footer.
"""

from __future__ import annotations

import datetime as dt
import io
from functools import lru_cache
from typing import Any

from reportascode import __version__
from reportascode.messages import message
from reportascode.model.escape import xml_text
from reportascode.render.content import (
    Block,
    Cell,
    Chart,
    Document,
    Fields,
    Heading,
    Legend,
    Paragraph,
    Section,
    Signatures,
    SignOff,
    Table,
)
from reportascode.render.docx_rows import Look, RowSplicer
from reportascode.render.ooxml import normalize_parts

BODY_FONT = "Times New Roman"
EAST_ASIAN_FONT = "宋体"
HEADING_FONT = "Arial"
HEADING_EAST_ASIAN_FONT = "黑体"
RED = (0xB0, 0x00, 0x20)
BLACK = (0, 0, 0)
INTERNAL_BROWN = (0x7A, 0x4B, 0x00)
PROVENANCE_FILLS = {"internal": "EFEFEF", "computed": "FBF3DC"}
ERROR_FILL = "FDE7EA"
PORTRAIT_WIDTH_MM, LANDSCAPE_WIDTH_MM = 180, 267
NARROW_MARGIN_TWIPS = 45  # 0.8 mm each side, for tables with many columns


def render_docx(document: Document) -> bytes:
    import docx

    word: Any = docx.Document()
    shared = _Shared(word)
    _styles(word)
    _east_asian_language(word)
    for number, section in enumerate(document.sections):
        _start_section(word, section, number)
        _section_body(word, document, section, number, shared)
    for page, section in zip(word.sections, document.sections, strict=True):
        _header(page, document, section)
        _footer(page, document)
    moment = dt.datetime.combine(document.date, dt.time(0, 0))
    props = word.core_properties
    props.title = document.title
    props.subject = f"{document.company} {document.year}"
    props.author = document.company
    props.last_modified_by = f"reportascode {__version__}"
    props.created = moment
    props.modified = moment
    props.last_printed = moment
    props.revision = 1
    props.keywords = " ".join(part for part in ("DRAFT" if document.draft else "", document.marker) if part)
    props.comments = ""
    props.category = ""
    parts = package_parts(word)
    parts[BODY_PART] = shared.rows.splice(parts[BODY_PART])
    return normalize_parts(parts, document.date)


BODY_PART = "word/document.xml"


class _Shared:
    """What the tables and headings of one document share: the rows kept as text until the document is
    serialized (docx_rows.RowSplicer), and the ids of its styles (python-docx looks a style up through every
    style of the document each time one is set)."""

    def __init__(self, word: Any) -> None:
        self.word = word
        self.rows = RowSplicer()
        self._style_ids: dict[tuple[str, Any], str | None] = {}

    def style_id(self, name: str, kind: Any) -> str | None:
        key = (name, kind)
        if key not in self._style_ids:
            self._style_ids[key] = self.word.part.get_style_id(name, kind)
        return self._style_ids[key]

    def paragraph(self, style: str) -> Any:
        """``word.add_paragraph(style=style)``."""
        from docx.enum.style import WD_STYLE_TYPE

        paragraph = self.word.add_paragraph()
        paragraph._p.style = self.style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        return paragraph

    def grid(self, table: Any) -> None:
        """``table.style = "Table Grid"``."""
        from docx.enum.style import WD_STYLE_TYPE

        table._tbl.tblStyle_val = self.style_id("Table Grid", WD_STYLE_TYPE.TABLE)


def package_parts(word: Any) -> dict[str, bytes]:
    """What ``word.save()`` writes, as part name → bytes, without zipping it (ooxml.normalize_parts zips it once)."""
    from docx.opc.pkgwriter import PackageWriter

    class Collect:  # python-docx's zip writer, in memory
        def __init__(self) -> None:
            self.parts: dict[str, bytes] = {}

        def write(self, pack_uri: Any, blob: bytes) -> None:
            self.parts[pack_uri.membername] = blob

    package = word.part.package
    for part in package.parts:
        part.before_marshal()
    collect = Collect()
    writer: Any = PackageWriter  # PackageWriter.write's steps, with the collector for its zip writer
    writer._write_content_types_stream(collect, package.parts)
    writer._write_pkg_rels(collect, package.rels)
    writer._write_parts(collect, package.parts)
    return collect.parts


def _start_section(word: Any, section: Section, number: int) -> None:
    """Each form starts a Word section on a new page, portrait or landscape as the section asks."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    page = word.sections[0] if number == 0 else word.add_section(WD_SECTION.NEW_PAGE)
    if section.landscape:
        page.orientation = WD_ORIENT.LANDSCAPE
        page.page_width, page.page_height = Mm(297), Mm(210)
    else:
        page.orientation = WD_ORIENT.PORTRAIT
        page.page_width, page.page_height = Mm(210), Mm(297)
    page.left_margin = page.right_margin = Mm(15)
    page.top_margin = page.bottom_margin = Mm(18)
    page.header_distance = page.footer_distance = Mm(8)


def _section_body(word: Any, document: Document, section: Section, number: int, shared: _Shared) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    width = LANDSCAPE_WIDTH_MM if section.landscape else PORTRAIT_WIDTH_MM
    if number == 0:
        title = word.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(title, f"{document.company} · {document.title}", size=9, color=(0x44, 0x44, 0x44))
    heading = shared.paragraph("Heading 1")
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(heading, section.title)
    if section.subtitle:
        sub = word.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(sub, section.subtitle, size=9)
    if number == 0 and document.note:
        _paragraph(word, Paragraph(document.note, "note"))
    for block in section.blocks:
        _block(word, block, document.lang, width, shared)


def _styles(word: Any) -> None:
    """Body 宋体 10.5 pt; headings black 黑体 with space before them (the default template's are blue, in theme
    fonts that follow the theme's language)."""
    from docx.shared import Pt, RGBColor

    for name, latin, east_asian, size, before in (
        ("Normal", BODY_FONT, EAST_ASIAN_FONT, 10.5, None),
        ("Heading 1", HEADING_FONT, HEADING_EAST_ASIAN_FONT, 15, 6),
        ("Heading 2", HEADING_FONT, HEADING_EAST_ASIAN_FONT, 13, 12),
        ("Heading 3", HEADING_FONT, HEADING_EAST_ASIAN_FONT, 11.5, 12),
    ):
        style = word.styles[name]
        style.font.name = latin
        style.font.size = Pt(size)
        if name != "Normal":
            style.font.color.rgb = RGBColor(*BLACK)
            style.font.bold = True
            style.paragraph_format.space_before = Pt(before or 0)
            style.paragraph_format.space_after = Pt(4)
        _set_fonts(style.element.get_or_add_rPr(), latin, east_asian)


def _set_fonts(rpr: Any, latin: str, east_asian: str) -> None:
    """Explicit fonts (no theme fonts, which Word resolves through the theme's language)."""
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    color = rpr.find(qn("w:color"))
    if color is not None:
        for attribute in ("w:themeColor", "w:themeShade", "w:themeTint"):
            color.attrib.pop(qn(attribute), None)


def _east_asian_language(word: Any) -> None:
    """zh-CN as the East Asian language of the document defaults and of the theme fonts (the template says
    ja-JP, so Word would set headings in a Japanese font)."""
    from docx.oxml.ns import qn

    settings = word.settings.element
    for lang in settings.iter(qn("w:themeFontLang")):
        lang.set(qn("w:eastAsia"), "zh-CN")
    styles = word.styles.element
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:eastAsia"), "zh-CN")


def _run(paragraph: Any, text: str, size: float | None = None, bold: bool = False,
         color: tuple[int, int, int] | None = None, east_asian: str | None = None, italic: bool = False) -> Any:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(xml_text(text))  # a control character from data would make python-docx raise
    if size is not None:
        run.font.size = Pt(size)
    if bold:
        run.font.bold = True
    if italic:
        run.font.italic = True
    if color is not None:
        run.font.color.rgb = RGBColor(*color)
    if east_asian is not None:
        rpr = run._element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.insert(0, fonts)
        fonts.set(qn("w:eastAsia"), east_asian)
    return run


def _header(page: Any, document: Document, section: Section) -> None:
    """The draft mark and, on internal sections, 内部 at the top of every page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    header = page.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    if document.draft:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        suffix = message("pack.draft_suffix", document.lang)
        _run(paragraph, document.draft_text + suffix, size=12, bold=True, color=RED)
    if section.internal:
        mark = header.add_paragraph() if document.draft else paragraph
        mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(mark, f"【{document.internal_text}】", size=11, bold=True, color=INTERNAL_BROWN)


def _footer(page: Any, document: Document) -> None:
    """The data fingerprint and tool version, then the page number (a PAGE field, so Word fills it in)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    footer = page.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if document.footer:
        _run(paragraph, f"{document.footer}　·　", size=7.5, color=(0x33, 0x33, 0x33))
    for instruction in ("PAGE", None, "NUMPAGES"):
        if instruction is None:
            _run(paragraph, " / ", size=7.5)
            continue
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), instruction)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)


def _block(word: Any, block: Block, lang: str, width_mm: float, shared: _Shared) -> None:
    if isinstance(block, Heading):
        paragraph = shared.paragraph(f"Heading {min(max(block.level, 2), 3)}")
        _run(paragraph, block.text)
    elif isinstance(block, Paragraph):
        _paragraph(word, block)
    elif isinstance(block, Legend):
        paragraph = word.add_paragraph()
        for number, (kind, name, explanation) in enumerate(block.items):
            separator = message("pack.separator", lang)
            _run(paragraph, f"【{name}】", size=8.5, bold=True, italic=kind != "system")
            _run(paragraph, explanation + (separator if number < len(block.items) - 1 else ""), size=8.5)
    elif isinstance(block, Fields):
        _fields(word, block, width_mm, shared)
    elif isinstance(block, Table):
        _table(word, block, width_mm, shared)
    elif isinstance(block, Signatures):
        _signatures(word, block, lang)
    elif isinstance(block, SignOff):
        _sign_off(word, block, lang, width_mm)
    elif isinstance(block, Chart):
        _chart(word, block, lang)


def _fields(word: Any, block: Fields, width_mm: float, shared: _Shared) -> None:
    _caption(word, block.title)
    columns = 3 if block.provenance else 2
    table = word.add_table(rows=0, cols=columns)
    shared.grid(table)
    rows = []
    for field in block.rows:
        fill = PROVENANCE_FILLS.get(field.provenance)
        italic = field.provenance in PROVENANCE_FILLS
        row = [(Cell(field.label), Look(shade=True, fill=fill, italic=italic)),
               (field.cell, Look(fill=fill, italic=italic))]
        if block.provenance:
            row.append((Cell(field.provenance_text), Look(size=8, fill=fill, italic=italic, center=True)))
        rows.append(row)
    fractions = [0.40, 0.46, 0.14] if block.provenance else [0.42, 0.58]
    _widths(table, fractions, width_mm)
    shared.rows.place(table, rows, _twips(fractions, width_mm))


def _table(word: Any, block: Table, width_mm: float, shared: _Shared) -> None:
    title = block.title
    if title and block.provenance_text:
        title = f"{title}【{block.provenance_text}】"
    _caption(word, title, block.new_page)
    table = word.add_table(rows=1 if not block.rows else 0, cols=len(block.columns))
    shared.grid(table)
    crowded = len(block.columns) > 8
    size = 7.5 if crowded else 8.0 if len(block.columns) > 6 else 9.0
    if crowded:  # many columns: narrow cell margins leave the room to the text
        _cell_margins(table, NARROW_MARGIN_TWIPS)
    fill = PROVENANCE_FILLS.get(block.provenance)
    padding = 2 * NARROW_MARGIN_TWIPS / 56.7 + 0.2 if crowded else 4.0
    fractions = column_fractions(block, width_mm, size, padding, header_cap=4 if crowded else 6)
    if not block.rows:  # the header and one merged cell saying so, through python-docx
        for cell, column in zip(table.rows[0].cells, block.columns, strict=True):
            _cell(cell, Cell(column.header), header=True, size=size)
        _repeat_header(table.rows[0])
        cells = table.add_row().cells
        merged = cells[0].merge(cells[-1]) if len(cells) > 1 else cells[0]
        _cell(merged, Cell(block.empty_text), size=size)
        _widths(table, fractions, width_mm)
        return
    # every row in one pass (docx_rows.py), at the final widths; python-docx sets the grid and the layout
    _widths(table, fractions, width_mm)
    header = [(Cell(column.header), Look(size=size, header=True)) for column in block.columns]
    look = Look(size=size, fill=fill)
    rows = [header, *([(value, look) for value in row] for row in block.rows)]
    shared.rows.place(table, rows, _twips(fractions, width_mm), header=True)


def _cell_margins(table: Any, twips: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(twips))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def column_fractions(block: Table, width_mm: float = PORTRAIT_WIDTH_MM, size: float = 8.0, padding: float = 4.0,
                     header_cap: int = 6) -> list[float]:
    """Each column's share of the width, from its content: short values (numbers, dates, codes, a USCC) keep
    their full width on one line, long text shares what is left and wraps, headers wrap between words.
    ``padding``: millimetres of cell margin per column."""
    unit = size * 0.3528 / 2 * 1.18  # mm per half-width character at this size, with some slack
    heads, values = [], []
    for index, column in enumerate(block.columns):
        texts = [row[index].text + ("  [" + row[index].error + "]" if row[index].error else "")
                 for row in block.rows if index < len(row)]
        values.append(max((print_width(t) for t in texts), default=0))
        # Chinese headers wrap between any two characters: two or three of them a line is enough
        heads.append(min(max((text_width(part) for part in column.header.replace("（", " （").split()), default=4),
                         header_cap))
    short = [value <= 22 for value in values]  # a USCC (18 characters, some capitals) stays on one line
    widths = [max(value, head, 3) * unit + padding if is_short else min(max(value, head), 44) * unit + padding
              for value, head, is_short in zip(values, heads, short, strict=True)]
    total = sum(widths)
    if total > width_mm:  # long text columns give way first (down to 7 characters), then every column
        flexible = sum(w for w, is_short in zip(widths, short, strict=True) if not is_short)
        fixed = total - flexible
        room = max(width_mm - fixed, 0)
        if flexible and room >= sum(7 * unit + padding for is_short in short if not is_short):
            widths = [w if is_short else w * room / flexible for w, is_short in zip(widths, short, strict=True)]
    total = sum(widths)
    return [w / total for w in widths]


@lru_cache(maxsize=4096)
def text_width(text: str) -> int:
    """Display width: CJK characters count two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


@lru_cache(maxsize=4096)  # a table repeats its values (kinds, statuses, scopes)
def print_width(text: str) -> float:
    """Printed width in half-width characters: CJK two, capitals (wide in a serif font) 1.35, the rest one."""
    return sum(2.0 if ord(ch) > 0x2E80 else 1.35 if "A" <= ch <= "Z" else 1.0 for ch in text)


def _chart(word: Any, block: Chart, lang: str) -> None:
    """A chart as its PNG, 170 mm wide, under its title (charts are images in Word; the SVG is for HTML/PDF)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    _caption(word, block.title)
    if block.png is None:
        _paragraph(word, Paragraph(message("pack.chart_elsewhere", lang), "note"))
        return
    word.add_picture(io.BytesIO(block.png), width=Mm(170))
    word.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if block.caption:
        _paragraph(word, Paragraph(block.caption, "note"))


def _paragraph(word: Any, block: Paragraph) -> None:
    from docx.shared import Pt

    paragraph = word.add_paragraph()
    if block.style == "letter":
        paragraph.paragraph_format.first_line_indent = Pt(24)
        paragraph.paragraph_format.line_spacing = 1.6
        _run(paragraph, block.text, size=12)
    elif block.style == "internal":
        _run(paragraph, block.text, size=9.5, color=INTERNAL_BROWN)
    elif block.style == "note":
        paragraph.paragraph_format.space_before = Pt(6)  # apart from a table above it, as in HTML
        _run(paragraph, block.text, size=9, color=(0x44, 0x44, 0x44))
    else:
        _run(paragraph, block.text)


def _caption(word: Any, title: str | None, new_page: bool = False) -> None:
    from docx.shared import Pt

    if title or new_page:
        paragraph = word.add_paragraph()
        paragraph.paragraph_format.page_break_before = new_page or None
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.space_before = Pt(10)
        paragraph.paragraph_format.space_after = Pt(3)
        _run(paragraph, title or "", size=10, bold=True, east_asian=HEADING_EAST_ASIAN_FONT)


def _cell(cell: Any, value: Cell, shade: bool = False, header: bool = False, size: float = 9.5,
          fill: str | None = None, italic: bool = False, center: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = cell.paragraphs[0]
    error = bool(value.error)
    _run(paragraph, value.text, size=size, bold=header or error or value.css in ("heat-3", "sev-error"),
         italic=italic, color=RED if error else None)
    if error:
        _run(paragraph, f"  [{value.error}]", size=7.5, color=RED)
    if header or center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif value.align == "num":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    color = {"heat-1": "FFF3C4", "heat-2": "FFC98A", "heat-3": "F28B82", "heat-ok": "E3F2E1"}.get(value.css)
    if header:
        color = "E9EDF3"
    elif error:
        color = ERROR_FILL
    elif fill:
        color = fill
    elif shade:
        color = "F4F6F9"
    if color:
        _shade(cell, color)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _widths(table: Any, fractions: list[float], width_mm: float) -> None:
    """Fixed column widths (grid and cells), so Word and LibreOffice lay the table out alike."""
    from docx.oxml.ns import qn
    from docx.shared import Mm

    table.autofit = False
    widths = [Mm(width_mm * fraction) for fraction in fractions]
    grid = table._tbl.tblGrid
    for column, twips in zip(grid.findall(qn("w:gridCol")), _twips(fractions, width_mm), strict=False):
        column.set(qn("w:w"), str(twips))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def _twips(fractions: list[float], width_mm: float) -> list[int]:
    from docx.shared import Mm

    return [int(Mm(width_mm * fraction).twips) for fraction in fractions]


def _signatures(word: Any, block: Signatures, lang: str) -> None:
    """承诺单位（盖章）：<企业全称> with room above and below for the seal, then the signers and the date, in the
    right half of the page. No drawn seal: the real one is pressed over the company name."""
    from docx.shared import Mm, Pt

    colon = message("pack.colon", lang)
    seal = word.add_paragraph()
    seal.paragraph_format.left_indent = Mm(75)
    seal.paragraph_format.space_before = Pt(36)
    seal.paragraph_format.space_after = Pt(30)
    seal.paragraph_format.keep_with_next = True
    _run(seal, f"{block.seal_label}{colon}{block.company}", size=12)
    for line in block.lines:
        paragraph = word.add_paragraph()
        paragraph.paragraph_format.left_indent = Mm(75)
        paragraph.paragraph_format.space_before = Pt(12)
        paragraph.paragraph_format.keep_with_next = True
        _run(paragraph, f"{line.role}{colon}＿＿＿＿＿＿＿＿", size=12)
    dated = word.add_paragraph()
    dated.paragraph_format.left_indent = Mm(75)
    dated.paragraph_format.space_before = Pt(18)
    _run(dated, f"{block.date_label}{colon}{block.date}", size=12)


def _sign_off(word: Any, block: SignOff, lang: str, width_mm: float) -> None:
    """填表人 / 审核人 lines at the foot of a form: a borderless table, three entries a row."""
    from docx.shared import Pt

    colon = message("pack.colon", lang)
    spacer = word.add_paragraph()
    spacer.paragraph_format.space_before = Pt(6)
    rows = [block.entries[i:i + 3] for i in range(0, len(block.entries), 3)]
    table = word.add_table(rows=len(rows), cols=3)
    for row, entries in zip(table.rows, rows, strict=True):
        for cell, (label, value) in zip(row.cells, entries, strict=False):
            _run(cell.paragraphs[0], f"{label}{colon}{value}", size=9.5)
    _widths(table, [0.3, 0.38, 0.32], width_mm)
