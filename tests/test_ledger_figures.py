"""台账对数: figures counted from the ledgers (checker/engine.js ledgerFigures) and a draft
checked against them (checkFigures), through the command line's reader (openpyxl), on
ledgers written by openpyxl and by LibreOffice, with the messy cases staff produce."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.engine import check_figures, ledger_figures
from checker.ledger_reader import UnreadableLedger, read_ledger
from support.ledgers import DRAFT, EXPECTED_H1, ROWS_H1, WARNED_CELLS, write_messy

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, str(ROOT / "scripts" / "check_report.py")]


def sheets_of(paths: list[Path]) -> list[dict]:
    return [sheet for path in paths for sheet in read_ledger(path)]


def values(result: dict) -> dict:
    return {key: fig["value"] for key, fig in result["figures"].items()}


@pytest.fixture(scope="module")
def messy(tmp_path_factory) -> list[Path]:
    return write_messy(tmp_path_factory.mktemp("openpyxl"))


@pytest.fixture(scope="module")
def messy_libreoffice(messy, tmp_path_factory) -> list[Path]:
    """The same workbooks opened and saved again by LibreOffice (headless), as another program writes them."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.fail("LibreOffice (soffice) not found: apt-get install -y libreoffice-calc")
    out = tmp_path_factory.mktemp("libreoffice")
    profile = tmp_path_factory.mktemp("lo-profile")
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), *map(str, messy)],
                   check=True, capture_output=True, timeout=180)
    converted = [out / p.name for p in messy]
    assert all(p.is_file() for p in converted), list(out.iterdir())
    return converted


@pytest.mark.parametrize("writer", ["openpyxl", "libreoffice"])
def test_messy_ledgers_give_the_figures(writer, messy, messy_libreoffice, data):
    paths = messy if writer == "openpyxl" else messy_libreoffice
    result = ledger_figures(sheets_of(paths), "2026H1", data)
    got = values(result)
    assert {k: got[k] for k in EXPECTED_H1} == EXPECTED_H1
    for key, rows in ROWS_H1.items():
        assert [r["row"] for r in result["figures"][key]["rows"]] == rows
    warned = {(p["sheet"], p["cell"]) for p in result["problems"] if p["severity"] == "warning"}
    assert warned == WARNED_CELLS, result["problems"]
    infos = [p for p in result["problems"] if p["severity"] == "info"]
    assert {(p["sheet"], p["row"]) for p in infos} == {("2026年学习记录", 5), ("2026年学习记录", 14), ("汇总", None)}
    bad_date = next(p for p in result["problems"] if p["cell"] == "B12")
    assert "五月底" in bad_date["message"] and "学习日期" in bad_date["message"]


def test_openpyxl_and_libreoffice_read_alike(messy, messy_libreoffice, data):
    a = ledger_figures(sheets_of(messy), "2026", data)
    b = ledger_figures(sheets_of(messy_libreoffice), "2026", data)
    assert values(a) == values(b)
    assert a["figures"]["ledger-study/sessions"]["value"] == 6
    assert a["figures"]["ledger-study/sessions"]["half"] == 5
    assert a["figures"]["ledger-talks/talks"]["value"] == 6
    assert a["figures"]["ledger-talks/talks"]["rows"][-1] == {"file": "talks.xlsx", "sheet": "宣讲（下半年）", "row": 5}


def test_draft_with_three_wrong_figures(messy, data):
    result = ledger_figures(sheets_of(messy), "2026H1", data)
    checked = check_figures(DRAFT, result, data)
    by_status = {}
    for m in checked["mentions"]:
        by_status.setdefault(m["status"], []).append((m["key"], m["written"], m.get("ledger_value")))
    assert sorted(by_status["differs"]) == [("ledger-study/sessions", 7, 5), ("ledger-talks/comments", 9, 6),
                                            ("ledger-talks/talks", 6, 5)]
    assert by_status["equal"] == [("ledger-study/discussions", 3, 3)]
    assert set(by_status) == {"differs", "equal"}
    wrong = next(m for m in checked["mentions"] if m["key"] == "ledger-study/sessions")
    assert (wrong["line"], wrong["column"]) == (2, 19)
    assert "7次" in wrong["message"] and "5次" in wrong["message"] and "第6、8、9、10、11行" in wrong["message"]


