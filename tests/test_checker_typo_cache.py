"""The context typo rule's data (tens of seconds to make) is kept apart from the rest of the
checker data: an edit elsewhere in the checker's data reuses it; a change to what it is made
from makes it again."""

from __future__ import annotations

import tempfile

from checker import compile as compiler


def test_typo_data_is_reused_until_its_own_inputs_change(monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    made = []

    def fake(conf, vocab, groups=()):
        made.append((conf["threshold"], tuple(vocab)))
        return {"threshold": conf["threshold"], "vocab": list(vocab)}

    monkeypatch.setattr(compiler, "typo_data", fake)
    conf = {"threshold": 20}
    first = compiler.cached_typo_data(conf, ["守正创新", "两个结合"], ["己已巳"])
    again = compiler.cached_typo_data(conf, ["两个结合", "守正创新"], ["己已巳"])  # same words, other order
    assert first == again and len(made) == 1
    compiler.cached_typo_data({"threshold": 21}, ["守正创新", "两个结合"], ["己已巳"])
    compiler.cached_typo_data(conf, ["守正创新"], ["己已巳"])
    compiler.cached_typo_data(conf, ["守正创新", "两个结合"], ["己已巳", "戊戌戍"])
    assert len(made) == 4
    assert len(list(tmp_path.glob("guide-typo-*.json"))) == 4


def test_compile_data_takes_the_typo_data_through_the_cache(monkeypatch):
    seen = []
    monkeypatch.setattr(compiler, "cached_typo_data", lambda *args: seen.append(args) or {"shapes": {}})
    monkeypatch.setattr(compiler, "typo_data", lambda *args: (_ for _ in ()).throw(AssertionError("not cached")))
    from macros.sitedata import load_site_data
    from support import ROOT
    compiler.compile_data(load_site_data(ROOT))
    assert len(seen) == 1


def test_stroke_distance_stops_at_its_limit():
    """checker/lexicon.py's edit distance of stroke orders: exact up to the limit, limit + 1 beyond."""
    from checker.lexicon import _distance

    assert _distance("12345", "12345", 1) == 0
    assert _distance("12345", "12354", 1) == 2  # a swap is two edits: over the limit of 1
    assert _distance("12345", "12354", 2) == 2
    assert _distance("1234", "12345", 1) == 1
    assert _distance("1", "123456", 3) == 4
