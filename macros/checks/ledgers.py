r"""Cross-record checks for data/ledgers: what 台账对数 counts refers to real columns and choices.

A ledger's ``roles`` and ``counts`` (see data/schemas/ledger.schema.json) name
its columns and the values of their drop-down lists; ``written`` patterns are
read by Python (data/units' check of the samples) and by JavaScript (the
checker engine, checker/engine.js), so both must accept them, each with one
``(\d+)`` group; ``sentences`` may only name the ledger's counts.
"""

from __future__ import annotations

import re

from ..sitedata import Record, SiteData, check_unique, register_check
from .jspatterns import want

PLACEHOLDER = re.compile(r"\{([a-z0-9-]+)\}")
PERIOD_NAMES = {"period", "end"}


def _check_pattern(site: SiteData, ledger: Record, where: tuple, pattern: str) -> None:
    try:
        groups = re.compile(pattern).groups
    except re.error as exc:
        raise ledger.error(where, f"not a regular expression: {exc}",
                           "escape ( ) [ ] with a backslash where they are meant literally") from None
    if groups != 1:
        raise ledger.error(where, f"{groups} groups in the pattern",
                           "keep exactly one group, (\\d+), around the figure; write other groups as (?:…)")
    want(site, ledger, where, pattern, "gu", "JavaScript cannot read the pattern: ",
         "use what Python re and JavaScript RegExp (u flag) both read: fixed-width lookbehind, "
         "no named groups, no needless escapes")


def _check_columns(ledger: Record) -> dict[str, dict]:
    where: dict[str, tuple] = {}
    for c, column in enumerate(ledger["columns"]):
        for name, at in [(column["name"], ("columns", c, "name"))] + [
                (n, ("columns", c, "also", k)) for k, n in enumerate(column.get("also", []))]:
            if name in where:
                other = where[name]
                raise ledger.error(other if "also" in other else at, f"the header '{name}' names two columns",
                                   "give each column its own name and other names (also:)")
            where[name] = at
    return {column["name"]: column for column in ledger["columns"]}


def _check_count(site: SiteData, ledger: Record, i: int, count: dict, columns: dict[str, dict],
                 earlier: set[str]) -> None:
    where = ("counts", i)
    for column, values in count.get("where", {}).items():
        if column not in columns:
            raise ledger.error(where + ("where", column), f"no column '{column}'", "name one of the ledger's columns")
        choices = columns[column].get("choices")
        bad = [v for v in values if choices and v not in choices]
        if bad:
            raise ledger.error(where + ("where", column), f"'{bad[0]}' is not a choice of '{column}'",
                               f"use one of: {'、'.join(choices)}")
    if "sum" in count and count["sum"] not in columns:
        raise ledger.error(where + ("sum",), f"no column '{count['sum']}'", "name the column of numbers to add up")
    if "within" in count and count["within"] not in earlier:
        raise ledger.error(where + ("within",), f"'{count['within']}' is not a count above this one",
                           "name the id of an earlier count of this ledger")
    for k, pattern in enumerate(count.get("written", [])):
        _check_pattern(site, ledger, where + ("written", k), pattern)


@register_check
def ledger_counts_refer_to_columns(site: SiteData) -> None:
    for ledger in site.all("ledgers"):
        columns = _check_columns(ledger)
        for role, column in ledger.get("roles", {}).items():
            if column not in columns:
                raise ledger.error(("roles", role), f"no column '{column}'", "name one of the ledger's columns")
        counts = ledger.get("counts", [])
        check_unique(ledger.source, counts, "id", ("counts",))
        earlier: set[str] = set()
        for i, count in enumerate(counts):
            _check_count(site, ledger, i, count, columns, earlier)
            earlier.add(count["id"])
        for s, sentence in enumerate(ledger.get("sentences", [])):
            for name in PLACEHOLDER.findall(sentence):
                if name not in earlier | PERIOD_NAMES:
                    raise ledger.error(("sentences", s), f"{{{name}}} is not a count of this ledger",
                                       f"use {{period}}, {{end}} or one of: {', '.join(sorted(earlier))}")


@register_check
def ledger_samples_fit_their_ledgers(site: SiteData) -> None:
    for sample in site.all("ledger-samples"):
        site.get("units", sample["unit"], (sample.source.path, sample.source.line_of(("unit",))))
        for ledger_id, rows in sample["ledgers"].items():
            ledger = site.get("ledgers", ledger_id, (sample.source.path, sample.source.line_of(("ledgers", ledger_id))))
            columns = ledger["columns"]
            for r, row in enumerate(rows):
                if len(row) != len(columns):
                    raise sample.error(("ledgers", ledger_id, r), f"row {r + 1} has {len(row)} values, "
                                       f"{ledger_id} has {len(columns)} columns", "give one value per column, in order")
                for c, (value, column) in enumerate(zip(row, columns)):
                    if value != "" and column.get("choices") and value not in column["choices"]:
                        raise sample.error(("ledgers", ledger_id, r, c), f"'{value}' is not a choice of '{column['name']}'",
                                           f"use one of: {'、'.join(column['choices'])}")
