"""One wording for every recurring deadline (data/events/<id>.yml ``deadline_text``),
and checklist sizes computed from the checklist records (``checklist_items``).

Pages write ``{{ deadline("half-year-report") }}``; data files (templates, samples,
events, checklists, ledgers) may write the same call inside their text, and it is
replaced here, once, right after loading, so that every renderer and every
generated .docx sees the wording. A deadline that has no calendar date (the
incident report) keeps its wording in its template record's ``deadline_text``.
A sample of a document whose event has ``latest`` must be dated on or before it.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import GuideError
from ..sitedata import Record, SiteData, register_check

CALL = re.compile(r"\{\{\s*deadline\(\s*[\"']([a-z0-9-]+)[\"']\s*\)\s*\}\}")
# {{ checklist_items("<id>") }}: the number of items of a checklist, so that no page or template types it.
COUNT_CALL = re.compile(r"\{\{\s*checklist_items\(\s*[\"']([a-z0-9-]+)[\"']\s*\)\s*\}\}")
RESOLVED_KINDS = ("events", "templates", "samples", "checklists", "ledgers")
SAMPLE_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


def deadline_texts(site: SiteData) -> dict[str, str]:
    """Deadline id -> its one wording, from events and (for undated ones) templates."""
    found: dict[str, tuple[Record, str]] = {}
    for kind in ("events", "templates"):
        for record in site.all(kind):
            text = record.get("deadline_text")
            if text is None:
                continue
            if record.id in found:
                raise record.error(("deadline_text",),
                                   f"the deadline '{record.id}' is also worded in {found[record.id][0].source.path}",
                                   "keep the wording in one record only (the event when it has a date)")
            if CALL.search(text):
                raise record.error(("deadline_text",), "a deadline's wording cannot call deadline()",
                                   "write the wording out here")
            found[record.id] = (record, text)
    return {key: text for key, (_record, text) in found.items()}


def checklist_counts(site: SiteData) -> dict[str, int]:
    """Checklist id -> its number of items."""
    return {record.id: len(record["items"]) for record in site.all("checklists")}


def unknown_deadline(where: tuple[str, int | None], deadline_id: str, known: dict[str, str]) -> GuideError:
    return GuideError(where[0], where[1], f"unknown deadline '{deadline_id}'",
                      f"use one of: {', '.join(sorted(known))}; or add deadline_text to data/events/{deadline_id}.yml")


def _resolve(value: Any, path: tuple, record: Record, known: dict[str, str], counts: dict[str, int]) -> Any:
    if isinstance(value, str):
        def text(match: re.Match) -> str:
            if match.group(1) not in known:
                raise unknown_deadline((record.source.path, record.source.line_of(path)), match.group(1), known)
            return known[match.group(1)]

        def count(match: re.Match) -> str:
            checklist = counts.get(match.group(1))
            if checklist is None:
                raise GuideError(record.source.path, record.source.line_of(path),
                                 f"unknown checklist '{match.group(1)}'",
                                 f"use one of: {', '.join(sorted(counts))}")
            return str(checklist)
        return COUNT_CALL.sub(count, CALL.sub(text, value))
    if isinstance(value, dict):
        for key in list(value):
            value[key] = _resolve(value[key], path + (key,), record, known, counts)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            value[i] = _resolve(item, path + (i,), record, known, counts)
    return value


@register_check
def resolve_deadline_calls(site: SiteData) -> None:
    """Replace {{ deadline("<id>") }} in data text by the deadline's wording (in place, once per load)."""
    known = deadline_texts(site)
    counts = checklist_counts(site)
    for kind in RESOLVED_KINDS:
        for record in site.all(kind):
            _resolve(record.data, (), record, known, counts)


@register_check
def samples_dated_within_their_deadline(site: SiteData) -> None:
    events = site.records.get("events", {})
    # The samples describe the guide's own fictional street, so they keep the guide's deadline: an event a
    # local layer replaces (its own 本区 deadline) is not theirs.
    local_events = {rid for kind, rid in (site.layer.local_paths if site.layer else {}) if kind == "events"}
    for record in site.all("samples"):
        event = events.get(record["template"])
        if not event or "latest" not in event.data or record["template"] in local_events:
            continue
        match = SAMPLE_DATE.match(record["date"])
        month, day = int(match.group(2)), int(match.group(3))
        latest_month, latest_day = (int(x) for x in event["latest"].split("-"))
        if (month, day) > (latest_month, latest_day):
            raise record.error(("date",), f"dated {record['date']}, after the deadline the guide teaches "
                                          f"({event['deadline_text']})",
                               f"date it on or before {latest_month}月{latest_day}日, or change 'latest' in "
                               f"{event.source.path}")
