// What the guide does with the results of Material's search worker before it sends them to the page.
// Appended to the patched worker (macros/search/worker_patch.py, RESULTS); plain functions, no DOM, so the
// tests run them in V8 as they are (tests/test_search_results.py).
//
// __guideSearch(search, query) is called by the worker's message handler instead of search.search(query).
// It gives each result a snippet: Material shows a result's whole section, or its first two matched blocks,
// a table or a long list in full, so the words that matched are often below the fold of the result list.
// Here every result's text becomes one short line or two around the stretch with the most of the query's
// words, marks kept; and when a page's own text has fewer of the query's words than one of its sections,
// that section is shown under the page (the result list shows the sections that score at least as high as
// the page; the others are behind "在该页上还有 N 个符合条件的结果").

var __guideSnippetSize = 120; // characters of text in a snippet, about two lines of the result list
var __guideSnippetLead = 24; // characters shown before the first matched word, at most
var __guideBlock = /^(p|li|ul|ol|dl|dt|dd|tr|td|th|table|thead|tbody|h[1-6]|div|br|blockquote|pre|section|details|summary|figcaption)$/i;
var __guideStop = /[。；！？\s]/;
var __guideStopCodes = {};  // character code -> whether __guideStop matches it, looked up once per code

// Whether character ``i`` of chars ends a sentence or is white space (an entity or a character outside the BMP,
// U+E000 in ``text``, never does: __guideStop matches neither them whole nor U+E000).
function __guideIsStop(c, i) {
  var code = c.text.charCodeAt(i), stop = __guideStopCodes[code];
  if (stop === undefined) stop = __guideStopCodes[code] = __guideStop.test(c.text.charAt(i));
  return stop;
}

// The visible characters of an HTML string, as one string with one code unit per character (``text``): an
// entity and a character outside the BMP each count as one character, kept whole in ``whole`` (position ->
// what stands there) and stood for by U+E000 in ``text`` (``entities``: whether there is any); ``marks``, the
// runs of marked characters ([from, to), longest runs, in order); a space where a block ended before them. A
// run of white space shows as one space (none at the start, none after another), the segmenter's zero-width
// spaces not at all. The string is read a token at a time (a tag, an entity, a run of white space, a run of
// other text), not a character at a time: a result's text is up to some ten thousand characters and every
// result gets a snippet, which was most of the worker's time on a long question.
// With ``size``, reading stops as soon as a snippet of that size is sure to be in the text read (the text
// is then cut short, and ``n`` with it): past the last mark, more than ``size`` characters after its start
// (or after the text's start, without marks), plus the two spaces a snippet may skip at its start.
function __guideChars(html, size) {
  var re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>|(&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|[\ud800-\udbff][\udc00-\udfff])|(\s+)|[^<&\ud800-\udbff\s]+|[\s\S]/g;
  var text = "", last = "", marks = [], whole = {}, entities = false, inMark = false, gap = false, m, run;
  var lastOpen = Infinity; // where the last mark opens in html: reading stops only past it
  if (size !== undefined) {
    lastOpen = /<(?!mark)[mM][aA][rR][kK]/.test(html) ? Infinity : html.lastIndexOf("<mark");
  }
  function add(part, marked) {
    var at = text.length;
    text += part;
    last = part.charAt(part.length - 1);
    if (!marked) return;
    if (marks.length && marks[marks.length - 1][1] === at) marks[marks.length - 1][1] = text.length;
    else marks.push([at, text.length]);
  }
  // One piece without white space, or a run of white space (shown as one space). Returns where it went.
  function put(part, space) {
    if (space && (!last || last === " ")) return -1;
    if (gap && last && last !== " ") add(" ", false);
    gap = false;
    add(space ? " " : part, inMark);
    return text.length - 1;
  }
  while ((m = re.exec(html))) {
    if (m[2]) {
      var tag = m[2];
      if (tag.length === 4 && tag.toLowerCase() === "mark") inMark = !m[1];
      else if (__guideBlock.test(tag)) gap = true;
    } else if (m[3]) {
      whole[put("\ue000", false)] = m[3];
      entities = true;
    } else if (m[4]) {
      put(" ", true);
    } else {
      run = m[0];
      if (run.indexOf("\u200b") >= 0) run = run.replace(/\u200b/g, "");
      if (run) put(run, false);
    }
    if (re.lastIndex > lastOpen && !inMark && text.length > (marks.length ? marks[marks.length - 1][0] : 0) + size + 2) break;
  }
  return {text: text, marks: marks, whole: whole, entities: entities, n: text.length};
}

