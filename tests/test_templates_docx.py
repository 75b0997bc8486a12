"""The fill-in .docx templates: layout per GB/T 9704-2012 and fidelity to the data.

Unit tests build documents in-process; the ``built_site`` tests open every
.docx the strict build produced and compare it with data/templates.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from macros.checks.template import FIELD_RE, template_texts
from macros.document import Block, OfficialDocument
from macros.export import official_docx as od
from macros.export.template_docx import build_template_docx, template_document
from macros.sitedata import load_site_data
from support import ROOT

SITE = load_site_data(ROOT)
TEMPLATES = SITE.all("templates")
HEADING_STYLE = {"h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3", "h4": "Heading 4"}


def open_docx(data: bytes):
    return Document(io.BytesIO(data))


def style_east_asia(doc, name: str) -> str:
    return doc.styles[name].element.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia"))


def sample_document() -> OfficialDocument:
    return OfficialDocument(
        title="【填写：单位名称】关于2026年上半年意识形态工作情况的报告",
        blocks=(Block("h1", "一、主要工作"), Block("h2", "（一）压实责任"), Block("h3", "1.专题研究"),
                Block("h4", "（1）会议"), Block("p", "全年专题研究【填写：次数】次。"),
                Block("p", "【填写说明】删除本段。"),
                Block("table", columns=("序号", "任务"), rows=(("1", "理论武装"),))),
        addressee="中共示例区委宣传部", signature="中共示例街道工作委员会", date="2026年6月18日",
    )


# --- unit tests of the exporter ---------------------------------------------

def test_page_setup_is_a4_with_gb9704_margins_and_22_line_grid():
    doc = open_docx(od.build_official_docx(sample_document()))
    section = doc.sections[0]
    assert (section.page_width, section.page_height) == (Mm(210), Mm(297)) or \
        (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    grid = section._sectPr.find(qn("w:docGrid"))
    pitch = int(grid.get(qn("w:linePitch")))
    type_height = section.page_height.twips - section.top_margin.twips - section.bottom_margin.twips
    assert type_height // pitch == 22, "the line pitch must give 22 lines in the type area"
    spacing = doc.styles["Normal"].element.find(qn("w:pPr")).find(qn("w:spacing"))
    assert spacing.get(qn("w:lineRule")) == "exact" and int(spacing.get(qn("w:line"))) == pitch


def test_28_characters_fit_a_line():
    doc = open_docx(od.build_official_docx(sample_document()))
    section = doc.sections[0]
    width = section.page_width.twips - section.left_margin.twips - section.right_margin.twips
    rpr = doc.styles["Normal"].element.find(qn("w:rPr"))
    size = int(rpr.find(qn("w:sz")).get(qn("w:val"))) * 10  # half-points -> twips
    condense = int(rpr.find(qn("w:spacing")).get(qn("w:val")))
    grid = section._sectPr.find(qn("w:docGrid"))
    char_space = int(grid.get(qn("w:charSpace"), "0")) * 20 / 4096  # 4096ths of a point -> twips
    pitch = size + condense + char_space
    assert width // pitch == 28, f"pitch {pitch} twips gives {width // pitch} characters a line"


def test_fonts_sizes_and_heading_styles():
    doc = open_docx(od.build_official_docx(sample_document()))
    assert style_east_asia(doc, "Normal") == "仿宋_GB2312"
    assert style_east_asia(doc, "公文标题") == "方正小标宋简体"
    assert doc.styles["公文标题"].font.size.pt == 22
    assert doc.styles["Normal"].font.size.pt == 16
    expected = {"Heading 1": ("黑体", 0), "Heading 2": ("楷体_GB2312", 1),
                "Heading 3": ("仿宋_GB2312", 2), "Heading 4": ("仿宋_GB2312", 3)}
    for name, (font, level) in expected.items():
        style = doc.styles[name]
        assert style_east_asia(doc, name) == font
        assert style.font.size.pt == 16 and style.font.bold is False
        outline = style.element.find(qn("w:pPr")).find(qn("w:outlineLvl"))
        assert int(outline.get(qn("w:val"))) == level
    fonts = zipfile.ZipFile(io.BytesIO(od.build_official_docx(sample_document()))).read("word/fontTable.xml").decode()
    assert re.search(r'w:name="仿宋_GB2312".*?<w:altName w:val="仿宋"', fonts, re.DOTALL)


def test_headings_use_heading_styles_and_fields_are_highlighted():
    doc = open_docx(od.build_official_docx(sample_document()))
    by_text = {p.text: p for p in doc.paragraphs}
    for block in sample_document().blocks:
        if block.kind in HEADING_STYLE:
            assert by_text[block.text].style.name == HEADING_STYLE[block.kind]
    field_runs = [r for p in doc.paragraphs for r in p.runs if FIELD_RE.fullmatch(r.text)]
    assert {r.text for r in field_runs} == {"【填写：单位名称】", "【填写：次数】"}
    assert all(r.font.highlight_color is not None and r.font.highlight_color == 7 for r in field_runs)  # yellow
    guide = by_text["【填写说明】删除本段。"]
    assert guide.style.name == od.GUIDANCE_STYLE
    assert style_east_asia(doc, od.GUIDANCE_STYLE) == "楷体_GB2312"


def test_page_numbers_in_odd_and_even_footers():
    data = od.build_official_docx(sample_document())
    doc = open_docx(data)
    assert doc.settings.odd_and_even_pages_header_footer
    section = doc.sections[0]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        xml = paragraph._p.xml
        assert "PAGE" in "".join(t.text for t in paragraph._p.iter(qn("w:instrText")))
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert paragraph._p.pPr.find(qn("w:jc")).get(qn("w:val")) == side
        assert style_east_asia(doc, paragraph.style.name) == "宋体" and paragraph.style.font.size.pt == 14
        assert "fldChar" in xml


def test_signature_and_date_without_seal():
    assert od.signature_indents("中共示例街道工作委员会", "2026年6月18日") == (2.0, 11 - 6.5)
    sig, date = od.signature_indents("示例街道", "2026年6月18日")  # date longer: date right 2
    assert date == 2.0 and sig == 4 + 6.5 - 4
    doc = open_docx(od.build_official_docx(sample_document()))
    paragraphs = doc.paragraphs
    texts = [p.text for p in paragraphs]
    i = texts.index("中共示例街道工作委员会")
    assert texts[i - 1] == "" and texts[i + 1] == "2026年6月18日"
    right = [int(paragraphs[j]._p.pPr.find(qn("w:ind")).get(qn("w:rightChars"))) for j in (i, i + 1)]
    assert right == [200, 450]


def test_two_builds_are_byte_identical():
    assert od.build_official_docx(sample_document()) == od.build_official_docx(sample_document())
    record = SITE.get("templates", "work-plan")
    assert build_template_docx(record) == build_template_docx(record)
    doc = open_docx(build_template_docx(record))
    assert doc.core_properties.created.year == 2026 and doc.core_properties.modified == doc.core_properties.created


def test_xml_children_in_schema_order():
    """Word refuses files whose property elements are out of order."""
    from lxml import etree

    data = od.build_official_docx(sample_document())
    for name in ("word/styles.xml", "word/document.xml", "word/footer1.xml"):
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        if name not in names:
            continue
        root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))
        for tag, order in od._ORDER.items():
            full = [qn(t) for t in order]
            for element in root.iter(qn(tag)):
                positions = [full.index(c.tag) for c in element if c.tag in full]
                assert positions == sorted(positions), (name, tag, [c.tag.split("}")[1] for c in element])


# --- the templates' data -> their .docx ---------------------------------------

@pytest.mark.parametrize("record", TEMPLATES, ids=lambda r: r.id)
def test_template_docx_follows_its_data(record):
    doc = open_docx(build_template_docx(record))
    document, appendices, _ = template_document(record)
    body = [p for p in doc.paragraphs]
    headings = [(p.style.name, p.text) for p in body if p.style.name.startswith("Heading")]
    expected = [(HEADING_STYLE[b.kind], b.text) for b in document.blocks if b.kind in HEADING_STYLE]
    expected += [(HEADING_STYLE[b.kind], b.text) for a in appendices for b in a.blocks if b.kind in HEADING_STYLE]
    assert headings == expected
    text = "\n".join(p.text for p in body) + "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    for field in record["fields"]:
        assert f"【填写：{field['label']}】" in text, field["label"]
    highlighted = {r.text for p in body for r in p.runs if r.font.highlight_color == 7}
    highlighted |= {r.text for t in doc.tables for row in t.rows for c in row.cells
                    for p in c.paragraphs for r in p.runs if r.font.highlight_color == 7}
    used = {f"【填写：{m}】" for _, t in template_texts(record.data) for m in FIELD_RE.findall(t)}
    assert highlighted - {"【填写：…】"} == used  # the first guidance paragraph shows a field
    assert body[[p.style.name for p in body].index("公文标题")].text == record["doc_title"]
    for section in record["sections"]:
        assert any(p.style.name == od.GUIDANCE_STYLE and section["title"] in p.text for p in body)


def test_work_plan_has_task_table_and_rectification_a_list():
    work_plan = open_docx(build_template_docx(SITE.get("templates", "work-plan")))
    header = [c.text for c in work_plan.tables[0].rows[0].cells]
    assert header == ["序号", "重点任务", "具体措施", "责任领导", "责任科室（社区）", "完成时限"]
    assert any(p.text.startswith("附件：") for p in work_plan.paragraphs)
    rect = open_docx(build_template_docx(SITE.get("templates", "rectification-report")))
    assert "整改措施" in [c.text for c in rect.tables[0].rows[0].cells]
    assert any("整改清单" in p.text for p in rect.paragraphs if p.style.name == "公文标题")


def test_built_site_docx_equal_in_process_build(built_site):
    for record in TEMPLATES:
        data = built_site.file(f"downloads/{record.id}.docx").read_bytes()
        assert data == build_template_docx(record), f"{record.id}.docx differs between builds"
        doc = open_docx(data)
        assert round(doc.sections[0].top_margin.mm) == 37


def test_attachment_note_hangs_under_the_name():
    doc = open_docx(build_template_docx(SITE.get("templates", "work-plan")))
    note = next(p for p in doc.paragraphs if p.text.startswith("附件："))
    ind = note._p.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:hangingChars")) == "300" and ind.get(qn("w:leftChars")) == "500"
    assert ind.get(qn("w:firstLine")) is None


def test_style_names_are_looked_up_once_per_document(monkeypatch):
    """python-docx scans every style for the default one on each lookup by name; per paragraph that was
    half the time of making a .docx (issue #15)."""
    from docx.styles.styles import Styles

    calls = []
    original = Styles.default

    def counted(self, style_type):
        calls.append(style_type)
        return original(self, style_type)

    monkeypatch.setattr(Styles, "default", counted)
    record = load_site_data(ROOT).get("templates", "half-year-report")
    document = open_docx(build_template_docx(record))
    assert len(document.paragraphs) > 30
    assert len(calls) <= 10, f"{len(calls)} default-style scans for {len(document.paragraphs)} paragraphs"


def test_each_document_starts_from_a_copy_of_one_set_up_blank_document(monkeypatch):
    """Issue #15 (a cold build's CPU): the styles, fonts and page are set up once per process and each .docx
    starts from a deep copy of that document; the bytes are those of a document set up on its own."""
    doc = sample_document()
    monkeypatch.setattr(od, "_BLANK", [])
    alone = od.build_official_docx(doc)  # set up for this document
    calls: list = []
    real = od._setup_styles
    monkeypatch.setattr(od, "_setup_styles", lambda document: calls.append(document) or real(document))
    copied = [od.build_official_docx(doc) for _ in range(2)]
    assert calls == [] and copied == [alone, alone]
