"""The search index built ahead of time (macros/search/prebuilt.py), without MkDocs or a browser.

The worker's own code runs in V8 (mini-racer): the index it builds must come
back exactly from the compact form, through the loader the browser runs.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.search import prebuilt as prebuilt_module
from macros.search.prebuilt import (
    FORMAT,
    PrebuildError,
    _context,
    build_in_v8,
    decode_in_v8,
    encode,
    expose_search_class,
    prebuild,
    vlq,
    without_positions,
)
from macros.search.worker_patch import (
    FIRST_RESULTS,
    POSITIONS_JS,
    SEARCH_USED,
    WorkerPatchError,
    apply_patch,
    patch_bundle,
    patch_worker,
)
from support import ROOT

THEME_JS = Path(__import__("material").__file__).parent / "templates/assets/javascripts"
SHIPPED_WORKER = next((THEME_JS / "workers").glob("search.*.min.js")).read_text(encoding="utf-8")
SHIPPED_BUNDLE = next(THEME_JS.glob("bundle.*.min.js")).read_text(encoding="utf-8")
WORKER = patch_worker(SHIPPED_WORKER)

SMALL_INDEX = {
    "config": {"lang": ["en"], "separator": "[\\s\\u200b\\u3000\\-、。，．？！；]+", "pipeline": ["stemmer"],
               "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "keywords": {"boost": 0.5}}},
    "docs": [
        {"location": "group.html", "title": "学习制度", "text": "<p>理论\u200b中心组\u200b每月\u200b学习</p><p>中心组\u200b记录</p>"},
        {"location": "group.html#record", "title": "记录", "text": "学习\u200b记录\u200b存档", "keywords": "台账"},
        {"location": "centre.html", "title": "服务", "text": "文明\u200b实践\u200b中心\u200b开放", "boost": 2},
    ],
}


def test_the_worker_build_survives_encoding_exactly():
    index, table = build_in_v8(WORKER, SMALL_INDEX)
    assert [term for term, _ in index["invertedIndex"]][:3] and table
    encoded = encode(index, table)
    assert encoded["format"] == FORMAT and encoded["lunr"] == index["version"]
    assert decode_in_v8(WORKER, encoded) == (index, table)
    assert prebuild(WORKER, SMALL_INDEX) == encoded


def test_an_encoding_that_does_not_read_back_as_lunr_built_fails_prebuild(monkeypatch):
    """prebuild compares what the worker's loader reads back with what lunr built (as JSON text, in one V8
    context): a score one thousandth off is caught."""
    encode_right = prebuilt_module._build_encoded

    def encode_wrong(*args, **kwargs):
        encoded = encode_right(*args, **kwargs)
        first = encoded["vectors"][0]  # its last digit is the last term's score: one thousandth more or less
        last = prebuilt_module.VLQ_DIGITS[prebuilt_module.VLQ_DIGITS.index(first[-1]) ^ 2]
        return {**encoded, "vectors": [first[:-1] + last, *encoded["vectors"][1:]]}

    monkeypatch.setattr(prebuilt_module, "_build_encoded", encode_wrong)
    with pytest.raises(PrebuildError, match="does not decode to what lunr built"):
        prebuild(WORKER, SMALL_INDEX)


def test_positions_left_out_are_found_in_the_table_exactly_as_lunr_recorded_them():
    """Every (term, field, section) position lunr stored comes back from the worker's table lookup."""
    ctx = _context(WORKER)
    ctx.eval(POSITIONS_JS)
    ctx.eval(f"var __s = new globalThis.__GuideSearch({json.dumps({**SMALL_INDEX, 'options': {}}, ensure_ascii=False)});"
             f"var __docs = {json.dumps({d['location']: d for d in SMALL_INDEX['docs']}, ensure_ascii=False)};")
    index = json.loads(ctx.eval("JSON.stringify(__s.index.toJSON())"))
    checked = 0
    for term, entry in index["invertedIndex"]:
        for field in ("title", "text", "keywords"):
            for ref, metadata in entry[field].items():
                found = ctx.eval(f"JSON.stringify(__guidePositions({json.dumps(term, ensure_ascii=False)}, {{position: []}},"
                                 f" __s.table.get({json.dumps(ref + ':' + field)}), __docs[{json.dumps(ref)}][{json.dumps(field)}]))")
                assert json.loads(found) == metadata["position"], (term, field, ref)
                checked += 1
    assert checked > 15
    # Stored positions are used as they are; a field with no table (tags as a list) keeps what it has.
    assert ctx.eval("JSON.stringify(__guidePositions('x', {position: [7]}, undefined, 'x'))") == "[7]"
    assert ctx.eval("JSON.stringify(__guidePositions('x', {position: []}, [[4100]], ['x']))") == "[]"


