"""The word classes of the 的/地/得 rule (particle-de, checker/engine.js ruleParticles).

The rule needs to know, of the few words around a 的, which is an adverbial (认真, 稳步), which a
verb (推进), which an adjective that can say how well something is done (扎实, 及时) and which an
idiom (有声有色, 因地制宜). Where the words begin and end it reads from the context rule's word list
(checker/lexicon.py), which the rule's data comes with. The classes come from two pinned sources the checker already holds,
corrected by one small data file, data/checker/particles.yml (``add``, ``drop``):

- jieba's dictionary (checker/lexicon.py jieba_entries), its part-of-speech tags and frequencies:
  adverbs (d), adverbial adjectives (ad), state words (z: 悄悄, 扎扎实实), verbs (v, vn), adjectives
  (a, ad, an, z), idioms and set phrases (i, l), nouns said AABB (n, nr, ns, nz, m: 方方面面);
- open-gram's word bigram model (checker/vendor/open-gram, checker/opengram.py): the words it holds
  right before 地 (认真:地, 有条不紊:地, 逐步:地) are adverbials as running text writes them (jieba's
  other adverbs are only known as adverbs: 原来的 is no 原来地), those right after
  得 (得:不错) complements, and those right before 了, 着 or 过 that jieba tags as nouns (整理:了) verbs.
  Its words before 地 that jieba tags as no adverbial (nouns, verbs, names, numerals: 玉米:地,
  关心:地) are left out unless particles.yml adds them.

``derive`` is deterministic; checker/compile.py puts its result into the context rule's data as
``data["typo"]["particle"]`` (the pages load it with the word list, after they are usable).
"""

from __future__ import annotations

import re

HAN = re.compile(r"^[\u4e00-\u9fff]+$")
# the tags of open-gram's words before 地 kept as adverbials; "" for a word jieba does not list (有针对性)
PAIR_TAGS = ("a", "ad", "an", "b", "c", "d", "i", "l", "vd", "z", "")
ADJECTIVE_TAGS = ("a", "ad", "an", "z")
VERB_TAGS = ("v", "vn")
IDIOM_TAGS = ("i", "l")
# jieba's tags of nouns (老老少少 is tagged a name, 点点滴滴 a numeral): a word of four said AABB with one is a
# noun (方方面面, 家家户户), never a complement or adverbial as AABB words of state are (扎扎实实)
NOUN_TAGS = ("n", "nr", "ns", "nz", "m")
ASPECT_TAGS = ("n", "nz", "ns", "j")  # jieba's noun tags of words open-gram holds before 了, 着, 过 kept as verbs
# the lists of particles.yml the engine reads as they are
LISTS = ("heads", "quantities", "orders", "relations", "times", "auxiliaries", "copulas", "predicates", "degrees", "determiners",
         "prepositions", "results", "blockers", "no_complement", "not_objects", "de_words")


def _tags(entries) -> tuple[dict[str, str], dict[str, int]]:
    """word -> tag and word -> frequency, the most frequent entry of a word winning."""
    tag: dict[str, str] = {}
    freq: dict[str, int] = {}
    for word, f, t in entries:
        if word not in freq or f > freq[word]:
            tag[word], freq[word] = t, f
    return tag, freq


def pair_neighbours(pairs: dict | None, particle: str) -> tuple[set[str], set[str]]:
    """(before, after): the words the bigram table (opengram.load_pairs) holds right before and right
    after ``particle``, Chinese characters only."""
    before, after = set(), set()
    for line in (pairs or {}).get("pairs", {}).values():
        for item in line.split(" "):
            first, _, seconds = item.partition(":")
            following = seconds.split(",")
            if particle in following and HAN.match(first) and first != particle:
                before.add(first)
            if first == particle:
                after.update(w for w in following if HAN.match(w))
    return before, after


def corrected(derived: set[str], fix: dict) -> list[str]:
    """``derived`` with particles.yml's ``add`` put in and its ``drop`` taken out, sorted."""
    return sorted((derived | set(fix.get("add", []))) - set(fix.get("drop", [])))


def _words(tag, freq, tags, floor, shortest=1, longest=4) -> set[str]:
    return {w for w, t in tag.items() if t in tags and freq[w] >= floor and shortest <= len(w) <= longest and HAN.match(w)}


def derive(conf: dict, entries, pairs: dict | None, measures: str = "") -> dict:
    """The rule's data from jieba's entries (word, frequency, tag), open-gram's table, particles.yml
    (``conf``) and the measure words of the context rule's base (checker/lexicon.py measure_words)."""
    tag, freq = _tags(entries)
    before_di, _ = pair_neighbours(pairs, "地")
    _, after_de = pair_neighbours(pairs, "得")
    adverbs = _words(tag, freq, ("d",), conf["adverb_freq"], 2)
    adverbials = {w for w in before_di if 2 <= len(w) <= 4 and tag.get(w, "") in PAIR_TAGS}
    adverbials |= _words(tag, freq, ("ad", "z"), conf["adverb_freq"], 2)
    verbs = _words(tag, freq, VERB_TAGS, conf["verb_freq"])
    # the words open-gram holds before 了, 着 or 过 that jieba tags as nouns (整理, 部署 n): verbs as written
    aspect_before = set().union(*(pair_neighbours(pairs, a)[0] for a in conf["aspects"]))
    verbs |= {w for w in aspect_before if 2 <= len(w) <= 4 and tag.get(w) in ASPECT_TAGS}
    complements = _words(tag, freq, ADJECTIVE_TAGS, conf["complement_freq"]) | {w for w in after_de if len(w) <= 4}
    idioms = _words(tag, freq, IDIOM_TAGS, conf["set_phrase_freq"], 4, 4)
    nouns = {w for w in _words(tag, freq, NOUN_TAGS, conf["set_phrase_freq"], 4, 4) if w[0] == w[1] and w[2] == w[3]}
    # a word of three characters or more made with 化 (现代化, 信息化, 常态化) after 的 mostly names a
    # state that the noun after it has (活力幸福的现代化城区), not an action done well
    verbs = {w for w in verbs if not (len(w) >= 3 and w.endswith("化"))}
    verbs = set(corrected(verbs, conf["verbs"]))
    adverbs -= set(conf["adverbials"]["drop"])  # a word dropped is no adverbial, whichever source gave it
    return {
        "adverbs": " ".join(sorted(adverbs)),
        "adverbials": " ".join(corrected(adverbials, conf["adverbials"])),
        "verbs": " ".join(sorted(verbs)),
        "complements": " ".join(corrected(complements, conf["complements"])),
        "idioms": " ".join(corrected(idioms, conf["idioms"])),
        "nouns": " ".join(sorted(nouns)),
        **{key: conf[key] for key in LISTS},
        "aspects": conf["aspects"],
        "measures": measures,
    }
