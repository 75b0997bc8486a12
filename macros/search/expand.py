"""Make synonyms and the parts of long terms findable, without changing pages.

Each section of the search index gets hidden fields (indexed by the search
worker, never displayed):

* ``keywords``: the other members of every synonym group the section's text
  mentions, so that 网评员 finds a section that only says 网络评论员 and the
  other way round; and the shorter words inside every long dictionary word it
  mentions, so that 责任制 still finds 意识形态工作责任制, which the segmenter
  keeps whole. Boosted below the text: the word itself ranks first.
* ``title_keywords``: the same for the words of the section's heading, boosted
  like a heading, so a section headed 网评员队伍 ranks for 网络评论员 as it
  does for 网评员.

Pages can also be weighted from data (``page_boost`` in data/search/): the
work-point pages answer most questions, the changelog only mentions words;
and a section whose heading many pages share (``shared_heading``) weighs less.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
from collections.abc import Callable, Iterable
from functools import partial

from ..memo import Memo
from .vocabulary import Group

FIELD = "keywords"
TITLE_FIELD = "title_keywords"
# Material boosts titles (page titles and section headings) 1000 against the text's 1, so one query word in
# any heading outranked a section holding all the others: a question's common word (社区, 工作, 需要) in a
# heading pushed the section that answers it out of the first five. Measured on the query sets (hit@5 of
# search-queries.yml / -broad / -unseen): 1000: 80, 209, 109; 100: 80, 209, 111; 50: 80, 209, 111 (top-1 on
# the unseen set 77 against 76); 20: 80, 210, 111; 5: 79, 209, 105. A heading still weighs fifty times the text.
TITLE_BOOST = 50.0
# The keywords (synonyms and parts of long words a section's text mentions) weigh a quarter of the text: a synonym
# group pulls every section that mentions any of its words alike (社区 brings 社区书记, 社区党委书记 ... to every
# section naming one). Measured 2026-12-05 round 9 (scripts/rank_queries.py, hit@5/top-1 of the seven unseen sets):
# 0.5 795/629; 0.25 795/632 (unseen-1..4 369 -> 370, unseen-5..7 260 -> 262, no set lower); 0.1 and 0.15 the same
# as 0.25 but the broad set's top-1 170 -> 169; 1.0 795/627.
FIELD_BOOST = 0.25
# The questions a page declares it answers (front matter ``questions``), on the page's own entry. Measured on
# the query sets (scripts/rank_queries.py; top-1 of search-queries.yml / -broad / -unseen; hit@5 of the unseen
# set): no questions 56, 156, 76 (111); boost 1: 56, 158, 76 (112); 5: 56, 162, 80 (114); 10: 59, 162, 83 (114);
# 15: 57, 162, 85 (115); 20: 57, 160, 85 (115); 50: 58, 154, 86 (115). 15: the best on the set written by someone
# who had not read the site, with no loss of hit@5 on any set.
QUESTION_FIELD = "questions"
QUESTION_BOOST = 15.0
TITLE_FIELD_BOOST = TITLE_BOOST / 2
ZWSP = "\u200b"


class Finder:
    """Which synonym groups and long words of the vocabulary a text holds, and the keywords they give.

    A word can only be in a text if its first character is: each text looks only at the words starting with one
    of its characters (a third of the time of asking every group, issue #15: the keywords are made at the end of
    a cold build). The keywords come in the order of the groups, then of the words, as they always did."""

    def __init__(self, groups: list[Group], words: list[str]) -> None:
        self.groups = groups
        self.long_words = [w for w in words if len(w) >= 4]
        self.long_order = {w: i for i, w in reversed(list(enumerate(self.long_words)))}  # first place, as listed
        self.groups_of: dict[str, list[int]] = {}
        for number, group in enumerate(groups):
            for word in group.words:
                self.groups_of.setdefault(word, []).append(number)
        self.by_first: dict[str, list[str]] = {}
        for word in sorted({*self.groups_of, *self.long_words}):
            self.by_first.setdefault(word[0], []).append(word)

    def found(self, plain: str) -> set[str]:
        """The words of the groups and the long words that occur in ``plain``."""
        return {word for ch in set(plain) & self.by_first.keys() for word in self.by_first[ch] if word in plain}

    def related(self, plain: str, parts: Callable[[str], Iterable[str]]) -> dict[str, None]:
        """The other members of every group ``plain`` mentions, then the parts of every long word it holds."""
        found = self.found(plain)
        out: dict[str, None] = {}
        for number in sorted({n for word in found for n in self.groups_of.get(word, ())}):
            for word in self.groups[number].words:
                if word not in plain:
                    out.setdefault(word, None)
        for word in sorted((w for w in found if w in self.long_order), key=self.long_order.__getitem__):
            for part in parts(word):
                if part != word and len(part) >= 2:
                    out.setdefault(part, None)
        return out


def section_keywords(title: str, text: str, groups: list[Group], words: list[str],
                     parts: Callable[[str], Iterable[str]], finder: Finder | None = None) -> tuple[list[str], list[str]]:
    """(title keywords, text keywords) of one index section (title and text as indexed); ``finder``: the
    Finder of ``groups`` and ``words``, made once for many sections."""
    finder = finder or Finder(groups, words)
    title_plain = title.replace(ZWSP, "")
    text_plain = text.replace(ZWSP, "")
    for_title = finder.related(title_plain, parts)
    for_text = finder.related(title_plain + "\n" + text_plain, parts)
    return list(for_title), [w for w in for_text if w not in for_title]


def _source(location: str) -> str:
    """The docs path of the page at ``location``: "work-points/theory.html#x" -> "work-points/theory.md"."""
    page = location.split("#", 1)[0]
    return page[: -len(".html")] + ".md" if page.endswith(".html") else page


def page_boost(location: str, boosts: dict[str, float]) -> float | None:
    """The boost of the page at ``location`` ("work-points/theory.html#x") from docs-path patterns."""
    source = _source(location)
    for pattern, boost in boosts.items():
        if fnmatch.fnmatchcase(source, pattern):
            return boost
    return None


def _heading(doc: dict) -> str:
    return doc.get("title", "").replace(ZWSP, "")


def shared_headings(docs: list[dict], min_pages: int) -> set[str]:
    """Locations of the sections whose heading recurs on ``min_pages`` pages or more.

    Each of the nine templates has a section 标题、主送和落款; such a heading
    is part of a layout and says little about any one page, and nine equal
    matches push the one page that explains 落款 out of the first results.
    """
    pages: dict[str, set[str]] = {}
    sections = [doc for doc in docs if "#" in doc["location"]]
    for doc in sections:
        pages.setdefault(_heading(doc), set()).add(doc["location"].split("#", 1)[0])
    return {doc["location"] for doc in sections if len(pages[_heading(doc)]) >= min_pages}


def vocabulary_scope(groups: list[Group], words: list[str]) -> str:
    """A digest of everything besides a section's own text that its keywords depend on (with the dictionary)."""
    return hashlib.sha256(repr((groups, words)).encode("utf-8")).hexdigest()


