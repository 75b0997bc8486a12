"""Cross-record checks that a single file's schema cannot express.

This module holds the checks of the foundation's kinds; each area has its own
module beside it (reference, template, sample, checker).
"""

from __future__ import annotations

from ..sitedata import SiteData, check_unique, register_check

# Each module registers the checks of one area when imported. They run before
# the checks below, which look outside data/ (pages named by the changelog).
# The import order is the order the checks run in.
# isort: off
from . import deadlines  # noqa: F401  (deadline wordings: resolved first, every other check sees them)
from . import reference  # noqa: F401  (terms, events, diagrams)
from . import template  # noqa: F401  (templates and ledgers)
from . import sample  # noqa: F401  (annotated samples)
from . import checker  # noqa: F401  (report checker data)
from . import ledgers  # noqa: F401  (ledger counts: 台账对数 refers to real columns and choices)
from . import units  # noqa: F401  (fictional units: the samples agree with the record)
# isort: on


@register_check
def checklist_item_ids_unique(site: SiteData) -> None:
    for record in site.all("checklists"):
        check_unique(record.source, record["items"], "id", ("items",))


@register_check
def changelog_pages_exist(site: SiteData) -> None:
    for record in site.all("changelog"):
        if record["date"] != record.id:
            raise record.error(("date",), f"date {record['date']} differs from the file name",
                               f"set 'date: {record.id}'")
        for c, change in enumerate(record["changes"]):
            for p, page in enumerate(change.get("pages", [])):
                if not (site.root / "docs" / page).is_file():
                    raise record.error(("changes", c, "pages", p), f"page '{page}' does not exist under docs/",
                                       "correct the path (relative to docs/) or remove it")
