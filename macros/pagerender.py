"""A page's Markdown -> HTML conversion, kept by its whole input across the rebuilds of one process (issue #15).

``mkdocs serve`` converts all 46 pages again on every change, about half of a
rebuild. The conversion (MkDocs' ``Page.render``: Python-Markdown with the
configured extensions and MkDocs' own link and anchor processors) depends on

* the page's Markdown as the hooks leave it (macros expanded, stamps added),
* the page's place (its source path and URL),
* the Markdown extensions and their settings, the link validation settings and
  ``use_directory_urls``,
* the site's files and whether each is in the site (a link is resolved against them), and
* the files ``pymdownx.snippets`` includes (``deploy/nginx.conf`` ...), whose
  contents are checked on every lookup.

``RenderMemo`` keys each conversion by all of these, so an edit to any of them
converts the page again and nothing stale is served. A conversion that logged
anything (a broken link, an unrecognised one) is not kept, so its message
comes again, and counts for ``--strict``, on every build.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .memo import Memo


def stable(value: Any, depth: int = 0) -> Any:
    """``value`` as plain data that two equal configurations share, in this process or another.

    Functions are named by module and qualified name, with what they close over;
    ``functools.partial`` by its function and arguments; a path by its text;
    other objects by their class and attributes. Memory addresses never enter
    but as a last resort (an object nested too deep is its ``repr``, which at
    worst makes every lookup a miss).
    """
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if depth > 12:
        return repr(value)

    def inner(v):
        return stable(v, depth + 1)
    if isinstance(value, os.PathLike):
        return {"path": os.fspath(value)}
    if isinstance(value, Mapping):
        return [[inner(k), inner(v)] for k, v in sorted(value.items(), key=lambda item: str(item[0]))]
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [inner(v) for v in value]
        return sorted(items, key=json.dumps) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, functools.partial):
        return {"partial": inner(value.func), "args": inner(value.args), "keywords": inner(value.keywords)}
    if callable(value) and hasattr(value, "__qualname__"):
        cells = [inner(cell.cell_contents) for cell in (getattr(value, "__closure__", None) or ())]
        return {"callable": f"{getattr(value, '__module__', '')}.{value.__qualname__}", "cells": cells,
                "defaults": inner(getattr(value, "__defaults__", None)),
                "kwdefaults": inner(getattr(value, "__kwdefaults__", None))}
    state = getattr(value, "__dict__", None)
    kind = f"{type(value).__module__}.{type(value).__qualname__}"
    return {"object": kind, "state": inner(state) if state is not None else repr(value)}


def digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(stable(value), ensure_ascii=False).encode("utf-8")).hexdigest()


def settings_key(config) -> str:
    """What the conversion reads from the MkDocs configuration."""
    return digest([config["markdown_extensions"], config["mdx_configs"], config["use_directory_urls"],
                   config["validation"]])


def files_key(files) -> str:
    """The site's files as links see them: each one's source path, URL and inclusion (a link to an excluded or
    draft page is reported)."""
    return digest([(f.src_uri, f.url, str(f.inclusion)) for f in files])


class _Heard(logging.Handler):
    """Notes that something was logged while a page was converted."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.heard = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.heard += 1


@contextlib.contextmanager
def _listening() -> Iterator[_Heard]:
    heard = _Heard()
    loggers = [logging.getLogger(), logging.getLogger("mkdocs"), logging.getLogger("MARKDOWN")]
    for logger in loggers:
        logger.addHandler(heard)
    try:
        yield heard
    finally:
        for logger in loggers:
            logger.removeHandler(heard)


@contextlib.contextmanager
def _snippet_reads() -> Iterator[list[str]]:
    """The files pymdownx.snippets reads while the block runs."""
    from pymdownx.snippets import SnippetPreprocessor

    read: list[str] = []
    original = SnippetPreprocessor.read_lines

    def read_lines(self, path, *args, **kwargs):
        read.append(str(path))
        return original(self, path, *args, **kwargs)

    SnippetPreprocessor.read_lines = read_lines
    try:
        yield read
    finally:
        SnippetPreprocessor.read_lines = original


def _file_digest(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


class RenderMemo(Memo):
    """Each page's conversion by its full input; a build's scope is the settings and the site's files."""

    def begin_build(self, config, files) -> None:
        self.begin((settings_key(config), files_key(files)))

    def render(self, page, files, convert: Callable[[], None]) -> None:
        """Give ``page`` what ``convert()`` (MkDocs' ``Page.render``) sets on it, converting only on a miss."""
        key = (page.file.src_uri, page.url, page.markdown)
        kept = self.used.get(key) or self.known.get(key)
        if kept is not None and all(_file_digest(path) == sha for path, sha in kept["snippets"]):
            self.used[key] = kept
            _restore(page, files, kept)
            return
        with _listening() as heard, _snippet_reads() as read:
            convert()
        self.made += 1
        self.used.pop(key, None)
        if heard.heard:
            return  # its messages must come again on the next build
        self.used[key] = {
            "snippets": [(path, _file_digest(path)) for path in dict.fromkeys(read)],
            "content": page.content, "toc": copy.deepcopy(page.toc), "title": page._title_from_render,
            "anchors": frozenset(page.present_anchor_ids or ()),
            "links": None if page.links_to_anchors is None else
            {f.src_uri: dict(links) for f, links in page.links_to_anchors.items()},
        }


def _restore(page, files, kept: dict) -> None:
    page.content = kept["content"]
    page.toc = copy.deepcopy(kept["toc"])  # the theme marks entries active: every build gets its own
    page._title_from_render = kept["title"]
    page.present_anchor_ids = set(kept["anchors"])
    if kept["links"] is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): dict(links) for uri, links in kept["links"].items()}


RENDERS = RenderMemo()  # one per process, kept across the rebuilds of `mkdocs serve`
