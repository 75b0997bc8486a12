#!/usr/bin/env python3
"""How well 报告体检 finds 的 written for 地 or 得 (rule particle-de), and how often it cries wolf.

    python scripts/bench_particles.py [--dev tests/data/particle-dev.yml] [--list] [--json]

Figures, all from the one engine (checker/engine.js in V8):

- the development set (tests/data/particle-dev.yml): per kind (de-di, de-de, de-word) how many of
  its error sentences a particle-de finding overlaps ("found") and how many of those the
  finding's suggestion corrects ("fixed"); particle findings on its clean sentences (false
  alarms, per 10,000 characters) and away from the error in its error sentences;
- particle findings on the guide's own pages, samples and templates (as scripts/bench_typos.py
  gathers them, the fault examples left out) and its changelog (data/changelog), and on each of
  ../shared/seeds/*.txt, per 10,000 characters;
- particle findings on the correct text of each typo set in tests/data (the clean sentences and
  the correct paragraphs): counts only, never the text (some of those sets no developer may read).

``--list`` prints the findings on the development set, the guide and the seeds (never on the typo sets).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE / "scripts"))
sys.path.insert(0, str(HERE / "tests"))
from bench_typos import SEEDS, guide_texts  # noqa: E402
from checker.compile import load_compiled  # noqa: E402
from checker.engine import check  # noqa: E402
from macros.sitedata import load_site_data  # noqa: E402
from support.checker import strings  # noqa: E402
from support.typo_eval import per_10k  # noqa: E402

RULE = "particle-de"
DEV = HERE / "tests" / "data" / "particle-dev.yml"
KINDS = ("de-di", "de-de", "de-word")


def particle_findings(text: str, data: dict) -> list:
    return [f for f in check(text, data) if f.rule == RULE]


def corrected(text: str, f) -> str:
    return text[:f.start] + (f.suggestion or "") + text[f.start + f.length:]


def evaluate(sentences: list[dict], data: dict) -> dict:
    total = dict.fromkeys(KINDS, 0)
    found = dict.fromkeys(KINDS, 0)
    fixed = dict.fromkeys(KINDS, 0)
    missed: list[str] = []
    alarms: list[str] = []
    clean_chars = clean_alarms = stray = 0
    for s in sentences:
        findings = particle_findings(s["text"], data)
        if s["kind"] == "clean":
            clean_chars += len(s["text"])
            clean_alarms += len(findings)
            alarms += [f"{s['id']}: {f.message}" for f in findings]
            continue
        total[s["kind"]] += 1
        a = s["text"].index(s["error"])
        b = a + len(s["error"])
        hits = [f for f in findings if f.start < b and a < f.start + f.length]
        stray += len(findings) - len(hits)
        alarms += [f"{s['id']} (away from its error): {f.message}" for f in findings if f not in hits]
        if hits:
            found[s["kind"]] += 1
            want = s["text"][:a] + s["correct"] + s["text"][b:]
            if any(corrected(s["text"], f) == want for f in hits):
                fixed[s["kind"]] += 1
        else:
            missed.append(f"{s['id']}: {s['text']}")
    errors = sum(total.values())
    return {"total": total, "found": found, "fixed": fixed,
            "recall": round(sum(found.values()) / errors, 3) if errors else None,
            "clean_sentences": sum(1 for s in sentences if s["kind"] == "clean"), "clean_chars": clean_chars,
            "clean_alarms": clean_alarms, "clean_alarms_per_10k": per_10k(clean_alarms, clean_chars),
            "stray_in_error_sentences": stray, "alarms": alarms, "missed": missed}


def on_texts(texts: dict[str, str], data: dict) -> dict:
    chars = sum(len(t) for t in texts.values())
    listed = [f"{name}:{f.line}: {f.message} [{f.excerpt}]" for name, text in texts.items()
              for f in particle_findings(text, data)]
    return {"chars": chars, "findings": len(listed), "per_10k": per_10k(len(listed), chars), "listed": listed}


def guide_and_changelog() -> dict[str, str]:
    """The guide's text as scripts/bench_typos.py reads it, and the changelog's entries."""
    texts = guide_texts()
    for path in sorted((HERE / "data" / "changelog").glob("*.yml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts[f"changelog/{path.name}"] = "\n".join(s for s in strings(record) if not s.isascii())
    return texts


def typo_set_texts(path: Path) -> list[str]:
    """The correct text of a typo set: its clean sentences and its paragraphs (never printed)."""
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts = [s["text"] for s in record.get("sentences", []) if s.get("kind") == "clean"]
    return texts + [p["text"] for p in record.get("paragraphs", [])]


def typo_sets(data: dict) -> dict:
    out = {}
    for path in sorted((HERE / "tests" / "data").glob("typo-*.yml")):
        texts = typo_set_texts(path)
        chars = sum(len(t) for t in texts)
        count = sum(len(particle_findings(t, data)) for t in texts)
        out[path.name] = {"chars": chars, "findings": count, "per_10k": per_10k(count, chars)}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", default=str(DEV))
    parser.add_argument("--list", action="store_true", help="print the findings (development set, guide, seeds)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    data = load_compiled(HERE, lambda: load_site_data(HERE))
    dev = evaluate(yaml.safe_load(Path(args.dev).read_text(encoding="utf-8"))["sentences"], data)
    guide = on_texts(guide_and_changelog(), data)
    seeds = {p.name: on_texts({p.name: p.read_text(encoding="utf-8")}, data) for p in sorted(SEEDS.glob("*.txt"))}
    sets = typo_sets(data)
    if args.json:
        print(json.dumps({"dev": dev, "guide": guide, "seeds": seeds, "typo_sets": sets}, ensure_ascii=False, indent=1))
        return 0
    print("development set (" + Path(args.dev).name + "):")
    for kind in KINDS:
        print(f"  {kind}: found {dev['found'][kind]}/{dev['total'][kind]}, fixed {dev['fixed'][kind]}")
    print(f"  recall {dev['recall']}; clean sentences: {dev['clean_alarms']} findings in {dev['clean_sentences']} "
          f"({dev['clean_chars']} chars, {dev['clean_alarms_per_10k']} per 10,000); "
          f"{dev['stray_in_error_sentences']} away from the error in the error sentences")
    print(f"guide pages, samples, templates, changelog: {guide['findings']} findings in {guide['chars']} chars = {guide['per_10k']} per 10,000")
    for name, s in seeds.items():
        print(f"seed {name}: {s['findings']} findings in {s['chars']} chars = {s['per_10k']} per 10,000")
    for name, s in sets.items():
        print(f"typo set {name} (correct text only): {s['findings']} findings in {s['chars']} chars = {s['per_10k']} per 10,000")
    if args.list:
        for line in dev["alarms"]:
            print("  alarm", line)
        for line in dev["missed"]:
            print("  missed", line)
        for line in guide["listed"]:
            print("  guide", line)
        for s in seeds.values():
            for line in s["listed"]:
                print("  seed", line)
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # mini-racer may hang at exit
