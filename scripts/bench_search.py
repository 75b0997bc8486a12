#!/usr/bin/env python3
"""Measure search and intranet hosting (figures for reports, not pass/fail).

    python scripts/bench_search.py                 build strictly, then measure
    python scripts/bench_search.py --site DIR      measure an existing build
    python scripts/bench_search.py --json out.json also write the figures as JSON
    python scripts/bench_search.py --queries FILE [--site DIR]
                                                   only FILE's queries (e.g. tests/data/search-queries-unseen-2.yml):
                                                   hit@5 and top-1 by kind, misses, typing -> results, and
                                                   how many first results show a matched word in their snippet
    python scripts/bench_search.py --queries FILE --typed
                                                   also typing -> results for every prefix of every query, typed
                                                   in order as a reader types (the worker keeps what it read)

Measures, in Debian's Chromium, with the site behind Debian's nginx using
deploy/nginx.conf under /guide/ (on a free port) and opened from disk (file://):
outside requests and 404s across all pages; the query set's hit rate
(tests/data/search-queries.yml) in the first five results and first place,
and the broad set's (search-queries-broad.yml, written before tuning);
time from typing to results once the index is loaded; time from navigation
to the first result; search index size; bytes transferred for a first visit
to the home page (compressed, headers included); and how fast the machine
is at the time (a fixed piece of work, before and after, and beside each
navigation timing), since every timing moves with the machine's load.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the test harness (tests/support), not the project packages

from support import launch_chromium  # noqa: E402
from support.nginx import NginxSite  # noqa: E402
from support.search_ui import (  # noqa: E402
    BROAD_QUERIES,
    kind_table,
    load_judged,
    load_queries,
    open_search,
    rank_by_kind,
    rank_queries,
    search,
    wait_ready,
)

TYPE_AND_WAIT = """async (q) => {
  const input = document.querySelector('input.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  const meta = document.querySelector('.md-search-result__meta');
  const fire = () => { input.dispatchEvent(new Event('input', {bubbles: true}));
                       input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: 'End'})); };
  input.value = ''; fire();
  const s0 = performance.now();
  // the cleared box's own answer shown (the placeholder line), so that no stale empty answer comes after the
  // query below and makes its line say 没有找到 for a moment
  await new Promise((r, j) => { const c = () => list.children.length === 0 && /键入以开始搜索/.test(meta.textContent) ? r()
      : performance.now() - s0 > 10000 ? j(new Error('list not cleared')) : setTimeout(c, 1); c(); });
  const t0 = performance.now();
  input.value = q; fire();
  return await new Promise((r, j) => {
    setTimeout(() => j(new Error('no results for ' + q)), 10000);
    const done = () => list.children.length > 0 || /没有找到/.test(meta.textContent);
    const obs = new MutationObserver(() => { if (done()) { obs.disconnect(); r(performance.now() - t0); } });
    obs.observe(meta.parentElement, {childList: true, subtree: true, characterData: true});
  });
}"""

FIRST_RESULT = """async (q) => {
  const t0 = performance.now();
  const until = (f, what) => new Promise((r, j) => { const c = () => f() ? r(f())
      : performance.now() - t0 > 20000 ? j(new Error('timed out waiting for ' + what)) : setTimeout(c, 1); c(); });
  const input = await until(() => document.querySelector('input.md-search__input'), 'input');
  // A reader clicks into the box once the page is shown: Material binds it at DOMContentLoaded.
  await until(() => document.readyState !== 'loading', 'DOMContentLoaded');
  await new Promise(r => setTimeout(r, 0));
  input.focus(); input.click();
  const list = document.querySelector('.md-search-result__list');
  const meta = document.querySelector('.md-search-result__meta');
  await until(() => meta && /键入以开始搜索/.test(meta.textContent), 'index ready');
  const ready = performance.now();
  input.value = q;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: 'End'}));
  await until(() => list.children.length > 0, 'results');
  const nav = performance.getEntriesByType('navigation')[0];
  return [performance.now(), nav ? nav.domContentLoadedEventEnd : 0, ready];
}"""


def build(site: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(site)],
                            cwd=ROOT, capture_output=True, text=True, check=False,
                            env={"NO_MKDOCS_2_WARNING": "1", **os.environ})
    if result.returncode:
        sys.exit(result.stdout + result.stderr)
    return time.perf_counter() - started


def pages_of(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "assets" not in p.parts and p.name != "404.html")


def crawl(browser, base: str, pages: list[str], site: Path, server: str) -> dict:
    """Open every page from ``base``; count requests that leave ``server`` (host:port) or the site folder, and errors."""
    context = browser.new_context()
    page = context.new_page()
    outside, failed = [], []

    def on_request(r):
        u = urlparse(r.url)
        other_host = u.scheme in ("http", "https") and u.netloc != server
        outside_site = u.scheme == "file" and not Path(u.path).resolve().is_relative_to(site.resolve())
        if other_host or outside_site:
            outside.append(r.url)
    page.on("request", on_request)
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    page.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "") and failed.append(f"{r.failure} {r.url}"))
    for rel in pages:
        page.goto(base + rel)
        page.wait_for_load_state("load")
    context.close()
    return {"pages": len(pages), "outside_requests": len(outside), "errors_404": len(failed),
            "examples": (outside + failed)[:5]}


def query_set(browser, base: str, site: Path) -> dict:
    """The test query set (hit rates, typing -> results) and the broad set written before tuning (hit rates)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "index.html")
    open_search(page)
    cases = [q for q in load_queries() if (site / q["page"]).is_file()]
    top5, top1, misses = rank_queries(page, cases)
    broad = load_queries(BROAD_QUERIES)
    broad5, broad1, broad_misses = rank_queries(page, broad)
    timings = []
    for _ in range(3):
        for case in cases:
            timings.append(page.evaluate(TYPE_AND_WAIT, str(case["query"])))
    return {"queries": len(cases), "of_total": len(load_queries()), "top5": top5, "top1": top1,
            "top5_rate": round(top5 / len(cases), 3), "top1_rate": round(top1 / len(cases), 3), "misses": misses,
            "broad": {"queries": len(broad), "top5": broad5, "top1": broad1,
                      "top5_rate": round(broad5 / len(broad), 3), "misses": broad_misses},
            "typing_to_results_ms": {"median": round(statistics.median(timings), 1),
                                     "p90": round(sorted(timings)[int(len(timings) * .9)], 1),
                                     "max": round(max(timings), 1)}}


