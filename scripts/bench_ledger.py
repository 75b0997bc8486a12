#!/usr/bin/env python3
"""How fast 台账对数 is: a 5,000-row ledger and a 10,000-character draft, on the command line
and in Chromium.

    python scripts/bench_ledger.py [--rows 5000] [--runs 5] [--no-browser] [--site DIR]

The ledger is the guide's 基层宣讲活动台账 (ledger-talks) with ROWS rows written by
openpyxl, dates typed the ways staff type them (2026年3月5日, 2026.3.5, 3月5日, serial
numbers); the draft is the 示例街道 half-year sample followed by the ready sentences,
repeated to 10,000 characters. Command line: the whole command
(scripts/check_report.py --ledger … --period 2026 draft.txt, interpreter start included),
median of --runs, and its parts in this process: reading with openpyxl
(checker/ledger_reader.py), ledgerFigures and checkFigures (engine.js in V8). Chromium:
the built 台账对数 page from file://, reading the same file with the vendored
read-excel-file, ledgerFigures and checkFigures (performance.now(), median of --runs), and
the page end to end (file chosen -> figures table shown). Both give the same figures.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from checker.compile import load_compiled
from checker.engine import check_figures, ledger_figures
from checker.ledger_reader import read_ledger
from macros.sitedata import load_site_data

ROOT = Path(__file__).resolve().parents[1]
DRAFT_SIZE = 10_000
KINDS = ["微宣讲", "家门口微宣讲", "专题宣讲", "集中宣讲"]
AUDIENCES = ["社区居民", "党员", "青少年学生", "新就业群体"]
PLACES = ["幸福里社区", "东风路社区", "南湖社区", "桂香社区", "柳岸社区", "新桥社区", "白塔社区", "春晖社区", "清河社区"]


def write_ledger(path: Path, rows: int) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "基层宣讲活动台账"
    ws.append(["基层宣讲活动台账（2026年）"])
    ws.merge_cells("A1:J1")
    ws.append(["序号", "宣讲日期", "宣讲主题", "宣讲形式", "宣讲对象", "所在社区或场所", "宣讲人", "听众人次",
               "收集意见建议（条）", "记录存放"])
    for i in range(rows):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=i * 365 // rows)
        date = [f"{day.year}年{day.month}月{day.day}日", f"{day.year}.{day.month}.{day.day}",
                f"{day.month}月{day.day}日", (day - dt.date(1899, 12, 30)).days][i % 4]
        ws.append([i + 1, date, "党的二十届四中全会精神", KINDS[i % 4], AUDIENCES[i % 4], PLACES[i % 9], "宣讲队成员",
                   40 + i % 50, i % 4, "街道宣传办资料柜"])
    wb.save(path)


def draft_text(data: dict, result: dict) -> str:
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_checker import sample_document

    text = sample_document("half-year-report") + "\n" + "\n".join(s for led in result["ledgers"] for s in led["sentences"])
    while len(text) < DRAFT_SIZE:
        text += "\n" + text
    return text[:DRAFT_SIZE]


def median_ms(fn, runs: int) -> tuple[float, float]:
    """(median wall ms, median CPU ms of this process, V8 included)."""
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        fn()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def bench_browser(site: Path, ledger: Path, draft: str, runs: int) -> tuple[float, float, float, float, dict]:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))  # Chromium as the browser tests launch it (tests/support)
    from support import launch_chromium

    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page()
        page.goto((site / "checker" / "ledger.html").as_uri())
        read, count, check, figures = page.evaluate("""async ([b64, draft, runs]) => {
          const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0)), data = window.GUIDE_CHECKER_DATA;
          const pad = n => (n < 10 ? '0' : '') + n;
          const cell = v => v instanceof Date ? v.getUTCFullYear() + '-' + pad(v.getUTCMonth() + 1) + '-' + pad(v.getUTCDate()) : v;
          const med = a => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
          const tr = [], tc = [], tk = []; let sheets, result;
          // as the page does (ledger.js, withOwnWorker): the browser's own Worker, not file://'s iframe shim
          const frame = document.createElement('iframe'); frame.hidden = true; document.body.appendChild(frame);
          const shim = window.Worker; window.Worker = frame.contentWindow.Worker;
          for (let i = 0; i < runs; i++) {
            let t0 = performance.now();
            const read = await window.readXlsxFile(new Blob([bytes]));
            sheets = read.map(s => ({ file: 'big.xlsx', name: s.sheet, rows: s.data.map(r => r.map(cell)) }));
            tr.push(performance.now() - t0); t0 = performance.now();
            result = GuideChecker.ledgerFigures(sheets, '2026', data); tc.push(performance.now() - t0); t0 = performance.now();
            GuideChecker.checkFigures(draft, result, data); tk.push(performance.now() - t0);
          }
          window.Worker = shim; frame.remove();
          const figures = {}; Object.keys(result.figures).forEach(k => { figures[k] = result.figures[k].value; });
          return [med(tr), med(tc), med(tk), figures];
        }""", [base64.b64encode(ledger.read_bytes()).decode(), draft, runs])
        t0 = time.perf_counter()
        page.select_option("#ledger-period", "year")
        page.fill("#ledger-year", "2026")
        page.set_input_files("#ledger-files", str(ledger))
        page.wait_for_selector("td[data-key]")
        end_to_end = (time.perf_counter() - t0) * 1000
        browser.close()
    return read, count, check, end_to_end, figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="台账对数 speed")
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--site", help="a built site to use instead of building one")
    args = parser.parse_args(argv)
    data = load_compiled(ROOT, lambda: load_site_data(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Path(tmp) / "big.xlsx"
        write_ledger(ledger, args.rows)
        sheets = read_ledger(ledger)
        result = ledger_figures(sheets, "2026", data)
        draft = draft_text(data, result)
        draft_file = Path(tmp) / "draft.txt"
        draft_file.write_text(draft, encoding="utf-8")
        print(f"ledger: {args.rows} rows, {ledger.stat().st_size / 1024:.0f} KB; draft: {len(draft)} characters, "
              f"{len(check_figures(draft, result, data)['mentions'])} figures compared")
        print(f"load: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} cores")
        read = median_ms(lambda: read_ledger(ledger), args.runs)
        count = median_ms(lambda: ledger_figures(sheets, "2026", data), args.runs)
        check = median_ms(lambda: check_figures(draft, result, data), args.runs)
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            run = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_report.py"), "--ledger", str(ledger),
                                  "--period", "2026", str(draft_file)], capture_output=True, text=True, check=False)
            times.append(time.perf_counter() - t0)
            if run.returncode not in (0, 1):
                raise SystemExit(f"check_report.py failed:\n{run.stderr}")
        print(f"command line: whole command median {statistics.median(times):.2f} s; in process (wall / CPU): "
              f"read (openpyxl) {read[0]:.0f} / {read[1]:.0f} ms, ledgerFigures {count[0]:.0f} / {count[1]:.0f} ms, "
              f"checkFigures {check[0]:.0f} / {check[1]:.0f} ms (V8)")
        if args.no_browser:
            return 0
        site_dir = Path(args.site) if args.site else Path(tmp) / "site"
        if not args.site:
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)], cwd=ROOT,
                           check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        b_read, b_count, b_check, e2e, figures = bench_browser(site_dir, ledger, draft, args.runs)
        same = figures == {k: f["value"] for k, f in result["figures"].items()}
        print(f"chromium: read (read-excel-file) {b_read:.0f} ms, ledgerFigures {b_count:.0f} ms, checkFigures "
              f"{b_check:.0f} ms; page end to end (file chosen -> table) {e2e:.0f} ms; same figures as the "
              f"command line: {'yes' if same else 'NO'}")
        return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
