"""The search query sets (tests/data/search-queries*.yml) that scripts/rank_queries.py scores: each
loads, has a kind from the known ones where it has kinds, and names answering pages that exist, so a
renamed or removed page fails here instead of quietly lowering a figure in an issue note."""

from __future__ import annotations

import importlib.util

import pytest

from support import ROOT
from support.search_ui import load_judged

spec = importlib.util.spec_from_file_location("rank_queries", ROOT / "scripts" / "rank_queries.py")
rank_queries = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rank_queries)
SETS = rank_queries.SETS
KINDS = {"term", "question", "colloquial", "format", "checking", "typo"}


def test_every_query_set_file_is_scored():
    on_disk = sorted(p.name for p in (ROOT / "tests" / "data").glob("search-queries*.yml"))
    assert sorted(SETS) == on_disk


@pytest.mark.parametrize("name", SETS)
def test_query_set_names_pages_that_exist(name):
    cases = load_judged(ROOT / "tests" / "data" / name)
    assert len(cases) >= 50
    for case in cases:
        assert str(case["query"]).strip(), case
        if "kind" in case:
            assert case["kind"] in KINDS, case
        for page in case["pages"]:
            assert page.endswith(".html") and (ROOT / "docs" / page.replace(".html", ".md")).is_file(), (name, case)
