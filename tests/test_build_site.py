"""The strict build and what every reader meets: pages, stamps, checklists, downloads."""

from __future__ import annotations

import io
import re

import openpyxl

from macros.sitedata import load_site_data
from support import ROOT


def test_strict_build_has_no_warning(built_site):
    assert "WARNING" not in built_site.log
    assert "Macro Rendering Error" not in built_site.log


def test_every_nav_section_has_a_page(built_site):
    for rel in ("index.html", "work-points/theory.html", "work-points/responsibility.html",
                "writing/index.html", "samples/index.html", "doc-templates/index.html",
                "checklists/index.html", "calendar/index.html", "glossary/index.html",
                "checker/index.html", "deploy/index.html", "changelog.html"):
        assert built_site.article(rel).h1, rel


def test_home_offers_task_entries_that_lead_to_answers(built_site):
    cards = built_site.soup("index.html").select(".task-cards a")
    targets = {a.get_text(strip=True): a["href"] for a in cards}
    assert set(targets) >= {"我要写半年汇报", "我要做年度总结和计划", "我要准备检查", "我要部署到内网", "我刚接手宣传工作"}
    assert targets["我刚接手宣传工作"] == "guide/first-month.html"  # the home page's question 刚接手……从哪儿看起
    assert targets["我要写季度研判报告"].startswith("writing/document-types.html#")  # structure, template, 保密
    # Second click: each task page links to where the work is done.
    task = built_site.article("tasks/half-year-report.html")
    hrefs = [a["href"] for a in task.select("a")]
    assert any("doc-templates/" in h for h in hrefs) and any("checker/" in h for h in hrefs)


OUTSIDE_URL = re.compile(r'\s(src|href|srcset|poster|data|action)="((?:https?:)?//(?!127\.0\.0\.1)[^"]*)"', re.IGNORECASE)
TAG = re.compile(r"<([a-zA-Z][\w-]*)(\s[^>]*)>")
# Links a reader may follow (nothing is loaded from them): the theme's credit in the footer.
OUTSIDE_LINKS = {"https://squidfunk.github.io/mkdocs-material/"}


def test_no_page_refers_to_an_outside_host(built_site):
    """No tag loads anything from another host, and the only outside links are OUTSIDE_LINKS."""
    for rel in built_site.pages():
        html = built_site.html(rel)
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, rel
        for tag, attributes in TAG.findall(html):
            for attribute, url in OUTSIDE_URL.findall(attributes):
                assert tag.lower() == "a" and attribute.lower() == "href" and url in OUTSIDE_LINKS, \
                    f'{rel}: <{tag} {attribute}="{url}">'


def test_chinese_headings_keep_readable_ids(built_site):
    ids = [h.get("id") for h in built_site.article("guide/how-to-use.html").select("h2")]
    assert "栏目" in ids and "怎么查" in ids


def test_policy_pages_carry_basis_and_date(built_site):
    for rel in ("work-points/index.html", "checklists/index.html"):
        article = built_site.article(rel)
        stamp = article.select_one(".page-stamp").get_text()
        assert re.search(r"依据截至 20\d\d年\d{1,2}月", stamp), rel
        assert "最后更新" in stamp
        assert any("依据" in h.get_text() for h in article.select("h2")), rel


def test_checklist_rendered_from_data_with_stable_anchors(built_site):
    record = load_site_data(ROOT).get("checklists", "before-submission")
    article = built_site.article("checklists/index.html")
    for item in record["items"]:
        anchor = article.select_one(f"#ck-before-submission-{item['id']}")
        assert anchor is not None, item["id"]
        assert item["text"] in anchor.parent.get_text()


def test_same_checklist_item_shows_on_several_pages(built_site):
    pages = [p for p in built_site.pages() if built_site.soup(p).select_one("#ck-before-submission-no-placeholder")]
    assert len(pages) >= 2, pages


def test_checklist_download_is_a_real_workbook(built_site):
    link = built_site.article("checklists/index.html").select_one('a[download][href$=".xlsx"]')
    assert link is not None
    data = (built_site.path / "checklists" / link["href"]).resolve().read_bytes()
    wb = openpyxl.load_workbook(io.BytesIO(data))
    sheet = wb.active
    assert sheet["A1"].value == "报告报送前自查清单"
    assert [c.value for c in sheet[2]][:3] == ["序号", "检查内容", "留存材料"]
    assert sheet.freeze_panes == "A3"
    assert sheet.data_validations.dataValidation, "result column has a choice list"


def test_changelog_page_lists_releases_with_reasons(built_site):
    article = built_site.article("changelog.html")
    assert article.select_one("h2#v2026-11-22")
    assert "原因：" in article.get_text()


def test_checklist_source_line_is_styled_not_literal(built_site):
    for rel in built_site.pages():
        text = built_site.article(rel).get_text()
        assert "{ .ck-source }" not in text and "{: .ck-source }" not in text, rel


def test_stamp_gives_the_reason_of_the_pages_newest_change(built_site):
    """A page changed twice on one day gives the second change's reason: a day's entries are in order."""
    releases = load_site_data(ROOT).all("changelog")
    twice = 0
    for rel in built_site.pages():
        src = rel[:-len(".html")] + ".md"
        newest = next(([c for c in r["changes"] if src in c.get("pages", [])]
                       for r in reversed(releases) if any(src in c.get("pages", []) for c in r["changes"])), [])
        if not newest:
            continue
        twice += len(newest) > 1
        stamp = built_site.article(rel).select_one(".page-stamp").get_text()
        assert f"（{newest[-1]['why']}）" in stamp.replace("\u200b", ""), (rel, stamp)
    assert twice, "no page has two changes on its newest day: the test shows nothing"


BASIS_STAMP = re.compile(r"依据截至\s*(20\d\d)年(\d{1,2})月")
BASIS_PROSE = re.compile(r"(?:依据日期（|截至)(20\d\d)年(\d{1,2})月(?![底末0-9])")


def test_prose_dates_of_the_basis_are_the_pages_own(built_site):
    """A page that says when its basis was checked says it once: the prose (依据日期（…）, 截至…月,
    generated tables included) gives the month of the stamp under its title (basis_as_of)."""
    seen = 0
    for rel in built_site.pages():
        article = built_site.article(rel)
        stamp = article.select_one(".page-stamp")
        own = BASIS_STAMP.search(stamp.get_text()) if stamp else None
        if not own:
            continue
        for m in BASIS_PROSE.finditer(article.get_text().replace(stamp.get_text(), "")):
            seen += 1
            assert m.groups() == own.groups(), (rel, m.group(0), own.group(0))
    assert seen, "no page states its basis date in prose: the test shows nothing"
