"""What staff asked for and the guide lacked (issue #19, a sixth writer's gaps): the handover
checklist, 共建单位 on the 文明实践 page, the 活动简报 and its template, the printable 签到表, and
how long records are kept. Each is data rendered on the page where a user looks for it."""

from __future__ import annotations

import io
import re

from openpyxl import load_workbook

from macros.export.checklist_xlsx import build_checklist_xlsx
from macros.export.ledger_xlsx import build_ledger_xlsx
from macros.sitedata import load_site_data
from support import ROOT

SITE = load_site_data(ROOT)


def _section(article, heading_id: str) -> str:
    """The text of a heading's section: up to the next heading of the same or a higher level."""
    heading = article.select_one(f'[id="{heading_id}"]')
    assert heading is not None, heading_id
    parts = []
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name or "") and int(sibling.name[1]) <= int(heading.name[1]):
            break
        parts.append(sibling.get_text(" "))
    return " ".join(" ".join(parts).split())


def test_handover_checklist_is_on_first_month_with_its_download(built_site):
    record = SITE.get("checklists", "handover")
    article = built_site.article("guide/first-month.html")
    section = _section(article, "交接清单")
    for word in ("交接", "接班", "移交", "留给下一任"):
        assert word in section, word
    for item in record["items"]:
        assert article.select_one(f"#ck-handover-{item['id']}") is not None, item["id"]
    links = {a["href"] for a in article.select("a[download]")}
    assert "../downloads/checklist-handover.xlsx" in links
    index = built_site.article("checklists/index.html")
    assert index.select_one("#handover") is not None and index.select_one("#ck-handover-accounts-positions")
    covered = " ".join(item["text"] for item in record["items"])
    for thing in ("台账", "模板", "账号", "密码", "网评员", "通讯员", "舆情", "整改", "截止日期"):
        assert thing in covered, thing


def test_handover_workbook_records_handover_and_signatures():
    wb = load_workbook(io.BytesIO(build_checklist_xlsx(SITE.get("checklists", "handover"))))
    ws = wb.active
    assert [c.value for c in ws[2]] == ["序号", "检查内容", "留存材料", "责任", "交接情况", "情况说明"]
    assert [dv.formula1 for dv in ws.data_validations.dataValidation] == ['"已移交,部分移交,未移交,不适用"']
    cells = [str(c.value) for row in ws.iter_rows(min_row=3) for c in row if c.value]
    assert any("离任人（签字）" in v and "接班人（签字）" in v for v in cells)
    assert ws.row_dimensions[4].height and ws.row_dimensions[4].height > 30  # a long item is printed whole
    # a self-inspection list keeps its own columns and choices
    plain = load_workbook(io.BytesIO(build_checklist_xlsx(SITE.get("checklists", "before-submission")))).active
    assert [c.value for c in plain[2]][3:5] == ["频次", "自查结果"]
    assert [dv.formula1 for dv in plain.data_validations.dataValidation] == ['"已落实,部分落实,未落实,不适用"']


def test_sign_in_sheet_is_a_printable_numbered_form():
    record = SITE.get("ledgers", "ledger-sign-in")
    ws = load_workbook(io.BytesIO(build_ledger_xlsx(record))).worksheets[0]
    headers = [c.value for c in ws[2]]
    assert headers[:5] == ["序号", "姓名", "单位/楼栋", "联系电话（可不填）", "签到时间"]
    title = str(ws["A1"].value)
    assert title.startswith("活动签到表\n") and all(w in title for w in ("活动名称", "时间", "地点"))
    rows = record["form"]["rows"]
    assert [ws.cell(row=r, column=1).value for r in range(3, 3 + rows)] == list(range(1, rows + 1))
    assert ws.page_setup.orientation == "portrait" and ws.row_dimensions[3].height >= 20
    assert "联系电话可以不填" in str(ws.cell(row=3 + rows, column=1).value)


def test_sign_in_sheet_is_linked_where_activity_records_are_discussed(built_site):
    for page in ("doc-templates/index.html", "work-points/civilization.html", "writing/document-types.html"):
        hrefs = {a["href"] for a in built_site.article(page).select("a[download]")}
        assert "../downloads/ledger-sign-in.xlsx" in hrefs, page


def test_activity_brief_guidance_and_template(built_site):
    article = built_site.article("writing/document-types.html")
    section = _section(article, "活动简报")
    for word in ("标题", "导语", "主体", "结尾", "供稿", "三五百字", "公众号"):
        assert word in section, word
    assert article.select_one('a[href="../doc-templates/activity-brief.html"]') is not None
    assert article.select(".fault-example") and "示例街道东风路社区" in section
    page = built_site.article("doc-templates/activity-brief.html")
    assert any(a["href"] == "../downloads/activity-brief.docx" for a in page.select("a[download]"))
    opinion = built_site.article("work-points/opinion.html")
    assert opinion.select_one('a[href="../writing/document-types.html#活动简报"]') is not None


def test_brief_example_agrees_with_the_volunteer_ledger_example():
    """The brief's example activity is the one in the volunteer ledger's example row."""
    row = SITE.get("ledgers", "ledger-volunteer")["rows"][0]
    brief = SITE.get("templates", "activity-brief")
    lead = brief["sections"][0]["example"]
    assert f"{row[6]}名志愿者" in lead and f"{row[8]}位" in lead


