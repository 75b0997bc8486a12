"""Surviving a Material upgrade: the patched theme files are the ones the patches were checked against,
the patch table names real tests, the patterns do not depend on the minifier's names, and a changed
worker, bundle or search dialog stops the build with what to do (CONTRIBUTING.md, "Upgrading Material")."""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from macros.search.worker_patch import (
    KNOWN_SOURCES,
    PATCHES,
    TEST_COMMAND,
    UnknownMaterialFile,
    WorkerPatchError,
    check_known_source,
    patch_bundle,
    patch_worker,
)

ROOT = Path(__file__).resolve().parents[1]
THEME_JS = Path(__import__("material").__file__).parent / "templates/assets/javascripts"
WORKER_PATH = next((THEME_JS / "workers").glob("search.*.min.js"))
BUNDLE_PATH = next(THEME_JS.glob("bundle.*.min.js"))
SHIPPED_WORKER = WORKER_PATH.read_text(encoding="utf-8")
SHIPPED_BUNDLE = BUNDLE_PATH.read_text(encoding="utf-8")
INSTALLED = importlib.metadata.version("mkdocs-material")
SEPARATOR = "[\\s\\u200b\\u3000\\-、。，．？！；]+"
FILLERS = ("怎么", "的", "里")

# SHA-256 of the patched files for the known inputs above: the patch table gives, byte for byte, what the
# patches gave before it (Material 9.8.1). Update only together with KNOWN_SOURCES, or with a change to a
# patch or to the code appended to the worker (results.js), checked by the browser tests.
PATCHED = {
    "da1b3df5e5f00cc73083c9e21ff0ec28bde85cd247057bdd05b7a167e5903bd4": {  # worker of 9.8.1
        (): "0ea439c487d377a5f8c529594144682ff369f45596c3ba0d3cea61fb495a8b77",
        FILLERS: "8aae72ab2b0f41834710274203fc9eee21b9ba58ae816c7b036ea1056f2a081e",
    },
    "b9a1ef14b5e91ad61fa8d7dd42e1f55e6af0ebd224bc8970dff0e7d7311b172f": {  # bundle of 9.8.1
        SEPARATOR: "7f26973bc7ab3f04f055a8ded5144d8e76e287893e96e65675ce162cc4439328",
    },
}


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_installed_material_files_are_the_ones_the_patches_were_checked_against():
    check_known_source("worker", SHIPPED_WORKER, INSTALLED)
    check_known_source("bundle", SHIPPED_BUNDLE, INSTALLED)
    for version, files in KNOWN_SOURCES.items():
        assert set(files) == {"worker", "bundle"}, f"KNOWN_SOURCES[{version!r}] must list both files"
    assert re.search(rf"^mkdocs-material=={re.escape(INSTALLED)}$", (ROOT / "requirements.txt").read_text(), re.MULTILINE)


def test_patched_files_are_byte_for_byte_what_they_were():
    worker, bundle = PATCHED.get(sha(SHIPPED_WORKER)), PATCHED.get(sha(SHIPPED_BUNDLE))
    if worker is None or bundle is None:
        pytest.skip(f"golden hashes are for Material 9.8.1's files; mkdocs-material {INSTALLED} is installed")
    for fillers, expected in worker.items():
        assert sha(patch_worker(SHIPPED_WORKER, fillers)) == expected
    for separator, expected in bundle.items():
        assert sha(patch_bundle(SHIPPED_BUNDLE, separator)) == expected


@pytest.mark.parametrize("kind, shipped", [("worker", SHIPPED_WORKER), ("bundle", SHIPPED_BUNDLE)])
@pytest.mark.parametrize("installed", [INSTALLED, "9.9.0"])
def test_a_changed_material_file_stops_with_what_to_run_and_where_the_table_is(kind, shipped, installed):
    changed = shipped.replace("location", "location ", 1)
    with pytest.raises(UnknownMaterialFile) as caught:
        check_known_source(kind, changed, installed)
    message = str(caught.value)
    assert isinstance(caught.value, WorkerPatchError)  # hooks/search.py turns it into a PluginError naming the file
    assert f"{kind} (SHA-256 {sha(changed)}, with mkdocs-material {installed} installed)" in message
    assert f"{KNOWN_SOURCES['9.8.1'][kind][0]} of mkdocs-material 9.8.1" in message
    assert "PATCHES in macros/search/worker_patch.py" in message and "KNOWN_SOURCES" in message
    assert TEST_COMMAND in message and 'CONTRIBUTING.md, "Upgrading Material"' in message
    assert ("reinstall" in message) == (installed in KNOWN_SOURCES)


