"""The self-inspection, situation-analysis and rectification samples.

Built pages: each has at least 8 annotations, 2,000+ Chinese characters of
document text (notes excluded), at least two weak-vs-strong rewrites and links
to its template and checklist. Data: the rectification list is complete, and
every total the samples state equals the sum of its parts, with the same
figure the same wherever it recurs (also across the two 街道 samples).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ("responsibility-self-inspection-report", "situation-analysis", "rectification-report")
HAN = re.compile(r"[\u3400-\u9fff]")
DATE = re.compile(r"^20\d\d年(1[0-2]|[1-9])月([1-9]|[12]\d|3[01])日")


def record(sample_id: str) -> dict:
    return yaml.safe_load((ROOT / "data" / "samples" / f"{sample_id}.yml").read_text(encoding="utf-8"))


def body(sample_id: str) -> str:
    """The document text of a sample (paragraphs, headings, table cells), notes left out."""
    parts = []
    for block in record(sample_id)["blocks"]:
        for key in ("h1", "h2", "h3", "h4", "p"):
            if key in block:
                parts.append(block[key])
        if "table" in block:
            parts += ["".join(row) for row in block["table"]["rows"]]
    return "\n".join(parts)


def figure(text: str, pattern: str) -> int:
    """The one number captured by ``pattern`` in ``text``; fails when absent."""
    found = re.search(pattern, text)
    assert found, f"figure not found: {pattern}"
    return int(found.group(1))


def parts(text: str, pattern: str, unit: str) -> list[int]:
    """Numbers followed by ``unit`` in the clause captured by ``pattern``'s group."""
    found = re.search(pattern, text)
    assert found, f"clause not found: {pattern}"
    return [int(n) for n in re.findall(rf"(\d+){unit}", found.group(1))]


def percent(text: str, pattern: str) -> float:
    found = re.search(pattern, text)
    assert found, f"percentage not found: {pattern}"
    return float(found.group(1))


# ------------------------------------------------------------ built pages

def sample_html(built_site, sample_id: str) -> BeautifulSoup:
    return built_site.soup(f"samples/{sample_id}.html")


@pytest.mark.parametrize("sample_id", SAMPLES)
def test_page_has_at_least_eight_annotations(built_site, sample_id):
    doc = sample_html(built_site, sample_id).select_one(".sample-doc")
    assert doc is not None, f"samples/{sample_id}.html shows no sample"
    annotated = doc.select(".annotate")
    assert len(annotated) >= 8
    # Material needs the numbered note right after each annotated element
    for element in annotated:
        following = element.find_next_sibling()
        assert following is not None and following.name == "ol", element.get_text()[:30]


@pytest.mark.parametrize("sample_id", SAMPLES)
def test_page_shows_2000_chinese_characters_of_document_text(built_site, sample_id):
    doc = BeautifulSoup(str(sample_html(built_site, sample_id).select_one(".sample-doc")), "html.parser")
    for note in doc.select("ol"):
        note.decompose()
    text = doc.get_text()
    assert len(HAN.findall(text)) >= 2000
    data = record(sample_id)
    assert data["title"] in text and data["signature"] in text and data["date"] in text


@pytest.mark.parametrize("sample_id", SAMPLES)
def test_page_has_two_or_more_rewrites_and_states_the_year(built_site, sample_id):
    soup = sample_html(built_site, sample_id)
    compares = soup.select(".sample-compare")
    assert len(compares) >= 2
    for compare in compares:
        assert compare.select_one(".sample-weak") and compare.select_one(".sample-strong")
    assert "本范文按2026年的情况编写" in soup.get_text()


@pytest.mark.parametrize("sample_id", SAMPLES)
def test_page_links_its_template_and_checklist(built_site, sample_id):
    article = built_site.article(f"samples/{sample_id}.html")
    hrefs = [a.get("href", "") for a in article.select("a")]
    assert f"../doc-templates/{sample_id}.html" in hrefs
    assert "../checklists/index.html#before-submission" in hrefs
    assert "../checklists/index.html#responsibility-self-inspection" in hrefs


def test_rectification_table_renders_complete(built_site):
    table = sample_html(built_site, "rectification-report").select_one(".sample-table table")
    rows = table.select("tbody tr")
    assert len(rows) == 6
    for row in rows:
        cells = [td.get_text(strip=True) for td in row.select("td")]
        assert len(cells) == 6 and all(cells), cells


# ------------------------------------------------------------ data: rectification list

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


# ------------------------------------------------------------ data: totals and recurring figures

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
    # 99% is reachable: the target needs fewer groups than are still outside
    assert joined / groups < 0.99 and -(-99 * groups // 100) - joined <= groups - joined


def test_the_two_sub_district_samples_agree_on_shared_figures():
    analysis, rectification = body("situation-analysis"), body("rectification-report")
    # (data/units/shili-street.yml checks every sample of the street; this keeps the two side by side)
    for in_analysis, in_rectification in ((r"居民微信群(\d+)个", r"(\d+)个居民微信群"),
                                          (r"网格员已进入(\d+)个", r"网格员已进入(\d+)个"), (r"(\d+)个社区", r"(\d+)个社区")):
        assert figure(analysis, in_analysis) == figure(rectification, in_rectification), in_analysis
