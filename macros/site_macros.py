"""The guide's macros (macros/__init__.py hands mkdocs-macros ``define_env`` from here): load the data, register them.

Nothing here renders: each macro looks its record up and hands it to a pure
function in ``macros/render/``. Unknown ids raise ``UnknownId`` naming the page
and line, which hooks/macro_errors.py turns into a failed build.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import buildcache, download_worker
from .checks.deadlines import deadline_texts, unknown_deadline
from .download_providers import checklist_path
from .downloads import collect_downloads, size_text
from .errors import GuideError
from .links import relative
from .render.calendar import render_calendar, render_this_month_hint
from .render.changelog import render_changelog
from .render.checker import render_checker_rules
from .render.checklist import render_checklist, render_checklist_index
from .render.diagram import render_diagram, render_year
from .render.glossary import pinyin_keys, render_glossary
from .render.local import render_local_rule
from .render.sample import render_sample, render_sample_index
from .render.templates import render_template_index, render_template_page
from .render.year_marks import render_year_marks, year_row
from .sitedata import load_site_data

CHECKLISTS_PAGE = "checklists/index.md"


class GuideMacros:
    """The guide's macros, bound to the site data and to the page being rendered (``env.page``)."""

    NAMES = ("checklist", "checklist_items", "deadline", "checklist_index", "download_link", "changelog", "checker_rules", "glossary",
             "work_calendar", "this_month_hint", "diagram", "year_at_a_glance", "year_marks", "sample",
             "sample_index", "template_page", "template_index", "local_rule", "ledger_counts", "ledger_samples")

    def __init__(self, env, root: Path, site) -> None:
        self.env, self.root, self.site = env, root, site
        self.downloads = collect_downloads(site)

    def here(self) -> str:
        return self.env.page.file.src_uri

    def referrer(self, needle: str) -> tuple[str, int | None]:
        """The current page and the line where ``needle`` appears in it."""
        page = self.env.page.file
        try:
            text = Path(page.abs_src_path).read_text(encoding="utf-8")
            line = next((n for n, text_line in enumerate(text.splitlines(), 1) if needle in text_line), None)
        except OSError:
            line = None
        return f"{Path(self.env.conf['docs_dir']).relative_to(self.root).as_posix()}/{page.src_uri}", line

    def checklist(self, checklist_id: str, point: str | None = None) -> str:
        """A shared checklist (or its items for one work point) as a task list."""
        record = self.site.get("checklists", checklist_id, self.referrer(checklist_id))
        link = None if self.here() == CHECKLISTS_PAGE else relative(f"{CHECKLISTS_PAGE}#{record.id}", self.here())
        try:
            return render_checklist(record, point, link)
        except ValueError as exc:
            path, line = self.referrer(checklist_id)
            raise GuideError(path, line, str(exc), "tag the items with this point in the checklist's data file") from None

    def deadline(self, deadline_id: str) -> str:
        """The one wording of a recurring deadline (data/events/<id>.yml deadline_text)."""
        known = deadline_texts(self.site)
        if deadline_id not in known:
            raise unknown_deadline(self.referrer(deadline_id), deadline_id, known)
        return known[deadline_id]

    def checklist_items(self, checklist_id: str) -> int:
        """The number of items of a checklist, computed from its record."""
        return len(self.site.get("checklists", checklist_id, self.referrer(checklist_id))["items"])

    def checklist_index(self) -> str:
        """Every checklist in full, with its download."""
        return render_checklist_index(self.site.all("checklists"),
                                      lambda r: self.download_link(checklist_path(r.id), "下载 Excel 自查表"))

    def download_link(self, path: str, label: str | None = None) -> str:
        """A Markdown link to a generated file, with its save-as name and size."""
        if path not in self.downloads:
            where, line = self.referrer(path)
            raise GuideError(where, line, f"no generated file '{path}'",
                             "use a path listed by `python scripts/guide.py downloads`")
        download = self.downloads[path]
        text = label or download.filename
        return (f'[:material-download: {text}]({relative(path, self.here())})'
                f'{{ download="{download.filename}" .guide-download }}'
                f'（{download.kind.upper()}，{size_text(download)}）')

    def changelog(self) -> str:
        """All releases, newest first."""
        return render_changelog(self.site.all("changelog"), self.here())

    def checker_rules(self) -> str:
        """The report checker's rules (data/checker/rules.yml) as a table."""
        return render_checker_rules(self.site.get("checker", "rules", self.referrer("checker_rules"))["rules"],
                                    self.here())

    def glossary(self) -> str:
        """Every term of data/terms/, grouped by category (常用表述 page)."""
        return render_glossary([r.data for r in self.site.all("terms")], self.readings)

    def readings(self, texts: list[str]) -> list[str]:
        """``pinyin_keys(texts)``, from the build cache when the same texts were read before (pypinyin is slow
        to load), else from the download worker, which made them first (``PINYIN_KEYS``), else made here."""
        def make() -> bytes:
            ahead = download_worker.value(download_worker.PINYIN_KEYS) or {}
            keys = [ahead.get(text) for text in texts]
            if None in keys:
                keys = pinyin_keys(texts)
            return json.dumps(keys, ensure_ascii=False).encode("utf-8")
        return json.loads(buildcache.cached(self.root, "pinyin", texts, make))

    def work_calendar(self) -> str:
        """The month-by-month calendar of data/events/ (工作日历 page)."""
        return render_calendar([r.data for r in self.site.all("events")], self.here())

    def this_month_hint(self) -> str:
        """A box the browser fills with this month's and next month's events."""
        return render_this_month_hint([r.data for r in self.site.all("events")])

    def diagram(self, diagram_id: str) -> str:
        """A picture of data/diagrams/<id>.yml as inline SVG."""
        return render_diagram(self.site.get("diagrams", diagram_id, self.referrer(diagram_id)).data)

    def year_at_a_glance(self, year: int) -> str:
        """The twelve months of ``year`` with their events, as inline SVG."""
        return render_year([r.data for r in self.site.all("events")], int(year))

    def year_marks(self, first: int, last: int) -> str:
        """Meetings, 学习教育, new formulations and markers of each year (data/timeline, data/terms);
        years after the page's basis_as_of year say their 学习教育 is not yet known."""
        from checker.compile import formulations

        basis = str(self.env.page.meta.get("basis_as_of", ""))
        if not basis:
            where, line = self.referrer("year_marks")
            raise GuideError(where, line, "year_marks() needs the page's basis_as_of",
                             "add basis_as_of: YYYY-MM to the page's front matter")
        timeline = [r.data for r in self.site.all("timeline")]
        terms = {r.id: r.data for r in self.site.all("terms")}
        found = [dict(f, name=terms[f["id"]]["term"]) for f in formulations(list(terms.values()), timeline)]
        rows = [year_row(timeline, found, y) for y in range(int(first), int(last) + 1)]
        return render_year_marks(rows, basis)

    def sample(self, sample_id: str) -> str:
        """An annotated sample (data/samples): 范文全文 with notes, then 改写对照."""
        return render_sample(self.site.get("samples", sample_id, self.referrer(sample_id)))

    def sample_index(self) -> str:
        """A table of every sample, linked to its page docs/samples/<id>.md."""
        return render_sample_index(self.site.all("samples"), lambda r: relative(f"samples/{r.id}.md", self.here()))

    def template_page(self, template_id: str) -> str:
        """A template's outline, parts, fields, checklists and related material."""
        record = self.site.get("templates", template_id, self.referrer(template_id))
        related = record.get("related", {})
        return render_template_page(
            record,
            checklists=[self.checklist(c) for c in record["checklists"]],
            sample_link=self.sample_link(record),
            ledger_links=[self.download_link(f"downloads/{ledger}.xlsx", self.site.get("ledgers", ledger)["title"])
                          for ledger in related.get("ledgers", [])],
        )

    def sample_link(self, template) -> str | None:
        """The link from a template's page to its sample's page; a missing page is an error."""
        sample = template.get("related", {}).get("sample")
        if not sample:
            return None
        page = f"samples/{sample}.md"
        if not (self.root / "docs" / page).is_file():
            raise template.error(("related", "sample"), f"the sample page docs/{page} does not exist",
                                 f"write docs/{page} (it shows {{{{ sample(\"{sample}\") }}}}) or remove related.sample")
        return relative(page, self.here())

    def local_rule(self, rule_id: str, default: str) -> str:
        """The local layer's 本区规定 ``rule_id`` (marked, with source and date), else ``default``."""
        rule = self.site.records["local-rules"].get(rule_id)
        return render_local_rule(rule.data) if rule else default

    def template_index(self) -> str:
        """Every template and ledger with its download."""
        return render_template_index(self.site.all("templates"), self.site.all("ledgers"),
                                     lambda path: self.download_link(path, "下载"),
                                     lambda r: relative(f"doc-templates/{r.id}.md", self.here()))

    def ledger_counts(self) -> str:
        """台账对数: what each ledger counts and how (data/ledgers, counts)."""
        from .render.ledger_counts import render_ledger_counts

        return render_ledger_counts([r.data for r in self.site.all("ledgers")])

    def ledger_samples(self) -> str:
        """台账对数: the fictional unit's filled ledgers (data/ledger-samples), as downloads."""
        from .render.ledger_counts import render_ledger_samples

        ledgers = {r.id: r.data for r in self.site.all("ledgers")}
        return render_ledger_samples([r.data for r in self.site.all("ledger-samples")], ledgers, self.download_link)


def define_env(env) -> None:
    """Register the guide's variables and macros with mkdocs-macros."""
    root = Path(env.conf.config_file_path).parent
    try:
        site = load_site_data(root)
    except GuideError as exc:  # a clean message instead of a traceback
        raise PluginError(exc.message) from None
    macros = GuideMacros(env, root, site)
    for name in GuideMacros.NAMES:
        env.macro(getattr(macros, name), name)
    env.variables["site_data"] = site
