"""The context typo rule's word list at build time: the committed base plus the guide's own words.

``checker.lexicon.lexicon`` derives the word list from jieba's dictionary in about ten
seconds, most of it the scan for jieba's own misspellings over its 349,046 words. Only a
small part of its input is the guide's: the vocabulary and glossary terms and
data/checker/context.yml's ``words`` (``terms``), and the hand look-alike groups of
data/checker/shapes.yml (``groups``). So the derivation is split:

- the BASE, ``lexicon`` with no terms and no groups, is made from the pinned sources only
  and committed (checker/vendor/typo-base/, ``python scripts/guide.py derive-typo-base``);
  its key names what it was made from (``checker.lexicon.base_sources``); a base made from
  other sources stops the build (``StaleBase``) instead of being used or made again;
- the OVERLAY (``overlay``) adds the terms and groups to it, looking from the terms'
  side at the words one edit away from them, and gives what ``lexicon`` gives with them.

How terms and groups change ``lexicon``'s result, and where the overlay does the same:

1. A term is kept as a word, at ``term_freq`` at least, "fixed" from four characters (step 1). The
   register's words (data/checker/register.yml, checker/register.py) take the same path at a
   frequency of their own, ``register_freq``: everything said here of terms holds for them.
2. A term is never a misspelling, though the base may have dropped it as one (step 1).
3. A term made more common, or a hand group pair, can make another word a misspelling: a
   listed word, or a rarer word, one look-alike character away (step 2, from each raised
   term's characters and from each word holding a character of a new pair).
4. A word dropped so is no longer offered: a rarer word kept only because it was one edit
   from it is no longer kept (step 3).
5. A term not offered before, or a new pair, makes rarer words one edit away "rare" words
   (step 4): looked up in jieba's dictionary (``checker.compile.jieba_words``, which the
   compiler reads anyway).
6. A protected idiom or fixed phrase (``protect``) that a term makes a word or a misspelling is
   protected no more (step 5).
7. The second tier of corrections (``second``, checker/lexicon.py second_tier) loses the words a
   term makes a word or a misspelling (step 6); rarer words one look-alike character from one of
   it are kept like those one edit from an offered word (steps 3 and 4).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from checker.lexicon import BASE, BASE_KNOBS, _han, base_key, base_sources, grouped, protect_groups, term_floors

COMMAND = "python scripts/guide.py derive-typo-base"


class StaleBase(Exception):
    """The committed base was made from other sources or knobs than the installed ones."""

    def __init__(self, problem: str, knob: str | None = None) -> None:
        self.problem = problem
        self.knob = knob  # the first knob of data/checker/context.yml that differs, if one does
        self.fix = (f"run `{COMMAND}` (about 20 s) to make checker/vendor/typo-base/ again from the "
                    "installed packages and these settings, and commit it")
        super().__init__(f"{problem} (what to do: {self.fix})")  # the command line and the worker show this


def _stored_sources(path: Path) -> tuple[str | None, dict]:
    """The key and ``made_from`` of the base at ``path``, read from its first lines."""
    try:
        with path.open(encoding="utf-8") as fh:
            head = "".join(fh.readline() for _ in range(40))
    except OSError:
        return None, {}
    match = re.search(r'"key": "([0-9a-f]+)",\s*"made_from": (\{[^}]*\})', head)
    if not match:
        return None, {}
    return match.group(1), json.loads(match.group(2))


def check_base(conf: dict, path: Path = BASE) -> None:
    """Raise StaleBase unless the base at ``path`` was made from what is installed and ``conf``'s knobs."""
    sources = base_sources(conf)
    key, stored = _stored_sources(path)
    if key == base_key(sources) and stored == sources:
        return
    if key is None:
        raise StaleBase(f"the context typo rule's base word list {path.name} is missing or unreadable")
    changed = [name for name in sources if stored.get(name) != sources[name]]
    knob = next((name for name in changed if name in BASE_KNOBS), None)
    listed = ", ".join(f"{name} {stored.get(name, '(none)')} -> {sources[name]}" for name in changed)
    raise StaleBase(f"the context typo rule's base word list (checker/vendor/typo-base/) was made from "
                    f"other sources than these: {listed or 'its key does not match'}", knob)


def load_base(conf: dict, path: Path = BASE) -> dict:
    check_base(conf, path)
    base = json.loads(path.read_text(encoding="utf-8"))
    if base["key"] != base_key(base_sources(conf)):
        raise StaleBase("the base's key does not match its own sources; it was edited by hand")
    return base


def _parse(groups: dict[str, str]) -> dict[str, int]:
    return {w: int(f) for f, words in groups.items() for w in words.split()}


