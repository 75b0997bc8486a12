"""Local layer -> Markdown: 本区规定 inline, the task pages' box, the 本地版说明 page (pure)."""

from __future__ import annotations

from html import escape

LABEL = "本区规定"


def cn_date(iso: str) -> str:
    """'2026-03-02' -> '2026年3月2日'; '06-15' -> '6月15日'."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 2:
        return f"{parts[0]}月{parts[1]}日"
    return f"{parts[0]}年{parts[1]}月{parts[2]}日"


def render_local_rule(rule: dict) -> str:
    """A local rule inside a sentence: marked 本区规定, with its source and date."""
    text = rule["text"].rstrip("。；;")
    return (f'<span class="guide-local-rule"><strong>{LABEL}</strong>：{escape(text)}'
            f'（{escape(rule["source"])}，{cn_date(rule["date"])}）</span>')


def render_event_box(event: dict, source: dict) -> str:
    """The 本区规定 box a task page gets for a local work date (data/events override)."""
    when = f"每年{cn_date(event['date'])}" if "date" in event else "见工作日历"
    note = f"。{event['when_note']}" if event.get("when_note") else ""
    return "\n".join([
        f'!!! info "{LABEL}"',
        "",
        f"    **{event['title']}**：{when}{note}。",
        f"    来源：{source['title']}，{cn_date(source['date'])}。",
        "",
    ])


def render_local_edition_page(site) -> str:
    """The 本地版说明 page: units, contacts, 本区规定, local pages and records, changes under overrides."""
    layer = site.layer
    settings = layer.settings
    unit = settings["unit"]
    lines = [
        "---", "title: 本地版说明",
        "description: 本站的本地版内容：单位、联系方式、本区规定，以及指南更新后需要核对的本地记录。", "---", "",
        "# 本地版说明", "",
        (f"本站是“{settings['site_name']}”：在《街道社区宣传思想工作指南》的基础上，"
         f"加上了{unit['district']}自己的单位名称、规定和页面。标有“{LABEL}”的内容来自本区文件，"
         "其余内容与指南相同。"), "",
        "## 单位", "",
        f"上级机关：{unit['superior']}。模板的标题、主送和落款已按本区单位填好。", "",
        "| 街道 | 发文单位 | 社区 |", "|---|---|---|",
    ]
    for street in unit["streets"]:
        lines.append(f"| {street['name']} | {street['unit']} | {'、'.join(street.get('communities', [])) or '—'} |")
    if settings.get("contacts"):
        lines += ["", "## 联系方式", ""] + [f"- {c}" for c in settings["contacts"]]
    rules = site.all("local-rules")
    sourced = [(k, i, s) for (k, i), s in sorted(layer.local_sources.items())]
    if rules or sourced:
        lines += ["", f"## {LABEL}", "", "| 内容 | 来源 | 日期 |", "|---|---|---|"]
        for rule in rules:
            lines.append(f"| {rule['text']} | {rule['source']} | {cn_date(rule['date'])} |")
        for kind, record_id, source in sourced:
            record = site.records[kind][record_id]
            lines.append(f"| {record.get('title', record_id)} | {source['title']} | {cn_date(source['date'])} |")
    lines += ["", "## 指南更新后要核对的本地记录", ""]
    changed = layer.changed
    if changed:
        lines += [("下列本地记录替换了指南的同名记录，而指南的这些记录在本地记录编写以后又有改动。"
                   "请对照两个文件，把需要保留的本区内容改好后，更新本地记录里的 based_on。"), "",
                  "| 本地记录 | 指南记录 | 本地记录依据的版本 | 指南现在的版本 |", "|---|---|---|---|"]
        for o in changed:
            lines.append(f"| `{o.local_path}` | `{o.guide_path}` | {o.based_on_date} | {o.guide_date} |")
    elif layer.overrides:
        lines.append(f"本地替换了{len(layer.overrides)}条指南记录，指南此后没有改动这些记录。")
    else:
        lines.append("本地版没有替换指南的记录。")
    lines.append("")
    return "\n".join(lines)
