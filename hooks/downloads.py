"""Add every generated download (macros/downloads.py) to the site's files.

Because the files are added in on_files, MkDocs' strict link validation sees
them: a page linking to a download that is not generated fails the build.

In ``mkdocs build``, the downloads that are not in the build cache are made in
a second process while the pages are rendered (macros/download_worker.py).
Until it has finished, a page that prints a file's size carries a mark
instead (``macros.downloads.size_text``), and a file MkDocs would copy is put
aside. on_post_build runs twice: after the search plugin has written the index
and before the search hook reads it (-10), it replaces the marks in the pages
and the search index, waiting only for the sizes they print (the worker reports
each size as soon as it has made the file); after the search hook and the
offline plugin, before the intranet guard reads every file (-150), it waits for
the worker and writes the files put aside. The site is byte for byte what a
build without the worker writes.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files

from _project import ROOT, site_data
from macros import buildcache, download_worker
from macros.checks import jspatterns
from macros.downloads import SIZE_MARK, SIZE_MARK_JSON, collect_downloads, resolve_sizes
from macros.errors import GuideError
from macros.render.glossary import pinyin_key_map, reading_texts
from macros.sitedata import pending_js_patterns

log = logging.getLogger("mkdocs.plugins.guide.downloads")
MARK = "\ue000"
MARK_JSON = "\\ue000"  # in search_index.json, which Material writes with ASCII escapes
_state: dict = {"serving": False}


class GeneratedDownload(File):
    """A generated file whose bytes are made (or taken from the worker) when MkDocs writes it."""

    def __init__(self, config, path: str, made) -> None:
        super().__init__(path, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
        self.generated_by = config.plugins._current_plugin or "<unknown>"
        self.abs_src_path = None
        self._made = made

    @property
    def _content(self) -> bytes:
        try:
            return self._made()
        except GuideError as exc:
            raise PluginError(exc.message) from None

    @_content.setter
    def _content(self, value) -> None:
        if value is not None:
            self._made = lambda: value

    def copy_file(self, dirty: bool = False) -> None:
        worker = _state.get("worker")
        if worker is not None and not worker.done():
            _state["put_aside"].append(self)  # written in on_post_build
        else:
            super().copy_file(dirty)


def on_startup(command: str, dirty: bool) -> None:
    _state["serving"] = command == "serve"
    _drop_spare()
    if not _state["serving"] and download_worker.enabled() and not buildcache.holds_any(ROOT, "downloads"):
        # A cold build: started before the data is loaded, it imports the makers' libraries meanwhile; on_config
        # sends it the downloads missing from the build cache, or ends it if none are. With downloads in the
        # cache (a warm build) it is started by on_config, and only if one is missing, as before.
        _state["spare"] = download_worker.Started()


def _drop_spare() -> None:
    spare = _state.pop("spare", None)
    if spare is not None:
        spare.kill()


@event_priority(60)  # before hooks/search.py (50) loads jieba's dictionary: the worker starts 0.6 s sooner
def on_config(config):
    """Collect the downloads and start making the missing ones in the worker: as early as the data is loaded."""
    started = time.perf_counter()
    site = site_data(js_patterns=False)  # read by the worker, if one starts: it has V8 loaded anyway
    buildcache.freeze_code(site.root)
    downloads = collect_downloads(site)
    missing = [d for d in downloads.values() if not d.build.ready()]
    _state.update(downloads=downloads, worker=None, put_aside=[], marked=[])
    # While serving, an edit changes one or two files: making them here is quicker than starting a process.
    sent = download_worker.portable_ones(missing) if download_worker.enabled() else []
    if not _state["serving"] and any(d.inputs is not None for d in sent):
        _state["js_patterns"] = pending_js_patterns(site)
        ahead = [*_ahead(site), (download_worker.JS_PATTERNS, jspatterns.problems_of,
                                 (jspatterns.pairs(_state["js_patterns"]),))]
        worker = _state["worker"] = download_worker.DownloadWorker(site.root, sent, ahead, _state.pop("spare", None))
        for download in sent:
            download.build.elsewhere = worker.bytes_of(download.path)
            download.build.elsewhere_size = worker.size_function(download.path)
        how = f"{len(sent)} being made in a second process, {len(missing) - len(sent)} here"
    else:
        how = f"{len(missing)} made here"
        site_data()  # JavaScript reads the patterns here
    _drop_spare()  # not needed: nothing to make, or made here
    download_worker.set_running(_state["worker"])
    log.info("downloads: %d files, %d in the build cache, %s (%.2f s)", len(downloads), len(downloads) - len(missing),
             how, time.perf_counter() - started)
    return config


def _ahead(site) -> list[tuple]:
    """The values the worker makes first for the pages (download_worker.value): the glossary's pinyin keys, when
    the build cache does not have them (macros/site_macros.py ``readings``)."""
    texts = reading_texts([r.data for r in site.all("terms")])
    if buildcache.get(site.root, "pinyin", texts) is not None:
        return []
    return [(download_worker.PINYIN_KEYS, pinyin_key_map, (texts,))]


def on_files(files: Files, config, **kwargs) -> Files:
    for path, download in _state["downloads"].items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path}: this file is generated at build time.\n  What to do: delete docs/{path}")
        files.append(GeneratedDownload(config, path, download.build))
    return files


def _resolve(text: str, where: str, mark=SIZE_MARK, raw: str = MARK) -> str:
    """``text`` with the size marks (``mark``, which begins with ``raw``) filled in; a mark left is a failed build."""
    try:
        text = resolve_sizes(text, _state["downloads"], mark)
    except GuideError as exc:
        raise PluginError(exc.message) from None
    left = mark.search(text)
    if left or raw in text:
        raise PluginError(f"{where}: a download's size was not filled in ({left.group(1) if left else MARK!r}). "
                          "What to do: report this as a bug in hooks/downloads.py")
    return text


def on_post_page(output: str, page, config, **kwargs) -> str:
    if MARK not in output:
        return output
    worker = _state.get("worker")
    if worker is not None and not worker.done():
        _state["marked"].append(page.file.abs_dest_path)  # filled in on_post_build
        return output
    return _resolve(output, f"docs/{page.file.src_uri}")


@event_priority(-10)  # after the search plugin writes the index (0), before hooks/search.py reads it (-50)
def _fill_in_sizes(config, **kwargs) -> None:
    """Replace the size marks in the pages and the search index; waits only for the sizes they print."""
    worker = _state.get("worker")
    if worker is None:
        return
    started = time.perf_counter()
    _verify_js_patterns(worker)
    for path in _state["marked"]:
        text = Path(path).read_text(encoding="utf-8")
        Path(path).write_text(_resolve(text, path), encoding="utf-8")
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():
        text = index.read_text(encoding="utf-8")
        if MARK_JSON in text or MARK in text:
            index.write_text(_resolve(text, str(index), SIZE_MARK_JSON, MARK_JSON), encoding="utf-8")
    log.info("downloads: sizes filled in; waited %.2f s for them (%d of %d files made)",
             time.perf_counter() - started, len(worker.sizes), len(worker.paths))


def _verify_js_patterns(worker) -> None:
    """Stop the build at the first pattern of data/ the worker's V8 could not read (read here if it did not
    report them)."""
    try:
        jspatterns.verify(_state.pop("js_patterns", []), worker.value(download_worker.JS_PATTERNS))
    except GuideError as exc:
        raise PluginError(exc.message) from None


@event_priority(-150)  # after hooks/search.py (-50) and the offline plugin (-100), before hooks/intranet.py (-200)
def _write_put_aside(config, **kwargs) -> None:
    """Wait for the worker and write the files MkDocs' copy put aside."""
    worker = _state.get("worker")
    if worker is None:
        return
    started = time.perf_counter()
    try:
        worker.result()
    except GuideError as exc:
        raise PluginError(exc.message) from None
    log.info("downloads: the second process finished %.2f s after it started; waited %.2f s for it",
             worker.seconds, time.perf_counter() - started)
    for file in _state["put_aside"]:
        File.copy_file(file)


on_post_build = CombinedEvent(_fill_in_sizes, _write_put_aside)


def on_build_error(error, **kwargs) -> None:
    _drop_spare()
    worker = _state.get("worker")
    if worker is not None:
        worker.stop()
