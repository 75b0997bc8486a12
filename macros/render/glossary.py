"""Term records -> the 常用表述 page (pure functions)."""

from __future__ import annotations

import re
from collections.abc import Callable

DATE = re.compile(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?")

CATEGORIES = {
    "提法": "重要提法和表述。写进汇报时照录原文，不要自行增减字词、调换顺序。",
    "会议": "党的代表大会和全会。写“最新一次全会”时注意年份。",
    "学习教育": "党内集中学习教育，按年份排列。写哪一年的汇报，就提那一年开展的学习教育。",
    "工作术语": "街道、社区日常工作中的说法，按拼音排序。",
}


def term_anchor(term_id: str) -> str:
    return f"term-{term_id}"


def first_date(term: dict) -> tuple[int, int, int]:
    """The first 'YYYY年M月[D日]' in the source (else the definition), for ordering within a year."""
    found = DATE.search(term["source"]) or DATE.search(term["definition"])
    if not found:
        return (term.get("since", 9999), 13, 32)
    return (int(found.group(1)), int(found.group(2)), int(found.group(3) or 0))


def pinyin_keys(texts: list[str]) -> list[str]:
    """The toneless pinyin of each text, the key 工作术语 are sorted by.

    pypinyin is imported here, not at the top: loading its phrase dictionary
    takes a third of a second, and the glossary macro takes the keys from the
    build cache when the terms have not changed (macros/site_macros.py).
    """
    from pypinyin import lazy_pinyin

    return ["".join(lazy_pinyin(text)) for text in texts]


def _term_text(term: dict) -> str:
    return term["term"].strip("“”")


PINYIN_CATEGORY = "工作术语"  # the category sorted by pinyin


def reading_texts(terms: list[dict]) -> list[str]:
    """The texts whose pinyin keys sort_terms asks ``readings`` for, given all the terms in their order."""
    return [_term_text(t) for t in terms if t["category"] == PINYIN_CATEGORY]


def pinyin_key_map(texts: list[str]) -> dict[str, str]:
    """{text: pinyin_keys' key}: made ahead in the download worker (macros/download_worker.py), so that
    the build's own process does not load pypinyin (a third of a second) on a cold build."""
    return dict(zip(texts, pinyin_keys(texts)))


def sort_terms(category: str, terms: list[dict], readings: Callable[[list[str]], list[str]] = pinyin_keys
               ) -> list[dict]:
    """Chronological for 提法/会议/学习教育 (newest campaign first), by pinyin for 工作术语 (``readings``).

    Terms without a year come last; within a year, by the first date in the source.
    """
    if category == PINYIN_CATEGORY:
        keys = dict(zip((t["id"] for t in terms), readings(reading_texts(terms))))
        return sorted(terms, key=lambda t: (keys[t["id"]], t["id"]))
    newest_first = category == "学习教育"

    def key(t: dict):
        year = t.get("since")
        when = (year,) + first_date(t)[1:] if year else (9999, 13, 32)
        return (year is None, tuple(-v for v in when) if newest_first else when, t["id"])
    return sorted(terms, key=key)


def render_term(term: dict) -> str:
    facts = []
    if "since" in term:
        label = {"会议": "召开时间", "学习教育": "开展时间"}.get(term["category"], "提出时间")
        facts.append(f"**{label}**：{term['since']}年")
    facts.append(f"**出处**：{term['source']}")
    lines = [f"### {term['term']} {{#{term_anchor(term['id'])}}}", "", term["definition"], "",
             "- " + "；".join(facts)]
    if term.get("aliases"):
        lines.append("- **也写作**：" + "、".join(f"“{a}”" for a in term["aliases"]))
    if term.get("wrong"):
        lines.append("- **不要写成**：" + "、".join(f"~~{w}~~" for w in term["wrong"]))
    return "\n".join(lines) + "\n"


def render_glossary(terms: list[dict], readings: Callable[[list[str]], list[str]] = pinyin_keys) -> str:
    """All terms, grouped by category, with a short index per category (``readings``: see sort_terms)."""
    out = []
    for category, intro in CATEGORIES.items():
        group = sort_terms(category, [t for t in terms if t["category"] == category], readings)
        if not group:
            continue
        out += [f"## {category}", "", intro, "",
                "　".join(f"[{t['term']}](#{term_anchor(t['id'])})" for t in group) + "", ""]
        out += [render_term(t) for t in group]
    return "\n".join(out)
