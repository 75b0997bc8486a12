"""总结和要点对照: the matcher (Python and JavaScript alike), its command line and its page."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from checker.compile import load_compiled, to_json
from checker.plan_match import match_plan
from checker.readers import read_report
from test_checker_engine import make_docx

ROOT = Path(__file__).resolve().parents[1]
CASES = yaml.safe_load((ROOT / "tests" / "plan_match_cases.yml").read_text(encoding="utf-8"))["cases"]
CLI = [sys.executable, str(ROOT / "scripts" / "check_report.py")]
PAGE = "checker/plan-match.html"


@pytest.fixture(scope="module")
def data() -> dict:
    return load_compiled(ROOT)


def where(result: dict):
    if result["problems"] is None:
        return None
    return [{"line": p["line"], "matched": p["matched"], "plan_line": p["plan_line"]} for p in result["problems"]]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case, data):
    assert where(match_plan(case["summary"], case["plan"], data)) == case["expect"]


def random_pairs(n: int, seed: int = 3) -> list[dict]:
    rng = random.Random(seed)
    pieces = ["二、存在的问题", "三、下一步打算", "一是", "二是", "（一）", "1.", "\n", "。", "，", "网络舆情", "首次回应",
              "24小时", "35岁", "18%", "志愿者", "宣传栏", "工作", "开展", "理论学习", "研讨", "书屋", "𠀀", "🙂", "  ",
              "某社区2026年工作总结\n", "某社区2027年工作要点\n"]
    def text():
        return "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 60)))
    return [{"summary": "某社区2026年工作总结\n二、存在的问题\n" + text(), "plan": text()} for _ in range(n)]


def test_node_matcher_matches_python(data, tmp_path):
    node = shutil.which("node")
    assert node, "node is needed for the second engine check (apt-get install nodejs)"
    data_file = tmp_path / "data.json"
    data_file.write_text(to_json(data), encoding="utf-8")
    pairs = [{"summary": c["summary"], "plan": c["plan"]} for c in CASES] + random_pairs(150)
    result = subprocess.run([node, str(ROOT / "scripts" / "checker_node.js"), str(data_file), "--plan-match"],
                            input=json.dumps(pairs), capture_output=True, text=True, timeout=300, check=True)
    for pair, js in zip(pairs, json.loads(result.stdout)):
        assert js == match_plan(pair["summary"], pair["plan"], data), pair


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
    case = next(c for c in CASES if c["id"] == "markers")
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
    case = next(c for c in CASES if c["id"] == "markers")
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
    p.wait_for_timeout(600)
    assert len(page.requests) == requests_before, page.requests[requests_before:]
    p.reload()
    assert p.input_value("#plan-match-summary") == case["summary"]
    p.wait_for_selector(".plan-match-item")
    p.click("#plan-match-clear")
    p.reload()
    assert p.input_value("#plan-match-summary") == "" and p.input_value("#plan-match-plan") == ""
    assert p.locator(".plan-match-item").count() == 0
