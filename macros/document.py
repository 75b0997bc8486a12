"""The shape of an official document, shared by templates and samples.

Templates (data/templates) and annotated samples (data/samples) both become
an ``OfficialDocument``; ``macros/export/`` turns that into a .docx laid out
per GB/T 9704-2012, so a template and its sample download look alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

HEADING_KINDS = ("h1", "h2", "h3", "h4")  # 一、 （一） 1. （1）
BLOCK_KINDS = HEADING_KINDS + ("p", "table")


@dataclass(frozen=True)
class Block:
    """One paragraph, heading or table of the body."""

    kind: str  # one of BLOCK_KINDS
    text: str = ""  # headings and paragraphs; may contain 【填写：…】 fields
    columns: tuple[str, ...] = ()  # tables only
    rows: tuple[tuple[str, ...], ...] = ()  # tables only

    def __post_init__(self):
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}; use one of {', '.join(BLOCK_KINDS)}")


@dataclass(frozen=True)
class OfficialDocument:
    """Title, addressee (主送机关), body, attachments note, signature and date."""

    title: str
    blocks: tuple[Block, ...]
    addressee: str | None = None  # without the trailing colon
    signature: str | None = None  # 落款 (发文机关署名)
    date: str | None = None  # 成文日期, e.g. 2026年6月18日
    attachments: tuple[str, ...] = field(default_factory=tuple)  # 附件名称


def block_from_mapping(item: dict) -> Block:
    """A data-file block ``{h1: …}``, ``{p: …}`` or ``{table: {columns, rows}}``."""
    kinds = [k for k in BLOCK_KINDS if k in item]
    if len(kinds) != 1:
        raise ValueError(f"a block needs exactly one of {', '.join(BLOCK_KINDS)}; found {kinds or 'none'}")
    kind = kinds[0]
    if kind == "table":
        table = item["table"]
        return Block("table", columns=tuple(table["columns"]), rows=tuple(tuple(r) for r in table["rows"]))
    return Block(kind, text=item[kind])
