#!/usr/bin/env python3
"""报告体检 on the command line: check reports for leftover placeholders, typos,
anachronisms, inconsistencies, Traditional characters, web debris and
missing parts.

    python scripts/check_report.py FILE... [--year YYYY] [--json] [--fix] [--words WORDS.txt]
    python scripts/check_report.py FILE.docx --annotate OUT.docx [--year YYYY] [--words WORDS.txt]
    python scripts/check_report.py SUMMARY --plan PLAN [--json]

FILE is a .txt, .md or .docx. Output, one finding a line:

    FILE:LINE:COLUMN: SEVERITY RULE MESSAGE      (SEVERITY: error, warning or info)
        excerpt, and the suggestion when there is one

LINE and COLUMN are 1-based and count Unicode characters of the text as read
(for a .docx, its paragraphs joined with newlines, then those of its footnotes,
endnotes, headers and footers, each after an empty line; "\\r\\n" counts as one
newline).

--json prints one object:
    {"files": [{"file", "year", "errors", "warnings", "infos"} or {"file", "unreadable"}],
     "findings": [{"file", "rule", "severity", "message", "line", "column", "length",
                   "excerpt", "suggestion", "guide"}]}
("year" is the year the time rules used: --year, or the one detected from the
title or body, or null; "guide" is the page of the guide that explains the rule.)

--fix writes FILE.fixed.txt (or FILE.fixed-2.txt …, never overwriting) with the
safe fixes only (the rules with a `fix` in data/checker/rules.yml): Traditional ->
Simplified, conversion pinyin removed, punctuation made full-width, spaces between
Chinese and digits removed, a listed typo replaced by its one right form.

--annotate OUT.docx writes the 批注版 of one FILE.docx (checker/annotate.py): a copy
in which every finding is a Word comment (批注, author 报告体检) on its characters
and every safe fix a tracked change (修订), to accept or reject in Word or WPS;
everything else in the file is left as it was. Findings that cannot be placed
(in a header, footer, footnote or endnote, which the checker reads after the body, or
inside a field, a text box, an existing 修订) are listed in a first comment with where
they are; a safe fix in a header, footer or note is still a 修订, one inside a field, a
text box or an existing 修订 is not, and the first comment says so.

--words WORDS.txt (with checking, --fix and --annotate) is the command line's 我的词表: the
user's own words (place, team, activity and brand names), UTF-8, one word a line, what follows
a # a comment (checker/readers.py read_words). Wherever the text holds one of them, no typo
rule reports it (GuideChecker.check in checker/engine.js, as on the page). A local edition
(GUIDE_LOCAL) knows its 区, 街道 and 社区 names without a list. A missing or unreadable list
stops the command with exit status 2 and a message naming it.

Exit status: 0 no error-severity finding, 1 some error finding, 2 some input
could not be read, or the checker cannot run here (the message says why).

The checks are those of the 报告体检 page: checker/engine.js, run in V8
through mini-racer (checker/engine.py). Where mini-racer cannot be installed
the command prints what to do and exits with 2.

--ledger A.xlsx [--ledger B.xlsx …] [--period 2026H1] [DRAFT] is 台账对数: the figures
a report needs, counted from the guide's ledgers (.xlsx) for the period (2026H1,
2026H2, 2026, 2026Q3 or 2026-01-01..2026-06-30; default: the first half of this
year), the ready sentences, what in the ledgers was not counted and why
(file, sheet, cell), and, with a DRAFT, each of its figures that names a counted
thing: equal, differs (both figures and the rows) or no ledger. --json prints it
all as one object. With --half-year REPORT (the half-year report of the same year,
when DRAFT is the annual one and --period the year), the report's figures are checked
as the half-year's and no figure of DRAFT for the year may be below the report's.
Exit status: 0 all agree, 1 a figure differs, 2 a file could not be read or holds
no ledger (checker/ledger_cli.py).

--plan PLAN compares a summary with the next year's plan (总结和要点对照)
instead of checking: for each problem in the summary's problems part, the plan
line that answers it, or none. Output, one problem a line:

    SUMMARY:LINE: 问题：TEXT
        -> PLAN:LINE: TEXT（共同：WORDS）     or     -> 要点里没有找到对应的措施

--json prints {"summary", "plan", "plan_lines", "problems": [{"line", "text",
"matched", "score", "plan_line", "plan_text", "shared"}] or null}. Exit status:
0 every problem has a measure, 1 some problem has none, 2 a file could not be
read or the summary has no problems part.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

try:
    from checker.annotate import annotate_docx
    from checker.compile import load_compiled
    from checker.engine import EngineUnavailable, check, detect_year_of, engine, match_plan
    from checker.fixes import apply_safe_fixes, fixed_path
    from checker.readers import UnreadableInput, read_report, read_words
except ModuleNotFoundError as exc:  # run with a Python where the guide is not set up
    print(f"check_report.py: {exc}. Set up the guide first (bash scripts/dev.sh serve, or pip install -r "
          "requirements.txt && pip install -e .) and run it with .venv/bin/python", file=sys.stderr)
    sys.exit(2)

ROOT = Path(__file__).resolve().parents[1]



class BadData(Exception):
    """data/ does not validate; the message names the file and line."""


def site_data():
    """The project's data, loaded and validated (only when the compiled data is out of date)."""
    from macros.errors import GuideError
    from macros.sitedata import load_site_data

    try:
        return load_site_data(ROOT)
    except GuideError as exc:
        raise BadData(exc.message) from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="报告体检：检查报告草稿中的常见问题")
    parser.add_argument("files", nargs="*", metavar="FILE", help=".txt, .md or .docx")
    parser.add_argument("--year", type=int, help="the report's year (default: from the title or body)")
    parser.add_argument("--json", action="store_true", help="print JSON (see the module docstring)")
    parser.add_argument("--fix", action="store_true", help="write FILE.fixed.txt with the safe fixes")
    parser.add_argument("--annotate", metavar="OUT", help="write the 批注版 of FILE.docx (comments and tracked changes) to OUT")
    parser.add_argument("--words", metavar="WORDS", help="the user's own words (UTF-8, one a line, # comments): "
                        "names no typo rule reports")
    parser.add_argument("--plan", metavar="PLAN", help="compare the summary FILE with this plan (总结和要点对照)")
    parser.add_argument("--ledger", action="append", metavar="XLSX", help="a ledger to count (台账对数); repeat for more")
    parser.add_argument("--period", help="with --ledger: 2026H1, 2026H2, 2026, 2026Q3 or 2026-01-01..2026-06-30")
    parser.add_argument("--half-year", metavar="REPORT", help="with --ledger and an annual DRAFT: the half-year report "
                        "of the same year, whose figures the year's must not be below")
    args = parser.parse_args(argv)
    if not args.files and not args.ledger:
        parser.error("give a FILE to check, or --ledger XLSX")
    if args.ledger and (len(args.files) > 1 or args.plan or args.fix):
        parser.error("--ledger takes at most one draft FILE, without --plan or --fix")
    if args.half_year and not (args.ledger and args.files):
        parser.error("--half-year goes with --ledger and the annual draft FILE")
    if args.plan and (len(args.files) != 1 or args.fix or args.year):
        parser.error("--plan takes one summary FILE, without --fix or --year")
    if args.annotate and (len(args.files) != 1 or args.fix or args.plan):
        parser.error("--annotate takes one FILE.docx, without --fix or --plan")
    if args.year is not None and not 1990 <= args.year <= 2100:
        parser.error("--year must be a year such as 2026")
    if args.words and (args.plan or args.ledger):
        parser.error("--words goes with checking, --fix and --annotate, not with --plan or --ledger")
    words: list[str] = []
    if args.words:
        try:
            words = read_words(args.words)
        except UnreadableInput as exc:
            print(f"{args.words}: 无法读取词表（--words）：{exc}", file=sys.stderr)
            return 2
    try:
        engine()  # checker/engine.js in V8: says so now if mini-racer cannot be loaded here
    except EngineUnavailable as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        data = load_compiled(ROOT, site_data)
    except BadData as exc:
        print(f"checker data is invalid: {exc}", file=sys.stderr)
        return 2
    if args.ledger:
        from checker.ledger_cli import run
        from datetime import date
        return run(args.ledger, args.period or f"{date.today().year}H1", args.files[0] if args.files else None,
                   data, args.json, sys.stdout, sys.stderr, half=args.half_year)
    if args.plan:
        return compare(args.files[0], args.plan, data, args.json)
    if args.annotate:
        return annotate(Path(args.files[0]), Path(args.annotate), data, args.year, words)
    status = 0
    files_out, findings_out = [], []
    for name in args.files:
        path = Path(name)
        try:
            text = read_report(path)
        except UnreadableInput as exc:
            status = 2
            files_out.append({"file": name, "unreadable": str(exc)})
            print(f"{name}: 无法检查：{exc}", file=sys.stderr)
            continue
        findings = check(text, data, args.year, words)
        year = args.year or detect_year_of(text, data)
        counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
        if counts["error"] and status == 0:
            status = 1
        files_out.append({"file": name, "year": year, "errors": counts["error"],
                          "warnings": counts["warning"], "infos": counts["info"]})
        for f in findings:
            findings_out.append({"file": name, **f.to_json()})
        if not args.json:
            for f in findings:
                print(f"{name}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}")
                print(f"    {f.excerpt}")
                if f.suggestion:
                    print(f"    建议：{f.suggestion}")
            print(f"{name}: {counts['error']} 个错误，{counts['warning']} 个警告，{counts['info']} 个提示"
                  + (f"（按{year}年检查时间）" if year else "（未能确定报告年份，可用 --year 指定）"))
        if args.fix:
            fixed, changes = apply_safe_fixes(text, data, args.year, words)
            target = fixed_path(path)
            target.write_text(fixed, encoding="utf-8")
            print(f"{name}: 已做 {changes} 处安全修改，写入 {target}", file=sys.stderr)
    if args.json:
        print(json.dumps({"files": files_out, "findings": findings_out}, ensure_ascii=False, indent=1))
    return status


