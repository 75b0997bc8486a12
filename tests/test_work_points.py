"""The six work-point pages and the master self-inspection checklist behind them.

Pages are read from the session build; the checklist's tagging rules are
checked on the data without MkDocs.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from macros.render.checklist import item_anchor
from macros.sitedata import WORK_POINTS, load_site_data
from support import ROOT

CHECKLIST = "responsibility-self-inspection"
PAGES = tuple(WORK_POINTS)
SECTIONS = ["做什么", "怎么做", "多久一次、谁负责", "留什么材料", "常见问题", "相关清单、模板与范文", "依据"]
HAN = re.compile(r"[\u4e00-\u9fff]")


def checklist_items() -> list[dict]:
    return list(load_site_data(ROOT).get("checklists", CHECKLIST)["items"])


def h2_texts(article) -> list[str]:
    return [h.get_text().replace("¶", "").strip() for h in article.select("h2")]


def section(article, title: str) -> list:
    """The elements between the H2 ``title`` and the next H2."""
    heading = next(h for h in article.select("h2") if h.get_text().replace("¶", "").strip() == title)
    elements = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        elements.append(sibling)
    return elements


def anchors_on(article) -> list[str]:
    """Ids of checklist item anchors that sit inside a list item."""
    return [span["id"] for span in article.select("li span.ck-anchor")]


# --- the checklist data -------------------------------------------------------

def test_checklist_size_and_fields():
    items = checklist_items()
    assert 36 <= len(items) <= 45, len(items)
    for item in items:
        assert item.get("frequency") and item.get("owner") and item.get("points"), item["id"]


@pytest.mark.parametrize("point", PAGES)
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
    assert h2_texts(built_site.article(f"work-points/{name}.html")) == SECTIONS


@pytest.mark.parametrize("name", PAGES)
def test_page_has_substantive_chinese_text_and_tables(built_site, name):
    article = built_site.article(f"work-points/{name}.html")
    assert len(HAN.findall(article.get_text())) >= 1500
    assert len(article.select("table")) >= 2


@pytest.mark.parametrize("name", PAGES)
def test_page_shows_its_checklist_items_from_data(built_site, name):
    article = built_site.article(f"work-points/{name}.html")
    shown = anchors_on(article)
    expected = [item_anchor(CHECKLIST, i["id"]) for i in checklist_items()
                if name == "responsibility" or name in i.get("points", [])]
    assert len(shown) >= 5 and shown == expected
    last = " ".join(e.get_text(" ") for e in section(article, "相关清单、模板与范文"))
    assert last.count("留存材料") >= 5, "the items sit in the last section"


@pytest.mark.parametrize("name", PAGES)
def test_page_links_its_templates_and_samples(built_site, name):
    hrefs = [a.get("href", "") for e in section(built_site.article(f"work-points/{name}.html"), "相关清单、模板与范文")
             for a in e.select("a")]
    assert any(re.search(r"doc-templates/[a-z-]+\.html", h) and "index" not in h for h in hrefs), hrefs
    assert any(re.search(r"samples/[a-z-]+\.html", h) and "index" not in h for h in hrefs), hrefs


@pytest.mark.parametrize("name", PAGES)
def test_page_is_dated_and_names_its_basis(built_site, name):
    article = built_site.article(f"work-points/{name}.html")
    assert re.search(r"依据截至 2026年1[12]月", article.select_one(".page-stamp").get_text())
    assert "《" in " ".join(e.get_text() for e in section(article, "依据"))


def test_billboard_paragraph_links_the_content_change_record(built_site):
    """宣传栏和电子屏的内容: each change is recorded in the generated ledger, linked where the paragraph says so."""
    article = built_site.article("work-points/responsibility.html")
    paragraph = next(p for p in article.select("p") if p.get_text().startswith("宣传栏和电子屏的内容"))
    assert any(a.get("href") == "../downloads/ledger-display-changes.xlsx" for a in paragraph.select("a[download]"))


def test_leading_group_and_three_teams_are_answered(built_site):
    group = built_site.article("work-points/responsibility.html")
    assert any(h.get_text().strip("¶ ") == "意识形态工作领导小组" for h in group.select("h3"))
    teams = built_site.article("work-points/opinion.html")
    heading = next(h for h in teams.select("h3") if h.get_text().startswith("宣传队伍"))
    rows = [tr.select("td")[0].get_text() for tr in heading.find_next("table").select("tbody tr")]
    assert [r[:3] for r in rows] == ["宣传委", "网评员", "通讯员"]


def test_checklist_items_appear_on_more_than_one_page(built_site):
    counts = Counter()
    for name in PAGES:
        counts.update(set(anchors_on(built_site.article(f"work-points/{name}.html"))))
    shared = [anchor for anchor, n in counts.items() if n > 1]
    assert len(shared) >= 5, shared


@pytest.mark.parametrize("name", ("civilization", "credit", "culture"))
def test_frequency_owner_and_report_figures_tables(built_site, name):
    article = built_site.article(f"work-points/{name}.html")
    assert "频次" in " ".join(e.get_text() for e in section(article, "多久一次、谁负责"))
    assert "报告里常给的数字" in " ".join(e.get_text() for e in section(article, "留什么材料"))


def test_credit_page_states_the_limits_of_naming(built_site):
    text = built_site.article("work-points/credit.html").get_text()
    for needle in ("个人信息保护法", "申辩", "不得与低保"):
        assert needle in text, needle


@pytest.mark.parametrize(("page", "heading", "needles"), [
    ("work-points/opinion.html", "意见箱", ("两名工作人员", "登记表", "当天报宣传委员", "公示栏")),
    ("work-points/civilization.html", "道德讲堂", ("多久一次", "留什么", "核实", "常见毛病")),
])
def test_suggestion_box_and_morality_lecture_are_covered(built_site, page, heading, needles):
    article = built_site.article(page)
    section = next(h for h in article.find_all("h3") if heading in h.get_text())
    text = "".join(s.get_text() for s in section.find_next_siblings(limit=8))
    for needle in needles:
        assert needle in text, (page, needle)
    tables = [article.find(id=i).find_next("table").get_text() for i in ("多久一次谁负责", "留什么材料")]
    assert all(heading in table for table in tables), page  # a row in each table


# --- what staff asked and the guide lacked (issue #19) -------------------------

def test_small_branch_records_are_answered_with_the_display_ledger(built_site):
    article = built_site.article("work-points/responsibility.html")
    heading = article.select_one("h3#小支部留什么")
    assert heading and heading.find_previous("h2").get_text().rstrip("¶").strip() == "留什么材料"
    text = ""
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        text += sibling.get_text()
    for words in ("小区党支部", "物业", "两新", "三会一课", "宣传栏", "按本区要求"):
        assert words in text, words
    links = [a["href"] for a in heading.find_next("ul").select("a[href]")]
    assert any(h.endswith("downloads/ledger-display-changes.xlsx") for h in links), links


def test_secretary_party_lecture_states_only_what_is_certain(built_site):
    article = built_site.article("work-points/theory.html")
    heading = article.select_one("h3#书记讲党课")
    assert heading
    text = heading.find_next("p").get_text()
    for words in ("支部书记每年至少讲1次党课", "专题辅导", "没有对街道党工委书记讲党课或专题辅导次数的统一规定", "按本区要求"):
        assert words in text, words
