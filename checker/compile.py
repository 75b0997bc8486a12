"""Turn the checker's data into the one JSON the engine (checker/engine.js) reads.

Sources: data/checker/*.yml (rules, word lists, patterns), data/timeline/*.yml
(dated meetings, campaigns, anniversaries) and data/terms/*.yml (glossary:
vocabulary, wrong forms, the year a formulation first appeared). Three pinned
packages add the language knowledge, precomputed here so that the engine
gets it in a small file (the pages and the command line read the same file):

- OpenCC: which characters are Traditional-only, and their Simplified form
  (one character for one character, so positions never shift);
- pypinyin: the readings of the characters of GB 2312 and of the vocabulary,
  the sound evidence of the near-miss typo rule;
- jieba's dictionary: which one-character variants of a vocabulary term are
  real words (and so must not be reported as typos), and the word list of the
  context typo rule (``data["typo"]``: the base word list checker/lexicon.py made
  from it and the vendored look-alike table, committed in checker/vendor/typo-base/,
  with the guide's own words added by checker/typobase.py; the pages load it as a
  file of its own);
- jieba's dictionary and open-gram's bigrams again: the word classes of the 的/地/得
  rule (checker/particles.py, corrected by data/checker/particles.yml), which come
  with that word list (``data["typo"]["particle"]``).

``compile_data(site)`` is deterministic; ``load_compiled(root, load_site)``
caches it. The caller passes the loaded, validated data (macros.sitedata's
SiteData): this package does not load or validate data/ itself, so the
checker does not depend on the site's macros. The checks of the checker's
data live in macros/checks/checker.py.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import tempfile
from importlib import metadata
from pathlib import Path
from collections.abc import Callable

from checker import glyphs, langmodel, opengram

FORMAT = 1
SOURCES = ("checker", "timeline", "terms", "ledgers")  # the data/ folders the compiled data is made from
CJK = re.compile(r"^[\u4e00-\u9fff]+$")
QUOTES = "“”‘’\"'「」《》"
PACKAGES = ("jieba", "OpenCC", "pypinyin", "rapidfuzz")
LEXICON = Path(__file__).with_name("lexicon.py")
TYPOBASE = Path(__file__).with_name("typobase.py")
SHAPES = Path(__file__).with_name("vendor") / "char-similar" / "chars.tsv"
OPENGRAM = Path(__file__).with_name("opengram.py")
LANGMODEL = Path(__file__).with_name("langmodel.py")
PARTICLES = Path(__file__).with_name("particles.py")
BASE = Path(__file__).with_name("vendor") / "typo-base" / "typo-base.json"


# Language resources (build time only)

def _gb2312_hanzi() -> list[str]:
    from checker.lexicon import gb2312_hanzi

    return gb2312_hanzi()


def traditional_map() -> tuple[str, str]:
    """(traditional, simplified): two strings of equal length, char for char.

    A character counts as Traditional when OpenCC's t2s turns it into another
    single character and it is not itself in GB 2312 (so 著, 乾, 于 stay)."""
    import opencc

    t2s = opencc.OpenCC("t2s")
    gb = set(_gb2312_hanzi())
    trad, simp = [], []
    block = "".join(chr(c) for c in range(0x4E00, 0xA000))
    converted = t2s.convert(block)
    converted = converted if len(converted) == len(block) else None
    for i, ch in enumerate(block):
        if ch in gb:
            continue
        out = converted[i] if converted else t2s.convert(ch)
        if len(out) == 1 and out != ch and ord(out) < 0x10000:
            trad.append(ch)
            simp.append(out)
    return "".join(trad), "".join(simp)


@functools.cache
def jieba_words() -> dict[str, int]:
    """jieba's dictionary: word -> frequency (words of 2 to 12 characters). Read once per
    process (0.2 s): the near-miss rule's data and the context rule's overlay both use it. The file is
    found without importing jieba, which loads its HMM tables and pkg_resources (0.1 s) for nothing here."""
    import importlib.util

    path = Path(importlib.util.find_spec("jieba").origin).parent / "dict.txt"
    words = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ")
            if 2 <= len(parts[0]) <= 12:
                words[parts[0]] = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    return words


def fuzzy(syl: str) -> str:
    """A syllable with the distinctions people mix up merged (zh/z, ch/c, sh/s, n/l, -ng/-n).

    Used here and, as the table data["fuzzy"], by the engine: one definition."""
    for a, b in (("zh", "z"), ("ch", "c"), ("sh", "s")):
        if syl.startswith(a):
            syl = b + syl[len(a):]
            break
    if syl.startswith("n") and syl != "n" and not syl.startswith("ng"):
        syl = "l" + syl[1:]
    if syl.endswith("ng") and len(syl) > 2:
        syl = syl[:-1]
    return syl


EDGE_FREQ = 300  # jieba frequency from which a two-character word counts as common


def alike_sets(pinyin: dict[str, str], shapes: list[str], only: set[str] | None = None):
    """char -> readings, reading -> chars, char -> shape-alike chars (of the characters ``only``, if given:
    the look-alikes of the vocabulary's characters, not of all 6,763)."""
    readings: dict[str, set[str]] = {}
    for syl, chars in pinyin.items():
        for ch in chars:
            readings.setdefault(ch, set()).add(syl)
    by_sound: dict[str, set[str]] = {}
    for ch, syls in readings.items():
        for syl in syls:
            by_sound.setdefault(syl, set()).add(ch)
    by_shape: dict[str, set[str]] = {}
    for group in shapes:
        for ch in group:
            if only is None or ch in only:
                by_shape.setdefault(ch, set()).update(group)
    return readings, by_sound, by_shape


def edge_words(vocab: list[str], pinyin: dict[str, str], shapes: list[str], words: dict[str, int],
               sets: tuple | None = None) -> str:
    """Common two-character words that a substitute at a term's edge could form
    with the character outside the term (党委 in 党委宣讲团 vs the term 微宣讲).

    Returned as one string of concatenated pairs, sorted. ``sets``: alike_sets(pinyin, shapes), if made."""
    readings, by_sound, by_shape = sets or alike_sets(pinyin, shapes)
    left, right = set(), set()
    for term in vocab:
        for side, ch in ((left, term[0]), (right, term[-1])):
            side.update(by_shape.get(ch, ()))
            for syl in readings.get(ch, ()):
                side.update(by_sound.get(syl, ()))
    pairs = sorted(w for w, f in words.items() if len(w) == 2 and f >= EDGE_FREQ and CJK.match(w)
                   and (w[1] in left or w[0] in right))
    return "".join(pairs)


# Data files

def _terms(site) -> list[dict]:
    return [r.data for r in site.all("terms")]


def clean(text: str) -> str:
    """A term without its quotation marks (“两个确立” -> 两个确立)."""
    return "".join(ch for ch in text if ch not in QUOTES)


def _patterns(record, key: str) -> list[dict]:
    return [{k: item[k] for k in ("id", "regex", "message", "replace", "replace_map", "severity") if k in item}
            for item in record.get(key, [])]


def merged_typos(typos: list[dict], terms: list[dict]) -> list[dict]:
    """data/checker/typos.yml plus the glossary terms' ``wrong`` forms not already listed.

    A glossary 'wrong' form may be an outdated one that a history may still name
    (三个自信 before 2016): a warning, not an error."""
    out = [{k: t[k] for k in ("wrong", "right", "source", "except") if k in t} for t in typos]
    known = {t["wrong"] for t in out}
    for term in terms:
        for wrong in term.get("wrong", []):
            if clean(wrong) not in known:
                out.append({"wrong": clean(wrong), "right": clean(term["term"]), "source": "常用表述",
                            "severity": "warning"})
    return out


def vocabulary(words: list[str], terms: list[dict]) -> list[str]:
    """Pure-CJK words of 3+ characters: the domain list plus glossary terms and aliases."""
    vocab = set()
    for word in words:
        vocab.add(clean(word))
    for term in terms:
        for text in [term["term"], *term.get("aliases", [])]:
            vocab.add(clean(text))
    return sorted(w for w in vocab if CJK.match(w) and 3 <= len(w) <= 16)


SERIES = re.compile(r"^[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+)*$")


def formulas(vocab: list[str], terms: list[dict], conf: dict) -> list[str]:
    """The fixed formulations the formulation matcher (checker/engine.js ruleFormulas) looks for
    with one character changed, missing, doubled or two swapped: the glossary's terms and aliases
    (series such as 把方向、管大局、保落实 with their 、), the vocabulary, context.yml's ``phrases``
    (its words that are fixed phrases; its other words are vocabulary only) and its ``formulations``
    (each with its source), of four characters or more. Only those not in ``vocab``: the engine takes
    the vocabulary's terms of four characters or more too."""
    found = {clean(w) for w in conf.get("phrases", [])}
    found |= {clean(f["text"]) for f in conf.get("formulations", []) + conf.get("statements", [])}
    for term in terms:
        found |= {clean(t) for t in [term["term"], *term.get("aliases", [])]}
    return sorted(w for w in found - set(vocab) if SERIES.match(w) and 4 <= len(w) <= 40)


def near_allowed(vocab: list[str], pinyin: dict[str, str], shapes: list[str], words, sets: tuple | None = None) -> dict:
    """Per term and position, the sound/shape-alike substitutes that make a real word.

    Only substitutes with sound or shape evidence can ever be reported, so only
    those are tested against jieba's dictionary and the vocabulary. ``sets``: alike_sets(pinyin, shapes), if made."""
    readings, _by_sound, by_shape = sets or alike_sets(pinyin, shapes)
    fuzzy_readings = {ch: {fuzzy(s) for s in syls} for ch, syls in readings.items()}
    by_fuzzy: dict[str, set[str]] = {}
    for ch, syls in fuzzy_readings.items():
        for syl in syls:
            by_fuzzy.setdefault(syl, set()).add(ch)
    vocab_set = set(vocab)
    alike_of: dict[str, list[str]] = {}  # a character's substitutes, sorted: made once, not once per term and position

    def substitutes(ch: str) -> list[str]:
        found = alike_of.get(ch)
        if found is None:
            alike = set(by_shape.get(ch, ()))
            for syl in fuzzy_readings.get(ch, ()):
                alike |= by_fuzzy.get(syl, set())
            alike.discard(ch)
            found = alike_of[ch] = sorted(alike)
        return found

    out: dict[str, dict[str, str]] = {}
    for term in vocab:
        per_pos = {}
        for i, ch in enumerate(term):
            before, after = term[:i], term[i + 1:]
            ok = [c for c in substitutes(ch) if (word := before + c + after) in words or word in vocab_set]
            if ok:
                per_pos[str(i)] = "".join(ok)
        if per_pos:
            out[term] = per_pos
    return out


def _timeline(site) -> list[dict]:
    out = []
    for record in site.all("timeline"):
        item = {k: record.data[k] for k in ("id", "kind", "name", "match", "start", "end", "series",
                                            "outdated_when_cited", "base_year") if k in record.data}
        out.append(item)
    return out


def formulations(terms: list[dict], timeline: list[dict]) -> list[dict]:
    """Glossary terms with a 'since' year, matched by their term and aliases.

    A term naming a meeting or campaign that the timeline dates more precisely
    is left to the timeline."""
    dated = {m for item in timeline if item["kind"] != "plan" for m in item["match"]}
    out = []
    for term in terms:
        if "since" not in term:
            continue
        forms = sorted({clean(t) for t in [term["term"], *term.get("aliases", [])] if len(clean(t)) >= 2})
        if any(d in f or f in d for f in forms for d in dated):
            continue
        out.append({"id": term["id"], "name": clean(term["term"]), "match": forms, "since": term["since"]})
    return out


def _ledgers(site) -> list[dict]:
    """What 台账对数 needs of each ledger (data/ledgers): its columns and the counts a report takes from it."""
    out = []
    for record in site.all("ledgers"):
        if "counts" not in record.data:
            continue
        out.append({"id": record.id, "title": record["title"],
                    "columns": [{"name": c["name"], "also": list(c.get("also", [])), "choices": list(c.get("choices", []))}
                                for c in record["columns"]],
                    "roles": dict(record.get("roles", {})),
                    "counts": [dict(c) for c in record["counts"]],
                    "sentences": list(record.get("sentences", []))})
    return out


COMMITTEES = ("居委会", "村委会")  # a community's committee: a suffix a short form of a local name drops too


def longest_first(words) -> list[str]:
    """Words longest first (in their order otherwise), as an alternation or a suffix test must try them."""
    return sorted(words, key=len, reverse=True)


def admin_piece(admin_levels) -> re.Pattern:
    """The pieces of a 区's full name (示例市青溪区: 示例市, 青溪区), each ending in one of
    ``admin_levels`` (data/checker/units.yml; the engine strips a title's superior with the same list)."""
    return re.compile(".+?(?:" + "|".join(map(re.escape, longest_first(admin_levels))) + ")")


def local_names(settings: dict, units: dict) -> list[str]:
    """The local edition's own names (its settings.yml, macros/local.py): the 区 (and the pieces of
    its full name), each 街道 and 社区, each also without its suffix when two characters or more
    are left (青溪区 -> 青溪, 荷塘社区 -> 荷塘). The engine reads them as the user's own words:
    no typo rule reports them (data["known_names"], GuideChecker.check). ``units``: the data of
    data/checker/units.yml, whose ``admin_levels`` and ``levels`` are the suffixes."""
    unit = settings["unit"]
    district = unit["district"].strip()
    names = admin_piece(units["admin_levels"]).findall(district) or [district]
    for street in unit["streets"]:
        names += [street["name"], *street.get("communities", [])]
    suffixes = longest_first([*units["admin_levels"], *COMMITTEES, *units["levels"]])
    out = {district}  # whole, and its pieces with their short forms
    for name in (n.strip() for n in names):
        out.add(name)
        for suffix in suffixes:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                out.add(name[: -len(suffix)])
                break
    return sorted(n for n in out if len(n) >= 2)


def compile_data(site, with_language: bool = True) -> dict:
    """Everything the engine needs, as plain JSON-able data, from the loaded site data."""
    def record(name: str):
        return site.get("checker", name)

    terms = _terms(site)
    structure, stock, debris = record("structure"), record("stock"), record("debris")
    shapes = list(record("shapes")["groups"])
    vocab = vocabulary(record("vocabulary")["words"], terms)
    timeline = _timeline(site)
    data = {
        "format": FORMAT,
        "rules": {rule["id"]: {k: rule[k] for k in ("severity", "name", "explain", "guide", "fix") if k in rule}
                  for rule in record("rules")["rules"]},
        "messages": {**record("messages")["messages"], **record("ledger")["messages"]},
        "language": {k: v for k, v in record("language").data.items() if k not in ("id", "title")},
        "placeholders": _patterns(record("placeholders"), "patterns"),
        "usage": _patterns(record("usage"), "patterns"),
        "confusions": [{"id": c["id"], "sides": [dict(side) for side in c["sides"]]}
                       for c in record("usage").get("confusions", [])],
        "typos": merged_typos(record("typos")["typos"], terms),
        "debris": {"line_starts": list(debris["line_starts"]), "inline": _patterns(debris, "inline"),
                   "encoding": _patterns(debris, "encoding")},
        "selfnames": list(record("selfnames")["forms"]),
        "stock": {k: stock[k] for k in ("phrases", "min_phrases", "facts")},
        "units": {k: list(record("units")[k]) for k in ("levels", "admin_levels", "organs", "not_names")},
        "structure": {k: structure[k] for k in ("report_titles", "plan_titles", "problem_headings",
                                                "next_headings", "item_markers", "topics", "match_ignore",
                                                "match_threshold", "match_counts", "measurable", "unmeasured_parts")},
        "shapes": shapes,
        "vocab": vocab,
        "formulas": formulas(vocab, terms, record("context").data),
        "statements": sorted(clean(f["text"]) for f in record("context").data.get("statements", [])),
        "timeline": timeline,
        "formulations": formulations(terms, timeline),
        "ledgers": _ledgers(site),
        "ledger_words": {k: record("ledger")[k] for k in ("period_marks", "period_names", "help_sheets")},
    }
    layer = getattr(site, "layer", None)  # a local edition (GUIDE_LOCAL): its names are no typos
    if layer is not None:
        data["known_names"] = local_names(layer.settings, record("units").data)
    if with_language:
        from checker.lexicon import with_chars
        from checker.typobase import load_base

        base = load_base(record("context").data)
        data["typo"] = typo_data(record("context").data, vocab, shapes, base, register_words(site))
        pairs = opengram.load_pairs(record("context").data)  # the word-pair evidence, a file of its own in the site
        if pairs:
            data["pairs"] = pairs
        lm = langmodel.load(record("context").data)  # the language model, a file of its own in the site
        if lm:
            data["lm"] = lm
        if "particles" in site.records.get("checker", {}):
            # the 的/地/得 rule's word classes (checker/particles.py), loaded with the context rule's
            # word list (the pages load that part after they are usable)
            from checker.lexicon import jieba_entries
            from checker.particles import derive as particle_classes

            data["typo"]["particle"] = particle_classes(record("particles").data, jieba_entries(), pairs, base["measures"])
        trad, simp = traditional_map()
        extra = {ch for w in vocab for ch in w} | {ch for g in shapes for ch in g}
        table = with_chars(base["pinyin"], extra)  # = lexicon.pinyin_table(extra), from the committed base
        data["t2s"] = [trad, simp]
        data["pinyin"] = table
        data["fuzzy"] = {syl: fuzzy(syl) for syl in table if fuzzy(syl) != syl}  # the engine's sound-alike test
        words = jieba_words()
        data["script_twins"] = base["script_twins"]  # from OpenCC over jieba's words, made with the base
        # the near-miss rule takes its look-alikes from shapes.yml and, once data["typo"] is
        # there, from the derived table: the real words it must not report come from both
        alike = shapes + [ch + others for ch, others in data["typo"]["shapes"].items()]
        # made once for both, for the vocabulary's characters only (the only ones either looks up)
        sets = alike_sets(table, alike, only={ch for term in vocab for ch in term})
        data["near_ok"] = near_allowed(vocab, table, alike, words, sets)
        data["edge_words"] = edge_words(vocab, table, alike, words, sets)
    return data


CONTEXT_KEYS = ("second_bar", "threshold", "threshold_short", "threshold_short_alike", "threshold_twin", "threshold_swapped", "swap_pair_floor", "across_bar", "threshold_three", "error_from", "formula_common", "penalty", "rare_cost", "common_cost", "rare_char", "rare_sound", "names", "places", "frames", "pair_bar", "pair_shape", "pair_shape_bound", "shape_alone", "rescue_from", "pair_doubled_bar", "confusion_pair_bar", "lm_bar", "lm_floor", "lm_window", "lm_bar_swapped", "lm_common_swap", "lm_veto", "lm_veto_sound", "own_floor", "own_lm", "own_min", "own_ratio", "topic_count", "topic_ratio", "twin_alone", "twin_common", "twin_bound", "twin_pair_floor", "twin_lm", "suffix_words", "titles", "surnames", "nouns_twice", "separable", "reduplicable")


def merged_shapes(derived: dict[str, str], groups: list[str]) -> dict[str, str]:
    """The look-alikes from stroke data (checker/lexicon.py shape_alike) and the groups of
    data/checker/shapes.yml (pairs people confuse that strokes alone miss: 载裁, 覆履, 撤撒),
    char -> the characters that look like it."""
    added: dict[str, set[str]] = {}
    for group in groups:
        for ch in group:
            added.setdefault(ch, set(derived.get(ch, ""))).update(c for c in group if c != ch)
    out = {**derived, **{ch: "".join(sorted(others)) for ch, others in added.items()}}
    return {ch: others for ch, others in sorted(out.items()) if others}


def register_words(site) -> list[str]:
    """The register's words (data/checker/register.yml, checker/register.py), none if the file is absent."""
    record = site.records.get("checker", {}).get("register")
    return sorted(record.get("counts") or {}) if record is not None else []


def guide_words(conf: dict, vocab: list[str], register=()) -> dict[str, int]:
    """The guide's own words for the context rule's word list, each with the frequency it counts as at
    least (checker/lexicon.py term_floors): the register's words at ``register_freq``, the vocabulary and
    glossary terms and context.yml's ``words`` at ``term_freq`` (a word in both is a term). A
    ``register_freq`` of 0 leaves the register out."""
    out = dict.fromkeys(sorted(register), conf["register_freq"]) if register and conf.get("register_freq") else {}
    out.update(dict.fromkeys(sorted(set(vocab) | set(conf.get("words", []))), conf["term_freq"]))
    return out


def typo_data(conf: dict, vocab: list[str], groups: list[str] = (), base: dict | None = None, register=()) -> dict:
    """The context typo rule's data: word list, readings, look-alikes, settings. The committed
    base (checker/vendor/typo-base/, made by checker/lexicon.py from the pinned sources) with the
    guide's own words (``guide_words``: its terms and the register's words) and look-alike groups
    added (checker/typobase.py). ``base``: load_base(conf), if loaded."""
    from checker.lexicon import LEVEL1
    from checker.typobase import load_base, overlay

    base = base or load_base(conf)
    shapes = merged_shapes(base["shapes"], groups)
    out = overlay(base, guide_words(conf, vocab, register), conf, shapes, jieba_words())
    out.update({"shapes": shapes, "twins": base["twins"], "readings": base["readings"], "common_chars": "".join(_gb2312_hanzi()[:LEVEL1])})
    out.update({k: conf[k] for k in CONTEXT_KEYS})
    out["names"] = names(conf)
    out["measured"] = measured(conf, base["measures"])
    out["reduplicated"] = base["reduplicated"]
    out["place_ends"] = base["place_ends"]
    return out


def names(conf: dict) -> str:
    """context.yml's ``names`` pattern with {surname} made its ``surnames`` and ``rare_surnames`` (one character
    class)."""
    return conf["names"].replace("{surname}", f"[{conf['surnames']}{conf['rare_surnames']}]")


def measured(conf: dict, measures: str) -> str:
    """context.yml's ``measured`` pattern with {measure} made the measure words of the base."""
    return conf["measured"].replace("{measure}", f"[{measures}]")


def full_typo_data(conf: dict, vocab: list[str], groups: list[str] = (), register=()) -> dict:
    """typo_data made the long way, from jieba's dictionary without the base (about 20 s): what
    the tests compare the base and overlay with."""
    from checker.lexicon import (LEVEL1, common_readings, jieba_entries, lexicon, measure_words, place_ends,
                                 read_shapes, reduplicated_verbs, shape_alike, twins_table)

    chars = _gb2312_hanzi()
    shapes = merged_shapes(shape_alike(chars), groups)
    readings = common_readings(chars, [w for w, f, _ in jieba_entries() if f >= conf["min_freq"]])
    out = lexicon(guide_words(conf, vocab, register), conf, readings, shapes)
    out.update({"shapes": shapes, "twins": twins_table(read_shapes()), "readings": readings, "common_chars": "".join(chars[:LEVEL1])})
    out.update({k: conf[k] for k in CONTEXT_KEYS})
    out["names"] = names(conf)
    out["measured"] = measured(conf, measure_words(jieba_entries()))
    out["reduplicated"] = reduplicated_verbs(jieba_entries())
    out["place_ends"] = place_ends(jieba_entries())
    return out


def _kept(name: str, make: Callable[[], dict]) -> dict:
    """The JSON file ``name`` in the temp folder, or make() written there first."""
    cache = Path(tempfile.gettempdir()) / name
    try:
        return json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = make()
    tmp = cache.with_suffix(f".{os.getpid()}.tmp")  # parallel builds never share a half-written file
    tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    tmp.replace(cache)
    return data


def _layer_data(root: Path) -> Path | None:
    """data/ of the local layer named by $GUIDE_LOCAL (macros/local.py), which may add or replace
    checker, timeline and terms records (its settings.yml, beside it, gives the names the checker
    knows); None for the plain guide. A folder that does not exist is reported by load_site when
    the data is compiled."""
    value = os.environ.get("GUIDE_LOCAL", "").strip()
    if not value:
        return None
    path = Path(value)
    return (path if path.is_absolute() else root / path).resolve() / "data"


def signature(root: Path) -> str:
    """A hash of everything the compiled data depends on: this file (the compiler), the
    language packages' versions and the data files (the guide's and a local layer's) by name
    and content, not where the project is, so every copy of it shares one cache."""
    digest = hashlib.sha256(str(FORMAT).encode())
    # the compiler, its word list code, the vendored table and the committed base word list
    for source in (Path(__file__), LEXICON, TYPOBASE, SHAPES, glyphs.PAIRS, BASE, OPENGRAM, PARTICLES, opengram.PAIRS,
                   LANGMODEL, langmodel.MODEL):
        digest.update(source.read_bytes() if source.exists() else b"")
    for package in PACKAGES:
        digest.update(f"{package}={metadata.version(package)}".encode())
    layer = _layer_data(root)
    if layer:  # the layer's settings.yml: its 区, 街道 and 社区 names (local_names)
        settings = layer.parent / "settings.yml"
        digest.update(b"layer/settings.yml\0" + (settings.read_bytes() if settings.is_file() else b"") + b"\0")
    for folder in SOURCES:
        for label, base in [("data", root / "data")] + ([("layer", layer)] if layer else []):
            for path in sorted((base / folder).glob("*.yml")):
                digest.update(f"{label}/{folder}/{path.name}\0".encode())
                digest.update(path.read_bytes())
                digest.update(b"\0")
    return digest.hexdigest()[:16]


_memo: dict[str, dict] = {}


def load_compiled(root: Path | str, load_site: Callable[[], object]) -> dict:
    """compile_data(load_site()), cached in memory and in the temp folder until a source changes.

    ``load_site`` returns the project's loaded and validated SiteData; it is only called
    when the data must be compiled again, so a command line with a fresh cache never
    loads the whole site's data."""
    sig = signature(Path(root))
    if sig in _memo:
        return _memo[sig]
    data = _memo[sig] = _kept(f"guide-checker-{sig}.json", lambda: compile_data(load_site()))
    return data


def to_json(data: dict) -> str:
    """Compact, deterministic JSON."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
