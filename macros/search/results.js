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
var __guideBlock = /^(p|li|ul|ol|dl|dt|dd|tr|td|th|table|thead|tbody|h[1-6]|div|br|blockquote|pre|section|details|summary|figcaption)$/;
var __guideStop = /[。；！？\s]/;

// The visible characters of an HTML string (an entity counts as one), which of them are marked, and where
// a block ended before them.
function __guideChars(html) {
  var re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|[^<&]+|[<&]/g;
  var chars = [], marked = [], inMark = false, gap = false, m, i, part;
  while ((m = re.exec(html))) {
    if (m[2]) {
      var tag = m[2].toLowerCase();
      if (tag === "mark") inMark = !m[1];
      else if (__guideBlock.test(tag)) gap = true;
      continue;
    }
    part = m[0].charAt(0) === "&" && m[0].length > 1 ? [m[0]] : Array.from(m[0].replace(/\u200b/g, ""));
    for (i = 0; i < part.length; i++) {
      if (/^\s$/.test(part[i]) && (!chars.length || chars[chars.length - 1] === " ")) continue;
      if (gap && chars.length && chars[chars.length - 1] !== " ") { chars.push(" "); marked.push(false); }
      gap = false;
      chars.push(/^\s$/.test(part[i]) ? " " : part[i]);
      marked.push(inMark);
    }
  }
  return {chars: chars, marked: marked};
}

// How many of the query's ``terms`` the marked words of chars[from, to) stand for (a marked word stands
// for each term it begins with: terms are searched with a trailing wildcard); without terms, how many
// different marked words there are.
function __guideWords(c, from, to, terms) {
  var words = {}, word = "", i;
  for (i = from; i <= to; i++) {
    if (i < to && c.marked[i]) word += c.chars[i].toLowerCase();
    else if (word) { words[word] = true; word = ""; }
  }
  words = Object.keys(words);
  if (!terms || !terms.length) return words.length;
  return terms.filter(function (term) {
    return words.some(function (w) { return w.indexOf(term) === 0; });
  }).length;
}

// Where a snippet of ``size`` characters starts: before the run of marks that has the most of the query's
// terms within ``size`` of it, from the end of a sentence at most ``lead`` characters before.
function __guideWindow(c, size, lead, terms) {
  var best = 0, bestWords = -1, i, n = c.chars.length;
  for (i = 0; i < n; i++) {
    if (!c.marked[i] || (i > 0 && c.marked[i - 1])) continue;
    var words = __guideWords(c, i, Math.min(n, i + size - lead), terms);
    if (words > bestWords) { best = i; bestWords = words; }
  }
  if (bestWords < 0) return 0;
  var start = Math.max(0, best - lead);
  for (i = best - 1; i >= start; i--) if (__guideStop.test(c.chars[i])) return i + 1;
  return start;
}

// A snippet of a result's highlighted text: one paragraph of at most ``size`` characters around the most
// of the query's ``terms``, marks kept, "…" where text was cut.
function __guideSnippet(html, size, lead, terms) {
  size = size || __guideSnippetSize;
  lead = lead === undefined ? __guideSnippetLead : lead;
  var c = __guideChars(html), n = c.chars.length;
  if (!n) return "";
  var start = __guideWindow(c, size, lead, terms);
  while (start < n && c.chars[start] === " ") start++;
  var end = Math.min(n, start + size), out = start > 0 ? "…" : "", open = false, i;
  for (i = start; i < end; i++) {
    if (c.marked[i] !== open) { out += open ? "</mark>" : "<mark>"; open = c.marked[i]; }
    out += c.chars[i];
  }
  if (open) out += "</mark>";
  return "<p>" + out.replace(/ +$/, "") + (end < n ? "…" : "") + "</p>";
}

function __guideMarkedWords(html, terms) {
  var c = __guideChars(html);
  return __guideWords(c, 0, c.chars.length, terms);
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

function __guideSearch(search, query) {
  var result = search.search(query);
  var first = result.items.length ? result.items[0][0] : null;
  var terms = first && first.terms ? Object.keys(first.terms).map(function (t) { return t.replace(/\*$/, "").toLowerCase(); }) : [];
  result.items = result.items.map(function (group) { return __guideShowSections(group, terms); });
  return result;
}
