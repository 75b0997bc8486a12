"""The .xlsx ledgers (and the checklist workbook that shares their pieces)."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from macros.export.checklist_xlsx import build_checklist_xlsx
from macros.export.ledger_xlsx import HELP_SHEET, build_ledger_xlsx
from macros.sitedata import load_site_data
from support import ROOT

SITE = load_site_data(ROOT)
LEDGERS = SITE.all("ledgers")
AGREED = {"ledger-positions", "ledger-opinion", "ledger-study", "ledger-publicity", "ledger-volunteer", "ledger-talks",
          "ledger-rectification", "ledger-display-changes", "ledger-sign-in",
          "ledger-photos", "ledger-plan-tasks", "ledger-credit-households"}


def test_all_agreed_ledgers_exist():
    assert {r.id for r in LEDGERS} == AGREED


@pytest.mark.parametrize("record", LEDGERS, ids=lambda r: r.id)
def test_ledger_workbook_follows_its_data(record):
    wb = load_workbook(io.BytesIO(build_ledger_xlsx(record)))
    ws = wb.worksheets[0]
    columns = record["columns"]
    assert str(ws["A1"].value).split("\n")[0] == record["title"]  # a form adds its line to fill under the title
    assert [ws.cell(row=2, column=c).value for c in range(1, len(columns) + 1)] == [c["name"] for c in columns]
    assert ws.freeze_panes == "A3"
    for c, column in enumerate(columns, start=1):
        letter = ws.cell(row=2, column=c).column_letter
        assert ws.column_dimensions[letter].width == column["width"]
    lists = {dv.formula1: str(dv.sqref) for dv in ws.data_validations.dataValidation}
    for c, column in enumerate(columns, start=1):
        if "choices" in column:
            formula = '"' + ",".join(column["choices"]) + '"'
            letter = ws.cell(row=2, column=c).column_letter
            assert formula in lists and lists[formula].startswith(f"{letter}3:")
    assert len(lists) == sum("choices" in c for c in columns)
    assert ws.page_setup.orientation == ("portrait" if "form" in record.data else "landscape") and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.print_title_rows.replace("$", "") == "1:2"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    help_ws = wb[HELP_SHEET]
    helps = {row[0]: row[1] for row in help_ws.iter_rows(min_row=3, values_only=True)}
    for column in columns:
        assert helps[column["name"]] == column["help"]
    for r, row in enumerate(record.get("rows", []), start=3):
        assert ws.cell(row=r, column=1).value.startswith("示例")
        assert ws.cell(row=r, column=2).value == row[1]
        assert ws.cell(row=r, column=2).font.color.rgb.endswith("808080")


def test_xlsx_builds_are_byte_identical(monkeypatch):
    import datetime as real

    class LaterClock(real.datetime):  # a second build an hour later must not differ
        @classmethod
        def now(cls, tz=None):
            return real.datetime(2030, 5, 5, 5, 5, 5, tzinfo=tz)

    first = {r.id: build_ledger_xlsx(r) for r in LEDGERS}
    monkeypatch.setattr("openpyxl.writer.excel.datetime.datetime", LaterClock)
    assert first == {r.id: build_ledger_xlsx(r) for r in LEDGERS}
    for record in LEDGERS:
        assert build_ledger_xlsx(record) == build_ledger_xlsx(record)
    checklist = SITE.get("checklists", "before-submission")
    assert build_checklist_xlsx(checklist) == build_checklist_xlsx(checklist)
    wb = load_workbook(io.BytesIO(build_ledger_xlsx(LEDGERS[0])))
    assert wb.properties.created.year == 2026 and wb.properties.modified == wb.properties.created


def test_checklist_workbook_keeps_its_layout_after_refactor():
    wb = load_workbook(io.BytesIO(build_checklist_xlsx(SITE.get("checklists", "before-submission"))))
    ws = wb.active
    assert ws.title == "自查清单" and ws.freeze_panes == "A3" and ws.print_title_rows.replace("$", "") == "1:2"
    assert [dv.formula1 for dv in ws.data_validations.dataValidation] == ['"已落实,部分落实,未落实,不适用"']


def test_built_site_xlsx_equal_in_process_build(built_site):
    for record in LEDGERS:
        data = built_site.file(f"downloads/{record.id}.xlsx").read_bytes()
        assert data == build_ledger_xlsx(record), f"{record.id}.xlsx differs between builds"
        assert load_workbook(io.BytesIO(data)).worksheets[0].freeze_panes == "A3"


def test_grid_adds_its_two_styles_to_the_workbook_once_and_styles_cells_as_assigning_them_would(monkeypatch):
    """xlsx_common.grid: the same cell styles as ``cell.border = BORDER; cell.alignment = WRAP_TOP`` per
    cell (a cell's font kept), with the styles hashed into the workbook's lists once, not twice per cell."""
    from openpyxl.utils.indexed_list import IndexedList

    from macros.export import xlsx_common

    def sheet():
        wb = xlsx_common.new_workbook()
        ws = wb.active
        xlsx_common.titled_sheet(ws, "台账", [("序号", 6), ("内容", 30), ("备注", 12)])
        ws["B5"].font = xlsx_common.HEADER_FONT
        return wb, ws

    expected_wb, expected = sheet()
    for row in expected.iter_rows(min_row=3, max_row=60, max_col=3):
        for cell in row:
            cell.border, cell.alignment = xlsx_common.BORDER, xlsx_common.WRAP_TOP
    added: list = []
    real = IndexedList.add
    monkeypatch.setattr(IndexedList, "add", lambda self, value: added.append(value) or real(self, value))
    wb, ws = sheet()
    added.clear()
    xlsx_common.grid(ws, 3, 60, 3)
    assert len(added) <= 2
    assert [[c._style for c in row] for row in ws.iter_rows(min_row=1, max_row=60, max_col=3)] == \
        [[c._style for c in row] for row in expected.iter_rows(min_row=1, max_row=60, max_col=3)]
    assert list(wb._borders) == list(expected_wb._borders) and list(wb._alignments) == list(expected_wb._alignments)


@pytest.mark.parametrize("record", LEDGERS, ids=lambda r: r.id)
def test_help_sheet_rows_are_tall_enough_to_print_whole(record):
    """LibreOffice and WPS print a row written without a height at one line: a long help text was cut."""
    ws = load_workbook(io.BytesIO(build_ledger_xlsx(record)))[HELP_SHEET]
    for r in range(3, ws.max_row + 1):
        text = str(ws.cell(r, 2).value or "")
        needed = -(-sum(2 if ord(ch) > 0x2E7F else 1 for ch in text) // 59)
        assert (ws.row_dimensions[r].height or 0) >= 15 * needed, (r, text[:20])