def _asked(doc: dict, questions: dict[str, list[str]] | None) -> list[str] | None:
    """The questions of the page whose own entry ``doc`` is (none for a section's entry)."""
    return (questions or {}).get(_source(doc["location"])) if "#" not in doc["location"] else None


def section_input(doc: dict, questions: dict[str, list[str]] | None = None) -> tuple[str, str]:
    """(title, text) as ``section_keywords`` reads them for the index entry ``doc``: a page's questions follow
    its text."""
    asked = _asked(doc, questions)
    return doc.get("title", ""), doc.get("text", "") + ("\n" + "\n".join(asked) if asked else "")


def keywords_ahead(docs: Iterable[dict], groups: list[Group], words: list[str], parts: Callable[[str], Iterable[str]],
                   questions: dict[str, list[str]] | None = None) -> dict[tuple[str, str], tuple[list, list]]:
    """``section_keywords`` of each entry, by its title and text without the segmenter's zero-width spaces
    (all they depend on besides the vocabulary and the dictionary): made from the texts before they are cut,
    while the segmenter cuts the last ones (hooks/search.py), and looked up by ``expand_index(ready=...)``."""
    out: dict[tuple[str, str], tuple[list, list]] = {}
    finder = Finder(groups, words)
    for doc in docs:
        title, text = section_input(doc, questions)
        key = (title.replace(ZWSP, ""), text.replace(ZWSP, ""))
        if key not in out:
            out[key] = section_keywords(key[0], key[1], groups, words, parts, finder)
    return out


