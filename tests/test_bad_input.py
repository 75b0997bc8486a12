"""Bad input stops the build with a message naming the file, the line and the fix.

Each case breaks a throw-away copy of the project in one way and builds it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_build
from support.copies import replace


def insert_line(path: Path, after: int, text: str) -> int:
    """Insert ``text`` as a new line after line ``after``; return its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(after, text)
    path.write_text("\n".join(lines), encoding="utf-8")
    return after + 1


def page_after_front_matter(path: Path) -> int:
    """Line number of the last front-matter delimiter of a page."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines.index("---", 1) + 1


CHECKLIST = "data/checklists/before-submission.yml"
PAGE = "docs/guide/how-to-use.md"


def malformed_yaml(root: Path):
    line = replace(root / CHECKLIST, "  - id: own-unit-and-year", "  - id: own-unit-and-year\n   text: [unclosed")
    return CHECKLIST, line + 1, "YAML syntax error"


def unknown_checklist_id(root: Path):
    page = root / PAGE
    line = insert_line(page, page_after_front_matter(page) + 3, '{{ checklist("no-such-list") }}')
    return PAGE, line, "unknown checklist id 'no-such-list'"


def missing_required_field(root: Path):
    line = replace(root / CHECKLIST, "    evidence: 标题、开头、落款、日期四处逐一核对。\n", "")
    return CHECKLIST, line - 2, "missing required field 'evidence'"


def duplicate_item_id(root: Path):
    line = replace(root / CHECKLIST, "  - id: heading-levels", "  - id: no-placeholder")
    return CHECKLIST, line, "duplicate id 'no-placeholder'"


def duplicate_record_id(root: Path):
    copy = root / "data/checklists/before-submission-copy.yml"
    copy.write_text((root / CHECKLIST).read_text(encoding="utf-8"), encoding="utf-8")
    line = next(n for n, text in enumerate(copy.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("id:"))
    return "data/checklists/before-submission-copy.yml", line, "differs from the file name"


def repeated_list_entry(root: Path):
    """A word listed twice: the message names the repeat and its line, not the whole list."""
    line = replace(root / "data/checker/vocabulary.yml", "  - 党课\n", "  - 党课\n  - 党课\n") + 1
    return "data/checker/vocabulary.yml", line, 'repeats item'


def number_cue_before_a_word(root: Path):
    """'#' (a number) is a cue right after a word only; before it the engine would never match it."""
    old = "      - {word: 截止, after: [期限], before: [报名,"
    line = replace(root / "data/checker/usage.yml", old, old.replace("before: [", "before: ['#', "))
    return "data/checker/usage.yml", line, "cue '#' (a number) given before"


def unknown_field(root: Path):
    line = replace(root / CHECKLIST, "    text: 单位名称、年份", "    txet: 单位名称、年份")
    return CHECKLIST, line, "unknown field"


def undefined_variable(root: Path):
    page = root / PAGE
    line = insert_line(page, page_after_front_matter(page) + 5, "{{ unit_name }}")
    return PAGE, line, "'unit_name' is undefined"


def template_syntax_error(root: Path):
    page = root / PAGE
    line = insert_line(page, page_after_front_matter(page) + 4, "{% if page %}")
    return PAGE, line, "template syntax error"


def broken_link(root: Path):
    page = root / PAGE
    line = insert_line(page, page_after_front_matter(page) + 3, "见 [不存在的页面](../no-such-page.md)。")
    return PAGE, line, "no-such-page.md"


def broken_anchor(root: Path):
    page = root / PAGE
    line = insert_line(page, page_after_front_matter(page) + 3, "见 [清单](../checklists/index.md#没有这一节)。")
    return PAGE, line, "does not contain an anchor"


def bad_front_matter_key(root: Path):
    page = root / "docs/work-points/index.md"
    line = replace(page, "basis_as_of: 2026-11", "basis_asof: 2026-11")
    return "docs/work-points/index.md", line, "unknown field"


def policy_page_without_basis(root: Path):
    page = root / "docs/work-points/index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"basis:\n(  - .*\n)+basis_as_of: .*\n", "", text), encoding="utf-8")
    return "docs/work-points/index.md", 1, "must say what it follows"  # the front matter


def templates_folder(root: Path):
    (root / "docs/templates").mkdir()
    (root / "docs/templates/x.md").write_text("# x\n", encoding="utf-8")
    return "docs/templates/", None, "silently leaves this folder out"


def filler_word_that_is_a_synonym(root: Path):
    replace(root / "data/search/filler-words.yml", "filler_words: [怎么,", "filler_words: [台账, 怎么,")
    return "data/search/filler-words.yml", None, "台账 (in data/search/vocabulary.yml)"


def plan_period_off_by_a_year(root: Path):
    line = replace(root / "data/timeline/plan-15.yml", "base_year: 2026", "base_year: 2025")
    return "data/timeline/plan-15.yml", line, "five-year plan periods start five years apart"


def shared_heading_in_two_files(root: Path):
    path = root / "data/search/vocabulary.yml"
    path.write_text(path.read_text(encoding="utf-8") + "shared_heading: {pages: 3, factor: 0.5}\n", encoding="utf-8")
    return "data/search/vocabulary.yml", None, "shared_heading is also set in data/search/ranking.yml"


def pattern_javascript_cannot_read(root: Path):
    """Python reads it, RegExp does not: in a cold build the download worker's V8 finds it (jspatterns.py)."""
    line = replace(root / "data/checker/usage.yml", 'regex: "其它"', 'regex: "(?P<x>其它)"')
    return "data/checker/usage.yml", line, "invalid regular expression"