class _Alike:
    """The tests of checker/lexicon.py (_alike_fn, twins_fn), and each one's characters from one side."""

    def __init__(self, readings: dict[str, str], shapes: dict[str, str], twins: dict[str, str]) -> None:
        self.syllables: dict[str, set[str]] = {}
        for syl, chars in readings.items():
            for ch in chars:
                self.syllables.setdefault(ch, set()).add(syl)
        self.readings, self.shapes, self.twins = readings, shapes, twins
        self._near: dict[str, set[str]] = {}

    def sounds(self, a: str, b: str) -> bool:
        return bool(self.syllables.get(a, set()) & self.syllables.get(b, set()))

    def alike(self, a: str, b: str) -> bool:
        return self.sounds(a, b) or b in self.shapes.get(a, "")

    def near(self, ch: str) -> set[str]:
        """The characters alike() pairs with ch (the shapes are symmetric), ch itself left out."""
        if ch not in self._near:
            out = set(self.shapes.get(ch, ""))
            for syl in self.syllables.get(ch, ()):
                out.update(self.readings[syl])
            out.discard(ch)
            self._near[ch] = out
        return self._near[ch]


def _edits(word: str, near) -> list[str]:
    """The words one edit the context rule tries away from ``word`` (near_offered's edits, from the
    offered word's side): a character for one near() it, two different neighbours swapped, one doubled."""
    out = []
    for i, ch in enumerate(word):
        out.extend(word[:i] + c + word[i + 1:] for c in near(ch))
        if i and ch != word[i - 1]:
            out.append(word[:i - 1] + ch + word[i - 1] + word[i + 1:])
        out.append(word[:i + 1] + ch + word[i + 1:])
    return out


def new_pairs(base_shapes: dict[str, str], shapes: dict[str, str], alike0: _Alike) -> dict[str, str]:
    """char -> the characters the hand groups make alike that the base did not count as alike."""
    out: dict[str, str] = {}
    for ch, others in shapes.items():
        fresh = "".join(o for o in others if o not in base_shapes.get(ch, "") and not alike0.sounds(ch, o))
        if fresh:
            out[ch] = fresh
    return out


