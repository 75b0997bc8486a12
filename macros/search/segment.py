"""Material's Chinese segmentation of the search index, done once per text (issue #15, the editor's loop).

Material's search plugin cuts the title and text of every section with jieba
(``SearchIndex._segment_chinese``) on every build, which is the largest single
cost of a rebuild in ``mkdocs serve``. Its result depends only on the text and
on jieba's dictionary, so ``Segments`` keeps it, keyed by the text itself:

* in memory, across the rebuilds of one ``mkdocs serve`` (only the sections
  an edit changed are cut again), and
* in the build cache (``.cache/guide/``, macros/buildcache.py), across builds,
  under a key made of the dictionary (jieba's version, its main dictionary and
  the user dictionary's text) and the code fingerprint, which includes
  Material's and jieba's versions.

A text is only ever looked up by its full content, so nothing can be stale.
Each build keeps only the texts it used, so neither the memory nor the stored
file grows over a long serve session.

The dictionary: ``jieba.load_userdict`` adds to what is loaded and adds each
word's frequency to the total again on every call, so loading the user
dictionary on every rebuild (as Material does when ``jieba_dict_user`` is set)
makes a long serve session cut text a little differently from a fresh build.
``use_user_dictionary`` loads a given dictionary text once per process; a
different one first resets jieba to its main dictionary.
"""

from __future__ import annotations

import hashlib
import json
import marshal
from collections.abc import Callable
from pathlib import Path

import jieba

from .. import buildcache
from ..memo import Memo

CACHE_KIND = "search-segments"


class WholeFileMarshal:
    """``marshal`` for jieba, whose dictionary cache (jieba.cache in the temp folder, 9 MB: its prefix table) is
    read with ``marshal.load(file)``, which reads the file an object at a time: 0.58 s of CPU, against 0.18 s
    for ``marshal.loads`` of the file's bytes read at once (issue #15: the segmenter process loads it while the
    build starts, and cuts the first pages' texts late). The same bytes give the same table; jieba writes its
    cache with ``marshal.dump`` as before."""

    dump = staticmethod(marshal.dump)

    @staticmethod
    def load(file):
        return marshal.loads(file.read())


if getattr(jieba, "marshal", None) is marshal:  # jieba 0.42 reads its cache in DictTokenizer.initialize
    jieba.marshal = WholeFileMarshal
_loaded: dict[str, str | None] = {"key": None}


def dictionary_key(userdict_text: str) -> str:
    """What jieba's segmentation depends on besides the text: its version, main dictionary and user words."""
    digest = hashlib.sha256(userdict_text.encode("utf-8")).hexdigest()
    return f"jieba {jieba.__version__}; main {jieba.dt.dictionary or 'default'}; user {digest}"


def use_user_dictionary(path: Path, userdict_text: str) -> str:
    """Make jieba's dictionary its main one plus exactly the words of ``path`` (whose text is ``userdict_text``).

    Loads the words once per process; another user dictionary than the last
    one first reloads the main dictionary, so no word of the old one stays.
    Returns the dictionary's key (``dictionary_key``).
    """
    key = dictionary_key(userdict_text)
    if _loaded["key"] == key:
        return key
    dt = jieba.dt
    if _loaded["key"] is not None:
        with dt.lock:
            dt.initialized = False
        dt.initialize()  # a fresh FREQ table from jieba's own cache file
    _loaded["key"] = None  # if loading fails half-way, the next build starts again from the main dictionary
    jieba.load_userdict(str(path))
    _loaded["key"] = key
    return key


class Segments(Memo):
    """Segmented texts by text, for one dictionary: across the rebuilds of one process and in the build cache."""

    def begin_build(self, root: Path, key: str) -> None:
        """Start a build with dictionary ``key`` (read what the build cache holds for it, if the key is new)."""
        scope = (str(root), key)
        self.begin(scope, None if scope == self.scope else self._read(root, key))

    def wrap(self, segment: Callable[[str], str]) -> Callable[[str], str]:
        """``segment`` (Material's method), looked up by text first."""
        return lambda text: self.get(text, lambda: segment(text))

    def end(self, root: Path, complete: bool = True) -> None:
        """Store what this build used in the build cache, if it had to segment anything and saw every text
        (``complete``: not a serve rebuild that took unchanged pages' entries as they were)."""
        if self.made and complete:
            body = json.dumps(self.used, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            buildcache.put(root, CACHE_KIND, self.scope[1], body)

    @staticmethod
    def _read(root: Path, key: str) -> dict[str, str]:
        stored = buildcache.get(root, CACHE_KIND, key)
        if stored is None:
            return {}
        try:
            value = json.loads(stored)
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}


SEGMENTS = Segments()  # one per process, kept across the rebuilds of `mkdocs serve`
