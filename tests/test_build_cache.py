"""The build cache (macros/buildcache.py): a value is reused only for the same inputs and the same code."""

from __future__ import annotations

import io
import os
import shutil

import openpyxl

from macros import buildcache
from macros.download_providers import checklist_path
from macros.downloads import collect_downloads
from macros.sitedata import load_site_data
from support import ROOT


def counting_maker(value: bytes):
    calls = []

    def make() -> bytes:
        calls.append(1)
        return value
    return make, calls


def test_same_inputs_are_made_once_and_other_inputs_again(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_BUILD_CACHE_DIR", str(tmp_path / "cache"))
    make, calls = counting_maker(b"bytes")
    assert buildcache.cached(tmp_path, "k", {"a": 1}, make) == b"bytes"
    assert buildcache.cached(tmp_path, "k", {"a": 1}, make) == b"bytes"
    assert len(calls) == 1
    buildcache.cached(tmp_path, "k", {"a": 2}, make)
    buildcache.cached(tmp_path, "other-kind", {"a": 1}, make)
    assert len(calls) == 3


def test_a_change_to_the_code_changes_every_key(tmp_path):
    module = tmp_path / "macros" / "export" / "x.py"
    module.parent.mkdir(parents=True)
    module.write_text("A = 1\n", encoding="utf-8")
    before = buildcache.key_of(tmp_path, "downloads", {"a": 1})
    module.write_text("A = 2\n", encoding="utf-8")
    os.utime(module, ns=(module.stat().st_atime_ns, module.stat().st_mtime_ns + 1_000_000))
    assert buildcache.key_of(tmp_path, "downloads", {"a": 1}) != before


def test_switched_off_it_always_makes(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_BUILD_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("GUIDE_BUILD_CACHE", "off")
    make, calls = counting_maker(b"x")
    buildcache.cached(tmp_path, "k", 1, make)
    buildcache.cached(tmp_path, "k", 1, make)
    assert len(calls) == 2 and not (tmp_path / "cache").exists()


def checklist_texts(site, checklist_id: str) -> list[str]:
    content = collect_downloads(site)[checklist_path(checklist_id)].build()
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value]


def test_an_edited_record_gives_a_new_file_and_an_unchanged_one_is_reused(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("GUIDE_BUILD_CACHE_DIR", str(cache))
    project = tmp_path / "project"
    for folder in ("data", "docs", "macros"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    record = project / "data/checklists/before-submission.yml"

    site = load_site_data(project)
    assert "全文没有残留的 xx、XX、××、*** 和未填写的【】字段。" in checklist_texts(site, "before-submission")
    checklist_texts(site, "responsibility-self-inspection")
    stored = set((cache / "downloads").iterdir())
    assert len(stored) == 2

    record.write_text(record.read_text(encoding="utf-8").replace("全文没有残留", "全文已核对，没有残留"),
                      encoding="utf-8")
    site = load_site_data(project)
    texts = checklist_texts(site, "before-submission")
    assert any(text.startswith("全文已核对，没有残留") for text in texts), "the cached file was served stale"
    checklist_texts(site, "responsibility-self-inspection")
    assert len(set((cache / "downloads").iterdir()) - stored) == 1, \
        "the edited checklist should make one new file, the unchanged one none"
