"""What marks each year in a report (年份标志), from data/timeline and data/terms.

The same records tell the report checker which meeting, 学习教育, anniversary
and 开局之年 belongs to which year; here they become the table writers copy
the year's markers from, so the page and the checker cannot disagree.
"""

from __future__ import annotations

CN = "零一二三四五六七八九十"
NOT_YET = "尚未部署，以上级通知为准"
NOT_RECORDED = "本指南暂未收录"


def _month(date: str) -> int:
    return int(date[5:7])


def year_row(timeline: list[dict], formulations: list[dict], year: int) -> dict:
    """One year's meetings, campaigns, new formulations and markers (plan period, 逢五逢十 anniversaries)."""
    meetings = [f"{t['name']}（{_month(t['start'])}月）" for t in sorted(timeline, key=lambda t: t.get("start", ""))
                if t["kind"] == "meeting" and int(t["start"][:4]) == year]
    campaigns = [f"{t['name']}（{_month(t['start'])}月起）" for t in sorted(timeline, key=lambda t: t.get("start", ""))
                 if t["kind"] == "campaign" and int(t["start"][:4]) == year]
    new = [f["name"] for f in formulations if f["since"] == year]
    marks = []
    for plan in timeline:
        if plan["kind"] == "plan" and 0 <= year - plan["base_year"] <= 4:
            nth = year - plan["base_year"]
            name = f"“{plan['match'][0]}”"
            marks.append(f"{name}开局之年" if nth == 0 else f"{name}收官之年" if nth == 4
                         else f"{name}时期第{CN[nth + 1]}年")
    for item in sorted((t for t in timeline if t["kind"] == "anniversary"), key=lambda t: t["base_year"]):
        n = year - item["base_year"]
        if n > 0 and n % 5 == 0:
            marks.append(f"{item['name']}{n}周年")
    return {"year": year, "meetings": meetings, "campaigns": campaigns, "formulations": new, "marks": marks}


def render_year_marks(rows: list[dict], last_known: int) -> str:
    """A Markdown table of ``rows``. From ``last_known`` (the year the page's basis was
    checked) on, an empty cell says the guide has nothing recorded, not that there was nothing;
    a later year's 学习教育 is not yet known."""
    def cell(items: list[str], year: int, later: str = NOT_RECORDED) -> str:
        if items:
            return "；".join(items)
        return later if year > last_known else NOT_RECORDED if year == last_known else "—"

    out = ["| 年份 | 会议 | 集中性学习教育 | 新提出的提法 | 年份标志 |", "|---|---|---|---|---|"]
    for r in rows:
        y = r["year"]
        out.append(f"| {y} | {cell(r['meetings'], y)} | {cell(r['campaigns'], y, NOT_YET)} | "
                   f"{cell(r['formulations'], y)} | {cell(r['marks'], y)} |")
    return "\n".join(out) + "\n"
