"""Every recurring deadline has one wording (data/events deadline_text), used everywhere.

Pages call {{ deadline("<id>") }}; data text uses the same call and is resolved when
the data loads (macros/checks/deadlines.py); the samples are dated within the deadline.
"""

from __future__ import annotations

import re
from dataclasses import replace as dc_replace

import pytest

from conftest import ROOT
from macros.checks.deadlines import CALL, deadline_texts, samples_dated_within_their_deadline
from macros.errors import GuideError
from macros.sitedata import Record, load_site_data
from macros.yamlsource import parse_yaml

# Wordings that the guide used before the deadlines had one source; none may come back.
OLD_VARIANTS = ("六月中旬前", "6月中下旬", "6月20日前报送", "6月20日前后报送（", "1月至2月上旬",
                "次年1月至2月印发", "一周内形成处置情况报告", "处置结束后2个工作日内", "12月上中旬")


def texts():
    for folder in ("docs", "data"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".md", ".yml") and "changelog" not in path.parts:
                yield path, path.read_text(encoding="utf-8")


def test_no_old_deadline_wording_is_left():
    found = [f"{path.relative_to(ROOT)}:{text[:text.index(v)].count(chr(10)) + 1}: {v}"
             for path, text in texts() for v in OLD_VARIANTS if v in text]
    assert not found, "\n".join(found)


def test_every_deadline_call_names_a_known_deadline():
    known = deadline_texts(load_site_data(ROOT))
    assert {"half-year-report", "annual-report", "work-plan", "opinion-incident-report"} <= set(known)
    for path, text in texts():
        for match in CALL.finditer(text):
            assert match.group(1) in known, f"{path.relative_to(ROOT)}: {match.group(0)}"


def test_data_text_is_resolved_when_loaded():
    site = load_site_data(ROOT)
    known = deadline_texts(site)
    for kind in ("events", "templates", "samples"):
        for record in site.all(kind):
            assert "deadline(" not in str(record.data), record.source.path
    assert known["half-year-report"] in site.get("templates", "half-year-report")["when"]
    assert known["opinion-incident-report"] in site.get("templates", "opinion-incident-report")["when"]
    assert site.get("events", "half-year-report")["when_note"] == known["half-year-report"]


def test_pages_state_the_half_year_deadline_through_the_macro():
    for page in ("index.md", "tasks/half-year-report.md", "samples/half-year-report.md",
                 "writing/document-types.md", "work-points/responsibility.md"):
        assert '{{ deadline("half-year-report") }}' in (ROOT / "docs" / page).read_text(encoding="utf-8"), page


@pytest.mark.parametrize("sample_id, date", [("half-year-report", "2026年6月26日"), ("work-plan", "2026年4月2日"),
                                             ("annual-report", "2025年12月26日")])
def test_a_sample_dated_after_its_deadline_stops_the_build(sample_id, date):
    site = load_site_data(ROOT)
    record = site.get("samples", sample_id)
    text = (ROOT / record.source.path).read_text(encoding="utf-8")
    changed = re.sub(r"^date: .*$", f"date: {date}", text, count=1, flags=re.MULTILINE)
    records = {kind: dict(found) for kind, found in site.records.items()}
    records["samples"][sample_id] = Record("samples", sample_id, parse_yaml(changed, record.source.path))
    with pytest.raises(GuideError) as caught:
        samples_dated_within_their_deadline(dc_replace(site, records=records))
    assert caught.value.path == record.source.path and "after the deadline" in caught.value.problem
