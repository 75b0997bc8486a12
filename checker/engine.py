"""The report checker: text in, findings out (pure, no I/O).

``check(text, data, year=None)`` takes the data compiled by checker/compile.py
and returns a list of ``Finding``. The browser runs the same rules, written
again in docs/assets/javascripts/checker/engine.js, over the same compiled
data; tests/checker_cases/ holds the cases both must answer identically.

Positions: the text is read with every "\\r\\n" and "\\r" turned into "\\n"
(``prepare``); offsets, lines and columns count Unicode characters (code
points) of that text, 1-based for lines and columns. All matching runs on a
copy where each Traditional character is replaced by its Simplified form, one
character for one, so the rules cover both scripts and positions never move.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_right
from dataclasses import asdict, dataclass
from typing import Any, Optional

WS = " \t\u3000\u00a0"
_UNKNOWN = object()
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
HAN = "\u4e00-\u9fff"
CN_DIGITS = "一二三四五六七八九十"
OPEN_CLOSE = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "【": "】", "〔": "〕"}
CLOSERS = {v: k for k, v in OPEN_CLOSE.items()}
WIDTH = {".": "。", ",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# A fault named in order to talk about it ("例如“布署”", "不要写成：三个自信",
# "“惯彻”不会误报") is a mention, not a fault: no finding.
MENTION_BEFORE = re.compile(r"(?:写成|写作|不要写成|误写为|错写为|误作|未填写的|未填的|空着的|残留的|叫作|称为)"
                            r"[：:\s]*[“‘「]?[^“”‘’「」\n]{0,10}$"
                            r"|(?:例如|比如|诸如|如|像|把|将|类似|留下的)[：:\s]*[“‘「][^“”‘’「」\n]{0,10}$")
MENTION_AFTER = re.compile(r"^[^“”‘’「」\n]{0,10}[”’」](?:这类|之类|一类|等|里的|中的|写成|应为|应写作|不会|之误)")
BODY_YEAR = re.compile(r"(20[0-9][0-9])年(?:上半年|以来|1[-—～至]6月)")
YEAR = re.compile(r"(20[0-9][0-9])[ \u3000]*年")
CURRENT = re.compile(r"(?:学习贯彻|贯彻落实|深入贯彻|全面贯彻|认真贯彻|学习宣传|宣传贯彻|学习领会|深入学习|传达学习)(?:党的)?$")
FESTIVE = re.compile(r"(?:今年是|年是|也是|适逢|值此|时值|正值|恰逢)[^。；\n]{0,6}$")
# A campaign written as under way ("深入开展……学习教育"), unless the clause
# places it in the past.
ONGOING = re.compile(r"(?:深入开展|扎实开展|认真开展|全面开展|正在开展|持续开展|组织开展|开展好|扎实推进|深入推进)")
PAST = re.compile(r"20[0-9][0-9]年|以来|先后|曾经|期间|去年|上年|回顾|历次")
# The sentence's own year: the last "2025年" before a point, else 去年/明年, else the report's.
SENTENCE_YEAR = re.compile(r"(20[0-9][0-9])年")
RELATIVE_YEAR = (("去年", -1), ("上一年", -1), ("明年", 1), ("来年", 1), ("下一年", 1))
PLAN_MARKS = {"开局": 0, "收官": 4}  # 开局之年, 开好局 / 收官之年, 收好官: years after base_year
TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
PINYIN_DEBRIS = re.compile(r"([" + HAN + r"A-Za-z])[(（]([a-z" + TONE_MARKS + r"ü]{1,7})[)）]")
SPACES = re.compile(r"[ \t\u3000]")
PINYIN_NOTE = re.compile(r"[(（][a-z" + TONE_MARKS + r"ü]{1,7}[)）]")
HEADINGS = [  # (regex at line start, level, wrong-form fix or None)
    (re.compile(r"([一二三四五六七八九十]{1,3})、"), 1, None),
    (re.compile(r"([一二三四五六七八九十]{1,3})[.．，,](?![0-9一二三四五六七八九十])"), 1, "{n}、"),
    (re.compile(r"[（(]([一二三四五六七八九十]{1,3})[）)]、"), 2, "（{n}）"),
    (re.compile(r"[（(]([一二三四五六七八九十]{1,3})[）)]"), 2, None),
    (re.compile(r"([0-9]{1,2})[.．](?![0-9.．])"), 3, None),
    (re.compile(r"([0-9]{1,2})、"), 3, "{n}."),
    (re.compile(r"[（(]([0-9]{1,2})[）)]、"), 4, "（{n}）"),
    (re.compile(r"[（(]([0-9]{1,2})[）)]"), 4, None),
]
ASCII_DIGITS = re.compile("[0-9]+")
CN_VALUES = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
LEVEL_LABEL = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}
# A sentence of the next-steps part that opens with a year ("2026年，我们将……").
YEAR_WORD = re.compile(r"(?:19|20)[0-9]{2}年度?")
NEXT_YEAR_OPENING = re.compile(r"(?:^|(?<=[。；！？\n]))[ \t\u3000]*(?:[一二三四五六七八九十]是)?(20[0-9][0-9])年(?=[，,]|是|我|要|将|街道|社区)")


@dataclass
class Finding:
    rule: str
    severity: str
    message: str
    line: int
    column: int
    length: int
    excerpt: str
    suggestion: Optional[str]
    guide: str
    start: int  # offset in the prepared text (not part of the JSON output)

    def to_json(self) -> dict:
        out = asdict(self)
        del out["start"]
        return out


def prepare(text: str) -> str:
    """The text as the checker counts it: newlines unified."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def cn_number(s: str) -> int:
    """一 -> 1, 十二 -> 12, 二十 -> 20, 105 -> 105, 一百零五 -> 105."""
    if ASCII_DIGITS.fullmatch(s):
        return int(s)
    digits = CN_VALUES
    total, cur = 0, 0
    for ch in s:
        if ch in digits:
            cur = digits[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
    return total + cur


def fuzzy(syl: str) -> str:
    """A syllable with the distinctions people mix up merged (zh/z, ch/c, sh/s, n/l, -ng/-n).

    checker/compile.py uses it at build time; checker.js mirrors it."""
    for a, b in (("zh", "z"), ("ch", "c"), ("sh", "s")):
        if syl.startswith(a):
            syl = b + syl[len(a):]
            break
    if syl.startswith("n") and syl != "n" and not syl.startswith("ng"):
        syl = "l" + syl[1:]
    if syl.endswith("ng") and len(syl) > 2:
        syl = syl[:-1]
    return syl


class Tables:
    """Lookup structures derived once from the compiled data."""

    def __init__(self, data: dict):
        self.data = data
        trad, simp = data["t2s"]
        self.t2s = dict(zip(trad, simp))
        self.trans = str.maketrans(self.t2s)
        self.readings: dict[str, set] = {}
        for syl, chars in data["pinyin"].items():
            for ch in chars:
                self.readings.setdefault(ch, set()).add(syl)
        self.syllables = set(data["pinyin"])
        self.shape: dict[str, str] = {}
        for group in data["shapes"]:
            for ch in group:
                self.shape[ch] = self.shape.get(ch, "") + group
        self.vocab = data["vocab"]
        self.vocab_set = set(self.vocab)
        pairs = data["edge_words"]
        self.edge_words = {pairs[k:k + 2] for k in range(0, len(pairs), 2)}
        self.bigrams: dict[str, list] = {}
        self.skips: dict[str, list] = {}
        self.anchor_hits: dict[str, list] = {}
        # A term is found by its first and its last two characters: one changed
        # character leaves at least one of them intact (for three-character
        # terms the middle one breaks both, hence the first+last "skip" key).
        for ti, term in enumerate(self.vocab):
            for j in sorted({0, len(term) - 2}):
                self.bigrams.setdefault(term[j:j + 2], []).append((ti, j))
            if len(term) == 3:
                self.skips.setdefault(term[0] + term[2], []).append(ti)
        for key, hits in self.bigrams.items():
            self.anchor_hits[key] = [(ti, j, self.vocab[ti], len(self.vocab[ti])) for ti, j in hits]
        self.skip_first = {key[0] for key in self.skips}
        self.anchor_first = {key[0] for key in self.anchor_hits}
        flags = re.M
        self.placeholders = [(re.compile(p["regex"], flags), p) for p in data["placeholders"]]
        self.usage = [(re.compile(p["regex"], flags), p) for p in data["usage"]]
        self.inline_debris = [(re.compile(p["regex"], flags), p) for p in data["debris"]["inline"]]
        self.mojibake = [(re.compile(p["regex"], flags), p) for p in data["debris"]["encoding"]]
        starts = [re.sub(r"[ \t\u3000]", "", s.translate(self.trans)) for s in data["debris"]["line_starts"]]
        self.debris_start = re.compile("|".join(map(re.escape, starts)))
        self.measurable = re.compile(data["structure"]["measurable"])
        self.facts = re.compile(data["stock"]["facts"])
        units = data["units"]
        levels = "|".join(map(re.escape, units["levels"]))
        organs = "|".join(map(re.escape, sorted(units["organs"], key=len, reverse=True)))
        self.unit_start = re.compile(r"([\u4e00-\u9fff]{1,10}?)(" + levels + ")")
        # a clause that opens with a unit: line start or after 。，；：, spaces allowed
        self.unit_mention = re.compile(
            r"(?:^|(?<=[。，；：]))[ \t\u3000]*([\u4e00-\u9fff]{1,10}?)(" + levels + ")(" + organs + ")", re.M)
        forms = sorted(data["selfnames"], key=len, reverse=True)
        self.selfname = re.compile("我(" + "|".join(map(re.escape, forms)) + ")")
        self.anniversaries = []
        self.plans = []
        for item in data["timeline"]:
            names = "|".join(map(re.escape, item["match"]))
            if item["kind"] == "anniversary":
                rx = re.compile("(?:" + names + r")([0-9]{1,3}|[一二三四五六七八九十百零〇]{1,5})周年")
                self.anniversaries.append((rx, item))
            elif item["kind"] == "plan":
                rx = re.compile("(" + names + r")[”\"’]?(?:规划|时期)?的?(?:圆满|胜利|顺利)?(开局之?年|开好局|收官之?年|收好官)")
                self.plans.append((rx, item))


_tables: dict[int, Tables] = {}


def tables(data: dict) -> Tables:
    key = id(data)
    if key not in _tables:
        _tables.clear()
        _tables[key] = Tables(data)
    return _tables[key]


class Context:
    """One run over one text: positions, findings, shared spans."""

    def __init__(self, text: str, data: dict, tab: Tables):
        self.text = text
        self.norm = text.translate(tab.trans)
        self.data = data
        self.tab = tab
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.findings: list[Finding] = []
        self.typo_spans: list[tuple[int, int]] = []
        self.garbled: set[int] = set()  # positions inside mojibake, which other rules leave alone
        self.title: Any = _UNKNOWN  # find_title's answer, once asked

    def lines(self):
        """(line index, start offset, normalized line text)."""
        starts = self.line_starts
        for i, start in enumerate(starts):
            end = starts[i + 1] - 1 if i + 1 < len(starts) else len(self.norm)
            yield i, start, self.norm[start:end]

    def add(self, rule: str, start: int, length: int, message: str, suggestion: Optional[str] = None,
            severity: Optional[str] = None) -> None:
        meta = self.data["rules"][rule]
        line = bisect_right(self.line_starts, start) - 1
        col = start - self.line_starts[line]
        line_end = self.line_starts[line + 1] - 1 if line + 1 < len(self.line_starts) else len(self.text)
        a, b = max(self.line_starts[line], start - 10), min(line_end, start + max(length, 1) + 10)
        excerpt = ("…" if a > self.line_starts[line] else "") + self.text[a:b] + ("…" if b < line_end else "")
        self.findings.append(Finding(rule, severity or meta["severity"], message, line + 1, col + 1, length,
                                     excerpt, suggestion, meta["guide"], start))


# Rules

def is_mention(ctx: Context, start: int, end: int) -> bool:
    line = bisect_right(ctx.line_starts, start) - 1
    before = ctx.norm[max(ctx.line_starts[line], start - 16):start]
    return bool(MENTION_BEFORE.search(before) or MENTION_AFTER.match(ctx.norm[end:end + 16]))


def rule_placeholders(ctx: Context) -> None:
    found = []
    for order, (rx, pat) in enumerate(ctx.tab.placeholders):
        for m in rx.finditer(ctx.norm):
            if m.end() > m.start():
                found.append((m.start(), -(m.end() - m.start()), order, m.end(), pat))
    found.sort(key=lambda f: (f[0], f[1], f[2]))
    kept = []
    last_end = -1
    for start, _, _, end, pat in found:
        if start < last_end:
            continue
        kept.append((start, end, pat))
        last_end = end
    spans = {(s, e) for s, e, _ in kept}
    starts = {s for s, _ in spans}
    ends = {e for _, e in spans}
    norm = ctx.norm
    for start, end, pat in kept:
        before = norm[start - 1] if start > 0 else ""
        after = norm[end] if end < len(norm) else ""
        if before in "“‘「\"" and after in "”’」\"" and before and after:
            continue  # a placeholder named in quotes is talked about, not left over
        if (before == "、" and (start - 1) in ends) or (after == "、" and (end + 1) in starts):
            continue  # a series of placeholders (xx、XX、××) is a list of examples
        if is_mention(ctx, start, end) or re.fullmatch(r"【填写：[.…。·\s]*】", norm[start:end]):
            continue
        ctx.add("placeholder", start, end - start, pat["message"].replace("{match}", ctx.text[start:end]),
                None, pat.get("severity"))


def _covered(ctx: Context, start: int, wrong: str, excepts: list[str]) -> bool:
    for ex in excepts:
        k = ex.find(wrong)
        while k >= 0:
            if start - k >= 0 and ctx.norm[start - k:start - k + len(ex)] == ex:
                return True
            k = ex.find(wrong, k + 1)
    return False


def rule_typos(ctx: Context) -> None:
    norm = ctx.norm
    for typo in ctx.data["typos"]:
        wrong = typo["wrong"]
        i = norm.find(wrong)
        while i >= 0:
            if not _covered(ctx, i, wrong, typo.get("except", [])):
                ctx.typo_spans.append((i, i + len(wrong)))
                if not is_mention(ctx, i, i + len(wrong)):
                    ctx.add("typo-known", i, len(wrong),
                            f"“{ctx.text[i:i + len(wrong)]}”应写作“{typo['right']}”（{typo['source']}）。", typo["right"],
                            typo.get("severity"))
            i = norm.find(wrong, i + len(wrong))
    for rx, pat in ctx.tab.usage:
        for m in rx.finditer(norm):
            if m.end() == m.start():
                continue
            suggestion = pat.get("replace") or pat.get("replace_map", {}).get(m.group(0))
            ctx.typo_spans.append((m.start(), m.end()))
            if is_mention(ctx, m.start(), m.end()):
                continue
            ctx.add("usage", m.start(), m.end() - m.start(), pat["message"].replace("{match}", m.group(0)),
                    suggestion, pat.get("severity"))


def _evidence(tab: Tables, got: str, want: str) -> Optional[str]:
    a, b = tab.readings.get(got, set()), tab.readings.get(want, set())
    if a & b:
        return "sound"
    if want in tab.shape.get(got, "") or got in tab.shape.get(want, ""):
        return "shape"
    if {fuzzy(s) for s in a} & {fuzzy(s) for s in b}:
        return "fuzzy"
    return None


EDGE_FUNCTION_CHARS = "中上下里内外前后间的了是在和与及等为有之"
FUNCTION_CHARS = "的地得和与及或等之了在是为对把被并也又还就都而且其各"
EVIDENCE_TEXT = {"sound": "读音相同", "shape": "字形相近", "fuzzy": "读音相近"}


def rule_near_typos(ctx: Context) -> None:
    tab, norm = ctx.tab, ctx.norm
    n = len(norm)
    vocab = tab.vocab
    exact = bytearray(n)
    found: dict[tuple, int] = {}  # (term index, start) -> position of the one differing char
    gaps: dict[tuple, int] = {}  # (term index, start, +1 extra / -1 missing) -> where
    get = tab.anchor_hits.get
    skips = tab.skips
    ne = operator.ne
    anchor_first, skip_first = tab.anchor_first, tab.skip_first
    for p, ch in enumerate(norm):
        if ch in anchor_first:
            hits = get(norm[p:p + 2])
            if hits:
                for ti, j, term, size in hits:
                    s = p - j
                    if s < 0 or s + size > n:
                        continue
                    window = norm[s:s + size]
                    if window == term:
                        exact[s:s + size] = b"\x01" * size
                    elif (ti, s) not in found and sum(map(ne, window, term)) == 1:
                        found[(ti, s)] = next(k for k in range(size) if window[k] != term[k])
                    if size >= 5:  # one character too many inside the term
                        s2 = p if j == 0 else p - j - 1
                        key = (ti, s2, 1)
                        if s2 >= 0 and s2 + size + 1 <= n and key not in gaps:
                            w = norm[s2:s2 + size + 1]
                            if w[0] == term[0] and w[-1] == term[-1]:
                                for k in range(1, size):
                                    if w[:k] + w[k + 1:] == term:
                                        gaps[key] = k
                                        break
                    if size >= 5:  # one character missing inside the term
                        s3 = p if j == 0 else p - j + 1
                        key = (ti, s3, -1)
                        if s3 >= 0 and s3 + size - 1 <= n and key not in gaps:
                            w = norm[s3:s3 + size - 1]
                            if w[0] == term[0] and w[-1] == term[-1]:
                                for k in range(1, size - 1):
                                    if term[:k] + term[k + 1:] == w:
                                        gaps[key] = k
                                        break
        if ch in skip_first and p + 2 < n:
            more = skips.get(ch + norm[p + 2])
            if more:
                window = norm[p:p + 3]
                for ti in more:
                    term = vocab[ti]
                    if window == term:
                        exact[p:p + 3] = b"\x01\x01\x01"
                    elif (ti, p) not in found and window[1] != term[1]:
                        found[(ti, p)] = 1
    candidates = [(s, ti, miss) for (ti, s), miss in found.items()]
    typo_mask = bytearray(n)
    for a, b in ctx.typo_spans:
        typo_mask[a:b] = b"\x01" * (b - a)
    best: dict[int, tuple] = {}
    near_ok = ctx.data["near_ok"]
    for s, ti, i in candidates:
        term = vocab[ti]
        pos = s + i
        got, want = norm[pos], term[i]
        if not ("\u4e00" <= got <= "\u9fff") or exact[pos]:
            continue
        if got in near_ok.get(term, {}).get(str(i), ""):
            continue
        if typo_mask.find(1, s, s + len(term)) >= 0:
            continue  # already reported as a known typo or usage
        ev = _evidence(tab, got, want)
        edge = i == 0 or i == len(term) - 1
        if ev is None or (ev == "fuzzy" and (edge or len(term) < 4)):
            continue
        if edge and got in EDGE_FUNCTION_CHARS:
            continue  # 居民群中: a postposition after the word, not a changed character
        if i == 0 and s > 0 and (norm[s - 1] + got) in tab.edge_words:
            continue  # the substitute belongs to the word before (党委|宣讲团)
        if i == len(term) - 1 and s + len(term) < n and (got + norm[s + len(term)]) in tab.edge_words:
            continue  # the substitute belongs to the word after
        severity = "error" if ev != "fuzzy" and len(term) >= 4 else "warning"
        prev = best.get(pos)
        if prev is None or (len(term), -ti) > (len(prev[1]), -prev[5]):
            best[pos] = (s, term, i, ev, severity, ti)
    reported = bytearray(n)
    for pos in sorted(best):
        s, term, i, ev, severity, _ = best[pos]
        window = ctx.text[s:s + len(term)]
        reported[s:s + len(term)] = b"\x01" * len(term)
        if is_mention(ctx, s, s + len(term)):
            continue
        ctx.add("typo-near", s, len(term),
                f"“{window}”疑为“{term}”之误：“{norm[pos]}”与“{term[i]}”{EVIDENCE_TEXT[ev]}。",
                term, severity)
    for (ti, s, kind), k in sorted(gaps.items(), key=lambda g: (g[0][1], -(len(vocab[g[0][0]]) + g[0][2]), g[0][0])):
        term = vocab[ti]
        size = len(term) + kind
        window = norm[s:s + size]
        if exact.find(1, s, s + size) >= 0 or reported.find(1, s, s + size) >= 0 \
                or typo_mask.find(1, s, s + size) >= 0 or window in tab.vocab_set:
            continue
        if kind == 1 and (not is_han(window[k]) or window[k] in FUNCTION_CHARS):
            continue
        if not all(is_han(c) for c in window):
            continue
        reported[s:s + size] = b"\x01" * size
        if is_mention(ctx, s, s + size):
            continue
        what = f"多了“{window[k]}”字" if kind == 1 else f"少了“{term[k]}”字"
        ctx.add("typo-near", s, size, f"“{ctx.text[s:s + size]}”疑为“{term}”之误：{what}。", term, "warning")


def detect_year(ctx: "Context") -> tuple[Optional[int], Optional[int]]:
    """(report year, title year): from the title, else a short line near the top,
    else the year the body most often gives the current period (2025年上半年,
    2025年以来); None when there is none (the time rules then need --year)."""
    title = find_title(ctx)
    if title:
        m = YEAR.search(title[2])
        if m:
            return int(m.group(1)), int(m.group(1))
    near = [l.strip(WS) for i, _, l in ctx.lines() if i < 40 and l.strip(WS)][:3]
    for line in near:
        m = YEAR.search(line)
        if m and len(line) <= 40:
            return int(m.group(1)), None
    counts: dict[int, int] = {}
    for m in BODY_YEAR.finditer(ctx.norm):
        counts[int(m.group(1))] = counts.get(int(m.group(1)), 0) + 1
    if counts:  # the year the body calls the current period most often
        return max(counts, key=lambda y: (counts[y], y)), None
    return None, None


def _occurrences(norm: str, needles: list[str]):
    seen = set()
    for needle in needles:
        i = norm.find(needle)
        while i >= 0:
            if i not in seen:
                seen.add(i)
                yield i, needle
            i = norm.find(needle, i + 1)


def next_year_context(ctx: Context, i: int, year: int) -> bool:
    """The sentence around offset i speaks of next year (明年, 下一步, 2027年 …)."""
    a = max(ctx.norm.rfind("。", 0, i), ctx.norm.rfind("\n", 0, i)) + 1
    ends = [e for e in (ctx.norm.find("。", i), ctx.norm.find("\n", i)) if e >= 0]
    sentence = ctx.norm[a:min(ends) if ends else len(ctx.norm)]
    return any(w in sentence for w in ("明年", "下一步", "今后", "来年", f"{year + 1}年"))


def sentence_year(norm: str, i: int, year: int) -> int:
    """The year the sentence up to offset i speaks of: the nearest "2025年",
    去年 or 明年 before i (relative to ``year``), else ``year``."""
    a = max(norm.rfind(c, 0, i) for c in "。；！？\n") + 1
    head = norm[a:i]
    found = [(m.start(), int(m.group(1))) for m in SENTENCE_YEAR.finditer(head)]
    found += [(head.rfind(w), year + d) for w, d in RELATIVE_YEAR if w in head]
    return max(found)[1] if found else year


def _clause(norm: str, i: int) -> str:
    """The clause before offset i (back to the last comma or stop)."""
    return norm[max(norm.rfind(c, 0, i) for c in "。；！？，\n") + 1:i]


def _ym(date: str) -> str:
    return f"{int(date[:4])}年{int(date[5:7])}月"


def rule_time(ctx: Context, year: Optional[int]) -> None:
    if not year:
        return
    norm, data = ctx.norm, ctx.data
    first_day, last_day = f"{year}-01-01", f"{year}-12-31"
    dated_spans = []
    series: dict[str, list] = {}
    for item in data["timeline"]:
        if item.get("series"):
            series.setdefault(item["series"], []).append(item)
    for items in series.values():
        items.sort(key=lambda it: it["start"])
    for item in data["timeline"]:
        if item["kind"] in ("anniversary", "plan"):
            continue
        for i, needle in _occurrences(norm, item["match"]):
            dated_spans.append((i, i + len(needle)))
            what = "召开" if item["kind"] == "meeting" else "开始"
            if item["start"] > last_day:
                if int(item["start"][:4]) == year + 1 and next_year_context(ctx, i, year):
                    continue  # next year's plans may name next year's campaign
                ctx.add("time-future", i, len(needle),
                        f"“{item['name']}”{_ym(item['start'])}才{what}，{year}年的报告不应提到它；"
                        f"请核对是否套用了其他年份的材料。")
                continue
            if item["kind"] == "campaign" and item.get("end") and int(item["end"][:4]) < year:
                clause = _clause(norm, i)
                if ONGOING.search(clause) and not PAST.search(clause) and sentence_year(norm, i, year) == year \
                        and not norm.startswith("成果", i + len(needle)):
                    ctx.add("time-outdated", i, len(needle),
                            f"“{item['name']}”已于{_ym(item['end'])}结束，{year}年的报告不应写成正在开展；"
                            f"回顾往年的工作请写明年份，延续的工作可写“巩固拓展……成果”。", None)
            if not item.get("series"):
                continue
            later = [x for x in series[item["series"]] if x["start"] > item["start"] and x["start"] <= last_day]
            if not later:
                continue
            newest = later[-1]
            before = norm[max(0, i - 12):i]
            if "最新" in norm[max(0, i - 8):i]:
                sev = "error" if newest["start"] < first_day else "warning"
                ctx.add("time-outdated", i, len(needle),
                        f"“{item['name']}”已不是最新一次会议：{newest['name']}已于{_ym(newest['start'])}召开。",
                        newest["name"], sev)
            elif item.get("outdated_when_cited") and newest["start"] < first_day and CURRENT.search(before):
                ctx.add("time-outdated", i, len(needle),
                        f"{year}年的报告仍把“{item['name']}”作为当前学习贯彻的会议，"
                        f"{newest['name']}已于{_ym(newest['start'])}召开，请改用最新的表述。", newest["name"])
            elif item["series"] == "plenum" and newest["start"] < first_day \
                    and not PAST.search(_clause(norm, i)) and sentence_year(norm, i, year) == year:
                if before.endswith("大和"):
                    ctx.add("time-outdated", i, len(needle),
                            f"{year}年的报告仍写“……大和{needle}精神”，{newest['name']}已于"
                            f"{_ym(newest['start'])}召开；请写到最近一次全会，或写“历次全会”。", newest["match"][0])
                elif CURRENT.search(before) and not any(n in norm for n in newest["match"]):
                    ctx.add("time-outdated", i, len(needle),
                            f"{year}年的报告把“{needle}”作为当前学习贯彻的会议，全文却没有提到"
                            f"{_ym(newest['start'])}召开的{newest['name']}；请写到最近一次全会。", newest["match"][0])
    for item in data["formulations"]:
        if item["since"] <= year:
            continue
        for i, needle in _occurrences(norm, item["match"]):
            if any(a <= i < b for a, b in dated_spans):
                continue
            if item["since"] == year + 1 and next_year_context(ctx, i, year):
                continue
            ctx.add("time-future", i, len(needle),
                    f"“{item['name']}”是{item['since']}年才提出的，{year}年的报告不应出现；请核对材料年份。")
    for rx, item in ctx.tab.anniversaries:
        for m in rx.finditer(norm):
            n = cn_number(m.group(1))
            when = item["base_year"] + n
            before = norm[max(0, m.start() - 10):m.start()]
            said = sentence_year(norm, m.start(), year)
            if when > year + 1 or (FESTIVE.search(before) and when != said):
                ctx.add("time-anniversary", m.start(), m.end() - m.start(),
                        f"{item['name']}（{item['base_year']}年）{n}周年是{when}年，"
                        + (f"与报告年份{year}年不符" if said == year else f"这里说的是{said}年") + "，请核对。")
    for rx, item in ctx.tab.plans:
        for m in rx.finditer(norm):
            mark = "开局" if m.group(2).startswith("开") else "收官"
            when = item["base_year"] + PLAN_MARKS[mark]
            said = sentence_year(norm, m.start(), year)
            if when == said or (said == year and when == year + 1 and next_year_context(ctx, m.start(), year)):
                continue
            right = next((p["match"][0] for _, p in ctx.tab.plans if p["base_year"] + PLAN_MARKS[mark] == said), None)
            ctx.add("time-plan", m.start(1), len(m.group(1)),
                    f"“{item['match'][0]}”{mark}之年是{when}年，这里说的是{said}年"
                    + (f"，{said}年是“{right}”{mark}之年" if right else "") + "；请核对是否套用了其他年份的材料。",
                    right)


def own_unit(ctx: Context) -> Optional[tuple[str, str]]:
    """(name, level) of the unit at the start of the title (中共 and a year skipped), or None."""
    first = find_title(ctx)
    if first is None:
        return None
    title = re.sub(r"^(?:中共)?(?:20[0-9][0-9]年度?)?", "", first[2].strip(WS))
    m = ctx.tab.unit_start.match(title)
    if not m or any(m.group(1).startswith(w) for w in ctx.data["units"]["not_names"]):
        return None
    return m.group(1), m.group(2)


def rule_other_unit(ctx: Context) -> None:
    own = own_unit(ctx)
    if own is None:
        return
    first = find_title(ctx)[0]
    not_names = ctx.data["units"]["not_names"]
    levels = ctx.data["units"]["levels"]
    for m in ctx.tab.unit_mention.finditer(ctx.norm):
        name, level, organ = m.group(1), m.group(2), m.group(3)
        name = name[2:] if name.startswith("中共") else name
        if level != own[1] or name == own[0] or any(name.startswith(w) for w in not_names) \
                or any(w in name for w in levels) or "党" in name or "委" in name \
                or bisect_right(ctx.line_starts, m.start(1)) - 1 == first:
            continue
        ctx.add("other-unit", m.start(1), m.end() - m.start(1),
                f"标题的单位是“{own[0]}{own[1]}”，这一句却以“{name}{level}{organ}”开头；"
                f"照着别的单位的材料改时，正文里的单位名最容易漏改，请核对。", f"{own[0]}{own[1]}{organ}")


def rule_selfname(ctx: Context) -> None:
    same = {"街道办": "街道", "办事处": "街道"}
    hits = []
    for m in ctx.tab.selfname.finditer(ctx.norm):
        if m.start() > 0 and ctx.norm[m.start() - 1] in "自你他她它本":
            continue
        if m.start() > 0 and ctx.norm[m.start() - 1] == "“" and ctx.norm[m.end():m.end() + 1] == "”":
            continue  # “我镇” in quotes is talked about
        hits.append((m.start(), m.group(1), same.get(m.group(1), m.group(1))))
    counts: dict[str, int] = {}
    order: dict[str, int] = {}
    for start, _, form in hits:
        counts[form] = counts.get(form, 0) + 1
        order.setdefault(form, start)
    if len(counts) < 2:
        return
    major = max(counts, key=lambda f: (counts[f], -order[f]))
    for start, raw, form in hits:
        if form != major:
            ctx.add("self-name", start, 1 + len(raw),
                    f"前文多处自称“我{major}”，这里写成“我{raw}”，请统一；两种自称并存多半是套用了其他单位的材料。",
                    "我" + major)


def rule_year_mismatch(ctx: Context, year: Optional[int], from_title: bool) -> None:
    """The current period written with another year (2025年上半年 in a 2026 report).
    ``year`` is the title's year (its own line is not checked) or the one given."""
    if not year:
        return
    title = find_title(ctx)
    first = title[0] if title and from_title else -1
    said = "标题是" if from_title else "报告年份是"
    for m in re.finditer(r"(20[0-9][0-9])年(?:上半年|以来|1[-—～至]6月)", ctx.norm):
        line = bisect_right(ctx.line_starts, m.start()) - 1
        if line == first or int(m.group(1)) == year:
            continue
        ctx.add("year-mismatch", m.start(), m.end() - m.start(),
                f"{said}{year}年，这里写“{m.group(0)}”，请核对年份是否为本期。", None)


def parse_heading(line: str):
    """(level, number, offset, length, fix) for a heading line, or None."""
    stripped = line.lstrip(WS)
    off = len(line) - len(stripped)
    for rx, level, fix in HEADINGS:
        m = rx.match(stripped)
        if m:
            return level, cn_number(m.group(1)), off, m.end(), (fix.format(n=m.group(1)) if fix else None)
    return None


def rule_headings(ctx: Context) -> None:
    counters = {1: 0, 2: 0, 3: 0, 4: 0}
    seen_levels = set()
    warned_top = False
    for _, start, line in ctx.lines():
        h = parse_heading(line)
        if not h:
            continue
        level, num, off, length, fix = h
        pos = start + off
        marker = ctx.text[pos:pos + length]
        if fix:
            ctx.add("heading-form", pos, length, f"序号“{marker}”写法不规范，应为“{fix}”。", fix)
        if level == 2 and 1 not in seen_levels and not warned_top:
            warned_top = True
            ctx.add("heading-order", pos, length,
                    f"“{marker}”是第二层序号，但前面没有第一层标题“一、”；请从“一、”开始编排层次。")
        expected = counters[level] + 1
        if num != expected:
            want = LEVEL_LABEL[level].replace("一", "一二三四五六七八九十"[expected - 1] if expected <= 10 else "一") \
                .replace("1", str(expected))
            ctx.add("heading-order", pos, length,
                    f"序号不连续：这里是“{marker}”，按顺序应为“{want}”。", None)
        counters[level] = num
        for deeper in range(level + 1, 5):
            counters[deeper] = 0
        seen_levels.add(level)


def rule_pairs(ctx: Context) -> None:
    for _, start, line in ctx.lines():
        stack = []
        lead = re.match(r"[ \t\u3000]*[0-9一二三四五六七八九十]{1,3}[)）]", line)
        skip_at = lead.end() - 1 if lead else -1
        for k, ch in enumerate(line):
            if start + k in ctx.garbled:  # a quote inside mojibake is part of it
                continue
            if ch in OPEN_CLOSE:
                stack.append((k, ch))
            elif ch in CLOSERS:
                if k == skip_at:
                    continue
                if stack and stack[-1][1] == CLOSERS[ch]:
                    stack.pop()
                elif any(o == CLOSERS[ch] for _, o in stack):
                    while stack and stack[-1][1] != CLOSERS[ch]:
                        k2, o2 = stack.pop()
                        ctx.add("pairs", start + k2, 1, f"“{o2}”没有配对的“{OPEN_CLOSE[o2]}”。")
                    stack.pop()
                else:
                    ctx.add("pairs", start + k, 1, f"“{ch}”前面没有配对的“{CLOSERS[ch]}”。")
        for k, o in stack:
            ctx.add("pairs", start + k, 1, f"“{o}”没有配对的“{OPEN_CLOSE[o]}”。")


SENTENCE = re.compile(r"[^。！？；!?\n]+[。！？；!?]?")


def rule_duplicates(ctx: Context) -> None:
    seen: dict[str, int] = {}
    for m in SENTENCE.finditer(ctx.norm):
        raw = m.group(0)
        body = raw.strip(WS)
        if len(body) < 8 or len(re.findall("[" + HAN + "]", body)) < 6:
            continue
        key = body.rstrip("。！？；!?")
        start = m.start() + raw.find(body)
        if key in seen:
            line = bisect_right(ctx.line_starts, seen[key])
            ctx.add("duplicate", start, len(body), f"这句与第{line}行的内容重复，请删去一处。")
        else:
            seen[key] = start


def rule_script(ctx: Context) -> None:
    t2s = ctx.tab.t2s
    text = ctx.text
    for i, line_start in enumerate(ctx.line_starts):
        end = ctx.line_starts[i + 1] - 1 if i + 1 < len(ctx.line_starts) else len(text)
        first = last = -1
        chars = []
        for k in range(line_start, end):
            if text[k] in t2s:
                if first < 0:
                    first = k
                last = k
                if text[k] not in chars:
                    chars.append(text[k])
        if first >= 0:
            count = sum(1 for k in range(first, last + 1) if text[k] in t2s)
            sample = "、".join(chars[:5]) + ("等" if len(chars) > 5 else "")
            ctx.add("traditional", first, last - first + 1,
                    f"这一行有{count}个繁体字（{sample}），简体文稿应改为简体。", ctx.norm[first:last + 1])
    for m in PINYIN_DEBRIS.finditer(ctx.norm):
        py = m.group(2)
        if not (any(c in TONE_MARKS for c in py) or (len(py) >= 2 and py in ctx.tab.syllables)):
            continue
        if is_mention(ctx, m.start(), m.end()):
            continue
        ctx.add("pinyin-debris", m.start(2) - 1, m.end() - m.start(2) + 1,
                f"“{ctx.text[m.start(1)]}”后面的“{ctx.text[m.start(2) - 1:m.end()]}”是转换工具留下的注音，请删除。", "")


def is_debris_line(ctx: Context, line: str) -> bool:
    squeezed = SPACES.sub("", PINYIN_NOTE.sub("", line))
    return bool(squeezed) and ctx.tab.debris_start.match(squeezed) is not None


def rule_debris(ctx: Context) -> None:
    debris_lines = set()
    for i, start, line in ctx.lines():
        stripped = line.lstrip(WS)
        if is_debris_line(ctx, line):
            debris_lines.add(i)
            off = len(line) - len(stripped)
            body = stripped.rstrip(WS)
            ctx.add("web-debris", start + off, len(body),
                    f"“{ctx.text[start + off:start + off + min(len(body), 12)]}”一行是网页上的栏目信息，不是报告内容，请删除整行。", "")
    for rx, pat in ctx.tab.inline_debris:
        for m in rx.finditer(ctx.norm):
            if m.end() > m.start() and bisect_right(ctx.line_starts, m.start()) - 1 not in debris_lines:
                ctx.add("web-debris", m.start(), m.end() - m.start(),
                        pat["message"].replace("{match}", ctx.text[m.start():m.end()]), None, pat.get("severity"))


def rule_mojibake(ctx: Context) -> None:
    """Text that went through the wrong encoding (锟斤拷, ä¸­å›½, U+FFFD), matched in the text as pasted."""
    for rx, pat in ctx.tab.mojibake:
        for m in rx.finditer(ctx.text):
            if is_mention(ctx, m.start(), m.end()):
                continue
            ctx.add("mojibake", m.start(), m.end() - m.start(), pat["message"].replace("{match}", m.group()), None,
                    pat.get("severity"))
            ctx.garbled.update(range(m.start(), m.end()))


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


ITEM_START = re.compile("[一二三四五六七八九十]是")


def rule_line_breaks(ctx: Context) -> None:
    """A long line that stops in the middle of a sentence and goes on in the next."""
    lines = list(ctx.lines())
    for k in range(len(lines) - 1):
        _, start, line = lines[k]
        body = line.rstrip(WS)
        nxt = lines[k + 1][2].strip(WS)
        if len(body.strip(WS)) < 30 or not body or not is_han(body[-1]) or not nxt or not is_han(nxt[0]):
            continue
        if parse_heading(lines[k + 1][2]) or ITEM_START.match(nxt) or is_debris_line(ctx, line) \
                or is_debris_line(ctx, lines[k + 1][2]):
            continue
        ctx.add("line-break", start + len(body) - 1, 1,
                f"这一行在句子中间断开，下一行接着写“{nxt[:6]}”；请把两行合并成一段。")


def _ends_figure(norm: str, k: int) -> bool:
    """A "." that ends a line right after a figure written after Chinese (提高到25%.)."""
    if k + 1 < len(norm) and norm[k + 1] != "\n":
        return False
    j = k - 1
    if j >= 0 and norm[j] in "%％":
        j -= 1
    digits = 0
    while j >= 0 and ("0" <= norm[j] <= "9" or norm[j] == "."):
        digits += norm[j] != "."
        j -= 1
    return digits > 0 and j >= 0 and is_han(norm[j])


def rule_width(ctx: Context) -> None:
    norm = ctx.norm
    skip = set()
    for m in PINYIN_DEBRIS.finditer(norm):
        skip.update(range(m.start(2) - 1, m.end()))
    n = len(norm)
    for k, ch in enumerate(norm):
        if ch not in WIDTH or k in skip:
            continue
        prev = norm[k - 1] if k > 0 else ""
        nxt = norm[k + 1] if k + 1 < n else ""
        if ch == ":" and "0" <= prev <= "9" and "0" <= nxt <= "9" and prev and nxt:
            continue
        if ch == "." and not (is_han(prev) and (nxt in ("", "\n", " ", "\t", "\u3000") or is_han(nxt))) \
                and not _ends_figure(norm, k):
            continue
        if ch in "()":
            inner_han = is_han(nxt) if ch == "(" else is_han(prev)
            outer_han = is_han(prev) if ch == "(" else is_han(nxt)
            if not (inner_han or outer_han):
                continue
        elif ch != "." and not (is_han(prev) or is_han(nxt) or (prev and prev in "”）》") or (nxt and nxt in "“（《")):
            continue
        ctx.add("punct-width", k, 1, f"中文里用了半角“{ch}”，应为全角“{WIDTH[ch]}”。", WIDTH[ch])
    for m in re.finditer(r"(?<=[" + HAN + r"])[ \u3000]+(?=[0-9])|(?<=[0-9])[ \u3000]+(?=[" + HAN + r"])", norm):
        ctx.add("space-digit", m.start(), m.end() - m.start(), "汉字与数字之间不留空格。", "")


def find_title(ctx: Context):
    """(line index, start, text) of the title: the first line among the first 30
    that names a kind of report or plan and is not web debris; else the first
    non-empty line. Found once per text (several rules ask)."""
    if ctx.title is _UNKNOWN:
        ctx.title = _find_title(ctx)
    return ctx.title


def _find_title(ctx: Context):
    conf = ctx.data["structure"]
    first = None
    for i, s, l in ctx.lines():
        if i >= 30:
            break
        body = l.strip(WS)
        if not body or is_debris_line(ctx, l):
            continue
        if first is None:
            first = (i, s, l)
        if len(body) <= 50 and any(w in body for w in conf["report_titles"] + conf["plan_titles"]):
            return i, s, l
    return first


def planned_year(title: str, year: int) -> Optional[int]:
    """The year a report's next steps are for: the same year after a half-year
    report (下半年), the next after an annual one; None when the title says neither."""
    if "半年" in title:
        return year
    if any(w in title for w in ("年度", "全年", "总结")):
        return year + 1
    return None


ITEM_BEFORE = "。；;，,：:\n \t\u3000"


def item_starts(text: str, markers: list[str]) -> list[int]:
    """Where the items marked 一是、二是… start in ``text``: a marker at the start or after
    punctuation or a space (统一是 does not start an item)."""
    return sorted({i for marker in markers for i in _find_all(text, marker) if i == 0 or text[i - 1] in ITEM_BEFORE})


def _find_all(text: str, needle: str):
    i = text.find(needle)
    while i >= 0:
        yield i
        i = text.find(needle, i + 1)


def han_count(text: str) -> int:
    return sum(1 for ch in text if is_han(ch))


def part_items(ctx: Context, heads: list[tuple], head: tuple) -> list[tuple[int, str]]:
    """(offset, text) of the items of the part under ``head``: cut at 一是、二是…, else at
    second-level or lower headings, else at lines; items of fewer than 4 Chinese characters dropped."""
    start = head[1] + len(ctx.norm[head[1]:].split("\n", 1)[0]) + 1
    body = part_text(ctx, heads, head)[start - head[1]:]
    cuts = item_starts(body, ctx.data["structure"]["item_markers"])
    if not cuts:
        offset = 0
        for line in body.split("\n"):
            h = parse_heading(line)
            if h and h[0] > 1:
                cuts.append(offset)
            offset += len(line) + 1
    if not cuts:
        offset = 0
        for line in body.split("\n"):
            if line.strip(WS):
                cuts.append(offset)
            offset += len(line) + 1
    items = []
    for k, cut in enumerate(cuts):
        raw = body[cut:cuts[k + 1] if k + 1 < len(cuts) else len(body)]
        text = raw.strip(WS + "\n")
        if han_count(text) >= 4:
            items.append((start + cut + len(raw) - len(raw.lstrip(WS + "\n")), text))
    return items


def part_heads(ctx: Context, first) -> list[tuple]:
    """(line index, start, text) of the lines after the title that open a part:
    first-level headings (一、) and short lines without sentence punctuation."""
    heads = []
    for i, s, l in list(ctx.lines())[first[0] + 1:]:
        h = parse_heading(l)
        body = l.strip(WS)
        if (h and h[0] == 1) or (h is None and 2 <= len(body) <= 24 and not re.search(r"[。；，,;]", body)
                                 and not body.endswith("：")):
            heads.append((i, s, body))
    return heads


def problem_and_next(ctx: Context, heads: list[tuple]) -> tuple:
    """The heads of the problems part and of the next-steps part after it (or None)."""
    conf = ctx.data["structure"]
    prob = next((h for h in heads if any(w in h[2] for w in conf["problem_headings"])), None)
    nxt = next((h for h in heads if any(w in h[2] for w in conf["next_headings"])
                and (prob is None or h[0] > prob[0])), None)
    return prob, nxt


def part_text(ctx: Context, heads: list[tuple], head: tuple) -> str:
    """The text from ``head`` to the next part's head (or the end)."""
    later = [h for h in heads if h[0] > head[0]]
    return ctx.norm[head[1]:later[0][1] if later else len(ctx.norm)]


def plan_tasks(ctx: Context, first) -> list[tuple[int, str]]:
    """(offset, text) of the task lines of a plan: numbered lines (1.、（1）) of 10+ Chinese
    characters, and （一） lines that go on with a sentence (30+), outside the parts whose
    first-level heading has a word of ``unmeasured_parts`` (保障措施, 总体要求)."""
    skip_words = ctx.data["structure"]["unmeasured_parts"]
    out, skipping = [], False
    for i, s, line in ctx.lines():
        if i <= first[0]:
            continue
        h = parse_heading(line)
        if h is None:
            continue
        body = line.strip(WS)
        if h[0] == 1:
            skipping = any(w in body for w in skip_words)
        elif not skipping and ((h[0] >= 3 and han_count(body) >= 10)
                               or (h[0] == 2 and "。" in body and han_count(body) >= 30)):
            out.append((s + len(line) - len(line.lstrip(WS)), body))
    return out


def rule_vague_measures(ctx: Context) -> None:
    """A plan's task or a report's next step with no figure, frequency or deadline."""
    conf = ctx.data["structure"]
    first = find_title(ctx)
    if first is None:
        return
    title = first[2].strip(WS)
    if any(w in title for w in conf["plan_titles"]):
        items, what = plan_tasks(ctx, first), "任务"
    elif any(w in title for w in conf["report_titles"]):
        heads = part_heads(ctx, first)
        nxt = problem_and_next(ctx, heads)[1]
        items, what = (part_items(ctx, heads, nxt) if nxt else []), "措施"
    else:
        return
    for offset, text in items:
        # neither the item's own number (2.) nor a year (2026年，我们将……) is a measure;
        # template fields and 特此报告 are not measures to check
        h = parse_heading(text)
        bare = YEAR_WORD.sub("", text[h[2] + h[3]:] if h else text)
        if text.startswith("【") or han_count(text) < 8 or ctx.tab.measurable.search(bare):
            continue
        line = text.split("\n", 1)[0]
        stop = line.find("。")
        ctx.add("vague-measure", offset, stop + 1 if stop >= 0 else len(line),
                f"这条{what}没有写数量、频次或时限（如“每季度1次”“6月底前”“不少于20场”），"
                f"年底无法检查做到了没有。")


QUOTED = re.compile("“[^“”\n]*”")


def rule_empty_praise(ctx: Context) -> None:
    """A sentence of stock praise (data/checker/stock.yml) with nothing checkable in it; quoted phrases are cited."""
    conf = ctx.data["stock"]
    for m in SENTENCE.finditer(ctx.norm):
        raw = m.group(0)
        body = raw.strip(WS)
        bare = QUOTED.sub(lambda q: " " * len(q.group()), body)
        used = [p for p in conf["phrases"] if p in bare]
        if len(used) < conf["min_phrases"] or ctx.tab.facts.search(YEAR_WORD.sub("", bare)):
            continue
        ctx.add("empty-praise", m.start() + raw.find(body), len(body),
                f"这句话有“{used[0]}”“{used[1]}”这类评价，却没有一个能核对的事实（做了什么、数字多少），"
                f"请写实或删去。")


def rule_structure(ctx: Context, title_year: Optional[int] = None) -> None:
    conf = ctx.data["structure"]
    first = find_title(ctx)
    if first is None:
        return
    title = first[2].strip(WS)
    if not any(w in title for w in conf["report_titles"]) or any(w in title for w in conf["plan_titles"]):
        return
    heads = part_heads(ctx, first)
    if not heads:
        return
    prob, nxt = problem_and_next(ctx, heads)
    tstart = first[1] + len(first[2]) - len(first[2].lstrip(WS))
    if prob is None:
        ctx.add("structure-problems", tstart, len(title),
                "这份报告没有写存在的问题和不足的部分（例如“存在的问题”），汇报和总结应当如实写出问题。")
    if nxt is None:
        ctx.add("structure-next", tstart, len(title),
                "这份报告没有下一步打算或整改措施的部分，应写出针对问题的具体措施。")
    if prob is None or nxt is None:
        return

    ptext, ntext = part_text(ctx, heads, prob), part_text(ctx, heads, nxt)
    want = planned_year(title, title_year) if title_year else None
    for m in NEXT_YEAR_OPENING.finditer(ntext) if want else ():
        if int(m.group(1)) != want:
            ctx.add("year-mismatch", nxt[1] + m.start(1), len(m.group(1)) + 1,
                    f"这是{title_year}年的{'半年' if want == title_year else '年度'}报告，下一步打算写的是"
                    f"{want}年的安排，这里写成了“{m.group(1)}年”，请核对。", f"{want}年")
    markers = conf["item_markers"]

    def items(text):
        count = len(item_starts(text, markers))
        if count == 0:
            count = sum(1 for l in text.split("\n")[1:] if parse_heading(l) and parse_heading(l)[0] > 1)
        return count

    pcount, ncount = items(ptext), items(ntext)
    head_len = len(prob[2])
    if pcount and ncount and ncount < pcount:
        ctx.add("structure-match", prob[1], head_len,
                f"问题部分列了{pcount}条，下一步打算只有{ncount}条，请检查每个问题是否都有对应措施。")
    missing = []
    for group in conf["topics"]:
        words = group.split("|")
        hit = next((w for w in words if w in ptext), None)
        if hit and not any(w in ntext for w in words):
            missing.append(hit)
    if missing:
        ctx.add("structure-match", prob[1], head_len,
                "问题部分谈到" + "、".join(f"“{w}”" for w in missing) + "，下一步打算中没有相应的措施，请补上或删去该问题。")


def check(text: str, data: dict, year: Optional[int] = None) -> list[Finding]:
    """All findings for ``text`` (already ``prepare``d or not), sorted by position."""
    text = prepare(text)
    tab = tables(data)
    ctx = Context(text, data, tab)
    detected, title_year = detect_year(ctx)
    rule_placeholders(ctx)
    rule_typos(ctx)
    rule_near_typos(ctx)
    rule_time(ctx, year or detected)
    rule_selfname(ctx)
    rule_other_unit(ctx)
    rule_year_mismatch(ctx, year or title_year, year is None)
    rule_headings(ctx)
    rule_mojibake(ctx)
    rule_pairs(ctx)
    rule_duplicates(ctx)
    rule_script(ctx)
    rule_debris(ctx)
    rule_line_breaks(ctx)
    rule_width(ctx)
    rule_structure(ctx, title_year)
    rule_vague_measures(ctx)
    rule_empty_praise(ctx)
    ctx.findings.sort(key=lambda f: (f.start, f.rule, f.length, f.message))
    return ctx.findings


def summary(findings: list[Finding]) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in findings:
        out[f.severity] = out.get(f.severity, 0) + 1
    return out


def detect_year_of(text: str, data: dict) -> Optional[int]:
    """The report year the time rules use when none is given."""
    return detect_year(Context(prepare(text), data, tables(data)))[0]
