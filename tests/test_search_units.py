"""Search building blocks without MkDocs: vocabulary, dictionary, index expansion, worker patch."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jieba
import pytest
import yaml

from macros.search.expand import (
    FIELD,
    QUESTION_FIELD,
    TITLE_FIELD,
    Finder,
    expand_index,
    keywords_ahead,
    page_boost,
    section_keywords,
    shared_headings,
)
from macros.search.vocabulary import Group, dictionary_words, groups_from, userdict_text
from macros.search.worker_patch import (
    SEGMENT_LOOP,
    WorkerPatchError,
    apply_patch,
    bundle_name,
    patch_bundle,
    patch_worker,
    patched_name,
)
from macros.sitedata import load_site_data
from support import ROOT

SEPARATOR = "[\\s\\u200b\\u3000\\-、。，．？！；]+"  # the zh default, as in the built index
SHIPPED = next((Path(__import__("material").__file__).parent / "templates/assets/javascripts/workers").glob("search.*.min.js"))


class FakeRecord(dict):
    def __init__(self, id, **data):
        super().__init__(data)
        self.id = id


def test_groups_come_from_glossary_terms_and_the_vocabulary():
    terms = [FakeRecord("wpy", term="网评员", aliases=["网络评论员"])]
    vocab = [FakeRecord("vocabulary", groups=[{"words": ["文明实践站", "新时代文明实践站"]}, {"words": ["一岗双责"]}])]
    groups = groups_from(terms, vocab)
    assert [g.words for g in groups] == [("网评员", "网络评论员"), ("文明实践站", "新时代文明实践站"), ("一岗双责",)]
    assert groups[0].origin == "data/terms/wpy.yml"


def test_dictionary_keeps_han_runs_of_two_or_more():
    groups = [Group(("12345热线", "网评员", "x"), "t")]
    assert dictionary_words(groups) == ["热线", "网评员"]
    assert userdict_text(["网评员", "台账"]) == "网评员\n台账\n"


def test_project_vocabulary_loads_and_covers_the_brief():
    site = load_site_data(ROOT)
    groups = groups_from(site.all("terms"), site.all("search"))
    together = {w: set(g.words) for g in groups for w in g.words}
    assert "网络评论员" in together["网评员"]
    assert "理论学习中心组" in together["中心组"]
    assert "新时代文明实践站" in together["文明实践站"]
    assert {"一岗双责", "台账", "半年总结"} <= set(together)


def test_meetings_campaigns_and_plans_of_the_timeline_are_searched_whole():
    site = load_site_data(ROOT)
    groups = groups_from([], [], site.all("timeline"))
    together = {w: set(g.words) for g in groups for w in g.words}
    assert together["十九大"] == {"党的十九大", "十九大"}
    assert "政绩观学习教育" in together["树立和践行正确政绩观学习教育"]
    assert "十五五" in together  # a plan period, quotes dropped from its name
    assert "建军" not in together  # anniversaries are not names staff search for
    assert {"十九大", "党的十九大", "二十届三中全会"} <= set(dictionary_words(groups))


def test_user_dictionary_keeps_terms_whole():
    words = ["网评员", "一岗双责", "文明实践站"]
    tokenizer = jieba.Tokenizer()
    before = list(tokenizer.cut("社区网评员落实一岗双责"))
    assert "网评员" not in before  # jieba's own dictionary cuts it (网/评员)
    for word in words:
        tokenizer.add_word(word)
    after = list(tokenizer.cut("社区网评员落实一岗双责，建好文明实践站"))
    assert {"网评员", "一岗双责", "文明实践站"} <= set(after)


def test_fields_the_page_never_shows_are_not_highlighted():
    """Material's search highlights every field a result matched in; the keywords and questions are dropped before
    the answer leaves the worker (__guideDropUnshown), so they are not highlighted at all (POSITIONS; round 9:
    a fifth of Material's search time). The shown title and text are highlighted as before."""
    from macros.search.prebuilt import _context

    index = json.dumps({"config": {"lang": ["en"], "separator": "[\\s\\u200b]+", "pipeline": ["stemmer"],
                                   "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
                        "docs": [{"location": "a.html", "title": "网评员", "text": "网络评论员\u200b队伍"}]})
    expanded = json.loads(expand_index(index, [Group(("网评员", "网络评论员"), "t")], [], lambda w: [])[0])
    ctx = _context(patch_worker(SHIPPED.read_text(encoding="utf-8")))
    ctx.eval(f"var __s = new globalThis.__GuideSearch({json.dumps({**expanded, 'options': {}}, ensure_ascii=False)});")
    doc = json.loads(ctx.eval("JSON.stringify(__s.search('网络评论员').items[0][0])"))
    assert "<mark>" in doc["text"]
    assert "网络评论员" in doc[TITLE_FIELD] and "<mark>" not in doc[TITLE_FIELD]  # matched, only not highlighted
    assert json.loads(ctx.eval("JSON.stringify(__s.search('网评员').items[0][0].title)")) == "<mark>网评员</mark>"


def test_the_old_form_of_taizhang_finds_the_ledgers():
    """台帐, the old form of 台账 that staff still type, is in the guide's text (the checker's list of words to
    replace), so it is no slip to correct: it is a synonym, and a section about 台账 is found by it (round 9)."""
    site = load_site_data(ROOT)
    groups = groups_from(site.all("terms"), site.all("search"))
    title, _ = section_keywords("台账\u200b怎么\u200b记", "各\u200b社区\u200b台账", groups, [], lambda w: [])
    assert "台帐" in title


def test_section_keywords_add_synonyms_and_parts_of_long_words():
    groups = [Group(("网评员", "网络评论员"), "t"), Group(("台账",), "t")]
    title, text = section_keywords("队伍", "各社区\u200b网络评论员\u200b和\u200b意识形态工作责任制", groups,
                                   ["意识形态工作责任制"], lambda w: ["意识形态", "工作", "责任制"])
    assert (title, text) == ([], ["网评员", "意识形态", "工作", "责任制"])
    title, text = section_keywords("网评员\u200b队伍", "网评员\u200b网络评论员", groups, [], lambda w: [])
    assert (title, text) == (["网络评论员"], [])  # a synonym of the heading counts as heading
    assert section_keywords("无关", "内容", groups, [], lambda w: []) == ([], [])


def test_the_finder_reads_only_words_starting_with_a_character_of_the_text_and_keeps_the_keywords_order():
    """Finder (issue #15: the keywords at the end of a cold build in a third of the time) gives what asking every
    group and every long word gives, in the same order."""
    groups = [Group(("台账", "工作台账"), "t"), Group(("网评员", "网络评论员"), "t"), Group(("IIS", "iis"), "t"),
              Group(("中心组", "理论学习中心组"), "t")]
    words = ["新时代文明实践站", "意识形态工作责任制", "理论学习中心组", "意识形态工作责任制"]
    parts = {"新时代文明实践站": ["新时代", "文明", "实践站"], "意识形态工作责任制": ["意识形态", "工作", "责任制"],
             "理论学习中心组": ["理论学习", "中心组"]}.__getitem__

    def asking_all(plain: str) -> list[str]:
        out: dict[str, None] = {}
        for group in groups:
            if group.found_in(plain):
                for word in group.words:
                    if word not in plain:
                        out.setdefault(word, None)
        for word in words:
            if len(word) >= 4 and word in plain:
                for part in parts(word):
                    if part != word and len(part) >= 2:
                        out.setdefault(part, None)
        return list(out)

    finder = Finder(groups, words)
    for plain in ("意识形态工作责任制和新时代文明实践站的台账", "网络评论员在理论学习中心组", "部署IIS", "无关的内容", "",
                  "新时代文明实践站、意识形态工作责任制、工作台账、网评员"):
        assert list(finder.related(plain, parts)) == asking_all(plain), plain
    assert finder.found("无关的内容") == set() and finder.by_first.keys() == {"台", "工", "网", "I", "i", "中", "理",
                                                                               "新", "意"}


def test_page_boost_by_docs_path_pattern():
    boosts = {"work-points/*.md": 2, "changelog.md": 0.3, "index.md": 1.1}
    assert page_boost("work-points/theory.html#x", boosts) == 2
    assert page_boost("changelog.html", boosts) == 0.3
    assert page_boost("glossary/index.html", boosts) is None
    assert page_boost("index.html#a", boosts) == 1.1


def test_expand_index_adds_a_hidden_lower_boosted_field():
    index = json.dumps({"config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
                        "docs": [{"location": "a.html", "title": "网评员", "text": ""},
                                 {"location": "b.html", "title": "别的", "text": "内容"}]})
    out, touched = expand_index(index, [Group(("网评员", "网络评论员"), "t")], [], lambda w: [], {"a.md": 2})
    data = json.loads(out)
    assert touched == 1
    assert data["docs"][0][TITLE_FIELD] == "网络评论员" and TITLE_FIELD not in data["docs"][1]
    assert data["docs"][0]["boost"] == 2 and "boost" not in data["docs"][1]
    assert data["config"]["fields"][FIELD]["boost"] < data["config"]["fields"]["text"]["boost"]
    assert "网评员" in out  # raw UTF-8, not \\u escapes


def test_expand_index_puts_a_pages_questions_in_their_own_boosted_field():
    index = json.dumps({"config": {"fields": {"title": {"boost": 50.0}, "text": {"boost": 1.0}}},
                        "docs": [{"location": "a.html", "title": "甲", "text": ""},
                                 {"location": "a.html#x", "title": "小节", "text": ""},
                                 {"location": "b.html", "title": "乙", "text": ""}]})
    out, _ = expand_index(index, [Group(("网评员", "网络评论员"), "t")], [], lambda w: [],
                          questions={"a.md": ["网评员咋管？", "要交啥？"]})
    data = json.loads(out)
    page, section, other = data["docs"]
    assert page[QUESTION_FIELD] == "网评员咋管？\u200b要交啥？"
    assert QUESTION_FIELD not in section and QUESTION_FIELD not in other  # the page's own entry only
    assert page[FIELD] == "网络评论员"  # the questions' synonyms are searched too
    fields = data["config"]["fields"]
    assert fields["text"]["boost"] < fields[QUESTION_FIELD]["boost"] < fields["title"]["boost"]


def test_keywords_made_ahead_from_the_uncut_texts_are_the_ones_expand_index_makes():
    """Issue #15: the build makes the keywords from the texts it sent to the segmenter while it waits for the
    last cuts (hooks/search.py); expand_index takes them by title and text without the cuts' zero-width spaces,
    and makes those of a text changed since (a download's size filled in) itself."""
    groups = [Group(("网评员", "网络评论员"), "t")]
    words = ["意识形态工作责任制"]
    parts = {"意识形态工作责任制": ["意识形态", "工作", "责任制"]}.get
    cut = [{"location": "a.html", "title": "网评员\u200b队伍", "text": "落实\u200b意识形态工作责任制"},
           {"location": "a.html#x", "title": "小节", "text": "下载\u200b（DOCX，32 KB）"}]
    sent = [dict(cut[0], title="网评员队伍", text="落实意识形态工作责任制"),
            dict(cut[1], text="下载\ue000mark\ue001")]  # as sent: uncut, the size not yet filled in
    questions = {"a.md": ["网络评论员归谁管？"]}
    ready = keywords_ahead(sent, groups, words, parts, questions)
    index = json.dumps({"config": {"fields": {}}, "docs": cut})
    made, _ = expand_index(index, groups, words, parts, questions=questions)
    marked = {key: (["标记"], []) for key in ready}  # what the index gets shows where each section's came from
    taken, _ = expand_index(index, groups, words, parts, questions=questions, ready=marked)
    assert expand_index(index, groups, words, parts, questions=questions, ready=ready)[0] == made
    docs = json.loads(taken)["docs"]
    assert docs[0][TITLE_FIELD] == "标记" and docs[1].get(TITLE_FIELD) != "标记"  # the changed text: made again


def test_every_page_declares_the_questions_it_answers():
    missing = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        meta = yaml.safe_load(page.read_text(encoding="utf-8").split("---", 2)[1])
        if not 3 <= len(meta.get("questions") or []) <= 8:
            missing.append(page.relative_to(ROOT).as_posix())
    assert not missing, f"pages without 3 to 8 'questions' in their front matter: {missing}"


def _section(page: str, heading: str) -> dict:
    return {"location": f"{page}.html#{heading}", "title": heading.replace("和", "\u200b和\u200b"), "text": ""}


def test_shared_headings_are_those_on_enough_pages():
    docs = [*(_section(f"t{i}", "标题和落款") for i in range(3)), _section("format", "日期和落款"),
            {"location": "t0.html", "title": "标题和落款", "text": ""}]  # a page itself is never a shared heading
    assert shared_headings(docs, 3) == {"t0.html#标题和落款", "t1.html#标题和落款", "t2.html#标题和落款"}
    assert shared_headings(docs, 4) == set()


def test_expand_index_lowers_sections_under_a_shared_heading():
    docs = [*(_section(f"doc-templates/t{i}", "标题和落款") for i in range(3)), _section("writing/format", "日期和落款")]
    index = json.dumps({"config": {"fields": {}}, "docs": docs})
    out, _ = expand_index(index, [], [], lambda w: [], {"doc-templates/*.md": 1.5}, {"pages": 3, "factor": 0.5})
    boosts = {d["location"].split("#")[0]: d.get("boost") for d in json.loads(out)["docs"]}
    assert boosts == {"doc-templates/t0.html": 0.75, "doc-templates/t1.html": 0.75, "doc-templates/t2.html": 0.75,
                      "writing/format.html": None}


def test_project_ranking_lowers_headings_the_templates_share():
    ranking = yaml.safe_load((ROOT / "data/search/ranking.yml").read_text(encoding="utf-8"))
    templates = list((ROOT / "data/templates").glob("*.yml"))
    assert 2 <= ranking["shared_heading"]["pages"] <= len(templates) and 0 < ranking["shared_heading"]["factor"] < 1


def test_patch_applies_to_the_shipped_worker_exactly_once():
    code = SHIPPED.read_text(encoding="utf-8")
    assert len(SEGMENT_LOOP.findall(code)) == 1
    patched = patch_worker(code)
    assert "for(let o=s+1;o<=t.length;o++)" in patched
    assert "for(let o=s+1;o<t.length;o++)" not in patched
    assert "sourceMappingURL" not in patched
    assert patched.startswith('"use strict";')
    assert patched_name(patched) != SHIPPED.name


def test_patch_fails_loudly_when_the_loop_is_not_found():
    with pytest.raises(WorkerPatchError, match="exactly once"):
        apply_patch("for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)", "SEGMENT_LOOP")


def test_patch_matches_other_variable_names():
    patched = apply_patch("x;for(let j=i+1;j<q.length;j++)q.slice(i,j)in idx&&(w[i]=j-i);y", "SEGMENT_LOOP")
    assert "j<=q.length" in patched


def test_bundle_patch_defers_the_index_on_the_shipped_bundle():
    shipped = next(SHIPPED.parent.parent.glob("bundle.*.min.js")).read_text(encoding="utf-8")
    patched = patch_bundle(shipped, SEPARATOR)
    assert 'location.protocol!=="file:"),' not in patched.split('("search")).pipe(')[0][-60:]
    assert '(!!__md_get("guide.search.used")),' in patched and "sourceMappingURL" not in patched
    assert bundle_name(patched) != bundle_name(shipped)
    with pytest.raises(WorkerPatchError, match="exactly once"):
        patch_bundle(patched, SEPARATOR)


def test_bundle_patch_highlights_a_result_page_with_the_separator_not_the_index():
    shipped = next(SHIPPED.parent.parent.glob("bundle.*.min.js")).read_text(encoding="utf-8")
    patched = patch_bundle(shipped, SEPARATOR)
    given = re.search(r'\{index\$:new URL\(location\.href\)\.searchParams\.has\("h"\)\?([\w$]+)\((.*?)\):\[\],', patched)
    assert given, "the highlighter is not given the separator"
    assert json.loads(given.group(2)) == {"config": {"separator": SEPARATOR}}
    # The same function that hands the worker the index's address: rxjs's of().
    assert f"{given.group(1)}({{url:String(new URL(" in patched


def test_pages_matched_through_sections_get_their_terms_in_the_shipped_worker():
    patched = patch_worker(SHIPPED.read_text(encoding="utf-8"))
    assert patched.count("terms:__guideUnionTerms(") == 1 and "score:0,terms:{}" not in patched
    with pytest.raises(WorkerPatchError, match="exactly once"):
        apply_patch("o.push(B(_({},a),{score:0,terms:x}))", "PAGE_TERMS")


def test_chinese_runs_are_spaced_from_letters_and_digits_in_the_shipped_worker():
    patched = patch_worker(SHIPPED.read_text(encoding="utf-8"), ("怎么",))
    assert patched.count("=>__guideSpaced(__guideJoin(__guideWeigh(__guideKeep([...") == 1 and "function __guideSpaced(" in patched
    assert patched.startswith('"use strict";') and 'var __guideFillerWords=new Set(["怎么"]);' in patched
    with pytest.raises(WorkerPatchError, match="Chinese query segmentation"):
        apply_patch(patched, "HAN_RUNS")
    other = 'q=q.replace(new RegExp("\\\\p{sc=Han}+","gu"),r=>[...seg(r,this.index.invertedIndex)].join("* ")),'
    assert ('(r,__at,__q)=>__guideSpaced(__guideJoin(__guideWeigh(__guideKeep([...seg(r,this.index.invertedIndex)],r,__q),'
            'this.index.invertedIndex,this.map.size)),r,__at,__q))' in apply_patch(other, "HAN_RUNS"))


# Material's segment() (integrations/search/query/segment), written as 9.8.1's minifier writes it, with other names.
SEGMENT_FN = ("function seg(q,idx){let out=new Set,len=new Uint16Array(q.length);"
              "for(let i=0;i<q.length;i++)for(let j=i+1;j<q.length;j++)q.slice(i,j)in idx&&(len[i]=j-i);"
              "let st=[0];for(let k=st.length;k>0;){let p=st[--k];"
              "for(let d=1;d<len[p];d++)len[p+d]>len[p]-d&&(out.add(q.slice(p,p+d)),st[k++]=p+d);"
              "let a=p+len[p];len[a]&&a<q.length-1&&(st[k++]=a),out.add(q.slice(p,a))}"
              "return out.has(\"\")?new Set([q]):out}")


def test_gaps_patch_applies_to_the_shipped_worker_exactly_once():
    patched = patch_worker(SHIPPED.read_text(encoding="utf-8"))
    assert patched.count("__guideFill(n,t,e);let i=[__guideStart(n)];") == 1
    assert patched.count("(__guideAt=__guideFrom(n,a))<t.length-1&&(i[s++]=__guideAt),") == 1
    with pytest.raises(WorkerPatchError, match="walk from one indexed word"):
        apply_patch(patched, "SEGMENT_GAPS")


@pytest.mark.parametrize("query, terms", [
    ("领导说太虚了材料", ["领导", "材料"]),  # Material's walk stops at 说: 领导 only
    ("光有制度没有记录", ["制度", "没有", "记录"]),  # no word starts at 光: Material searches the whole run
    ("包保社区", ["包保", "社区"]),  # 包保 starts no word but begins 包保责任: searched, with the wildcard
    ("黑体", ["黑体"]),  # only the start of a word (黑体字): as before
    ("嗯嗯", ["嗯嗯"]),  # no word anywhere: the run as typed, as before
])
def test_a_question_is_searched_past_characters_that_start_no_word(query, terms):
    from py_mini_racer import MiniRacer

    from macros.search.worker_patch import GAPS_JS

    index = {w: {} for w in ("领导", "材料", "制度", "没有", "记录", "包保责任", "社区", "黑体字")}
    ctx = MiniRacer()
    ctx.eval(GAPS_JS + apply_patch(apply_patch(SEGMENT_FN, "SEGMENT_LOOP"), "SEGMENT_GAPS"))
    got = json.loads(ctx.eval(f"JSON.stringify([...seg({json.dumps(query)}, {json.dumps(index)})])"))
    assert sorted(got) == sorted(terms)


def test_a_questions_rare_words_weigh_more():
    from py_mini_racer import MiniRacer

    from macros.search.worker_patch import KEEP_JS, RESULTS_JS, WEIGH_JS

    total = 1000  # rare: in at most 5 sections (0.005)
    index = {"台账": {"text": {"a": {}, "b": {}}, "title": {"a": {}}},
             "签到表": {"text": {f"s{i}": {} for i in range(5)}},
             "工作": {"text": {f"s{i}": {} for i in range(6)}}, "社区": {"text": {f"s{i}": {} for i in range(300)}}}
    ctx = MiniRacer()
    ctx.eval('var __guideFillerWords = new Set(["怎么"]);' + RESULTS_JS + KEEP_JS + WEIGH_JS)

    def searched(segments):
        run = json.dumps("".join(segments))
        return ctx.eval(f"__guideJoin(__guideWeigh(__guideKeep({json.dumps(segments)}, {run}, {run}), "
                        f"{json.dumps(index)}, {total}))")

    assert searched(["社区", "台账", "怎么", "签到表", "工作"]) == "社区* 台账*^2 签到表*^2 工作"
    assert searched(["工作", "台账"]) == "工作* 台账*^2"
    assert searched(["台账"]) == "台账"  # one word: nothing to weigh against
    assert searched(["社区", "工作"]) == "社区* 工作"


@pytest.mark.parametrize("segments, run, query, kept", [
    (["台账", "怎么", "填"], "台账怎么填", "台账怎么填", ["台账"]),  # 填: a single character beside a word
    (["怎么", "填"], "怎么填", "怎么填", ["填"]),
    (["报告", "里", "的"], "报告里的", "报告里的XX怎么查", ["报告"]),
    (["怎么", "查"], "怎么查", "报告里的XX怎么查", ["查"]),
    (["怎么"], "怎么", "台账 怎么", []),       # a run of filler words only, beside other words: dropped
    (["怎么"], "怎么", "怎么", ["怎么"]),       # the whole query: searched as typed
    (["怎么"], "怎么", "+怎么", ["怎么"]),
])
def test_filler_words_are_dropped_only_beside_other_words(segments, run, query, kept):
    from py_mini_racer import MiniRacer

    from macros.search.worker_patch import KEEP_JS

    ctx = MiniRacer()
    ctx.eval('var __guideFillerWords = new Set(["怎么", "的", "里"]);' + KEEP_JS)
    assert ctx.eval(f"JSON.stringify(__guideKeep({json.dumps(segments)}, {json.dumps(run)}, {json.dumps(query)}))") \
        == json.dumps(kept, ensure_ascii=False).replace(", ", ",")


def test_project_filler_words_are_loaded_from_data():
    site = load_site_data(ROOT)
    words = [w for r in site.all("search") for w in r.get("filler_words", [])]
    assert {"怎么", "如何", "的"} <= set(words)
    # No filler word is also a word the search keeps whole or treats as a synonym.
    groups = groups_from(site.all("terms"), [r for r in site.all("search") if "groups" in r.data],
                         site.all("timeline"))
    assert not set(words) & {w for g in groups for w in g.words}


@pytest.mark.parametrize("query, spaced", [
    ("360浏览器", "360 浏览器"), ("Excel台账", "Excel 台账"), ("台账Excel", "台账 Excel"), ("2026年", "2026 年"),
    ("中心组", "中心组"), ("+中心组", "+中心组"), ("title:中心组", "title:中心组"), ("中心组~1", "中心组~1"),
    ("中心组*", "中心组*"), ("中心组 学习", "中心组 学习"),
])
def test_chinese_run_spacing_keeps_operators(query, spaced):
    from py_mini_racer import MiniRacer

    from macros.search.worker_patch import SPACED_JS

    ctx = MiniRacer()
    ctx.eval(SPACED_JS)
    # The segmentation itself is the worker's; here each run stands for itself.
    assert ctx.eval(f"{json.dumps(query)}.replace(/\\p{{sc=Han}}+/gu, (s, at, q) => __guideSpaced(s, s, at, q))") == spaced


def test_a_term_ending_in_a_wildcard_gets_no_second_one_in_the_shipped_worker():
    patched = patch_worker(SHIPPED.read_text(encoding="utf-8"))
    assert patched.count("/(^[+-]|[~^]\\d+$|\\*$)/.test(") == 1
    with pytest.raises(WorkerPatchError, match="trailing wildcard"):
        apply_patch(patched, "WILDCARD")


def test_results_patch_applies_to_the_shipped_worker_exactly_once():
    code = SHIPPED.read_text(encoding="utf-8")
    patched = apply_patch(code, "RESULTS")
    assert "data:__guideSearch(de,e)" in patched and "data:de.search(e)" not in patched
    assert "function __guideSearch(" in patch_worker(code)
    with pytest.raises(WorkerPatchError, match="exactly once"):
        apply_patch(patched, "RESULTS")


def test_headings_weigh_fifty_times_the_text_not_a_thousand():
    """Material's 1000 let one common query word in any heading outrank the section holding the others."""
    from macros.search.expand import TITLE_BOOST

    index = json.dumps({"config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
                        "docs": [{"location": "a.html", "title": "网评员", "text": ""}]})
    fields = json.loads(expand_index(index, [Group(("网评员", "网络评论员"), "t")], [], lambda w: [])[0])["config"]["fields"]
    assert fields["title"]["boost"] == TITLE_BOOST == 50
    assert fields[TITLE_FIELD]["boost"] == 25 and fields[FIELD]["boost"] < fields["text"]["boost"] == 1


def _scores_in_v8(index: dict, query: str) -> dict[str, float]:
    """{page: score} of ``query`` searched by the patched worker over ``index`` (built in V8, not prebuilt)."""
    from macros.search.prebuilt import _context

    ctx = _context(patch_worker(SHIPPED.read_text(encoding="utf-8")))
    ctx.eval(f"var __s = new globalThis.__GuideSearch({json.dumps({**index, 'options': {}}, ensure_ascii=False)});")
    found = ctx.eval(f"JSON.stringify(__s.search({json.dumps(query, ensure_ascii=False)}).items"
                     ".map(function (g) { return [g[0].location, g[0].score]; }))")
    return dict(json.loads(found))


def test_a_word_found_only_as_a_synonym_weighs_a_quarter_of_the_word_itself():
    """The keywords field (synonyms and parts of long words a section's text mentions) weighs 0.25 of the text,
    not 0.5: a synonym group pulls every section that mentions any of its words alike, and at 0.5 two such
    matches outweighed the one word a question is about (round 9: top-1 of the seven unseen sets +3)."""
    index = json.dumps({"config": {"lang": ["en"], "separator": "[\\s\\u200b]+", "pipeline": ["stemmer"],
                                   "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
                        "docs": [{"location": "said.html", "title": "甲", "text": "网评员\u200b队伍"},
                                 {"location": "synonym.html", "title": "乙", "text": "网络评论员\u200b队伍"}]})
    groups = [Group(("网评员", "网络评论员"), "t")]
    expanded = json.loads(expand_index(index, groups, [], lambda w: [])[0])
    scores = _scores_in_v8(expanded, "网评员")
    assert set(scores) == {"said.html", "synonym.html"}
    assert scores["synonym.html"] == pytest.approx(scores["said.html"] * 0.25, rel=0.05)


@pytest.mark.parametrize("segments, kept", [
    (["社区", "需要", "建", "哪些", "台账"], ["社区", "需要", "台账"]),  # 建 beside words: not searched
    (["党", "员"], ["党", "员"]),  # no word of two characters: searched as typed
])
def test_single_characters_beside_words_are_not_searched(segments, kept):
    from py_mini_racer import MiniRacer

    from macros.search.worker_patch import KEEP_JS

    ctx = MiniRacer()
    ctx.eval('var __guideFillerWords = new Set(["哪些"]);' + KEEP_JS)
    run = "".join(segments)
    assert json.loads(ctx.eval(f"JSON.stringify(__guideKeep({json.dumps(segments)}, {json.dumps(run)}, "
                               f"{json.dumps(run)}))")) == kept


def test_suggest_patch_says_what_the_slip_was_corrected_to_on_the_shipped_bundle():
    bundle = next((Path(__import__("material").__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js"))
    code = bundle.read_text(encoding="utf-8")
    patched = apply_patch(code, "SUGGEST")
    assert "guide:__guide},{value:" in patched and "__guideDidYouMean(s,__guide,l.length)})" in patched
    assert "function __guideDidYouMean(" in patch_bundle(code, SEPARATOR)
    with pytest.raises(WorkerPatchError, match="exactly once"):
        apply_patch(patched, "SUGGEST")


def test_intent_pages_are_matched_by_docs_path_within_a_folder():
    from macros.search.intent import glob_source

    pattern = re.compile(glob_source(["tasks/*.md", "calendar/index.md"]))
    assert [p for p in ["tasks/half-year-report.md", "tasks/a/b.md", "calendar/index.md", "calendar/indexmd",
                        "xtasks/a.md", "tasks/a.mdx"] if pattern.match(p)] == ["tasks/half-year-report.md",
                                                                              "calendar/index.md"]


def test_project_intent_reaches_the_worker_and_names_built_pages():
    """What a question asks for is data (data/search/ranking.yml); every kind's pages exist, and the patched
    worker carries the words; task pages weigh more than templates, which the same words fill."""
    from macros.search.intent import glob_source, intent_js

    ranking = yaml.safe_load((ROOT / "data/search/ranking.yml").read_text(encoding="utf-8"))
    docs = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")]
    for kind in ranking["intent"]["kinds"]:
        assert any(re.match(glob_source(kind["pages"]), d) for d in docs), kind["pages"]
    statement = intent_js(ranking["intent"])
    assert statement.startswith("var __guideIntent=") and "什么时候" in statement
    assert patch_worker(SHIPPED.read_text(encoding="utf-8"), (), statement).rstrip().endswith(statement)
    assert ranking["page_boost"]["tasks/*.md"] > ranking["page_boost"]["doc-templates/*.md"]


def test_project_unasked_pages_reach_the_worker_and_are_lowered_only_below_one():
    """Samples and templates answer a query that asks for them (data/search/ranking.yml, intent.unasked): the
    worker carries their pattern and a factor below 1, and every pattern names built pages."""
    from macros.search.intent import glob_source, intent_js

    ranking = yaml.safe_load((ROOT / "data/search/ranking.yml").read_text(encoding="utf-8"))
    docs = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")]
    for group in ranking["intent"]["unasked"] + ranking["intent"]["weights"]:
        assert all(any(re.match(glob_source([g]), d) for d in docs) for g in group["pages"]), group["pages"]
    assert all(0 < group["factor"] < 1 for group in ranking["intent"]["unasked"])
    statement = intent_js(ranking["intent"])
    assert '"unasked":[{"factor":' in statement and "samples/[^/]*" in statement and "doc-templates/[^/]*" in statement
    assert '"weights":[{"factor":' in statement and "tasks/[^/]*" in statement
    assert '"unasked"' not in intent_js({"factor": 2, "kinds": ranking["intent"]["kinds"]})


def test_query_figures_list_top1_misses_apart_from_hit5_misses():
    """rank_by_kind (rank_queries.py, bench_search.py): a query found second is a top-1 miss, listed
    in not_first; one outside the first five is in misses; a content gap is in neither."""
    from support.search_ui import rank_by_kind

    results = {"甲": ["a", "b"], "乙": ["b", "a"], "丙": ["x", "y", "z", "w", "v", "a"]}
    cases = [{"query": q, "pages": ["a"], "kind": "term"} for q in results] + [{"query": "丁", "pages": []}]
    figures = rank_by_kind(results.get, cases)
    assert figures["kinds"]["all"] == {"queries": 3, "hit5": 2, "top1": 1}
    assert [m.split(" -> ")[0] for m in figures["not_first"]] == ["term: 乙"]
    assert [m.split(" -> ")[0] for m in figures["misses"]] == ["term: 丙"]
    assert figures["no_page"] == ["丁"]
