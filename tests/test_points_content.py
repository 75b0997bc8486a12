"""Work-point pages (responsibility, theory, opinion) and the master self-inspection checklist.

The pages are read from the session build (``built_site`` in conftest.py);
the checklist's tagging rules are checked on the data without MkDocs.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import ROOT
from macros.render.checklist import item_anchor
from macros.sitedata import WORK_POINTS, load_site_data

CHECKLIST = "responsibility-self-inspection"
PAGES = ("responsibility", "theory", "opinion")
SECTIONS = ["做什么", "怎么做", "多久一次、谁负责", "留什么材料", "常见问题", "相关清单、模板与范文", "依据"]
HAN = re.compile(r"[\u4e00-\u9fff]")


def checklist_items() -> list[dict]:
    return list(load_site_data(ROOT).get("checklists", CHECKLIST)["items"])


def h2_texts(article) -> list[str]:
    return [h.get_text().replace("¶", "").strip() for h in article.select("h2")]


def anchors_on(article) -> list[str]:
    """Ids of checklist item anchors that sit inside a list item."""
    return [span["id"] for span in article.select("li span.ck-anchor")]


# --- the checklist data -------------------------------------------------------

def test_checklist_size_and_groups():
    items = checklist_items()
    assert 36 <= len(items) <= 45, len(items)
    for item in items:
        assert item.get("frequency") and item.get("owner"), item["id"]
        assert item.get("points"), item["id"]


@pytest.mark.parametrize("point", list(WORK_POINTS))
def test_every_work_point_has_at_least_six_items(point):
    tagged = [i["id"] for i in checklist_items() if point in i.get("points", [])]
    assert len(tagged) >= 6, (point, tagged)


def test_items_of_other_points_are_also_responsibility_items():
    for item in checklist_items():
        points = item.get("points", [])
        if set(points) - {"responsibility"}:
            assert "responsibility" in points, item["id"]


# --- the built pages ------------------------------------------------------------

@pytest.mark.parametrize("name", PAGES)
def test_page_has_the_fixed_sections_in_order(built_site, name):
    article = built_site.article(f"work-points/{name}.html")
    assert h2_texts(article) == SECTIONS


@pytest.mark.parametrize("name", PAGES)
def test_page_has_substantive_chinese_text(built_site, name):
    article = built_site.article(f"work-points/{name}.html")
    assert len(HAN.findall(article.get_text())) >= 1500


@pytest.mark.parametrize("name", PAGES)
def test_page_shows_its_checklist_items_from_data(built_site, name):
    article = built_site.article(f"work-points/{name}.html")
    shown = anchors_on(article)
    assert len(shown) >= 5, shown
    items = checklist_items()
    expected = [item_anchor(CHECKLIST, i["id"]) for i in items
                if name == "responsibility" or name in i.get("points", [])]
    assert shown == expected


@pytest.mark.parametrize("name", PAGES)
def test_page_links_templates_and_samples(built_site, name):
    article = built_site.article(f"work-points/{name}.html")
    section = article.find("h2", id="相关清单模板与范文")
    hrefs = []
    for sibling in section.find_next_siblings():
        if sibling.name == "h2":
            break
        hrefs += [a.get("href", "") for a in sibling.select("a")]
    assert any("doc-templates/" in h for h in hrefs), hrefs
    assert any("samples/" in h for h in hrefs), hrefs


def test_checklist_items_appear_on_more_than_one_page(built_site):
    counts = Counter()
    for name in PAGES:
        counts.update(set(anchors_on(built_site.article(f"work-points/{name}.html"))))
    shared = [anchor for anchor, n in counts.items() if n > 1]
    assert len(shared) >= 5, shared
