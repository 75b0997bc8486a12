"""Every data file validates; every schema is a valid JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from macros.downloads import collect_downloads
from macros.sitedata import KINDS, load_site_data
from support import ROOT


def test_schemas_are_valid_json_schema():
    for path in sorted((ROOT / "data/schemas").glob("*.schema.json")):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def test_every_kind_has_a_folder_and_a_schema():
    for folder, schema in KINDS.items():
        assert (ROOT / "data" / folder).is_dir(), folder
        assert (ROOT / "data/schemas" / f"{schema}.schema.json").is_file(), schema


def test_all_data_loads_and_ids_match_file_names():
    site = load_site_data(ROOT)
    for kind, records in site.records.items():
        for record_id, record in records.items():
            assert record["id"] == record_id
            assert record.source.path == f"data/{kind}/{record_id}.yml"


def test_no_stray_files_in_data_folders():
    for folder in KINDS:
        stray = [p.name for p in (ROOT / "data" / folder).iterdir() if p.suffix != ".yml"]
        assert not stray, f"data/{folder}: {stray}"


def test_every_download_builds_non_empty_bytes():
    for path, download in collect_downloads(load_site_data(ROOT)).items():
        assert len(download.build()) > 1000, path


def test_a_validator_is_made_once_per_schema_and_load(monkeypatch, tmp_path):
    """The files of a kind share one validator (issue #15); a schema read again gets its own, so an edited schema
    is never checked with the old one."""
    from macros import sitedata
    from macros.errors import GuideError
    from macros.yamlsource import read_yaml

    made = []
    real = jsonschema.Draft202012Validator
    monkeypatch.setattr(jsonschema, "Draft202012Validator", lambda schema: made.append(schema) or real(schema))
    schema = {"type": "object", "required": ["id"]}
    for name in ("a", "b"):
        (tmp_path / f"{name}.yml").write_text(f"id: {name}\n", encoding="utf-8")
        sitedata.validate_source(read_yaml(tmp_path / f"{name}.yml", tmp_path), schema, "probe")
    assert len(made) == 1
    stricter = {**schema, "required": ["id", "title"]}
    with pytest.raises(GuideError, match="missing required field 'title'"):
        sitedata.validate_source(read_yaml(tmp_path / "a.yml", tmp_path), stricter, "probe")
    assert len(made) == 2
