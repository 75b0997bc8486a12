"""Template and ledger records -> the 模板下载 pages (pure functions)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..sitedata import Record

FIELD_RE = re.compile(r"(【填写：[^【】]*】)")


def mark_fields(text: str) -> str:
    """Highlight the 【填写：…】 fields of ``text`` as in the .docx."""
    return FIELD_RE.sub(r'<mark class="tpl-field">\1</mark>', text)


def _skeleton(blocks: list[dict]) -> list[str]:
    """The body skeleton as it will appear in the .docx, headings in bold."""
    lines = ['<div class="tpl-skeleton" markdown>', ""]
    for block in blocks:
        kind, value = next(iter(block.items()))
        if kind == "table":
            lines.append("| " + " | ".join(value["columns"]) + " |")
            lines.append("|" + "---|" * len(value["columns"]))
            for row in value["rows"]:
                lines.append("| " + " | ".join(mark_fields(c) or " " for c in row) + " |")
            lines.append("")
        elif kind == "p" and value.startswith("【填写说明】"):
            lines += [f'<span class="tpl-guide">{mark_fields(value)}</span>', ""]
        elif kind == "p":
            lines += [mark_fields(value), ""]
        else:
            lines += [f"**{mark_fields(value)}**", ""]
    lines.append("</div>")
    return lines


def render_template_page(record: Record, *, checklists: list[str], sample_link: str | None,
                         ledger_links: list[str]) -> str:
    """The body of docs/doc-templates/<id>.md below its download link.

    ``checklists`` are rendered checklists (Markdown), ``sample_link`` a
    relative link to the annotated sample, ``ledger_links`` download links.
    """
    out = [f"**什么时候写、谁来写：**{record['when']}", ""]
    out += ["## 标题、主送和落款 { #title }", ""]
    out.append(f"- 标题：{mark_fields(record['doc_title'])}")
    if record.get("addressee"):
        out.append(f"- 主送机关：{mark_fields(record['addressee'])}（标题下空一行顶格，后加全角冒号）")
    if record.get("signature"):
        out.append(f"- 落款：{mark_fields(record['signature'])}；成文日期：{mark_fields(record.get('date', ''))}"
                   "（不盖章时，正文下空一行右空二字写署名，下一行写日期，日期首字比署名首字右移二字）")
    else:
        out.append("- 本文一般不单独落款，作为印发通知的附件下发，落款和日期写在通知上。")
    out.append("")

    out += ["## 结构 { #outline }", "", "全文分为以下几部分，点击查看每部分要写什么："]
    out.append("")
    for n, section in enumerate(record["sections"], start=1):
        first_heading = next((v for b in section["blocks"] for k, v in b.items() if k.startswith("h")), None)
        tail = f"（{mark_fields(first_heading)}）" if first_heading else ""
        out.append(f"{n}. [{section['title']}](#{section['id']}){tail}")
    out.append("")

    for section in record["sections"]:
        out += [f"### {section['title']} {{ #{section['id']} }}", "", "**这一部分必须写清：**", ""]
        out += [f"- {m}" for m in section["must"]]
        out += ["", "**模板中的骨架：**", ""]
        out += _skeleton(section["blocks"])
        if "appendix" in section:
            out += ["", f"**附件：{mark_fields(section['appendix']['title'])}**（在正文和落款之后另起一页）", ""]
            out += _skeleton(section["appendix"]["blocks"])
        out += ["", '!!! example "示例"', ""]
        out += [f"    {line}" if line else "" for line in section["example"].splitlines()]
        out.append("")

    out += ["## 要填写的内容 { #fields }", "",
            "模板中黄色底纹的地方都要换成本单位的内容，一处也不能留：", "",
            "| 填写项 | 怎么填 | 示例 |", "|---|---|---|"]
    for field in record["fields"]:
        out.append(f"| {mark_fields('【填写：' + field['label'] + '】')} | {field['help']} | {field['example']} |")
    out.append("")

    out += ["## 定稿前对照清单 { #checklists }", ""]
    out += checklists
    related = []
    if sample_link:
        related.append(f"- 写好的范文和逐段评注：[{record['title']}范文评注]({sample_link})")
    related += [f"- 相关台账：{link}" for link in ledger_links]
    if related:
        out += ["## 相关材料 { #related }", ""] + related + [""]
    return "\n".join(out) + "\n"


def render_template_index(templates: list[Record], ledgers: list[Record],
                          download_for: Callable[[str], str], page_for: Callable[[Record], str]) -> str:
    """Tables of all templates (with page links) and ledgers, each with its download."""
    out = ["## 公文模板（Word） { #docx }", "",
           "| 模板 | 用途 | 什么时候写 | 下载 |", "|---|---|---|---|"]
    for record in templates:
        out.append(f"| [{record['title']}]({page_for(record)}) | {record['summary']} | {record['when']} "
                   f"| {download_for(f'downloads/{record.id}.docx')} |")
    out += ["", "## 工作台账（Excel） { #xlsx }", "",
            "| 台账 | 记什么 | 下载 |", "|---|---|---|"]
    for record in ledgers:
        out.append(f"| {record['title']} | {record['summary']} | "
                   f"{download_for(f'downloads/{record.id}.xlsx')} |")
    out.append("")
    return "\n".join(out)
