"""search_index.json written in two parts, its gzip copy compressed as they come (issue #15, a cold build).

The index's documents are known before the prebuilt index, which the build waits
for (macros/search/segmenter.py builds it in V8). The file is
``{"config":…,"docs":…,"prebuilt":…,"pinyin":…}``: ``json_head`` is its text up
to the last document, ``json_tail`` the rest, and ``head + tail`` is exactly
``json.dumps`` of the whole. ``GzipAhead`` compresses the head in a thread while
the build waits, then the tail: zlib's stream gives the same bytes however its
input is cut, so the ``.gz`` is byte for byte ``gzip.compress(body,
compresslevel=9, mtime=0)`` (tests/test_search_indexfile.py).
"""

from __future__ import annotations

import json
import zlib
from concurrent.futures import Future, ThreadPoolExecutor

SEPARATORS = (",", ":")  # raw UTF-8, no spaces: see expand_index


def json_head(data: dict) -> str:
    """``json.dumps(data)`` without its closing brace (``data`` not empty)."""
    if not data:
        raise ValueError("json_head needs at least one key")
    return json.dumps(data, separators=SEPARATORS, ensure_ascii=False)[:-1]


def json_tail(more: dict) -> str:
    """What follows ``json_head(data)`` so that the two are ``json.dumps({**data, **more})`` (no key in both)."""
    return "," + json.dumps(more, separators=SEPARATORS, ensure_ascii=False)[1:] if more else "}"


class GzipAhead:
    """``gzip.compress(b"".join(parts), compresslevel=9, mtime=0)``, each part compressed in a thread as it is
    added (zlib does not hold Python's lock); ``finish()`` gives the future of the whole."""

    def __init__(self) -> None:
        # wbits 31: a gzip header without a name or time, as gzip.compress(mtime=0) writes it.
        self._stream = zlib.compressobj(9, zlib.DEFLATED, 31)
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="guide-gzip")  # one thread: parts in order
        self._parts: list[Future] = []

    def add(self, data: bytes) -> None:
        self._parts.append(self._thread.submit(self._stream.compress, data))

    def finish(self) -> Future:
        self._parts.append(self._thread.submit(self._stream.flush))
        whole = self._thread.submit(lambda: b"".join(part.result() for part in self._parts))
        self._thread.shutdown(wait=False)
        return whole
