"""Cross-record checks for data/samples (imported by macros/checks/__init__.py).

A sample names the template it fills (data/templates); its blocks mark where
each of the template's sections starts, in the template's order.
"""

from __future__ import annotations

from ..render.sample import problems, sections_problems
from ..sitedata import SiteData, register_check


def template_sections(site: SiteData) -> dict[str, tuple[str, ...]]:
    """Template id -> its section ids (data/templates)."""
    return {record.id: tuple(s["id"] for s in record["sections"]) for record in site.all("templates")}


@register_check
def samples_fill_known_templates(site: SiteData) -> None:
    known = template_sections(site)
    for record in site.all("samples"):
        if record["template"] not in known:
            raise record.error(("template",), f"unknown template id '{record['template']}'",
                               f"use one of: {', '.join(sorted(known))}")
        found = problems(record) + sections_problems(record, known[record["template"]])
        if found:
            where, problem, fix = found[0]
            more = f" (and {len(found) - 1} more problem(s) in this file)" if len(found) > 1 else ""
            raise record.error(where, problem + more, fix)
