"""The typo evaluation set (tests/data/typo-eval.yml) scored the one way, for the floor test
(tests/test_checker_typo_eval.py) and scripts/bench_typos.py.

The set was written by someone who had not seen the detector or its data: never edit it,
never put its sentences into data/. A sentence with an error counts as found when a typo
finding (typo-known, typo-near, typo-context) overlaps the error, "fixed" when that finding's
suggestion also holds the correction; any typo finding on a clean sentence is a false alarm.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from checker.engine import check

EVAL = Path(__file__).resolve().parents[1] / "data" / "typo-eval.yml"
HELDOUT = Path(__file__).resolve().parents[1] / "data" / "typo-heldout.yml"  # a second writer's set
HELDOUT3 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-3.yml"  # a third writer's, seen by no developer
HELDOUT4 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-4.yml"  # a fourth writer's, seen by no developer
HELDOUT5 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-5.yml"  # a fifth writer's, seen by no developer
HELDOUT6 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-6.yml"  # a sixth writer's; its paragraphs' alarms read by the lead
HELDOUT7 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-7.yml"  # a seventh writer's; its paragraphs' alarms read by the lead
HELDOUT8 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-8.yml"  # an eighth writer's; its paragraphs' alarms read by the lead
HELDOUT9 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-9.yml"  # a ninth writer's; its paragraphs' alarms read by the lead
HELDOUT10 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-10.yml"  # a tenth writer's, seen by no developer
HELDOUT11 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-11.yml"  # an eleventh writer's, seen by no developer
HELDOUT12 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-12.yml"  # a twelfth writer's, seen by no developer
HELDOUT13 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-13.yml"  # a thirteenth writer's, seen by no developer
HELDOUT14 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-14.yml"  # a fourteenth writer's, seen by no developer
HELDOUT15 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-15.yml"  # a fifteenth writer's, seen by no developer
HELDOUT16 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-16.yml"  # a sixteenth writer's, seen by no developer
HELDOUT17 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-17.yml"  # a seventeenth writer's, seen by no developer
HELDOUT18 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-18.yml"  # an eighteenth writer's, seen by no developer
HELDOUT19 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-19.yml"  # a nineteenth writer's, seen by no developer
HELDOUT20 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-20.yml"  # a twentieth writer's, seen by no developer
HELDOUT21 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-21.yml"  # a twenty-first writer's, seen by no developer
HELDOUT22 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-22.yml"  # a twenty-second writer's, seen by no developer
HELDOUT23 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-23.yml"  # a twenty-third writer's, seen by no developer
HELDOUT24 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-24.yml"  # a twenty-fourth writer's, seen by no developer
HELDOUT25 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-25.yml"  # a twenty-fifth writer's, seen by no developer
HELDOUT26 = Path(__file__).resolve().parents[1] / "data" / "typo-heldout-26.yml"  # a twenty-sixth writer's, seen by no developer
LATER_WRITERS = {"third": HELDOUT3, "fourth": HELDOUT4, "fifth": HELDOUT5, "sixth": HELDOUT6, "seventh": HELDOUT7,
                 "eighth": HELDOUT8, "ninth": HELDOUT9, "tenth": HELDOUT10,
                 "eleventh": HELDOUT11, "twelfth": HELDOUT12, "thirteenth": HELDOUT13,
                 "fourteenth": HELDOUT14, "fifteenth": HELDOUT15,
                 "sixteenth": HELDOUT16, "seventeenth": HELDOUT17,
                 "eighteenth": HELDOUT18, "nineteenth": HELDOUT19, "twentieth": HELDOUT20, "twenty-first": HELDOUT21,
                 "twenty-second": HELDOUT22, "twenty-third": HELDOUT23,
                 "twenty-fourth": HELDOUT24, "twenty-fifth": HELDOUT25,
                 "twenty-sixth": HELDOUT26}  # whole sets, no halves, run by the lead only
# the rules that report a wrong character or word with its correction; usage too (截止 before a date
# is 截至, 台帐 is 台账) and particle-de (的 for 地 or 得): a user meets their findings at the slip like any other
TYPO_RULES = {"typo-known", "typo-near", "typo-context", "typo-pair", "usage", "particle-de"}
KINDS = ("homophone", "lookalike", "missing_doubled_transposed", "formulation")


def load(path: Path = EVAL) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"]


def load_paragraphs(path: Path = HELDOUT) -> list[dict]:
    """The second writer's clean paragraphs (tests/data/typo-heldout.yml)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["paragraphs"]


def half(paragraph: dict) -> str:
    """'dev' for the odd-numbered paragraphs a developer has seen, 'held' for the others."""
    return "dev" if int(paragraph["id"][1:]) % 2 else "held"


def paragraph_alarms(paragraphs: list[dict], data: dict) -> dict:
    """Typo findings on correct paragraphs, by half and severity, with the findings themselves."""
    out = {h: {"chars": 0, "error": 0, "warning": 0} for h in ("dev", "held")}
    findings = []
    for p in paragraphs:
        box = out[half(p)]
        box["chars"] += len(p["text"])
        for f in check(p["text"], data):
            if f.rule in TYPO_RULES:
                box[f.severity] = box.get(f.severity, 0) + 1
                findings.append(f"{p['id']}: {f.rule} {f.severity} [{p['text'][f.start:f.start + f.length]}] -> {f.suggestion}")
    return {**out, "findings": findings}


def per_10k(count: int, chars: int) -> float:
    return round(count * 10_000 / chars, 2) if chars else 0.0


def evaluate(sentences: list[dict], data: dict) -> dict:
    found = dict.fromkeys(KINDS, 0)
    fixed = dict.fromkeys(KINDS, 0)
    total = dict.fromkeys(KINDS, 0)
    missed: dict[str, list[str]] = {k: [] for k in KINDS}
    clean_chars = clean_alarms = stray = 0
    alarms: list[str] = []
    for s in sentences:
        findings = [f for f in check(s["text"], data) if f.rule in TYPO_RULES]
        if s["kind"] == "clean":
            clean_chars += len(s["text"])
            clean_alarms += len(findings)
            alarms += [f"{s['id']}: {f.message}" for f in findings]
            continue
        kind = s["kind"]
        total[kind] += 1
        a = s["text"].index(s["error"])
        b = a + len(s["error"])
        hits = [f for f in findings if f.start < b and a < f.start + max(f.length, 1)]
        stray += len(findings) - len(hits)
        if hits:
            found[kind] += 1
            if any(f.suggestion and (s["correct"] in f.suggestion or f.suggestion in s["correct"]) for f in hits):
                fixed[kind] += 1
        else:
            missed[kind].append(s["id"])
    return {
        "recall": {k: round(found[k] / total[k], 3) if total[k] else None for k in KINDS},
        "found": found, "fixed": fixed, "total": total,
        "recall_all": round(sum(found.values()) / max(1, sum(total.values())), 3),
        "clean_chars": clean_chars, "clean_alarms": clean_alarms,
        "clean_alarms_per_10k": per_10k(clean_alarms, clean_chars),
        "stray_in_error_sentences": stray, "alarms": alarms, "missed": missed,
    }
