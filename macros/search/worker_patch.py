"""Correct the query segmentation of Material's search worker.

Material's worker rewrites a Chinese query into the index terms it contains
(``segment()`` in ``integrations/search/query/segment``). Its inner loop only
tries substrings *shorter* than the query::

    for (let j = i + 1; j < query.length; j++)

so a query that is itself an index term is cut down to its longest indexed
prefix: 中心组 becomes 中心*, 学习强国 becomes 学习*, and pages that merely
mention 中心 or 学习 rank first. Letting ``j`` reach ``query.length`` makes a
whole indexed term win, and changes nothing for queries that are not.

The shipped worker is minified, so the loop is matched by its shape, whatever
its variable names. ``patch_worker`` fails loudly when the shape is not found
exactly once (a Material upgrade changed it): the patch must then be checked
against the new source, never silently skipped.
"""

from __future__ import annotations

import hashlib
import re

# for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)
SEGMENT_LOOP = re.compile(
    r"for\(let (?P<j>\w+)=(?P<i>\w+)\+1;(?P=j)<(?P<q>\w+)\.length;(?P=j)\+\+\)"
    r"(?P=q)\.slice\((?P=i),(?P=j)\)in \w+&&"
)
SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")
WORKER_NAME = re.compile(r"^search\.[0-9a-f]{8}\.min\.js$")


class WorkerPatchError(RuntimeError):
    """The shipped worker does not contain the loop this patch corrects."""


def _find_once(pattern: re.Pattern, code: str, what: str, advice: str) -> re.Match:
    """The single match of ``pattern``; WorkerPatchError when it is missing or repeated."""
    matches = list(pattern.finditer(code))
    if len(matches) != 1:
        raise WorkerPatchError(f"expected {what} exactly once, found {len(matches)}; {advice}")
    return matches[0]


def patch_worker(code: str) -> str:
    """The worker with whole-query segmentation and without its source-map link."""
    m = _find_once(
        SEGMENT_LOOP, code, "the query segmentation loop of Material's search worker",
        "Material was probably upgraded: compare src/.../search/query/segment/index.ts in the new version "
        "with macros/search/worker_patch.py and update SEGMENT_LOOP (or drop the patch if it is fixed upstream)")
    fixed = m.group(0).replace(f"{m['j']}<{m['q']}.length", f"{m['j']}<={m['q']}.length", 1)
    code = code[:m.start()] + fixed + code[m.end():]
    # The map describes the original file; a wrong map is worse than none.
    return SOURCE_MAP.sub("", code)


def patched_name(code: str) -> str:
    """A content-hashed file name, so caches never serve the unpatched worker."""
    return f"search.{hashlib.sha256(code.encode('utf-8')).hexdigest()[:8]}.min.js"


# --- Main bundle: load the search index when search is first used ----------
#
# Material's setupSearchWorker() sends the index to the worker at once over
# HTTP, and only when the search box is activated under file://:
#
#     merge(of(location.protocol !== "file:"), watchToggle("search"))
#
# Without instant navigation every page view would then fetch (or revalidate)
# the whole index and rebuild it in the worker, which costs the reader's CPU
# a few hundred milliseconds per page and most of a first visit's bytes. The
# patch makes HTTP behave like file://: the index is loaded when the search
# box is focused, clicked or opened with the keyboard shortcut.
#
# The search.highlight feature also subscribes to the index on every page,
# although it only needs it when the page was opened from a result (?h=…):
#
#     feature("search.highlight") ? mountSearchHiglight(el, { index$, location$ })
#
# so it is given the index only when the address has an h parameter, and an
# empty (completing) input otherwise.
HIGHLIGHT_INDEX = re.compile(r'(\("search\.highlight"\)\?[\w$]+\([\w$]+,\{index\$:)([\w$]+)(,location\$:[\w$]+\}\))')
EAGER_INDEX = re.compile(r'([\w$]+\([\w$]+\()location\.protocol!=="file:"(\),[\w$]+\("search"\)\)\.pipe\()')
BUNDLE_NAME = re.compile(r"^bundle\.[0-9a-f]{8}\.min\.js$")


def patch_bundle(code: str) -> str:
    """Material's main bundle with the search index loaded on first use, without its source-map link."""
    m = _find_once(
        EAGER_INDEX, code, "the search index set-up of Material's main bundle",
        "Material was probably upgraded: compare src/.../search/worker/_/index.ts (setupSearchWorker) "
        "with macros/search/worker_patch.py and update EAGER_INDEX")
    code = code[:m.start()] + m.group(1) + "!1" + m.group(2) + code[m.end():]
    h = _find_once(
        HIGHLIGHT_INDEX, code, "the search.highlight set-up of Material's main bundle",
        "compare src/.../bundle.ts (mountSearchHiglight) with macros/search/worker_patch.py (HIGHLIGHT_INDEX)")
    lazy = f'new URL(location.href).searchParams.has("h")?{h.group(2)}:[]'
    code = code[:h.start()] + h.group(1) + lazy + h.group(3) + code[h.end():]
    return SOURCE_MAP.sub("", code)


def bundle_name(code: str) -> str:
    return f"bundle.{hashlib.sha256(code.encode('utf-8')).hexdigest()[:8]}.min.js"
