"""Sample records (data/samples) -> annotated Markdown and OfficialDocument (pure).

A sample page shows the document as a reader would see it on paper (title,
主送, body, 落款, date) inside ``<div class="sample-doc">``. Document headings
(一、（一）1.（1）) are styled paragraphs, not page headings, so the page's table
of contents stays about the page: 范文全文, 改写对照. Every block with a
``note`` ends with a Material annotation marker and is followed by its note
(``{ .annotate }`` + a one-item numbered list). Blocks with a ``weak`` version
are shown again under 改写对照: the weak version and the sample's version side
by side, then why. Weak versions are wrapped in ``.fault-example`` so that the
report checker does not take them for the guide's own text.
"""

from __future__ import annotations

import html
import re

from ..document import BLOCK_KINDS, HEADING_KINDS, OfficialDocument, block_from_mapping

# Template ids and their section ids, in the order the sample index lists
# them (and for the unit tests, which run without data). data/templates is the
# source the build checks samples against; tests/test_samples_content.py checks
# that this copy agrees with it.
TEMPLATE_SECTIONS: dict[str, tuple[str, ...]] = {
    "half-year-report": ("opening", "achievements", "problems", "next-steps"),
    "annual-report": ("opening", "achievements", "problems", "next-steps"),
    "responsibility-self-inspection-report": ("opening", "self-check", "problems", "rectification"),
    "work-plan": ("guiding-principles", "tasks", "safeguards", "task-table"),
    "situation-analysis": ("opening", "overall", "risks", "measures"),
    "opinion-incident-report": ("opening", "event", "handling", "review"),
    "study-plan": ("guiding-principles", "topics", "methods"),
    "civilization-activity-plan": ("purpose", "arrangements", "safeguards"),
    "rectification-report": ("opening", "progress", "mechanisms", "next-steps"),
}

TEMPLATE_NAMES: dict[str, str] = {
    "half-year-report": "意识形态工作半年情况汇报",
    "annual-report": "年度意识形态工作总结（报告）",
    "responsibility-self-inspection-report": "意识形态工作责任制落实情况自查报告",
    "work-plan": "宣传思想工作要点（附任务分解表）",
    "situation-analysis": "意识形态领域情况分析研判报告",
    "opinion-incident-report": "网络舆情处置情况报告",
    "study-plan": "理论学习中心组年度学习计划",
    "civilization-activity-plan": "新时代文明实践活动方案",
    "rectification-report": "问题整改报告（附整改清单）",
}

# Material turns "(1)" in an .annotate element into an annotation marker, so
# document text must use full-width （1） (which 公文 requires anyway).
ASCII_MARKER = re.compile(r"\(\d+\)")
HAN = re.compile(r"[\u3400-\u9fff]")
CN_NUMBERS = "一二三四五六七八九十"

_ESCAPE = re.compile(r"([\\`*_\[\]{}|~^=#+!])")
_LEADING = re.compile(r"^(\s*)(\d+)\.")  # "1. " would start an ordered list


def escape_md(text: str) -> str:
    """Document text as literal Markdown: no emphasis, links, lists or HTML."""
    text = html.escape(text, quote=False)  # a < or & in a document is text, not HTML
    text = _ESCAPE.sub(r"\\\1", text)
    text = _LEADING.sub(r"\1\2\\.", text)
    if text.startswith("-"):
        text = "\\" + text
    return " ".join(text.split("\n"))  # a line break would end the Markdown paragraph or table cell


def block_kind(block: dict) -> str:
    """The kind (h1 … p, table) of a data block; ValueError when not exactly one."""
    return block_from_mapping(block).kind


def block_text(block: dict) -> str:
    """The document text of a block (table cells joined), without notes."""
    kind = block_kind(block)
    if kind == "table":
        table = block["table"]
        return "".join(table["columns"]) + "".join("".join(row) for row in table["rows"])
    return block[kind]


def document_text(record) -> str:
    """The whole document text: title, addressee, body, signature and date."""
    parts = [record["title"], record["addressee"]] + [block_text(b) for b in record["blocks"]]
    parts += list(record.get("attachments") or []) + [record["signature"], record["date"]]
    return "\n".join(parts)


def han_count(text: str) -> int:
    """How many Chinese characters ``text`` contains."""
    return len(HAN.findall(text))


def annotation_count(record) -> int:
    return sum(1 for b in record["blocks"] if b.get("note"))