def admin_level_not_one_word(root: Path):
    """Two suffixes in one entry of the administrative levels (checker/compile.py and engine.js build patterns of them)."""
    line = replace(root / "data/checker/units.yml", "区, 县, 旗]", "区/县, 旗]")
    return "data/checker/units.yml", line, "admin_levels/10: '区/县' does not match"


def context_setting_missing(root: Path):
    """A setting of the context rule left out (checker/compile.py reads each one): named, not a KeyError."""
    path = root / "data/checker/context.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(x for x in lines if not x.startswith("surnames:")), encoding="utf-8")
    at = next(i for i, x in enumerate(lines, 1) if x.startswith("id: context"))
    return "data/checker/context.yml", at, "missing required field 'surnames'"


def phrase_not_a_word(root: Path):
    """A fixed phrase of context.yml that is none of its words (its reason is written beside the word)."""
    line = replace(root / "data/checker/context.yml", "phrases: [提质增效,", "phrases: [无此词组, 提质增效,")
    return "data/checker/context.yml", line, "'无此词组' is not one of the words"


CASES = [malformed_yaml, unknown_checklist_id, missing_required_field, duplicate_item_id, duplicate_record_id,
         unknown_field, undefined_variable, template_syntax_error, broken_link, broken_anchor,
         bad_front_matter_key, policy_page_without_basis, templates_folder, filler_word_that_is_a_synonym,
         plan_period_off_by_a_year, shared_heading_in_two_files, pattern_javascript_cannot_read,
         admin_level_not_one_word, context_setting_missing, repeated_list_entry, number_cue_before_a_word,
         phrase_not_a_word]


@pytest.mark.parametrize("break_it", CASES, ids=[c.__name__ for c in CASES])
def test_bad_input_fails_with_file_line_and_fix(break_it, project_copy, tmp_path):
    path, line, problem = break_it(project_copy)
    result = run_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"build passed despite {break_it.__name__}:\n{output[-2000:]}"
    assert problem in output, output[-3000:]
    where = f"{path}:{line}" if line else path
    assert where in output, f"expected location {where} in:\n{output[-3000:]}"
    assert "What to do" in output or "Aborted with" in output
