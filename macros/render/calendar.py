"""Event records -> the month-by-month 工作日历 page (pure functions)."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from ..events import (
    Occurrence,
    format_day,
    months_touched,
    occurrences,
    parse_month_day,
    repeat_months,
    years_covered,
)

CATEGORY_CLASS = {"纪念日": "memorial", "我们的节日": "festival", "工作节点": "work"}
MONTHS = range(1, 13)


def event_anchor(event_id: str) -> str:
    return f"ev-{event_id}"


def month_anchor(month: int) -> str:
    return f"month-{month}"


def when_text(event: dict, note: bool = True) -> str:
    """When the event falls, in words: 每年3月5日 / 农历正月初一：2026年2月17日，2027年2月6日.

    With ``note``, the event's ``when_note`` follows as a sentence of its own.
    """
    if "lunar_dates" in event:
        days = "，".join(format_day(occ.start, with_year=True)
                        for year in years_covered(event) for occ in occurrences(event, year))
        text = f"{event['lunar']}：{days}"
    else:
        start = parse_month_day(event["date"])
        repeat = event.get("repeat", "yearly")
        if "end" in event:
            end = parse_month_day(event["end"])
            text = f"每年{format_day(start)}至{'次年' if end < start else ''}{format_day(end)}"
        elif repeat == "yearly":
            text = f"每年{format_day(start)}"
        else:
            months = "、".join(f"{m}月" for m in repeat_months(start.month, repeat))
            text = f"{'每季度' if repeat == 'quarterly' else '每半年'}一次（{months}，提醒日为当月{start.day}日）"
    if note and event.get("when_note"):
        text += f"。{event['when_note']}"
    return text


@dataclass(frozen=True)
class MonthEntry:
    """An event in a month: its full description (primary) or a pointer to it."""

    month: int
    sort_day: int
    event: dict
    occurrence: Occurrence
    primary: bool
    continued: bool = False  # a period that began in an earlier month


def month_entries(events: list[dict]) -> dict[int, list[MonthEntry]]:
    """Every month's entries, in day order; each event is primary in exactly one month."""
    by_month: dict[int, list[MonthEntry]] = {m: [] for m in MONTHS}
    for event in events:
        years = years_covered(event) or [2026]
        for year in years:
            for occ in occurrences(event, year):
                for i, month in enumerate(months_touched(occ)):
                    continued = i > 0
                    by_month[month].append(MonthEntry(
                        month, 0 if continued else occ.start.day, event, occ,
                        occ.primary and not continued, continued))
    for entries in by_month.values():
        entries.sort(key=lambda e: (e.sort_day, not e.primary, e.event["id"]))
    return by_month


def _heading_date(entry: MonthEntry) -> str:
    event = entry.event
    if "lunar_dates" in event:
        return f"{event['title']}（{event['lunar']}）" if event["lunar"].startswith("农历") else event["title"]
    return f"{format_day(entry.occurrence.start)}　{event['title']}"


def _link(page: str, here: str) -> str:
    from ..links import relative
    return relative(page, here)


def render_event(event: dict, here: str) -> str:
    """The full description of one event (an h3 section)."""
    entry = MonthEntry(0, 0, event, occurrences(event, (years_covered(event) or [2026])[0])[0], True)
    cls = CATEGORY_CLASS[event["category"]]
    tags = [f'<span class="guide-tag guide-tag--{cls}">{event["category"]}</span>']
    if event.get("local_rule"):
        tags.append('<span class="guide-tag guide-tag--local">本地规定</span>')
    lines = [f"### {_heading_date(entry)} {{#{event_anchor(event['id'])}}}", "",
             " ".join(tags) + f" **时间**：{html.escape(when_text(event), quote=False)}。", "",
             "**街道、社区通常做什么**", ""]
    lines += [f"- {item}" for item in event["what"]]
    lines.append("")
    if event.get("prepare"):
        lines += [f"**提前准备**：{'；'.join(event['prepare'])}。", ""]
    basis = event["basis"]
    if event.get("local_rule"):
        basis += "（日期和频次是常见的地方规定，不是全国统一要求。）"
    lines += [f"**依据**：{basis}", ""]
    if event.get("see"):
        links = "、".join(f"[{s['label']}]({_link(s['page'], here)})" for s in event["see"])
        lines += [f"**参见**：{links}", ""]
    return "\n".join(lines)