// __guideChars(html, size), each text read once and kept: typing a question asks again for the result texts of
// the keystrokes before. Measured on unseen-4's queries typed a character at a time in V8 (2026-12-05 round 10):
// 134,770 of 149,655 reads were of a text read before, highlights and all; 5.5 -> 4.3 ms a keystroke, answers
// byte for byte the same. What __guideChars gives depends on its arguments only and no caller changes it, so a
// kept one is what a new read would give. Kept in two generations of up to __guideCharsBudget characters of
// text each: when the newer is full it becomes the older and the older is let go; a text found in the older is
// moved to the newer (the worker keeps at most about 16 MB for this).
var __guideCharsBudget = 2000000, __guideCharsNew = new Map(), __guideCharsOld = new Map(), __guideCharsKept = 0;

function __guideCharsOnce(html, size) {
  var c = __guideCharsNew.get(html);  // by text; the size is checked (every snippet asks with the same)
  if (c && c.size === size) return c.chars;
  c = __guideCharsOld.get(html);
  if (!c || c.size !== size) c = {size: size, chars: __guideChars(html, size)};
  if ((__guideCharsKept += html.length) > __guideCharsBudget) {
    __guideCharsOld = __guideCharsNew;
    __guideCharsNew = new Map();
    __guideCharsKept = html.length;
  }
  __guideCharsNew.set(html, c);
  return c.chars;
}

// Characters [from, to) of chars as they were typed (entities and characters outside the BMP whole).
function __guideSlice(c, from, to) {
  if (!c.entities) return c.text.slice(from, to);
  var out = "", i;
  for (i = from; i < to; i++) out += i in c.whole ? c.whole[i] : c.text.charAt(i);
  return out;
}

function __guideCharAt(c, i) {
  return i in c.whole ? c.whole[i] : c.text.charAt(i);
}

// The marked word chars[a, b), lowercased a character at a time (a word of letters and CJK only at once: the same,
// and quicker).
function __guideMarkWord(c, a, b) {
  var word = c.entities ? "" : c.text.slice(a, b), i;
  if (!word || !/^[\u0000-\u007f\u3000-\u9fff]*$/.test(word)) for (word = "", i = a; i < b; i++) word += __guideCharAt(c, i).toLowerCase();
  else word = word.toLowerCase();
  return word;
}

// How many of the query's ``terms`` the marked words of chars[from, to) stand for (a marked word stands
// for each term it begins with: terms are searched with a trailing wildcard); without terms, how many
// different marked words there are.
function __guideWords(c, from, to, terms, first) {
  var words = {}, k;
  for (k = first || 0; k < c.marks.length && c.marks[k][0] < to; k++) {
    var a = Math.max(c.marks[k][0], from), b = Math.min(c.marks[k][1], to);
    if (a >= b) continue;
    words[__guideMarkWord(c, a, b)] = true;
  }
  words = Object.keys(words);
  if (!terms || !terms.length) return words.length;
  return terms.filter(function (term) {
    return words.some(function (w) { return w.indexOf(term) === 0; });
  }).length;
}

// Which of ``terms`` (at most 30: bit t for terms[t]) a marked word begins with.
function __guideTermBits(word, terms) {
  var bits = 0;
  for (var t = 0; t < terms.length; t++) if (word.indexOf(terms[t]) === 0) bits |= 1 << t;
  return bits;
}

// __guideWords(c, from, to, terms, first) for every window of __guideWindow at once: each mark's word is lowercased
// once (and kept with ``c``, which __guideCharsOnce keeps: the same text is read again at the next keystroke) and
// compared with the terms once, not once for every window it falls in (a long question's result text has some
// hundred marks, and every mark started a window that read the marks after it again). The count of a window is
// the number of terms some word of it begins with: the bits of its words' terms, or-ed. A mark cut by the
// window's end is read as cut, as __guideWords reads it. Null for more than 30 terms or none (then __guideWords).
function __guideWindowWords(c, terms) {
  if (!terms || !terms.length || terms.length > 30) return null;
  var lower = c.lower || (c.lower = []), bits = [], k;
  for (k = 0; k < c.marks.length; k++) {
    if (lower[k] === undefined) lower[k] = __guideMarkWord(c, c.marks[k][0], c.marks[k][1]);
    bits.push(__guideTermBits(lower[k], terms));
  }
  return function (k, to) {  // the count for the window of mark k, [marks[k][0], to)
    var all = 0, j, n = 0;
    for (j = k; j < c.marks.length && c.marks[j][0] < to; j++) {
      all |= c.marks[j][1] <= to ? bits[j] : __guideTermBits(__guideMarkWord(c, c.marks[j][0], to), terms);
    }
    for (; all; all &= all - 1) n++;
    return n;
  };
}

