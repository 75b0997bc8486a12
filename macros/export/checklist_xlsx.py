"""Checklist record -> a printable self-inspection workbook (.xlsx bytes)."""

from __future__ import annotations

from ..sitedata import Record
from .xlsx_common import FIXED_TIME, choice_list, grid, new_workbook, print_setup, titled_sheet, workbook_bytes

RESULT_CHOICES = ("已落实", "部分落实", "未落实", "不适用")
COLUMNS = (("序号", 6), ("检查内容", 46), ("留存材料", 30), ("频次", 14), ("自查结果", 12), ("情况说明", 30))
__all__ = ["COLUMNS", "FIXED_TIME", "RESULT_CHOICES", "build_checklist_xlsx"]


def build_checklist_xlsx(checklist: Record) -> bytes:
    """One sheet: the items with a result column limited to RESULT_CHOICES."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "自查清单"
    titled_sheet(ws, checklist["title"], list(COLUMNS))
    for n, item in enumerate(checklist["items"], start=1):
        ws.append([n, item["text"], item["evidence"], item.get("frequency", ""), "", ""])
    last = 2 + len(checklist["items"])
    grid(ws, 3, last, len(COLUMNS))
    choice_list(ws, RESULT_CHOICES, f"E3:E{last}")
    print_setup(ws)
    return workbook_bytes(wb)
