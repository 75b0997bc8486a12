"""Template and ledger data: loader checks with file and line, pages, downloads."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from macros import GuideMacros
from macros.errors import GuideError
from macros.render.templates import render_template_page
from macros.sitedata import load_site_data
from support import ROOT
from support.copies import data_copy, replace

AGREED = {
    "half-year-report": ["opening", "achievements", "problems", "next-steps"],
    "annual-report": ["opening", "achievements", "problems", "next-steps"],
    "responsibility-self-inspection-report": ["opening", "self-check", "problems", "rectification"],
    "work-plan": ["guiding-principles", "tasks", "safeguards", "task-table"],
    "situation-analysis": ["opening", "overall", "risks", "measures"],
    "opinion-incident-report": ["opening", "event", "handling", "review"],
    "study-plan": ["guiding-principles", "topics", "methods"],
    "civilization-activity-plan": ["purpose", "arrangements", "safeguards"],
    "rectification-report": ["opening", "progress", "mechanisms", "next-steps"],
    "activity-brief": ["lead", "body", "ending", "source"],
}


def test_agreed_templates_and_section_ids():
    site = load_site_data(ROOT)
    assert {r.id: [s["id"] for s in r["sections"]] for r in site.all("templates")} == AGREED


def test_unknown_field_fails_with_file_and_line(tmp_path):
    root = data_copy(tmp_path)
    path = root / "data/templates/half-year-report.yml"
    line = replace(path, "      - p: 特此报告。", "      - p: 特此报告【填写：不存在的字段】。")
    with pytest.raises(GuideError) as info:
        load_site_data(root)
    assert info.value.path == "data/templates/half-year-report.yml"
    assert info.value.line == line
    assert "【填写：不存在的字段】" in info.value.problem and "fields" in info.value.fix


def test_unused_field_fails_at_its_declaration(tmp_path):
    root = data_copy(tmp_path)
    path = root / "data/templates/study-plan.yml"
    line = replace(path, "      - p: 根据【填写：上级学习安排名称】，", "      - p: 根据上级安排，")
    text = path.read_text(encoding="utf-8").split("\n")
    declared = next(n for n, line in enumerate(text, 1) if "label: 上级学习安排名称" in line)
    with pytest.raises(GuideError) as info:
        load_site_data(root)
    assert (info.value.path, info.value.line) == ("data/templates/study-plan.yml", declared)
    assert line != declared


@pytest.mark.parametrize("old,new,problem", [
    ("      - h1: 二、存在的问题", "      - h1: 三、存在的问题", "expected 2"),
    ("【填写：问题一】", "【填写:问题一】", "malformed"),
    ("checklists: [before-submission]", "checklists: [no-such-list]", "unknown checklist"),
    ("  ledgers: [ledger-study, ledger-opinion, ledger-positions]", "  ledgers: [ledger-nothing]", "unknown ledger"),
])
def test_bad_template_fails_at_its_line(tmp_path, old, new, problem):
    root = data_copy(tmp_path)
    path = root / "data/templates/half-year-report.yml"
    line = replace(path, old, new)
    with pytest.raises(GuideError) as info:
        load_site_data(root)
    assert info.value.path == "data/templates/half-year-report.yml"
    assert info.value.line == line and problem in info.value.problem


def test_ledger_example_outside_choices_fails(tmp_path):
    root = data_copy(tmp_path)
    path = root / "data/ledgers/ledger-study.yml"
    line = replace(path, "专题研讨, 党工委书记", "座谈, 党工委书记")
    with pytest.raises(GuideError) as info:
        load_site_data(root)
    assert (info.value.path, info.value.line) == ("data/ledgers/ledger-study.yml", line)


def test_page_render_shows_parts_fields_examples():
    site = load_site_data(ROOT)
    record = site.get("templates", "half-year-report")
    md = render_template_page(record, checklists=["CHECKLIST"], sample_link="../samples/x.md", ledger_links=["L"])
    for section in record["sections"]:
        assert f"{{ #{section['id']} }}" in md and section["example"] in md
        assert all(m in md for m in section["must"])
    for field in record["fields"]:
        assert f"【填写：{field['label']}】" in md and field["help"] in md
    assert "CHECKLIST" in md and "../samples/x.md" in md


def test_built_pages_link_downloads_and_checklists(built_site):
    site = load_site_data(ROOT)
    index = built_site.article("doc-templates/index.html")
    hrefs = {a["href"] for a in index.select("a[href]")}
    for record in site.all("templates"):
        assert f"../downloads/{record.id}.docx" in hrefs
        article = built_site.article(f"doc-templates/{record.id}.html")
        links = [a for a in article.select("a[download]")]
        assert any(a["href"] == f"../downloads/{record.id}.docx" for a in links)
        for section in record["sections"]:
            assert article.select_one(f"#{section['id']}") is not None
        for checklist in record["checklists"]:
            assert article.select(f'[id^="ck-{checklist}-"]'), checklist
        assert "依据截至 2026年11月" in article.get_text()
    for record in site.all("ledgers"):
        assert f"../downloads/{record.id}.xlsx" in hrefs


def test_template_whose_sample_has_no_page_fails_with_file_and_line(tmp_path):
    """A template's related sample needs its page: no quiet link to the samples index instead."""
    site = load_site_data(ROOT)
    page = SimpleNamespace(src_uri="doc-templates/half-year-report.md", abs_src_path="")
    env = SimpleNamespace(conf={"docs_dir": str(tmp_path / "docs")}, page=SimpleNamespace(file=page))
    macros = GuideMacros(env, tmp_path, site)  # a project root whose docs/ has no sample pages
    with pytest.raises(GuideError) as info:
        macros.sample_link(site.get("templates", "half-year-report"))
    text = (ROOT / "data/templates/half-year-report.yml").read_text(encoding="utf-8")
    assert info.value.path == "data/templates/half-year-report.yml"
    assert info.value.line == text[: text.index("  sample: half-year-report")].count("\n") + 1
    assert "docs/samples/half-year-report.md does not exist" in info.value.problem
    assert GuideMacros(env, ROOT, site).sample_link(site.get("templates", "half-year-report")) == \
        "../samples/half-year-report.md"
