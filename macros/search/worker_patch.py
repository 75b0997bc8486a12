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
* Material's segment() stops at the first character where no indexed word
  starts; the walk goes on past it (see SEGMENT_GAPS), and a question's rare
  words weigh more (see WEIGH_JS).
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

The code is matched by its shape, whatever its variable names: no pattern
names an identifier the minifier chose, and none depends on how esbuild
down-levels ``await`` or object spread. Every patch fails loudly when its
shape is not found exactly once (a Material upgrade changed it): it must then
be checked against the new source, never silently skipped.

All patches are listed once, in ``PATCHES`` at the end of this file: name,
pattern, rewrite, the upstream source it mirrors and the tests that prove it.
``KNOWN_SOURCES`` records the SHA-256 of the Material files they were checked
against; hooks/search.py stops the build on any other file
(``check_known_source``). CONTRIBUTING.md, "Upgrading Material", says what to
do then.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .prebuilt import DECODE_JS, SEARCH_CLASS
from .prebuilt import FORMAT as PREBUILT_FORMAT

TEST_COMMAND = "pytest tests/test_search_units.py tests/test_search_prebuilt.py tests/test_search_browser.py"
SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")
WORKER_NAME = re.compile(r"^search\.[0-9a-f]{8}\.min\.js$")
BUNDLE_NAME = re.compile(r"^bundle\.[0-9a-f]{8}\.min\.js$")

# The Material files the patches below were checked against, per mkdocs-material version:
# {kind: (file name, SHA-256 of its text)}. hooks/search.py stops the build on any other worker or
# bundle (check_known_source). Add a version only as CONTRIBUTING.md, "Upgrading Material", says.
KNOWN_SOURCES: dict[str, dict[str, tuple[str, str]]] = {
    "9.8.1": {
        "worker": ("search.a7633da7.min.js", "da1b3df5e5f00cc73083c9e21ff0ec28bde85cd247057bdd05b7a167e5903bd4"),
        "bundle": ("bundle.a5f9d56c.min.js", "b9a1ef14b5e91ad61fa8d7dd42e1f55e6af0ebd224bc8970dff0e7d7311b172f"),
    },
}


class WorkerPatchError(RuntimeError):
    """The shipped worker or bundle does not contain the code a patch changes."""


class UnknownMaterialFile(WorkerPatchError):
    """A Material worker or bundle the patches were not checked against."""


def check_known_source(kind: str, code: str, installed: str) -> None:
    """Nothing when ``code`` (Material's ``kind``, "worker" or "bundle") is a file in KNOWN_SOURCES; else
    UnknownMaterialFile, saying what to run and where the patch table is."""
    digest = hashlib.sha256(code.encode("utf-8")).hexdigest()
    if any(files.get(kind, ("", ""))[1] == digest for files in KNOWN_SOURCES.values()):
        return
    known = ", ".join(f"{files[kind][0]} of mkdocs-material {version}"
                      for version, files in KNOWN_SOURCES.items() if kind in files)
    if installed in KNOWN_SOURCES:
        cause = (f"mkdocs-material {installed} ships another {kind}: reinstall it (pip install -r requirements.txt) "
                 "or remove the theme override in overrides/, unless the change is meant. If it is: ")
    else:
        cause = ""
    raise UnknownMaterialFile(
        f"Material's search code changed: this {kind} (SHA-256 {digest}, with mkdocs-material {installed} "
        f"installed) is not a file the search patches were checked against ({known}); they may still match and "
        f"yet no longer do what they did. What to do: {cause}check each row of PATCHES in "
        f"macros/search/worker_patch.py against the source named in its 'upstream' field, in the installed "
        f"version; add \"{kind}\": (<file name>, \"{digest}\") under \"{installed}\" in KNOWN_SOURCES (same file); "
        f"run `{TEST_COMMAND}`, and keep the hash only when they pass (CONTRIBUTING.md, \"Upgrading Material\")")


def _find_once(pattern: re.Pattern, code: str, what: str, advice: str) -> re.Match:
    """The single match of ``pattern``; WorkerPatchError when it is missing or repeated."""
    matches = list(pattern.finditer(code))
    if len(matches) != 1:
        raise WorkerPatchError(f"expected {what} exactly once, found {len(matches)}; {advice}")
    return matches[0]


# --- Worker: whole-query segmentation --------------------------------------
#
# for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)
SEGMENT_LOOP = re.compile(
    r"for\(let (?P<j>[\w$]+)=(?P<i>[\w$]+)\+1;(?P=j)<(?P<q>[\w$]+)\.length;(?P=j)\+\+\)"
    r"(?P=q)\.slice\((?P=i),(?P=j)\)in [\w$]+&&"
)


