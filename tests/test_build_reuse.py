"""What a build keeps from the last one: jieba's segmentation of the search index (macros/search/segment.py),
compiled theme templates (macros/templatecache.py); each looked up by content, so an edit is never missed."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import jieba
import jinja2

from conftest import build_env
from macros import buildcache
from macros.memo import Memo
from macros.render.tooltips import TooltipMarker, tooltips_from_terms
from macros.search import segment
from macros.search.segment import Segments, use_user_dictionary
from macros.templatecache import TemplateCache
from support import ROOT


def counting(calls: list):
    def cut(text: str) -> str:
        calls.append(text)
        return f"<{text}>"
    return cut


def test_segments_are_made_once_per_text_and_again_for_a_changed_text(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_BUILD_CACHE_DIR", str(tmp_path / "cache"))
    calls: list = []
    segments = Segments()
    for texts in (["甲", "乙", "甲"], ["甲", "乙"], ["甲", "乙改"]):  # three builds in one process
        segments.begin_build(tmp_path, "dictionary 1")
        cut = segments.wrap(counting(calls))
        assert [cut(t) for t in texts] == [f"<{t}>" for t in texts]
        segments.end(tmp_path)
    assert calls == ["甲", "乙", "乙改"]


def test_segments_are_kept_in_the_build_cache_per_dictionary(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_BUILD_CACHE_DIR", str(tmp_path / "cache"))
    calls: list = []
    first = Segments()
    first.begin_build(tmp_path, "dictionary 1")
    first.wrap(counting(calls))("甲乙")
    first.end(tmp_path)
    stored = buildcache.get(tmp_path, segment.CACHE_KIND, "dictionary 1")
    assert json.loads(stored) == {"甲乙": "<甲乙>"}

    later = Segments()  # the next build process
    later.begin_build(tmp_path, "dictionary 1")
    assert later.wrap(counting(calls))("甲乙") == "<甲乙>" and calls == ["甲乙"]
    later.begin_build(tmp_path, "dictionary 2")  # another user dictionary: nothing known
    later.wrap(counting(calls))("甲乙")
    assert calls == ["甲乙", "甲乙"]


def test_the_user_dictionary_is_loaded_once_and_a_new_one_replaces_it(tmp_path, monkeypatch):
    monkeypatch.setitem(segment._loaded, "key", None)
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("网格宣讲员\n", encoding="utf-8")
    second.write_text("楼栋宣讲点\n", encoding="utf-8")
    try:
        key = use_user_dictionary(first, "网格宣讲员\n")
        total = jieba.dt.total
        assert use_user_dictionary(first, "网格宣讲员\n") == key and jieba.dt.total == total  # not added again
        assert "网格宣讲员" in jieba.lcut("请网格宣讲员到场")
        use_user_dictionary(second, "楼栋宣讲点\n")
        assert "楼栋宣讲点" in jieba.lcut("设在楼栋宣讲点")
        assert "网格宣讲员" not in jieba.dt.FREQ  # the old user words are gone
    finally:
        with jieba.dt.lock:
            jieba.dt.initialized = False
        jieba.dt.initialize()
        segment._loaded["key"] = None


def test_compiled_templates_are_reused_until_the_source_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_BUILD_CACHE_DIR", str(tmp_path / "cache"))
    sources = {"page.html": "<p>{{ title }}</p>"}

    def render(cache: TemplateCache) -> str:
        env = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=cache.for_root(tmp_path))
        return env.get_template("page.html").render(title="标题")

    cache = TemplateCache()
    assert render(cache) == "<p>标题</p>" and cache.compiled == 1
    assert render(cache) == "<p>标题</p>" and cache.compiled == 0  # next build, same process
    fresh = TemplateCache()  # next process: from the build cache
    assert render(fresh) == "<p>标题</p>" and fresh.compiled == 0
    sources["page.html"] = "<h1>{{ title }}</h1>"
    assert render(cache) == "<h1>标题</h1>" and cache.compiled == 1


REBUILD = textwrap.dedent("""
    import json, re, sys, tempfile
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    project, site = Path(sys.argv[1]), Path(tempfile.mkdtemp())
    def rebuild(first=False):  # what mkdocs serve does on every change
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
        if first:
            config.plugins.on_startup(command="serve", dirty=False)
        build(config)
        index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        hook = config.plugins["hooks/search.py"]
        from macros.pagerender import RENDERS
        return {"pages": hook.PAGE_ENTRIES.made, "texts": hook.SEGMENTS.made, "converted": RENDERS.made,
                "index": " ".join(d["text"] for d in index["docs"]).replace("\\u200b", ""),
                "page": (site / "checklists" / "index.html").read_text(encoding="utf-8")}  # every checklist in full
    rebuild(first=True)
    page = project / "docs" / "work-points" / "theory.md"
    page.write_text(page.read_text(encoding="utf-8") + "\\n\\n楼栋宣讲点每月开放一次。\\n", encoding="utf-8")
    after_page = rebuild()
    checklist = project / "data" / "checklists" / "responsibility-self-inspection.yml"
    text = checklist.read_text(encoding="utf-8")
    checklist.write_text(text.replace("text: ", "text: 楼栋台账齐全，", 1), encoding="utf-8")
    after_data = rebuild()
    print(json.dumps({name: {"pages": r["pages"], "texts": r["texts"], "converted": r["converted"],
                             "indexed": "楼栋宣讲点每月开放一次" in r["index"],
                             "checklist_indexed": "楼栋台账齐全" in r["index"],
                             "checklist_shown": "楼栋台账齐全" in r["page"]}
                      for name, r in (("page", after_page), ("data", after_data))}))