// Where a snippet of ``size`` characters starts: before the run of marks that has the most of the query's
// terms within ``size`` of it, from the end of a sentence at most ``lead`` characters before.
function __guideWindow(c, size, lead, terms) {
  var best = 0, bestWords = -1, i, k, n = c.n, counted = __guideWindowWords(c, terms);
  for (k = 0; k < c.marks.length; k++) {
    i = c.marks[k][0];
    var to = Math.min(n, i + size - lead);  // marks before k end before i
    var words = counted ? counted(k, to) : __guideWords(c, i, to, terms, k);
    if (words > bestWords) { best = i; bestWords = words; }
  }
  if (bestWords < 0) return 0;
  var start = Math.max(0, best - lead);
  for (i = best - 1; i >= start; i--) if (__guideIsStop(c, i)) return i + 1;
  return start;
}

// A snippet of a result's highlighted text: one paragraph of at most ``size`` characters around the most
// of the query's ``terms``, marks kept, "…" where text was cut.
function __guideSnippet(html, size, lead, terms) {
  size = size || __guideSnippetSize;
  lead = lead === undefined ? __guideSnippetLead : lead;
  var c = __guideCharsOnce(html, size), n = c.n; // read as far as the snippet needs: n may fall short
  if (!n) return "";
  var start = __guideWindow(c, size, lead, terms);
  while (start < n && c.text.charAt(start) === " ") start++;
  var end = Math.min(n, start + size), out = start > 0 ? "…" : "", at = start, k;
  for (k = 0; k < c.marks.length && c.marks[k][0] < end; k++) {  // marks in order: the later ones start past it
    var a = Math.max(c.marks[k][0], start), b = Math.min(c.marks[k][1], end);
    if (a >= b) continue;
    out += __guideSlice(c, at, a) + "<mark>" + __guideSlice(c, a, b) + "</mark>";
    at = b;
  }
  out += __guideSlice(c, at, end);
  if (out.charAt(out.length - 1) === " ") out = out.replace(/ +$/, "");
  return "<p>" + out + (end < n ? "…" : "") + "</p>";
}

function __guideMarkedWords(html, terms) {
  var c = __guideChars(html);
  return __guideWords(c, 0, c.n, terms);
}

// Snippets for every result of a page's group, and the section with more of the query's terms than the
// snippet of the page's own text shown under the page: moved next to it, with the page's score so that the
// result list shows it (only sections scoring at least as high as the group's first item are shown).
// ``terms``: the query's terms as the worker searched them (the keys of a result's ``terms``).
function __guideShowSections(group, terms) {
  var page = -1, i;
  for (i = 0; i < group.length; i++) {
    if (typeof group[i].text === "string") group[i].text = __guideSnippet(group[i].text, 0, undefined, terms);
    if (page < 0 && group[i].location.indexOf("#") < 0) page = i;
  }
  if (page !== 0 || group.length < 2) return group;
  var own = __guideMarkedWords(group[0].text, terms), best = -1, most = own;
  for (i = 1; i < group.length; i++) {
    var words = __guideMarkedWords(group[i].text, terms);
    if (words > most) { best = i; most = words; }
  }
  if (best < 0) return group;
  var section = group.splice(best, 1)[0];
  section.score = group[0].score;
  group.splice(1, 0, section);
  return group;
}

// Re-rank the first ``__guideRerankDepth`` pages of a query of two or more terms by lunr's score times the
// share of the query one of their sections (or the page's own text) holds, to the power
// ``__guideRerankPower`` (0: no re-rank); each term weighs its inverse document frequency over the index,
// so a section with the rare words of a question (台账, 职责) gains on a heading that shares only a common
// one (社区, 工作). Measured on the query sets (scripts/rank_queries.py --set): power 1 gave hit@5 209 of the
// broad set and 109 of the unseen one against 207 and 108 without; 2 lost 3 first places of the unseen
// set; the depth (10, 20, 40) changed nothing.
var __guideRerankDepth = 20;
var __guideRerankPower = 1;

function __guideCoverage(items, total) {
  var terms = {}, df = {}, idf = {}, sum = 0, t;
  items.forEach(function (group) {
    group.forEach(function (doc) {
      for (t in doc.terms) { terms[t] = true; if (doc.terms[t]) df[t] = (df[t] || 0) + 1; }
    });
  });
  for (t in terms) { idf[t] = Math.log(1 + (total - (df[t] || 0) + 0.5) / ((df[t] || 0) + 0.5)); sum += idf[t]; }
  var coverage = function (doc) {
    var got = 0;
    for (var u in doc.terms) if (doc.terms[u]) got += idf[u] || 0;
    return sum ? got / sum : 0;
  };
  coverage.idf = idf;  // each term's weight, and their sum: what __guideHeadingWorth weighs a heading's words by
  coverage.sum = sum;
  return coverage;
}

