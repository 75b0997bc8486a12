"""The context typo rule's language model (checker/langmodel.py): its table made from an ARPA file,
decoded and scored in Python, the engine's scores the same (checker/engine.js lmScore), and the
committed table made with context.yml's settings."""

from __future__ import annotations

import json
import math

import pytest
import yaml

from checker import langmodel
from checker.engine import check, lm_scores
from support.checker import ROOT

# A model of five words: 学习 and 教育 go together, 学 and 习 are words of one character too.
ARPA = """
\\data\\
ngram 1=6
ngram 2=3

\\1-grams:
-3.0\t<unk>\t0
-1.5\t学习\t-0.5
-1.8\t教育\t-0.3
-2.5\t学\t-0.2
-2.6\t习\t-0.1
-2.0\tcode\t0

\\2-grams:
-0.4\t学习 教育
-1.9\t学 习
-2.2\t教育 学习

\\end\\
"""


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "lm_sc.arpa"
    path.write_text(ARPA, encoding="utf-8")
    return langmodel.derive(path, {"lm_bigrams": 2})


def test_the_table_keeps_chinese_words_most_likely_first_and_the_weightiest_bigrams(table):
    assert table["words"].split("\n") == ["学习", "教育", "学", "习"]  # code is no Chinese word
    model = langmodel.Model(table)
    assert model.unk == -3.0
    assert math.isclose(model.prob[0], -1.5, abs_tol=0.01) and math.isclose(model.backoff[1], -0.3, abs_tol=0.01)
    # two bigrams of three kept: 学习 教育 and 学 习 weigh most (P(w1, w2) times the log ratio)
    assert set(model.pairs) == {(0, 1), (2, 3)}
    assert math.isclose(model.pairs[(0, 1)], -0.4, abs_tol=0.02)
    assert table["made_from"]["lm_bigrams"] == 2 and len(table["made_from"]["lm_sc.arpa sha256"]) == 64


def test_score_is_the_best_split_each_word_after_the_one_before(table):
    model = langmodel.Model(table)
    # 学习教育: 学习 then 教育 by their bigram, better than any split into 学, 习
    assert math.isclose(model.score("学习教育"), model.prob[0] + model.pairs[(0, 1)], abs_tol=1e-9)
    # 教育学习: no bigram kept for 教育 学习 (the lightest of three): back-off
    assert math.isclose(model.score("教育学习"), model.prob[1] + model.backoff[1] + model.prob[0], abs_tol=1e-9)
    # a character of no word is <unk>, after a word at its back-off
    assert math.isclose(model.score("学习丁"), model.prob[0] + model.backoff[0] + model.unk, abs_tol=1e-9)
    assert model.gain("学丁教育", 1, 2, "习", 6) > 0  # 丁 for 习: likelier corrected


def test_varints_and_quantised_bytes_read_back(table):
    numbers = [0, 1, 127, 128, 300, 16384, 2_000_000]
    assert langmodel.read_varints(langmodel.varints(numbers)) == numbers
    low, step = langmodel.QUANT["pair"]
    assert langmodel.quantise(-99, "pair") == 0 and langmodel.quantise(5, "pair") == 255
    assert abs(low + langmodel.quantise(-2.345, "pair") * step - -2.345) <= step / 2


def test_a_table_made_with_other_settings_stops_the_build():
    conf = yaml.safe_load((ROOT / "data" / "checker" / "context.yml").read_text(encoding="utf-8"))
    assert langmodel.load(conf)["made_from"]["lm_bigrams"] == conf["lm_bigrams"]
    with pytest.raises(ValueError, match="derive-lm"):
        langmodel.load({**conf, "lm_bigrams": conf["lm_bigrams"] + 1})


def test_the_engine_scores_as_the_python_reference(data):
    """engine.js lmScore on the committed table gives Model.score's figures."""
    model = langmodel.Model(data["lm"])
    texts = ["街道认真落实责任制", "学习贯彻全会精神", "网格员入户走访", "及时通保工作进展", "鼜", "的的的的"]
    for text, js in zip(texts, lm_scores(texts, data)):
        assert math.isclose(js, model.score(text), abs_tol=1e-9), text


def test_the_model_finds_what_the_rule_leaves_under_its_bars(data):
    """通保 for 通报 scores under the context rule's bars; the language model finds the stretch
    likelier corrected and reports it as a warning; without the model nothing is reported."""
    text = "街道定期召开联席会议，及时通保工作进展。"
    found = [f for f in check(text, data) if f.rule == "typo-context"]
    assert [(f.suggestion, f.severity) for f in found] == [("通报", "warning")]
    without = {k: v for k, v in data.items() if k != "lm"}
    assert not [f for f in check(text, without) if f.rule == "typo-context"]


def test_the_committed_table_is_the_one_the_readme_describes():
    table = json.loads(langmodel.MODEL.read_text(encoding="utf-8"))
    readme = (langmodel.VENDOR / "README.md").read_text(encoding="utf-8")
    assert table["made_from"]["lm_sc.arpa sha256"] in readme
    assert f"{table['made_from']['lm_bigrams']:,}" in readme
