"""Point MkDocs' link warnings at the line of the page that holds the link.

MkDocs names the page but not the line of a broken link or anchor. A logging
filter finds the line in the source and rewrites the message as
``docs/page.md:LINE: …``; the warning still counts for --strict. It also
raises to a warning the INFO that MkDocs gives for a link into an excluded
folder (such as docs/templates/, which MkDocs drops without a word), and the
build refuses a docs/templates/ folder outright.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

LINK_MESSAGE = re.compile(r"^Doc file '(?P<page>[^']+)' contains (?:a link|an unrecognized relative link) (?:to )?'(?P<link>[^']+)'")
EXCLUDED = "which is excluded from the built site"


def line_of(text: str, link: str) -> int | None:
    """First line that contains the link target (as written, or without its anchor)."""
    for needle in (f"]({link}", f"({link}", link, link.split("#", maxsplit=1)[0] or link):
        for number, line in enumerate(text.splitlines(), start=1):
            if needle and needle in line:
                return number
    return None


class LinkLineFilter(logging.Filter):
    """Adds 'docs/<page>:<line>:' to link warnings; escalates excluded-target links."""

    def __init__(self, docs_dir: Path):
        super().__init__()
        self.docs_dir = docs_dir

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        match = LINK_MESSAGE.match(message)
        if not match:
            return True
        page, link = match.group("page"), match.group("link")
        try:
            line = line_of((self.docs_dir / page).read_text(encoding="utf-8"), link)
        except OSError:
            line = None
        where = f"docs/{page}:{line}" if line else f"docs/{page} (link made by a macro or the theme)"
        fix = "correct the link target or anchor (anchors are the heading text, e.g. #留什么材料)"
        if EXCLUDED in message:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            fix = "move the target out of the excluded folder (MkDocs drops docs/templates/; use docs/doc-templates/)"
        record.msg = f"{where}: {message}\n  What to do: {fix}"
        record.args = ()
        return True


def on_config(config, **kwargs):
    docs_dir = Path(config["docs_dir"])
    if (docs_dir / "templates").is_dir():
        raise PluginError("docs/templates/: MkDocs silently leaves this folder out of the site.\n"
                          "  What to do: put template pages in docs/doc-templates/")
    logger = logging.getLogger("mkdocs.structure.pages")
    logger.filters = [f for f in logger.filters if not isinstance(f, LinkLineFilter)]
    logger.addFilter(LinkLineFilter(docs_dir))
    return config
