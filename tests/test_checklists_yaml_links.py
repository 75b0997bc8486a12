"""Unit tests (no MkDocs) of what every page is built from: YAML read with line numbers, checklists (Markdown and
workbook), relative links and sizes, policy stamps, deterministic zips."""

from __future__ import annotations

import io
import zipfile

import pytest

from macros.errors import GuideError
from macros.export.checklist_xlsx import build_checklist_xlsx
from macros.export.deterministic import FIXED_ZIP_TIME, normalize_zip
from macros.links import human_size, relative
from macros.render.checklist import item_anchor, render_checklist
from macros.render.page_meta import (
    as_of_label,
    insert_after_title,
    render_basis_footer,
    render_policy_header,
    render_questions,
)
from macros.sitedata import Record
from macros.yamlsource import parse_yaml


def make_checklist(items):
    source = parse_yaml("id: demo\ntitle: 演示清单\nsummary: 测试用。\nitems: []\n", "data/checklists/demo.yml")
    data = dict(source.data, items=items)
    return Record("checklists", "demo", type(source)(source.path, data, source.lines))


ITEMS = [
    {"id": "a", "text": "制定年度学习计划。", "evidence": "计划文本", "frequency": "每年1次", "points": ["theory"]},
    {"id": "b", "text": "每季度研判一次。", "evidence": "研判报告", "points": ["responsibility"]},
]


def test_yaml_lines_point_at_values():
    source = parse_yaml("id: x\nitems:\n  - id: a\n    text: 好\n", "f.yml")
    assert source.line_of(("items", 0, "text")) == 4
    assert source.line_of(("items", 0, "missing")) == 3  # nearest parent


def test_yaml_keeps_dates_as_written_and_rejects_duplicate_keys():
    assert parse_yaml("date: 2026-11-22\n", "f.yml").data == {"date": "2026-11-22"}
    with pytest.raises(GuideError) as info:
        parse_yaml("a: 1\nb: 2\na: 3\n", "f.yml")
    assert info.value.line == 3 and "duplicate key 'a'" in info.value.problem


def test_front_matter_offset_is_kept_in_lines():
    source = parse_yaml("title: x\nbasis: [a]\n", "docs/p.md", first_line=2)
    assert source.line_of(("basis",)) == 3


def test_checklist_renders_task_items_with_anchors_and_evidence():
    md = render_checklist(make_checklist(ITEMS))
    assert md.count("- [ ] ") == 2
    assert f'id="{item_anchor("demo", "a")}"' in md
    assert "留存材料：计划文本" in md and "频次：每年1次" in md


def test_checklist_filtered_by_point_links_to_full_list():
    md = render_checklist(make_checklist(ITEMS), point="theory", source_link="../checklists/index.md#demo")
    assert "制定年度学习计划" in md and "每季度研判" not in md
    assert "以上1项摘自[《演示清单》](../checklists/index.md#demo)，全文共2项。\n{: .ck-source }" in md


def test_checklist_unknown_point_or_empty_selection_is_an_error():
    with pytest.raises(ValueError, match="unknown work point"):
        render_checklist(make_checklist(ITEMS), point="sports")
    with pytest.raises(ValueError, match="no item tagged"):
        render_checklist(make_checklist(ITEMS), point="credit")


def test_relative_links_between_pages():
    assert relative("checklists/index.md#x", "work-points/theory.md") == "../checklists/index.md#x"
    assert relative("downloads/a.xlsx", "index.md") == "downloads/a.xlsx"
    assert relative("changelog.md", "changelog.md") == "changelog.md"


def test_human_size():
    assert human_size(300) == "1 KB" and human_size(20 * 1024) == "20 KB" and human_size(3 * 1024 * 1024) == "3.0 MB"


def test_policy_stamp_and_basis_section():
    assert as_of_label("2026-03") == "2026年3月"
    assert render_policy_header("2026-11", "2026-11-22", "新增") == \
        '<p class="page-stamp" data-search-exclude>依据截至 2026年11月 ｜ 最后更新 2026-11-22（新增）</p>\n'
    footer = render_basis_footer(["《甲》", "《乙》"], "2026-11")
    assert footer.startswith("## 依据") and "- 《甲》" in footer and "依据截至 2026年11月" in footer
    assert insert_after_title("# T\n正文", "X").split("\n")[:3] == ["# T", "", "X"]


def test_normalized_zip_is_stable_and_fixed_in_time():
    def make(order):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            for name in order:
                z.writestr(name, name)
        return buffer.getvalue()
    a = normalize_zip(make(["b.xml", "[Content_Types].xml", "a.xml"]))
    b = normalize_zip(make(["a.xml", "b.xml", "[Content_Types].xml"]))
    assert a == b
    infos = zipfile.ZipFile(io.BytesIO(a)).infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {FIXED_ZIP_TIME}


def test_checklist_workbook_is_byte_identical_across_builds():
    record = make_checklist(ITEMS)
    assert build_checklist_xlsx(record) == build_checklist_xlsx(record)


def test_questions_line_lists_each_question_and_stays_out_of_the_search_text():
    html = render_questions(["半年汇报啥时候交？", "a<b？"])
    assert html.startswith('<p class="page-answers" data-search-exclude><strong>本页回答：</strong>')
    assert html.count('class="page-answers__q"') == 2 and "a&lt;b？" in html
    assert render_questions([]) == ""
