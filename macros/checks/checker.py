"""Cross-record checks of the report checker's data (data/checker, data/timeline, data/terms).

The one home of these checks: checker/compile.py only turns valid data into
the engine's JSON. They run with every data load (build and `scripts/guide.py
validate`), so a broken pattern or a dangling guide link stops the build at its
file and line before the checker's JSON is generated. Patterns are read by
JavaScript's RegExp, as the engine (checker/engine.js, here in V8) reads them.
"""

from __future__ import annotations

import itertools

from ..sitedata import SiteData, check_unique, register_check
from .jspatterns import want

PATTERN_LISTS = {"placeholders": ["patterns"], "usage": ["patterns"], "debris": ["inline", "encoding"]}
SINGLE_PATTERNS = {("structure", "measurable"): "u", ("stock", "facts"): "u", ("language", "mention_before"): "u",
                   ("language", "mention_after"): "u", ("language", "citing"): "u", ("language", "festive"): "u",
                   ("language", "ongoing"): "u", ("language", "past"): "u", ("language", "next_year_opening"): "gu",
                   ("language", "enumerators"): "gu", ("language", "figure_after"): "u",
                   ("context", "places"): "gu", ("context", "frames"): "gu"}


@register_check
def checker_rules_link_to_pages(site: SiteData) -> None:
    rules = site.records.get("checker", {}).get("rules")
    if rules is None:
        return
    check_unique(rules.source, rules["rules"], "id", ("rules",))
    for i, rule in enumerate(rules["rules"]):
        page = rule["guide"].split("#")[0]
        if not (site.root / "docs" / page).is_file():
            raise rules.error(("rules", i, "guide"), f"no page docs/{page}",
                              "link to an existing page and heading (docs-relative, e.g. checker/index.md#结构)")


def _check_pattern(site: SiteData, record, where: tuple, source: str, flags: str) -> None:
    want(site, record, where, source, flags, "invalid regular expression: ",
         "correct the pattern (JavaScript RegExp with the u flag reads it: no (?P<name>), "
         "no needless escapes such as \\- outside brackets)")


@register_check
def checker_patterns_compile(site: SiteData) -> None:
    records = site.records.get("checker", {})
    for name, keys in PATTERN_LISTS.items():
        for key in keys:
            for i, item in enumerate(records[name].get(key, []) if name in records else []):
                _check_pattern(site, records[name], (key, i, "regex"), item["regex"], "gmu")
    for (name, key), flags in SINGLE_PATTERNS.items():
        if name in records and key in records[name].data:
            _check_pattern(site, records[name], (key,), records[name][key], flags)
    if "context" in records and "measured" in records["context"].data:  # {measure}: the base's measure words
        from checker.compile import measured

        _check_pattern(site, records["context"], ("measured",), measured(records["context"].data, "个件"), "gu")
    if "context" in records and "names" in records["context"].data:  # {surname}: its surnames
        from checker.compile import names

        _check_pattern(site, records["context"], ("names",), names(records["context"].data), "gu")


@register_check
def checker_typos_consistent(site: SiteData) -> None:
    record = site.records.get("checker", {}).get("typos")
    if record is None:
        return
    seen: dict[str, int] = {}
    for i, typo in enumerate(record["typos"]):
        if typo["wrong"] == typo["right"]:
            raise record.error(("typos", i), f"'{typo['wrong']}' is its own correction", "fix 'wrong' or 'right'")
        if typo["wrong"] in seen:
            raise record.error(("typos", i), f"'{typo['wrong']}' is listed twice (also item {seen[typo['wrong']] + 1})",
                               "keep one entry")
        seen[typo["wrong"]] = i
        for e, text in enumerate(typo.get("except", [])):
            if typo["wrong"] not in text:
                raise record.error(("typos", i, "except", e), f"'{text}' does not contain '{typo['wrong']}'",
                                   "an exception is a longer correct text that contains the wrong form")
    from checker.compile import clean

    # a glossary term's 'wrong' forms are typos too (checker/compile.py merged_typos): one correction each
    right = {t["wrong"]: (t["right"], record.source.path) for t in record["typos"]}
    for term in site.all("terms") if "terms" in site.records else []:
        for k, wrong in enumerate(term.get("wrong", [])):
            form, correct = clean(wrong), clean(term["term"])
            before = right.setdefault(form, (correct, term.source.path))
            if before[0] != correct:
                raise term.error(("wrong", k), f"'{form}' is corrected to '{before[0]}' in {before[1]} and to "
                                 f"'{correct}' here", "keep one correction")


