"""Cross-record checks for data/templates and data/ledgers.

Every 【填写：…】 in a template must be a declared field and every declared
field must be used; headings are numbered in order; tables are rectangular;
checklists and ledgers a template names must exist. Each problem raises
GuideError at the file and line of the offending value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..sitedata import Record, SiteData, check_unique, register_check

FIELD_RE = re.compile(r"【填写：([^【】]*)】")
FIELD_START = re.compile(r"【填写(?!说明】)")
CN_NUMBERS = "一二三四五六七八九十"
HEADING_NUMBER = {
    "h1": re.compile(r"^([一二三四五六七八九十]+)、"),
    "h2": re.compile(r"^（([一二三四五六七八九十]+)）"),
    "h3": re.compile(r"^([0-9]+)\."),
    "h4": re.compile(r"^（([0-9]+)）"),
}


def cn_number(text: str) -> int:
    """'三' -> 3, '十二' -> 12 (up to 99)."""
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + CN_NUMBERS.index(text[1]) + 1
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_NUMBERS.index(tens) + 1) * 10 + (CN_NUMBERS.index(ones) + 1 if ones else 0)
    return CN_NUMBERS.index(text) + 1


def _blocks_texts(blocks: list, where: tuple) -> Iterator[tuple[tuple, str]]:
    for b, block in enumerate(blocks):
        for kind, value in block.items():
            if kind == "table":
                for c, cell in enumerate(value["columns"]):
                    yield where + (b, "table", "columns", c), cell
                for r, row in enumerate(value["rows"]):
                    for c, cell in enumerate(row):
                        yield where + (b, "table", "rows", r, c), cell
            else:
                yield where + (b, kind), value


def template_texts(data: dict) -> Iterator[tuple[tuple, str]]:
    """(path, text) of every value of a template that goes into the .docx."""
    for key in ("doc_title", "addressee", "signature", "date"):
        if key in data:
            yield (key,), data[key]
    for s, section in enumerate(data["sections"]):
        yield from _blocks_texts(section["blocks"], ("sections", s, "blocks"))
        if "appendix" in section:
            yield ("sections", s, "appendix", "title"), section["appendix"]["title"]
            yield from _blocks_texts(section["appendix"]["blocks"], ("sections", s, "appendix", "blocks"))


def check_template_fields(record: Record) -> None:
    declared = {f["label"]: i for i, f in enumerate(record["fields"])}
    used: set[str] = set()
    for where, text in template_texts(record.data):
        if len(FIELD_START.findall(text)) != len(FIELD_RE.findall(text)):
            raise record.error(where, f"a malformed field in '{text}'",
                               "write fields as 【填写：字段名】 with a full-width colon and a closing 】")
        for label in FIELD_RE.findall(text):
            if label not in declared:
                known = "、".join(declared) or "none"
                raise record.error(where, f"unknown field 【填写：{label}】",
                                   f"declare it under 'fields' (id, label: {label}, help, example) "
                                   f"or use a declared one: {known}")
            used.add(label)
    for label, i in declared.items():
        if label not in used:
            raise record.error(("fields", i, "label"), f"field '{label}' is declared but never used",
                               "use 【填写：" + label + "】 in the title, body or signature, or remove the field")


def _check_blocks(record: Record, located: list[tuple[dict, tuple]]) -> None:
    """Tables rectangular and heading numbers in order; ``located`` = [(block, path)]."""
    expected = {"h1": 1, "h2": 1, "h3": 1, "h4": 1}
    for block, where in located:
        kind, value = next(iter(block.items()))
        if kind == "table":
            width = len(value["columns"])
            for r, row in enumerate(value["rows"]):
                if len(row) != width:
                    raise record.error(where + ("table", "rows", r),
                                       f"row {r + 1} has {len(row)} cells, the table has {width} columns",
                                       "give every row one cell per column (an empty cell is \"\")")
            continue
        if kind not in HEADING_NUMBER:
            continue
        raw = HEADING_NUMBER[kind].match(value).group(1)
        number = int(raw) if raw.isdigit() else cn_number(raw)
        if number != expected[kind]:
            raise record.error(where + (kind,), f"heading '{value}' is numbered {number}, expected {expected[kind]}",
                               "number the headings of each level in order; a lower level restarts at 1 "
                               "under each new higher heading")
        expected[kind] += 1
        for lower in range(int(kind[1]) + 1, 5):
            expected[f"h{lower}"] = 1


@register_check
def templates_consistent(site: SiteData) -> None:
    checklists = site.records.get("checklists", {})
    ledgers = site.records.get("ledgers", {})
    samples = site.records.get("samples")
    for record in site.all("templates"):
        check_unique(record.source, record["sections"], "id", ("sections",))
        check_unique(record.source, record["fields"], "id", ("fields",))
        check_unique(record.source, record["fields"], "label", ("fields",))
        check_template_fields(record)
        body = [(block, ("sections", s, "blocks", b)) for s, section in enumerate(record["sections"])
                for b, block in enumerate(section["blocks"])]
        _check_blocks(record, body)  # the body's headings are numbered across sections
        for s, section in enumerate(record["sections"]):
            if "appendix" in section:
                _check_blocks(record, [(block, ("sections", s, "appendix", "blocks", b))
                                       for b, block in enumerate(section["appendix"]["blocks"])])
        for i, checklist_id in enumerate(record["checklists"]):
            if checklist_id not in checklists:
                raise record.error(("checklists", i), f"unknown checklist '{checklist_id}'",
                                   f"use one of: {', '.join(sorted(checklists))}")
        related = record.get("related", {})
        for i, ledger_id in enumerate(related.get("ledgers", [])):
            if ledger_id not in ledgers:
                raise record.error(("related", "ledgers", i), f"unknown ledger '{ledger_id}'",
                                   f"use one of: {', '.join(sorted(ledgers))}")
        if "sample" in related and samples is not None and related["sample"] not in samples:
            raise record.error(("related", "sample"), f"unknown sample '{related['sample']}'",
                               f"use one of: {', '.join(sorted(samples))}, or remove 'sample'")


@register_check
def ledgers_consistent(site: SiteData) -> None:
    for record in site.all("ledgers"):
        columns = record["columns"]
        check_unique(record.source, columns, "name", ("columns",))
        for r, row in enumerate(record.get("rows", [])):
            if len(row) != len(columns):
                raise record.error(("rows", r), f"example row {r + 1} has {len(row)} values, the ledger has "
                                   f"{len(columns)} columns", "give one value per column (\"\" when empty)")
            for c, (value, column) in enumerate(zip(row, columns)):
                if "choices" in column and value != "" and value not in column["choices"]:
                    raise record.error(("rows", r, c), f"'{value}' is not one of the choices of column "
                                       f"'{column['name']}'", f"use one of: {'、'.join(column['choices'])}")