def problems(record) -> list[tuple[tuple, str, str]]:
    """Problems a schema cannot express, as (path in file, problem, fix)."""
    found: list[tuple[tuple, str, str]] = []
    for i, block in enumerate(record["blocks"]):
        where = ("blocks", i)
        try:
            kind = block_kind(block)
        except ValueError as exc:
            found.append((where, str(exc), "give each block exactly one of h1, h2, h3, h4, p or table"))
            continue
        if kind == "table" and block.get("weak"):
            found.append((where + ("weak",), "a table cannot have a weak version",
                          "put the weak version on a paragraph, or explain the table's faults in its note"))
        if kind == "table":
            width = len(block["table"]["columns"])
            for r, row in enumerate(block["table"]["rows"]):
                if len(row) != width:
                    found.append((where + ("table", "rows", r), f"row has {len(row)} cells, the table {width} columns",
                                  "give every row one cell per column (use an empty string for an empty cell)"))
        for key in ("h1", "h2", "h3", "h4", "p", "weak"):
            if key in block and ASCII_MARKER.search(block[key]):
                found.append((where + (key,), f"ASCII '{ASCII_MARKER.search(block[key]).group()}' in document text",
                              "write numbered items with full-width brackets （1）, as 公文 requires"))
    return found


def sections_problems(record, template_sections: tuple[str, ...]) -> list[tuple[tuple, str, str]]:
    """Section ids must be the template's, each once, in the template's order."""
    found = []
    seen: list[str] = []
    for i, block in enumerate(record["blocks"]):
        section = block.get("section")
        if section is None:
            continue
        where = ("blocks", i, "section")
        if section not in template_sections:
            found.append((where, f"section '{section}' is not a section of template '{record['template']}'",
                          f"use one of: {', '.join(template_sections)}"))
        elif section in seen:
            found.append((where, f"section '{section}' starts twice", "mark only the first block of a section"))
        seen.append(section)
    missing = [s for s in template_sections if s not in seen]
    if missing:
        found.append((("blocks",), (f"template '{record['template']}' sections missing from the sample: "
                                     f"{', '.join(missing)}"), "add 'section: <id>' to the block where each section starts"))
    elif [s for s in seen if s in template_sections] != list(template_sections):
        found.append((("blocks",), f"sections in the order {', '.join(seen)}",
                      f"follow the template's order: {', '.join(template_sections)}"))
    return found


# ---------------------------------------------------------------- rendering

def _indent(text: str, spaces: int = 4) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.strip().splitlines())


def _note_list(note: str) -> str:
    """The numbered list Material turns into the annotation of the element above."""
    return "1.  " + _indent(note).lstrip()


def _anchor(record, block: dict) -> str:
    return f" #{record.id}-{block['section']}" if block.get("section") else ""


def _table(block: dict, marker: str) -> str:
    table = block["table"]
    columns = [escape_md(c) for c in table["columns"]]
    if marker:
        columns[0] += marker
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(escape_md(c) for c in row) + " |" for row in table["rows"]]
    return "\n".join(lines)


def comparison_anchor(record, n: int) -> str:
    """The HTML id of the n-th (1-based) 改写对照 heading."""
    return f"{record.id}-compare-{n}"


def _weak_numbers(record) -> dict[int, int]:
    """Block index -> its number among the blocks that have a weak version."""
    indexes = [i for i, b in enumerate(record["blocks"]) if b.get("weak")]
    return {i: n for n, i in enumerate(indexes, 1)}


def render_block(record, block: dict, text: str | None = None, annotate: bool = True,
                 compare: int | None = None) -> str:
    """One block as Markdown; ``text`` replaces its own (for the weak version).

    ``compare`` is the number of this block's 改写对照 entry: the note links to it.
    """
    kind = block_kind(block)
    note = block.get("note") if annotate else None
    if note and compare:
        note = note.rstrip() + f"\n\n[:material-compare-horizontal: 看本段的弱稿和改写说明](#{comparison_anchor(record, compare)})"
    marker = " (1)" if note else ""
    classes = (" .annotate" if note else "")
    if kind == "table":
        attrs = f'class="sample-table{" annotate" if note else ""}"'
        if block.get("section"):
            attrs += f' id="{record.id}-{block["section"]}"'
        out = f"<div {attrs} markdown>\n\n{_table(block, marker)}\n\n</div>"
    else:
        body = escape_md(block[kind] if text is None else text)
        style = f".sample-{kind}" if kind in HEADING_KINDS else ".sample-p"
        out = f"{body}{marker}\n{{ {style}{classes}{_anchor(record, block) if annotate else ''} }}"
    if note:
        out += "\n\n" + _note_list(note)
    return out


