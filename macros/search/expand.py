"""Make synonyms and the parts of long terms findable, without changing pages.

Each section of the search index gets a hidden field ``keywords`` (indexed by
the search worker, never displayed) holding:

* the other members of every synonym group the section mentions, so that
  网评员 finds a section that only says 网络评论员 and the other way round;
* the shorter words inside every long dictionary word the section mentions,
  so that 责任制 still finds 意识形态工作责任制, which the segmenter keeps whole.
"""

from __future__ import annotations

import json
from typing import Callable, Iterable

from .vocabulary import Group

FIELD = "keywords"
# Lower than the text (1.0): a page that says the word itself ranks above one
# that only says a synonym.
FIELD_BOOST = 0.5
ZWSP = "\u200b"


def section_keywords(title: str, text: str, groups: list[Group], words: list[str],
                     parts: Callable[[str], Iterable[str]]) -> list[str]:
    """The hidden keywords of one index section (title and text as indexed)."""
    plain = (title + "\n" + text).replace(ZWSP, "")
    out: dict[str, None] = {}
    for group in groups:
        if group.found_in(plain):
            for word in group.words:
                if word not in plain:
                    out.setdefault(word, None)
    for word in words:
        if len(word) >= 4 and word in plain:
            for part in parts(word):
                if part != word and len(part) >= 2:
                    out.setdefault(part, None)
    return list(out)


def expand_index(index_json: str, groups: list[Group], words: list[str],
                 parts: Callable[[str], Iterable[str]]) -> tuple[str, int]:
    """The search index with the ``keywords`` field added; also how many sections got one."""
    data = json.loads(index_json)
    data["config"].setdefault("fields", {})[FIELD] = {"boost": FIELD_BOOST}
    touched = 0
    cache: dict[str, list[str]] = {}

    def cached_parts(word: str) -> list[str]:
        if word not in cache:
            cache[word] = list(parts(word))
        return cache[word]

    for doc in data["docs"]:
        keywords = section_keywords(doc.get("title", ""), doc.get("text", ""), groups, words, cached_parts)
        if keywords:
            doc[FIELD] = ZWSP.join(keywords)
            touched += 1
    # Raw UTF-8 rather than \uXXXX escapes: half the size for Chinese text,
    # which matters under file://, where nothing is compressed.
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False), touched
