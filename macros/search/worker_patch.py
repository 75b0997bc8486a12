"""Patches of Material's search worker and main bundle (both minified).

Worker:

* Query segmentation. Material's worker rewrites a Chinese query into the
  index terms it contains (``segment()`` in
  ``integrations/search/query/segment``). Its inner loop only tries
  substrings *shorter* than the query::

      for (let j = i + 1; j < query.length; j++)

  so a query that is itself an index term is cut down to its longest indexed
  prefix: 中心组 becomes 中心*, 学习强国 becomes 学习*, and pages that merely
  mention 中心 or 学习 rank first. Letting ``j`` reach ``query.length`` makes
  a whole indexed term win, and changes nothing for queries that are not.
* A run of Chinese written against letters or digits (Excel台账, 2026年) is
  searched apart from them (see HAN_RUNS); a term that already ends in a
  wildcard gets no second one (see WILDCARD).
* A page that matched only through its sections gets their terms, so its
  result link highlights them on the page (see PAGE_TERMS).
* Match positions the prebuilt index leaves out are found in the position
  table (see POSITIONS).
* A prebuilt index (see CONSTRUCTOR and macros/search/prebuilt.py) is loaded
  instead of being built in the reader's browser.
* The worker loads the index itself when the page sends its address (see
  SETUP_MESSAGE).

Main bundle: the index is loaded on first use of search (or at once for a
reader who has searched before), by the worker, from the address the page
sends; a page opened from a result highlights the query without loading the
index; and the first batch of results is shorter (see the comments above
each pattern).

The code is matched by its shape, whatever its variable names. Every patch
fails loudly when its shape is not found exactly once (a Material upgrade
changed it): it must then be checked against the new source, never silently
skipped.
"""

from __future__ import annotations

import hashlib
import json
import re

from .prebuilt import DECODE_JS
from .prebuilt import FORMAT as PREBUILT_FORMAT

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


# --- Worker: load a prebuilt index instead of building one -----------------
#
# Material's Search constructor builds the lunr index from the documents:
#
#     constructor({config, docs, options}) {
#       let extract = setupExtractor(this.table = new Map)
#       this.map = setupSearchDocumentMap(docs), this.options = options,
#       this.index = lunr(function () { ... })
#
# The patch adds a first branch: when the message carries ``prebuilt`` (see
# macros/search/prebuilt.py), the index and the position table are loaded
# from it; the global settings the builder function would have made for
# searching (the tokenizer's separator, the segmenter) are made the same way.
# Without ``prebuilt`` (or in another format or lunr version) it builds as
# before.
CONSTRUCTOR = re.compile(
    r"constructor\(\{config:(?P<config>[\w$]+),docs:(?P<docs>[\w$]+),options:(?P<options>[\w$]+)\}\)\{"
    r"(?=let [\w$]+=[\w$]+\(this\.table=new Map\);this\.map=(?P<doc_map>[\w$]+)\((?P=docs)\),"
    r"this\.options=(?P=options),this\.index=lunr\(function\(\)\{)"
)
SEGMENTER = 'lunr.segmenter="TinySegmenter"in lunr?new lunr.TinySegmenter:void 0'


def patch_worker(code: str, filler_words: tuple[str, ...] = ()) -> str:
    """The worker with whole-query segmentation, Chinese split from adjacent letters and digits and from
    ``filler_words``, page terms, positions found in the table, its own index fetching, prebuilt-index loading
    and no source-map link."""
    code = load_prebuilt(fetch_index(page_terms(positions_from_table(
        single_wildcard(space_han_runs(fix_segmentation(code)))))))
    # The functions the patched code calls, and the filler words, are appended once, after the worker,
    # so its "use strict" stays its first statement; all are set before any message arrives.
    words = f"var __guideFillerWords=new Set({json.dumps(list(filler_words), ensure_ascii=False)});"
    helpers = (DECODE_JS, UNION_TERMS_JS, FETCH_INDEX_JS, SPACED_JS, KEEP_JS, POSITIONS_JS, words)
    return SOURCE_MAP.sub("", code).rstrip() + "\n" + "\n".join(helpers) + "\n"


