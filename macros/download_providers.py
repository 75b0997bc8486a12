"""Which records become which downloadable files."""

from __future__ import annotations

from functools import partial

from .downloads import DOWNLOAD_DIR, Download, provider
from .export.checklist_xlsx import build_checklist_xlsx
from .sitedata import SiteData


def checklist_path(checklist_id: str) -> str:
    return f"{DOWNLOAD_DIR}/checklist-{checklist_id}.xlsx"


@provider
def checklists(site: SiteData):
    for record in site.all("checklists"):
        yield Download(checklist_path(record.id), f"{record['title']}.xlsx",
                       partial(build_checklist_xlsx, record))
