"""mkdocs-macros entry point (``module_name: macros``): ``define_env`` registers the guide's macros.

The macros live in ``macros/site_macros.py``, imported when mkdocs-macros first asks for
``define_env`` (or a caller for ``GuideMacros``): a process that needs only a part of this
package, the download worker (``python -m macros.download_worker``) or the search segmenter
(``python -m macros.search.segmenter``), then does not load the renderers, the checks and
MkDocs with it (issue #15: a tenth of a second of CPU in each on a cold build).
"""

_MACROS = ("define_env", "GuideMacros", "CHECKLISTS_PAGE")  # what site_macros.py defines (not what it imports)


def __getattr__(name: str):
    if name in _MACROS:
        from . import site_macros

        return getattr(site_macros, name)
    raise AttributeError(f"module 'macros' has no attribute {name!r}")
