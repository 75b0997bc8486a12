"""What the six annotated samples say (data/samples/), read without a build.

Every section of a sample's template appears in it; every total a sample
states equals the sum of its parts, and a figure that recurs is the same
wherever it recurs, within a sample and across the samples of one unit (the
three 示例街道 documents; the two 街道 analysis and rectification reports);
the rectification list is complete; each sample uses the formulations of its
year and none the glossary marks wrong.
"""

from __future__ import annotations

import re

import pytest

from macros.checks.sample import template_sections
from macros.render.sample import TEMPLATE_SECTIONS, sections_problems
from macros.sitedata import load_site_data
from support import ROOT
from support.samples import SAMPLES, body, figure, parts, percent, record

DATE = re.compile(r"^20\d\d年(1[0-2]|[1-9])月([1-9]|[12]\d|3[01])日")


# ------------------------------------------------------------------ every sample

@pytest.mark.parametrize("sample_id", SAMPLES)
def test_every_template_section_is_in_the_sample(sample_id):
    site = load_site_data(ROOT)
    sample = site.get("samples", sample_id)
    sections = template_sections(site)[sample["template"]]
    assert sections == TEMPLATE_SECTIONS[sample["template"]], "macros/render/sample.py disagrees with data/templates"
    assert sections_problems(sample, sections) == []


@pytest.mark.parametrize("sample_id", SAMPLES)
def test_sample_avoids_the_glossarys_wrong_forms_and_later_terms(sample_id):
    """No form the glossary marks wrong, and no term first used after the sample's year."""
    terms = [r.data for r in load_site_data(ROOT).all("terms")]
    assert terms, "data/terms is empty"
    text = body(sample_id) + record(sample_id)["title"]
    year = record(sample_id)["year"]
    for term in terms:
        for wrong in term.get("wrong", []):
            assert wrong not in text, f"{sample_id}: wrong form {wrong!r} (write {term['term']!r})"
        if term.get("since", 0) > year:
            names = [term["term"].strip("“”")] + [a for a in term.get("aliases", []) if len(a) >= 4]
            assert not any(n in text for n in names), f"{sample_id}: {term['term']} is from {term['since']}"


# ------------------------------------------------------------------ the three 示例街道 documents

def test_half_year_figures_add_up():
    text = body("half-year-report")
    assert figure(text, r"线索(\d+)条") == 6 + 3 + 2 == figure(text, r"已办结(\d+)条") + 2
    assert figure(text, r"收集居民意见建议(\d+)条") == figure(text, r"办理(\d+)条") + figure(text, r"其余(\d+)条正在研究")
    assert figure(text, r"区级以上媒体刊发稿件(\d+)篇") == figure(text, r"上半年(\d+)篇区级以上稿件") == 37
    assert figure(text, r"居民微信群(\d+)个") - figure(text, r"网格员已进入(\d+)个") == figure(text, r"尚未进入的还有(\d+)个") == figure(text, r"其余(\d+)个群")
    assert text.count("9个社区") >= 3 and "10个社区" not in text


def test_annual_figures_add_up():
    text = body("annual-report")
    assert figure(text, r"舆情线索(\d+)条，其中") == 12 + 7 + 5 + 3 == 27
    assert 27 - figure(text, r"其中(\d+)条在24小时内") == figure(text, r"有(\d+)条首次回应超过24小时")
    assert figure(text, r"形成研判报告(\d+)份") == 4 + 2
    assert round(587 / figure(text, r"注册志愿者达到(\d+)人") * 100) == figure(text, r"占(\d+)%")
    assert figure(text, r"集中学习全年组织(\d+)次") == 9 * 12
    assert figure(text, r"发现问题(\d+)个") == figure(text, r"已整改(\d+)个") + 1


def test_work_plan_table_repeats_the_text():
    plan = record("work-plan")
    text = "\n".join(b["p"] for b in plan["blocks"] if "p" in b)
    rows = next(b["table"]["rows"] for b in plan["blocks"] if "table" in b)
    assert [r[0] for r in rows] == [str(i) for i in range(1, len(rows) + 1)]
    for target in ("不少于12次", "不少于4次", "不少于120场", "不少于80篇", "不少于420场", "25%", "不少于10家",
                   "不少于96场", "不少于40场"):
        assert target in text and any(target in "".join(r) for r in rows), target


def test_the_three_street_documents_agree():
    """The 2025 summary's problems become 2026 tasks, and the half-year report answers them."""
    annual, plan, half = body("annual-report"), body("work-plan"), body("half-year-report")
    assert "占18%" in annual and "由2025年底的18%提高到25%" in plan and "25%" in annual
    assert "由2025年底的18%提高到21%" in half  # one base, named the same way in plan and report
    assert "一律在24小时内" in annual and "一律在24小时内" in plan and "全部在24小时内" in half
    assert "“一屏一档”" in annual and "“一屏一档”" in plan and "“一屏一档”" in half
    assert "宣讲队26名成员" in half and "充实到26人" in plan
    assert "612个居民微信群" in plan and "居民微信群612个" in half
    for text in (annual, plan, half):
        assert "48块宣传栏" in text and "12块电子显示屏" in text


