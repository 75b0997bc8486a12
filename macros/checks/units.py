r"""Cross-record checks for data/units: the samples agree with their unit's record.

A unit record (data/units/<id>.yml) states each fact of a fictional unit once:
its value, or its figure per period, and how the samples write it (regular
expressions with one ``(\d+)`` group). Every sentence of the unit's samples
(paragraphs, headings, notes and table cells; not the deliberately weak
versions) and every table row of its example pages is matched against those
patterns; a figure that differs from the record stops the build, naming the
file and line where it is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import GuideError
from ..sitedata import Record, SiteData, register_check

SENTENCE_END = re.compile(r"[。；！？\n]")
TEXT_KEYS = ("h1", "h2", "h3", "h4", "p", "note")


@dataclass(frozen=True)
class Sentence:
    path: str  # relative to the project root
    line: int | None
    text: str


@dataclass(frozen=True)
class Disagreement:
    unit: str
    fact: str
    label: str
    expected: int
    found: int
    where: Sentence

    def message(self) -> str:
        return (f"{self.where.path}:{self.where.line or '?'}: {self.label} is written as {self.found} "
                f"(“{self.where.text.strip()[:60]}”), but data/units/{self.unit}.yml says {self.expected}")


def _split(text: str) -> Iterator[str]:
    for part in SENTENCE_END.split(text):
        if part.strip():
            yield part


def sample_sentences(record: Record) -> Iterator[Sentence]:
    """Every sentence of a sample with its line: headings, paragraphs, notes, table cells."""
    source = record.source
    for b, block in enumerate(record["blocks"]):
        for key in TEXT_KEYS:
            if key in block:
                line = source.line_of(("blocks", b, key))
                for part in _split(block[key]):
                    yield Sentence(source.path, line, part)
        table = block.get("table")
        if table:
            for r, row in enumerate(table["rows"]):
                for c, cell in enumerate(row):
                    line = source.line_of(("blocks", b, "table", "rows", r, c))
                    for part in _split(cell):
                        yield Sentence(source.path, line, part)


def page_sentences(root: Path, page: str) -> Iterator[Sentence]:
    """The cells of every table row of a page (lines starting with |)."""
    rel = f"docs/{page}"
    text = (root / rel).read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("|"):
            for cell in line.strip().strip("|").split("|"):
                for part in _split(cell):
                    yield Sentence(rel, n, part)


def _matches(patterns: list[str], sentence: Sentence) -> Iterator[int]:
    for pattern in patterns:
        for match in re.finditer(pattern, sentence.text):
            yield int(match.group(1))


def ledger_count(site: SiteData, ref: str) -> dict | None:
    """The count ``<ledger id>/<count id>`` of data/ledgers, or None."""
    ledger_id, _, count_id = ref.partition("/")
    ledger = site.records.get("ledgers", {}).get(ledger_id)
    if ledger is None:
        return None
    return next((c for c in ledger.get("counts", []) if c["id"] == count_id), None)


def fact_patterns(site: SiteData, spec: dict) -> list[str]:
    """How a fact is written: its own patterns, or those of the ledger count it names (counted:)."""
    if "counted" in spec:
        count = ledger_count(site, spec["counted"])
        return list(count.get("written", [])) if count else []
    return list(spec["written"])


def unit_disagreements(unit: Record, site: SiteData) -> list[Disagreement]:
    """Every place where one of the unit's samples or pages states a recorded fact with another figure."""
    samples = {sid: site.get("samples", sid, (unit.source.path, unit.source.line_of(("samples",))))
               for sid in unit["samples"]}
    sentences = {sid: list(sample_sentences(record)) for sid, record in samples.items()}
    pages = {page: list(page_sentences(site.root, page)) for page in unit.get("pages", [])}
    facts = unit["facts"]
    found: list[Disagreement] = []

    def compare(fact: str, expected: int, where: list[Sentence]) -> None:
        spec = facts[fact]
        patterns = fact_patterns(site, spec)
        for sentence in where:
            for figure in _matches(patterns, sentence):
                if figure != expected:
                    found.append(Disagreement(unit.id, fact, spec["label"], expected, figure, sentence))

    everywhere = [s for group in (*sentences.values(), *pages.values()) for s in group]
    for fact, spec in facts.items():
        if "value" in spec:
            compare(fact, spec["value"], everywhere)

    for spec in unit.get("periods", {}).values():
        whole = [s for sid in spec.get("documents", []) for s in sentences[sid]]
        whole += [s for page in spec.get("pages", []) for s in pages[page]]
        mentions = spec.get("mentions", [])
        others = [s for sid, group in sentences.items() if sid not in spec.get("documents", [])
                  for s in group if any(m in s.text for m in mentions)]
        for fact, expected in spec["figures"].items():
            compare(fact, expected, whole + others)
    return found


def _check_references(unit: Record, site: SiteData) -> None:  # noqa: C901 (one flat list of reference checks)
    facts = unit["facts"]
    for fact, spec in facts.items():
        if "counted" in spec:
            count = ledger_count(site, spec["counted"])
            if count is None or not count.get("written"):
                raise unit.error(("facts", fact, "counted"), f"no count '{spec['counted']}' with written patterns",
                                 "name a count of data/ledgers/<ledger>.yml (counts: id) that has written:")
            continue
        for i, pattern in enumerate(spec["written"]):
            try:
                compiled = re.compile(pattern)
            except re.error as exc:
                raise unit.error(("facts", fact, "written", i), f"not a regular expression: {exc}",
                                 "escape ( ) [ ] with a backslash where they are meant literally") from None
            if compiled.groups != 1:
                raise unit.error(("facts", fact, "written", i), f"{compiled.groups} groups in the pattern",
                                 "keep exactly one group, (\\d+), around the figure; write other groups as (?:…)")
    pages = set(unit.get("pages", []))
    for p, page in enumerate(sorted(pages)):
        if not (site.root / "docs" / page).is_file():
            raise unit.error(("pages",), f"page '{page}' does not exist under docs/", "correct the path (relative to docs/)")
    for period, spec in unit.get("periods", {}).items():
        for i, sid in enumerate(spec.get("documents", [])):
            if sid not in unit["samples"]:
                raise unit.error(("periods", period, "documents", i), f"'{sid}' is not one of the unit's samples",
                                 "add it to samples: or remove it here")
        for i, page in enumerate(spec.get("pages", [])):
            if page not in pages:
                raise unit.error(("periods", period, "pages", i), f"'{page}' is not one of the unit's pages",
                                 "add it to pages: or remove it here")
        for fact in spec["figures"]:
            if fact not in facts:
                raise unit.error(("periods", period, "figures", fact), f"unknown fact '{fact}'",
                                 "declare it under facts: with its label and written patterns")
            if "value" in facts[fact]:
                raise unit.error(("periods", period, "figures", fact),
                                 f"'{fact}' has a value for all periods under facts:",
                                 "remove the value there or the figure here")


@register_check
def samples_agree_with_units(site: SiteData) -> None:
    for unit in site.all("units"):
        _check_references(unit, site)
        found = unit_disagreements(unit, site)
        if found:
            first = found[0]
            more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
            raise GuideError(first.where.path, first.where.line,
                             f"{first.label} is written as {first.found}, but data/units/{unit.id}.yml says "
                             f"{first.expected}{more}",
                             f"write {first.expected}, or, if the sample is right, change the record and every "
                             f"other sample that states it (python -m pytest tests/test_units.py lists them all)")
