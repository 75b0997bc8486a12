"""The 的/地/得 rule (particle-de): its word classes (checker/particles.py from jieba's tags and
open-gram's bigrams, corrected by data/checker/particles.yml), the checks of that file, and the
engine's rule (checker/engine.js ruleParticles; the shared cases are tests/checker_cases/particle.yml)."""

from __future__ import annotations

import sys

import pytest
import yaml

from checker.engine import check
from checker.particles import corrected, derive, pair_neighbours
from macros.errors import GuideError
from macros.sitedata import load_site_data
from support import ROOT
from support.copies import replace

CONF = yaml.safe_load((ROOT / "data" / "checker" / "particles.yml").read_text(encoding="utf-8"))
PAIRS = {"pairs": {"3": "认真:地 玉米:地 关心:地 有条不紊:地 得:不错,很大 整理:了,着", "5": "悄然:地,的 布置:了"}}


def conf(**changes) -> dict:
    out = {**CONF, "adverb_freq": 10, "verb_freq": 100, "complement_freq": 100, "set_phrase_freq": 50,
           "adverbials": {"add": [], "drop": []}, "verbs": {"add": [], "drop": []},
           "complements": {"add": [], "drop": []}, "idioms": {"add": [], "drop": []}}
    out.update(changes)
    return out


ENTRIES = [("认真", 4703, "ad"), ("玉米", 3000, "n"), ("关心", 8000, "v"), ("有条不紊", 145, "i"),
           ("悄然", 300, "d"), ("稳步", 1233, "d"), ("已经", 90000, "d"), ("悄悄", 1527, "z"),
           ("推进", 4932, "v"), ("调研", 605, "vn"), ("上乘", 50, "v"), ("整理", 1932, "n"), ("布置", 800, "n"),
           ("扎实", 469, "a"), ("不错", 5000, "a"), ("有声有色", 114, "l"), ("乱七八糟", 30, "i"),
           ("方方面面", 156, "n"), ("点点滴滴", 52, "m"), ("角角落落", 15, "n"), ("扎扎实实", 166, "z")]


def test_pair_neighbours_reads_both_sides_of_a_word():
    before, after = pair_neighbours(PAIRS, "地")
    assert before == {"认真", "玉米", "关心", "有条不紊", "悄然"} and after == set()
    assert pair_neighbours(PAIRS, "得")[1] == {"不错", "很大"}
    assert pair_neighbours(PAIRS, "了")[0] == {"整理", "布置"} and pair_neighbours(None, "地") == (set(), set())


def test_corrected_adds_and_drops():
    assert corrected({"甲", "乙"}, {"add": ["丙"], "drop": ["甲"]}) == ["丙", "乙"]


def test_the_classes_come_from_the_tags_and_the_bigrams():
    out = derive(conf(), ENTRIES, PAIRS, "个件")
    adverbials, adverbs = out["adverbials"].split(), out["adverbs"].split()
    # before 地 in open-gram and tagged as an adverbial or set phrase; a noun or verb there is left out
    assert {"认真", "有条不紊"} <= set(adverbials) and not {"玉米", "关心"} & set(adverbials)
    assert {"悄悄"} <= set(adverbials)  # jieba's state words
    assert adverbs == ["已经", "悄然", "稳步"] and "悄然" in adverbials  # jieba's adverbs; an adverbial if before 地
    assert not {"已经", "稳步"} & set(adverbials)
    verbs = out["verbs"].split()
    assert {"推进", "调研", "整理", "布置"} <= set(verbs) and "上乘" not in verbs  # v, vn from verb_freq; nouns before 了
    assert {"扎实", "不错", "很大"} <= set(out["complements"].split())
    assert out["idioms"].split() == ["有声有色", "有条不紊"]  # set_phrase_freq
    assert out["nouns"].split() == ["方方面面", "点点滴滴"]  # nouns said AABB from set_phrase_freq; 扎扎实实 is a state
    assert out["measures"] == "个件" and out["aspects"] == "了着过" and out["degrees"] == CONF["degrees"]


