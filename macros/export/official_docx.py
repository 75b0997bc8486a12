"""OfficialDocument -> .docx bytes laid out per GB/T 9704-2012.

One function, ``build_official_docx``, serves both the fill-in templates
(data/templates) and the annotated samples (data/samples), so a template and
its sample download look alike. The layout numbers (domain-research.md §1):

- A4; margins top 37 mm, bottom 35, left 28, right 26 (type area 156 × 225 mm);
- 22 lines of 28 characters: exact line spacing of ``LINE_PITCH`` with a
  matching line grid, and 3号 characters condensed by ``CONDENSE`` so that 28
  fill the 156 mm line (see the note at ``CHAR_SPACE``);
- title 2号 (22 pt) 方正小标宋简体, centred; body 3号 (16 pt) 仿宋_GB2312,
  first line indented two characters;
- headings 一、（一）1.（1） as the built-in Heading 1-4 styles (outline levels
  0-3, so Word's navigation pane and a table of contents work), in 黑体, 楷体,
  仿宋, 仿宋, all 3号 and not bold;
- page numbers "— 1 —" in 4号宋体 with a PAGE field, odd pages right and even
  pages left, each one character in from the edge of the type area;
- signature and date without a seal (§7.3.5.2): one blank line below the
  body, signature right-indented two characters, the date on the next line
  with its first character two characters right of the signature's.

Fields to fill (``【填写：…】``) are highlighted yellow. A paragraph whose text
starts with ``GUIDANCE_PREFIX`` is guidance for the writer: it gets the
"填写说明" style (楷体, grey, shaded) so that all of them can be selected and
deleted at once. Output is deterministic (fixed core properties, normalised zip).
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Twips

from ..document import Block, OfficialDocument
from .deterministic import normalize_zip

# Fonts: the names the standard's local rules use, with the fallback Word and
# WPS pick when the first is not installed (fontTable altName).
FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_KAI = "楷体_GB2312"
FONT_HEI = "黑体"
FONT_PAGE_NUMBER = "宋体"
FONT_FALLBACKS = {FONT_TITLE: "宋体", FONT_BODY: "仿宋", FONT_KAI: "楷体"}

SIZE_TITLE = 44  # half-points: 2号 = 22 pt
SIZE_BODY = 32  # 3号 = 16 pt
SIZE_PAGE_NUMBER = 28  # 4号 = 14 pt
SIZE_TABLE = 24  # 小4 = 12 pt, so that a six-column table fits the type area

# Page in twentieths of a point (twips); 1 mm = 56.69 twips.
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838  # A4, 210 x 297 mm
MARGINS = {"top": 2098, "bottom": 1984, "left": 1588, "right": 1474}  # 37, 35, 28, 26 mm
TYPE_WIDTH = PAGE_WIDTH - MARGINS["left"] - MARGINS["right"]  # 8844 twips = 156 mm
FOOTER_DISTANCE_MM = 25  # puts the page number's dash about 7 mm below the type area
# 225 mm of type area / 22 lines = 579.8 twips; 579 keeps 22 full lines.
LINE_PITCH = 579
# 28 characters in 156 mm (8844 twips) need a pitch of at most 15.79 pt, a
# little less than the 16 pt of a 3号 character. Word's character grid
# ("linesAndChars" with charSpace = -849, i.e. 16 pt - 849/4096 pt) gives that
# in Word, but LibreOffice then gives each glyph two grid cells (measured:
# 15-17 characters a line). Condensing the characters by 0.25 pt (CONDENSE,
# in twentieths of a point) with a line-only grid gives 28 characters a line
# in both. DOC_GRID_TYPE and CHAR_SPACE are kept in one place to switch back.
DOC_GRID_TYPE = "lines"
CHAR_SPACE = 0
CONDENSE = -5
CHAR = 320  # one 3号 character in twips, for indents

FIELD_RE = re.compile(r"【填写：[^】]*】")
GUIDANCE_PREFIX = "【填写说明】"
GUIDANCE_STYLE = "填写说明"
HEADING_STYLES = {"h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3", "h4": "Heading 4"}
HEADING_FONTS = {"h1": FONT_HEI, "h2": FONT_KAI, "h3": FONT_BODY, "h4": FONT_BODY}
FIXED_TIME = datetime(2026, 1, 1)
AUTHOR = "街道社区宣传思想工作指南"


@dataclass(frozen=True)
class Appendix:
    """An attachment (附件) printed on its own page after the signature."""

    title: str
    blocks: tuple[Block, ...]


def char_units(text: str) -> float:
    """Width of ``text`` in 3号 characters: CJK and full-width 1, ASCII 0.5."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in text)


