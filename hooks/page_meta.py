"""Validate each page's front matter and stamp policy pages with their basis.

Pages in POLICY_SECTIONS must say which documents they follow (``basis``) and
when that was last checked (``basis_as_of``); they get a line under the title
(依据截至 …, 最后更新 …) and a basis box at the end. The last-updated date and
reason come from data/changelog/, falling back to the ``updated`` key.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError

from _project import ROOT
from macros.errors import GuideError
from macros.render.page_meta import insert_after_title, render_basis_footer, render_policy_header
from macros.sitedata import load_site_data, validate_source
from macros.yamlsource import parse_yaml

POLICY_SECTIONS = ("work-points/", "writing/", "samples/", "doc-templates/", "checklists/", "calendar/", "glossary/")
SCHEMA = json.loads((ROOT / "data/schemas/page-meta.schema.json").read_text(encoding="utf-8"))


def front_matter(path: Path, rel: str):
    """The page's front matter as a Source with file line numbers, or None."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 4)
    if end < 0:
        raise GuideError(rel, 1, "front matter is not closed", "add a line '---' after the page's metadata")
    return parse_yaml(text[4:end + 1], rel, first_line=2)


def last_change(src_uri: str) -> tuple[str, str] | None:
    """(date, why) of the newest changelog entry that names this page."""
    site = load_site_data(ROOT)
    for release in reversed(site.all("changelog")):
        for change in release["changes"]:
            if src_uri in change.get("pages", []):
                return release["date"], change["why"]
    return None


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    try:
        return stamp_page(markdown, page)
    except GuideError as exc:
        raise PluginError(exc.message) from None


def stamp_page(markdown: str, page) -> str:
    """Validate the page's front matter and add its basis stamp and section."""
    rel = f"docs/{page.file.src_uri}"
    source = front_matter(Path(page.file.abs_src_path), rel)
    meta = source.data if source else {}
    if source:
        if not isinstance(meta, dict):
            raise GuideError(rel, 2, "front matter must be 'key: value' lines", "see data/schemas/page-meta.schema.json")
        validate_source(source, SCHEMA, "page-meta")
    is_policy = page.file.src_uri.startswith(POLICY_SECTIONS)
    if is_policy and not ("basis" in meta and "basis_as_of" in meta):
        raise GuideError(rel, 1, "a page that states policy must say what it follows and how current that is",
                         "add front matter 'basis: [《文件名》, …]' and 'basis_as_of: YYYY-MM'")
    if "basis" in meta and "basis_as_of" not in meta:
        raise GuideError(rel, source.line_of(("basis",)), "'basis' without 'basis_as_of'",
                         "add 'basis_as_of: YYYY-MM' (the month the basis was checked)")
    change = last_change(page.file.src_uri)
    updated, reason = change or (meta.get("updated"), None)
    if is_policy and not updated:
        raise GuideError(rel, 1, "no last-updated date for a policy page",
                         "name the page in a data/changelog/ entry, or set 'updated: YYYY-MM-DD'")
    if "basis" in meta:
        markdown = insert_after_title(markdown, render_policy_header(meta["basis_as_of"], updated, reason))
        markdown = markdown.rstrip("\n") + "\n\n" + render_basis_footer(meta["basis"], meta["basis_as_of"])
    elif updated:
        markdown = insert_after_title(markdown, render_policy_header(None, updated, reason))
    return markdown
