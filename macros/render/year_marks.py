"""What marks each year in a report (年份标志), from data/timeline and data/terms.

The same records tell the report checker which meeting, 学习教育, anniversary
and 开局之年 belongs to which year; here they become the table writers copy
the year's markers from, so the page and the checker cannot disagree.
"""

from __future__ import annotations

CN = "零一二三四五六七八九十"
NOT_YET = "尚未部署，以上级通知为准"
NOT_RECORDED = "本指南暂未收录"
# The basis year: the guide was checked up to a month of that year, so an empty
# cell is a statement about that date, with what to check, not a hole.
AS_OF_MEETINGS = "截至{as_of}未收录{year}年召开的中央全会；如已召开，以正式公报为准"
AS_OF_CAMPAIGNS = "截至{as_of}未收录{year}年开展的集中性学习教育；以中央和上级通知为准"
AS_OF_FORMULATIONS = "截至{as_of}未收录{year}年新提出的提法；新提法以中央文件原文为准"
LATER_MEETINGS = "{as_of}以后召开的会议未收录，以正式公报为准"
LATER_FORMULATIONS = "{as_of}以后提出的提法未收录，以中央文件原文为准"


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


def as_of_text(last_known: int | str) -> str:
    """"2026-11" -> "2026年11月"; a bare year -> "2026年本指南依据日期"."""
    text = str(last_known)
    if len(text) >= 7 and text[4] == "-":
        return f"{int(text[:4])}年{int(text[5:7])}月"
    return f"{int(text[:4])}年本指南依据日期"


def render_year_marks(rows: list[dict], last_known: int | str) -> str:
    """A Markdown table of ``rows``. ``last_known`` is the page's basis_as_of ("2026-11",
    or its year). For that year an empty cell says what the guide had not recorded by that
    date and what to check, not that there was nothing; later years' meetings are not
    recorded and their 学习教育 are not yet known."""
    basis_year, as_of = int(str(last_known)[:4]), as_of_text(last_known)

    def cell(items: list[str], year: int, at_basis: str = NOT_RECORDED, later: str = NOT_RECORDED) -> str:
        if items:
            return "；".join(items)
        if year > basis_year:
            return later.format(as_of=as_of, year=year)
        return at_basis.format(as_of=as_of, year=year) if year == basis_year else "—"

    out = ["| 年份 | 会议 | 集中性学习教育 | 新提出的提法 | 年份标志 |", "|---|---|---|---|---|"]
    for r in rows:
        y = r["year"]
        out.append(f"| {y} | {cell(r['meetings'], y, AS_OF_MEETINGS, LATER_MEETINGS)} | "
                   f"{cell(r['campaigns'], y, AS_OF_CAMPAIGNS, NOT_YET)} | "
                   f"{cell(r['formulations'], y, AS_OF_FORMULATIONS, LATER_FORMULATIONS)} | {cell(r['marks'], y)} |")
    return "\n".join(out) + "\n"