def test_each_sample_uses_its_years_references():
    annual, plan, half = body("annual-report"), body("work-plan"), body("half-year-report")
    for marker in ("八项规定精神学习教育", "四中全会", "“十四五”", "80周年"):
        assert marker in annual
    assert "政绩观" not in annual  # announced only in 2026
    for text in (plan, half):
        assert "“十五五”" in text and "105周年" in text and "政绩观" in text
        assert "党纪学习教育" not in text and "八项规定精神学习教育" not in text


# ------------------------------------------------------------------ the rectification list

def rectification_table() -> dict:
    tables = [b["table"] for b in record("rectification-report")["blocks"] if "table" in b]
    assert len(tables) == 1
    return tables[0]


def test_rectification_table_rows_are_complete():
    table = rectification_table()
    assert table["columns"] == ["序号", "问题", "整改措施", "责任人（职务）", "完成时限", "完成情况"]
    for n, row in enumerate(table["rows"], 1):
        assert len(row) == 6 and all(cell.strip() for cell in row), row
        number, _, measures, owner, deadline, status = row
        assert number == str(n)
        assert re.fullmatch(r"①[^①②③]+；②[^①②③]+；③[^①②③]+", measures), measures
        assert not re.search(r"[A-Za-z]|某某|xx|XX|×", owner), owner  # a post, not a name or a blank
        assert DATE.match(deadline), deadline
        assert status.startswith(("已完成。", "阶段性进展。")), status


def test_rectification_counts_agree_with_the_table():
    text = body("rectification-report")
    rows = rectification_table()["rows"]
    done = sum(row[5].startswith("已完成") for row in rows)
    ongoing = sum(row[5].startswith("阶段性进展") for row in rows)
    assert figure(text, r"反馈了(\d+)个方面的问题") == len(rows)
    assert figure(text, r"(\d+)个问题中已完成整改") == len(rows)
    assert figure(text, r"已完成整改(\d+)个") == done
    assert figure(text, r"其余(\d+)个取得阶段性进展") == ongoing
    measures = sum(len(re.findall(r"[①②③④⑤⑥⑦⑧⑨]", row[2])) for row in rows)
    assert figure(text, r"细化整改措施(\d+)条") == measures
    # the numbered problems in the body are the rows of the table, in order
    headings = [b["h3"] for b in record("rectification-report")["blocks"] if "h3" in b]
    assert [h.split(".", 1)[0] for h in headings] == [row[0] for row in rows]


# ------------------------------------------------------------------ the 街道 reports: totals and recurring figures

def section_headings(sample_id: str) -> dict[str, list[str]]:
    """Template section id -> the second-level headings (（一）…) inside it."""
    found: dict[str, list[str]] = {}
    current = None
    for block in record(sample_id)["blocks"]:
        current = block.get("section", current)
        if "h2" in block:
            found.setdefault(current, []).append(block["h2"])
    return found


def test_self_inspection_totals():
    text = body("responsibility-self-inspection-report")
    positions = figure(text, r"意识形态阵地(\d+)处")
    assert sum(parts(text, r"阵地\d+处，其中([^。；，]*)", r"[块个]")) == positions
    assert figure(text, r"(\d+)块宣传栏中") == figure(text, r"宣传栏(\d+)块")
    groups = figure(text, r"掌握居民微信群(\d+)个")
    assert sum(parts(text, r"掌握居民微信群\d+个，其中([^。，]*)", "个")) == groups
    assert figure(text, r"(\d+)个楼栋群中") == figure(text, r"楼栋群(\d+)个")
    leads = figure(text, r"1至10月共登记(\d+)条")
    assert sum(parts(text, r"共登记\d+条，其中([^。，]*)", "条")) == leads
    analyses = figure(text, r"开展分析研判(\d+)次")
    assert sum(parts(text, r"分析研判\d+次，其中([^。]*)", "次")) == analyses
    assert figure(text, r"(\d+)次分析研判记录") == analyses
    talks = figure(text, r"“百姓宣讲”(\d+)场")
    assert sum(parts(text, r"覆盖居民\d+人次，其中([^。]*)", "场")) == talks
    assert figure(text, r"(\d+)场宣讲中") == talks
    articles = figure(text, r"刊发社区稿件(\d+)篇")
    assert sum(parts(text, r"稿件\d+篇，其中([^。]*)", "篇")) == articles
    branches = figure(text, r"下设(\d+)个党支部")
    assert figure(text, r"(\d+)个党支部每月") == branches
    members = figure(text, r"有党员(\d+)名")
    assert figure(text, r"离退休党员(\d+)名") < members
    assert figure(text, r"(\d+)次学习中有") == figure(text, r"截至10月底共(\d+)次")
    # as many measures as problems: one 针对…的问题 heading per problem heading
    by_section = section_headings("responsibility-self-inspection-report")
    problems, measures = by_section["problems"], by_section["rectification"]
    assert figure(text, r"以下(\d+)个方面的问题") == len(problems) == len(measures)
    for problem, measure in zip(problems, measures):
        assert problem[:3] == measure[:3] and measure.endswith("的问题"), (problem, measure)


