"""The safe fixes of ``--fix``: only changes that cannot alter the meaning.

Traditional -> Simplified (OpenCC t2s, phrase-aware, on the lines where the
checker found Traditional characters), conversion pinyin removed, half-width
punctuation between Chinese made full-width, spaces between Chinese and
digits removed. Everything else is left for the writer to decide.
"""

from __future__ import annotations

from pathlib import Path

from .engine import check, prepare

SAFE_RULES = ("pinyin-debris", "punct-width", "space-digit")


def apply_safe_fixes(text: str, data: dict, year: int | None = None) -> tuple[str, int]:
    """(fixed text, number of changes)."""
    import opencc

    text = prepare(text)
    findings = check(text, data, year)
    edits = sorted(((f.start, f.length, f.suggestion) for f in findings
                    if f.rule in SAFE_RULES and f.suggestion is not None), reverse=True)
    changes = 0
    last = len(text) + 1
    for start, length, replacement in edits:
        if start + length > last:
            continue  # overlapping edit: keep the later one only
        text = text[:start] + replacement + text[start + length:]
        last = start
        changes += 1
    trad_lines = {f.line for f in check(text, data, year) if f.rule == "traditional"}
    if trad_lines:
        t2s = opencc.OpenCC("t2s")
        lines = text.split("\n")
        for n in sorted(trad_lines):
            lines[n - 1] = t2s.convert(lines[n - 1])
            changes += 1
        text = "\n".join(lines)
    return text, changes


def fixed_path(path: Path) -> Path:
    """FILE.fixed.txt next to FILE, never an existing file."""
    candidate = path.with_name(path.name + ".fixed.txt")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.fixed-{n}.txt")
        n += 1
    return candidate
