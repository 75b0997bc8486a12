"""Chinese search that finds what staff type (see macros/search/).

* on_config: writes the jieba user dictionary (glossary terms and aliases from
  data/terms/, the guide's vocabulary from data/search/) to a temp file. In
  ``mkdocs build`` a process of its own loads it with jieba's dictionary and
  cuts the texts while the pages render (macros/search/segmenter.py; the
  placeholders it leaves in the entries are filled in at on_post_build -5);
  while serving (or with GUIDE_BUILD_WORKER=off) it is loaded into jieba once
  per process (macros/search/segment.py): not through the plugin's
  ``jieba_dict_user``, which would load it again on every serve rebuild.
* on_files: makes the plugin's segmentation of each section (jieba) look the
  text up first (``Segments``: across serve rebuilds, and in the build cache);
  replaces Material's search worker by a copy whose query
  segmentation searches a whole indexed term as itself, and Material's main
  bundle by a copy that loads the search index when search is first used
  and highlights a result's page without it (both under new hashed names);
  on_post_page/on_post_template point every page at them.
* on_page_markdown: keeps each page's ``questions`` (front matter) for the index.
* on_post_build: adds the hidden ``keywords`` field (synonyms, parts of long
  terms) to search/search_index.json, then the index built ahead of time by
  the patched worker's own code (``prebuilt``), before the offline plugin
  inlines it. The prebuilt index is kept in the build cache (macros/buildcache.py);
  while serving, an index not in the cache is left to the browser to build,
  as Material does, so that an edit shows at once. The gzip copy is compressed
  in a thread, its first half while V8 builds the index (macros/search/indexfile.py),
  and written at -150, before the intranet guard lists every file.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files

from _project import ROOT, site_data
from macros import buildcache, download_worker
from macros.memo import Memo
from macros.search.expand import FIELD, QUESTION_FIELD, TITLE_FIELD, expand_index, keywords_ahead, vocabulary_scope
from macros.search.indexfile import GzipAhead, json_head, json_tail
from macros.search.intent import intent_js
from macros.search.prebuilt import PrebuildError, prebuild_unchecked
from macros.search.segment import SEGMENTS, dictionary_key, use_user_dictionary
from macros.search.segmenter import RemoteSegmenter, SegmenterError, cut_parts, fill_in, resolve
from macros.search.vocabulary import dictionary_words, groups_from, userdict_text
from macros.search.worker_patch import (BUNDLE_NAME, WORKER_NAME, WorkerPatchError, bundle_name, check_known_source,
                                        patch_bundle, patch_worker, patched_name)

log = logging.getLogger("mkdocs.plugins.guide.search")

WORKER_DIR = "assets/javascripts/workers/"
# Fields whose match positions the prebuilt index leaves out; the worker finds them in its position table.
UNPOSITIONED_FIELDS = ("text", FIELD, TITLE_FIELD, QUESTION_FIELD)
BUNDLE_DIR = "assets/javascripts/"
_state: dict = {}
# Kept across the rebuilds of `mkdocs serve` (this module is loaded once per process), looked up by full input.
KEYWORDS = Memo()  # a section's keywords by (title, text)
PAGE_ENTRIES = Memo()  # the search plugin's entries for a page, by everything they are made from


def _search_plugin(config):
    for name in ("material/search", "search"):
        if name in config.plugins:
            return config.plugins[name]
    raise PluginError("hooks/search.py needs Material's search plugin: add '- search' under plugins in mkdocs.yml")


def on_startup(command: str, dirty: bool) -> None:
    _state["serving"] = command == "serve"
    _drop_spare()
    if not _state["serving"] and download_worker.enabled():
        # Started now, not in on_config: it loads jieba's main dictionary while this process imports the
        # plugins and loads the data (about 0.45 s of a cold build with one core idle); on_config gives it
        # the user dictionary.
        _state["spare"] = RemoteSegmenter()


@event_priority(50)  # before the search plugin's on_config
def on_config(config):
    site = site_data()
    terms = site.all("terms")
    groups = groups_from(terms, [r for r in site.all("search") if "groups" in r.data], site.all("timeline"))
    words = dictionary_words(groups)
    text = userdict_text(words)
    folder = Path(tempfile.gettempdir()) / "guide-search"
    folder.mkdir(exist_ok=True)
    path = folder / f"userdict-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}.txt"
    if not path.exists():
        tmp = path.with_suffix(f".{os.getpid()}.tmp")  # concurrent builds never share a half-written file
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    plugin = _search_plugin(config)
    if plugin.config.jieba_dict_user:
        raise PluginError("search: jieba_dict_user is generated from data/terms/ and data/search/; "
                          "remove it from mkdocs.yml and add the words to data/search/vocabulary.yml")
    if plugin.config.jieba_dict:
        raise PluginError("search: jieba_dict (another main dictionary) is not supported: the guide keeps jieba's "
                          "segmentation per dictionary (macros/search/segment.py). What to do: remove it from "
                          "mkdocs.yml and add the words to data/search/vocabulary.yml")
    _stop_segmenter(kill=True)  # one left by a build that failed
    _state.pop("keywords_ready", None)
    if _state.get("serving") or not download_worker.enabled():
        dictionary = use_user_dictionary(path, text)
    else:  # jieba is loaded and cuts in a process of its own while the pages are rendered
        dictionary = dictionary_key(text)
        remote = _state["segmenter"] = _state.pop("spare", None) or RemoteSegmenter()
        remote.begin(path, text, words)
    boosts: dict[str, float] = {}
    filler_words: list[str] = []
    group_of = {word: group.origin for group in groups for word in group.words}
    records = list(site.all("search"))
    shared_heading, intent = _set_once(records, "shared_heading"), _set_once(records, "intent")
    for record in records:
        boosts.update(record.get("page_boost", {}))
        fillers = record.get("filler_words", [])
        filler_words += fillers
        clash = [f"{w} (in {group_of[w]})" for w in fillers if w in group_of]
        if clash:
            raise PluginError(f"data/search/{record.id}.yml: filler_words are dropped from queries, but these are "
                              f"words the search keeps whole and finds by synonym: {', '.join(clash)}. "
                              "What to do: remove each from filler_words or from its synonym group")
    _state.update(groups=groups, words=words, userdict=path, dictionary=dictionary, boosts=boosts, filler_words=tuple(filler_words),
                  intent=intent_js(intent),
                  shared_heading=shared_heading, questions={})
    log.info("search dictionary: %d words in %d synonym groups (%d glossary terms) -> %s",
             len(words), len(groups), len(terms), path)
    return config


def _replace(files: Files, config, folder: str, pattern, patch, name, kind: str) -> tuple[str, str, str]:
    """Swap the theme file ``folder``/<pattern> for its patched copy; return (old, new) site paths and the code.
    A file the patches were not checked against (KNOWN_SOURCES in worker_patch.py) stops the build."""
    found = [f for f in files if f.src_uri.startswith(folder) and pattern.match(f.src_uri[len(folder):])]
    if len(found) != 1:
        raise PluginError(f"expected one file matching {pattern.pattern} under {folder}, found {[f.src_uri for f in found]}")
    original = found[0]
    try:
        check_known_source(kind, original.content_string, importlib.metadata.version("mkdocs-material"))
        code = patch(original.content_string)
    except WorkerPatchError as exc:
        raise PluginError(f"{original.abs_src_path}: {exc}") from None
    files.remove(original)
    source_map = files.get_file_from_path(original.src_uri + ".map")
    if source_map is not None:
        files.remove(source_map)
    files.append(File.generated(config, folder + name(code), content=code))
    return original.src_uri, folder + name(code), code


def _toc_key(toc) -> tuple:
    return tuple((item.id, item.url, _toc_key(item.children)) for item in toc)


def _page_key(page) -> tuple:
    """Everything Material's SearchIndex.add_entry_from_context reads from a page."""
    meta = page.meta
    return (page.url, page.content, str(page.title), _toc_key(page.toc), str(meta.get("title")),
            json.dumps([meta.get("search"), meta.get("tags")], default=str, sort_keys=True))