# Material's query transform gives every term a trailing wildcard unless it
# has a presence operator or a boost or fuzziness suffix:
#
#     .map(term => /(^[+-]|[~^]\d+$)/.test(term) ? term : `${term}*`)
#
# A Chinese run cut into several index terms already comes as "网评员* 管理"
# (HAN_RUNS), so the first terms got a second wildcard: "网评员**". lunr
# searches that as "网评员*", but the result list compares the query's terms
# with the terms a result matched, finds "网评员*" in none, and shows it
# struck through under 缺少 on every result, those that contain 网评员
# included. The patch gives a term that ends in a wildcard no second one.
WILDCARD = re.compile(r"\.map\((?P<t>[\w$]+)=>/\(\^\[\+-\]\|\[~\^\]\\d\+\$\)/\.test\((?P=t)\)\?(?P=t):`\$\{(?P=t)\}\*`\)")


def single_wildcard(code: str) -> str:
    """The worker's query transform without a second trailing wildcard (see WILDCARD)."""
    m = _find_once(WILDCARD, code, "the trailing wildcard step of Material's query transform",
                   "compare src/.../integrations/search/query/transform/index.ts with WILDCARD in "
                   "macros/search/worker_patch.py")
    fixed = m.group(0).replace("|[~^]\\d+$)/", "|[~^]\\d+$|\\*$)/", 1)
    return code[:m.start()] + fixed + code[m.end():]


# Material's worker highlights a result's fields at the tokens that matched,
# read from lunr's match data:
#
#     for (const data of Object.values(result.matchData.metadata))
#       if (typeof data[field] !== "undefined") positions.push(...data[field].position)
#
# The prebuilt index leaves the positions of the text fields out (they are
# two thirds of its postings, see without_positions in prebuilt.py). For a
# term whose positions are empty the patch finds them in the position table
# the worker already holds: the text tokens whose text, lowercased, is the
# term, exactly where the tokenizer put them when it recorded the position.
POSITIONS = re.compile(
    r"for\(let (?P<d>[\w$]+) of Object\.values\((?P<u>[\w$]+)\.metadata\)\)typeof (?P=d)\[(?P<l>[\w$]+)\]!=\"undefined\"&&"
    r"(?P<m>[\w$]+)\.push\(\.\.\.(?P=d)\[(?P=l)\]\.position\);"
    r"(?=if\(!(?P=m)\.length\)continue;let [\w$]+=this\.table\.get\(\[(?P<c>[\w$]+)\.location,(?P=l)\]\.join\(\":\"\)\))"
)
POSITIONS_JS = ("function __guidePositions(term,data,table,value){"
                "if(data.position.length||!table||typeof value!==\"string\")return data.position;var out=[],b,k,e,at,n;"
                "for(b=0;b<table.length;b++)for(k=0;k<table[b].length;k++){e=table[b][k];at=e>>>12;n=e>>>2&1023;"
                "if((e&3)===1&&n===term.length&&value.slice(at,at+n).toLowerCase()===term)out.push(b<<20|k)}return out}")


def positions_from_table(code: str) -> str:
    """The worker finding a term's positions in the position table when the index left them out (see POSITIONS)."""
    m = _find_once(POSITIONS, code, "the match positions loop of Material's search worker",
                   "compare src/.../integrations/search/_/index.ts (Search.search) with POSITIONS in "
                   "macros/search/worker_patch.py")
    d, u, field, c = m["d"], m["u"], m["l"], m["c"]  # names in the minified bundle (l: the field)
    found = (f"for(let[__term,{d}]of Object.entries({u}.metadata))typeof {d}[{field}]!=\"undefined\"&&"
             f"{m['m']}.push(...__guidePositions(__term,{d}[{field}],this.table.get([{c}.location,{field}].join(\":\")),"
             f"{c}[{field}]));")
    return code[:m.start()] + found + code[m.end():]


# Material's worker rewrites each run of Chinese characters in a query into
# the index terms it contains, joined by "* ":
#
#     query = query.replace(/\p{sc=Han}+/gu, run => [...segment(run, index)].join("* "))
#
# A run written against letters or digits stays glued to them: 360浏览器,
# Excel台账 and 2026年 are each searched as one word that no page contains
# (the index holds 360, 浏览器, excel, 台账, 2026, 年 separately), and find
# nothing. The patch puts a space between a run and a letter or digit
# beside it, so each part is searched. Operators and field names (+中心组,
# title:中心组, 中心组~1) are left as they are.
#
# It also drops question words and particles (怎么, 如何, 哪些, 的, 里:
# ``filler_words`` from data/search/) when the query has other words:
# staff type whole questions (台账怎么填), and every page's heading 怎么做
# would otherwise outrank the page about 台账. A query of filler words
# only is searched as typed.
HAN_RUNS = re.compile(
    r'(?P<head>[\w$]+\.replace\(new RegExp\("\\\\p\{sc=Han\}\+","gu"\),)(?P<run>[\w$]+)=>'
    r'(?P<body>\[\.\.\.[\w$]+\((?P=run),this\.index\.invertedIndex\)\]\.join\("\* "\))\)'
)
KEEP_JS = ("function __guideKeep(segments,run,query){"
           "var kept=segments.filter(function(w){return!__guideFillerWords.has(w)});if(kept.length)return kept;"
           "var others=query.replace(run,\"\").replace(/[\\s\"+\\-~^*:]/g,\"\");return others?[]:segments}")
