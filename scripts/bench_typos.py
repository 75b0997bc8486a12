#!/usr/bin/env python3
"""How well 报告体检 finds typos, and how often it cries wolf.

    python scripts/bench_typos.py [--eval tests/data/typo-eval.yml] [--runs 20] [--json] [--set KEY=VALUE ...]

Figures, all from the one engine (checker/engine.js in V8):

- recall per kind of the evaluation set (tests/data/typo-eval.yml: sentences with one error,
  kinds homophone, lookalike, missing_doubled_transposed, formulation): a sentence counts as
  found when a typo finding (typo-known, typo-near, typo-context, typo-pair) overlaps its error; "fixed"
  when that finding's suggestion also holds the correction;
- false alarms per 10,000 characters: typo findings on the set's clean sentences (and, apart,
  typo findings away from the error in its error sentences); on ../shared/seeds/002_* (a
  published report, whose half-width commas are real findings, counted apart); on the
  guide's own samples, templates and pages (the pages' prose as checker/register.py ``prose`` reads
  it: no front matter, code, fault examples, macros, HTML tags or links' addresses; a link's text
  apart from the words around it, as in the Markdown source);
- the time of one check of 10,000 characters after the data is loaded (median of --runs,
  wall and CPU time of this process) and the load itself;
- typo findings per 10,000 characters on each of ../shared/seeds/0*.txt (000 and 001 are
  Traditional-script copies with conversion artefacts and lines broken mid-word, 002 and 003
  Simplified);
- the size of the context rule's data (downloads/checker-typo-data.js), of its word-pair
  evidence (downloads/checker-pair-data.js) and of its language model (downloads/checker-lm-data.js)
  raw and gzipped;
- a second writer's set (tests/data/typo-heldout.yml): typo findings on its correct paragraphs per
  10,000 characters by severity, apart for the half a developer has seen and the held-out half, and
  recall per kind on its error sentences;
- with --documents: the sets of whole draft reports (tests/data/doc-heldout-N.yml: recall by kind on the
  drafts, typo findings on the drafts corrected), every later writer's set read as documents (each error
  sentence inside about 3,000 characters of its writer's correct paragraphs) and the correct corpora
  (tests/data/clean-*.yml) as documents of that length: what a whole report shows and a sentence checked
  alone does not (the text's own words, ownWord);
- a third to a sixth writer's sets (tests/data/typo-heldout-3.yml to -6.yml), which no developer
  has seen (of the sixth, the lead read the findings on its correct paragraphs after its first run):
  the same, each set's paragraphs counted together.

``--set threshold_short=12 --set penalty.shape=3`` measures the context rule with its settings
(data/checker/context.yml, those the engine reads) changed in memory only, to draw the curve of
recall against false alarms before a setting is written into the data.

The checker package and data are the ones Python imports: run it with PYTHONPATH pointing at
another checkout (e.g. the main branch) to measure that one's engine on the same set.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

import yaml

import checker
from checker.compile import CONTEXT_KEYS, load_compiled, to_json
from checker.engine import check
from checker.register import prose
from macros.sitedata import load_site_data

ROOT = Path(checker.__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE / "tests"))  # the scoring the floor test uses (tests/support/typo_eval.py)
from support.checker import strings  # noqa: E402  (the guide's prose, as the guide-text tests read it)
from support.typo_eval import (  # noqa: E402
    DATA,
    DOCUMENT_SETS,
    HELDOUT,
    KINDS,
    LATER_WRITERS,
    TYPO_RULES,
    document_alarms,
    evaluate,
    in_documents,
    load,
    load_paragraphs,
    paragraph_alarms,
    per_10k,
    whole_documents,
)

SEEDS = HERE.parent / "shared" / "seeds"


def guide_texts() -> dict[str, str]:
    texts = {}
    for folder in ("samples", "templates", "terms", "checklists", "events", "timeline"):
        for path in sorted((ROOT / "data" / folder).glob("*.yml")):
            record = yaml.safe_load(path.read_text(encoding="utf-8"))
            texts[f"{folder}/{path.name}"] = "\n".join(s for s in strings(record) if not s.isascii())
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = prose(path.read_text(encoding="utf-8"), links_apart=True)
        # what prose blanks (code, addresses) counts as no characters: each line's spaces squeezed
        texts[str(path.relative_to(ROOT))] = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    return texts


def alarms_on(texts: dict[str, str], data: dict) -> dict:
    chars = sum(len(t) for t in texts.values())
    typo, width, listed = 0, 0, []
    for name, text in texts.items():
        for f in check(text, data):
            if f.rule in TYPO_RULES:
                typo += 1
                listed.append(f"{name}:{f.line}: {f.message}")
            elif f.rule == "punct-width":
                width += 1
    return {"chars": chars, "typo_findings": typo, "typo_per_10k": per_10k(typo, chars),
            "punct_width_findings": width, "findings": listed}


def with_settings(data: dict, pairs: list[str]) -> dict:
    """A copy of ``data`` whose context rule reads ``pairs`` ("threshold_short=12",
    "penalty.shape=3": integer settings the engine reads) instead of the compiled ones."""
    if not pairs:
        return data
    typo = dict(data["typo"])
    typo["penalty"] = dict(typo["penalty"])
    for pair in pairs:
        key, _, value = pair.partition("=")
        knob, _, kind = key.partition(".")
        where = typo["penalty"] if knob == "penalty" else typo
        name = kind if knob == "penalty" else knob
        if knob not in CONTEXT_KEYS or name not in where or not isinstance(where[name], int) or not value.lstrip("-").isdigit():
            knobs = sorted(k for k in CONTEXT_KEYS if isinstance(typo[k], int)) + [f"penalty.{k}" for k in typo["penalty"]]
            raise SystemExit(f"--set {pair}: not an integer setting of the context rule. "
                             f"What to do: use KEY=INTEGER with KEY one of {', '.join(knobs)}")
        where[name] = int(value)
    return {**data, "typo": typo}


def speed(data: dict, text: str, runs: int) -> dict:
    check("预热。", data)
    walls, cpus = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        check(text, data)
        walls.append((time.perf_counter() - w) * 1000)
        cpus.append((time.process_time() - c) * 1000)
    return {"chars": len(text), "wall_ms": round(statistics.median(walls), 1), "cpu_ms": round(statistics.median(cpus), 1)}


def print_later_writers(out: dict) -> None:
    """The writers no developer has seen: findings on their correct paragraphs, recall per kind."""
    for writer in LATER_WRITERS:
        g = out[writer]["paragraphs"]
        print(f"  {writer} writer's correct paragraphs: {g['error']} errors and {g['warning']} warnings in {g['chars']} chars"
              f" = {per_10k(g['error'], g['chars'])} and {per_10k(g['warning'], g['chars'])} per 10,000")
        print(f"  {writer} writer's error sentences: " + ", ".join(
            f"{kind} {out[writer]['sentences']['found'][kind]}/{out[writer]['sentences']['total'][kind]}" for kind in KINDS))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", default=str(HERE / "tests" / "data" / "typo-eval.yml"))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--list", action="store_true", help="also list the misses and the false alarms")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="measure with a setting of the context rule changed in memory (threshold_short=12, penalty.shape=3)")
    parser.add_argument("--alarms", action="store_true",
                        help="also list the false alarms on the seed and the guide (not the set's misses or sentences)")
    parser.add_argument("--documents", action="store_true",
                        help="also read the draft reports, the later writers' sets and the correct corpora as whole documents")
    args = parser.parse_args()

    t0 = time.perf_counter()
    data = with_settings(load_compiled(ROOT, lambda: load_site_data(ROOT)), args.set)
    compiled = time.perf_counter() - t0
    t0 = time.perf_counter()
    check("加载。", data)  # V8 context, engine, data and the context rule's tables
    loaded = time.perf_counter() - t0
    sentences = yaml.safe_load(Path(args.eval).read_text(encoding="utf-8"))["sentences"]
    out: dict = {"engine": str(ROOT), "load_s": {"compiled_data": round(compiled, 2), "first_check": round(loaded, 2)}}
    out["eval"] = evaluate(sentences, data)
    seeds = {path.name[:3]: alarms_on({path.name: path.read_text(encoding="utf-8")}, data)
             for path in sorted(SEEDS.glob("0*.txt"))}
    if "002" in seeds:  # the published report the issue measures false alarms on
        out["seed_002"] = seeds["002"]
    out["seeds"] = seeds
    out["guide"] = alarms_on(guide_texts(), data)
    out["heldout"] = {"paragraphs": paragraph_alarms(load_paragraphs(), data), "sentences": evaluate(load(HELDOUT), data)}
    for writer, path in LATER_WRITERS.items():  # one writer each, no halves: both counted together
        alarms = paragraph_alarms(load_paragraphs(path), data)
        out[writer] = {"paragraphs": {k: sum(alarms[h][k] for h in ("dev", "held")) for k in ("chars", "error", "warning")},
                       "sentences": evaluate(load(path), data)}
    clean = "\n".join(s["text"] for s in sentences if s["kind"] == "clean")
    text = clean
    while len(text) < 10_000:
        text += "\n" + clean
    out["speed_10k"] = speed(data, text[:10_000], args.runs)
    for key, name in (("typo", "typo_data_bytes"), ("pairs", "pair_data_bytes"), ("lm", "lm_data_bytes")):
        if key in data:
            raw = to_json(data[key]).encode("utf-8")
            out[name] = {"raw": len(raw), "gzip": len(gzip.compress(raw, 9))}
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    ev = out["eval"]
    print(f"engine: {out['engine']}  (load: {out['load_s']})" + (f"  settings: {' '.join(args.set)}" if args.set else ""))
    for kind in KINDS:
        print(f"  {kind:28s} found {ev['found'][kind]:3d}/{ev['total'][kind]:3d} = {ev['recall'][kind]:.0%}"
              f"  (right correction {ev['fixed'][kind]})")
    print(f"  all errors: {ev['recall_all']:.0%}")
    print(f"  clean sentences: {ev['clean_alarms']} false alarms in {ev['clean_chars']} chars"
          f" = {ev['clean_alarms_per_10k']} per 10,000; stray findings in error sentences: {ev['stray_in_error_sentences']}")
    for name in ("seed_002", "guide"):
        if name in out:
            g = out[name]
            print(f"  {name}: {g['typo_findings']} typo findings in {g['chars']} chars = {g['typo_per_10k']} per 10,000"
                  f" (punct-width findings apart: {g['punct_width_findings']})")
    if out["seeds"]:
        print("  typo findings per 10,000 chars in each seed: " + ", ".join(
            f"{name} {g['typo_findings']}/{g['chars']} = {g['typo_per_10k']}" for name, g in out["seeds"].items()))
    ho = out["heldout"]
    for name in ("dev", "held"):
        g = ho["paragraphs"][name]
        print(f"  second writer's correct paragraphs, {name} half: {g['error']} errors and {g['warning']} warnings in {g['chars']} chars"
              f" = {per_10k(g['error'], g['chars'])} and {per_10k(g['warning'], g['chars'])} per 10,000")
    print("  second writer's error sentences: " + ", ".join(
        f"{kind} {ho['sentences']['found'][kind]}/{ho['sentences']['total'][kind]}" for kind in KINDS))
    print_later_writers(out)
    sp = out["speed_10k"]
    print(f"  one check of {sp['chars']} chars after load: {sp['wall_ms']} ms wall, {sp['cpu_ms']} ms CPU")
    print_rest(out, args, data)
    return 0


def print_rest(out: dict, args, data: dict) -> None:
    print_sizes(out)
    print_lists(out, args)
    if args.documents:
        print_documents(data)


def print_documents(data: dict) -> None:
    """Recall and false alarms where the text is a whole document (--documents)."""
    for path in DOCUMENT_SETS:
        r = whole_documents(path, data)
        print(f"  {path.name}: found {sum(r['found'].values())}/{sum(r['total'].values())} (" + ", ".join(
            f"{k} {r['found'][k]}/{r['total'][k]}" for k in sorted(r["total"])) + f"); corrected: {r['error']} errors,"
            f" {r['warning']} warnings in {r['chars']} chars")
    found, total, alarms, chars = dict.fromkeys(KINDS, 0), dict.fromkeys(KINDS, 0), 0, 0
    for path in LATER_WRITERS.values():
        r = in_documents(path, data)
        for k in KINDS:
            found[k] += r["found"][k]
            total[k] += r["total"][k]
        alarms += r["error"] + r["warning"]
        chars += r["chars"]
    print("  later writers' sets as documents: " + ", ".join(f"{k} {found[k]}/{total[k]}" for k in KINDS) +
          f"; {alarms} typo findings on their paragraphs ({chars} chars)")
    alarms = chars = 0
    for path in sorted(DATA.glob("clean-*.yml")):
        r = document_alarms([p["text"] for p in load_paragraphs(path)], data)
        alarms += r["error"] + r["warning"]
        chars += r["chars"]
    print(f"  correct corpora as documents: {alarms} typo findings in {chars} chars = {per_10k(alarms, chars)} per 10,000")


def print_sizes(out: dict) -> None:
    """The context rule's three data files, raw and gzipped."""
    for name, file in (("typo_data_bytes", "checker-typo-data"), ("pair_data_bytes", "checker-pair-data"),
                       ("lm_data_bytes", "checker-lm-data")):
        if name in out:
            print(f"  {file}: {out[name]['raw']} bytes, {out[name]['gzip']} gzipped")


def print_lists(out: dict, args) -> None:
    """--list: the set's misses and every false alarm; --alarms: the seed's and the guide's only."""
    ev = out["eval"]
    if args.list:
        for kind, ids in ev["missed"].items():
            print(f"missed {kind}: {' '.join(ids)}")
    if args.list or args.alarms:
        for line in ((ev["alarms"] if args.list else []) + [f for g in out["seeds"].values() for f in g["findings"]]
                     + out["guide"]["findings"] + (out["heldout"]["paragraphs"]["findings"] if args.list else [])):
            print("alarm:", line)


if __name__ == "__main__":
    sys.exit(main())