# What the first result shows without a click: the page's and its shown sections' headings and snippets.
FIRST_SHOWN = """() => { const item = document.querySelector('li.md-search-result__item');
  return item ? [...item.querySelectorAll(':scope > a article')].map(a => a.innerHTML).join('') : ''; }"""


def judged_set(browser, base: str, path: Path, typed: bool = False) -> dict:
    """A judged query set typed into the search box: hit@5 and top-1 by kind (support.search_ui.rank_by_kind),
    typing -> results, and the share of first results whose shown text has a matched word (a <mark>) outside
    the headings: the answer is on screen without opening the page."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "index.html")
    open_search(page)
    wait_ready(page)
    timings, marked = [], []

    def typed(query: str) -> list[str]:
        results, _ = search(page, query)
        shown = page.evaluate(FIRST_SHOWN)
        marked.append(bool(re.search(r"<mark>", re.sub(r"<h[12]>.*?</h[12]>", "", shown))))
        return results

    cases = load_judged(path)
    figures = rank_by_kind(typed, cases)
    for case in cases:  # timed in the page, as query_set does (the harness's round trips are not the search's)
        timings.append(page.evaluate(TYPE_AND_WAIT, str(case["query"])))
    figures["first_result_snippet_has_a_match"] = f"{sum(marked)}/{len(marked)}"
    figures["typing_to_results_ms"] = {"median": round(statistics.median(timings), 1),
                                       "p90": round(sorted(timings)[int(len(timings) * .9)], 1)}
    if typed:  # as a reader types: every query again, a character at a time, each prefix timed (after the above)
        prefixes = [page.evaluate(TYPE_AND_WAIT, str(case["query"])[:i])
                    for case in cases for i in range(1, len(str(case["query"])) + 1)]
        figures["typed_prefix_to_results_ms"] = {"prefixes": len(prefixes),
                                                 "median": round(statistics.median(prefixes), 1),
                                                 "p90": round(sorted(prefixes)[int(len(prefixes) * .9)], 1)}
    context.close()
    return figures


def first_result(browser, url: str, runs: int = 5, after: str | None = None, searched: bool = False) -> dict:
    """Navigation start -> first result for 台账 typed as soon as the page is interactive.

    In a new browser context (a first visit, nothing cached), or, with
    ``after``, right after reading that other page in the same context (the
    usual case: a reader moves through the guide; theme files are cached);
    with ``searched`` the reader also searched on that page (the index is then
    loaded with the next page).
    """
    times, dcl, ready, speed = [], [], [], []
    for _ in range(runs):
        speed.append(machine_speed(browser, runs=3))
        context = browser.new_context()
        page = context.new_page()
        if after:
            page.goto(after)
            page.wait_for_load_state("load")
            if searched:
                open_search(page)
                search(page, "网评员")
        page.goto(url, wait_until="commit")
        done, loaded, searchable = page.evaluate(FIRST_RESULT, "台账")
        times.append(done)
        dcl.append(loaded)
        ready.append(searchable)
        context.close()
    return {"median_ms": round(statistics.median(times)), "max_ms": round(max(times)),
            "dom_content_loaded_ms": round(statistics.median(dcl)), "search_ready_ms": round(statistics.median(ready)),
            "machine_sort_ms": statistics.median(speed)}


def _log_lines(server) -> list[str]:
    log = server.prefix / "access.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def _sent(lines: list[str]) -> dict[str, int]:
    """Body bytes nginx sent per path (combined log format: "GET /x HTTP/1.1" 200 1234)."""
    out: dict[str, int] = {}
    for line in lines:
        m = re.search(r'"GET (\S+) HTTP/[\d.]+" (\d+) (\d+)', line)
        if m:
            out[m.group(1).split("/guide/", 1)[-1]] = out.get(m.group(1), 0) + int(m.group(3))
    return out


def first_visit_bytes(browser, server) -> dict:
    """What nginx sends for a first visit to the home page (gzip accepted), then for a first search."""
    context = browser.new_context()
    page = context.new_page()
    before = len(_log_lines(server))
    page.goto(server.url + "index.html")
    page.wait_for_load_state("networkidle")
    home = _sent(_log_lines(server)[before:])
    before = len(_log_lines(server))
    open_search(page)
    search(page, "台账")
    page.wait_for_load_state("networkidle")
    searching = _sent(_log_lines(server)[before:])
    context.close()
    return {"requests": len(home), "body_bytes": sum(home.values()),
            "by_file": dict(sorted(home.items(), key=lambda x: -x[1])),
            "first_search_adds_bytes": sum(searching.values()), "first_search_files": searching}


FIXED_WORK = """(runs) => {
  const times = [];
  for (let run = 0; run < runs; run++) {
    let x = 1;
    const numbers = Array.from({length: 200000}, () => (x = (x * 48271) % 2147483647));
    const t0 = performance.now();
    numbers.sort((a, b) => a - b);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}"""


def machine_speed(browser, runs: int = 5) -> float:
    """How fast this machine is right now: sorting 200,000 numbers in a blank page, in ms (median of ``runs``).

    Every timing here moves with the machine's load (one build measured
    300-590 ms from navigation to first result on one day); each timed
    scenario reports this figure beside its own, so runs can be compared.
    """
    context = browser.new_context()
    page = context.new_page()
    ms = page.evaluate(FIXED_WORK, runs)
    context.close()
    return round(ms, 1)


def step(name: str) -> None:
    print(f"[bench] {name}", file=sys.stderr, flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--queries", type=Path, help="only this judged query set (pages: [...], kind: ...)")
    parser.add_argument("--typed", action="store_true",
                        help="with --queries: also each query typed a character at a time, every prefix timed")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    if args.queries:
        return queries_only(args, sync_playwright)

    with tempfile.TemporaryDirectory() as tmp:
        figures: dict = {}
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            figures["build_s"] = round(build(site), 2)
        index = (site / "search/search_index.json").read_bytes()
        figures["search_index"] = {"json_bytes": len(index), "gzip_bytes": len(gzip.compress(index, 6)),
                                   "js_bytes": (site / "search/search_index.js").stat().st_size,
                                   "sections": len(json.loads(index)["docs"])}
        server = NginxSite(site, Path(tmp) / "nginx").start()
        host = urlparse(server.url).netloc
        try:
            with sync_playwright() as p:
                browser = launch_chromium(p)
                pages = pages_of(site)
                step("machine_speed")
                figures["machine_sort_ms_before"] = machine_speed(browser)
                step("http_sub_path")
                figures["http_sub_path"] = crawl(browser, server.url, pages, site, host)
                step("file_url")
                figures["file_url"] = crawl(browser, site.as_uri() + "/", pages, site, host)
                step("query_set_http")
                figures["query_set_http"] = query_set(browser, server.url, site)
                step("navigation_to_first_result_http")
                figures["navigation_to_first_result_http"] = first_result(browser, server.url + "index.html")
                step("navigation_to_first_result_http_next_page")
                figures["navigation_to_first_result_http_next_page"] = first_result(
                    browser, server.url + "index.html", after=server.url + "work-points/theory.html")
                step("navigation_to_first_result_http_after_a_search")
                figures["navigation_to_first_result_http_after_a_search"] = first_result(
                    browser, server.url + "index.html", after=server.url + "work-points/theory.html", searched=True)
                step("navigation_to_first_result_file")
                figures["navigation_to_first_result_file"] = first_result(browser, site.as_uri() + "/index.html")
                step("navigation_to_first_result_file_next_page")
                figures["navigation_to_first_result_file_next_page"] = first_result(
                    browser, site.as_uri() + "/index.html", after=site.as_uri() + "/work-points/theory.html")
                step("navigation_to_first_result_file_after_a_search")
                figures["navigation_to_first_result_file_after_a_search"] = first_result(
                    browser, site.as_uri() + "/index.html", after=site.as_uri() + "/work-points/theory.html",
                    searched=True)
                step("home_first_visit")
                figures["home_first_visit"] = first_visit_bytes(browser, server)
                figures["machine_sort_ms_after"] = machine_speed(browser)
                browser.close()
        finally:
            server.stop()
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def queries_only(args, sync_playwright) -> int:
    """--queries FILE: that set's figures, in Chromium, through nginx, on --site or a fresh strict build."""
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site)
        server = NginxSite(site, Path(tmp) / "nginx").start()
        try:
            with sync_playwright() as p:
                browser = launch_chromium(p)
                figures = judged_set(browser, server.url, args.queries, args.typed)
                figures["machine_sort_ms"] = machine_speed(browser)
                browser.close()
        finally:
            server.stop()
    figures["load_average"] = os.getloadavg()
    print(args.queries.name + "\n" + kind_table(figures))
    print(json.dumps({k: v for k, v in figures.items() if k != "kinds"}, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