def test_a_term_without_letter_case_is_found_in_the_table_without_a_copy_of_each_token():
    """The lookup runs for every term of every result: a Chinese term is compared where it stands (one lowercased
    copy of the term, not one of each token as long as it); a term with letters still matches any case."""
    from py_mini_racer import MiniRacer

    ctx = MiniRacer()
    ctx.eval(POSITIONS_JS)
    value = "台账记录" * 100 + " Word"
    table = [[(at << 12) | (2 << 2) | 1 for at in range(0, 400, 2)] + [(401 << 12) | (4 << 2) | 1]]
    ctx.eval(f"var value = {json.dumps(value, ensure_ascii=False)}, table = {json.dumps(table)}, copies = 0;"
             "var lower = String.prototype.toLowerCase;"
             "String.prototype.toLowerCase = function () { copies++; return lower.call(this); };")
    found = json.loads(ctx.eval("JSON.stringify(__guidePositions('台账', {position: []}, table, value))"))
    assert found == list(range(0, 200, 2)) and ctx.eval("copies") <= 1
    assert json.loads(ctx.eval("JSON.stringify(__guidePositions('word', {position: []}, table, value))")) == [200]


def test_a_fields_tokens_are_put_by_length_once_and_each_term_reads_only_its_length():
    """A long question looks up some ten terms in every result's table: the table is read once per field of a
    section, and a term is compared only with the tokens as long as it."""
    from py_mini_racer import MiniRacer

    ctx = MiniRacer()
    ctx.eval(POSITIONS_JS)
    value = "台账记录" * 100 + " 意识形态"
    rows = [[(at << 12) | (2 << 2) | 1 for at in range(0, 400, 2)] + [(401 << 12) | (4 << 2) | 1]]
    ctx.eval(f"var value = {json.dumps(value, ensure_ascii=False)}, reads = 0, compared = 0;"
             f"var table = {json.dumps(rows)}.map(function (row) {{ return new Proxy(row, {{get: function (r, k) {{"
             "  if (/^\\d+$/.test(k)) reads++; return r[k]; }}); });"
             "var startsWith = String.prototype.startsWith;"
             "String.prototype.startsWith = function () { compared++; return startsWith.apply(this, arguments); };")
    assert json.loads(ctx.eval("JSON.stringify(__guidePositions('台账', {position: []}, table, value))")) == \
        list(range(0, 200, 2))
    first = ctx.eval("reads")
    assert first >= 201
    ctx.eval("compared = 0")
    assert json.loads(ctx.eval("JSON.stringify(__guidePositions('意识形态', {position: []}, table, value))")) == [200]
    assert ctx.eval("reads") == first and ctx.eval("compared") == 1


def test_positions_are_left_out_only_of_the_fields_named():
    index, table = build_in_v8(WORKER, SMALL_INDEX)
    lean = without_positions(index, ["text", "keywords"])
    for (term, entry), (_, before) in zip(lean["invertedIndex"], index["invertedIndex"]):
        assert entry["title"] == before["title"]
        for field in ("text", "keywords"):
            assert entry[field] == {ref: {"position": []} for ref in before[field]}
    assert decode_in_v8(WORKER, encode(lean, table)) == (lean, table)
    assert prebuild(WORKER, SMALL_INDEX, unpositioned=["text", "keywords"]) == encode(lean, table)
    with pytest.raises(PrebuildError, match="cannot leave out positions"):
        without_positions(index, ["body"])


