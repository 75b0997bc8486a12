"""The typo rules on the evaluation set (tests/data/typo-eval.yml, written by someone who had
not seen the detector; scored by tests/support/typo_eval.py): recall per kind must not fall
below what was measured when the context rule landed, and no clean sentence may raise a typo
finding. Figures, misses and speed: python scripts/bench_typos.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.typo_eval import (
    DOCUMENT_SETS,
    HELDOUT,
    LATER_WRITERS,
    evaluate,
    in_documents,
    load,
    load_paragraphs,
    paragraph_alarms,
    whole_documents,
)

# measured 2026-12-06 (found / total): 33/38, 39/53, 31/39, 41/43 with the language model (checker/langmodel.py;
# 33/38, 37/53 before), the floors raised to them; 29/38, 34/53, 30/39, 41/43 with a near-identical twin that makes no
# word as written held to threshold_twin (29/38, 30/53, 30/39, 41/43 before);
# measured 2026-12-05: 21/38, 25/53, 27/39, 41/43 with two characters of a formulation written as
# a same-sounding word of the list; 20/38, 25/53, 27/39, 41/43 with a look-alike of shapes.yml written in a
# character rare in the words of the list (rare_char) believed like a same-sounding one; 20/38, 22/53, 27/39, 41/43 with the formulation matcher
# (checker/engine.js ruleFormulas, ruleFourFormulas); 20/38, 21/53, 26/39, 31/43 with a swap of two characters
# into a two-character word held to the bar of a same-sounding character; 20/38, 21/53, 24/39,
# 31/43 with no penalty for a doubled or swapped character (the one candidate of its place); 19/38, 21/53, 22/39, 31/43 with the confusion pairs
# (typo-pair), the formulations of the vocabulary and two-character corrections from 16; before
# those: 13/38, 16/53, 22/39, 20/43; the main engine before the context rule: 10/38, 3/53, 6/39, 10/43
FLOORS = {"homophone": 0.86, "lookalike": 0.73, "missing_doubled_transposed": 0.79, "formulation": 0.95}
# two-character corrections from 16 (was 19) raise one finding away from the error in the error
# sentences (a sound-alike scored 18); the clean sentences stay at 0
STRAY = 1


def test_eval_set_is_as_written():
    sentences = load()
    kinds = [s["kind"] for s in sentences]
    assert len(sentences) == 261 and kinds.count("clean") == 88
    for s in sentences:
        assert s["kind"] == "clean" or s["error"] in s["text"], s["id"]


def test_recall_per_kind_and_no_false_alarm(data):
    result = evaluate(load(), data)
    low = {k: (r, FLOORS[k]) for k, r in result["recall"].items() if r < FLOORS[k]}
    assert not low, (low, result["missed"])
    assert result["clean_alarms"] == 0, result["alarms"]
    assert result["stray_in_error_sentences"] <= STRAY


def test_bench_measures_other_settings_in_memory_only(data):
    """scripts/bench_typos.py --set: the context rule reads the changed settings, the compiled data keeps its own,
    and a setting the engine does not read as an integer stops with what to use."""
    import importlib.util

    from support import ROOT

    spec = importlib.util.spec_from_file_location("bench_typos", ROOT / "scripts" / "bench_typos.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    before = (data["typo"]["threshold_short"], data["typo"]["penalty"]["shape"])
    changed = bench.with_settings(data, ["threshold_short=12", "penalty.shape=3"])
    assert (changed["typo"]["threshold_short"], changed["typo"]["penalty"]["shape"]) == (12, 3)
    assert (data["typo"]["threshold_short"], data["typo"]["penalty"]["shape"]) == before
    assert changed["typo"]["words"] is data["typo"]["words"]  # the word list is shared, not copied
    for bad in ("min_freq=10", "names=1", "threshold_short=low", "penalty.other=1"):
        with pytest.raises(SystemExit, match="threshold_short, threshold_short_alike"):
            bench.with_settings(data, [bad])


# A second writer's correct paragraphs (tests/data/typo-heldout.yml), measured 2026-12-05: 19 warnings
# on main 1768ba8; 10 (4 on the developer's half, 6 held out) with rare idioms kept whole, measure words
# after numerals left alone and doubled characters that are two words. No finding at severity error.
HELDOUT_WARNINGS = {"dev": 3, "held": 3}  # held 3 with a rare character chosen by sound costing more (粽叶); dev 3 with across_bar


def test_second_writers_correct_text_raises_no_error_and_no_more_warnings(data):
    """What the 报告体检 page calls an error (错误) is never raised on the second writer's correct text;
    its warnings (请核对) there may only fall."""
    result = paragraph_alarms(load_paragraphs(), data)
    assert sum(result[h]["chars"] for h in ("dev", "held")) == 13561
    assert result["dev"]["error"] == result["held"]["error"] == 0, result["findings"]
    for h, most in HELDOUT_WARNINGS.items():
        assert result[h]["warning"] <= most, (h, result["findings"])
    sentences = load(HELDOUT)
    assert len(sentences) == 116 and all(s["error"] in s["text"] for s in sentences)


# Later writers' sets (support.typo_eval.LATER_WRITERS), each by its ordinal: (characters of correct text, error
# sentences, most warnings, most errors). No finding at severity error on their correct paragraphs; warnings may only fall.
# Third: 9 warnings when first run (main af0be17), 8 since 粽叶 is no 中叶, 7 since 常用字字形 is no
# doubling, 6 since a character that makes a word beside it needs across_bar.
# Fourth: first run on main 12a4ce5 gave 2 errors (a preposition after a term read as its last
# character, 志愿服务以…; 落细落小, a right phrase one character from 落细落实) and 7 warnings; no error
# since, and 4 warnings since across_bar (带零钱, 以签到表).
# Fifth (written 2026-12-05 21:22, eighth session): first run on main c46129c gave 0 errors and 3 warnings,
# and homophones 13/36, look-alikes 16/36, missing/doubled/swapped 14/36, formulations 20/36; after the
# word-pair evidence (lm1, built without it) the same warnings and 15/36, 18/36, 14/36, 20/36.
# Sixth (written 2026-12-05 23:54, ninth session): first run on main 9aa5f11 gave 2 errors and 14 warnings
# in 9,438 characters (16.95 per 10,000), and 19/36, 20/36, 13/36, 30/36. The lead read those findings
# (not the error sentences) and fixed three causes (区委 at a term's edge, a place name written again, a
# coined word in a quoted name) and a cue (老旧设施): 1 error (以诚立业 read as 成立) and 11 warnings; an
# error needs the pair evidence to agree since: 0 errors and 12 warnings.
# Seventh (written 2026-12-06 02:19, tenth session): first run on main bbd33ae gave 1 error (党史教育馆
# read as 党员教育) and 3 warnings in 11,041 characters, and 14/36, 20/36, 16/36, 23/36. The lead read those
# findings (not the error sentences) and fixed three causes: a look-alike by strokes alone that makes a word
# with its neighbour is a warning at most in the near-miss rule; a swap needs the pair evidence's support
# (普惠 read as 惠普); no character is taken for missing inside a second-tier word (少先队). 0 errors and 2
# warnings since, the same recall; the third writer's paragraphs 6 -> 5 warnings with the swap floor,
# and 6 again with the 的/地/得 rule counted (气韵生动的写意花鸟 read as 生动地).
# Eighth (written 2026-12-06 03:23, tenth session, after every change of that session but the last
# review's): first run on main 08da458 gave 0 errors and 4 warnings in 11,079 characters (回报 after
# 作风 read by the cue 作 of 作汇报, “悦读” in a quoted name, 网格吹哨 against 网格员, 义诊义剪 read as
# 正义 by a near sound), and 16/36, 19/36, 15/36, 26/36; on the session's start (bbd33ae) the same
# warnings and 16/36, 19/36, 13/36, 26/36. Later the same session, one cause of those warnings was
# fixed in general (a cue of one character inside a word beside it, 作 of 作风, is no cue): 3 warnings.
# Ninth (written 2026-12-06 04:42, eleventh session, for it): first run on main 388a746, before anything of
# that session was merged, gave 0 errors and 5 warnings in 10,110 characters, and 18/36, 20/36, 15/36,
# 28/36. It steered nothing: every change of the session was measured on it once more before merging
# (19/36, 26/36, 18/36, 30/36 and 4 warnings at its end), and one pair (事迹/实际) was left out when its
# paragraphs' alarms showed it.
# Tenth (written 2026-12-06 06:39, twelfth session, for it): first run on main 7b6a33b, before anything of
# that session was merged, gave 0 errors and 3 warnings in 10,999 characters, and 20/36, 21/36, 23/36, 33/36.
# Like the ninth, it steered nothing: each change was measured on it once more before merging.
# Thirteenth session, second round (paired verbs, titles, 社工 …): 1, 1, 1, 2 warnings fewer on the third, fourth,
# fifth and ninth writers' paragraphs, none lost anywhere.
# Twelfth session: a character put in never takes a common word apart, a clause in parallel with its
# neighbour keeps its own words, a unit's last character said again before its title is no doubling, and
# words of community work (纠治, 民宗局, 悦读 …): 2, 1, 1, 4, 0, 2, 1 warnings fewer on the third to
# ninth writers' paragraphs (the counts below), one fewer on the tenth's, no error sentence lost.
# Eleventh (written 2026-12-06 09:16, thirteenth session, in six new voices: 退役军人服务站, 妇联, 平安办,
# 校外辅导员, 应急科普, 总工会): first run on main 9e71148, before anything of that session was merged, gave
# 0 errors and 3 warnings in 9,913 characters, and 24/36, 25/36, 18/36, 31/36. It steers nothing.
# Twelfth (written 2026-12-06 09:57, thirteenth session, after that session's first two rounds; six more voices:
# 述职评议, 移风易俗, 全民健身, 社区春晚, 枫桥式调解, 中心组 study plan): on the session's start 9e71148, 0 errors and 2
# warnings in 11,162 characters, 23/36, 28/36, 23/36, 16/36; first run on the session's work (ins13c), the same
# paragraphs and 24/36, 28/36, 23/36, 16/36. It steers nothing.
# Thirteenth (written 2026-12-06 12:17, fourteenth session, in six new voices, look-alikes as OCR and handwriting
# give them: 平安建设, 老年协会, a scanned 档案室 text, 暑期托管, 背街小巷 整治, 2027 工作要点): first run on the
# session's start a295f28, 0 errors and 3 warnings in 10,530 characters, 24/36, 22/36, 17/36, 32/36; on its end
# 79cd04d the same paragraphs and 24/36, 24/36, 17/36, 32/36. Fourteenth (written 13:42, six more: 新就业形态,
# 心理健康, 食品安全, 国学讲堂, 网信, 党员教育 plan): on a295f28 0 errors and 3 warnings in 10,862 characters, 22/36,
# 20/36, 13/36, 28/36; on 79cd04d the same paragraphs and 22/36, 21/36, 13/36, 28/36. They steer nothing.
# Fifteenth (written 2026-12-06 15:16, fifteenth session, six more voices: 统战, 老年大学, 人大代表联络站, 妇女儿童之家,
# 文旅 plan, a retired cadre's 宣讲稿), run once on the session's work before the language model (2b5a0d1's typo
# rules): 0 errors and 5 warnings in 9,902 characters, 25/36, 24/36, 23/36 (missing 5 of 12, doubled 11, swapped
# 7), 35/36; with it (d21b85a): 26/36, 25/36, 23/36, 35/36, the same paragraphs. Its paragraphs' warnings were read
# and their causes fixed (逢雨必淹 a frame; 适儿化, 以文塑旅, 以旅彰文, 传艺): 1 left (来讲讲 as 讲 doubled).
# Sixteenth (written 2026-12-06 16:18, six more voices: 公众号推文, 文明实践站 月报, 责任制 自查, 暑期思政, a 1990s 大事记
# typed from a scan, 2027 工作要点), run once on the session's start a264259 and its end 3a65f82: 21, 21, 16, 26 ->
# 25, 23, 17, 27 of 36 (missing 1 of 12, doubled 7, swapped 9); 10 warnings in 11,411 characters of correct
# paragraphs both times, read and their causes fixed (街道工委, the older name of 街道党工委; 手账): 1 left (发展变化的
# 生动故事 read as 地).
# Seventeenth (written 2026-12-06 17:04, sixteenth session, six more voices: a 年度总结 dictated by voice input, a
# retired teacher's 宣讲稿, a grid worker's 民情日志, a 风险研判 report, a 文体队 summary, a 述责述廉 report), run once on
# the session's start d0811fc and on 27fb8cb: 21, 29, 19, 33 of 36 both times (missing 1 of 12, doubled 9, swapped
# 9); 1 warning in 10,629 characters of correct paragraphs both times, read and its cause fixed (提出的很多目标: a
# quantity before what it counts is no complement of 得).
# Eighteenth (written 2026-12-06 17:43, six more voices: 信访 and 综治, 退役军人服务站, 老年协会, 两新组织, 儿童之家 and
# 妇联, a 机关 branch's 主题党日), run once on the session's start d0811fc and on b8e3f46: 20, 20, 19, 33 of 36 both
# times (missing 1 of 12, doubled 10, swapped 8); 2 warnings in 10,128 characters of correct paragraphs both times,
# read and their causes fixed (八十九岁 as 十八九: no swap of two numerals; 到会).
# Nineteenth (written 2026-12-06 19:39, seventeenth session, six more voices: 城市更新 专干, 物业 指导员, 应急 and 消防
# 干事, 爱国卫生 联络员, 文化站 站长, a 社区 党委 责任制 自查), run once on the session's start b1e24b9: 24, 29, 22, 32 of
# 36 (missing 1 of 12, doubled 12, swapped 9); 4 warnings in 10,220 characters of correct paragraphs, read and their
# causes fixed (雨污分流, 病媒生物防制 in the vocabulary, 控油限盐, 乐享).
# Twentieth (written 2026-12-06 20:11, six more voices: 统战 干事, a 网格长's hurried 民情 日志, 网信 and 舆情 专干, 禁毒 and
# 反诈 宣传员, a retired member's 宣讲稿, a 党工委 office's 2027 要点), run once on b1e24b9, 8c6b75c and with the language
# model's veto: 22, 25, 19, 33 of 36 each time (missing 0 of 12, doubled 10, swapped 9); no finding in 10,645 characters
# of correct paragraphs.
# Twenty-first (written 2026-12-06 20:56, six more voices: a 村改居 社区 书记, a 老干部 专干, a 新就业群体 党建 指导员, a
# 中学 德育 teacher, a 文明办 干事's 迎检 自查, a 志愿服务站 站长 typing on a phone), run once on b1e24b9 and on 26314fd:
# 18, 24, 17, 29 of 36 both times (missing 0 of 12, doubled 9, swapped 8); 5 and 4 warnings in 11,050 characters of
# correct paragraphs, read and their causes fixed (稻渔, 说道说道, 家校社, 槐荫).
# Twenty-second (written 2026-12-06 22:05, eighteenth session: 诚信建设, 两新组织 (商圈, 楼宇, 市场, 物流园), 新就业群体),
# run once on the session's start de58212: 24, 25, 18, 32 of 36 (missing 0 of 12, doubled 9, swapped 9); 2 warnings in
# 10,745 characters of correct paragraphs, read and their causes fixed (惠企; 企业反映强烈: 企业 and the other
# subjects who report are cues of 反映).
# Twenty-third (written 2026-12-06 22:21, eighteenth session: 生态环保 and 文明城市创建, six voices: a 河长办 干事, a 城管
# 中队 队员, a 物业 经理, a 创文办 干事 in a hurry, a retired teacher, a 社区 书记), run once on de58212 and on 3c263bf: 19,
# 24, 14, 31 of 36 both times (missing 1 of 12, doubled 5, swapped 8); 9 warnings in 11,001 characters of correct
# paragraphs both times, read and their causes fixed (创文, read as 文创 eight times; 三六九等).
# Twenty-fourth (written 2026-12-06 22:35, eighteenth session: 工会 and 共青团 work, six voices: a 总工会 专干, a 园区 工会
# 主席, a 团工委 书记, a 青年 社工, a 劳模, a 快递站点 站长), run once on de58212 and on d8821f7: 24, 17, 15, 32 of 36, then
# 24, 16, 15, 32 (missing 0 of 12, doubled 8, swapped 7); the look-alike lost was traced by its counts to the place-name
# rule, which now keeps a character that also looks alike (17 again). 3 warnings in 10,958 characters of correct
# paragraphs both times, read and their causes fixed (桐溪站站长: a unit and its head; 应入尽入, a frame; 智造).
# Twenty-fifth (written 2026-12-06 22:47, eighteenth session: 就业创业服务 and 社会保障, six voices: a 社保所 worker, a 就业
# 服务站 专干, a 社区 书记, a 培训学校 校长, a 零工, a 人社 宣讲员), run once on de58212 and on 9d52fb1: 18, 27, 22, 34 of 36
# both times (missing 1 of 12, doubled 11, swapped 10); 7 and 6 warnings in 10,493 characters of correct paragraphs,
# read and their causes fixed (锦程汽修: a firm's name before what it is; 参保扩面, 钣金, 巴适, 卫健).
# Twenty-sixth (written 2026-12-06 22:59, eighteenth session, after its last engine change: 社会组织, 社工站, 慈善, 志愿服务),
# run once on 38e9bbd and on de58212: 15, 24, 20, 32 of 36 both times (missing 2 of 12, doubled 9, swapped 9); 5
# warnings in 10,686 characters of correct paragraphs both times, read and 3 of their causes fixed (补填, 专账, 兜底方).
# Left: “鹭洲夜跑团” (twice) as 昼夜.
# Twenty-seventh (written 2026-12-07 00:21, nineteenth session: 物业管理, 老旧小区改造, 加装电梯, 业委会), run once on 1ef56c9:
# 18, 24, 21, 31 of 36 (missing 1 of 12, doubled 10, swapped 10); 5 warnings in 9,792 characters of correct paragraphs,
# read and their causes fixed (洇水, 夹胶, 真石漆, 相结合, 精细管理).
# Twenty-eighth (written 2026-12-07 00:23, nineteenth session: 基层协商民主, 民生实事), run once on 1ef56c9: 16, 30, 16, 29 of
# 36 (missing 0 of 12, doubled 8, swapped 8); 8 warnings in 10,730 characters of correct paragraphs, read and their
# causes fixed (渔湾社区 as 渔港 seven times: a place's last character read as a look-alike by strokes; 一件建议 as 意见建议:
# a measure word after a numeral). Left: 渔湾码头 as 渔港, the name without what it names.
# Twenty-ninth (written 2026-12-07 00:39, nineteenth session: 应急管理, 防汛防台, 安全生产), run once on 18a2a04 and on
# 1ef56c9: 21, 21, 16, 32 of 36 both times (missing 0 of 12, doubled 8, swapped 8); 2 warnings in 9,466 characters of
# correct paragraphs on 18a2a04 (4 on 1ef56c9: its 社区 渔湾 read as 渔港, which 18a2a04 had fixed on the twenty-eighth),
# read and their causes fixed (苫布, 挪走).
# Thirtieth (written 2026-12-07 00:39, nineteenth session: 新时代文明实践, 理论宣讲), run once on 18a2a04 and on 1ef56c9: 24,
# 29, 17, 34 of 36 both times (missing 1 of 12, doubled 7, swapped 9); no finding in 9,577 characters of correct paragraphs.
# Thirty-first (written 2026-12-07 00:54, nineteenth session: 党建引领基层治理, 组织生活), run once on cdde9d1 and on 1ef56c9:
# 17, 22, 18, 33 of 36 both times (missing 0 of 12, doubled 10, swapped 8); 3 warnings in 9,443 characters of correct
# paragraphs both times, read and their causes fixed (柳浪, 流动党员). Left: “挂牌多、亮绩少” as 极少.
# Thirty-second (written 2026-12-07 00:54, nineteenth session: 意识形态工作责任制), run once on cdde9d1 and on 1ef56c9: 15, 25,
# 18, 33 of 36 both times (missing 2 of 12, doubled 6, swapped 10); 5 warnings in 10,493 characters of correct paragraphs
# both times, read and their causes fixed (少先队队旗, a frame; 红哨; 政治表述不规范: a cue negated after a gap is none).
# Left: 发现系桐荫里小区 as 系统 (a word that begins before a place name stays read), 网格舆情 as 网络舆情.
# Thirty-third (written 2026-12-07 01:07, nineteenth session: 群众文化, 文化惠民), run once on 41f695f and on 1ef56c9: 22, 26,
# 16, 33 of 36 both times (missing 1 of 12, doubled 8, swapped 7); 4 warnings in 10,149 characters of correct paragraphs
# both times, read and their causes fixed (甩法, 甩水袖; 早早, an adverbial said twice). Left: 可以多用用数字化手段 as 用 doubled.
# Thirty-fourth (written 2026-12-07 01:06, nineteenth session: 民政, 养老服务), run once on 41f695f and on 1ef56c9: 18, 23, 22,
# 29 of 36 both times (missing 1 of 12, doubled 10, swapped 11); 2 warnings in 9,480 characters of correct paragraphs both
# times, read and their causes fixed (不到二十人: 人 after a term's numerals is a count, no 二十大; 如某社区: 某 before a unit,
# a frame).
# Thirty-fifth (written 2026-12-07 01:24, nineteenth session, after its last change to the engine's rules: 关心下一代), run
# once on 3c08aa8 and on 1ef56c9: 23, 25, 24, 31 of 36 both times (missing 2 of 12, doubled 12, swapped 10); 2 warnings in
# 9,528 characters of correct paragraphs on 3c08aa8 (3 on 1ef56c9), read and their causes fixed (跟我遇到的一模一样: a word
# of comparison after 的 is no complement; 校社联动).
# Thirty-sixth (written 2026-12-07 01:24, after the same change: 宣传思想工作 as a whole), run once on 3c08aa8 and on 1ef56c9:
# 24, 30, 26, 34 of 36 both times (missing 4 of 12, doubled 11, swapped 11); 4 warnings in 9,704 characters of correct
# paragraphs both times, read and their causes fixed (个别楼栋公告栏: cues of 楼栋; 长案, 童语). Left: “枫语”百姓宣讲团 as 标语.
# Thirty-seventh (written 2026-12-07 01:38, nineteenth session, after its last commit then: 统计调查), run once on 90cb14f
# and on 1ef56c9: 20, 24, 21, 29 of 36 both times (missing 0 of 12, doubled 11, swapped 10); 4 warnings in 9,413 characters
# of correct paragraphs on 90cb14f (5 on 1ef56c9), read and their causes fixed (调取, 统计法, 统计数据; 看着看着, a frame).
# Thirty-eighth (written 2026-12-07 01:36, after the same commit: 新闻宣传, 舆论引导), run once on 90cb14f and on 1ef56c9: 21,
# 24, 16, 34 of 36 both times (missing 1 of 12, doubled 7, swapped 8); 3 warnings in 9,489 characters of correct
# paragraphs on 90cb14f (8 on 1ef56c9), read and left: 桂荫社区 as 桂花 (twice: 荫 ends no names of places, place_ends),
# 《荷塘清趣》 as 情趣 (a title's characters after its first two).
LATER = {"third": (13308, 130, 3, 0), "fourth": (13132, 143, 2, 0), "fifth": (11190, 144, 1, 0),
         "sixth": (9438, 144, 7, 0), "seventh": (11041, 144, 1, 0),
         "eighth": (11079, 144, 0, 0), "ninth": (10110, 144, 0, 0),
         "tenth": (10999, 144, 0, 0), "eleventh": (9913, 144, 1, 0),
         "twelfth": (11162, 144, 1, 0), "thirteenth": (10530, 144, 0, 0),
         "fourteenth": (10862, 144, 1, 0), "fifteenth": (9902, 144, 1, 0),
         "sixteenth": (11411, 144, 1, 0), "seventeenth": (10629, 144, 0, 0),
         "eighteenth": (10128, 144, 0, 0), "nineteenth": (10220, 144, 0, 0),
         "twentieth": (10645, 144, 0, 0),
         "twenty-first": (11050, 144, 0, 0), "twenty-second": (10745, 144, 0, 0),
         "twenty-third": (11001, 144, 0, 0),
         "twenty-fourth": (10958, 144, 0, 0), "twenty-fifth": (10493, 144, 0, 0),
         "twenty-sixth": (10686, 144, 2, 0), "twenty-seventh": (9792, 144, 0, 0),
         "twenty-eighth": (10730, 144, 1, 0), "twenty-ninth": (9466, 144, 0, 0),
         "thirtieth": (9577, 144, 0, 0), "thirty-first": (9443, 144, 1, 0),
         "thirty-second": (10493, 144, 2, 0), "thirty-third": (10149, 144, 1, 0),
         "thirty-fourth": (9480, 144, 0, 0), "thirty-fifth": (9528, 144, 0, 0),
         "thirty-sixth": (9704, 144, 1, 0), "thirty-seventh": (9413, 144, 0, 0),
         "thirty-eighth": (9489, 144, 3, 0)}


@pytest.mark.parametrize("writer", LATER_WRITERS)
def test_later_writers_correct_text_raises_no_error_and_no_more_warnings(writer, data):
    path = LATER_WRITERS[writer]
    chars, errors, most, most_errors = LATER[writer]  # a writer's set without its limits here fails
    paragraphs = load_paragraphs(path)
    result = paragraph_alarms(paragraphs, data)
    assert sum(len(p["text"]) for p in paragraphs) == chars
    assert result["dev"]["error"] + result["held"]["error"] <= most_errors, result["findings"]
    assert result["dev"]["warning"] + result["held"]["warning"] <= most, result["findings"]
    sentences = load(path)
    assert len(sentences) == errors and all(s["error"] in s["text"] for s in sentences)


# Corpora of correct community text written for the twelfth and thirteenth sessions by writers who had not seen the
# checker, whose findings' causes that session fixed: (file, paragraphs, characters, most warnings). Never
# an error; warnings may only fall.
# community (tests/data/clean-community.yml): the everyday topics of the work (垃圾分类, 反诈, 禁毒, 助餐,
# 议事, 健身 …): 27 warnings on main 7b6a33b, 5 once their causes were fixed, 4 with the voices corpus's
# (a word a character put in would take apart, a word across a term's edge, a shorter phrase of its own,
# a cue of both sides, words of the work).
# voices (tests/data/clean-voices.yml): six voices, colloquial ones among them: 31 findings on 7b6a33b,
# 22 when first run on the twelfth session's main, 1 once their causes were fixed (forms said twice on
# purpose, names with 小, 老 or a form of address, a rare character picked for a quoted name …).
# services (tests/data/clean-services.yml): six more voices (妇联, 双拥, culture volunteers quoting classics,
# 城管, the self-inspection, a doctor): 24 on 7b6a33b, 16 when first run after the two rounds above, 4 once
# their causes were fixed (a quotation of classical Chinese, a quoted name written twice, 隆重的欢送仪式 …).
# daily (tests/data/clean-daily.yml): six more (述职, 民情日记, 文明城市, an old people's university, 应急, a youth
# volunteer's posts): 28 on 7b6a33b, 17 when first run after the three rounds above, 8 once their causes were
# fixed (an adverb said twice, a verb around 一, 出勤率 …).
# families (tests/data/clean-families.yml): six more (中心组, a 楼栋长, 儿童之家, 新就业群体, 家风 talks, a canteen):
# 21 on 7b6a33b, 13 when first run after the four rounds above, 6 once their causes were fixed (a series'
# items alike at one place, an idiom's characters said again, 出身于, 厨余 …).
# neighbours (tests/data/clean-neighbours.yml): six more (党建, a mediator, 助残, 文化站, study notes, 物业):
# 25 on 7b6a33b, 13 when first run after the five rounds above, 2 once their causes were fixed (a measure
# word after a numeral, an estate's name before 苑, a saying quoted whole …).
# care (tests/data/clean-care.yml, thirteenth session): six more (健康教育, 儿童之家 and 托育, 市场监管, 新就业群体
# 党建, an older member's memories, 居民说事 minutes): 14 on main 9e71148 when first run after the six rounds
# above (4.5 per 10,000 characters), 0 once their causes were fixed (a year written digit by digit, a
# place name's rare character, a modal verb after 的, 转介, 暑托 …).
# culture (tests/data/clean-culture.yml, thirteenth session): six more (人大代表联络站, 禁毒 and 社区矫正 case notes,
# a choir's and a calligraphy club's diaries, 老旧小区改造 notices, a library's posts, 心理健康 talks): 13 when
# first run on aa1f37c, after the care corpus's round (4.8 per 10,000), 0 once their causes were fixed (a
# verb said twice with a character after it, 配齐配强; a title in 《》 read as a quoted name; an author before
# 的《; a numeral for 几; a classical quotation in the formulation matcher; 社工, 留痕, 专架 …).
# crafts (tests/data/clean-crafts.yml, thirteenth session): six more (城管 enforcement, 侨联, a craft workshop, a
# branch secretary's 述职 with self-criticism, an old people's association in a lively voice, a grid worker's
# terse diary): 21 when first run on the session's work after the two rounds above (6.8 per 10,000; 21 on
# 9e71148 too), 5 once their causes were fixed (a surname before 氏, verbs said twice before an object of three
# characters, sayings reports quote, cues of 报到 and 精力, 驶离, 首违不罚, 侨联 …). Left: 运砖, 男孩小杰, 右手稳剪,
# 吟起, 大大小小的活动.
# safety (tests/data/clean-safety.yml, thirteenth session): six more (军休 visits, 妇联 family education, gas and
# e-bike safety checks, 科普, a branch's 发展党员 notes, a young worker's lively diary): 9 when first run on 5cb723f
# after the rounds above (3.2 per 10,000), 0 once their causes were fixed (a measure word after 整, the oath's
# 我志愿, 钢瓶, 每隔, 月球仪, 墨香四溢, 创新发展, 晒晒太阳).
# services2 (tests/data/clean-services2.yml, thirteenth session): six more (民政, a traders' league, a reading
# volunteer, 征兵 and 国防教育, a sports team, the duty desk's notes): 14 when first run on 8ae419a (4.8 per
# 10,000), 6 once their causes were fixed (商圈, 役前, 育德, 警务室, 弃车, 浇浇水, 舒展舒展); 4 since jieba's people
# are never offered (fourteenth session: 沅芷 read as 李沅芷, twice); 3 since one of a character said twice is no
# slip for another (捡捡垃圾). Left: 因病未能 as an idiom, 蓼汀队队长, 小小的遮阳棚.
# youth (tests/data/clean-youth.yml, fourteenth session): six more (scams and 平安建设, an elders' college, economic
# statistics, owners' meetings, a crafts workshop, a youth league worker's posts): 18, one an error (走街串户 as
# 走街串巷), when first run on a295f28 (6.6 per 10,000), 5 once their causes were fixed (words such as 垫资, 卷款,
# 人户分离, 以会代训, 永字八法; 打打电话; kinship terms said twice, 大哥哥; cues of 反映 and 设施; weak evidence where
# a term as written is common words, 期中学习). Left: 乐享重阳 as 享乐, 直咽口水, 数居前三位, 人和事剪进去, 剪制.
# festivals (tests/data/clean-festivals.yml, fourteenth session): six more (组织生活会 records, a clinic's notes,
# 家风 stories, flood duty logs, festival plans, a retired teacher's essays): 21, one an error (织织围巾 as 组织),
# when first run on a295f28, 20 on f5268be (6.5 per 10,000), 2 once their causes were fixed (words such as 助行器,
# 双硫仑, 核报, 开泵; 填填表, 剪剪纸; one of a character said twice is no slip for another, saidTwiceAt: 晒晒自家,
# 织织围巾; 老郭家, 袁枚有诗云; 依赖 before 安眠药; no complement of 得 holds 的: 收到的最好的礼物; 独居老人 a word).
# Left: 时剪下来 as 时间, 厚积才能薄发 as 爆发.
# legal (tests/data/clean-legal.yml, fourteenth session): six more (a year-end 意识形态 summary, a grid worker's
# diary, a legal adviser's 以案释法 notes, a culture station, a volunteer station, an old member's memoir): 11 when
# first run on a295f28, 12 on 32849ef (4.5 per 10,000; the new one 没淹过 as 流过, a printed look-alike), 7 once
# their causes were fixed (举证, 意定监护, 拾得人, 连轴转; 家家门口). Left: 讲形势 beside 形式, 淹过, 因犯…罪,
# 紧急救助, 涉彩礼, 学折纸, 剪得多了.
# published (tests/data/clean-published.yml, fifteenth session): eight offices' summaries as they are published
# (平安建设, 民政, 城市管理, 退役军人, 党建, 应急管理, 工会妇联团工委, a residents' committee's 述职): 8 warnings, no
# error, when first run on a264259 (2.8 per 10,000), 4 once their causes were fixed (拆旧, 安委办, 按标施保, 这下).
# Left: 燃气安全整治, 社区书记 and 军人反映强烈 wanted as 政治, 书籍, 反应 by the word-pair evidence of their confusions
# (without it 8 error sentences fewer found for 3 findings fewer), 众人之议 as 之一.
# sent (tests/data/clean-sent.yml, fifteenth session, written at its end): what staff send and post (公众号推文, 政务信息,
# 纪要, 通知, 倡议书, 简报): 7 warnings, no error, on the session's start and end (2.5 per 10,000), 1 once their causes
# were fixed (人犬和谐, 餐余, 代代传, 楼门). Left: 消防安全的突出隐患 read as 地.
# formal (tests/data/clean-formal.yml, sixteenth session, written at its start): longer texts 街道 and 区 units publish
# or hand up (工作总结, 讲话稿, 党课, 调研报告, 经验交流, 事迹材料, 新闻稿, 述职述廉): 5 warnings, no error, on the
# session's start and end (1.8 per 10,000), none once their causes were fixed (看懂的内容 as 懂得, 发发稿, 豁得出来,
# 简办, 因时而变).
# summaries (tests/data/clean-summaries.yml, sixteenth session): the genre of this guide, as eight 街道 and 社区 write it
# (宣传思想工作 年度总结, 半年汇报, 责任制自查, 工作要点): 5 warnings, no error, on the session's start and on b8e3f46
# (1.9 per 10,000), none once their causes were fixed (业广惟勤, 案结事了, 稳稳的幸福: 的 for 地 is the particle rule's,
# 结对共学, 独居老教授).
# study (tests/data/clean-study.yml, sixteenth session): 理论学习 and 宣讲 material: 6 warnings, no error, on the same two
# (2.2 per 10,000), 1 once their causes were fixed (遵规守纪, 情节严重的要承担: 要 a modal, 生活的方方面面: a noun said
# AABB, 已结对). Left: 我来讲讲 as 讲 doubled.
# exemplars (tests/data/clean-exemplars.yml, sixteenth session): 先进典型 事迹材料 and 表彰 material: 18 findings, one an
# error (精文减会 as 精文简会), on the session's start and on 6c420bf (6.9 per 10,000), 2 once their causes were fixed
# (127 rarer surnames after 老 and 小: 老施, 老柏, 小芦, 老宓, 老卓; 精文减会, 刹车失灵, 旧衣, 墓前; 表示表示; 芄兰农贸市场;
# 最集中的; 有时间做志愿者). Left: 书读得多了 read as 读书 swapped, 送快递的年轻人多了 read as 得.
# customs (tests/data/clean-customs.yml, sixteenth session): 新闻稿 on crafts and customs: 16 findings, one an error
# (辟秽 as 避秽), on the session's start, 13 and that error on 755ab8b (5.8 and 4.7 per 10,000), 1 once their causes were fixed
# (thirteen words of crafts and customs: 扎染, 打坯, 砑光, 学戏, 晾面, 听书机, 剪成 …). Left: the rhyme 小孩小孩你别馋 read
# as a word said twice.
# An idiom X之Y read as a noun (seventeenth session) took youth 3 -> 2 and the ninth and thirteenth writers' paragraphs
# 1 -> 0 and 3 -> 2 (工作的重中之重 as 得); the limits follow.
# urban (tests/data/clean-urban.yml, seventeenth session, written at its start): working papers on 城市更新 and 民生实事
# (老旧小区改造, 物业, 爱国卫生, 消防 and 燃气, 防汛, 议事协商 minutes, 居民公约): 7 warnings, no error, on the session's
# start (2.7 per 10,000), 1 once their causes were fixed (薄抹灰, 持证上岗, 区水务局: the departments' short names,
# 病媒生物防制, 物业服务的重中之重: an idiom X之Y is a noun). Left: 共享停车车位 read as 车 doubled.
# unity (tests/data/clean-unity.yml, seventeenth session): 统战, 民族团结, 网信 and 舆情, 反诈, 禁毒, 侨联 papers: 8 warnings,
# no error, on b1e24b9 and 8c6b75c (3.0 per 10,000), 7 with the language model's veto (布幔 no 布满), 3 once their
# causes were fixed (归侨侨眷, 老楼; 安全、有序、平稳的工作目标: the verb before a series of adverbials decides). Left
# 4: the pun “新·心相印” (three paragraphs) read as 心心相印 missing a character, 芳汀苑 as 芳烃.
# rural (tests/data/clean-rural.yml, seventeenth session): 涉农 and 村改居 papers, 离退休 干部, 关工委: 18 warnings, no
# error, on b1e24b9 (6.1 per 10,000), 14 on 26314fd (the veto and this session's words), 2 once their causes were
# fixed (稻渔, 缺补, 缺株断垄, 茶垄, 机手, 飞防, 议事亭, 槐荫; 逐间 a frame; 老严, a surname; 防止 before 宣传工作 is no
# 防治: 工作 no cue of 防治; 突击整治). Left 3: “荇塘夜话” as 荷塘, 机仓 as 机场, 《土壤肥料实用手册》 as 使用 (the pair
# evidence; 手册 would be a cue of both sides, which usage.yml forbids).
# veterans (tests/data/clean-veterans.yml, eighteenth session, written at its start): 双拥, 退役军人服务站, 国防教育, 烈士
# 纪念设施, 社会救助 and 助残: 7 warnings, no error, on de58212 (2.5 per 10,000), 1 once their causes were fixed (基干民兵,
# 携笔从戎, 碑体; 回报组织的信任: 组织 a cue of 回报; 太实用了: 太, 最, 挺, 更 cues of 实用). Left: 每周入户访 as 入户走访.
# reading (tests/data/clean-reading.yml, eighteenth session, written at its start): 全民阅读 and 文化事业: 49 warnings, no
# error, on de58212 (17.6 per 10,000), 4 once their causes were fixed (a same-sounding character that makes a noun in a
# place name before 街道, 社区, 街 … is how the name is spelt: 青杉街道 as 青山 28 times, 糖坊街 as 街坊 9, and 书房 one of
# those words; 的最好回报 is no complement; 驿站 and other places are heads of compounds; 曲社社长; 绘本, 大字本, 工尺谱,
# 以文惠民, 蒸粉, 增寿). Left: “这犁我年轻时……” as 这里, 为邻里守住安宁 as 邻里守望, 这样的课能多开 as 可能, 保全工老冯 as 五老.
# duty (tests/data/clean-duty.yml, eighteenth session): 意识形态工作责任制 papers (自查, 述职, 专题报告, 研判纪要, 督查通报,
# 整改报告): 4 warnings, no error, on de58212 and on 3c263bf (1.4 per 10,000), none once their causes were fixed (慎报,
# 城乡接合部, 宣传屏, 点题; 城乡接合部 also took the twelfth writer's paragraphs 2 -> 1).
# sports (tests/data/clean-sports.yml, eighteenth session): 全民健身 and 夜经济: 10 warnings, no error, on de58212 and on
# d8821f7 (3.6 per 10,000), 1 once their causes were fixed (frames: 以赛促消, 主任任, “梧桐杯”, a unit's last character and its
# head's title, “石桥老铁”队队长; 计步, 工间操, 跳大绳, 减脂, 卫健). Left: 情节严重的取消经营资格 read as 地 (fixed in the nineteenth session: shops). The frames took
# services2 3 -> 2 (蓼汀队队长) and the eleventh, thirteenth and fourteenth writers' paragraphs 2 -> 1, 1 -> 0, 2 -> 1 (以学促干,
# 主任任组长); the limits follow.
# science (tests/data/clean-science.yml, eighteenth session): 科普 and 健康教育: 11 warnings, no error, on de58212 (4.0 per
# 10,000), 8 on 9d52fb1 (卫健), none once their causes were fixed (医防融合, 预检, 硝苯地平, 眼涩; 住宅楼楼道, a frame; 实施
# 高空救援 and 紧急救助免责: cues of 实施 and 救助, 紧急 no cue of 求助). 扩面 also took voices 1 -> 0 (团建扩面).
# digital (tests/data/clean-digital.yml, eighteenth session, written after its last engine change): 数字治理 and 智慧社区:
# 11 warnings, no error, on 38e9bbd (3.9 per 10,000), 41 on de58212 (14.5: the place-name rule took 28), 3 once their
# causes were fixed (城运中心; 数科 and 派出所 after a name; 实用导向). Left: 平安澜岸建设 as 南岸, 一屏观全域、一网管全城 as 一网统管,
# “晚上能停到……” as 能听.
# traffic (tests/data/clean-traffic.yml, eighteenth session, written after its last engine change): 交通安全 and 停车治理: 13
# warnings, no error, on 38e9bbd (4.7 per 10,000), 14 on de58212, none once their causes were fixed (换电, 人防, 技防, 物防,
# 防消结合, 工作原理; a 中队 before its head, a frame; “飞线”整治: a cue read through a closing quotation mark; 错峰时间).
# business (tests/data/clean-business.yml, eighteenth session, written after its last engine change): 楼宇经济 and 营商环境:
# 10 warnings, no error, on 7fb8016 (3.6 per 10,000), 1 once their causes were fixed (以商引商, a frame; 立面整治; 巷长, 减租减费,
# “税易贷”, 区投促中心). Left: 老旧楼宇实施电梯更新 as 设施 (老旧, a cue of 设施 two characters away; taken out, it read
# 推进老旧设施改造 as 实施).
# homes (tests/data/clean-homes.yml, eighteenth session, written after its last engine change): 婚姻家庭 and 妇女儿童: 15
# warnings, no error, on 7fb8016 (5.4 per 10,000), 14 once one cause was fixed (助视器). Left: its 街道 澄湖 read as 澄清
# 11 times (a look-alike by strokes that makes a verb: the place-name rule keeps such findings, and leaving look-alikes
# by strokes alone there lost a writer's look-alike), “鲜丰汇” as 咸丰 (twice), 把省下的钱 as 剩下, 五防触电 as 物防.
# The place-name rule took the tenth writer's paragraphs 2 -> 0 (蘋风社区, 蔚兰社区) and unity 4 -> 3 (芳汀苑); the limits
# follow. In the nineteenth session, a place's last character read as a look-alike by strokes (place_ends) took homes
# 14 -> 6 (澄湖 8 times).
# markets (tests/data/clean-markets.yml, nineteenth session): 食品安全 and 市场监管: 8 warnings, no error, on 1ef56c9 (2.9 per
# 10,000), 3 once their causes were fixed (制配, 互查, 食安员, 消保委), 2 since health's round (且未 as 且末, a county jieba
# lists as a common word). Left: 别气，别忍 as 别人 (情节严重的取消示范资格 as 地, as in sports, fixed since: shops).
# history (tests/data/clean-history.yml, nineteenth session): 地方文史 and 文物保护: 15 warnings, no error, on 1ef56c9 (5.5 per
# 10,000), 2 once their causes were fixed (南货店, 挡车工, 腌法, 錾子, 老药工). Left: 水闸闸房 as 闸 doubled (闸房 as a word read
# 水闸旁 as 闸房), 白气腾腾 as 杀气腾腾.
# health (tests/data/clean-health.yml, nineteenth session): 卫生健康: 9 findings, 2 of them errors (晨午检 as 晨午晚检), on
# 18a2a04 and on 1ef56c9 (3.3 per 10,000), none once their causes were fixed (晨午检, 缬沙坦, 横指, 起付线, 导视牌; 且 before a
# negation, a frame, which also took markets' 且未 3 -> 2; 的 before 占 and 宣传产品; 面对面的时间: 时间 no verb).
# online (tests/data/clean-online.yml, nineteenth session): 网络文明 and 网上舆论引导: 8 warnings, no error, on 18a2a04 and on
# 1ef56c9 (2.8 per 10,000), 2 once their causes were fixed (补植, 禁入, 厄贝沙坦, 强基提能; 不敢发声、不会发声: a confusable
# word written again in the next item of a series is no slip; written again anywhere in its sentence, it took legal's
# 紧急救助 and published's 燃气安全整治 too, but lost the habit of a writer's input method, 必需 for 必须 twice in one sentence).
# Left: 建好阵地、建优机制 as 建有, 统统一手掌握 as 统 doubled (jieba tags 统统 a noun).
# schools (tests/data/clean-schools.yml, nineteenth session): 教育 and 家校社协同: 7 warnings, no error, on cdde9d1 (2.5 per
# 10,000; 8 on 1ef56c9, one an error: 晨午检, which the health round had fixed), 2 once their causes were fixed (菜苗; 基层, a
# cue of 反映; 最爱的太极拳: 太 of a word of three is no degree adverb; 青槐纺织厂, a factory's name; 监管科科员, a frame). Left:
# 量质双升 as 质量 (量质 as a word lost a writer's swap on the nineteenth set), “大道理多、实用方法少” as 使用.
# grid (tests/data/clean-grid.yml, nineteenth session): 平安建设 and 网格化管理: 4 warnings, no error, on cdde9d1 and 1ef56c9 (1.4
# per 10,000), 2 once their causes were fixed (信访, a cue of 代办; 真正的快递理赔: 快递 no verb, which also took exemplars' 送快递
# 的年轻人多了, 1 -> 0). Left: 用水异常的自动推送 as 地, “以情入理” as 入情入理.
# green (tests/data/clean-green.yml, nineteenth session): 环境卫生 and 生态文明: 17 warnings, no error, on 41f695f and on 1ef56c9
# (6.1 per 10,000), 1 once their causes were fixed (in a quoted name, a swap beside a rare character is of the name: “鹭洲
# 绿屋”, 7 times; 减塑, 见缝插绿, 氯氰菊酯, 排口, 丢入, 桂香, 狐尾藻). Left: “过年过年，家里干干净净” as 过年 said twice.
# shops (tests/data/clean-shops.yml, nineteenth session): 便民生活圈 and 社区商业: 3 warnings, no error, on 41f695f (1.1 per
# 10,000; 6 on 1ef56c9), none once their causes were fixed (消费券; 情节严重 and the legal formulas like it as words, so that
# 情节严重的终止合作协议 keeps its 的, which also took sports 1 -> 0 and markets 2 -> 1).
# park (tests/data/clean-park.yml, nineteenth session, written after its last change to the engine's rules): 工业园区,
# 企业服务, 安全生产: 29 warnings, no error, on 3c08aa8 (10.3 per 10,000; 30 on 1ef56c9), 18 of them three names said many
# times; 1 once their causes were fixed (frames 一X多Y and 以X代Y: “一址多企” 9 times, 以工代训; firms' names before 纺织, 汽车
# …: 锦程纺织 4, 华屹汽车零部件 5; a worker's name after a trade, 车工小邓; cues 器材 of 展示, 厂房 of 整治; 扩产, 苯系物, 电芯,
# 工牌). Left: 搬运二甲苯桶时 as 同时.
# propaganda (tests/data/clean-propaganda.yml, nineteenth session, written after the same change): the 宣传思想工作 and
# 意识形态工作 papers this guide is for: 4 warnings, no error, on 3c08aa8 (1.5 per 10,000; 5 on 1ef56c9), 1 once their causes
# were fixed (学折、学剪、学刻: a series of items of two characters that begin alike, a frame; 保全工, which also took reading's
# 保全工老冯, 4 -> 3). Left: 报名截至12月20日 as 截止 (the cues of usage.yml are Chinese words; no date is one).
# civility (tests/data/clean-civility.yml, nineteenth session, written after its last commit then): 文明城市创建 and 测评迎检:
# 6 findings, one an error (巷规民约 as 村规民约), on 90cb14f (2.2 per 10,000; 7 on 1ef56c9), 1 once their causes were fixed
# (巷规民约, 居规民约, 巷邻, 不欠新账; cues 环境卫生, 死角 and 管线 of 整治). Left: 要制订计划 as 制定 (制订 has no cues of its own,
# and a cue may not serve both sides: macros/checks/checker.py).
# talks (tests/data/clean-talks.yml, nineteenth session, written after the same commit): 理论宣讲 scripts: 5 warnings, no
# error, on 90cb14f (1.9 per 10,000; 6 on 1ef56c9), 2 once their causes were fixed (a worker's name after any trade, 钢筋工小裘;
# 充场, 弦索). Left: 把健康知识宣讲同理论宣讲结合 as 宣讲员, 宴前 as 眼前.
# The language model's veto (lm_veto, seventeenth session) took crafts 6 -> 5, daily 5 -> 2, exemplars 2 -> 1, families
# 4 -> 3, festivals 3 -> 2, legal 7 -> 5, services 3 -> 2, youth 2 -> 1, and the eleventh to fourteenth writers'
# paragraphs 3 -> 2, 3 -> 2, 2 -> 1, 3 -> 2; the limits follow.
# Topic characters (topicChar, sixteenth session) took crafts 7 -> 6, families 5 -> 4, services 4 -> 3, youth 5 -> 3
# and published 4 -> 3 (稳剪, 事剪, 剪制, 捉猪, 织好, 众人之议); the limits follow.
# The language model (checker/langmodel.py, fifteenth session) raised three of these limits by one finding each, its
# false alarms left after the round on its first run (checker/EVALUATION.md): crafts 衣褶 as 衣着 and 挽住 as 抱住 (5 -> 7),
# festivals 传道受业 in a quotation of 韩愈 (2 -> 3), the twelfth writer's paragraphs 城乡接合部 as 结合部 (2 -> 3).
# The text's own words (ownWord, twentieth session) raised one: services 把事议明白 as 议事, which its paragraph writes
# twice (2 -> 3).
# A doubled character judged by its twin's word (twenty-second session: a term before it, 志愿者者, and a word after
# it that is none, 进行行再部署) raised two: culture 辖区区人大 as 辖区 (0 -> 1), youth 把笔记记了 as 笔记 (1 -> 2).
# volunteers and duty2 (tests/data/clean-volunteers.yml, clean-duty2.yml, twenty-third session, written after its last
# change to what the checker finds but one): 新时代文明实践 and 志愿服务 material, 4 warnings, no error, on 56b0b13; the
# papers of 意识形态工作责任制 and 网络舆情 work, 2. Once their causes were fixed (小桔灯, 聊闲天, 入袋, 抱犬, 群公告, 井道:
# words), 1 and 0. Left: 护理床床垫 as 床 doubled (the pair evidence's doubled characters read no split of the rule's).
# minutes and ledgers (clean-minutes.yml, clean-ledgers.yml, twenty-fourth session): meeting records and the prose of
# ledgers, 3 and 5 warnings as documents, no error, on their first run (2420402 and this session's first three fixes);
# once their causes were fixed (涉政, 入人心, 一屉: words; 作 before a modifier and what it makes: a frame; 实践所, 法治观念:
# cues of their own side), 1 and 1. Left: 逐部列明 as 逐步 (elevators counted, 部; the slip it reads is as likely),
# 办事多、诉求多 as 办事处 (多 a look-alike by strokes at the term's edge; 0 once such a look-alike at the edge of a term of
# three was as weak as a fuzzy sound there, later the same session).
# The same session's cues of the written side (usage.yml: 安全 before 整治, 社区 before 书记) and 强烈 no cue of 反应 took
# published 3 -> 0 (燃气安全整治 as 政治, 优秀社区书记 as 书籍, 退役军人反映强烈 as 反应).
# notices and speeches (clean-notices.yml, clean-speeches.yml, twenty-fourth session, written after its last change but
# one): 通知, 倡议书 and 温馨提示; what is said aloud and written down. 8 and 10 warnings as documents, no error, on their
# first run (77cfe3d); 3 and 3 once their causes were fixed (轿厢, 改织, 冻手, 大肠菌群, 除颤仪, 楼牌, 划花:
# words; 意思意思 said twice on purpose; 南塘二村 a place name; 石磨磨的, 笔记记了: a noun and the verb done with it;
# 网织得更密: the character before 得 and a degree adverb a frame; 办法 no verb). youth 2 -> 1 (笔记记了). Left: 拴放犬只
# as 放大 (犬只, a word of the guide's, made jieba's 大只, a look-alike of the second tier's 大足, a misspelling:
# tests/test_typo_base.py), 报名截止到 (a usage warning, as meant), 上门服务的安全规范 and 真正的考验 (的 read as 得, 地), 来讲讲 and 校校正 (a verb said twice),
# 打铜巷 as 铜像 in a paragraph that names it once (the suffix left alone too lost a writer's 专厂招聘会).
# stories (clean-stories.yml, 事迹材料 and 典型案例, written after the session's last change but one): 4 warnings on its first
# run (89936e5); 1 once their causes were fixed (竹匾 a word; 眨眨眼睛, 咕噜咕噜: forms said twice). Left: a rhyme about
# the look-alikes themselves (“开口己，半口已，封口就是巳”: 己 read as 已).
# formal2 (clean-formal2.yml, formal 情况汇报, 总结 and 要点 prose, written with stories): 2 warnings on its first run
# (88a98b3); 1 once 聚人心 was a word (二是聚人心 read as 凝聚人心). Left: 对……整改不及时的进行约谈 (的 read as 地).
# chats (clean-chats.yml, 居民群 and 公众号 posts, written after the session's last change but three): 14 warnings as
# documents on its first run (4b9d5e7), 4 once their causes were fixed (表箱, 整改单, 清走, 水开, 棚顶, 灯头, 免洗: words;
# 没事没事 said twice; 报名截至12月20日: a number right after 截至 is its cue; 不方便的请提前约: 请 after 的 asks those the
# phrase names). Left: 好好好 (a character said three times: taken as meant, it lost two slips of the later writers, a
# doubled character of a word already said twice), 没人认领 twice (as the idiom 无人认领: 没 and 无 share the rare reading
# mo), 轿厢门门锁 (门 doubled: 轿厢门 no word of the lists). propaganda 1 -> 0 (报名截至12月20日).
# oral (clean-oral.yml, 口述史 and 社区记忆 material, written with chats): 19 warnings as documents on its first run
# (2afa884), 10 once their causes were fixed (阻击战, 皱巴巴, 厂门, 檐尘, 捻接, 展陈: words; 二号楼楼下 and 审核会会议纪要:
# frames; 整夜整夜, 撑撑腰: said twice). Left: 社区史展 six times as 施展 (史展 as a word read 侨史展示角 in another corpus
# as 视角), 铁钉钉在 (a verb before 在 taken as meant lost a doubled character of the first writer's), 一按按钮, 老虎灶灶台
# (门 of 轿厢门门锁 again), 居民自制 as 自治 (居民自制 may be that slip).
# Twenty-fifth session: four corpora of formal papers written by helpers who had not seen the checker, each run once on
# e435d69 before any finding was read: dutyreports (述职报告, 述责述廉, 对照检查材料, 谈心谈话), research (调研报告,
# 经验材料), plans (工作要点, 实施方案, 应急预案, 考核细则), briefs (信息简报, 通讯, 专报): 4, 0, 10 and 5 warnings as
# documents (19 in 109,354 characters, 1.7 per 10,000). 2 once their causes were fixed (人字梯, 转报, 点单, 养犬户,
# 邻里情: words; 议议事, 亮个相: separable; 员于2027年, 老街至区高铁站, 在精准宣防上, 每年年中: frames; 正式协商, 发展实际,
# 相应突发事件, 响应处置, 自制腊肉: cues of the side written, and a word with a cue of its own is meant). Left: 代表提意见
# as 表达意见 (the formulation's first character ends 代表: passing over such a start lost two formulation slips of the
# later writers), 自……起试行 as 施行 (起 is a cue of both, which usage.yml refuses).
# Four more, written after those fixes, first run on 7502e75: rectify (整改方案 and 整改报告, 约谈, 专项整治), lectures
# (党课, 研讨发言, 主题党日), awards (表彰决定, 推荐材料, 颁奖词), pubculture (文化站, 书屋, 非遗, 文艺团队): 3, 3, 4 and 7
# warnings as documents (17 in 110,191 characters, 1.5 per 10,000); 3 once their causes were fixed (审读员, 廉情, 腥水,
# 聚起, 互道, 挑花, 鼓皮, 粮温: words; 传传话: separable; 政治任务, 报账制: cues; 关注度: 度 after a verb makes a noun; 请澄湖街道
# as 清澄: the model's look-alike makes no word with a place's name; 二十年攒下 as 十年窗下: a formulation that begins with a
# numeral is not read after another). Left: 惠家便民超市 as 回家, 《柳塘春早》 as 春旱, 改改错别字. Paragraph by paragraph
# (as here) a place's name written once is read alone: 杏坊社区 as 石坊 seven times, 澄湖 as 澄清 twice (a look-alike that
# makes a noun there is how 网洛社区 is misread, so it stays).
# Two more, first run on a99a414: logs (网格员日志, 走访和调解记录, 值班记录), credit (诚信建设: 承诺书, 红黑榜, 信用修复,
# 商户的话): 6 and 13 warnings as documents; 0 and 3 once their causes were fixed (锦程物业: 物业 ends a place's name; 浇得
# 水灵灵, 以旧充新: frames; 价签, 收衣, 月度: words; 12月月度: a number's 月 before a word; 算了算了; 当场补足: a cue; 把秤:
# a preposition alone before what it governs). Left: 检定 twice as 鉴定 (the word-pair evidence; 检定 as a side of
# usage.yml's 鉴定 read every 检定 of the markets corpus as 坚定), 再放一台小秤 as 小种 (words of 秤 made it a common
# character of the lists, and other corpora's 新秤, 旧秤 and 公秤 were read as slips).
# Two more, first run on 327c8ff: commentary (网评文章, 征文, 演讲稿, 读书心得), slogans (标语, 横幅, 主持词, 解说词): 8
# and 7 warnings as documents; 1 and 5 once their causes were fixed (积怨成仇: a word; 机修班班长: a frame; 收收费,
# 咕嘟咕嘟: said twice; 的 in 素不相识的邻居, 做的很多事, 作出新的更大贡献, 更多的闲置物品, 睡个觉的地方). Left: 阴冷阴冷的
# (an adjective said twice before 的), and the slogans' verse: 积分兑温暖, 一旦失火悔莫及, 正式开市 (as 开始), 愿我们的日子
# (as 我们的节日 short of 节: passing over a window whose last character begins a word lost a tuning formulation,
# 新时代文明践行站), 老旧小区实施综合改造 (改造 as a cue of 实施 read 设施改造 in eight other corpora and a writer's paragraphs as 实施).
# Twenty-sixth session, four more in the genre this guide is for, first run on eb62da4 as documents: plans2027 (2027
# 工作要点, 计划, 方案, 点单 menus) 1 error and 6 warnings, selfcheck (责任制 papers) 1, yearend (年终 and 半年 总结, 经验材料)
# 2 errors and 3 warnings, casework (舆情处置, 新闻通稿, 信用积分 rules, 诚信经营) 11: 1.9 per 10,000 in all. Now 0, 0, 0, 2.
# Their causes: words (凝心聚魂 and 文艺会演 had been errors: a formulation's and a term's sibling; 即予, 展墙, 退改, 蜜甜,
# 坑人, 拟写, 宣传办), cues (政治检验; 收费 before 实施; 工作 is no cue of 整治: 政治工作 is as usual), 人口 a head noun (登记在册的
# 流动人口), a store's name before 购物中心, 商场 or 商城, the second tier never offered for a place's name written once
# (丰禾购物中心 as 丰乐), and a series of three short clauses alike (面要实，秤要准，心要正). Left: 检定 twice, 摄影展展出;
# paragraph by paragraph, a name written once (青簪 as 青藏 twice, 北埠小学 as 北部 twice).
# One more, written after those fixes, first run on 3b78210: assess (考核自评, 迎检 汇报, 述职评议, 测评, 整改) 5
# warnings; none once their causes were fixed (建档立册 with 建档立卡, 栏子, 栏框: words; 同一 before 场次: a side with cues;
# 的扣1分: 扣 after 的 scores those the phrase names).
# Three more, written after that, first run on e075721: halfyear (半年 汇报 of eight 社区), infoposts (政务信息, 简报, 通讯),
# meetings2 (纪要, 例会, 研讨会, 座谈会) 6, 3 and 7 warnings as documents (1.9 per 10,000); 2, 0 and 2 once their causes
# were fixed (蚕农, 无星, 运砖, 到会率, 灯熄, 家伙什, 预警级: words; 登记登记, 反映反映; 石鼓巷巷口 and 工作作几点具体部署: frames;
# the near-miss rule leaves a term whose extra character begins a word running past it, 组织生活到会率). Left: 木质账台
# (账台 is the slip writers make of 台账), 不合适 as 核实 (不 as a cue read 不核实 as 合适), 来讲讲, 在青桐这一片 as 青铜;
# paragraph by paragraph, 驿前社区 as 以前, 河埠能 as 不能, 对纺 as 对方 twice.
# Four more, written after that, first run on 2d51e6e: theory2 (中心组 学习, 心得体会, 微宣讲), network (网评员, 居民群, 辟谣),
# culture3 (文化站, 非遗, 书房), civic2 (文明实践所 and 站, 志愿服务项目, 时间银行) 5, 3, 5 and 3 warnings as documents (1.5 per
# 10,000); 0, 0, 2 and 1 once their causes were fixed (拖久, 咸货, 网情, 淹过, 群规, 共设, 传习, 副书记: words; 接单接单;
# 有规矩可依 and 没存过: frames; 新建社区: 社区 a head noun; the near-miss rule leaves a term whose extra character begins a
# word of three, 党组织副书记, and one whose both edges belong to words outside it, 其中新组建). Left: 推进设施提升 as 实施
# (提升 as a cue of 设施 would read 实施提升行动 as 设施), 竹坞等站 as 均等 (a name with no suffix). 来讲讲, left in four
# corpora and a writer's paragraphs, is now a frame: 来 or 去 and a verb of one character said twice (来讲讲, 去看看).
# One more, written after that, first run on f4cf6e3: summary2 (three 街道's year-end summaries) 2 errors and 6 warnings
# as documents; none once their causes were fixed (城乡结合部 had been an error: 城乡接合部, a word of context.yml, was a
# formulation too; 自拟, 商街: words; 东坝文化礼堂: 文化礼堂 ends a place's name; 菜咸了淡了: a frame). Paragraph by paragraph,
# 打铜巷 as 铜像 four times (a name written once, as before).
# Two more, first run on 89c4ad1: plans2 (2027 plans of six 社区 and two 街道) 2 warnings, speeches2 (speeches and
# remarks) 1 error and 7 warnings; 1 and 2 once their causes were fixed (含糊其词 with 含糊其辞, 半页, 有位: words; 表个态;
# 老机修厂厂房 and 心要热: frames, and the pair evidence's doubled characters now carry their place, so a frame holds for them;
# 几十年攒下: 几 before a number's formulation). Left: 办十桌 as 办事, 不准确的表述9处 (的 as 地: a count after 表述 reads as
# its object), 来逛的年轻人多 (的 as 得).
# One more, first run on e7d6b10: topical (专题 汇报 to the 区委宣传部) 5 warnings; 1 once their causes were fixed (包案: a
# word; 不敢 a cue of 发声; 一搬就跑 and 检定 of a scale or before 合格, 结果, 证书, 周期: frames, which also removed the 检定 left
# in casework and credit). Left: 反映整治影响经营 as 政治 (the word-pair evidence).
# Four more, the session's last, first run on f8a5388: exchange (经验交流, 典型案例), review (组织生活会, 民主评议), letters
# (一封信, 倡议书, 感谢信), figures (统计, 问卷, 经费) 3, 1 error and 5, 6 and 5 warnings as documents; 0, 0, 1 and 4 once their
# causes were fixed (words; 指点指点; a surname before 叔, 姨, 伯 or 婶; 子女 a cue of 接收, 海报 of 主题). Left: 得到回复 as 恢复,
# 补足 twice as 不足, 文明实践动态 twice as the term 文明实践活动 short of 活.
# Twenty-seventh session, four more of the genre, first run on 33c5081 as documents: debriefs (述职述责述廉, 民主评议,
# 对照检查), projects (项目申报书, 结项报告), judgement (意识形态 研判, 阵地 inspections), campaigns (活动方案, 倡议书, 主持词)
# 3, 10, 4 and 3 warnings (20 on 111,070 characters, 1.8 per 10,000); 1, 2, 1 and 1 once their causes were fixed (words;
# 逐 before 题 or 季, 自 before a number: frames; 志愿服务中心 ends a name; 形式, 载体, 折页 head nouns and 费 no object of
# the 的/地/得 rule; a term short of a character after 的 where a word runs on from the next: shortReadsAsWritten). Left: 但支部 as
# 党支部, 实践报告 as 事件, 规范实用 as 使用, 书太旧了 as 太白, 事请社区 as 事情.
# Four more, first run on 5c2a3c5: training (业务培训), interviews (走访记录, 民情日记), inspection (督查通报, 整改), scripts
# (短视频 and 直播 scripts, 解说词) 8, 7, 5 and 13 (1 error: 孝亲敬长 as 孝亲敬老) as documents (33 on 109,106 characters, 3.0
# per 10,000); 7, 1, 4 and 1 once their causes were fixed (words; 麻 a rarer surname; a separable verb's object put
# before it with 把; 时间 a head noun, 最后 a word of order; 方向 a cue of 政治). Left: the word-pair evidence and usage cues
# across a gap in training (实事, 回复, 恢复, 通讯, 时间: narrowing the gaps, or taking no cue across a word, lost tuning
# homophones and raised as many elsewhere), 笔记记扎实, 网格管着, “一销了之”, 仅因 twice, 单纯的补录遗漏, 时令素菜.
# Four more, first run on 0c58f17: elders (老年 work), housing (物业, 业委会), youthwork (青少年 work), enterprises (两新组织
# in 楼宇 and 商圈) 4, 15, 8 and 18 warnings as documents (45 on 109,825 characters, 4.1 per 10,000; 14 of them one
# building's name, 星港中心); 3, 4, 4 and 2 once their causes were fixed (words; 中心 ends a building's name; 问问题 after
# no 的; 好多好多; 车棚 a cue of 整治, 报告 a cue of neither 实践 nor 事件; a look-alike that makes a word with a person's name
# beside it). Paragraph by paragraph, 过澄 of a name written once as 过程, and 锦程 of a firm three times as 进程.
# Four more, first run on 1f11bfa: emergency (应急 publicity), clubs (interest groups), harmony (民族团结), villages (涉农
# 社区) 7, 11, 8 and 15 (1 error: 遵规守约 as 遵规守纪) as documents (41 on 108,613 characters, 3.8 per 10,000); 3, 2, 1
# and 8 once their causes were fixed (words; 廉 a rarer surname; 以X为Y a frame).
# Two more, the session's last, first run on d2840b7: reports3 (the guide's own kinds of paper from six 街道 and 社区)
# and newsposts (新闻稿 and 信息) 5 and 3 as documents (8 on 53,617 characters, 1.5 per 10,000); 1 and 3 once their causes
# were fixed (a numbered unit said again before 长: 第三网格网格长; 收稻; 岸线 a cue of 整治).
CORPORA = {"community": ("clean-community.yml", 160, 28595, 0), "voices": ("clean-voices.yml", 160, 30196, 0),
           "services": ("clean-services.yml", 160, 27041, 3), "daily": ("clean-daily.yml", 160, 26082, 2),
           "families": ("clean-families.yml", 160, 26330, 3), "neighbours": ("clean-neighbours.yml", 160, 29512, 2),
           "care": ("clean-care.yml", 160, 31229, 0), "culture": ("clean-culture.yml", 160, 27027, 1),
           "crafts": ("clean-crafts.yml", 160, 30929, 5), "safety": ("clean-safety.yml", 160, 28485, 0),
           "services2": ("clean-services2.yml", 160, 29018, 2), "youth": ("clean-youth.yml", 160, 27480, 1),
           "festivals": ("clean-festivals.yml", 160, 30834, 2), "legal": ("clean-legal.yml", 160, 26594, 5),
           "published": ("clean-published.yml", 160, 28263, 0), "sent": ("clean-sent.yml", 160, 28101, 1),
           "formal": ("clean-formal.yml", 160, 27145, 0), "summaries": ("clean-summaries.yml", 160, 26359, 0),
           "study": ("clean-study.yml", 160, 27472, 0), "exemplars": ("clean-exemplars.yml", 160, 26136, 0),
           "customs": ("clean-customs.yml", 160, 27591, 1), "urban": ("clean-urban.yml", 160, 26232, 1),
           "unity": ("clean-unity.yml", 160, 26702, 3),
           "rural": ("clean-rural.yml", 160, 29389, 3), "veterans": ("clean-veterans.yml", 160, 27646, 1),
           "reading": ("clean-reading.yml", 160, 27794, 3), "duty": ("clean-duty.yml", 160, 27699, 0),
           "sports": ("clean-sports.yml", 160, 27552, 0), "science": ("clean-science.yml", 160, 27784, 0),
           "digital": ("clean-digital.yml", 160, 28373, 3), "traffic": ("clean-traffic.yml", 160, 27835, 0),
           "business": ("clean-business.yml", 160, 27881, 1), "homes": ("clean-homes.yml", 160, 27727, 6),
           "markets": ("clean-markets.yml", 160, 27562, 1), "history": ("clean-history.yml", 160, 27169, 2),
           "health": ("clean-health.yml", 160, 27039, 0), "online": ("clean-online.yml", 160, 28389, 2),
           "schools": ("clean-schools.yml", 160, 27552, 2), "grid": ("clean-grid.yml", 160, 27782, 2),
           "green": ("clean-green.yml", 160, 27876, 1), "shops": ("clean-shops.yml", 160, 27687, 0),
           "park": ("clean-park.yml", 160, 28107, 1), "propaganda": ("clean-propaganda.yml", 160, 27071, 0),
           "civility": ("clean-civility.yml", 160, 27065, 1), "talks": ("clean-talks.yml", 160, 26870, 2),
           "volunteers": ("clean-volunteers.yml", 49, 27359, 1), "duty2": ("clean-duty2.yml", 50, 27850, 0),
           "minutes": ("clean-minutes.yml", 50, 27220, 1), "ledgers": ("clean-ledgers.yml", 48, 27867, 0),
           "notices": ("clean-notices.yml", 50, 27673, 3), "speeches": ("clean-speeches.yml", 50, 26876, 5),
           "stories": ("clean-stories.yml", 50, 27195, 1), "formal2": ("clean-formal2.yml", 50, 27205, 1),
           "chats": ("clean-chats.yml", 50, 27018, 4), "oral": ("clean-oral.yml", 50, 27110, 10),
           "dutyreports": ("clean-dutyreports.yml", 50, 27077, 1), "research": ("clean-research.yml", 50, 27280, 0),
           "plans": ("clean-plans.yml", 50, 27357, 1), "briefs": ("clean-briefs.yml", 50, 27640, 0),
           "rectify": ("clean-rectify.yml", 49, 28089, 2), "lectures": ("clean-lectures.yml", 49, 28017, 0),
           "awards": ("clean-awards.yml", 50, 26799, 8), "pubculture": ("clean-pubculture.yml", 50, 27286, 2),
           "logs": ("clean-logs.yml", 45, 27076, 0), "credit": ("clean-credit.yml", 50, 26907, 1),
           "commentary": ("clean-commentary.yml", 50, 26626, 1), "slogans": ("clean-slogans.yml", 50, 27143, 5),
           "plans2027": ("clean-plans2027.yml", 50, 27137, 3), "selfcheck": ("clean-selfcheck.yml", 50, 27098, 0),
           "yearend": ("clean-yearend.yml", 50, 27923, 0), "casework": ("clean-casework.yml", 50, 27265, 2),
           "assess": ("clean-assess.yml", 50, 26841, 0), "halfyear": ("clean-halfyear.yml", 50, 28177, 4),
           "infoposts": ("clean-infoposts.yml", 50, 27448, 0), "meetings2": ("clean-meetings2.yml", 50, 27248, 5),
           "theory2": ("clean-theory2.yml", 50, 27019, 0), "network": ("clean-network.yml", 50, 27346, 0),
           "culture3": ("clean-culture3.yml", 50, 27077, 1), "civic2": ("clean-civic2.yml", 50, 27293, 1),
           "summary2": ("clean-summary2.yml", 50, 26887, 4), "plans2": ("clean-plans2.yml", 50, 28017, 1),
           "speeches2": ("clean-speeches2.yml", 50, 27116, 2), "topical": ("clean-topical.yml", 50, 28389, 1),
           "exchange": ("clean-exchange.yml", 50, 26832, 0), "review": ("clean-review.yml", 50, 27072, 0),
           "letters": ("clean-letters.yml", 50, 27775, 1), "figures": ("clean-figures.yml", 50, 27513, 4),
           "debriefs": ("clean-debriefs.yml", 50, 27626, 0), "projects": ("clean-projects.yml", 50, 28346, 2),
           "judgement": ("clean-judgement.yml", 50, 27998, 1), "campaigns": ("clean-campaigns.yml", 50, 27100, 1),
           "training": ("clean-training.yml", 50, 27409, 7), "interviews": ("clean-interviews.yml", 50, 27072, 1),
           "inspection": ("clean-inspection.yml", 50, 27597, 4), "scripts": ("clean-scripts.yml", 50, 27028, 1),
           "elders": ("clean-elders.yml", 50, 27026, 4), "housing": ("clean-housing.yml", 50, 28067, 4),
           "youthwork": ("clean-youthwork.yml", 50, 27026, 4), "enterprises": ("clean-enterprises.yml", 50, 27706, 4),
           "emergency": ("clean-emergency.yml", 50, 26845, 3), "clubs": ("clean-clubs.yml", 50, 26998, 3),
           "harmony": ("clean-harmony.yml", 50, 27123, 1), "villages": ("clean-villages.yml", 50, 27647, 8),
           "reports3": ("clean-reports3.yml", 50, 26551, 1), "newsposts": ("clean-newsposts.yml", 50, 27066, 3),
           "annual26": ("clean-annual26.yml", 50, 26696, 0), "dutymeet": ("clean-dutymeet.yml", 50, 26928, 0),
           "practice": ("clean-practice.yml", 50, 27061, 0), "culturecredit": ("clean-culturecredit.yml", 50, 27634, 3),
           "halfyear26": ("clean-halfyear26.yml", 50, 27229, 5), "netideo": ("clean-netideo.yml", 50, 26989, 2),
           "lecturers": ("clean-lecturers.yml", 50, 26846, 4), "rectify26": ("clean-rectify26.yml", 50, 27100, 5),
           "selfcheck26": ("clean-selfcheck26.yml", 50, 26476, 0), "plans27": ("clean-plans27.yml", 50, 27371, 0),
           "grid26": ("clean-grid26.yml", 50, 27147, 1), "festivals26": ("clean-festivals26.yml", 50, 27034, 8)}


@pytest.mark.parametrize("corpus", CORPORA)
def test_correct_corpus_raises_no_error_and_no_more_warnings(corpus, data):
    name, count, chars, most = CORPORA[corpus]
    paragraphs = load_paragraphs(Path(__file__).resolve().parent / "data" / name)
    result = paragraph_alarms(paragraphs, data)
    assert len(paragraphs) == count and sum(len(p["text"]) for p in paragraphs) == chars
    assert result["dev"]["error"] + result["held"]["error"] == 0, result["findings"]
    assert result["dev"]["warning"] + result["held"]["warning"] <= most, result["findings"]


# A development set of formulation slips (tests/data/formulation-dev.yml, thirteenth session, written for it by a
# writer who had not seen the checker): 160 slips, 80 in political formulations and 80 in idioms, and 80 correct
# sentences. On 5cb723f 47 and 68 found and 1 false alarm (严于律己); it steered context.yml's formulations and
# lexicon.py's NAMED_PHRASE_TAGS (62 and 68), then the matcher's edges and formulations of six (65 and 68), no false
# alarm; the look-alikes measured on a typeface (checker/glyphs.py, fourteenth session) 65 and 69; the language model
# (checker/langmodel.py, fifteenth session) 65 and 70; its veto of the split's findings (lm_veto, seventeenth session)
# 65 and 69: 竞竞业业 had counted as found by a wrong correction (竞业 as 敬业), which the model vetoes; the twenty-first
# session's cues and formulations 65 and 71. Found may only rise.
FORMULATION_FLOORS = {"political": 65, "idiom": 71}


def test_formulation_development_set(data):
    sentences = load(Path(__file__).resolve().parent / "data" / "formulation-dev.yml")
    assert len(sentences) == 240
    for source, floor in FORMULATION_FLOORS.items():
        result = evaluate([x for x in sentences if x.get("source") == source], data)
        assert result["total"]["formulation"] == 80
        assert result["found"]["formulation"] >= floor, (source, result["found"], result["missed"])
    clean = evaluate([x for x in sentences if x["kind"] == "clean"], data)
    assert clean["clean_alarms"] == 0, clean["alarms"]


# Whole draft reports (tests/data/doc-heldout-N.yml, twentieth session): each set 3 documents with 10 slips each,
# written by writers who had not seen the checker. (characters of the corrected documents, least slips found, most
# warnings on the corrected documents; never an error.) First runs, on main 0efb2f9 and on the session's engine:
# sets 1 to 4 66 of 120 found both times, 2 warnings in 33,364 characters; sets 5 to 8 64 and 65 of 120, 7 and 8
# warnings in 32,720 (2.1 and 2.4 per 10,000), of which 5 were fixed (政治教育 and 调解能力: cues of their own side; 关工;
# 长期稳定的共建关系, 关系 a head noun of particles.yml). Left: “党建带关建”, “戎耀榆荫”, “智汇谷” (coined names in quotation
# marks), 先审后发, 学细. Twenty-first session: the cues and pairs of usage.yml found one more slip of sets 2 and 4, and
# the frame 先X后Y (context.yml) took set 2's 先审后发 (1 -> 0); the formulations added to context.yml found two more of
# set 4 and one more of set 11. Sets 9 to 12, written then, first run on e594a11 (main
# when they were written) and on e4497f7 (the session's first cues): 88 and 92 of 120 found, 5 warnings both times in
# 33,235 characters (1.5 per 10,000); none once their causes were fixed (先审后讲, a frame; “理响青禾” beside “青禾理响”,
# a coined word of the text's quoted names; 进楼栋, 的议题 and 喜闻乐见的形式, cues of their own side). Sets 13 to 16, written
# after the session's last change to the engine and data but one, first run on e594a11 and on f7759a6: 80 and 83 of 120
# found, 6 warnings both times in 33,332 characters (1.8 per 10,000); 2 once their causes were fixed (工作作交流发言, a
# frame of 作 before what it makes; 入脑, a word; 资源 a cue of 救助, 分钟内 of 响应). Left: 旧门楼 as 白门楼 (the language model
# knows the name; requiring the look-alike to make a word of the list lost look-alikes of the later writers), 表述不规范的
# 宣传品96处 (的 read as 地). Sets 17 to 20, written after the session's last change to what the checker finds, first run
# on e594a11 and on ba7a29d: 66 and 67 of 120 found, 2 warnings both times in 32,446 characters (0.6 per 10,000); 1 once
# its cause was fixed (群众文体工作领导小组 as 问题: 工作领导小组 a cue of 文体). Left: “净美家园” as 精美 (a coined name).
# Sets 25 to 28 (twenty-third session), first run on 42a33e8 (what 921ab5f finds): 75 of 120 found, 4 warnings in
# 31,235 characters; none once their causes were fixed (量质齐升, a word; 采访 a cue of 报道; 实施等主题, a cue of the
# other side ending a list the word heads). Three older ones then: 深学细悟 a word (set 3), 党建带关建 a frame
# (set 7), 宣传品 no verb after 的 (set 16: 品 is a verb alone).
# Sets 29 to 32 (twenty-fourth session), first run on 2420402: 74 of 120 found, 4 warnings in 31,301 characters; 1 once
# their causes were fixed (志愿参与: 参与 no cue of 自愿; 楼长, a word; 党史教育, a term of the vocabulary), and none once
# 知识 was a cue of 实用 (推送实用安全知识 had been read as 使用 by the word-pair evidence, no cue either side).
# Sets 33 to 36, written after those fixes, first run on b46a4a6: 76 of 120 found, 6 warnings in 31,623 characters;
# none once their causes were fixed (cues of the side written: 依赖共建, 首报时间, 完成全部复核, 评论员队伍发声, 文体生活;
# a common surname never the twin of a lone character: “扬文明新风” had been read as 杨文明).
# Sets 37 and 38, written after the session's last change but one, first run on 89936e5: 44 of 60 found, no warning in
# 15,356 characters.
# Sets 39 and 40 (twenty-fifth session: a 述职报告, a report on 网络舆情 handled, a 文明实践站 self-inspection, a survey of
# 宣传阵地, a year's summary and a 工作要点), first run on e435d69: 47 of 60 found, no warning in 15,527 characters.
# Sets 41 and 42 (a 责任制 self-inspection, a report on 巡察 findings put right, a 党课讲稿, a year of 诚信建设, a 文化站's
# report, a 文明实践站's half-year), written after the session's first fixes, first run on 392f308: 49 of 60 found, 3
# warnings in 15,684 characters; none once their causes were fixed (线上, a word jieba lacks: 上线线上展厅 as 线 doubled;
# 提档升级 after 设施, a cue: 推进设施提档升级 as 实施; 精品 a head noun: 喜闻乐见的宣讲精品课, 的 as 地).
# Sets 43 and 44 (a 网评员 team, a 志愿服务 project's application, a 文明城市 self-inspection, a half-year of 意识形态工作,
# 民族团结进步创建, a 理论武装 plan), first run on 5506414: 34 of 60 found, 2 warnings in 15,914 characters: one a slip of
# the set left in its corrected text (two slips whose contexts overlap: whole_documents now corrects by place, which
# also corrects one more slip of set 1), one a false alarm (12个网格均已落实 as 网格员: 均 an adverb after a subject,
# language.yml edge_function_chars).
# Sets 45 and 46 (twenty-sixth session: a 街道's 责任制 report, a 文明实践站's half-year, a 2027 工作要点, a 社区's
# self-inspection, a year of 诚信建设 and 志愿服务, a 文化站's year), first run on eb62da4: 43 of 60 found, no warning in
# 15,420 characters. 摄影展 as a word (for a corpus's 摄影展展出) lost one of set 46's slips, so it stays out.
# Sets 47 and 48 (a 中心组's year of study, a 社区's year of 宣传思想工作, a 2027 意识形态工作要点, a 文明实践站's
# self-inspection, a 街道's 舆论引导 and 网络文明, a 社区's half-year of 群众文艺), written after the session's first fixes,
# first run on 1b86c52: 51 of 60 found, 8 warnings in 15,339 characters; 2 once their causes were fixed (研讨促思 and
# 调研促用, a frame; 议起事来, a separable verb; 江堤, a word; 活跃 a cue of 文体). Left: 纳入同一标准管理 as 统一 (the
# word-pair evidence; 同一 has no cues, and 统一标准 is as usual), 灯天天亮到九点半 as 天 doubled (天天 taken as meant lost
# a writer's doubled character).
# Sets 49 and 50 (a 社区's 责任制 report, a 街道's 文明实践所 year, a 社区's 2027 plan, a 街道's 理论武装 and 宣讲, a 社区's
# self-inspection, a 街道's 诚信建设 and 文化事业), written after the session's third round of fixes, first run on fbe7d39:
# 49 of 60 found, 4 warnings in 15,429 characters; 1 once their causes were fixed (志愿报名: 报名 no cue of 自愿; 楼栋群群规:
# a frame). Left: “鹤鸣声声” as 声 doubled (a character said twice at a quoted name's end, where the two make a word, taken
# as meant, lost a slip of a later writer: a choice that unseen slip informed).
# Sets 51 and 52 (a 街道's report on 四中全会 study, a 社区's year of 意识形态工作 and a 街道's self-inspection in an
# industrial district; a 社区's 2027 plan, a 街道's half-year and a 社区's 文明实践 year in an old town), written after the
# session's fourth round, first run on 97443bb: 40 of 60 found (set 51's homophones 2 of 9), 1 error and 1 warning in
# 15,445 characters; none once their causes were fixed (进巷入户 as 进行, an error: 进X入Y a frame; 登记在册的老手艺人: 老手 no verb).
# Sets 53 and 54 (a new estate's year, a 街道's self-inspection, a 2027 文明实践 plan; a 街道's report, a market 社区's
# 诚信建设, a 社区's half-year self-inspection), written after the session's fifth round, first run on a7c3213: 48 of 60
# found, 1 warning in 15,334 characters; none once its cause was fixed (网格舆情, a word: read as the term 网络舆情).
# Sets 55 and 56 (twenty-seventh session: a 社区's 责任制 self-inspection, a 街道's 2027 plan, a 文明实践站's year; a
# 街道's 诚信建设, a 社区's 理论学习 and 宣讲, a 文化站's year), first run on 33c5081: 44 of 60 found, 3 warnings in 15,375
# characters; none once their causes were fixed (失主, a word: 送还失主 as the set phrase 退还失主; 形式 and 折页 head nouns:
# 喜闻乐见的宣讲形式, 通俗易懂的宣传折页, 的 as 地).
# Sets 57 and 58 (a 社区's half-year of 意识形态工作, a 街道's 网络意识形态 year, a 中心组's study; a 文明实践所's
# self-inspection, a 社区's 2027 诚信 and 志愿服务 plan, a 街道's 公共文化 year), first run on 5c2a3c5: 37 of 60 found (no
# missing character of six), no warning in 15,636 characters.
# Sets 59 and 60 (a 街道's year, a 社区 secretary's 述职, a 2027 文明实践 plan; a 社区's 舆论引导, a 街道's 诚信建设
# self-inspection, a 社区's 文化事业), first run on 9f76d28: 42 of 60 found, 1 warning in 15,670 characters; none once its
# cause was fixed (会策划、会发声 as 发生: a series of items that open alike is left to its cues).
# Sets 61 and 62 (a 社区's self-inspection, a 街道's 理论宣讲, a 社区's 2027 plan; a 街道's 网络文明 and 舆情, a 文明实践站's
# half-year, a 街道's 诚信 and 文化惠民), first run on 8346c1f: 41 of 60 found, 1 warning in 15,375 characters; none once
# its cause was fixed (48小时内恢复运行 as 回复: 运行 a cue of 恢复).
# Set 63 (a 街道's 意识形态工作 report, a 社区's 文明实践 year, a 社区's 2027 plan), first run on d2840b7: 22 of 30 found,
# 1 warning in 7,623 characters, left (“周末志愿时间” as 实践: 志愿 is a cue of 实践, and a cue may select one side only).
DOCUMENTS = {"doc-heldout-1.yml": (8470, 18, 0), "doc-heldout-2.yml": (8379, 18, 0), "doc-heldout-3.yml": (8132, 15, 0),
             "doc-heldout-4.yml": (8384, 19, 0), "doc-heldout-5.yml": (8175, 15, 0), "doc-heldout-6.yml": (8259, 15, 0),
             "doc-heldout-7.yml": (8013, 20, 0), "doc-heldout-8.yml": (8273, 16, 2), "doc-heldout-9.yml": (8216, 23, 0),
             "doc-heldout-10.yml": (8261, 25, 0), "doc-heldout-11.yml": (8636, 24, 0), "doc-heldout-12.yml": (8122, 25, 0),
             "doc-heldout-13.yml": (8241, 25, 0), "doc-heldout-14.yml": (8359, 23, 1), "doc-heldout-15.yml": (8483, 19, 0),
             "doc-heldout-16.yml": (8249, 18, 0), "doc-heldout-17.yml": (8029, 18, 0), "doc-heldout-18.yml": (8125, 14, 0),
             "doc-heldout-19.yml": (8056, 22, 0), "doc-heldout-20.yml": (8236, 16, 1),
             "doc-heldout-21.yml": (7706, 20, 0), "doc-heldout-22.yml": (8144, 25, 0), "doc-heldout-23.yml": (7729, 22, 1),
             "doc-heldout-24.yml": (7773, 23, 0), "doc-heldout-25.yml": (7661, 21, 0), "doc-heldout-26.yml": (7998, 18, 0),
             "doc-heldout-27.yml": (7799, 20, 0), "doc-heldout-28.yml": (7777, 16, 0),
             "doc-heldout-29.yml": (7700, 21, 0), "doc-heldout-30.yml": (8091, 19, 0), "doc-heldout-31.yml": (7745, 11, 0),
             "doc-heldout-32.yml": (7765, 23, 0), "doc-heldout-33.yml": (8343, 13, 0), "doc-heldout-34.yml": (7824, 25, 0),
             "doc-heldout-35.yml": (7777, 19, 0), "doc-heldout-36.yml": (7679, 19, 0), "doc-heldout-37.yml": (7643, 23, 0),
             "doc-heldout-38.yml": (7713, 21, 0), "doc-heldout-39.yml": (7738, 24, 0), "doc-heldout-40.yml": (7789, 23, 0),
             "doc-heldout-41.yml": (7870, 28, 0), "doc-heldout-42.yml": (7814, 21, 0),
             "doc-heldout-43.yml": (8316, 17, 0), "doc-heldout-44.yml": (7598, 17, 0),
             "doc-heldout-45.yml": (7702, 19, 0), "doc-heldout-46.yml": (7718, 24, 0),
             "doc-heldout-47.yml": (7645, 27, 0), "doc-heldout-48.yml": (7694, 24, 2),
             "doc-heldout-49.yml": (7662, 24, 0), "doc-heldout-50.yml": (7767, 25, 1),
             "doc-heldout-51.yml": (7860, 16, 0), "doc-heldout-52.yml": (7585, 24, 0),
             "doc-heldout-53.yml": (7710, 26, 0), "doc-heldout-54.yml": (7624, 22, 0),
             "doc-heldout-55.yml": (7681, 24, 0), "doc-heldout-56.yml": (7694, 20, 0),
             "doc-heldout-57.yml": (7899, 22, 0), "doc-heldout-58.yml": (7737, 15, 0),
             "doc-heldout-59.yml": (7783, 22, 0), "doc-heldout-60.yml": (7887, 20, 0),
             "doc-heldout-61.yml": (7572, 20, 0), "doc-heldout-62.yml": (7803, 21, 0),
             "doc-heldout-63.yml": (7623, 22, 1), "doc-heldout-64.yml": (7699, 22, 0),
             "doc-heldout-65.yml": (7763, 15, 0), "doc-heldout-66.yml": (7708, 21, 0),
             "doc-heldout-67.yml": (7807, 23, 0), "doc-heldout-68.yml": (8016, 22, 0),
             "doc-heldout-69.yml": (7727, 27, 0)}


@pytest.mark.parametrize("path", DOCUMENT_SETS, ids=lambda p: p.stem)
def test_whole_draft_reports(path, data):
    chars, least, most = DOCUMENTS[path.name]  # a set without its row here fails
    result = whole_documents(path, data)
    assert sum(result["total"].values()) == 30 and result["chars"] == chars
    assert sum(result["found"].values()) >= least, result["found"]
    assert result["error"] == 0 and result["warning"] <= most, result["findings"]


# The third to twelfth writers' error sentences, each checked inside about 3,000 characters of its writer's own correct
# paragraphs, and those paragraphs checked as documents (in_documents): a report writes its topic's words again, and
# the context rule reads an edit under its bars again where the text writes the word it makes elsewhere (ownWord).
# Measured 2026-12-07: homophones 227 -> 230, look-alikes 277 -> 288 (loneTwins through the language model as well),
# missing/doubled/swapped 194 -> 199, formulations 269 -> 270; 8 warnings on the 112,036 characters of paragraphs.
# Twenty-first session, the cues and pairs of usage.yml: homophones 230 -> 250, formulations 270 -> 271; the formulations
# added to context.yml: homophones 251 (婚事新办、丧事减办), formulations 291; typos.yml (复盖, 宏扬, 参于, 现像): homophones 257.
# Twenty-second session: a numeral's measure word inside the corrected word (近一步 as 进一步) and after a word's numeral
# (统一部暑): homophones 258; a doubled character judged by its twin's word (志愿者者, 进行行再部署): missing/doubled/swapped
# 208, look-alikes 289; near-identical shapes the model lists as words (typos.yml: 自已, 时侯, 深人): look-alikes 292;
# confusion pairs for words an input method offers for the register's own (usage.yml: 引到, 骨感, 清淡): homophones 272;
# register words jieba lacks (context.yml: 孝亲敬老, 传习室, 登记簿) and 贷款/货款: look-alikes 295.
IN_DOCUMENTS = {"homophone": 272, "lookalike": 295, "missing_doubled_transposed": 208, "formulation": 299}


def test_writers_sets_read_as_documents(data):
    found = dict.fromkeys(IN_DOCUMENTS, 0)
    errors = warnings = 0
    for writer in list(LATER_WRITERS)[:10]:
        result = in_documents(LATER_WRITERS[writer], data)
        for kind in found:
            found[kind] += result["found"][kind]
        errors += result["error"]
        warnings += result["warning"]
    assert all(found[k] >= IN_DOCUMENTS[k] for k in found), found
    assert errors == 0 and warnings <= 8