def signature_indents(signature: str, date: str) -> tuple[float, float]:
    """Right indents (in characters) of the signature and the date, per §7.3.5.2.

    The signature is right-indented two characters and the date's first
    character sits two characters right of the signature's; when the date is
    too long for that, the date is right-indented two characters and the
    signature moves left accordingly.
    """
    ws, wd = char_units(signature), char_units(date)
    date_right = ws - wd
    if date_right >= 2:
        return 2.0, date_right
    return 4 + wd - ws, 2.0


# --- low-level XML helpers -------------------------------------------------

# Schema order of the children we set (Word rejects files whose elements are
# out of order), so that a newly created child goes into its proper place.
_ORDER = {
    "w:rPr": ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
              "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
              "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
              "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
              "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish"),
    "w:pPr": ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
              "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
              "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
              "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
              "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
              "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
              "w:sectPr", "w:pPrChange"),
    "w:tblPr": ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
                "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"),
    "w:trPr": ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
               "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden"),
}


def _set(parent, tag: str, **attrs):
    """Get or create the child ``tag`` of ``parent`` (in schema order) and set its w: attributes."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        order = _ORDER.get(parent.tag.replace(qn("w:x")[:-1], "w:"))
        later = None
        if order and tag in order:
            following = {qn(t) for t in order[order.index(tag) + 1:]}
            later = next((c for c in parent if c.tag in following), None)
        if later is not None:
            later.addprevious(child)
        else:
            parent.append(child)
    for key, value in attrs.items():
        child.set(qn(f"w:{key}"), str(value))
    return child


def _fonts(rpr, name: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        rpr.remove(fonts)
    fonts = OxmlElement("w:rFonts")
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), name)
    style = rpr.find(qn("w:rStyle"))
    if style is not None:
        style.addnext(fonts)
    else:
        rpr.insert(0, fonts)


def _run_props(rpr, font: str, size: int, color: str = "000000", condense: int = 0) -> None:
    _fonts(rpr, font)
    for tag in ("w:b", "w:bCs", "w:i", "w:iCs"):
        _set(rpr, tag, val=0)
    color_el = rpr.find(qn("w:color"))
    if color_el is not None:
        rpr.remove(color_el)
    _set(rpr, "w:color", val=color)
    _set(rpr, "w:spacing", val=condense)
    _set(rpr, "w:sz", val=size)
    _set(rpr, "w:szCs", val=size)
    _set(rpr, "w:lang", val="en-US", eastAsia="zh-CN")


def _para_props(ppr, *, first_chars: float = 2, line: int | None = LINE_PITCH, jc: str = "both",
                outline: int | None = None) -> None:
    for tag in ("w:spacing", "w:ind", "w:jc"):
        old = ppr.find(qn(tag))
        if old is not None:
            ppr.remove(old)
    spacing = {"before": 0, "after": 0, "beforeLines": 0, "afterLines": 0}
    if line:
        spacing.update(line=line, lineRule="exact")
    else:
        spacing.update(line=240, lineRule="auto")
    _set(ppr, "w:spacing", **spacing)
    _set(ppr, "w:ind", firstLineChars=int(first_chars * 100), firstLine=int(first_chars * CHAR))
    _set(ppr, "w:jc", val=jc)
    if outline is not None:
        _set(ppr, "w:outlineLvl", val=outline)


def _paragraph_style(doc, name: str, style_id: str | None = None):
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        if style_id:
            style.element.set(qn("w:styleId"), style_id)
        style.quick_style = True
    return style


# --- document setup --------------------------------------------------------

def _setup_styles(doc) -> None:
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _run_props(rpr_default, FONT_BODY, SIZE_BODY)
    ppr_default = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    _set(ppr_default, "w:spacing", after=0, line=240, lineRule="auto")

    normal = doc.styles["Normal"]
    _run_props(normal.element.get_or_add_rPr(), FONT_BODY, SIZE_BODY, condense=CONDENSE)
    _para_props(normal.element.get_or_add_pPr())

    for kind, name in HEADING_STYLES.items():
        style = doc.styles[name]
        level = int(kind[1]) - 1
        _run_props(style.element.get_or_add_rPr(), HEADING_FONTS[kind], SIZE_BODY, condense=CONDENSE)
        _para_props(style.element.get_or_add_pPr(), outline=level)
        style.paragraph_format.keep_with_next = True

    title = _paragraph_style(doc, "公文标题", "GongwenTitle")
    _run_props(title.element.get_or_add_rPr(), FONT_TITLE, SIZE_TITLE)
    _para_props(title.element.get_or_add_pPr(), first_chars=0, jc="center")
    _set(title.element.get_or_add_pPr(), "w:snapToGrid", val=0)  # one 29 pt line, not two grid lines
    title.paragraph_format.keep_with_next = True

    guide = _paragraph_style(doc, GUIDANCE_STYLE, "FillGuide")
    _run_props(guide.element.get_or_add_rPr(), FONT_KAI, SIZE_BODY, color="7F7F7F", condense=CONDENSE)
    _set(guide.element.get_or_add_rPr(), "w:shd", val="clear", color="auto", fill="F2F2F2")
    _para_props(guide.element.get_or_add_pPr())

    table_text = _paragraph_style(doc, "表格文字", "TableText")
    _run_props(table_text.element.get_or_add_rPr(), FONT_BODY, SIZE_TABLE)
    ppr = table_text.element.get_or_add_pPr()
    _para_props(ppr, first_chars=0, line=None, jc="center")
    _set(ppr, "w:snapToGrid", val=0)

    page_number = _paragraph_style(doc, "页码", "PageNumber")
    _run_props(page_number.element.get_or_add_rPr(), FONT_PAGE_NUMBER, SIZE_PAGE_NUMBER)
    ppr = page_number.element.get_or_add_pPr()
    _para_props(ppr, first_chars=0, line=None, jc="right")
    _set(ppr, "w:snapToGrid", val=0)


def _setup_font_table(doc) -> None:
    """Declare each font with its fallback (w:altName) in word/fontTable.xml."""
    from lxml import etree

    part = next(p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
    root = etree.fromstring(part.blob)
    for name in (FONT_TITLE, FONT_BODY, FONT_KAI, FONT_HEI, FONT_PAGE_NUMBER):
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        if name in FONT_FALLBACKS:
            alt = etree.SubElement(font, qn("w:altName"))
            alt.set(qn("w:val"), FONT_FALLBACKS[name])
        charset = etree.SubElement(font, qn("w:charset"))
        charset.set(qn("w:val"), "86")  # GB2312
        family = etree.SubElement(font, qn("w:family"))
        family.set(qn("w:val"), "modern" if name != FONT_TITLE else "script")
        pitch = etree.SubElement(font, qn("w:pitch"))
        pitch.set(qn("w:val"), "fixed" if name != FONT_TITLE else "variable")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _setup_section(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Twips(MARGINS["top"]), Twips(MARGINS["bottom"])
    section.left_margin, section.right_margin = Twips(MARGINS["left"]), Twips(MARGINS["right"])
    section.header_distance, section.footer_distance = Mm(15), Mm(FOOTER_DISTANCE_MM)
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    for attr in list(grid.attrib):
        del grid.attrib[attr]
    grid.set(qn("w:type"), DOC_GRID_TYPE)
    grid.set(qn("w:linePitch"), str(LINE_PITCH))
    if CHAR_SPACE:
        grid.set(qn("w:charSpace"), str(CHAR_SPACE))
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number_footer(section.footer, "right")
    _page_number_footer(section.even_page_footer, "left")


def _page_number_footer(footer, side: str) -> None:
    """'— N —' with a PAGE field, one 4号 character in from the type area's edge."""
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.style = "页码"
    ppr = paragraph._p.get_or_add_pPr()
    _set(ppr, "w:jc", val=side)
    _set(ppr, "w:ind", **{side: 280})  # 居右（居左）空一字
    paragraph.add_run("— ")
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("result", "1"), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "result":
            run.text = text
        else:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
    paragraph.add_run(" —")