def _whole_query(m: re.Match, ctx: dict) -> str:
    return m.group(0).replace(f"{m['j']}<{m['q']}.length", f"{m['j']}<={m['q']}.length", 1)


# --- Worker: a question searched past the characters that start no word ----
#
# Material's segment() then walks the run from one indexed word to the next
# and stops at the first position where no indexed word starts:
#
#     let stack = [0]
#     ...
#       const q = p + segments[p]
#       if (segments[q] && q < query.length - 1) stack[i++] = q
#
# so the rest of a question is never searched: 入职三个月要先学哪些东西才能写材料
# was searched as 入, 领导说我写的太虚了 as 领导; and a run whose first
# character starts no word (光有制度没有记录) is searched whole, as one term
# no page holds. The patch starts the walk, and goes on after each word, at
# the next position where a word starts (__guideFrom); characters that start
# none are skipped, as Material skips them inside a word. A run where no
# word starts anywhere is still searched as typed. ``__guideGaps = 0`` is
# Material's walk (for measuring).
SEGMENT_GAPS = re.compile(
    r"(?P<fill>in (?P<e>[\w$]+)&&\([\w$]+\[[\w$]+\]=[\w$]+-[\w$]+\);)let (?P<st>[\w$]+)=\[0\];(?P<loop>for\(let (?P<s>[\w$]+)=(?P=st)\.length;(?P=s)>0;\)\{"
    r"let (?P<o>[\w$]+)=(?P=st)\[--(?P=s)\];for\([^{}]{0,160}?\);)"
    r"let (?P<a>[\w$]+)=(?P=o)\+(?P<n>[\w$]+)\[(?P=o)\];"
    r"(?P=n)\[(?P=a)\]&&(?P=a)<(?P<t>[\w$]+)\.length-1&&\((?P=st)\[(?P=s)\+\+\]=(?P=a)\),"
)
GAPS_JS = ("var __guideGaps=1,__guideAt=0,__guidePrefixes=new WeakMap;"
           # Every start of two or more characters of the index's words, once per index.
           "function __guidePrefixesOf(index){var p=__guidePrefixes.get(index);if(p)return p;p=new Set;"
           "for(var w in index)for(var k=2;k<w.length&&k<=12;k++)p.add(w.slice(0,k));__guidePrefixes.set(index,p);return p}"
           # Where no word starts, the longest piece (two characters or more) that starts one: searched with the
           # wildcard, as Material searches a run where no word starts at all (黑体 in 黑体字).
           "function __guideFill(n,run,index){if(!__guideGaps)return;var p=null,i,k;"
           "for(i=0;i<n.length;i++){if(n[i])continue;p=p||__guidePrefixesOf(index);"
           "for(k=Math.min(12,n.length-i);k>=2;k--)if(p.has(run.slice(i,i+k))){n[i]=k;break}}}"
           # The first position at or after ``a`` where an indexed word starts (``n[a]``: its length), or
           # n.length; without __guideGaps, ``a`` when a word starts there and Infinity otherwise.
           "function __guideFrom(n,a){if(n[a])return a;if(!__guideGaps)return 1/0;"
           "while(++a<n.length&&!n[a]);return a}"
           "function __guideStart(n){var a=__guideGaps?__guideFrom(n,0):0;return a<n.length?a:0}")


def _past_gaps(m: re.Match, ctx: dict) -> str:
    st, s, a, n, t = m["st"], m["s"], m["a"], m["n"], m["t"]
    return (f"{m['fill']}__guideFill({n},{t},{m['e']});let {st}=[__guideStart({n})];{m['loop']}let {a}={m['o']}+{n}[{m['o']}];"
            f"(__guideAt=__guideFrom({n},{a}))<{t}.length-1&&({st}[{s}++]=__guideAt),")


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


def _prebuilt_branch(m: re.Match, ctx: dict) -> str:
    c, d, o = m["config"], m["docs"], m["options"]
    return (
        f"constructor({{config:{c},docs:{d},options:{o},prebuilt:__pb}}){{"
        f"if(__pb&&__pb.format==={PREBUILT_FORMAT}&&__pb.lunr===lunr.version){{"
        f"this.map={m['doc_map']}({d});this.options={o};"
        f"lunr.tokenizer.separator=new RegExp({c}.separator);{SEGMENTER};"
        f"let __l=__guideLoadIndex(__pb);this.table=__l.table;this.index=__l.index;return}}"
    )


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


