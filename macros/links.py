"""Relative links between pages and generated files (pure functions)."""

from __future__ import annotations

import posixpath


def relative(target: str, from_page: str) -> str:
    """Link from the page ``from_page`` (a docs-relative .md path) to ``target``.

    ``target`` is docs-relative too (a page ``checklists/index.md#x`` or a
    generated file ``downloads/x.xlsx``); MkDocs validates and rewrites it.
    """
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(from_page) or ".")
    return rel + ("#" + anchor if anchor else "")


def human_size(size: int) -> str:
    """File size as staff read it: '18 KB', '1.2 MB'."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB"
