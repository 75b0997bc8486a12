"""年份标志: the year table is made from the data the checker reads (data/timeline, data/terms)."""

from __future__ import annotations

from checker.engine import check
from macros.render.year_marks import NOT_RECORDED, NOT_YET, render_year_marks, year_row

TIMELINE = [
    {"kind": "plan", "name": "“十五五”规划时期", "match": ["十五五"], "base_year": 2026},
    {"kind": "anniversary", "name": "中国人民解放军建军", "match": ["建军"], "base_year": 1927},
    {"kind": "anniversary", "name": "中国共产党成立", "match": ["建党"], "base_year": 1921},
    {"kind": "meeting", "name": "党的二十届四中全会", "match": ["二十届四中全会"], "start": "2025-10-20"},
    {"kind": "campaign", "name": "某学习教育", "match": ["某学习教育"], "start": "2026-02-24"},
]


def test_a_year_row_has_its_plan_year_round_anniversaries_meetings_and_campaigns():
    assert year_row(TIMELINE, [], 2026) == {
        "year": 2026, "meetings": [], "campaigns": ["某学习教育（2月起）"], "formulations": [],
        "marks": ["“十五五”开局之年", "中国共产党成立105周年"]}
    row = year_row(TIMELINE, [{"name": "“十五五”", "since": 2025}], 2025)
    assert row["meetings"] == ["党的二十届四中全会（10月）"] and row["formulations"] == ["“十五五”"]
    assert row["marks"] == []  # 104 and 98 years are not round; 2025 is before the period
    assert year_row(TIMELINE, [], 2027)["marks"] == ["“十五五”时期第二年", "中国人民解放军建军100周年"]
    assert year_row(TIMELINE, [], 2030)["marks"][0] == "“十五五”收官之年"


def test_empty_cells_say_what_is_not_known():
    rows = [year_row(TIMELINE, [], y) for y in (2025, 2026, 2027)]
    table = render_year_marks(rows, last_known="2026-11").splitlines()
    assert table[2].startswith("| 2025 | 党的二十届四中全会（10月） | — |")
    # the basis year: a dated statement and what to check, not a hole
    assert table[3].startswith("| 2026 | 截至2026年11月未收录2026年召开的中央全会；如已召开，以正式公报为准 | "
                               "某学习教育（2月起） | 截至2026年11月未收录2026年新提出的提法")
    assert table[4].startswith(f"| 2027 | 2026年11月以后召开的会议未收录，以正式公报为准 | {NOT_YET} | "
                               "2026年11月以后提出的提法未收录，以中央文件原文为准 |")
    assert NOT_RECORDED not in table[3]
    # a bare year still works (no month known)
    assert "截至2026年本指南依据日期未收录" in render_year_marks(rows, last_known=2026)


def test_pages_show_the_table_and_the_checker_agrees_with_it(built_site, data):
    tables = {}
    for page in ("writing/common-faults.html", "tasks/annual-plan.html"):
        table = next(t for t in built_site.article(page).select("table") if "年份标志" in t.get_text())
        tables[page] = {tr.select("td")[0].get_text(): [td.get_text() for td in tr.select("td")]
                        for tr in table.select("tbody tr")}
    assert sorted(tables["writing/common-faults.html"]) == [str(y) for y in range(2023, 2028)]
    assert sorted(tables["tasks/annual-plan.html"]) == ["2026", "2027"]
    for year, cells in tables["writing/common-faults.html"].items():
        for mark in cells[4].split("；"):
            if mark.endswith(("开局之年", "收官之年", "周年")):
                sentence = f"{year}年是{mark}。"
                assert not check(sentence, data, int(year)), sentence  # the checker accepts the page's markers
    assert "中国人民解放军建军100周年" in tables["tasks/annual-plan.html"]["2027"][4]
    assert "“十五五”开局之年" in tables["tasks/annual-plan.html"]["2026"][4]
    assert "党的二十届四中全会（10月）" in tables["writing/common-faults.html"]["2025"][1]
    assert tables["tasks/annual-plan.html"]["2026"][1].startswith("截至2026年11月未收录2026年召开的中央全会")
