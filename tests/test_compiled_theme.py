"""The theme's compiled templates committed in macros/vendor/compiled-theme/ (macros/compiledtheme.py):
current for the installed packages and overrides/, used only for the exact source and environment."""

from __future__ import annotations

import jinja2
import pytest

from macros.compiledtheme import COMMAND, COMPILED, decode, derive, same, theme_env
from macros.templatecache import TemplateCache
from support import ROOT


@pytest.fixture(scope="module")
def env_factory():
    return lambda: theme_env(ROOT)


def test_committed_file_is_what_the_installed_theme_compiles_to(env_factory):
    """Lockfile-style: the committed code is what Jinja compiles from today's sources, versions and settings."""
    assert same(decode(COMPILED.read_bytes()), derive(env_factory())), (
        f"{COMPILED.relative_to(ROOT)} is stale: run `{COMMAND}` and commit it")


def _load(env: jinja2.Environment, name: str) -> tuple[jinja2.Template, TemplateCache]:
    cache = TemplateCache()  # no root: nothing from or to .cache/
    env.bytecode_cache = cache
    return env.get_template(name), cache


def test_a_build_takes_the_theme_templates_from_the_committed_file(env_factory):
    env = env_factory()
    template, cache = _load(env, "main.html")  # the override
    env.get_template("base.html")  # Material's, which it extends
    assert cache.compiled == 0 and cache.committed.used == 2
    # the template keeps its real file name (error messages name it), not the one it was compiled under
    assert template.filename == str(ROOT / "overrides" / "main.html")


def test_a_changed_override_is_compiled_afresh(env_factory, tmp_path):
    env = env_factory()
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "copyright.html").write_text("<p>{{ config.copyright }} 改过</p>", encoding="utf-8")
    env.loader = jinja2.FileSystemLoader([str(tmp_path), *env.loader.searchpath])
    template, cache = _load(env, "partials/copyright.html")
    assert cache.compiled == 1 and cache.committed.used == 0
    assert template.render(config={"copyright": "版权"}) == "<p>版权 改过</p>"
    env.get_template("partials/language.html")  # an unchanged one still comes from the file
    assert cache.compiled == 1 and cache.committed.used == 1


def test_nothing_is_taken_for_an_environment_with_other_settings(env_factory):
    env = env_factory()
    env.filters["url"] = lambda value: value  # MkDocs' is passed the context: the call compiles otherwise
    _template, cache = _load(env, "main.html")
    assert cache.committed.used == 0 and cache.compiled == 1
