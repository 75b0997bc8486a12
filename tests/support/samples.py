"""The annotated samples' data (data/samples/<id>.yml) read as text, and figures found in it."""

from __future__ import annotations

import re

import yaml

from support import ROOT

SAMPLES = ("half-year-report", "annual-report", "work-plan",
           "responsibility-self-inspection-report", "situation-analysis", "rectification-report")


def record(sample_id: str) -> dict:
    return yaml.safe_load((ROOT / "data" / "samples" / f"{sample_id}.yml").read_text(encoding="utf-8"))


def body(sample_id: str) -> str:
    """The document text of a sample (headings, paragraphs, table rows with cells joined by |), notes left out."""
    parts = []
    for block in record(sample_id)["blocks"]:
        parts += [block[key] for key in ("h1", "h2", "h3", "h4", "p") if key in block]
        if "table" in block:
            parts += ["|".join(row) for row in block["table"]["rows"]]
    return "\n".join(parts)


def figure(text: str, pattern: str) -> int:
    """The number captured by ``pattern``'s group in ``text`` (first match); fails when absent."""
    found = re.search(pattern, text)
    assert found, f"figure not found: {pattern}"
    return int(found.group(1))


def parts(text: str, pattern: str, unit: str) -> list[int]:
    """Numbers followed by ``unit`` in the clause captured by ``pattern``'s group."""
    found = re.search(pattern, text)
    assert found, f"clause not found: {pattern}"
    return [int(n) for n in re.findall(rf"(\d+){unit}", found.group(1))]


def percent(text: str, pattern: str) -> float:
    found = re.search(pattern, text)
    assert found, f"percentage not found: {pattern}"
    return float(found.group(1))