def test_the_index_is_encoded_in_the_v8_context_that_built_it_and_only_the_encoded_form_leaves_it():
    """issue #15 (a cold build's CPU): lunr's JSON and the position table, 5 MB for the guide, stay in V8; the
    encoded index that comes out is what encode() gives for the index and table build_in_v8 reads out."""
    index, table = build_in_v8(WORKER, SMALL_INDEX)
    ctx = _context(WORKER)
    texts: list = []
    evaluate = ctx.eval
    ctx.eval = lambda code: texts.append(result := evaluate(code)) or result
    encoded = prebuilt_module._build_encoded(ctx, SMALL_INDEX, ["text", "keywords"])
    assert encoded == encode(without_positions(index, ["text", "keywords"]), table)
    lunrs = json.dumps(table, ensure_ascii=False, separators=(",", ":"))
    assert not [text for text in texts if isinstance(text, str) and lunrs in text]
    with pytest.raises(PrebuildError, match="cannot leave out positions"):
        prebuilt_module._build_encoded(_context(WORKER), SMALL_INDEX, ["body"])


def test_positions_patch_applies_once_and_fails_loudly_when_missing():
    assert WORKER.count("...__guidePositions(__term,") == 1 and "function __guidePositions(" in WORKER
    with pytest.raises(WorkerPatchError, match="match positions loop"):
        apply_patch(WORKER, "POSITIONS")


def test_encoding_is_much_smaller_than_lunrs_json():
    index, table = build_in_v8(WORKER, SMALL_INDEX)
    as_lunr = json.dumps({"index": index, "table": table}, ensure_ascii=False, separators=(",", ":"))
    as_encoded = json.dumps(encode(index, table), ensure_ascii=False, separators=(",", ":"))
    assert len(as_encoded) < len(as_lunr) / 2


# Numbers the real index never has (negative steps, beyond 32 bits) still come back.
@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=-2**50, max_value=2**50), min_size=1, max_size=30))
def test_any_integers_come_back_through_the_browser_loader(numbers):
    index = {"version": "2.3.9", "fields": ["text"], "pipeline": ["stemmer"],
             "fieldVectors": [["text/a.html", [0, 1.25]]],
             "invertedIndex": [["x", {"_index": 0, "text": {"a.html": {"position": numbers}}}]]}
    table = [["a.html:text", [numbers, [], [7]]]]
    assert decode_in_v8(WORKER, encode(index, table)) == (index, table)


# The loader builds a plain trie where lunr minimises; every kind of query
# term lunr makes must expand to the same index terms, in the same order.
EXPANSIONS = """(terms, patterns) => {
  const loaded = __guideLoadIndex(__p).index.tokenSet, lunrs = lunr.TokenSet.fromArray(terms);
  return patterns.map(([term, edits]) => {
    const q = () => edits ? lunr.TokenSet.fromFuzzyString(term, edits) : lunr.TokenSet.fromString(term);
    return [loaded.intersect(q()).toArray(), lunrs.intersect(q()).toArray()];
  });
}"""


def test_loaded_token_set_expands_queries_as_lunrs_own():
    docs = [{"location": f"p{i}.html", "title": t, "text": "\u200b".join(words)}
            for i, (t, words) in enumerate([("中心组", ["中心组", "中心", "学习", "学习强国", "学风"]),
                                            ("网评员", ["网评员", "网络评论员", "网络", "a1", "a10", "ab"])])]
    index, table = build_in_v8(WORKER, {**SMALL_INDEX, "docs": SMALL_INDEX["docs"] + docs})
    terms = [term for term, _ in index["invertedIndex"]]
    ctx = _context(WORKER)
    ctx.eval(f"var __p = {json.dumps(encode(index, table), ensure_ascii=False)};")
    patterns = [["中心*", 0], ["中心组", 0], ["学*", 0], ["*习", 0], ["网*员", 0], ["网络*", 0], ["a*", 0],
                ["学风", 1], ["中心", 1], ["ab", 2], ["无此词", 0], ["*", 0]]
    for (loaded, lunrs), (pattern, _) in zip(json.loads(ctx.eval(
            f"JSON.stringify(({EXPANSIONS})({json.dumps(terms)}, {json.dumps(patterns)}))")), patterns):
        assert loaded == lunrs, pattern
    assert loaded and len(loaded) == len(terms)  # "*": every term


