#!/usr/bin/env python3
"""Rank query sets against a built site in V8, without a browser (seconds, for judging a search change).

    python scripts/rank_queries.py SITE_DIR [FILE ...]     default: the four sets under tests/data/
    python scripts/rank_queries.py SITE_DIR FILE --misses  also list each miss with its first three pages
    python scripts/rank_queries.py SITE_DIR FILE --not-first   list the queries found in the first five but not first
    python scripts/rank_queries.py SITE_DIR [FILE ...] --dump OUT [--typed]
                                                           write the worker's whole answer to every query (with --typed
                                                           also to every prefix of each query, typed in order) to OUT,
                                                           one JSON line each, and print its SHA-256: a change meant to
                                                           keep every answer (a speed-up) must give the same file

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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the test harness (tests/support), as bench_search.py
sys.path.insert(0, str(ROOT))

from macros.search.prebuilt import WORKER_SHIMS  # noqa: E402
from support.search_ui import kind_table, load_judged, rank_by_kind  # noqa: E402

SETS = ("search-queries.yml", "search-queries-broad.yml", "search-queries-unseen.yml", "search-queries-unseen-2.yml",
        "search-queries-unseen-3.yml", "search-queries-unseen-4.yml", "search-queries-unseen-5.yml",
        "search-queries-unseen-6.yml", "search-queries-unseen-7.yml", "search-queries-unseen-8.yml",
        "search-queries-unseen-9.yml")


class SiteSearch:
    """The site's patched worker in V8, set up with the site's search index as the browser's worker is."""

    def __init__(self, site: Path, current_js: bool = False):
        from py_mini_racer import MiniRacer

        from macros.search.prebuilt import expose_search_class

        worker = next((site / "assets/javascripts/workers").glob("search.*.min.js")).read_text(encoding="utf-8")
        index = (site / "search/search_index.json").read_text(encoding="utf-8")
        self.ctx = MiniRacer()
        self.ctx.eval(WORKER_SHIMS)
        self.ctx.eval(expose_search_class(worker))
        if current_js:  # this checkout's code appended to the worker, in place of the site's (no rebuild)
            from macros.search.worker_patch import KEEP_JS, RESULTS_JS
            self.ctx.eval(KEEP_JS)
            self.ctx.eval(RESULTS_JS)
        self.ctx.eval(f"var __i = {index};")
        self.ctx.eval("var __s = new globalThis.__GuideSearch({config: __i.config, docs: __i.docs, "
                      "prebuilt: __i.prebuilt, options: {suggest: false}});")
        if current_js and "__guideSetPinyin" not in worker:  # a site built before the pinyin was in its index
            from checker.lexicon import pinyin_table
            self.ctx.eval(f"__i.pinyin = {json.dumps(pinyin_table(set()), ensure_ascii=False)};")
        # As the worker's index loader does (__guideFetchIndex).
        self.ctx.eval("typeof __guideSetPinyin === 'function' && __guideSetPinyin(__i.pinyin);")

    def raw(self, query: str) -> dict:
        """What the worker sends the page for ``query``."""
        q = json.dumps(query, ensure_ascii=False)
        return json.loads(self.ctx.eval(  # a site built before RESULTS has no __guideSearch
            f"JSON.stringify(typeof __guideSearch === 'function' ? __guideSearch(__s, {q}) : __s.search({q}))"))

    def pages(self, query: str) -> list[str]:
        """The result pages in the order the list shows them."""
        return [next(d["location"] for d in group if "#" not in d["location"]) for group in self.raw(query)["items"]]


def dump(search: SiteSearch, files: list[Path], out: Path, typed: bool) -> int:
    """Every query's whole answer (then, with ``typed``, every prefix's, each set's queries typed in order, as the
    worker's caches see them in the browser), one line each: set, query, the answer as JSON."""
    import hashlib

    with out.open("w", encoding="utf-8") as f:
        for path in files:
            queries = [case["query"] for case in load_judged(path)]
            asked = queries + ([q[:n] for q in queries for n in range(1, len(q) + 1)] if typed else [])
            for query in asked:
                f.write(f"{path.name}\t{query}\t{json.dumps(search.raw(query), ensure_ascii=False, sort_keys=True)}\n")
    print(out, hashlib.sha256(out.read_bytes()).hexdigest())
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("files", type=Path, nargs="*")
    parser.add_argument("--misses", action="store_true", help="list the queries whose page is not in the first five")
    parser.add_argument("--not-first", action="store_true",
                        help="list the queries whose page is in the first five but not first (top-1 misses)")
    parser.add_argument("--current-js", action="store_true",
                        help="run this checkout's results.js and query helpers instead of the site's")
    parser.add_argument("--set", action="append", default=[], metavar="JS", help="JavaScript to run first")
    parser.add_argument("--dump", type=Path, metavar="OUT", help="write every answer to OUT (one JSON line each)")
    parser.add_argument("--typed", action="store_true", help="with --dump: also every prefix of every query")
    args = parser.parse_args(argv)
    search = SiteSearch(args.site, args.current_js)
    for js in args.set:
        search.ctx.eval(js)
    files = args.files or [ROOT / "tests/data" / name for name in SETS if (ROOT / "tests/data" / name).exists()]
    if args.dump:
        return dump(search, files, args.dump, args.typed)
    for path in files:
        figures = rank_by_kind(search.pages, load_judged(path))
        print(path.name + "\n" + kind_table(figures))
        if args.misses:
            print("\n".join("    " + m for m in figures["misses"]))
        if args.not_first:
            print("\n".join("    not first: " + m for m in figures["not_first"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
