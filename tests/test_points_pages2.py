"""Work-point pages civilization, credit and culture, read from the session build.

Each page must have the fixed section order (plus the hook's closing 依据),
enough substantive Chinese text, at least five checklist items from the
master self-inspection list, and links to the templates and samples sections.
"""

from __future__ import annotations

import re

import pytest

PAGES = ("civilization", "credit", "culture")
SECTIONS = ["做什么", "怎么做", "多久一次、谁负责", "留什么材料", "常见问题", "相关清单、模板与范文", "依据"]
HAN = re.compile(r"[\u4e00-\u9fff]")
MIN_HAN = 1500
MIN_ITEMS = 5


def h2_texts(article) -> list[str]:
    return [h.get_text().replace("¶", "").strip() for h in article.select("h2")]


def section_text(article, title: str) -> str:
    """Text between the H2 ``title`` and the next H2."""
    heading = next(h for h in article.select("h2") if h.get_text().replace("¶", "").strip() == title)
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling.get_text(" "))
    return " ".join(parts)


@pytest.mark.parametrize("point", PAGES)
def test_sections_in_fixed_order(built_site, point):
    article = built_site.article(f"work-points/{point}.html")
    assert h2_texts(article) == SECTIONS


@pytest.mark.parametrize("point", PAGES)
def test_enough_chinese_text(built_site, point):
    article = built_site.article(f"work-points/{point}.html")
    count = len(HAN.findall(article.get_text()))
    assert count >= MIN_HAN, f"{point}: {count} Chinese characters"


@pytest.mark.parametrize("point", PAGES)
def test_checklist_items_from_master_list(built_site, point):
    article = built_site.article(f"work-points/{point}.html")
    items = [li for li in article.select("li") if li.select_one("span.ck-anchor")]
    assert len(items) >= MIN_ITEMS, f"{point}: {len(items)} checklist items"
    anchors = [li.select_one("span.ck-anchor")["id"] for li in items]
    assert all(a.startswith("ck-responsibility-self-inspection-") for a in anchors)
    # The items sit in the last section, before the basis.
    assert section_text(article, "相关清单、模板与范文").count("留存材料") >= MIN_ITEMS


@pytest.mark.parametrize("point", PAGES)
def test_links_to_templates_and_samples(built_site, point):
    article = built_site.article(f"work-points/{point}.html")
    hrefs = [a.get("href", "") for a in article.select("a")]
    assert any("doc-templates/" in h for h in hrefs), point
    assert any("samples/" in h for h in hrefs), point


@pytest.mark.parametrize("point", PAGES)
def test_guidance_states_frequency_owner_and_figures(built_site, point):
    """The scan-friendly tables are there: who/how often, and the figures a report gives."""
    article = built_site.article(f"work-points/{point}.html")
    freq = section_text(article, "多久一次、谁负责")
    assert "频次" in freq and "责任人" in freq
    assert "报告里常给的数字" in section_text(article, "留什么材料")
    assert len(article.select("table")) >= 4


@pytest.mark.parametrize("point", PAGES)
def test_basis_stamp_and_closing_basis(built_site, point):
    article = built_site.article(f"work-points/{point}.html")
    assert "依据截至 2026年11月" in article.get_text() or "依据截至2026年11月" in article.get_text()
    basis = section_text(article, "依据")
    assert "《" in basis


def test_credit_page_states_the_limits_of_naming(built_site):
    text = built_site.article("work-points/credit.html").get_text()
    for needle in ("个人信息保护法", "申辩", "不得与低保"):
        assert needle in text, needle
