#!/usr/bin/env python3
"""How fast the report checker is: 10,000 characters on the command line and in Chromium,
and the 批注版 of a 10,000-character .docx.

    python scripts/bench_checker.py [--runs 20] [--no-browser]

Both run the one engine, checker/engine.js. The text is made of the guide's
own pages (the checker page, its test cases) and of a synthetic report with
the usual faults, cut to 10,000 characters.
Command line: checker.engine.check (engine.js in V8 through mini-racer, the
text passed in and the findings passed back), after start-up, median of
--runs, as wall time and as CPU time of the process (CPU time is the fairer
figure on a busy machine). Start-up: the V8 context with engine.js and the
compiled data, in this process, and the whole command (scripts/check_report.py
on a one-line file, interpreter start included), median of 5. Browser:
GuideChecker.check in Debian's Chromium on the built page, median of --runs
(performance.now()). Targets: <= 50 ms a check, <= 1 s start-up.
批注版: the faulty report as a .docx (python-docx, a paragraph a line), annotated by
checker.annotate.annotate_docx in this process (median of --runs), by the whole command
(check_report.py FILE.docx --annotate OUT.docx, interpreter start included, median of 5)
and by GuideAnnotate.build on the built page in Chromium (the .docx unzipped as when the
user opens it; median of --runs), the time between the click and the download.
"""

from __future__ import annotations

import argparse
import base64
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from checker.annotate import annotate_docx
from checker.compile import load_compiled
from checker.engine import check, match_plan
from macros.sitedata import load_site_data

ROOT = Path(__file__).resolve().parents[1]


SIZE = 10_000
REPORT = """2026年示例街道意识形态工作半年情况汇报
今年以来，XX街道党工委坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的二十大和二十届四中全会精神。
一、主要做法
（一）抓好理论武装。组织理论学习中心祖集中学习6次，开展“微宣讲”12场，覆盖居民 1200 人次。
1、落实第一议题制度，及时传达学习上级精神。
2.加强意识形太阵地管理，建立宣传栏台帐，其它工作有序推进。
（二）做好舆论引导。我街道建立网络舆情监测机制，我镇按月开展分析研判。
二、存在的问题
一是理论学习形式较单一；二是网络舆情监测力量不足；三是阵地管理不够规范。
三、下一步打算
一是丰富理论学习形式；二是充实网络评论员队伍。
"""


def sample_texts() -> dict[str, str]:
    """Two 10,000-character texts: the guide's own prose, and a faulty report repeated."""
    parts = [(ROOT / "docs" / "checker" / "index.md").read_text(encoding="utf-8")]
    for path in sorted((ROOT / "tests" / "checker_cases").glob("*.yml")):
        parts.append(path.read_text(encoding="utf-8"))
    guide = "\n".join(parts)
    while len(guide) < SIZE:
        guide += "\n" + guide
    report = REPORT
    while len(report) < SIZE:
        report += REPORT.replace("2026", str(2000 + len(report) % 27))
    return {"guide text": guide[:SIZE], "faulty report": report[:SIZE]}


def bench_startup(data: dict) -> tuple[float, float]:
    """(seconds to make the V8 context with engine.js and the data, median seconds of the whole command)."""
    from checker.engine import engine

    t0 = time.perf_counter()
    engine().call(data, "__guideDetectYear", "")
    in_process = time.perf_counter() - t0
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "draft.txt"
        draft.write_text("某社区2026年工作总结\n", encoding="utf-8")
        for _ in range(5):
            t0 = time.perf_counter()
            run = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_report.py"), str(draft)],
                                 capture_output=True, text=True, check=False)
            times.append(time.perf_counter() - t0)
            if run.returncode not in (0, 1):
                raise SystemExit(f"check_report.py failed:\n{run.stderr}")
    return in_process, statistics.median(times)


def bench_python(text: str, data: dict, runs: int) -> tuple[float, float, int]:
    check(text, data)  # warm the engine's lookup tables
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        findings = check(text, data)
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000, len(findings)


BROWSER_CHECK = """([text, runs]) => {
  const data = window.GUIDE_CHECKER_DATA; GuideChecker.check(text, data, null);
  const times = []; let n = 0;
  for (let i = 0; i < runs; i++) { const t0 = performance.now();
    n = GuideChecker.check(text, data, null).length; times.push(performance.now() - t0); }
  times.sort((a, b) => a - b); return [times[Math.floor(times.length / 2)], n];
}"""
BROWSER_ANNOTATE = """([b64, runs]) => GuidePage.unzipDocx(Uint8Array.from(atob(b64), c => c.charCodeAt(0))).then(docx => {
  const data = window.GUIDE_CHECKER_DATA; GuideAnnotate.build(docx, data, {});
  const times = []; let built = null;
  for (let i = 0; i < runs; i++) { const t0 = performance.now();
    built = GuideAnnotate.build(docx, data, {}); times.push(performance.now() - t0); }
  times.sort((a, b) => a - b);
  return [times[Math.floor(times.length / 2)], built.plan.comments.length, built.plan.edits.length];
})"""


