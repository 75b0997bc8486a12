"""Checklist records -> Markdown task lists (pure functions)."""

from __future__ import annotations

from ..sitedata import WORK_POINTS, Record


def item_anchor(checklist_id: str, item_id: str) -> str:
    """The stable HTML id of one checklist item."""
    return f"ck-{checklist_id}-{item_id}"


def _item_line(checklist_id: str, item: dict) -> str:
    meta = [f"留存材料：{item['evidence'].rstrip('。；')}"]
    if item.get("frequency"):
        meta.append(f"频次：{item['frequency'].rstrip('。；')}")
    if item.get("owner"):
        meta.append(f"责任：{item['owner'].rstrip('。；')}")
    anchor = item_anchor(checklist_id, item["id"])
    return (
        f'- [ ] <span class="ck-anchor" id="{anchor}"></span>{item["text"]}\n'
        f'    <span class="ck-meta">{" ｜ ".join(meta)}</span>\n'
    )


def select_items(checklist: Record, point: str | None = None) -> list[dict]:
    """Items of a checklist, optionally only those tagged with a work point."""
    if point is None:
        return list(checklist["items"])
    if point not in WORK_POINTS:
        raise ValueError(f"unknown work point '{point}'; use one of {', '.join(WORK_POINTS)}")
    return [item for item in checklist["items"] if point in item.get("points", [])]


def render_checklist(checklist: Record, point: str | None = None, source_link: str | None = None) -> str:
    """A checklist (or its items for one work point) as a Markdown task list.

    ``source_link`` is a relative link to the checklist's full version; when
    given, a line under the list says where the items come from.
    """
    items = select_items(checklist, point)
    if not items:
        raise ValueError(f"checklist '{checklist.id}' has no item tagged '{point}'")
    lines = ['<div class="guide-checklist" markdown>', ""]
    lines += [_item_line(checklist.id, item) for item in items]
    if source_link:
        lines.append(f'以上{len(items)}项摘自[《{checklist["title"]}》]({source_link})，'
                     f'全文共{len(checklist["items"])}项。\n{{: .ck-source }}')
        lines.append("")
    lines.append("</div>")
    return "\n".join(lines) + "\n"


def render_checklist_index(checklists: list[Record], download_for=None) -> str:
    """Every checklist in full, each under its own heading, for the 清单 page.

    ``download_for(record)`` may return Markdown for a download link.
    """
    parts = []
    for record in checklists:
        parts.append(f'## {record["title"]} {{ #{record.id} }}\n')
        parts.append(f'{record["summary"]}（共{len(record["items"])}项）\n')
        if download_for:
            parts.append(download_for(record) + "\n")
        parts.append(render_checklist(record))
    return "\n".join(parts)
