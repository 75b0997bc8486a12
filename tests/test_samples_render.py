"""Unit tests of macros/render/sample.py and the samples checks (no MkDocs)."""

from __future__ import annotations

import re

import markdown
import pytest

from macros.document import OfficialDocument
from macros.render.sample import (
    TEMPLATE_SECTIONS,
    annotation_count,
    document_text,
    escape_md,
    han_count,
    problems,
    render_sample,
    sample_document,
    sections_problems,
)


class FakeRecord(dict):
    """Stands in for sitedata.Record: a mapping with an id."""

    def __init__(self, record_id="half-year-report", **data):
        super().__init__(data)
        self.id = record_id


def make(blocks=None, **extra):
    data = {"template": "half-year-report", "title": "中共示例街道工作委员会关于2026年上半年意识形态工作情况的报告",
            "year": 2026, "unit": "中共示例街道工作委员会", "addressee": "中共示例区委宣传部",
            "signature": "中共示例街道工作委员会", "date": "2026年6月28日", "summary": "一篇用于测试的范文。"}
    data.update(extra)
    data["blocks"] = blocks if blocks is not None else [
        {"p": "根据区委宣传部通知要求，现将上半年情况报告如下。", "section": "opening", "note": "开头交代依据和目的。"},
        {"h1": "一、主要工作和成效", "section": "achievements", "note": "第一部分写做了什么、有什么效果。"},
        {"h3": "1. 理论学习有计划", "note": "三级标题用阿拉伯数字加点。"},
        {"p": "中心组集体学习6次，其中专题研讨2次。", "note": "用数字说话。",
         "weak": "认真组织学习，效果很好。", "weak_note": "只有态度，没有数字。"},
        {"h1": "二、存在的问题", "section": "problems"},
        {"p": "网评员队伍年龄偏大。"},
        {"h1": "三、下一步打算", "section": "next-steps"},
        {"table": {"columns": ["序号", "任务"], "rows": [["1", "充实网评员队伍"]]}, "note": "表格也可以评注。"},
    ]
    return FakeRecord(**data)


def to_html(md_text: str) -> str:
    return markdown.markdown(md_text, extensions=["attr_list", "md_in_html", "tables", "admonition",
                                                  "pymdownx.superfences"])


def test_each_note_becomes_one_annotation_with_its_marker():
    record = make()
    html = to_html(render_sample(record))
    assert annotation_count(record) == 5
    assert len(re.findall(r'class="[^"]*\bannotate\b', html)) == 5
    # every annotated element is followed by its one-item list
    assert html.count("(1)") == 5
    assert "开头交代依据和目的。" in html


def test_document_headings_are_styled_paragraphs_not_page_headings():
    html = to_html(render_sample(make()))
    assert '<p class="sample-h1 annotate" id="half-year-report-achievements">一、主要工作和成效 (1)</p>' in html
    assert '<p class="sample-h3 annotate">1. 理论学习有计划 (1)</p>' in html  # not an ordered list
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    assert headings == ["范文全文", "改写对照"]


def test_weak_and_strong_are_shown_side_by_side_with_the_reason():
    html = to_html(render_sample(make()))
    compare = html[html.index("改写对照"):]
    assert '<div class="sample-weak fault-example">' in compare
    assert "认真组织学习，效果很好。" in compare
    assert "中心组集体学习6次" in compare[compare.index("sample-strong"):]
    assert "只有态度，没有数字。" in compare
    assert 'id="half-year-report-compare-1"' in html
    assert 'href="#half-year-report-compare-1"' in html  # the note links to the comparison


def test_no_comparison_section_without_weak_versions():
    blocks = [{"p": "正文段落。", "note": "评注内容。"}]
    assert "改写对照" not in render_sample(make(blocks))


def test_document_text_is_literal():
    assert escape_md("1. 加强*学习*_x_[链接]") == "1\\. 加强\\*学习\\*\\_x\\_\\[链接\\]"
    html = to_html(render_sample(make([{"p": "用<b>标签</b>和**星号**写的话", "note": "评注内容。"}])))
    assert "&lt;b&gt;标签&lt;/b&gt;和**星号**写的话" in html


def test_counts_chinese_characters_of_the_document_only():
    record = make()
    text = document_text(record)
    assert "用数字说话" not in text and "认真组织学习" not in text
    assert han_count("中心组6次ab") == 4


def test_ascii_markers_in_document_text_are_refused():
    record = make([{"p": "分为(1)和(2)两类。"}])
    (where, _, fix), = problems(record)
    assert where == ("blocks", 0, "p") and "（1）" in fix


def test_table_rows_must_match_columns():
    record = make([{"table": {"columns": ["a", "b"], "rows": [["1"]]}}])
    (where, problem, _), = problems(record)
    assert where == ("blocks", 0, "table", "rows", 0) and "1 cells, the table 2 columns" in problem


def test_block_with_two_kinds_is_refused():
    record = make([{"p": "一段", "h1": "一、标题"}])
    (where, problem, _), = problems(record)
    assert where == ("blocks", 0) and "exactly one" in problem


@pytest.mark.parametrize("template", sorted(TEMPLATE_SECTIONS))
def test_sections_must_cover_the_template(template):
    sections = TEMPLATE_SECTIONS[template]
    record = make([{"p": "段落", "section": s} for s in sections], template=template)
    assert sections_problems(record, sections) == []
    missing = make([{"p": "段落", "section": s} for s in sections[:-1]], template=template)
    (_, problem, _), = sections_problems(missing, sections)
    assert sections[-1] in problem
    shuffled = make([{"p": "段落", "section": s} for s in reversed(sections)], template=template)
    assert sections_problems(shuffled, sections)


def test_docx_adapter_leaves_out_notes_and_weak_versions():
    document = sample_document(make())
    assert isinstance(document, OfficialDocument)
    assert [b.kind for b in document.blocks] == ["p", "h1", "h3", "p", "h1", "p", "h1", "table"]
    assert document.blocks[3].text == "中心组集体学习6次，其中专题研讨2次。"
    assert document.addressee == "中共示例区委宣传部" and document.date == "2026年6月28日"
