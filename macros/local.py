"""The local layer: a 区's or 街道's own names, rules, records and pages, kept outside the guide.

``GUIDE_LOCAL=/path/to/layer`` (absolute, or relative to the project) chooses it; without it the
build is the plain guide. A layer holds

- ``settings.yml`` (schema ``data/schemas/local-settings.schema.json``): site name, ASCII slug,
  units (区, 上级机关, 街道 with their 社区), contact lines, logo;
- ``data/<kind>/<id>.yml``: records of the guide's kinds (same schemas) and ``local-rules``
  (本区规定). A record with a guide id replaces the guide's and must say what it was based on
  (``based_on: {date, sha256}``); a new id adds one. ``local_source: {title, date}`` marks a
  record as 本区规定. Both keys are checked by ``local-record.schema.json`` and removed before
  the record is validated against its kind's schema;
- ``docs/<path>.md``: pages added to the site; front matter ``nav: {section, after}`` places them.

``load_site_data`` merges the layer into the guide's records (``merge``), so every consumer sees
the same data; errors name the layer's file and line.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GuideError
from .yamlsource import Source, read_front_matter, read_yaml

ENV = "GUIDE_LOCAL"
# kinds only a layer has: data/<folder>/ -> data/schemas/<schema>.schema.json
LOCAL_KINDS: dict[str, str] = {"local-rules": "local-rule"}
LOCAL_KEYS = ("based_on", "local_source")
LAYER_ENTRIES = {"settings.yml", "data", "docs", "assets", "README.md"}
EDITION_PAGE = "local-edition.md"  # the generated 本地版说明 page (hooks/local_layer.py)


def layer_dir(root: Path, value: str | None = None) -> Path | None:
    """The layer chosen by ``value`` (default: $GUIDE_LOCAL), or None for the plain guide."""
    value = os.environ.get(ENV, "") if value is None else value
    if not value.strip():
        return None
    path = Path(value)
    path = (path if path.is_absolute() else root / path).resolve()
    if not path.is_dir():
        raise GuideError(value, None, f"{ENV} names a folder that does not exist ({path})",
                         f"set {ENV} to the local layer's folder (absolute or relative to the project), "
                         "or unset it to build the plain guide")
    return path


def display(path: Path, root: Path) -> str:
    """``path`` relative to the project when inside it, else absolute: for messages."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def file_hash(path: Path) -> str:
    """The first 12 hex digits of the SHA-256 of a file's bytes (what ``based_on.sha256`` holds)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


@dataclass(frozen=True)
class Override:
    """A local record replacing the guide's record of the same kind and id."""

    kind: str
    id: str
    local_path: str  # for messages
    guide_path: str
    based_on_date: str
    based_on_sha: str
    guide_sha: str
    guide_date: str  # the guide's newest release date

    @property
    def changed(self) -> bool:
        return self.based_on_sha != self.guide_sha

    def describe(self) -> str:
        return (f"{self.guide_path} changed in the guide since {self.local_path} was based on it "
                f"(based on {self.based_on_date}, guide now {self.guide_date}, "
                f"sha256 {self.based_on_sha} -> {self.guide_sha})")


@dataclass(frozen=True)
class LocalPage:
    """A page of the layer: where it goes in the site and in the nav."""

    src_uri: str  # docs-relative, e.g. qingxi/arrangements.md
    path: Path
    rel: str  # for messages
    title: str
    section: str
    after: str | None
    nav_line: int | None


@dataclass(frozen=True)
class LocalLayer:
    path: Path
    rel: str
    settings: dict
    settings_source: Source
    overrides: tuple[Override, ...] = ()
    added: tuple[tuple[str, str], ...] = ()
    local_paths: dict = field(default_factory=dict)  # (kind, id) -> local file for messages
    local_sources: dict = field(default_factory=dict)  # (kind, id) -> {title, date}: a 本区规定
    rule_slots: dict = field(default_factory=dict)  # 本区规定 id -> pages that show it

    @property
    def changed(self) -> list[Override]:
        return [o for o in self.overrides if o.changed]

    @property
    def unit_names(self) -> list[str]:
        return [s["unit"] for s in self.settings["unit"]["streets"]]


