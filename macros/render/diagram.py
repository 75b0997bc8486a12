"""Diagram records and events -> inline SVG (pure functions, no JavaScript).

The pictures are drawn from data, so they print sharply, work offline and
change with a text edit. Sizes are in SVG user units; the SVG scales to the
page width via its viewBox. Text widths are estimated: a CJK character is one
em, other characters about half an em.
"""

from __future__ import annotations

import html
import unicodedata

from ..events import format_day, months_touched, occurrences, years_covered

FONT = "'Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC',sans-serif"
INK = "#212121"
MUTED = "#555555"
ACCENT = "#b71c1c"
BOX_FILL = "#fdecea"
CARD_FILL = "#fafafa"
MARKERS = {  # category -> (shape, colour); shapes differ so print in grey stays readable
    "纪念日": ("circle", "#c62828"),
    "我们的节日": ("diamond", "#ef6c00"),
    "工作节点": ("square", "#1565c0"),
}


def esc(text: str) -> str:
    return html.escape(str(text), quote=True)


def text_width(text: str, size: float) -> float:
    """Estimated rendered width of ``text`` at font size ``size``."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else size * 0.55 for c in text)


def wrap(text: str, width: float, size: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width``; avoid a line starting with punctuation."""
    lines, line = [], ""
    for char in text:
        if line and text_width(line + char, size) > width and char not in "，。、；：）”":
            lines.append(line)
            line = ""
        line += char
    if line:
        lines.append(line)
    return lines


def _text(x: float, y: float, content: str, size: float, anchor: str = "start", weight: str = "normal",
          fill: str = INK) -> str:
    return (f'<text x="{x:g}" y="{y:g}" font-size="{size:g}" text-anchor="{anchor}" '
            f'font-weight="{weight}" fill="{fill}">{esc(content)}</text>')


def _arrow_defs(marker_id: str) -> str:
    return (f'<defs><marker id="{marker_id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{ACCENT}"/>'
            f'</marker></defs>')


def _svg(diagram_id: str, width: float, height: float, title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
            f'width="100%" role="img" aria-labelledby="{diagram_id}-title" class="guide-diagram__svg" '
            f'font-family="{FONT}" style="max-width:{width:g}px">'
            f'<title id="{diagram_id}-title">{esc(title)}</title>' + "".join(body) + "</svg>")


def _box(x: float, y: float, w: float, h: float, label: str, role: str | None) -> list[str]:
    out = [(f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="6" fill="{BOX_FILL}" '
            f'stroke="{ACCENT}" stroke-width="1.5"/>')]
    cx = x + w / 2
    if role:
        out.append(_text(cx, y + h / 2 - 4, label, 17, "middle", "bold"))
        out.append(_text(cx, y + h / 2 + 17, role, 14, "middle", fill=ACCENT))
    else:
        out.append(_text(cx, y + h / 2 + 6, label, 17, "middle", "bold"))
    return out


def render_vertical(diagram: dict) -> str:
    """Boxes top to bottom, an arrow between each, the note to the right of each box."""
    width, box_x, box_w, box_h, gap = 760, 16, 250, 62, 30
    note_x, note_w, note_size, line_h = box_x + box_w + 24, 760 - (box_x + box_w + 24) - 16, 15, 21
    marker = f"arrow-{diagram['id']}"
    body = [_arrow_defs(marker)]
    y = 16
    steps = diagram["steps"]
    for i, step in enumerate(steps):
        body += _box(box_x, y, box_w, box_h, step["label"], step.get("role"))
        lines = wrap(step["note"], note_w, note_size)
        top = y + box_h / 2 - (len(lines) - 1) * line_h / 2 + 5
        body += [_text(note_x, top + k * line_h, line, note_size, fill=MUTED) for k, line in enumerate(lines)]
        if i < len(steps) - 1:
            cx = box_x + box_w / 2
            body.append(f'<line x1="{cx:g}" y1="{y + box_h:g}" x2="{cx:g}" y2="{y + box_h + gap - 2:g}" '
                        f'stroke="{ACCENT}" stroke-width="2" marker-end="url(#{marker})"/>')
        y += box_h + gap
    return _svg(diagram["id"], width, y - gap + 16, diagram["title"], body)


