"""The report checker for Python: checker/engine.js, run in V8 (mini-racer).

engine.js is the one implementation of 报告体检 and 总结和要点对照: the pages run
it in the browser, and this module runs the same file for the command line
(scripts/check_report.py), the build and the tests. One V8 context per
process; the engine and the compiled data (checker/compile.py) are loaded
into it once, and each call passes only the text.

``words``: the user's own words (``--words FILE``, ``read_words``), names the typo rules never
report (GuideChecker.check in engine.js); the local edition's names come with the data.

Positions: the text is read with every "\\r\\n" and "\\r" turned into "\\n"
(``prepare``); lines and columns count Unicode characters (code points) of
that text, 1-based.

Without the mini-racer wheel (see README, "The checker on the command line")
the first call raises ``EngineUnavailable``, whose message says what to do.
"""

from __future__ import annotations

import atexit
import json
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Optional

ENGINE_JS = Path(__file__).with_name("engine.js")

# Called from Python with the text only; the data stays in the context.
_GLUE = """
var __guide = { data: null };
function __guideCheck(text, year, words) {
  return GuideChecker.check(text, __guide.data, year, words).map(function (f) { delete f.offset; delete f.units; return f; });
}
function __guideMatchPlan(summary, plan) { return GuideChecker.matchPlan(summary, plan, __guide.data); }
function __guideDetectYear(text) { return GuideChecker.detectYear(text, __guide.data); }
function __guideFix(text, year, words) { return GuideChecker.fix(text, __guide.data, year, words); }
function __guidePlan(paras, year, stories, words) {
  return GuideChecker.annotationPlan(paras, __guide.data, { year: year, stories: stories, words: words });
}
function __guideLedgerFigures(sheets, period) { return GuideChecker.ledgerFigures(sheets, period, __guide.data); }
function __guideCheckFigures(text, result, half) { return GuideChecker.checkFigures(text, result, __guide.data, half); }
function __guideCall(name, args) { return GuideChecker[name].apply(null, args); }
function __guideLmScores(texts) { return texts.map(function (t) { return GuideChecker.lmScore(t, __guide.data); }); }
function __guideRegexError(source, flags) {
  try { new RegExp(source, flags); return null; } catch (e) { return String(e.message); }
}
function __guideRegexErrors(pairs) { return pairs.map(function (p) { return __guideRegexError(p[0], p[1]); }); }
"""


class EngineUnavailable(Exception):
    """mini-racer (V8) cannot be imported here; the message says what to do."""


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
    start: int  # offset in the prepared text, in code points (not part of the JSON output)
    score: Optional[float] = None  # typo-context: how much likelier the corrected text is (nats)

    def to_json(self) -> dict:
        out = asdict(self)
        del out["start"]
        if out["score"] is None:
            del out["score"]
        return out


def _unavailable(exc: Exception) -> EngineUnavailable:
    return EngineUnavailable(
        "报告体检的命令行需要 mini-racer（V8 引擎），但这台电脑上无法加载它"
        f"（{exc.__class__.__name__}: {exc}）。\n"
        "What to do: install it with `pip install -r requirements.txt` (wheels exist for 64-bit Windows, "
        "macOS, and 64-bit Linux with glibc 2.27+ or musl; see README), or use the 报告体检 page of the "
        "guide in a browser, which runs the same checker.")


V8_FLAGS: tuple[str, ...] = ()  # see _Engine.__init__


class _Engine:
    def __init__(self) -> None:
        try:
            from py_mini_racer import LibNotFoundError, MiniRacer, init_mini_racer
        except ImportError as exc:  # no wheel for this platform
            raise _unavailable(exc) from None
        try:
            # V8's own defaults, not mini-racer's --single-threaded: compiled on a second thread, the
            # context rule's word-pair evidence runs a third faster (scripts/bench_checker.py); a process
            # that made a MiniRacer before (the search index at build time) keeps the flags it had
            init_mini_racer(flags=V8_FLAGS, ignore_duplicate_init=True)
            self.ctx = MiniRacer()
        except (OSError, LibNotFoundError) as exc:  # the wheel is there, its V8 library cannot load here
            raise _unavailable(exc) from None
        self.ctx.eval(ENGINE_JS.read_text(encoding="utf-8"))
        self.ctx.eval(_GLUE)
        self.data: dict | None = None

    def call(self, data: dict | None, function: str, *args):
        if data is not None and data is not self.data:
            self.ctx.eval("__guide.data = " + json.dumps(data, ensure_ascii=False) + ";")
            self.data = data
        return self.ctx.call(function, *args)


_engine: _Engine | None = None
_lock = threading.Lock()


