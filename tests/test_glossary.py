"""Glossary: term data, the 常用表述 page, tooltips on every page."""

from __future__ import annotations

import pytest

from macros.errors import GuideError
from macros.render.glossary import render_glossary, sort_terms, term_anchor
from macros.render.tooltips import Tooltip, TooltipMarker, tooltips_from_terms
from macros.sitedata import load_site_data
from support import ROOT
from support.copies import data_copy

REQUIRED = ["四个意识", "四个自信", "两个维护", "两个确立", "两个巩固", "举旗帜、聚民心、育新人、兴文化、展形象",
            "习近平新时代中国特色社会主义思想", "习近平文化思想", "社会主义核心价值观", "中国式现代化", "新质生产力",
            "进一步全面深化改革", "十五五", "二十届四中全会", "二十届三中全会", "二十届二中全会", "二十届一中全会",
            "党的二十大", "第一议题", "三会一课", "理论学习中心组", "意识形态工作责任制", "一岗双责", "四个纳入",
            "网评员", "网络评论员", "网络舆情", "新时代文明实践中心", "新时代文明实践所", "新时代文明实践站",
            "文明实践站", "中心组", "志愿服务", "移风易俗", "我们的节日", "诚信户", "红黑榜", "居民公约", "综合文化站",
            "全民阅读", "冬训", "台账", "阵地管理", "宣讲", "学习强国", "树立和践行正确政绩观学习教育",
            "深入贯彻中央八项规定精神学习教育", "党纪学习教育", "主题教育"]


@pytest.fixture(scope="module")
def terms() -> list[dict]:
    return [r.data for r in load_site_data(ROOT).all("terms")]


def names(term: dict) -> list[str]:
    return [term["term"], *term.get("aliases", [])]


def test_required_terms_and_aliases(terms):
    known = {n for t in terms for n in names(t)}
    assert not [n for n in REQUIRED if n not in known]
    assert 45 <= len(terms) <= 70


def test_years_of_campaigns_and_meetings(terms):
    by_term = {t["term"]: t for t in terms}
    assert by_term["树立和践行正确政绩观学习教育"]["since"] == 2026
    assert by_term["深入贯彻中央八项规定精神学习教育"]["since"] == 2025
    assert by_term["党纪学习教育"]["since"] == 2024
    assert by_term["党的二十届四中全会"]["since"] == 2025
    assert by_term["习近平文化思想"]["since"] == 2023
    assert by_term["两个确立"]["since"] == 2021


def test_render_glossary_lists_every_term(terms):
    text = render_glossary(terms)
    for term in terms:
        assert f"{{#{term_anchor(term['id'])}}}" in text
        for wrong in term.get("wrong", []):
            assert f"~~{wrong}~~" in text
    assert [line for line in text.splitlines() if line.startswith("## ")] == \
        ["## 提法", "## 会议", "## 学习教育", "## 工作术语"]


def test_campaigns_newest_first(terms):
    ordered = sort_terms("学习教育", [t for t in terms if t["category"] == "学习教育"])
    years = [t["since"] for t in ordered]
    assert years == sorted(years, reverse=True) and years[0] == 2026


# ---- tooltips (pure) ------------------------------------------------------

MARKER = TooltipMarker([
    Tooltip("station", ("新时代文明实践站", "文明实践站"), "新时代文明实践站：村（社区）一级的阵地"),
    Tooltip("commentator", ("网评员", "网络评论员"), "网评员：参与网络评论引导的人员"),
])


def test_first_occurrence_longest_name_wrapped():
    out = MARKER.mark("<p>建好新时代文明实践站，管好文明实践站。</p>")
    assert out == ('<p>建好<abbr class="guide-term" title="新时代文明实践站：村（社区）一级的阵地">新时代文明实践站</abbr>'
                   '，管好文明实践站。</p>')


def test_alias_counts_as_the_term():
    out = MARKER.mark("<p>网络评论员和网评员</p>")
    assert out.count("<abbr") == 1 and ">网络评论员</abbr>" in out