def _single_wildcard(m: re.Match, ctx: dict) -> str:
    return m.group(0).replace("|[~^]\\d+$)/", "|[~^]\\d+$|\\*$)/", 1)


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
# A term without upper- or lower-case letters (台账) is compared where it
# stands, without a lowercased copy of every token as long as it: this runs
# for every term of every result (260 times a long question), a third of
# Material's search time. A field's tokens are put by length once and kept
# (``__guideTokensByLength``), so each term reads only the tokens as long as
# it, not the whole table (unseen-4's long questions: 0.43 ms of a query's
# 4.8 ms in V8 before, see CONTRIBUTING "Where a query's time goes").
POSITIONS = re.compile(
    r"for\(let (?P<d>[\w$]+) of Object\.values\((?P<u>[\w$]+)\.metadata\)\)typeof (?P=d)\[(?P<l>[\w$]+)\]!==?\"undefined\"&&"
    r"(?P<m>[\w$]+)\.push\(\.\.\.(?P=d)\[(?P=l)\]\.position\);"
    r"(?=if\(!(?P=m)\.length\)continue;let [\w$]+=this\.table\.get\(\[(?P<c>[\w$]+)\.location,(?P=l)\]\.join\(\":\"\)\))"
)
POSITIONS_JS = ("function __guidePositions(term,data,table,value){"
                "if(data.position.length||!table||typeof value!==\"string\")return data.position;"
                "var out=[],list=__guideTokensByLength(table)[term.length]||[],i,at,n=term.length,"
                "plain=term.toUpperCase()===term&&term.toLowerCase()===term;"
                "for(i=0;i<list.length;i+=2){at=list[i];"
                "if(plain?value.startsWith(term,at):value.slice(at,at+n).toLowerCase()===term)out.push(list[i+1])}"
                "return out}"
                # A field's text tokens by length, once per field of a section and kept: (where, position) pairs in
                # the table's order, so a term is compared only with the tokens as long as it.
                "var __guideByLength=new WeakMap;"
                "function __guideTokensByLength(table){var by=__guideByLength.get(table),b,k,e,n;if(by)return by;by={};"
                "for(b=0;b<table.length;b++)for(k=0;k<table[b].length;k++){e=table[b][k];if((e&3)!==1)continue;"
                "n=e>>>2&1023;(by[n]||(by[n]=[])).push(e>>>12,b<<20|k)}"
                "__guideByLength.set(table,by);return by}")


def _positions_from_table(m: re.Match, ctx: dict) -> str:
    d, u, field, c = m["d"], m["u"], m["l"], m["c"]  # names in the minified bundle (l: the field)
    # A field the page never shows (__guideShown in results.js: the keywords and questions) gets no positions, so
    # Material's loop goes on to the next field without highlighting it: its highlighted copy was dropped before the
    # answer left the worker (__guideDropUnshown) and made a fifth of Material's search time (round 9).
    return (f"for(let[__term,{d}]of __guideShown({field})?Object.entries({u}.metadata):[])typeof {d}[{field}]!=\"undefined\"&&"
            f"{m['m']}.push(...__guidePositions(__term,{d}[{field}],this.table.get([{c}.location,{field}].join(\":\")),"
            f"{c}[{field}]));")


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
# Beside a word of two or more characters, a single character is not searched either (__guideSingles):
# 社区需要建哪些台账 searched 建* in every heading with 建设 or 建军 (hit@5 of the broad and unseen sets
# 207 and 108 with the rule, 206 and 106 without, measured with scripts/rank_queries.py).
#
# It also drops question words and particles (怎么, 如何, 哪些, 的, 里:
# ``filler_words`` from data/search/) when the query has other words:
# staff type whole questions (台账怎么填), and every page's heading 怎么做
# would otherwise outrank the page about 台账. A query of filler words
# only is searched as typed.
#
# The regular expression is matched as esbuild writes it for older browsers
# (new RegExp("\\p{sc=Han}+","gu")) or as a literal.
HAN_RUNS = re.compile(
    r'(?P<head>[\w$]+\.replace\((?:new RegExp\("\\\\p\{sc=Han\}\+","gu"\)|/\\p\{sc=Han\}\+/gu),)(?P<run>[\w$]+)=>'
    r'(?P<body>\[\.\.\.[\w$]+\((?P=run),this\.index\.invertedIndex\)\]\.join\("\* "\))\)'
)
KEEP_JS = ("var __guideSingles=1;function __guideKeep(segments,run,query){"
           "var kept=segments.filter(function(w){return!__guideFillerWords.has(w)});"
           "var words=kept.filter(function(w){return w.length>1});if(__guideSingles&&words.length)kept=words;"
           "if(kept.length)return kept;"
           "var others=query.replace(run,\"\").replace(/[\\s\"+\\-~^*:]/g,\"\");return others?[]:segments}")