def test_a_token_set_that_loses_terms_stops_the_build(monkeypatch):
    broken = prebuilt_module.DECODE_JS.replace("this.final=T[lo].length===d", "this.final=!1")
    assert broken != prebuilt_module.DECODE_JS
    monkeypatch.setattr(prebuilt_module, "DECODE_JS", broken)
    with pytest.raises(PrebuildError, match="token set"):
        prebuild(WORKER, SMALL_INDEX)


def test_vectors_load_when_first_read_and_list_like_lunrs():
    index, table = build_in_v8(WORKER, SMALL_INDEX)
    ctx = _context(WORKER)
    ctx.eval(f"var __p = {json.dumps(encode(index, table), ensure_ascii=False)};"
             "var __v = __guideLoadIndex(__p).index.fieldVectors;")
    names = [name for name, _ in index["fieldVectors"]]
    assert json.loads(ctx.eval("JSON.stringify(Object.keys(__v))")) == names
    assert ctx.eval(f"{json.dumps(names[0])} in __v && !('text/none.html' in __v) && __v['text/none.html'] === undefined")
    assert json.loads(ctx.eval(f"JSON.stringify(__v[{json.dumps(names[-1])}].toJSON())")) == index["fieldVectors"][-1][1]
    assert ctx.eval(f"__v[{json.dumps(names[0])}] === __v[{json.dumps(names[0])}]")  # decoded once


def test_vlq_digits():
    assert vlq([0, 1, -1, 15, 16]) == "ACDegB"
    with pytest.raises(PrebuildError, match="integers only"):
        vlq([1.5])


def test_unexpected_index_shapes_stop_the_build():
    index, table = build_in_v8(WORKER, SMALL_INDEX)
    term, entry = index["invertedIndex"][0]
    field = next(f for f in index["fields"] if entry[f])
    ref = next(iter(entry[field]))
    entry[field][ref]["offsets"] = [1]
    with pytest.raises(PrebuildError, match="metadata other than position") as info:
        encode(index, table)
    assert repr(term) in str(info.value)
    index, table = build_in_v8(WORKER, SMALL_INDEX)
    index["fieldVectors"][0][1][1] = 0.0001234
    with pytest.raises(PrebuildError, match="thousandths"):
        encode(index, table)
    with pytest.raises(PrebuildError, match="unknown field"):
        encode(*build_in_v8(WORKER, SMALL_INDEX)[:1], [["a.html:nofield", [[1]]]])


def test_search_class_must_be_found_exactly_once():
    assert "globalThis.__GuideSearch=class" in expose_search_class(WORKER)
    with pytest.raises(PrebuildError, match="exactly once"):
        expose_search_class("var x=1;")


def test_worker_patch_fetches_the_index_when_given_its_address():
    assert re.search(r"case 0:if\(([\w$]+)\.data\.url\)\1\.data=yield __guideFetchIndex\(\1\.data\);return yield ",
                     WORKER)
    loader = WORKER[WORKER.index("function __guideFetchIndex"):]
    assert "importScripts(u)" in loader and "fetch(u)" in loader  # search_index.js under file://, JSON otherwise
    # Without esbuild's down-levelling (await, not yield) the same patch applies, with await.
    awaited = patch_worker(SHIPPED_WORKER.replace("case 0:return yield", "case 0:return await"))
    assert re.search(r"case 0:if\(([\w$]+)\.data\.url\)\1\.data=await __guideFetchIndex\(\1\.data\);return await ",
                     awaited)
    with pytest.raises(WorkerPatchError, match="set-up message handler"):  # SETUP is no longer 0
        patch_worker(SHIPPED_WORKER.replace("case 0:return yield", "case 5:return yield"))


def test_worker_patch_loads_a_prebuilt_index_and_keeps_the_build_path():
    assert "prebuilt:__pb" in WORKER and "__guideLoadIndex(__pb)" in WORKER
    assert "this.index=lunr(function(){" in WORKER  # no prebuilt: built as before
    with pytest.raises(WorkerPatchError, match="Search constructor"):
        patch_worker(SHIPPED_WORKER.replace("this.table=new Map", "this.positions=new Map"))


