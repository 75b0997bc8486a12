"""Staff words for the guide's words (data/search/vocabulary.yml, issue #19 round 12), searched on the built site
in V8 with its own patched worker and index (as scripts/rank_queries.py does): a word staff use and the pages do
not must still find the page. The queries are this file's own, not taken from a query set."""

from __future__ import annotations

import pytest

from support.modules import load


@pytest.fixture(scope="module")
def search(built_site):
    rank_queries = load("scripts/rank_queries.py", "guide_rank_queries_staff_words")
    return rank_queries.SiteSearch(built_site.path).pages


@pytest.mark.parametrize("query", ["领导嫌总结太虚", "汇报太空洞没内容"])
def test_what_a_returned_report_is_called_finds_the_common_faults(search, query):
    """太虚 / 空洞: the pages say 写得虚, 写得空 (常见毛病, 被退回的材料)."""
    assert search(query)[0] == "writing/common-faults.html"


@pytest.mark.parametrize("query", ["上报前查哪些", "上报前要谁审核"])
def test_before_it_goes_up_is_before_submission(search, query):
    """上报前 / 报上去之前: the pages and the checklists say 报送前."""
    assert search(query)[0] == "checklists/index.html"


def test_this_month_finds_the_calendars_months(search):
    """本月 / 这个月: the calendar's months say 本月还有; the question asks by month (ranking.yml's intent)."""
    assert search("本月有什么节日")[0] == "calendar/index.html"