def annotate(source: Path, target: Path, data: dict, year: int | None, words: list[str]) -> int:
    """Write the 批注版 of source to target; 2 when source cannot be read, else as for checking."""
    try:
        read_report(source)  # the checks every input gets (exists, size, type, macros, readable)
        if source.suffix.lower() != ".docx":
            raise UnreadableInput("批注版只能从 .docx 文件生成；请在 Word 或 WPS 中另存为 .docx")
        out, plan = annotate_docx(source.read_bytes(), data, year, words=words)
    except (UnreadableInput, OSError) as exc:
        print(f"{source}: 无法生成批注版：{exc}", file=sys.stderr)
        return 2
    if target.resolve() == source.resolve():
        print(f"{source}: 批注版不能覆盖原文件，请换一个文件名", file=sys.stderr)
        return 2
    target.write_bytes(out)
    findings = plan["findings"]
    print(f"{source}: {len(findings)} 处问题写成批注，{len(plan['edits'])} 处安全修改写成修订"
          + (f"，{len(plan['unplaced'])} 处无法定位，列在第一条批注里" if plan["unplaced"] else "")
          + f"；写入 {target}", file=sys.stderr)
    return 1 if any(f["severity"] == "error" for f in findings) else 0


def compare(summary_name: str, plan_name: str, data: dict, as_json: bool) -> int:
    """总结和要点对照 of two files; the exit status of the module docstring."""
    texts = {}
    for name in (summary_name, plan_name):
        try:
            texts[name] = read_report(Path(name))
        except UnreadableInput as exc:
            print(f"{name}: 无法读取：{exc}", file=sys.stderr)
            return 2
    result = match_plan(texts[summary_name], texts[plan_name], data)
    problems = result["problems"]
    if as_json:
        print(json.dumps({"summary": summary_name, "plan": plan_name, **result}, ensure_ascii=False, indent=1))
    elif problems is None:
        print(f"{summary_name}: 没有找到“存在的问题”部分（标题里要有“问题”“不足”等字样），无法对照。", file=sys.stderr)
    else:
        for p in problems:
            print(f"{summary_name}:{p['line']}: 问题：{p['text']}")
            if p["matched"]:
                print(f"    -> {plan_name}:{p['plan_line']}: {p['plan_text']}（共同：{'、'.join(p['shared'])}）")
            else:
                print("    -> 要点里没有找到对应的措施")
        missing = sum(1 for p in problems if not p["matched"])
        print(f"共 {len(problems)} 条问题，{len(problems) - missing} 条在要点里找到对应措施，{missing} 条没有找到。")
    if problems is None:
        return 2
    return 1 if any(not p["matched"] for p in problems) else 0


if __name__ == "__main__":
    raise SystemExit(main())