def test_bundle_patch_sends_the_index_address_shortens_the_first_batch_and_preloads_for_searchers():
    bundle = patch_bundle(SHIPPED_BUNDLE, "[\\s]+")
    # The worker gets the index's address, not the index: the script under file://, the JSON otherwise.
    assert ('({url:String(new URL(location.protocol==="file:"?"search/search_index.js":"search/search_index.json",'
            in bundle)
    assert "({url:__url})=>" in bundle and "data:{url:__url,options:" in bundle
    assert f".slice(0,{FIRST_RESULTS}))" in bundle and ".slice(0,10))" not in bundle
    assert f'!!__md_get("{SEARCH_USED}")' in bundle
    # The page script that sets the flag uses the same key.
    script = (ROOT / "docs/assets/javascripts/search-input.js").read_text(encoding="utf-8")
    assert f'__md_set("{SEARCH_USED}", true)' in script


def test_built_index_carries_the_prebuilt_index_and_its_compressed_copy(built_site):
    path = built_site.path / "search/search_index.json"
    body = path.read_bytes()
    data = json.loads(body)
    prebuilt = data["prebuilt"]
    assert prebuilt["format"] == FORMAT and len(prebuilt["terms"]) > 3000
    # The text's match positions are left out (the worker finds them in its table): the prebuilt part is then
    # smaller than the documents it indexes (with them it was larger), however much text the guide holds.
    size = lambda part: len(json.dumps(part, ensure_ascii=False, separators=(",", ":")).encode())  # noqa: E731
    assert size(prebuilt) < size(data["docs"]), (size(prebuilt), size(data["docs"]))
    assert set(prebuilt["refs"]) == {doc["location"] for doc in data["docs"]}
    assert gzip.decompress((built_site.path / "search/search_index.json.gz").read_bytes()) == body
    # The file:// copy (offline plugin) carries it too.
    assert '"prebuilt":{"format":' in (built_site.path / "search/search_index.js").read_text(encoding="utf-8")
    assert "lunr index built ahead of time in the segmenter's process" in built_site.log


def test_built_pages_show_and_index_the_questions_they_answer(built_site):
    html = (built_site.path / "tasks/half-year-report.html").read_text(encoding="utf-8")
    answers = re.search(r'<p class="page-answers" data-search-exclude><strong>本页回答：</strong>(.*?)</p>', html)
    assert answers and "半年汇报啥时候交？" in answers.group(1)
    title_end = html.index("</h1>")
    assert title_end < html.index("page-answers") < title_end + 600  # under the title (and the stamp)
    data = json.loads((built_site.path / "search/search_index.json").read_text(encoding="utf-8"))
    page = next(d for d in data["docs"] if d["location"] == "tasks/half-year-report.html")
    assert "半年汇报啥时候交？" in page["questions"] and "本页回答" not in page["text"]
    assert data["config"]["fields"]["questions"]["boost"] > 1


def _one_score_off(encoded: dict) -> dict:
    """``encoded`` with the last score of its first vector one thousandth off (a broken encoder)."""
    first = encoded["vectors"][0]  # its last digit is the last term's score: one thousandth more or less
    last = prebuilt_module.VLQ_DIGITS[prebuilt_module.VLQ_DIGITS.index(first[-1]) ^ 2]
    return {**encoded, "vectors": [first[:-1] + last, *encoded["vectors"][1:]]}


def test_the_build_writes_the_index_unread_and_verify_reads_any_written_index_back():
    """The build does not read its own index back (issue #15: 0.2 s of a cold build); ``verify`` does, for the
    config and docs a written index carries, and catches one score a thousandth off."""
    encoded = prebuilt_module.prebuild_unchecked(WORKER, SMALL_INDEX)
    assert encoded == prebuild(WORKER, SMALL_INDEX)
    prebuilt_module.verify(WORKER, {**SMALL_INDEX, "prebuilt": encoded})
    with pytest.raises(PrebuildError, match="does not decode to what lunr built"):
        prebuilt_module.verify(WORKER, {**SMALL_INDEX, "prebuilt": _one_score_off(encoded)})


