"""Shared pieces of the generated workbooks (checklists, ledgers).

A title row over a header row, thin borders, frozen header, A4 landscape
printing with the title rows repeated, fixed properties and a normalised zip,
so that two builds give byte-identical files.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from .deterministic import normalize_zip

FIXED_TIME = datetime(2026, 1, 1)
CREATOR = "街道社区宣传思想工作指南"
THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_FONT = Font(name="黑体", size=14)
HEADER_FONT = Font(name="黑体", size=11)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")


def titled_sheet(ws, title: str, columns: list[tuple[str, float]]) -> None:
    """Row 1: the title across all columns; row 2: the headers with widths."""
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    ws["A1"].font = TITLE_FONT
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append([name for name, _ in columns])
    for col, (_, width) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
        cell = ws.cell(row=2, column=col)
        cell.font = HEADER_FONT
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def grid(ws, first_row: int, last_row: int, columns: int) -> None:
    """Borders and wrapped, top-aligned text over a block of cells.

    What ``cell.border = BORDER; cell.alignment = WRAP_TOP`` does for each cell, with the two styles
    added to the workbook's lists once: openpyxl hashes the style again on every assignment, which was
    most of a ledger's time (a ledger has 200 rows)."""
    workbook = ws.parent
    border, alignment = workbook._borders.add(BORDER), workbook._alignments.add(WRAP_TOP)
    for row in ws.iter_rows(min_row=first_row, max_row=last_row, max_col=columns):
        for cell in row:
            if not cell._style:
                cell._style = StyleArray()
            cell._style.borderId = border
            cell._style.alignmentId = alignment


LINE_HEIGHT = 15  # points per line of 11-point text


def text_lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide (a Chinese character
    counts two)."""
    units = sum(2 if ord(ch) > 0x2E7F else 1 for ch in str(text))
    return max(1, -(-units // max(1, int(width) - 1)))


def fit_row_heights(ws, first_row: int, last_row: int, widths: list[float]) -> None:
    """Row heights for wrapped text: Excel and LibreOffice keep the default height of a row written
    by openpyxl when printing, which cuts a long item to its first line."""
    for r in range(first_row, last_row + 1):
        lines = max(text_lines(ws.cell(row=r, column=c).value or "", w) for c, w in enumerate(widths, start=1))
        ws.row_dimensions[r].height = LINE_HEIGHT * lines + 3


def choice_list(ws, choices, cells: str) -> None:
    """A drop-down list of ``choices`` on ``cells`` (e.g. 'E3:E200')."""
    validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                                showErrorMessage=True, errorTitle="请从列表中选择",
                                error="只能选择下拉列表中的值")
    validation.add(cells)
    ws.add_data_validation(validation)


def print_setup(ws, title_rows: str = "1:2", freeze: str = "A3", portrait: bool = False) -> None:
    """Frozen header, A4 landscape (or portrait), one page wide, title rows on every page."""
    ws.freeze_panes = freeze
    ws.print_title_rows = title_rows
    ws.page_setup.orientation = "portrait" if portrait else "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def new_workbook() -> Workbook:
    return Workbook()


def workbook_bytes(wb: Workbook, title: str | None = None) -> bytes:
    """Save with fixed properties and a normalised zip (deterministic bytes)."""
    wb.properties.creator = wb.properties.lastModifiedBy = CREATOR
    wb.properties.created = wb.properties.modified = FIXED_TIME
    if title:
        wb.properties.title = title
    buffer = io.BytesIO()
    # Not wb.save(): openpyxl's save_workbook stamps "modified" with the
    # current time, so two builds a second apart would differ.
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return normalize_zip(buffer.getvalue())
