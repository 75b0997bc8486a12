"""A word bigram language model for the context typo rule, from libime's (LGPL-2.1+).

The context rule (checker/engine.js ruleContextTypos) scores each edit it tries (a same-sounding
or look-alike character, one missing, doubled, two swapped) by how much cheaper the best split of
the stretch around it becomes, each word as likely as it is common. Many real slips score under
its bars: the corrected words are common, but so are the pieces the slip leaves. A word bigram
model with back-off sees what the split does not: whether the corrected words go with their
neighbours. The engine asks it about the edits the rule left under its bars (``lm_floor`` and
up), and reports those whose text the model finds ``lm_bar`` (log10) likelier corrected.

The model is libime's (the input method library of Fcitx 5): ``lm_sc.arpa`` in the source
package of Debian's libime (LGPL-2.1+), a back-off trigram model of 164,887 words. ``derive``
keeps a compact part of it, committed in checker/vendor/libime-lm/ (``python scripts/guide.py
derive-lm --arpa lm_sc.arpa``):

- ``words``: the model's words of one to ``MAX_LEN`` Chinese characters, most likely first
  (their index is their place), with each one's log10 probability and back-off weight;
- ``pairs``: the ``lm_bigrams`` bigrams of those words that weigh most in the model (by relative
  entropy, Stolcke's pruning criterion: P(w1, w2) times the log ratio of the bigram's
  probability to its back-off estimate), each with its log10 probability.

The trigrams are left out (measured 2026-12-06: the bigrams alone find as many slips). Numbers
are quantised to a byte (``QUANT``); the streams are base64 (rows of varint word-index deltas).
``score`` is the Python reference of the engine's ``lmScore``: the best split of a stretch into
the model's words (a character no word of the model holds costs ``<unk>``'s probability), each
word scored after the one before it, the stretch starting with no context.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import json
import math
from pathlib import Path

VENDOR = Path(__file__).with_name("vendor") / "libime-lm"
MODEL = VENDOR / "lm.json"
COMMAND = "python scripts/guide.py derive-lm --arpa LM_SC_ARPA"
KNOBS = ("lm_bigrams",)  # the settings of data/checker/context.yml the table is made with
MAX_LEN = 4  # the engine's stretches are split into words of at most this many characters
FORMAT = 1
# (lowest value, step) of each quantised number: value = low + byte * step
QUANT = {"prob": (-6.5, 5.0 / 255), "backoff": (-3.0, 3.0 / 255), "pair": (-7.0, 7.0 / 255)}
SOURCE = {
    "project": "libime (LGPL-2.1+), the language model of Fcitx 5's Chinese input",
    "package": "libime 1.0.16-1 (Debian source package, libime_1.0.16.orig.tar.xz), "
               "file data/lm_sc.arpa-20220810.tar.xz, member lm_sc.arpa",
}


def is_chinese(word: str) -> bool:
    return bool(word) and all("\u4e00" <= ch <= "\u9fff" or ch == "\u3007" for ch in word)


def read_arpa(path: Path):
    """(unigrams {word: (log10 P, log10 back-off)}, unk log10 P, bigrams [(w1, w2, log10 P)]) of an
    ARPA file; its trigrams are not read."""
    uni: dict[str, tuple[float, float]] = {}
    bigrams: list[tuple[str, str, float]] = []
    unk = None
    section = 0
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("\\"):
                section = int(line[1]) if line[1:2].isdigit() else 0
                if section == 3 or line.startswith("\\end"):
                    break
                continue
            if not line or section == 0:
                continue
            parts = line.split("\t")
            if section == 1:
                if parts[1] == "<unk>":
                    unk = float(parts[0])
                else:
                    uni[parts[1]] = (float(parts[0]), float(parts[2]) if len(parts) > 2 else 0.0)
            else:
                w1, w2 = parts[1].split(" ")
                bigrams.append((w1, w2, float(parts[0])))
    if unk is None:
        raise ValueError(f"{path}: no <unk> unigram: not libime's lm_sc.arpa")
    return uni, unk, bigrams


def quantise(value: float, kind: str) -> int:
    low, step = QUANT[kind]
    return max(0, min(255, round((value - low) / step)))


def varints(numbers) -> bytes:
    out = bytearray()
    for n in numbers:
        while n >= 0x80:
            out.append((n & 0x7F) | 0x80)
            n >>= 7
        out.append(n)
    return bytes(out)


def read_varints(raw: bytes) -> list[int]:
    """The numbers ``varints`` wrote (the engine's ``unvarints`` reads them the same way)."""
    out, n, shift = [], 0, 0
    for b in raw:
        n |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            out.append(n)
            n, shift = 0, 0
    return out


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def derive(arpa: Path, knobs: dict) -> dict:
    """The compact table (see the module's docstring) from the ARPA file and context.yml's settings."""
    uni, unk, bigrams = read_arpa(arpa)
    words = sorted((w for w in uni if is_chinese(w) and len(w) <= MAX_LEN), key=lambda w: (-uni[w][0], w))
    index = {w: i for i, w in enumerate(words)}

    def weight(b):
        w1, w2, lp = b
        p1, bo1 = uni[w1]
        return 10 ** (p1 + lp) * (lp - (bo1 + uni[w2][0]))

    kept = heapq.nlargest(knobs["lm_bigrams"], (b for b in bigrams if b[0] in index and b[1] in index), key=weight)
    rows: dict[int, list[tuple[int, int]]] = {}
    for w1, w2, lp in kept:
        rows.setdefault(index[w1], []).append((index[w2], quantise(lp, "pair")))
    counts, deltas, probs = [], [], bytearray()
    for i in range(len(words)):
        row = sorted(rows.get(i, []))
        counts.append(len(row))
        last = 0
        for j, q in row:
            deltas.append(j - last)
            last = j
            probs.append(q)
    digest = hashlib.sha256(Path(arpa).read_bytes()).hexdigest()
    return {
        "format": FORMAT,
        "made_from": {**SOURCE, "lm_sc.arpa sha256": digest, "lm_bigrams": knobs["lm_bigrams"],
                      "max_len": MAX_LEN, "command": COMMAND},
        "quant": {k: list(v) for k, v in QUANT.items()},
        "unk": round(unk, 4),
        "words": "\n".join(words),
        "prob": b64(bytes(quantise(uni[w][0], "prob") for w in words)),
        "backoff": b64(bytes(quantise(uni[w][1], "backoff") for w in words)),
        "counts": b64(varints(counts)),
        "deltas": b64(varints(deltas)),
        "pairs": b64(bytes(probs)),
    }


def dumps(table: dict) -> str:
    return json.dumps(table, ensure_ascii=False, indent=0) + "\n"


def load(knobs: dict) -> dict | None:
    """The committed table, or None where there is none; one made with other settings stops the
    build with what to do."""
    if not MODEL.exists():
        return None
    table = json.loads(MODEL.read_text(encoding="utf-8"))
    made = table.get("made_from", {})
    wrong = [k for k in KNOBS if made.get(k) != knobs.get(k)]
    if table.get("format") != FORMAT or wrong:
        raise ValueError(f"{MODEL}: made with other settings ({', '.join(wrong) or 'format'}) than "
                         f"data/checker/context.yml: make it again with `{COMMAND}` (the source: "
                         f"checker/vendor/libime-lm/README.md)")
    return table


class Model:
    """The table decoded, for ``score`` (the engine decodes the same streams in ``LMTables``)."""

    def __init__(self, table: dict):
        def dequant(raw: bytes, kind: str) -> list[float]:
            low, step = table["quant"][kind]
            return [low + b * step for b in raw]

        self.words = table["words"].split("\n")
        self.index = {w: i for i, w in enumerate(self.words)}
        self.prob = dequant(base64.b64decode(table["prob"]), "prob")
        self.backoff = dequant(base64.b64decode(table["backoff"]), "backoff")
        self.unk = table["unk"]
        pair_probs = dequant(base64.b64decode(table["pairs"]), "pair")
        deltas = read_varints(base64.b64decode(table["deltas"]))
        self.pairs: dict[tuple[int, int], float] = {}
        k = 0
        for i, count in enumerate(read_varints(base64.b64decode(table["counts"]))):
            j = 0
            for _ in range(count):
                j += deltas[k]
                self.pairs[(i, j)] = pair_probs[k]
                k += 1

    def word_score(self, prev: int, word: int) -> float:
        """log10 P(word | prev); -1 is no word of the model (``<unk>``, or the stretch's start)."""
        if word < 0:
            return self.unk + (self.backoff[prev] if prev >= 0 else 0.0)
        if prev >= 0:
            p = self.pairs.get((prev, word))
            if p is not None:
                return p
            return self.backoff[prev] + self.prob[word]
        return self.prob[word]

    def score(self, text: str) -> float:
        """The best split's log10 probability, each state the last word (-1: none or <unk>)."""
        states = [{-1: 0.0}] + [{} for _ in text]
        for k in range(1, len(text) + 1):
            cur = states[k]
            for length in range(1, min(MAX_LEN, k) + 1):
                piece = text[k - length:k]
                word = self.index.get(piece, -1)
                if word < 0 and length > 1:
                    continue
                for prev, s in states[k - length].items():
                    v = s + self.word_score(prev, word)
                    if v > cur.get(word, -math.inf):
                        cur[word] = v
        return max(states[-1].values())

    def gain(self, text: str, start: int, end: int, put: str, window: int) -> float:
        """How much likelier (log10) text[start:end] written as ``put`` makes the stretch of ``window``
        characters either side, within text."""
        a, b = max(0, start - window), min(len(text), end + window)
        return self.score(text[a:start] + put + text[end:b]) - self.score(text[a:b])
