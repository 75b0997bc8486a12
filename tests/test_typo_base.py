"""The context typo rule's word list: a base made from the pinned packages alone, committed in
checker/vendor/typo-base/ and checked at every data load, plus the guide's own words added at build
time (checker/typobase.py), which must give what the whole derivation (checker/lexicon.py) gives."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from checker import compile as compiler
from checker.lexicon import BASE, base_text, derive_base
from checker.typobase import COMMAND, StaleBase, check_base
from conftest import build_env
from macros.sitedata import load_site_data
from support import ROOT
from support.copies import replace


@pytest.fixture(scope="module")
def inputs() -> tuple[dict, list[str], list[str]]:
    """(context.yml, the vocabulary, the hand look-alike groups) as compile_data passes them."""
    site = load_site_data(ROOT)
    record = site.get("checker", "vocabulary")
    vocab = compiler.vocabulary(record["words"], compiler._terms(site))
    return dict(site.get("checker", "context").data), vocab, list(site.get("checker", "shapes")["groups"])


def _words(typo: dict, group: str) -> dict[str, str]:
    return {w: cost for cost, words in typo[group].items() for w in words.split()}


def test_committed_base_is_what_the_pinned_packages_give(inputs):
    """The lockfile check: the base made again from the installed packages is the committed file, byte for byte."""
    conf = inputs[0]
    assert base_text(derive_base(conf)) == BASE.read_text(encoding="utf-8"), \
        f"checker/vendor/typo-base/ is stale: run `{COMMAND}` and commit it"


def test_base_plus_the_guides_words_is_the_whole_derivation(inputs):
    """typo_data (base + overlay) equals the whole derivation for the guide's words and groups, plus two
    terms that reach the paths the guide's own do not: 入口, a word the base drops as a misspelling of
    人口 (a term is never one), and 低十七届, which makes 第十七届 a misspelling of it and so leaves
    第七十届 (kept only as one swap from 第十七届) without a reason to be kept."""
    conf, vocab, groups = inputs
    terms = vocab + ["入口", "低十七届"]
    # the register's words (data/checker/register.yml) take the terms' path at register_freq: on here,
    # with 副组长 and 统一口径 of jieba's rare words and 排查 of its second tier
    conf = {**conf, "register_freq": 500}
    register = ["排查", "副组长", "统一口径", "践行"]
    full = compiler.full_typo_data(conf, terms, groups, register)
    assert compiler.typo_data(conf, terms, groups, register=register) == full
    assert all(w in _words(full, "words") or w in _words(full, "fixed") for w in register)
    words, rare = _words(full, "words"), _words(full, "rare")
    assert "入口" in words and "第十七届" not in _words(full, "fixed") and "第七十届" not in rare
    base = json.loads(BASE.read_text(encoding="utf-8"))
    assert any("入口" in ws.split() for ws in base["misspelt"].values())
    assert any("第七十届" in ws.split() for ws in base["rare"].values())
    added = [w for w in rare if not any(w in ws.split() for ws in base["rare"].values())]
    assert added, "the guide's terms make rarer words one edit from them known (综治 beside 政治)"


def test_the_base_protects_rare_idioms_not_jiebas_misspellings_nor_offered_words():
    """``protect``: jieba's idioms and fixed phrases too rare to be offered (慎终追远, frequency 3), and
    its longer ones (一方水土养一方人), so that no correction takes them apart; not the misspellings
    jieba lists as idioms (各抒已见, also frequency 3), which the rule must still see as typos, and
    not the words it offers."""
    base = json.loads(BASE.read_text(encoding="utf-8"))
    protect = {w for words in base["protect"].values() for w in words.split()}
    assert {"慎终追远", "与民争利", "一方水土养一方人"} <= protect
    assert "各抒已见" not in protect
    # a set phrase of four characters that jieba tags as a noun is kept like an idiom, names are not
    fixed = {w for words in base["fixed"].values() for w in words.split()}
    assert "群策群力" in fixed and "住友银行" not in fixed
    offered = {w for group in ("words", "fixed") for words in base[group].values() for w in words.split()}
    assert not protect & offered
    assert all(len(w) == int(n) for n, words in base["protect"].items() for w in words.split())


def test_the_base_protects_idioms_jieba_tags_as_names():
    """jieba tags many idioms of four common characters as names (严于律己 and 廉洁奉公 nr, 和平共处 nz):
    from idiom_freq on they are protected phrases, recognised whole and never offered, unless common
    enough to be words of the list."""
    base = json.loads(BASE.read_text(encoding="utf-8"))
    protect = {w for words in base["protect"].values() for w in words.split()}
    offered = {w for group in ("words", "fixed") for words in base[group].values() for w in words.split()}
    assert {"严于律己", "廉洁奉公"} <= protect
    assert not {"严于律己", "廉洁奉公"} & offered
    assert "和平共处" in offered  # common enough (min_freq) to be a word of the list, whatever its tag


def test_the_second_tier_holds_rarer_words_as_corrections_only(inputs):
    """``second`` (checker/lexicon.py second_tier): jieba's words under min_freq from second_freq
    (two characters) and second_freq_three (three), no names and no words of the list; in the
    compiled data they are offered by the second tier only, known as words only where they are rarer
    words kept anyway (second_known)."""
    base = json.loads(BASE.read_text(encoding="utf-8"))
    second = {w: int(f) for f, ws in base["second"].items() for w in ws.split()}
    assert {"下拨", "排查", "展板", "晴雨表"} <= set(second)
    assert "艾灸" not in second  # jieba tags it as a name
    conf = inputs[0]
    assert all(f >= conf["second_freq" if len(w) == 2 else "second_freq_three"] for w, f in second.items())
    offered = {w for group in ("words", "fixed") for words in base[group].values() for w in words.split()}
    assert not set(second) & offered
    typo = compiler.typo_data(*inputs)
    compiled = {w for group in ("second", "second_known") for w in _words(typo, group)}
    known = {w for group in ("words", "fixed", "rare") for w in _words(typo, group)}
    assert "下拨" in compiled and "下拨" not in known
    assert not set(_words(typo, "second_known")) & known and not set(_words(typo, "second")) & known


def test_a_rarer_word_one_look_alike_from_the_second_tier_is_known(inputs):
    """Every word of jieba's dictionary one look-alike character (the shapes and the near-identical
    twins, the only edits the second tier makes) from a word of the second tier is known to the
    compiled data (a word, a rarer word) or one of jieba's misspellings: written right, it is never
    taken for a typo of that word (三审 beside 二审). The base and the overlay agree on it."""
    from checker.compile import jieba_words

    typo = compiler.typo_data(*inputs)
    second = set(_words(typo, "second")) | set(_words(typo, "second_known"))
    known = {w for group in ("words", "fixed", "rare", "second", "second_known") for w in _words(typo, group)}
    base = json.loads(BASE.read_text(encoding="utf-8"))
    misspelt = set(_words(base, "misspelt")) | set(base["misspelt_rare"].split())
    shapes, twins, jieba = typo["shapes"], typo["twins"], jieba_words()
    loose = []
    for word in second:
        for i, ch in enumerate(word):
            for c in shapes.get(ch, "") + twins.get(ch, ""):
                other = word[:i] + c + word[i + 1:]
                if other in jieba and other not in known and other not in misspelt:
                    loose.append((other, word))
    assert not loose, loose[:20]
    assert "三审" in _words(typo, "rare") and "二审" in second


def test_compile_data_reads_the_base_not_the_whole_dictionary(monkeypatch, tmp_path):
    """The build does not run the ten-second derivation: compile_data works with lexicon() out of reach.
    It reads jieba's entries once, for the 的/地/得 rule's word classes (checker/particles.py, about
    0.7 s with their derivation, and only when the compiled data is made again)."""
    import tempfile

    from checker import lexicon

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # nothing kept from an earlier run

    def refuse(*args, **kwargs):
        raise AssertionError("the whole derivation ran at build time")

    for name in ("lexicon", "shape_alike", "common_readings", "script_twins"):
        monkeypatch.setattr(lexicon, name, refuse)
    data = compiler.compile_data(load_site_data(ROOT))
    assert data["typo"]["words"] and data["typo"]["shapes"]
    assert data["script_twins"]["著"] == "着"  # OpenCC over jieba's words was run when the base was made


def test_a_base_made_with_other_settings_is_refused_naming_the_setting(inputs):
    conf = dict(inputs[0], min_freq=inputs[0]["min_freq"] + 1)
    with pytest.raises(StaleBase) as caught:
        check_base(conf)
    assert caught.value.knob == "min_freq" and "min_freq 50 -> 51" in caught.value.problem
    assert COMMAND in caught.value.fix
    check_base(inputs[0])  # the committed one is current


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "not-strict"])
def test_build_stops_when_a_knob_of_the_base_changes(project_copy, tmp_path, strict):
    """Changing a setting the base is made with stops the build, strict or not, at that setting's line,
    naming the command that makes the base again (never a silent ten-second rebuild, never stale data)."""
    line = replace(project_copy / "data/checker/context.yml", "min_freq: 50", "min_freq: 60")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []),
                             "-d", str(tmp_path / "site")], cwd=project_copy, env=build_env(),
                            capture_output=True, text=True, timeout=600, check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    assert f"data/checker/context.yml:{line}" in output and "min_freq 50 -> 60" in output, output[-2000:]
    assert COMMAND in output


def test_stroke_distance_stops_at_its_limit():
    """checker/lexicon.py's edit distance of stroke orders: exact up to the limit, limit + 1 beyond."""
    from checker.lexicon import _distance

    assert _distance("12345", "12345", 1) == 0
    assert _distance("12345", "12354", 1) == 2  # a swap is two edits: over the limit of 1
    assert _distance("12345", "12354", 2) == 2
    assert _distance("1234", "12345", 1) == 1
    assert _distance("1", "123456", 3) == 4


