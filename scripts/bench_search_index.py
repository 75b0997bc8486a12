#!/usr/bin/env python3
"""Does the prebuilt search index buy a faster first search? (figures, not pass/fail)

    python scripts/bench_search_index.py                  build strictly, then measure
    python scripts/bench_search_index.py --site DIR       measure an existing build
    python scripts/bench_search_index.py --runs 5 --json out.json

Variant A is the site as built: search/search_index.json carries ``prebuilt``
(macros/search/prebuilt.py) and the search worker only loads that lunr index.
Variant B is a copy without it (in search_index.json, its .gz and the offline
plugin's search_index.js): the worker builds the index itself, as Material
does. Each is served by Debian's nginx with deploy/nginx.conf (only listen and
root replaced, as tests/nginx_fixture.py does) under /guide/ on a free port.

A run opens the home page in a new browser context (nothing cached), waits for
the load event, clicks into the search box and types a query at once, as a
reader does (the index is fetched, then loaded or built, in between), and
times on the page's clock navigation -> first result and first keystroke ->
first result; then a second query, with the index ready. Each cell (CPU x
network) alternates A B A B ...; queries rotate.

CPU: ``cdp4`` is Chromium's own throttle (Emulation.setCPUThrottlingRate 4),
which slows only the page's main thread: Chromium refuses it for workers
("Operation is only supported for pages, not workers"), so the search worker,
where the index is loaded or built, runs at full speed. ``all4`` slows the
whole renderer process, page and worker, instead (SlowRenderers: stopped
for three times the CPU time it used, every few ms); an approximation too,
coarser when the machine is busy. Timings move with the machine's load:
compare A with B in the same cell, and run it twice.
Network ``10M``: Network.emulateNetworkConditions, 10 Mbit/s, 20 ms latency.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the test harness's nginx and Chromium (tests/support), as bench_search.py
from support import launch_chromium  # noqa: E402
from support.nginx import NginxSite  # noqa: E402

QUERIES = ["舆情", "中心组学习", "半年汇报怎么写", "意识形态工作责任制", "台账"]
CPU_MODES = ["1", "cdp4", "all4"]
NETWORKS = {"none": None, "10M": {"offline": False, "latency": 20, "downloadThroughput": 10e6 / 8,
                                  "uploadThroughput": 10e6 / 8}}
INDEX = "search/search_index.json"
JS_PREFIX = "var __index = "  # what the offline plugin writes before the index in search_index.js


# --- Pure helpers -------------------------------------------------------------

def dump(data: dict) -> bytes:
    """The index as hooks/search.py writes it (raw UTF-8, no spaces)."""
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def without_prebuilt(index: bytes) -> bytes:
    data = json.loads(index)
    if "prebuilt" not in data:
        raise SystemExit(f"{INDEX} has no 'prebuilt' key: build with `mkdocs build`, not serve")
    del data["prebuilt"]
    return dump(data)


def gz9(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def index_sizes(index: bytes) -> dict:
    """Raw and gzip -9 bytes: the whole index, its documents part (no prebuilt), the prebuilt part alone."""
    docs = without_prebuilt(index)
    prebuilt = dump(json.loads(index)["prebuilt"])
    return {"whole": {"raw": len(index), "gzip9": gz9(index)},
            "docs_part": {"raw": len(docs), "gzip9": gz9(docs)},
            "prebuilt_part": {"raw": len(prebuilt), "gzip9": gz9(prebuilt)},
            "prebuilt_adds": {"raw": len(index) - len(docs), "gzip9": gz9(index) - gz9(docs)}}


def stats(values: list[float]) -> dict:
    return {"median": round(statistics.median(values)), "min": round(min(values)), "max": round(max(values)),
            "n": len(values)}


def body_bytes(log_lines: list[str], name: str) -> list[int]:
    """Body bytes of each GET of ``name`` in an nginx combined-format log."""
    return [int(m[1]) for m in (re.search(rf'"GET \S*{re.escape(name)} HTTP/[\d.]+" \d+ (\d+)', x)
                                for x in log_lines) if m]


def cell(s: dict) -> str:
    return f"{s['median']} ({s['min']}-{s['max']})"


def table(rows: list[dict]) -> str:
    head = ("variant", "CPU", "network", "nav->1st result ms (med min-max)", "key->1st result ms",
            "next query ms", "index bytes sent (gzip)")
    lines = [head]
    for r in rows:
        lines.append((r["variant"], r["cpu"], r["network"], cell(r["navigation_to_first_result_ms"]),
                      cell(r["keystroke_to_first_result_ms"]), cell(r["next_query_ms"]),
                      str(r["index_bytes_sent"])))
    widths = [max(len(x[i]) for x in lines) for i in range(len(head))]
    return "\n".join("  ".join(x[i].ljust(widths[i]) for i in range(len(head))) for x in lines)


# --- Site variants --------------------------------------------------------------

def make_variant_b(site: Path, dest: Path) -> None:
    """A copy of ``site`` whose index (json, .gz, offline .js) has no prebuilt lunr index."""
    shutil.copytree(site, dest)
    index = (site / INDEX).read_bytes()
    body = without_prebuilt(index)
    (dest / INDEX).write_bytes(body)
    if (site / (INDEX + ".gz")).exists():
        (dest / (INDEX + ".gz")).write_bytes(gzip.compress(body, compresslevel=9, mtime=0))
    js = site / "search/search_index.js"
    if js.exists():
        text = js.read_bytes()
        if text != JS_PREFIX.encode() + index:
            raise SystemExit(f"{js} is not {JS_PREFIX!r} + search_index.json: check the offline plugin")
        (dest / "search/search_index.js").write_bytes(JS_PREFIX.encode() + body)


# --- Slowing the whole renderer (page and worker) --------------------------------

def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            out += [int(x) for x in task.read_text().split()]
        except OSError:
            pass
    return out


def renderers() -> list[int]:
    """Chromium renderer processes started (indirectly) by this process."""
    found, todo = [], [os.getpid()]
    while todo:
        for pid in _children(todo.pop()):
            todo.append(pid)
            try:
                if b"--type=renderer" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    found.append(pid)
            except OSError:
                pass
    return found


def thread_cpu_ns(pids: list[int]) -> dict[int, int]:
    """CPU time used so far (ns) by each thread of ``pids``."""
    out = {}
    for pid in pids:
        for stat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
            try:
                out[int(stat.parent.name)] = int(stat.read_text().split()[0])
            except (OSError, ValueError, IndexError):
                pass
    return out


class SlowRenderers:
    """Make this process's Chromium renderers ``rate`` times slower, in CPU time, page and workers alike.

    Every few ms the renderers are stopped (SIGSTOP) for rate - 1 times the
    CPU time their busiest thread used since the last stop, then continued:
    a piece of work that took t ms of CPU takes about rate x t, however busy
    the machine is (a duty cycle on wall time would slow nothing on a machine
    where the renderer gets no more than its share anyway).
    """

    def __init__(self, rate: float, quantum: float = 0.004):
        self.rate, self.quantum, self.done = rate, quantum, threading.Event()

    @staticmethod
    def _signal(pids, sig: int) -> None:
        for pid in pids:
            try:
                os.kill(pid, sig)
            except OSError:
                pass

    def _loop(self) -> None:
        pids, used, n = renderers(), {}, 0
        while not self.done.is_set():
            time.sleep(self.quantum)
            self._signal(pids, signal.SIGSTOP)
            stopped = time.monotonic()
            if n % 8 == 0:  # a navigation may start a new renderer
                fresh = [p for p in renderers() if p not in pids]
                self._signal(fresh, signal.SIGSTOP)
                pids += fresh
            n += 1
            now = thread_cpu_ns(pids)
            busiest = max((ns - used.get(tid, ns) for tid, ns in now.items()), default=0) / 1e9
            used = now
            time.sleep(max(0.0, (self.rate - 1) * busiest - (time.monotonic() - stopped)))
            self._signal(pids, signal.SIGCONT)

    def __enter__(self):
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.done.set()
        self.thread.join()
        self._signal(renderers(), signal.SIGCONT)


# --- One measurement ----------------------------------------------------------------

MEASURE = """async ([query, next]) => {
  if (document.readyState !== 'complete') await new Promise(r => addEventListener('load', r, {once: true}));
  await new Promise(r => setTimeout(r, 0));
  const input = document.querySelector('input.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  const until = (ok, what) => new Promise((resolve, reject) => {
    if (ok()) return resolve(performance.now());
    const obs = new MutationObserver(() => {
      if (ok()) { obs.disconnect(); clearTimeout(timer); resolve(performance.now()); } });
    const timer = setTimeout(() => { obs.disconnect(); reject(new Error('timed out: ' + what)); }, 60000);
    obs.observe(list, {childList: true, subtree: true});
  });
  const type = q => { input.value = q; input.dispatchEvent(new Event('input', {bubbles: true}));
                      input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: 'End'})); };
  const item = () => list.querySelector('.md-search-result__item') !== null;
  const first = until(item, 'results for ' + query);
  const keystroke = performance.now();
  input.focus(); input.click(); type(query);
  const shown = await first;
  type(''); await until(() => !item(), 'list cleared');
  const again = performance.now(); type(next); const nextShown = await until(item, 'results for ' + next);
  return {navigation_to_first_result: shown, keystroke_to_first_result: shown - keystroke,
          next_query: nextShown - again, load_event: performance.getEntriesByType('navigation')[0].loadEventEnd};
}"""


def measure(browser, url: str, query: str, next_query: str, cpu: str, network: dict | None) -> dict:
    """One first search in a new browser context (cold cache)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        if cpu == "cdp4":
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        if network:
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", network)
        with SlowRenderers(4) if cpu == "all4" else nullcontext():
            page.goto(url, wait_until="commit", timeout=60000)
            return page.evaluate(MEASURE, [query, next_query])
    finally:
        context.close()