def _memoise_indexing(plugin) -> None:
    """Make the plugin look each page (its entries) and each text (jieba's segmentation, macros/search/segment.py)
    up first: a serve rebuild indexes only what changed."""
    index = getattr(plugin, "search_index", None)
    segment = getattr(index, "_segment_chinese", None)
    add_page = getattr(index, "add_entry_from_context", None)
    if segment is None or add_page is None or not isinstance(getattr(index, "entries", None), list):
        raise PluginError("hooks/search.py: Material's search plugin has no search_index._segment_chinese, "
                          "add_entry_from_context or entries any more (Material was upgraded?). What to do: find "
                          "where the new version indexes a page and cuts Chinese text with jieba, and wrap those "
                          "in on_files (see 'Upgrading Material' in CONTRIBUTING.md)")
    SEGMENTS.begin_build(ROOT, _state["dictionary"])
    remote = _state.get("segmenter")
    index._segment_chinese = SEGMENTS.wrap(remote.segment if remote is not None else segment)
    PAGE_ENTRIES.begin((_state["dictionary"], json.dumps(plugin.config.fields, sort_keys=True, default=str)))

    def entries_of(page) -> list[dict]:
        start = len(index.entries)
        add_page(page)
        made = index.entries[start:]
        del index.entries[start:]
        return made

    def add_entry_from_context(page) -> None:
        index.entries.extend(dict(entry) for entry in PAGE_ENTRIES.get(_page_key(page), lambda: entries_of(page)))

    index.add_entry_from_context = add_entry_from_context


