"""The local layer (GUIDE_LOCAL): the example edition built for real, and the loader's errors.

One strict build of examples/local-edition (module scope); everything else calls the loader
(macros/local.py through load_site_data) directly, without a build.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from conftest import ROOT, BuiltSite, run_build
from macros.errors import GuideError
from macros.local import file_hash, guide_release, insert_in_nav, local_pages, status_lines
from macros.render.local import render_local_edition_page
from macros.sitedata import load_site_data

EXAMPLE = ROOT / "examples" / "local-edition"
DISTRICT_SUPERIOR = "中共示例市青溪区委宣传部"
STREET_UNITS = ("中共示例市青溪区青溪街道工作委员会", "中共示例市青溪区柳岸街道工作委员会")


@pytest.fixture(scope="module")
def local_site(tmp_path_factory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("site-local")
    before = os.environ.get("GUIDE_LOCAL")
    os.environ["GUIDE_LOCAL"] = "examples/local-edition"  # relative to the project, as the deploy page says
    try:
        result = run_build(ROOT, site_dir)
    finally:
        if before is None:
            del os.environ["GUIDE_LOCAL"]
        else:
            os.environ["GUIDE_LOCAL"] = before
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"strict build of the local edition failed:\n{log[-4000:]}"
    return BuiltSite(site_dir, log)


# --- the example edition, built ------------------------------------------------

def test_site_name_and_logo(local_site):
    soup = local_site.soup("index.html")
    assert soup.title.text.endswith("青溪区街道社区宣传思想工作指南")
    logo = soup.select_one("a.md-logo img")
    assert logo is not None and logo["src"].endswith("assets/local/qingxi-logo.svg")
    local_site.file("assets/local/qingxi-logo.svg")


def test_local_page_in_nav_at_its_place(local_site):
    soup = local_site.soup("index.html")
    hrefs = [a["href"] for a in soup.select("nav.md-nav--primary a.md-nav__link[href]")
             if not a["href"].startswith("#")]
    theory = hrefs.index("work-points/theory.html")
    assert hrefs[theory + 1] == "qingxi/arrangements.html", hrefs[theory - 2: theory + 3]
    assert "青溪区报送和学习安排" in local_site.article("qingxi/arrangements.html").text
    assert "local-edition.html" in local_site.html("index.html")


def test_local_page_in_search_index(local_site):
    index = json.loads(local_site.html("search/search_index.json"))
    docs = {d["location"]: d for d in index["docs"]}
    assert "qingxi/arrangements.html" in docs
    assert any(loc.startswith("qingxi/arrangements.html#") for loc in docs)


def test_templates_carry_the_units(local_site):
    from docx import Document

    for name in ("half-year-report", "annual-report", "study-plan"):
        document = Document(io.BytesIO(local_site.file(f"downloads/{name}.docx").read_bytes()))
        text = "\n".join(p.text for p in document.paragraphs)
        for unit in STREET_UNITS:
            assert unit in text, (name, unit)
        assert "中共中共" not in text and "工作委员会工作委员会" not in text
        if name != "study-plan":
            assert DISTRICT_SUPERIOR in text and "【填写：上级机关】" not in text
    page = local_site.article("doc-templates/half-year-report.html").text
    assert DISTRICT_SUPERIOR in page


def test_local_deadline_on_task_page_and_calendar(local_site):
    box = local_site.article("tasks/half-year-report.html").select_one(".admonition.info")
    assert box is not None and "本区规定" in box.text
    assert "6月15日" in box.text and "青宣通〔2026〕5号" in box.text and "2026年3月2日" in box.text
    ics = local_site.html("downloads/calendar.ics").replace("\r\n ", "")
    event = ics.split("UID:half-year-report@")[0].rsplit("BEGIN:VEVENT", 1)[1]
    assert "DTSTART;VALUE=DATE:20260615" in event
    assert "20260620" not in event


def test_local_rules_marked_with_source_and_date(local_site):
    rule = local_site.article("work-points/theory.html").select_one(".guide-local-rule")
    assert rule is not None
    assert rule.text.startswith("本区规定：") and "青宣〔2026〕3号" in rule.text and "2026年2月16日" in rule.text
    assert "以本区的年度安排为准" not in local_site.article("work-points/theory.html").text
    assert "8分" in local_site.article("work-points/responsibility.html").select_one(".guide-local-rule").text


def test_checker_knows_the_local_timeline_entry(local_site):
    data = json.loads(local_site.html("downloads/checker-data.json"))
    entries = {t["id"]: t for t in data["timeline"]}
    assert entries["campaign-qingxi-qingfeng"]["match"] == ["清风进社区"]


def test_checker_knows_the_unit_names(local_site, data):
    """The names of settings.yml, whole and short, are the local checker's known names; the plain guide has none."""
    names = json.loads(local_site.html("downloads/checker-data.json"))["known_names"]
    for name in ("示例市青溪区", "青溪区", "青溪", "青溪街道", "柳岸", "荷塘社区", "荷塘", "新码头"):
        assert name in names, name
    assert "known_names" not in data