def test_every_patch_names_its_upstream_source_and_tests_that_exist():
    defined: dict[str, set[str]] = {}
    for patch in PATCHES:
        assert patch.upstream.startswith("squidfunk/mkdocs-material src/templates/assets/javascripts/"), patch.name
        assert patch.tests, patch.name
        for test in patch.tests:
            path, _, name = test.partition("::")
            if path not in defined:
                tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
                defined[path] = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
            assert name in defined[path], f"{patch.name}: {test} does not exist"
    assert len({p.name for p in PATCHES}) == len(PATCHES) == 18
    # Every pattern the code applies is in the table once.
    import macros.search.worker_patch as wp
    patterns = {name for name, value in vars(wp).items() if isinstance(value, re.Pattern)
                and name not in ("SOURCE_MAP", "WORKER_NAME", "BUNDLE_NAME")}
    assert patterns <= {p.name for p in PATCHES}


def _rename_of(code: str) -> str:
    """``code`` as another minification might name rxjs's of(): $ becomes Zq."""
    return re.sub(r"(?<![\w$])\$(?=\()", "Zq", code)


def test_bundle_patterns_do_not_depend_on_the_minifiers_name_for_of():
    renamed = _rename_of(SHIPPED_BUNDLE)
    assert renamed != SHIPPED_BUNDLE and "$(...l.slice(0,10))" not in renamed
    assert patch_bundle(renamed, SEPARATOR) == _rename_of(patch_bundle(SHIPPED_BUNDLE, SEPARATOR))


@pytest.mark.parametrize("old, new, patched", [
    # esbuild without down-levelling: await, native object spread, a regular expression literal, !==
    ("case 0:return yield", "case 0:return await", "data=await __guideFetchIndex("),
    ("B(_({},a),{score:0,terms:{}})", "{...a,score:0,terms:{}}", "{...a,score:0,terms:__guideUnionTerms("),
    ('e.replace(new RegExp("\\\\p{sc=Han}+","gu"),', "e.replace(/\\p{sc=Han}+/gu,",
     "e.replace(/\\p{sc=Han}+/gu,(s,__at,__q)=>__guideSpaced("),
    ('typeof d[l]!="undefined"&&', 'typeof d[l]!=="undefined"&&', "...__guidePositions(__term,"),
])
def test_worker_patterns_do_not_depend_on_how_esbuild_down_levels(old, new, patched):
    assert SHIPPED_WORKER.count(old) == 1, f"the shipped worker no longer has {old}"
    assert patched in patch_worker(SHIPPED_WORKER.replace(old, new))


# --- hooks/a11y.py: the search dialog's exact markup -------------------------

def _a11y():
    spec = importlib.util.spec_from_file_location("guide_hook_a11y_upgrade", ROOT / "hooks" / "a11y.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_search_dialog_is_named_and_changed_markup_stops_the_build():
    a11y = _a11y()
    page = f'<body><header></header>{a11y.SEARCH_DIALOG}<label></label></div></body>'
    assert 'role="dialog" aria-label="搜索">' in a11y.name_search_dialog(page, "index.md")
    changed = page.replace('role="dialog">', 'role="dialog" aria-modal="true">')
    with pytest.raises(PluginError, match=r"SEARCH_DIALOG in hooks/a11y\.py") as caught:
        a11y.name_search_dialog(changed, "index.md")
    assert "index.md" in str(caught.value) and "tests/test_hosting_a11y.py" in str(caught.value)
    # A static template with Material's search component must have it too; one without it (sitemap.xml) need not.
    with pytest.raises(PluginError, match=r"404\.html"):
        a11y.name_search_dialog(changed, "404.html", required=False)
    assert a11y.name_search_dialog("<urlset></urlset>", "sitemap.xml", required=False) == "<urlset></urlset>"


# --- The build itself ----------------------------------------------------------

def test_build_with_a_changed_worker_stops_and_names_the_file(tmp_path):
    """A changed worker (here a theme override, as an upgraded Material would ship one) stops the build."""
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".git", "site", "dist", "node_modules", "__pycache__", ".pytest_cache", ".cache", "tests"))
    override = project / "overrides/assets/javascripts/workers" / WORKER_PATH.name
    override.parent.mkdir(parents=True)
    override.write_text(SHIPPED_WORKER.replace("case 0:return yield", "case 0:return await"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True, timeout=600, check=False,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1"))
    log = result.stdout + result.stderr
    assert result.returncode != 0, log[-2000:]
    assert f"{override}: Material's search code changed: this worker" in log
    assert TEST_COMMAND in log and "PATCHES in macros/search/worker_patch.py" in log
