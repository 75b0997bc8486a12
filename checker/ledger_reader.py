"""Reading ledgers (.xlsx) for 台账对数 on the command line: the edge, not the counting.

Every sheet of the workbook becomes {"file", "name", "rows"}: the rows from the
sheet's first row (row 1 is rows[0]), each cell a str, int/float, bool, None or a
date as "YYYY-MM-DD", which is what the browser's reader (read-excel-file) gives
the same engine. Which sheet is which ledger, where the header is and what the
dates mean is decided in checker/engine.js (ledgerFigures), once for both.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path


class UnreadableLedger(Exception):
    """The file cannot be read as an .xlsx workbook; the message says why, in Chinese."""


def cell_value(value):
    """One cell as the engine takes it."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def read_ledger(path: Path) -> list[dict]:
    """The sheets of one workbook, values only (formulas as last saved)."""
    from openpyxl import load_workbook

    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UnreadableLedger(f"只能读取 .xlsx 文件（Excel 2007 及以后、WPS 保存的 .xlsx），“{path.name}”不是；"
                               ".xls 请先在 Excel 或 WPS 里“另存为” .xlsx。")
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise UnreadableLedger(f"找不到文件“{path}”。") from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnreadableLedger(f"“{path.name}”不是能读取的 .xlsx 文件（{exc.__class__.__name__}）；"
                               "请在 Excel 或 WPS 里打开后另存为 .xlsx 再试。") from None
    try:
        sheets = []
        for ws in wb.worksheets:
            if not hasattr(ws, "iter_rows"):  # a chart sheet
                continue
            ws.reset_dimensions()  # some writers record a wrong used range; read what is there
            rows = [[cell_value(v) for v in row] for row in ws.iter_rows(min_row=1, min_col=1, values_only=True)]
            while rows and all(v is None for v in rows[-1]):
                rows.pop()
            sheets.append({"file": path.name, "name": ws.title, "rows": rows})
        return sheets
    finally:
        wb.close()
