"""Load every record under data/, validate it, and hold it for the build.

Each record kind is a folder of YAML files, one record per file, whose ``id``
equals the file name; each kind has a JSON Schema in ``data/schemas/``.
``load_site_data`` is called by the macros and by the hooks; it is cached, so
a build reads and validates the data once.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from .errors import GuideError, UnknownId
from .memo import Memo
from .yamlsource import Source, read_yaml

if TYPE_CHECKING:
    import jsonschema  # imported when a file is validated: the download worker gets the records validated

# data/<folder>/ -> data/schemas/<schema>.schema.json
KINDS: dict[str, str] = {
    "checklists": "checklist",
    "changelog": "changelog",
    "search": "search",
    "checker": "checker",
    "timeline": "timeline",
    "samples": "sample",
    "terms": "term",
    "events": "event",
    "diagrams": "diagram",
    "templates": "template",
    "ledgers": "ledger",
    "ledger-samples": "ledger-sample",
    "units": "unit",
}

WORK_POINTS: dict[str, str] = {
    "theory": "理论武装",
    "opinion": "舆论引导",
    "civilization": "新时代文明实践",
    "credit": "诚信建设",
    "culture": "文化事业",
    "responsibility": "意识形态工作责任制",
}


@dataclass(frozen=True)
class Record:
    """One data file: its kind, its id and its parsed, validated content."""

    kind: str
    id: str
    source: Source

    @property
    def data(self) -> dict:
        return self.source.data

    def __getitem__(self, key: str) -> Any:
        return self.source.data[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.source.data.get(key, default)

    def error(self, where: tuple, problem: str, fix: str) -> GuideError:
        return self.source.error(where, problem, fix)


@dataclass(frozen=True)
class SiteData:
    """All records, by kind and id."""

    root: Path
    records: dict[str, dict[str, Record]]
    layer: Any = None  # macros.local.LocalLayer when a local layer (GUIDE_LOCAL) is merged in
    # Patterns JavaScript must read, not yet read (macros/checks/jspatterns.py): emptied once they are, or once
    # the build has handed them to its download worker (``pending_js_patterns``).
    js_patterns: list = field(default_factory=list, compare=False, repr=False)

    def all(self, kind: str) -> list[Record]:
        """Records of a kind, in id order."""
        return [self.records[kind][k] for k in sorted(self.records[kind])]

    def get(self, kind: str, record_id: str, referrer: tuple[str, int | None] | None = None) -> Record:
        """The record ``record_id`` of ``kind``; ``UnknownId`` names the referrer."""
        try:
            return self.records[kind][record_id]
        except KeyError:
            path, line = referrer or (f"data/{kind}/", None)
            known = ", ".join(sorted(self.records.get(kind, {}))) or "none yet"
            raise UnknownId(
                path, line, f"unknown {KINDS.get(kind, kind)} id '{record_id}'",
                f"use one of: {known}; or add data/{kind}/{record_id}.yml",
            ) from None


# Cross-record checks run after every file has validated on its own; each
# raises GuideError. Kinds append to this list (see register_check).
_CHECKS: list[Callable[[SiteData], None]] = []


def register_check(check: Callable[[SiteData], None]) -> Callable[[SiteData], None]:
    """Decorator: run ``check(site_data)`` whenever data is loaded."""
    _CHECKS.append(check)
    return check


def _schema(root: Path, name: str) -> dict:
    path = root / "data" / "schemas" / f"{name}.schema.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GuideError(path.relative_to(root).as_posix(), None, f"unreadable schema: {exc}",
                         "restore the schema file from git") from exc


def _repeated(items: list) -> tuple[int, int]:
    """Indexes of the first item that a later one repeats, and of that later one."""
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        key = json.dumps(item, sort_keys=True, ensure_ascii=False)
        if key in seen:
            return seen[key], i
        seen[key] = i
    return 0, 0


def _describe(error: jsonschema.ValidationError, repeat: tuple[int, int] | None = None) -> str:
    """The problem in words; ``repeat``: for a list with an item twice, _repeated of it."""
    where = "/".join(str(p) for p in error.absolute_path) or "the top level"
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"missing required field '{missing}' in {where}"
    if error.validator == "additionalProperties":
        return f"unknown field in {where}: {error.message}"
    if repeat:
        first, again = repeat
        return f"{where}: item {again + 1} repeats item {first + 1} ({json.dumps(error.instance[again], ensure_ascii=False)})"
    return f"{where}: {error.message}"


# The last validator made for each schema name, with the schema object it was made from: the files of a kind are
# validated against one schema object (read once per load), so a validator is made once per kind and load.
_validators: dict[str, tuple[dict, Any]] = {}


def validate_source(source: Source, schema: dict, schema_name: str) -> None:
    """Raise GuideError for the first schema violation, at its line."""
    import jsonschema

    made = _validators.get(schema_name)
    if made is None or made[0] is not schema:
        made = _validators[schema_name] = (schema, jsonschema.Draft202012Validator(schema))
    validator = made[1]
    errors = sorted(validator.iter_errors(source.data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more problem(s) in this file)" if len(errors) > 1 else ""
        hint = first.schema.get("description") if isinstance(first.schema, dict) else None
        where = tuple(first.absolute_path)
        repeat = _repeated(first.instance) if first.validator == "uniqueItems" and isinstance(first.instance, list) else None
        if repeat:
            where += (repeat[1],)  # point at the repeat
            hint = "delete the repeat: a list holds each entry once"
        if first.validator == "additionalProperties" and isinstance(first.instance, dict):
            unexpected = [k for k in first.instance if k not in first.schema.get("properties", {})]
            where += tuple(unexpected[:1])  # point at the unexpected key itself
        raise source.error(
            where, _describe(first, repeat) + more,
            (hint + "; " if hint else "") + f"see data/schemas/{schema_name}.schema.json for the allowed fields",
        )


def check_unique(source: Source, items: list[dict], key: str, where: tuple) -> None:
    """Raise GuideError when two items of a list share the same ``key``."""
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        value = item.get(key)
        if value in seen:
            raise source.error(where + (i, key), f"duplicate {key} '{value}' (also item {seen[value] + 1})",
                               f"give each item its own {key}")
        seen[value] = i


# Each file's parsed and validated record, by the file's bytes and its schema: a serve rebuild after an edit to
# one file parses and validates only that file (issue #15). Kept from one load to the next (macros/memo.py).
VALIDATED = Memo()


def _validated(path: Path, root: Path, schema: dict, schema_name: str, schema_key: str) -> Source:
    def make() -> Source:
        source = read_yaml(path, root)
        if isinstance(source.data, dict):
            validate_source(source, schema, schema_name)
        return source
    return VALIDATED.get((str(path), path.read_bytes(), schema_name, schema_key), make)


def _load_kind(root: Path, folder: str, schema_name: str, directory: Path | None = None,
               prepare: Callable[[Source], Source] | None = None) -> dict[str, Record]:
    """The records of ``directory`` (default data/<folder>); ``prepare`` may adjust each before validation."""
    schema = _schema(root, schema_name)
    schema_key = json.dumps(schema, sort_keys=True)
    records: dict[str, Record] = {}
    directory = directory or root / "data" / folder
    for path in sorted(directory.glob("*")):
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        if path.suffix == ".yaml":
            raise GuideError(rel, None, "data files end in .yml", f"rename it to {path.stem}.yml")
        if path.suffix != ".yml":
            continue
        source = read_yaml(path, root) if prepare else _validated(path, root, schema, schema_name, schema_key)
        if not isinstance(source.data, dict):
            raise GuideError(rel, 1, "a record must be a mapping of fields", "start the file with 'id: ...'")
        if prepare:
            source = prepare(source)
            validate_source(source, schema, schema_name)
        if source.data["id"] != path.stem:
            raise source.error(("id",), f"id '{source.data['id']}' differs from the file name '{path.stem}'",
                               f"set 'id: {path.stem}' or rename the file")
        records[path.stem] = Record(folder, path.stem, source)
    return records


def _signature(root: Path, layer: Path | None = None) -> tuple:
    """(path, mtime, size) of every file under data/ (and the layer): any edit, addition or removal changes it."""
    found = []
    walks = [os.walk(root / "data")] + ([os.walk(layer)] if layer else [])
    for folder, _dirs, names in (entry for walk in walks for entry in walk):
        for name in names:
            stat = os.stat(os.path.join(folder, name))
            found.append((folder, name, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(found))


_cache: dict[tuple, tuple[tuple, SiteData]] = {}


def load_site_data(root: Path | str, local: str | None = None, js_patterns: bool = True) -> SiteData:
    """Load and validate all data under ``root/data`` merged with the local layer; cached until a file changes.

    ``local`` names the layer's folder; default $GUIDE_LOCAL (see macros/local.py), "" for none.
    ``js_patterns=False`` leaves the patterns JavaScript must read in ``js_patterns``, for the caller to have
    them read (hooks/downloads.py: by the download worker) or to call again without it.
    """
    from . import local as local_layer

    root = Path(root).resolve()
    layer_path = local_layer.layer_dir(root, local)
    signature = _signature(root, layer_path)
    cached = _cache.get((root, layer_path))
    if cached and cached[0] == signature:
        if js_patterns:
            _read_js_patterns(cached[1])
        return cached[1]
    _import_kinds()
    VALIDATED.begin(None)
    records = {folder: _load_kind(root, folder, schema) for folder, schema in KINDS.items()}
    records.update({folder: {} for folder in local_layer.LOCAL_KINDS})
    layer = local_layer.merge(root, layer_path, records, KINDS, _load_kind) if layer_path else None
    site = SiteData(root, records, layer)
    for check in _CHECKS:
        check(site)
    if js_patterns:
        _read_js_patterns(site)
    if layer:
        for record_id, record in records["templates"].items():
            localised = local_layer.localise_template(record.data, layer)
            records["templates"][record_id] = replace(record, source=replace(record.source, data=localised))
    _cache[(root, layer_path)] = (signature, site)
    return site


def _read_js_patterns(site: SiteData) -> None:
    from .checks import jspatterns

    if site.js_patterns:
        jspatterns.verify(site.js_patterns)
        site.js_patterns.clear()


def pending_js_patterns(site: SiteData) -> list:
    """The patterns of ``site`` JavaScript has not read yet, which the caller now has read (and must stop on the
    first problem, ``jspatterns.verify``); later loads no longer read them."""
    pending = list(site.js_patterns)
    site.js_patterns.clear()
    return pending


def _import_kinds() -> None:
    """Import the modules that register cross-record checks."""
    from . import checks  # noqa: F401


def iter_sources(site: SiteData) -> Iterator[Source]:
    for kind in site.records.values():
        for record in kind.values():
            yield record.source
