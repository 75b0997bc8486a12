"""Changelog releases -> the 更新记录 page (pure)."""

from __future__ import annotations

from ..links import relative
from ..sitedata import Record


def render_changelog(releases: list[Record], from_page: str) -> str:
    """Newest release first; each change with its reason and the pages it touched."""
    parts = []
    for release in sorted(releases, key=lambda r: r["date"], reverse=True):
        parts.append(f'## {release["date"]} {{ #v{release["date"]} }}\n')
        for change in release["changes"]:
            pages = change.get("pages", [])
            links = "、".join(f"[{p}]({relative(p, from_page)})" for p in pages)
            parts.append(f'- **{change["what"]}**  \n  原因：{change["why"]}'
                         + (f"  \n  涉及页面：{links}" if links else ""))
        parts.append("")
    return "\n".join(parts)