SPACED_JS = ("function __guideSpaced(text,run,at,query){var word=/[\\p{L}\\p{N}_.]/u;"
             "return(word.test(query.charAt(at-1))?\" \":\"\")+text+(word.test(query.charAt(at+run.length))?\" \":\"\")}")


def space_han_runs(code: str) -> str:
    """The worker searching a Chinese run apart from the letters or digits written against it, without
    filler words when the query has other words (see HAN_RUNS)."""
    m = _find_once(HAN_RUNS, code, "the Chinese query segmentation call of Material's search worker",
                   "compare src/.../integrations/search/_/index.ts (Search.search) with HAN_RUNS in "
                   "macros/search/worker_patch.py")
    run = m["run"]
    segments = m["body"][: -len('.join("* ")')]
    kept = f'__guideKeep({segments},{run},__q).join("* ")'
    spaced = f"({run},__at,__q)=>__guideSpaced({kept},{run},__at,__q))"
    return code[:m.start()] + m["head"] + spaced + code[m.end():]


# The page no longer loads the index and copies it into the worker (see
# WORKER_FETCH below): it sends the index's address, and the worker loads it
# itself. The set-up message handler
#
#     case SETUP: return await setupSearchLanguages(message.data.config), index = new Search(message.data), ...
#
# first replaces such a message's data with the loaded index: over HTTP it
# fetches search_index.json; under file://, where the "worker" is the
# iframe-worker shim's hidden frame and cannot fetch, it loads
# search_index.js (``var __index = {...}``) with importScripts, which the
# shim provides. A message that carries the index itself is used as before.
SETUP_MESSAGE = re.compile(r"case 0:return yield (?P<langs>[\w$]+)\((?P<m>[\w$]+)\.data\.config\),")
FETCH_INDEX_JS = ("function __guideFetchIndex(d){var u=d.url;return(/\\.js$/.test(u)"
                  "?Promise.resolve(importScripts(u)).then(function(){return self.__index})"
                  ":fetch(u).then(function(r){if(!r.ok)throw new Error(\"search index \"+u+\": HTTP \"+r.status);"
                  "return r.json()})).then(function(i){if(!i||!i.docs)throw new Error(\"search index \"+u+\": no documents\");"
                  "return{config:i.config,docs:i.docs,prebuilt:i.prebuilt,options:d.options}})}")


def fetch_index(code: str) -> str:
    """The worker fetching the index itself when given its address (see SETUP_MESSAGE)."""
    m = _find_once(SETUP_MESSAGE, code, "the set-up message handler of Material's search worker",
                   "compare the worker's message handler (integrations/search/worker/main) with SETUP_MESSAGE in "
                   "macros/search/worker_patch.py")
    fetched = (f"case 0:if({m['m']}.data.url){m['m']}.data=yield __guideFetchIndex({m['m']}.data);"
               f"return yield {m['langs']}({m['m']}.data.config),")
    return code[:m.start()] + fetched + code[m.end():]


# When only sections of a page match, the worker adds the page itself to the
# group with no terms:
#
#     if (!items.find(item => item.location === page)) items.push({...doc, score: 0, terms: {}})
#
# and the page's link then carries an empty ?h=, so opening it highlights
# nothing. The patch gives the page the terms its sections matched.
PAGE_TERMS = re.compile(r"(?P<head>(?P<items>[\w$]+)\.push\([\w$]+\([\w$]+\(\{\},[\w$]+\),\{score:0,terms:)\{\}(?=\}\)\))")
UNION_TERMS_JS = ("function __guideUnionTerms(items){var terms={};items.forEach(function(item){"
                  "for(var t in item.terms)terms[t]=terms[t]||item.terms[t]});return terms}")


