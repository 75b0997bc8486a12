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
TYPO_RULES = {"typo-known", "typo-near", "typo-context", "typo-pair"}
KINDS = ("homophone", "lookalike", "missing_doubled_transposed", "formulation")


def load(path: Path = EVAL) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"]


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
