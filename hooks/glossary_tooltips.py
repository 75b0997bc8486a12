"""Show the glossary definition when hovering a term, on every page.

Built from data/terms/ (the same records as the 常用表述 page): the first
occurrence of each term or alias on a page becomes <abbr title="…">, which
Material's content.tooltips feature displays. See macros/render/tooltips.py
for what is left alone (headings, links, code, pictures, checkbox labels).
"""

from __future__ import annotations

from _project import site_data
from macros.render.tooltips import TooltipMarker, tooltips_from_terms

# The glossary page defines every term in full: no tooltips there.
SKIP_PAGES = {"glossary/index.md"}

_marker: tuple[object, TooltipMarker] | None = None


def on_pre_build(config, **kwargs) -> None:
    _get_marker().memo.begin(None)  # a new build: keep the pages the last one marked


def _get_marker(reload: bool = True) -> TooltipMarker:
    """The marker for the current terms: made again when data/terms changed (checked once per build)."""
    global _marker
    if _marker is not None and not reload:
        return _marker[1]
    terms = [r.data for r in site_data().all("terms")]
    if _marker is None or _marker[0] != terms:  # another data file's edit keeps the marker and its memo
        _marker = (terms, TooltipMarker(tooltips_from_terms(terms)))
    return _marker[1]


def on_page_content(html: str, page, config, files, **kwargs) -> str:
    if page.file.src_uri in SKIP_PAGES:
        return html
    return _get_marker(reload=False).mark(html)
