"""Checklist record -> a printable self-inspection workbook (.xlsx bytes)."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.datavalidation import DataValidation

from ..sitedata import Record
from .deterministic import normalize_zip

RESULT_CHOICES = ("已落实", "部分落实", "未落实", "不适用")
COLUMNS = (("序号", 6), ("检查内容", 46), ("留存材料", 30), ("频次", 14), ("自查结果", 12), ("情况说明", 30))
FIXED_TIME = datetime(2026, 1, 1)


def build_checklist_xlsx(checklist: Record) -> bytes:
    """One sheet: the items with a result column limited to RESULT_CHOICES."""
    wb = Workbook()
    ws = wb.active
    ws.title = "自查清单"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.append([checklist["title"]])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    ws["A1"].font = Font(name="黑体", size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append([name for name, _ in COLUMNS])
    for col, (_, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[chr(64 + col)].width = width
        ws.cell(row=2, column=col).font = Font(name="黑体", size=11)
    for n, item in enumerate(checklist["items"], start=1):
        ws.append([n, item["text"], item["evidence"], item.get("frequency", ""), "", ""])
    last = 2 + len(checklist["items"])
    for row in ws.iter_rows(min_row=2, max_row=last):
        for cell in row:
            cell.border = border
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    choice = DataValidation(type="list", formula1='"' + ",".join(RESULT_CHOICES) + '"', allow_blank=True)
    choice.add(f"E3:E{last}")
    ws.add_data_validation(choice)
    ws.freeze_panes = "A3"
    ws.print_title_rows = "1:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.creator = "街道社区宣传思想工作指南"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    return normalize_zip(buffer.getvalue())