// 2026-12-05 round 11: two signals lunr's score of a page's best entry does not carry. Measured with
// scripts/rank_queries.py on the eight unseen sets (hit@5/top-1 of 950; 907/728 before; chosen on unseen-1..4,
// confirmed on -5..8, and the other way round, see CONTRIBUTING "How a query is handled").
//
// A page's score in the re-rank is the sum of the scores of all its entries that matched (its own and its
// sections'), not its best entry's: a page whose many sections hold the query (the work-point page on 舆情, eleven
// sections) gains on one whose single heading holds it (the template titled 网络舆情处置情况报告), and a question's
// terms found in different sections of one page add up. One-word queries, which are not re-ranked otherwise, are
// re-ranked by this sum and the heading rule below only. Sum (kept) 908/751 with the heading rule below 909/754; the best entry plus half the
// others 906/742, plus three quarters 908/747; for one-word queries only 907/735.
var __guidePageSum = 1;  // 0: a page's best entry only, as before round 11 (for measuring)

function __guidePageScore(group) {
  if (!__guidePageSum) return group[0].score;
  var sum = 0;
  group.forEach(function (doc) { sum += doc.score || 0; });
  return sum;
}

// A heading that matched only because a query word begins one of its words (领导 in 意识形态工作领导小组, 报告 in
// 报告体检, 汇报 in 汇报提纲: every query word is searched with a trailing wildcard) is about that longer word, not
// about the question; lunr weighs it as a heading all the same (50 times the text). When the best entry of a page
// matched in its heading only so, none of the query's words being a whole word of the heading, the page's score
// is multiplied by __guidePartialHeading, raised towards 1 by the share of the query's weight (idf) those words
// carry: 领导让写个总结 no longer opens on the 领导小组 section, while 舆情报告 still finds the report titled
// 舆情处置报告. Measured with the sum above (hit@5/top-1 of the eight unseen sets): 0.5 910/756 but the broad set
// 170 -> 168; 0.7 (kept) 909/754, no set lower by more than one; without it the first unseen set's hit@5 118 -> 116.
// A one-word query's page whose heading only begins with the word (舆情 in 网络舆情处置情况报告) weighs
// __guidePartialHeadingWord against the page whose heading is the word or that holds it in many sections: 0.5
// (kept) 909/758; 0.3 and 0.4 the same; 0.6 909/755; 1 909/754.
// Rejected in the same round: weighing a heading's words by how few headings or pages hold them (lunr's field
// vectors scaled at load, 12 settings: 906-910 / 713-728), a query word searched as itself weighing more than the
// longer words its wildcard reaches (7 settings: 897-904 / 692-723), lunr's score to a power below 1 in the
// re-rank, with the coverage's power 1 to 2 (9 settings: 905-909 / 688-727). Tried on top of the kept rules and
// not kept: __guidePartialHeading 0.6 (909/760, but the broad set's top-1 170 -> 168); 0.8 908/758; the sum of a
// page's best 2, 3, 5 or 8 entries only (908/747, 908/755, 909/756, 908/758); a heading holding a query word
// whole weighed by the share of the query's weight it holds (0.9, 0.8, 0.7, 0.5: unseen-1..4 never above 387);
// the headings' field 0.5 or 2 times its weight (911/758 but unseen-5..8 371 -> 366; 903/738), the questions'
// 0.5 or 2 times (909/741, 905/753), the text's 2 times (910/754).
var __guidePartialHeading = 0.7, __guidePartialHeadingWord = 0.5;  // 1: no change

// The share of ``idf`` (term -> weight; ``sum``: their sum) that the heading of ``doc`` holds only as the start of
// a longer word; 0 when a term is a whole word of the heading, or nothing in the heading matched.
function __guidePartialShare(doc, idf, sum) {
  if (!sum || typeof doc.title !== "string" || doc.title.indexOf("<mark>") < 0) return 0;
  var words = [], re = /<mark>([\s\S]*?)<\/mark>/g, m, part = 0, t;
  while ((m = re.exec(doc.title))) words.push(m[1].replace(/\u200b/g, "").toLowerCase());
  for (t in idf) {
    if (words.indexOf(t) >= 0) return 0;
    if (words.some(function (w) { return w.indexOf(t) === 0; })) part += idf[t];
  }
  return part / sum;
}

