"""Downloads made in a second process while the pages render (macros/download_worker.py, hooks/downloads.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from pathlib import Path

from conftest import build_env, run_build
from macros import buildcache
from macros.download_providers import CALENDAR_PATH, checklist_path, sample_path
from macros.download_worker import DownloadWorker, sent_order
from macros.downloads import collect_downloads, make
from macros.links import human_size
from macros.sitedata import load_site_data
from support import ROOT
from support.copies import replace

WORKER_LOG = "being made in a second process"
SIZE = re.compile(r'href="(?:\.\./)*(downloads/[^"]+)"[^>]*>.*?</a>（[A-Z]+，([^）]+)）')


def test_the_worker_makes_the_same_bytes_and_stores_them_in_the_build_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_BUILD_CACHE_DIR", str(tmp_path / "cache"))
    downloads = collect_downloads(load_site_data(ROOT))
    chosen = [downloads[path] for path in (CALENDAR_PATH, checklist_path("before-submission"),
                                           sample_path("half-year-report"), "downloads/checker-data.json")]
    made = DownloadWorker(ROOT, chosen).result()
    assert set(made) == {d.path for d in chosen}
    for download in chosen:
        assert made[download.path] == make(download.path, download.build.download.build, download.origin), download.path
        if download.inputs is not None:
            assert buildcache.get(ROOT, "downloads", [download.path, download.inputs]) == made[download.path]


def test_a_cold_build_makes_the_downloads_in_the_worker_and_prints_their_sizes(project_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_BUILD_CACHE_DIR", str(tmp_path / "empty-cache"))  # cold: nothing made yet
    site = tmp_path / "site"
    result = run_build(project_copy, site)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-3000:]
    assert WORKER_LOG in log, log[-3000:]
    checked = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "\ue000" not in text, f"{page}: a size mark was left in the page"
        for path, size in SIZE.findall(text):
            assert size == human_size((site / path).stat().st_size), f"{page}: {path} is printed as {size}"
            checked += 1
    assert checked > 20
    # The sizes are filled in before the search is indexed; the worker is waited for only after that.
    assert log.index("downloads: sizes filled in") < log.index("search index:") < log.index("second process finished")
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\ue000" not in index and "\ue000" not in index
    texts = " ".join(doc["text"] for doc in json.loads(index)["docs"])
    assert f"（DOCX，{human_size((site / sample_path('half-year-report')).stat().st_size)}）" in texts


def test_a_download_failing_in_the_worker_stops_the_build_with_its_record_and_line(project_copy, tmp_path,
                                                                                    monkeypatch):
    monkeypatch.setenv("GUIDE_BUILD_CACHE_DIR", str(tmp_path / "cache"))
    record = project_copy / "data/samples/half-year-report.yml"
    # A control character pasted into a text: YAML and the schema accept it, Word's XML does not.
    replace(record, "signature: 中共示例街道工作委员会\n", 'signature: "中共示例街道工作委员会\\x01"\n')
    result = run_build(project_copy, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert WORKER_LOG in log, log[-3000:]
    assert ("data/samples/half-year-report.yml:2: making downloads/sample-half-year-report.docx failed: "
            "ValueError: All strings must be XML compatible") in log, log[-3000:]


def test_switched_off_the_downloads_are_made_in_the_build_itself(project_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_BUILD_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("GUIDE_BUILD_WORKER", "off")
    record = project_copy / "data/samples/half-year-report.yml"
    replace(record, "signature: 中共示例街道工作委员会\n", 'signature: "中共示例街道工作委员会\\x01"\n')
    assert build_env()["GUIDE_BUILD_WORKER"] == "off"
    result = run_build(project_copy, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0 and WORKER_LOG not in log
    assert "data/samples/half-year-report.yml:2: making downloads/sample-half-year-report.docx failed" in log


def test_a_maker_that_cannot_be_pickled_is_not_sent_to_the_worker():
    from macros.download_worker import portable

    downloads = collect_downloads(load_site_data(ROOT))
    local = replace_download(downloads[CALENDAR_PATH], lambda: b"made here")
    assert portable(downloads[CALENDAR_PATH]) and not portable(local)


def replace_download(download, maker):
    from dataclasses import replace as copy

    from macros.downloads import Made

    changed = copy(download, build=maker)
    return copy(changed, build=Made(ROOT, changed))


def _waiting_for(flag):
    """A maker the worker can run (stdlib only) that returns once ``flag`` exists."""
    from functools import partial
    from subprocess import check_output

    return partial(check_output, ["sh", "-c", f'while [ ! -e "{flag}" ]; do sleep 0.02; done; printf made'])


def test_a_size_is_known_as_soon_as_its_file_is_made_and_the_scripts_data_comes_last(tmp_path, monkeypatch):
    from functools import partial

    from macros.downloads import Download, Made

    monkeypatch.setenv("GUIDE_BUILD_CACHE_DIR", str(tmp_path / "cache"))
    flag = tmp_path / "go"

    def download(path, maker):
        from dataclasses import replace as copy

        plain = Download(path, path, maker)
        return copy(plain, build=Made(ROOT, plain))

    slow = download("downloads/slow-data.json", _waiting_for(flag))  # sent first, made last (sent_order)
    fast = download("downloads/fast.xlsx", partial(bytes, 1234))
    worker = DownloadWorker(ROOT, [slow, fast])
    rescue = threading.Timer(30, flag.touch)  # were the .json made first, this test would fail, not hang
    rescue.start()
    try:
        assert worker.size_of(fast.path) == 1234  # returns while the .json is still being made
        assert not worker.done()
        flag.touch()
        assert worker.result() == {fast.path: bytes(1234), slow.path: b"made"}
        assert worker.size_of(slow.path) == 4
    finally:
        rescue.cancel()
        flag.touch()
        worker.stop()
    assert [d.path for d in sent_order([slow, fast])] == [fast.path, slow.path]


def test_values_made_ahead_are_known_before_the_downloads_and_a_failed_one_is_none(tmp_path, monkeypatch):
    """The worker makes the values the pages need (the glossary's pinyin keys) before any download and
    reports each at once: the build's process asks for them while a download is still being made."""
    from dataclasses import replace as copy
    from functools import partial

    from macros.download_worker import PINYIN_KEYS
    from macros.downloads import Download, Made
    from macros.render.glossary import pinyin_key_map, pinyin_keys

    monkeypatch.setenv("GUIDE_BUILD_CACHE_DIR", str(tmp_path / "cache"))
    flag = tmp_path / "go"
    plain = Download("downloads/slow.xlsx", "slow.xlsx", _waiting_for(flag))
    ahead = [(PINYIN_KEYS, pinyin_key_map, (["网格员", "重点人群"],)), ("broken", partial(int, "x"), ())]
    worker = DownloadWorker(ROOT, [copy(plain, build=Made(ROOT, plain))], ahead)
    rescue = threading.Timer(30, flag.touch)
    rescue.start()
    try:
        assert worker.value(PINYIN_KEYS) == dict(zip(["网格员", "重点人群"], pinyin_keys(["网格员", "重点人群"])))
        assert not worker.done()  # the download is still being made
        assert worker.value("broken") is None and worker.value("never asked") is None
    finally:
        rescue.cancel()
        flag.touch()
        worker.stop()


def test_a_cold_builds_own_process_loads_neither_pypinyin_nor_jiebas_dictionary(project_copy, tmp_path, monkeypatch):
    """On a cold build the build's own process never loads pypinyin: the worker made the glossary's keys
    (and the search's readings table comes from the committed typo base); nor jieba's dictionary: the search
    texts are cut in a process of their own (macros/search/segmenter.py)."""
    monkeypatch.setenv("GUIDE_BUILD_CACHE_DIR", str(tmp_path / "empty-cache"))
    probe = project_copy / "hooks" / "zz_probe.py"
    probe.write_text("import sys\nimport jieba\n\ndef on_post_build(config):\n"
                     "    print('pypinyin loaded:', 'pypinyin' in sys.modules, flush=True)\n"
                     "    print('jieba initialized:', jieba.dt.initialized, flush=True)\n", encoding="utf-8")
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("hooks:\n", "hooks:\n  - hooks/zz_probe.py\n", 1), encoding="utf-8")
    result = run_build(project_copy, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-3000:]
    assert WORKER_LOG in log and "pypinyin loaded: False" in log, log[-3000:]
    assert "jieba initialized: False" in log and "cut by jieba in a second process" in log, log[-3000:]
    assert "工作术语" in (tmp_path / "site" / "glossary" / "index.html").read_text(encoding="utf-8")


