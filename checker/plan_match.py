"""总结和要点对照: does each problem a summary names have a task in the plan?

``match_plan(summary, plan, data)`` finds the problems part of the summary
(the same part the structure rule finds), cuts it into items (一是、二是…,
else second-level headings, else lines) and, for each item, the plan line
that shares most with it: topic words (data/checker/structure.yml ``topics``,
3 points a group), figures such as 24小时 or 35岁 (2 points each), a figure
in the unit of a count the problem names (``match_counts``: 场次 -> 24场, 2
points each) and
two-character pieces of Chinese (1 point each, minus ``match_ignore``). An
item whose best line scores under ``match_threshold`` has no measure.

The browser runs the same steps (matchPlan in
docs/assets/javascripts/checker/engine.js); tests/checker_cases/plan-match.yml
holds the cases both must answer identically. Pure: text in, result out.
"""

from __future__ import annotations

import re
from typing import Optional

from .engine import (EDGE_FUNCTION_CHARS, WS, Context, find_title, han_count, is_han, parse_heading, part_heads,
                     part_items, prepare, problem_and_next, tables)

FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:[%％]|[\u4e00-\u9fff])")
SHOWN = 6  # shared words shown per match
TEXT_CHARS = 60


def _line_of(ctx: Context, offset: int) -> int:
    return ctx.norm.count("\n", 0, offset) + 1


def _short(text: str) -> str:
    """The item's first line's first sentence, at most TEXT_CHARS characters."""
    body = " ".join(text.split("\n", 1)[0].split())
    stop = body.find("。")
    if 0 <= stop < TEXT_CHARS:
        return body[:stop + 1]
    return body[:TEXT_CHARS] + ("…" if len(body) > TEXT_CHARS else "")


def problem_items(ctx: Context) -> Optional[list[tuple[int, str]]]:
    """(offset, text) of each problem in the summary, or None without a problems part."""
    first = find_title(ctx)
    if first is None:
        return None
    heads = part_heads(ctx, first)
    prob, _ = problem_and_next(ctx, heads)
    if prob is None:
        return None
    return part_items(ctx, heads, prob)


def plan_lines(ctx: Context) -> list[tuple[int, str]]:
    """(offset, text) of each line of the plan that can carry a task."""
    first = find_title(ctx)
    skip = first[0] if first else -1
    out = []
    for i, s, line in ctx.lines():
        body = line.strip(WS)
        h = parse_heading(line)
        if i == skip or (h and h[0] == 1) or han_count(body) < 6:
            continue
        out.append((s + len(line) - len(line.lstrip(WS)), body))
    return out


def _counted(problem: str, line: str, counts: dict[str, str]) -> list[str]:
    """Figures of ``line`` in the unit of a count ``problem`` names: 宣讲场次少 -> ["场次→24场"]."""
    out = []
    for word, unit in counts.items():
        m = re.search("[0-9]+(?:\\.[0-9]+)?" + unit, line) if word in problem else None
        if m:
            out.append(f"{word}→{m.group()}")
    return out


def _score(problem: str, line: str, topics: list[list[str]], ignore: set[str],
           counts: dict[str, str]) -> tuple[int, list[str]]:
    """Points for ``line`` as the measure for ``problem``, and the words they share (for display)."""
    shared, score = [], 0
    for words in topics:
        mine = next((w for w in words if w in problem), None)
        theirs = next((w for w in words if w in line), None)
        if mine and theirs:
            score += 3
            shared.append(mine if mine in line else theirs)
    figures = [f for f in dict.fromkeys(FIGURE.findall(problem)) if f in line]
    score += 2 * len(figures)
    counted = _counted(problem, line, counts)
    score += 2 * len(counted)
    pieces, runs, run_start, run_end = set(), [], -1, -1
    for k in range(len(problem) - 1):
        piece = problem[k:k + 2]
        if is_han(piece[0]) and is_han(piece[1]) and piece not in ignore and piece in line:
            pieces.add(piece)
            if k > run_end - 1:  # not overlapping the current run: start a new one
                if run_start >= 0:
                    runs.append(problem[run_start:run_end])
                run_start = k
            run_end = k + 2
    if run_start >= 0:
        runs.append(problem[run_start:run_end])
    score += len(pieces)
    shown = [_widen(problem, f, line) for f in figures]  # 12小 -> 12小时, as both texts have it
    for run in runs:
        run = run.strip(EDGE_FUNCTION_CHARS)  # 是社 -> 社: a word's edge, not a word
        if len(run) >= 2 and not any(run in w or w in run for w in shared + shown):
            shared.append(run)
    return score, (shared + shown + counted)[:SHOWN]


def _widen(problem: str, figure: str, line: str) -> str:
    """``figure`` with up to 3 more Chinese characters that follow it in ``problem`` and in ``line``."""
    start = problem.find(figure)
    end, limit = start + len(figure), min(len(problem), start + len(figure) + 3)
    while end < limit and is_han(problem[end]) and problem[start:end + 1] in line:
        end += 1
    return problem[start:end]


def match_plan(summary: str, plan: str, data: dict) -> dict:
    """{"problems": [{line, text, matched, plan_line, plan_text, shared, score}] or None, "plan_lines": n}."""
    tab = tables(data)
    sctx = Context(prepare(summary), data, tab)
    pctx = Context(prepare(plan), data, tab)
    conf = data["structure"]
    topics = [group.split("|") for group in conf["topics"]]
    ignore = set(conf["match_ignore"])
    counts = conf["match_counts"]
    lines = plan_lines(pctx)
    items = problem_items(sctx)
    if items is None:
        return {"problems": None, "plan_lines": len(lines)}
    out = []
    for offset, text in items:
        best, best_shared, best_line = 0, [], None
        for loffset, line in lines:
            score, shared = _score(text, line, topics, ignore, counts)
            if score > best:
                best, best_shared, best_line = score, shared, (loffset, line)
        matched = best >= conf["match_threshold"]
        out.append({
            "line": _line_of(sctx, offset), "text": _short(text), "matched": matched, "score": best,
            "plan_line": _line_of(pctx, best_line[0]) if matched else None,
            "plan_text": _short(best_line[1]) if matched else None,
            "shared": best_shared if matched else [],
        })
    return {"problems": out, "plan_lines": len(lines)}
