"""jieba in a process of its own during a cold build (macros/search/segmenter.py)."""

from __future__ import annotations

import json

import pytest
from material.plugins.search.plugin import SearchIndex

from macros.search.segment import use_user_dictionary
from macros.search.segmenter import RemoteSegmenter, SegmenterError, cut_parts, fill_in, placeholder, resolve

TEXTS = ["落实意识形态工作责任制，网格员走访 12 户", "Material 的搜索 index", "", "新时代文明实践站"]
WORDS = ["意识形态工作责任制", "新时代文明实践站"]


def test_the_segmenter_cuts_texts_and_words_as_the_builds_own_process_does(tmp_path):
    """Same dictionary (user words included), same code: the placeholders stand for what Material's
    _segment_chinese gives here, in order, and the words' parts are cut_parts'."""
    userdict = tmp_path / "userdict.txt"
    text = "意识形态工作责任制 1000 n\n新时代文明实践站 1000 n\n网格员 1000 n\n"
    userdict.write_text(text, encoding="utf-8")
    remote = RemoteSegmenter(userdict, text, WORDS)
    try:
        marks = [remote.segment(t) for t in TEXTS]
        assert marks == [placeholder(i) for i in range(len(TEXTS))]
        segmented = remote.collect()
        parts = {word: remote.parts(word) for word in WORDS}
    finally:
        remote.stop()
    use_user_dictionary(userdict, text)
    assert segmented == [SearchIndex._segment_chinese(None, t) for t in TEXTS]
    assert "网格员" in segmented[0].split("\u200b")
    assert parts == {word: cut_parts(word) for word in WORDS}
    other = RemoteSegmenter(userdict, text, WORDS)
    try:
        with pytest.raises(SegmenterError):
            other.parts("不在词表里的词")
    finally:
        other.kill()
    index = json.dumps({"docs": [{"title": marks[1], "text": marks[0]}]}, separators=(",", ":"))
    assert json.loads(fill_in(index, segmented)) == {"docs": [{"title": segmented[1], "text": segmented[0]}]}
    assert resolve(marks[3], segmented) == segmented[3] and resolve("已切好", segmented) == "已切好"


def test_a_segmenter_that_stops_is_reported_not_waited_for(tmp_path):
    remote = RemoteSegmenter(tmp_path / "no-such-userdict.txt", "", WORDS)
    remote.segment("宣传思想工作")
    try:
        with pytest.raises(SegmenterError, match="stopped"):
            remote.collect()
    finally:
        remote.kill()


def test_the_segmenter_imports_jieba_without_pkg_resources_and_loads_the_same_dictionary(tmp_path):
    """pkg_resources is half of jieba's import (issue #15: a cold build's CPU); jieba opens its files by path
    instead, so the dictionary and the cuts are the same (the test above compares them with this process's)."""
    import subprocess
    import sys

    from conftest import build_env

    probe = ("import sys; from macros.search.segmenter import _import_jieba_without_pkg_resources as load; "
             "jieba = load(); jieba.setLogLevel(60); jieba.initialize(); "
             "print('pkg_resources' in sys.modules, len(jieba.dt.FREQ) > 300000, '\u200b'.join(jieba.cut('新时代文明实践')))")
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                           env=dict(build_env(), TMPDIR=str(tmp_path)))
    import jieba

    assert shown.stdout.split() == ["False", "True", "\u200b".join(jieba.cut("新时代文明实践"))]


def test_the_segmenter_loads_jiebas_dictionary_before_it_is_given_the_user_dictionary(monkeypatch):
    """Started with the build (hooks/search.py on_startup), the segmenter loads jieba's main dictionary while the
    build loads the data; a build that ends before on_config closes its input and it ends quietly."""
    import jieba

    from macros.search import segmenter

    fresh = jieba.Tokenizer()
    monkeypatch.setattr(jieba, "dt", fresh)
    loaded_when_read: list[bool] = []

    def read_line() -> bytes:
        loaded_when_read.append(fresh.initialized)
        return b""

    segmenter.serve(read_line, [], lambda line: None)
    assert loaded_when_read == [True]


def test_jiebas_dictionary_cache_is_read_at_once_into_the_same_table(tmp_path):
    """jieba reads its cache (jieba.cache, 9 MB) with marshal.load(file), an object at a time (0.58 s of CPU); the
    guide has it read the file's bytes at once (0.18 s): one read, the same prefix table and total."""
    import io
    import marshal

    import jieba

    from macros.search import segment

    assert jieba.marshal is segment.WholeFileMarshal
    table = ({"网格": 3, "网格员": 5, "网": 0}, 8)
    cache = tmp_path / "jieba.cache"
    with cache.open("wb") as out:
        jieba.marshal.dump(table, out)  # jieba writes its cache as before
    reads = []

    class Counted(io.BytesIO):
        def read(self, *args):
            reads.append(args)
            return super().read(*args)

        def readinto(self, buffer):
            reads.append(len(buffer))
            return super().readinto(buffer)

    with cache.open("rb") as plain:
        assert jieba.marshal.load(Counted(cache.read_bytes())) == marshal.load(plain) == table
    assert reads == [()]
    fresh = jieba.Tokenizer()
    fresh.tmp_dir = str(tmp_path)  # a prefix table as jieba's initialize reads it, through the module's marshal
    fresh.initialize()
    assert (fresh.FREQ, fresh.total) == table


def test_the_segmenter_cuts_each_run_of_han_characters_once_and_gives_the_same_cuts(tmp_path, monkeypatch):
    """Half of the index's runs of Han characters are repeats: each is cut once per process (cut_once)."""
    import jieba

    from macros.search import segmenter

    monkeypatch.setattr(jieba, "dt", jieba.Tokenizer())
    calls = []
    plain_cut = jieba.dt.cut
    monkeypatch.setattr(jieba, "cut", lambda *args, **kwargs: calls.append(args[0]) or plain_cut(*args, **kwargs))
    userdict = tmp_path / "userdict.txt"
    userdict.write_text("网格员 1000 n\n", encoding="utf-8")
    texts = ["网格员走访社区", "社区 网格员走访社区", "网格员走访社区"]
    lines = [json.dumps({"userdict": str(userdict), "text": "网格员 1000 n\n", "words": []}).encode()]
    lines += [json.dumps(text).encode() for text in texts]
    written = []
    segmenter.serve(lambda: lines[0], lines[1:], written.append)
    assert len(calls) == 2  # 网格员走访社区 once, 社区 once: four runs
    monkeypatch.setattr(jieba, "cut", plain_cut)
    assert [json.loads(line) for line in written[1:]] == [SearchIndex._segment_chinese(None, t) for t in texts]
