"""Fill docs/print.md (打印全书) with every page of the guide, in nav order.

Pages are rendered to HTML before any template is, so when the print page's
context is built every other page's content is ready. This runs after the
search plugin has indexed the print page's own short text, so the search
index does not hold the guide twice.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from _project import ROOT  # noqa: F401
from macros.render.print_view import PrintedPage, render_print_view

PRINT_PAGE = "print.md"
MARKER = '<div class="print-view-body"></div>'


def on_page_context(context, page, config, nav, **kwargs):
    if page.file.src_uri != PRINT_PAGE:
        return context
    if MARKER not in page.content:
        raise PluginError(f"docs/{PRINT_PAGE}: keep the line {MARKER} where the pages are to be inserted")
    pages = [PrintedPage(p.url, p.title or p.file.src_uri, p.content or "")
             for p in nav.pages if p.file.src_uri != PRINT_PAGE]
    page.content = page.content.replace(MARKER, render_print_view(pages, page.url))
    return context
