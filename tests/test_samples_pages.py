"""The half-year report, annual report and work plan samples and their downloads.

Built pages: each has at least 8 annotations (Material ``.annotate`` elements
each followed by its note), 2,000+ Chinese characters of document text in the
sample (notes left out), at least one weak-vs-strong rewrite marked
``fault-example``, its year stated, links to its template, checklist and .docx.
Data: every section of the sample's template appears in the sample, figures
add up and recur unchanged, and the three 示例街道 documents agree.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import yaml

from macros.render.sample import han_count, sections_problems
from macros.checks.sample import template_sections
from macros.sitedata import load_site_data

ROOT = Path(__file__).resolve().parents[1]
MINE = {"half-year-report": 2026, "annual-report": 2025, "work-plan": 2026}
ALL_SAMPLES = ("half-year-report", "annual-report", "responsibility-self-inspection-report",
               "work-plan", "situation-analysis", "rectification-report")


def data(sample_id: str) -> dict:
    return yaml.safe_load((ROOT / "data" / "samples" / f"{sample_id}.yml").read_text(encoding="utf-8"))


def body(sample_id: str) -> str:
    parts = []
    for block in data(sample_id)["blocks"]:
        parts += [block[k] for k in ("h1", "h2", "h3", "h4", "p") if k in block]
        if "table" in block:
            parts += ["|".join(row) for row in block["table"]["rows"]]
    return "\n".join(parts)


def number(text: str, pattern: str) -> int:
    found = re.search(pattern, text)
    assert found, f"not found: {pattern}"
    return int(found.group(1))


# ------------------------------------------------------------------ built pages

@pytest.mark.parametrize("sample_id", sorted(MINE))
def test_page_has_annotations_and_enough_document_text(built_site, sample_id):
    article = built_site.article(f"samples/{sample_id}.html")
    doc = article.select_one(".sample-doc")
    assert doc is not None
    annotated = doc.select(".annotate")
    assert len(annotated) >= 8
    for element in annotated:  # each annotated element is followed by its note list
        assert element.find_next_sibling().name == "ol"
        assert "(1)" in element.get_text()
    for note_list in doc.select("ol"):
        note_list.decompose()
    assert han_count(doc.get_text()) >= 2000


@pytest.mark.parametrize("sample_id", sorted(MINE))
def test_page_shows_rewrites_year_and_links(built_site, sample_id):
    article = built_site.article(f"samples/{sample_id}.html")
    compare = article.select(".sample-compare")
    assert compare, "no 改写对照"
    for pair in compare:
        assert pair.select_one(".sample-weak.fault-example") and pair.select_one(".sample-strong")
        assert "为什么这样改" in pair.find_next_sibling("div", class_="admonition").get_text()
    assert f"本范文按{MINE[sample_id]}年的情况编写" in article.get_text()
    hrefs = [a.get("href", "") for a in article.select("a")]
    assert f"../doc-templates/{sample_id}.html" in hrefs
    assert "../checklists/index.html#before-submission" in hrefs
    assert f"../downloads/sample-{sample_id}.docx" in hrefs
    toc = [a.get_text(strip=True) for a in built_site.soup(f"samples/{sample_id}.html").select(".md-nav--secondary a")]
    assert "范文全文" in toc and "改写对照" in toc
    assert not any(t.startswith(("一、", "（一）")) for t in toc), "document headings leaked into the page toc"


def test_index_lists_all_six_samples(built_site):
    hrefs = [a.get("href", "") for a in built_site.article("samples/index.html").select("a")]
    for sample_id in ALL_SAMPLES:
        assert f"{sample_id}.html" in hrefs


@pytest.mark.parametrize("sample_id", sorted(MINE))
def test_docx_download_holds_the_text_without_notes(built_site, sample_id):
    content = built_site.file(f"downloads/sample-{sample_id}.docx").read_bytes()
    xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode("utf-8")
    text = re.sub(r"<[^>]+>", "", xml)
    record = data(sample_id)
    assert record["title"] in text and record["date"] in text
    for block in record["blocks"]:
        for key in ("note", "weak"):
            if key in block:
                assert block[key].strip().splitlines()[0][:20] not in text
    assert f"本范文按{record['year']}年的情况编写" in text


# ------------------------------------------------------------------ data

@pytest.mark.parametrize("sample_id", ALL_SAMPLES)
def test_every_template_section_is_in_the_sample(sample_id):
    site = load_site_data(ROOT)
    assert "templates" in site.records, "data/templates is missing"
    record = site.get("samples", sample_id)
    sections = template_sections(site)[record["template"]]
    assert sections == tuple(s["id"] for s in site.get("templates", record["template"])["sections"])
    assert sections_problems(record, sections) == []


def test_half_year_figures_add_up():
    text = body("half-year-report")
    assert number(text, r"线索(\d+)条") == 6 + 3 + 2 == number(text, r"已办结(\d+)条") + 2
    assert number(text, r"收集居民意见建议(\d+)条") == number(text, r"办理(\d+)条") + number(text, r"其余(\d+)条正在研究")
    assert number(text, r"区级以上媒体刊发稿件(\d+)篇") == number(text, r"上半年(\d+)篇区级以上稿件") == 37
    assert number(text, r"居民微信群(\d+)个") - number(text, r"网格员已进入(\d+)个") == number(text, r"尚未进入的还有(\d+)个") == number(text, r"其余(\d+)个群")
    assert text.count("9个社区") >= 3 and "10个社区" not in text


def test_annual_figures_add_up():
    text = body("annual-report")
    assert number(text, r"舆情线索(\d+)条，其中") == 12 + 7 + 5 + 3 == 27
    assert 27 - number(text, r"其中(\d+)条在24小时内") == number(text, r"有(\d+)条首次回应超过24小时")
    assert number(text, r"形成研判报告(\d+)份") == 4 + 2
    assert round(587 / number(text, r"注册志愿者达到(\d+)人") * 100) == number(text, r"占(\d+)%")
    assert number(text, r"集中学习全年组织(\d+)次") == 9 * 12
    assert number(text, r"发现问题(\d+)个") == number(text, r"已整改(\d+)个") + 1


def test_work_plan_table_repeats_the_text():
    record = data("work-plan")
    text = "\n".join(b["p"] for b in record["blocks"] if "p" in b)
    rows = next(b["table"]["rows"] for b in record["blocks"] if "table" in b)
    assert [r[0] for r in rows] == [str(i) for i in range(1, len(rows) + 1)]
    for figure in ("不少于12次", "不少于4次", "不少于120场", "不少于80篇", "不少于420场", "25%", "不少于10家",
                   "不少于96场", "不少于40场"):
        assert figure in text and any(figure in "".join(r) for r in rows), figure


def test_the_three_street_documents_agree():
    """The 2025 summary's problems become 2026 tasks, and the half-year report answers them."""
    annual, plan, half = body("annual-report"), body("work-plan"), body("half-year-report")
    assert "18%" in annual and "由18%提高到25%" in plan and "25%" in annual
    assert "一律在24小时内" in annual and "一律在24小时内" in plan and "全部在24小时内" in half
    assert "“一屏一档”" in annual and "“一屏一档”" in plan and "“一屏一档”" in half
    assert "宣讲队26名成员" in half and "充实到26人" in plan
    assert "612个居民微信群" in plan and "居民微信群612个" in half
    for text in (annual, plan, half):
        assert "48块宣传栏" in text and "12块电子显示屏" in text


