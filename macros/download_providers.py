"""Which records become which downloadable files."""

from __future__ import annotations

from functools import partial

from .downloads import DOWNLOAD_DIR, Download, provider
from .sitedata import SiteData

# The makers import python-docx, openpyxl and icalendar when they run: a build whose downloads all come from
# the build cache (or from the worker process) never loads them.


def build_checklist_xlsx(*args, **kwargs) -> bytes:
    from .export.checklist_xlsx import build_checklist_xlsx as build
    return build(*args, **kwargs)


def build_calendar_ics(*args, **kwargs) -> bytes:
    from .export.calendar_ics import build_calendar_ics as build
    return build(*args, **kwargs)


def build_template_docx(*args, **kwargs) -> bytes:
    from .export.template_docx import build_template_docx as build
    return build(*args, **kwargs)


def build_ledger_xlsx(*args, **kwargs) -> bytes:
    from .export.ledger_xlsx import build_ledger_xlsx as build
    return build(*args, **kwargs)


def build_sample_docx(*args, **kwargs) -> bytes:
    from .export.sample_docx import build_sample_docx as build
    return build(*args, **kwargs)


def _origin(record) -> tuple[str, int | None]:
    """The record's file and the line of its id: where a failure to make its file is reported."""
    return record.source.path, record.source.line_of(("id",))


def checklist_path(checklist_id: str) -> str:
    return f"{DOWNLOAD_DIR}/checklist-{checklist_id}.xlsx"


@provider
def checklists(site: SiteData):
    for record in site.all("checklists"):
        yield Download(checklist_path(record.id), f"{record['title']}.xlsx",
                       partial(build_checklist_xlsx, record), inputs=record.data, origin=_origin(record))


ENGINE_JS = "checker/engine.js"  # the one checker engine: the pages and the command line run it


def _checker_json(site: SiteData) -> bytes:
    from checker.compile import load_compiled, to_json

    return to_json(load_compiled(site.root, lambda: site)).encode("utf-8")


def _checker_script(site: SiteData) -> bytes:
    return (b"/* Generated from data/checker, data/timeline and data/terms: do not edit. */\n"
            b"window.GUIDE_CHECKER_DATA = " + _checker_json(site) + b";\n")


@provider
def checker_data(site: SiteData):
    """The report checker for the 报告体检 and 总结和要点对照 pages: its rules and word lists
    (compiled from data/) and its engine (checker/engine.js), the same files the command line runs."""
    yield Download(f"{DOWNLOAD_DIR}/checker-data.json", "报告体检规则数据.json", partial(_checker_json, site))
    yield Download(f"{DOWNLOAD_DIR}/checker-data.js", "checker-data.js", partial(_checker_script, site))
    yield Download(f"{DOWNLOAD_DIR}/checker-engine.js", "checker-engine.js", (site.root / ENGINE_JS).read_bytes)


CALENDAR_PATH = f"{DOWNLOAD_DIR}/calendar.ics"


@provider
def calendar(site: SiteData):
    events = [record.data for record in site.all("events")]
    yield Download(CALENDAR_PATH, "街道社区宣传思想工作日历.ics", partial(build_calendar_ics, events), inputs=events)


@provider
def templates(site: SiteData):
    for record in site.all("templates"):
        yield Download(f"{DOWNLOAD_DIR}/{record.id}.docx", f"{record['title']}（模板）.docx",
                       partial(build_template_docx, record), inputs=record.data, origin=_origin(record))


@provider
def ledgers(site: SiteData):
    for record in site.all("ledgers"):
        yield Download(f"{DOWNLOAD_DIR}/{record.id}.xlsx", f"{record['title']}.xlsx",
                       partial(build_ledger_xlsx, record), inputs=record.data, origin=_origin(record))


def sample_path(sample_id: str) -> str:
    return f"{DOWNLOAD_DIR}/sample-{sample_id}.docx"


@provider
def samples(site: SiteData):
    for record in site.all("samples"):
        yield Download(sample_path(record.id), f"{record['title']}（范文）.docx",
                       partial(build_sample_docx, record), inputs=record.data, origin=_origin(record))