# A question's rare words weigh more (__guideWeigh): a word of the run found in at most ``__guideRare`` of the
# index's sections (台账, 签到表, 网评员; 0.005: four sections of some 850) is searched with boost
# ``__guideRareBoost``, so the common words a whole question brings (工作, 社区, 材料, 内容) count less
# beside it. Measured with scripts/rank_queries.py on the eight sets (hit@5/top-1 of main, broad,
# unseen, -2 .. -6), with the walk past gaps (SEGMENT_GAPS): without either 81/59 211/168 117/95 123/94
# 120/91 105/79 115/94 100/69 (six unseen sets: hit@5 680, top-1 of all 749); gaps alone 680, 747;
# gaps and rare 0.005 boost 2 (kept) 81/59 211/168 117/93 123/96 119/91 107/78 115/94 100/73 (681, 752);
# rare 0.003: 681, 750; 0.01: 680, 751; boost 3: 681, 751; rare 0.005 without gaps: 681, 754.
# Rejected: dropping the words found in more than a share of the sections (0.02 .. 0.3: hit@5 of the
# six unseen sets 612 .. 679), searching them without the wildcard (0.05 .. 0.2: 663 .. 673), the
# re-rank's power 2 (675), single characters searched again (677).
WEIGH_JS = ("var __guideRare=0.005,__guideRareBoost=2;"
            "function __guideWeigh(kept,index,total){if(!index||!total||kept.length<2||!__guideRare)return kept;"
            "var most=Math.floor(__guideRare*total)+1;"
            "return kept.map(function(w){return __guideDf(index,w,most)<most?w+\"*^\"+__guideRareBoost:w})}"
            # Joined as Material joins them ("* "), but a boosted word carries its own wildcard and boost.
            "function __guideJoin(parts){var n=parts.length;return parts.map(function(p,i){"
            "return i===n-1?p:/\\^\\d+$/.test(p)?p+\" \":p+\"* \"}).join(\"\")}")
SPACED_JS = ("function __guideSpaced(text,run,at,query){var word=/[\\p{L}\\p{N}_.]/u;"
             "return(word.test(query.charAt(at-1))?\" \":\"\")+text+(word.test(query.charAt(at+run.length))?\" \":\"\")}")


def _spaced_han_runs(m: re.Match, ctx: dict) -> str:
    run = m["run"]
    segments = m["body"][: -len('.join("* ")')]
    kept = f'__guideJoin(__guideWeigh(__guideKeep({segments},{run},__q),this.index.invertedIndex,this.map.size))'
    return m["head"] + f"({run},__at,__q)=>__guideSpaced({kept},{run},__at,__q))"


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
# The handler is matched whether esbuild down-levels ``await`` to ``yield``
# (9.8.1) or not; SETUP is 0 in SearchMessageType.
SETUP_MESSAGE = re.compile(
    r"case 0:return (?P<wait>yield|await) (?P<langs>[\w$]+)\((?P<m>[\w$]+)\.data\.config\),")
FETCH_INDEX_JS = ("function __guideFetchIndex(d){var u=d.url;return(/\\.js$/.test(u)"
                  "?Promise.resolve(importScripts(u)).then(function(){return self.__index})"
                  ":fetch(u).then(function(r){if(!r.ok)throw new Error(\"search index \"+u+\": HTTP \"+r.status);"
                  "return r.json()})).then(function(i){if(!i||!i.docs)throw new Error(\"search index \"+u+\": no documents\");"
                  "__guideSetPinyin(i.pinyin);return{config:i.config,docs:i.docs,prebuilt:i.prebuilt,options:d.options}})}")


def _fetched_index(m: re.Match, ctx: dict) -> str:
    msg, wait = m["m"], m["wait"]
    return (f"case 0:if({msg}.data.url){msg}.data={wait} __guideFetchIndex({msg}.data);"
            f"return {wait} {m['langs']}({msg}.data.config),")


# When only sections of a page match, the worker adds the page itself to the
# group with no terms:
#
#     if (!items.find(item => item.location === page)) items.push({...doc, score: 0, terms: {}})
#
# and the page's link then carries an empty ?h=, so opening it highlights
# nothing. The patch gives the page the terms its sections matched. The
# object is matched as esbuild's spread helpers write it (f(g({},doc),{...}))
# or as a native spread.
PAGE_TERMS = re.compile(
    r"(?P<head>(?P<items>[\w$]+)\.push\((?:[\w$]+\([\w$]+\(\{\},[\w$]+\),\{|\{\.\.\.[\w$]+,)score:0,terms:)\{\}(?=\}\))")