class _Overlay:
    """``lexicon(terms, …, shapes)`` from the base, steps as in the module doc."""

    def __init__(self, base: dict, conf: dict, shapes: dict[str, str], jieba: dict[str, int]) -> None:
        self.conf, self.jieba = conf, jieba
        fixed = _parse(base["fixed"])
        self.words = {**_parse(base["words"]), **fixed}  # the base's kept words
        self.kind = dict.fromkeys(fixed, "fixed")
        self.misspelt_listed = _parse(base["misspelt"])
        self.listed = {**self.words, **self.misspelt_listed}  # what _select kept before the misspellings went
        self.misspelt = set(self.misspelt_listed) | set(base["misspelt_rare"].split())
        self.kept0 = _parse(base["rare"])
        self.second0 = _parse(base["second"])  # the second tier of corrections (checker/lexicon.py second_tier)
        self.alike = _Alike(base["readings"], shapes, base["twins"])
        self.pairs = new_pairs(base["shapes"], shapes, _Alike(base["readings"], base["shapes"], {}))
        # the second tier's look-alikes are the shapes and twins only: the hand groups' pairs the base's
        # shapes and twins lack, sound-alike or not, are new for it
        self.second_pairs = {ch: fresh for ch, others in shapes.items()
                             if (fresh := "".join(o for o in others if o not in base["shapes"].get(ch, "")
                                                  and o not in base["twins"].get(ch, "")))}
        self.total = base["total"]
        self.protect = [w for words in base["protect"].values() for w in words.split()]

    def rare(self, word: str) -> int | None:
        """The frequency of a word of jieba's dictionary that _select does not keep, else None."""
        f = self.jieba.get(word)
        if f is None or word in self.listed or len(word) > self.conf["max_len"] or not _han(word):
            return None
        return f

    def apply(self, terms) -> dict:
        protected = set(terms)
        freq = dict(self.listed)
        held = self._terms(terms, freq)
        chars = set(self.pairs)  # the words holding a character of a new pair, before any is dropped
        self.holders = [w for w in freq if len(w) >= 2 and not chars.isdisjoint(w)] if chars else []
        dropped = self._misspelt(freq, protected, held)
        for word in (self.misspelt - protected) | dropped:
            freq.pop(word, None)
        kind = {w: self.kind.get(w, "words") for w in freq}
        for term in held:
            kind[term] = "fixed" if len(term) >= 4 else "words"
        # step 6: the second tier, less the words the terms make words or misspellings
        second = {w: f for w, f in self.second0.items() if w not in freq and w not in dropped}
        kept = self._kept(freq, dropped, [t for t in held if t not in self.words], second)
        # step 5: a protected phrase that is now a term (a word) or a misspelling is protected no more
        protect = protect_groups(w for w in self.protect if w not in freq and w not in dropped)
        return {**grouped(freq, kind, kept, self.total, second), "protect": protect}

    def _terms(self, terms, freq: dict[str, int]) -> dict[str, int]:
        """Step 1: the terms into freq, each at its floor (``term_floors``); returns them with their frequency now."""
        held = {}
        for term, floor in term_floors(terms, self.conf).items():
            if _han(term) and 2 <= len(term) <= self.conf["max_len"]:
                freq[term] = held[term] = max(freq.get(term, 0), floor)
        return held

    def _misspelt(self, freq: dict[str, int], protected: set[str], held: dict[str, int]) -> set[str]:
        """Step 2: the words the terms' frequencies and the new pairs make misspellings."""
        out: set[str] = set()

        def consider(word: str, other: str, i: int) -> None:
            f = self.listed.get(word) or self.rare(word)
            if f is None or word == other or word in protected or word in self.misspelt or word in out:
                return
            a, b = word[i], other[i]
            if len(word) >= 4:
                hit = freq.get(other, 0) >= 5 * f and self.alike.alike(a, b)
            else:
                hit = freq.get(other, 0) >= 20 * f and b in self.alike.twins.get(a, "") and not self.alike.sounds(a, b)
            if hit:
                out.add(word)

        alike, pairs = self.alike, self.pairs
        found = [(term[:i] + c + term[i + 1:], term, i) for term, f in held.items()
                 if f != self.listed.get(term)  # more common than the base had it
                 for i, ch in enumerate(term) for c in (alike.near(ch) if len(term) >= 4 else alike.twins.get(ch, ""))]
        found += [(other[:i] + c + other[i + 1:], other, i) for other in self.holders if len(other) >= 4
                  for i, ch in enumerate(other) for c in pairs.get(ch, "")]
        jieba = self.jieba  # every word _misspelt looks at is in it, or a term
        for word, other, i in found:
            if word in jieba:
                consider(word, other, i)
        return out

    def _kept(self, freq: dict[str, int], dropped: set[str], fresh: list[str], second: dict[str, int]) -> dict[str, int]:
        """Steps 3 and 4: the rarer words one edit from an offered word or one of the second tier."""
        near = self.alike.near
        kept = {w: f for w, f in self.kept0.items() if w not in freq and w not in dropped}
        for gone in dropped:
            if gone in self.words or gone in self.second0:
                for word in _edits(gone, near):
                    if word in kept and not self._near_offered(word, freq) and not self._near_second(word, second):
                        del kept[word]

        pairs = self.pairs
        found = {word for term in fresh for word in _edits(term, near)}
        found.update(other[:i] + c + other[i + 1:] for other in self.holders if other in freq
                     for i, ch in enumerate(other) for c in pairs.get(ch, ""))
        spairs = self.second_pairs
        paired = set(spairs)
        found.update(other[:i] + c + other[i + 1:] for other in second if not paired.isdisjoint(other)
                     for i, ch in enumerate(other) for c in spairs.get(ch, ""))
        jieba, misspelt = self.jieba, self.misspelt
        for word in found:
            if word in jieba and word not in freq and word not in kept and word not in misspelt and word not in dropped:
                f = self.rare(word)
                if f is not None:
                    kept[word] = f
        return kept

    def _near_offered(self, word: str, freq: dict[str, int]) -> bool:
        for i, ch in enumerate(word):
            if any(len(word) >= 2 and (word[:i] + c + word[i + 1:]) in freq for c in self.alike.near(ch)):
                return True
            if i and ch != word[i - 1]:
                if word[:i - 1] + ch + word[i - 1] + word[i + 1:] in freq:
                    return True
            elif i and word[:i] + word[i + 1:] in freq and len(word) > 2:
                return True
        return False

    def _near_second(self, word: str, second: dict[str, int]) -> bool:
        """Whether one look-alike character turns word into a word of the second tier."""
        shapes, twins = self.alike.shapes, self.alike.twins
        return any(word[:i] + c + word[i + 1:] in second for i, ch in enumerate(word)
                   for c in shapes.get(ch, "") + twins.get(ch, ""))


def overlay(base: dict, terms, conf: dict, shapes: dict[str, str], jieba: dict[str, int]) -> dict:
    """What ``checker.lexicon.lexicon(terms, conf, readings, shapes)`` gives, from the base (``terms``: a
    list, each at ``term_freq``, or word -> the frequency it counts as at least, ``term_floors``):
    ``shapes`` are the base's look-alikes merged with the hand groups, ``jieba`` is jieba's
    dictionary (word -> frequency, checker.compile.jieba_words)."""
    return _Overlay(base, conf, shapes, jieba).apply(terms)