def page_terms(code: str) -> str:
    """The worker giving a page that matched only through its sections those sections' terms (see PAGE_TERMS)."""
    m = _find_once(PAGE_TERMS, code, "the page added to a group of section results in Material's search worker",
                   "compare src/.../integrations/search/_/index.ts (Search.search) with PAGE_TERMS in "
                   "macros/search/worker_patch.py")
    return code[:m.start()] + m["head"] + f"__guideUnionTerms({m['items']})" + code[m.end():]


def fix_segmentation(code: str) -> str:
    """The worker with whole-query segmentation (see SEGMENT_LOOP)."""
    m = _find_once(
        SEGMENT_LOOP, code, "the query segmentation loop of Material's search worker",
        "Material was probably upgraded: compare src/.../search/query/segment/index.ts in the new version "
        "with macros/search/worker_patch.py and update SEGMENT_LOOP (or drop the patch if it is fixed upstream)")
    fixed = m.group(0).replace(f"{m['j']}<{m['q']}.length", f"{m['j']}<={m['q']}.length", 1)
    return code[:m.start()] + fixed + code[m.end():]


def load_prebuilt(code: str) -> str:
    """The worker that loads a prebuilt index when given one (see CONSTRUCTOR)."""
    advice = ("Material was probably upgraded: compare the Search constructor in src/.../integrations/search/_/index.ts "
              "with CONSTRUCTOR in macros/search/worker_patch.py")
    m = _find_once(CONSTRUCTOR, code, "the Search constructor of Material's search worker", advice)
    _find_once(re.compile(re.escape(SEGMENTER)), code, "the segmenter set-up of the Search constructor", advice)
    c, d, o = m["config"], m["docs"], m["options"]
    branch = (
        f"constructor({{config:{c},docs:{d},options:{o},prebuilt:__pb}}){{"
        f"if(__pb&&__pb.format==={PREBUILT_FORMAT}&&__pb.lunr===lunr.version){{"
        f"this.map={m['doc_map']}({d});this.options={o};"
        f"lunr.tokenizer.separator=new RegExp({c}.separator);{SEGMENTER};"
        f"let __l=__guideLoadIndex(__pb);this.table=__l.table;this.index=__l.index;return}}"
    )
    return code[:m.start()] + branch + code[m.end():]


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
# the whole index, which is most of a first visit's bytes. The patch loads it
# when the search box is focused, clicked or opened with the keyboard
# shortcut; and at once, on HTTP and file:// alike, for a reader who has used
# search before (SEARCH_USED, set by docs/assets/javascripts/search-input.js
# in Material's own site-scoped storage), so that search is ready when such
# a reader reaches for it. The index arrives prebuilt, so loading it early
# costs a revalidation and some tens of milliseconds, not a rebuild.
#
# The search.highlight feature also subscribes to the index on every page,
# to read one setting from it, the separator its highlighter splits words by
# (setupSearchHighlighter(index.config)):
#
#     feature("search.highlight") ? mountSearchHiglight(el, { index$, location$ })
#
# so a page opened from a result (?h=…) loaded and parsed the whole index on
# its own thread. It is given that setting instead, known when the site is
# built (``separator``; hooks/search.py checks it against the built index),
# when the address has an h parameter, and an empty (completing) input
# otherwise.
#
# setupSearchWorker() then loads the index in the page and copies its config
# and docs into the worker:
#
#     .pipe(filter(Boolean), switchMap(() => index$))
#     .subscribe(({ config, docs }) => worker$.next({type: SETUP, data: {config, docs, options}}))
#
# Parsing 1.8 MB in the page and copying it into the worker (under file://
# the iframe-worker shim copies it with structuredClone on the page's own
# thread) took as long as the worker's loading itself. The patched bundle
# sends the index's address instead (WORKER_FETCH, INDEX_URL: search_index.js
# under file://, search_index.json otherwise) and passes it along (PASS_URL);
# the worker loads the index (see SETUP_MESSAGE).
WORKER_FETCH = re.compile(r"(?P<head>\.pipe\([\w$]+\((?P<v>[\w$]+)=>(?P=v)\),[\w$]+\(\(\)=>)[\w$]+\)\)\.subscribe\(")
INDEX_URL = re.compile(r'new URL\("search/search_index\.json",(?P<config>[\w$]+)\.base\)')
PASS_URL = re.compile(r"\(\{config:(?P<c>[\w$]+),docs:(?P<d>[\w$]+)\}\)=>(?P<w>[\w$]+)\.next\(\{type:0,data:\{config:(?P=c),docs:(?P=d),")
#
# The result list renders the first ten results at once, then four more each
# time the reader scrolls near its end:
#
#     merge(of(...items.slice(0, 10)), of(...items.slice(10)).pipe(bufferCount(4), zipWith(boundary$)))
#
# Rendering and laying out ten results of Chinese text is most of the time
# from a keystroke to its results; the panel shows two or three. The first
# batch is cut to FIRST_RESULTS, which still fills the panel, and scrolling
# brings the rest as before.
FIRST_RESULTS = 6
FIRST_BATCH = re.compile(r"\$\(\.\.\.(?P<items>[\w$]+)\.slice\(0,10\)\),\$\(\.\.\.(?P=items)\.slice\(10\)\)")
HIGHLIGHT_INDEX = re.compile(r'(\("search\.highlight"\)\?[\w$]+\([\w$]+,\{index\$:)([\w$]+)(,location\$:[\w$]+\}\))')
SEARCH_USED = "guide.search.used"
EAGER_INDEX = re.compile(r'([\w$]+\((?P<of>[\w$]+)\()location\.protocol!=="file:"(\),[\w$]+\("search"\)\)\.pipe\()')
BUNDLE_NAME = re.compile(r"^bundle\.[0-9a-f]{8}\.min\.js$")