def _set_once(records, key: str):
    """The value of ``key`` in the one data/search/ file that sets it, or None; a second file setting it stops
    the build."""
    value, where = None, None
    for record in records:
        if key in record.data:
            if where:
                raise PluginError(f"data/search/{record.id}.yml: {key} is also set in {where}. "
                                  "What to do: keep it in one file (data/search/ranking.yml)")
            value, where = record.data[key], f"data/search/{record.id}.yml"
    return value


def on_files(files: Files, config, **kwargs) -> Files:
    _memoise_indexing(_search_plugin(config))
    worker = _replace(files, config, WORKER_DIR, WORKER_NAME,
                      lambda code: patch_worker(code, _state["filler_words"], _state["intent"]), patched_name, "worker")
    separator = _search_plugin(config).config.separator
    bundle = _replace(files, config, BUNDLE_DIR, BUNDLE_NAME, lambda code: patch_bundle(code, separator), bundle_name,
                      "bundle")
    _state["separator"] = separator
    _state["renames"] = [worker[:2], bundle[:2]]
    _state["worker_code"] = worker[2]
    return files


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    """Remember the questions the page says it answers (front matter ``questions``) for the index."""
    if page.meta.get("questions"):
        _state.setdefault("questions", {})[page.file.src_uri] = list(page.meta["questions"])
    return markdown


def _retarget(output: str) -> str:
    for old, new in _state["renames"]:
        output = output.replace(old, new)
    return output


def on_post_page(output: str, page, config, **kwargs) -> str:
    return _retarget(output)


def on_post_template(output: str, template_name: str, config, **kwargs) -> str:
    return _retarget(output)


def _stop_segmenter(kill: bool = False) -> None:
    remote = _state.pop("segmenter", None)
    if remote is not None:
        remote.kill() if kill else remote.stop()


def _drop_spare() -> None:
    """End the segmenter started by on_startup if no on_config took it (the build stopped before)."""
    spare = _state.pop("spare", None)
    if spare is not None:
        spare.kill()


@event_priority(-5)  # right after the search plugin writes the index (0), before anything reads it
def _fill_in_segments(config, **kwargs) -> None:
    """Put the texts the segmenter process cut in place of their placeholders in search_index.json (and in
    what the segmentation memo keeps for the build cache)."""
    _state.pop("pinyin", None)  # nothing left over from a build that failed
    remote = _state.get("segmenter")
    if remote is None:
        return
    started = time.perf_counter()
    path = Path(config.site_dir) / "search" / "search_index.json"
    index_text = path.read_text(encoding="utf-8") if path.exists() else None
    if index_text is not None:
        _state["keywords_ready"] = _keywords_ahead(index_text, remote)
    _state["pinyin"] = _pinyin()  # read while the segmenter cuts the last texts, not while -50 sends it the index
    try:
        segmented = remote.collect()
    except SegmenterError as exc:
        _stop_segmenter(kill=True)
        raise PluginError(f"{exc}\n  What to do: build again with GUIDE_BUILD_WORKER=off to cut the texts in "
                          "this process and see the error") from None
    if index_text is not None:
        path.write_text(fill_in(index_text, segmented), encoding="utf-8")
    for text, value in SEGMENTS.used.items():
        SEGMENTS.used[text] = resolve(value, segmented)
    log.info("search texts: %d cut by jieba in a second process; waited %.2f s for them", len(segmented),
             time.perf_counter() - started)


