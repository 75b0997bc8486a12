"""Convert a page's Markdown only when its input changed (macros/pagerender.py).

``mkdocs serve`` converts every page again on each change; a page whose
Markdown (as the other hooks leave it), place, Markdown settings, site files
and included snippets are what the last build saw gets the last build's HTML,
table of contents and anchors instead.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from macros.pagerender import RENDERS


@event_priority(-100)  # after every other on_files: the files links are resolved against are final
def on_files(files, config, **kwargs):
    RENDERS.begin_build(config, files)
    return files


@event_priority(-100)  # after the macros and every hook that changes the Markdown
def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    page.render = lambda config, files: RENDERS.render(page, files, lambda: Page.render(page, config, files))
    return markdown
