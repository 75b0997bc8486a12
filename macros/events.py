"""When the recurring events of data/events/ fall (pure functions).

An event is either a fixed date (``date: MM-DD``) that recurs yearly, every
half year or every quarter, optionally spanning to ``end``; or a festival of
the lunar calendar whose Gregorian dates are written out per year
(``lunar_dates``). ``occurrences(event, year)`` gives the dates an event has
in a year; the calendar page, the year picture and the .ics all use it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

STEP_MONTHS = {"yearly": 12, "half-yearly": 6, "quarterly": 3}


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of an event: first and last day (inclusive)."""

    event_id: str
    start: dt.date
    end: dt.date
    primary: bool  # the occurrence whose month carries the event's full description

    @property
    def is_span(self) -> bool:
        return self.end != self.start


def parse_month_day(text: str, year: int = 2025) -> dt.date:
    """'03-05' -> date(year, 3, 5); ValueError when no such day (02-30)."""
    month, day = (int(p) for p in text.split("-"))
    return dt.date(year, month, day)


def parse_date(text: str) -> dt.date:
    """'2026-02-17' -> date; ValueError for impossible dates."""
    return dt.date.fromisoformat(text)


def repeat_months(first_month: int, repeat: str) -> list[int]:
    """Months a fixed date falls in, in calendar order (03, quarterly -> 3 6 9 12)."""
    step = STEP_MONTHS[repeat]
    return sorted({(first_month - 1 + k * step) % 12 + 1 for k in range(12 // step)})


def occurrences(event: dict, year: int) -> list[Occurrence]:
    """The occurrences of ``event`` that start in ``year``, in date order."""
    if "lunar_dates" in event:
        dates = [parse_date(d) for d in event["lunar_dates"]]
        first_year = min(d.year for d in dates)
        return [Occurrence(event["id"], d, d, d.year == first_year) for d in dates if d.year == year]
    start = parse_month_day(event["date"], year)
    if "end" in event:
        end = parse_month_day(event["end"], year)
        if end < start:
            end = parse_month_day(event["end"], year + 1)
        return [Occurrence(event["id"], start, end, True)]
    months = repeat_months(start.month, event.get("repeat", "yearly"))
    return [Occurrence(event["id"], start.replace(month=m), start.replace(month=m), m == start.month)
            for m in months]


def years_covered(event: dict) -> list[int]:
    """Years with explicit dates (lunar events); empty for events that repeat forever."""
    return sorted({parse_date(d).year for d in event.get("lunar_dates", [])})


def months_touched(occurrence: Occurrence) -> list[int]:
    """Months of ``occurrence.start``'s year that the occurrence covers (spans wrap into next year)."""
    months, day = [], occurrence.start.replace(day=1)
    while day <= occurrence.end:
        months.append(day.month)
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return months


def format_day(day: dt.date, with_year: bool = False) -> str:
    """2026-03-05 -> '3月5日' (or '2026年3月5日')."""
    return (f"{day.year}年" if with_year else "") + f"{day.month}月{day.day}日"
