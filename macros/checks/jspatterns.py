"""Patterns of data/ that JavaScript's RegExp must read, as checker/engine.js compiles them.

The checks of data/checker and data/ledgers name each such pattern (``want``)
with its place and what to say; ``verify`` has V8 read them all in one call and
raises, at its file and line, the first one it cannot read. A data load runs it
at once (``load_site_data``); a cold ``mkdocs build`` hands the patterns to the
download worker, which has V8 loaded anyway (``hooks/downloads.py``), and stops
the build with the same error when the worker reports a problem: creating V8 in
the build's own process only to read them cost about a tenth of a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Wanted:
    record: Any  # macros.sitedata.Record
    where: tuple
    source: str
    flags: str
    problem: str  # what the error says before V8's message
    fix: str


def want(site, record, where: tuple, source: str, flags: str, problem: str, fix: str) -> None:
    """Have ``source`` read with ``flags`` by RegExp before the data is used."""
    site.js_patterns.append(Wanted(record, where, source, flags, problem, fix))


def pairs(wanted: list[Wanted]) -> list[tuple[str, str]]:
    return [(w.source, w.flags) for w in wanted]


def problems_of(patterns: list[tuple[str, str]]) -> list[str | None]:
    """Why RegExp cannot read each (source, flags), or None (in V8: checker/engine.py ``regex_errors``)."""
    from checker.engine import regex_errors

    return regex_errors(patterns)


def verify(wanted: list[Wanted], problems: list[str | None] | None = None) -> None:
    """Raise GuideError for the first pattern RegExp cannot read; ``problems`` as ``problems_of`` gave them, if
    they were found elsewhere (the download worker)."""
    if problems is None:
        problems = problems_of(pairs(wanted))
    for item, problem in zip(wanted, problems):
        if problem:
            raise item.record.error(item.where, f"{item.problem}{problem}", item.fix)