// What a page's score is multiplied by for its heading (see above); ``coverage`` from __guideCoverage, or null for a
// one-word query ``word``.
function __guideHeadingWorth(doc, coverage, word) {
  if (!coverage) {
    var one = {};
    one[word] = 1;
    return __guidePartialShare(doc, one, 1) ? __guidePartialHeadingWord : 1;
  }
  var share = __guidePartialShare(doc, coverage.idf, coverage.sum);
  return share ? __guidePartialHeading + (1 - __guidePartialHeading) * share : 1;
}

// What the query asks for besides its topic (data/search/ranking.yml, intent; macros/search/intent.py): a
// regular expression over the docs paths of the pages that answer, or null. __guideIntent is appended to the
// worker from the data; without it nothing changes.
// A kind's word found only inside a longer word of another kind does not count: 多长时间 asks how long a thing
// takes (the 多久 kind), not how long a text is (多长, the length kind). Measured (scripts/rank_queries.py,
// 2026-12-05 round 9, with 多长时间 in the 多久 kind): top-1 of the seven unseen sets +1 (unseen-5), nothing lost.
function __guideIntentPages(query) {
  if (typeof __guideIntent === "undefined" || !__guideIntent || !query) return null;
  var q = String(query).toLowerCase(), found = [], asked = {}, sources = [];
  __guideIntent.kinds.forEach(function (kind, k) {
    kind.words.forEach(function (w) {
      for (var at = q.indexOf(w); at >= 0; at = q.indexOf(w, at + 1)) found.push([at, at + w.length, k]);
    });
  });
  found.forEach(function (f) {
    var inside = found.some(function (g) {
      return g[2] !== f[2] && g[0] <= f[0] && g[1] >= f[1] && g[1] - g[0] > f[1] - f[0];
    });
    if (!inside) asked[f[2]] = true;
  });
  __guideIntent.kinds.forEach(function (kind, k) { if (asked[k]) sources.push(kind.pages); });
  return sources.length ? new RegExp(sources.join("|")) : null;
}

// The docs path of a result's page, as data/search/ names pages: "tasks/x.html#y" -> "tasks/x.md".
function __guideDocsPath(location) {
  return location.split("#")[0].replace(/\.html$/, ".md");
}

// Measured with the page weights of data/search/ranking.yml (scripts/rank_queries.py, hit@5 / top-1 of
// search-queries.yml, -broad, -unseen, -unseen-2): without intent 80/59, 213/164, 116/89, 119/87; factor 2:
// 80/59, 213/164, 116/92, 120/88 (1.3 and 3 within one query of that).
// ``unasked`` (the samples, when no kind the query asks for names them; hit@5/top-1 of the five sets, with
// -unseen-3, and the 宣传栏 content of the same day): none 80/59, 214/165, 117/92, 122/95 and 118/91 with the
// templates as well at 0.35 (but the template of 中心组学习计划, a document's name, fell to third); samples only:
// 0.5 80/59, 213/169, 117/91, 120/92, 117/88; 0.35 -, -, 117/92, 122/92, 118/89; 0.25 (kept) 80/59, 214/169,
// 117/92, 121/94, 118/89. Before both changes: 80/59, 213/164, 116/92, 120/88, 117/84.
// 2026-12-05 round 8 (hit@5/top-1 of the six unseen sets, 682/525 before): templates not asked for x 0.5
// (unasked) 682/532 (0.7: 529, 0.4: 533, 0.35: 532); with the re-rank's ``weights`` tasks x 0.8 and the
// checklists x 1.5, 682/539 (tasks 0.7: 537 alone, 540 with the checklists but unseen-1 93 -> 91; the same
// weights as page_boost instead, which also moves one-word queries: 681/539). Top-1 misses with a template
// first were 47 of 189, with a task page first 37, the checklists first in none.
function __guidePageWeight(path, asked) {
  if (typeof __guideIntent === "undefined" || !__guideIntent) return 1;
  var intent = __guideIntent, weight = 1;
  if (!intent.__re) {  // the patterns, compiled once
    intent.__re = {unasked: (intent.unasked || []).map(function (u) { return [new RegExp(u.pages), u.factor]; }),
                   weights: (intent.weights || []).map(function (w) { return [new RegExp(w.pages), w.factor]; })};
  }
  if (asked && asked.test(path)) weight *= intent.factor;
  else intent.__re.unasked.some(function (u) { return u[0].test(path) && ((weight *= u[1]), true); });
  intent.__re.weights.forEach(function (w) { if (w[0].test(path)) weight *= w[1]; });
  return weight;
}

