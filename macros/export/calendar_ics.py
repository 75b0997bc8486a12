"""Event records -> an iCalendar file (RFC 5545) that Outlook and WPS import.

Deterministic: a fixed DTSTAMP, UIDs from the record ids, events in date
order, so two builds give identical bytes. All events are all-day (DATE
values, no VTIMEZONE needed); fixed dates repeat with an RRULE; lunar
festivals get one event per year listed in the data (UID <id>-<year>@…).
Each event carries a reminder (VALARM) at 09:00 a few days before.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Alarm, Calendar, Event

from ..events import occurrences, years_covered
from ..render.calendar import when_text

UID_DOMAIN = "jiedao-guide"
PRODID = "-//jiedao-guide//工作日历//ZH"
CALENDAR_NAME = "街道社区宣传思想工作日历"
# Fixed, so that the file only changes when the data does.
DTSTAMP = dt.datetime(2026, 11, 22, 0, 0, 0, tzinfo=dt.UTC)
FIRST_YEAR = 2026  # repeating events start in this year
DEFAULT_REMIND_DAYS = 3
INTERVAL = {"half-yearly": 6, "quarterly": 3}


def describe(event: dict) -> str:
    """The DESCRIPTION text: when, what to do, what to prepare, basis."""
    lines = [f"时间：{when_text(event)}", "做什么："]
    lines += [f"{i}. {item}" for i, item in enumerate(event["what"], 1)]
    if event.get("prepare"):
        lines.append("提前准备：" + "；".join(event["prepare"]))
    lines.append(f"依据：{event['basis']}")
    if event.get("local_rule"):
        lines.append("（常见的地方规定，以本地通知为准）")
    return "\n".join(lines)


def _alarm(event: dict) -> Alarm:
    days = event.get("remind_days", DEFAULT_REMIND_DAYS)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"提醒：{event['title']}")
    # Relative to the start of the all-day event (00:00): N days before, at 09:00.
    alarm.add("trigger", dt.timedelta(days=-days, hours=9))
    return alarm


def _vevent(event: dict, uid: str, start: dt.date, end_inclusive: dt.date, rrule: dict | None) -> Event:
    vevent = Event()
    vevent.add("uid", f"{uid}@{UID_DOMAIN}")
    vevent.add("dtstamp", DTSTAMP)
    vevent.add("dtstart", start)
    vevent.add("dtend", end_inclusive + dt.timedelta(days=1))  # exclusive, per RFC 5545
    vevent.add("summary", event["title"])
    vevent.add("description", describe(event))
    vevent.add("categories", [event["category"]])
    vevent.add("transp", "TRANSPARENT")  # an all-day note, not a busy day
    if rrule:
        vevent.add("rrule", rrule)
    vevent.add_component(_alarm(event))
    return vevent


def calendar_events(event: dict) -> list[Event]:
    """The VEVENTs of one event record."""
    if "lunar_dates" in event:
        return [_vevent(event, f"{event['id']}-{occ.start.year}", occ.start, occ.end, None)
                for year in years_covered(event) for occ in occurrences(event, year)]
    first = occurrences(event, FIRST_YEAR)[0]
    repeat = event.get("repeat", "yearly")
    rrule = {"freq": "yearly"} if repeat == "yearly" else {"freq": "monthly", "interval": INTERVAL[repeat]}
    return [_vevent(event, event["id"], first.start, first.end, rrule)]


def build_calendar_ics(events: list[dict]) -> bytes:
    """The whole calendar as bytes (UTF-8, CRLF line ends, folded lines)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", CALENDAR_NAME)
    vevents = [v for event in events for v in calendar_events(event)]
    vevents.sort(key=lambda v: (v.decoded("dtstart"), str(v["uid"])))
    for vevent in vevents:
        cal.add_component(vevent)
    return cal.to_ical()
