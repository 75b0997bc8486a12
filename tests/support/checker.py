"""What the checker tests share: the shared cases, a .docx maker, the command line."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from support import ROOT

CLI = [sys.executable, str(ROOT / "scripts" / "check_report.py")]


def load_cases() -> list[dict]:
    """tests/checker_cases/*.yml: text, optional year, the expected findings."""
    cases = []
    for path in sorted((ROOT / "tests" / "checker_cases").glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            case["file"] = path.name
            cases.append(case)
    return cases


CASES = load_cases()
PLAN_CASES = yaml.safe_load((ROOT / "tests" / "plan_match_cases.yml").read_text(encoding="utf-8"))["cases"]


FAULT_KEYS = ("weak", "wrong", "before", "fault", "bad")  # deliberate fault examples in the data


def strings(value) -> list[str]:
    """The strings of a data record, its deliberate fault examples (keys starting FAULT_KEYS) left out."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() if not str(k).startswith(FAULT_KEYS) for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def summary(findings) -> list[dict]:
    """What a case expects of each finding (Finding objects or the engine's dicts)."""
    keys = ("rule", "severity", "line", "column", "length")
    return [{k: (f[k] if isinstance(f, dict) else getattr(f, k)) for k in keys} for f in findings]


def where(result: dict):
    """What a plan-match case expects of each problem."""
    if result["problems"] is None:
        return None
    return [{"line": p["line"], "matched": p["matched"], "plan_line": p["plan_line"]} for p in result["problems"]]


def make_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> None:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    document.save(path)
