"""The register's own words (checker/register.py, data/checker/register.yml): counted in the guide's
prose, read by the context rule's overlay at register_freq (0: not read)."""

from __future__ import annotations

import pytest
import yaml

from checker import compile as compiler
from checker.register import (
    PATH,
    blanked,
    check_message,
    counted_text,
    derive,
    excluded_forms,
    page_words,
    prose,
    read_counts,
    register_text,
    without_register,
)
from macros.errors import GuideError
from macros.sitedata import load_site_data
from support import ROOT
from support.copies import replace

CONF = {"max_len": 4, "min_freq": 50, "register_min": 2}
ENTRIES = [("排查", 42, "v"), ("短板", 3, "n"), ("张三", 3, "nr"), ("工作", 5000, "vn"), ("布署", 3, "v"),
           ("打牢", 9, "v")]

PAGE = """---
title: 短板 短板 短板
---
# 排查

开展排查，打牢基础。再次排查隐患，打牢`打牢 打牢`阵地，补齐短板。张三、张三做好工作，工作布署、布署到位。

!!! failure fault-example "改前"

    短板 短板 短板 打牢

!!! success "改后"

    这里写[打牢](https://example.org/打牢打牢)。

```text
打牢 打牢
```

<span class="fault-example">打牢</span>
"""


def cut(text):
    """A stand-in for jieba: the fixture's words where they stand, other characters one by one."""
    i, words = 0, [w for w, _, _ in ENTRIES]
    while i < len(text):
        word = next((w for w in words if text.startswith(w, i)), text[i])
        yield word
        i += len(word)


def test_prose_drops_front_matter_code_links_and_fault_examples():
    text = prose(PAGE)
    assert "title" not in text and "example.org" not in text and "```" not in text and "fault-example" not in text
    assert "改前" not in text and "短板 短板 短板" not in text
    assert "这里写打牢。" in text  # a link keeps its text
    assert text.count("\n") == PAGE.count("\n")  # lines stay where they are (the checker's findings point there)


def test_links_apart_keeps_a_links_text_in_its_place_away_from_its_neighbours():
    text = prose("对照[自查清单](../checklists/index.md#a)核对，![图](a.png)见下。", links_apart=True)
    assert text == "对照 自查清单" + " " * len("](../checklists/index.md#a)") + "核对，" + " " * len("![图](a.png)") + "见下。"
    assert prose(PAGE, links_apart=True).replace(" ", "") == prose(PAGE).replace(" ", "")


def test_derive_counts_rare_words_written_often_not_names_misspellings_nor_fault_examples():
    words = derive([prose(PAGE)], ENTRIES, CONF, excluded={"布署"}, cut=cut)
    # 排查 three times (a heading is prose); 打牢 three times in the prose (not in code, the fault example, the link's address);
    # 短板 once outside the front matter and the fault example; 张三 a name; 工作 common; 布署 a wrong form
    assert words == {"排查": 3, "打牢": 3}
    assert derive([prose(PAGE)], ENTRIES, {**CONF, "register_min": 4}, excluded=set(), cut=cut) == {}


def test_only_words_the_pair_table_holds_are_taken():
    words = derive([prose(PAGE)], ENTRIES, CONF, excluded=set(), cut=cut, paired={"打牢", "工作"})
    assert words == {"打牢": 3}


def test_a_stretch_the_checker_flags_is_not_counted():
    text = prose(PAGE)
    at = text.index("再次排查")
    words = derive([blanked(text, [(at + 2, 2)])], ENTRIES, {**CONF, "register_min": 3}, excluded=set(), cut=cut)
    assert "排查" not in words and words["打牢"] == 3


class _Flag:
    """A stand-in for a checker finding: rule, start, length."""

    def __init__(self, rule, start, length):
        self.rule, self.start, self.length = rule, start, length


def flag_second_paicha(text):
    """A stand-in for the checker: flags the 排查 of 再次排查, and a half-width comma before it (punct-width)."""
    at = text.index("再次排查")
    return [_Flag("punct-width", at - 1, 1), _Flag("typo-context", at + 2, 2)]


def test_counted_text_blanks_what_the_checker_flags_but_half_width_marks():
    text = counted_text(PAGE, flag_second_paicha)
    assert text == blanked(prose(PAGE), [(prose(PAGE).index("再次排查") + 2, 2)])
    assert "再次  隐患" in text and "。再次" in text  # the half-width mark's finding is not blanked


BASE = {"misspelt": {"40": "布署 按装", "3": "帐号"}, "misspelt_rare": "既使 即然"}


def test_excluded_forms_are_jiebas_misspellings_and_the_known_wrong_forms():
    assert excluded_forms(BASE, [{"wrong": "忘记"}, {"wrong": "布署"}]) == {"布署", "按装", "帐号", "既使", "即然", "忘记"}
    assert excluded_forms({"misspelt": {}, "misspelt_rare": ""}, []) == set()


