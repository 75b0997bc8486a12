"""What a query asks for, read from its words: the ``intent`` of data/search/ (ranking.yml) for the worker.

A question names the kind of page it wants besides its topic: 半年汇报什么时候交 asks for a date (the
calendar, the task page), 半年汇报模板 for a file to fill in. The topic words match the task page, the
template, the sample and the annotated report alike, and the template, whose every section repeats them,
often came first. ``intent`` lists words that show what is asked (matched anywhere in the query as typed,
never removed from it) and the pages that answer; the worker's re-rank (``__guideRerank`` in results.js)
multiplies those pages' score among the first twenty by ``factor``. The words are data: the worker gets them
as ``__guideIntent``, appended by ``worker_patch.patch_worker``.

The other way round, ``unasked`` names pages that answer only a query asking for them (the samples): a
question about a topic (社区宣传栏多长时间更新一次) found the annotated self-inspection report, which touches
every topic, before the work-point page that answers it. Among the first twenty, such a page's score is
multiplied by that group's ``factor`` (< 1) unless a kind the query asks for names it (范文); ``unasked`` is a
list of such groups (the samples weigh 0.25, the templates 0.5), the first group naming a page counts.

``weights`` weigh pages in the same re-rank whatever the query asks for (a question, two words or more, whose
first twenty pages are re-ranked): the task pages, which name every document by its title and so come first
for any question about one, a little less; the checklists, which answer "what to check before ...", more.
Unlike ``page_boost``, they leave one-word queries and the order past the first twenty alone.
"""

from __future__ import annotations

import json


def glob_source(patterns: list[str]) -> str:
    """A regular expression (valid in JavaScript and Python) for docs paths matching any of ``patterns``;
    ``*`` stays within one folder (tasks/*.md), as the schema's page patterns allow only [a-z0-9*/._-]."""
    parts = [p.replace(".", "\\.").replace("*", "[^/]*") for p in patterns]
    return "^(?:" + "|".join(parts) + ")$"


def intent_js(intent: dict | None) -> str:
    """The statement that gives the worker ``__guideIntent`` ({factor, kinds: [{words, pages}], unasked?: [{factor,
    pages}], weights?: [{factor, pages}]}, pages as a regular expression's source), or an empty string without an
    ``intent`` (data/search/ranking.yml, lists as its schema requires)."""
    if not intent:
        return ""
    kinds = [{"words": [w.lower() for w in kind["words"]], "pages": glob_source(kind["pages"])}
             for kind in intent["kinds"]]
    data = {"factor": intent["factor"], "kinds": kinds}
    for key in ("unasked", "weights"):
        if intent.get(key):
            data[key] = [{"factor": g["factor"], "pages": glob_source(g["pages"])} for g in intent[key]]
    return f"var __guideIntent={json.dumps(data, ensure_ascii=False, separators=(',', ':'))};"
