"""The pure helpers of scripts/bench_build.py: the bare Material config and the scaled guide."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from scripts.bench_build import (
    BenchError,
    bare_config,
    checklist_edit,
    children_cpu,
    log_excerpt,
    process_cpu,
    scaled_config,
    scaled_nav,
    scaled_pages,
    serve_builds,
)

ROOT = Path(__file__).resolve().parents[1]

GUIDE_YAML = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml tags as plain text, to compare configs without importing the extensions."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: f"<{node.tag}>")


def _load(text: str) -> dict:
    return yaml.load(text, Loader=_Loader)  # a SafeLoader subclass


def test_bare_config_is_material_with_search_and_the_guides_markdown():
    guide = _load(GUIDE_YAML)
    bare = _load(bare_config(GUIDE_YAML, "/the/guide"))
    assert bare["theme"] == {"name": "material", "language": "zh"}
    assert bare["plugins"] == ["search"]
    assert not {"hooks", "strict", "extra_css", "extra_javascript", "watch"} & bare.keys()
    assert bare["nav"] == guide["nav"]
    assert bare["use_directory_urls"] is guide["use_directory_urls"]
    names = [next(iter(e)) if isinstance(e, dict) else e for e in bare["markdown_extensions"]]
    assert names == [next(iter(e)) if isinstance(e, dict) else e for e in guide["markdown_extensions"]]
    snippets = next(e["pymdownx.snippets"] for e in bare["markdown_extensions"] if isinstance(e, dict)
                    and "pymdownx.snippets" in e)
    assert snippets["base_path"] == ["/the/guide"]
    assert "!!python/object/apply:pymdownx.slugs.slugify" in bare_config(GUIDE_YAML, "/the/guide")


def test_bare_config_drops_extensions_that_need_the_projects_code():
    guide = ("site_name: x\nuse_directory_urls: false\nmarkdown_extensions:\n  - abbr\n"
             "  - toc:\n      slugify: !!python/name:macros.links.slug\n")
    assert _load(bare_config(guide, "/g"))["markdown_extensions"] == ["abbr"]


def test_scaled_nav_adds_one_prefixed_section_per_copy():
    nav = ["index.md", {"要点": ["work-points/index.md", {"理论": "work-points/theory.md"}]}, {"打印": "print.md"}]
    scaled = scaled_nav(nav, 3)
    assert scaled[:3] == nav
    assert scaled[3] == {"副本2": ["copy-02/index.md",
                                  {"要点": ["copy-02/work-points/index.md", {"理论": "copy-02/work-points/theory.md"}]},
                                  {"打印": "copy-02/print.md"}]}
    assert list(scaled[4]) == ["副本3"]


def test_scaled_config_and_pages_agree():
    config = _load(scaled_config(GUIDE_YAML, 10))
    nav_pages = []

    def walk(items):
        for item in items:
            value = item if isinstance(item, str) else next(iter(item.values()))
            if isinstance(value, str):
                nav_pages.append(value)
            else:
                walk(value)

    walk(config["nav"])
    docs = ROOT / "docs"
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    copies = [copy for _, copy in scaled_pages(pages, 10)]
    assert sorted(nav_pages) == sorted(pages + copies)
    assert len(nav_pages) == 10 * len(pages)
    assert config["hooks"] == _load(GUIDE_YAML)["hooks"]


def test_checklist_edit_appends_to_the_items_text_only():
    text = "items:\n  - id: a\n    text: 第一项。\n    points: [theory]\n  - id: b\n    text: 第二项。\n"
    assert checklist_edit(text, "b", "M1") == text.replace("第二项。", "第二项。M1")
    with pytest.raises(BenchError):
        checklist_edit(text, "c", "M1")


def test_log_excerpt_starts_at_the_first_error():
    log = "\n".join(["INFO a"] * 5 + ["ERROR - boom"] + [f"  line {i}" for i in range(20)] + ["Aborted"])
    assert log_excerpt(log).splitlines()[:2] == ["ERROR - boom", "  line 0"]
    assert log_excerpt(log).splitlines()[-1] == "Aborted"
    assert log_excerpt("INFO a\nINFO b") == "INFO a\nINFO b"


def test_cpu_seconds_are_read_for_a_running_process_and_for_finished_builds():
    busy = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.3: pass\n"
    before = children_cpu()
    subprocess.run([sys.executable, "-c", busy], check=True)
    assert children_cpu() - before >= 0.25
    server = subprocess.Popen([sys.executable, "-c", busy + "time.sleep(5)"])
    try:
        deadline = time.monotonic() + 10
        while (process_cpu(server.pid) or 0) < 0.25 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert process_cpu(server.pid) >= 0.25
    finally:
        server.kill()
        server.wait()
    assert process_cpu(server.pid) is None  # ended and reaped


def test_serve_builds_count_a_rebuild_whose_time_line_mkdocs_dropped_as_a_duplicate():
    lines = ["INFO    -  Building documentation...", "INFO    -  Documentation built in 16.00 seconds",
             "INFO    -  Building documentation...", "INFO    -  Documentation built in 0.54 seconds",
             "INFO    -  [03:27:33] Reloading browsers",
             "INFO    -  Building documentation...", "INFO    -  [03:27:35] Reloading browsers",  # 0.54 s again
             "INFO    -  Building documentation...", "ERROR   -  An error happened during the rebuild.",
             "INFO    -  Building documentation..."]
    assert serve_builds("\n".join(lines)) == (5, 3, 1)
