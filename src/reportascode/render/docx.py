"""DOCX documents (python-docx): real, editable Word tables; byte-identical for the same report."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from reportascode import __version__
from reportascode.render.content import Block, Cell, Chart, Document, Fields, Heading, Paragraph, Signatures, Table
from reportascode.render.ooxml import normalize

BODY_FONT = "Times New Roman"
EAST_ASIAN_FONT = "宋体"
HEADING_EAST_ASIAN_FONT = "黑体"
RED = (0xB0, 0x00, 0x20)


def render_docx(document: Document) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    word: Any = docx.Document()
    _styles(word)
    for page in word.sections:
        page.page_width, page.page_height = Mm(210), Mm(297)
        page.left_margin = page.right_margin = Mm(15)
        page.top_margin = page.bottom_margin = Mm(18)
    title = word.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, f"{document.company} · {document.title}", size=9, color=(0x44, 0x44, 0x44))
    for number, section in enumerate(document.sections):
        if number:
            word.add_page_break()
        heading = word.add_paragraph(style="Heading 1")
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(heading, section.title, size=15, bold=True, east_asian=HEADING_EAST_ASIAN_FONT)
        if section.subtitle:
            sub = word.add_paragraph()
            sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(sub, section.subtitle, size=9)
        if number == 0 and document.note:
            _paragraph(word, Paragraph(document.note, "note"))
        for block in section.blocks:
            _block(word, block, document.lang)
    for page in word.sections:
        _footer(page)
        if document.draft:
            header = page.header
            header.is_linked_to_previous = False
            paragraph = header.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            suffix = "：本文件为草稿，不得用于报送" if document.lang == "zh" else ": a draft, not to be filed"
            _run(paragraph, document.draft_text + suffix, size=12, bold=True, color=RED)
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
    props.keywords = "DRAFT" if document.draft else ""
    props.comments = ""
    props.category = ""
    buffer = io.BytesIO()
    word.save(buffer)
    return normalize(buffer.getvalue(), document.date)


def _styles(word: Any) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for name, east_asian, size in (("Normal", EAST_ASIAN_FONT, 10.5), ("Heading 1", HEADING_EAST_ASIAN_FONT, 15)):
        style = word.styles[name]
        style.font.name = BODY_FONT
        style.font.size = Pt(size)
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(fonts)
        fonts.set(qn("w:eastAsia"), east_asian)


def _run(paragraph: Any, text: str, size: float | None = None, bold: bool = False,
         color: tuple[int, int, int] | None = None, east_asian: str | None = None) -> Any:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(text)
    if size is not None:
        run.font.size = Pt(size)
    if bold:
        run.font.bold = True
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


def _footer(section: Any) -> None:
    """A centred page number (a PAGE field, so Word fills it in)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _block(word: Any, block: Block, lang: str) -> None:
    if isinstance(block, Heading):
        paragraph = word.add_paragraph()
        _run(paragraph, block.text, size=11.5, bold=True, east_asian=HEADING_EAST_ASIAN_FONT)
    elif isinstance(block, Paragraph):
        _paragraph(word, block)
    elif isinstance(block, Fields):
        _caption(word, block.title)
        table = word.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for field in block.rows:
            cells = table.add_row().cells
            _cell(cells[0], Cell(field.label), shade=True)
            _cell(cells[1], field.cell)
        _widths(table, [0.42, 0.58])
    elif isinstance(block, Table):
        _caption(word, block.title)
        table = word.add_table(rows=1, cols=len(block.columns))
        table.style = "Table Grid"
        size = 8.0 if len(block.columns) > 6 else 9.0
        for cell, column in zip(table.rows[0].cells, block.columns, strict=True):
            _cell(cell, Cell(column.header), header=True, size=size)
        _repeat_header(table.rows[0])
        for row in block.rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                _cell(cell, value, size=size)
        if not block.rows:
            cells = table.add_row().cells
            merged = cells[0].merge(cells[-1]) if len(cells) > 1 else cells[0]
            _cell(merged, Cell(block.empty_text), size=size)
    elif isinstance(block, Signatures):
        _signatures(word, block, lang)
    elif isinstance(block, Chart):
        _chart(word, block, lang)


def _chart(word: Any, block: Chart, lang: str) -> None:
    """A chart as its PNG, 170 mm wide, under its title (charts are images in Word; the SVG is for HTML/PDF)."""
    import io

    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    _caption(word, block.title)
    if block.png is None:
        _paragraph(word, Paragraph("（图表见 HTML/PDF 版本）" if lang == "zh" else "(chart: see the HTML/PDF version)",
                                   "note"))
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
        _run(paragraph, block.text, size=9.5, color=(0x7A, 0x4B, 0x00))
    elif block.style == "note":
        _run(paragraph, block.text, size=9, color=(0x44, 0x44, 0x44))
    else:
        _run(paragraph, block.text)


def _caption(word: Any, title: str | None) -> None:
    if title:
        paragraph = word.add_paragraph()
        paragraph.paragraph_format.keep_with_next = True
        _run(paragraph, title, size=10, bold=True, east_asian=HEADING_EAST_ASIAN_FONT)


def _cell(cell: Any, value: Cell, shade: bool = False, header: bool = False, size: float = 9.5) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = cell.paragraphs[0]
    _run(paragraph, value.text, size=size, bold=header or value.css in ("heat-3", "sev-error"))
    if header:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif value.align == "num":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fill = {"heat-1": "FFF3C4", "heat-2": "FFC98A", "heat-3": "F28B82", "heat-ok": "E3F2E1"}.get(value.css)
    if header or shade:
        fill = "E9EDF3" if header else "F4F6F9"
    if fill:
        _shade(cell, fill)


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


def _widths(table: Any, fractions: list[float]) -> None:
    from docx.shared import Mm

    table.autofit = False
    for row in table.rows:
        for cell, fraction in zip(row.cells, fractions, strict=True):
            cell.width = Mm(180 * fraction)


def _signatures(word: Any, block: Signatures, lang: str) -> None:
    from docx.shared import Mm, Pt

    word.add_paragraph()
    for line in block.lines:
        paragraph = word.add_paragraph()
        paragraph.paragraph_format.left_indent = Mm(80)
        paragraph.paragraph_format.space_before = Pt(12)
        colon = "：" if lang == "zh" else ": "
        _run(paragraph, f"{line.role}{colon}＿＿＿＿＿＿＿＿（{line.name}）", size=11)
        dated = word.add_paragraph()
        dated.paragraph_format.left_indent = Mm(80)
        _run(dated, f"{'日期' if lang == 'zh' else 'Date'}{colon}{line.date}", size=11)
    if block.seal_text:
        seal = word.add_paragraph()
        seal.paragraph_format.left_indent = Mm(80)
        seal.paragraph_format.space_before = Pt(18)
        _run(seal, block.seal_text, size=11, color=RED)
