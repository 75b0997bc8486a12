#!/usr/bin/env python3
"""Rank query sets against a built site in V8, without a browser (seconds, for judging a search change).

    python scripts/rank_queries.py SITE_DIR [FILE ...]     default: the four sets under tests/data/
    python scripts/rank_queries.py SITE_DIR FILE --misses  also list each miss with its first three pages

Runs the site's own patched search worker (assets/javascripts/workers/search.*.min.js) with the site's
prebuilt index in V8 (mini-racer), exactly as the browser's worker answers a query, and reads the pages in
the order the result list shows them. A query counts in the first five (hit@5) or first (top-1) when its
``page`` (or one of its ``pages``) is there; figures by ``kind`` when the set has kinds. The browser run of
a set (``scripts/bench_search.py --queries FILE``) is what reports quote; this is the quick loop.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SETS = ("search-queries.yml", "search-queries-broad.yml", "search-queries-unseen.yml", "search-queries-unseen-2.yml")

_SHIMS = """
var self = globalThis;
globalThis.addEventListener = function () {};
globalThis.postMessage = function () {};
globalThis.importScripts = function () {};
if (typeof console === "undefined") { globalThis.console = {log() {}, warn() {}, error() {}}; }
"""


class SiteSearch:
    """The site's patched worker in V8, set up with the site's search index as the browser's worker is."""

    def __init__(self, site: Path):
        from py_mini_racer import MiniRacer

        from macros.search.prebuilt import expose_search_class

        worker = next((site / "assets/javascripts/workers").glob("search.*.min.js")).read_text(encoding="utf-8")
        index = (site / "search/search_index.json").read_text(encoding="utf-8")
        self.ctx = MiniRacer()
        self.ctx.eval(_SHIMS)
        self.ctx.eval(expose_search_class(worker))
        self.ctx.eval(f"var __i = {index};")
        self.ctx.eval("var __s = new globalThis.__GuideSearch({config: __i.config, docs: __i.docs, "
                      "prebuilt: __i.prebuilt, options: {suggest: false}});")

    def raw(self, query: str) -> dict:
        """What the worker sends the page for ``query``."""
        q = json.dumps(query, ensure_ascii=False)
        return json.loads(self.ctx.eval(  # a site built before RESULTS has no __guideSearch
            f"JSON.stringify(typeof __guideSearch === 'function' ? __guideSearch(__s, {q}) : __s.search({q}))"))

    def pages(self, query: str) -> list[str]:
        """The result pages in the order the list shows them."""
        return [next(d["location"] for d in group if "#" not in d["location"]) for group in self.raw(query)["items"]]


def load(path: Path) -> list[dict]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    for case in cases:
        case["pages"] = case.get("pages", [case["page"]] if "page" in case else [])
    return cases


def rank(search, cases: list[dict]) -> dict:
    """Figures for ``cases`` (hit@5, top-1, by kind) and the misses, with ``search(query) -> pages``."""
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses = []
    for case in cases:
        if not case["pages"]:
            continue  # no page answers it: a content gap, not a search miss
        results = search(str(case["query"]))
        hit5 = any(p in results[:5] for p in case["pages"])
        top1 = bool(results) and results[0] in case["pages"]
        for kind in (case.get("kind", "all"), "all") if case.get("kind") else ("all",):
            kinds[kind][0] += 1
            kinds[kind][1] += hit5
            kinds[kind][2] += top1
        if not hit5:
            misses.append(f"{case.get('kind', '-')}: {case['query']} -> {results[:3]} (wanted {case['pages']})")
    return {"kinds": {k: {"queries": n, "hit5": h, "top1": t} for k, (n, h, t) in kinds.items()}, "misses": misses}


def report(name: str, figures: dict) -> str:
    lines = [name]
    for kind, f in sorted(figures["kinds"].items(), key=lambda kv: (kv[0] == "all", kv[0])):
        n = f["queries"]
        lines.append(f"  {kind:11s} {n:4d}  hit@5 {f['hit5']:4d} ({f['hit5'] / n:6.1%})  top-1 {f['top1']:4d} "
                     f"({f['top1'] / n:6.1%})")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("files", type=Path, nargs="*")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    search = SiteSearch(args.site)
    files = args.files or [ROOT / "tests/data" / name for name in SETS if (ROOT / "tests/data" / name).exists()]
    for path in files:
        figures = rank(search.pages, load(path))
        print(report(path.name, figures))
        if args.misses:
            print("\n".join("    " + m for m in figures["misses"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