def _keywords_ahead(index_text: str, remote: RemoteSegmenter) -> dict:
    """The sections' keywords (macros/search/expand.py), made from the texts as they were sent to the segmenter
    while it cuts the last ones: the keywords read a text without the cuts, so the build no longer makes them
    after waiting for it (about 0.2 s of a cold build). A text changed since (a download's size filled in at
    -10) is not found by ``expand_index`` and its keywords are made there."""
    sent = {value: text for text, value in SEGMENTS.used.items()}  # placeholder (or cut text) -> the text sent
    docs = [dict(doc, title=sent.get(doc.get("title", ""), doc.get("title", "")),
                 text=sent.get(doc.get("text", ""), doc.get("text", "")))
            for doc in json.loads(index_text)["docs"]]
    cut: dict[str, list[str]] = {}

    def parts(word: str) -> list[str]:
        if word not in cut:
            cut[word] = remote.parts(word)
        return cut[word]

    return keywords_ahead(docs, _state["groups"], _state["words"], parts, _state.get("questions"))


@event_priority(-50)  # after the search plugin writes the index, before offline inlines it (-100)
def _write_index(config, **kwargs) -> None:
    _state.pop("store", None), _state.pop("gzip", None)  # nothing left over from a build that failed
    ready = _state.pop("keywords_ready", None)
    path = Path(config.site_dir) / "search" / "search_index.json"
    KEYWORDS.begin((vocabulary_scope(_state["groups"], _state["words"]), _state["dictionary"]))
    remote = _state.get("segmenter")
    parts = remote.parts if remote is not None else cut_parts
    expanded, touched = expand_index(path.read_text(encoding="utf-8"), _state["groups"], _state["words"], parts,
                                     _state["boosts"], _state["shared_heading"], KEYWORDS, _state.get("questions"),
                                     ready)
    data = json.loads(expanded)
    if data["config"].get("separator") != _state["separator"]:
        raise PluginError(f"{path}: the index's separator {data['config'].get('separator')!r} is not the "
                          f"{_state['separator']!r} given to the main bundle's highlighter in on_files; "
                          "see HIGHLIGHT_INDEX in macros/search/worker_patch.py")
    started = time.perf_counter()
    head = json_head(data).encode("utf-8")  # the file up to the last document (macros/search/indexfile.py)
    # Stored compressed too, for servers that send a .gz as it is (nginx's
    # gzip_static in deploy/nginx.conf) rather than compress 2 MB per request.
    # Not while serving: MkDocs' server never sends it, and gzip -9 of the index is a tenth of a rebuild.
    # The documents, half of the file, are compressed in a thread while V8 builds the index, the rest once it
    # is written; the .gz is written before the intranet guard lists every file (_finish).
    compressing = None if _state.get("serving") else GzipAhead()
    if compressing is not None:
        compressing.add(head)
    prebuilt, how = _prebuilt(data, remote, path)
    more = {"prebuilt": prebuilt} if prebuilt is not None else {}
    # Raw UTF-8, no spaces: see expand_index.
    tail = json_tail({**more, "pinyin": _state.pop("pinyin")}).encode("utf-8")
    path.write_bytes(head + tail)
    if compressing is not None:
        compressing.add(tail)
        _state["gzip"] = (path.with_name(path.name + ".gz"), compressing.finish())
    log.info("search index: %d of %d texts segmented by jieba, the rest known; keywords added to %d sections; "
             "lunr index %s in %.2f s (%d terms)", SEGMENTS.made, len(SEGMENTS.used), touched, how,
             time.perf_counter() - started, len((prebuilt or {}).get("terms", ())))
    _check_no_unpatched_worker(Path(config.site_dir))


