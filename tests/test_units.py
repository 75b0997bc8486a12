"""The fictional units' records (data/units) and the samples agree, figure by figure.

Each unit record keeps a fact once (社区数 9, 居民微信群 612, 中心组学习 in 2026-H1 6 …)
with the patterns that find it in a sentence; macros/checks/units.py stops the build
when a sample or a work-point example table writes another figure. These tests list
every disagreement, make sure no pattern is dead, and show that a changed figure
fails naming the sample file and line.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace as dc_replace

import pytest

from conftest import ROOT
from macros.checks.units import (
    fact_patterns,
    page_sentences,
    sample_sentences,
    samples_agree_with_units,
    unit_disagreements,
)
from macros.errors import GuideError
from macros.sitedata import KINDS, Record, SiteData, _load_kind
from macros.yamlsource import parse_yaml


@functools.lru_cache(maxsize=1)
def raw_site() -> SiteData:
    """Every record, validated against its schema, without the cross-record checks:
    so that a disagreement is listed by the tests below instead of stopping the collection."""
    return SiteData(ROOT, {folder: _load_kind(ROOT, folder, schema) for folder, schema in KINDS.items()})


def units():
    return raw_site().all("units")


@pytest.mark.parametrize("unit", [u.id for u in units()])
def test_every_sample_agrees_with_the_unit_record(unit):
    site = raw_site()
    found = unit_disagreements(site.get("units", unit), site)
    assert not found, "\n".join(d.message() for d in found)


@pytest.mark.parametrize("unit", [u.id for u in units()])
def test_every_recorded_figure_is_written_somewhere(unit):
    """A pattern that finds nothing would let a wrong figure pass: every figure is found at least once."""
    site = raw_site()
    record = site.get("units", unit)
    sentences = [s for sid in record["samples"] for s in sample_sentences(site.get("samples", sid))]
    sentences += [s for page in record.get("pages", []) for s in page_sentences(ROOT, page)]
    wanted = {(fact, spec["value"]) for fact, spec in record["facts"].items() if "value" in spec}
    wanted |= {(fact, value) for period in record.get("periods", {}).values() for fact, value in period["figures"].items()}
    for fact, value in sorted(wanted):
        patterns = fact_patterns(site, record["facts"][fact])
        assert any(int(m.group(1)) == value for s in sentences for p in patterns for m in re.finditer(p, s.text)), \
            f"data/units/{unit}.yml: {fact} = {value} is not written in any of its samples or pages"


def test_every_unit_sample_is_signed_by_the_unit():
    site = raw_site()
    for unit in site.all("units"):
        for sid in unit["samples"]:
            assert site.get("samples", sid)["signature"] == unit["full_name"], sid


def _with_sample_text(site: SiteData, sample_id: str, old: str, new: str) -> tuple[SiteData, int]:
    record = site.get("samples", sample_id)
    path = ROOT / record.source.path
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    source = parse_yaml(text.replace(old, new, 1), record.source.path)
    records = {kind: dict(found) for kind, found in site.records.items()}
    records["samples"][sample_id] = Record("samples", sample_id, source)
    return dc_replace(site, records=records), line


@pytest.mark.parametrize("sample_id, old, new, label", [
    ("half-year-report", "理论学习中心组集体学习6次", "理论学习中心组集体学习7次", "理论学习中心组集体学习次数"),
    ("work-plan", "辖区登记的612个居民微信群", "辖区登记的63个居民微信群", "登记的居民微信群数"),
    ("rectification-report", "上半年2次专题研究意识形态工作", "上半年1次专题研究意识形态工作", "党工委专题研究意识形态工作次数"),
    ("annual-report", "注册志愿者达到3260人", "注册志愿者达到7420人", "注册志愿者人数"),
])
def test_a_changed_figure_stops_the_build_at_its_line(sample_id, old, new, label):
    site, line = _with_sample_text(raw_site(), sample_id, old, new)
    with pytest.raises(GuideError) as caught:
        samples_agree_with_units(site)
    assert caught.value.path == f"data/samples/{sample_id}.yml"
    assert caught.value.line == line
    assert label in caught.value.problem and "data/units/shili-street.yml" in caught.value.problem