function __guideRerank(items, total, query) {
  var first = items.length ? items[0][0] : null;
  if (!__guideRerankPower || !first) return items;
  var head;
  var words = Object.keys(first.terms || {});
  if (words.length < 2) {  // one word: by the page's summed score and its heading only
    if (!__guidePageSum || !words.length) return items;
    head = items.slice(0, __guideRerankDepth).map(function (group, at) {
      return {group: group, key: __guidePageScore(group) * __guideHeadingWorth(group[0], null, words[0]), at: at};
    });
  } else {
    var coverage = __guideCoverage(items, total), asked = __guideIntentPages(query);
    head = items.slice(0, __guideRerankDepth).map(function (group, at) {
      var best = 0;
      group.forEach(function (doc) { best = Math.max(best, coverage(doc)); });
      var key = __guidePageScore(group) * Math.pow(best, __guideRerankPower) *
        __guidePageWeight(__guideDocsPath(group[0].location), asked) * __guideHeadingWorth(group[0], coverage);
      return {group: group, key: key, at: at};
    });
  }
  head.sort(function (a, b) { return b.key - a.key || a.at - b.at; });
  return head.map(function (h) { return h.group; }).concat(items.slice(__guideRerankDepth));
}

// lunr expands each term of a query (a word with its trailing wildcard: 社区*) into the index's words it stands for by
// walking the index's token set (TokenSet.intersect); a question's common words and every keystroke's words come
// again and again, so each term's expansion is kept, per index, by the clause it came from (its term, wildcards
// included, and edit distance), and handed out as a copy of the same list of words, in the same order. Set up on
// the first query (lunr is the worker's own); at most __guideExpandedMost terms kept per index, then started afresh.
var __guideExpanded = new WeakMap(), __guideExpandedMost = 20000;

function __guideKeepExpansions(lunr) {
  if (!lunr || !lunr.TokenSet || lunr.TokenSet.__guideKept) return;
  var fromClause = lunr.TokenSet.fromClause, intersect = lunr.TokenSet.prototype.intersect;
  lunr.TokenSet.fromClause = function (clause) {
    var set = fromClause.apply(this, arguments);
    set.__guideClause = ("editDistance" in clause ? clause.editDistance : "") + " " + clause.term;
    return set;
  };
  lunr.TokenSet.prototype.intersect = function (other) {
    if (!other || other.__guideClause === undefined) return intersect.apply(this, arguments);
    var kept = __guideExpanded.get(this), words;
    if (!kept || kept.size >= __guideExpandedMost) __guideExpanded.set(this, (kept = new Map()));
    words = kept.get(other.__guideClause);
    if (!words) kept.set(other.__guideClause, (words = intersect.call(this, other).toArray()));
    return {toArray: function () { return words.slice(); }};  // Index.query only asks for the words
  };
  lunr.TokenSet.__guideKept = true;
}

// lunr's query makes a Set of the sections of every word a term stands for in every field (lunr.Set: an object with
// a key per section), and uses it only for a term that must or must not be present (+台账, -台账), which no query
// of the search box has: each Set's object is made when it is first read instead, exactly as lunr made it.
function __guideLazySets(lunr) {
  if (!lunr || !lunr.Set || lunr.Set.__guideLazy) return;
  var Eager = lunr.Set;
  var Lazy = function (elements) {
    this.__guideList = elements;
    this.length = elements ? elements.length : 0;
  };
  Lazy.prototype = Eager.prototype;
  Object.defineProperty(Eager.prototype, "elements", {
    configurable: true,
    get: function () {
      var elements = Object.create(null), list = this.__guideList, i;
      for (i = 0; list && i < this.length; i++) elements[list[i]] = true;
      Object.defineProperty(this, "elements", {value: elements, writable: true, configurable: true, enumerable: true});
      return elements;
    },
    set: function (value) {
      Object.defineProperty(this, "elements", {value: value, writable: true, configurable: true, enumerable: true});
    },
  });
  Object.keys(Eager).forEach(function (k) { Lazy[k] = Eager[k]; });  // complete, empty
  Lazy.__guideLazy = true;
  lunr.Set = Lazy;
}

function __guideSearch(search, query) {
  if (typeof lunr !== "undefined") { __guideKeepExpansions(lunr); __guideLazySets(lunr); }
  var result = search.search(query);
  var fixed = __guideCorrect(query, search.index.invertedIndex, search.map);  // its forEach gives the documents
  if (fixed) {
    var other = search.search(fixed);
    if (other.items.length) { result = other; result.guide = {corrected: fixed, typed: query}; }
  }
  result.items = __guideRerank(result.items, search.map.size, result.guide ? result.guide.corrected : query);
  var first = result.items.length ? result.items[0][0] : null;
  var terms = first && first.terms ? Object.keys(first.terms).map(function (t) { return t.replace(/\*$/, "").toLowerCase(); }) : [];
  result.items = result.items.map(function (group) { return __guideShowSections(group, terms); });
  __guideDropUnshown(result.items, search.index.fields);
  return result;
}

