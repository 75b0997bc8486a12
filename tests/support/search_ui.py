"""Drive Material's own search box and result list in Chromium.

Shared by tests/test_search_browser.py and scripts/bench_search.py. Queries
are typed into the real input (``fill`` plus a key press, which is what
Material listens to) and the result list is read as a staff member sees it.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urljoin, urlparse

import yaml

from support import ROOT

QUERIES = ROOT / "tests" / "data" / "search-queries.yml"
BROAD_QUERIES = ROOT / "tests" / "data" / "search-queries-broad.yml"
BROAD_SHARE = 0.88  # of the broad set in the first five (205 of 226 when it was written)
INPUT = "input.md-search__input"
ITEM = "li.md-search-result__item"
ITEM_LINK = "li.md-search-result__item a.md-search-result__link"
META = ".md-search-result__meta"


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


def open_search(page) -> None:
    """Activate the search box (under file:// this is what loads the index)."""
    page.locator(INPUT).click()


def wait_ready(page, timeout: float = 15000) -> None:
    """Wait until the worker has the index (the meta line leaves its loading text)."""
    page.wait_for_function(
        """sel => { const m = document.querySelector(sel); return m && m.textContent.trim() !== '' &&
                   !/正在初始化|Initializing/.test(m.textContent); }""", arg=META, timeout=timeout)


def search(page, query: str, timeout: float = 10000) -> tuple[list[str], float]:
    """Type ``query``; return the result pages (site-relative, in order) and ms until they showed."""
    box = page.locator(INPUT)
    box.fill("")
    box.press("End")
    page.wait_for_function("sel => document.querySelectorAll(sel).length === 0", arg=ITEM_LINK, timeout=timeout)
    started = time.perf_counter()
    box.fill(query)
    box.press("End")
    # Not "results or 没有找到": until the worker answers, Material's meta line pairs the new query with the
    # last (empty) answer and says 没有找到 for a moment. A query is taken to find nothing only when no
    # result has come by the timeout and the line still says so.
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function("sel => document.querySelectorAll(sel).length > 0", arg=ITEM_LINK, timeout=timeout)
    except PlaywrightTimeout:
        if not re.search("没有找到|No matching", page.locator(META).inner_text()):
            raise
    elapsed = (time.perf_counter() - started) * 1000
    # One item per page: its first link is the page, the others its sections.
    hrefs = page.eval_on_selector_all(ITEM, "els => els.map(e => e.querySelector('a.md-search-result__link').href)")
    root = page.evaluate("new URL(JSON.parse(document.getElementById('__config').textContent).base + '/', location.href).href")
    return [site_path(root, h) for h in hrefs], elapsed


def rank_queries(page, cases: list[dict]) -> tuple[int, int, list[str]]:
    """(in the first five, first, misses as "query -> first three") for ``cases`` typed into ``page``'s open search box."""
    top5 = top1 = 0
    misses = []
    for case in cases:
        results, _ = search(page, str(case["query"]))
        top5 += case["page"] in results[:5]
        top1 += bool(results) and results[0] == case["page"]
        if case["page"] not in results[:5]:
            misses.append(f"{case['query']} -> {results[:3]}")
    return top5, top1, misses


def site_path(root: str, href: str) -> str:
    """'…/guide/work-points/theory.html?h=x#y' -> 'work-points/theory.html' (relative to the site root URL)."""
    path = urlparse(urljoin(root, href)).path
    base = urlparse(root).path
    return path.removeprefix(base)


def load_judged(path: Path) -> list[dict]:
    """A query set whose queries name their answering ``pages`` (or one ``page``), with ``kind`` if it has kinds."""
    cases = load_queries(path)
    for case in cases:
        case["pages"] = case.get("pages", [case["page"]] if "page" in case else [])
    return cases


def rank_by_kind(search, cases: list[dict]) -> dict:
    """Hit@5 and top-1 of ``cases``, by kind and for all, with ``search(query) -> result pages in order``.

    A query no page answers (``pages: []``, a content gap) is left out of the figures and listed apart;
    ``misses`` are the queries not in the first five, ``not_first`` those in the first five but not first.
    """
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses, second, gaps = [], [], []
    for case in cases:
        if not case["pages"]:
            gaps.append(str(case["query"]))
            continue
        results = search(str(case["query"]))
        hit5 = any(p in results[:5] for p in case["pages"])
        top1 = bool(results) and results[0] in case["pages"]
        for kind in {case.get("kind", "all"), "all"}:
            kinds[kind][0] += 1
            kinds[kind][1] += hit5
            kinds[kind][2] += top1
        line = f"{case.get('kind', '-')}: {case['query']} -> {results[:3]} (answered by {case['pages']})"
        if not hit5:
            misses.append(line)
        elif not top1:
            second.append(line)
    return {"kinds": {k: {"queries": n, "hit5": h, "top1": t} for k, (n, h, t) in kinds.items()},
            "misses": misses, "not_first": second, "no_page": gaps}


def kind_table(figures: dict) -> str:
    """rank_by_kind's figures as lines: kind, queries, hit@5, top-1 (all last)."""
    lines = []
    for kind, f in sorted(figures["kinds"].items(), key=lambda kv: (kv[0] == "all", kv[0])):
        n = f["queries"]
        lines.append(f"  {kind:11s} {n:4d}  hit@5 {f['hit5']:4d} ({f['hit5'] / n:6.1%})  top-1 {f['top1']:4d} "
                     f"({f['top1'] / n:6.1%})")
    return "\n".join(lines)
