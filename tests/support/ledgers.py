"""Ledgers as staff keep them, for the 台账对数 tests (engine, command line, browser): messy
workbooks written by openpyxl, the figures they must give, and a draft with planted errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook


def serial(day: dt.date) -> int:
    return (day - dt.date(1899, 12, 30)).days


def messy_study(ws) -> None:
    """Title rows, a two-row header with merged cells, an example row, an empty row, a hand-added
    row, dates as text, a serial number and a real date, a bad date, a row outside the half-year,
    a word where a number belongs, a total row."""
    ws.title = "2026年学习记录"
    ws.append(["示例街道党工委理论学习中心组学习记录（2026年）"])
    ws.merge_cells("A1:K1")
    ws.append(["填报单位：宣传办"])
    ws.append(["序号", "学习\n日期", "学习主题", "学习内容", "学习形式", "主持人", "参加人数", None, "研讨发言",
               "是否列入第一议题", "备注"])
    ws.append([None] * 6 + ["应到人数", "实到人数"])
    ws.merge_cells("G3:H3")
    for col in "ABCDEFIJK":
        ws.merge_cells(f"{col}3:{col}4")
    rows = [
        ["示例：1", "2026年1月23日", "示例主题", "示例", "专题研讨", "党工委书记", 9, 9, "", "是", ""],   # row 5
        [1, "2026.1.23", "四中全会精神", "建议", "专题研讨", "党工委书记", 9, 9, "4人发言", "是", ""],   # row 6
        [],                                                                                              # row 7
        [2, "2026/3/13", "两会精神", "报告", "集体学习", "党工委书记", 9, 9, "", "是", ""],               # row 8
        ["2-1", "3月20日", "补充学习", "讲话", "专题研讨", "党工委副书记", 9, "九", "", "否", "后补的一行"],  # row 9
        [3, serial(dt.date(2026, 4, 24)), "政绩观", "材料", "专题研讨", "党工委书记", 9, 8, "", "是", ""],  # row 10
        [4, dt.datetime(2026, 5, 22), "责任制", "办法", "集体学习", "党工委书记", 9, 9, "", "是", ""],     # row 11
        [5, "五月底", "基层治理", "文件", "集体学习", "党工委书记", 9, 9, "", "是", ""],                  # row 12
        [6, "2026年7月3日", "下半年", "文件", "专题研讨", "党工委书记", 9, 9, "", "是", ""],              # row 13
        ["合计", None, None, None, None, None, 54, 52],                                                  # row 14
    ]
    for row in rows:
        ws.append(row)
    ws["B11"].number_format = "yyyy-mm-dd"


def messy_talks(ws) -> None:
    """Headers as staff rename them (宣讲地点, 听众人数, a line break), numbers with 人, an empty number."""
    ws.title = "宣讲"
    ws.append(["2026年基层宣讲登记"])
    ws.append(["序号", "宣讲日期", "宣讲主题", "宣讲形式", "宣讲对象", "宣讲地点", "宣讲人", "听众人数",
               "收集意见建议\n（条）", "记录存放"])
    for row in [
        [1, "2026-2-5", "全会精神", "微宣讲", "社区居民", "幸福里社区", "宣讲队成员", 60, 2, ""],          # row 3
        [2, "2026.03.15", "身边变化", "家门口微宣讲", "社区居民", "南湖社区", "社区老党员", "45人", 1, ""],  # row 4
        [],                                                                                                # row 5
        [3, serial(dt.date(2026, 4, 10)), "政策", "专题宣讲", "新就业群体", "暖心驿站", "宣讲队成员", 30, 0, ""],  # 6
        [4, "6月2日", "国家安全", "微宣讲", "青少年学生", "示例区实验小学", "宣讲队成员", 80, 3, ""],         # row 7
        [5, "2026年6月30日", "民法典", "家门口微宣讲", "社区居民", "东风路社区", "退休教师", 50, None, ""],   # row 8
    ]:
        ws.append(row)


def write_messy(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    messy_study(wb.active)
    extra = wb.create_sheet("汇总")
    extra.append(["项目", "数量"])
    extra.append(["学习", 6])
    study = folder / "study.xlsx"
    wb.save(study)
    wb = Workbook()
    messy_talks(wb.active)
    later = wb.create_sheet("宣讲（下半年）")  # a second sheet of the same ledger, starting at B3
    later["B3"], later["C3"], later["E3"], later["F3"], later["G3"], later["I3"] = (
        "序号", "宣讲日期", "宣讲形式", "宣讲对象", "所在社区或场所", "听众人次")
    later["B5"], later["C5"], later["E5"], later["F5"], later["G5"], later["I5"] = (
        6, "2026年7月8日", "微宣讲", "社区居民", "桂香社区", 40)
    talks = folder / "talks.xlsx"
    wb.save(talks)
    return [study, talks]


EXPECTED_H1 = {"ledger-study/sessions": 5, "ledger-study/discussions": 3, "ledger-study/attendance": 35,
               "ledger-talks/talks": 5, "ledger-talks/doorstep": 2, "ledger-talks/new-groups": 1,
               "ledger-talks/audience": 265, "ledger-talks/comments": 6}
ROWS_H1 = {"ledger-study/sessions": [6, 8, 9, 10, 11], "ledger-study/discussions": [6, 9, 10]}
WARNED_CELLS = {("2026年学习记录", "B12"), ("2026年学习记录", "H9"), ("宣讲", "I8"), ("宣讲（下半年）", None)}
# three wrong figures (7, 6, 9) and one right (3)
DRAFT = ("示例街道2026年上半年意识形态工作情况的报告\n"
         "上半年，党工委理论学习中心组集中学习7次，其中专题研讨3次。\n"
         "上半年开展基层宣讲6场。宣讲后收集居民意见建议9条。\n")


def write_long(path: Path, rows: int) -> Path:
    """A 基层宣讲活动台账 of ``rows`` rows: large enough that the browser's reader unzips it in a Web Worker."""
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "宣讲日期", "宣讲主题", "宣讲形式", "宣讲对象", "所在社区或场所", "宣讲人", "听众人次",
               "收集意见建议（条）", "记录存放"])
    for i in range(rows):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=i * 365 // rows)
        ws.append([i + 1, f"{day.year}.{day.month}.{day.day}", "全会精神", ["微宣讲", "家门口微宣讲"][i % 2], "社区居民",
                   "幸福里社区", "宣讲队成员", 40 + i % 30, i % 3, "资料柜"])
    wb.save(path)
    return path
