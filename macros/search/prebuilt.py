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
form (``ENCODE_JS``, run in the V8 context that built the index, so that
only the encoded form, a sixth of lunr's JSON, comes to Python): references and terms are listed once, and the numbers of
each term's postings, each document vector and each section's position
table (sorted runs stored as differences) are packed into base64 VLQ
strings, about a fifth of lunr's JSON; the token positions of the text
fields are left out (``without_positions``), since the worker finds them in
the position table when it highlights a result. The worker parses strings much
faster than arrays of numbers, and decodes postings, vectors and tables
only when a query needs them (``DECODE_JS``). The patched worker
(``worker_patch.py``) loads the index with ``__guideLoadIndex``;
``prebuild`` runs the same loader in the V8 context that built the index, and
reads everything back through lunr's own ``toJSON``, checking that this gives
exactly what lunr built, as JSON text. The build itself writes the encoded
index unread (``prebuild_unchecked``); the tests read back the built site's
own index (``verify``) and many made-up ones.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
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


def blank_context():
    """A V8 context with the worker's global scope and nothing else yet (made ahead by the segmenter process)."""
    from py_mini_racer import MiniRacer  # imported here: only the build needs V8

    ctx = MiniRacer()
    ctx.eval(WORKER_SHIMS)
    return ctx


def _context(worker_code: str, blank=None):
    """``blank`` (or a new blank_context) with the worker and the index's decoder and encoder loaded."""
    ctx = blank if blank is not None else blank_context()
    ctx.eval(expose_search_class(worker_code))
    ctx.eval(DECODE_JS)
    ctx.eval(ENCODE_JS)
    return ctx


VLQ_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
ERROR_MARK = "__guide_prebuild_error__"  # a JS error of ENCODE_JS: the mark, then JSON [kind, details]

# The encoder, run in the V8 context that built the index (issue #15: the 5 MB of lunr's JSON and the
# position table no longer go to Python to be encoded there): lunr's serialised index and the position table
# in the compact form DECODE_JS reads. References, fields and terms are listed once; each term's postings,
# each document vector and each section's position table is one string of base64 VLQ (as in source maps:
# sign in the lowest bit, 5 bits a digit, low digits first; arithmetic, not 32-bit shifts, so that any
# integer up to 2**52 comes back). __guideWithoutPositions empties the token positions of the fields named
# (see without_positions). A shape lunr never gives stops the build (PrebuildError, see _eval).
ENCODE_JS = r"""var __guideVlqDigits=__DIGITS__;
function __guideFail(kind,details){throw new Error(__MARK__+JSON.stringify([kind,details]))}
function __guideVlqOne(number){
if(typeof number!=="number"||!Number.isInteger(number))__guideFail("integer",[number]);
var n=number<0?-number*2+1:number*2,out="",digit;
do{digit=n%32;n=Math.floor(n/32);out+=__guideVlqDigits.charAt(n?digit+32:digit)}while(n);
return out}
var __guideVlqSmall=null;  // the digits of -1024..32767, looked up: most numbers are small deltas and counts
function __guideVlq(numbers){var small=__guideVlqSmall,out="",n,i;
if(!small){small=__guideVlqSmall=new Array(33792);for(i=-1024;i<32768;i++)small[i+1024]=__guideVlqOne(i)}
for(i=0;i<numbers.length;i++){n=numbers[i];out+=(typeof n==="number"&&(n|0)===n&&n>=-1024&&n<32768)?small[n+1024]:__guideVlqOne(n)}
return out}
function __guideDeltas(numbers,into){var prev=0;for(var i=0;i<numbers.length;i++){into.push(numbers[i]-prev);prev=numbers[i]}}
function __guideMilli(score){var n=Math.round(score*1000);if(n/1000!==score)__guideFail("milli",[score]);return n}
function __guideWithoutPositions(index,fields){
var drop=new Set(fields),unknown=fields.filter(function(f){return index.fields.indexOf(f)<0});
if(unknown.length)__guideFail("unpositioned",[unknown,index.fields]);
index.invertedIndex=index.invertedIndex.map(function(e){var entry=e[1],out={};
Object.keys(entry).forEach(function(key){var docs=entry[key];if(!drop.has(key)){out[key]=docs;return}
var lean={};Object.keys(docs).forEach(function(ref){lean[ref]={position:[]}});out[key]=lean});
return[e[0],out]});
return index}
function __guideEncode(index,table){
var fields=index.fields,fieldNo=new Map,refs=[],refNo=new Map,i,j;
fields.forEach(function(f,k){fieldNo.set(f,k)});
function ref(r){if(!refNo.has(r)){refNo.set(r,refs.length);refs.push(r)}return refNo.get(r)}
var terms=[],postings=[];
index.invertedIndex.forEach(function(e){var term=e[0],entry=e[1],keys=Object.keys(entry);
if(keys.length!==fields.length+1||keys.some(function(k){return k!=="_index"&&!fieldNo.has(k)}))
__guideFail("entry",[term,keys]);
var numbers=[entry._index];
fields.forEach(function(field){var docs=entry[field],names=Object.keys(docs);numbers.push(names.length);
names.forEach(function(r){var metadata=docs[r],mk=Object.keys(metadata);
if(mk.length!==1||mk[0]!=="position")__guideFail("metadata",[term,r,mk]);
numbers.push(ref(r),metadata.position.length);__guideDeltas(metadata.position,numbers)})});
terms.push(term);postings.push(__guideVlq(numbers))});
var vectors=index.fieldVectors.map(function(v){var name=v[0],elements=v[1],at=name.indexOf("/");
var field=at<0?null:name.slice(0,at);if(!fieldNo.has(field))__guideFail("vector",[name]);
var half=Math.floor(elements.length/2),numbers=[fieldNo.get(field),ref(name.slice(at+1)),half],prev=0;
for(j=0;j<half;j++){numbers.push(elements[2*j]-prev,__guideMilli(elements[2*j+1]));prev=elements[2*j]}
return __guideVlq(numbers)});
var tables=table.map(function(t){var key=t[0],blocks=t[1],at=key.lastIndexOf(":"),field=at<0?null:key.slice(at+1);
if(!fieldNo.has(field))__guideFail("table",[key,field]);
var numbers=[ref(key.slice(0,at)),fieldNo.get(field),blocks.length];
blocks.forEach(function(block){numbers.push(block.length);__guideDeltas(block,numbers)});
return __guideVlq(numbers)});
return{format:__FORMAT__,lunr:index.version,pipeline:index.pipeline,fields:fields,refs:refs,terms:terms,
postings:postings,vectors:vectors,table:tables}}""".replace("__DIGITS__", json.dumps(VLQ_DIGITS)).replace(
    "__MARK__", json.dumps(ERROR_MARK)).replace("__FORMAT__", str(FORMAT))
_ERROR = re.compile("Error: " + re.escape(ERROR_MARK) + r"(\[.*\])$", re.MULTILINE)


def _failure(kind: str, details: list) -> str:
    """What a JS error of ENCODE_JS says (formatted here, so that values read as Python writes them)."""
    if kind == "integer":
        return f"cannot store {details[0]!r} in the prebuilt search index: integers only"
    if kind == "milli":
        return f"vector score {details[0]!r} is not in thousandths: has lunr's rounding changed?"
    if kind == "unpositioned":
        return f"cannot leave out positions of {sorted(details[0])}: the index has fields {details[1]}"
    if kind == "entry":
        return f"term {details[0]!r}: unexpected index entry keys {sorted(details[1])}"
    if kind == "metadata":
        return f"term {details[0]!r} in {details[1]}: metadata other than position: {sorted(details[2])}"
    if kind == "vector":
        return f"vector {details[0]!r}: not <field>/<ref> of a field of the index"
    return f"position table key {details[0]!r}: unknown field {details[1]!r}"


def _eval(ctx, code: str):
    """``ctx.eval(code)``; an error ENCODE_JS raised is a PrebuildError saying what it found."""
    try:
        return ctx.eval(code)
    except Exception as exc:  # mini-racer's JS errors; anything else is raised as it is
        found = _ERROR.search(str(exc))
        if found is None:
            raise
        raise PrebuildError(_failure(*json.loads(found.group(1)))) from None


def _encoder():
    """A V8 context with ENCODE_JS alone, for encode, vlq and without_positions (made per call: a context kept
    in this module would be collected at the interpreter's exit, after mini-racer's library)."""
    from py_mini_racer import MiniRacer

    ctx = MiniRacer()
    ctx.eval(ENCODE_JS)
    return ctx


def encode(index: dict, table: list) -> dict[str, Any]:
    """lunr's serialised index and the position table in the compact form DECODE_JS reads (ENCODE_JS)."""
    return json.loads(_eval(_encoder(), f"JSON.stringify(__guideEncode({json.dumps(index, ensure_ascii=False)},"
                                        f" {json.dumps(table, ensure_ascii=False)}))"))


def vlq(numbers: Iterable[int]) -> str:
    """Integers as base64 VLQ (ENCODE_JS's __guideVlq)."""
    return _eval(_encoder(), f"__guideVlq({json.dumps(list(numbers))})")


def without_positions(index: dict, fields: Iterable[str]) -> dict:
    """lunr's serialised index with empty token positions in ``fields`` (ENCODE_JS's __guideWithoutPositions).

    Positions only tell the worker's highlighter which tokens to mark; for a
    field whose tokens are in the position table it finds them there when a
    query needs them (POSITIONS_JS in worker_patch.py). The text's positions
    are two thirds of the postings.
    """
    return json.loads(_eval(_encoder(), f"JSON.stringify(__guideWithoutPositions("
                                        f"{json.dumps(index, ensure_ascii=False)}, {json.dumps(sorted(set(fields)))}))"))


def _build(ctx, search_index: dict) -> None:
    """Material's worker builds the index of ``search_index`` in ``ctx`` (``__s``)."""
    data = {"config": search_index["config"], "docs": search_index["docs"], "options": {"suggest": False}}
    ctx.eval(f"var __data = {json.dumps(data, ensure_ascii=False)}; var __s = new globalThis.__GuideSearch(__data);")


def build_in_v8(worker_code: str, search_index: dict) -> tuple[dict, list]:
    """(lunr index JSON, token-position table) as Material's worker builds them for ``search_index``."""
    ctx = _context(worker_code)
    _build(ctx, search_index)
    built = json.loads(ctx.eval("JSON.stringify({index: __s.index.toJSON(), table: Array.from(__s.table)})"))
    return built["index"], built["table"]


def _build_encoded(ctx, search_index: dict, unpositioned: Iterable[str] = ()) -> dict[str, Any]:
    """The index of ``search_index`` built in ``ctx``, without the positions of ``unpositioned`` fields
    (``__built``, with the table ``__table``), and encoded there: only the encoded index comes to Python."""
    _build(ctx, search_index)
    return json.loads(_eval(ctx, f"var __built = __guideWithoutPositions(__s.index.toJSON(), "
                                 f"{json.dumps(sorted(set(unpositioned)))}), __table = Array.from(__s.table);"
                                 "JSON.stringify(__guideEncode(__built, __table))"))


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


def prebuild_unchecked(worker_code: str, search_index: dict, unpositioned: Iterable[str] = (),
                       blank=None) -> dict[str, Any]:
    """The encoded index for ``search_index`` (config and docs), without the token positions of the
    ``unpositioned`` fields, as the build makes it: not read back. That it decodes to exactly what lunr built
    is a property of the encoder and decoder, not of one build's documents: ``prebuild`` checks it for any
    index, and tests/test_search_prebuilt.py checks it (``verify``) for the index of the built site (issue #15:
    0.2 s of CPU less on every cold build). ``blank``: a blank_context made ahead to build it in."""
    ctx = _context(worker_code, blank)
    return _build_encoded(ctx, search_index, unpositioned)


def _check(ctx, encoded: dict) -> None:
    """Read ``encoded`` back in ``ctx``, where lunr built ``__built`` and ``__table``, and compare, as JSON text:
    nothing of it goes to Python. PrebuildError unless it decodes to exactly what lunr built."""
    _load_back(ctx, encoded)
    if ctx.eval(f"{BACK_JS} === JSON.stringify({{index: __built, table: __table}})") is not True:
        raise PrebuildError("the encoded search index does not decode to what lunr built; "
                            "check ENCODE_JS against DECODE_JS in macros/search/prebuilt.py")


def prebuild(worker_code: str, search_index: dict, unpositioned: Iterable[str] = ()) -> dict[str, Any]:
    """The encoded, round-trip-checked prebuilt index for ``search_index`` (config and docs), without the token
    positions of the ``unpositioned`` fields (one V8 context builds, encodes and reads it back)."""
    ctx = _context(worker_code)
    encoded = _build_encoded(ctx, search_index, unpositioned)
    _check(ctx, encoded)
    return encoded


def verify(worker_code: str, site_index: dict, unpositioned: Iterable[str] = ()) -> None:
    """PrebuildError unless the ``prebuilt`` of a written search index (search_index.json, parsed) decodes to
    exactly what lunr builds from the index's own config and docs."""
    ctx = _context(worker_code)
    _build_encoded(ctx, site_index, unpositioned)
    _check(ctx, site_index["prebuilt"])