UNION_TERMS_JS = ("function __guideUnionTerms(items){var terms={};items.forEach(function(item){"
                  "for(var t in item.terms)terms[t]=terms[t]||item.terms[t]});return terms}")


def _page_terms(m: re.Match, ctx: dict) -> str:
    return m["head"] + f"__guideUnionTerms({m['items']})"


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
SEARCH_USED = "guide.search.used"
EAGER_INDEX = re.compile(
    r'(?P<merge>[\w$]+\((?P<of>[\w$]+)\()location\.protocol!==?"file:"(?P<toggle>\),[\w$]+\("search"\)\))(?=\.pipe\()')


def _index_on_first_use(m: re.Match, ctx: dict) -> str:
    return m["merge"] + f'!!__md_get("{SEARCH_USED}")' + m["toggle"]


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
HIGHLIGHT_INDEX = re.compile(
    r'(?P<head>\("search\.highlight"\)\?[\w$]+\([\w$]+,\{index\$:)[\w$]+(?P<tail>,location\$:[\w$]+\}\))')


def _highlight_without_index(m: re.Match, ctx: dict) -> str:
    settings = json.dumps({"config": {"separator": ctx["separator"]}})
    of = ctx["EAGER_INDEX"]["of"]
    return m["head"] + f'new URL(location.href).searchParams.has("h")?{of}({settings}):[]' + m["tail"]


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


def _index_address(m: re.Match, ctx: dict) -> str:
    index = 'location.protocol==="file:"?"search/search_index.js":"search/search_index.json"'
    address = f'{ctx["EAGER_INDEX"]["of"]}({{url:String(new URL({index},{ctx["INDEX_URL"]["config"]}.base))}})'
    return m["head"] + address + ")).subscribe("


def _pass_address(m: re.Match, ctx: dict) -> str:
    return f"({{url:__url}})=>{m['w']}.next({{type:0,data:{{url:__url,"


# The result list renders the first ten results at once, then four more each
# time the reader scrolls near its end:
#
#     merge(of(...items.slice(0, 10)), of(...items.slice(10)).pipe(bufferCount(4), zipWith(boundary$)))
#
# Rendering and laying out ten results of Chinese text is most of the time
# from a keystroke to its results; the panel shows two or three. The first
# batch is cut to FIRST_RESULTS, which still fills the panel, and scrolling
# brings the rest as before. ``of`` is whatever the minifier named it ($ in 9.8.1).
FIRST_RESULTS = 6
FIRST_BATCH = re.compile(
    r"(?P<of>[\w$]+)\(\.\.\.(?P<items>[\w$]+)\.slice\(0,10\)\),(?P=of)\(\.\.\.(?P=items)\.slice\(10\)\)")


def _shorter_first_batch(m: re.Match, ctx: dict) -> str:
    of, items = m["of"], m["items"]
    return f"{of}(...{items}.slice(0,{FIRST_RESULTS})),{of}(...{items}.slice({FIRST_RESULTS}))"


# The worker's message handler answers a query with the Search class's results:
#
#     case QUERY: const query = message.data; try { return {type: RESULT, data: index.search(query)} } ...
#
# The patch hands them to __guideSearch (macros/search/results.js, appended to the worker) first, which
# gives every result a short snippet around the words that matched and shows the section that holds more
# of them than the page's own text. QUERY is 2 and RESULT 3 in SearchMessageType.
RESULTS = re.compile(
    r"case 2:(?:let|const) (?P<q>[\w$]+)=(?P<m>[\w$]+)\.data;try\{return\{type:3,data:(?P<s>[\w$]+)\.search\((?P=q)\)\}\}")
RESULTS_JS = (Path(__file__).with_name("results.js")).read_text(encoding="utf-8")


def _guide_results(m: re.Match, ctx: dict) -> str:
    return m.group(0).replace(f"data:{m['s']}.search({m['q']})", f"data:__guideSearch({m['s']},{m['q']})", 1)


# The result list's meta line says how many results there are:
#
#     combineLatest(result$, query$).subscribe(([{items}, {value}]) => { switch (items.length) {
#       case 0: meta.textContent = value.length ? translation("search.result.none") : ...; ...
#       default: meta.textContent = translation("search.result.other", round(items.length)) } })
#
# When the worker corrected a one-character slip (results.js, __guideCorrect) its answer carries
# ``guide: {corrected, typed}``; the patch has the line say so: 您要找的是不是“舆情处置”？以下是它的结果（N 个）.
SUGGEST = re.compile(
    r"\.subscribe\(\(\[\{items:(?P<items>[\w$]+)\},\{value:(?P<value>[\w$]+)\}\]\)=>\{switch\((?P=items)\.length\)\{"
    r"case 0:(?P<meta>[\w$]+)\.textContent=(?P<body>[^{}]*?\(\"search\.result\.other\",[\w$]+\))\}\}\)")
