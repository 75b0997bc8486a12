"""The task pages (docs/tasks/): answers staff asked for that no page gave (issue #19)."""

from __future__ import annotations


def test_inspection_page_has_the_secretary_oral_briefing_outline(built_site):
    article = built_site.article("tasks/inspection.html")
    heading = article.select_one("h2#口头汇报提纲")
    assert heading and heading.get_text().rstrip("¶").strip() == "给书记准备口头汇报提纲"
    elements = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        elements.append(sibling)
    text = " ".join(e.get_text() for e in elements)
    for words in ("三到五分钟", "口头汇报提纲", "带哪些数字", "台账", "自查报告"):
        assert words in text, words
    order = next(e for e in elements if e.name == "ol")
    assert len(order.select(":scope > li")) == 5
    example = next(e for e in elements if "admonition" in (e.get("class") or []))
    # the example's figures are the half-year sample's
    for figure in ("42场", "3100余人次", "57条", "612个", "41个"):
        assert figure in example.get_text(), figure