def open_checker(page, url: str) -> None:
    """The checker page at ``url`` with the context rule's data (and its word pairs and language model) loaded: the page adds it to
    GUIDE_CHECKER_DATA after it is usable, and a check before that skips the rule."""
    page.goto(url)
    page.wait_for_function("document.body.dataset.checkerTypo === 'ready'")
    page.wait_for_function("document.body.dataset.checkerPairs === 'ready'")  # and its word-pair evidence
    page.wait_for_function("document.body.dataset.checkerLm === 'ready'")  # and its language model


def bench_browser(texts: dict[str, str], blob: bytes, runs: int) -> tuple[dict[str, tuple[float, int]], list]:
    """({name: (median ms of a check, findings)}, [median ms of the 批注版, comments, 修订]) in
    Chromium on the page built once."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))  # Chromium as the browser tests launch it (tests/support)
    from support import launch_chromium

    with tempfile.TemporaryDirectory() as site:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site], cwd=ROOT,
                       check=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
        with sync_playwright() as p:
            browser = launch_chromium(p)
            page = browser.new_page()
            open_checker(page, (Path(site) / "checker" / "index.html").as_uri())
            checks = {name: tuple(page.evaluate(BROWSER_CHECK, [text, runs])) for name, text in texts.items()}
            annotated = page.evaluate(BROWSER_ANNOTATE, [base64.b64encode(blob).decode(), runs])
            browser.close()
    return checks, annotated


def report_docx(text: str) -> bytes:
    """The text as a .docx, a paragraph a line (python-docx's default template)."""
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def bench_annotate(blob: bytes, data: dict, runs: int) -> tuple[float, float, dict]:
    """(median ms of annotate_docx in this process, median s of the whole --annotate command, plan)."""
    annotate_docx(blob, data)  # warm the engine's lookup tables
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        _, plan = annotate_docx(blob, data)
        times.append(time.perf_counter() - t0)
    whole = []
    with tempfile.TemporaryDirectory() as tmp:
        draft, out = Path(tmp) / "draft.docx", Path(tmp) / "out.docx"
        draft.write_bytes(blob)
        for _ in range(5):
            t0 = time.perf_counter()
            run = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_report.py"), str(draft),
                                  "--annotate", str(out)], capture_output=True, text=True, check=False)
            whole.append(time.perf_counter() - t0)
            if run.returncode not in (0, 1):
                raise SystemExit(f"check_report.py --annotate failed:\n{run.stderr}")
    return statistics.median(times) * 1000, statistics.median(whole), plan


def sample_document(sample_id: str) -> str:
    """The text of a sample (data/samples/<id>.yml): its title, headings and paragraphs in order."""
    import yaml

    record = yaml.safe_load((ROOT / "data" / "samples" / f"{sample_id}.yml").read_text(encoding="utf-8"))
    lines = [record["title"]]

    def walk(value):
        if isinstance(value, dict):
            for key in ("h1", "h2", "p"):
                if isinstance(value.get(key), str):
                    lines.append(value[key])
            for v in value.values():
                if isinstance(v, (list, dict)):
                    walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
    walk(record)
    return "\n".join(lines)


def bench_plan_match(data: dict, runs: int) -> tuple[float, int, int]:
    """总结和要点对照 of the sample annual summary with the sample plan: median ms, problems, plan lines."""
    summary, plan = sample_document("annual-report"), sample_document("work-plan")
    result = match_plan(summary, plan, data)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        match_plan(summary, plan, data)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, len(result["problems"] or []), result["plan_lines"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="report checker speed")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    data = load_compiled(ROOT, lambda: load_site_data(ROOT))
    context, command = bench_startup(data)
    print(f"start-up: V8 context with engine.js and data {context * 1000:.0f} ms; "
          f"whole command on a one-line file {command:.2f} s (target <= 1 s)")
    texts = sample_texts()
    blob = report_docx(texts["faulty report"])
    browser = bench_browser(texts, blob, args.runs) if not args.no_browser else None
    for name, text in texts.items():
        wall, cpu, count = bench_python(text, data, args.runs)
        print(f"{name}: {len(text)} characters, {count} findings")
        print(f"  command line (V8): median {wall:.1f} ms wall, {cpu:.1f} ms CPU (target <= 50 ms)")
        if browser:
            ms, n = browser[0][name]
            print(f"  chromium:          median {ms:.1f} ms ({n} findings; target <= 50 ms)")
    in_process, whole, plan = bench_annotate(blob, data, args.runs)
    print(f"批注版 of the faulty report as a .docx ({len(blob) // 1024} KB): {len(plan['comments'])} comments, "
          f"{len(plan['edits'])} 修订")
    print(f"  command line: whole command {whole:.2f} s; in process median {in_process:.0f} ms")
    if browser:
        print(f"  chromium:     median {browser[1][0]:.0f} ms ({browser[1][1]} comments, {browser[1][2]} 修订)")
    ms, problems, lines = bench_plan_match(data, args.runs)
    print(f"plan match (sample summary, sample plan): {problems} problems against {lines} plan lines")
    print(f"  command line (V8): median {ms:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