def patch_bundle(code: str, separator: str) -> str:
    """Material's main bundle: index loaded on first use, by the worker from the address the page sends,
    highlighting on a result's page with ``separator`` (the search config's) instead of the index,
    a shorter first batch of results, no source-map link."""
    m = _find_once(
        EAGER_INDEX, code, "the search index set-up of Material's main bundle",
        "Material was probably upgraded: compare src/.../search/worker/_/index.ts (setupSearchWorker) "
        "with macros/search/worker_patch.py and update EAGER_INDEX")
    head = m.group(1) + f'!!__md_get("{SEARCH_USED}")' + m.group(3)
    code = code[:m.start()] + head + code[m.end():]
    url = _find_once(INDEX_URL, code, "the search index address in Material's main bundle",
                     "compare src/.../search/worker/_/index.ts with INDEX_URL in macros/search/worker_patch.py")
    w = WORKER_FETCH.match(code, m.start() + len(head) - len(".pipe("))
    if not w:
        raise WorkerPatchError("expected the index to be handed to the worker right after the search toggle in "
                               "Material's main bundle; compare src/.../search/worker/_/index.ts "
                               "(setupSearchWorker) with WORKER_FETCH in macros/search/worker_patch.py")
    index = 'location.protocol==="file:"?"search/search_index.js":"search/search_index.json"'
    address = f'{m["of"]}({{url:String(new URL({index},{url["config"]}.base))}})'
    code = code[:w.start()] + w["head"] + address + ")).subscribe(" + code[w.end():]
    h = _find_once(
        HIGHLIGHT_INDEX, code, "the search.highlight set-up of Material's main bundle",
        "compare src/.../bundle.ts (mountSearchHiglight) with macros/search/worker_patch.py (HIGHLIGHT_INDEX)")
    settings = json.dumps({"config": {"separator": separator}})
    lazy = f'new URL(location.href).searchParams.has("h")?{m["of"]}({settings}):[]'
    code = code[:h.start()] + h.group(1) + lazy + h.group(3) + code[h.end():]
    p = _find_once(
        PASS_URL, code, "the search worker set-up message of Material's main bundle",
        "compare src/.../search/worker/_/index.ts (setupSearchWorker) with PASS_URL in macros/search/worker_patch.py")
    passed = f"({{url:__url}})=>{p['w']}.next({{type:0,data:{{url:__url,"
    code = code[:p.start()] + passed + code[p.end():]
    f = _find_once(
        FIRST_BATCH, code, "the first batch of search results in Material's main bundle",
        "compare src/.../search/result/index.ts (mountSearchResult) with FIRST_BATCH in macros/search/worker_patch.py")
    items = f["items"]
    code = (code[:f.start()] + f"$(...{items}.slice(0,{FIRST_RESULTS})),$(...{items}.slice({FIRST_RESULTS}))"
            + code[f.end():])
    return SOURCE_MAP.sub("", code)


def bundle_name(code: str) -> str:
    return f"bundle.{hashlib.sha256(code.encode('utf-8')).hexdigest()[:8]}.min.js"