def engine() -> _Engine:
    """The process's V8 context with engine.js loaded (made on first use)."""
    global _engine
    with _lock:
        if _engine is None:
            _engine = _Engine()
            atexit.register(_close)
        return _engine


def _close() -> None:
    """Close the context before the interpreter shuts down: an open one keeps it from exiting."""
    global _engine
    if _engine is not None:
        _engine.ctx.close()
        _engine = None


def prepare(text: str) -> str:
    """The text as the checker counts it: newlines unified."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check(text: str, data: dict, year: Optional[int] = None, words: Optional[list[str]] = None) -> list[Finding]:
    """All findings for ``text``, sorted by position; ``words``: names no typo rule reports."""
    text = prepare(text)
    found = engine().call(data, "__guideCheck", text, year, list(words or []))
    starts, at = [0], 0
    for line in text.split("\n"):
        at += len(line) + 1
        starts.append(at)
    return [Finding(**f, start=starts[f["line"] - 1] + f["column"] - 1) for f in found]


def safe_fix(text: str, data: dict, year: Optional[int] = None, words: Optional[list[str]] = None) -> tuple[str, int]:
    """(text with the safe fixes made, number of edits): the engine's one definition of them
    (GuideChecker.fix: the rules with a `fix` in data/checker/rules.yml); ``words`` as for check."""
    out = engine().call(data, "__guideFix", prepare(text), year, list(words or []))
    return out["text"], out["changes"]


def annotation_plan(paras: list, data: dict, year: Optional[int] = None, stories: Optional[list] = None,
                    words: Optional[list[str]] = None) -> dict:
    """Where the findings and safe fixes of a .docx go: GuideChecker.annotationPlan (engine.js
    explains ``paras``, ``stories`` and the answer; offsets are UTF-16 units of the piece's text);
    ``words`` as for check."""
    return engine().call(data, "__guidePlan", paras, year, stories or [], list(words or []))


def detect_year_of(text: str, data: dict) -> Optional[int]:
    """The report year the time rules use when none is given."""
    return engine().call(data, "__guideDetectYear", prepare(text))[0]


def match_plan(summary: str, plan: str, data: dict) -> dict:
    """总结和要点对照: {"problems": [{line, text, matched, score, plan_line, plan_text, shared}] or None,
    "plan_lines": n}; None when the summary has no problems part."""
    return engine().call(data, "__guideMatchPlan", summary, plan)


def summary(findings: list[Finding]) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in findings:
        out[f.severity] = out.get(f.severity, 0) + 1
    return out


def regex_error(source: str, flags: str = "gmu") -> Optional[str]:
    """Why JavaScript cannot read ``source`` as a RegExp with ``flags`` (as the engine compiles
    the patterns of data/checker), or None."""
    return engine().call(None, "__guideRegexError", source, flags)


def regex_errors(pairs: list[tuple[str, str]]) -> list[Optional[str]]:
    """``regex_error`` of each (source, flags), in one call."""
    return engine().call(None, "__guideRegexErrors", [list(pair) for pair in pairs]) if pairs else []


def lm_scores(texts: list[str], data: dict) -> list[float | None]:
    """The language model's log10 probability of each stretch as the engine scores it (lmScore; the
    Python reference is checker/langmodel.py Model.score); None where data holds no model."""
    return engine().call(data, "__guideLmScores", list(texts))


def cn_number(s: str) -> int:
    """一 -> 1, 十二 -> 12, 二十 -> 20, 105 -> 105, 一百零五 -> 105 (the engine's own reading)."""
    return engine().call(None, "__guideCall", "cnNumber", [s])


def ledger_figures(sheets: list[dict], period: str, data: dict) -> dict:
    """台账对数: the figures of the ledgers' rows for ``period`` (2026H1, 2026, 2026Q3,
    2026-01-01..2026-06-30). ``sheets`` is [{"file", "name", "rows": [[cell, …], …]}], the rows
    from the sheet's first row, each cell a str, number, bool, None or a date as "YYYY-MM-DD"
    (checker/ledger_reader.py). Returns {"period", "ledgers", "figures", "problems"}."""
    return engine().call(data, "__guideLedgerFigures", sheets, period)


def check_figures(text: str, result: dict, data: dict, half: str | None = None) -> dict:
    """The draft's figures that name a counted thing, compared with ``result`` (ledger_figures):
    {"mentions": [{key, label, unit, written, status, ledger_value, line, column, message, …}],
     "problems": [half-year above the year], "half": the mentions of ``half`` or None}. ``half`` is
    the half-year report of the same year: its figures are checked as the half-year's, and the
    draft's figures for the year must not be below them."""
    return engine().call(data, "__guideCheckFigures", prepare(text), result, prepare(half) if half else None)