""")


def test_rebuilds_in_one_process_show_a_page_edit_and_a_data_edit_and_redo_only_what_changed(project_copy, tmp_path):
    env = dict(build_env(), GUIDE_BUILD_CACHE_DIR=str(tmp_path / "cache"))
    result = subprocess.run([sys.executable, "-c", REBUILD, str(project_copy)], cwd=project_copy, env=env,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    page, data = answer["page"], answer["data"]
    assert page["indexed"], "the edited sentence is not in the rebuilt search index"
    assert page["pages"] == 1 and 0 < page["texts"] <= 3, f"a one-sentence edit indexed again: {page}"
    assert page["converted"] == 1, f"a page edit converted other pages' Markdown again: {page}"
    assert data["checklist_shown"] and data["checklist_indexed"], f"the checklist edit did not reach the page: {data}"
    assert data["indexed"], "the earlier page edit was lost"
    assert 1 <= data["pages"] < 10, f"a checklist edit indexed again {data['pages']} pages"
    assert 1 <= data["converted"] < 15, f"a checklist edit converted {data['converted']} pages again"


def test_a_memo_keeps_what_the_last_build_used_and_forgets_on_a_new_scope():
    made: list = []
    memo = Memo()

    def value(key):
        return lambda: made.append(key) or key.upper()

    memo.begin("v1")
    assert [memo.get(k, value(k)) for k in ("a", "b", "a")] == ["A", "B", "A"] and memo.made == 2
    memo.begin("v1")
    assert memo.get("a", value("a")) == "A" and memo.made == 0  # kept from the last build
    memo.begin("v1")
    memo.get("b", value("b"))  # "b" was not used in the build before: made again
    memo.begin("v2")
    memo.get("b", value("b"))  # another scope: nothing kept
    assert made == ["a", "b", "b", "b"]


def test_a_page_is_marked_with_tooltips_once_per_content():
    marker = TooltipMarker(tooltips_from_terms([{"id": "x", "term": "网格员", "definition": "在网格里工作的人。",
                                                 "category": "基层治理"}]))
    calls = []
    mark = marker._mark
    marker._mark = lambda html: calls.append(html) or mark(html)
    first = marker.mark("<p>网格员上门。</p>")
    assert "<abbr" in first and marker.mark("<p>网格员上门。</p>") == first
    assert "<abbr" in marker.mark("<p>网格员到了。</p>") and len(calls) == 2


def test_frozen_the_code_fingerprint_is_the_code_this_process_started_with(tmp_path):
    module = tmp_path / "macros" / "x.py"
    module.parent.mkdir(parents=True)
    module.write_text("A = 1\n", encoding="utf-8")
    buildcache.freeze_code(tmp_path)
    try:
        before = buildcache.key_of(tmp_path, "downloads", 1)
        module.write_text("A = 22\n", encoding="utf-8")
        assert buildcache.key_of(tmp_path, "downloads", 1) == before
    finally:
        buildcache._running.pop(tmp_path)
    assert buildcache.key_of(tmp_path, "downloads", 1) != before  # not frozen: the files as they are now


def test_the_macros_load_no_pinyin_word_or_excel_library_until_they_are_needed():
    probe = "import sys, macros; print(sorted(m for m in ('pypinyin', 'docx', 'openpyxl', 'icalendar') if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=build_env())
    assert loaded.stdout.strip() == "[]"


def test_the_worker_and_the_segmenter_load_neither_mkdocs_nor_the_macros_nor_jsonschema():
    """The build's two helper processes import only their part of the package (issue #15: a cold build's CPU):
    `import macros` is the mkdocs-macros entry point, whose macros load when define_env is asked for."""
    heavy = ("mkdocs", "jsonschema", "macros.site_macros", "macros.render", "macros.checks")
    probe = ("import sys, {module}; print(sorted(m for m in {heavy} if m in sys.modules))")
    for module in ("macros.download_worker", "macros.search.segmenter"):
        loaded = subprocess.run([sys.executable, "-c", probe.format(module=module, heavy=heavy)], capture_output=True,
                                text=True, check=True, env=build_env())
        assert loaded.stdout.strip() == "[]", module
    probe = "import sys, macros; print(macros.define_env.__module__, 'mkdocs' in sys.modules)"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=build_env())
    assert loaded.stdout.split() == ["macros.site_macros", "True"]


def test_glossary_readings_come_from_the_build_cache_for_the_same_terms(tmp_path, monkeypatch):
    from macros import site_macros as macros

    monkeypatch.setenv("GUIDE_BUILD_CACHE_DIR", str(tmp_path / "cache"))
    calls: list = []
    monkeypatch.setattr(macros, "pinyin_keys", lambda texts: calls.append(texts) or [t + "!" for t in texts])
    guide = macros.GuideMacros.__new__(macros.GuideMacros)
    guide.root = tmp_path
    assert guide.readings(["网格员", "楼长"]) == ["网格员!", "楼长!"]
    assert guide.readings(["网格员", "楼长"]) == ["网格员!", "楼长!"] and len(calls) == 1
    guide.readings(["网格员"])
    assert len(calls) == 2


def test_mkdocs_macros_runs_no_git_command_on_a_build():
    probe = textwrap.dedent("""
        import runpy, subprocess
        runpy.run_path("hooks/macros_git.py")
        import mkdocs_macros.context as context
        calls = []
        subprocess.check_output = lambda *args, **kwargs: calls.append(args) or ""
        context.get_git_info()
        print(len(calls))
    """)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=build_env(),
                            cwd=ROOT, check=False)
    assert result.returncode == 0 and result.stdout.strip() == "0", result.stderr[-2000:]


def test_data_files_are_parsed_and_validated_again_only_when_they_change(project_copy):
    from macros.errors import GuideError
    from macros.sitedata import VALIDATED, load_site_data

    load_site_data(project_copy, local="")
    checklist = project_copy / "data" / "checklists" / "responsibility-self-inspection.yml"
    text = checklist.read_text(encoding="utf-8")
    checklist.write_text(text.replace("text: ", "text: 楼栋台账齐全，", 1), encoding="utf-8")
    site = load_site_data(project_copy, local="")
    assert VALIDATED.made == 1, "an edit to one file parsed and validated other files again"
    assert "楼栋台账齐全" in json.dumps(site.get("checklists", "responsibility-self-inspection").data, ensure_ascii=False)
    checklist.write_text(text.replace("text: ", "txet: ", 1), encoding="utf-8")  # now invalid: still caught
    try:
        load_site_data(project_copy, local="")
    except GuideError as exc:
        assert "responsibility-self-inspection.yml" in exc.message
    else:
        raise AssertionError("an invalid edit passed validation")
