"""The whole guide on one page, for printing or saving as PDF (pure functions).

Each page's rendered HTML is wrapped in a section of its own; its ids get a
per-page prefix so they stay unique, links to other pages of the guide become
links inside the printed document, and every other relative URL (downloads,
images) is rewritten to be relative to the print page. Glossary hover tips
and the pages' own scripts are dropped: the interactive tools (报告体检,
总结和要点对照) do not work there, and their boxes are hidden (guide.css).
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass

ATTR = re.compile(r'\b(id|href|src)="([^"]*)"')
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
# Glossary hover tips (hooks/glossary_tooltips.py) mean nothing on paper, and
# each page marks its own first use, so the whole guide would repeat them.
TOOLTIP = re.compile(r'<abbr class="guide-term"[^>]*>(.*?)</abbr>', re.DOTALL)
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>\s*", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class PrintedPage:
    url: str  # the page's URL in the site, e.g. "work-points/theory.html"
    title: str
    content: str  # the page's rendered HTML (article content)


def anchor(index: int, fragment: str = "") -> str:
    return f"p{index}" + (f"-{fragment}" if fragment else "")


def rewrite(page_index: int, page: PrintedPage, targets: dict[str, int], here: str) -> str:
    """``page.content`` with ids prefixed and URLs made valid on the print page at ``here``."""
    base = posixpath.dirname(page.url)
    here_dir = posixpath.dirname(here)

    def fix(match: re.Match) -> str:
        name, value = match.group(1), html.unescape(match.group(2))
        if name == "id":
            return f'id="{anchor(page_index, value)}"'
        if not value or EXTERNAL.match(value):
            return match.group(0)
        path, _, fragment = value.partition("#")
        if not path:  # "#x" on the same page
            return f'{name}="#{html.escape(anchor(page_index, fragment))}"'
        target = posixpath.normpath(posixpath.join(base, path))
        if target in targets:
            return f'{name}="#{html.escape(anchor(targets[target], fragment))}"'
        rel = posixpath.relpath(target, here_dir or ".")
        return f'{name}="{html.escape(rel + ("#" + fragment if fragment else ""))}"'

    return ATTR.sub(fix, TOOLTIP.sub(r"\1", SCRIPT.sub("", page.content)))


def render_print_view(pages: list[PrintedPage], here: str) -> str:
    """A table of contents and every page in order, one section per page."""
    targets = {p.url: i for i, p in enumerate(pages, 1)}
    toc = "".join(f'<li><a href="#{anchor(i)}">{html.escape(p.title)}</a></li>' for i, p in enumerate(pages, 1))
    parts = [f'<nav class="print-toc" aria-label="目录"><h2 id="print-toc">目录</h2><ol>{toc}</ol></nav>']
    for i, page in enumerate(pages, 1):
        parts.append(
            f'<section class="print-page" id="{anchor(i)}" aria-label="{html.escape(page.title)}">'
            f'<p class="print-source">{html.escape(page.url)}</p>'
            f"{rewrite(i, page, targets, here)}</section>"
        )
    return "\n".join(parts)