# --- content ---------------------------------------------------------------

def _add_text(paragraph, text: str) -> None:
    """Add ``text`` as runs, the 【填写：…】 fields highlighted yellow."""
    pos = 0
    for match in FIELD_RE.finditer(text):
        if match.start() > pos:
            paragraph.add_run(text[pos:match.start()])
        run = paragraph.add_run(match.group(0))
        _set(run._r.get_or_add_rPr(), "w:highlight", val="yellow")
        pos = match.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def _paragraph(doc, text: str, style: str | None = None, *, first_chars: float | None = None,
               jc: str | None = None, right_chars: float | None = None):
    if style is None and text.startswith(GUIDANCE_PREFIX):
        style = GUIDANCE_STYLE
    paragraph = doc.add_paragraph(style=style or "Normal")
    ppr = paragraph._p.get_or_add_pPr()
    if first_chars is not None or right_chars is not None:
        ind = {}
        if first_chars is not None:
            ind.update(firstLineChars=int(first_chars * 100), firstLine=int(first_chars * CHAR))
        if right_chars is not None:
            ind.update(rightChars=int(right_chars * 100), right=int(right_chars * CHAR))
        _set(ppr, "w:ind", **ind)
    if jc:
        _set(ppr, "w:jc", val=jc)
    _add_text(paragraph, text)
    return paragraph