DID_YOU_MEAN_JS = ("function __guideDidYouMean(meta,guide,count){if(!guide||!guide.corrected)return;"
                   "meta.textContent=\"您要找的是不是“\"+guide.corrected+\"”？以下是它的结果（\"+count+\" 个）。\"}")


def _did_you_mean(m: re.Match, ctx: dict) -> str:
    items, value, meta = m["items"], m["value"], m["meta"]
    return (f".subscribe(([{{items:{items},guide:__guide}},{{value:{value}}}])=>{{switch({items}.length){{"
            f"case 0:{meta}.textContent={m['body']}}}__guideDidYouMean({meta},__guide,{items}.length)}})")


# --- The patch table -------------------------------------------------------

UPSTREAM = "squidfunk/mkdocs-material src/templates/assets/javascripts/"
UNITS, PREBUILT, BROWSER = "tests/test_search_units.py::", "tests/test_search_prebuilt.py::", "tests/test_search_browser.py::"


@dataclass(frozen=True)
class Patch:
    """One change to a Material file, found by the shape of its code.

    ``pattern`` must match exactly once in ``target`` ("worker", "bundle"; "prebuild": made only in V8 at build
    time, by prebuilt.expose_search_class), or, with ``follows``, right where that patch's replacement ends.
    ``rewrite(match, ctx)`` gives the replacement, ``ctx`` holding the earlier matches by name and the
    parameters (``separator``, ``filler_words``); without one the code is only checked. ``upstream`` is the
    source the pattern mirrors (as of the versions in KNOWN_SOURCES), ``tests`` the tests that prove the patch.
    """

    name: str
    target: str
    pattern: re.Pattern
    rewrite: Callable[[re.Match, dict], str] | None
    what: str
    upstream: str
    tests: tuple[str, ...]
    follows: str | None = None

    @property
    def advice(self) -> str:
        return (f"Material was probably upgraded: compare {self.upstream} in the new version with {self.name} in "
                f"PATCHES (macros/search/worker_patch.py), fix or drop the patch (drop it if fixed upstream), "
                f"then run {TEST_COMMAND}")