// The index's fields the result list shows; the others (keywords, questions) are searched only: Material's search
// does not highlight them (POSITIONS in worker_patch.py) and they are not sent to the page.
function __guideShown(field) {
  return field === "title" || field === "text" || field === "tags";
}

// What the page never shows is not sent to it: a section's ``parent`` (Material's link to its page's whole
// entry, text and all, copied into every section's result), ``boost``, and the index's fields other than
// title, text and tags (the guide's keywords and questions, searched but not shown). Every result goes to
// the page by structured clone; this was some 70% of a long question's answer (98 KB of 137 KB as JSON).
function __guideDropUnshown(items, fields) {
  var drop = ["parent", "boost"].concat((fields || []).filter(function (f) { return !__guideShown(f); }));
  items.forEach(function (group) {
    group.forEach(function (doc) { drop.forEach(function (f) { if (f in doc) delete doc[f]; }); });
  });
}

// --- "您要找的是不是…": a query with a one-character slip --------------------------------------------
//
// A pinyin input method slips to a character of the same sound (意识形太, 中心组学系, 舆情处直), or a
// character is left out (意识形). Such a query holds a character that no word of the index covers, so it
// finds pages by its other words only. Then, and only then, the query is tried with the index's words that
// the slip stands for: the uncovered character replaced by one of the same reading, or the missing
// character put back; the longest such word wins. The page says "您要找的是不是“意识形态”" over the results
// of the corrected query (SUGGEST in worker_patch.py). A query whose every character is in a word of the
// index is searched as typed.

var __guideReadings = null; // character -> its readings (toneless pinyin), from the index's "pinyin"
var __guideBySound = null; // reading -> characters
var __guideDeletions = null; // an index word of 3+ characters with one left out -> the word

function __guideSetPinyin(table) {
  if (!table) return;
  __guideReadings = {};
  __guideBySound = table;
  for (var syl in table) {
    Array.from(table[syl]).forEach(function (ch) { (__guideReadings[ch] = __guideReadings[ch] || []).push(syl); });
  }
}

function __guideHomophones(ch) {
  var out = {};
  (__guideReadings && __guideReadings[ch] || []).forEach(function (syl) {
    Array.from(__guideBySound[syl]).forEach(function (c) { if (c !== ch) out[c] = true; });
  });
  return Object.keys(out);
}

function __guideIsWord(words, w) { return w.length > 1 && w in words; }

// In how many sections the index has ``w`` (counting up to ``most``). Counted once per index, word and ``most``
// and kept: every query asks it of each of its words (the rare words, __guideWeigh) and the slip check of each
// character no word covers; the index does not change.
var __guideDfKept = new WeakMap();

function __guideDf(words, w, most) {
  if (!(w in words)) return 0;
  var kept = __guideDfKept.get(words), key = most + " " + w, n;
  if (!kept) __guideDfKept.set(words, (kept = new Map()));
  n = kept.get(key);
  if (n === undefined) kept.set(key, (n = __guideDfCount(words[w], most)));
  return n;
}

function __guideDfCount(posting, most) {
  var refs = {}, n = 0;
  for (var field in posting) {
    if (field === "_index") continue;
    for (var ref in posting[field]) if (!refs[ref]) { refs[ref] = true; if (++n >= most) return n; }
  }
  return n;
}

// A word a slip may stand for: a word of the index found in two sections or more (one found once is more
// likely a segmenter's accident, 部知道, than what the reader meant).
function __guideIsTarget(words, w) { return w.length > 1 && __guideDf(words, w, 2) >= 2; }

// A character the guide itself uses as a word in more sections than this (不, 写, 做, 建) is what the reader
// meant, not a slip.
var __guideCommonChar = 5;

// Which characters of ``run`` are inside a word of the index (two or more characters) or a filler word.
function __guideCovered(run, words) {
  var covered = new Array(run.length).fill(false), i, j, k;
  for (i = 0; i < run.length; i++) {
    for (j = i + 1; j <= Math.min(run.length, i + 12); j++) {
      var w = run.slice(i, j);
      if (__guideIsWord(words, w) || (typeof __guideFillerWords !== "undefined" && __guideFillerWords.has(w)))
        for (k = i; k < j; k++) covered[k] = true;
    }
  }
  return covered;
}

function __guideDeletionsOf(words) {
  if (__guideDeletions) return __guideDeletions;
  __guideDeletions = {};
  Object.keys(words).forEach(function (w) {
    if (w.length < 3 || w.length > 10 || !/^[\u3400-\u9fff]+$/.test(w)) return;
    for (var i = 0; i < w.length; i++) {
      var key = w.slice(0, i) + w.slice(i + 1);
      if (!(key in __guideDeletions) || __guideDeletions[key].length < w.length) __guideDeletions[key] = w;
    }
  });
  return __guideDeletions;
}

