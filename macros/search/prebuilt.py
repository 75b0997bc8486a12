"""Build the search index ahead of time, so the browser only loads it.

Material's search worker builds a lunr index from the documents every time
search is first used: on an office PC that is about half a second of CPU
before the first result. Here the build runs Material's own worker code (its
``Search`` class, unchanged) once, in V8 from the ``mini-racer`` package, and
ships what it built with the documents:

* the lunr index (``Index.toJSON()``), and
* the worker's token-position table, which Material's result highlighting
  reads (``this.table``).

Both are written into ``search_index.json`` under ``prebuilt`` in a compact
form (``encode``): references and terms are listed once, and the numbers of
each term's postings, each document vector and each section's position
table (sorted runs stored as differences) are packed into base64 VLQ
strings, about a fifth of lunr's JSON; the token positions of the text
fields are left out (``without_positions``), since the worker finds them in
the position table when it highlights a result. The worker parses strings much
faster than arrays of numbers, and decodes postings, vectors and tables
only when a query needs them (``DECODE_JS``). The patched worker
(``worker_patch.py``) loads the index with ``__guideLoadIndex``;
``prebuild`` runs the same loader at build time, in the V8 context that
built the index, and reads everything back through lunr's own ``toJSON``; the
build checks that this gives exactly what lunr built, as JSON text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

FORMAT = 4  # 4: positions may be left out per field (see without_positions)
# A build-only change to the worker: expose the Search class, whatever its minified name.
SEARCH_CLASS = re.compile(r"var (?P<name>[\w$]+)=class\{constructor\(\{config:")


class PrebuildError(RuntimeError):
    """The index could not be built ahead of time, or did not survive encoding."""


# What the patched worker carries: ``__guideLoadIndex(p)`` turns the encoded
# index ``p`` into {index: a lunr.Index, table: what Search.table is used for}.
# Only the term list is read at once, with each vector's name. lunr's token
# set (the automaton a query's terms are expanded against) is a trie over
# the sorted term list whose nodes list their edges the first time a query
# walks them; lunr's own builder makes and minimises the whole automaton,
# which took 20-60 ms in a worker and changes no query's terms. A term's
# postings, a document's vector and a section's position table are decoded
# the first time a query needs them, so loading costs a few milliseconds
# however long the guide grows. The inverted index and the vectors are
# Proxies that answer ``in``, property reads and Object.keys as lunr's
# objects would.
DECODE_JS = r"""function __guideLoadIndex(p){
var A="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",D=new Int8Array(128),c;
for(c=0;c<64;c++)D[A.charCodeAt(c)]=c;
function reader(s){var at=0;var num=function(){var n=0,m=1,d;do{d=D[s.charCodeAt(at++)];n+=(d&31)*m;m*=32}while(d&32);return n%2?-(n-1)/2:n/2};
num.rest=function(){return s.length-at};return num}
function run(num,n){var x=new Array(n),j,a=0;for(j=0;j<n;j++)x[j]=a+=num();return x}
function done(num,what){if(num.rest())throw new Error("prebuilt search index: "+what+" has "+num.rest()+" characters left over")}
var F=p.fields,R=p.refs,T=p.terms,t,k,n,num,x,j,a;
var termNo=new Map;for(t=0;t<T.length;t++)termNo.set(T[t],t);
var postings=new Map;
function posting(term){var e=postings.get(term);if(e)return e;
num=reader(p.postings[termNo.get(term)]);e=Object.create(null);e._index=num();
for(var f=0;f<F.length;f++){var docs=Object.create(null),m=num();
for(k=0;k<m;k++){var ref=R[num()];docs[ref]={position:run(num,num())}}e[F[f]]=docs}
done(num,"term "+term);postings.set(term,e);return e}
var inverted=new Proxy(Object.create(null),{
has:function(o,term){return termNo.has(term)},
get:function(o,term){return termNo.has(term)?posting(term):void 0},
ownKeys:function(){return T.slice()},
getOwnPropertyDescriptor:function(o,term){return termNo.has(term)?{value:posting(term),writable:!1,enumerable:!0,configurable:!0}:void 0}});
var vectorNo=new Map,names=[];
for(t=0;t<p.vectors.length;t++){num=reader(p.vectors[t]);names.push(F[num()]+"/"+R[num()]);vectorNo.set(names[t],t)}
var decodedVectors=new Map;
function vector(name){var v=decodedVectors.get(name);if(v)return v;num=reader(p.vectors[vectorNo.get(name)]);num();num();n=num();
x=new Array(2*n);for(j=0,a=0;j<n;j++){x[2*j]=a+=num();x[2*j+1]=num()/1000}done(num,"vector "+name);
v=new lunr.Vector(x);decodedVectors.set(name,v);return v}
var vectors=new Proxy(Object.create(null),{
has:function(o,name){return vectorNo.has(name)},
get:function(o,name){return vectorNo.has(name)?vector(name):void 0},
ownKeys:function(){return names.slice()},
getOwnPropertyDescriptor:function(o,name){return vectorNo.has(name)?{value:vector(name),writable:!1,enumerable:!0,configurable:!0}:void 0}});
var tables=new Map;
for(t=0;t<p.table.length;t++){num=reader(p.table[t]);tables.set(R[num()]+":"+F[num()],t)}
var decoded=new Map;
var table={get:function(key){if(decoded.has(key))return decoded.get(key);if(!tables.has(key))return void 0;
num=reader(p.table[tables.get(key)]);num();num();n=num();var blocks=new Array(n);
for(k=0;k<n;k++)blocks[k]=run(num,num());done(num,"position table "+key);decoded.set(key,blocks);return blocks},
keys:function(){return tables.keys()}};
function Node(lo,hi,d){this.lo=lo;this.hi=hi;this.d=d;this.final=T[lo].length===d;this.id=lunr.TokenSet._nextId++}
Node.prototype=Object.create(lunr.TokenSet.prototype);
Object.defineProperty(Node.prototype,"edges",{get:function(){if(this._edges)return this._edges;
var e={},i=this.lo,d=this.d,ch,k;
while(i<this.hi&&T[i].length<=d)i++;
while(i<this.hi){ch=T[i].charAt(d);for(k=i+1;k<this.hi&&T[k].charAt(d)===ch;k++);e[ch]=new Node(i,k,d+1);i=k}
return this._edges=e}});
return{index:new lunr.Index({invertedIndex:inverted,fieldVectors:vectors,tokenSet:T.length?new Node(0,T.length,0):new lunr.TokenSet,fields:F,
pipeline:lunr.Pipeline.load(p.pipeline)}),table:table}}"""

# What a worker script expects of its global scope, in V8 without a browser (also scripts/rank_queries.py).
WORKER_SHIMS = """
var self = globalThis;
globalThis.addEventListener = function () {};
globalThis.postMessage = function () {};
globalThis.importScripts = function () {};
if (typeof console === "undefined") { globalThis.console = {log() {}, warn() {}, error() {}}; }
"""


def expose_search_class(worker_code: str) -> str:
    """The worker with its Search class reachable as ``globalThis.__GuideSearch`` (build only)."""
    found = list(SEARCH_CLASS.finditer(worker_code))
    if len(found) != 1:
        raise PrebuildError(f"expected Material's Search class (var X=class{{constructor({{config:...) exactly once "
                            f"in the search worker, found {len(found)}; Material was probably upgraded: compare "
                            f"src/.../integrations/search/_/index.ts with macros/search/prebuilt.py")
    m = found[0]
    return (worker_code[:m.start()] + f"var {m['name']}=globalThis.__GuideSearch=class{{constructor({{config:"
            + worker_code[m.end():])


def _context(worker_code: str):
    from py_mini_racer import MiniRacer  # imported here: only the build needs V8

    ctx = MiniRacer()
    ctx.eval(WORKER_SHIMS)
    ctx.eval(expose_search_class(worker_code))
    ctx.eval(DECODE_JS)
    ctx.eval(STRIP_JS)
    return ctx


# In the V8 context that built the index: lunr's serialised index with empty token positions in the given
# fields, as without_positions does in Python (keys in the same order), kept as JSON text (__guideBuilt) for
# the check of the encoded index. Python then parses a third of the text, and does not walk the positions.
STRIP_JS = r"""function __guideWithoutPositions(index, fields){
var drop=new Set(fields);
index.invertedIndex=index.invertedIndex.map(function(e){var entry=e[1],out={};
Object.keys(entry).forEach(function(key){var docs=entry[key];if(!drop.has(key)){out[key]=docs;return}
var lean={};Object.keys(docs).forEach(function(ref){lean[ref]={position:[]}});out[key]=lean});
return[e[0],out]});
return index}"""


def _build(ctx, search_index: dict, unpositioned: Iterable[str] = ()) -> tuple[dict, list]:
    """(lunr index JSON without the positions of ``unpositioned`` fields, table), built in ``ctx``; the same as
    JSON text in ``ctx``'s ``__guideBuilt``."""
    drop = sorted(set(unpositioned))
    data = {"config": search_index["config"], "docs": search_index["docs"], "options": {"suggest": False}}
    ctx.eval(f"var __data = {json.dumps(data, ensure_ascii=False)};")
    fields = json.loads(ctx.eval("var __s = new globalThis.__GuideSearch(__data), __built = __s.index.toJSON();"
                                 "JSON.stringify(__built.fields)"))
    unknown = set(drop) - set(fields)
    if unknown:
        raise PrebuildError(f"cannot leave out positions of {sorted(unknown)}: the index has fields {fields}")
    out = ctx.eval(f"var __guideBuilt = JSON.stringify({{index: __guideWithoutPositions(__built, {json.dumps(drop)}),"
                   " table: Array.from(__s.table)}); __guideBuilt")
    built = json.loads(out)
    return built["index"], built["table"]


