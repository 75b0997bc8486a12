"""The local edition: a layer chosen by GUIDE_LOCAL (macros/local.py) added to the site.

Without a layer this hook does nothing. With one:

- on_config: the layer's site name and logo; its pages and the generated 本地版说明 page go into
  the nav at their named places (before MkDocs validates the nav, so strict mode checks them);
  each local record whose guide record changed since it was based on it is logged at INFO
  (strict mode fails on warnings, and a changed guide record is news, not a fault);
- on_files: the layer's pages (a page at a path the guide has is an error), its logo and the
  本地版说明 page;
- on_page_markdown: a local page is stamped as the 区's own; a page that a local rule-carrying event names under ``see`` (the task pages)
  gets a 本区规定 box with the local date, source and date of the source.

The data itself (records, 本区规定, template unit names) is merged by load_site_data, so every
other hook and macro sees it without knowing about the layer.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from _project import ROOT, site_data
from macros.errors import GuideError
from macros.local import EDITION_PAGE, LocalPage, insert_in_nav, local_pages, status_lines
from macros.render.local import render_event_box, render_local_edition_page
from macros.render.page_meta import insert_after_title

log = logging.getLogger("mkdocs.plugins.guide.local")

EDITION_TITLE = "本地版说明"
LOGO_DIR = "assets/local"
LOCAL_PAGE_STAMP = "本区页面：只在本地版中出现，由本区维护，见“本地版说明”"

_state: dict = {}


def on_config(config):
    _state.clear()
    site = site_data()
    layer = site.layer
    if layer is None:
        return config
    try:
        pages = local_pages(ROOT, layer.path, Path(config.docs_dir))
        for page in pages:
            insert_in_nav(config.nav, page)
    except GuideError as exc:
        raise PluginError(exc.message) from None
    before = next((i for i, item in enumerate(config.nav) if isinstance(item, dict) and "更新记录" in item),
                  len(config.nav))
    config.nav.insert(before, {EDITION_TITLE: EDITION_PAGE})
    config.site_name = layer.settings["site_name"]
    logo = layer.settings.get("logo")
    if logo:
        config.theme["logo"] = f"{LOGO_DIR}/{Path(logo).name}"
    config.watch.append(str(layer.path))
    _state.update(layer=layer, pages=pages)
    for line in status_lines(layer):
        log.info(line)
    return config


def on_files(files: Files, config, **kwargs) -> Files:
    layer = _state.get("layer")
    if layer is None:
        return files
    page: LocalPage
    for page in _state["pages"]:
        files.append(File.generated(config, page.src_uri, abs_src_path=str(page.path)))
    logo = layer.settings.get("logo")
    if logo:
        files.append(File.generated(config, f"{LOGO_DIR}/{Path(logo).name}", abs_src_path=str(layer.path / logo)))
    site = site_data()
    files.append(File.generated(config, EDITION_PAGE, content=render_local_edition_page(site)))
    return files


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    layer = _state.get("layer")
    if layer is None:
        return markdown
    site = site_data()
    if any(local.src_uri == page.file.src_uri for local in _state["pages"]):
        stamp = f'<p class="page-stamp">{LOCAL_PAGE_STAMP}</p>'
        return insert_after_title(markdown, stamp)
    boxes = []
    for record in site.all("events"):
        local_path = layer.local_paths.get(("events", record.id))
        meta = layer.local_sources.get(("events", record.id))
        if local_path and meta and any(s["page"] == page.file.src_uri for s in record.get("see", [])):
            boxes.append(render_event_box(record.data, meta))
    return insert_after_title(markdown, "\n".join(boxes)) if boxes else markdown