def test_check_report_under_the_layer_leaves_its_names_alone(layer, tmp_path):
    """check_report.py run under a layer: a 街道 added to settings.yml is no typo there, written
    whole or short, and the compiled data follows the change of settings.yml."""
    import subprocess

    draft = tmp_path / "draft.txt"
    draft.write_text("今年以来，灵沼认真部暑全年宣传思想工作。\n", encoding="utf-8")  # 灵沼: a fictional place

    def typos() -> list[tuple]:
        result = subprocess.run([sys.executable, "scripts/check_report.py", str(draft), "--json"], cwd=ROOT,
                                env={**os.environ, "GUIDE_LOCAL": str(layer)}, capture_output=True, text=True,
                                timeout=300, check=False)
        assert result.returncode in (0, 1), result.stderr
        return [(f["rule"], f["column"]) for f in json.loads(result.stdout)["findings"]]

    assert typos() == [("typo-context", 6), ("typo-context", 10)]
    settings = layer / "settings.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("- name: 柳岸街道", "- name: 灵沼街道"),
                        encoding="utf-8")
    assert typos() == [("typo-context", 10)]  # 部暑 is still found


def test_edition_page_lists_units_contacts_and_rules(local_site):
    text = local_site.article("local-edition.html").text
    for expected in ("柳岸街道", "新码头社区", "内线8021", "青宣〔2026〕3号", "此后没有改动"):
        assert expected in text, expected
    assert "local layer examples/local-edition: 1 override(s), 3 added record(s)" in local_site.log


# --- the loader, without a build ------------------------------------------------

def test_plain_guide_has_no_layer():
    site = load_site_data(ROOT, "")
    assert site.layer is None and site.records["local-rules"] == {}
    assert site.get("templates", "half-year-report")["addressee"] == "【填写：上级机关】"
    assert site.get("events", "half-year-report")["date"] == "06-20"


@pytest.fixture
def guide_copy(tmp_path) -> Path:
    """The guide's data/ copied (editable) with docs/ linked: enough for load_site_data."""
    root = tmp_path / "guide"
    shutil.copytree(ROOT / "data", root / "data")
    (root / "docs").symlink_to(ROOT / "docs")
    return root


def test_guide_update_under_an_override_is_reported_with_both_dates(guide_copy):
    site = load_site_data(guide_copy, str(EXAMPLE))
    assert [o.id for o in site.layer.overrides] == ["half-year-report"] and not site.layer.changed
    # the update: a new release changes the guide's record that the layer replaces
    record = guide_copy / "data/events/half-year-report.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("remind_days: 10", "remind_days: 12"),
                      encoding="utf-8")
    release = (guide_copy / "data/changelog/2026-12-04.yml").read_text(encoding="utf-8")
    (guide_copy / "data/changelog/2026-12-20.yml").write_text(
        release.replace("2026-12-04", "2026-12-20"), encoding="utf-8")
    site = load_site_data(guide_copy, str(EXAMPLE))
    [changed] = site.layer.changed
    assert (changed.based_on_date, changed.guide_date) == ("2026-12-04", "2026-12-20")
    assert changed.guide_sha == file_hash(record) != changed.based_on_sha
    report = "\n".join(status_lines(site.layer))
    assert "CHANGED" in report and "based on 2026-12-04" in report and "guide now 2026-12-20" in report
    assert f'sha256: "{changed.guide_sha}"' in report  # the based_on to write once reconciled
    page = render_local_edition_page(site)
    assert "2026-12-04" in page and "2026-12-20" in page and "half-year-report.yml" in page
    # the local record still wins
    assert site.get("events", "half-year-report")["date"] == "06-15"