def _column_widths(block: Block, total: int) -> list[int]:
    """Twips per column, proportional to the longest text (bounded)."""
    weights = []
    for c, name in enumerate(block.columns):
        longest = max([char_units(name)] + [char_units(row[c]) for row in block.rows if c < len(row)])
        weights.append(min(max(longest, char_units(name) / 2, 2.5), 14))
    scale = total / sum(weights)
    widths = [int(w * scale) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def _add_table(doc, block: Block) -> None:
    table = doc.add_table(rows=1 + len(block.rows), cols=len(block.columns))
    table.style = doc.styles["Table Grid"]
    total = TYPE_WIDTH
    widths = _column_widths(block, total)
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(width))
    _set(table._tbl.tblPr, "w:tblW", w=total, type="dxa")
    _set(table._tbl.tblPr, "w:jc", val="center")
    for r, values in enumerate([block.columns] + list(block.rows)):
        row = table.rows[r]
        if r == 0:
            _set(row._tr.get_or_add_trPr(), "w:tblHeader", val=1)
        for c, cell in enumerate(row.cells):
            cell.width = widths[c]
            paragraph = cell.paragraphs[0]
            paragraph.style = "表格文字"  # by name: looked up once per document
            _add_text(paragraph, values[c] if c < len(values) else "")
            if r == 0:
                for run in paragraph.runs:
                    _fonts(run._r.get_or_add_rPr(), FONT_HEI)
    _set(doc.add_paragraph(style="Normal")._p.get_or_add_pPr(), "w:spacing", line=240, lineRule="auto")


def _add_blocks(doc, blocks: Sequence[Block]) -> None:
    for block in blocks:
        if block.kind == "table":
            _add_table(doc, block)
        elif block.kind in HEADING_STYLES:
            _paragraph(doc, block.text, HEADING_STYLES[block.kind])
        else:
            _paragraph(doc, block.text)


def _add_attachment_note(doc, names: Sequence[str]) -> None:
    """附件说明: 左空二字 "附件：", several names numbered, wrapped lines aligned."""
    doc.add_paragraph(style="Normal")
    for n, name in enumerate(names, start=1):
        if len(names) == 1:
            text = f"附件：{name}"
        else:
            text = f"附件：{n}. {name}" if n == 1 else f"{n}. {name}"
        paragraph = _paragraph(doc, text)
        # wrapped lines align with the first character after "附件："
        ppr = paragraph._p.get_or_add_pPr()
        old = ppr.find(qn("w:ind"))
        if old is not None:
            ppr.remove(old)
        if n == 1:  # hanging and firstLine exclude each other
            _set(ppr, "w:ind", leftChars=500, left=5 * CHAR, hangingChars=300, hanging=3 * CHAR)
        else:
            _set(ppr, "w:ind", leftChars=500, left=5 * CHAR, firstLineChars=0, firstLine=0)


