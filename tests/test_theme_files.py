"""hooks/theme_files.py: the theme's static files are listed without walking hidden folders (issue #15),
and MkDocs adds exactly the files it adds with its own listing."""

from __future__ import annotations

import os
import sys

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from support import ROOT


@pytest.fixture(scope="module")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))  # loads the hooks, as a build does


def _walked(monkeypatch) -> list[str]:
    walked: list[str] = []
    real = os.walk

    def walk(top, *args, **kwargs):
        for entry in real(top, *args, **kwargs):
            walked.append(entry[0])
            yield entry
    monkeypatch.setattr(os, "walk", walk)
    return walked


def test_the_theme_files_are_those_mkdocs_adds_without_entering_a_hidden_folder(config, monkeypatch):
    env = config.theme.get_env()
    mkdocs_own = Files([])
    Files.add_files_from_theme.mkdocs_original(mkdocs_own, env, config)
    walked = _walked(monkeypatch)
    files = Files([])
    files.add_files_from_theme(env, config)
    assert [(f.src_uri, f.abs_src_path) for f in files] == [(f.src_uri, f.abs_src_path) for f in mkdocs_own]
    assert len(files) > 20 and walked
    inside = [os.path.relpath(d, top) for d in walked for top in env.loader.searchpath if d.startswith(top)]
    assert len(inside) == len(walked)
    assert not [d for d in inside if any(part.startswith(".") and part != "." for part in d.split(os.sep))], \
        "a hidden folder of the theme was walked"


def test_a_filter_that_keeps_hidden_paths_gets_the_full_listing(config):
    theme_files = sys.modules[Files.add_files_from_theme.__module__]  # the hook as MkDocs loaded it
    env = config.theme.get_env()
    keep_all = theme_files._VisibleListing(env).list_templates(filter_func=lambda name: True)
    assert keep_all == env.list_templates()
    assert any(name.startswith(".icons/") for name in keep_all)
    visible = theme_files._VisibleListing(env).list_templates(filter_func=lambda name: not name.startswith("."))
    assert visible == [name for name in env.list_templates() if not name.startswith(".") and "/." not in name]