def _json_schema(root: Path, name: str) -> dict:
    return json.loads((root / "data" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


def read_settings(root: Path, layer: Path) -> Source:
    from .sitedata import validate_source

    path = layer / "settings.yml"
    if not path.is_file():
        raise GuideError(display(layer, root), None, "a local layer needs settings.yml",
                         "copy examples/local-edition/settings.yml and put in your 区's names")
    source = read_yaml(path, root)
    if not isinstance(source.data, dict):
        raise GuideError(source.path, 1, "settings.yml must be 'key: value' lines", "start it with 'site_name: ...'")
    validate_source(source, _json_schema(root, "local-settings"), "local-settings")
    logo = source.data.get("logo")
    if logo and not (layer / logo).is_file():
        raise source.error(("logo",), f"no file '{logo}' in the layer", "put the logo in the layer or remove 'logo'")
    return source


def _strip_local_keys(source: Source, root: Path) -> tuple[Source, dict]:
    """The record without ``based_on`` / ``local_source`` (validated here), and those keys."""
    from .sitedata import validate_source

    data = source.data
    meta = {k: data[k] for k in LOCAL_KEYS if k in data}
    if meta:
        validate_source(Source(source.path, meta, source.lines), _json_schema(root, "local-record"), "local-record")
    stripped = {k: v for k, v in data.items() if k not in LOCAL_KEYS}
    return Source(source.path, stripped, source.lines), meta


RULE_CALL_RE = re.compile(r"""local_rule\(\s*["']([a-z0-9-]+)["']""")


def rule_slots(root: Path, layer: Path | None = None) -> dict[str, list[str]]:
    """The 本区规定 ids the pages ask for (``local_rule("<id>", …)``) and the pages that ask."""
    slots: dict[str, list[str]] = {}
    for base in [root / "docs"] + ([layer / "docs"] if layer else []):
        for path in sorted(base.rglob("*.md")) if base.is_dir() else []:
            for rule_id in RULE_CALL_RE.findall(path.read_text(encoding="utf-8")):
                slots.setdefault(rule_id, []).append(path.relative_to(base).as_posix())
    return slots


def guide_release(root: Path) -> str:
    """The guide's newest release date (the newest data/changelog/<date>.yml)."""
    dates = sorted(p.stem for p in (root / "data" / "changelog").glob("*.yml"))
    return dates[-1] if dates else "unknown"


def _check_entries(root: Path, layer: Path, kinds: dict[str, str]) -> None:
    """Nothing but the layer's own entries at its top and known kinds under data/."""
    for entry in sorted(layer.iterdir()):
        if entry.name not in LAYER_ENTRIES and not entry.name.startswith("."):
            raise GuideError(display(entry, root), None, f"'{entry.name}' is not part of a local layer",
                             "a layer holds settings.yml, data/, docs/, assets/ and README.md; move it elsewhere")
    data_dir = layer / "data"
    for folder in sorted(data_dir.iterdir()) if data_dir.is_dir() else []:
        if folder.name.startswith(".") or (folder.is_dir() and folder.name in kinds):
            continue
        first = next(iter(sorted(folder.glob("*.yml"))), folder) if folder.is_dir() else folder
        raise GuideError(display(first, root), 1 if first.is_file() else None,
                         f"unknown kind '{folder.name}' (folder {display(data_dir, root)}/{folder.name}/)",
                         "use one of the guide's kinds: " + ", ".join(sorted(kinds)))


def _override(root: Path, kind: str, record, meta: dict, source: Source, guide: dict,
              release: str) -> Override | None:
    """The Override a local record makes, None for a new id; an error when based_on does not fit."""
    guide_file = root / "data" / kind / f"{record.id}.yml"
    based_on = meta.get("based_on")
    if record.id in guide and not based_on:
        raise source.error(("id",), f"this id is the guide's ({kind}/{record.id}): "
                           "add based_on to replace it, or choose another id",
                           f"to replace the guide's record add 'based_on: {{date: {release}, "
                           f"sha256: \"{file_hash(guide_file)}\"}}'; "
                           "to add a record of your own give it a new id (and file name)")
    if record.id not in guide and based_on:
        raise source.error(("based_on",), f"the guide no longer has {kind}/{record.id} "
                           "(removed or renamed in an update)",
                           "see the guide's 更新记录 for what replaced it: move your changes to the new id, "
                           "or remove based_on to keep this as a record of your own")
    if record.id not in guide:
        return None
    return Override(kind, record.id, record.source.path, display(guide_file, root), based_on["date"],
                    based_on["sha256"], file_hash(guide_file), release)


def _check_rules_shown(records: dict, slots: dict) -> None:
    for record_id, record in records["local-rules"].items():
        if record_id not in slots:
            raise record.error(("id",), f"no page shows the local rule '{record_id}'",
                               "use an id a page asks for (" + (", ".join(sorted(slots)) or "none") + "), "
                               f"or show it on a local page with {{{{ local_rule(\"{record_id}\", default=\"…\") }}}}")


def merge(root: Path, layer: Path, records: dict, kinds: dict[str, str],
          load_kind: Callable[..., dict]) -> LocalLayer:
    """Merge the layer's records into ``records`` (kind -> id -> Record) in place."""
    settings = read_settings(root, layer)
    all_kinds = {**kinds, **LOCAL_KINDS}
    _check_entries(root, layer, all_kinds)
    overrides: list[Override] = []
    added: list[tuple[str, str]] = []
    local_paths: dict = {}
    local_sources: dict = {}
    release = guide_release(root)
    folders = sorted((layer / "data").glob("*/")) if (layer / "data").is_dir() else []
    for folder in (f for f in folders if f.is_dir() and not f.name.startswith(".")):
        metas: dict[str, tuple[dict, Source]] = {}

        def strip(source: Source, metas=metas) -> Source:
            stripped, meta = _strip_local_keys(source, root)
            metas[Path(source.path).stem] = (meta, source)
            return stripped

        local = load_kind(root, folder.name, all_kinds[folder.name], directory=folder, prepare=strip)
        guide = records.setdefault(folder.name, {})
        for record_id, record in local.items():
            meta, source = metas[record_id]
            local_paths[(folder.name, record_id)] = record.source.path
            if "local_source" in meta:
                local_sources[(folder.name, record_id)] = meta["local_source"]
            override = _override(root, folder.name, record, meta, source, guide, release)
            if override:
                overrides.append(override)
            else:
                added.append((folder.name, record_id))
            guide[record_id] = record
    slots = rule_slots(root, layer)
    _check_rules_shown(records, slots)
    return LocalLayer(layer, display(layer, root), settings.data, settings, tuple(overrides), tuple(added),
                      local_paths, local_sources, slots)


# --- templates: the unit names ------------------------------------------------

FIELD_UNIT = "【填写：单位名称】"
FIELD_SUPERIOR = "【填写：上级机关】"
PARTY_UNIT_RE = re.compile(r"中共【填写：单位名称】工作委员会")


def unit_text(layer: LocalLayer) -> str:
    """The unit name a template gets: the one 街道's, or a field offering each."""
    names = layer.unit_names
    if len(names) == 1:
        return names[0]
    return "【填写：单位名称（" + "／".join(names) + "）】"


def _localise(value, unit: str, superior: str):
    if isinstance(value, str):
        value = PARTY_UNIT_RE.sub(unit, value)
        return value.replace(FIELD_UNIT, unit).replace(FIELD_SUPERIOR, superior)
    if isinstance(value, list):
        return [_localise(v, unit, superior) for v in value]
    if isinstance(value, dict):
        return {k: _localise(v, unit, superior) for k, v in value.items()}
    return value


def localise_template(data: dict, layer: LocalLayer) -> dict:
    """A template record with the layer's 上级机关 and unit names in its title, text and 落款."""
    superior = layer.settings["unit"]["superior"]
    out = _localise(data, unit_text(layer), superior)
    for item in out.get("fields", []):
        if item["id"] == "unit":
            item["example"] = layer.unit_names[0]
        elif item["id"] == "superior":
            item["example"] = superior
    return out


# --- pages -------------------------------------------------------------------

def local_pages(root: Path, layer: Path, docs_dir: Path) -> list[LocalPage]:
    """The layer's pages; a page at a path the guide already has is an error."""
    pages = []
    base = layer / "docs"
    if not base.is_dir():
        return pages
    for path in sorted(base.rglob("*.md")):
        src_uri = path.relative_to(base).as_posix()
        rel = display(path, root)
        if (docs_dir / src_uri).exists() or src_uri == EDITION_PAGE:
            raise GuideError(rel, 1, f"the guide already has a page docs/{src_uri}",
                             f"give the local page another path or name (e.g. local/{src_uri}); "
                             "to change a guide page's text, ask for a local_rule() on it")
        source = read_front_matter(path, rel)
        meta = source.data if source and isinstance(source.data, dict) else {}
        nav = meta.get("nav")
        if not isinstance(nav, dict) or "section" not in nav:
            raise GuideError(rel, source.line_of(("nav",)) if source else 1,
                             "a local page must say where it goes in the nav",
                             "add front matter 'nav: {section: 工作要点, after: work-points/theory.md}' "
                             "(section = a top-level nav title; after = the page it follows, optional)")
        title = meta.get("title")
        if not title:
            raise GuideError(rel, 1, "a local page needs a title", "add front matter 'title: ...'")
        pages.append(LocalPage(src_uri, path, rel, title, nav["section"], nav.get("after"),
                               source.line_of(("nav",))))
    return pages


def insert_in_nav(nav: list, page: LocalPage) -> None:
    """Put ``page`` into ``nav`` (MkDocs' config list) in its named section, after its named page."""
    entry = {page.title: page.src_uri}
    for item in nav:
        if isinstance(item, dict) and page.section in item:
            children = item[page.section]
            if isinstance(children, str):
                item[page.section] = children = [children]
            if page.after is None:
                children.append(entry)
                return
            for i, child in enumerate(children):
                target = child if isinstance(child, str) else next(iter(child.values()))
                if target == page.after:
                    children.insert(i + 1, entry)
                    return
            known = [c if isinstance(c, str) else next(iter(c.values())) for c in children]
            raise GuideError(page.rel, page.nav_line, f"no page '{page.after}' in the nav section '{page.section}'",
                             "set nav.after to one of: " + ", ".join(k for k in known if isinstance(k, str)))
    sections = [next(iter(i)) for i in nav if isinstance(i, dict)]
    raise GuideError(page.rel, page.nav_line, f"no nav section '{page.section}'",
                     "set nav.section to one of: " + ", ".join(sections))


# --- status ------------------------------------------------------------------

def status_lines(layer: LocalLayer) -> list[str]:
    """What ``guide.py local-status`` prints and the build logs."""
    lines = [f"local layer {layer.rel}: {len(layer.overrides)} override(s), {len(layer.added)} added record(s)"]
    for o in layer.overrides:
        state = "CHANGED" if o.changed else "unchanged"
        lines.append(f"  {state:9} {o.kind}/{o.id}: {o.local_path} based on {o.based_on_date}"
                     + (f"; guide now {o.guide_date}" if o.changed else ""))
    given = {record_id for kind, record_id in layer.added if kind == "local-rules"}
    for rule_id, pages in sorted(layer.rule_slots.items()):
        state = "set" if rule_id in given else "not set (the page keeps the guide's text)"
        lines.append(f"  本区规定 {rule_id} on {', '.join(pages)}: {state}")
    for o in layer.changed:
        lines.append(f"  -> compare {o.guide_path} with {o.local_path}, carry over what you keep, then set "
                     f"'based_on: {{date: {o.guide_date}, sha256: \"{o.guide_sha}\"}}'")
    return lines
