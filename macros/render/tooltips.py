r"""Glossary tooltips: wrap terms in <abbr title="…"> in rendered HTML (pure).

Python-Markdown's abbr extension matches whole words only (\b…\b), and
between two Chinese characters there is no word boundary, so it would never
fire inside Chinese text. This works on the page's HTML instead: it walks the
text between tags, leaves headings, links, code, existing abbreviations,
scripts, SVG pictures, form labels and buttons alone, and marks the first
occurrence of each term per page (longest name first, so 新时代文明实践站
wins over 文明实践站). Material's content.tooltips shows the title on hover.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..memo import Memo

SKIP = {"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "svg", "math", "textarea", "select",
        "button", "label", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "title", "del", "s"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr"}
TOKEN = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>", re.DOTALL | re.IGNORECASE)
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")


@dataclass(frozen=True)
class Tooltip:
    key: str  # one per term record: a term is marked once per page, whichever name appears first
    names: tuple[str, ...]
    title: str


def tooltips_from_terms(terms: list[dict]) -> list[Tooltip]:
    """Tooltips for the terms that allow them (``tooltip: false`` opts out)."""
    out = []
    for term in terms:
        if term.get("tooltip", True):
            names = (term["term"], *term.get("aliases", []))
            out.append(Tooltip(term["id"], names, f"{term['term']}：{term['definition']}"))
    return out


class TooltipMarker:
    """Compiled once per version of the terms; ``mark(html)`` is called per page.

    A page's result is kept for the next build in the same process (``memo``:
    a serve rebuild marks only the pages whose HTML changed); the marker is
    made again when data/terms changes, so the memo's scope is the marker.
    """

    def __init__(self, tooltips: list[Tooltip]):
        self.by_name = {name: tip for tip in tooltips for name in tip.names}
        names = sorted(self.by_name, key=lambda n: (-len(n), n))
        self.pattern = re.compile("|".join(re.escape(n) for n in names)) if names else None
        self.memo = Memo()

    def mark(self, page_html: str) -> str:
        return self.memo.get(page_html, lambda: self._mark(page_html))

    def _mark(self, page_html: str) -> str:
        if not self.pattern:
            return page_html
        done: set[str] = set()
        stack: list[str] = []
        out: list[str] = []
        pos = 0
        for match in TOKEN.finditer(page_html):
            if match.start() > pos:
                out.append(self._text(page_html[pos:match.start()], stack, done))
            token = match.group(0)
            out.append(token)
            pos = match.end()
            self._track(token, stack)
        out.append(self._text(page_html[pos:], stack, done))
        return "".join(out)

    @staticmethod
    def _track(token: str, stack: list[str]) -> None:
        tag = TAG_NAME.match(token)
        if not tag or token.startswith("<!"):
            return
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if name.startswith(("script", "style")) and match_script(token):  # no other name starts a whole block
            return
        if closing:
            if name in stack:
                while stack and stack.pop() != name:
                    pass
        elif name not in VOID and not token.rstrip(">").endswith("/"):
            stack.append(name)

    def _text(self, text: str, stack: list[str], done: set[str]) -> str:
        if not text or not SKIP.isdisjoint(stack) or not text.strip():
            return text

        def replace(m: re.Match) -> str:
            tip = self.by_name[m.group(0)]
            if tip.key in done:
                return m.group(0)
            done.add(tip.key)
            return f'<abbr class="guide-term" title="{html.escape(tip.title, quote=True)}">{m.group(0)}</abbr>'

        return self.pattern.sub(replace, text)


SCRIPT_START = re.compile(r"<(script|style)\b", re.IGNORECASE)


def match_script(token: str) -> bool:
    """A whole <script>…</script> or <style>…</style> token (already closed)."""
    return bool(SCRIPT_START.match(token)) and token.lower().rstrip().endswith(("</script>", "</style>"))