def expand_index(index_json: str, groups: list[Group], words: list[str],
                 parts: Callable[[str], Iterable[str]], boosts: dict[str, float] | None = None,
                 shared_heading: dict | None = None, memo: Memo | None = None,
                 questions: dict[str, list[str]] | None = None,
                 ready: dict[tuple[str, str], tuple[list, list]] | None = None) -> tuple[str, int]:
    """The search index with the hidden fields and page boosts; also how many sections got keywords.

    ``shared_heading`` ({pages, factor}) lowers the boost of sections whose
    heading recurs on that many pages (see shared_headings). ``memo`` keeps
    each section's keywords by (title, text) from the last build: its scope
    must be what they also depend on, ``vocabulary_scope(groups, words)`` and
    the jieba dictionary ``parts`` cuts with. ``questions`` (docs path -> the page's
    ``questions`` front matter) go into the ``questions`` field of the page's own entry, boosted
    ``QUESTION_BOOST``, with the synonyms of their words in ``keywords``. ``ready``: keywords made
    ahead (``keywords_ahead``), by the section's title and text without zero-width spaces.
    """
    data = json.loads(index_json)
    fields = data["config"].setdefault("fields", {})
    fields.setdefault("title", {})["boost"] = TITLE_BOOST
    fields[FIELD] = {"boost": FIELD_BOOST}
    fields[TITLE_FIELD] = {"boost": TITLE_FIELD_BOOST}
    if questions:
        fields[QUESTION_FIELD] = {"boost": QUESTION_BOOST}
    touched = 0
    cache: dict[str, list[str]] = {}

    def cached_parts(word: str) -> list[str]:
        if word not in cache:
            cache[word] = list(parts(word))
        return cache[word]

    memo = memo if memo is not None else Memo()
    shared = shared_headings(data["docs"], shared_heading["pages"]) if shared_heading else set()
    finder = Finder(groups, words)
    for doc in data["docs"]:
        asked = _asked(doc, questions)
        if asked:
            doc[QUESTION_FIELD] = ZWSP.join(asked)
        title, text = section_input(doc, questions)
        plain = (title.replace(ZWSP, ""), text.replace(ZWSP, ""))
        make = partial(section_keywords, title, text, groups, words, cached_parts, finder)
        for_title, for_text = memo.get((title, text), make if ready is None or plain not in ready
                                       else partial(ready.get, plain))
        if for_title:
            doc[TITLE_FIELD] = ZWSP.join(for_title)
        if for_text:
            doc[FIELD] = ZWSP.join(for_text)
        touched += bool(for_title or for_text)
        boost = page_boost(doc["location"], boosts or {})
        if boost is not None and "boost" not in doc:  # a page's own front matter wins
            doc["boost"] = boost
        if doc["location"] in shared:
            doc["boost"] = round(doc.get("boost", 1) * shared_heading["factor"], 4)
    # Raw UTF-8 rather than \uXXXX escapes: half the size for Chinese text,
    # which matters under file://, where nothing is compressed.
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False), touched
