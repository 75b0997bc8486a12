"""Accessibility fixes to markup that Material and pymdownx generate.

* Material's search dialog (``<div class="md-search" role="dialog">``) has no
  accessible name; screen readers announce an unnamed dialog. It gets
  aria-label="搜索". Its opening tag is matched exactly (SEARCH_DIALOG): a page
  without it stops the build, so that a change to Material's markup cannot
  silently leave the dialog unnamed.
* pymdownx.tasklist renders each checklist box as an ``<input type=checkbox>``
  inside an empty label, so the box has no name. It gets the item's text.

Checked by axe-core in tests/test_hosting_a11y.py.
"""

from __future__ import annotations

import html
import re

from mkdocs.exceptions import PluginError

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
TASK_ITEM = re.compile(
    r'(<li class="task-list-item">\s*(?:<p>)?\s*<label class="task-list-control">\s*<input type="checkbox")([^>]*>)'
    r'(.*?)(?=</li>|<li)', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def name_checkboxes(content: str) -> str:
    """Give every task-list checkbox its item's text as aria-label."""
    def fix(match: re.Match) -> str:
        if "aria-label" in match.group(2):
            return match.group(0)
        text = " ".join(html.unescape(TAG.sub(" ", match.group(3))).split())[:120]
        return f'{match.group(1)} aria-label="{html.escape(text or "勾选项")}"{match.group(2)}{match.group(3)}'
    return TASK_ITEM.sub(fix, content)


def name_search_dialog(output: str, where: str, required: bool = True) -> str:
    """``output`` with the search dialog named. PluginError when it has no SEARCH_DIALOG although it is
    ``required`` or has Material's search component (its markup changed)."""
    if SEARCH_DIALOG not in output:
        if required or 'data-md-component="search"' in output:
            raise PluginError(
                f"hooks/a11y.py: {where} has no {SEARCH_DIALOG}: Material's markup of the search dialog changed "
                "(partials/search.html), and the dialog would lose its accessible name. What to do: update "
                "SEARCH_DIALOG in hooks/a11y.py to the dialog's new opening tag (or remove name_search_dialog if "
                "Material now names the dialog itself), then run pytest tests/test_hosting_a11y.py "
                "(CONTRIBUTING.md, \"Upgrading Material\")")
        return output
    return output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="搜索">', 1)


def on_page_content(html_text: str, page, config, files, **kwargs) -> str:
    return name_checkboxes(html_text)


def on_post_page(output: str, page, config, **kwargs) -> str:
    return name_search_dialog(output, page.file.src_uri)  # every page has the search dialog


def on_post_template(output: str, template_name: str, config, **kwargs) -> str:
    # Static templates: 404.html has the dialog, sitemap.xml has none.
    return name_search_dialog(output, template_name, required=False)