@pytest.mark.parametrize("html", [
    "<h2 id=\"x\">网评员</h2>",
    "<p><a href=\"#\">网评员</a></p>",
    "<pre><code>网评员</code></pre>",
    "<p><code>网评员</code></p>",
    "<script>var a = \"<p>网评员\";</script>",
    "<svg><text>网评员</text></svg>",
    "<li class=\"task-list-item\"><label class=\"task-list-control\"><input type=\"checkbox\"/>网评员</label></li>",
    "<p title=\"网评员\">x</p>",
    "<p><abbr title=\"y\">网评员</abbr></p>",
    "<!-- 网评员 -->",
])
def test_left_alone(html):
    assert MARKER.mark(html) == html


def test_text_after_skipped_element_is_marked():
    out = MARKER.mark("<h2>网评员</h2><p>网评员</p>")
    assert out == '<h2>网评员</h2><p><abbr class="guide-term" title="网评员：参与网络评论引导的人员">网评员</abbr></p>'


def test_title_is_escaped():
    marker = TooltipMarker([Tooltip("q", ("台账",), '台账："引号" & <尖括号>')])
    assert 'title="台账：&quot;引号&quot; &amp; &lt;尖括号&gt;"' in marker.mark("<p>台账</p>")


def test_tooltip_false_opts_out(terms):
    keys = {t.key for t in tooltips_from_terms(terms)}
    assert "ledger" not in keys and "online-commentator" in keys


# ---- bad data -------------------------------------------------------------

def test_duplicate_alias_names_file_and_line(tmp_path):
    project = data_copy(tmp_path)
    path = project / "data/terms/online-opinion.yml"
    text = path.read_text(encoding="utf-8").replace("- 网上舆情", "- 网上舆情\n- 网络评论员")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("- 网络评论员") + 1
    with pytest.raises(GuideError) as caught:
        load_site_data(project)
    error = caught.value
    assert (error.path, error.line) == ("data/terms/online-opinion.yml", line)
    assert "online-commentator" in error.problem


def test_wrong_form_that_is_a_correct_name(tmp_path):
    project = data_copy(tmp_path)
    path = project / "data/terms/si-ge-zi-xin.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("- 三个自信", "- 四个意识"), encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        load_site_data(project)
    assert caught.value.path == "data/terms/si-ge-zi-xin.yml" and caught.value.line


def test_unknown_category_names_file_and_line(tmp_path):
    project = data_copy(tmp_path)
    path = project / "data/terms/ledger.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("category: 工作术语", "category: 术语"), encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        load_site_data(project)
    assert caught.value.line == [line.startswith("category:") for line in text.splitlines()].index(True) + 1


# ---- the built site -------------------------------------------------------

def test_glossary_page_lists_every_term(built_site, terms):
    article = built_site.article("glossary/index.html")
    for term in terms:
        heading = article.select_one(f"h3#{term_anchor(term['id'])}")
        assert heading is not None and term["term"] in heading.get_text(), term["id"]
    assert not article.select("abbr.guide-term")  # the page itself defines every term
    assert "依据截至" in article.get_text()


def test_tooltips_on_pages_that_use_terms(built_site, terms):
    """A term used on a page gets an <abbr title> with its definition; never in headings or links."""
    article = built_site.article("calendar/index.html")
    abbr = article.select_one('abbr.guide-term[title^="分析研判："]')
    assert abbr is not None and abbr.get_text() == "分析研判"
    definitions = {t["term"]: t["definition"] for t in terms}
    assert abbr["title"] == f"分析研判：{definitions['分析研判']}"
    total = 0
    for rel in built_site.pages():
        page = built_site.article(rel)
        if page is None:
            continue
        found = page.select("abbr.guide-term")
        total += len(found)
        assert not page.select("h1 abbr.guide-term, h2 abbr.guide-term, h3 abbr.guide-term, "
                               "h4 abbr.guide-term, a abbr.guide-term, code abbr.guide-term, label abbr.guide-term"), rel
        keys = [a["title"] for a in found]
        assert len(keys) == len(set(keys)), f"{rel}: a term is marked twice"
    assert total > 20


def test_tooltip_shows_on_hover(site_server, page):
    """Material's tooltip shows the definition (from file:// the browser's own title tooltip does)."""
    page.page.goto(site_server + "calendar/index.html")
    term = page.page.locator('abbr.guide-term[title^="分析研判："]')
    term.hover()
    tooltip = page.page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text().startswith("分析研判：定期梳理")
