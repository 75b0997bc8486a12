"""search_index.json in two parts and its gzip copy compressed as they come (macros/search/indexfile.py)."""

from __future__ import annotations

import gzip
import json
import random

import pytest

from macros.search.indexfile import GzipAhead, json_head, json_tail

INDEX = {"config": {"lang": ["en"], "separator": "[\\s\\-]+"},
         "docs": [{"location": f"page-{n}.html", "title": f"第{n}页", "text": "学习\u200b记录 " * n} for n in range(300)]}
MORE = {"prebuilt": {"terms": ["学习", "记录"], "refs": ["page-1.html"]}, "pinyin": {"xue": "学雪"}}


def test_the_head_and_the_tail_are_the_whole_file():
    whole = json.dumps({**INDEX, **MORE}, separators=(",", ":"), ensure_ascii=False)
    assert json_head(INDEX) + json_tail(MORE) == whole
    assert json_head(INDEX) + json_tail({}) == json.dumps(INDEX, separators=(",", ":"), ensure_ascii=False)
    with pytest.raises(ValueError):
        json_head({})


def test_compressed_in_parts_is_byte_for_byte_gzip_compress_of_the_whole():
    body = (json_head(INDEX) + json_tail(MORE)).encode("utf-8")
    expected = gzip.compress(body, compresslevel=9, mtime=0)
    rng = random.Random(15)
    for cuts in ([], [len(json_head(INDEX).encode("utf-8"))], *(sorted(rng.sample(range(1, len(body)), k))
                                                                 for k in (1, 2, 5, 9))):
        compressing = GzipAhead()
        for start, end in zip([0, *cuts], [*cuts, len(body)], strict=True):
            compressing.add(body[start:end])
        assert compressing.finish().result() == expected, cuts