def _prebuilt(data: dict, remote: RemoteSegmenter | None, path: Path) -> tuple[dict | None, str]:
    """The prebuilt index of ``data`` (config and docs; None while serving if it is not in the build cache) and
    how it was had. A new one is stored in the build cache at _finish. Meanwhile the pinyin table is read
    (``_state["pinyin"]``), unless _fill_in_segments read it."""
    inputs = [_state["worker_code"], UNPOSITIONED_FIELDS, data["config"], data["docs"]]
    stored = buildcache.get(ROOT, "search-index", inputs)
    with ThreadPoolExecutor(1, thread_name_prefix="guide-prebuild") as pool:
        building = None
        if stored is not None:
            prebuilt, how = json.loads(stored), "taken from the build cache"
        elif _state.get("serving"):
            prebuilt, how = None, "left to the browser while serving"
        elif remote is not None:  # V8 builds it in the segmenter's process, idle now: not in this one
            remote.prebuild(_state["worker_code"], data, UNPOSITIONED_FIELDS)
            building, how = _RemotePrebuild(remote), "built ahead of time in the segmenter's process"
        else:
            building = pool.submit(prebuild_unchecked, _state["worker_code"], data, unpositioned=UNPOSITIONED_FIELDS)
            how = "built ahead of time"
        if building is None:
            _stop_segmenter()  # every text and word is cut
        # The readings of the characters, for the worker's "您要找的是不是…" (macros/search/results.js); read
        # at -5 in a cold build, else here, while V8 builds the index in the other thread (it does not hold
        # Python's lock).
        if "pinyin" not in _state:
            _state["pinyin"] = _pinyin()
        if building is not None:
            try:
                prebuilt = building.result()
            except PrebuildError as exc:
                raise PluginError(f"{path}: {exc}") from None
            _state["store"] = (inputs, prebuilt)
    return prebuilt, how


@event_priority(-150)  # after the offline plugin (-100), before hooks/intranet.py (-200) lists every file
def _finish(config, **kwargs) -> None:
    """Stores the cut texts and a new prebuilt index in the build cache (here, not before the index is sent to V8 at
    -50), ends the segmenter, and writes search_index.json.gz, compressed in a thread since _write_index."""
    SEGMENTS.end(ROOT, complete=PAGE_ENTRIES.made == len(PAGE_ENTRIES.used))
    inputs, prebuilt = _state.pop("store", (None, None))
    if inputs is not None:
        buildcache.put(ROOT, "search-index", inputs, json.dumps(prebuilt, ensure_ascii=False).encode())
    _stop_segmenter()  # it has built the index: it ends now, if it has not yet
    target, compressed = _state.pop("gzip", (None, None))
    if target is not None:
        target.write_bytes(compressed.result())


class _RemotePrebuild:
    """The prebuilt index made in the segmenter's process (RemoteSegmenter.prebuild); ``result()`` waits for it,
    as the future of one made in a thread of this process does."""

    def __init__(self, remote: RemoteSegmenter) -> None:
        self.remote = remote

    def result(self) -> dict:
        try:
            return self.remote.prebuilt()
        except SegmenterError as exc:
            raise PluginError(f"{exc}\n  What to do: build again with GUIDE_BUILD_WORKER=off to build the search "
                              "index in this process and see the error") from None


on_post_build = CombinedEvent(_fill_in_segments, _write_index, _finish)


def on_build_error(error, **kwargs) -> None:
    _stop_segmenter(kill=True)
    _drop_spare()


def _pinyin() -> dict[str, str]:
    """Toneless syllable -> the characters read so (GB 2312): the table the checker starts from, made from
    pypinyin alone and committed in the typo base (checker/lexicon.py ``pinyin_table``), whose key the data
    load has checked; read here without loading pypinyin."""
    from checker.typobase import load_base

    return load_base(site_data().get("checker", "context").data)["pinyin"]


def _check_no_unpatched_worker(site: Path) -> None:
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for old, _ in _state["renames"]:
            if old in text:
                raise PluginError(f"{html}: still loads the unpatched {old}")
