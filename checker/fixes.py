"""The safe fixes of ``--fix``: only changes that cannot alter the meaning.

Which they are is data (a ``fix`` on the rule in data/checker/rules.yml: Traditional ->
Simplified, conversion pinyin removed, half-width punctuation between Chinese made
full-width, spaces between Chinese and digits removed, a listed typo with its one right
form), and how they are made is the engine's (GuideChecker.safeEdits in checker/engine.js),
the same edits the 报告体检 page offers and the 批注版 makes as tracked changes.
"""

from __future__ import annotations

from pathlib import Path

from .engine import safe_fix


def apply_safe_fixes(text: str, data: dict, year: int | None = None,
                     words: list[str] | None = None) -> tuple[str, int]:
    """(fixed text, number of changes); ``words``: the user's own words, which no typo fix touches."""
    return safe_fix(text, data, year, words)


def fixed_path(path: Path) -> Path:
    """FILE.fixed.txt next to FILE, never an existing file."""
    candidate = path.with_name(path.name + ".fixed.txt")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.fixed-{n}.txt")
        n += 1
    return candidate