def _add_signature(doc, signature: str | None, date: str | None) -> None:
    doc.add_paragraph(style="Normal")
    sig_right, date_right = signature_indents(signature or "", date or "")
    if signature:
        _paragraph(doc, signature, first_chars=0, jc="right", right_chars=sig_right)
    if date:
        _paragraph(doc, date, first_chars=0, jc="right", right_chars=date_right if signature else 4)


def _add_appendix(doc, number: int | None, appendix: Appendix) -> None:
    paragraph = doc.add_paragraph(style="Normal")
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    label = doc.add_paragraph(style="Normal")
    _set(label._p.get_or_add_pPr(), "w:ind", firstLineChars=0, firstLine=0)
    run = label.add_run("附件" if number is None else f"附件{number}")
    _fonts(run._r.get_or_add_rPr(), FONT_HEI)
    doc.add_paragraph(style="Normal")
    _paragraph(doc, appendix.title, "公文标题")
    doc.add_paragraph(style="Normal")
    _add_blocks(doc, appendix.blocks)


def _remember_style_ids(document) -> None:
    """Look each style name up once per document.

    python-docx resolves a style name on every paragraph by scanning all the
    document's styles for the default one; with hundreds of paragraphs that
    was half the time of making a .docx. The styles are all set up before
    this is called and never change afterwards, so a name's id does not change.
    """
    part = document.part
    lookup = part.get_style_id
    ids: dict = {}

    def get_style_id(style, style_type):
        if not isinstance(style, str):
            return lookup(style, style_type)
        if (style, style_type) not in ids:
            ids[style, style_type] = lookup(style, style_type)
        return ids[style, style_type]

    part.get_style_id = get_style_id


_BLANK: list = []  # this process's blank document with the guide's styles, fonts and page (_blank_document)


def _blank_document():
    """A new document with the guide's styles, fonts and page set up: a copy of one set up once per process.

    Setting them up was two thirds of starting each .docx (16 per cold build, about 10 ms each); a deep copy
    of the set-up document is the same document. The style lookups are remembered per copy, by its own part."""
    if not _BLANK:
        document = Document()
        _setup_styles(document)
        _setup_font_table(document)
        _setup_section(document)
        _BLANK.append(document)
    document = copy.deepcopy(_BLANK[0])
    _remember_style_ids(document)
    return document


def build_official_docx(doc: OfficialDocument, appendices: Sequence[Appendix] = (),
                        preface: Sequence[str] = ()) -> bytes:
    """The .docx bytes of ``doc``: title, addressee, body, 附件说明, signature, date.

    ``appendices`` (optional) are printed after the signature, each on a new
    page; their titles should be ``doc.attachments``. ``preface`` paragraphs
    (guidance for the writer) come before the title.
    """
    document = _blank_document()
    body = document.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # the template's empty paragraph
        body.remove(p)
    for text in preface:
        _paragraph(document, text)
    _paragraph(document, doc.title, "公文标题")
    document.add_paragraph(style="Normal")
    if doc.addressee:
        _paragraph(document, f"{doc.addressee}：", first_chars=0)
    _add_blocks(document, doc.blocks)
    if doc.attachments:
        _add_attachment_note(document, doc.attachments)
    if doc.signature or doc.date:
        _add_signature(document, doc.signature, doc.date)
    numbered = len(appendices) > 1
    for n, appendix in enumerate(appendices, start=1):
        _add_appendix(document, n if numbered else None, appendix)

    props = document.core_properties
    props.title = FIELD_RE.sub("", doc.title) or doc.title
    props.author = props.last_modified_by = AUTHOR
    props.created = props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.revision = 1
    props.comments = ""
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip(buffer.getvalue())
