"""Printing on A4: pages print content only, and 打印全书 holds the whole guide."""

from __future__ import annotations

import re
from urllib.parse import unquote

from support import ROOT

SHOTS = ROOT / "test-results"
HIDDEN_IN_PRINT = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"]


def _hidden(p, selector: str) -> bool:
    return p.evaluate("""s => [...document.querySelectorAll(s)].every(e => getComputedStyle(e).display === 'none'
                                                        || e.getBoundingClientRect().height === 0)""", selector)


def test_a_page_prints_content_only_with_readable_tables(page, nginx_site):
    p = page.page
    p.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    p.goto(nginx_site.url + "deploy/index.html")
    p.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert _hidden(p, selector), f"{selector} is printed"
    table = p.locator("article table").first
    box = table.bounding_box()
    assert box and box["width"] > 600, "the table is not printed across the page"
    overflow = p.evaluate("() => [...document.querySelectorAll('article table')].some(t => t.scrollWidth > t.clientWidth + 2)")
    assert not overflow, "a table is cut off on paper"
    assert p.evaluate("getComputedStyle(document.querySelector('article a')).textDecorationLine").startswith("underline")
    SHOTS.mkdir(exist_ok=True)
    p.screenshot(path=str(SHOTS / "print-deploy.png"), full_page=True)


def test_external_links_show_their_address_in_print(page, nginx_site):
    p = page.page
    p.goto(nginx_site.url + "print.html")
    p.emulate_media(media="print")
    p.evaluate("""() => { const a = document.createElement('a'); a.href = 'http://example.invalid/x';
                         a.textContent = '链接'; a.id = 'probe'; document.querySelector('article p').append(a); }""")
    after = p.evaluate("getComputedStyle(document.getElementById('probe'), '::after').content")
    assert "http://example.invalid/x" in after


def test_print_view_holds_every_page_in_nav_order_with_working_links(built_site):
    soup = built_site.soup("print.html")
    sections = soup.select("section.print-page")
    sources = [s.select_one(".print-source").get_text() for s in sections]
    nav = [a.get("href") for a in built_site.soup("index.html").select("nav.md-nav--primary a.md-nav__link[href]")]
    nav_pages = []
    for href in nav:
        rel = href.split("#")[0]
        if rel.endswith(".html") and rel != "print.html" and rel not in nav_pages:
            nav_pages.append(rel)
    assert sources == nav_pages
    ids = {tag["id"] for tag in soup.select("[id]")}
    for a in soup.select("article a[href]"):
        href = a["href"]
        if href.startswith("#"):
            assert unquote(href[1:]) in ids, f"print view link {href} has no target"
        elif not re.match(r"^[a-z]+:", href):
            target = href.split("#")[0]
            assert (built_site.path / unquote(target)).is_file(), f"print view link {href} is broken"
    assert len(ids) == len(soup.select("[id]")), "duplicate ids in the print view"
    assert not soup.select("section.print-page script"), "the pages' own scripts are copied into the print view"


def test_print_view_saves_as_a4_pdf(page, nginx_site, built_site):
    p = page.page
    p.goto(nginx_site.url + "print.html")
    pdf = p.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= len(built_site.soup("print.html").select("section.print-page"))
    SHOTS.mkdir(exist_ok=True)
    (SHOTS / "print-guide.pdf").write_bytes(pdf)
    p.emulate_media(media="print")
    p.set_viewport_size({"width": 794, "height": 1123})
    p.screenshot(path=str(SHOTS / "print-guide.png"))