def test_the_built_sites_prebuilt_index_decodes_to_what_lunr_builds_from_its_documents(built_site, monkeypatch):
    """The check a build no longer runs, on the real site's index: what the browser's loader reads from the
    written ``prebuilt`` is exactly what lunr builds from the written config and docs, with the site's own
    patched worker. A broken encoder (a score one thousandth off) fails it."""
    from support.modules import load

    monkeypatch.syspath_prepend(str(ROOT / "hooks"))
    hook = load("hooks/search.py", "guide_hook_search_verify")
    monkeypatch.delitem(__import__("sys").modules, "guide_hook_search_verify")
    data = json.loads((built_site.path / "search/search_index.json").read_text(encoding="utf-8"))
    worker = next((built_site.path / "assets/javascripts/workers").glob("search.*.min.js")).read_text(encoding="utf-8")
    assert "__guideLoadIndex" in worker  # the patched worker the pages load
    prebuilt_module.verify(worker, data, hook.UNPOSITIONED_FIELDS)
    with pytest.raises(PrebuildError, match="does not decode to what lunr built"):
        prebuilt_module.verify(worker, {**data, "prebuilt": _one_score_off(data["prebuilt"])}, hook.UNPOSITIONED_FIELDS)


def test_the_segmenter_process_builds_the_index_as_this_process_would(tmp_path):
    """In a cold build V8 builds the index in the segmenter's process (issue #15: a second of CPU out of the
    build's own process), after the last text; the same code gives the same encoded index."""
    from macros.search.segmenter import RemoteSegmenter

    userdict = tmp_path / "userdict.txt"
    userdict.write_text("中心组 1000 n\n", encoding="utf-8")
    remote = RemoteSegmenter(userdict, "中心组 1000 n\n", ["中心组"])
    try:
        remote.segment("理论中心组每月学习")
        remote.prebuild(WORKER, SMALL_INDEX, ["text"])
        assert remote.prebuilt() == prebuild(WORKER, SMALL_INDEX, unpositioned=["text"])
        assert len(remote.collect()) == 1
    finally:
        remote.stop()
    broken = RemoteSegmenter(userdict, "中心组 1000 n\n", ["中心组"])
    try:
        broken.prebuild("var notTheWorker = 1;", SMALL_INDEX, [])
        with pytest.raises(PrebuildError, match="Search class"):
            broken.prebuilt()
    finally:
        broken.stop()


def test_a_failed_prebuild_stops_the_build_and_stores_nothing_and_a_new_index_is_stored_before_the_guard(
        tmp_path, monkeypatch):
    import sys

    from mkdocs.exceptions import PluginError

    from macros import buildcache
    from support.modules import load

    monkeypatch.setenv("GUIDE_BUILD_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.syspath_prepend(str(ROOT / "hooks"))
    hook = load("hooks/search.py", "guide_hook_search_finish")

    class Failing:  # a segmenter whose V8 met a shape the encoder does not know
        def prebuild(self, *args):
            pass

        def prebuilt(self):
            raise PrebuildError("term 'x': unexpected index entry keys []")

    try:
        hook._state.update(worker_code="worker", serving=False)
        monkeypatch.setattr(hook, "_pinyin", dict)
        with pytest.raises(PluginError, match=re.escape("search_index.json: term 'x': unexpected index entry")):
            hook._prebuilt({"config": {}, "docs": []}, Failing(), tmp_path / "search_index.json")
        assert "store" not in hook._state
        inputs = ["some", "inputs"]
        hook._state["store"] = (inputs, {"terms": []})
        hook._finish(None)
        assert buildcache.get(ROOT, "search-index", inputs) == b'{"terms": []}'
        priorities = {f.__name__: f.mkdocs_priority for f in hook.on_post_build.methods}
        assert priorities["_finish"] > -200 and priorities["_write_index"] == -50  # before hooks/intranet.py
    finally:
        sys.modules.pop("guide_hook_search_finish", None)
