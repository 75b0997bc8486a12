"""Calendar: event dates, the .ics export, the 工作日历 page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from icalendar import Calendar
from lunardate import LunarDate

from macros.errors import GuideError
from macros.events import months_touched, occurrences, repeat_months
from macros.export.calendar_ics import build_calendar_ics
from macros.render.calendar import month_entries, render_calendar, when_text
from macros.sitedata import load_site_data
from support import ROOT
from support.copies import data_copy

LUNAR = {"农历正月初一": (1, 1), "农历正月十五": (1, 15), "农历五月初五": (5, 5), "农历七月初七": (7, 7),
         "农历八月十五": (8, 15), "农历九月初九": (9, 9)}
REQUIRED = ["lei-feng-day", "national-security-day", "world-book-day", "youth-day", "party-day", "army-day",
            "ecology-day", "victory-day", "civic-morality-day", "martyrs-day", "constitution-day", "memorial-day",
            "volunteer-day", "spring-festival", "lantern-festival", "qingming", "dragon-boat", "qixi", "mid-autumn",
            "double-ninth", "winter-training", "half-year-report", "annual-report", "work-plan",
            "quarterly-analysis", "half-year-study"]


@pytest.fixture(scope="module")
def events() -> list[dict]:
    return [r.data for r in load_site_data(ROOT).all("events")]


@pytest.fixture(scope="module")
def ics(events) -> Calendar:
    return Calendar.from_ical(build_calendar_ics(events))


# ---- pure functions -------------------------------------------------------

def test_required_events_present(events):
    ids = {e["id"] for e in events}
    assert not set(REQUIRED) - ids


def test_fixed_dates_as_announced(events):
    by_id = {e["id"]: e for e in events}
    expected = {"lei-feng-day": "03-05", "national-security-day": "04-15", "world-book-day": "04-23",
                "youth-day": "05-04", "party-day": "07-01", "army-day": "08-01", "ecology-day": "08-15",
                "victory-day": "09-03", "civic-morality-day": "09-20", "martyrs-day": "09-30",
                "constitution-day": "12-04", "volunteer-day": "12-05", "memorial-day": "12-13",
                "half-year-report": "06-20", "annual-report": "12-20"}
    assert {k: by_id[k]["date"] for k in expected} == expected
    assert by_id["half-year-report"]["local_rule"] and by_id["annual-report"]["local_rule"]


def test_lunar_dates_match_the_lunar_calendar(events):
    checked = 0
    for event in events:
        if event.get("lunar") in LUNAR:
            month, day = LUNAR[event["lunar"]]
            for text in event["lunar_dates"]:
                year = int(text[:4])
                assert LunarDate(year, month, day).to_solar_date().isoformat() == text, event["id"]
                checked += 1
    assert checked == 12  # six festivals, 2026 and 2027


def test_repeat_months():
    assert repeat_months(3, "quarterly") == [3, 6, 9, 12]
    assert repeat_months(6, "half-yearly") == [6, 12]
    assert repeat_months(5, "yearly") == [5]


def test_span_wraps_into_next_year():
    occ = occurrences({"id": "w", "date": "12-01", "end": "02-28"}, 2026)[0]
    assert (occ.start, occ.end) == (dt.date(2026, 12, 1), dt.date(2027, 2, 28))
    assert months_touched(occ) == [12, 1, 2]


def test_when_text():
    assert when_text({"date": "03-05"}) == "每年3月5日"
    assert when_text({"date": "12-01", "end": "02-28", "when_note": "以当地安排为准"}) == "每年12月1日至次年2月28日。以当地安排为准"
    assert when_text({"id": "s", "lunar": "农历正月初一", "lunar_dates": ["2026-02-17", "2027-02-06"]}) == \
        "农历正月初一：2026年2月17日，2027年2月6日"


def test_every_event_is_described_in_exactly_one_month(events):
    primary = [e.event["id"] for entries in month_entries(events).values() for e in entries if e.primary]
    assert sorted(primary) == sorted(e["id"] for e in events)


def test_render_calendar_has_twelve_months_and_every_event(events):
    text = render_calendar(events, "calendar/index.md")
    assert [int(m) for m in re.findall(r"^## (\d+)月 \{#month-\d+\}$", text, re.MULTILINE)] == list(range(1, 13))
    for event in events:
        assert text.count(f"{{#ev-{event['id']}}}") == 1


# ---- the .ics -------------------------------------------------------------

def expected_vevents(events) -> int:
    return sum(len(e["lunar_dates"]) if "lunar_dates" in e else 1 for e in events)


def test_ics_matches_data(events, ics):
    vevents = ics.walk("VEVENT")
    assert len(vevents) == expected_vevents(events)
    by_uid = {str(v["UID"]): v for v in vevents}
    for event in events:
        if "lunar_dates" in event:
            for text in event["lunar_dates"]:
                v = by_uid[f"{event['id']}-{text[:4]}@jiedao-guide"]
                assert v.decoded("DTSTART") == dt.date.fromisoformat(text)
                assert "RRULE" not in v
        else:
            v = by_uid[f"{event['id']}@jiedao-guide"]
            start = v.decoded("DTSTART")
            assert isinstance(start, dt.date) and not isinstance(start, dt.datetime)  # all-day
            assert start.strftime("%m-%d") == event["date"]
            rule = v["RRULE"]
            if event.get("repeat", "yearly") == "yearly":
                assert rule["FREQ"] == ["YEARLY"]
            else:
                assert rule["FREQ"] == ["MONTHLY"] and rule["INTERVAL"] == [{"quarterly": 3, "half-yearly": 6}[event["repeat"]]]
        assert str(v["SUMMARY"]) == event["title"]
        assert event["what"][0] in str(v["DESCRIPTION"])
        assert v.decoded("DTEND") > v.decoded("DTSTART")
        alarms = v.walk("VALARM")
        assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") < dt.timedelta(0) or event.get("remind_days") == 0


def test_ics_is_rfc5545_shaped(events):
    data = build_calendar_ics(events)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75  # folded, in octets
    for key in (b"VERSION:2.0", b"PRODID:", b"CALSCALE:GREGORIAN"):
        assert any(line.startswith(key) for line in lines)
    data.decode("utf-8")  # folding never splits a character


def test_ics_is_deterministic(events):
    assert build_calendar_ics(events) == build_calendar_ics([dict(e) for e in reversed(events)])


def test_ics_winter_training_spans_the_season(ics):
    v = next(v for v in ics.walk("VEVENT") if str(v["UID"]) == "winter-training@jiedao-guide")
    assert (v.decoded("DTSTART"), v.decoded("DTEND")) == (dt.date(2026, 12, 1), dt.date(2027, 3, 1))


# ---- bad data -------------------------------------------------------------

def _break_event(tmp_path, old: str, new: str, file: str = "lei-feng-day.yml"):
    project = data_copy(tmp_path)
    path = project / "data" / "events" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return project, text.splitlines().index(next(line for line in text.splitlines() if old in line)) + 1


def test_impossible_date_names_file_and_line(tmp_path):
    project, line = _break_event(tmp_path, "date: 03-05", "date: 02-30")
    with pytest.raises(GuideError) as caught:
        load_site_data(project)
    assert caught.value.path == "data/events/lei-feng-day.yml" and caught.value.line == line
    assert "02-30" in caught.value.problem


def test_malformed_lunar_date_names_file_and_line(tmp_path):
    project, line = _break_event(tmp_path, "2027-02-06", "2027-02-30", "spring-festival.yml")
    with pytest.raises(GuideError) as caught:
        load_site_data(project)
    assert caught.value.path == "data/events/spring-festival.yml" and caught.value.line == line


def test_event_link_to_missing_page(tmp_path):
    project, line = _break_event(tmp_path, "page: work-points/civilization.md", "page: work-points/nope.md")
    with pytest.raises(GuideError) as caught:
        load_site_data(project)
    assert caught.value.line == line and "nope.md" in caught.value.problem


# ---- the built site -------------------------------------------------------

def test_built_ics_equals_export(built_site, events):
    site = built_site
    assert site.file("downloads/calendar.ics").read_bytes() == build_calendar_ics(events)


def test_calendar_page(built_site, events):
    site = built_site
    article = site.article("calendar/index.html")
    for month in range(1, 13):
        assert article.select_one(f"h2#month-{month}") is not None
    for event in events:
        assert article.select_one(f"h3#ev-{event['id']}") is not None, event["id"]
    link = article.select_one('a[href$="downloads/calendar.ics"]')
    assert link is not None and link.get("download", "").endswith(".ics")
    assert article.select_one("#guide-this-month") is not None
    assert article.select_one("figure.guide-year svg") is not None
    assert "依据截至" in article.get_text()


def test_this_month_hint_in_browser(built_site, page):
    """The hint box is filled from the browser's date, links to the month and marks it."""
    page.page.goto((built_site.path / "calendar/index.html").as_uri())
    box = page.page.locator("#guide-this-month")
    assert box.is_visible()
    month = dt.date.today().month
    assert f"#month-{month}" in box.inner_html()
    assert page.page.locator(f"#month-{month}.guide-month--current").count() == 1


def test_ics_identical_across_processes(tmp_path):
    """Two separate runs (different hash seeds) write the same bytes."""
    import os
    import subprocess
    import sys
    script = ("import sys; sys.path.insert(0, sys.argv[1]);"
              "from macros.sitedata import load_site_data;"
              "from macros.export.calendar_ics import build_calendar_ics;"
              "sys.stdout.buffer.write(build_calendar_ics([r.data for r in load_site_data(sys.argv[1]).all('events')]))")
    outputs = [subprocess.run([sys.executable, "-c", script, str(ROOT)], capture_output=True, check=True,
                              env=dict(os.environ, PYTHONHASHSEED=seed)).stdout for seed in ("1", "2")]
    assert outputs[0] == outputs[1] and outputs[0].startswith(b"BEGIN:VCALENDAR")