# In the order they are applied (a rewrite may use the matches of earlier ones).
PATCHES: tuple[Patch, ...] = (
    Patch("SEGMENT_LOOP", "worker", SEGMENT_LOOP, _whole_query,
          "the query segmentation loop of Material's search worker",
          UPSTREAM + "integrations/search/query/segment/index.ts (segment)",
          (UNITS + "test_patch_applies_to_the_shipped_worker_exactly_once",
           UNITS + "test_patch_matches_other_variable_names",
           BROWSER + "test_shipped_worker_cuts_a_whole_term_and_the_patched_one_does_not")),
    Patch("SEGMENT_GAPS", "worker", SEGMENT_GAPS, _past_gaps,
          "the walk from one indexed word to the next in the query segmentation of Material's search worker",
          UPSTREAM + "integrations/search/query/segment/index.ts (segment)",
          (UNITS + "test_gaps_patch_applies_to_the_shipped_worker_exactly_once",
           UNITS + "test_a_question_is_searched_past_characters_that_start_no_word")),
    Patch("HAN_RUNS", "worker", HAN_RUNS, _spaced_han_runs,
          "the Chinese query segmentation call of Material's search worker",
          UPSTREAM + "integrations/search/_/index.ts (Search.search)",
          (UNITS + "test_chinese_runs_are_spaced_from_letters_and_digits_in_the_shipped_worker",
           UNITS + "test_chinese_run_spacing_keeps_operators",
           UNITS + "test_filler_words_are_dropped_only_beside_other_words",
           BROWSER + "test_query_finds_its_page_first")),
    Patch("WILDCARD", "worker", WILDCARD, _single_wildcard,
          "the trailing wildcard step of Material's query transform",
          UPSTREAM + "integrations/search/query/transform/index.ts (defaultTransform)",
          (UNITS + "test_a_term_ending_in_a_wildcard_gets_no_second_one_in_the_shipped_worker",
           BROWSER + "test_words_a_result_contains_are_not_listed_as_missing")),
    Patch("POSITIONS", "worker", POSITIONS, _positions_from_table,
          "the match positions loop of Material's search worker",
          UPSTREAM + "integrations/search/_/index.ts (Search.search)",
          (PREBUILT + "test_positions_patch_applies_once_and_fails_loudly_when_missing",
           PREBUILT + "test_positions_left_out_are_found_in_the_table_exactly_as_lunr_recorded_them",
           BROWSER + "test_prebuilt_index_searches_exactly_like_building_it")),
    Patch("PAGE_TERMS", "worker", PAGE_TERMS, _page_terms,
          "the page added to a group of section results in Material's search worker",
          UPSTREAM + "integrations/search/_/index.ts (Search.search)",
          (UNITS + "test_pages_matched_through_sections_get_their_terms_in_the_shipped_worker",
           BROWSER + "test_every_result_link_highlights_the_query_on_its_page")),
    Patch("SETUP_MESSAGE", "worker", SETUP_MESSAGE, _fetched_index,
          "the set-up message handler of Material's search worker",
          UPSTREAM + "integrations/search/worker/main/index.ts (handler)",
          (PREBUILT + "test_worker_patch_fetches_the_index_when_given_its_address",
           BROWSER + "test_index_loads_when_search_is_first_used_then_with_later_pages",
           BROWSER + "test_search_works_from_file_url")),
    Patch("RESULTS", "worker", RESULTS, _guide_results,
          "the query message handler of Material's search worker",
          UPSTREAM + "integrations/search/worker/main/index.ts (handler)",
          (UNITS + "test_results_patch_applies_to_the_shipped_worker_exactly_once",
           "tests/test_search_results.py::test_a_snippet_is_cut_around_the_most_matched_words",
           "tests/test_search_results.py::test_the_section_with_more_matched_words_is_shown_under_the_page",
           BROWSER + "test_the_first_result_shows_a_short_snippet_with_the_words_marked")),
    Patch("SEGMENTER", "worker", re.compile(re.escape(SEGMENTER)), None,
          "the segmenter set-up of the Search constructor",
          UPSTREAM + "integrations/search/_/index.ts (Search constructor)",
          (PREBUILT + "test_worker_patch_loads_a_prebuilt_index_and_keeps_the_build_path",
           BROWSER + "test_prebuilt_index_searches_exactly_like_building_it")),
    Patch("CONSTRUCTOR", "worker", CONSTRUCTOR, _prebuilt_branch,
          "the Search constructor of Material's search worker",
          UPSTREAM + "integrations/search/_/index.ts (Search constructor)",
          (PREBUILT + "test_worker_patch_loads_a_prebuilt_index_and_keeps_the_build_path",
           BROWSER + "test_worker_searches_the_prebuilt_index_not_the_documents",
           BROWSER + "test_prebuilt_index_searches_exactly_like_building_it")),
    Patch("SEARCH_CLASS", "prebuild", SEARCH_CLASS, None,
          "Material's Search class (var X=class{constructor({config:...)",
          UPSTREAM + "integrations/search/_/index.ts (class Search)",
          (PREBUILT + "test_search_class_must_be_found_exactly_once",
           PREBUILT + "test_the_worker_build_survives_encoding_exactly")),
    Patch("EAGER_INDEX", "bundle", EAGER_INDEX, _index_on_first_use,
          "the search index set-up of Material's main bundle",
          UPSTREAM + "integrations/search/worker/_/index.ts (setupSearchWorker)",
          (UNITS + "test_bundle_patch_defers_the_index_on_the_shipped_bundle",
           BROWSER + "test_index_loads_when_search_is_first_used_then_with_later_pages")),
    Patch("INDEX_URL", "bundle", INDEX_URL, None,
          "the search index address in Material's main bundle",
          UPSTREAM + "bundle.ts (index$)",
          (PREBUILT + "test_bundle_patch_sends_the_index_address_shortens_the_first_batch_and_preloads_for_searchers",
           BROWSER + "test_search_works_from_file_url")),
    Patch("WORKER_FETCH", "bundle", WORKER_FETCH, _index_address,
          "the index handed to the worker right after the search toggle in Material's main bundle",
          UPSTREAM + "integrations/search/worker/_/index.ts (setupSearchWorker)",
          (PREBUILT + "test_bundle_patch_sends_the_index_address_shortens_the_first_batch_and_preloads_for_searchers",
           BROWSER + "test_index_loads_when_search_is_first_used_then_with_later_pages"),
          follows="EAGER_INDEX"),
    Patch("HIGHLIGHT_INDEX", "bundle", HIGHLIGHT_INDEX, _highlight_without_index,
          "the search.highlight set-up of Material's main bundle",
          UPSTREAM + "bundle.ts (mountSearchHiglight)",
          (UNITS + "test_bundle_patch_highlights_a_result_page_with_the_separator_not_the_index",
           BROWSER + "test_a_page_opened_from_a_result_highlights_without_loading_the_index")),
    Patch("PASS_URL", "bundle", PASS_URL, _pass_address,
          "the search worker set-up message of Material's main bundle",
          UPSTREAM + "integrations/search/worker/_/index.ts (setupSearchWorker)",
          (PREBUILT + "test_bundle_patch_sends_the_index_address_shortens_the_first_batch_and_preloads_for_searchers",
           BROWSER + "test_search_works_from_file_url")),
    Patch("SUGGEST", "bundle", SUGGEST, _did_you_mean,
          "the result count line of Material's search result list",
          UPSTREAM + "components/search/result/index.ts (mountSearchResult)",
          (UNITS + "test_suggest_patch_says_what_the_slip_was_corrected_to_on_the_shipped_bundle",
           "tests/test_search_results.py::test_a_one_character_slip_is_corrected_to_a_word_of_the_index",
           "tests/test_search_results.py::test_a_query_whose_every_character_is_in_a_word_is_not_corrected",
           BROWSER + "test_a_slip_shows_did_you_mean_and_the_corrected_querys_results")),
    Patch("FIRST_BATCH", "bundle", FIRST_BATCH, _shorter_first_batch,
          "the first batch of search results in Material's main bundle",
          UPSTREAM + "components/search/result/index.ts (mountSearchResult)",
          (PREBUILT + "test_bundle_patch_sends_the_index_address_shortens_the_first_batch_and_preloads_for_searchers",
           BROWSER + "test_results_beyond_the_first_batch_come_as_the_reader_scrolls")),
)
PATCH = {patch.name: patch for patch in PATCHES}


