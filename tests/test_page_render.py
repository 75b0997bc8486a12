"""A page's Markdown -> HTML conversion is kept by its whole input (macros/pagerender.py, hooks/page_render.py):
rebuilds in one process convert only the pages whose input changed, and show every change."""

from __future__ import annotations

import functools
import logging
import textwrap
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from macros.pagerender import RENDERS, stable
from support import ROOT

CONFIG = textwrap.dedent("""
    site_name: t
    use_directory_urls: false
    theme: mkdocs
    hooks:
      - {hook}
    markdown_extensions:
      - toc:
          permalink: "{permalink}"
      - pymdownx.snippets:
          base_path: ["{base}"]
          check_paths: true
""")


@pytest.fixture
def tiny(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # the theme prints the build date
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# 首页\n\n见[第二页](two.md#小节)。\n", encoding="utf-8")
    (docs / "two.md").write_text("# 第二页\n\n## 小节\n\n正文。\n", encoding="utf-8")
    (docs / "deploy.md").write_text('# 部署\n\n--8<-- "inc.txt"\n', encoding="utf-8")
    (tmp_path / "inc.txt").write_text("第一版配置\n", encoding="utf-8")
    return tmp_path


def configure(project: Path, permalink: str = "¶") -> None:
    (project / "mkdocs.yml").write_text(CONFIG.format(hook=ROOT / "hooks" / "page_render.py", permalink=permalink,
                                                      base=project), encoding="utf-8")


def rebuild(project: Path) -> dict[str, str]:
    """One build as `mkdocs serve` makes it; the HTML of each page."""
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    build(config)
    return {p.name: p.read_text(encoding="utf-8") for p in (project / "site").glob("*.html") if p.name != "404.html"}


def test_only_changed_pages_are_converted_again_and_each_change_shows(tiny):
    configure(tiny)
    first = rebuild(tiny)
    assert RENDERS.made == 3 and "第一版配置" in first["deploy.html"]
    assert rebuild(tiny) == first and RENDERS.made == 0

    (tiny / "docs" / "index.md").write_text("# 首页\n\n改过的首页。\n", encoding="utf-8")
    pages = rebuild(tiny)
    assert RENDERS.made == 1 and "改过的首页" in pages["index.html"]

    (tiny / "inc.txt").write_text("第二版配置\n", encoding="utf-8")  # an included file, not a page
    pages = rebuild(tiny)
    assert RENDERS.made == 1 and "第二版配置" in pages["deploy.html"] and "第一版配置" not in pages["deploy.html"]

    configure(tiny, permalink="#")  # another extension setting: every page again
    pages = rebuild(tiny)
    assert RENDERS.made == 3 and 'class="headerlink" href="#_1" title="Permanent link">#</a>' in pages["two.html"]

    (tiny / "docs" / "three.md").write_text("# 第三页\n", encoding="utf-8")  # another file: links may resolve otherwise
    rebuild(tiny)
    assert RENDERS.made == 4


def test_a_page_linking_to_a_page_now_left_out_is_converted_again_and_the_link_reported(tiny, caplog):
    configure(tiny)
    rebuild(tiny)
    with open(tiny / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("exclude_docs: two.md\n")
    caplog.set_level(logging.INFO)
    caplog.clear()
    rebuild(tiny)
    assert RENDERS.made == 2  # the files changed: index.md and deploy.md (two.md is left out)
    assert any("two.md" in r.getMessage() and "excluded" in r.getMessage() for r in caplog.records)


def test_a_page_whose_conversion_logged_a_warning_is_converted_again_so_the_warning_comes_again(tiny, caplog):
    configure(tiny)
    (tiny / "docs" / "index.md").write_text("# 首页\n\n见[没有的页](missing.md)。\n", encoding="utf-8")
    rebuild(tiny)
    for _ in range(2):
        caplog.clear()
        rebuild(tiny)
        assert RENDERS.made == 1
        assert any("missing.md" in r.getMessage() for r in caplog.records)


def test_equal_settings_give_equal_keys_and_no_memory_address_enters():
    def slug(text, case="none"):
        return text

    one = {"toc": {"slugify": functools.partial(slug, case="lower")}, "x": [Path("/a"), {1, 2}]}
    two = {"x": [Path("/a"), {2, 1}], "toc": {"slugify": functools.partial(slug, case="lower")}}
    assert stable(one) == stable(two)
    assert "0x" not in repr(stable(one))
    assert stable({"toc": {"slugify": functools.partial(slug, case="upper")}}) != stable(
        {"toc": {"slugify": functools.partial(slug, case="lower")}})


def test_the_server_polls_every_tenth_of_a_second_for_paths_watched_before_and_after_on_serve(tmp_path):
    from mkdocs.livereload import LiveReloadServer

    from support.modules import load

    hook = load("hooks/serve_watch.py", "guide_hook_serve_watch")
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(str(tmp_path / "docs"))  # MkDocs watches docs/ and mkdocs.yml before on_serve
        assert hook.on_serve(server, config=None, builder=None) is server
        server.watch(str(tmp_path / "data"))  # and config.watch after it
        timeouts = [emitter.timeout for emitter in server.observer.emitters]
        assert len(timeouts) == 2 and all(t == hook.POLL_SECONDS == 0.1 for t in timeouts), timeouts
    finally:
        server.server_close()
