"""The six annotated sample pages, their index and their .docx downloads, as built.

Each sample page has at least 8 annotations (Material ``.annotate`` elements,
each followed by its note list), 2,000+ Chinese characters of document text
(notes left out) with the title, signature and date, at least two
weak-vs-strong rewrites marked ``fault-example`` with the reason, its year
stated, links to its template, checklist(s) and .docx, and a page toc without
the document's own headings. The .docx holds the text without notes.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from bs4 import BeautifulSoup

from macros.render.sample import han_count
from support.samples import SAMPLES, record

# The samples about the 意识形态工作责任制 also link the self-inspection checklist.
RESPONSIBILITY_SAMPLES = ("responsibility-self-inspection-report", "situation-analysis", "rectification-report")


def sample_doc(built_site, sample_id: str):
    doc = built_site.article(f"samples/{sample_id}.html").select_one(".sample-doc")
    assert doc is not None, f"samples/{sample_id}.html shows no sample"
    return doc


@pytest.mark.parametrize("sample_id", SAMPLES)
def test_page_has_at_least_eight_annotations(built_site, sample_id):
    annotated = sample_doc(built_site, sample_id).select(".annotate")
    assert len(annotated) >= 8
    for element in annotated:  # Material needs the numbered note list right after each annotated element
        following = element.find_next_sibling()
        assert following is not None and following.name == "ol", element.get_text()[:30]
        assert "(1)" in element.get_text(), element.get_text()[:30]


@pytest.mark.parametrize("sample_id", SAMPLES)
def test_page_shows_2000_chinese_characters_of_document_text(built_site, sample_id):
    doc = BeautifulSoup(str(sample_doc(built_site, sample_id)), "html.parser")  # a copy: the site's soup is shared
    for note_list in doc.select("ol"):
        note_list.decompose()
    text = doc.get_text()
    assert han_count(text) >= 2000
    data = record(sample_id)
    assert data["title"] in text and data["signature"] in text and data["date"] in text


@pytest.mark.parametrize("sample_id", SAMPLES)
def test_page_has_two_or_more_rewrites_and_states_the_year(built_site, sample_id):
    article = built_site.article(f"samples/{sample_id}.html")
    compares = article.select(".sample-compare")
    assert len(compares) >= 2, "fewer than two 改写对照"
    for pair in compares:
        assert pair.select_one(".sample-weak.fault-example") and pair.select_one(".sample-strong")
        assert "为什么这样改" in pair.find_next_sibling("div", class_="admonition").get_text()
    assert f"本范文按{record(sample_id)['year']}年的情况编写" in article.get_text()


@pytest.mark.parametrize("sample_id", SAMPLES)
def test_page_links_its_template_checklists_and_docx(built_site, sample_id):
    article = built_site.article(f"samples/{sample_id}.html")
    hrefs = [a.get("href", "") for a in article.select("a")]
    assert f"../doc-templates/{sample_id}.html" in hrefs
    assert "../checklists/index.html#before-submission" in hrefs
    assert f"../downloads/sample-{sample_id}.docx" in hrefs
    if sample_id in RESPONSIBILITY_SAMPLES:
        assert "../checklists/index.html#responsibility-self-inspection" in hrefs


@pytest.mark.parametrize("sample_id", SAMPLES)
def test_page_toc_leaves_out_the_documents_headings(built_site, sample_id):
    toc = [a.get_text(strip=True) for a in built_site.soup(f"samples/{sample_id}.html").select(".md-nav--secondary a")]
    assert "范文全文" in toc and "改写对照" in toc
    assert not any(t.startswith(("一、", "（一）")) for t in toc), "document headings leaked into the page toc"


def test_index_lists_all_six_samples(built_site):
    hrefs = [a.get("href", "") for a in built_site.article("samples/index.html").select("a")]
    for sample_id in SAMPLES:
        assert f"{sample_id}.html" in hrefs


@pytest.mark.parametrize("sample_id", SAMPLES)
def test_docx_download_holds_the_text_without_notes(built_site, sample_id):
    content = built_site.file(f"downloads/sample-{sample_id}.docx").read_bytes()
    xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode("utf-8")
    text = re.sub(r"<[^>]+>", "", xml)
    data = record(sample_id)
    assert data["title"] in text and data["date"] in text
    for block in data["blocks"]:
        for key in ("note", "weak"):
            if key in block:
                assert block[key].strip().splitlines()[0][:20] not in text
    assert f"本范文按{data['year']}年的情况编写" in text


def test_rectification_table_renders_complete(built_site):
    table = sample_doc(built_site, "rectification-report").select_one(".sample-table table")
    rows = table.select("tbody tr")
    assert len(rows) == 6
    for row in rows:
        cells = [td.get_text(strip=True) for td in row.select("td")]
        assert len(cells) == 6 and all(cells), cells


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
