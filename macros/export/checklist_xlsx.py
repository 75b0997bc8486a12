"""Checklist record -> a printable self-inspection workbook (.xlsx bytes)."""

from __future__ import annotations

from ..sitedata import Record
from .xlsx_common import (
    FIXED_TIME,
    choice_list,
    fit_row_heights,
    grid,
    new_workbook,
    print_setup,
    titled_sheet,
    workbook_bytes,
)

RESULT_CHOICES = ("已落实", "部分落实", "未落实", "不适用")
COLUMNS = (("序号", 6), ("检查内容", 46), ("留存材料", 30), ("频次", 14), ("自查结果", 12), ("情况说明", 30))
__all__ = ["COLUMNS", "FIXED_TIME", "RESULT_CHOICES", "build_checklist_xlsx", "columns_for"]


def _fourth_key(items: list) -> str:
    """The item key shown in the fourth column: ``owner`` for a list whose items name owners and no
    frequency, else ``frequency``."""
    if not any("frequency" in item for item in items) and any("owner" in item for item in items):
        return "owner"
    return "frequency"


def columns_for(checklist: Record) -> list[tuple[str, float]]:
    """COLUMNS, with the fourth column 责任 for a list whose items name owners and no frequency, and the
    result column named by the checklist's ``workbook`` (a handover list: 交接情况)."""
    columns = list(COLUMNS)
    if _fourth_key(checklist["items"]) == "owner":
        columns[3] = ("责任", 20)
    if "workbook" in checklist.data:
        columns[4] = (checklist["workbook"]["result"], 12)
    return columns


def build_checklist_xlsx(checklist: Record) -> bytes:
    """One sheet: the items with a result column limited to RESULT_CHOICES (or the checklist's own
    ``workbook.choices``), and the checklist's signature lines under the table."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "自查清单"
    columns = columns_for(checklist)
    titled_sheet(ws, checklist["title"], columns)
    fourth = _fourth_key(checklist["items"])
    for n, item in enumerate(checklist["items"], start=1):
        ws.append([n, item["text"], item["evidence"], item.get(fourth, ""), "", ""])
    last = 2 + len(checklist["items"])
    grid(ws, 3, last, len(columns))
    fit_row_heights(ws, 3, last, [width for _, width in columns])
    workbook = checklist.data.get("workbook", {})
    choice_list(ws, workbook.get("choices", RESULT_CHOICES), f"E3:E{last}")
    for line in workbook.get("sign_off", []):
        ws.append([])
        ws.append([line])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(columns))
    print_setup(ws)
    return workbook_bytes(wb)