def test_situation_analysis_totals():
    text = body("situation-analysis")
    calls = figure(text, r"转办诉求(\d+)件")
    assert sum(parts(text, r"其中(7月[^，]*)", "件")) == calls
    assert sum(parts(text, r"按类别分，([^。]*)", "件")) == calls
    property_, lifts = figure(text, r"物业管理(\d+)件"), figure(text, r"加装电梯(\d+)件")
    combined = figure(text, r"两类合计(\d+)件")
    assert property_ + lifts == combined
    assert percent(text, r"占总量的([\d.]+)%") == round(100 * combined / calls, 1)
    last_year = figure(text, r"上年同期的(\d+)件")
    assert percent(text, r"下降([\d.]+)%") == round(100 * (last_year - calls) / last_year, 1)
    leads = figure(text, r"舆情台账登记线索(\d+)条")
    assert sum(parts(text, r"按内容分，([^；。]*)", "条")) == leads
    assert sum(parts(text, r"按程度分，([^；。]*)", "条")) == leads
    assert figure(text, r"已办结(\d+)条") + figure(text, r"持续跟踪(\d+)条") == leads
    # the risks quote the ledger's own figures
    assert figure(text, r"舆情台账登记的(\d+)条相关线索") == figure(text, r"加装电梯(\d+)条")
    assert figure(text, r"舆情台账(\d+)条物业服务线索") == figure(text, r"物业服务(\d+)条")
    assert figure(text, r"等截图，舆情台账登记(\d+)条") == figure(text, r"征收补偿传言(\d+)条")
    assert figure(text, r"登记的(\d+)条诈骗相关线索") == figure(text, r"消费和投资诈骗相关(\d+)条")
    assert figure(text, r"本季度消费纠纷类诉求(\d+)件") == figure(text, r"消费纠纷(\d+)件")
    groups, joined = figure(text, r"居民微信群(\d+)个"), figure(text, r"网格员已进入(\d+)个")
    assert percent(text, r"覆盖率([\d.]+)%") == round(100 * joined / groups, 1)
    outside = figure(text, r"未进入的(\d+)个群")
    assert groups - joined == outside == figure(text, r"逐一联系(\d+)个网格员尚未进入的群")
    assert figure(text, r"处置群内不实信息(\d+)条") == figure(text, r"本季度处置的(\d+)条不实信息")
    assert figure(text, r"有3个社区的(\d+)个单元") == figure(text, r"意见征询的(\d+)个单元")


def test_rectification_totals():
    text = body("rectification-report")
    before, after = figure(text, r"由原来的(\d+)处"), figure(text, r"更新为(\d+)处")
    added = figure(text, r"新增的(\d+)处")
    assert before + added == after
    assert sum(parts(text, r"新增的\d+处中有([^，]*)", r"[块处]")) == added
    assert figure(text, r"上半年(\d+)次专题研究意识形态工作") + 2 == figure(text, r"专题研究达到(\d+)次")
    assert figure(text, r"形成会议纪要(\d+)份") == 2
    groups, joined = figure(text, r"(\d+)个居民微信群"), figure(text, r"网格员已进入(\d+)个")
    assert groups - joined == figure(text, r"尚未进入的(\d+)个群") == figure(text, r"对(\d+)个尚未进入的群")
    # The year-end target is ahead of today's coverage and within reach, and
    # the note's arithmetic (how many groups that takes) is right.
    target = figure(text, r"入群覆盖率达到(\d+)%以上")
    needed = -(-target * groups // 100)  # the fewest groups that reach the target
    assert joined < needed <= groups, f"{target}% of {groups} groups is {needed}; {joined} are joined"
    note = next(b["note"] for b in record("rectification-report")["blocks"] if "入群覆盖率达到" in b.get("p", ""))
    assert f"{groups}个群中进入{needed}个即达到{target}%" in note
    assert f"{groups - joined}个群中至少还要进入{needed - joined}个" in note


def test_the_two_sub_district_samples_agree_on_shared_figures():
    analysis, rectification = body("situation-analysis"), body("rectification-report")
    # (data/units/shili-street.yml checks every sample of the street; this keeps the two side by side)
    for in_analysis, in_rectification in ((r"居民微信群(\d+)个", r"(\d+)个居民微信群"),
                                          (r"网格员已进入(\d+)个", r"网格员已进入(\d+)个"), (r"(\d+)个社区", r"(\d+)个社区")):
        assert figure(analysis, in_analysis) == figure(rectification, in_rectification), in_analysis
