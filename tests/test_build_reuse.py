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
from macros.search import segment
from macros.search.segment import Segments, use_user_dictionary
from macros.templatecache import TemplateCache


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
        segments.begin(tmp_path, "dictionary 1")
        cut = segments.wrap(counting(calls))
        assert [cut(t) for t in texts] == [f"<{t}>" for t in texts]
        segments.end(tmp_path)
    assert calls == ["甲", "乙", "乙改"]


def test_segments_are_kept_in_the_build_cache_per_dictionary(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_BUILD_CACHE_DIR", str(tmp_path / "cache"))
    calls: list = []
    first = Segments()
    first.begin(tmp_path, "dictionary 1")
    first.wrap(counting(calls))("甲乙")
    first.end(tmp_path)
    stored = buildcache.get(tmp_path, segment.CACHE_KIND, "dictionary 1")
    assert json.loads(stored) == {"甲乙": "<甲乙>"}

    later = Segments()  # the next build process
    later.begin(tmp_path, "dictionary 1")
    assert later.wrap(counting(calls))("甲乙") == "<甲乙>" and calls == ["甲乙"]
    later.begin(tmp_path, "dictionary 2")  # another user dictionary: nothing known
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
    import json, sys, tempfile
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    project, site = Path(sys.argv[1]), tempfile.mkdtemp()
    def rebuild():  # what mkdocs serve does on every change
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site)
        build(config)
        index = json.loads((Path(site) / "search" / "search_index.json").read_text(encoding="utf-8"))
        from macros.search.segment import SEGMENTS
        return SEGMENTS.made, " ".join(d["text"] for d in index["docs"])
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site)
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    page = project / "docs" / "work-points" / "theory.md"
    page.write_text(page.read_text(encoding="utf-8") + "\\n\\n楼栋宣讲点每月开放一次。\\n", encoding="utf-8")
    made, text = rebuild()
    print(json.dumps({"made": made, "found": "楼栋宣讲点每月开放一次" in text.replace("\\u200b", "")}))
""")


def test_a_rebuild_in_one_process_indexes_the_edit_and_segments_only_changed_texts(project_copy, tmp_path):
    env = dict(build_env(), GUIDE_BUILD_CACHE_DIR=str(tmp_path / "cache"))
    result = subprocess.run([sys.executable, "-c", REBUILD, str(project_copy)], cwd=project_copy, env=env,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["found"], "the edited sentence is not in the rebuilt search index"
    assert 0 < answer["made"] <= 3, f"{answer['made']} texts were segmented again for a one-sentence edit"
