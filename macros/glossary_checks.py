"""Cross-record checks for the glossary (data/terms/) and the calendar (data/events/)."""

from __future__ import annotations

from .sitedata import SiteData, register_check


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
