"""The data of the context typo rule (typo-context in checker/engine.js): how it is derived.

- Words and how common they are: jieba's dictionary (MIT licence, in the pinned
  ``jieba`` package): 349,046 words with a frequency from a large general corpus and a
  part-of-speech tag. Trimmed to the words of ``min_freq`` or more, the idioms and fixed
  phrases (tags ``i`` and ``l``, 4+ characters, and the other words of four characters that are
  no names, numbers or times, ``NAME_TAGS``: 群策群力 is tagged n) of ``idiom_freq`` or more, every single
  character, and the guide's own vocabulary and glossary terms and the words of
  data/checker/context.yml (given at least ``term_freq``), less jieba's own misspellings
  (``_misspelt``). A word's weight is its cost, ``round(2 * ln(total / freq))`` (half-nats of
  its unigram probability), and the words are grouped by cost. Rarer words that one edit
  would turn into a listed word are kept apart ("rare"): they explain a stretch of text
  (综治 is no 政治 misspelt) but are never offered as a correction. jieba's idioms and fixed
  phrases not in the list (too rare, or longer than ``max_len``, or of four common characters and
  tagged as a name, ``NAMED_PHRASE_TAGS``: 严于律己) and no misspellings are listed apart
  (``protect``): the rule leaves the characters of each one it finds alone (慎终追远, frequency 3,
  is no 慎终 for 慎重), and never offers them. jieba's people of three characters (``PERSON_TAGS``) are
  kept apart too, known as words and never offered (沅芷 is no 李沅芷 missing its 李), but for those the
  language model's vocabulary holds that are a common word of two characters and one more (幸福感, 老大难:
  jieba tags many words as people).
- The second tier of corrections (``second_tier``): jieba's words under ``min_freq`` from
  ``second_freq`` (two characters) or ``second_freq_three`` (three), no names: never known as words,
  offered by the engine's second tier only, for a look-alike character where the text is no word of
  any list. The rarer words one look-alike (shapes, twins) from one of them are kept ("rare").
- Which characters look alike: from the vendored table ``vendor/char-similar/chars.tsv``
  (four-corner code, stroke order, components of each GB 2312 character; source and
  licence in its README), by ``shape_alike``, and the pairs that print alike in a Song face
  (``vendor/glyph-alike/pairs.tsv``, measured by checker/glyphs.py). Which characters sound alike comes from
  pypinyin, already in the compiled data (``pinyin``).

The whole derivation (``lexicon``) takes about ten seconds, most of it ``_misspelt``. The
build does not run it: ``derive_base`` runs it without the guide's words and groups (only
pinned sources and the settings ``BASE_KNOBS``), ``python scripts/guide.py derive-typo-base``
commits that as vendor/typo-base/typo-base.json (``base_text``), and checker/typobase.py adds
the guide's words to it at build time. The base's key hashes this file: a change here needs
the base made again (the build says so).

The engine reads ``data["typo"]`` (checker/compile.py puts it there); the pages load it as
its own file (downloads/checker-typo-data.js) after the page is usable.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from checker import glyphs

VENDOR = Path(__file__).with_name("vendor") / "char-similar" / "chars.tsv"
LEVEL1 = 3755  # the first 3,755 characters of GB 2312 (its level 1, the common ones)


def jieba_entries() -> list[tuple[str, int, str]]:
    """(word, frequency, tag) of jieba's dictionary, in its order."""
    import jieba

    out = []
    with (Path(jieba.__file__).parent / "dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                out.append((parts[0], int(parts[1]), parts[2] if len(parts) > 2 else ""))
    return out


# jieba's tags of names, numbers and times: a word of four characters with another tag is a set
# phrase (群策群力 is tagged n, 老实巴交 z) and counts as one from ``idiom_freq``
NAME_TAGS = ("nr", "nrt", "nrfg", "ns", "nt", "nz", "m", "mq", "t", "x", "eng")
PERSON_TAGS = ("nr", "nrfg", "nrt")  # jieba's tags of people's names (``_stages``: known, never offered)


def _han(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)


def common_readings(chars: list[str], words) -> dict[str, str]:
    """Syllable (toneless) -> the characters read so: each character's usual reading and the
    readings pypinyin gives it inside the words of ``words`` (重 is chong in 重新), not the rare
    readings of a single character (综 zeng, 位 li), which would make false sound-alikes."""
    from pypinyin import Style, lazy_pinyin
    from pypinyin.phrases_dict import phrases_dict

    readings: dict[str, set[str]] = {}
    for ch in chars:
        readings.setdefault(ch, set()).update(lazy_pinyin(ch, style=Style.NORMAL))
    for word in words:
        if len(word) >= 2 and word in phrases_dict:
            for ch, syl in zip(word, lazy_pinyin(word, style=Style.NORMAL)):
                if ch in readings:
                    readings[ch].add(syl)
    table: dict[str, list[str]] = {}
    for ch, syls in readings.items():
        for syl in syls:
            if syl.isascii() and syl.isalpha():
                table.setdefault(syl, []).append(ch)
    return {syl: "".join(sorted(chs)) for syl, chs in sorted(table.items())}


def _alike_fn(pinyin: dict[str, str], shapes: dict[str, str]):
    readings: dict[str, set[str]] = {}
    for syl, chs in pinyin.items():
        for ch in chs:
            readings.setdefault(ch, set()).add(syl)

    def alike(a: str, b: str) -> bool:
        return bool(readings.get(a, set()) & readings.get(b, set())) or b in shapes.get(a, "") or a in shapes.get(b, "")
    return alike


def near_offered(word: str, offered: set[str], holes: dict[str, str], alike) -> bool:
    """Whether one edit the context rule tries turns word into an offered word: a sound- or
    look-alike character, two neighbours swapped, a doubled character removed."""
    for i, ch in enumerate(word):
        if any(f != ch and alike(ch, f) for f in holes.get(word[:i] + "?" + word[i + 1:], "")):
            return True
        if i and ch != word[i - 1]:
            if word[:i - 1] + ch + word[i - 1] + word[i + 1:] in offered:
                return True
        elif i and word[:i] + word[i + 1:] in offered:
            return True
    return False


def _holes(words) -> dict[str, str]:
    """A word with one character as "?" -> the characters that fill it."""
    holes: dict[str, str] = {}
    for word in words:
        for i in range(len(word)):
            key = word[:i] + "?" + word[i + 1:]
            holes[key] = holes.get(key, "") + word[i]
    return holes


def _select(entries, terms, conf: dict):
    """(freq, kind, rare): the kept words' frequencies and groups, and the rarer words. ``terms``:
    a list or a mapping word -> frequency (``term_floors``)."""
    freq: dict[str, int] = {}
    kind: dict[str, str] = {}
    rare: dict[str, int] = {}
    for word, f, tag in entries:
        if not _han(word) or len(word) > conf["max_len"]:
            continue
        idiom = len(word) >= 4 and (tag in ("i", "l") or (len(word) == 4 and tag not in NAME_TAGS))
        if len(word) == 1 or f >= conf["min_freq"] or (idiom and f >= conf["idiom_freq"]):
            freq[word] = max(freq.get(word, 0), f)
            kind[word] = "fixed" if idiom else "words"
        else:
            rare[word] = max(rare.get(word, 0), f)
    for term, floor in term_floors(terms, conf).items():
        if _han(term) and 2 <= len(term) <= conf["max_len"]:
            freq[term] = max(freq.get(term, 0), floor)
            kind[term] = "fixed" if len(term) >= 4 else "words"
    return freq, kind, rare


def term_floors(terms, conf: dict) -> dict[str, int]:
    """The guide's words with the frequency each counts as at least: a list of terms, each at
    ``term_freq``, or a mapping word -> frequency (the terms at ``term_freq`` and the register's
    words, data/checker/register.yml, at ``register_freq``: checker/compile.py guide_words)."""
    return dict(terms) if isinstance(terms, dict) else dict.fromkeys(terms, conf["term_freq"])


def _beside(word: str, by_hole: dict[str, list[str]], freq: dict[str, int], floor: int, same) -> bool:
    """Whether a word at least ``floor`` common is one character away from ``word``, the two
    characters ``same`` (by_hole's lists are most common first)."""
    for i in range(len(word)):
        for o in by_hole.get(word[:i] + "?" + word[i + 1:], ()):
            if freq.get(o, 0) < floor:
                break
            if o != word and same(word[i], o[i]):
                return True
    return False


def _misspelt(freq: dict[str, int], rare: dict[str, int], protected: set[str], alike, twins, sounds) -> set[str]:
    """jieba lists some misspellings as words of their own (各抒已见 beside 各抒己见, 自已 beside
    自己): the words of 4+ characters one sound- or look-alike character away from a word at
    least five times as common, and the words of 2 or 3 characters one character of nearly the
    same shape and another sound (``twins``, not ``sounds``) away from a word at least twenty
    times as common, which the rule must see as the typos they are."""
    every = {**rare, **freq}
    by_hole: dict[str, list[str]] = {}
    for word in every:
        if len(word) >= 2:
            for i in range(len(word)):
                by_hole.setdefault(word[:i] + "?" + word[i + 1:], []).append(word)
    for words in by_hole.values():  # most common first: a search stops at the first too rare
        words.sort(key=lambda o: -freq.get(o, 0))

    out = set()
    for word, f in every.items():
        if word in protected:
            continue
        if len(word) >= 4 and _beside(word, by_hole, freq, 5 * f, alike):
            out.add(word)
        elif len(word) in (2, 3) and _beside(word, by_hole, freq, 20 * f, lambda a, b: twins(a, b) and not sounds(a, b)):
            out.add(word)  # 自已 beside 自己: shorter words only for near-identical shapes that sound different
    return out


# The cosine (checker/glyphs.py) from which two characters that print alike are near-identical twins
# (井并, 茶荼, 侯候): measured 2026-12-06 on the third to twelfth writers' look-alikes and the correct texts
# of the tests, 0.95 (100 pairs) +5 found, no finding more; 0.93 (343) +13, one more (电梯井用, a word the
# list lacks); 0.91 (931) +16, 14 more.
PRINTED_TWIN = 0.93


def printed_twins() -> set[tuple[str, str]]:
    """The pairs that print nearly the same (``PRINTED_TWIN``), both ways round."""
    pairs = glyphs.read_pairs(floor=PRINTED_TWIN)
    return {(a, b) for a, b in pairs} | {(b, a) for a, b in pairs}


def twins_fn(table: dict | None = None, printed: set | None = None):
    """Whether two characters look nearly the same: one four-corner code, stroke orders at most
    one stroke apart (己已, 拨拔, 未末), or printed nearly the same (``printed_twins``: 井并)."""
    table = read_shapes() if table is None else table
    printed = printed_twins() if printed is None else printed

    def twins(a: str, b: str) -> bool:
        x, y = table.get(a), table.get(b)
        return bool(x and y and x[0][:4] == y[0][:4] and _distance(x[1], y[1], 1) <= 1) or (a, b) in printed
    return twins


def second_tier(entries, conf: dict, freq: dict[str, int], misspelt) -> dict[str, int]:
    """The second tier of corrections: jieba's words under ``min_freq`` that are common enough to
    be what was meant (排查, 展板, 下拨, 晴雨表): of two characters from ``second_freq``, of three from
    ``second_freq_three``, no name, number or time (``NAME_TAGS``), no misspelling, not in the word
    list. The context rule offers them only where the text is no word of any list (checker/engine.js
    secondTier); they never explain a stretch of text as words do."""
    floors = {2: conf["second_freq"], 3: conf["second_freq_three"]}
    out: dict[str, int] = {}
    for word, f, tag in entries:
        if len(word) in floors and f >= floors[len(word)] and tag not in NAME_TAGS and _han(word) \
                and word not in freq and word not in misspelt:
            out[word] = max(out.get(word, 0), f)
    return out


def model_words(conf: dict) -> frozenset[str]:
    """The words of the language model's table (checker/vendor/libime-lm/lm.json, libime's vocabulary of
    general text, read by ``langmodel.load`` with its settings check), none where the table is absent."""
    from checker import langmodel

    table = langmodel.load(conf)
    return frozenset(table["words"].split("\n")) if table else frozenset()


def _stages(entries, terms, conf: dict, pinyin: dict[str, str], shapes: dict[str, str], twins):
    """(freq, kind, kept, misspelt, second): the kept words' frequencies and groups, the rarer words
    kept as such (word -> frequency), the misspellings dropped (word -> frequency as listed) and the
    second tier of corrections (``second_tier``)."""
    freq, kind, rare = _select(entries, terms, conf)
    alike, sounds = _alike_fn(pinyin, shapes), _alike_fn(pinyin, {})
    misspelt = _misspelt(freq, rare, set(terms), alike, twins, sounds)
    dropped = {word: freq.get(word, rare.get(word)) for word in misspelt}
    for word in misspelt:
        freq.pop(word, None)
        kind.pop(word, None)
        rare.pop(word, None)
    second = second_tier(entries, conf, freq, misspelt)
    # jieba's people of three characters are known, never offered: a correction that makes one makes a
    # stranger of a place or a team the report names (沅芷 is no 李沅芷 missing its 李); but jieba tags many
    # words so (幸福感, 子弟兵, 黑名单): one the language model's vocabulary holds (model_words) that is a common
    # word of two and a character (幸福 + 感, 黑 + 名单) is a word; 陈伯达, 毛泽东 are no such
    general, two = model_words(conf), {w for w, f, tag in entries if len(w) == 2 and f >= conf["min_freq"] and tag not in NAME_TAGS}
    people = {w for w, _, tag in entries if len(w) == 3 and tag in PERSON_TAGS and kind.get(w) == "words"
              and w not in terms and not (w in general and (w[:2] in two or w[1:] in two))}
    named = {w: freq.pop(w) for w in sorted(people)}
    for w in named:
        kind.pop(w)
    offered = {w for w in kind if len(w) >= 2}
    holes, second_holes = _holes(offered), _holes(second)
    shaped = _alike_fn({}, shapes)

    def looks(a: str, b: str) -> bool:  # what the rule takes for a look-alike there (checker/engine.js secondKind)
        return shaped(a, b) or twins(a, b)
    # a rarer word one edit from an offered word, or one look-alike character from a word of the
    # second tier (the only edit the rule makes for it), is known as a word: written right, it is
    # no typo of either (综治 is no 政治 misspelt)
    kept = {word: f for word, f in rare.items() if word not in freq and (
        near_offered(word, offered, holes, alike) or near_offered(word, set(), second_holes, looks))}
    return freq, kind, {**kept, **named}, dropped, second


def protect(entries, conf: dict, pinyin: dict[str, str], twins, freq: dict[str, int], misspelt) -> list[str]:
    """The idioms and fixed phrases no correction may take apart (慎终追远 is no 慎重 misspelt):
    ``protected_phrases`` less the words of the word list (offered as they are) and the misspellings."""
    sounds = _alike_fn(pinyin, {})
    return sorted(w for w in protected_phrases(entries, conf, twins, sounds) if w not in freq and w not in misspelt)


# jieba tags many idioms as names (严于律己 and 廉洁奉公 nr, 和平共处 nz, 美意延年 ns): its words of four
# common characters under these tags count as phrases too, from idiom_freq on (a name of four
# characters, 布达拉宫, is as much one phrase)
NAMED_PHRASE_TAGS = ("nr", "nz", "ns", "nrfg")


def phrases(entries, conf: dict) -> dict[str, int]:
    """jieba's idioms and fixed phrases (tags ``i`` and ``l``) of four characters or more, any frequency,
    and its words of four common characters (GB 2312 level 1) tagged as names (``NAMED_PHRASE_TAGS``)
    of ``idiom_freq`` or more."""
    common = set(gb2312_hanzi()[:LEVEL1])
    out: dict[str, int] = {}
    for word, f, tag in entries:
        named = tag in NAMED_PHRASE_TAGS and len(word) == 4 and f >= conf["idiom_freq"] and all(ch in common for ch in word)
        if (tag in ("i", "l") and len(word) >= 4 and _han(word)) or named:
            out[word] = max(out.get(word, 0), f)
    return out


def protected_phrases(entries, conf: dict, twins, sounds) -> dict[str, int]:
    """The phrases the rule never takes apart, before the word list is known: every idiom or fixed
    phrase of jieba (``phrases``) but its own misspellings. Those of ``max_len`` characters or less
    are checked with the word list (``_misspelt``); the longer ones here, against jieba's longer
    words one same-sounding or near-identical character away and five times as common (the shape
    table's looser look-alikes are left out, so that the hand groups of data/checker/shapes.yml
    cannot change this list)."""
    long = {w: f for w, f, _ in entries if len(w) > conf["max_len"] and _han(w)}
    slips = _misspelt(long, {}, set(), lambda a, b: sounds(a, b) or twins(a, b), twins, sounds)
    return {w: f for w, f in phrases(entries, conf).items() if len(w) <= conf["max_len"] or w not in slips}


def protect_groups(protect) -> dict[str, str]:
    """{length: "p p …"}: the protected phrases by length, sorted (the engine reads them so)."""
    groups: dict[int, list[str]] = {}
    for word in sorted(protect):
        groups.setdefault(len(word), []).append(word)
    return {str(n): " ".join(ws) for n, ws in sorted(groups.items())}


def grouped(freq: dict[str, int], kind: dict[str, str], kept: dict[str, int], total: int,
            second: dict[str, int] | None = None) -> dict:
    """{"words": {cost: "w w …"}, "fixed": …, "rare": …, "second": …, "second_known": …, "unknown": cost}:
    the engine's word list. The second tier (``second_tier``) is "second" where it is no rarer word
    kept as known, "second_known" where it is (known like "rare", and a correction of the second tier)."""
    second = second or {}
    costs: dict[int, int] = {}

    def cost(f: int) -> int:
        if f not in costs:
            costs[f] = round(2 * math.log(total / max(f, 1)))
        return costs[f]

    groups: dict[str, dict[int, list[str]]] = {"words": {}, "fixed": {}, "rare": {}, "second": {}, "second_known": {}}
    for word, f in freq.items():
        groups[kind[word]].setdefault(cost(f), []).append(word)
    for word, f in kept.items():
        if word not in freq:
            groups["second_known" if word in second else "rare"].setdefault(cost(f), []).append(word)
    for word, f in second.items():
        if word not in freq and word not in kept:
            groups["second"].setdefault(cost(f), []).append(word)
    out: dict = {name: {str(c): " ".join(sorted(ws)) for c, ws in sorted(group.items())}
                 for name, group in groups.items()}
    out["unknown"] = cost(1) + 2
    return out


def lexicon(terms, conf: dict, pinyin: dict[str, str], shapes: dict[str, str], twins=None) -> dict:
    """{"words": {cost: "w w …"}, "fixed": {cost: …}, "rare": {cost: …}, "unknown": cost}: the
    common words, the idioms and the guide's terms of four characters or more (each word in one
    group only; see the module doc), and the rarer words that one edit would turn into one of
    those (kept so that the rule knows
    they are words: 综治 is no 政治 misspelt). ``conf`` is data/checker/context.yml.

    The whole derivation from jieba's dictionary (about 10 s). The build does not run it: it reads
    the base (``derive_base``, the same with no terms and no hand groups, committed in
    vendor/typo-base/) and adds the guide's own words to it (checker/typobase.py); the tests
    check that both give the same."""
    entries = jieba_entries()
    total = sum(f for _, f, _ in entries)
    twins = twins_fn() if twins is None else twins
    freq, kind, kept, dropped, second = _stages(entries, terms, conf, pinyin, shapes, twins)
    return {**grouped(freq, kind, kept, total, second),
            "protect": protect_groups(protect(entries, conf, pinyin, twins, freq, dropped))}


# The base: what the build reads instead of running ``lexicon``

BASE = Path(__file__).with_name("vendor") / "typo-base" / "typo-base.json"
BASE_KNOBS = ("min_freq", "idiom_freq", "max_len", "second_freq", "second_freq_three")  # the settings of data/checker/context.yml the base is made with
BASE_PACKAGES = ("jieba", "opencc", "pypinyin", "rapidfuzz")
BASE_FORMAT = 5  # 5: with the second tier of corrections (``second``); 2: with the readings table ``pinyin`` (pinyin_table), which the build no longer makes;
# 3: with the idioms and fixed phrases no correction takes apart (``protect``); 4: with ``script_twins``
# (OpenCC over jieba's words), which every cold build made again (0.5 s)


def base_sources(conf: dict) -> dict[str, str]:
    """What the base is made from, each as a short text: the packages' versions, the knobs, and
    hashes of the vendored tables (shapes, pairs that print alike, the language model's, whose
    vocabulary tells jieba's mistagged people from names) and of this file (the code that derives it)."""
    from importlib import metadata

    from checker import langmodel

    def digest(path: Path) -> str:
        return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()[:16]

    out = {package: metadata.version(package) for package in BASE_PACKAGES}
    out.update({knob: str(conf[knob]) for knob in BASE_KNOBS})
    out.update({"format": str(BASE_FORMAT), "checker/lexicon.py": digest(Path(__file__)),
                "checker/vendor/char-similar/chars.tsv": digest(VENDOR),
                "checker/vendor/glyph-alike/pairs.tsv": digest(glyphs.PAIRS),
                "checker/vendor/libime-lm/lm.json": digest(langmodel.MODEL)})
    return dict(sorted(out.items()))


def base_key(sources: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(sources, sort_keys=True).encode()).hexdigest()[:16]


def gb2312_hanzi() -> list[str]:
    """The Chinese characters of GB 2312 in its order (level 1, the 3,755 common ones, first)."""
    chars = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes((hi, lo)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            if "\u4e00" <= ch <= "\u9fff":
                chars.append(ch)
    return chars


def _read(chars: list[str]) -> dict[str, list[str]]:
    """Syllable (toneless, ü as v) -> those of ``chars`` read so (pypinyin, every reading), in their order."""
    from pypinyin import Style, pinyin

    table: dict[str, list[str]] = {}
    for ch in chars:
        for syl in sorted(set(pinyin(ch, style=Style.NORMAL, heteronym=True)[0])):
            if syl.isascii() and syl.isalpha():
                table.setdefault(syl, []).append(ch)
    return table


def pinyin_table(extra_chars: set[str] = frozenset()) -> dict[str, str]:
    """Syllable (toneless, ü as v) -> the characters of GB 2312 and ``extra_chars`` read so (all readings).

    The table without extra characters is in the base (``pinyin``): the build adds the guide's
    characters outside GB 2312 to it (``with_chars``) instead of reading 6,763 characters again."""
    table = _read(sorted(set(gb2312_hanzi()) | set(extra_chars)))
    return {syl: "".join(chars) for syl, chars in sorted(table.items())}


def with_chars(table: dict[str, str], extra_chars: set[str]) -> dict[str, str]:
    """``pinyin_table(extra_chars)`` from ``table`` = ``pinyin_table()`` (the base's): only the characters
    outside GB 2312 are read, and pypinyin (a third of a second to import) is loaded only if there are any."""
    new = sorted(set(extra_chars) - set(gb2312_hanzi()))
    if not new:
        return dict(table)
    merged = {syl: set(chars) for syl, chars in table.items()}
    for syl, chars in _read(new).items():
        merged.setdefault(syl, set()).update(chars)
    return {syl: "".join(sorted(chars)) for syl, chars in sorted(merged.items())}


def twins_table(table: dict, printed: set | None = None) -> dict[str, str]:
    """char -> the characters ``twins_fn`` pairs it with (for looking them up from one side)."""
    by_code: dict[str, list[str]] = {}
    for ch, (four, _, _) in table.items():
        by_code.setdefault(four[:4], []).append(ch)
    out: dict[str, set[str]] = {}
    for chars in by_code.values():
        for i, a in enumerate(chars):
            for b in chars[i + 1:]:
                if _distance(table[a][1], table[b][1], 1) <= 1:
                    out.setdefault(a, set()).add(b)
                    out.setdefault(b, set()).add(a)
    for a, b in (printed_twins() if printed is None else printed):
        if a in table and b in table:
            out.setdefault(a, set()).add(b)
    return {ch: "".join(sorted(xs)) for ch, xs in sorted(out.items())}


# The numerals a measure word follows in jieba's numeral phrases (一件, 三件, 两件, 几件)
NUMERALS = "一二三四五六七八九十两几"
MEASURE_LEAST = 4  # of those numerals before a character that make it a measure word


# A character that ends jieba's words of two characters at least PLACE_END_LEAST times, more than
# PLACE_END_SHARE of them names of places (tag ns), names a kind of place (湖, 湾, 港, 溪, 岭)
PLACE_END_LEAST = 10
PLACE_END_SHARE = 0.5


def place_ends(entries) -> str:
    """The characters that end names of places (``PLACE_END_LEAST``, ``PLACE_END_SHARE``): 湖 ends
    87 of jieba's words of two characters, 68 of them places. A place name before 社区 or 街道 that
    ends in one is taken as spelt so where only the stroke data relates it to another character
    (澄湖街道 is no 澄清; checker/engine.js ``spelt``)."""
    ends: dict[str, int] = {}
    places: dict[str, int] = {}
    for word, _, tag in entries:
        if len(word) == 2 and _han(word):
            ends[word[1]] = ends.get(word[1], 0) + 1
            if tag == "ns":
                places[word[1]] = places.get(word[1], 0) + 1
    return "".join(sorted(ch for ch, n in ends.items()
                          if n >= PLACE_END_LEAST and places.get(ch, 0) > PLACE_END_SHARE * n))


def measure_words(entries) -> str:
    """The measure words (量词) in jieba's dictionary: the characters X for which it lists the
    numeral phrase "NX" (tag m, mq or q: 一件, 三件, 两件) with ``MEASURE_LEAST`` or more of
    ``NUMERALS``; its tag of the single characters is too sparse (件, 条, 项 are no ``q``).
    Numerals themselves (十 in 二十, 万 in 一万, 多 in 十多) are left out."""
    before: dict[str, set[str]] = {}
    for word, _, tag in entries:
        if len(word) == 2 and word[0] in NUMERALS and tag in ("m", "mq", "q") and _han(word[1]):
            before.setdefault(word[1], set()).add(word[0])
    numerals = set(NUMERALS) | set("百千万亿零多数")
    return "".join(sorted(ch for ch, ns in before.items() if len(ns) >= MEASURE_LEAST and ch not in numerals))


def reduplicated_verbs(entries) -> str:
    """A one-character verb said twice before its object (动动手, 看看书, 散散步, 聊聊天): the words
    AAB of jieba's dictionary whose A it tags ``v`` as a word of its own, space-separated. Only
    those listed: 加加强, 考考核, 组组织 are doubling typos, and no tag tells them apart."""
    verbs, aab = set(), []
    for word, _, tag in entries:
        if len(word) == 1 and tag == "v":
            verbs.add(word)
        elif len(word) == 3 and word[0] == word[1] != word[2] and _han(word):
            aab.append(word)
    return " ".join(sorted(w for w in set(aab) if w[0] in verbs))


def _by_freq(words: dict[str, int]) -> dict[str, str]:
    groups: dict[int, list[str]] = {}
    for word, f in sorted(words.items()):
        groups.setdefault(f, []).append(word)
    return {str(f): " ".join(ws) for f, ws in sorted(groups.items())}


def script_twins(words) -> dict[str, str]:
    """Traditional character -> the Simplified one it stands for, where the Traditional one is a
    Simplified character too (著 in 隨著 is 着, 乾 in 乾淨 is 干; traditional_map leaves them as they
    are): each character of GB 2312 that OpenCC's s2t or s2tw puts for another in ``words``, with
    the one it stands for most often. The context typo rule does not take such a character for a
    typo of that one in a line written in Traditional characters."""
    import opencc

    gb = set(gb2312_hanzi())
    text = "\n".join(words)
    counts: dict[str, dict[str, int]] = {}
    for config in ("s2t", "s2tw"):
        out = opencc.OpenCC(config).convert(text)
        if len(out) != len(text):
            raise ValueError(f"OpenCC {config} changed the length of the word list")
        for trad, simp in zip(out, text):
            if trad != simp and trad in gb:
                counts.setdefault(trad, {}).setdefault(simp, 0)
                counts[trad][simp] += 1
    return {trad: max(sorted(by), key=by.get) for trad, by in sorted(counts.items())}


def derive_base(conf: dict) -> dict:
    """The word list made from the pinned sources alone (jieba's dictionary, pypinyin, the shape
    table) and the knobs ``BASE_KNOBS``: ``lexicon`` with no terms and no hand groups, each word
    with its frequency as listed, plus what the overlay needs to add the guide's own words."""
    entries = jieba_entries()
    chars = gb2312_hanzi()
    table = read_shapes()
    shapes = shape_alike(chars, table)
    readings = common_readings(chars, [w for w, f, _ in entries if f >= conf["min_freq"]])
    twins = twins_fn(table)
    freq, kind, kept, misspelt, second = _stages(entries, [], conf, readings, shapes, twins)
    sources = base_sources(conf)
    listed = set(_select(entries, [], conf)[0])
    return {
        "key": base_key(sources),
        "made_from": sources,
        "total": sum(f for _, f, _ in entries),
        "words": _by_freq({w: f for w, f in freq.items() if kind[w] == "words"}),
        "fixed": _by_freq({w: f for w, f in freq.items() if kind[w] == "fixed"}),
        "rare": _by_freq(kept),
        "second": _by_freq(second),
        "misspelt": _by_freq({w: f for w, f in misspelt.items() if w in listed}),
        "misspelt_rare": " ".join(sorted(w for w in misspelt if w not in listed)),
        "measures": measure_words(entries),
        "place_ends": place_ends(entries),
        "reduplicated": reduplicated_verbs(entries),
        "readings": readings,
        "pinyin": pinyin_table(),
        "protect": protect_groups(protect(entries, conf, readings, twins, freq, misspelt)),
        "shapes": shapes,
        "twins": twins_table(table),
        "script_twins": script_twins(w for w, f in {w: f for w, f, _ in entries if 2 <= len(w) <= 12}.items()
                                     if f >= conf["min_freq"]),
    }


def base_text(base: dict) -> str:
    """The base as committed: JSON, its key first, one group of words per line."""
    head = {k: base[k] for k in ("key", "made_from")}
    rest = {k: v for k, v in base.items() if k not in head}
    text = json.dumps({**head, **dict(sorted(rest.items()))}, ensure_ascii=False, indent=1)
    return text + "\n"


def read_shapes(path: Path = VENDOR) -> dict[str, tuple[str, str, set[str]]]:
    """char -> (four-corner code, stroke order, components)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        ch, four, order, parts = (line.split("\t") + ["", "", ""])[:4]
        out[ch] = (four, order, set(parts))
    return out


def _distance(a: str, b: str, limit: int) -> int:
    """Edit distance of two stroke orders when it is at most limit, else limit + 1."""
    return Levenshtein.distance(a, b, score_cutoff=limit)


def _alike(a: tuple, b: tuple) -> bool:
    """Two characters look alike: their stroke orders differ by one stroke; or by two in
    characters of six strokes or more that share a component or a four-corner code; or by
    three in characters of nine strokes or more with the same four-corner code."""
    n = max(len(a[1]), len(b[1]))
    same_code = a[0][:4] == b[0][:4]
    shared = a[2] & b[2]
    if n >= 9 and (same_code or shared):
        limit = 3
    elif n >= 6 and (same_code or shared):
        limit = 2
    else:
        limit = 1
    return _distance(a[1], b[1], limit) <= limit


def shape_alike(chars: list[str], shapes: dict | None = None, printed: list | None = None) -> dict[str, str]:
    """char -> the characters that look like it, for every char of ``chars`` the tables know:
    by the stroke data (``_alike``) and as printed (``printed``: checker/glyphs.py's pairs, the
    committed ones unless given). Each pair has a common character (GB 2312 level 1, the first
    3,755) in it: a rare character is compared with the common ones only. Candidates of the
    stroke data are the characters sharing a component (one most characters share, such as a
    radical, does not count) or a four-corner code."""
    shapes = read_shapes() if shapes is None else shapes
    printed = glyphs.read_pairs() if printed is None else printed
    common = [c for c in chars[:LEVEL1] if c in shapes and shapes[c][1]]
    by_part: dict[str, set[str]] = {}
    by_code: dict[str, set[str]] = {}
    for c in common:
        for p in shapes[c][2]:
            by_part.setdefault(p, set()).add(c)
        by_code.setdefault(shapes[c][0][:4], set()).add(c)
    alike: dict[str, set[str]] = {}
    seen: set[tuple[str, str]] = set()
    for c in chars:
        if c not in shapes or not shapes[c][1]:
            continue
        near: set[str] = set(by_code.get(shapes[c][0][:4], ()))
        for p in shapes[c][2]:
            if len(by_part.get(p, ())) < 400:
                near |= by_part.get(p, set())
        for x in near:
            pair = (c, x) if c < x else (x, c)
            if x == c or pair in seen:
                continue
            seen.add(pair)
            if _alike(shapes[c], shapes[x]):
                alike.setdefault(c, set()).add(x)
                alike.setdefault(x, set()).add(c)
    wanted = set(chars)
    for a, b in printed:
        if a in wanted and b in wanted:
            alike.setdefault(a, set()).add(b)
            alike.setdefault(b, set()).add(a)
    return {c: "".join(sorted(xs)) for c, xs in sorted(alike.items())}