def render_horizontal(diagram: dict) -> str:
    """A flow left to right, notes under each box, an optional dashed loop above."""
    steps = diagram["steps"]
    width, margin, gap, box_h, note_size, line_h = 960, 12, 26, 62, 14, 20
    box_w = (width - 2 * margin - gap * (len(steps) - 1)) / len(steps)
    edge = diagram.get("back_edge")
    top = 44 if edge else 12
    marker = f"arrow-{diagram['id']}"
    body = [_arrow_defs(marker)]
    centers = {}
    max_lines = 0
    for i, step in enumerate(steps):
        x = margin + i * (box_w + gap)
        centers[step["id"]] = x + box_w / 2
        body += _box(x, top, box_w, box_h, step["label"], step.get("role"))
        lines = wrap(step["note"], box_w - 4, note_size)
        max_lines = max(max_lines, len(lines))
        body += [_text(x + 2, top + box_h + 24 + k * line_h, line, note_size, fill=MUTED)
                 for k, line in enumerate(lines)]
        if i < len(steps) - 1:
            body.append(f'<line x1="{x + box_w:g}" y1="{top + box_h / 2:g}" x2="{x + box_w + gap - 2:g}" '
                        f'y2="{top + box_h / 2:g}" stroke="{ACCENT}" stroke-width="2" marker-end="url(#{marker})"/>')
    if edge:
        x1, x2, y = centers[edge["from"]], centers[edge["to"]], 18
        body.append(f'<path d="M{x1:g},{top:g} L{x1:g},{y:g} L{x2:g},{y:g} L{x2:g},{top - 2:g}" fill="none" '
                    f'stroke="{ACCENT}" stroke-width="1.5" stroke-dasharray="6 4" marker-end="url(#{marker})"/>')
        mid = (x1 + x2) / 2
        label_w = text_width(edge["label"], 14) + 16
        body.append(f'<rect x="{mid - label_w / 2:g}" y="{y - 11:g}" width="{label_w:g}" height="22" fill="#ffffff"/>')
        body.append(_text(mid, y + 5, edge["label"], 14, "middle", fill=ACCENT))
    height = top + box_h + 24 + (max_lines - 1) * line_h + 14
    return _svg(diagram["id"], width, height, diagram["title"], body)


def _figure(diagram_id: str, svg: str, caption: str, text_version: str) -> str:
    """The picture, its caption, and a text version for screen readers and search."""
    return (f'<figure class="guide-diagram" id="diagram-{diagram_id}">\n{svg}\n'
            f'<figcaption>{esc(caption)}</figcaption>\n</figure>\n\n'
            f'<details class="guide-diagram-text" markdown>\n<summary>图的文字版</summary>\n\n{text_version}\n\n</details>\n')


def render_diagram(diagram: dict) -> str:
    """A diagram record as an HTML figure with inline SVG plus its text version."""
    svg = render_vertical(diagram) if diagram["layout"] == "vertical" else render_horizontal(diagram)
    items = []
    for i, step in enumerate(diagram["steps"], 1):
        role = f"（{step['role']}）" if step.get("role") else ""
        items.append(f"{i}. **{step['label']}**{role}：{step['note']}")
    edge = diagram.get("back_edge")
    if edge:
        names = {s["id"]: s["label"] for s in diagram["steps"]}
        items.append(f"\n{names[edge['from']]}之后回到{names[edge['to']]}：{edge['label']}。")
    return _figure(diagram["id"], svg, diagram["caption"], "\n".join(items))


def _marker(shape: str, colour: str, x: float, y: float) -> str:
    if shape == "circle":
        return f'<circle cx="{x:g}" cy="{y:g}" r="5" fill="{colour}"/>'
    if shape == "diamond":
        return f'<path d="M{x:g},{y - 6:g} L{x + 6:g},{y:g} L{x:g},{y + 6:g} L{x - 6:g},{y:g} z" fill="{colour}"/>'
    return f'<rect x="{x - 5:g}" y="{y - 5:g}" width="10" height="10" fill="{colour}"/>'


