"""Turn the checker's data into the one JSON both engines read.

Sources: data/checker/*.yml (rules, word lists, patterns), data/timeline/*.yml
(dated meetings, campaigns, anniversaries) and data/terms/*.yml (glossary:
vocabulary, wrong forms, the year a formulation first appeared). Three pinned
packages add the language knowledge, precomputed here so that the browser
gets the same facts as the command line in a small file:

- OpenCC: which characters are Traditional-only, and their Simplified form
  (one character for one character, so positions never shift);
- pypinyin: the readings of the characters of GB 2312 and of the vocabulary,
  the sound evidence of the near-miss typo rule;
- jieba's dictionary: which one-character variants of a vocabulary term are
  real words (and so must not be reported as typos).

``compile_data(root)`` is deterministic; ``load_compiled(root)`` caches it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from importlib import metadata
from pathlib import Path

import yaml

from macros.errors import GuideError

from .engine import fuzzy
from macros.local import layer_dir as local_layer_dir
from macros.sitedata import load_site_data

FORMAT = 1
CJK = re.compile(r"^[\u4e00-\u9fff]+$")
QUOTES = "“”‘’\"'「」《》"
PACKAGES = ("jieba", "OpenCC", "pypinyin")


# Language resources (build time only)

def _gb2312_hanzi() -> list[str]:
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


def traditional_map() -> tuple[str, str]:
    """(traditional, simplified): two strings of equal length, char for char.

    A character counts as Traditional when OpenCC's t2s turns it into another
    single character and it is not itself in GB 2312 (so 著, 乾, 于 stay)."""
    import opencc

    t2s = opencc.OpenCC("t2s")
    gb = set(_gb2312_hanzi())
    trad, simp = [], []
    block = "".join(chr(c) for c in range(0x4E00, 0xA000))
    converted = t2s.convert(block) if len(t2s.convert(block)) == len(block) else None
    for i, ch in enumerate(block):
        if ch in gb:
            continue
        out = converted[i] if converted else t2s.convert(ch)
        if len(out) == 1 and out != ch and ord(out) < 0x10000:
            trad.append(ch)
            simp.append(out)
    return "".join(trad), "".join(simp)


def pinyin_table(extra_chars: set[str]) -> dict[str, str]:
    """Syllable (toneless, ü as v) -> the characters read so (all readings)."""
    from pypinyin import Style, pinyin

    table: dict[str, list[str]] = {}
    for ch in sorted(set(_gb2312_hanzi()) | extra_chars):
        for syl in sorted(set(pinyin(ch, style=Style.NORMAL, heteronym=True)[0])):
            if syl.isascii() and syl.isalpha():
                table.setdefault(syl, []).append(ch)
    return {syl: "".join(chars) for syl, chars in sorted(table.items())}


def jieba_words() -> dict[str, int]:
    """jieba's dictionary: word -> frequency."""
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    words = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ")
            if 2 <= len(parts[0]) <= 12:
                words[parts[0]] = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    return words


EDGE_FREQ = 300  # jieba frequency from which a two-character word counts as common


def alike_sets(pinyin: dict[str, str], shapes: list[str]):
    """char -> readings, reading -> chars, char -> shape-alike chars."""
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
            by_shape.setdefault(ch, set()).update(group)
    return readings, by_sound, by_shape


def edge_words(vocab: list[str], pinyin: dict[str, str], shapes: list[str], words: dict[str, int]) -> str:
    """Common two-character words that a substitute at a term's edge could form
    with the character outside the term (党委 in 党委宣讲团 vs the term 微宣讲).

    Returned as one string of concatenated pairs, sorted."""
    readings, by_sound, by_shape = alike_sets(pinyin, shapes)
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