def _apply_one(patch: Patch, code: str, ctx: dict | None = None, ends: dict | None = None) -> str:
    """``code`` with ``patch`` applied; its match in ``ctx``, where its replacement ends in ``ends``."""
    ctx = {} if ctx is None else ctx
    ends = {} if ends is None else ends
    if patch.follows:
        m = patch.pattern.match(code, ends[patch.follows])
        if not m:
            raise WorkerPatchError(f"expected {patch.what} (right after {patch.follows}); {patch.advice}")
    else:
        m = _find_once(patch.pattern, code, patch.what, patch.advice)
    ctx[patch.name] = m
    if patch.rewrite is None:
        ends[patch.name] = m.end()
        return code
    new = patch.rewrite(m, ctx)
    ends[patch.name] = m.start() + len(new)
    return code[:m.start()] + new + code[m.end():]


def _apply(target: str, code: str, **params) -> str:
    ctx, ends = dict(params), {}
    for patch in PATCHES:
        if patch.target == target:
            code = _apply_one(patch, code, ctx, ends)
    return code


def patch_worker(code: str, filler_words: tuple[str, ...] = (), intent: str = "") -> str:
    """The worker with whole-query segmentation, Chinese split from adjacent letters and digits and from
    ``filler_words``, page terms, positions found in the table, its own index fetching, prebuilt-index loading
    and no source-map link; ``intent`` is the statement ``intent.intent_js`` makes of data/search/'s intent."""
    code = _apply("worker", code, filler_words=filler_words)
    # The functions the patched code calls, the filler words and the intent words are appended once, after
    # the worker, so its "use strict" stays its first statement; all are set before any message arrives.
    words = f"var __guideFillerWords=new Set({json.dumps(list(filler_words), ensure_ascii=False)});"
    helpers = (DECODE_JS, UNION_TERMS_JS, FETCH_INDEX_JS, SPACED_JS, GAPS_JS, KEEP_JS, WEIGH_JS, POSITIONS_JS, RESULTS_JS, words)
    helpers += (intent,) if intent else ()
    return SOURCE_MAP.sub("", code).rstrip() + "\n" + "\n".join(helpers) + "\n"


def patch_bundle(code: str, separator: str) -> str:
    """Material's main bundle: index loaded on first use, by the worker from the address the page sends,
    highlighting on a result's page with ``separator`` (the search config's) instead of the index,
    a shorter first batch of results, no source-map link."""
    return SOURCE_MAP.sub("", _apply("bundle", code, separator=separator)).rstrip() + "\n" + DID_YOU_MEAN_JS + "\n"


def apply_patch(code: str, name: str) -> str:
    """``code`` with the one row ``name`` of PATCHES applied (the tests check rows one at a time)."""
    return _apply_one(PATCH[name], code)


def patched_name(code: str) -> str:
    """A content-hashed file name, so caches never serve the unpatched worker."""
    return f"search.{hashlib.sha256(code.encode('utf-8')).hexdigest()[:8]}.min.js"


def bundle_name(code: str) -> str:
    return f"bundle.{hashlib.sha256(code.encode('utf-8')).hexdigest()[:8]}.min.js"