def build_in_v8(worker_code: str, search_index: dict) -> tuple[dict, list]:
    """(lunr index JSON, token-position table) as Material's worker builds them for ``search_index``."""
    return _build(_context(worker_code), search_index)


def _load_back(ctx, encoded: dict) -> None:
    """Load ``encoded`` in ``ctx`` as the worker does (``__l``) and read it back through lunr's toJSON (``__i``);
    a token set that does not hold exactly the index's terms stops the build."""
    ctx.eval(f"var __p = {json.dumps(encoded, ensure_ascii=False)};")
    tokens_ok = ctx.eval("var __l = __guideLoadIndex(__p), __i = __l.index.toJSON();"
                         "JSON.stringify(__l.index.tokenSet.toArray().sort()) ==="
                         " JSON.stringify(__i.invertedIndex.map(function (e) { return e[0]; }))")
    if tokens_ok is not True:
        raise PrebuildError("the loaded index's token set does not hold exactly its terms; "
                            "check the trie in DECODE_JS in macros/search/prebuilt.py")


BACK_JS = "JSON.stringify({index: __i, table: Array.from(__l.table.keys(), k => [k, __l.table.get(k)])})"


def _decoded_text(ctx, encoded: dict) -> str:
    """What the worker loads from ``encoded``, read back in full through lunr's toJSON, as JSON text
    ``{"index": …, "table": …}``."""
    _load_back(ctx, encoded)
    return ctx.eval(BACK_JS)