def test_each_sample_uses_its_years_references():
    annual, plan, half = body("annual-report"), body("work-plan"), body("half-year-report")
    for marker in ("八项规定精神学习教育", "四中全会", "“十四五”", "80周年"):
        assert marker in annual
    assert "政绩观" not in annual  # announced only in 2026
    for text in (plan, half):
        assert "“十五五”" in text and "105周年" in text and "政绩观" in text
        assert "党纪学习教育" not in text and "八项规定精神学习教育" not in text


# ------------------------------------------------------------------ browser

def test_annotation_opens_on_the_sample_text(page, site_server):
    """Clicking the marker after a paragraph shows its note; 改写对照 is reachable from it."""
    p = page.page
    p.goto(site_server + "samples/half-year-report.html")
    marker = p.locator("#half-year-report-opening .md-annotation").first
    marker.scroll_into_view_if_needed()
    box = marker.bounding_box()
    p.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tooltip = p.locator("#half-year-report-opening .md-tooltip--active")
    tooltip.wait_for(state="visible", timeout=5000)
    assert "现将有关情况报告如下" in tooltip.inner_text()
    assert tooltip.locator('a[href="#half-year-report-compare-1"]').count() == 1
    assert not page.failed


# ------------------------------------------------------------------ glossary

def _terms():
    site = load_site_data(ROOT)
    return [r.data for r in site.all("terms")] if "terms" in site.records else []


@pytest.mark.parametrize("sample_id", sorted(MINE))
def test_sample_avoids_the_glossarys_wrong_forms_and_later_terms(sample_id):
    """No form the glossary marks wrong, and no term first used after the sample's year."""
    terms = _terms()
    assert terms, "data/terms is missing"
    text = body(sample_id) + data(sample_id)["title"]
    year = MINE[sample_id]
    for term in terms:
        for wrong in term.get("wrong", []):
            assert wrong not in text, f"{sample_id}: wrong form {wrong!r} (write {term['term']!r})"
        if term.get("since", 0) > year:
            names = [term["term"].strip("“”")] + [a for a in term.get("aliases", []) if len(a) >= 4]
            assert not any(n in text for n in names), f"{sample_id}: {term['term']} is from {term['since']}"
