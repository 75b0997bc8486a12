"""Cross-record checks for data/samples (imported by macros/checks.py).

A sample names the template it fills; its blocks mark where each of the
template's sections starts. Until data/templates exists the agreed section
ids in ``TEMPLATE_SECTIONS`` are the reference; once template records are
loaded, their own section ids are.
"""

from __future__ import annotations

from ..render.sample import TEMPLATE_SECTIONS, problems, sections_problems
from ..sitedata import SiteData, register_check


def template_sections(site: SiteData) -> dict[str, tuple[str, ...]]:
    """Template id -> its section ids, from data/templates when it is loaded."""
    templates = site.records.get("templates")
    if not templates:
        return dict(TEMPLATE_SECTIONS)
    return {tid: tuple(s["id"] for s in record["sections"]) for tid, record in templates.items()}


@register_check
def samples_fill_known_templates(site: SiteData) -> None:
    if "samples" not in site.records:
        return
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
