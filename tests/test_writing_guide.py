"""The writing guide (docs/writing/): each document type and each common fault.

Every fault section shows a before (``.fault-example``, so the report checker
does not take it for the guide's own text) and an after; every document type
has a section saying what each part must contain.
"""

from __future__ import annotations

import pytest
import yaml

from support import ROOT

DOCUMENT_TYPES = ("半年情况报告（通称半年汇报）", "年度总结和报告", "责任制落实自查报告", "宣传思想工作要点", "专题报告",
                  "分析研判报告", "舆情处置情况报告")
FAULTS = ("残留占位符", "其他单位的名称或年份", "过时提法", "形近错别字", "的地得混用", "繁体字和转换残留", "网页残留",
          "新八股：长、空、旧、虚")
PAGES = ("index", "document-types", "opening-and-figures", "format", "common-faults")
RETURNED = ("写得空：通篇没有数字", "写得虚：数字在台账里找不到", "成了流水账：只有活动，没有结果",
            "问题写成“认识不够高”")


def section(article, heading_text: str) -> list:
    """The elements after the heading with ``heading_text`` up to the next heading of its level."""
    heading = next(h for h in article.select("h2, h3") if h.get_text().rstrip("¶").strip() == heading_text)
    out = []
    for element in heading.find_next_siblings():
        if element.name == "h2" or (element.name == heading.name == "h3"):
            break
        out.append(element)
    return out


@pytest.mark.parametrize("page", PAGES)
def test_pages_are_built_with_their_basis(built_site, page):
    article = built_site.article(f"writing/{page}.html")
    assert "依据截至 2026年11月" in article.get_text()


@pytest.mark.parametrize("doc_type", DOCUMENT_TYPES)
def test_each_document_type_has_its_structure(built_site, doc_type):
    article = built_site.article("writing/document-types.html")
    elements = section(article, doc_type)
    tables = [e for e in elements if e.name == "table"] + [t for e in elements for t in e.select("table")]
    if doc_type == "专题报告":
        assert any(e.name == "h3" for e in elements) or tables
        return
    assert tables, f"{doc_type}: no structure table"
    header = [th.get_text() for th in tables[0].select("th")]
    assert header[:2] == ["部分", "必须写什么"]
    assert len(tables[0].select("tbody tr")) >= 4


@pytest.mark.parametrize("fault", FAULTS)
def test_each_fault_has_a_marked_before_and_an_after(built_site, fault):
    article = built_site.article("writing/common-faults.html")
    elements = section(article, fault)
    classes = [e.get("class") or [] for e in elements]
    before = [i for i, c in enumerate(classes) if "fault-example" in c and "admonition" in c]
    after = [i for i, c in enumerate(classes) if "success" in c and "admonition" in c]
    assert before and after and before[0] < after[0]
    assert not any("fault-example" in c for i, c in enumerate(classes) if i in after)


def test_every_before_in_the_guide_is_marked(built_site):
    for page in PAGES:
        article = built_site.article(f"writing/{page}.html")
        for admonition in article.select(".admonition"):
            title = admonition.select_one(".admonition-title").get_text(strip=True)
            if title == "改前":
                assert "fault-example" in admonition["class"], f"{page}: unmarked 改前"


def test_opening_figures_and_matching_sections(built_site):
    text = built_site.article("writing/opening-and-figures.html").get_text()
    for phrase in ("现将有关情况报告如下", "分项之和等于总数", "包含关系", "有时限", "能检查"):
        assert phrase in text
    format_text = built_site.article("writing/format.html").get_text()
    for phrase in ("报告不得夹带请示事项", "“一、”“（一）”“1.”“（1）”", "特此报告"):
        assert phrase in format_text
    # The page's example of the H1 report carries the sample's own date (within 6月20日前后).
    sample = yaml.safe_load((ROOT / "data/samples/half-year-report.yml").read_text(encoding="utf-8"))
    assert sample["date"] == "2026年6月18日" and "2026年6月26日" not in format_text
    assert format_text.count(sample["date"]) >= 2


def test_writing_index_renders_the_shared_checklist(built_site):
    article = built_site.article("writing/index.html")
    assert article.select("#ck-before-submission-no-placeholder")


# --- what staff asked and the guide lacked (issue #19) -------------------------

@pytest.mark.parametrize("complaint", RETURNED)
def test_each_complaint_of_a_returned_report_has_a_marked_before_and_an_after(built_site, complaint):
    article = built_site.article("writing/common-faults.html")
    assert article.select_one("h2#被退回的材料")
    classes = [e.get("class") or [] for e in section(article, complaint)]
    before = [i for i, c in enumerate(classes) if "fault-example" in c and "admonition" in c]
    after = [i for i, c in enumerate(classes) if "success" in c and "admonition" in c]
    assert before and after and before[0] < after[0]


def test_returned_report_section_uses_the_staff_words_and_links_the_ledger_check(built_site):
    article = built_site.article("writing/common-faults.html")
    text = " ".join(e.get_text() for e in section(article, "被退回来了：“写得虚”“写得空”“成了流水账”"))
    for words in ("写得虚", "写得空", "流水账", "被退回", "认识不够高", "台账"):
        assert words in text, words
    hrefs = [a["href"] for a in article.select("a[href]")]
    assert any(h.endswith("checker/ledger.html") for h in hrefs), hrefs


def test_special_report_and_merged_submission_are_answered(built_site):
    article = built_site.article("writing/document-types.html")
    special = section(article, "区里临时要的专项材料")
    assert article.select_one("h3#专项材料")
    table = next(t for e in special for t in ([e] if e.name == "table" else e.select("table")))
    assert [th.get_text() for th in table.select("th")][:2] == ["部分", "必须写什么"]
    assert "半年汇报" in " ".join(e.get_text() for e in special)
    merged = " ".join(e.get_text() for e in section(article, "几份材料能不能合在一起报（合并报送）"))
    assert article.select_one("h2#合并报送")
    for words in ("通知写明可以合并的，才合并", "分开报", "按本区要求"):
        assert words in merged, words