def test_particles_yml_corrects_the_classes():
    out = derive(conf(adverbials={"add": ["关心"], "drop": ["认真", "稳步"]}, verbs={"add": ["上乘"], "drop": ["推进"]},
                      idioms={"add": ["扎实有效"], "drop": []}), ENTRIES, PAIRS)
    assert "关心" in out["adverbials"].split() and "认真" not in out["adverbials"].split()
    assert "稳步" not in out["adverbs"].split()  # a word dropped is no adverb either
    assert "上乘" in out["verbs"].split() and "推进" not in out["verbs"].split()
    assert out["idioms"].split() == ["扎实有效", "有声有色", "有条不紊"]


def test_the_compiled_classes(data):
    p = data["typo"]["particle"]
    adverbials, verbs = set(p["adverbials"].split()) | set(p["adverbs"].split()), set(p["verbs"].split())
    assert {"认真", "积极", "稳步", "扎实", "有计划", "面对面", "一丝不苟"} <= adverbials
    assert {"推进", "开展", "落实", "部署", "组织"} <= verbs
    assert "有声有色" in p["idioms"].split() and "相同" not in adverbials


@pytest.mark.parametrize("bad, problem", [
    ("verbs:\n  add: [落实,", "verbs:\n  add: [luoshi, 落实,"),
    ("  drop: [相同,", "  drop: [相同, 面对面,"),
    ("  - {word: 免得}", "  - {word: 免得}\n  - {word: 免掉得}"),
    ("  - {word: 免得}", "  - {word: 免得}\n  - {word: 免得, next: [了]}"),
])
def test_a_malformed_entry_stops_the_data_load_at_its_line(project_copy, bad, problem):
    path = project_copy / "data/checker/particles.yml"
    line = replace(path, bad, problem)
    with pytest.raises(GuideError) as exc:
        load_site_data(project_copy)
    message = exc.value.message
    assert message.startswith("data/checker/particles.yml:") and "What to do" in message
    at = int(message.split(":")[1])
    assert line <= at <= line + problem.count("\n"), (line, message)


def test_the_rule_needs_the_word_list(data):
    """The classes come with the context rule's word list (the pages load it after they are usable):
    without it the rule is skipped, as typo-context is."""
    text = "街道积极的引导驻区单位参与共建。"
    assert [f.rule for f in check(text, data)] == ["particle-de"]
    bare = {k: v for k, v in data.items() if k not in ("typo", "pairs")}
    assert check(text, bare) == []


def test_the_users_words_keep_a_name_as_written(data):
    text = "社区积极的参与了共建。"
    assert [f.rule for f in check(text, data)] == ["particle-de"]
    assert check(text, data, None, ["积极的参与"]) == []


def test_a_short_phrase_in_quotation_marks_is_cited_as_it_was_said(data):
    """A name or words cited as said (“写的太虚”, the changelog quoting staff) are left alone; a
    sentence quoted is checked."""
    assert check("工作人员转述成“写的太虚”“写得空”。", data) == []
    assert [f.rule for f in check("他说：“我们要认真的学习了文件。”", data)] == ["particle-de"]


def test_findings_carry_the_correction(data):
    found = {f.suggestion for f in check("社区认真的学习了全会精神，活动开展的有声有色，取的了成效。", data)}
    assert found == {"地", "得", "取得"}


def test_the_bench_scores_found_fixed_and_false_alarms(data):
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_particles import evaluate

    out = evaluate([
        {"id": "a", "kind": "de-di", "text": "社区认真的学习了全会精神。", "error": "认真的", "correct": "认真地"},
        {"id": "b", "kind": "de-de", "text": "工作做的很扎实。", "error": "做的", "correct": "做得"},
        {"id": "c", "kind": "de-di", "text": "他们慢慢走。", "error": "慢慢", "correct": "慢慢地"},
        {"id": "d", "kind": "clean", "text": "街道开展了深入的调研。"},
    ], data)
    assert out["found"] == {"de-di": 1, "de-de": 1, "de-word": 0} and out["fixed"]["de-di"] == 1
    assert out["total"]["de-di"] == 2 and out["clean_alarms"] == 0 and out["missed"] == ["c: 他们慢慢走。"]
