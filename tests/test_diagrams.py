"""Diagrams: data -> inline SVG, no JavaScript, no remote resources."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from macros.errors import GuideError
from macros.render.diagram import render_diagram, render_year, text_width, wrap, year_rows
from macros.sitedata import load_site_data
from support import ROOT
from support.copies import data_copy

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def site():
    return load_site_data(ROOT)


def svg_of(figure_html: str) -> ET.Element:
    start, end = figure_html.index("<svg"), figure_html.index("</svg>") + len("</svg>")
    return ET.fromstring(figure_html[start:end])


def texts(svg: ET.Element) -> list[str]:
    return [t.text for t in svg.iter(f"{SVG}text")]


def test_wrap_and_width():
    assert text_width("中文", 10) == 20
    assert text_width("ab", 10) == pytest.approx(11)
    lines = wrap("一二三四五六七八九十", 40, 10)
    assert lines == ["一二三四", "五六七八", "九十"]
    assert wrap("一二三四，五", 40, 10) == ["一二三四，", "五"]  # no line starts with punctuation


@pytest.mark.parametrize("diagram_id", ["responsibility", "opinion-flow"])
def test_diagram_svg_has_every_step(site, diagram_id):
    record = site.get("diagrams", diagram_id).data
    html = render_diagram(record)
    svg = svg_of(html)
    words = texts(svg)
    for step in record["steps"]:
        assert step["label"] in words
        if step.get("role"):
            assert step["role"] in words
        assert "".join(w for w in words if w).count(step["note"][:6]) == 1
        assert step["note"] in html  # the text version
    assert svg.find(f"{SVG}title").text == record["title"]
    assert "Microsoft YaHei" in svg.get("font-family") and "Noto Sans CJK SC" in svg.get("font-family")
    assert "<script" not in html and "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert len(list(svg.iter(f"{SVG}rect"))) >= len(record["steps"])


def test_responsibility_chain(site):
    labels = [s["label"] for s in site.get("diagrams", "responsibility")["steps"]]
    roles = [s.get("role") for s in site.get("diagrams", "responsibility")["steps"]]
    assert labels[0] == "街道党工委" and labels[-1] == "社区党组织"
    assert roles[1:4] == ["第一责任人", "直接责任人", "一岗双责"]


def test_opinion_flow_steps(site):
    assert [s["label"] for s in site.get("diagrams", "opinion-flow")["steps"]] == \
        ["监测", "研判", "分级", "处置", "回应", "复盘"]


def test_year_picture_from_events(site):
    events = [r.data for r in site.all("events")]
    rows = year_rows(events, 2027)
    assert any("春节" in label and label.startswith("6日") for _, label, _ in rows[2])
    assert any("党员冬训（续）" == label for _, label, _ in rows[1])
    assert sum(len(v) for v in rows.values()) >= len(events)
    svg = svg_of(render_year(events, 2027))
    words = texts(svg)
    for month in range(1, 13):
        assert f"{month}月" in words
    assert "1日 建党节（七一）" in words


def test_bad_back_edge_names_file_and_line(tmp_path):
    project = data_copy(tmp_path)
    path = project / "data/diagrams/opinion-flow.yml"
    text = path.read_text(encoding="utf-8").replace("  to: monitor", "  to: nowhere")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        load_site_data(project)
    assert caught.value.path == "data/diagrams/opinion-flow.yml"
    assert caught.value.line == text.splitlines().index("  to: nowhere") + 1


def test_diagram_pages_built(built_site):
    article = built_site.article("guide/diagrams.html")
    assert len(article.select("figure.guide-diagram svg")) == 2
    assert article.select_one("#diagram-responsibility") and article.select_one("#diagram-opinion-flow")
    calendar = built_site.article("calendar/index.html")
    assert calendar.select_one("figure.guide-year svg") is not None
    assert not built_site.soup("guide/diagrams.html").select('script[src*="mermaid"]')


def test_diagrams_render_offline_in_print(built_site, page):
    """The pictures show without network and keep their size when printed."""
    page.page.goto((built_site.path / "guide/diagrams.html").as_uri())
    page.page.emulate_media(media="print")
    box = page.page.locator("#diagram-opinion-flow svg").bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