def _heading_context(blocks: list[dict], index: int) -> str:
    """The nearest heading above block ``index`` (what a comparison is about)."""
    for block in reversed(blocks[: index + 1]):
        kind = block_kind(block)
        if kind in HEADING_KINDS:
            return block[kind]
    return "开头"


def render_comparisons(record) -> str:
    """The 改写对照 section: each weak version beside the sample's, then why."""
    pairs = [(i, b) for i, b in enumerate(record["blocks"]) if b.get("weak")]
    if not pairs:
        return ""
    out = ["## 改写对照", "",
           "下面把范文中的段落和一段常见的弱稿放在一起。弱稿是为说明问题而写的反面例子，不要照抄。", ""]
    for n, (i, block) in enumerate(pairs, 1):
        label = CN_NUMBERS[n - 1] if n <= len(CN_NUMBERS) else str(n)
        out += [(f"### 对照{label}：{escape_md(_heading_context(record['blocks'], i))} "
                 f"{{ #{comparison_anchor(record, n)} }}"), "",
                '<div class="sample-compare" markdown>', "",
                '<div class="sample-weak fault-example" markdown>', "",
                "**弱稿**", "{ .sample-compare-label }", "",
                render_block(record, block, text=block["weak"], annotate=False), "",
                "</div>", "",
                '<div class="sample-strong" markdown>', "",
                "**改稿（范文）**", "{ .sample-compare-label }", "",
                render_block(record, block, annotate=False), "",
                "</div>", "", "</div>", "",
                '!!! note "为什么这样改"', "",
                _indent(block["weak_note"]), ""]
    return "\n".join(out)


def render_sample(record, year_label: bool = True) -> str:
    """The whole sample: year note, 范文全文 with annotations, 改写对照."""
    out = []
    if year_label:
        out += [f'!!! info "本范文按{record["year"]}年的情况编写"', "",
                _indent(f"单位、数字和事例均为虚构，只用于说明写法。{escape_md(record['summary'])}"
                        f"借用时请换成本单位本期的情况，并核对当年的提法。点击段落末尾的 :material-plus-circle: 查看评注。"),
                ""]
    out += ["## 范文全文", "", '<div class="sample-doc" markdown>', "",
            f"{escape_md(record['title'])}\n{{ .sample-title }}", "",
            f"{escape_md(record['addressee'])}：\n{{ .sample-addressee }}", ""]
    numbers = _weak_numbers(record)
    for i, block in enumerate(record["blocks"]):
        out += [render_block(record, block, compare=numbers.get(i)), ""]
    attachments = record.get("attachments") or []
    for n, name in enumerate(attachments, 1):
        prefix = "附件：" if n == 1 else "　　　"
        number = f"{n}." if len(attachments) > 1 else ""
        out += [f"{prefix}{number}{escape_md(name)}\n{{ .sample-attachment }}", ""]
    out += [f"{escape_md(record['signature'])}\n{{ .sample-signature }}", "",
            f"{escape_md(record['date'])}\n{{ .sample-date }}", "", "</div>", ""]
    comparisons = render_comparisons(record)
    if comparisons:
        out += [comparisons]
    return "\n".join(out).rstrip("\n") + "\n"


def render_sample_index(records, link_for) -> str:
    """A table of samples: title (linked), what it fills, year, what it shows."""
    order = list(TEMPLATE_SECTIONS)
    records = sorted(records, key=lambda r: (order.index(r["template"]) if r["template"] in order else len(order), r.id))
    lines = ["| 范文 | 文种 | 适用年份 | 看什么 |", "|---|---|---|---|"]
    for record in records:
        lines.append(f"| [{escape_md(record['title'])}]({link_for(record)}) | {escape_md(TEMPLATE_NAMES.get(record['template'], record['template']))} | "
                     f"{record['year']}年 | {escape_md(record['summary'])} |")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- export

def sample_document(record) -> OfficialDocument:
    """The sample as an OfficialDocument for the .docx: notes and weak versions left out."""
    return OfficialDocument(
        title=record["title"],
        blocks=tuple(block_from_mapping({k: v for k, v in b.items() if k in BLOCK_KINDS}) for b in record["blocks"]),
        addressee=record["addressee"],
        signature=record["signature"],
        date=record["date"],
        attachments=tuple(record.get("attachments") or ()),
    )
