"""Template record (data/templates) -> OfficialDocument -> fill-in .docx bytes.

The template's skeleton becomes the body; what each part must contain and
its example go into 【填写说明】 guidance paragraphs (grey 楷体, deleted by the
writer in one go), the 【填写：…】 fields stay highlighted for filling in.
"""

from __future__ import annotations

from ..document import Block, OfficialDocument, block_from_mapping
from ..sitedata import Record
from .official_docx import GUIDANCE_PREFIX, Appendix, build_official_docx

HOW_TO_DELETE = (
    "本模板按 GB/T 9704-2012《党政机关公文格式》排版：A4纸，标题2号小标宋，正文3号仿宋，"
    "每页22行、每行28字，页码在页脚。黄色底纹的【填写：…】处换成本单位的内容；"
    "灰色楷体的【填写说明】段落（包括本段）定稿前全部删除。一次删除的办法：Word 中在任一说明段落上右击，"
    "选“样式”→“选择所有类似格式的文本”后按 Delete；WPS 中打开“样式和格式”窗格，"
    "在“填写说明”样式上选“选择所有实例”后按 Delete。"
)


def guidance(text: str) -> str:
    return f"{GUIDANCE_PREFIX}{text}"


def _field_list(record: Record) -> str:
    items = "；".join(f"{f['label']}——{f['help'].rstrip('。')}" for f in record["fields"])
    return f"本模板要填写的内容：{items}。"


def _blocks(items: list[dict]) -> tuple[Block, ...]:
    return tuple(block_from_mapping(item) for item in items)


def template_document(record: Record) -> tuple[OfficialDocument, tuple[Appendix, ...], tuple[str, ...]]:
    """The document, its attachments and the guidance printed above the title."""
    blocks: list[Block] = []
    appendices: list[Appendix] = []
    for section in record["sections"]:
        must = "；".join(m.rstrip("。") for m in section["must"])
        blocks.append(Block("p", guidance(f"【{section['title']}】这一部分要写：{must}。示例：{section['example']}")))
        blocks.extend(_blocks(section["blocks"]))
        if "appendix" in section:
            appendices.append(Appendix(section["appendix"]["title"], _blocks(section["appendix"]["blocks"])))
    document = OfficialDocument(
        title=record["doc_title"],
        blocks=tuple(blocks),
        addressee=record.get("addressee"),
        signature=record.get("signature"),
        date=record.get("date"),
        attachments=tuple(a.title for a in appendices),
    )
    preface = (guidance(HOW_TO_DELETE), guidance(record["when"]), guidance(_field_list(record)))
    return document, tuple(appendices), preface


def build_template_docx(record: Record) -> bytes:
    """The fill-in .docx of a template record."""
    document, appendices, preface = template_document(record)
    return build_official_docx(document, appendices, preface)