def test_page_words_counts_the_pages_with_flags_blanked_exclusions_and_the_pair_table():
    data = {"typos": [{"wrong": "布署"}], "pairs": {"words": {"3": "打牢 工作", "5": "排查 布署"}}}
    assert page_words([PAGE], data, CONF, BASE, ENTRIES, lambda text: [], cut=cut) == {"排查": 3, "打牢": 3}
    conf = {**CONF, "register_min": 3}
    assert page_words([PAGE], data, conf, BASE, ENTRIES, flag_second_paicha, cut=cut) == {"打牢": 3}
    assert page_words([PAGE, PAGE], {**data, "pairs": None}, conf, BASE, ENTRIES, flag_second_paicha, cut=cut) \
        == {"排查": 4, "打牢": 6}
    no_table = {"typos": [], "pairs": {"words": {"3": "排查"}}}
    assert page_words([PAGE], no_table, CONF, {"misspelt": {}, "misspelt_rare": ""}, ENTRIES, lambda text: [],
                      cut=cut) == {"排查": 3}


def test_check_message_says_up_to_date_stale_or_missing():
    assert check_message({"排查": 3}, {"排查": 3}) == (True, f"{PATH}: up to date (1 words)")
    same, message = check_message({"排查": 3, "短板": 4}, {"排查": 2, "打牢": 5})
    assert not same and message.startswith(f"{PATH}: stale (1 words more: 打牢; 1 fewer: 短板; 1 counted otherwise)")
    assert "python scripts/guide.py derive-register" in message
    many = {f"词{i:02d}": 3 for i in range(25)}
    assert "词19 …; 0 fewer" in check_message({}, many)[1]
    same, message = check_message(None, {"排查": 3})
    assert not same and message == f"{PATH}: missing; run `python scripts/guide.py derive-register` and commit it"


def test_read_counts_reads_the_file_as_written():
    assert read_counts(register_text({"排查": 2, "打牢": 3}, CONF, "2026-12-06")) == {"排查": 2, "打牢": 3}
    assert read_counts("") == {} and read_counts("id: register\ncounts:\n") == {}


def test_the_register_is_left_out_of_the_data_it_is_derived_with():
    site = load_site_data(ROOT)
    bare = without_register(site)
    assert "register" in site.records["checker"] and "register" not in bare.records["checker"]
    assert set(bare.records["checker"]) == set(site.records["checker"]) - {"register"}
    assert bare.records["samples"] is site.records["samples"]
    assert not compiler.register_words(bare) and compiler.register_words(site)


def test_the_file_as_written_reads_back_and_names_its_command():
    text = register_text({"排查": 2, "打牢": 3}, {**CONF, "min_freq": 50}, "2026-12-06")
    assert yaml.safe_load(text)["counts"] == {"排查": 2, "打牢": 3}
    assert "python scripts/guide.py derive-register" in text and "2026-12-06" in text
    assert "  打牢: 3\n  排查: 2\n" in text  # one word a line, sorted


def test_the_committed_register_is_valid_and_holds_jiebas_rare_words():
    site = load_site_data(ROOT)
    conf = site.get("checker", "context").data
    words = compiler.register_words(site)
    assert words and len(words) == len(set(words))
    jieba = compiler.jieba_words()
    assert all(w in jieba and jieba[w] < conf["min_freq"] for w in words)


def test_a_malformed_register_stops_the_data_load_at_its_line(project_copy):
    line = replace(project_copy / "data/checker/register.yml", "counts:\n", "counts:\n  paicha: 3\n") + 1
    with pytest.raises(GuideError) as exc:
        load_site_data(project_copy)
    assert f"data/checker/register.yml:{line}:" in exc.value.message and "paicha" in exc.value.message
    assert "What to do" in exc.value.message


@pytest.fixture(scope="module")
def inputs():
    site = load_site_data(ROOT)
    vocab = compiler.vocabulary(site.get("checker", "vocabulary")["words"], compiler._terms(site))
    return dict(site.get("checker", "context").data), vocab, list(site.get("checker", "shapes")["groups"])


def _group(typo: dict, word: str) -> str | None:
    return next((g for g in ("words", "fixed", "rare", "second", "second_known")
                 for ws in typo[g].values() if word in ws.split()), None)


def test_register_words_are_words_from_register_freq_and_left_out_at_0(inputs):
    conf, vocab, groups = inputs
    off = compiler.typo_data({**conf, "register_freq": 0}, vocab, groups, register=["排查", "践行"])
    on = compiler.typo_data({**conf, "register_freq": 500}, vocab, groups, register=["排查", "践行"])
    assert _group(off, "排查") == "second" and _group(on, "排查") == "words"
    assert _group(on, "践行") == "words"


def test_a_correction_newly_offered_with_the_register():
    """Our own sentence: 排察 for 排查, which jieba counts 42 times (under min_freq): offered only with the
    register read (register_freq 500, not 0)."""
    from checker.compile import load_compiled
    from checker.engine import check

    site = load_site_data(ROOT)
    data = load_compiled(ROOT, lambda: site)
    conf = {**site.get("checker", "context").data, "register_freq": 500}
    vocab = compiler.vocabulary(site.get("checker", "vocabulary")["words"], compiler._terms(site))
    on = {**data, "typo": compiler.typo_data(conf, vocab, list(site.get("checker", "shapes")["groups"]),
                                             register=["排查"])}
    off = {**data, "typo": compiler.typo_data({**conf, "register_freq": 0}, vocab,
                                              list(site.get("checker", "shapes")["groups"]), register=["排查"])}
    text = "对辖区出租屋开展拉网式排察。"
    assert not [f for f in check(text, off) if f.rule == "typo-context"]
    found = [f for f in check(text, on) if f.rule == "typo-context"]
    assert [f.suggestion for f in found] == ["排查"]

