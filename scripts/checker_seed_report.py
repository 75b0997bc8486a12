#!/usr/bin/env python3
"""Run the report checker on the reference documents and say what it finds and misses.

    python scripts/checker_seed_report.py [--seeds DIR]

DIR defaults to ../shared/seeds next to the project (the documents are not
copied into the project). For each document the script prints the findings
by rule, then checks a list of faults a reader finds in it (written down
here as a rule, a short fragment that locates the fault and what is wrong):
each is 'found' when a finding of that rule covers the fragment. The table
at the end sums up found and missed faults by rule.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from checker.compile import load_compiled
from checker.engine import check, prepare
from macros.sitedata import load_site_data

ROOT = Path(__file__).resolve().parents[1]


# Faults seen by reading each document: (rule the checker should report, a
# fragment of at most a few characters that locates it, what is wrong).
# Fragments are matched after Traditional -> Simplified mapping.
EXPECTED = {
    "000": [
        ("placeholder", "20xx年度上半年", "year left as 20xx"),
        ("placeholder", "《xx区", "unit name left as xx"),
        ("placeholder", "xxx街道", "unit name left as xxx"),
        ("placeholder", "最美xx人", "placeholder inside a quoted award name"),
        ("traditional", "街道意识形态工作", "the whole document is in Traditional characters"),
        ("typo-near", "举任组长", "举任 for 担任 (look-alike, scanning error)"),
        ("punct-width", "形态工作是党的一项极端重要的工作,", "half-width comma between Chinese"),
        ("structure-problems", "街道意识形态工作情况汇报", "no part on problems"),
        ("structure-next", "街道意识形态工作情况汇报", "no part on next steps"),
    ],
    "001": [
        ("web-debris", "发(fā)布时间", "page header: publish time, source, clicks"),
        ("web-debris", "热点文章阅读", "page footer: hot articles"),
        ("pinyin-debris", "(tài)", "pinyin left by a conversion tool"),
        ("traditional", "汇报材料", "Traditional characters"),
        ("placeholder", "**街道", "unit name masked with **"),
        ("placeholder", "十九届*中", "plenum number masked with *"),
        ("placeholder", "***个", "figures masked with ***"),
        ("self-name", "我街道", "three units' reports pasted together: 我街道 / 我乡 / 我镇"),
        ("heading-order", "一、主要做法", "numbering restarts where a second report begins"),
        ("duplicate", "意识形态(tài)工作汇报材料", "the title repeated"),
        ("usage", "台帐", "台帐 for 台账"),
        ("line-break", "17 次,夯", "a sentence broken across two lines"),
        ("space-digit", "履行 2019 年", "spaces between Chinese and digits"),
    ],
    "002": [
        ("web-debris", "登录| 注册", "portal header"),
        ("web-debris", "索引号:", "portal metadata lines"),
        ("web-debris", "成文日期:", "portal metadata lines"),
        ("punct-width", "(一)高度重视", "half-width brackets in headings"),
        ("vague-measure", "(一)强化责任担当", "a next step with no figure, frequency or deadline"),
    ],
    "003": [
        ("web-debris", "时间:2022-11-18", "page timestamp"),
        ("web-debris", "不代表本站观点", "site disclaimer"),
        ("duplicate", "街道社区宣传思想工作要点", "the title repeated"),
        ("placeholder", "以新时代中国特色社会主义思想", "the leader's name removed by the site"),
        ("typo-near", "爱国者主义教育", "an extra character: 爱国者主义 for 爱国主义"),
        ("punct-width", "为指导,全面", "half-width comma between Chinese"),
        ("vague-measure", "(四)抓好理论宣讲工作", "a task with no figure, frequency or deadline (8 of 15 tasks)"),
        ("vague-measure", "(二)探索建立德治理事会", "a task with no figure, frequency or deadline"),
        ("empty-praise", "全方位、多层次组织开展", "stock praise (全方位, 多层次) and no fact"),
    ],
}


def locate(norm: str, fragment: str, trans: dict) -> list[int]:
    """Every position of the fragment (a repeated title is found at its second copy)."""
    needle, out = fragment.translate(trans), []
    at = norm.find(needle)
    while at >= 0:
        out.append(at)
        at = norm.find(needle, at + 1)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    args = parser.parse_args(argv)
    files = sorted(args.seeds.glob("*.txt"))
    if not files:
        print(f"no reference documents in {args.seeds}", file=sys.stderr)
        return 2
    data = load_compiled(ROOT, lambda: load_site_data(ROOT))
    trans = str.maketrans(dict(zip(*data["t2s"])))  # Traditional -> Simplified, char for char
    totals: dict[str, list[int]] = {}
    for path in files:
        text = prepare(path.read_text(encoding="utf-8", errors="replace"))
        norm = text.translate(trans)
        findings = check(text, data)
        print(f"\n## {path.name} ({len(text)} characters, {len(findings)} findings)")
        by_rule = Counter(f.rule for f in findings)
        print("   found by rule: " + ", ".join(f"{r} {n}" for r, n in sorted(by_rule.items())))
        for rule, fragment, what in EXPECTED.get(path.name[:3], []):
            places = locate(norm, fragment, trans)
            hit = any(
                f.rule == rule and f.start <= at + len(fragment) - 1
                and at <= f.start + max(f.length, 1) - 1 for f in findings for at in places)
            totals.setdefault(rule, [0, 0])[0 if hit else 1] += 1
            mark = "found " if hit else "MISSED"
            print(f"   {mark} {rule:18} {what}" + ("" if places else " (fragment not in the document)"))
    print("\n| rule | expected | found | missed |")
    print("|---|---|---|---|")
    for rule in sorted(totals):
        found, missed = totals[rule]
        print(f"| {rule} | {found + missed} | {found} | {missed} |")
    found = sum(v[0] for v in totals.values())
    missed = sum(v[1] for v in totals.values())
    print(f"| all | {found + missed} | {found} | {missed} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
