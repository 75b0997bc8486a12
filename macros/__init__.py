"""mkdocs-macros entry point: load and validate the data, register macros.

Nothing here renders: each macro looks its record up and hands it to a pure
function in ``macros/render/``. Unknown ids raise ``UnknownId`` naming the page
and line, which hooks/macro_errors.py turns into a failed build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from .downloads import collect_downloads
from .errors import GuideError
from .links import human_size, relative
from .render.changelog import render_changelog
from .render.checker import render_checker_rules
from .render.calendar import render_calendar, render_this_month_hint
from .render.checklist import render_checklist, render_checklist_index
from .render.sample import render_sample, render_sample_index
from .render.diagram import render_diagram, render_year
from .render.glossary import render_glossary
from .render.local import render_local_rule
from .render.templates import render_template_index, render_template_page
from .render.year_marks import render_year_marks, year_row
from .sitedata import load_site_data
from .download_providers import checklist_path

CHECKLISTS_PAGE = "checklists/index.md"


def define_env(env) -> None:
    """Register the guide's variables and macros with mkdocs-macros."""
    root = Path(env.conf.config_file_path).parent
    try:
        site = load_site_data(root)
    except GuideError as exc:  # a clean message instead of a traceback
        raise PluginError(exc.message) from None
    downloads = collect_downloads(site)

    def here() -> str:
        return env.page.file.src_uri

    def referrer(needle: str) -> tuple[str, int | None]:
        """The current page and the line where ``needle`` appears in it."""
        src = env.page.file.src_uri
        try:
            text = Path(env.page.file.abs_src_path).read_text(encoding="utf-8")
            line = next((n for n, l in enumerate(text.splitlines(), 1) if needle in l), None)
        except OSError:
            line = None
        return f"{Path(env.conf['docs_dir']).relative_to(root).as_posix()}/{src}", line

    @env.macro
    def checklist(checklist_id: str, point: str | None = None) -> str:
        """A shared checklist (or its items for one work point) as a task list."""
        record = site.get("checklists", checklist_id, referrer(checklist_id))
        link = None if here() == CHECKLISTS_PAGE else relative(f"{CHECKLISTS_PAGE}#{record.id}", here())
        try:
            return render_checklist(record, point, link)
        except ValueError as exc:
            path, line = referrer(checklist_id)
            raise GuideError(path, line, str(exc), "tag the items with this point in the checklist's data file") from None

    @env.macro
    def checklist_index() -> str:
        """Every checklist in full, with its download."""
        return render_checklist_index(site.all("checklists"),
                                      lambda r: download_link(checklist_path(r.id), "下载 Excel 自查表"))

    @env.macro
    def download_link(path: str, label: str | None = None) -> str:
        """A Markdown link to a generated file, with its save-as name and size."""
        if path not in downloads:
            where, line = referrer(path)
            raise GuideError(where, line, f"no generated file '{path}'",
                             "use a path listed by `python scripts/guide.py downloads`")
        download = downloads[path]
        text = label or download.filename
        return (f'[:material-download: {text}]({relative(path, here())})'
                f'{{ download="{download.filename}" .guide-download }}'
                f'（{download.kind.upper()}，{human_size(len(download.build()))}）')

    @env.macro
    def changelog() -> str:
        """All releases, newest first."""
        return render_changelog(site.all("changelog"), here())

    @env.macro
    def checker_rules() -> str:
        """The report checker's rules (data/checker/rules.yml) as a table."""
        return render_checker_rules(site.get("checker", "rules", referrer("checker_rules"))["rules"], here())

    @env.macro
    def glossary() -> str:
        """Every term of data/terms/, grouped by category (常用表述 page)."""
        return render_glossary([r.data for r in site.all("terms")])

    @env.macro
    def work_calendar() -> str:
        """The month-by-month calendar of data/events/ (工作日历 page)."""
        return render_calendar([r.data for r in site.all("events")], here())

    @env.macro
    def this_month_hint() -> str:
        """A box the browser fills with this month's and next month's events."""
        return render_this_month_hint([r.data for r in site.all("events")])

    @env.macro
    def diagram(diagram_id: str) -> str:
        """A picture of data/diagrams/<id>.yml as inline SVG."""
        return render_diagram(site.get("diagrams", diagram_id, referrer(diagram_id)).data)

    @env.macro
    def year_at_a_glance(year: int) -> str:
        """The twelve months of ``year`` with their events, as inline SVG."""
        return render_year([r.data for r in site.all("events")], int(year))

    @env.macro
    def year_marks(first: int, last: int) -> str:
        """Meetings, 学习教育, new formulations and markers of each year (data/timeline, data/terms);
        years after the page's basis_as_of year say their 学习教育 is not yet known."""
        from checker.compile import formulations

        basis = str(env.page.meta.get("basis_as_of", ""))
        if not basis:
            where, line = referrer("year_marks")
            raise GuideError(where, line, "year_marks() needs the page's basis_as_of",
                             "add basis_as_of: YYYY-MM to the page's front matter")
        timeline = [r.data for r in site.all("timeline")]
        terms = {r.id: r.data for r in site.all("terms")}
        found = [dict(f, name=terms[f["id"]]["term"]) for f in formulations(list(terms.values()), timeline)]
        rows = [year_row(timeline, found, y) for y in range(int(first), int(last) + 1)]
        return render_year_marks(rows, int(basis[:4]))

    @env.macro
    def sample(sample_id: str) -> str:
        """An annotated sample (data/samples): 范文全文 with notes, then 改写对照."""
        return render_sample(site.get("samples", sample_id, referrer(sample_id)))

    @env.macro
    def sample_index() -> str:
        """A table of every sample, linked to its page docs/samples/<id>.md."""
        return render_sample_index(site.all("samples"), lambda r: relative(f"samples/{r.id}.md", here()))

    @env.macro
    def template_page(template_id: str) -> str:
        """A template's outline, parts, fields, checklists and related material."""
        record = site.get("templates", template_id, referrer(template_id))
        related = record.get("related", {})
        sample = related.get("sample")
        sample_page = f"samples/{sample}.md" if sample else None
        if sample_page and not (root / "docs" / sample_page).is_file():
            sample_page = "samples/index.md"  # until the sample's page exists
        return render_template_page(
            record,
            checklists=[checklist(c) for c in record["checklists"]],
            sample_link=relative(sample_page, here()) if sample_page else None,
            ledger_links=[download_link(f"downloads/{l}.xlsx", site.get("ledgers", l)["title"])
                          for l in related.get("ledgers", [])],
        )

    @env.macro
    def template_index() -> str:
        """Every template and ledger with its download."""
        return render_template_index(site.all("templates"), site.all("ledgers"),
                                     lambda path: download_link(path, "下载"),
                                     lambda r: relative(f"doc-templates/{r.id}.md", here()))

    @env.macro
    def local_rule(rule_id: str, default: str) -> str:
        """The local layer's 本区规定 ``rule_id`` (marked, with source and date), else ``default``."""
        rule = site.records["local-rules"].get(rule_id)
        return render_local_rule(rule.data) if rule else default

    env.variables["site_data"] = site
