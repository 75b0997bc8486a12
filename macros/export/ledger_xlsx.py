"""Ledger record (data/ledgers) -> an .xlsx 台账 (bytes).

Sheet 1 (the ledger): title row, header row (frozen), column widths from the
data, drop-down lists on choice columns, example rows in grey marked 示例,
empty bordered rows to fill, A4 landscape printing (portrait for a form with
few columns) with the title rows repeated; a form's ``fill_line`` (活动名称、时间、
地点 of a sign-in sheet) under the title. Sheet 2 (填写说明): one row per column with how to fill it,
as tall as its wrapped text.
"""

from __future__ import annotations

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..sitedata import Record
from .xlsx_common import choice_list, fit_row_heights, grid, new_workbook, print_setup, titled_sheet, workbook_bytes

BLANK_ROWS = 50  # bordered rows to fill after the examples
VALIDATION_ROWS = 500  # drop-down lists reach this far down
EXAMPLE_FONT = Font(color="808080", italic=True)
HELP_SHEET = "填写说明"
FORM_ROW_HEIGHT = 24  # points: a handwritten signature fits
FORM_TITLE_FONT = InlineFont(rFont="黑体", sz=16)
FORM_LINE_FONT = InlineFont(rFont="宋体", sz=11)
CENTERED = Alignment(horizontal="center", vertical="center")


def _form_layout(ws, form: dict, first_blank: int, last: int) -> None:
    """A printed form: the line to fill by hand under the title, numbered rows tall enough to write in."""
    ws["A1"].value = CellRichText(TextBlock(FORM_TITLE_FONT, ws["A1"].value),
                                  TextBlock(FORM_LINE_FONT, f"\n{form['fill_line']}"))
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[1].height = 22 * (2 + form["fill_line"].count("\n"))
    for r in range(first_blank, last + 1):
        cell = ws.cell(row=r, column=1)
        cell.value = r - 2
        cell.alignment = CENTERED
    for r in range(3, last + 1):
        ws.row_dimensions[r].height = FORM_ROW_HEIGHT
    if form.get("note"):
        ws.cell(row=last + 1, column=1).value = form["note"]
        ws.merge_cells(start_row=last + 1, start_column=1, end_row=last + 1, end_column=ws.max_column)


def build_ledger_xlsx(ledger: Record, filled: list | None = None, title: str | None = None) -> bytes:
    """The ledger's template, or, with ``filled`` rows (data/ledger-samples), a ledger kept
    for a year: those rows in black, titled ``title``."""
    columns = ledger["columns"]
    wb = new_workbook()
    ws = wb.active
    ws.title = ledger["title"][:31]
    titled_sheet(ws, title or ledger["title"], [(c["name"], c["width"]) for c in columns])
    for row in filled or []:
        ws.append(list(row))
    examples = [] if filled else ledger.get("rows", [])
    for row in examples:
        ws.append(list(row))
        for cell in ws[ws.max_row]:
            cell.font = EXAMPLE_FONT
    if examples:  # say that the grey rows are examples, in the first column's cells
        for r in range(3, 3 + len(examples)):
            cell = ws.cell(row=r, column=1)
            cell.value = f"示例：{cell.value}" if cell.value not in (None, "") else "示例"
    form = ledger.get("form")
    last = 2 + len(filled or []) + len(examples) + (form["rows"] if form else BLANK_ROWS)
    grid(ws, 3, last, len(columns))
    if form:
        _form_layout(ws, form, 3 + len(filled or []) + len(examples), last)
    for c, column in enumerate(columns, start=1):
        if "choices" in column:
            letter = get_column_letter(c)
            choice_list(ws, column["choices"], f"{letter}3:{letter}{VALIDATION_ROWS}")
    print_setup(ws, portrait=bool(form))

    help_ws = wb.create_sheet(HELP_SHEET)
    help_columns = [("栏目", 16), ("怎么填", 60), ("可选值", 30)]
    titled_sheet(help_ws, f"{ledger['title']}填写说明", help_columns)
    help_ws.append(["用途", ledger["summary"], ""])
    for column in columns:
        help_ws.append([column["name"], column["help"], "、".join(column.get("choices", []))])
    if not filled:
        help_ws.append(["示例行", "灰色斜体、标有“示例”的行是示意，填写前删除。" if examples else "本表没有示例行。", ""])
    grid(help_ws, 3, help_ws.max_row, 3)
    fit_row_heights(help_ws, 3, help_ws.max_row, [width for _, width in help_columns])  # long help printed whole
    print_setup(help_ws)
    return workbook_bytes(wb, ledger["title"])