def test_local_status_command_exits_zero():
    import subprocess

    result = subprocess.run([sys.executable, "scripts/guide.py", "local-status", "--local", "examples/local-edition"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "unchanged events/half-year-report" in result.stdout


@pytest.fixture
def layer(tmp_path) -> Path:
    """An editable copy of the example layer."""
    dest = tmp_path / "layer"
    shutil.copytree(EXAMPLE, dest)
    return dest


def _error(root: Path, layer: Path) -> GuideError:
    with pytest.raises(GuideError) as caught:
        load_site_data(root, str(layer))
    return caught.value


def test_malformed_yaml_names_file_and_line(layer):
    (layer / "data/events/bad.yml").write_text("id: bad\ntitle: [unclosed\ncategory: 工作节点\n", encoding="utf-8")
    error = _error(ROOT, layer)
    assert error.path.endswith("data/events/bad.yml") and error.line in (2, 3), error.message
    assert "YAML syntax error" in error.problem


def test_unknown_kind_names_file_and_line(layer):
    (layer / "data/event").mkdir()
    (layer / "data/event/extra.yml").write_text("id: extra\n", encoding="utf-8")
    error = _error(ROOT, layer)
    assert error.path.endswith("data/event/extra.yml") and error.line == 1
    assert "unknown kind 'event'" in error.problem and "events" in error.fix


def test_override_of_a_missing_guide_id_says_so(layer):
    moved = layer / "data/events/half-year-report.yml"
    text = moved.read_text(encoding="utf-8").replace("id: half-year-report", "id: half-year-report-old")
    moved.unlink()
    (layer / "data/events/half-year-report-old.yml").write_text(text, encoding="utf-8")
    error = _error(ROOT, layer)
    assert error.path.endswith("data/events/half-year-report-old.yml")
    assert error.line == next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith("based_on"))
    assert "no longer has events/half-year-report-old" in error.problem


def test_guide_id_without_based_on_is_refused(layer):
    record = layer / "data/events/half-year-report.yml"
    lines = [line for line in record.read_text(encoding="utf-8").splitlines() if not line.startswith("based_on")]
    record.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = _error(ROOT, layer)
    assert error.path.endswith("data/events/half-year-report.yml") and error.line
    assert "this id is the guide's" in error.problem
    assert file_hash(ROOT / "data/events/half-year-report.yml") in error.fix


def test_local_record_follows_its_kinds_schema(layer):
    record = layer / "data/local-rules/study-frequency.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("date: 2026-02-16", "date: 2026年2月16日"),
                      encoding="utf-8")
    error = _error(ROOT, layer)
    assert error.path.endswith("data/local-rules/study-frequency.yml") and error.line == 5


def test_page_clash_names_the_local_file(layer):
    clash = layer / "docs/work-points/theory.md"
    clash.parent.mkdir(parents=True)
    clash.write_text("---\ntitle: 理论\nnav: {section: 工作要点}\n---\n\n# 理论\n", encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        local_pages(ROOT, layer, ROOT / "docs")
    assert caught.value.path.endswith("docs/work-points/theory.md") and caught.value.line == 1
    assert "already has a page docs/work-points/theory.md" in caught.value.problem


def test_nav_place_that_does_not_exist_names_the_line(layer):
    page = layer / "docs/qingxi/arrangements.md"
    page.write_text(page.read_text(encoding="utf-8").replace("section: 工作要点", "section: 工作重点"),
                    encoding="utf-8")
    [local] = local_pages(ROOT, layer, ROOT / "docs")
    with pytest.raises(GuideError) as caught:
        insert_in_nav([{"工作要点": ["work-points/index.md", {"理论武装": "work-points/theory.md"}]}], local)
    assert caught.value.line == 5 and "no nav section '工作重点'" in caught.value.problem


def test_package_name_carries_the_slug():
    sys.path.insert(0, str(ROOT / "scripts"))
    import package_site

    assert package_site.local_slug("examples/local-edition") == "qingxi"
    assert package_site.local_slug("") is None
    assert package_site.zip_name(package_site.dt.date(2026, 12, 4), "qingxi") == "guide-site-qingxi-2026-12-04.zip"


def test_local_rule_no_page_shows_is_refused(layer):
    (layer / "data/local-rules/study-frequncy.yml").write_text(
        "id: study-frequncy\ntext: 每月学习1次。\nsource: 《某文件》\ndate: 2026-02-16\n", encoding="utf-8")
    error = _error(ROOT, layer)
    assert error.path.endswith("data/local-rules/study-frequncy.yml") and error.line == 1
    assert "no page shows the local rule 'study-frequncy'" in error.problem and "study-frequency" in error.fix


def test_bad_settings_name_file_and_line(layer):
    settings = layer / "settings.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("slug: qingxi", "slug: 青溪"), encoding="utf-8")
    error = _error(ROOT, layer)
    assert error.path.endswith("settings.yml") and error.line == 4 and "slug" in error.problem


def test_build_with_a_changed_guide_record_passes_and_says_so(tmp_path, monkeypatch):
    """A layer outside the project whose override predates a guide change: strict build passes, log and page tell."""
    layer = tmp_path / "layer"
    shutil.copytree(EXAMPLE, layer)
    record = layer / "data/events/half-year-report.yml"
    text = record.read_text(encoding="utf-8")
    old = re.search(r"^based_on: .*$", text, re.MULTILINE)
    assert old, "the example override has no based_on line"
    record.write_text(text.replace(old.group(0), 'based_on: {date: 2026-11-22, sha256: "000000000000"}'),
                      encoding="utf-8")
    site_dir = tmp_path / "site"
    monkeypatch.setenv("GUIDE_LOCAL", str(layer))
    result = run_build(ROOT, site_dir)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-3000:]
    release = guide_release(ROOT)  # the newest data/changelog file: every release moves it
    assert "CHANGED   events/half-year-report" in log and f"based on 2026-11-22; guide now {release}" in log
    page = BuiltSite(site_dir, log).article("local-edition.html").text
    assert "2026-11-22" in page and release in page and "half-year-report.yml" in page