def test_half_year_above_the_year_is_found(messy, data):
    result = ledger_figures(sheets_of(messy), "2026", data)
    text = "上半年，党工委理论学习中心组集中学习5次。\n全年，党工委理论学习中心组集中学习4次。\n"
    checked = check_figures(text, result, data)
    statuses = [(m["about"], m["status"]) for m in checked["mentions"]]
    assert statuses == [("H1", "equal"), ("year", "differs")]
    assert [(p["half"], p["year"]) for p in checked["problems"]] == [(5, 4)]


def test_figure_without_its_ledger(messy, data):
    result = ledger_figures(sheets_of(messy[:1]), "2026H1", data)
    checked = check_figures("上半年共收集网络舆情线索11条。", result, data)
    assert [m["status"] for m in checked["mentions"]] == ["no-ledger"]
    assert "网络舆情台账" in checked["mentions"][0]["message"]


@pytest.mark.parametrize("spec, start, end, name", [
    ("2026H1", "2026-01-01", "2026-06-30", "上半年"), ("2026-H2", "2026-07-01", "2026-12-31", "下半年"),
    ("2026", "2026-01-01", "2026-12-31", "全年"), ("2026Q3", "2026-07-01", "2026-09-30", "第三季度"),
    ("2026-03-01..2026-05-31", "2026-03-01", "2026-05-31", "3月1日至5月31日")])
def test_periods(spec, start, end, name, data):
    period = ledger_figures([], spec, data)["period"]
    assert (period["start"], period["end"], period["name"]) == (start, end, name)


@pytest.mark.parametrize("cell, expected", [
    ("2026.3.5", "2026-03-05"), ("2026/3/5", "2026-03-05"), ("2026-3-5", "2026-03-05"), ("3月5日", "2026-03-05"),
    ("2026年3月5日9时", "2026-03-05"), ("20260305", "2026-03-05"), (46086, "2026-03-05"), ("2026-02-30", None),
    ("上旬", None), (12, None)])
def test_dates_as_staff_type_them(cell, expected, data):
    from checker.engine import engine
    assert engine().call(data, "__guideCall", "parseDate", [cell, "2026H1", data]) == expected


def test_bad_period_and_no_ledger_are_errors(data):
    bad = ledger_figures([], "上半年", data)
    assert bad["period"] is None and "2026H1" in bad["problems"][0]["message"]
    none = ledger_figures([{"file": "x.xlsx", "name": "Sheet1", "rows": [["a", "b"], [1, 2]]}], "2026", data)
    assert not none["ledgers"] and any(p["severity"] == "error" for p in none["problems"])


def test_unreadable_files_say_why(tmp_path):
    broken = tmp_path / "台账.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(UnreadableLedger, match="另存为"):
        read_ledger(broken)
    with pytest.raises(UnreadableLedger, match=r"\.xls"):
        read_ledger(tmp_path / "old.xls")


def test_nothing_crashes_on_odd_cells(data):
    rows = [["序号", "学习日期", "学习主题", "学习内容", "学习形式", "主持人", "应到人数", "实到人数"],
            [True, None, 3.5, "", "专题研讨", None, float("1e300"), -1], [None], ["x"] * 40]
    result = ledger_figures([{"file": None, "name": "s", "rows": rows}], "2026", data)
    assert result["ledgers"][0]["id"] == "ledger-study"
    assert {p["cell"] for p in result["problems"]} >= {"B2"}


