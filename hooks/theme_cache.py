"""Keep Material's compiled templates between builds and serve rebuilds (macros/templatecache.py).

MkDocs makes a new Jinja environment for the theme on every build; on_env
gives it the bytecode cache before the first page is rendered.
"""

from _project import ROOT
from macros.templatecache import THEME_TEMPLATES


def on_env(env, config, files, **kwargs):
    env.bytecode_cache = THEME_TEMPLATES.for_root(ROOT)
    return env