def build(site: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(site)],
                            check=False, cwd=ROOT, capture_output=True, text=True,
                            env={"NO_MKDOCS_2_WARNING": "1", **os.environ})
    if result.returncode:
        sys.exit(result.stdout + result.stderr)


def cell_figures(browser, servers: dict, cpu: str, network: str, runs: int) -> list[dict]:
    """``runs`` first searches per variant, alternating A B A B ..., queries in turn."""
    done = {variant: [] for variant in servers}
    for i in range(runs):
        query, next_query = QUERIES[i % len(QUERIES)], QUERIES[(i + 1) % len(QUERIES)]
        for variant, server in servers.items():
            before = len(server.access_lines())
            r = measure(browser, server.url, query, next_query, cpu, NETWORKS[network])
            r["index_bytes_sent"] = sum(body_bytes(server.access_lines()[before:], INDEX))
            r["query"] = query
            done[variant].append(r)
            print(f"[bench] {network} cpu={cpu} {variant} {query}: {r['navigation_to_first_result']:.0f} / "
                  f"{r['keystroke_to_first_result']:.0f} ms", file=sys.stderr, flush=True)
    return [{"variant": variant, "cpu": cpu, "network": network,
             **{f"{k}_ms": stats([r[k] for r in rs])
                for k in ("navigation_to_first_result", "keystroke_to_first_result", "next_query")},
             "index_bytes_sent": round(statistics.median(r["index_bytes_sent"] for r in rs)), "runs": rs}
            for variant, rs in done.items()]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an existing build (default: build strictly into a temp dir)")
    parser.add_argument("--runs", type=int, default=5, help="runs per variant and cell (default 5)")
    parser.add_argument("--cpu", nargs="+", default=CPU_MODES, choices=CPU_MODES)
    parser.add_argument("--network", nargs="+", default=list(NETWORKS), choices=list(NETWORKS))
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-index-") as tmp:
        tmp = Path(tmp)
        site = args.site
        if site is None:
            site = tmp / "site"
            build(site)
        make_variant_b(site, tmp / "site-b")
        figures = {"index_sizes": index_sizes((site / INDEX).read_bytes()), "queries": QUERIES, "cells": []}
        servers = {"A": NginxSite(site, tmp / "nginx-a"), "B": NginxSite(tmp / "site-b", tmp / "nginx-b")}
        try:
            for server in servers.values():
                server.start()
            with sync_playwright() as p:
                browser = launch_chromium(p)
                for network in args.network:
                    for cpu in args.cpu:
                        figures["cells"] += cell_figures(browser, servers, cpu, network, args.runs)
                browser.close()
        finally:
            for server in servers.values():
                server.stop()
    sizes = figures["index_sizes"]
    print("A: prebuilt lunr index shipped; B: index built by the browser's worker (as Material does)")
    print(table(figures["cells"]))
    print("\nsearch_index.json bytes   raw        gzip -9")
    for part, s in sizes.items():
        print(f"{part:<24}  {s['raw']:<9}  {s['gzip9']}")
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
