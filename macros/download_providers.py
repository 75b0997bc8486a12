"""Which records become which downloadable files."""

from __future__ import annotations

from functools import partial

from .downloads import DOWNLOAD_DIR, Download, provider
from .export.calendar_ics import build_calendar_ics
from .export.checklist_xlsx import build_checklist_xlsx
from .export.ledger_xlsx import build_ledger_xlsx
from .export.sample_docx import build_sample_docx
from .export.template_docx import build_template_docx
from .sitedata import SiteData


def checklist_path(checklist_id: str) -> str:
    return f"{DOWNLOAD_DIR}/checklist-{checklist_id}.xlsx"


@provider
def checklists(site: SiteData):
    for record in site.all("checklists"):
        yield Download(checklist_path(record.id), f"{record['title']}.xlsx",
                       partial(build_checklist_xlsx, record), inputs=record.data)


ENGINE_JS = "checker/engine.js"  # the one checker engine: the pages and the command line run it


@provider
def checker_data(site: SiteData):
    """The report checker for the 报告体检 and 总结和要点对照 pages: its rules and word lists
    (compiled from data/) and its engine (checker/engine.js), the same files the command line runs."""
    from checker.compile import load_compiled, to_json

    def as_json() -> bytes:
        return to_json(load_compiled(site.root, lambda: site)).encode("utf-8")

    def as_script() -> bytes:
        return (b"/* Generated from data/checker, data/timeline and data/terms: do not edit. */\n"
                b"window.GUIDE_CHECKER_DATA = " + as_json() + b";\n")

    yield Download(f"{DOWNLOAD_DIR}/checker-data.json", "报告体检规则数据.json", as_json)
    yield Download(f"{DOWNLOAD_DIR}/checker-data.js", "checker-data.js", as_script)
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
                       partial(build_template_docx, record), inputs=record.data)


@provider
def ledgers(site: SiteData):
    for record in site.all("ledgers"):
        yield Download(f"{DOWNLOAD_DIR}/{record.id}.xlsx", f"{record['title']}.xlsx",
                       partial(build_ledger_xlsx, record), inputs=record.data)


def ledger_sample_path(sample_id: str, ledger_id: str) -> str:
    return f"{DOWNLOAD_DIR}/{sample_id}-{ledger_id}.xlsx"


@provider
def ledger_samples(site: SiteData):
    """The fictional unit's filled ledgers (data/ledger-samples), for trying 台账对数."""
    for record in site.all("ledger-samples"):
        for ledger_id, rows in record["ledgers"].items():
            ledger = site.get("ledgers", ledger_id)
            title = f"{record['title'].split('（')[0]}：{ledger['title']}"
            yield Download(ledger_sample_path(record.id, ledger_id), f"{title}（示例数据）.xlsx",
                           partial(build_ledger_xlsx, ledger, rows, title), inputs=[ledger.data, rows])


def sample_path(sample_id: str) -> str:
    return f"{DOWNLOAD_DIR}/sample-{sample_id}.docx"


@provider
def samples(site: SiteData):
    for record in site.all("samples"):
        yield Download(sample_path(record.id), f"{record['title']}（范文）.docx",
                       partial(build_sample_docx, record), inputs=record.data)
