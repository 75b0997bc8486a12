"""The look-alikes measured on a typeface (checker/glyphs.py): the committed table is what the
font gives, its pairs reach the context rule, and a malformed line stops with file and line."""

import pytest

from checker import glyphs
from checker.lexicon import gb2312_hanzi, shape_alike

# pairs the stroke data (vendor/char-similar) does not relate: a radical changed, few strokes
PRINTED = ["概慨", "狐孤", "眼限", "予矛", "宇字", "薄簿", "冶洽"]


def test_the_committed_table_is_what_the_font_gives():
    """Measured again on Debian's fonts-noto-cjk (installed by scripts/dev.sh), the table is the same
    byte for byte: a missing font or another version fails, naming the package."""
    problem = glyphs.font_problem()
    assert problem is None, problem
    assert glyphs.derive(gb2312_hanzi()) == glyphs.PAIRS.read_text(encoding="utf-8")


def test_printed_look_alikes_reach_the_context_rule(data):
    pairs = {a + b for a, b in glyphs.read_pairs()} | {b + a for a, b in glyphs.read_pairs()}
    missed = [p for p in PRINTED if p not in pairs]
    assert not missed, missed
    assert not shape_alike(gb2312_hanzi(), printed=[]).get("慨", "").count("概")  # the stroke data alone: no
    shapes = data["typo"]["shapes"]
    assert all(p[1] in shapes.get(p[0], "") and p[0] in shapes.get(p[1], "") for p in PRINTED)


def test_pairs_that_print_nearly_the_same_are_twins(data):
    """From PRINTED_TWIN on, a printed pair is a near-identical twin (checker/lexicon.py twins_fn, twins_table)."""
    from checker.lexicon import PRINTED_TWIN, twins_fn

    close = glyphs.read_pairs(floor=PRINTED_TWIN)
    assert ("并", "井") in close or ("井", "并") in close
    assert len(close) < len(glyphs.read_pairs()) / 10
    twins = twins_fn()
    assert twins("折", "拆") and twins("拆", "折") and not twins("狐", "孤")  # 0.953 and 0.874
    assert all(b in data["typo"]["twins"].get(a, "") for a, b in close)


def test_a_malformed_line_stops_naming_the_file_and_the_line(tmp_path):
    bad = tmp_path / "pairs.tsv"
    bad.write_text("# head\n概\t慨\t0.949\n狐孤\t0.874\n", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        glyphs.read_pairs(bad)
    assert f"{bad}:3:" in str(caught.value) and glyphs.COMMAND in str(caught.value)
