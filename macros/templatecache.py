"""Compiled theme templates kept between builds (issue #15, the editor's loop).

MkDocs makes a new Jinja environment for the theme on every build, and every
serve rebuild, so Material's templates (about 90 of them: the page, its
partials, icons) were compiled again each time. ``TemplateCache`` is a Jinja
bytecode cache: in memory for the rebuilds of one process, and in the build
cache (macros/buildcache.py) for the next build. Jinja itself keys each entry
by the template's name and checks it against the SHA-1 of the template's
current source and its own and Python's versions before using it, so an edited
template is always compiled again: nothing can be stale.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from . import buildcache
from .compiledtheme import Committed

CACHE_KIND = "jinja"


class TemplateCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self.memory: dict[str, bytes] = {}
        self.root: Path | None = None
        self.compiled = 0  # templates compiled since the last ``for_root``
        self.committed = Committed()

    def for_root(self, root: Path) -> TemplateCache:
        """This cache for a build of the project at ``root`` (its build cache is where compiled code is stored)."""
        if root != self.root:
            self.memory.clear()
        self.root, self.compiled = root, 0
        return self

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> jinja2.bccache.Bucket:
        bucket = jinja2.bccache.Bucket(environment, self.get_cache_key(name, filename),
                                       self.get_source_checksum(source))
        bucket.code = self.committed.code(environment, name, filename, source)
        if bucket.code is None:
            self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        stored = self.memory.get(bucket.key)
        if stored is None and self.root is not None:
            stored = buildcache.get(self.root, CACHE_KIND, bucket.key)
        if stored is not None:
            bucket.bytecode_from_string(stored)  # Jinja resets the bucket when the checksum or versions differ

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        stored = bucket.bytecode_to_string()
        self.compiled += 1
        self.memory[bucket.key] = stored
        if self.root is not None:
            buildcache.put(self.root, CACHE_KIND, bucket.key, stored)


THEME_TEMPLATES = TemplateCache()  # one per process, kept across the rebuilds of `mkdocs serve`
