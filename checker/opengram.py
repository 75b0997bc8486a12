"""Word-pair evidence for the context typo rule, from open-gram's word bigram model.

The context rule (checker/engine.js ruleContextTypos) scores an edit by how much cheaper the
best split of the stretch around it becomes, each word as likely as it is common. That never
sees a slip that is itself a word (今年已来 for 以来, 高度一直 for 一致). A word bigram model
does: how much likelier the corrected word is next to its neighbours.

The model is open-gram's (CC BY-SA 3.0, the open-gram project), as Debian ships it in
``sunpinyin-data`` (``lm_sc.t3g``, a back-off trigram model; its lexicon ``pydict_sc.bin``).
``derive`` reads the lexicon and the model's text dump (``tslminfo -v lm_sc.t3g``, package
``sunpinyin-utils``) and keeps a compact table, committed in checker/vendor/open-gram/
(``python scripts/guide.py derive-open-gram``):

- ``words``: the lexicon's words of Chinese characters only, of at most ``pair_max_len``
  characters, and its punctuation marks (``PUNCTUATION``), each with its unigram cost (half-nats, 2 * -ln P, rounded), grouped by cost;
- ``pairs``: the word pairs (w1, w2) of the bigram section whose association
  ``ln P(w2 | w1) - ln P(w2)`` is ``pair_floor`` half-nats or more, the ``pair_count`` most
  frequent ones (by ``-ln P(w1) - ln P(w2 | w1)``), each with that association in half-nats
  (at most ``PAIR_CAP``), grouped by it: ``"w1:w2,w2 w1:w2"``.

The engine adds a pair's association as a bonus where w2 follows w1 in a split; a pair not in
the table costs what its words cost alone (the model's back-off weights and the pairs of
negative association are left out: measured 2026-12-05, keeping only positive evidence finds
as many slips at the same false-alarm rate).
"""

from __future__ import annotations

import hashlib
import json
import struct
from pathlib import Path

VENDOR = Path(__file__).with_name("vendor") / "open-gram"
PAIRS = VENDOR / "pairs.json"
COMMAND = "python scripts/guide.py derive-open-gram --lexicon PYDICT_SC_BIN --dump TSLMINFO_OUTPUT"
KNOBS = ("pair_count", "pair_floor", "pair_max_len")  # the settings of data/checker/context.yml the table is made with
PAIR_CAP = 16  # half-nats: a pair's bonus at most (a likelihood ratio of about 3,000)
FORMAT = 1
SOURCE = {
    "project": "open-gram (CC BY-SA 3.0)",
    "package": "sunpinyin-data 0.1.22+20170109-2 (Debian), files lm_sc.t3g and pydict_sc.bin",
    "dump": "tslminfo -v lm_sc.t3g, sunpinyin-utils 3.0.0~rc2+ds1-4+b1 (Debian)",
}


def read_lexicon(path: Path) -> list[str]:
    """pydict_sc.bin: little-endian uint32 word count at offset 0, the string table's offset at
    8, then each word as NUL-terminated UTF-32LE code points; word i has id i."""
    raw = Path(path).read_bytes()
    count = struct.unpack_from("<I", raw, 0)[0]
    at = struct.unpack_from("<I", raw, 8)[0]
    words = []
    for _ in range(count):
        chars = []
        while True:
            cp = struct.unpack_from("<I", raw, at)[0]
            at += 4
            if cp == 0:
                break
            chars.append(chr(cp))
        words.append("".join(chars))
    return words


def read_dump(path: Path):
    r"""The unigram costs {id: -ln P} and the bigrams [(id1, id2, -ln P(id2 | id1))] of the model's
    text dump: sections ``\1-gram\N``, ``\2-gram\N``, ``\3-gram\N`` of lines of ids, -ln P,
    (for levels 1 and 2) the back-off weight and a thread field."""
    uni: dict[int, float] = {}
    bigrams: list[tuple[int, int, float]] = []
    level = 0
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("\\"):
                level = int(line[1])
                if level == 3:
                    break
                continue
            parts = line.split()
            if level == 1:
                uni[int(parts[0])] = float(parts[1])
            elif level == 2:
                bigrams.append((int(parts[0]), int(parts[1]), float(parts[2])))
    return uni, bigrams


PUNCTUATION = "，。；？！：“”、…"  # words of the lexicon too: a word's evidence at a clause's ends


def _han(word: str) -> bool:
    return bool(word) and all("\u4e00" <= ch <= "\u9fff" for ch in word)


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def derive(lexicon_path: Path, dump_path: Path, conf: dict) -> dict:
    """The committed table (see the module's doc) from the lexicon and the model's dump."""
    words = read_lexicon(lexicon_path)
    uni, bigrams = read_dump(dump_path)
    keep = {i: w for i, w in enumerate(words)
            if i in uni and (_han(w) and len(w) <= conf["pair_max_len"] or len(w) == 1 and w in PUNCTUATION)}
    by_cost: dict[int, list[str]] = {}
    for i, w in keep.items():
        by_cost.setdefault(round(2 * uni[i]), []).append(w)
    chosen = []
    for a, b, cost in bigrams:
        if a in keep and b in keep:
            bonus = 2 * (uni[b] - cost)
            if bonus >= conf["pair_floor"]:
                chosen.append((round(uni[a] + cost, 9), a, b, min(PAIR_CAP, round(bonus))))
    chosen.sort()
    grouped: dict[int, dict[str, list[str]]] = {}
    for _, a, b, bonus in chosen[:conf["pair_count"]]:
        grouped.setdefault(bonus, {}).setdefault(keep[a], []).append(keep[b])
    made_from = {**SOURCE, **{k: conf[k] for k in KNOBS},
                 "pydict_sc.bin sha256": _digest(lexicon_path), "dump sha256": _digest(dump_path)}
    return {
        "format": FORMAT,
        "made_from": made_from,
        "words": {str(c): " ".join(sorted(ws)) for c, ws in sorted(by_cost.items())},
        "pairs": {str(bonus): " ".join(f"{w1}:{','.join(sorted(w2s))}" for w1, w2s in sorted(firsts.items()))
                  for bonus, firsts in sorted(grouped.items())},
    }


def table_text(table: dict) -> str:
    """The committed file: one key a line, so that a change shows as a short diff."""
    lines = ["{"]
    items = [("format", table["format"]), ("made_from", table["made_from"])]
    items += [(f"words.{k}", v) for k, v in table["words"].items()]
    items += [(f"pairs.{k}", v) for k, v in table["pairs"].items()]
    for n, (key, value) in enumerate(items):
        comma = "," if n < len(items) - 1 else ""
        lines.append(f"{json.dumps(key, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def parse_text(text: str) -> dict:
    """table_text read back."""
    flat = json.loads(text)
    out: dict = {"format": flat["format"], "made_from": flat["made_from"], "words": {}, "pairs": {}}
    for key, value in flat.items():
        part, _, level = key.partition(".")
        if part in ("words", "pairs") and level:
            out[part][level] = value
    return out


def load_pairs(conf: dict, path: Path = PAIRS) -> dict | None:
    """The committed table, or None when there is none (the rule then goes without pair
    evidence). A table made with other settings than ``conf``'s stops the build."""
    if not path.exists():
        return None
    table = parse_text(path.read_text(encoding="utf-8"))
    differ = [k for k in KNOBS if table["made_from"].get(k) != conf.get(k)]
    if differ:
        raise ValueError(f"{path} was made with other settings of data/checker/context.yml ({', '.join(differ)}); "
                         f"what to do: run `{COMMAND}` and commit the file")
    return {"words": table["words"], "pairs": table["pairs"]}