def test_the_makers_sent_to_the_worker_are_pickled_together_and_one_by_one_only_if_that_fails(monkeypatch):
    """The checker's three makers each hold the whole site data: pickled together it is pickled once (issue #15:
    0.04 s of a cold build's own process). A maker that cannot be pickled still stays here, the others go."""
    import pickle

    from macros import download_worker

    downloads = list(collect_downloads(load_site_data(ROOT)).values())
    calls: list = []
    real = pickle.dumps
    monkeypatch.setattr(pickle, "dumps", lambda *args, **kwargs: calls.append(1) or real(*args, **kwargs))
    assert download_worker.portable_ones(downloads) == downloads and len(calls) == 1
    local = replace_download(downloads[0], lambda: b"made here")
    assert download_worker.portable_ones([local, *downloads[1:]]) == downloads[1:]


def _helpers_at_on_config(project, site) -> tuple[dict[str, str], str]:
    """{pid: command} of the build's child processes when on_config begins (the build is then stopped), and its log."""
    probe = project / "hooks" / "zz_probe.py"
    probe.write_text(
        "import os\nfrom pathlib import Path\nfrom mkdocs.exceptions import PluginError\n"
        "from mkdocs.plugins import event_priority\n\n"
        "@event_priority(100)  # before hooks/downloads.py (60) loads the data\n"
        "def on_config(config):\n"
        "    for stat in Path('/proc').glob('[0-9]*/stat'):\n"
        "        try:\n"
        "            if int(stat.read_text().rsplit(')', 1)[1].split()[1]) == os.getpid():\n"
        "                command = (stat.parent / 'cmdline').read_bytes().replace(b'\\0', b' ').decode()\n"
        "                print('helper:', stat.parent.name, command, flush=True)\n"
        "        except OSError:\n"
        "            pass\n"
        "    raise PluginError('probe: stopped before the data is loaded')\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "zz_probe" not in text:
        config.write_text(text.replace("hooks:\n", "hooks:\n  - hooks/zz_probe.py\n", 1), encoding="utf-8")
    result = run_build(project, site)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "probe: stopped" in log, log[-3000:]
    return dict(re.findall(r"^helper: (\d+) (.*)$", log, re.MULTILINE)), log


def test_the_helper_processes_start_with_the_build_before_its_data_is_loaded(project_copy, tmp_path, monkeypatch):
    """Issue #15: on a cold build the download worker and the search segmenter are started at on_startup, not
    once on_config has loaded the data, so that they import their libraries and load jieba's dictionary while
    the build's own process imports the plugins and loads the data (one core idle until then). A build that
    stops first ends them. With downloads in the build cache (a warm build) the worker is not started ahead."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("GUIDE_BUILD_CACHE_DIR", str(cache))
    helpers, log = _helpers_at_on_config(project_copy, tmp_path / "site")
    commands = " | ".join(helpers.values())
    assert "-m macros.download_worker" in commands and "-m macros.search.segmenter" in commands, log[-3000:]
    for pid in helpers:
        assert not Path(f"/proc/{pid}/cmdline").exists() or not Path(f"/proc/{pid}/cmdline").read_bytes(), pid
    (cache / "downloads").mkdir(parents=True)
    (cache / "downloads" / ("0" * 64)).write_bytes(b"made by an earlier build")
    helpers, log = _helpers_at_on_config(project_copy, tmp_path / "site")
    commands = " | ".join(helpers.values())
    assert "-m macros.download_worker" not in commands and "-m macros.search.segmenter" in commands, log[-3000:]


def test_a_worker_started_ahead_imports_its_libraries_and_ends_if_no_jobs_come(tmp_path):
    """Started at on_startup, the worker imports what the makers import (WARM_UP) before it reads its input; a
    build that needs no worker closes it, and it ends without an answer."""
    probe = ("import sys; from macros import download_worker as w; w.main(sys.argv[1], sys.argv[2]); "
             "print(all(m in sys.modules for m in w.WARM_UP))")
    shown = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "jobs"), str(tmp_path / "answer")],
                           capture_output=True, text=True, stdin=subprocess.DEVNULL, env=build_env(), check=False)
    assert shown.returncode == 0 and shown.stdout.split() == ["True"], shown.stderr[-2000:]
    assert not (tmp_path / "answer").exists()
