"""Twelve whole documents two independent writers wrote correct (tests/data/clean-reports/, 2026-12-06:
r1-r6 a 情况汇报, a 总结, a 工作要点, a 自查报告, a 述职 and a 简报; r7-r12 a 中心组学习计划, a 研判报告, a
舆情工作总结, a 宣讲稿, a 通知 and a 总结 looking back on earlier years; fictional units) checked as a
user checks a draft (the year read from the title): no error, and no more warnings than measured when
they were written into the tests."""

from pathlib import Path

import pytest

from checker.engine import check

REPORTS = sorted((Path(__file__).resolve().parent / "data" / "clean-reports").glob("*.txt"))
# measured 2026-12-06: 网格意识形态 (a near miss by a rare reading, a warning) in r5; 谋深谋实 and 述学评学
# (a context typo warning each, 3) in r7, since 述学 and 评学 are words (context.yml words) 谋深谋实 alone; 保育教育费免了 (a swap) in r10. Before the causes were fixed:
# r1-r6 1 error and 15 warnings, r7-r12 19 warnings (checker/EVALUATION.md, "Whole reports")
MOST_WARNINGS = {"r5.txt": 1, "r7.txt": 1, "r10.txt": 1}


def test_twelve_reports_are_there():
    assert sorted(p.name for p in REPORTS) == sorted(f"r{k}.txt" for k in range(1, 13))


@pytest.mark.parametrize("path", REPORTS, ids=[p.name for p in REPORTS])
def test_a_correct_report_raises_no_error_and_few_warnings(path, data):
    findings = check(path.read_text(encoding="utf-8"), data)
    shown = [f"{f.rule} {f.severity}: {f.message}" for f in findings if f.severity != "info"]
    assert not [f for f in findings if f.severity == "error"], shown
    assert len([f for f in findings if f.severity == "warning"]) <= MOST_WARNINGS.get(path.name, 0), shown