def _terms(root: Path, site) -> list[dict]:
    """Glossary records, whether or not the 'terms' kind is registered yet."""
    if "terms" in site.records:
        return [r.data for r in site.all("terms")]
    out = []
    for path in sorted((root / "data" / "terms").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "term" in data:
            out.append(data)
    return out


def _clean(text: str) -> str:
    return "".join(ch for ch in text if ch not in QUOTES)


def _record(site, name: str):
    try:
        return site.get("checker", name)
    except GuideError:
        raise GuideError(f"data/checker/{name}.yml", None, "the checker needs this file",
                         "restore it from git (see data/schemas/checker.schema.json)") from None


def _check_regex(record, where: tuple, regex: str) -> None:
    try:
        re.compile(regex)
    except re.error as exc:
        raise record.error(where, f"invalid regular expression: {exc}", "correct the pattern") from None
    if "(?P<" in regex or "(?<!" in regex and "(?<!" not in regex:
        raise record.error(where, "named groups are not read alike by Python and JavaScript", "use plain groups")


def _patterns(record, key: str) -> list[dict]:
    out = []
    for i, item in enumerate(record.get(key, [])):
        _check_regex(record, (key, i, "regex"), item["regex"])
        out.append({k: item[k] for k in ("id", "regex", "message", "replace", "replace_map", "severity") if k in item})
    return out


def vocabulary(words: list[str], terms: list[dict]) -> list[str]:
    """Pure-CJK words of 3+ characters: the domain list plus glossary terms and aliases."""
    vocab = set()
    for word in words:
        vocab.add(_clean(word))
    for term in terms:
        for text in [term["term"], *term.get("aliases", [])]:
            vocab.add(_clean(text))
    return sorted(w for w in vocab if CJK.match(w) and 3 <= len(w) <= 16)


def near_allowed(vocab: list[str], pinyin: dict[str, str], shapes: list[str], words) -> dict:
    """Per term and position, the sound/shape-alike substitutes that make a real word.

    Only substitutes with sound or shape evidence can ever be reported, so only
    those are tested against jieba's dictionary and the vocabulary."""
    readings, by_sound, by_shape = alike_sets(pinyin, shapes)
    fuzzy_readings = {ch: {fuzzy(s) for s in syls} for ch, syls in readings.items()}
    by_fuzzy: dict[str, set[str]] = {}
    for ch, syls in fuzzy_readings.items():
        for syl in syls:
            by_fuzzy.setdefault(syl, set()).add(ch)
    readings, by_sound = fuzzy_readings, by_fuzzy
    vocab_set = set(vocab)
    out: dict[str, dict[str, str]] = {}
    for term in vocab:
        per_pos = {}
        for i, ch in enumerate(term):
            alike = set(by_shape.get(ch, ()))
            for syl in readings.get(ch, ()):
                alike |= by_sound.get(syl, set())
            alike.discard(ch)
            ok = sorted(c for c in alike if (term[:i] + c + term[i + 1:]) in words
                        or (term[:i] + c + term[i + 1:]) in vocab_set)
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
        forms = sorted({_clean(t) for t in [term["term"], *term.get("aliases", [])] if len(_clean(t)) >= 2})
        if any(d in f or f in d for f in forms for d in dated):
            continue
        out.append({"id": term["id"], "name": _clean(term["term"]), "match": forms, "since": term["since"]})
    return out


def _rules(site, root: Path) -> dict:
    record = _record(site, "rules")
    rules = {}
    for i, rule in enumerate(record["rules"]):
        page = rule["guide"].split("#")[0]
        if not (root / "docs" / page).is_file():
            raise record.error(("rules", i, "guide"), f"no page docs/{page}", "link to an existing page and heading")
        rules[rule["id"]] = {k: rule[k] for k in ("severity", "name", "explain", "guide")}
    return rules


def compile_data(root: Path | str, with_language: bool = True) -> dict:
    """Everything the engines need, as plain JSON-able data."""
    root = Path(root).resolve()
    site = load_site_data(root)
    terms = _terms(root, site)
    rules = _rules(site, root)
    typos_rec = _record(site, "typos")
    typos = [{k: t[k] for k in ("wrong", "right", "source", "except") if k in t} for t in typos_rec["typos"]]
    known = {t["wrong"] for t in typos}
    for term in terms:
        for wrong in term.get("wrong", []):
            if _clean(wrong) in known:
                continue
            # a glossary 'wrong' form may be an outdated one that a history may still
            # name (三个自信 before 2016): a warning, not an error
            typos.append({"wrong": _clean(wrong), "right": _clean(term["term"]), "source": "常用表述",
                          "severity": "warning"})
    seen: dict[str, str] = {}
    for i, typo in enumerate(typos):
        if typo["wrong"] in seen and seen[typo["wrong"]] != typo["right"]:
            raise typos_rec.error(("typos", i), f"'{typo['wrong']}' has two corrections",
                                  "keep one entry (data/checker/typos.yml or the term's 'wrong' list)")
        seen[typo["wrong"]] = typo["right"]
    words = _record(site, "vocabulary")["words"]
    vocab = vocabulary(words, terms)
    shapes = list(_record(site, "shapes")["groups"])
    debris = _record(site, "debris")
    structure_record = _record(site, "structure")
    _check_regex(structure_record, ("measurable",), structure_record["measurable"])
    structure = structure_record.data
    stock = _record(site, "stock")
    _check_regex(stock, ("facts",), stock["facts"])
    timeline = _timeline(site)
    data = {
        "format": FORMAT,
        "rules": rules,
        "placeholders": _patterns(_record(site, "placeholders"), "patterns"),
        "usage": _patterns(_record(site, "usage"), "patterns"),
        "typos": typos,
        "debris": {"line_starts": list(debris["line_starts"]), "inline": _patterns(debris, "inline"),
                   "encoding": _patterns(debris, "encoding")},
        "selfnames": list(_record(site, "selfnames")["forms"]),
        "stock": {k: stock[k] for k in ("phrases", "min_phrases", "facts")},
        "units": {k: list(_record(site, "units")[k]) for k in ("levels", "organs", "not_names")},
        "structure": {k: structure[k] for k in ("report_titles", "plan_titles", "problem_headings",
                                                "next_headings", "item_markers", "topics", "match_ignore",
                                                "match_threshold", "match_counts", "measurable", "unmeasured_parts")},
        "shapes": shapes,
        "vocab": vocab,
        "timeline": timeline,
        "formulations": formulations(terms, timeline),
    }
    if with_language:
        trad, simp = traditional_map()
        extra = {ch for w in vocab for ch in w} | {ch for g in shapes for ch in g}
        table = pinyin_table(extra)
        data["t2s"] = [trad, simp]
        data["pinyin"] = table
        words = jieba_words()
        data["near_ok"] = near_allowed(vocab, table, shapes, words)
        data["edge_words"] = edge_words(vocab, table, shapes, words)
    return data


def _signature(root: Path) -> str:
    digest = hashlib.sha256(str(FORMAT).encode())
    digest.update(Path(__file__).read_bytes())
    for package in PACKAGES:
        digest.update(f"{package}={metadata.version(package)}".encode())
    layer = local_layer_dir(root)  # a local layer (GUIDE_LOCAL) may add or replace these records
    for folder in ("checker", "timeline", "terms"):
        for base in [root / "data"] + ([layer / "data"] if layer else []):
            for path in sorted((base / folder).glob("*.yml")):
                digest.update(path.as_posix().encode() if base != root / "data" else path.name.encode())
                digest.update(path.read_bytes())
    digest.update((root / "data/checker").as_posix().encode())
    return digest.hexdigest()[:16]


_memo: dict[str, dict] = {}


def load_compiled(root: Path | str) -> dict:
    """compile_data(root), cached in memory and in the temp folder until a source changes."""
    root = Path(root).resolve()
    sig = _signature(root)
    if sig in _memo:
        return _memo[sig]
    cache = Path(tempfile.gettempdir()) / f"guide-checker-{sig}.json"
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = compile_data(root)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")  # parallel builds never share a half-written file
        tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        tmp.replace(cache)
    _memo[sig] = data
    return data


def to_json(data: dict) -> str:
    """Compact, deterministic JSON."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
