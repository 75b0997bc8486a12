"""Accessibility fixes to markup that Material and pymdownx generate.

* Material's search dialog (``<div class="md-search" role="dialog">``) has no
  accessible name; screen readers announce an unnamed dialog. It gets
  aria-label="搜索".
* pymdownx.tasklist renders each checklist box as an ``<input type=checkbox>``
  inside an empty label, so the box has no name. It gets the item's text.

Checked by axe-core in tests/test_hosting_a11y.py.
"""

from __future__ import annotations

import html
import re

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


def name_search_dialog(output: str) -> str:
    return output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="搜索">', 1)


def on_page_content(html_text: str, page, config, files, **kwargs) -> str:
    return name_checkboxes(html_text)


def on_post_page(output: str, page, config, **kwargs) -> str:
    return name_search_dialog(output)


def on_post_template(output: str, template_name: str, config, **kwargs) -> str:
    return name_search_dialog(output)