def primary_month(event: dict) -> int:
    """The month whose section describes the event in full."""
    return next(o.start.month for y in (years_covered(event) or [2026]) for o in occurrences(event, y) if o.primary)


def _pointer(entry: MonthEntry) -> str:
    event = entry.event
    where = f"见[{primary_month(event)}月](#{event_anchor(event['id'])})"
    if entry.continued:
        return f"- {event['title']}继续进行（{when_text(event, note=False)}），{where}。"
    if "lunar_dates" in event:
        return f"- {format_day(entry.occurrence.start, with_year=True)}　{event['title']}（{event['lunar']}），{where}。"
    every = {"quarterly": "每季度一次", "half-yearly": "每半年一次"}.get(event.get("repeat", "yearly"), "每年")
    return f"- {format_day(entry.occurrence.start)}　{event['title']}（{every}），{where}。"


def month_summary(events: list[dict]) -> dict[int, list[list[str]]]:
    """For the this-month hint: month -> [[date text, title, anchor], ...]."""
    out: dict[int, list[list[str]]] = {}
    for month, entries in month_entries(events).items():
        items = []
        for e in entries:
            day = "（持续）" if e.continued else format_day(
                e.occurrence.start, with_year="lunar_dates" in e.event)
            items.append([day, e.event["title"], event_anchor(e.event["id"])])
        out[month] = items
    return out


HINT_SCRIPT = """<script>
document.addEventListener("DOMContentLoaded", function () {
  var data = %s;
  var box = document.getElementById("guide-this-month");
  if (!box) return;
  var now = new Date(), m = now.getMonth() + 1, next = m %% 12 + 1;
  function list(month) {
    var items = data[month] || [];
    if (!items.length) return "没有固定节点";
    return items.map(function (it) {
      return '<a href="#' + it[2] + '">' + it[1] + "</a>（" + it[0] + "）";
    }).join("、");
  }
  box.querySelector(".guide-this-month__text").innerHTML =
    '今天是' + now.getFullYear() + "年" + m + "月" + now.getDate() + "日。" +
    '<a href="#month-' + m + '">本月</a>：' + list(m) + "。" +
    '<a href="#month-' + next + '">下月</a>需提前准备：' + list(next) + "。";
  var section = document.getElementById("month-" + m);
  if (section) section.classList.add("guide-month--current");
  box.hidden = false;
});
</script>"""


def render_this_month_hint(events: list[dict]) -> str:
    """A box filled in by the browser with this month's and next month's events."""
    data = json.dumps(month_summary(events), ensure_ascii=False, sort_keys=True)
    return ('<div class="admonition tip guide-this-month" id="guide-this-month" hidden>\n'
            '<p class="admonition-title">本月提示</p>\n<p class="guide-this-month__text"></p>\n</div>\n'
            + HINT_SCRIPT % data.replace("</", "<\\/") + "\n")


def render_calendar(events: list[dict], here: str) -> str:
    """All twelve months: pointers first, then the events described in that month."""
    out = []
    for month, entries in month_entries(events).items():
        out += [f"## {month}月 {{#{month_anchor(month)}}}", ""]
        pointers = [_pointer(e) for e in entries if not e.primary and primary_month(e.event) != month]
        full = [render_event(e.event, here) for e in entries if e.primary]
        if not entries:
            out += ["本月没有固定节点，可以利用这段时间整理台账、提前准备下个月的工作。", ""]
        if pointers:
            out += (["本月还有：", ""] if full else []) + pointers + [""]
        out += full
    return "\n".join(out)