def test_the_pinyin_table_comes_from_the_base_and_pypinyin_reads_only_characters_outside_it(inputs, monkeypatch):
    """The readings table (6,763 characters) is in the base: compile_data and the search index take it from
    there; only the guide's characters outside GB 2312 are read with pypinyin, and none means no pypinyin."""
    from checker import lexicon

    base = json.loads(BASE.read_text(encoding="utf-8"))
    _, vocab, groups = inputs
    extra = {ch for w in vocab for ch in w} | {ch for g in groups for ch in g} | {"龘"}
    outside = extra - set(lexicon.gb2312_hanzi())
    assert "龘" in outside
    assert lexicon.with_chars(base["pinyin"], extra) == lexicon.pinyin_table(extra)
    read: list = []
    real = lexicon._read
    monkeypatch.setattr(lexicon, "_read", lambda chars: read.append(chars) or real(chars))
    lexicon.with_chars(base["pinyin"], extra)
    assert read == [sorted(outside)]
    assert lexicon.with_chars(base["pinyin"], set("宣传工作")) == base["pinyin"] and len(read) == 1


def test_compile_data_makes_the_look_alike_sets_once_for_the_vocabulary(monkeypatch, tmp_path):
    """near_ok and edge_words share one alike_sets, of the vocabulary's characters only, and give what each
    gives with the whole sets."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    calls: list = []
    real = compiler.alike_sets
    monkeypatch.setattr(compiler, "alike_sets", lambda *args, **kwargs: calls.append(kwargs) or real(*args, **kwargs))
    site = load_site_data(ROOT)
    data = compiler.compile_data(site)
    assert len(calls) == 1 and calls[0].get("only")
    monkeypatch.setattr(compiler, "alike_sets", real)
    shapes = list(site.get("checker", "shapes")["groups"])
    alike = shapes + [ch + others for ch, others in data["typo"]["shapes"].items()]
    words = compiler.jieba_words()
    assert data["near_ok"] == compiler.near_allowed(data["vocab"], data["pinyin"], alike, words)
    assert data["edge_words"] == compiler.edge_words(data["vocab"], data["pinyin"], alike, words)


class _CountingShapes(dict):
    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.asked: list[str] = []

    def get(self, key, default=None):
        self.asked.append(key)
        return super().get(key, default)


def test_near_allowed_finds_a_characters_substitutes_once_however_many_terms_hold_it():
    """A cold build's CPU (issue #15): each character's sound- and shape-alikes are gathered once, not once per
    term and position (2,383 positions, a few hundred characters); the answer is the same."""
    pinyin = {"xuan": "宣选悬", "chuan": "传船穿", "jiao": "教较", "yu": "育雨"}
    vocab = ["宣传教育", "宣传", "传教育"]
    words = {"选传教育": 5, "宣船": 3, "转教育": 1}
    readings, by_sound, by_shape = compiler.alike_sets(pinyin, ["传转"])
    counting = _CountingShapes(by_shape)
    found = compiler.near_allowed(vocab, pinyin, ["传转"], words, (readings, by_sound, counting))
    assert found == {"宣传教育": {"0": "选"}, "宣传": {"1": "船"}, "传教育": {"0": "转"}}
    assert sorted(counting.asked) == sorted(set("宣传教育"))


def test_jieba_words_reads_the_dictionary_without_importing_jieba():
    """The download worker compiles the checker's data without jieba itself (issue #15: 0.1 s of a cold build)."""
    probe = ("import sys; from checker.compile import jieba_words; words = jieba_words(); "
             "print('jieba' in sys.modules, len(words) > 300000, words['宣传'] > 0)")
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=build_env())
    assert shown.stdout.split() == ["False", "True", "True"]


def test_measure_words_and_reduplicated_verbs_come_from_jiebas_dictionary():
    """The base's measure words are jieba's numeral phrases' second characters (件, 条, 项 too, which
    it does not tag q), no numerals; its reduplicated verbs are the AAB words it lists with A a verb."""
    base = json.loads(BASE.read_text(encoding="utf-8"))
    assert set("件条项副栋辆号场户名年") <= set(base["measures"])
    assert not set("一二十两百千万多数") & set(base["measures"])
    doubled = set(base["reduplicated"].split())
    assert {"动动手", "看看书", "散散步"} <= doubled
    assert not {"学学习", "加加强", "组组织"} & doubled  # 学 is no verb in jieba; the others are not listed
