"""Values kept from one build to the next in the same process, looked up by their full input (issue #15).

``mkdocs serve`` rebuilds the whole site on every change, in one process. A
``Memo`` lets a pure step (jieba's segmentation, the tooltips of a page, the
keywords of a search section) skip the inputs it saw in the last build. It is
keyed by the whole input, so an edit always gives a miss; what else the values
depend on (a dictionary, a vocabulary) is the ``scope`` given to ``begin``,
and a new scope forgets everything. Only what the last build used is kept, so
a long serve session does not make it grow.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

_MISSING = object()


class Memo:
    def __init__(self) -> None:
        self.scope: Any = _MISSING
        self.known: dict = {}  # what the last build used (or what was read from the build cache)
        self.used: dict = {}  # what this build used
        self.made = 0  # values this build had to make

    def begin(self, scope: Hashable, known: dict | None = None) -> None:
        """Start a build: keep what the last build used if ``scope`` is the same; else start from ``known``."""
        if scope != self.scope:
            self.known = dict(known or {})
        elif self.used:
            self.known = self.used
        self.scope, self.used, self.made = scope, {}, 0

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        found = self.used.get(key, _MISSING)
        if found is _MISSING:
            found = self.known.get(key, _MISSING)
            if found is _MISSING:
                found = make()
                self.made += 1
            self.used[key] = found
        return found