// The guide's text, once, without the segmenter's zero-width spaces and without markup: a typed piece found
// in it is no slip.
var __guideText = null;

// ``docs``: the documents, an array or the search's Map (the forEach of either gives each document).
function __guideCorpus(docs) {
  if (__guideText === null) {
    var parts = [];
    docs.forEach(function (doc) { parts.push(doc.title || "", doc.text || ""); });
    __guideText = parts.join("\n").replace(/\u200b/g, "").replace(/<[^>]*>/g, "");
  }
  return __guideText;
}

// Whether pieces of queries are in the guide's text, each looked up once (typing a question asks again for
// the pieces of every keystroke before); a piece one of whose two pieces one character shorter is not in
// the text is not either, without a look (a long question has many characters no word covers, and each tries
// some thirty pieces around it: each look reads the whole text, 190,000 characters).
var __guideInText = {};

function __guideTextLookup(docs) {
  var seen = __guideInText, text = null;
  return {has: function (piece) {
    if (piece in seen) return seen[piece];
    if (piece.length > 2 && (seen[piece.slice(0, -1)] === false || seen[piece.slice(1)] === false))
      return (seen[piece] = false);
    text = text || __guideCorpus(docs);
    return (seen[piece] = text.indexOf(piece) >= 0);
  }};
}

// The best word a slip at ``at`` of ``run`` stands for: {from, to, word} (run.slice(from, to) becomes word),
// from pieces of the run around ``at`` that are neither a word of the index nor anywhere in the guide's text:
// one uncovered character replaced by another of the same reading, or (a piece of 3+ characters) one
// character put back. The word that takes in the most uncovered characters wins, then the longest.
// ``text``: __guideTextLookup of the guide's pages.
function __guideSlip(run, at, covered, words, text) {
  var best = null, commonOf = {}, len, from, k, h, i;
  function isCommon(j) {  // looked up once per character, for the uncovered ones only
    var ch = run[j];
    if (!(ch in commonOf)) commonOf[ch] = __guideDf(words, ch, __guideCommonChar + 1) > __guideCommonChar;
    return commonOf[ch];
  }
  function offer(f, t, w, fixes) {
    if (!best || fixes > best.fixes || (fixes === best.fixes && w.length > best.word.length))
      best = {from: f, to: t, word: w, fixes: fixes};
  }
  for (len = 2; len <= Math.min(8, run.length); len++) {
    for (from = Math.max(0, at - len + 1); from <= at && from + len <= run.length; from++) {
      var piece = run.slice(from, from + len);
      if (__guideIsWord(words, piece) || text.has(piece)) continue;
      // A two-character word only where neither character is in another word: 台帐 -> 台账, never 要建 -> 要件.
      if (len === 2 && (covered[from] || covered[from + 1])) continue;
      var fixes = 0, orphans = 0;
      for (i = from; i < from + len; i++) if (!covered[i]) { fixes++; if (!isCommon(i)) orphans++; }
      for (k = from; k < from + len; k++) {
        // A common character is what the reader meant, unless the piece holds a character that is neither in a
        // word nor a word of its own (舆请: 舆 stands for nothing alone, so the slip is 请 for 情).
        if (covered[k] || (isCommon(k) && !orphans)) continue;
        var sounds = __guideHomophones(run[k]);
        for (i = 0; i < sounds.length; i++) {
          h = piece.slice(0, k - from) + sounds[i] + piece.slice(k - from + 1);
          if (__guideIsTarget(words, h)) offer(from, from + len, h, fixes);
        }
      }
      var whole = len >= 3 ? __guideDeletionsOf(words)[piece] : null;
      if (whole && __guideIsTarget(words, whole)) offer(from, from + len, whole, fixes);
    }
  }
  return best;
}

// The query with its slips corrected, or null when every character is in a word of the index (or no word
// of the index fits).
function __guideCorrect(query, words, docs) {
  if (!__guideReadings) return null;
  var changed = false, text = __guideTextLookup(docs);
  var fixed = query.replace(/[\u3400-\u9fff]+/g, function (run) {
    var covered = __guideCovered(run, words), at;
    for (at = 0; at < run.length; at++) {
      if (covered[at]) continue;
      var slip = __guideSlip(run, at, covered, words, text);
      if (slip) {
        changed = true;
        run = run.slice(0, slip.from) + slip.word + run.slice(slip.to);
        covered = __guideCovered(run, words);
        at = slip.from + slip.word.length - 1;
      }
    }
    return run;
  });
  return changed ? fixed : null;
}