def decode_in_v8(worker_code: str, encoded: dict) -> tuple[dict, list]:
    """What the worker loads from ``encoded``, read back in full: (lunr index JSON, table)."""
    back = json.loads(_decoded_text(_context(worker_code), encoded))
    return back["index"], back["table"]


VLQ_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _vlq_one(number: int) -> str:
    if type(number) is not int:  # bool is an int subclass and must be refused
        raise PrebuildError(f"cannot store {number!r} in the prebuilt search index: integers only")
    n = (-number << 1) | 1 if number < 0 else number << 1
    out = []
    while True:
        digit, n = n & 31, n >> 5
        out.append(VLQ_DIGITS[digit | (32 if n else 0)])
        if not n:
            return "".join(out)


# Most numbers are small (deltas, counts, thousandths): their digits are looked up, not computed.
_VLQ_SMALL = {n: _vlq_one(n) for n in range(-1024, 32768)}


def vlq(numbers: Iterable[int]) -> str:
    """Integers as base64 VLQ, as in source maps: sign in the lowest bit, 5 bits a digit, low digits first."""
    small = _VLQ_SMALL
    return "".join([small[n] if type(n) is int and n in small else _vlq_one(n) for n in numbers])


def _deltas(numbers: list[int]) -> list[int]:
    """Each number minus the one before it: sorted positions become short numbers."""
    return [b - a for a, b in zip([0, *numbers], numbers)]


def _milli(score: float) -> int:
    """lunr rounds vector scores to thousandths; the integer that gives the same double back."""
    n = round(score * 1000)
    if n / 1000 != score:
        raise PrebuildError(f"vector score {score!r} is not in thousandths: has lunr's rounding changed?")
    return n


