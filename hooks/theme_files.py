"""List the theme's static files without walking its hidden folders (issue #15: a cold build's CPU).

MkDocs adds the theme's static files in ``Files.add_files_from_theme``: Jinja lists every file of the
theme folders (about 14,500 with Material's), then MkDocs' own filter drops, one fnmatch pattern after
another, hidden paths ('.*', '*/.*'), templates, Python files, translations and the like. More than
13,000 of those files are the icons in Material's hidden ``.icons/`` folder, which only Material's
Markdown extensions read. Here the theme folders are listed as Jinja lists them, but a hidden folder
is not entered: MkDocs' filter drops every path below one. MkDocs' own method still decides, with its
own filter, what is added, in the same order; should its filter ever keep a path in a hidden folder,
the full listing is used. The site is byte for byte the same. Loaded with the hooks, before the build
lists any file.
"""

from __future__ import annotations

import os

import jinja2
from mkdocs.structure.files import Files

_MKDOCS_ADD = getattr(Files.add_files_from_theme, "mkdocs_original", Files.add_files_from_theme)
HIDDEN_PROBES = (".hidden/file", "folder/.hidden/file")  # paths MkDocs' filter must drop for the pruning to hold


def visible_templates(loader: jinja2.FileSystemLoader) -> list[str]:
    """``loader.list_templates()`` (Jinja's FileSystemLoader) without the files inside hidden folders."""
    found: set[str] = set()
    for searchpath in loader.searchpath:
        for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=loader.followlinks):
            dirnames[:] = [name for name in dirnames if not name.startswith(".")]
            for filename in filenames:
                template = os.path.join(dirpath, filename)[len(searchpath):].strip(os.path.sep).replace(os.path.sep, "/")
                if template[:2] == "./":
                    template = template[2:]
                found.add(template)
    return sorted(found)


class _VisibleListing:
    """The theme's Jinja environment as ``add_files_from_theme`` uses it: its list of files, hidden folders left out."""

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env

    def list_templates(self, extensions=None, filter_func=None) -> list[str]:
        prunable = (extensions is None and filter_func is not None and isinstance(self.env.loader, jinja2.FileSystemLoader)
                    and not any(filter_func(path) for path in HIDDEN_PROBES))
        if not prunable:
            return self.env.list_templates(extensions, filter_func)
        return [name for name in visible_templates(self.env.loader) if filter_func(name)]


def add_files_from_theme(self: Files, env: jinja2.Environment, config) -> None:
    _MKDOCS_ADD(self, _VisibleListing(env), config)


add_files_from_theme.mkdocs_original = _MKDOCS_ADD
Files.add_files_from_theme = add_files_from_theme
