"""Real Chromium: pages load, navigation works, nothing leaves 127.0.0.1."""

from __future__ import annotations


def test_home_task_entry_reaches_template_in_two_clicks(page, site_server):
    p = page.page
    p.goto(site_server + "index.html")
    assert p.locator("h1").first.inner_text().startswith("街道社区宣传思想工作指南")
    p.get_by_role("link", name="我要写半年汇报").first.click()
    p.wait_for_load_state()
    assert p.locator("article h1").inner_text().startswith("我要写半年汇报")
    p.locator("article").get_by_role("link", name="模板下载").first.click()
    p.wait_for_load_state()
    assert "doc-templates/index.html" in p.url
    assert not page.failed, page.failed


def test_top_navigation_reaches_a_work_point(page, site_server):
    p = page.page
    p.goto(site_server + "index.html")
    p.locator(".md-tabs").get_by_role("link", name="工作要点").click()
    p.wait_for_load_state()
    p.locator("nav.md-nav--primary").get_by_role("link", name="理论武装").first.click()
    p.wait_for_load_state()
    assert p.url.endswith("work-points/theory.html")
    assert "依据截至" in p.locator(".page-stamp").inner_text()
    assert not page.failed, page.failed


def test_every_page_loads_without_outside_requests_or_errors(page, site_server, built_site):
    p = page.page
    errors = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    for rel in built_site.pages():
        p.goto(site_server + rel)
        p.wait_for_load_state("load")
    assert not errors, errors
    assert not page.failed, page.failed
    # The page fixture asserts afterwards that no request left 127.0.0.1.


def test_checklist_download_link_serves_the_file(page, site_server):
    p = page.page
    p.goto(site_server + "checklists/index.html")
    with p.expect_download() as info:
        p.locator("a.guide-download").first.click()
    assert info.value.suggested_filename == "报告报送前自查清单.xlsx"