def _posting_numbers(term: str, entry: dict, fields: list[str], ref) -> list[int]:
    """One term's postings: its index number, then per field the documents with their token positions."""
    if set(entry) != {"_index", *fields}:
        raise PrebuildError(f"term {term!r}: unexpected index entry keys {sorted(entry)}")
    numbers = [entry["_index"]]
    for field in fields:
        docs = entry[field]
        numbers.append(len(docs))
        for r, metadata in docs.items():
            if set(metadata) != {"position"}:
                raise PrebuildError(f"term {term!r} in {r}: metadata other than position: {sorted(metadata)}")
            numbers.extend((ref(r), len(metadata["position"]), *_deltas(metadata["position"])))
    return numbers


def encode(index: dict, table: list) -> dict[str, Any]:
    """lunr's serialised index and the position table in the compact form DECODE_JS reads.

    References, fields and terms are listed once; each term's postings, each
    document vector and each section's position table is one VLQ string.
    """
    fields: list[str] = index["fields"]
    field_no = {f: i for i, f in enumerate(fields)}
    refs: list[str] = []
    ref_no: dict[str, int] = {}

    def ref(r: str) -> int:
        if r not in ref_no:
            ref_no[r] = len(refs)
            refs.append(r)
        return ref_no[r]

    terms = [term for term, _ in index["invertedIndex"]]
    postings = [vlq(_posting_numbers(term, entry, fields, ref)) for term, entry in index["invertedIndex"]]
    vectors = []
    for name, elements in index["fieldVectors"]:
        field, r = name.split("/", 1)
        numbers = [field_no[field], ref(r), len(elements) // 2]
        for term_index, score in zip(_deltas(elements[0::2]), elements[1::2]):
            numbers.extend((term_index, _milli(score)))
        vectors.append(vlq(numbers))
    tables = []
    for key, blocks in table:
        r, field = key.rsplit(":", 1)
        if field not in field_no:
            raise PrebuildError(f"position table key {key!r}: unknown field {field!r}")
        numbers = [ref(r), field_no[field], len(blocks)]
        for block in blocks:
            numbers.append(len(block))
            numbers.extend(_deltas(block))
        tables.append(vlq(numbers))
    return {"format": FORMAT, "lunr": index["version"], "pipeline": index["pipeline"], "fields": fields,
            "refs": refs, "terms": terms, "postings": postings, "vectors": vectors, "table": tables}


def without_positions(index: dict, fields: Iterable[str]) -> dict:
    """lunr's serialised index with empty token positions in ``fields``.

    Positions only tell the worker's highlighter which tokens to mark; for a
    field whose tokens are in the position table it finds them there when a
    query needs them (POSITIONS_JS in worker_patch.py). The text's positions
    are two thirds of the postings.
    """
    drop = set(fields)
    unknown = drop - set(index["fields"])
    if unknown:
        raise PrebuildError(f"cannot leave out positions of {sorted(unknown)}: the index has fields {index['fields']}")
    inverted = [[term, {key: ({ref: {"position": []} for ref in docs} if key in drop else docs)
                        for key, docs in entry.items()}] for term, entry in index["invertedIndex"]]
    return {**index, "invertedIndex": inverted}


def prebuild_unchecked(worker_code: str, search_index: dict,
                       unpositioned: Iterable[str] = ()) -> tuple[dict[str, Any], Callable[[], None]]:
    """(encoded index, check) for ``search_index`` (config and docs), without the token positions of the
    ``unpositioned`` fields. ``check()`` reads the encoded index back in the V8 context that built it and
    raises PrebuildError unless it decodes to exactly what lunr built: the build runs it in a thread beside
    its last steps (V8 does not hold Python's lock) and stores the index only once it has passed."""
    ctx = _context(worker_code)  # one V8 context builds the index and reads the encoded one back
    index, table = _build(ctx, search_index, unpositioned)
    encoded = encode(index, table)

    def check() -> None:
        # Compared in V8, as JSON text, with what lunr built (__guideBuilt): no 5 MB of JSON goes to Python.
        _load_back(ctx, encoded)
        if ctx.eval(f"{BACK_JS} === __guideBuilt") is not True:
            raise PrebuildError("the encoded search index does not decode to what lunr built; "
                                "check encode() against DECODE_JS in macros/search/prebuilt.py")

    return encoded, check


def prebuild(worker_code: str, search_index: dict, unpositioned: Iterable[str] = ()) -> dict[str, Any]:
    """The encoded, round-trip-checked prebuilt index for ``search_index`` (config and docs), without the token
    positions of the ``unpositioned`` fields."""
    encoded, check = prebuild_unchecked(worker_code, search_index, unpositioned)
    check()
    return encoded
