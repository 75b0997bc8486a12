"""台账对数 on the command line (scripts/check_report.py --ledger): read the ledgers with
openpyxl (checker/ledger_reader.py), count in the engine (checker/engine.js, ledgerFigures),
and check a draft's figures against them (checkFigures). Text or JSON output.

Exit status: 0 every figure of the draft agrees (or no draft), 1 a figure differs or the
half-year is above the year, 2 a file could not be read or no ledger was found in them.
"""

from __future__ import annotations

import json
from pathlib import Path

from .engine import check_figures, ledger_figures
from .ledger_reader import UnreadableLedger, read_ledger
from .readers import UnreadableInput, read_report

STATUS_MARK = {"equal": "一致", "differs": "不一致", "no-ledger": "无台账", "other-period": "其他期间"}


def _number(value: float) -> str:
    """12, 3146, 7.5: never 1.23e+06."""
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0")


def _where(problem: dict) -> str:
    parts = [problem.get("file"), f"“{problem['sheet']}”" if problem.get("sheet") else None,
             problem.get("cell") or (f"第{problem['row']}行" if problem.get("row") else None)]
    return " ".join(p for p in parts if p)


def _print_text(result: dict, checked: dict | None, draft: str | None, out) -> None:
    period = result["period"]
    if period:
        print(f"期间：{period['name']}（{period['start']} 至 {period['end']}）", file=out)
    for ledger in result["ledgers"]:
        sheets = "、".join(f"{s['file']}“{s['sheet']}”{s['rows']}行" for s in ledger["sheets"])
        print(f"\n{ledger['title']}（{sheets}）", file=out)
        for count in ledger["counts"]:
            value = "未统计（缺栏目）" if count["value"] is None else f"{_number(count['value'])}{count['unit']}"
            extra = f"，其中上半年{_number(count['half'])}" if count.get("half") is not None else ""
            print(f"  {count['label']}：{value}{extra}" + ("（未办结）" if count["open"] else ""), file=out)
        for sentence in ledger["sentences"]:
            print(f"  ▸ {sentence}", file=out)
    for problem in result["problems"]:
        print(f"{_where(problem) or '台账'}: {problem['severity']} {problem['message']}", file=out)
    if checked is None:
        return
    print(f"\n草稿 {draft}：", file=out)
    for m in checked["mentions"]:
        print(f"{draft}:{m['line']}:{m['column']}: {STATUS_MARK[m['status']]} {m['message']}", file=out)
        print(f"    {m['excerpt']}", file=out)
    for p in checked["problems"]:
        print(f"{draft}:{p['line']}:{p['column']}: 不一致 {p['message']}", file=out)
    counts = {s: sum(1 for m in checked["mentions"] if m["status"] == s) for s in STATUS_MARK}
    print(f"{draft}: 核对 {len(checked['mentions'])} 个数字：{counts['equal']} 个一致，{counts['differs']} 个不一致，"
          f"{counts['no-ledger']} 个没有对应的台账，{counts['other-period']} 个属于其他期间。", file=out)


def run(ledgers: list[str], period: str, draft: str | None, data: dict, as_json: bool, out, err) -> int:
    sheets, unreadable = [], []
    for name in ledgers:
        try:
            sheets += read_ledger(Path(name))
        except UnreadableLedger as exc:
            unreadable.append({"file": name, "unreadable": str(exc)})
            print(f"{name}: 无法读取：{exc}", file=err)
    result = ledger_figures(sheets, period, data)
    checked, status = None, 0
    if draft:
        try:
            text = read_report(Path(draft))
        except UnreadableInput as exc:
            print(f"{draft}: 无法读取：{exc}", file=err)
            return 2
        checked = check_figures(text, result, data)
        if checked["problems"] or any(m["status"] == "differs" for m in checked["mentions"]):
            status = 1
    if as_json:
        print(json.dumps({"unreadable": unreadable, **result, "draft": draft, "check": checked},
                         ensure_ascii=False, indent=1), file=out)
    else:
        _print_text(result, checked, draft, out)
    if unreadable or not result["ledgers"]:
        return 2
    return status