def test_co_building_section_on_civilization_linked_from_credit(built_site):
    article = built_site.article("work-points/civilization.html")
    section = _section(article, "八共建单位和驻区单位")
    for word in ("共享", "志愿服务", "思政课进社区", "联系表", "共建协议", "照片", "按本区要求"):
        assert word in section, word
    strong = " ".join(e.get_text(" ") for e in article.select(".admonition.success"))
    unit = SITE.get("units", "shili-street")
    activities = unit["periods"]["2026-H1"]["figures"]["volunteer-activities"]
    assert f"{activities}场志愿服务活动" in strong  # the same half year as the sample report
    credit = built_site.article("work-points/credit.html")
    assert credit.select_one('a[href="civilization.html#八共建单位和驻区单位"]') is not None


def test_retention_says_what_the_rule_is_and_who_decides(built_site):
    article = built_site.article("work-points/responsibility.html")
    section = _section(article, "保存几年")
    for word in ("国家档案局令第8号", "永久", "30年", "10年", "保管期限表", "档案部门", "巡察",
                 "以本单位档案管理规定为准"):
        assert word in section, word
    assert "机关文件材料归档范围和文书档案保管期限规定" in _section(article, "依据")


def test_photo_guidance_and_register_are_where_staff_look(built_site):
    """A seventh writer's gaps: what photos to keep and how (with a register to download), and who
    signs a report when the 书记 is away."""
    article = built_site.article("work-points/responsibility.html")
    section = _section(article, "活动照片")
    for word in ("全景", "拍摄日期", "备份", "同意", "登记"):
        assert word in section, word
    assert "../downloads/ledger-photos.xlsx" in {a["href"] for a in article.select("a[download]")}
    inspection = built_site.article("tasks/inspection.html")
    assert inspection.select_one('a[href="../work-points/responsibility.html#活动照片"]') is not None
    fmt = _section(built_site.article("writing/format.html"), "签发和盖章")
    assert "书记出差了谁签" in fmt and "委托" in fmt


def test_photo_register_columns_and_choices():
    wb = load_workbook(io.BytesIO(build_ledger_xlsx(SITE.get("ledgers", "ledger-photos"))))
    ws = wb.worksheets[0]
    headers = [c.value for c in ws[next(r for r in range(1, 6) if ws.cell(r, 1).value == "序号")]]
    for name in ("拍摄日期", "活动名称", "存放位置", "对外使用", "本人同意"):
        assert name in headers, name
    choices = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert '"不涉及,已征得同意,未同意不外用"' in choices


def test_duty_report_paragraph_is_on_the_responsibility_page(built_site):
    """述职 (an eighth writer's gap): how a leader writes his own part, with a weak and a good
    version whose figures are the annual sample's."""
    article = built_site.article("work-points/responsibility.html")
    section = _section(article, "述职")
    for word in ("本人", "第一责任人", "一岗双责", "会议纪要", "不足", "社区书记"):
        assert word in section, word
    heading = article.select_one('[id="述职"]')
    boxes = [box for box in heading.find_next_siblings("div") if "admonition" in box.get("class", [])][:2]
    assert ["failure" in b["class"] for b in boxes] == [True, False]
    good = boxes[1].get_text()
    annual = " ".join(block.get("p", "") for block in SITE.get("samples", "annual-report")["blocks"])
    for figure in re.findall(r"(\d+)次专题研究|专题党课(\d+)次|对(\d+)个社区", good):
        said = next(f for f in figure if f)
        assert said in annual, f"述职 sample figure {said} is not the annual sample's"
    assert len(re.findall(r"\d+", good)) >= 3
    assert "电子显示屏内容审核记录不全" in annual and "电子显示屏内容审核记录不全" in good
    assert built_site.article("work-points/responsibility.html").select_one('a[href="#述职"]') is not None


def test_ninth_writer_gaps_are_answered_where_staff_look(built_site):
    """A ninth writer's queries no page answered: the three lists told apart on the responsibility
    page (a table with who, what and when), how long a 学习心得 runs and what it holds, and how a
    reading club's books are paid for and registered."""
    article = built_site.article("work-points/responsibility.html")
    section = _section(article, "三张清单")
    rows = [[c.get_text(strip=True) for c in tr.select("td")] for tr in article.select(
        '[id="三张清单"] ~ table tr')][1:4]
    assert [r[0] for r in rows] == ["责任清单", "问题清单", "整改清单"]
    for word in ("哪里不对", "销号", "长效机制"):
        assert word in section, word
    section = _section(built_site.article("work-points/theory.html"), "学习心得")
    for word in ("字数", "以本单位通知为准", "照抄", "台账"):
        assert word in section, word
    text = built_site.article("work-points/culture.html").get_text(" ")
    assert "读书会的书和经费" in text and "凭发票入账" in text and "不向参加的居民收费" in text


def test_what_a_reviewer_checks_in_a_draft_is_on_the_writing_guide(built_site):
    """审稿 (a gap the search rounds found: staff ask what the 分管领导 checks in a draft): the six
    things, with the ledger check and the checker linked."""
    article = built_site.article("writing/index.html")
    section = _section(article, "审稿")
    for word in ("提法", "抽查", "台账", "问题", "口径", "保密", "落款", "批注", "审签单"):
        assert word in section, word
    heading = article.select_one('[id="审稿"]')
    links = {a["href"] for a in heading.find_all_next("a", limit=12)}
    assert any(h.startswith("../checker/ledger.html") for h in links) and any(h.startswith("../checker/") for h in links)


def test_holiday_classes_for_children_are_under_grassroots_talks(built_site):
    """思政课 in the community (a gap the search rounds found): under 基层宣讲, with who teaches, who
    organises and that it counts as a talk."""
    section = _section(built_site.article("work-points/theory.html"), "基层宣讲")
    for word in ("思政课", "寒暑假", "事先审核", "计入宣讲场次"):
        assert word in section, word