def test_command_line(messy, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    text = subprocess.run(CLI + ["--ledger", str(messy[0]), "--ledger", str(messy[1]), "--period", "2026H1", str(draft)],
                          check=False, capture_output=True, text=True, env=env, timeout=120)
    assert text.returncode == 1, text.stderr
    assert "上半年，党工委理论学习中心组集中学习5次，其中专题研讨3次" in text.stdout
    assert f"{draft}:2:19: 不一致" in text.stdout and "B12" in text.stdout
    js = subprocess.run(CLI + ["--ledger", str(messy[0]), "--json", "--period", "2026"], check=False, capture_output=True,
                        text=True, env=env, timeout=120)
    assert js.returncode == 0, js.stderr
    out = json.loads(js.stdout)
    assert out["figures"]["ledger-study/sessions"]["value"] == 6 and out["check"] is None
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 broken")
    bad = subprocess.run(CLI + ["--ledger", str(broken)], check=False, capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode == 2 and "broken.xlsx" in bad.stderr and "Traceback" not in bad.stderr


def test_sample_ledgers_reproduce_the_unit_and_the_sample(data):
    """The 示例街道 2026-H1 ledgers (data/ledger-samples) give data/units' figures, and every figure
    of the half-year sample that names a counted thing agrees with them."""
    import io

    from openpyxl import load_workbook

    from macros.checks.units import sample_sentences
    from macros.download_providers import ledger_samples
    from macros.sitedata import load_site_data

    site = load_site_data(ROOT)
    sheets = []
    for download in ledger_samples(site):
        wb = load_workbook(io.BytesIO(download.build()), data_only=True)
        for ws in wb.worksheets:
            sheets.append({"file": download.path, "name": ws.title,
                           "rows": [[v for v in row] for row in ws.iter_rows(values_only=True)]})
    result = ledger_figures(sheets, "2026H1", data)
    assert [p for p in result["problems"] if p["severity"] != "info"] == []
    unit = site.get("units", "shili-street")
    checked = 0
    for fact, spec in unit["facts"].items():
        if "counted" not in spec:
            continue
        expected = spec.get("value", unit["periods"]["2026-H1"]["figures"].get(fact))
        assert result["figures"][spec["counted"]]["value"] == expected, fact
        checked += 1
    assert checked == 13
    text = "\n".join(s.text for s in sample_sentences(site.get("samples", "half-year-report")))
    mentions = check_figures(text, result, data)["mentions"]
    assert [m for m in mentions if m["status"] != "equal"] == []
    assert len({m["key"] for m in mentions}) >= 22


# The figures of the half-year sample's paragraphs that 台账对数 does not check, and why. Every
# other figure (dates and time limits aside) must be found and agree with the sample ledgers.
NOT_FROM_LEDGERS = {
    # facts of data/units/shili-street.yml (checked at build by macros/checks/units.py), no ledger
    "9个社区党委": "unit", "9个社区交叉检查": "unit", "宣讲队26名成员": "unit", "走进9个社区": "unit",
    "18名网评员和9名社区宣传员": "unit", "居民微信群612个": "unit", "网格员已进入571个": "unit",
    "组织18名网评员": "unit", "1个新时代文明实践所和9个实践站": "unit", "全部9个社区": "unit",
    "9个社区中有3个社区": "unit; the 3 communities are a judgement from reading the records",
    "登记的612个": "unit", "还有41个": "unit (612 − 571)", "9名社区宣传员中有7名为兼职": "unit; staff, no ledger", "党工委会2次专题研究": "unit",
    # records the guide has no ledger for (meeting minutes, 研判报告, work logs)
    "街道8个职能部门": "责任书", "党工委会召开14次": "meeting minutes", "分析研判2次，形成研判报告2份": "研判报告",
    "3类需要关注": "研判报告", "调研意识形态工作14人次，督促解决具体问题6个": "work logs",
    "讲座和报告会15场": "一会一报 forms", "更换过期内容23处": "the 阵地 ledger keeps one line per 阵地, not each change",
    "法治宣传活动9场": "activity records", "推选出12家": "评选 record", "主题活动11场": "activity records",
    "读书分享会8场": "activity records", "节目6个": "no record",
    # counted things the ledgers hold, but not as one figure a pattern can name
    "3所中小学": "distinct places of the 宣讲 ledger's 所在社区或场所, not rows",
    "办理41条，其余16条": "the 宣讲 ledger records how many comments, not what became of them",
    "120场目标的35%": "a target from the work plan and a share of it", "35岁以下": "volunteers' ages are not in the ledger",
    "18%提高到21%": "volunteers' ages are not in the ledger",
    "有21篇来自": "the 按社区 breakdown of 区级以上媒体刊发稿件 on the page, not a written pattern",
    # plans (下一步工作打算)
    "3个学习薄弱社区各明确1名": "plan", "参加1次": "plan", "其余41个群": "plan", "开展1次": "plan",
    "培训1次": "plan", "其余7个社区": "plan",
}


def test_every_counted_figure_of_the_half_year_sample_is_checked(data):
    """Each figure of the half-year sample's paragraphs is either checked against the sample ledgers (and
    equal) or listed above with the reason it cannot come from a ledger: nothing is left unaccounted for."""
    import io

    from openpyxl import load_workbook

    from macros.download_providers import ledger_samples
    from macros.sitedata import load_site_data

    site = load_site_data(ROOT)
    sheets = [{"file": d.path, "name": ws.title, "rows": [list(r) for r in ws.iter_rows(values_only=True)]}
              for d in ledger_samples(site) for ws in load_workbook(io.BytesIO(d.build())).worksheets]
    result = ledger_figures(sheets, "2026H1", data)
    text = "\n".join(b["p"] for b in site.get("samples", "half-year-report")["blocks"] if "p" in b)
    mentions = check_figures(text, result, data)["mentions"]
    assert [m for m in mentions if m["status"] != "equal"] == []
    starts = [0]
    for line in text.split("\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    checked = {starts[m["line"] - 1] + m["column"] - 1 for m in mentions}
    explained: set[int] = set()
    for snippet in NOT_FROM_LEDGERS:
        found = [m.start() for m in re.finditer(re.escape(snippet), text)]
        assert found, f"{snippet!r} is no longer in the sample: remove it from NOT_FROM_LEDGERS"
        for at in found:
            explained |= {at + n.start() for n in re.finditer(r"\d+", snippet)}
    assert not checked & explained, "a checked figure is listed as not from the ledgers"
    unaccounted = [text[max(0, n.start() - 8):n.end() + 4] for n in re.finditer(r"\d+", text)
                   if n.start() not in checked | explained and not re.match(r"\d+(?:年|月|日|周年|小时)", text[n.start():])]
    assert unaccounted == []


def test_ready_sentences_read_back_as_equal(data):
    """Every ready sentence, checked as a draft against the figures it came from, agrees on every figure
    it states: the sentences and the written patterns are one vocabulary."""
    import io

    from openpyxl import load_workbook

    from macros.download_providers import ledger_samples
    from macros.sitedata import load_site_data

    site = load_site_data(ROOT)
    sheets = [{"file": d.path, "name": ws.title, "rows": [list(r) for r in ws.iter_rows(values_only=True)]}
              for d in ledger_samples(site) for ws in load_workbook(io.BytesIO(d.build())).worksheets]
    result = ledger_figures(sheets, "2026H1", data)
    templates = {ledger["id"]: ledger["sentences"] for ledger in data["ledgers"]}
    for ledger in result["ledgers"]:
        assert len(ledger["sentences"]) == len(templates[ledger["id"]])
        for sentence, template in zip(ledger["sentences"], templates[ledger["id"]]):
            mentions = check_figures(sentence, result, data)["mentions"]
            assert all(m["status"] == "equal" for m in mentions), sentence
            named = {f"{ledger['id']}/{name}" for name in re.findall(r"\{([a-z0-9-]+)\}", template)} - {
                f"{ledger['id']}/period", f"{ledger['id']}/end"}
            assert named == {m["key"] for m in mentions}, sentence


@pytest.mark.parametrize("file, old, new, problem", [
    ("data/ledgers/ledger-study.yml", "where: {学习形式: [专题研讨]}", "where: {学习方式: [专题研讨]}", "no column '学习方式'"),
    ("data/ledgers/ledger-study.yml", "where: {学习形式: [专题研讨]}", "where: {学习形式: [座谈]}", "not a choice"),
    ("data/ledgers/ledger-study.yml", "sum: 实到人数", "sum: 到会人数", "no column '到会人数'"),
    ("data/ledgers/ledger-study.yml", "within: sessions", "within: nothing", "not a count above"),
    ("data/ledgers/ledger-study.yml", "'中心组集中学习(\\d+)次'", "'中心组(集中)学习(\\d+)次'", "2 groups"),
    ("data/ledgers/ledger-study.yml", "'中心组集中学习(\\d+)次'", "'中心组(?P<x>集中)学习(\\d+)次'", "groups"),
    ("data/ledgers/ledger-study.yml", "  date: 学习日期", "  date: 日期", "no column '日期'"),
    ("data/ledgers/ledger-study.yml", "其中专题研讨{discussions}次", "其中专题研讨{talks}次", "{talks} is not a count"),
    ("data/ledgers/ledger-talks.yml", "also: [宣讲地点, 所在社区]", "also: [宣讲地点, 宣讲人]", "names two columns"),
    ("data/units/shili-street.yml", "counted: ledger-study/sessions", "counted: ledger-study/meetings", "no count"),
    ("data/ledger-samples/shili-street-2026-h1.yml", "专题研讨, 党工委书记", "座谈, 党工委书记", "not a choice"),
])
def test_bad_ledger_counts_fail_at_their_line(tmp_path, file, old, new, problem):
    from macros.errors import GuideError
    from macros.sitedata import load_site_data
    from support.copies import data_copy, replace

    root = data_copy(tmp_path)
    line = replace(root / file, old, new)
    with pytest.raises(GuideError) as info:
        load_site_data(root)
    assert (info.value.path, info.value.line) == (file, line)
    assert problem in info.value.problem, info.value.problem


def test_ledger_counts_table():
    from macros.render.ledger_counts import render_ledger_counts
    from macros.sitedata import load_site_data

    md = render_ledger_counts([r.data for r in load_site_data(ROOT).all("ledgers")])
    assert "| 其中：专题研讨次数（次） | 逐行计数，只算“学习形式”为专题研讨的行。 |" in md
    assert "其中：其中" not in md  # a label that starts with 其中 is not given a second one
    assert "把“听众人次”一栏的数字相加" in md and "不分期间" in md and "列为需要跟进的事项" in md


def test_a_sheet_without_its_date_column_counts_nothing(data):
    rows = [["序号", "学习主题", "学习内容", "学习形式", "主持人", "应到人数", "实到人数"], [1, "a", "b", "专题研讨", "c", 9, 9]]
    result = ledger_figures([{"file": "x.xlsx", "name": "无日期", "rows": rows}], "2026H1", data)
    assert result["figures"]["ledger-study/sessions"]["value"] == 0
    assert any("学习日期" in p["message"] for p in result["problems"])


def test_a_sentence_leaves_out_what_an_older_template_cannot_give(messy, data):
    """The messy study sheet is an older template without 发言人数: its sentence keeps the other figures."""
    result = ledger_figures(sheets_of(messy), "2026H1", data)
    study = next(ledger for ledger in result["ledgers"] if ledger["id"] == "ledger-study")
    assert study["sentences"] == ["上半年，党工委理论学习中心组集中学习5次，其中专题研讨3次，中心组成员参加学习35人次。"]
    assert result["figures"]["ledger-study/speeches"]["value"] is None


@pytest.mark.parametrize("period", ["2026H1", "2026"])
def test_a_file_with_the_traits_of_wps(period, tmp_path, data):
    """An .xlsx written part by part as WPS writes them (tests/support/wps.py: a wrong used range, inline and
    rich shared strings, formula results, an error cell, dates as serials under Chinese built-in and custom
    formats, a picture in a cell, docProps/custom.xml): read in full, every figure right, nothing to warn about."""
    from support.wps import EXPECTED_WPS, write_wps_like

    sheets = read_ledger(write_wps_like(tmp_path / "wps.xlsx"))
    assert [len(s["rows"]) for s in sheets] == [6, 4]  # the used range is read past <dimension ref="A1"/>
    result = ledger_figures(sheets, period, data)
    assert {k: result["figures"][k]["value"] for k in EXPECTED_WPS[period]} == EXPECTED_WPS[period]
    assert [p for p in result["problems"] if p["severity"] != "info"] == []
    assert sheets[0]["rows"][4][11] is None  # the formula's error result reads as an empty cell, as in the browser


HALF_REPORT = "理论学习中心组集中学习5次，其中专题研讨3次。\n开展基层宣讲5场。\n"  # unmarked: the half-year's
ANNUAL = "党工委理论学习中心组集中学习4次，其中专题研讨4次。\n全年开展基层宣讲6场。\n"


def test_an_annual_draft_is_not_below_its_half_year_report(messy, data):
    """The annual report checked with the half-year report of the same year: the half-year report's figures
    (its sentences speak of the half-year without saying so) against the ledgers' half-year, and every figure
    of the annual draft for the year not below the report's."""
    result = ledger_figures(sheets_of(messy), "2026", data)
    checked = check_figures(ANNUAL, result, data, HALF_REPORT)
    assert [(m["key"], m["about"], m["status"]) for m in checked["half"]] == [
        ("ledger-study/sessions", "H1", "equal"), ("ledger-study/discussions", "H1", "equal"),
        ("ledger-talks/talks", "H1", "equal")]
    assert [(m["key"], m["status"]) for m in checked["mentions"]] == [
        ("ledger-study/sessions", "differs"), ("ledger-study/discussions", "equal"), ("ledger-talks/talks", "equal")]
    assert [(p["key"], p["half"], p["year"], p["line"], p["in_half"]) for p in checked["problems"]] == [
        ("ledger-study/sessions", 5, 4, 1, True)]
    assert "上半年报告（第1行）写5次" in checked["problems"][0]["message"]
    alone = check_figures(ANNUAL, result, data)  # without the half-year report: as before
    assert alone["half"] is None and alone["problems"] == []


def test_command_line_with_the_half_year_report(messy, tmp_path):
    annual, half = tmp_path / "annual.txt", tmp_path / "half.txt"
    annual.write_text(ANNUAL, encoding="utf-8")
    half.write_text(HALF_REPORT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(CLI + ["--ledger", str(messy[0]), "--ledger", str(messy[1]), "--period", "2026",
                                "--half-year", str(half), str(annual)],
                         check=False, capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 1, out.stderr
    assert f"上半年报告 {half}：" in out.stdout and f"{half}:1:12: 一致" in out.stdout
    assert f"{annual}:1:15: 不一致" in out.stdout and "上半年报告（第1行）写5次" in out.stdout
    bad = subprocess.run(CLI + ["--half-year", str(half), str(annual)], check=False, capture_output=True, text=True,
                         env=env, timeout=120)
    assert bad.returncode == 2 and "--half-year" in bad.stderr


def test_display_change_record_counts_changes_by_kind_of_board(data):
    """宣传栏、电子显示屏内容更换记录: one row per change, counted in the period, boards and screens apart;
    its ready sentence is read back as agreeing with the ledger."""
    header = ["序号", "更换日期", "阵地名称", "阵地类型", "所属社区（科室）", "本期主题", "内容来源", "拟稿人", "审核人",
              "审核日期", "撤下的内容", "照片和审核单存放", "备注"]
    rows = [header] + [[i + 1, date, "某处", kind, "幸福里社区", "主题", "本单位制作", "社区宣传员", "社区书记", date, "无", "照片", ""]
                       for i, (date, kind) in enumerate([("2026-01-05", "宣传栏"), ("2026-03-02", "楼道公告栏"),
                                                         ("2026-05-06", "电子显示屏"), ("2026-08-01", "电子显示屏")])]
    result = ledger_figures([{"file": "display.xlsx", "name": "更换记录", "rows": rows}], "2026H1", data)
    assert [p for p in result["problems"] if p["severity"] != "info"] == []
    assert {k: result["figures"][f"ledger-display-changes/{k}"]["value"] for k in ("changes", "billboards", "screens")} == \
        {"changes": 3, "billboards": 2, "screens": 1}
    sentence = next(ledger for ledger in result["ledgers"] if ledger["id"] == "ledger-display-changes")["sentences"][0]
    mentions = check_figures(sentence, result, data)["mentions"]
    assert len(mentions) == 3 and all(m["status"] == "equal" for m in mentions), sentence


def _filled_download(ledger_id: str, rows: list[tuple], path) -> list[dict]:
    """The ledger's downloaded workbook with its example rows replaced by ``rows``, saved and read back."""
    import io

    from openpyxl import load_workbook

    from macros.export.ledger_xlsx import build_ledger_xlsx
    from macros.sitedata import load_site_data

    wb = load_workbook(io.BytesIO(build_ledger_xlsx(load_site_data(ROOT).get("ledgers", ledger_id))))
    ws = wb.worksheets[0]
    ws.delete_rows(3, ws.max_row)  # the example rows
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=1):
            ws.cell(row=r, column=c, value=value)
    wb.save(path)
    return sheets_of([path])


def _figures_and_sentence(result: dict, ledger_id: str) -> tuple[dict, str]:
    got = {k: v for k, v in values(result).items() if k.startswith(ledger_id + "/")}
    return got, next(ledger for ledger in result["ledgers"] if ledger["id"] == ledger_id)["sentences"][0]


def test_plan_tasks_ledger_counts_due_done_and_open(tmp_path, data):
    """工作要点任务推进表 (an eighth query writer's gap: the task table as a workbook): the tasks due in
    the period, how many are done and which are still open, read back from a filled download."""
    filled = [  # 序号, 工作要点, 任务内容, 牵头领导, 责任科室或社区, 完成时限, 推进情况, 完成日期
        (1, "理论武装", "制定中心组年度学习计划", "党工委书记", "宣传办", "2026年1月31日", "已完成", "2026年1月20日"),
        (2, "舆论引导", "建立节假日舆情值班表", "宣传委员", "宣传办", "2026年4月30日", "已完成", "2026年4月25日"),
        (3, "责任制落实", "建立电子显示屏审核记录", "宣传委员", "各社区党委", "2026年3月31日", "推进中", None),
        (4, "文化事业", "编印工业记忆读本", "宣传委员", "综合文化站", "2026年11月30日", "未启动", None),
        (5, "诚信建设", "评选诚信示范商户", "分管副主任", "经济发展办公室", "2026年6月30日", "已调整", None),
    ]
    result = ledger_figures(_filled_download("ledger-plan-tasks", filled, tmp_path / "tasks.xlsx"), "2026H1", data)
    got, sentence = _figures_and_sentence(result, "ledger-plan-tasks")
    assert got == {"ledger-plan-tasks/due": 4, "ledger-plan-tasks/done": 2, "ledger-plan-tasks/open": 1}
    assert sentence == "上半年到期的工作要点任务4项，已完成2项，尚未完成的任务1项。"
    mentions = check_figures("上半年到期的工作要点任务4项，已完成3项。", result, data)["mentions"]
    assert [(m["key"], m["status"]) for m in mentions] == [("ledger-plan-tasks/due", "equal"), ("ledger-plan-tasks/done", "differs")]


def test_credit_household_ledger_counts_declared_and_rated(tmp_path, data):
    """诚信户评定登记表 (a ninth query writer's gap: the 诚信户 evaluation form): households declared in the
    period and how many were rated, read back from a filled download."""
    filled = [  # 序号, 社区, 户别, 申报方式, 申报日期, 初核意见, 评议日期, 评议结论
        (1, "和平社区", "1号楼101", "自愿申报", "2026年2月20日", "符合", "2026年3月10日", "评定"),
        (2, "和平社区", "2号楼302", "楼栋推荐", "2026年3月1日", "符合", "2026年3月10日", "评定"),
        (3, "新华社区", "7号楼502", "网格推荐", "2026年5月6日", "第二条不符合", "2026年5月20日", "暂缓"),
        (4, "新华社区", "9号楼201", "自愿申报", "2026年9月3日", "符合", "2026年9月18日", "评定"),
    ]
    result = ledger_figures(_filled_download("ledger-credit-households", filled, tmp_path / "credit.xlsx"), "2026H1", data)
    got, sentence = _figures_and_sentence(result, "ledger-credit-households")
    assert got == {"ledger-credit-households/declared": 3, "ledger-credit-households/rated": 2}
    assert sentence == "上半年申报诚信户3户，评定2户。"
    mentions = check_figures("上半年申报诚信户3户，评定3户。", result, data)["mentions"]
    assert [(m["key"], m["status"]) for m in mentions] == [("ledger-credit-households/declared", "equal"),
                                                           ("ledger-credit-households/rated", "differs")]
