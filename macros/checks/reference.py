"""Cross-record checks for the glossary (data/terms/), the calendar
(data/events/) and the diagrams (data/diagrams/)."""

from __future__ import annotations

from ..events import parse_date, parse_month_day
from ..sitedata import SiteData, register_check


def term_names(record) -> list[tuple[tuple, str]]:
    """(path inside the record, name) for the term and each alias."""
    names = [(("term",), record["term"])]
    names += [(("aliases", i), a) for i, a in enumerate(record.get("aliases", []))]
    return names


@register_check
def term_names_unique(site: SiteData) -> None:
    """A term or alias names exactly one record; a wrong form is never a correct name."""
    seen: dict[str, str] = {}
    for record in site.all("terms"):
        for where, name in term_names(record):
            if name in seen:
                other = seen[name]
                raise record.error(
                    where, f"'{name}' is already a term or alias of data/terms/{other}.yml"
                    if other != record.id else f"'{name}' is listed twice in this record",
                    "keep each name in one record only (merge the two records or remove the alias)")
            seen[name] = record.id
    for record in site.all("terms"):
        for i, wrong in enumerate(record.get("wrong", [])):
            if wrong in seen:
                raise record.error(("wrong", i), f"wrong form '{wrong}' is the correct name of data/terms/{seen[wrong]}.yml",
                                   "remove it from 'wrong' or from that record's term/aliases")


@register_check
def event_dates_valid(site: SiteData) -> None:
    """Each event has one kind of date, and every date exists."""
    for record in site.all("events"):
        data = record.data
        if ("date" in data) == ("lunar_dates" in data):
            raise record.error((), "give either 'date' (MM-DD, every year) or 'lunar_dates' (one YYYY-MM-DD per year)",
                               "keep exactly one of the two fields")
        if ("lunar" in data) != ("lunar_dates" in data):
            raise record.error(("lunar",) if "lunar" in data else ("lunar_dates",),
                               "'lunar' and 'lunar_dates' go together",
                               "add 'lunar: 农历…' describing the rule, or remove both")
        for key in ("date", "end"):
            if key in data:
                try:
                    parse_month_day(data[key])
                except ValueError:
                    raise record.error((key,), f"{key} '{data[key]}' is not a day of the year",
                                       "write an existing day as MM-DD (02-29 is not allowed: it is missing in most years)") from None
        if "end" in data and data.get("repeat", "yearly") != "yearly":
            raise record.error(("end",), "a period ('end') can only repeat yearly", "remove 'repeat' or 'end'")
        lunar_dates_valid(record)
        for i, link in enumerate(data.get("see", [])):
            page = link["page"].split("#")[0]
            if not (site.root / "docs" / page).is_file():
                raise record.error(("see", i, "page"), f"page '{page}' does not exist under docs/",
                                   "correct the path (relative to docs/) or remove the link")


def lunar_dates_valid(record) -> None:
    """An event's lunar_dates are existing days, one a year, in increasing order."""
    years: list[int] = []
    for i, text in enumerate(record.get("lunar_dates", [])):
        try:
            day = parse_date(text)
        except ValueError:
            raise record.error(("lunar_dates", i), f"'{text}' is not a date",
                               "write an existing day as YYYY-MM-DD") from None
        if years and day.year <= years[-1]:
            raise record.error(("lunar_dates", i), f"{text}: one date per year, in increasing order",
                               "list the dates year by year")
        years.append(day.year)


@register_check
def diagram_steps_consistent(site: SiteData) -> None:
    """Step ids are unique and the back edge joins two existing steps."""
    from ..sitedata import check_unique
    for record in site.all("diagrams"):
        check_unique(record.source, record["steps"], "id", ("steps",))
        ids = [s["id"] for s in record["steps"]]
        edge = record.get("back_edge")
        for key in ("from", "to"):
            if edge and edge[key] not in ids:
                raise record.error(("back_edge", key), f"no step '{edge[key]}' in this diagram",
                                   f"use one of: {', '.join(ids)}")
