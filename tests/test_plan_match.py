"""总结和要点对照: the matcher (checker/engine.js, in V8 and in Chromium), its command line and its page."""

from __future__ import annotations

import json
import subprocess

import pytest

from checker.engine import match_plan
from checker.readers import read_report
from support.checker import CLI, PLAN_CASES, make_docx, where

PAGE = "checker/plan-match.html"


@pytest.mark.parametrize("case", PLAN_CASES, ids=[c["id"] for c in PLAN_CASES])
def test_case(case, data):
    assert where(match_plan(case["summary"], case["plan"], data)) == case["expect"]


def test_cases_in_chromium(page, site_server):
    page.page.goto(site_server + PAGE)
    results = page.page.evaluate(
        "cases => cases.map(c => GuideChecker.matchPlan(c.summary, c.plan, window.GUIDE_CHECKER_DATA))", PLAN_CASES)
    assert [where(r) for r in results] == [c["expect"] for c in PLAN_CASES]


def test_the_guide_sample_summary_finds_its_measures_in_the_sample_plan(built_site, data):
    """The 2025 annual summary's three problems are answered by the 2026 plan (the samples are written so)."""
    summary = read_report(built_site.path / "downloads" / "sample-annual-report.docx")
    plan = read_report(built_site.path / "downloads" / "sample-work-plan.docx")
    result = match_plan(summary, plan, data)
    assert [p["matched"] for p in result["problems"]] == [True, True, True]
    texts = [p["plan_text"] for p in result["problems"]]
    assert "专题研讨" in texts[0] and "节假日舆情值班" in texts[1] and "志愿" in texts[2]
    without = "\n".join(line for line in plan.split("\n") if "志愿" not in line)  # drop the volunteer measures
    assert [p["matched"] for p in match_plan(summary, without, data)["problems"]] == [True, True, False]


def test_command_line(tmp_path):
    case = next(c for c in PLAN_CASES if c["id"] == "markers")
    summary, plan = tmp_path / "总结.txt", tmp_path / "要点.docx"
    summary.write_text(case["summary"], encoding="utf-8")
    make_docx(plan, case["plan"].rstrip("\n").split("\n"))
    run = subprocess.run(CLI + [str(summary), "--plan", str(plan)], capture_output=True, text=True)
    assert run.returncode == 1, run.stderr  # the third problem has no measure
    assert f"{summary}:5: 问题：一是学习研讨发言多谈认识，结合工作少。" in run.stdout
    assert f"-> {plan}:6: 1.建立节假日网络舆情值班制度" in run.stdout
    assert "要点里没有找到对应的措施" in run.stdout and "共 3 条问题，2 条" in run.stdout
    out = json.loads(subprocess.run(CLI + [str(summary), "--plan", str(plan), "--json"],
                                    capture_output=True, text=True).stdout)
    assert [p["matched"] for p in out["problems"]] == [True, True, False] and out["plan_lines"] == 4
    none = tmp_path / "无问题.txt"
    none.write_text("某社区2026年工作总结\n一、主要做法\n组织学习。\n", encoding="utf-8")
    run = subprocess.run(CLI + [str(none), "--plan", str(plan)], capture_output=True, text=True)
    assert run.returncode == 2 and "没有找到“存在的问题”部分" in run.stderr
    run = subprocess.run(CLI + [str(summary), str(none), "--plan", str(plan)], capture_output=True, text=True)
    assert run.returncode == 2 and "--plan takes one summary FILE" in run.stderr


def test_page_matches_keeps_both_texts_and_reads_docx(page, site_server, tmp_path):
    case = next(c for c in PLAN_CASES if c["id"] == "markers")
    p = page.page
    p.goto(site_server + PAGE)
    p.fill("#plan-match-summary", case["summary"])
    p.wait_for_function("document.getElementById('plan-match-status').textContent.includes('另一份')")
    plan_docx = tmp_path / "要点.docx"
    make_docx(plan_docx, case["plan"].rstrip("\n").split("\n"))
    p.set_input_files("#plan-match-plan-file", str(plan_docx))
    p.wait_for_selector(".plan-match-item")
    assert "共 3 条问题：2 条在要点里找到对应的任务，1 条没有找到。" in p.inner_text("#plan-match-status")
    assert p.locator(".plan-match-found").count() == 2 and p.locator(".plan-match-missing").count() == 1
    assert "要点第6行" in p.locator(".plan-match-found").nth(1).inner_text()
    requests_before = len(page.requests)
    p.fill("#plan-match-plan", case["plan"].replace("节假日网络舆情值班制度，", ""))
    p.wait_for_function("!document.getElementById('plan-match-list').textContent.includes('值班制度')")  # re-run
    assert len(page.requests) == requests_before, page.requests[requests_before:]
    p.reload()
    assert p.input_value("#plan-match-summary") == case["summary"]
    p.wait_for_selector(".plan-match-item")
    p.click("#plan-match-clear")
    p.reload()
    assert p.input_value("#plan-match-summary") == "" and p.input_value("#plan-match-plan") == ""
    assert p.locator(".plan-match-item").count() == 0