@register_check
def timeline_dates_ordered(site: SiteData) -> None:
    for record in site.all("timeline"):
        start, end = record.get("start"), record.get("end")
        if start and end and end < start:
            raise record.error(("end",), f"end {end} is before start {start}", "correct the dates")
        if record.get("series") and record["kind"] != "meeting":
            raise record.error(("series",), "only meetings form a series", "remove 'series'")


@register_check
def plan_periods_follow_each_other(site: SiteData) -> None:
    """Five-year plan periods (kind: plan) start five years apart: the checker
    reads 开局之年 as base_year and 收官之年 as base_year + 4."""
    plans = sorted((r for r in site.all("timeline") if r["kind"] == "plan"), key=lambda r: r["base_year"])
    for earlier, later in itertools.pairwise(plans):
        if later["base_year"] - earlier["base_year"] != 5:
            raise later.error(("base_year",), f"{later['name']} starts in {later['base_year']}, "
                              f"{later['base_year'] - earlier['base_year']} years after {earlier['name']} "
                              f"({earlier['base_year']})", "five-year plan periods start five years apart; "
                              "correct base_year")


@register_check
def checker_confusions_consistent(site: SiteData) -> None:
    """usage.yml confusions (rule typo-pair): each word in one pair, a cue on one side of its pair
    only (on both it would select neither), and at least one side with cues."""
    record = site.records.get("checker", {}).get("usage")
    if record is None or "confusions" not in record.data:
        return
    check_unique(record.source, record["confusions"], "id", ("confusions",))
    words: dict[str, int] = {}
    for i, pair in enumerate(record["confusions"]):
        owner: dict[str, str] = {}
        for k, side in enumerate(pair["sides"]):
            if side["word"] in words:
                raise record.error(("confusions", i, "sides", k, "word"),
                                   f"'{side['word']}' is already in pair {words[side['word']] + 1}", "keep each word in one pair")
            words[side['word']] = i
            for key in ("after", "before", "later"):
                for cue in side.get(key, []):
                    if cue == "#" and key != "after":  # the engine reads # (a number) right after the word only
                        raise record.error(("confusions", i, "sides", k, key), f"cue '#' (a number) given {key} '{side['word']}'",
                                           "# stands for a number right after the word: give it in 'after'")
                    if owner.setdefault(f"{key}:{cue}", side["word"]) != side["word"]:
                        raise record.error(("confusions", i, "sides", k, key),
                                           f"cue '{cue}' ({key}) is given for both '{owner[f'{key}:{cue}']}' and '{side['word']}'",
                                           "a cue must select one side: remove it from one")
        if not owner:
            raise record.error(("confusions", i), "no side has cues", "give the words each side goes with")


@register_check
def checker_typo_base_current(site: SiteData) -> None:
    """The context typo rule's base word list (checker/vendor/typo-base/) was made from the installed
    packages and context.yml's settings; if not, the build stops (never uses it stale, never makes it
    again silently: that takes about 20 s)."""
    from checker.typobase import StaleBase, check_base

    record = site.records.get("checker", {}).get("context")
    if record is None:
        return
    try:
        check_base(record.data)
    except StaleBase as exc:
        raise record.error((exc.knob,) if exc.knob else (), exc.problem, exc.fix) from None


@register_check
def checker_particles_consistent(site: SiteData) -> None:
    """particles.yml (rule particle-de): a word is not both added to a class and dropped from it, and
    no two words of de_words start with one character (the engine finds them by it)."""
    record = site.records.get("checker", {}).get("particles")
    if record is None:
        return
    for key in ("adverbials", "verbs", "complements", "idioms"):
        both = sorted(set(record[key]["add"]) & set(record[key]["drop"]))
        if both:
            where = (key, "drop", record[key]["drop"].index(both[0]))
            raise record.error(where, f"'{both[0]}' is both added to {key} and dropped from it", "keep it in one list")
    firsts: dict[str, str] = {}
    for i, item in enumerate(record["de_words"]):
        if item["word"][0] in firsts:
            raise record.error(("de_words", i, "word"), f"'{item['word']}' starts with the character of "
                               f"'{firsts[item['word'][0]]}', listed before", "keep one entry per first character")
        firsts[item["word"][0]] = item["word"]


@register_check
def checker_phrases_are_words(site: SiteData) -> None:
    """context.yml: every word of ``phrases`` (the words checked as fixed phrases) is one of its ``words``,
    where the reason for it is written."""
    record = site.records.get("checker", {}).get("context")
    if record is None:
        return
    words = set(record.get("words", []))
    for i, phrase in enumerate(record.get("phrases", [])):
        if phrase not in words:
            raise record.error(("phrases", i), f"'{phrase}' is not one of the words",
                               "add it to words, with the reason beside it, or take it out of phrases")
