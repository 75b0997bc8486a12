"""Six whole reports an independent writer wrote correct (tests/data/clean-reports/, 2026-12-06: a
情况汇报, a 总结, a 工作要点, a 自查报告, a 述职 and a 简报, fictional units) checked as a user checks a
draft: no error, and no more warnings than measured when they were written into the tests."""

from pathlib import Path

import pytest

from checker.engine import check

REPORTS = sorted((Path(__file__).resolve().parent / "data" / "clean-reports").glob("*.txt"))
# measured 2026-12-06: 织密 (a context typo warning) in r4, 网格意识形态 (a near miss, a warning) in r5;
# 1 error and 15 warnings before the causes were fixed (CONTRIBUTING, "Six whole reports")
MOST_WARNINGS = {"r4.txt": 1, "r5.txt": 1}


def test_six_reports_are_there():
    assert [p.name for p in REPORTS] == [f"r{k}.txt" for k in range(1, 7)]


@pytest.mark.parametrize("path", REPORTS, ids=[p.name for p in REPORTS])
def test_a_correct_report_raises_no_error_and_few_warnings(path, data):
    findings = check(path.read_text(encoding="utf-8"), data, 2026)
    shown = [f"{f.rule} {f.severity}: {f.message}" for f in findings if f.severity != "info"]
    assert not [f for f in findings if f.severity == "error"], shown
    assert len([f for f in findings if f.severity == "warning"]) <= MOST_WARNINGS.get(path.name, 0), shown
