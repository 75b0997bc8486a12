"""Changelog releases -> the 更新记录 page (pure)."""

from __future__ import annotations

from ..links import relative
from ..sitedata import Record


def render_changelog(releases: list[Record], from_page: str) -> str:
    """Newest release first; each change with its reason and the pages it touched.

    The releases are left out of the search index (``data-search-exclude`` on their headings): their notes
    name the words of every page they touched, so they answered no query, and their text was the largest
    page of the index, fetched before a reader's first result. The page itself stays findable by its title.
    """
    parts = []
    for release in sorted(releases, key=lambda r: r["date"], reverse=True):
        parts.append(f'## {release["date"]} {{ #v{release["date"]} data-search-exclude }}\n')
        for change in release["changes"]:
            pages = change.get("pages", [])
            links = "、".join(f"[{p}]({relative(p, from_page)})" for p in pages)
            parts.append(f'- **{change["what"]}**  \n  原因：{change["why"]}'
                         + (f"  \n  涉及页面：{links}" if links else ""))
        parts.append("")
    return "\n".join(parts)