def year_rows(events: list[dict], year: int) -> dict[int, list[tuple[int, str, str]]]:
    """month -> [(sort day, label, category)] for ``year``; lunar events use that year's dates."""
    months: dict[int, list[tuple[int, str, str]]] = {m: [] for m in range(1, 13)}
    for event in events:
        name = event.get("short", event["title"])
        if "lunar_dates" in event:
            for occ in occurrences(event, year):
                months[occ.start.month].append((occ.start.day, f"{occ.start.day}日 {name}", event["category"]))
            continue
        # fixed events: the occurrence starting this year, and a period continuing from last year
        for occ in occurrences(event, year) + [o for o in occurrences(event, year - 1) if o.end.year == year]:
            touched = months_touched(occ)
            for i, month in enumerate(touched):
                if occ.start.year != year and i == 0:
                    continue  # the first month belongs to last year
                if occ.start.year == year and occ.end.year != year and i > 0:
                    continue  # carries into next year
                if i == 0:
                    months[month].append((occ.start.day, f"{occ.start.day}日 {name}" + ("开始" if occ.is_span else ""),
                                          event["category"]))
                else:
                    months[month].append((0, f"{name}（续）", event["category"]))
    for items in months.values():
        items.sort()
    return months


def render_year(events: list[dict], year: int) -> str:
    """The year at a glance: twelve month cards, each event with a category marker."""
    months = year_rows(events, year)
    width, margin, gap, cols = 960, 10, 12, 4
    card_w = (width - 2 * margin - gap * (cols - 1)) / cols
    head_h, line_h, size = 30, 22, 14
    body = []
    y = margin
    for row in range(3):
        row_months = range(row * cols + 1, row * cols + cols + 1)
        lines_in_row = max(max((len(months[m]) for m in row_months), default=0), 1)
        card_h = head_h + 10 + lines_in_row * line_h
        for c, month in enumerate(row_months):
            x = margin + c * (card_w + gap)
            body.append(f'<rect x="{x:g}" y="{y:g}" width="{card_w:g}" height="{card_h:g}" rx="6" '
                        f'fill="{CARD_FILL}" stroke="#9e9e9e"/>')
            body.append(f'<path d="M{x:g},{y + head_h:g} L{x + card_w:g},{y + head_h:g}" stroke="#9e9e9e"/>')
            body.append(_text(x + 12, y + 21, f"{month}月", 16, weight="bold", fill=ACCENT))
            for k, (_, label, category) in enumerate(months[month]):
                ly = y + head_h + 8 + k * line_h + line_h / 2
                shape, colour = MARKERS[category]
                body.append(_marker(shape, colour, x + 16, ly))
                body.append(_text(x + 28, ly + 5, label, size))
            if not months[month]:
                body.append(_text(x + 16, y + head_h + 8 + line_h / 2 + 5, "无固定节点", size, fill=MUTED))
        y += card_h + gap
    lx = margin
    for category, (shape, colour) in MARKERS.items():
        body.append(_marker(shape, colour, lx + 8, y + 10))
        body.append(_text(lx + 20, y + 15, category, 14))
        lx += text_width(category, 14) + 48
    svg = _svg(f"year-{year}", width, y + 26, f"{year}年工作日历一览", body)
    return (f'<figure class="guide-diagram guide-year" id="diagram-year-{year}">\n{svg}\n'
            f'<figcaption>{year}年全年节点一览（农历节日按{year}年的公历日期；“续”表示上个月开始、仍在进行）。'
            f'</figcaption>\n</figure>\n')


def format_years(events: list[dict]) -> list[int]:
    """Years for which every lunar event has a date (the years the picture can show)."""
    sets = [set(years_covered(e)) for e in events if "lunar_dates" in e]
    return sorted(set.intersection(*sets)) if sets else []


__all__ = ["format_day", "format_years", "render_diagram", "render_year", "text_width", "wrap", "year_rows"]
