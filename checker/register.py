"""The register's own words: jieba's words the guide's prose uses often that jieba counts as rare.

jieba's frequencies come from an old general corpus: words of today's official register (排查,
短板, 践行, 打牢) are rare or missing there, so the context typo rule (checker/engine.js) never
offers them as corrections and takes them, written right, for slips of common words. The guide's
pages are written in exactly that register, by this project: ``derive`` counts, in their prose
(``prose``: no front matter, code, links' addresses, HTML tags or macros, and none of the
stretches that show wrong forms on purpose, the fault examples), the words of jieba's dictionary
of 2 to ``max_len`` characters, Chinese only, no names, numbers or times (``NAME_TAGS``), none of
jieba's own misspellings and no known wrong form (data/checker/typos.yml, the glossary's
``wrong``), that jieba counts under ``min_freq`` and the pair evidence's table (open-gram, checker/
opengram.py) holds, and keeps those written ``register_min`` times or more. ``page_words`` does
all of it for the pages' Markdown, with the stretches the checker itself flags on the pages blanked
too (``counted_text``); ``python scripts/guide.py derive-register``, a thin command around it, writes
the words to data/checker/register.yml (``register_text``) or says whether that file is stale
(``check_message``). The build reads that file like the guide's terms (checker/typobase.py), at
``register_freq``.

The words are counted in jieba's own segmentation of the prose (``jieba.cut``, no HMM): a word is
counted where jieba takes it for one, not wherever its characters happen to stand side by side
(区里 in 社区里面).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable

import yaml

from checker.lexicon import NAME_TAGS, _han

PATH = "data/checker/register.yml"
COMMAND = "python scripts/guide.py derive-register"

_FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_FENCE = re.compile(r"^(\s*)(```|~~~).*?^\1\2[^\n]*$", re.DOTALL | re.MULTILINE)
_FAULT_BLOCK = re.compile(r"<(div|span|p|td|li)\b[^>]*class=\"[^\"]*fault-example[^\"]*\"[^>]*>.*?</\1>", re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\([^)\n]*\)")
_REF = re.compile(r"^\s*\[[^\]\n]+\]:\s*\S+.*$", re.MULTILINE)
_URL = re.compile(r"<?(?:https?|ftp)://[^\s)>\]]+>?|\bwww\.[^\s)>\]]+")
_TAG = re.compile(r"<[^>\n]+>")
_ATTRS = re.compile(r"\{:?\s*[#.][^}\n]*\}")  # attribute lists: {#anchor .class}


def _blank(match: re.Match) -> str:
    """A removed stretch as spaces and its newlines, so that nothing around it joins up."""
    return "".join("\n" if ch == "\n" else " " for ch in match.group(0))


def _fault_admonitions(text: str) -> str:
    """The admonitions marked as fault examples (``!!! failure fault-example "改前"``), title and
    indented body, blanked."""
    lines = text.split("\n")
    out, inside = [], False
    for line in lines:
        if re.match(r"^\s*(!!!|\?\?\?\+?)\s+\S*.*\bfault-example\b", line):
            inside, indent = True, len(line) - len(line.lstrip())
            out.append("")
            continue
        if inside and (not line.strip() or len(line) - len(line.lstrip()) > indent):
            out.append("")
            continue
        inside = False
        out.append(line)
    return "\n".join(out)


def without_fault_examples(text: str) -> str:
    """A page's Markdown with its fault examples (the ``fault-example`` admonitions, divs, spans…:
    wrong forms shown on purpose) blanked; lines stay where they are."""
    return _FAULT_BLOCK.sub(_blank, _fault_admonitions(text))


def _link_apart(match: re.Match) -> str:
    """A link's text where it stands, its brackets and address as spaces (an image all spaces)."""
    if match.group(1):
        return _blank(match)
    return " " + match.group(2) + " " * (len(match.group(0)) - len(match.group(2)) - 1)


def prose(markdown: str, links_apart: bool = False) -> str:
    """A page's prose: its Markdown without front matter, code, fault examples, macros, HTML tags,
    links' addresses and URLs (a link keeps its text, an image nothing). Lines stay where they are.

    ``links_apart`` (scripts/bench_typos.py): a link's text stays apart from the words either side, as
    in the Markdown source, its brackets and address blanked, not joined to them as a reader reads it."""
    text = markdown.replace("\r\n", "\n")
    text = _FRONT.sub(_blank, text)
    text = _FENCE.sub(_blank, text)
    text = without_fault_examples(text)
    text = _INLINE_CODE.sub(_blank, text)
    text = _MACRO.sub(_blank, text)
    text = _REF.sub(_blank, text)
    text = _LINK.sub(_link_apart if links_apart else lambda m: "" if m.group(1) else m.group(2), text)
    text = _URL.sub(_blank, text)
    text = _TAG.sub(_blank, text)
    return _ATTRS.sub(_blank, text)


def blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each (start, length) stretch turned into spaces (the checker's findings)."""
    chars = list(text)
    for start, length in spans:
        for i in range(max(start, 0), min(start + length, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def counted_text(markdown: str, flag: Callable[[str], Iterable]) -> str:
    """What ``derive`` counts of a page: its prose (``prose``) with the stretches the checker flags there
    (``flag``: text -> findings with rule, start and length, checker.engine.check with the data) blanked,
    but for punct-width's (a half-width mark is no word)."""
    text = prose(markdown)
    return blanked(text, [(f.start, f.length) for f in flag(text) if f.rule != "punct-width"])


def without_register(site):
    """The guide's data (macros.sitedata.SiteData) without the register's record: the checker's data
    compiled from it is the checker as it is without the register, so that the words do not depend
    on themselves."""
    return dataclasses.replace(site, records={**site.records, "checker": {
        k: v for k, v in site.records["checker"].items() if k != "register"}})


def excluded_forms(base: dict, typos: Iterable[dict]) -> set[str]:
    """The words never taken: jieba's own misspellings (the typo base's ``misspelt`` groups and
    ``misspelt_rare``, checker/typobase.py) and the known wrong forms (``typos``: the compiled data's
    list, data/checker/typos.yml and the glossary's ``wrong``)."""
    excluded = {w for ws in base["misspelt"].values() for w in ws.split()} | set(base["misspelt_rare"].split())
    return excluded | {t["wrong"] for t in typos}


def jieba_cut(text: str) -> Iterable[str]:
    """jieba's segmentation of ``text`` by its dictionary alone (no HMM: no words it guesses)."""
    import jieba

    jieba.setLogLevel(60)
    return jieba.cut(text, HMM=False)


def pair_words(pairs: dict | None) -> set[str] | None:
    """The words of the pair evidence's table (checker/opengram.py load_pairs: {"words": {cost: "w w …"}}), or
    None where there is no table."""
    if not pairs:
        return None
    return {w for words in pairs["words"].values() for w in words.split()}


def derive(texts: Iterable[str], entries, conf: dict, excluded: set[str],
           cut: Callable[[str], Iterable[str]] = jieba_cut, paired: set[str] | None = None) -> dict[str, int]:
    """word -> how often the prose ``texts`` writes it, for the words of jieba's dictionary (``entries``:
    (word, frequency, tag), checker.lexicon.jieba_entries) of 2 to ``max_len`` Chinese characters, no
    name, number or time, under ``min_freq``, not in ``excluded`` (jieba's misspellings, the known wrong
    forms), in ``paired`` if given, written ``register_min`` times or more; sorted by word.

    ``paired``: the words of the pair evidence's table (``pair_words``). The pair evidence
    (checker/engine.js pairSplit) prices a word of the rule's list that its table lacks at the list's
    cost with no pair bonus: such a word made common takes the split from the pairs of its parts (副组长
    in 主任任副组长 hides 任 副, and the written 任 looks doubled). Only the words both know are taken."""
    wanted: dict[str, bool] = {}
    for word, f, tag in entries:
        if 2 <= len(word) <= conf["max_len"] and _han(word):
            ok = f < conf["min_freq"] and tag not in NAME_TAGS and word not in excluded \
                and (paired is None or word in paired)
            wanted[word] = wanted.get(word, True) and ok  # a word listed twice is wanted only if both are
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w for w in cut(text) if wanted.get(w))
    return {w: n for w, n in sorted(counts.items()) if n >= conf["register_min"]}


def page_words(pages: Iterable[str], data: dict, conf: dict, base: dict, entries, flag: Callable[[str], Iterable],
               cut: Callable[[str], Iterable[str]] = jieba_cut) -> dict[str, int]:
    """The register's words of the pages' Markdown ``pages`` (``derive``): each page's ``counted_text``
    (``flag``: the checker over ``data``, the data compiled ``without_register``), none of the
    ``excluded_forms`` of ``base`` and ``data``, only words of ``data``'s pair table (``pair_words``)."""
    texts = [counted_text(page, flag) for page in pages]
    return derive(texts, entries, conf, excluded_forms(base, data["typos"]), cut=cut,
                  paired=pair_words(data.get("pairs")))


def read_counts(text: str) -> dict[str, int]:
    """The words and counts of data/checker/register.yml's text (none for an empty file)."""
    return (yaml.safe_load(text) or {}).get("counts") or {}


def check_message(committed: dict[str, int] | None, words: dict[str, int]) -> tuple[bool, str]:
    """(whether the committed words, None for no file, are ``words``, the line that says so)."""
    if committed is None:
        return False, f"{PATH}: missing; run `{COMMAND}` and commit it"
    if committed != words:
        gone, new = sorted(set(committed) - set(words)), sorted(set(words) - set(committed))
        recounted = sum(1 for w in words if w in committed and committed[w] != words[w])
        return False, (f"{PATH}: stale ({len(new)} words more: {' '.join(new[:20])}{' …' if len(new) > 20 else ''}; "
                       f"{len(gone)} fewer: {' '.join(gone[:20])}{' …' if len(gone) > 20 else ''}; {recounted} counted "
                       f"otherwise); run `{COMMAND}` and commit it")
    return True, f"{PATH}: up to date ({len(words)} words)"


def register_text(words: dict[str, int], conf: dict, date: str) -> str:
    """data/checker/register.yml as committed: a header, then one word a line with its count."""
    head = f"""# yaml-language-server: $schema=../schemas/checker.schema.json
# The register's own words (checker/register.py): words of jieba's dictionary that jieba counts as
# rare (under min_freq, {conf['min_freq']}) and that the guide's own prose writes {conf['register_min']} times or more
# (register_min in context.yml): no names, numbers or times, none of jieba's misspellings, no
# known wrong form, only words the pair evidence's table (open-gram) holds; counted in the pages'
# prose without code, links, fault examples and the stretches the checker flags. The context
# typo rule knows them as words and offers them as corrections, at register_freq (context.yml).
# Made by `{COMMAND}` on {date}; `{COMMAND} --check`
# says whether the pages have changed them since. Each word with how often the pages write it.
# A word may be deleted by hand (until the file is made again); one `word: count` a line.
id: register
title: 指南语域词表
counts:
"""
    return head + "".join(f"  {w}: {n}\n" for w, n in sorted(words.items()))
