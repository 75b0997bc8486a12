/*
 * 报告体检 and 总结和要点对照: the one checker engine. The pages run it in the
 * browser (the build copies it to downloads/checker-engine.js, next to
 * downloads/checker-data.js, which sets GUIDE_CHECKER_DATA); the command line
 * runs this same file in V8 through mini-racer (checker/engine.py). A plain
 * script, no build step, no DOM: it only defines GuideChecker.
 * Pure: text and the compiled data (checker/compile.py) in, findings out;
 * nothing is sent anywhere. The context typo rule needs data.typo (the word list of
 * checker/lexicon.py, downloads/checker-typo-data.js in the site, which the page adds to the
 * data once loaded); without it that one rule is skipped. Its word-pair evidence, data.pairs
 * (checker/opengram.py, downloads/checker-pair-data.js), is a help it goes without if missing.
 *
 * Positions are reported in Unicode characters (code points), 1-based lines
 * and columns, of the text with "\r\n" and "\r" turned into "\n". Internally
 * the work is done on UTF-16 code units and converted at the end.
 */
(function (root) {
  "use strict";

  var HAN = "\\u4e00-\\u9fff";
  var WS = " \t\u3000\u00a0";
  var YEAR = /(20[0-9][0-9])[ \u3000]*年/u;
  var PLAN_MARKS = { "开局": 0, "收官": 4 };  // 开局之年, 开好局 / 收官之年, 收好官
  var TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
  var PINYIN_DEBRIS_SRC = "([" + HAN + "A-Za-z])[(（]([a-z" + TONE_MARKS + "ü]{1,7})[)）]";
  var PINYIN_NOTE = new RegExp("[(（][a-z" + TONE_MARKS + "ü]{1,7}[)）]", "gu");
  var HEADINGS = [
    [/^([一二三四五六七八九十]{1,3})、/u, 1, null],
    [/^([一二三四五六七八九十]{1,3})[.．，,](?![0-9一二三四五六七八九十])/u, 1, "{n}、"],
    [/^[（(]([一二三四五六七八九十]{1,3})[）)]、/u, 2, "（{n}）"],
    [/^[（(]([一二三四五六七八九十]{1,3})[）)]/u, 2, null],
    [/^([0-9]{1,2})[.．](?![0-9.．])/u, 3, null],
    [/^([0-9]{1,2})、/u, 3, "{n}."],
    [/^[（(]([0-9]{1,2})[）)]、/u, 4, "（{n}）"],
    [/^[（(]([0-9]{1,2})[）)]/u, 4, null]
  ];
  var LEVEL_LABEL = { 1: "一、", 2: "（一）", 3: "1.", 4: "（1）" };

  function isHan(ch) { return ch >= "\u4e00" && ch <= "\u9fff" && ch.length === 1; }
  // Chinese numerals: 党的二十一大 is another congress, not 党的二十大 with a character too many
  var NUMERALS = "零〇一二两三四五六七八九十百千万亿";
  var DIGIT_NUMERALS = "零〇一二三四五六七八九";  // a number written digit by digit (一九六六)
  function isNumeral(ch) { return !!ch && ch.length === 1 && NUMERALS.indexOf(ch) >= 0; }
  function numeralAt(s, i) { return isNumeral(s[i]) && (isNumeral(s[i - 1]) || isNumeral(s[i + 1])); }
  // A numeral written where a term has a numeral or 几 is a number said (历时近九个月 is no 近几个月)
  function numberSaid(got, want) { return isNumeral(got) && (isNumeral(want) || want === "几"); }
  // Whether term[0, i) is numerals only (二十 of 二十大)
  function numeralsBefore(term, i) { for (var k = 0; k < i; k++) if (!isNumeral(term[k])) return false; return true; }
  function isDigit(ch) { return ch >= "0" && ch <= "9" && ch.length === 1; }
  function lstrip(s) { var i = 0; while (i < s.length && WS.indexOf(s[i]) >= 0) i++; return s.slice(i); }
  function rstrip(s, chars) {
    chars = chars || WS; var j = s.length;
    while (j > 0 && chars.indexOf(s[j - 1]) >= 0) j--; return s.slice(0, j);
  }
  function strip(s) { return rstrip(lstrip(s)); }
  function cpLen(s) { return /[\uD800-\uDFFF]/.test(s) ? Array.from(s).length : s.length; }
  function cpHead(s, k) { return /[\uD800-\uDFFF]/.test(s) ? Array.from(s).slice(0, k).join("") : s.slice(0, k); }
  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  function bisectRight(arr, x) {
    var lo = 0, hi = arr.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (x < arr[mid]) hi = mid; else lo = mid + 1; }
    return lo;
  }
  function prepare(text) { return text.replace(/\r\n/g, "\n").replace(/\r/g, "\n"); }
  function rx(src) { return new RegExp(src, "gmu"); }
  function finditer(re, s) { re.lastIndex = 0; return Array.from(s.matchAll(re)); }
  // mask[q] = 1 for each place of s inside a match of re; the mask
  function markMatches(re, s, mask) {
    finditer(re, s).forEach(function (m) { for (var q = m.index; q < m.index + m[0].length; q++) mask[q] = 1; });
    return mask;
  }
  // The measure words after a numeral in the text being checked (context.yml measured), which no typo
  // rule edits: a mask of ctx.norm made once per check, read only (by the near-miss and formulation rules;
  // the context rule reads the text through pinyin notes, readThrough, and marks its own); null before the
  // context rule's data is loaded.
  function measuredMarks(ctx) {
    if (ctx.measuredMarks === undefined) {
      ctx.measuredMarks = ctx.tab.typo ? markMatches(ctx.tab.typo.measured, ctx.norm, new Uint8Array(ctx.norm.length)) : null;
    }
    return ctx.measuredMarks;
  }
  // whether some (anyIn) or every (allIn) place of mask in [a, b) is set
  function anyIn(mask, a, b) { for (var q = a; q < b; q++) if (mask[q]) return true; return false; }
  function allIn(mask, a, b) { for (var q = a; q < b; q++) if (!mask[q]) return false; return true; }

  function cnNumber(s) {
    if (/^[0-9]+$/.test(s)) return parseInt(s, 10);
    var digits = { "零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };
    var total = 0, cur = 0;
    for (var i = 0; i < s.length; i++) {
      var ch = s[i];
      if (ch in digits) cur = digits[ch];
      else if (ch === "十") { total += (cur || 1) * 10; cur = 0; }
      else if (ch === "百") { total += (cur || 1) * 100; cur = 0; }
    }
    return total + cur;
  }

  function Tables(data) {
    var self = this;
    this.data = data;
    this.t2s = new Map();
    var trad = data.t2s[0], simp = data.t2s[1];
    this.t2sCode = new Uint16Array(65536);  // a traditional character's code -> its simplified one's, or 0
    for (var i = 0; i < trad.length; i++) { this.t2s.set(trad[i], simp[i]); this.t2sCode[trad.charCodeAt(i)] = simp.charCodeAt(i); }
    this.readings = new Map();
    Object.keys(data.pinyin).forEach(function (syl) {
      var chars = data.pinyin[syl];
      for (var k = 0; k < chars.length; k++) {
        var ch = chars[k];
        if (!self.readings.has(ch)) self.readings.set(ch, new Set());
        self.readings.get(ch).add(syl);
      }
    });
    this.syllables = new Set(Object.keys(data.pinyin));
    this.shape = new Map();
    data.shapes.forEach(function (group) {
      for (var k = 0; k < group.length; k++) self.shape.set(group[k], (self.shape.get(group[k]) || "") + group);
    });
    this.vocab = data.vocab;
    this.vocabSet = new Set(data.vocab);
    this.edgeWords = new Set();
    for (var p = 0; p < data.edge_words.length; p += 2) this.edgeWords.add(data.edge_words.slice(p, p + 2));
    this.bigrams = new Map();
    this.skips = new Map();
    // A term is found by its first and its last two characters (anchors), so one wrong
    // character anywhere in it still leaves an anchor to find it by.
    function addAnchors(map, word, index) {  // map: first or last two characters -> [[index, place], ...]
      (word.length > 2 ? [0, word.length - 2] : [0]).forEach(function (j) {
        var key = word.slice(j, j + 2);
        if (!map.has(key)) map.set(key, []);
        map.get(key).push([index, j]);
      });
    }
    this.vocab.forEach(function (term, ti) {
      addAnchors(self.bigrams, term, ti);
      if (term.length === 3) {
        var sk = term[0] + term[2];
        if (!self.skips.has(sk)) self.skips.set(sk, []);
        self.skips.get(sk).push(ti);
      }
    });
    // the fixed formulations (the vocabulary's of four characters or more and checker/compile.py
    // formulas): one of five characters or more, or a
    // series, found by its first and last two characters like a term; one of four by its holes
    this.formulas = data.vocab.filter(function (w) { return w.length >= 4; }).concat(data.formulas || []);
    this.formulaSet = new Set(this.formulas);
    this.statements = new Set(data.statements || []);  // sentences, not names: no free substitution
    this.formulaAnchors = new Map();
    this.formulaHoles = new PairTable();
    this.formulaGaps = new Map();  // "k" + the two characters kept around a gap at k -> formulations of four
    this.formulas.forEach(function (f, fi) {
      if (f.length !== 4 || f.indexOf("\u3001") >= 0) { addAnchors(self.formulaAnchors, f, fi); return; }
      addHoles(self.formulaHoles, f);
      for (var g = 0; g <= 2; g++) {
        var gk = g + f.slice(0, g) + f.slice(g + 2);
        if (!self.formulaGaps.has(gk)) self.formulaGaps.set(gk, []);
        self.formulaGaps.get(gk).push(f);
      }
    });
    this.placeholders = data.placeholders.map(function (p) { return [rx(p.regex), p]; });
    this.usage = data.usage.map(function (p) { return [rx(p.regex), p]; });
    this.inlineDebris = data.debris.inline.map(function (p) { return [rx(p.regex), p]; });
    this.mojibake = data.debris.encoding.map(function (p) { return [rx(p.regex), p]; });
    this.lineStarts = data.debris.line_starts.map(function (s) {
      return self.translate(s).replace(/[ \t\u3000]/g, "");
    });
    this.measurable = new RegExp(data.structure.measurable, "u");
    var lang = data.language;  // data/checker/language.yml
    this.mentionBefore = new RegExp(lang.mention_before, "u");
    this.mentionAfter = new RegExp(lang.mention_after, "u");
    this.citing = new RegExp(lang.citing, "u");
    this.festive = new RegExp(lang.festive, "u");
    this.ongoing = new RegExp(lang.ongoing, "u");
    this.past = new RegExp(lang.past, "u");
    this.nextYearOpening = new RegExp(lang.next_year_opening, "gu");
    this.enumerators = new RegExp(lang.enumerators, "gu");
    this.relativeYears = Object.keys(lang.relative_years).map(function (w) { return [w, lang.relative_years[w]]; });
    this.functionChars = lang.function_chars;
    this.edgeFunctionChars = lang.edge_function_chars;
    this.pairs = lang.pairs;
    this.closers = {};
    Object.keys(lang.pairs).forEach(function (k) { self.closers[lang.pairs[k]] = k; });
    this.width = lang.half_width;
    // by character code, for the loops over every character of the text: 1 an opening mark of pairs, 2 a
    // closing one (rulePairs); 1 a half-width mark of width (ruleWidth)
    this.pairMarks = new Uint8Array(65536);
    this.widthMarks = new Uint8Array(65536);
    Object.keys(lang.pairs).forEach(function (k) { self.pairMarks[k.charCodeAt(0)] = 1; });
    Object.keys(self.closers).forEach(function (k) { if (!self.pairMarks[k.charCodeAt(0)]) self.pairMarks[k.charCodeAt(0)] = 2; });
    Object.keys(lang.half_width).forEach(function (k) { self.widthMarks[k.charCodeAt(0)] = 1; });
    this.digitLetters = lang.digit_letters;
    this.figureAfter = new RegExp("^(?:" + lang.figure_after + ")", "u");
    this.yearZeros = lang.year_zeros;
    var yearChars = "[一二三四五六七八九〇" + Object.keys(lang.year_zeros).map(escapeRe).join("") + "]";
    this.chineseYear = new RegExp("(?<!" + yearChars + ")[一二]" + yearChars + "{3}(?=年)", "gu");
    this.facts = new RegExp(data.stock.facts, "u");
    var units = data.units;
    var levels = units.levels.map(escapeRe).join("|");
    var organs = units.organs.slice().sort(function (a, b) { return b.length - a.length; }).map(escapeRe).join("|");
    this.unitStart = new RegExp("^([\\u4e00-\\u9fff]{1,10}?)(" + levels + ")", "u");
    this.unitMention = rx("(?:^|(?<=[。，；：]))[ \\t\\u3000]*([\\u4e00-\\u9fff]{1,10}?)(" + levels + ")(" + organs + ")");
    // a superior's name before the unit's in a title (示例市青溪区, 中共某某区委: ownUnit), ending in one of
    // the administrative levels of units.yml (checker/compile.py splits a local edition's 区 with them)
    var admin = units.admin_levels.slice().sort(function (a, b) { return b.length - a.length; }).map(escapeRe).join("|");
    this.adminPrefix = new RegExp("^[\\u4e00-\\u9fff]{1,6}?(?:" + admin + ")委?", "u");
    var forms = data.selfnames.slice().sort(function (a, b) { return b.length - a.length; });
    this.selfname = rx("我(" + forms.map(escapeRe).join("|") + ")");
    this.anniversaries = [];
    this.plans = [];
    data.timeline.forEach(function (item) {
      var names = item.match.map(escapeRe).join("|");
      if (item.kind === "anniversary") {
        self.anniversaries.push([rx("(?:" + names + ")([0-9]{1,3}|[一二三四五六七八九十百零〇]{1,5})周年"), item]);
      } else if (item.kind === "plan") {
        self.plans.push([rx("(" + names + ")[”\"’]?(?:规划|时期)?的?(?:圆满|胜利|顺利)?(开局之?年|开好局|收官之?年|收好官)"), item]);
      }
    });
  }
  Tables.prototype.translate = function (s) {
    var t2s = this.t2s, codes = this.t2sCode, i0 = 0;
    while (i0 < s.length && codes[s.charCodeAt(i0)] === 0) i0++;
    if (i0 === s.length) return s;  // nothing to translate (most text): no copy
    var parts = [];
    for (var i = 0; i < s.length; i++) { var c = s[i]; var r = t2s.get(c); parts.push(r === undefined ? c : r); }
    return parts.join("");
  };

  var cache = { data: null, tables: null, typo: null, pairs: null, lm: null, particle: null };
  // The tables of data; the context rule's (data.typo) are made when they arrive: the pages
  // load that part of the data after the page is usable and then add it to the same object.
  function tables(data) {
    if (cache.data !== data) { cache.data = data; cache.tables = new Tables(data); cache.typo = null; cache.pairs = null; cache.lm = null; }
    if ((data.typo || null) !== cache.typo) {
      cache.typo = data.typo || null;
      cache.tables.typo = data.typo ? new TypoTables(data) : null;
    }
    var particle = (data.typo && data.typo.particle) || null;
    if (particle !== cache.particle) {
      cache.particle = particle;
      cache.tables.particle = particle ? new ParticleTables(particle, data.vocab || []) : null;
    }
    if (cache.tables.typo) cache.tables.typo.particle = cache.tables.particle;  // its adverbs (adverbTwice)
    if ((data.pairs || null) !== cache.pairs) {
      cache.pairs = data.pairs || null;
      cache.tables.wordPairs = data.pairs ? new PairTables(data.pairs) : null;
    }
    if ((data.lm || null) !== cache.lm) {  // made when first asked (modelOf): most checks of a short text never ask
      cache.lm = data.lm || null;
      cache.tables.lmData = cache.lm;
      cache.tables.lm = null;
    }
    return cache.tables;
  }

  // The language model (checker/langmodel.py; data.lm, downloads/checker-lm-data.js in the site):
  // libime's words of one to four characters, most likely first (a word's index is its place), each
  // with its log10 probability and back-off weight, and its bigrams, by the first word's index: a
  // row of varint deltas of the second word's index, each with its log10 probability; numbers in a
  // byte each (lm.quant). Rows as CSR arrays (start, cols, vals): a bigram is a binary search.
  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  function unbase64(s) {
    var map = new Uint8Array(128), n = s.length, out, o = 0, acc = 0, bits = 0, k;
    for (k = 0; k < 64; k++) map[B64.charCodeAt(k)] = k;
    while (n > 0 && s[n - 1] === "=") n--;
    out = new Uint8Array((n * 3) >> 2);
    for (k = 0; k < n; k++) {
      acc = ((acc << 6) | map[s.charCodeAt(k)]) & 0xffff;
      bits += 6;
      if (bits >= 8) { bits -= 8; out[o++] = (acc >> bits) & 255; }
    }
    return out;
  }
  function unvarints(raw, each) {
    for (var k = 0, n = 0, shift = 0; k < raw.length; k++) {
      n += (raw[k] & 127) * Math.pow(2, shift);
      shift += 7;
      if (!(raw[k] & 128)) { each(n); n = 0; shift = 0; }
    }
  }
  function LMTables(lm) {
    var words = lm.words.split("\n"), V = words.length, ids = this.ids = new Map(), i;
    for (i = 0; i < V; i++) ids.set(words[i], i);
    // and by their characters' codes (hanCode), which lmScore reads with no string made for each
    // stretch it looks up: one[code] for a word of one character, a PairTable for each length of two
    // to four; a word with a character outside the table (〇) is looked up in ids only
    var one = this.one = new Int32Array(20993).fill(-1), byLen = this.byLen = [null, null, new PairTable(), new PairTable(), new PairTable()];
    for (i = 0; i < V; i++) {
      var w = words[i], L = w.length, q = 0;
      while (q < L && hanCode(w, q)) q++;
      if (L > 4 || q < L) continue;
      if (L === 1) one[hanCode(w, 0)] = i; else putWord(byLen[L], w, i);
    }
    function dequant(s, kind) {
      var raw = unbase64(s), out = new Float64Array(raw.length), low = lm.quant[kind][0], step = lm.quant[kind][1];
      for (var k = 0; k < raw.length; k++) out[k] = low + raw[k] * step;
      return out;
    }
    this.prob = dequant(lm.prob, "prob");
    this.backoff = dequant(lm.backoff, "backoff");
    this.unk = lm.unk;
    var vals = this.vals = dequant(lm.pairs, "pair"), cols = this.cols = new Int32Array(vals.length);
    var start = this.start = new Int32Array(V + 1), row = 0, k = 0;
    unvarints(unbase64(lm.counts), function (n) { start[row + 1] = start[row] + n; row++; });
    var deltas = unbase64(lm.deltas), r = 0, j = 0;
    unvarints(deltas, function (d) {
      while (k >= start[r + 1]) { r++; j = 0; }
      j += d;
      cols[k++] = j;
    });
    this.memo = new Map();  // lmScore's answers for the text being checked (cleared by lmGain's caller)
  }
  function modelOf(tab) { return tab.lm || (tab.lm = new LMTables(tab.lmData)); }
  // log10 P(word | prev), -1 for no word of the model (<unk>) or no word before
  function lmWord(lt, prev, word) {
    if (word < 0) return lt.unk + (prev >= 0 ? lt.backoff[prev] : 0);
    if (prev < 0) return lt.prob[word];
    var lo = lt.start[prev], hi = lt.start[prev + 1] - 1, cols = lt.cols;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1, c = cols[mid];
      if (c === word) return lt.vals[mid];
      if (c < word) lo = mid + 1; else hi = mid - 1;
    }
    return lt.backoff[prev] + lt.prob[word];
  }
  // The id of the model's word s[a, a + L) (codes: hanCode of each character of s), or undefined
  function lmIdAt(lt, s, codes, a, L) {
    var q = a;
    while (q < a + L && codes[q]) q++;
    if (q < a + L) return lt.ids.get(s.slice(a, a + L));  // a character outside the tables (〇)
    if (L === 1) { var id = lt.one[codes[a]]; return id >= 0 ? id : undefined; }
    return pairGet(lt.byLen[L], codes, a, L);
  }
  // The best split of s into the model's words (at most four characters; a character of no word
  // is <unk>), each scored after the one before, s starting with none: its log10 probability
  // (checker/langmodel.py Model.score)
  function lmScore(lt, s) {
    var known = lt.memo.get(s);
    if (known !== undefined) return known;
    var n = s.length, words = [[-1]], scores = [[0]], k, L, q, codes = new Int32Array(n);
    for (k = 0; k < n; k++) codes[k] = hanCode(s, k);
    for (k = 1; k <= n; k++) {
      var w = [], sc = [];
      for (L = 1; L <= 4 && L <= k; L++) {
        var id = lmIdAt(lt, s, codes, k - L, L);
        if (id === undefined) { if (L > 1) continue; id = -1; }
        var pw = words[k - L], ps = scores[k - L];
        for (q = 0; q < pw.length; q++) {
          var v = ps[q] + lmWord(lt, pw[q], id), at = w.indexOf(id);
          if (at < 0) { w.push(id); sc.push(v); } else if (v > sc[at]) sc[at] = v;
        }
      }
      words.push(w); scores.push(sc);
    }
    var best = -Infinity;
    for (q = 0; q < scores[n].length; q++) if (scores[n][q] > best) best = scores[n][q];
    lt.memo.set(s, best);
    return best;
  }
  // How much likelier (log10) the model finds the stretch of window characters either side of the
  // edit e of run with the edit (checker/langmodel.py Model.gain); was, if given, is lmWritten's score
  // of that stretch as written (the same for every edit of one kind at one place)
  function lmGain(lt, run, e, window, was) {
    var end = lmEnd(e), a = Math.max(0, e.at - window), b = Math.min(run.length, end + window);
    var put = e.kind === "doubled" ? "" : e.kind === "swapped" ? run[e.at + 1] + run[e.at] : e.ch;
    return lmScore(lt, run.slice(a, e.at) + put + run.slice(end, b)) - (was === undefined ? lmScore(lt, run.slice(a, b)) : was);
  }
  function lmWritten(lt, run, e, window) {
    return lmScore(lt, run.slice(Math.max(0, e.at - window), Math.min(run.length, lmEnd(e) + window)));
  }
  // where the stretch an edit replaces ends
  function lmEnd(e) { return e.at + (e.kind === "missing" ? 0 : e.kind === "swapped" ? 2 : 1); }

  // Word-pair evidence (checker/opengram.py; data.pairs, downloads/checker-pair-data.js in the
  // site): open-gram's words, each with its cost (half-nats), and the bonus (half-nats) of a word
  // after another, ln P(w2 | w1) - ln P(w2), for its most frequent pairs of positive association.
  function PairTables(pd) {
    var ids = this.ids = new Map(), cost = this.cost = [], count = 0;
    // by length: the ids of the words of 2 to 4 characters (keys as the rule's costs)
    var words = this.words = [null, null, new PairTable(), new PairTable(), new PairTable()];
    var one = this.one = new Int32Array(65536).fill(-1);  // the words of one character by code
    Object.keys(pd.words).forEach(function (c) {
      pd.words[c].split(" ").forEach(function (w) {
        var id = cost.length, L = w.length;
        ids.set(w, id); cost.push(+c);
        if (L === 1) { one[w.charCodeAt(0)] = id; return; }
        putWord(words[L], w, id);
      });
    });
    Object.keys(pd.pairs).forEach(function (b) { count += pd.pairs[b].split(",").length + pd.pairs[b].split(" ").length; });
    // the bonuses in an open-addressing hash table of (first id, second id): no Map of 200,000 keys;
    // slot h holds the first id at 2h (-1: free) and the second id * 32 + the bonus at 2h + 1, so
    // that a lookup reads one place of memory
    var size = 1;
    while (size < count * 2) size *= 2;
    var mask = this.mask = size - 1, slots = this.slots = new Int32Array(2 * size).fill(-1);
    // and a bit a pair in 2^21 (256 KB, pairBloom): most pairs the splits ask for have no bonus,
    // and the bit, in a table a twentieth of the size, says so without a look into the slots
    var bloom = this.bloom = new Int32Array(1 << 16);
    // and each word's largest bonus after any word (mostIn) and before any (mostOut)
    var mostIn = this.mostIn = new Uint8Array(cost.length), mostOut = this.mostOut = new Uint8Array(cost.length);
    Object.keys(pd.pairs).forEach(function (b) {
      var v = +b;
      pd.pairs[b].split(" ").forEach(function (item) {
        var k = item.indexOf(":"), w1 = ids.get(item.slice(0, k));
        if (v > mostOut[w1]) mostOut[w1] = v;
        item.slice(k + 1).split(",").forEach(function (x) {
          var w2 = ids.get(x), hash = pairHash(w1, w2), h = hash & mask, bit = pairBloom(hash);
          if (v > mostIn[w2]) mostIn[w2] = v;
          bloom[bit >>> 5] |= 1 << (bit & 31);
          while (slots[2 * h] >= 0) h = (h + 1) & mask;
          slots[2 * h] = w1; slots[2 * h + 1] = w2 * 32 + v;
        });
      });
    });
    this.prepFor = null; this.alike = null; this.holes = null; this.pool = null; this.used = 0;  // pairPrep's, for one word list
  }
  function pairHash(a, b) { return Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b); }
  function pairBloom(hash) { return Math.imul(hash, 0x27d4eb2d) >>> 11; }
  // the bonus (half-nats) of word id b after word id a, 0 for a pair not in the table
  function pairBonus(pt, a, b) {
    var hash = pairHash(a, b), bit = pairBloom(hash);
    if ((pt.bloom[bit >>> 5] & (1 << (bit & 31))) === 0) return 0;
    var slots = pt.slots, mask = pt.mask, h = hash & mask, k;
    while ((k = slots[2 * h]) >= 0) {
      if (k === a && (slots[2 * h + 1] >> 5) === b) return slots[2 * h + 1] & 31;
      h = (h + 1) & mask;
    }
    return 0;
  }
  // What pairEdits keeps for the word list tt (made again for another): pairAlike's answers by
  // code, and the characters that fill each hole of tt.holes[L] as codes less 0x4e00 (Chinese
  // characters only: checker/lexicon.py) in one pool, from holes[L][2 * slot] to
  // holes[L][2 * slot + 1] for the slot PairTable.find gives (pairFills, as the holes are met).
  function pairPrep(pt, tt) {
    if (pt.prepFor === tt) return;
    pt.prepFor = tt; pt.alike = new Array(65536).fill(null); pt.pool = new Uint16Array(65536); pt.used = 0;
    pt.holes = [null, null, new Int32Array(2 * tt.holes[2].vals.length), new Int32Array(2 * tt.holes[3].vals.length),
      new Int32Array(2 * tt.holes[4].vals.length)];
  }
  // The fills of the hole at slot of tt.holes[L] put in the pool (pairPrep).
  function pairFills(pt, tt, L, slot) {
    var fills = tt.holes[L].vals[slot], n = fills.length, pool = pt.pool, at = pt.used;
    if (at + n > pool.length) { pool = new Uint16Array(2 * (at + n)); pool.set(pt.pool); pt.pool = pool; }
    pt.holes[L][2 * slot] = at;
    for (var f = 0; f < n; f++) pool[at++] = fills.charCodeAt(f) - 0x4e00;
    pt.holes[L][2 * slot + 1] = pt.used = at;
  }
  // the same-sounding (penalty 0) and look-alike characters (penalty pair_shape) tried for the
  // character of code: a string of candidates, one of their kinds ("s" or "h"), their codes less
  // 0x4e00 and whether each is a look-alike (1), as typed arrays; a rare one's (a name's, see
  // editsAt) look-alikes only. Kept by code for the word list tt.
  function pairAlike(pt, tt, fz, code) {
    var got = pt.alike[code];
    if (got !== null) return got;
    // a character outside the 3,755 common ones (渚 of 鹭渚人, 渌 of 渌水: a name's most likely) is
    // tried for its look-alikes only, even where it is a word alone, which the rule's own edits try
    // (editsAt): the pair evidence is weaker, and an input method offers the common 主 before 渚
    var ch = String.fromCharCode(code), chars = "", kinds = "";
    var rare = !tt.commonChars.has(ch);
    alikeOf(tt, fz, ch).forEach(function (kind, c) {
      if (kind === "fuzzy" || (rare && kind !== "shape")) return;
      chars += c; kinds += kind === "shape" ? "h" : "s";
    });
    var codes = new Uint16Array(chars.length), shapes = new Uint8Array(chars.length);
    for (var k = 0; k < chars.length; k++) { codes[k] = chars.charCodeAt(k) - 0x4e00; shapes[k] = kinds[k] === "h" ? 1 : 0; }
    got = pt.alike[code] = [chars, kinds, codes, shapes];
    return got;
  }
  // The id of the word of L characters at q of the stretch whose character codes are cc and whose
  // hanCodes are hc, in the pair list; for a word of the context rule's own list that open-gram
  // lacks (视情, 审看), -3 less its cost there (a word with no pair evidence, as likely as it is
  // common); -1 for a single character of neither, -2 for no word.
  function pairLookup(pt, tt, cc, hc, q, L) {
    if (L === 1) return pt.one[cc[q]];
    if (!hc[q] || !hc[q + 1] || (L > 2 && !hc[q + 2]) || (L === 4 && !hc[q + 3])) return -2;
    var w = pairGet(pt.words[L], hc, q, L), c;
    if (w !== undefined) return w;
    c = pairGet(tt.costs[L], hc, q, L);
    return c === undefined ? -2 : -3 - c;
  }
  // The word w of two to four characters put into t under the keys pairGet reads (and costAt, from the text)
  function putWord(t, w, value) {
    var L = w.length;
    t.set(L === 2 ? hanCode(w, 0) : hanCode(w, 0) * 32768 + hanCode(w, 1),
      L === 2 ? hanCode(w, 1) : L === 3 ? hanCode(w, 2) : hanCode(w, 2) * 32768 + hanCode(w, 3), value);
  }
  // The value the table of words of L characters (2 to 4) t (pt.words[L], tt.costs[L]: PairTable)
  // holds for the word at q of the hanCodes hc, undefined for none (a 0, no Chinese character, is in
  // no key): the one key of a word.
  function pairGet(t, hc, q, L) {
    return L === 2 ? t.get(hc[q], hc[q + 1]) :
      t.get(hc[q] * 32768 + hc[q + 1], L === 3 ? hc[q + 2] : hc[q + 2] * 32768 + hc[q + 3]);
  }
  var PAIR_SIDE = 3, PAIR_BEST = new Float64Array(64);
  var PAIR_SEEN = { at: 0, marks: new Int32Array(4096) }, PAIR_AT = new Uint16Array(20992), PAIR_KS = new Int32Array(4096);
  var PAIR_FROM = new Int32Array(16), PAIR_TO = new Int32Array(16);
  var PAIR_SCRATCH = { size: 0, cc: null, hc: null, wid: null, long: null };
  var PAIR_FWD = new Float64Array(64), PAIR_BWD = new Float64Array(64), PAIR_SPAN = new Float64Array(32);
  // the places of run in a word of 3 or 4 characters of the split back (end -> the word's length)
  function pairLong(back, len) {
    var out = PAIR_SCRATCH.long;
    for (var end = len; end > 0; end -= back[end]) for (var q = end - back[end]; q < end; q++) out[q] = back[end] >= 3 ? 1 : 0;
    return out;
  }
  // the codes and words of a run, in arrays kept from run to run (no garbage for each run)
  function pairScratch(n) {
    if (n > PAIR_SCRATCH.size) {
      var size = Math.max(n, 2 * PAIR_SCRATCH.size, 256);
      PAIR_SCRATCH = { size: size, cc: new Int32Array(size), hc: new Int32Array(size), wid: new Int32Array(size * 4), long: new Uint8Array(size) };
    }
    return PAIR_SCRATCH;
  }  // marks[k] === at: candidate k tried here already
  // The cost of word w of the split (an id of the pair list, -1 a character of neither list, -3 - c
  // a word of the rule's list only, at its cost c there).
  function pairWordCost(pt, tt, w) { return w >= 0 ? pt.cost[w] : w === -1 ? tt.unknown : -3 - w; }
  // The best split of the stretch [a, b) (its words wid, looked up as pairLookup does) into words
  // of the pair list (at most 4 characters; any other character a word of its own at cost unknown),
  // each word's cost less its bonus after the word before. The state of a place is the length of
  // the word that ends there (at most 4 states a place). Costs and bonuses are whole numbers, so
  // any order of the sums gives the same total.
  function pairSplit(pt, tt, wid, a, b) {
    var n = b - a, best = pairForward(pt, tt, wid, a, n, PAIR_BEST);
    return Math.min(best[n * 4], best[n * 4 + 1], best[n * 4 + 2], best[n * 4 + 3]);
  }
  // The forward half of pairSplit, into fwd: fwd[p * 4 + L - 1] the best split of [a, a + p) whose
  // last word has L characters, for p <= r (fwd[0] the start). The word before a place is the
  // word as written that ends there (wid), so no state but the costs.
  function pairForward(pt, tt, wid, a, r, fwd) {
    var p, L1, L2, w, cost, prev, v;
    for (p = 0; p < (r + 1) * 4; p++) fwd[p] = Infinity;
    fwd[0] = 0;
    for (p = 0; p < r; p++) {
      for (L1 = 1; L1 <= 4; L1++) {
        cost = fwd[p * 4 + L1 - 1];
        if (cost === Infinity) continue;
        prev = p === 0 ? -2 : wid[(a + p - L1) * 4 + L1 - 1];
        for (L2 = 1; L2 <= 4 && p + L2 <= r; L2++) {
          w = wid[(a + p) * 4 + L2 - 1];
          if (w === -2) continue;
          v = cost + pairWordCost(pt, tt, w);
          if (prev >= 0 && w >= 0) v -= pairBonus(pt, prev, w);
          if (v < fwd[(p + L2) * 4 + L2 - 1]) fwd[(p + L2) * 4 + L2 - 1] = v;
        }
      }
    }
    return fwd;
  }
  // The split of the window [a, b) around its place x in halves, for pairSplit's best split with
  // any character at x (pairAcross): fwd[p * 4 + L - 1] the best split of [a, a + p) whose last
  // word has L characters (p <= x - a, fwd[0] the start), bwd[p * 4 + L - 1] the best split of
  // [a + p, b) whose first word has L characters (p > x - a), its bonus after the word before
  // not counted. Neither holds a word over x: each split has exactly one word there.
  function pairHalves(pt, tt, wid, a, b, x) {
    var n = b - a, r = x - a, bwd = PAIR_BWD, p, L1, L2, w, v, m, next, g;
    pairForward(pt, tt, wid, a, r, PAIR_FWD);
    for (p = 0; p < (n + 1) * 4; p++) bwd[p] = Infinity;
    for (p = n - 1; p > r; p--) {
      for (L1 = 1; L1 <= 4 && p + L1 <= n; L1++) {
        w = wid[(a + p) * 4 + L1 - 1];
        if (w === -2) continue;
        m = p + L1 === n ? 0 : Infinity;
        for (L2 = 1; L2 <= 4 && p + L1 + L2 <= n; L2++) {
          g = bwd[(p + L1) * 4 + L2 - 1];
          if (g === Infinity) continue;
          next = wid[(a + p + L1) * 4 + L2 - 1];
          v = w >= 0 && next >= 0 ? g - pairBonus(pt, w, next) : g;
          if (v < m) m = v;
        }
        bwd[p * 4 + L1 - 1] = m + pairWordCost(pt, tt, w);
      }
    }
  }
  // pairSplit's best split of [a, b) from the halves of pairHalves and the word over x: each word
  // [a + q, a + q + L) over x, looked up in cc and hc (edited: x holds an edit) or else read from
  // wid, between the best left half that ends at q and the best right half that starts after it.
  function pairAcross(pt, tt, cc, hc, wid, a, b, x, edited) {
    var n = b - a, r = x - a, fwd = PAIR_FWD, bwd = PAIR_BWD, best = Infinity;
    var L, q, L1, L2, w, e, left, right, v, f, prev, g, next;
    for (L = 1; L <= 4; L++) {
      for (q = r - L + 1 > 0 ? r - L + 1 : 0; q <= r && q + L <= n; q++) {
        e = q + L;
        w = edited ? pairLookup(pt, tt, cc, hc, a + q, L) : wid[(a + q) * 4 + L - 1];
        if (w === -2) continue;
        left = q === 0 ? 0 : Infinity;
        for (L1 = 1; L1 <= 4 && L1 <= q; L1++) {
          f = fwd[q * 4 + L1 - 1];
          if (f === Infinity) continue;
          prev = wid[(a + q - L1) * 4 + L1 - 1];
          v = prev >= 0 && w >= 0 ? f - pairBonus(pt, prev, w) : f;
          if (v < left) left = v;
        }
        if (left === Infinity) continue;
        right = e === n ? 0 : Infinity;
        for (L2 = 1; L2 <= 4 && e + L2 <= n; L2++) {
          g = bwd[e * 4 + L2 - 1];
          if (g === Infinity) continue;
          next = wid[(a + e) * 4 + L2 - 1];
          v = w >= 0 && next >= 0 ? g - pairBonus(pt, w, next) : g;
          if (v < right) right = v;
        }
        v = left + pairWordCost(pt, tt, w) + right;
        if (v < best) best = v;
      }
    }
    return best;
  }
  // span[(x - a - q) * 8 + e - q]: the least cost of a split of [a + q, a + e) of the words as
  // written (wid) on their own, no bonus counted, for each q <= x - a < e of the window [a, b) with
  // e - q <= 4 (pairBound).
  function pairSpans(pt, tt, wid, a, b, x) {
    var n = b - a, r = x - a, span = PAIR_SPAN, q, p, L, w, c, e, top;
    for (q = r - 3 > 0 ? r - 3 : 0; q <= r; q++) {
      top = q + 4 < n ? q + 4 : n;
      var base = (r - q) * 8 - q;  // span[base + e]: [q, e)
      for (e = q + 1; e <= top; e++) span[base + e] = Infinity;
      span[base + q] = 0;
      for (p = q; p < top; p++) {
        c = span[base + p];
        if (c === Infinity) continue;
        for (L = 1; L <= 4 && p + L <= top; L++) {
          w = wid[(a + p) * 4 + L - 1];
          if (w !== -2 && c + pairWordCost(pt, tt, w) < span[base + p + L]) span[base + p + L] = c + pairWordCost(pt, tt, w);
        }
      }
    }
  }
  // Whether the edit at x (cc and hc hold it) may make the best split of the window [a, b) need
  // cheaper than s0 (its best split as written), for any s0. The best split with the edit holds a
  // word W over x, [a + q, a + e), between a left part that ends at q and a right part that starts
  // at e; the same two parts around the best split of [q, e) as written make a split as written, so
  // s0 - the split with the edit <= span[q, e] (pairSpans) - W's cost + W's bonus after the word
  // before + W's bonus before the word after, each at most that of a word as written that ends at q
  // or starts at e. False when that is under need for every word over x.
  function pairBound(pt, tt, cc, hc, wid, a, b, x, need) {
    var n = b - a, r = x - a, span = PAIR_SPAN, L, q, e, w, v, m, L1, u, g;
    for (L = 1; L <= 4; L++) {
      for (q = r - L + 1 > 0 ? r - L + 1 : 0; q <= r && q + L <= n; q++) {
        e = q + L;
        w = pairLookup(pt, tt, cc, hc, a + q, L);
        if (w === -2) continue;
        v = span[(r - q) * 8 + L] - pairWordCost(pt, tt, w);
        if (w < 0) { if (v >= need) return true; continue; }  // no bonus for a word not in the pair list
        if (v + (q > 0 ? pt.mostIn[w] : 0) + (e < n ? pt.mostOut[w] : 0) < need) continue;
        for (m = 0, L1 = 1; L1 <= 4 && L1 <= q; L1++) {
          u = wid[(a + q - L1) * 4 + L1 - 1];
          if (u >= 0 && (g = pairBonus(pt, u, w)) > m) m = g;
        }
        v += m;
        if (v + (e < n ? pt.mostOut[w] : 0) < need) continue;
        for (m = 0, L1 = 1; L1 <= 4 && e + L1 <= n; L1++) {
          u = wid[(a + e) * 4 + L1 - 1];
          if (u >= 0 && (g = pairBonus(pt, w, u)) > m) m = g;
        }
        if (v + m >= need) return true;
      }
    }
    return false;
  }
  // The words as written at [from, to) of the stretch of pairEdits (the run at o, its codes cc and
  // hc) into wid, as pairLookup finds them: the rule's own costs of the run are in rc already (segment).
  function pairWords(pt, cc, hc, rc, wid, o, len, from, to) {
    for (var q = from; q < to; q++) {
      for (var L = 1; L <= 4; L++) {
        var w = -2;
        if (L === 1) w = pt.one[cc[q]];
        else if (q >= o && q - o + L <= len) {
          w = pairGet(pt.words[L], hc, q, L);
          if (w === undefined) w = rc[(q - o + L) * 4 + L - 1] >= 0 ? -3 - rc[(q - o + L) * 4 + L - 1] : -2;
        }
        wid[q * 4 + L - 1] = w;
      }
    }
  }
  // The slips that are words themselves (今年已来 for 以来, 高度一直 for 一致): at each character
  // of run the other edits leave alone, each same-sounding or look-alike character that makes a
  // word the rule may offer (tt.holes: 以来, 配合; open-gram's lexicon also holds rare words and
  // names, and 汛情 is no 殉情) of 2 to 4 characters with its neighbours, scored by how much cheaper the
  // best pair split of PAIR_SIDE characters either side (and the punctuation mark at the run's
  // ends, a word of the list too) becomes; reported from pair_bar (data/checker/context.yml).
  // A candidate's split is made only where pairBound says its gain may reach pair_bar; the window's
  // split is then made in halves either side of the character once (pairHalves), and each such
  // candidate looks up only the words over its place (pairAcross).
  function pairEdits(tt, pt, tab, run, base, busy, held, script, norm, back, rc, found3) {
    var len = run.length, conf = tt.conf, fz = tab.data.fuzzy, i, a, b, s0, L, st, q, seen = PAIR_SEEN;
    pairPrep(pt, tt);
    // the punctuation mark before and after the run (a clause's ends), words of the pair list too
    var left = base > 0 && pt.one[norm.charCodeAt(base - 1)] >= 0 ? 1 : 0;
    var right = base + len < norm.length && pt.one[norm.charCodeAt(base + len)] >= 0 ? 1 : 0;
    var n = left + len + right, o = left, scratch = pairScratch(n), cc = scratch.cc, hc = scratch.hc, wid = scratch.wid;
    for (q = 0; q < n; q++) {  // the run as read (Traditional characters as Simplified), its marks
      cc[q] = q < o || q >= o + len ? norm.charCodeAt(base - o + q) : run.charCodeAt(q - o);
      hc[q] = q < o || q >= o + len ? 0 : hanCode(run, q - o);
    }
    var made = 0;  // wid holds the words as written at [0, made) (pairWords), looked up as windows need them
    // a character of a word of three or four characters of the rule's own best split (社会主义,
    // 党群服务中心's 服务中心) is left alone: a slip seldom makes one long word of another
    var long = pairLong(back, len), holes = pt.holes, from = PAIR_FROM, to = PAIR_TO, at = PAIR_AT, ks = PAIR_KS;
    for (i = 0; i < len; i++) {
      if (busy[base + i] || held[base + i] || script[base + i] || long[i] || saidTwiceAt(run, i)) continue;
      var code = run.charCodeAt(i), alike = pairAlike(pt, tt, fz, code), cands = alike[0], best = null, tick = ++seen.at;
      if (!cands) continue;
      // the fills of each hole of a word of 2 to 4 characters over i (tt.holes, as codes in
      // pt.holes: holeHi and holeLo of the run's hanCodes in hc); none: nothing to try
      var nh = 0, x = o + i, p, hi, lo, slot;
      for (L = 2; L <= 4; L++) {
        var ends = holes[L];
        for (st = Math.max(0, i - L + 1); st <= i && st + L <= len; st++) {
          p = i - st; hi = p * 32768 + hc[o + st + (p > 0 ? 0 : 1)]; lo = 0;
          for (q = 1; q < L - 1; q++) lo = lo * 32768 + hc[o + st + (q < p ? q : q + 1)];
          slot = tt.holes[L].find(hi, lo);
          if (slot < 0) continue;
          if (ends[2 * slot + 1] === 0) pairFills(pt, tt, L, slot);
          from[nh] = ends[2 * slot]; to[nh] = ends[2 * slot + 1]; nh++;
        }
      }
      if (nh === 0) continue;
      // the window: PAIR_SIDE characters either side, the punctuation mark at a run's end
      a = i - PAIR_SIDE > 0 ? o + i - PAIR_SIDE : 0;
      b = i + PAIR_SIDE + 1 < len ? o + i + PAIR_SIDE + 1 : n;
      s0 = null;
      // the candidates marked once (with their place in cands), then each hole's fills looked up among
      // them: a hole has a few fills, a character dozens of same-sounding candidates
      // (PAIR_AT: 1 + the place in cands by code less 0x4e00, cleared again below; a fill is a
      // character of U+4E00..U+9FFF, so a candidate outside that range is no fill)
      var codes = alike[2], shapes = alike[3], nc = codes.length, k, kk, f, j;
      for (k = 0; k < nc; k++) if (codes[k] < 20992) at[codes[k]] = k + 1;
      for (var h = 0; h < nh; h++) {
        var fills = pt.pool, nk = 0;  // the candidates among the fills, in the order of cands
        for (f = from[h]; f < to[h]; f++) {
          kk = at[fills[f]] - 1;
          if (kk >= 0 && seen.marks[kk] !== tick) {
            seen.marks[kk] = tick;
            for (k = nk++; k > 0 && ks[k - 1] > kk; k--) ks[k] = ks[k - 1];
            ks[k] = kk;
          }
        }
        for (j = 0; j < nk; j++) {
          k = ks[j];
          if (s0 === null) {
            pairWords(pt, cc, hc, rc, wid, o, len, made > a ? made : a, b);
            if (b > made) made = b;
            pairSpans(pt, tt, wid, a, b, x);
            s0 = NaN;  // the window's best split, made when a candidate may reach pair_bar
          }
          var shape = shapes[k] === 1, pen = shape ? conf.pair_shape : 0, score = -Infinity;
          cc[x] = codes[k] + 0x4e00; hc[x] = codes[k] + 1;
          // only a score of pair_bar or more counts: the split's cost is needed up to s0 - pen - pair_bar
          if (pairBound(pt, tt, cc, hc, wid, a, b, x, conf.pair_bar + pen)) {
            if (s0 !== s0) {
              pairHalves(pt, tt, wid, a, b, x);
              s0 = pairAcross(pt, tt, cc, hc, wid, a, b, x, false);
            }
            score = s0 - pairAcross(pt, tt, cc, hc, wid, a, b, x, true) - pen;
          }
          cc[x] = code; hc[x] = code - 0x4dff;
          if (score >= conf.pair_bar && (!best || score > best.score)) best = { score: score, ch: cands[k], kind: shape ? "shape" : "sound" };
        }
      }
      for (k = 0; k < nc; k++) if (codes[k] < 20992) at[codes[k]] = 0;
      if (!best) continue;
      var fixed = run.slice(0, i) + best.ch + run.slice(i + 1), span = pairSpan(pt, tt, fixed, i);
      found3.push({ start: base + span[0], end: base + span[1], word: fixed.slice(span[0], span[1]), score: best.score,
        e: { kind: best.kind, at: i, ch: best.ch }, pos: base + i, ch: run[i], sure: 0, pair: true });
    }
  }

  // [start, end) of the word of fixed (a run with an edit made) that holds its place p: the longest
  // of 2 to 4 characters of either list (open-gram's, the rule's offers), nearest the left; null for none.
  function pairSpan(pt, tt, fixed, p) {
    for (var L = 4; L >= 2; L--) {
      for (var st = Math.max(0, p - L + 1); st <= p && st + L <= fixed.length; st++) {
        var got = fixed.slice(st, st + L);
        if (pt.ids.has(got) || tt.offer.has(got)) return [st, st + L];
      }
    }
    return null;
  }

  // A character written twice (开展了了宣讲's kind) judged by the pair evidence alone: at each
  // pair of like neighbours, the edit that drops the second, scored by pairGain (three characters
  // either side) and reported as a warning from pair_doubled_bar, whether or not the rule's own
  // edit (doubledAt) tried it and scored it under its bar. The other kinds the same way (two
  // neighbours swapped, one put in) were measured and left out: see data/checker/context.yml.
  function pairDoubled(tt, pt, run, base, busy, held, script, norm, at, found3) {
    var len = run.length, conf = tt.conf;
    for (var i = 1; i < len; i++) {
      if (!twiceAt(tt, run, base, i, busy, held, script, at)) continue;
      var e = { kind: "doubled", at: i, ch: "" }, score = pairGain(pt, tt, run, base, norm, e);
      if (score < conf.pair_doubled_bar) continue;
      var fixed = run.slice(0, i) + run.slice(i + 1), span = pairSpan(pt, tt, fixed, i - 1);  // the twin's word
      if (!span) continue;
      found3.push({ start: base + span[0], end: base + span[1] + (span[1] >= i ? 1 : 0), word: fixed.slice(span[0], span[1]),
        score: score, e: e, pos: base + i, ch: norm.slice(base + i, base + i + 1), sure: 0, pair: true });
    }
  }

  // A common character written twice (开展了了宣讲, 关心的的问题, 将在在): each copy a word of its own
  // in the best split, and no word of either list holds both (不了了之, 等等, 人人, 的的确确); a
  // numeral is said twice on purpose (一一对应). A warning, whatever the scores say: the pair
  // evidence keeps no pairs of negative association, so 了 after 了 costs what 了 costs anywhere.
  function commonDoubled(tt, pt, run, base, busy, held, script, norm, at, single, found3) {
    var len = run.length;
    for (var i = 1; i < len; i++) {
      var ch = run[i];
      if (!twiceAt(tt, run, base, i, busy, held, script, at) || !(tt.cost.get(ch) <= tt.conf.common_cost) || isNumeral(ch)) continue;
      if (!single[i - 1] || !single[i] || bothInWord(tt, pt, run, i)) continue;
      found3.push({ start: base + i - 1, end: base + i + 1, word: ch, score: 0, e: { kind: "doubled", at: i, ch: "" },
        pos: base + i, ch: norm.slice(base + i, base + i + 1), sure: 0, pair: true });
    }
  }
  // A character that is seldom a word alone (its cost as one twin_alone or more, twin_bound more than
  // its share of the words listed), standing alone in the best split and making no word with either
  // neighbour (wordBeside), where a near-identical twin or a look-alike of shapes.yml is one of the
  // commonest single words (twin_common or less): the twin misread (己建立, 己完成 for 已). A
  // warning; no word holds the correction, so the rule's own edits, which make words of two to four
  // characters, never try it. Any other character so alone, through the language model (twin_lm).
  function loneTwins(tt, tab, pt, run, base, busy, held, script, norm, single, names, found3) {
    var len = run.length, conf = tt.conf;
    for (var i = 0; i < len; i++) {
      var ch = run[i], code = run.charCodeAt(i), own = tt.cost1[code];
      if (!single[i]) continue;
      // a character that is a word alone too (田 for 由: 田此出发), or lives in words no more than alone (担 of
      // 担使命, a verb of its own, unlike 己 of 自己: twin_bound), only where the language model, once loaded,
      // finds the look-alike twin_lm likelier (log10) there; any look-alike that is a word alone is tried
      var byModel = (own >= 0 && own < conf.twin_alone) || (own >= 0 && own + 2 * Math.log(tt.charMass[code] || 1e-30) < conf.twin_bound);
      if (byModel && !tab.lmData) continue;
      if (busy[base + i] || held[base + i] || script[base + i] || isNumeral(ch) || wordBeside(tt, pt, run, i) || saidTwiceAt(run, i)) continue;
      var alike = (tt.twins[ch] || "") + (tab.shape.get(ch) || ""), best = null, bestGain = -Infinity;
      var was = undefined;  // the stretch as written, scored once a character for all its look-alikes (lmWritten)
      for (var k = 0; k < alike.length; k++) {
        var c = tt.cost1[alike.charCodeAt(k)];
        if (!(c >= 0 && (byModel || c <= conf.twin_common))) continue;
        // (never a common surname, context.yml surnames: the model reads one alone before two characters as a
        // name, 扬文明新风 as 杨文明)
        if (conf.surnames.indexOf(alike[k]) >= 0) continue;
        // (nor, by the model, one that makes a word with a character of a place's or a person's name beside it:
        // 请澄湖街道 is no 清澄, 小颜包的饺子 no 颜色)
        if (byModel && ((names[base + i + 1] && costAt(tt, alike[k] + run[i + 1], 2, 2) >= 0) ||
            (names[base + i - 1] && costAt(tt, run[i - 1] + alike[k], 2, 2) >= 0))) continue;
        if (byModel) {
          var e = { kind: "shape", at: i, ch: alike[k] };
          if (was === undefined) was = lmWritten(modelOf(tab), run, e, conf.lm_window);
          var g = lmGain(modelOf(tab), run, e, conf.lm_window, was);
          if (g >= conf.twin_lm && g > bestGain) { best = alike[k]; bestGain = g; }
        } else if (best === null || c < tt.cost1[best.charCodeAt(0)]) best = alike[k];
      }
      // (one the model alone wants is its finding: no pun in a quoted name, “凝侨心、聚侨力”, is read as a slip)
      if (best) found3.push({ start: base + i, end: base + i + 1, word: best, score: 0, e: { kind: "shape", at: i, ch: best }, pos: base + i,
        ch: norm.slice(base + i, base + i + 1), sure: 0, pair: true, model: byModel });
    }
  }
  // Whether run[i] says run[i - 1] again where the pair evidence's doubled edits may drop it (pairDoubled,
  // commonDoubled): not held, in Traditional script or across a pinyin note (busy, held, script, seam),
  // and not said twice on purpose (meantTwice).
  function twiceAt(tt, run, base, i, busy, held, script, at) {
    return run[i - 1] === run[i] && !busy[base + i] && !held[base + i] && !script[base + i] && !seam(at, base + i) &&
      !meantTwice(tt, run, i);
  }
  // Whether run[i - 1] and run[i], the same character, are said twice on purpose, for every doubled-
  // character edit: half of a pair of pairs (pairOfPairs), a unit's last character before its title
  // (suffixAgain), a verb said twice before its object (动动手, 拍拍照: tt.reduplicated), a kinship
  // term or 家家 (大哥哥, 家家门口: tt.nounsTwice) or an adverb (紧紧: adverbTwice).
  function meantTwice(tt, run, i) {
    return pairOfPairs(run, i) || suffixAgain(tt, run, i) || (i + 1 < run.length && tt.reduplicated.has(run.slice(i - 1, i + 2))) ||
      tt.nounsTwice.has(run.slice(i - 1, i + 1)) ||
      adverbTwice(tt, run, i) || digitsTwice(run, i);
  }
  // Whether run[i - 1] and run[i], the same numeral, are digits of a number written digit by digit
  // in three numerals or more (一九六六年, 二〇一一年, 一一〇), a year in four: 一一等奖, 第一一时间
  // and 二〇二六六年 are still tried.
  function digitsTwice(run, i) {
    if (DIGIT_NUMERALS.indexOf(run[i]) < 0) return false;
    var a = i - 1, b = i + 1;
    while (a > 0 && DIGIT_NUMERALS.indexOf(run[a - 1]) >= 0) a--;
    while (b < run.length && DIGIT_NUMERALS.indexOf(run[b]) >= 0) b++;
    return run[b] === "年" ? b - a === 4 : b - a >= 3;
  }
  // Whether run[i - 1] and run[i], the same character, are an adverb said so (紧紧握着, 常常来, 默默付出):
  // an adverb or adverbial of the particle tables, whose left copy ends no word of the list (行稳致远远
  // is 致远 with its 远 doubled, not 远远).
  function adverbTwice(tt, run, i) {
    var pt = tt.particle, w = run.slice(i - 1, i + 1);
    if (!pt || !(pt.adverbs.has(w) || pt.adverbials.has(w))) return false;
    for (var L = 2; L <= 4 && i - L >= 0; L++) if (costAt(tt, run, i, L) >= 0) return false;
    return true;
  }
  // Whether run[i - 1] and run[i], the same character, are a unit's last character, put after a
  // word of the lists, and the first of the title of its head or member after it (志愿队队长,
  // 快递站站长, 早餐店店主, 服务队队员): a character that ends suffix_words words of three
  // characters of the list (队, 站, 店; not 实, 进, 加), no common one (的, 了), and a common word
  // of two ending in a character of titles (长, 员, 主; 挂牌表表彰 is 表彰 doubled).
  function suffixAgain(tt, run, i) {
    var conf = tt.conf, code = run.charCodeAt(i);
    if (tt.endings[code] < conf.suffix_words || !(tt.cost1[code] > conf.common_cost)) return false;
    if (i + 2 > run.length || conf.titles.indexOf(run[i + 1]) < 0) return false;
    var next = costAt(tt, run, i + 2, 2);
    if (next < 0 || next >= conf.rare_cost || !tt.offer.has(run.slice(i, i + 2))) return false;
    // (a name of one character counts where it opens the run: 曲社社长, 该社社长; not 老党党员)
    for (var L = i === 2 ? 1 : 2; L <= 3; L++) if (i - 1 - L >= 0 && knownAt(tt, run, i - 1 - L, L)) return true;
    return false;
  }
  // Whether run[i] stands beside the same character, once (晒晒, 织织; not 兢兢业业, pairOfPairs): no path
  // puts another character for it (editsAt, pairEdits, loneTwins, secondTier); a pair of pairs is still
  // read (竞竞业业 for 兢兢业业).
  function saidTwiceAt(run, i) {
    if (run[i + 1] === run[i]) return !pairOfPairs(run, i + 1);
    return i > 0 && run[i - 1] === run[i] && !pairOfPairs(run, i);
  }
  // Whether run[i - 1] and run[i], the same character, are half of a pair of pairs (和和美美,
  // 实实在在, 高高兴兴): a form said so on purpose, never a character doubled by a slip.
  function pairOfPairs(run, i) { return (i + 2 < run.length && run[i + 1] === run[i + 2]) || (i >= 3 && run[i - 3] === run[i - 2]); }
  // Whether a word of 2 to 4 characters of either list holds run[i - 1] and run[i].
  function bothInWord(tt, pt, run, i) {
    for (var L = 2; L <= 4; L++) {
      for (var st = Math.max(0, i - L + 1); st <= i - 1 && st + L <= run.length; st++) if (listedWord(tt, pt, run, st, L)) return true;
    }
    return false;
  }
  // Whether run[st, st + L) is a word of the rule's lists (rare words too) or, once the pair data is
  // loaded, of open-gram's.
  function listedWord(tt, pt, run, st, L) {
    return costAt(tt, run, st + L, L) >= 0 || (!!pt && pt.ids.has(run.slice(st, st + L)));
  }

  // The pair evidence on one of the rule's own edits e of run (ruleContextTypos: one it scores under
  // its bar): how much cheaper the best pair split of PAIR_SIDE characters either side of the
  // edit (and the punctuation mark at a run's end) becomes with the edit made. Any kind of edit:
  // the window is written out again, edited (a character dropped, put in or two swapped).
  function pairGain(pt, tt, run, base, norm, e) {
    var len = run.length, a = Math.max(0, e.at - PAIR_SIDE), b = Math.min(len, e.at + (e.kind === "swapped" ? 2 : 1) + PAIR_SIDE);
    var before = run.slice(a, b), after = applyEdit(before, e, a);
    var left = a === 0 && base > 0 && pt.one[norm.charCodeAt(base - 1)] >= 0 ? norm[base - 1] : "";
    var right = b === len && base + len < norm.length && pt.one[norm.charCodeAt(base + len)] >= 0 ? norm[base + len] : "";
    return pairCost(pt, tt, left + before + right) - pairCost(pt, tt, left + after + right);
  }
  // The best pair split of s (pairSplit), each of its words looked up (pairLookup).
  function pairCost(pt, tt, s) {
    pairPrep(pt, tt);
    var n = s.length, scratch = pairScratch(n), cc = scratch.cc, hc = scratch.hc, wid = scratch.wid, q, L;
    for (q = 0; q < n; q++) { cc[q] = s.charCodeAt(q); hc[q] = hanCode(s, q); }
    for (q = 0; q < n; q++) for (L = 1; L <= 4; L++) wid[q * 4 + L - 1] = q + L <= n ? pairLookup(pt, tt, cc, hc, q, L) : -2;
    return pairSplit(pt, tt, wid, 0, n);
  }

  function Context(text, data, tab) {
    this.text = text;
    this.norm = tab.translate(text);
    this.data = data;
    this.tab = tab;
    var starts = [0];
    for (var i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    this.lineStarts = starts;
    this.findings = [];
    this.typoSpans = [];
    this.cued = [];  // where a confusable word of usage.yml stands with a cue of its own (ruleConfusions): meant
    this.names = null;  // the user's words and the local edition's names in the text (markNames), or null
    this.nameReach = null;
    this.measuredMarks = undefined;  // measuredMarks, made when first asked
    this.garbled = new Set();  // positions inside mojibake, which other rules leave alone
    this.title = undefined;  // findTitle's answer, once asked
    this.notes = null;  // pinyinNotes' answer, once asked
    this.contents = null;  // contentsLines' answer, once asked
  }
  Context.prototype.lines = function () {
    var out = [], starts = this.lineStarts;
    for (var i = 0; i < starts.length; i++) {
      var end = i + 1 < starts.length ? starts[i + 1] - 1 : this.norm.length;
      out.push([i, starts[i], this.norm.slice(starts[i], end)]);
    }
    return out;
  };
  // The message `key` of data/checker/messages.yml with its {name}s filled from vars.
  Context.prototype.msg = function (key, vars) { return message(this.data, key, vars); };
  function message(data, key, vars) {
    var template = data.messages[key];
    if (template === undefined) throw new Error("no message '" + key + "' in data/checker/messages.yml");
    return template.replace(/\{([a-z_]+)\}/g, function (all, name) { return name in vars ? String(vars[name]) : all; });
  }
  Context.prototype.add = function (rule, start, length, message, suggestion, severity, score) {
    var meta = this.data.rules[rule];
    this.findings.push({
      rule: rule, severity: severity || meta.severity, message: message,
      start: start, length: length, suggestion: suggestion === undefined ? null : suggestion, guide: meta.guide,
      score: score === undefined ? null : score
    });
  };

  function isMention(ctx, start, end) {
    var line = bisectRight(ctx.lineStarts, start) - 1;
    var before = ctx.norm.slice(Math.max(ctx.lineStarts[line], start - 16), start);
    return ctx.tab.mentionBefore.test(before) || ctx.tab.mentionAfter.test(ctx.norm.slice(end, end + 16));
  }

  function rulePlaceholders(ctx) {
    var found = [];
    ctx.tab.placeholders.forEach(function (entry, order) {
      finditer(entry[0], ctx.norm).forEach(function (m) {
        if (m[0].length > 0) found.push([m.index, -m[0].length, order, m.index + m[0].length, entry[1]]);
      });
    });
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    var kept = [], lastEnd = -1;
    found.forEach(function (f) { if (f[0] >= lastEnd) { kept.push(f); lastEnd = f[3]; } });
    var starts = new Set(kept.map(function (f) { return f[0]; }));
    var ends = new Set(kept.map(function (f) { return f[3]; }));
    var norm = ctx.norm;
    kept.forEach(function (f) {
      var start = f[0], end = f[3], pat = f[4];
      var before = start > 0 ? norm[start - 1] : "";
      var after = end < norm.length ? norm[end] : "";
      if (before && after && "“‘「\"".indexOf(before) >= 0 && "”’」\"".indexOf(after) >= 0) return;
      if ((before === "、" && ends.has(start - 1)) || (after === "、" && starts.has(end + 1))) return;
      if (isMention(ctx, start, end) || /^【填写：[.…。·\s]*】$/u.test(norm.slice(start, end))) return;
      ctx.add("placeholder", start, end - start, pat.message.split("{match}").join(ctx.text.slice(start, end)),
        null, pat.severity);
    });
  }

  function covered(ctx, start, wrong, excepts) {
    for (var e = 0; e < excepts.length; e++) {
      var ex = excepts[e], k = ex.indexOf(wrong);
      while (k >= 0) {
        if (start - k >= 0 && ctx.norm.slice(start - k, start - k + ex.length) === ex) return true;
        k = ex.indexOf(wrong, k + 1);
      }
    }
    return false;
  }

  function ruleTypos(ctx) {
    var norm = ctx.norm;
    ctx.data.typos.forEach(function (typo) {
      var wrong = typo.wrong, i = norm.indexOf(wrong);
      while (i >= 0) {
        if (!covered(ctx, i, wrong, typo.except || []) && !namedAny(ctx, i, i + wrong.length)) {
          ctx.typoSpans.push([i, i + wrong.length]);
          if (!isMention(ctx, i, i + wrong.length)) {
            ctx.add("typo-known", i, wrong.length, ctx.msg("typo-known", {
              found: ctx.text.slice(i, i + wrong.length), right: typo.right, source: typo.source }), typo.right, typo.severity);
          }
        }
        i = norm.indexOf(wrong, i + wrong.length);
      }
    });
    ctx.tab.usage.forEach(function (entry) {
      var pat = entry[1];
      finditer(entry[0], norm).forEach(function (m) {
        if (!m[0].length || namedInside(ctx, m.index, m.index + m[0].length)) return;
        var suggestion = pat.replace || (pat.replace_map || {})[m[0]] || null;
        ctx.typoSpans.push([m.index, m.index + m[0].length]);
        if (isMention(ctx, m.index, m.index + m[0].length)) return;
        ctx.add("usage", m.index, m[0].length, pat.message.split("{match}").join(m[0]), suggestion, pat.severity);
      });
    });
  }

  // Words that are both words and easily taken one for the other (data/checker/usage.yml
  // confusions: 树立/竖立, 形势/形式): a word is reported when the words around it are ones the
  // other word goes with (its cues) and none of its own. Cues: "after" begins at most 3
  // characters after the word, "before" ends at most 2 characters before it, both inside the
  // clause (not across punctuation, 、 and brackets included); a cue of one character only right
  // beside the word (公示栏, 作汇报: the 性 of 整治的针对性 is no 政治性); "later" anywhere
  // after it in the sentence (既要……又要).
  var CLAUSE_END = "，。；！？：、（）“”《》\n", SENTENCE_END = "。；！？\n";
  // Whether a cue of one character at k is a word of its own there, not a character of a word of
  // the context rule's list beside it (作 of 作风 is no 作 of 作汇报); always so before that list is loaded.
  function cueAlone(tab, norm, k, s, e) {
    var left = k > 0 && !(k - 1 >= s && k - 1 < e) ? norm.slice(k - 1, k + 1) : "", right = !(k + 1 >= s && k + 1 < e) ? norm.slice(k, k + 2) : "";
    return !(left.length === 2 && knownPair(tab, left)) && !(right.length === 2 && knownPair(tab, right));
  }
  // Whether norm[s, e) stands in a quotation (“…”, at most QUOTE_MAX characters, within one paragraph)
  // that holds a final particle of classical Chinese (矣, 乎, 焉, 哉, 兮).
  var QUOTE_MAX = 60, CLASSICAL = "矣乎焉哉兮", DOUBLE_QUOTES = { "\u201c": "\u201d" };
  function quoteAround(norm, s, e) { return quoteSpan(norm, s, e, QUOTE_MAX, DOUBLE_QUOTES, "\u201c\u201d\n"); }
  function inClassicalQuote(norm, s, e) {
    var q = quoteAround(norm, s, e);
    if (!q) return false;
    for (var k = q[0]; k < q[1]; k++) if (CLASSICAL.indexOf(norm[k]) >= 0) return true;
    return false;
  }
  // Whether the quoted name around norm[s, e) is written, in quotation marks, again in the text, or
  // (given the context rule's list tt) the stretch norm[s, e), no word of the list, itself stands in
  // two other quoted names of the text (“青禾理响” twice and “理响青禾”: a coined word of the text's names).
  function quotedTwice(norm, s, e, tt) {
    var q = quoteAround(norm, s, e);
    if (!q) return false;
    var name = "\u201c" + norm.slice(q[0], q[1]) + "\u201d", first = norm.indexOf(name);
    if (first >= 0 && norm.indexOf(name, first + 1) >= 0) return true;
    var stretch = norm.slice(s, e);
    if (!tt || tt.cost.has(stretch)) return false;
    for (var k = norm.indexOf(stretch), quoted = 0; k >= 0; k = norm.indexOf(stretch, k + 1)) {
      var other = k === s ? null : quoteAround(norm, k, k + stretch.length);
      if (other && other[0] !== q[0] && ++quoted === 2) return true;
    }
    return false;
  }
  // Whether the characters between a word and a cue a few characters after it, norm[a, b), hold a
  // particle or a place word (language.yml edge_function_chars: 的, 中, 和 …): the cue is then
  // another phrase's (调解力量的作用, 调解中情绪激动), not the word's. Before a word, 的 joins its
  // modifier to it (捐赠的书籍): no such test.
  function gapOpens(tab, norm, a, b) {
    for (var q = a; q < b; q++) if (tab.edgeFunctionChars.indexOf(norm[q]) >= 0) return true;
    return false;
  }
  var NUMBER_CUE = /^[0-9\uff10-\uff19]+[年月日号]?/u;  // a cue '#' (usage.yml): a number and its unit of time
  function cueAround(norm, s, e, side, tab) {
    // a word in quotation or title marks right before is read through its closing mark (“飞线”整治)
    var s0 = s > 0 && (norm[s - 1] === "\u201d" || norm[s - 1] === "\u300b") ? s - 1 : s;
    var a = s0, b = e, z = e, k, c, q;
    while (a > 0 && a > s0 - 12 && CLAUSE_END.indexOf(norm[a - 1]) < 0) a--;  // cues are at most 8 characters
    while (b < norm.length && b < e + 12 && CLAUSE_END.indexOf(norm[b]) < 0) b++;
    while (z < norm.length && z < e + 200 && SENTENCE_END.indexOf(norm[z]) < 0) z++;
    // (looked for at the few places allowed, never through the rest of the text)
    for (q = 0; q < (side.after || []).length; q++) {
      c = side.after[q];
      // # is a number right after (截至12月20日): the cue is the number and its unit of time, as written
      if (c === "#") {
        var m = NUMBER_CUE.exec(norm.slice(e, e + 12));
        if (m) return m[0];
        continue;
      }
      // (nor a cue negated after a gap: 政治表述不规范, a predicate of the words between, not the word's)
      for (k = e; k <= e + (c.length > 1 ? 3 : 0) && k + c.length <= b; k++) if (norm.startsWith(c, k) && (c.length > 1 || cueAlone(tab, norm, k, s, e)) && !gapOpens(tab, norm, e, k) && !(k > e + 1 && norm[k - 1] === "\u4e0d")) return c;
    }
    for (q = 0; q < (side.before || []).length; q++) {
      c = side.before[q];
      // (nor the last item of a list the word heads: 规划实施等主题 is no 实施主体)
      for (k = s0 - c.length; k >= s0 - c.length - (c.length > 1 ? 2 : 0) && k >= a; k--) if (norm.startsWith(c, k) && (c.length > 1 || cueAlone(tab, norm, k, s, e)) && norm.slice(k + c.length, s0).indexOf("\u7b49") < 0) return c;
    }
    var rest = (side.later || []).length ? norm.slice(e, z) : "";
    for (q = 0; q < (side.later || []).length; q++) if (rest.indexOf(side.later[q]) >= 0) return side.later[q];
    return null;
  }
  var PAIR_REACH = 16;
  // Whether a span [a, b) of spans overlaps [s, e).
  function overlapsAny(spans, s, e) {
    for (var t = 0; t < spans.length; t++) if (spans[t][0] < e && s < spans[t][1]) return true;
    return false;
  }
  function hasCues(side) { return (side.after || []).length + (side.before || []).length + (side.later || []).length > 0; }
  // Whether the word-pair evidence (pairGain), once loaded, finds the text with the word at i
  // written as to (as many characters, one of them other) confusion_pair_bar or more likelier.
  function pairWants(ctx, i, word, to) {
    var tab = ctx.tab, tt = tab.typo, pt = tab.wordPairs, norm = ctx.norm, k = -1, q;
    if (!tt || !pt || word.length !== to.length) return false;
    for (q = 0; q < word.length; q++) if (word[q] !== to[q]) { if (k >= 0) return false; k = q; }
    if (k < 0) return false;
    // the run of Chinese characters around it, PAIR_REACH at most either side (pairGain reads
    // PAIR_SIDE characters either side of the edit and the run's ends only within them)
    var a = i, b = i + word.length;
    while (a > 0 && i - a < PAIR_REACH && isHan(norm[a - 1])) a--;
    while (b < norm.length && b - i < PAIR_REACH && isHan(norm[b])) b++;
    var e = { kind: "sound", at: i - a + k, ch: to[k] };
    return pairGain(pt, tt, tab.translate(norm.slice(a, b)), a, norm, e) >= tt.conf.confusion_pair_bar;
  }
  // Whether norm[i, e) is written again in the item before or after it in a series (、 between, at
  // most SERIES_REACH characters away, nothing but Chinese characters and the one 、 between), or stands
  // in a series whose items open with the character before it (会策划、会发声).
  var SERIES_REACH = 8;
  function seriesAgain(norm, i, e) {
    var word = norm.slice(i, e), L = word.length;
    function between(a, b) {
      var seps = 0;
      for (var q = a; q < b; q++) { if (norm[q] === "\u3001") seps++; else if (!isHan(norm[q])) return false; }
      return seps === 1;
    }
    for (var k = Math.max(0, i - SERIES_REACH - L); k < i; k++) if (norm.startsWith(word, k) && between(k + L, i)) return true;
    for (k = e; k <= e + SERIES_REACH && k + L <= norm.length; k++) if (norm.startsWith(word, k) && between(e, k)) return true;
    // or an item of a series whose items open with one character, the word's neighbour before it (会策划、会发声:
    // 会 is “can” in each, no 会发生)
    // (the item before need not start a clause: 由会转发向会策划、会发声)
    var h = norm[i - 1];
    if (i >= 2 && norm[i - 2] === "\u3001" && isHan(h)) {
      for (k = i - 3; k >= 0 && i - 2 - k <= SERIES_REACH && isHan(norm[k]); k--) if (norm[k] === h) return true;
    }
    return e + 1 < norm.length && norm[e] === "\u3001" && norm[e + 1] === h && isHan(h);
  }
  // Whether the confusable word at norm[i, e) ends or begins a word of the context rule's list one or two characters
  // longer (体验课, 公示栏) that no other side of its pair makes in its place (体检课 is none): the longer word is
  // meant. False before the list is loaded.
  function heldInLonger(tab, norm, i, e, sides) {
    var tt = tab.typo;
    if (!tt) return false;
    for (var more = 1; more <= 2; more++) {
      for (var a = i - more; a <= i; a += more) {
        var b = a + (e - i) + more;
        if (a < 0 || b > norm.length || !/^[\u4e00-\u9fff]+$/.test(norm.slice(a, b)) || costAt(tt, norm, b, b - a) < 0) continue;
        var head = norm.slice(a, i), tail = norm.slice(e, b), alone = true;
        sides.forEach(function (o) { if (costAt(tt, head + o.word + tail, b - a, b - a) >= 0 && norm.slice(i, e) !== o.word) alone = false; });
        if (alone) return true;
      }
    }
    return false;
  }
  function ruleConfusions(ctx) {
    var norm = ctx.norm, found = [];
    ctx.data.confusions.forEach(function (pair) {
      pair.sides.forEach(function (side) {
        var word = side.word, i = norm.indexOf(word);
        for (; i >= 0; i = norm.indexOf(word, i + 1)) {
          var e = i + word.length;
          // with a cue of its own the word is meant: no typo rule reads a character of it as another's (居民自制腊肉
          // is no 居民自治)
          if (cueAround(norm, i, e, side, ctx.tab) !== null) { ctx.cued.push([i, e]); continue; }
          // nor is a word that a longer word of the lists holds as written, where the other side makes none (体验课)
          if (heldInLonger(ctx.tab, norm, i, e, pair.sides)) continue;
          var o, other, cue, reported = false;
          for (o = 0; o < pair.sides.length && !reported; o++) {
            other = pair.sides[o];
            cue = other === side ? null : cueAround(norm, i, e, other, ctx.tab);
            if (cue !== null) { found.push([i, e, other.word, cue]); reported = true; }
          }
          // no cue either way: the word-pair evidence, once loaded, may still want a side with cues
          // (高度一直 for 一致, 必需在 for 必须: the neighbours go with the other word); not for a word
          // written again in the next item of a series (不敢发声、不会发声), nor in a series of items that open
          // alike (会策划、会发声). A habit of the writer's input method is written alike each time
          // (志愿者必需持证上岗，各小区必需在……), so a word said twice elsewhere is still read
          for (o = 0; o < pair.sides.length && !reported && !seriesAgain(norm, i, e); o++) {
            other = pair.sides[o];
            if (other !== side && hasCues(other) && pairWants(ctx, i, word, other.word)) {
              found.push([i, e, other.word, null]);
              reported = true;
            }
          }
        }
      });
    });
    found.sort(function (x, y) { return x[0] - y[0]; });
    found.forEach(function (f) {
      if (namedAny(ctx, f[0], f[1])) return;
      if (overlapsAny(ctx.typoSpans, f[0], f[1])) return;
      ctx.typoSpans.push([f[0], f[1]]);
      if (isMention(ctx, f[0], f[1])) return;
      ctx.add("typo-pair", f[0], f[1] - f[0], ctx.msg(f[3] === null ? "typo-pair-evidence" : "typo-pair",
        { found: ctx.text.slice(f[0], f[1]), right: f[2], cue: f[3] }), f[2]);
    });
  }

  // Whether two characters are a common word (data.edge_words) or, once the context rule's word
  // list is loaded, a word of that list (区委 in 区委宣讲团, no 微宣讲 misspelt).
  function edgeWord(tab, w) { return tab.edgeWords.has(w) || knownPair(tab, w); }

  function evidence(tab, got, want) {
    var a = tab.readings.get(got) || new Set(), b = tab.readings.get(want) || new Set();
    var shared = false;
    a.forEach(function (s) { if (b.has(s)) shared = true; });
    if (shared) return "sound";
    if ((tab.shape.get(got) || "").indexOf(want) >= 0 || (tab.shape.get(want) || "").indexOf(got) >= 0) return "shape";
    if (tab.typo && ((tab.typo.shapes[got] || "").indexOf(want) >= 0 || (tab.typo.shapes[want] || "").indexOf(got) >= 0)) {
      return "shape";  // the look-alike table derived from stroke data (checker/lexicon.py), once loaded
    }
    var fb = new Set();
    var fuzzy = tab.data.fuzzy;  // syllable -> its form with zh/z, ch/c, sh/s, n/l, -ng/-n merged (compile.py)
    b.forEach(function (s) { fb.add(fuzzy[s] || s); });
    var fz = false;
    a.forEach(function (s) { if (fb.has(fuzzy[s] || s)) fz = true; });
    return fz ? "fuzzy" : null;
  }

  // Whether got for want is a look-alike people are known to confuse: a group of shapes.yml or,
  // once the context rule's data is loaded, a near-identical twin (人 入, 治 冶).
  function shapeListed(tab, got, want) {
    return (tab.shape.get(got) || "").indexOf(want) >= 0 || (tab.shape.get(want) || "").indexOf(got) >= 0 ||
      (!!tab.typo && ((tab.typo.twins[got] || "").indexOf(want) >= 0 || (tab.typo.twins[want] || "").indexOf(got) >= 0));
  }
  // Whether two characters are a word of the context rule's list (once loaded).
  function knownPair(tab, w) { return !!tab.typo && costAt(tab.typo, w, 2, 2) >= 0; }
  // Whether the character at pos, the i-th of a term of len characters written there, makes a word
  // of the list with its neighbour inside the term (网格 of 网格意识形态, 党史 of 党史教育).
  function wordInTerm(tab, text, pos, i, len) {
    return (i > 0 && knownPair(tab, text[pos - 1] + text[pos])) || (i < len - 1 && knownPair(tab, text[pos] + text[pos + 1]));
  }

  // Whether the evidence ev that got (at pos, character i of a term of len) stands for want is weak where
  // got makes a word with its neighbour in the term, as likely a word meant: a sound by a rare reading
  // only (格 luò for 络: 网格意识形态) or a look-alike by strokes alone, no pair people confuse
  // (shapes.yml, the near-identical twins: 党史教育馆 is no 党员教育 misspelt).
  function weakIn(tab, text, pos, i, len, ev, got, want) {
    return wordInTerm(tab, text, pos, i, len) &&
      ((ev === "sound" && !usualSound(tab.typo, got, want)) || (ev === "shape" && !shapeListed(tab, got, want)));
  }
  // Whether a term written with weak evidence (weakIn) reads as common words of the context rule's list
  // end to end (期中学习: 期中, 学习; 各网格意识形态工作: 网格, 意识形态): no near miss, words meant.
  function readAsWords(tab, text, a, b) { return !!tab.typo && inCommonWords(tab.typo, text, a, b); }
  // Whether text[a, b) is words of the context rule's list end to end, each of 2 to 4 characters and
  // cheaper than rare_cost.
  function inCommonWords(tt, text, a, b) {
    var ok = new Uint8Array(b - a + 1);
    ok[0] = 1;
    for (var e = a + 2; e <= b; e++) {
      for (var L = 2; L <= 4 && e - L >= a; L++) {
        if (!ok[e - L - a]) continue;
        var c = costAt(tt, text, e, L);
        if (c >= 0 && c < tt.conf.rare_cost) { ok[e - a] = 1; break; }
      }
    }
    return ok[b - a] === 1;
  }

  function ruleNearTypos(ctx) {
    var tab = ctx.tab, norm = ctx.norm, n = norm.length, vocab = tab.vocab;
    var seen = new Set(), exact = new Uint8Array(n), candidates = [];
    function consider(ti, s) {
      var term = vocab[ti], size = term.length;
      if (s < 0 || s + size > n) return;
      var key = ti * 4294967296 + s;
      if (seen.has(key)) return;
      seen.add(key);
      var miss = -1, window = norm.slice(s, s + size);
      if (window !== term) {
        for (var k = 0; k < size; k++) {
          if (window[k] !== term[k]) { if (miss >= 0) return; miss = k; }
        }
      }
      if (miss < 0) { for (var q = s; q < s + size; q++) exact[q] = 1; }
      else candidates.push([s, ti, miss]);
    }
    var gaps = new Map();  // "term index,start,kind" (kind +1 extra, -1 missing character) -> where
    function considerGaps(ti, j, p) {
      var term = vocab[ti], size = term.length, k, w, key;
      if (size >= 5) {
        var s2 = j === 0 ? p : p - j - 1;
        key = ti + "," + s2 + ",1";
        if (s2 >= 0 && s2 + size + 1 <= n && !gaps.has(key)) {
          w = norm.slice(s2, s2 + size + 1);
          if (w[0] === term[0] && w[w.length - 1] === term[size - 1]) {
            for (k = 1; k < size; k++) if (w.slice(0, k) + w.slice(k + 1) === term) { gaps.set(key, [ti, s2, 1, k]); break; }
          }
        }
      }
      if (size >= 5) {
        var s3 = j === 0 ? p : p - j + 1;
        key = ti + "," + s3 + ",-1";
        if (s3 >= 0 && s3 + size - 1 <= n && !gaps.has(key)) {
          w = norm.slice(s3, s3 + size - 1);
          if (w[0] === term[0] && w[w.length - 1] === term[size - 1]) {
            for (k = 1; k < size - 1; k++) if (term.slice(0, k) + term.slice(k + 1) === w) { gaps.set(key, [ti, s3, -1, k]); break; }
          }
        }
      }
    }
    for (var p = 0; p < n - 1; p++) {
      var hits = tab.bigrams.get(norm.slice(p, p + 2));
      if (hits) for (var h = 0; h < hits.length; h++) {
        var start = p - hits[h][1];
        consider(hits[h][0], start);
        // a character too many or too few is looked for only where the whole term would fit
        if (start >= 0 && start + vocab[hits[h][0]].length <= n) considerGaps(hits[h][0], hits[h][1], p);
      }
      if (p + 2 < n) {
        var more = tab.skips.get(norm[p] + norm[p + 2]);
        if (more) for (var m2 = 0; m2 < more.length; m2++) consider(more[m2], p);
      }
    }
    var best = new Map(), nearOk = ctx.data.near_ok, marker = new Uint8Array(n);
    var measuredAt = measuredMarks(ctx);
    // 一是、二是: the marker's last character is no term's
    finditer(tab.enumerators, norm).forEach(function (m) { marker[m.index + m[0].length - 1] = 1; });
    candidates.forEach(function (c) {
      var s = c[0], term = vocab[c[1]], i = c[2], pos = s + i, got = norm[pos], want = term[i];
      if (!isHan(got) || exact[pos] || marker[pos]) return;
      if (((nearOk[term] || {})[String(i)] || "").indexOf(got) >= 0 || namedAny(ctx, s, s + term.length)) return;
      if (overlapsAny(ctx.typoSpans, s, s + term.length) || overlapsAny(ctx.cued, pos, pos + 1)) return;
      var ev = evidence(tab, got, want);
      var edge = i === 0 || i === term.length - 1;
      if (ev === null || (ev === "fuzzy" && (edge || term.length < 4))) return;
      if (edge && tab.edgeFunctionChars.indexOf(got) >= 0) return;
      // a look-alike by strokes alone, no pair people confuse, at the edge of a term of three: as weak as a fuzzy
      // sound there (群众办事多、诉求多 is no 办事处)
      if (edge && term.length === 3 && ev === "shape" && !shapeListed(tab, got, want)) return;
      if (numberSaid(got, want)) return;
      // a count where the term's numerals stand: 人 or a measure word after them (不到二十人 is no 二十大)
      if (i > 0 && (got === "\u4eba" || (measuredAt && measuredAt[pos])) && numeralsBefore(term, i)) return;
      // a quotation of classical Chinese keeps its words (“学而时习之，不亦说乎？”: 说 is 悦 there)
      if (inClassicalQuote(norm, pos, pos + 1)) return;
      if (i === 0 && s > 0 && edgeWord(tab, norm[s - 1] + got)) return;
      if (i === term.length - 1 && s + term.length < n && edgeWord(tab, got + norm[s + term.length])) return;
      // both edges of the term as written belong to words outside it (其中新组建 is no 中心组 misspelt: 其中, 组建)
      if (s > 0 && s + term.length < n && edgeWord(tab, norm[s - 1] + norm[s]) &&
          edgeWord(tab, norm[s + term.length - 1] + norm[s + term.length])) return;
      // the character as written is in a word of the list that runs out of the term (易制毒化学品 is no
      // 制度化 misspelt: 制毒 is of 易制毒)
      if (tab.typo && wordBeyond(tab.typo, norm, pos, s, s + term.length)) return;
      var severity = ev !== "fuzzy" && term.length >= 4 ? "error" : "warning";
      // weak evidence (weakIn): none where the term as written reads as common words, else a warning at most
      var weak = weakIn(tab, norm, pos, i, term.length, ev, got, want);
      if (weak && readAsWords(tab, norm, s, s + term.length)) return;
      if (severity === "error" && weak) severity = "warning";
      var prev = best.get(pos);
      if (prev === undefined || term.length > prev[1].length || (term.length === prev[1].length && c[1] < prev[5])) {
        best.set(pos, [s, term, i, ev, severity, c[1]]);
      }
    });
    var reported = new Uint8Array(n);
    var typoMask = new Uint8Array(n);
    ctx.typoSpans.forEach(function (sp) { for (var q = sp[0]; q < sp[1]; q++) typoMask[q] = 1; });
    if (ctx.names) for (var q1 = 0; q1 < n; q1++) typoMask[q1] |= ctx.names[q1];  // names: left to no later typo rule
    Array.from(best.keys()).sort(function (a, b) { return a - b; }).forEach(function (pos) {
      var b = best.get(pos), s = b[0], term = b[1], i = b[2];
      for (var q = s; q < s + term.length; q++) reported[q] = 1;
      if (isMention(ctx, s, s + term.length)) return;
      ctx.add("typo-near", s, term.length, ctx.msg("typo-near-" + b[3], {
        found: ctx.text.slice(s, s + term.length), term: term, got: norm[pos], want: term[i] }), term, b[4]);
    });
    Array.from(gaps.values()).sort(function (a, b) {
      return a[1] - b[1] || (vocab[b[0]].length + b[2]) - (vocab[a[0]].length + a[2]) || a[0] - b[0];
    }).forEach(function (g) {
      var ti = g[0], s = g[1], kind = g[2], k = g[3], term = vocab[ti], size = term.length + kind;
      var window = norm.slice(s, s + size);
      if (anyIn(exact, s, s + size) || anyIn(reported, s, s + size) || anyIn(typoMask, s, s + size) || tab.vocabSet.has(window)) return;
      if (kind === 1 && (!isHan(window[k]) || tab.functionChars.indexOf(window[k]) >= 0)) return;
      if (kind === 1 && numeralAt(window, k)) return;  // another ordinal (二十一大), no typo; 十五规划 for 十五五规划 still is one
      // the extra character begins a word that runs past the term (组织生活到会率: 到会率, the attendance of the meetings)
      // or a word of three (党组织副书记: 副书记)
      if (kind === 1 && tab.typo && wordPast(tab.typo.cost, norm, s + k, s + size)) return;
      // the character said to be missing stands right after or before: the term in another
      // order (中心学习组 for 中心组学习), no character dropped
      if (kind === -1 && (norm[s + size] === term[k] || (s > 0 && norm[s - 1] === term[k]))) return;
      if (kind === -1 && shortReadsAsWritten(tab, norm, s, s + size, k)) return;  // as formulaEdit: 网格管理, 我们的日常
      for (var q = 0; q < window.length; q++) if (!isHan(window[q])) return;
      for (q = s; q < s + size; q++) reported[q] = 1;
      if (isMention(ctx, s, s + size)) return;
      ctx.add("typo-near", s, size, ctx.msg(kind === 1 ? "typo-near-extra" : "typo-near-missing", {
        found: ctx.text.slice(s, s + size), term: term, char: kind === 1 ? window[k] : term[k] }), term, "warning");
    });
    // what the context rule leaves alone: known typos, the guide's terms and their near misses
    ctx.typoBusy = typoMask;
    for (var q0 = 0; q0 < n; q0++) if (reported[q0]) typoMask[q0] = 1;
    ctx.typoFound = typoMask.slice();  // the findings so far, without the terms written right
    for (q0 = 0; q0 < n; q0++) if (exact[q0]) typoMask[q0] = 1;
  }

  // The context typo rule's tables (data.typo, checker/lexicon.py), made once per data.
  // Lookups run for every character of the text and for every candidate edit, so words of 2 to 4
  // characters are also kept under numeric keys made of their characters (hanCode), which need
  // no string to be made: the word list holds Chinese characters only (checker/lexicon.py), and a
  // character outside U+4E00..U+9FFF (code 0) is in no key.
  function TypoTables(data) {
    var typo = data.typo, self = this;
    this.conf = typo;
    this.cost = new Map();        // word -> cost (half-nats)
    this.offer = new Set();       // words a correction may make (not names)
    this.fixed = new Set();       // idioms and the guide's terms of 4+ characters
    // a word of 2 to 4 characters with one character as a hole -> the characters that fill it:
    // holes[L] keyed by holeHi, holeLo (the hole's place and the other characters' codes)
    this.holes = [null, null, new PairTable(), new PairTable(), new PairTable()];
    this.maxLen = 1;
    this.unknown = typo.unknown;
    function add(groups, kind) {
      Object.keys(groups).forEach(function (c) {
        var cost = parseInt(c, 10), list = groups[c].split(" ");
        for (var k = 0; k < list.length; k++) {
          var w = list[k];
          if (!w) continue;
          var han = /^[\u4e00-\u9fff]+$/.test(w);
          if (kind === "second" || kind === "second_known") {  // a correction of the second tier (secondTier)
            if (han && (w.length === 2 || w.length === 3)) {
              self.second.set(w, cost);
              for (var i2 = 0; i2 < w.length; i2++) {
                var t2 = self.secondHoles[w.length], hi2 = holeHi(w, 0, w.length, i2, 1), lo2 = holeLo(w, 0, w.length, i2, 1);
                var had2 = t2.get(hi2, lo2);
                t2.set(hi2, lo2, had2 === undefined ? w[i2] : had2 + w[i2]);
              }
            }
            if (kind === "second") continue;  // never a known word: it explains no stretch of text
            kind = "rare";  // second_known: a rarer word known as such, besides
          }
          self.cost.set(w, cost);
          if (w.length === 1) self.cost1[w.charCodeAt(0)] = cost;
          else if (han && w.length <= 4) putWord(self.costs[w.length], w, cost);
          if (w.length > self.maxLen) self.maxLen = w.length;
          if (kind !== "rare" && han) {  // each character's share of the words listed (exp(-cost / 2) is a word's share)
            var share = Math.exp(-cost / 2);
            for (var j = 0; j < w.length; j++) if (w.indexOf(w[j]) === j) self.charMass[w.charCodeAt(j)] += share;
          }
          if (kind === "rare" || w.length < 2) continue;
          self.offer.add(w);
          if (w.length === 3 && han) self.endings[w.charCodeAt(2)]++;
          if (kind === "fixed") self.fixed.add(w);
          if (w.length > 4 || !han) continue;
          for (var i = 0; i < w.length; i++) {
            var table = self.holes[w.length], hi = holeHi(w, 0, w.length, i, 1), lo = holeLo(w, 0, w.length, i, 1);
            var had = table.get(hi, lo);
            table.set(hi, lo, had === undefined ? w[i] : had + w[i]);
          }
        }
      });
    }
    this.endings = new Uint16Array(65536);  // by code: how many offered words of three characters end in the character
    this.charMass = new Float64Array(65536);  // by code: the summed shares of the words holding the character
    this.cost1 = new Int32Array(65536).fill(-1);  // a character's cost as a word by its code, or -1
    this.costs = [null, null, new PairTable(), new PairTable(), new PairTable()];  // by length: wordKey -> cost
    // the second tier of corrections (checker/lexicon.py second_tier): word -> cost, and by holes
    this.second = new Map();
    this.secondHoles = [null, null, new PairTable(), new PairTable()];
    add(typo.words, "words");
    add(typo.fixed, "fixed");
    add(typo.rare, "rare");  // rarer words, known so as not to be taken for typos, never offered
    add(typo.second || {}, "second");
    add(typo.second_known || {}, "second_known");
    // the characters rare in the words listed: their share costs rare_char half-nats or more (戌, 嬴, 剌)
    this.rareChar = new Uint8Array(65536);
    for (var code = 0x4e00; code <= 0x9fff; code++) this.rareChar[code] = -2 * Math.log(this.charMass[code] || 1e-30) >= typo.rare_char ? 1 : 0;
    // idioms and fixed phrases no correction takes apart (慎终追远: 慎终 is no 慎重 misspelt), by
    // their first four characters: wordKey of those -> the phrases that start so
    this.protect = new PairTable();
    Object.keys(typo.protect || {}).forEach(function (n) {
      typo.protect[n].split(" ").forEach(function (w) {
        if (!w) return;
        var hi = hanCode(w, 0) * 32768 + hanCode(w, 1), lo = hanCode(w, 2) * 32768 + hanCode(w, 3), had = self.protect.get(hi, lo);
        if (had) had.push(w); else self.protect.set(hi, lo, [w]);
      });
    });
    // the idioms and set phrases of four characters (tt.fixed and tt.protect), by their holes:
    // the formulation matcher finds them with one sound- or look-alike character changed
    this.idiomHoles = new PairTable();
    this.idioms = new Set();
    this.fixed.forEach(function (w) { if (w.length === 4 && /^[\u4e00-\u9fff]+$/.test(w)) { self.idioms.add(w); addHoles(self.idiomHoles, w); } });
    Object.keys(typo.protect || {}).forEach(function (n) {
      if (n !== "4") return;
      typo.protect[n].split(" ").forEach(function (w) { if (w) { self.idioms.add(w); addHoles(self.idiomHoles, w); } });
    });
    // and the guide's formulations of four characters (Tables.formulaHoles), so that one lookup serves both
    data.vocab.concat(data.formulas || []).forEach(function (w) { if (w.length === 4 && /^[\u4e00-\u9fff]+$/.test(w)) addHoles(self.idiomHoles, w); });
    this.shapes = typo.shapes;
    this.placeEnds = typo.place_ends;  // the characters that end names of places (checker/lexicon.py place_ends)
    this.twins = typo.twins;  // char -> its near-identical shapes (checker/lexicon.py twins_table)
    this.commonChars = new Set(typo.common_chars);
    this.named = rx(typo.names);
    this.places = rx(typo.places);
    this.framed = rx(typo.frames);
    this.measured = rx(typo.measured);
    this.reduplicated = new Set(typo.reduplicated.split(" "));  // a verb said twice before its object: 动动手
    // 拍照: 拍拍照, 照镜子: 照照镜 (context.yml; the verb said twice and the next character, as looked up)
    typo.separable.forEach(function (w) { self.reduplicated.add(w[0] + w.slice(0, 2)); });
    // and 个 between its verb and its object (亮个相, 洗个澡), or 起 between and 来 after (议起事来, 聊起天来), or its object
    // put before it with 把 (把字签了): each character a word of its own, as in a frame
    this.separated = typo.separable.length ? rx(typo.separable.map(function (w) {
      return w[0] + "个" + w.slice(1) + "|" + w[0] + "起" + w.slice(1) + "来|把" + w.slice(1) + w[0];
    }).join("|")) : null;
    this.reduplicable = new Set(typo.reduplicable);  // 检查检查, 凉快凉快 (context.yml)
    this.nounsTwice = new Set(typo.nouns_twice);  // 哥哥, 家家 (context.yml)
    this.readings = new Map();  // char -> its usual readings (checker/lexicon.py common_readings)
    this.bySound = new Map();   // reading -> chars
    this.byFuzzy = new Map();   // reading with zh/z, n/l, -ng/-n merged -> chars
    this.alike = new Map();     // char -> its sound- and look-alikes (alikeOf), filled as needed
    var fz = data.fuzzy;
    Object.keys(typo.readings).forEach(function (syl) {
      var chars = typo.readings[syl], key = fz[syl] || syl;
      self.bySound.set(syl, chars);
      self.byFuzzy.set(key, (self.byFuzzy.get(key) || "") + chars);
      for (var k = 0; k < chars.length; k++) {
        if (!self.readings.has(chars[k])) self.readings.set(chars[k], []);
        self.readings.get(chars[k]).push(syl);
      }
    });
  }

  // A Chinese character's code in the numeric keys: 1 to 20,992; 0 for any other character.
  function hanCode(s, i) { var d = s.charCodeAt(i) - 0x4dff; return d > 0 && d < 20993 ? d : 0; }
  // A map from two integers of 0 to 2^30 - 1 (hi, lo) to a value: open addressing in typed
  // arrays, which the JIT compiles to plain loads (a Map with number keys above 2^30 hashes
  // and allocates a boxed number at every lookup). tags[i] holds 8 bits of the key's hash (odd:
  // 0 is a free slot), so that a key not in the table (most lookups) is told from the others in
  // a table an eighth of the size of the keys, most often without a look into them.
  function PairTable() { this.alloc(1024); }
  PairTable.prototype.alloc = function (n) {  // keys[2i], keys[2i + 1]: hi and lo of slot i
    this.keys = new Int32Array(2 * n); this.tags = new Uint8Array(n); this.vals = new Array(n); this.mask = n - 1; this.size = 0;
  };
  function pairMix(hi, lo) {
    var h = Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo + 0x7f4a7c15 | 0, 0x85ebca77);
    return h ^ (h >>> 15);
  }
  PairTable.prototype.get = function (hi, lo) {
    var h = pairMix(hi, lo), tags = this.tags, keys = this.keys, mask = this.mask, tag = (h >>> 24) | 1, t;
    for (var i = h & mask; (t = tags[i]) !== 0; i = (i + 1) & mask) {
      if (t === tag && keys[2 * i] === hi && keys[2 * i + 1] === lo) return this.vals[i];
    }
    return undefined;
  };
  // the slot of the key (hi, lo), or -1
  PairTable.prototype.find = function (hi, lo) {
    var h = pairMix(hi, lo), tags = this.tags, keys = this.keys, mask = this.mask, tag = (h >>> 24) | 1, t;
    for (var i = h & mask; (t = tags[i]) !== 0; i = (i + 1) & mask) {
      if (t === tag && keys[2 * i] === hi && keys[2 * i + 1] === lo) return i;
    }
    return -1;
  };
  PairTable.prototype.set = function (hi, lo, value) {
    if (2 * (this.size + 1) > this.mask + 1) {
      var keys = this.keys, tags = this.tags, vals = this.vals;
      this.alloc(2 * (this.mask + 1));
      for (var j = 0; j < vals.length; j++) if (tags[j] !== 0) this.put(keys[2 * j], keys[2 * j + 1], vals[j]);
    }
    this.put(hi, lo, value);
  };
  PairTable.prototype.put = function (hi, lo, value) {
    var h = pairMix(hi, lo), tags = this.tags, keys = this.keys, mask = this.mask, tag = (h >>> 24) | 1;
    for (var i = h & mask; ; i = (i + 1) & mask) {
      if (tags[i] === 0) { tags[i] = tag; keys[2 * i] = hi; keys[2 * i + 1] = lo; this.vals[i] = value; this.size++; return; }
      if (tags[i] === tag && keys[2 * i] === hi && keys[2 * i + 1] === lo) { this.vals[i] = value; return; }
    }
  };
  // The key (holeHi, holeLo) of the word of L characters s[from, from + L) with a hole at its
  // place p, whose other characters are s[from, from + p) and s[from + p + skip, from + L + skip - 1):
  // skip 1 when s holds the character the hole replaces, 0 when the hole is a character s lacks.
  // The L - 1 other characters' codes: holeHi the place and the first, holeLo the others.
  function holeHi(s, from, L, p, skip) { return p * 32768 + hanCode(s, from + (p > 0 ? 0 : skip)); }
  function holeLo(s, from, L, p, skip) {
    var lo = 0;
    for (var q = 1; q < L - 1; q++) lo = lo * 32768 + hanCode(s, from + (q < p ? q : q + skip));
    return lo;
  }
  // A word of four characters put into table under its four holes (holeHi, holeLo): the
  // characters that fill each hole, as one string.
  // table.places[hanCode] has bit i set where the character stands at place i of such a word: a window
  // with a character at none of its places has no hole to fill there.
  // placesAt: the bits of the four characters at norm[i, i + 4), each at its own place
  function placesAt(places, norm, i) {
    return (places[hanCode(norm, i)] & 1) | (places[hanCode(norm, i + 1)] & 2) | (places[hanCode(norm, i + 2)] & 4) |
      (places[hanCode(norm, i + 3)] & 8);
  }
  function addHoles(table, w) {
    var places = table.places || (table.places = new Uint8Array(20993));
    for (var i = 0; i < 4; i++) {
      places[hanCode(w, i)] |= 1 << i;
      var hi = holeHi(w, 0, 4, i, 1), lo = holeLo(w, 0, 4, i, 1), had = table.get(hi, lo);
      if (had === undefined || had.indexOf(w[i]) < 0) table.set(hi, lo, had === undefined ? w[i] : had + w[i]);
    }
  }
  // The cost of the word s[i-L, i) (L <= 4), or -1: numeric keys, because this runs for every
  // character of the text and of each candidate edit's stretch.
  function costAt(tt, s, i, L) {
    if (L === 1) return tt.cost1[s.charCodeAt(i - 1)];
    var c;
    if (L === 2) c = tt.costs[2].get(hanCode(s, i - 2), hanCode(s, i - 1));
    else c = tt.costs[L].get(hanCode(s, i - L) * 32768 + hanCode(s, i - L + 1),
      L === 3 ? hanCode(s, i - 1) : hanCode(s, i - 2) * 32768 + hanCode(s, i - 1));
    return c === undefined ? -1 : c;
  }
  // The cheapest split of s into words: [total cost, end -> length of the word ending there,
  // end -> cost of the cheapest split of s[0, end)]. Costs are whole numbers, so sums are exact.
  // Without rc, each word is looked up (costAt), and rc, if given, is filled: rc[i * 4 + L - 1]
  // the cost of s[i-L, i) or -1. With rc (the table of the run that s is a stretch of, edited
  // or not), a word within s[0, lead) is run[at + i - L, at + i), one within s[tail, ..) is
  // run[i + off - L, i + off): only the words across an edit are looked up.
  // Filling rc, the characters' hanCodes are read once (h1 that of s[i - 1], h2 of s[i - 2] ...)
  // and a word with a character of code 0 (none in the lists) is not looked up.
  function segment(tt, s, rc, fill, at, lead, tail, off) {
    var n = s.length, best = new Float64Array(n + 1), back = new Uint8Array(n + 1), max = Math.min(tt.maxLen, 4);
    var h1 = 0, h2 = 0, h3 = 0, h4 = 0, got;
    for (var i = 1; i <= n; i++) {
      best[i] = Infinity;
      if (fill) { h4 = h3; h3 = h2; h2 = h1; h1 = hanCode(s, i - 1); }
      for (var L = 1; L <= max && L <= i; L++) {
        var c;
        if (fill) {
          if (L === 1) c = tt.cost1[s.charCodeAt(i - 1)];
          else if (h1 === 0 || h2 === 0 || (L > 2 && h3 === 0) || (L > 3 && h4 === 0)) c = -1;
          else {
            got = L === 2 ? tt.costs[2].get(h2, h1) : L === 3 ? tt.costs[3].get(h3 * 32768 + h2, h1) :
              tt.costs[4].get(h4 * 32768 + h3, h2 * 32768 + h1);
            c = got === undefined ? -1 : got;
          }
          rc[i * 4 + L - 1] = c;
        } else if (i <= lead) c = rc[(i + at) * 4 + L - 1];
        else if (i - L >= tail) c = rc[(i + off) * 4 + L - 1];
        else c = costAt(tt, s, i, L);
        if (c < 0) { if (L > 1) continue; c = tt.unknown; }
        if (best[i - L] + c < best[i]) { best[i] = best[i - L] + c; back[i] = L; }
      }
    }
    return [best[n], back, best];
  }
  // A numeral or 整 that ends a word of the split begun by another character (逐一, 统一, 唯一, 调整; not
  // 第一, 三十二) counts nothing: the measure word after it is free (逐一回访 is 回访, no 一回 of a number).
  function wordNumerals(run, base, back, held) {
    for (var end = run.length; end > 0; end -= back[end]) {
      var s = end - back[end], last = run[end - 1];
      if (end - s < 2 || !held[base + end] || !(isNumeral(last) || last === "整") || isNumeral(run[s]) || run[s] === "第") continue;
      for (var q = base + end; held[q] === 1 && q < base + run.length; q++) held[q] = 0;
    }
  }
  // Whether norm[s, e) holds a measure word after a numeral (held) whose numeral is not at. With
  // whole (no numeral edited), a measure word whose numeral is in the stretch too is the word's own:
  // 近一步 is 进一步, and the number 一步 is no number taken apart.
  function heldIn(held, s, e, at, whole) {
    for (var q = s; q < e; q++) if (held[q] && q - 1 !== at && !(whole && q - 1 >= s)) return true;
    return false;
  }
  // Whether position q of a run (0 < q < n) falls inside a common word of its split: run[q - 1] and
  // run[q] in one word, neither left alone (lone: a word of one character or a rare one).
  function splitAt(back, lone, n, q) { return q > 0 && q < n && !lone[q - 1] && !lone[q] && wordAt(back, n, q - 1)[1] > q; }
  function lengthAt(back, n, at) { var w = wordAt(back, n, at); return w[1] - w[0]; }
  // [start, end] of the word covering position at in a split.
  function wordAt(back, n, at) {
    for (var end = n; end > 0; end -= back[end]) if (end - back[end] <= at) return [end - back[end], end];
    return [0, 0];
  }

  // One edit turns window into f: [kind, k] with kind "sub" (window[k] for f[k]), "extra"
  // (window[k] is one too many), "missing" (f[k] is not written) or "swapped" (window[k],
  // window[k + 1] the wrong way round), "word" (window[k, k + 2) for f[k, k + 2): an input method's
  // word for the syllables of another); null for none or more than one.
  function oneEdit(w, f) {
    var k = 0, L = f.length;
    while (k < w.length && k < L && w[k] === f[k]) k++;
    if (w.length === L) {
      if (k === L) return null;
      if (w.slice(k + 1) === f.slice(k + 1)) return ["sub", k];
      if (k + 1 < L && w[k] === f[k + 1] && w[k + 1] === f[k] && w.slice(k + 2) === f.slice(k + 2)) return ["swapped", k];
      if (k + 1 < L && w.slice(k + 2) === f.slice(k + 2)) return ["word", k];
      return null;
    }
    // a character too many or too few inside it, not at either end (好网络意识形态 is no typo)
    if (w.length === L + 1) return k > 0 && k < L && w.slice(k + 1) === f.slice(k) ? ["extra", k] : null;
    if (w.length === L - 1) return k > 0 && k < L - 1 && w.slice(k) === f.slice(k + 1) ? ["missing", k] : null;
    return null;
  }

  var QUOTE_PAIRS = { "\u201c": "\u201d", "\u2018": "\u2019", "\u300c": "\u300d", "\"": "\"", "\u300a": "\u300b" };
  function quoted(norm, s, e) { var c = QUOTE_PAIRS[norm[s - 1]]; return !!c && norm[e] === c; }
  // Whether norm[s, e) stands inside a short name in quotation marks (“乐学·悦读”, “智汇银龄”) or a
  // title in 《》 (《九成宫醴泉铭》): at most NAME_MAX characters between the marks, no clause's
  // punctuation inside.
  var NAME_MAX = 10;
  function inQuotedName(norm, s, e) { return !!quoteSpan(norm, s, e, NAME_MAX, QUOTE_PAIRS, CLAUSE_END); }
  // [a, b): the text between an opening mark of opens and its closing one around norm[s, e), at most
  // max characters, with none of stops between; or null.
  function quoteSpan(norm, s, e, max, opens, stops) {
    var a = s, b = e;
    while (a > 0 && e - a < max && !opens[norm[a - 1]] && stops.indexOf(norm[a - 1]) < 0) a--;
    var c = opens[norm[a - 1]];  // none before the text's start
    if (!c) return null;
    while (b < norm.length && b - a < max && norm[b] !== c && stops.indexOf(norm[b]) < 0) b++;
    return norm[b] === c ? [a, b] : null;
  }

  // Fixed formulations with one character changed, missing, doubled or two swapped
  // (reported as typo-near): the glossary's terms and series, the vocabulary and the
  // formulations of data/checker/context.yml (data.formulas), and the idioms and set phrases
  // of four characters of the word list (tt.fixed, tt.protect). How much is believed depends
  // on how distinctive the formulation is: one of five characters or more, or a series, takes
  // a sound- or look-alike character, a doubled or a missing one, two swapped, and a series or
  // one of seven characters or more any other character too (formulaEdit); one of four
  // characters only a sound- or look-alike character, and only where the four characters as
  // written are no common sequence of words (their best split costs formula_common or more) or
  // stand in quotation marks as a formulation of the guide (fourEdit).
  function ruleFormulas(ctx) {
    var tab = ctx.tab, norm = ctx.norm, n = norm.length, busy = ctx.typoBusy, done = ctx.typoFound;
    var view = norm.replace(/[\uff0c,]/g, "\u3001"), formulas = tab.formulas, found = [];
    function han(a, b) { for (var q = a; q < b; q++) if (!isHan(view[q]) && view[q] !== "\u3001") return false; return true; }
    var seen = new Set();
    for (var p = 0; p + 1 < n; p++) {
      var hits = tab.formulaAnchors.get(view.slice(p, p + 2));
      if (!hits) continue;
      for (var h = 0; h < hits.length; h++) {
        var f = formulas[hits[h][0]], j = hits[h][1], L = f.length;
        for (var d = -1; d <= 1; d++) {
          var s = j === 0 ? p : p + 2 - (L + d), e = s + L + d, key = hits[h][0] * 65536 + s * 4 + d + 1;
          if (s < 0 || e > n || seen.has(key)) continue;
          seen.add(key);
          var w = view.slice(s, e), ed = oneEdit(w, f);
          // a window that right terms cover whole is one of them (人民城市人民建 is no 人民城市为人民)
          if (!ed || !han(s, e) || anyIn(done, s, e) || allIn(busy, s, e)) continue;
          var kind = formulaEdit(tab, w, f, ed, view, s, e);
          if (kind) found.push([s, e, f, ed, kind]);
        }
      }
    }
    reportFormulas(ctx, found, done);
  }

  // mask (of the text's length or more) with the spans of the typo findings so far set to 1, and returned;
  // withPair: those the word-pair evidence made alone (f.pair, which give way to a formulation) too
  function markTypoFindings(ctx, mask, withPair) {
    var n = ctx.norm.length;
    ctx.findings.forEach(function (f) {
      if (f.rule.indexOf("typo-") !== 0 || (f.pair && !withPair)) return;
      for (var q = f.start; q < f.start + f.length && q < n; q++) mask[q] = 1;
    });
    return mask;
  }

  // The formulations and idioms of four characters (see ruleFormulas), after the context rule,
  // which judges the idioms of its word list with their frequency: only where no typo rule
  // found anything.
  function ruleFourFormulas(ctx) {
    var tab = ctx.tab, tt = tab.typo, norm = ctx.norm, n = norm.length, found = [];
    // a word found by the pair evidence alone gives way to an idiom or formulation misspelt there
    var done = markTypoFindings(ctx, ctx.typoBusy.slice(), false);
    var holes = tt ? tt.idiomHoles : tab.formulaHoles, places = holes.places || new Uint8Array(20993);
    for (var i = 0; i + 4 <= n; i++) {
      if (!isHan(norm[i]) || !isHan(norm[i + 1]) || !isHan(norm[i + 2]) || !isHan(norm[i + 3])) continue;
      if (done[i] || done[i + 1] || done[i + 2] || done[i + 3]) continue;
      // the places of a word of four that the characters written fill: a hole needs the other three
      var at = placesAt(places, norm, i);
      for (var k = 0; k < 4; k++) {
        if ((at | (1 << k)) !== 15) continue;
        var hi = holeHi(norm, i, 4, k, 1), lo = holeLo(norm, i, 4, k, 1);
        var fills = holes.get(hi, lo);
        if (fills === undefined) continue;
        for (var c = 0; c < fills.length; c++) {
          if (fills[c] === norm[i + k]) continue;
          var word = norm.slice(i, i + k) + fills[c] + norm.slice(i + k + 1, i + 4);
          var alike = fourEdit(ctx, word, i, k);
          if (alike) found.push([i, i + 4, word, ["sub", k], alike[0], alike[1]]);
        }
      }
    }
    // two characters, a word of the list, for two of the formulation that sound the same (正直站位:
    // 正直 for 政治): the input method offered the wrong word, at either end of it too; never a
    // measure word after a numeral (一件建议 is no 意见建议), which no typo rule edits (context.yml measured)
    var held = measuredMarks(ctx);
    // (the formulations' places as in the loop above: a gap at g keeps the characters at the other two, KEPT[g])
    var fplaces = tab.formulaHoles.places || new Uint8Array(20993), KEPT = [12, 9, 3];
    if (tt) for (i = 0; i + 4 <= n; i++) {
      if (!isHan(norm[i]) || !isHan(norm[i + 1]) || !isHan(norm[i + 2]) || !isHan(norm[i + 3])) continue;
      var fat = placesAt(fplaces, norm, i);
      if ((fat & 12) !== 12 && (fat & 9) !== 9 && (fat & 3) !== 3) continue;
      var w4 = norm.slice(i, i + 4);
      if (tab.formulaSet.has(w4) || tt.offer.has(w4)) continue;
      for (var g = 0; g <= 2; g++) {
        if ((fat & KEPT[g]) !== KEPT[g] || done[i + g] || done[i + g + 1] || held[i + g] || held[i + g + 1]) continue;
        var terms = tab.formulaGaps.get(g + w4.slice(0, g) + w4.slice(g + 2));
        if (!terms || !tt.offer.has(w4.slice(g, g + 2))) continue;
        for (var t4 = 0; t4 < terms.length; t4++) {
          var f4 = terms[t4];
          if (f4[g] === w4[g] || f4[g + 1] === w4[g + 1]) continue;  // one character: the paths above
          if (usualSound(tt, w4[g], f4[g]) && usualSound(tt, w4[g + 1], f4[g + 1])) found.push([i, i + 4, f4, ["word", g], "sound"]);
        }
      }
    }
    var before = ctx.findings.length;
    reportFormulas(ctx, found, done);
    var added = ctx.findings.slice(before);
    if (added.length) ctx.findings = ctx.findings.filter(function (f) {
      return !f.pair || !added.some(function (g) { return g.start < f.start + f.length && f.start < g.start + g.length; });
    });
  }

  // The place of the character beside a word made by putting e.ch in at e.at (the word run[from, to) as written) that
  // stands where e.ch would, or -1: e.ch put in at the word's end or start, the character beyond it a word of its own
  // in the split (single), neither common (cost over common_cost) nor e.ch itself.
  function standsIn(tt, run, single, e, from, to) {
    var q = e.at === to ? to : e.at === from ? from - 1 : -1;
    if (q < 0 || q >= run.length || !single[q] || run[q] === e.ch) return -1;
    return tt.cost.get(run[q]) <= tt.conf.common_cost ? -1 : q;
  }
  // Whether two characters share a usual reading (tt.readings: 传 chuán zhuàn and 专 zhuān do, 达 and
  // 题 do not, whatever rare readings they have).
  function usualSound(tt, a, b) {
    var ra = tt.readings.get(a) || [], rb = tt.readings.get(b) || [];
    for (var q = 0; q < ra.length; q++) if (rb.indexOf(ra[q]) >= 0) return true;
    return false;
  }

  // 的 written for 地 or 得 (particle-de). The word classes (data.typo.particle, checker/particles.py
  // from jieba's tags and open-gram's bigrams, corrected by data/checker/particles.yml) come with the
  // context rule's word list, which tells where the words around a 的 begin and end; without them
  // the rule is skipped. Three cases, each read from the few words around a 的 (no parse), in this order:
  // - a word of 得 written with 的 (取的了 for 取得了), unless the character before makes a word with
  //   its first one (采取的, 明显的) or it completes a verb (听得懂的); some only before 了 or an
  //   adjective (取的), a verb (值的), or a word (心的体会);
  // - a verb, 的, a complement closing the clause (做的很扎实。 for 做得): after a degree adverb, the
  //   rest of the clause, four characters at most; without one an idiom, a doubled word or two
  //   adjectives (开展的有声有色，), the verb no object of a verb before it (交代整改的来龙去脉);
  // - an adverbial, 的, a verb phrase (认真的学习了 for 认真地): the adverbial is a word of the lists or
  //   an idiom, two adjectives (扎实有效), a doubled word (扎扎实实) or a word of three characters ending
  //   in 化 (常态化); 的 is followed by a preposition (主动的为群众) or by a verb followed by what only a
  //   verb takes: 了/着/过, a result (好, 起来), an object opened by 各, 这, a figure or a quotation
  //   mark, a noun that is no compound's head (学习态度), another verb that is no predicate (是, 让) and
  //   takes one of those. A blocker before the adverbial (了, 的, 通过, 一次, 一份) makes 'X的V' a noun
  //   phrase whatever follows; a verb before it (开展深入的调研) leaves only 了/着/过, a result or a
  //   preposition after 的 as evidence.
  function ParticleTables(p, terms) {
    function words(s) { return new Set(s ? s.split(" ") : []); }
    function longestFirst(list) { return list.slice().sort(function (a, b) { return b.length - a.length; }); }
    var self = this;
    this.adverbs = words(p.adverbs);
    this.adverbials = words(p.adverbials);  // some of them adverbs too (逐步)
    this.heads = new Set(p.heads);
    this.verbs = words(p.verbs);
    this.complements = words(p.complements);
    this.idioms = words(p.idioms);
    this.nouns = words(p.nouns);  // nouns said AABB (方方面面, 家家户户)
    this.auxiliaries = new Set(p.auxiliaries);
    this.predicates = new Set(p.predicates);
    this.copulas = new Set(p.copulas);
    this.blockers = new Set(p.blockers);
    this.noComplement = new Set(p.no_complement);
    this.notObjects = new Set(p.not_objects);
    this.measures = p.measures || "";
    this.quantities = new Set(p.quantities);
    this.relations = new Set(p.relations);
    this.orders = new Set(p.orders);
    this.times = p.times.join("");
    // the guide's terms longer than the word list's words (宣传思想工作), and their first and last two characters
    this.terms = new Set(terms.filter(function (w) { return w.length > 4 && w.length <= 8; }));
    this.termHeads = new Set(); this.termTails = new Set();
    this.terms.forEach(function (w) { self.termHeads.add(w.slice(0, 2)); self.termTails.add(w.slice(-2)); });
    this.degrees = longestFirst(p.degrees);
    this.determiners = longestFirst(p.determiners);
    this.prepositions = longestFirst(p.prepositions);
    this.results = longestFirst(p.results);
    this.aspects = p.aspects;
    this.words = {};  // the first character of a word of 得 -> the word, with what must follow
    p.de_words.forEach(function (w) { self.words[w.word[0]] = { word: w.word, next: w.next || [], adjective: !!w.adjective, verb: !!w.verb }; });
  }
  var PARTICLE_END = "，。；！？、）)”\n";
  var COUNTING = "一二三四五六七八九十两几这那每某各半";  // before a measure word
  var PHRASE_DEPTH = 3;  // verbs read in a row after 的 (分析研判了: two)
  // the longest word of set that starts (ending false) or ends (ending true) at i, of at most max characters
  function setAt(set, s, i, max, ending) {
    for (var L = max; L >= 1; L--) {
      var a = ending ? i - L : i;
      if (a < 0 || a + L > s.length) continue;
      var w = s.slice(a, a + L);
      if (isHan(w[0]) && isHan(w[L - 1]) && set.has(w)) return w;
    }
    return "";
  }
  function listAt(list, s, i) {
    for (var k = 0; k < list.length; k++) if (s.startsWith(list[k], i)) return list[k];
    return "";
  }
  // the length of the longest word that starts (ending false) or ends (ending true) at i: a word of
  // the word list (2 to 4 characters) or a longer term of the guide (宣传思想工作, 8 at most); or 1
  function wordLength(pt, tt, s, i, ending) {
    var edge = ending ? s.slice(i - 2, i) : s.slice(i, i + 2);
    for (var L = (ending ? pt.termTails : pt.termHeads).has(edge) ? 8 : 4; L >= 2; L--) {
      var e = ending ? i : i + L;
      if (e - L < 0 || e > s.length) continue;
      if (L <= 4 ? costAt(tt, s, e, L) >= 0 : pt.terms.has(s.slice(e - L, e))) return L;
    }
    return 1;
  }
  // Whether w is a quantity (pt.quantities), or one of two characters (很多, 较少) before a word of two
  // or more that it counts (很多目标; not 很多样)
  // a quantity, or one of two characters before what it counts (很多目标, 很多事)
  function quantityAt(pt, w) { return pt.quantities.has(w) || (w.length >= 3 && pt.quantities.has(w.slice(0, 2))); }
  function adverbial(pt, w) { return pt.adverbials.has(w) || pt.adverbs.has(w); }
  function adjectiveLike(pt, w) { return pt.complements.has(w) || adverbial(pt, w); }
  function descriptive(pt, w) { return (pt.complements.has(w) || pt.adverbials.has(w)) && !pt.adverbs.has(w); }
  // two adjectives (扎实有效; no adverb: 更加务实) or a doubled word (扎扎实实), the four characters s[a, a + 4);
  // not two common nouns said twice each (爷爷奶奶, 哥哥姐姐: each half a common word, no adverb as 明明 is)
  function pairedAt(pt, tt, s, a) {
    var four = s.slice(a, a + 4);
    if (four.length < 4 || !isHan(four[0]) || !isHan(four[2])) return "";
    if (four[0] === four[1] && four[2] === four[3] && four[0] !== four[2]) return kinPair(pt, tt, four) || pt.nouns.has(four) ? "" : four;
    return descriptive(pt, four.slice(0, 2)) && descriptive(pt, four.slice(2)) ? four : "";
  }
  function kinPair(pt, tt, four) {
    var aa = four.slice(0, 2), bb = four.slice(2), rare = tt.conf.rare_cost, ca = tt.cost.get(aa), cb = tt.cost.get(bb);
    return ca < rare && cb < rare && !adverbial(pt, aa) && !adverbial(pt, bb);
  }
  // the adverbial ending at i, or "" (an adverb of jieba's alone is none: 原来的, 已经的)
  function adverbialAt(pt, tt, s, i) {
    var w = setAt(pt.adverbials, s, i, 4, true);
    if (w.length === 4 || (i >= 4 && pt.idioms.has(s.slice(i - 4, i)))) return s.slice(i - 4, i);
    if (i >= 4 && pairedAt(pt, tt, s, i - 4)) return s.slice(i - 4, i);
    var three = s.slice(i - 3, i);
    // 常态化; not a word of two in 化 after another word's character (换了老化的, 一段老化的: 老化 is no adverbial)
    if (w.length < 3 && i >= 3 && three[2] === "化" && isHan(three[0]) && isHan(three[1]) &&
        !(tt.offer.has(three.slice(1)) && !tt.offer.has(three))) return three;
    return w.length >= 2 ? w : "";
  }
  // whether c, what follows 最, is an adjective of one character and a word of two or more (的最好回报,
  // 的最大心血: a noun phrase, the superlative of a thing; 写的最清楚, 干的最好 are complements)
  function superlativeNoun(pt, tt, c) {
    var rest = c.slice(1);
    return rest.length >= 2 && adjectiveLike(pt, c[0]) && !adjectiveLike(pt, rest) && pt.results.indexOf(rest) < 0 &&
      wordLength(pt, tt, c, 1, false) === rest.length;
  }
  // the complement starting at i (an adjective, an idiom, two adjectives), or ""
  function complementAt(pt, tt, s, i) {
    var four = s.slice(i, i + 4);
    // an idiom of the form X之Y names a thing (重中之重, 当务之急, 一技之长): a noun, never a complement
    if (four[2] === "之" && pt.idioms.has(four)) return "";
    if (pt.idioms.has(four) || pairedAt(pt, tt, s, i)) return four;
    for (var L = 4; L >= 1; L--) if (adjectiveLike(pt, s.slice(i, i + L)) && i + L <= s.length) return s.slice(i, i + L);
    return "";
  }
  // what stands before the word at a that makes 'X的V' a noun phrase: "blocker" for a word of
  // blockers (of the word list: 通过, 了), a word ending in one (一次) or a measure word after a numeral
  // (一份正式的); "verb" for a verb that is no auxiliary (nor a noun of heads: 活动开展的); else ""
  function nounPhraseBefore(pt, tt, s, a) {
    if (a === 0 || !isHan(s[a - 1])) return "";
    if (pt.measures.indexOf(s[a - 1]) >= 0 && pt.times.indexOf(s[a - 1]) < 0 && a > 1 &&
        (COUNTING.indexOf(s[a - 2]) >= 0 || isDigit(s[a - 2]))) return "blocker";
    var L = wordLength(pt, tt, s, a, true), w = s.slice(a - L, a);
    if (pt.blockers.has(w)) return "blocker";
    if (L === 1 || pt.auxiliaries.has(w) || adverbial(pt, w) || pt.heads.has(w)) return "";
    return pt.blockers.has(s[a - 1]) ? "blocker" : pt.verbs.has(w) ? "verb" : "";
  }
  // whether the clause before a compares (比 a word of its own: 比上半年写的还多, 比指南能掌握的更肯定):
  // then 'V的' is the noun phrase compared
  function comparedBefore(pt, tt, s, a) {
    for (var k = a - 1; k >= 0 && a - k <= 20 && PARTICLE_END.indexOf(s[k]) < 0; k--) {
      if (s[k] === "比" && wordLength(pt, tt, s, k + 1, true) === 1 && wordLength(pt, tt, s, k, false) === 1) return true;
    }
    return false;
  }
  // what shows that the verb v at q heads a verb phrase, or "". A verb after it (分析研判了, 报名参加)
  // is read on, up to depth verbs in all: what follows the last one decides, but a predicate (是, 让,
  // 得到) makes 'X的V' a subject, and a noun right after the first verb may be a compound's head.
  function verbPhraseAt(pt, tt, s, q, v, depth) {
    var r = q + v.length, c = s[r] || "", first = depth === PHRASE_DEPTH;
    if (!c) return "";
    if (c === "\u201c" || c === "\u300a" || isDigit(c) || listAt(pt.determiners, s, r)) return "object";
    if (!isHan(c)) return "";
    var L = wordLength(pt, tt, s, r, false), w = s.slice(r, r + L);
    if (pt.aspects.indexOf(c) >= 0) return L === 1 ? c : "";
    var res = listAt(pt.results, s, r);
    if (res && (res.length >= L || pt.results.indexOf(w) >= 0)) return res;
    var v2 = setAt(pt.verbs, s, r, 4, false);
    if (pt.predicates.has(w) || pt.predicates.has(v2) || pt.notObjects.has(L === 1 ? c : w) || pt.adverbs.has(w)) return "";
    if (first && (pt.heads.has(w) || (v.length + L <= 4 && L >= 2 && costAt(tt, s, r + L, v.length + L) >= 0))) return "";  // 学习态度
    if (v2.length >= 2 && v2.length >= L) {
      // a verb with its result (做好, 抓好) takes the verb after it for its object (做好走访)
      if (first && v.length >= 2 && pt.results.indexOf(v[v.length - 1]) >= 0) return "object";
      return depth > 1 ? verbPhraseAt(pt, tt, s, r, v2, depth - 1) : "";
    }
    return "object";
  }
  function ruleParticles(ctx) {
    var pt = ctx.tab.particle, tt = ctx.tab.typo;
    if (!pt || !tt) return;
    var norm = ctx.norm, busy = markTypoFindings(ctx, new Uint8Array(norm.length + 1), true);
    for (var p = norm.indexOf("的"); p > 0; p = norm.indexOf("的", p + 1)) {
      if (busy[p] || busy[p - 1]) continue;
      var found = particleAt(pt, tt, norm, p);
      // a name of the user's words or the local edition's (markNames) is left as written, and so is a
      // short phrase in quotation marks, a name or words cited as they were said (“写的太虚”)
      if (!found || isMention(ctx, found[0], found[0] + found[1]) || namedAny(ctx, found[0], found[0] + found[1]) ||
          inQuotedName(norm, found[5], found[6])) continue;
      ctx.add("particle-de", found[0], found[1], ctx.msg(found[2], found[3]), found[4]);
    }
  }
  // [start, length, message key, its names, suggestion, start and end of the words read] of the slip at
  // the 的 at p, or null
  function particleAt(pt, tt, s, p) {
    var q = p + 1, next = s[q] || "";
    // a word of 得 written with 的 (取的了)
    var w = pt.words[s[p - 1]];
    // (not after a measure word: 睡个觉的地方 is a noun phrase)
    if (w && isHan(next) && "得不个".indexOf(s[p - 2] || "") < 0 && wordLength(pt, tt, s, p, true) === 1 &&
        ((!w.next.length && !w.adjective && !w.verb) || listAt(w.next, s, q) ||
         (w.adjective && (complementAt(pt, tt, s, q) || listAt(pt.degrees, s, q))) || (w.verb && setAt(pt.verbs, s, q, 4, false)))) {
      return [p - 1, 2, "particle-word", { found: s.slice(p - 1, q), right: w.word }, w.word, p - 1, q];
    }
    // 得 after a verb, before a complement that closes the clause (做的很扎实。)
    var v = setAt(pt.verbs, s, p, 3, true), lw = wordLength(pt, tt, s, p, true);
    if (v && (lw <= v.length || pt.verbs.has(s.slice(p - lw, p))) && !pt.noComplement.has(v) && next !== "确") {
      var c = complementAt(pt, tt, s, q), degree = listAt(pt.degrees, s, q), end;
      // a word of three characters or more that begins with the degree adverb's character is that word, a
      // noun (最爱的太极拳: 太 of 太极拳), unless it says how well (太好了)
      if (degree.length === 1 && wordLength(pt, tt, s, q, false) >= 3 && c.length < wordLength(pt, tt, s, q, false)) degree = "";
      if (degree && (c.length <= degree.length || c.indexOf(degree) === 0)) {
        // after a degree adverb, what closes the clause, four characters at most (组织的十分周密。);
        // after 不 an adjective of two characters or more (更新的不及时; 说的不对, 数出来的不一样 may be said so)
        var from = q + degree.length;
        for (end = from; end < s.length && end - from < 5 && isHan(s[end]); end++);
        c = s.slice(from, s[end - 1] === "了" && end - from > 1 ? end - 1 : end);
        // (what holds a 的 modifies a noun: 收到的最好的礼物; so does a quantity before a noun: 提出的很多目标, and a word of
        // time or order begun by the degree's character: 参观的最后一站)
        // (nor does the superlative of a thing: 坚持的最好回报)
        if (c.length > 4 || c.indexOf("的") >= 0 || pt.quantities.has(c) || quantityAt(pt, degree + c) || pt.relations.has(c) ||
            pt.orders.has((degree + c).slice(0, 2)) ||
            (degree === "最" && superlativeNoun(pt, tt, c)) ||
            (degree === "不" && (c.length < 2 || (!descriptive(pt, c) && pt.results.indexOf(c) < 0))) ||
            comparedBefore(pt, tt, s, p - v.length)) c = "";
      } else {
        // else an idiom, a doubled word or two adjectives (开展的有声有色), the verb no object of a
        // verb before it (交代整改的来龙去脉)
        degree = "";
        end = q + c.length;
        if (s[end] === "了") end++;
        // (nor a word of comparison: 跟我遇到的一模一样 compares what 的 closes)
        if (c.length !== 4 || nounPhraseBefore(pt, tt, s, p - v.length) || pt.relations.has(c)) c = "";
      }
      if (c && (end >= s.length || PARTICLE_END.indexOf(s[end]) >= 0)) {
        return [p, 1, "particle-de", { verb: v, complement: degree + c }, "得", p - v.length, q + degree.length + c.length];
      }
    }
    // 地 after an adverbial, before a verb phrase (认真的学习了)
    var x = adverbialAt(pt, tt, s, p);
    if (!x || (lw > x.length && !pt.adverbials.has(s.slice(p - lw, p)))) return null;
    // a blocker before the adverbial (了, 的, 通过, 一次) makes it a noun phrase whatever follows; a verb
    // (开展深入的调研) unless what follows is only a verb's (了, a result, a preposition)
    // an adverbial that ends a series of short ones (安全、有序、平稳的): what stands before the series decides
    var from = p - x.length;
    while (s[from - 1] === "\u3001" && isHan(s[from - 2] || "")) from -= 1 + wordLength(pt, tt, s, from - 1, true);
    var before = nounPhraseBefore(pt, tt, s, from);
    if (before === "blocker") return null;
    var after = wordLength(pt, tt, s, q, false), prep = listAt(pt.prepositions, s, q);
    var verb = setAt(pt.verbs, s, q, 4, false), word = s.slice(q, q + after);
    if (prep && after <= prep.length && verb.length <= prep.length) {
      return [p, 1, "particle-di", { adverb: x, verb: prep }, "地", p - x.length, q + prep.length];
    }
    if (!verb || pt.copulas.has(verb)) return null;
    if (after > verb.length) {  // a longer word there: a verb and a verb or result (分析研判, 承担起), or no verb
      // (a character after the verb is a result or nothing: 宣传品 is a thing, whatever 品 is alone)
      var rest = word.slice(verb.length);
      if (!pt.verbs.has(word) && !(rest.length > 1 && pt.verbs.has(rest)) && pt.results.indexOf(rest) < 0) return null;
      verb = word;
    }
    if (next === "确" && verb[0] !== "确") return null;  // 的确
    var ev = verbPhraseAt(pt, tt, s, q, verb, PHRASE_DEPTH);
    if (ev && (!before || ev.length === 1 && pt.aspects.indexOf(ev) >= 0 || pt.results.indexOf(ev) >= 0)) {
      return [p, 1, "particle-di", { adverb: x, verb: verb }, "地", p - x.length, q + verb.length];
    }
    return null;
  }

  function reportFormulas(ctx, found, done) {
    var n = ctx.norm.length, busy = ctx.typoBusy;
    // (of two formulations that one edit makes of the same stretch, the one a sound or a shape points to first:
    // 一张蓝图会到底 is 绘到底, not 干到底)
    found.sort(function (a, b) { return (b[2].length - a[2].length) || a[0] - b[0] || (a[4] === "other") - (b[4] === "other"); });
    var taken = new Uint8Array(n);
    found.forEach(function (x) {
      var s = x[0], e = x[1], f = x[2], ed = x[3], kind = x[4];
      if (anyIn(taken, s, e) || anyIn(done, s, e) || isMention(ctx, s, e) || inClassicalQuote(ctx.norm, s, e)) return;
      for (var q = s; q < e; q++) taken[q] = busy[q] = 1;
      var got = ctx.text.slice(s, e), k = ed[1], vars = { found: got, term: f };
      if (ed[0] === "extra") vars.char = got[k];
      else if (ed[0] === "missing") vars.char = f[k];
      else if (ed[0] === "swapped") { vars.got = got[k]; vars.want = got[k + 1]; }
      else if (ed[0] === "word") { vars.got = got.slice(k, k + 2); vars.want = f.slice(k, k + 2); }
      else { vars.got = got[k]; vars.want = f[k]; }
      // the correction keeps the text's own separators (a series written with ，)
      var w = ctx.norm.slice(s, e);
      f = ed[0] === "word" ? w.slice(0, k) + f.slice(k, k + 2) + w.slice(k + 2) : ed[0] === "sub" ? w.slice(0, k) + f[k] + w.slice(k + 1) : ed[0] === "extra" ? w.slice(0, k) + w.slice(k + 1) :
        ed[0] === "missing" ? w.slice(0, k) + f[k] + w.slice(k) : w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
      vars.term = f;
      var key = { sub: "typo-near-other", extra: "typo-near-extra", missing: "typo-near-missing", swapped: "typo-near-swapped" }[ed[0]];
      if ((ed[0] === "sub" || ed[0] === "word") && kind !== "other") key = "typo-near-" + kind;
      var sure = f.length >= 5 && ed[0] !== "word" && (kind === "sound" || kind === "shape" || ed[0] === "swapped");
      ctx.add("typo-near", s, e - s, ctx.msg(key, vars), f, sure ? "error" : "warning", x[5]);
    });
  }

  // Whether one edit ed of a formulation of five characters or more (or a series) is believed:
  // the kind of evidence ("sound", "shape", "fuzzy", "other", "edit") or null.
  function formulaEdit(tab, w, f, ed, view, s, e) {
    var k = ed[1], SEP = "\u3001";
    if (tab.vocabSet.has(w) || tab.formulaSet.has(w)) return null;
    if (ed[0] === "swapped") return w[k] !== SEP && w[k + 1] !== SEP ? "edit" : null;
    if (ed[0] === "word") {
      // two characters, a word of the list, for the two of the formulation that sound the same,
      // inside it (新时代文明时间站: 时间 for 实践): the input method offered the wrong word
      var pair = w.slice(k, k + 2), tw = tab.typo;
      if (k === 0 || k + 2 >= f.length || !tw || !tw.offer.has(pair) || tab.statements.has(f)) return null;
      return evidence(tab, w[k], f[k]) === "sound" && evidence(tab, w[k + 1], f[k + 1]) === "sound" ? "sound" : null;
    }
    if (ed[0] === "extra") {
      // only a character written twice, and not the first or last one of the formulation
      // (学习习近平总书记: the 习 of 学习, then the name)
      var x = w[k], twice = (w[k - 1] === x && k - 1 >= 1) || (w[k + 1] === x && k <= f.length - 2);
      if (!twice || x === SEP || numeralAt(w, k)) return null;
      return "edit";
    }
    if (ed[0] === "missing") {
      // the character said to be missing stands right before or after: the formulation in another order
      if (f[k] === SEP || view[e] === f[k] || (s > 0 && view[s - 1] === f[k])) return null;
      if (shortReadsAsWritten(tab, view, s, e, k)) return null;
      return "edit";
    }
    var got = w[k], want = f[k];
    if (got === SEP || want === SEP || numberSaid(got, want)) return null;
    // the first or last character of a term of the vocabulary changed is the near-miss rule's to
    // judge, with the words it makes with its neighbour; so is one that makes a real word inside
    // (near_ok: 自愿者); a series or another formulation (no term of the vocabulary: 民主集中治 for
    // 民主集中制) is judged here, unless it makes a word with its neighbour outside
    var series = f.indexOf(SEP) >= 0, tt = tab.typo;
    if (!series && (k === 0 || k === f.length - 1) && tab.vocabSet.has(f)) return null;
    if (((tab.data.near_ok[f] || {})[String(k)] || "").indexOf(got) >= 0) return null;
    var pair = k === 0 ? (view[s - 1] || "") + got : k === f.length - 1 ? got + (view[e] || "") : "";
    if (pair.length === 2 && (tab.edgeWords.has(pair) || (tt && tt.offer.has(pair)))) return null;
    var ev = evidence(tab, got, want);
    // weak evidence where the formulation as written reads as common words (各网格意识形态工作): as ruleNearTypos
    if (ev && weakIn(tab, view, s + k, k, f.length, ev, got, want) && readAsWords(tab, view, s, e)) return null;
    if (ev) return ev;
    // a character that neither sounds nor looks alike: anywhere in a series, whose other items
    // are written right; inside a name of seven characters or more (全过程人民民主 is never 全流程),
    // or of six that is a formulation quoted from a document, not a word of the vocabulary
    // (人与自然和睦共生 for 和谐共生); never in a statement quoted from a document, whose words
    // writers vary (社区文明程度明显提升, 全面压实意识形态工作责任制), nor in a shorter name or a
    // vocabulary term of six, too often another right compound (全县文明城市, 党内学习教育, 社区党委会)
    if (tab.statements.has(f)) return null;
    if (f.indexOf(SEP) >= 0) return "other";
    return (f.length >= 7 || (f.length === 6 && !tab.vocabSet.has(f))) && k > 0 && k < f.length - 1 ? "other" : null;
  }

  // Whether the four characters at norm[i, i + 4) are word (an idiom or a formulation of four
  // characters) with its character k changed for a sound- or look-alike one: its evidence or null.
  var NUMBERED = /^[一二两三四五六七八九十]个/u;
  function fourEdit(ctx, word, i, k) {
    var tab = ctx.tab, tt = tab.typo, norm = ctx.norm, w = norm.slice(i, i + 4);
    if (numberSaid(norm[i + k], word[k])) return null;
    var ev = evidence(tab, norm[i + k], word[k]);
    // a formulation that begins with a numeral, read after another numeral or 几, is part of a larger number (二十年攒下,
    // 几十年攒下 are no 十年窗下 misspelt)
    if (i > 0 && isNumeral(word[0]) && (isNumeral(norm[i - 1]) || isDigit(norm[i - 1]) || norm[i - 1] === "\u51e0")) return null;
    // a numbered formulation of the guide quoted whole (“两个确定” for 两个确立, “两个拥护” for 两个维护):
    // no other phrase of that count is quoted so, and its words are misremembered for any others
    if (!ev && k >= 2 && NUMBERED.test(word) && tab.formulaSet.has(word) && quoted(norm, i, i + 4)) ev = "other";
    if (!ev) return null;
    // the three characters kept, said again in the sentence (有的放红枣，有的放蜜豆，还有的放咸肉): the
    // text's own phrase, said with other ends, not an idiom misspelt
    if ((k === 0 || k === 3) && saidTwice(norm, k === 0 ? i + 1 : i, k === 0 ? i + 4 : i + 3)) return null;
    // the first or last character makes a word with its neighbour outside (桥梁学一做 holds 桥梁)
    var pair = k === 0 && i > 0 ? norm[i - 1] + norm[i] : k === 3 ? norm[i + 3] + (norm[i + 4] || "") : "";
    if (pair.length === 2 && (tab.edgeWords.has(pair) || (tt && tt.offer.has(pair)))) return null;
    if (tab.vocabSet.has(w) || tab.formulaSet.has(w)) return null;
    if (tt && (tt.cost.has(w) || tt.idioms.has(w))) return null;
    // the character as written is in a word of the list that runs out of the four (孝老爱亲故事会 is no 爱情故事
    // misspelt: 亲 is of 孝老爱亲), as in ruleNearTypos
    if (tt && wordBeyond(tt, norm, i + k, i, i + 4)) return null;
    if (tab.formulaSet.has(word) && quoted(norm, i, i + 4)) return [ev, null];
    if (!tt) return null;
    var cost = segment(tt, w, new Int32Array(20), true)[0];
    return cost >= tt.conf.formula_common ? [ev, cost / 2] : null;
  }

  var CONTEXT_MESSAGES = { sound: "typo-context-sound", fuzzy: "typo-context-fuzzy", shape: "typo-context-shape",
    missing: "typo-context-missing", doubled: "typo-context-doubled", swapped: "typo-context-swapped", standin: "typo-context-standin" };

  // The second tier of corrections (data/checker/context.yml second_freq; tt.second): words too
  // rare for the word list (下拨, 晴雨表), offered only where two or three characters, each a word of
  // its own in the best split, are no word of any list (nor a name, place, frame or measure word:
  // busy, held) and none of them makes a word with the text beside them (wordAcross), and one of them
  // written for the word's is a look-alike (secondKind: a near-identical shape, a pair of
  // shapes.yml, or a look-alike from stroke data written for a rare character). Same-sounding
  // characters are not tried: two common characters that sound like a rarer word are as often a
  // newer word of their own (银龄, 简办, 评单: measured 2026-12-05, see context.yml). Score: what the
  // characters written cost as words of their own less what the word costs and the edit's penalty
  // (a rarer word of common characters stays quiet); found from second_bar, into found2, which
  // ruleContextTypos reports after its own findings, where they leave room: warnings only.
  function secondTier(tt, tab, run, base, busy, held, script, back, placeNames, found2) {
    var len = run.length, single = new Uint8Array(len), conf = tt.conf;
    for (var end = len; end > 0; end -= back[end]) if (back[end] === 1) single[end - 1] = 1;
    for (var L = 2; L <= 3; L++) {
      for (var s = 0; s + L <= len; s++) {
        var ok = true, q, chars = 0;
        for (q = s; q < s + L && ok; q++) {
          if (!single[q] || busy[base + q] || held[base + q] || script[base + q] || saidTwiceAt(run, q)) ok = false;
          // a place's name written once before its suffix is read for a slip of a common word (网洛社区), never
          // for a rare one's (丰禾购物中心 is no 丰乐)
          if (placeNames[base + q]) ok = false;
          // a preposition of one character stands alone before what it governs (把秤的显示屏 is no 扭秤)
          if (tt.particle && tt.particle.prepositions.indexOf(run[q]) >= 0) ok = false;
          var c1 = tt.cost1[run.charCodeAt(q)];
          chars += c1 < 0 ? tt.unknown : c1;
        }
        if (!ok || knownAt(tt, run, s, L)) continue;
        // a written character that makes a word of any list with the text beside the stretch is
        // that word's (仿宋 in 用仿宋体, 党课 in 讲党课): the stretch is no slip for one word
        if (wordAcross(tt, run, s, s + L)) continue;
        for (var p = 0; p < L; p++) {
          var fills = tt.secondHoles[L].get(holeHi(run, s, L, p, 1), holeLo(run, s, L, p, 1));
          if (!fills) continue;
          var got = run[s + p];
          for (var k = 0; k < fills.length; k++) {
            var want = fills[k], kind = secondKind(tt, tab, got, want);
            // no correction that writes the character beside it again (a doubled one)
            if (!kind || run[s + p - 1] === want || run[s + p + 1] === want) continue;
            var word = run.slice(s, s + p) + want + run.slice(s + p + 1, s + L);
            var score = chars - tt.second.get(word) - conf.penalty[kind[1]];
            if (score < conf.second_bar) continue;
            found2.push({ start: base + s, end: base + s + L, word: word, score: score, second: true,
              e: { kind: kind[0], at: s + p, ch: want }, pos: base + s + p, ch: run[s + p], sure: -1 });
          }
        }
      }
    }
  }
  // Whether run[st, st + L) is a word of any list or of the second tier.
  // Whether the character at i of run makes a word of two with a neighbour, in the rule's lists
  // (rare words too) or open-gram's (once the pair data is loaded).
  function wordBeside(tt, pt, run, i) {
    for (var st = Math.max(0, i - 1); st <= i && st + 2 <= run.length; st++) if (listedWord(tt, pt, run, st, 2)) return true;
    return false;
  }
  // Whether a word of cost begins at norm[i] and ends past end, or is one of three or four characters.
  function wordPast(cost, norm, i, end) {
    for (var L = 2; L <= 4 && i + L <= norm.length; L++) if ((L > 2 || i + L > end) && cost.has(norm.slice(i, i + L))) return true;
    return false;
  }
  // Whether the window run[s, e), a term or formulation with the character at k missing, reads as written
  // (the near-miss rule's gaps and formulaEdit alike, once the word list is loaded): a word of the lists is
  // a shorter phrase of its own (网格管理 for 网格化管理, 基层组织 for 基层党组织; 街道党委 for 街道党工委 still is
  // a slip), and a window cut after a function character (的) by a word that runs from the one character
  // beyond the gap out of it has a new word beginning there (我们的日常生活 is no 我们的节日 missing 节: 日常;
  // 文明践行站 is still 文明实践 missing 实).
  function shortReadsAsWritten(tab, run, s, e, k) {
    var cost = tab.typo && tab.typo.cost;
    if (!cost) return false;
    return cost.has(run.slice(s, e)) ||
      (k === e - s - 1 && tab.functionChars.indexOf(run[s + k - 1]) >= 0 && wordPast(cost, run, s + k, e));
  }
  // Whether a word of 2 to 4 characters of any list begins at s[i].
  function beginsWord(tt, s, i) {
    for (var L = 2; L <= 4 && i + L <= s.length; L++) if (knownAt(tt, s, i, L)) return true;
    return false;
  }
  function knownAt(tt, run, st, L) { return costAt(tt, run, st + L, L) >= 0 || tt.second.has(run.slice(st, st + L)); }
  // Whether run[c] makes a word of any list or the second tier (2 to 4 characters) with characters outside run[a, b)
  // (零 of 零钱 when 带零 would be corrected): the character as written belongs to that word.
  function wordBeyond(tt, run, c, a, b) {
    for (var L = 2; L <= 4; L++) {
      for (var st = Math.max(0, c - L + 1); st <= c && st + L <= run.length; st++) {
        if ((st < a || st + L > b) && knownAt(tt, run, st, L)) return true;
      }
    }
    return false;
  }
  // Whether run[a] ends, or run[b - 1] begins, a word of any list (2 to 4 characters) that reaches
  // outside run[a, b).
  function wordAcross(tt, run, a, b) {
    for (var L = 2; L <= 4; L++) {
      if (a - L + 1 >= 0 && knownAt(tt, run, a - L + 1, L)) return true;
      if (b - 1 + L <= run.length && knownAt(tt, run, b - 1, L)) return true;
    }
    return false;
  }
  // Whether want is a listed look-alike of got: a near-identical twin (入 for 人) or one of a group of
  // data/checker/shapes.yml (已 for 己), not one only the stroke data relates (清 for 湖)
  function listedAlike(tt, tab, got, want) {
    return (tt.twins[got] || "").indexOf(want) >= 0 || (tab.shape.get(got) || "").indexOf(want) >= 0;
  }
  // Whether the second tier takes got for want: [message kind, penalty kind] or null.
  function secondKind(tt, tab, got, want) {
    if (listedAlike(tt, tab, got, want)) return ["shape", "listed"];
    if (tt.rareChar[got.charCodeAt(0)] === 1 && (tt.shapes[got] || "").indexOf(want) >= 0) return ["shape", "shape"];
    return null;
  }

  // Characters that do not fit their context (typo-context): in each run of Chinese, the
  // characters the best split leaves alone (or in a rare word) are tried with one edit:
  // a sound- or look-alike character that makes a word with its neighbours, a missing
  // character, a doubled one, two swapped. An edit is scored by how much cheaper the best
  // split of the stretch around it becomes, less the edit's penalty (data/checker/context.yml).
  function ruleContextTypos(ctx) {
    var tab = ctx.tab, tt = tab.typo;
    if (!tt) return;
    var conf = tt.conf, pen = conf.penalty, lm = tab.lmData;
    if (tab.lm) tab.lm.memo.clear();
    // the text read without the pinyin notes a conversion tool left (開拓創(chuàng)新 is 开拓创新):
    // view, and at[k] the place in the text of view[k]
    var view = readThrough(ctx), norm = view[0], at = view[1], n = norm.length, busy = view[2];
    // names (data/checker/context.yml): 枧头 in 枧头社区 or 《枧头民谣集》 is no typo
    // and grammatical frames: 边改边查, 一件件 (each character a word of its own)
    // (names: a person's or a place's, one mask, which loneTwins reads too)
    var names = markMatches(tt.named, norm, new Uint8Array(n));
    var placeNames = new Uint8Array(n), placeChars = markPlaces(tt, norm, names, placeNames);
    for (var q0 = 0; q0 < n; q0++) busy[q0] |= names[q0];
    markMatches(tt.framed, norm, busy);
    if (tt.separated) markMatches(tt.separated, norm, busy);
    markPaired(tt, norm, busy);
    // in a line written in Traditional characters, 著 stands for 着 and 乾 for 干 (隨著 is 随着)
    var script = scriptLines(ctx, at), twins = ctx.data.script_twins || {};
    // a measure word after a numeral (五六辆, 一副副) is never edited: no character put for it, in
    // front of it or swapped with it, not dropped; a finding around it (四个自信) still may be
    var held = markMatches(tt.measured, norm, new Uint8Array(n));  // norm read through pinyin notes: its own mask
    var runRe = /[\u4e00-\u9fff]{2,}/gu, m, found = [], found2 = [], found3 = [], pt = tab.wordPairs;
    runRe.lastIndex = 0;
    while ((m = runRe.exec(norm)) !== null) {
      // a traditional character is read as its simplified form (黨委書記 is 党委书记, not a typo;
      // the script rule reports it)
      var run = tab.translate(m[0]), base = m.index, len = run.length, rc = new Int32Array((len + 1) * 4);
      var seg = segment(tt, run, rc, true), back = seg[1], upto = seg[2];
      wordNumerals(run, base, back, held);
      var lone = new Uint8Array(len), single = new Uint8Array(len);  // single: a word of one character in the split
      for (var end = len; end > 0; end -= back[end]) {
        var L0 = back[end];  // the word's cost: the difference of the split's costs at its ends
        if (L0 === 1) single[end - 1] = 1;
        if (L0 === 1 || upto[end] - upto[end - L0] >= conf.rare_cost) for (var q = end - L0; q < end; q++) lone[q] = 1;
      }
      protectPhrases(tt, run, base, busy);
      var edits = new Map(), base0 = new Map(), seen = new Set();
      var numbered = held[base] === 1 && /[0-9０-９]/.test(norm[base - 1] || "");  // 3号楼…: the run starts with a measure word
      repeatedWords(tt, run, base, busy, found, back, at);
      secondTier(tt, tab, run, base, busy, held, script, back, placeNames, found2);
      if (pt) pairEdits(tt, pt, tab, run, base, busy, held, script, norm, back, rc, found3);
      for (var i = 0; i < len; i++) {
        if (busy[base + i]) continue;
        if (lone[i]) editsAt(tt, tab, run, lone, i, edits, seen);
        if (i > 0 && run[i - 1] === run[i] && !seam(at, base + i) && !meantTwice(tt, run, i) && !twoWords(tt, run, back, numbered, i)) doubledAt(tt, run, i, edits);
      }
      if (pt) pairDoubled(tt, pt, run, base, busy, held, script, norm, at, found3);
      commonDoubled(tt, pt, run, base, busy, held, script, norm, at, single, found3);
      loneTwins(tt, tab, pt, run, base, busy, held, script, norm, single, names, found3);
      edits.forEach(function (e) {
        if (held[base + e.at] || (e.kind === "swapped" && held[base + e.at + 1])) return;
        var a = Math.max(0, e.at - 5), b = Math.min(len, e.at + 6);
        var before = run.slice(a, b), after = applyEdit(before, e, a);
        var s0 = base0.get(a * 65536 + b);  // by both ends: near the run's start, one a has several b
        if (s0 === undefined) { s0 = segment(tt, before, rc, false, a, b - a)[0]; base0.set(a * 65536 + b, s0); }
        // the stretch after the edit: run[a, e.at), what the edit puts, run[rest, b)
        var lead = e.at - a, put = e.kind === "doubled" ? 0 : e.kind === "swapped" ? 2 : 1;
        var rest = e.kind === "missing" ? e.at : e.at + put + (e.kind === "doubled" ? 1 : 0);
        var s1 = segment(tt, after, rc, false, a, lead, lead + put, rest - lead - put), gain = s0 - s1[0];
        // a look-alike of data/checker/shapes.yml (a pair people confuse, one or two candidates
        // of its place) costs what a same-sounding character costs, not one of dozens from strokes
        // written for a common one: the character written is rare in the words of the list (戌 for
        // 戍, 嬴 for 赢; half-nats, rare_char); 入 for 人 or 讲 for 进 is no such slip
        var listed = e.kind === "shape" && tt.rareChar[run.charCodeAt(e.at)] === 1 &&
          (tab.shape.get(run[e.at]) || "").indexOf(e.ch) >= 0;
        var score = gain - (listed ? pen.listed : pen[e.kind]);
        // a near-identical twin (己 for 已, 土 for 士, 拔 for 拨: checker/lexicon.py twins_table) that
        // makes no word of any list with either neighbour as written is an OCR or handwriting slip,
        // not a word the lists lack: a word of two it makes is held to threshold_twin
        // (a numeral is left out: 八类, “三资” are a number and what it counts)
        var twin = e.kind === "shape" && !isNumeral(run[e.at]) && (tt.twins[run[e.at]] || "").indexOf(e.ch) >= 0 &&
          !wordBeside(tt, pt, run, e.at);
        // the other way round for a character chosen by its sound: an input method offers the
        // common character before the rare one, so a rare one written where a common one that
        // sounds alike (and does not look alike: 璧 for 壁 is a slip) makes a word was chosen
        // (粽叶 is no 中叶): rare_sound less
        if ((e.kind === "sound" || e.kind === "fuzzy") && tt.rareChar[run.charCodeAt(e.at)] === 1 &&
            tt.rareChar[e.ch.charCodeAt(0)] === 0 && (tt.shapes[run[e.at]] || "").indexOf(e.ch) < 0) score -= conf.rare_sound;
        // an edit under its bar from rescue_from on is judged again by the pair evidence (pairGain):
        // reported as a warning where that evidence alone would report it (pair_bar, a look-alike
        // pair_shape more); a near-sounding character is no candidate of the pair evidence
        var rescue = pt && e.kind !== "fuzzy" && score >= conf.rescue_from;
        // and from lm_floor on by the language model (lmGain), once it is loaded
        var heard = lm && score >= conf.lm_floor;
        var low = score < Math.min(conf.threshold, conf.threshold_short, conf.threshold_three, conf.threshold_swapped,
          twin ? conf.threshold_twin : Infinity);
        if (low && !rescue && !heard) return;
        // the corrected word: the word of the new split that holds the edit
        var pos = e.at - a, span = wordAt(s1[1], after.length, pos);
        if (e.kind === "swapped" && span[1] < pos + 2) return;
        var word = after.slice(span[0], span[1]);
        // a measure word after a numeral belongs to the number, never to the word a correction makes
        // (29户补缴 is no 户部: held), unless the correction is of that numeral (机关千部 is 干部)
        if (replaced(e) && heldIn(held, base + a + span[0], base + a + span[1], base + e.at, !isNumeral(run[e.at]) && !isNumeral(e.ch))) return;
        // a character put in makes a word that takes a common word of the split apart at either end
        // (清明祭扫 is no 清 + 文明祭扫, 人民福祉 no 人 + 民生福祉, 文 or 生 dropped): a dropped character
        // leaves the split broken where it was, not a common word standing across the new word's edge
        if (e.kind === "missing" && (splitAt(back, lone, len, a + span[0]) || splitAt(back, lone, len, a + span[1] - 1))) return;
        // a phrase of four completed at its edge where a lone character of the text stands in the place of the one put in
        // (移风易欲 as 移风易俗 missing 俗 before 欲) is the phrase with that character for another: reported so, the
        // character replaced, and a warning at most, neither sound nor shape relating the two (孝亲敬祖 is right); not a
        // common character (学思践的: 的) nor the one put in (坚持证上岗: 持 said once for two)
        var standin = e.kind === "missing" && word.length === 4 ? standsIn(tt, run, single, e, a + span[0], a + span[1] - 1) : -1;
        // once the pair evidence is loaded, the words beside a twin's word must want it (twin_pair_floor):
        // “更”字排比 is no 安排 followed by 比, whose 排 belongs to 排比 as written
        if (twin && pt && pairGain(pt, tt, run, base, norm, e) < conf.twin_pair_floor) twin = false;
        // two numerals turned round make another number (八十九岁 is no 十八九岁): no word list judges that
        if (e.kind === "swapped" && isNumeral(run[e.at]) && isNumeral(run[e.at + 1])) return;
        // in a quoted name, a character beside a rare one (outside the 3,755 common ones) is of the name that
        // holds it: “鹭洲绿屋” is no 鹭 + 绿洲 turned round (包粽动活, no name, still is 活动 turned round)
        if (e.kind === "swapped" && ((e.at > 0 && !tt.commonChars.has(run[e.at - 1])) ||
            (e.at + 2 < run.length && !tt.commonChars.has(run[e.at + 2]))) && inQuotedName(norm, base + e.at, base + e.at + 2)) return;
        // a common character (的, 不) and its neighbour are no swap: 的行不计入 is no 不行, 不说清楚 no 说不清楚;
        // unless the language model, once loaded, finds the stretch lm_common_swap likelier turned round
        if (e.kind === "swapped" && (tt.cost.get(run[e.at]) <= conf.common_cost || tt.cost.get(run[e.at + 1]) <= conf.common_cost) &&
            !(lm && lmGain(modelOf(tab), run, e, conf.lm_window) >= conf.lm_common_swap)) return;
        var bar = e.kind === "doubled" ? (word.length === 2 && betweenWords(tt, run, e.at) ? conf.threshold_short_alike : conf.threshold) : word.length > 3 ? conf.threshold : word.length === 3 ? conf.threshold_three :
          e.kind === "swapped" ? conf.threshold_swapped : twin ? conf.threshold_twin : e.kind === "sound" || listed ? conf.threshold_short : conf.threshold_short_alike;
        // (a doubled character's word is the one holding its twin: 进行行再部署 is 进行, whatever 再 makes;
        // but a character that is a word said twice, 天天, 常常, may begin the next clause: 每天天不亮)
        var twinSpan = e.kind === "doubled" ? wordAt(s1[1], after.length, pos - 1) : null;
        if (!tt.offer.has(word) && !(twinSpan && !tt.offer.has(run[e.at] + run[e.at]) &&
            tt.offer.has(after.slice(twinSpan[0], twinSpan[1])))) return;
        // a swap the words beside it do not want, once the pair evidence is loaded, is no slip: the
        // order written is most likely a word no list holds (普惠 is no 惠普 turned round)
        if (e.kind === "swapped" && pt && pairGain(pt, tt, run, base, norm, e) < conf.swap_pair_floor) return;
        var under = low || score < bar || (replaced(e) && score < conf.across_bar &&
            wordBeyond(tt, run, e.at, a + span[0], a + span[1]));
        if (under && !rescue && !heard) return;
        var pairScore = 0, model = false, own = 0;
        if (under) {
          // the pair evidence rescues no same-sounding character for a word of two where a character
          // outside the 3,755 common ones is written (鹭渚人 is no 主人), as it tries none (pairAlike)
          if (rescue && !(e.kind === "sound" && word.length < 3 && !tt.commonChars.has(run[e.at]))) {
            pairScore = pairGain(pt, tt, run, base, norm, e) - (e.kind === "shape" ? shapeCost(tt, run[e.at]) : 0);
          }
          if (pairScore < conf.pair_bar) {
            // else the language model: its gain (log10) in half-nats, as the pair evidence's; two
            // neighbours turned round put in no character, so the model's bar for them is lower
            var gain = heard ? lmGain(modelOf(tab), run, e, conf.lm_window) : -Infinity;
            if (gain >= (e.kind === "swapped" ? conf.lm_bar_swapped : conf.lm_bar)) {
              pairScore = gain * 2 * Math.LN10;
              model = true;
            } else if (score >= conf.own_floor && gain >= conf.own_lm && (own = ownWord(tt, pt, norm, run, a, after, twinSpan || span, e.kind)) > 0) {
              pairScore = score;  // else the text's own word (from own_floor on), the model agreeing less
            } else return;
          }
        }
        if (twinSpan) {  // reported and corrected: the word holding its twin (落实实到位: 落实, not 到位)
          span = twinSpan;
          word = after.slice(span[0], span[1]);
        }
        var from = base + a + span[0], to = base + a + span[1];
        if (standin >= 0) {  // the phrase's characters as written and the one standing in
          if (standin < e.at) { from -= 1; to -= 1; }
          e = { kind: "standin", at: standin, ch: e.ch };
        } else if (e.kind === "missing") to -= 1;  // the inserted character is not in the text
        else if (e.kind === "doubled" && span[1] >= pos) to += 1;  // the doubled one is
        // (so no other correction of it either: 著力 is 着力, no 主力 misspelt)
        if (script[base + e.at] && e.kind !== "missing" && e.kind !== "doubled" &&
            (twins[run[e.at]] || (e.kind === "swapped" && twins[run[e.at + 1]]))) return;
        // a correction that writes the character beside it again makes a doubled one (临违危建筑,
        // three abbreviations, is no 临危危建筑): no correction, unless the two are a word (人人)
        if (replaced(e) && (run[e.at - 1] === e.ch || run[e.at + 1] === e.ch) && !tt.offer.has(e.ch + e.ch)) return;
        // rescued: with the pair evidence's findings, after the other edits, a warning
        if (under) found3.push({ start: from, end: to, word: word, score: pairScore, e: e, pos: base + e.at, ch: norm.slice(base + e.at, base + e.at + 1), sure: 0, pair: true, model: model,
          own: own });
        // over its bar by the split alone: the language model, once loaded, may veto it. A correction
        // it finds less than lm_veto likelier (log10; a same-sounding character, lm_veto_sound) is a
        // word the lists lack read as a slip (彩礼纠纷 as 色彩, 送医 as 以后); a word of four characters
        // or more (an idiom, a term) is spared, as the model knows few of them as one word, and so is a
        // near-identical twin or a character's other script (己 for 已, 著 for 着), which the model's data
        // holds written both ways
        else if (lm && word.length < 4 && !(replaced(e) && ((tt.twins[run[e.at]] || "") + (twins[run[e.at]] || "")).indexOf(e.ch) >= 0) &&
            lmGain(modelOf(tab), run, e, conf.lm_window) < (e.kind === "sound" || e.kind === "fuzzy" ? conf.lm_veto_sound : conf.lm_veto)) return;
        else found.push({ start: from, end: to, word: word, score: score, e: e, pos: base + e.at, ch: norm.slice(base + e.at, base + e.at + 1),
          sure: e.kind === "standin" ? 0 : listed ? score + pen.listed - pen.shape : score,  // an error only as sure as any look-alike
          // and, with the pair data, only where the words beside it agree (以诚立信 is no 成立 misspelt)
          agree: pt && score >= conf.error_from ? pairGain(pt, tt, run, base, norm, e) : null });
      });
    }
    found.sort(function (x, y) { return y.score - x.score || x.start - y.start; });
    found2.sort(function (x, y) { return y.score - x.score || x.start - y.start; });
    found3.sort(function (x, y) { return y.score - x.score || x.start - y.start; });
    var taken = new Uint8Array(n), topics = new Map();
    // the second tier and the pair evidence only where the word list offers nothing
    found.concat(found2, found3).forEach(function (f) {
      // a doubled character after a term the rule leaves alone (志愿者者, 理论宣讲讲) is dropped, the term kept,
      // unless the copy begins a word (镜湖湖畔, 沙井村村委会: a name, then a word)
      var dropsOnlyCopy = f.e.kind === "doubled" && !busy[f.pos] && !beginsWord(tt, norm, f.pos);
      for (var q = f.start; q < f.end; q++) if (taken[q] || (busy[q] && !dropsOnlyCopy)) return;
      for (q = f.start; q < f.end; q++) taken[q] = 1;
      var start = at ? at[f.start] : f.start, end = at ? at[f.end - 1] + 1 : f.end;  // in the text
      if (isMention(ctx, start, end)) return;
      // a character of a confusable word written with a cue of its own is meant (居民自制腊肉 is no 居民自治)
      var atText = at ? at[f.pos] : f.pos;  // the edited character in the text
      if (replaced(f.e) && overlapsAny(ctx.cued, atText, atText + 1)) return;
      var e = f.e, high = f.sure >= conf.error_from && (f.agree == null || f.agree >= conf.pair_bar);
      // a short name in quotation marks may be coined (“乐学·悦读”): a warning at most (left out,
      // it lost real slips in such names on the development set and on a writer's set); one made
      // with a character of the text's own place names (“皋音” beside 蘅皋街道) is no slip at all
      // a quotation of classical Chinese (“……则子女畏慎而生孝矣”): its words are no modern list's
      if (inClassicalQuote(norm, f.start, f.end)) return;
      if (inQuotedName(norm, f.start, f.end)) {
        // a quoted name written again in the text is meant: a slip is seldom made twice alike
        if (quotedTwice(norm, f.start, f.end, tt)) return;
        if (replaced(e) && placeChars.has(f.ch)) return;
        // nor one only the language model or the text's own words want (“育见未来”, “身入”更“心至”): a
        // name's pun is unlikely text by design, and a word like it elsewhere is no evidence against it
        if (f.model || f.own) return;
        // nor a rare character there for a common one that sounds alike (“芷青” for 知青): an input
        // method offers the common one first, so the rare one was picked
        if ((e.kind === "sound" || e.kind === "fuzzy") && tt.rareChar[f.ch.charCodeAt(0)] === 1 && tt.rareChar[e.ch.charCodeAt(0)] === 0) return;
        high = false;
      }
      // the same stretch written again in the sentence is meant (功成不必在我，功成必定有我): an
      // input method's slip is seldom made twice alike in one sentence
      // (of a character standing in, the phrase's characters as written: 诺鲁孜饭 after 诺鲁孜节 in the sentence)
      var said = e.kind !== "standin" ? [f.start, f.end] : f.pos === f.start ? [f.start + 1, f.end] : [f.start, f.end - 1];
      if (e.kind !== "repeated" && saidTwice(norm, said[0], said[1])) return;
      // nor, in a warning, a character the text is about, for one that sounds alike (剪 in a piece on
      // paper-cutting: 稳剪, 事剪); a look-alike misread by OCR may well be misread each time (己 for 已)
      if (!high && (e.kind === "sound" || e.kind === "fuzzy") && topicChar(tt, norm, script, f.ch, norm.slice(f.start, f.end), topics)) return;
      if (replaced(e) && inParallel(tt, norm, f.start, f.end, f.pos)) return;
      if (f.model && replaced(e) && inSlogan(norm, f.pos)) return;
      if (spelt(tt, tab, placeNames, f)) return;
      if (e.kind === "repeated") {
        ctx.add("typo-context", start, end - start, ctx.msg("typo-context-repeated", { found: ctx.text.slice(start, end), word: f.word }),
          f.word, "warning");
        return;
      }
      ctx.add("typo-context", start, end - start, ctx.msg(CONTEXT_MESSAGES[e.kind], {
        found: ctx.text.slice(start, end), word: f.word, got: f.ch, want: e.ch,
        sure: f.own ? ctx.msg("typo-context-own", { word: f.word, count: f.own }) :
          ctx.msg(high ? "typo-context-sure" : "typo-context-unsure", {}) }), f.word, high ? "error" : "warning",
        Math.round(f.score) / 2);
      if (f.pair) ctx.findings[ctx.findings.length - 1].pair = true;  // gives way to a formulation (ruleFourFormulas)
    });
  }

  // Whether finding f is how a place name is spelt, the name one that markPlaces read like the text around
  // it (unsure): a same-sounding character there that makes a noun (青杉街道 is no 青山: a name is typed by its
  // sound), or the name's last character turned round with the word after it, which that takes apart
  // (糖坊街 is no 街坊). Not a verb or an adjective made there (深如社区 is 深入), a word that begins before the
  // name (建立建全社区 is 建立健全), nor a character that also looks alike (网洛社区 is 网络): a misreading.
  function spelt(tt, tab, unsure, f) {
    var e = f.e, at = unsure[f.pos], part = tab.particle;
    if (!at || !unsure[f.start]) return false;
    // the name's last character, one that ends names of places (湖, 湾: place_ends), read as a look-alike
    // only the stroke data relates (湖 and 清, 湾 and 港 share no more than 氵): the name as spelt,
    // whatever word the other makes (澄湖街道 is no 澄清, 渔湾社区 no 渔港)
    if (e.kind === "shape" && at === 2 && tt.placeEnds.indexOf(f.ch) >= 0 && !listedAlike(tt, tab, f.ch, e.ch)) return true;
    var sound = (e.kind === "sound" || e.kind === "fuzzy") && (tt.shapes[f.ch] || "").indexOf(e.ch) < 0;
    if (!sound && !(e.kind === "swapped" && at === 2)) return false;
    return !(part && (part.verbs.has(f.word) || adjectiveLike(part, f.word)));
  }

  // The place names before 社区, 街道 … (data/checker/context.yml places) are left alone, but for
  // two common characters that are no word of any list (深人社区: a verb misspelt, not a name):
  // those are read like the characters around them.
  // Such a stretch written again anywhere in the text is a name, left alone wherever it stands
  // (灵沼街道 … 诚信灵沼): an input method's slip is seldom made twice alike.
  // Returns the characters of the names it leaves alone; marks in unsure those it reads (2 the last).
  function markPlaces(tt, norm, busy, unsure) {
    var names = new Set(), chars = new Set();  // each such stretch looked for in the text once, however often it stands
    finditer(tt.places, norm).forEach(function (m) {
      // a suffix of one character matched before a longer one (在渔湾社区, 芳汀苑小区): the two characters
      // before each are read as a name (在渔 and 渔湾, 芳汀 and 汀苑)
      if (m[0].length === 3) { name(m[0].slice(0, 2), m.index); name(m[0].slice(1), m.index + 1); } else name(m[0], m.index);
    });
    function name(w, s) {
      var q;
      if (w.length === 2 && tt.commonChars.has(w[0]) && tt.commonChars.has(w[1]) && costAt(tt, w, 2, 2) < 0) {
        if (names.has(w)) return;
        names.add(w);
        var first = norm.indexOf(w), again = norm.indexOf(w, first + 1);
        if (again < 0) { unsure[s] = 1; unsure[s + 1] = 2; return; }
        markEvery(norm, w, busy);
        chars.add(w[0]); chars.add(w[1]);
        return;
      }
      for (q = s; q < s + w.length; q++) { busy[q] = 1; chars.add(norm[q]); }
      // and, a name that is no word, wherever else the text writes it (泓岸街道 … 泓岸商业广场, 有泓岸特色的)
      if (names.has(w) || w.length > 4 || costAt(tt, w, w.length, w.length) >= 0) return;
      names.add(w);
      markEvery(norm, w, busy);
    }
    return chars;
  }
  // Marks in mask every place norm writes w (each found after the one before it).
  function markEvery(norm, w, mask) {
    for (var k = norm.indexOf(w); k >= 0; k = norm.indexOf(w, k + w.length)) for (var q = k; q < k + w.length; q++) mask[q] = 1;
  }

  // A verb said twice, each time with a character after it, neither pair a word of the lists (走深走实,
  // 谋深谋实, 配齐配强, 抓早抓小): a set form of reports, left alone like the frames. A word there makes
  // it no such form (建立建全 is 健全 misspelt), nor does a word the verb ends (保育教育费), nor an
  // idiom of the list one character away (群策群立 is 群策群力 misspelt); nor is a stretch said twice
  // one (关心关心, 担任担任: its windows 心关心的, 任担任宣 are no such form).
  function markPaired(tt, norm, busy) {
    for (var i = 0; i + 3 < norm.length; i++) {
      if (norm[i] !== norm[i + 2] || norm[i + 1] === norm[i + 3] || norm[i] === norm[i + 1] || norm[i - 1] === norm[i + 1]) continue;
      var w = norm.slice(i, i + 4);
      if (!/^[\u4e00-\u9fff]{4}$/u.test(w) || costAt(tt, w, 2, 2) >= 0 || costAt(tt, w[2] + w[3], 2, 2) >= 0) continue;
      if (i > 0 && isHan(norm[i - 1]) && costAt(tt, norm[i - 1] + w[0], 2, 2) >= 0) continue;
      if (nearFour(tt, w)) continue;
      busy[i] = busy[i + 1] = busy[i + 2] = busy[i + 3] = 1;
    }
  }
  // Whether an offered word of four characters differs from w, four characters, in one of them.
  function nearFour(tt, w) {
    for (var k = 0; k < 4; k++) {
      var fills = tt.holes[4].get(holeHi(w, 0, 4, k, 1), holeLo(w, 0, 4, k, 1));
      if (fills && fills.replace(w[k], "").length > 0) return true;
    }
    return false;
  }
  // The characters of a complete idiom or fixed phrase (tt.protect) in run are left alone: a
  // phrase too rare to be offered is still no stretch of typos (慎终追远, 拆旧建新).
  function protectPhrases(tt, run, base, busy) {
    for (var i = 0; i + 4 <= run.length; i++) {
      var list = tt.protect.get(hanCode(run, i) * 32768 + hanCode(run, i + 1), hanCode(run, i + 2) * 32768 + hanCode(run, i + 3));
      if (!list) continue;
      for (var k = 0; k < list.length; k++) {
        var w = list[k];
        if (w.length > 4 && run.slice(i, i + w.length) !== w) continue;
        for (var q = i; q < i + w.length; q++) busy[base + q] = 1;
      }
    }
  }

  // Whether the text uses ch again and again outside the stretch read as a slip (wherever that is
  // written): topic_count times or more and topic_ratio times what its share of the word list's words
  // would give (tt.charMass, a word taken as 1.6 characters) or more. A slip seldom writes one
  // character so often in other words; the text is about what it names. The same slip said again
  // and again (部暑 twenty times: an input method that learnt it) counts for nothing. A line in
  // Traditional characters (script) is not counted: 著 there is 着. Answers kept in seen for one text.
  function topicChar(tt, norm, script, ch, stretch, seen) {
    var key = ch + stretch, got = seen.get(key);
    if (got === undefined) {
      var count = 0, inside = new Uint8Array(norm.length), k, q;
      for (k = norm.indexOf(stretch); k >= 0; k = norm.indexOf(stretch, k + 1)) for (q = k; q < k + stretch.length; q++) inside[q] = 1;
      for (k = norm.indexOf(ch); k >= 0; k = norm.indexOf(ch, k + 1)) if (!script[k] && !inside[k]) count++;
      var expected = expectedIn(norm, tt.charMass[ch.charCodeAt(0)] || 0);
      got = count >= tt.conf.topic_count && count >= tt.conf.topic_ratio * expected;
      seen.set(key, got);
    }
    return got;
  }
  // Whether norm[at] stands in an item of a series (、) whose neighbour item is as long and has the same
  // character at another place (凝侨心、聚侨力、护侨益): a slogan's items are each chosen, no slip that the
  // language model alone may correct.
  function inSlogan(norm, at) {
    var a = at, b = at + 1, n = norm.length;
    while (a > 0 && isHan(norm[a - 1])) a--;
    while (b < n && isHan(norm[b])) b++;
    var len = b - a, k = at - a;
    if (len < 2 || len > 6) return false;
    function shares(c) {
      for (var q = 0; q < len; q++) if (q !== k && norm[c + q] === norm[a + q]) return true;
      return false;
    }
    return (a - len - 1 >= 0 && norm[a - 1] === "\u3001" && !isHan(norm[a - len - 2] || "") && shares(a - len - 1)) ||
      (b + 1 + len <= n && norm[b] === "\u3001" && !isHan(norm[b + 1 + len] || "") && shares(b + 1));
  }
  // How many times a word (or the words holding a character) with that share of the word list's words
  // would stand in norm: its length in words (1.6 characters a word) times the share.
  function expectedIn(norm, share) { return norm.length * share / 1.6; }
  // How many times word stands in the text.
  function countIn(norm, word) {
    var k = 0;
    for (var i = norm.indexOf(word); i >= 0; i = norm.indexOf(word, i + 1)) k++;
    return k;
  }
  // The text's own words are a report's (its topic written again and again): in a text longer than any
  // report, OWN_TEXT_MAX characters (the guide's print page, the whole book, writes 不再 nearly 200 times in its
  // changelog), ownWord reads none.
  var OWN_TEXT_MAX = 30000;
  // Whether the text itself says that an edit of run, under the context rule's bars, is a slip: the text
  // writes the word it makes own_min times or more elsewhere, and the stretch as written once, no word
  // of either list. A report that writes 满意度 three times and 满度 once, or 辖区 throughout and 瞎区
  // once, slipped once; a writer's habit (必需 each time) is written alike. after is run[a, ...) with an edit
  // of that kind made, span the word of after holding it (a doubled character's: the word holding its
  // twin). Returns how many times the word is written, or 0.
  function ownWord(tt, pt, norm, run, a, after, span, kind) {
    if (norm.length > OWN_TEXT_MAX) return 0;
    var word = after.slice(span[0], span[1]), st = a + span[0];
    var L = span[1] - span[0] + (kind === "missing" ? -1 : kind === "doubled" ? 1 : 0);
    if (word.length < 2 || L < 1) return 0;
    var written = run.substr(st, L);
    if (L >= 2 && (L <= 4 ? listedWord(tt, pt, run, st, L) : tt.cost.has(written))) return 0;
    var times = countIn(norm, word), cost = tt.cost.get(word);
    // more often than the word's share of the word list would give (a topic of the text's: 辖区 in a
    // report, not 不再 or 前后 in any long text), own_ratio times or more
    var expected = cost === undefined ? 0 : expectedIn(norm, Math.exp(-cost / 2));
    return times >= tt.conf.own_min && times >= tt.conf.own_ratio * expected && countIn(norm, written) <= 1 ? times : 0;
  }
  // Whether norm[start, end) is written again in its sentence (parallel wording: 功成不必在我，
  // 功成必定有我; a sentence written twice is the duplicate rule's).
  function saidTwice(norm, start, end) {
    var a = start, b = end, word = norm.slice(start, end);
    while (a > 0 && SENTENCE_END.indexOf(norm[a - 1]) < 0) a--;
    while (b < norm.length && SENTENCE_END.indexOf(norm[b]) < 0) b++;
    var sentence = norm.slice(a, b), first = sentence.indexOf(word);
    return first >= 0 && sentence.indexOf(word, first + 1) >= 0;
  }

  // Whether the stretch norm[start, end), read as a slip of its character at, stands in a clause
  // written in parallel with the clause before or after it (红事新办、白事简办; 人无信不立，业无信
  // 不兴; 以诚立业、以信兴业): the two clauses' last m characters (m the shorter one's length,
  // three or more, the stretch among them) have two characters or more (and a third of them) the
  // same at the same places but at, and the characters at the stretch's places in the other
  // clause are no word of the lists either (事新 beside 事简): a pattern made on purpose.
  var PARALLEL_END = CLAUSE_END + "\u2018\u2019\u00b7\u2026\u2014";
  function inParallel(tt, norm, start, end, at) {
    var a = start, b = end, n = norm.length, quoted = !!quoteAround(norm, start, end);
    while (a > 0 && PARALLEL_END.indexOf(norm[a - 1]) < 0) a--;
    while (b < n && PARALLEL_END.indexOf(norm[b]) < 0) b++;
    function alike(c, d) {  // the other clause is norm[c, d)
      var m = Math.min(d - c, b - a), x = b - m, y = d - m, same = 0;
      // the character read as a slip written at the same place of the other clause of a series, from
      // its start (入耳、入脑、入心): the slip would have been made twice alike
      if (b - a <= 4 && d - c <= 4 && at - a < d - c && norm[c + at - a] === norm[at] &&
          (norm[c - 1] === "\u3001" || norm[d] === "\u3001")) return true;
      if (m < 3 || start < x) return false;
      for (var q = 0; q < m; q++) if (x + q !== at && norm[x + q] === norm[y + q]) same++;
      // a saying quoted whole pairs its clauses by fewer (“博观而约取，厚积而薄发”: 而)
      if (quoted ? same < 1 || b - a !== d - c : same < 2 || same * 3 < m) return false;
      return !knownAt(tt, norm, y + start - x, end - start);
    }
    // up to two clauses either side, [start, end), nearest first
    var before = [], after = [], p, q;
    for (p = a - 1; before.length < 2 && p > 0; p = q - 1) {
      for (q = p; q > 0 && PARALLEL_END.indexOf(norm[q - 1]) < 0; q--);
      before.push([q, p]);
    }
    for (p = b + 1; after.length < 2 && p < n; p = q + 1) {
      for (q = p; q < n && PARALLEL_END.indexOf(norm[q]) < 0; q++);
      after.push([p, q]);
    }
    if (before.length && (alike(before[0][0], before[0][1]) || junction(before[0][0], before[0][1], a, b))) return true;
    if (after.length && (alike(after[0][0], after[0][1]) || junction(a, b, after[0][0], after[0][1]))) return true;
    // a series of three or more short clauses of one length, each alike with this one at some place but
    // the read one (面要实，秤要准，心要正): each writes its own word in the slots the others fill
    return b - a <= 4 && before.concat(after).filter(function (cd) {
      if (cd[1] - cd[0] !== b - a) return false;
      for (var j = 0; j < b - a; j++) if (a + j !== at && norm[cd[0] + j] === norm[a + j]) return true;
      return false;
    }).length >= 2;
    // the first clause's last m characters against the second's first m (明确了红事新办、白事简办等内容)
    function junction(p0, p1, q0, q1) {
      for (var m = 3; m <= Math.min(p1 - p0, q1 - q0, 8); m++) {
        var x = p1 - m, y = q0, same = 0, own = start >= q0 ? y : x, far = own === y ? x : y;
        if (start < own || end > own + m) continue;
        for (var k = 0; k < m; k++) if (x + k !== at && y + k !== at && norm[x + k] === norm[y + k]) same++;
        if (same < 2 || same * 2 < m) continue;
        if (!knownAt(tt, norm, far + start - own, end - start)) return true;
      }
      return false;
    }
  }

  // Whether the character read at q follows a place readThrough skipped (a note, a line break):
  // a word or character written again across it is a list's next item, not a slip.
  function seam(at, q) { return at !== null && q > 0 && at[q] !== at[q - 1] + 1; }

  // [the text as the context rule reads it, at, busy]: ctx.norm without the pinyin notes and the
  // breaks of lines broken inside a sentence (brokenLines) (at:
  // Int32Array, the place in ctx.norm of each character read, or null when there are none) and
  // what the rules before leave to it (ctx.typoBusy) at the same places.
  function readThrough(ctx) {
    var notes = pinyinNotes(ctx).concat(brokenLines(ctx, READ_THROUGH_MIN)), norm = ctx.norm;
    if (!notes.length) return [norm, null, ctx.typoBusy.slice()];
    notes.sort(function (x, y) { return x[0] - y[0]; });
    var parts = [], at = new Int32Array(norm.length), k = 0, from = 0;
    notes.forEach(function (note) {
      parts.push(norm.slice(from, note[0]));
      for (var q = from; q < note[0]; q++) at[k++] = q;
      from = note[1];
    });
    parts.push(norm.slice(from));
    for (var q = from; q < norm.length; q++) at[k++] = q;
    at = at.slice(0, k);
    var busy = new Uint8Array(k);
    for (q = 0; q < k; q++) busy[q] = ctx.typoBusy[at[q]];
    return [parts.join(""), at, busy];
  }

  // Whether the line of each character read (at: readThrough's, or null) holds a Traditional one.
  function scriptLines(ctx, at) {
    var text = ctx.text, norm = ctx.norm, ls = ctx.lineStarts, line = new Uint8Array(text.length);
    for (var i = 0; i < ls.length; i++) {
      var end = i + 1 < ls.length ? ls[i + 1] - 1 : text.length, k;
      for (k = ls[i]; k < end && text[k] === norm[k]; k++);
      if (k < end) for (k = ls[i]; k < end; k++) line[k] = 1;
    }
    if (!at) return line;
    var out = new Uint8Array(at.length);
    for (i = 0; i < at.length; i++) out[i] = line[at[i]];
    return out;
  }

  // A word written twice in a row (确保确保, 群众群众): a listed word of 2 to 4 characters where
  // the best split starts a word, no number (一个一个, 一步一步 are meant).
  function repeatedWords(tt, run, base, busy, found, back, at) {
    var starts = new Uint8Array(run.length + 1);  // where the best split starts a word (级别的别的: no)
    for (var end = run.length; end > 0; end -= back[end]) starts[end - back[end]] = 1;
    for (var i = 0; i + 4 <= run.length; i++) {
      if (!starts[i]) continue;
      var twice = false;
      for (var L = 2; L <= 4 && i + 2 * L <= run.length; L++) {
        if (run.charCodeAt(i) === run.charCodeAt(i + L) && run.charCodeAt(i + 1) === run.charCodeAt(i + L + 1)) twice = true;
      }
      if (!twice || (i > 0 && tt.offer.has(run[i - 1] + run[i]))) continue;  // 同级别的别的: 级别
      for (L = 2; L <= 4 && i + 2 * L <= run.length; L++) {
        if (run.charCodeAt(i) !== run.charCodeAt(i + L) || run.charCodeAt(i + 1) !== run.charCodeAt(i + L + 1)) continue;
        var w = run.slice(i, i + L);
        if (w !== run.slice(i + L, i + 2 * L) || !tt.offer.has(w) || !(tt.cost.get(w) < tt.conf.rare_cost)) continue;
        if (tt.reduplicable.has(w) && run[i + 2 * L] !== "的") continue;  // 商量商量再说, not 关心关心的问题
        var num = false, q;
        for (q = 0; q < L; q++) if (isNumeral(w[q])) num = true;
        for (q = i; q < i + 2 * L; q++) if (busy[base + q] || (q > i && seam(at, base + q))) num = true;  // 移交 / 移交: a list
        if (!num) found.push({ start: base + i, end: base + i + 2 * L, word: w, score: 99, sure: 99, e: { kind: "repeated", at: i + L, ch: "" }, ch: "" });
      }
    }
  }

  // The characters that sound or look like ch: char -> "sound", "fuzzy" or "shape" (cached).
  function alikeOf(tt, fz, ch) {
    var got = tt.alike.get(ch);
    if (got) return got;
    got = new Map();
    var shapes = tt.shapes[ch] || "", syls = tt.readings.get(ch) || [], k, x, chars;
    for (k = 0; k < shapes.length; k++) got.set(shapes[k], "shape");
    for (k = 0; k < syls.length; k++) {
      chars = tt.byFuzzy.get(fz[syls[k]] || syls[k]) || [];
      for (x = 0; x < chars.length; x++) if (got.get(chars[x]) !== "sound") got.set(chars[x], "fuzzy");
    }
    for (k = 0; k < syls.length; k++) {
      chars = tt.bySound.get(syls[k]) || "";
      for (x = 0; x < chars.length; x++) got.set(chars[x], "sound");
    }
    got.delete(ch);
    tt.alike.set(ch, got);
    return got;
  }

  var PARTICLES_DE = "的地得";
  // Which characters are in a string of fills: marks[code] === at (a new at for each string).
  var STAMP = { at: 0, marks: new Int32Array(65536) };
  // The look-alikes of a character (alikeOf) by code: marks[code] === the stamp returned, kinds[code] their kind.
  var ALIKE = { at: 0, marks: new Int32Array(65536), kinds: new Array(65536) };
  function stampAlike(alike) {
    var at = ++ALIKE.at;
    alike.forEach(function (kind, c) { var code = c.charCodeAt(0); ALIKE.marks[code] = at; ALIKE.kinds[code] = kind; });
    return at;
  }
  // Candidate edits at position i of run (the key keeps one edit once); lone marks the
  // characters the best split leaves alone.
  function editsAt(tt, tab, run, lone, i, edits, seen) {
    var len = run.length, ch = run[i], L, s, k, w, fills, c, kind;
    var own = tt.cost.get(ch), common = own <= tt.conf.common_cost;  // 的, 是, 在: only into words of 3+ characters
    // outside the 3,755 common characters of GB 2312 and no word of its own (枧, 沣): a name's
    var rare = !tt.commonChars.has(ch) && !(own < tt.conf.rare_cost);
    var alike = alikeOf(tt, tab.data.fuzzy, ch), shapes = tt.shapes[ch] || "";
    // 的, 地 and 得 for one another are the particle rule's (ruleParticles): 稳稳的幸福 is no 稳稳地
    var particle = PARTICLES_DE.indexOf(ch) >= 0;
    // an input method seldom offers a rare character for a common one: for a rare one (a
    // name's, most likely) only its look-alikes are tried
    function addSub(c, kind) {
      if (rare) kind = shapes.indexOf(c) >= 0 ? "shape" : null;
      if (particle && PARTICLES_DE.indexOf(c) >= 0) return;
      if (kind) edits.set("s" + i + c, { kind: kind, at: i, ch: c });
    }
    // a common one is tried for a two-character word only as its near-identical twin (人 for 入:
    // 深人 is 深入), one or two candidates, not dozens; one of a character said twice (晒晒自家,
    // 织织围巾) for none: a slip seldom writes the character beside it (saidTwiceAt)
    var twins = tt.twins[ch] || "", twice = saidTwiceAt(run, i), stamped = 0;
    for (L = 2; L <= 4 && !twice; L++) {
      if (L === 2 && common && !twins) continue;
      for (s = Math.max(0, i - L + 1); s <= i && s + L <= len; s++) {
        fills = tt.holes[L].get(holeHi(run, s, L, i - s, 1), holeLo(run, s, L, i - s, 1));
        if (!fills) continue;
        if (L === 2 && common) {
          for (k = 0; k < twins.length; k++) if (fills.indexOf(twins[k]) >= 0) addSub(twins[k], "shape");
        } else if (fills.length <= alike.size) {
          if (!stamped) stamped = stampAlike(alike);  // the look-alikes by character code, once a call
          for (k = 0; k < fills.length; k++) {
            c = fills.charCodeAt(k);
            if (ALIKE.marks[c] === stamped) addSub(fills[k], ALIKE.kinds[c]);
          }
        } else {  // the look-alikes in their order, those among the fills (marked with a new stamp)
          var stamp = ++STAMP.at;
          for (k = 0; k < fills.length; k++) STAMP.marks[fills.charCodeAt(k)] = stamp;
          alike.forEach(function (kind2, c2) { if (STAMP.marks[c2.charCodeAt(0)] === stamp) addSub(c2, kind2); });
        }
      }
    }
    // a character missing: 3 characters that a fourth completes to an idiom or term, 2 that a
    // third completes to a word (never at the run's start, where it may be there, cut off)
    for (L = 2; L <= 3; L++) {
      for (s = Math.max(0, i - L + 1); s <= i && s + L <= len; s++) {
        if (seen.has(s * 4 + L)) continue;  // a window is tried once, from its first lone character
        seen.add(s * 4 + L);
        var win = run.slice(s, s + L);
        // characters that are a word of jieba's second tier as written (少先队) are that word, none dropped
        if (tt.second.has(win)) continue;
        for (k = s === 0 ? 1 : 0; k <= L; k++) {
          fills = tt.holes[L + 1].get(holeHi(run, s, L + 1, k, 0), holeLo(run, s, L + 1, k, 0));
          if (fills) for (var f = 0; f < fills.length; f++) {
            w = win.slice(0, k) + fills[f] + win.slice(k);
            if (L === 3 ? tt.fixed.has(w) : tt.offer.has(w)) edits.set("m" + (s + k) + fills[f], { kind: "missing", at: s + k, ch: fills[f] });
          }
        }
      }
    }
    // two neighbours swapped, both left alone, inside a word of 2 to 4 characters
    if (i + 1 < len && lone[i + 1] && run[i + 1] !== ch) {
      var from = Math.max(0, i - 2), swapped = run.slice(from, i) + run[i + 1] + ch + run.slice(i + 2, i + 4);
      for (L = 2; L <= 4; L++) {
        for (s = Math.max(0, i - L + 2); s <= i && s + L <= len; s++) {
          if (costAt(tt, swapped, s - from + L, L) >= 0 && tt.offer.has(swapped.slice(s - from, s - from + L))) edits.set("w" + i, { kind: "swapped", at: i, ch: run[i + 1] });
        }
      }
    }
  }
  // What a look-alike costs the pair evidence (pairGain) where ch is written: pair_shape, but only
  // pair_shape_bound for a character common in the list's words (of the 3,755, not rare_char) and
  // seldom a word alone (its cost as one over shape_alone: 规, 科, 廷; not 只), where OCR and
  // handwriting slips leave a fragment that makes no word (发规现 for 发现, 资科 for 资料).
  function shapeCost(tt, ch) {
    var conf = tt.conf, own = tt.cost.get(ch);
    var bound = tt.commonChars.has(ch) && tt.rareChar[ch.charCodeAt(0)] !== 1 && !(own <= conf.shape_alone);
    return bound ? conf.pair_shape_bound : conf.pair_shape;
  }
  // A character said twice at i - 1 and i that is no doubling typo, beside meantTwice's: the left copy
  // ends a word of the best split and the right copy begins one (分词词典) or is a verb of one character
  // before 的, 了, 着 or 过, what is done with the noun (笔记记了, 石磨磨的面粉); the left copy is the noun
  // after a number and its measure word, or that measure word, and the right copy begins a common word (3号楼楼道,
  // 12栋楼楼顶, 12月月度会议).
  // 提高高, 宣传传思想, 加加强 are still tried.
  function twoWords(tt, run, back, numbered, i) {
    var len = run.length;
    if (lengthAt(back, len, i - 1) > 1 && wordAt(back, len, i - 1)[1] === i && (lengthAt(back, len, i) > 1 ||
        (tt.particle && tt.particle.verbs.has(run[i]) && i + 1 < len && (run[i + 1] === "的" || tt.particle.aspects.indexOf(run[i + 1]) >= 0)))) return true;
    if ((i !== 2 && i !== 1) || !numbered) return false;
    for (var L = 2; L <= 4 && i + L <= len; L++) {
      var c = costAt(tt, run, i + L, L);
      if (c >= 0 && c < tt.conf.rare_cost) return true;
    }
    return false;
  }
  // Whether the doubled character at i (run[i - 1] the same) stands between two common words,
  // the left copy a word of its own after one and the right copy the start of the other
  // (常用 | 字 | 字形): most often the end of a compound the list lacks (常用字) and the start
  // of the next word, so the edit that drops it is held to threshold_short_alike, not threshold.
  function betweenWords(tt, run, i) { return commonAt(tt, run, i - 1, -1) && commonAt(tt, run, i, 1); }
  // Whether a common word of the list (2 to 4 characters, cheaper than rare_cost) ends at i
  // (side -1: run[i - L, i)) or begins at i (side 1: run[i, i + L)), whatever the best split
  // makes of it.
  function commonAt(tt, run, i, side) {
    for (var L = 2; L <= 4; L++) {
      var end = side < 0 ? i : i + L;
      if (end > run.length || end - L < 0) continue;
      var c = costAt(tt, run, end, L);
      if (c >= 0 && c < tt.conf.rare_cost && tt.offer.has(run.slice(end - L, end))) return true;
    }
    return false;
  }
  // A doubled character at i (run[i - 1] is the same): the edit that drops it, when the text
  // around it without it holds a word (scoring decides whether 人人 was meant).
  function doubledAt(tt, run, i, edits) {
    for (var a2 = Math.max(0, i - 4); a2 < i; a2++) {
      for (var b2 = i + 1; b2 <= run.length && b2 - a2 <= 5; b2++) {
        var w = run.slice(a2, i) + run.slice(i + 1, b2);
        if (w.length >= 2 && tt.offer.has(w)) { edits.set("d" + i, { kind: "doubled", at: i, ch: "" }); return; }
      }
    }
  }
  // Whether edit e puts another character in place of the one written (same-sounding, near-sounding,
  // look-alike, or standing in a phrase of four), not one dropped, put in or swapped.
  function replaced(e) { return e.kind === "sound" || e.kind === "fuzzy" || e.kind === "shape" || e.kind === "standin"; }
  function applyEdit(text, e, offset) {
    var p = e.at - offset;
    if (e.kind === "missing") return text.slice(0, p) + e.ch + text.slice(p);
    if (e.kind === "doubled") return text.slice(0, p) + text.slice(p + 1);
    if (e.kind === "swapped") return text.slice(0, p) + text[p + 1] + text[p] + text.slice(p + 2);
    return text.slice(0, p) + e.ch + text.slice(p + 1);
  }

  function isDebrisLine(ctx, line) {
    var squeezed = line.replace(PINYIN_NOTE, "").replace(/[ \t\u3000]/g, "");
    if (!squeezed) return false;
    return ctx.tab.lineStarts.some(function (s) { return squeezed.indexOf(s) === 0; });
  }

  // [line index, start, text] of the title: the first line among the first 30 that names a
  // kind of report or plan and is not web debris; else the first non-empty line. Found once
  // per text (several rules ask).
  function findTitle(ctx) {
    if (ctx.title === undefined) ctx.title = computeTitle(ctx);
    return ctx.title;
  }
  function computeTitle(ctx) {
    var first = null, lines = ctx.lines();
    for (var k = 0; k < lines.length; k++) {
      var ln = lines[k];
      if (ln[0] >= 30) break;
      var body = strip(ln[2]);
      if (!body || isDebrisLine(ctx, ln[2])) continue;
      if (first === null) first = ln;
      if (cpLen(body) <= 50 && namesKind(ctx, body)) return ln;
    }
    return first;
  }
  // Whether s names a document's kind as a title does (汇报, 总结, 要点: data/checker/structure.yml).
  function namesKind(ctx, s) {
    var conf = ctx.data.structure;
    return conf.report_titles.some(function (w) { return s.indexOf(w) >= 0; }) || conf.plan_titles.some(function (w) { return s.indexOf(w) >= 0; });
  }

  function detectYear(ctx) {
    var title = findTitle(ctx), m;
    if (title) { m = YEAR.exec(title[2]); if (m) return [parseInt(m[1], 10), parseInt(m[1], 10)]; }
    var near = ctx.lines().filter(function (l) { return l[0] < 40 && strip(l[2]); })
      .slice(0, 3).map(function (l) { return strip(l[2]); });
    for (var k = 0; k < near.length; k++) {
      m = YEAR.exec(near[k]);
      if (m && cpLen(near[k]) <= 40) return [parseInt(m[1], 10), null];
    }
    var counts = new Map(), exact = new Set();
    finditer(/(20[0-9][0-9])年(上半年|以来|1[-—～至]6月)/gu, ctx.norm).forEach(function (x) {
      var y = parseInt(x[1], 10); counts.set(y, (counts.get(y) || 0) + 1);
      if (x[2] !== "以来") exact.add(y);
    });
    if (counts.size) {  // the year the body calls the current period most often
      var bestY = null;
      counts.forEach(function (c, y) {
        if (bestY === null || c > counts.get(bestY) || (c === counts.get(bestY) && y > bestY)) bestY = y;
      });
      // a year said only with 以来 starts the period (2024年以来 in a report of 2026): a later year the text
      // dates things in (2026年度, 2026年3月) outside a sentence of plans is the report's
      if (!exact.has(bestY)) bestY = Math.max(bestY, latestDated(ctx.norm));
      return [bestY, null];
    }
    return [null, null];
  }
  // The latest year the text dates something in (2026年度, 2026年3月, 2026年底), leaving out sentences of plans
  // and targets (将, 计划, 明年, 到2030年); 0 for none.
  var DATED = /(20[0-9][0-9])年(?:度|[0-9０-９]{1,2}月|[一二三四五六七八九十]{1,3}月|上半年|下半年|底|末)/gu;
  var PLANNED = /将|计划|拟|预计|明年|下一步|目标|打算|力争|到20[0-9][0-9]年/u;
  function latestDated(norm) {
    var latest = 0;
    finditer(DATED, norm).forEach(function (x) {
      if (!PLANNED.test(sentenceAt(norm, x.index))) latest = Math.max(latest, parseInt(x[1], 10));
    });
    return latest;
  }

  function occurrences(norm, needles) {
    var seen = new Set(), out = [];
    needles.forEach(function (needle) {
      var i = norm.indexOf(needle);
      while (i >= 0) {
        if (!seen.has(i)) { seen.add(i); out.push([i, needle]); }
        i = norm.indexOf(needle, i + 1);
      }
    });
    return out;
  }
  // The sentence of norm around i: from the 。 or line break before it to the next.
  function sentenceAt(norm, i) {
    var a = i === 0 ? 0 : Math.max(norm.lastIndexOf("。", i - 1), norm.lastIndexOf("\n", i - 1)) + 1;
    var ends = [norm.indexOf("。", i), norm.indexOf("\n", i)].filter(function (e) { return e >= 0; });
    return norm.slice(a, ends.length ? Math.min.apply(null, ends) : norm.length);
  }
  function nextYearContext(ctx, i, year) {
    var sentence = sentenceAt(ctx.norm, i);
    return ["明年", "下一步", "今后", "来年", "新的一年", "新一年", (year + 1) + "年"].some(function (w) { return sentence.indexOf(w) >= 0; });
  }
  function lastBefore(norm, chars, i) {
    var at = -1;
    if (i > 0) for (var k = 0; k < chars.length; k++) at = Math.max(at, norm.lastIndexOf(chars[k], i - 1));
    return at;
  }
  // The year the sentence up to offset i speaks of: the nearest "2025年", 去年 or 明年
  // before i (relative to year), else year.
  function sentenceYear(tab, norm, i, year) {
    var head = norm.slice(lastBefore(norm, "。；！？\n", i) + 1, i);
    var best = null;
    Array.from(head.matchAll(/(20[0-9][0-9])年/gu)).forEach(function (m) {
      if (!best || m.index >= best[0]) best = [m.index, parseInt(m[1], 10)];
    });
    tab.relativeYears.forEach(function (r) {
      var at = head.lastIndexOf(r[0]);
      if (at >= 0 && (!best || at > best[0] || (at === best[0] && year + r[1] > best[1]))) best = [at, year + r[1]];
    });
    return best ? best[1] : year;
  }
  function clauseBefore(norm, i) { return norm.slice(lastBefore(norm, "。；！？，\n", i) + 1, i); }
  function ym(date) { return parseInt(date.slice(0, 4), 10) + "年" + parseInt(date.slice(5, 7), 10) + "月"; }

  function ruleTime(ctx, year) {
    if (!year) return;
    var norm = ctx.norm, data = ctx.data;
    var firstDay = year + "-01-01", lastDay = year + "-12-31";
    var datedSpans = [], series = {};
    data.timeline.forEach(function (item) {
      if (item.series) (series[item.series] = series[item.series] || []).push(item);
    });
    Object.keys(series).forEach(function (k) {
      series[k].sort(function (a, b) { return a.start < b.start ? -1 : a.start > b.start ? 1 : 0; });
    });
    data.timeline.forEach(function (item) {
      if (item.kind === "anniversary" || item.kind === "plan") return;
      occurrences(norm, item.match).forEach(function (occ) {
        var i = occ[0], needle = occ[1];
        datedSpans.push([i, i + needle.length]);
        if (item.start > lastDay) {
          if (parseInt(item.start.slice(0, 4), 10) === year + 1 && nextYearContext(ctx, i, year)) return;
          ctx.add("time-future", i, needle.length, ctx.msg(item.kind === "meeting" ? "time-future-meeting" : "time-future-start",
            { name: item.name, date: ym(item.start), year: year }));
          return;
        }
        if (item.kind === "campaign" && item.end && parseInt(item.end.slice(0, 4), 10) < year) {
          var clause = clauseBefore(norm, i);
          if (ctx.tab.ongoing.test(clause) && !ctx.tab.past.test(clause) && sentenceYear(ctx.tab, norm, i, year) === year &&
              norm.slice(i + needle.length, i + needle.length + 2) !== "成果") {
            ctx.add("time-outdated", i, needle.length, ctx.msg("time-ended", { name: item.name, date: ym(item.end), year: year }),
              null);
          }
        }
        if (!item.series) return;
        var later = series[item.series].filter(function (x) { return x.start > item.start && x.start <= lastDay; });
        if (!later.length) return;
        var newest = later[later.length - 1];
        var before = norm.slice(Math.max(0, i - 12), i);
        if (norm.slice(Math.max(0, i - 8), i).indexOf("最新") >= 0) {
          var sev = newest.start < firstDay ? "error" : "warning";
          ctx.add("time-outdated", i, needle.length, ctx.msg("time-superseded", {
            name: item.name, newest: newest.name, date: ym(newest.start) }), newest.name, sev);
        } else if (item.outdated_when_cited && newest.start < firstDay && ctx.tab.citing.test(before)) {
          ctx.add("time-outdated", i, needle.length, ctx.msg("time-cited-old", {
            year: year, name: item.name, newest: newest.name, date: ym(newest.start) }), newest.name);
        } else if (item.series === "plenum" && newest.start < firstDay &&
                   !ctx.tab.past.test(clauseBefore(norm, i)) && sentenceYear(ctx.tab, norm, i, year) === year) {
          if (before.slice(-2) === "大和") {
            ctx.add("time-outdated", i, needle.length, ctx.msg("time-plenum-pair", {
              year: year, needle: needle, newest: newest.name, date: ym(newest.start) }), newest.match[0]);
          } else if (ctx.tab.citing.test(before) && !newest.match.some(function (n) { return norm.indexOf(n) >= 0; })) {
            ctx.add("time-outdated", i, needle.length, ctx.msg("time-plenum-missing", {
              year: year, needle: needle, newest: newest.name, date: ym(newest.start) }), newest.match[0]);
          }
        }
      });
    });
    data.formulations.forEach(function (item) {
      if (item.since <= year) return;
      occurrences(norm, item.match).forEach(function (occ) {
        var i = occ[0];
        if (datedSpans.some(function (sp) { return sp[0] <= i && i < sp[1]; })) return;
        if (item.since === year + 1 && nextYearContext(ctx, i, year)) return;
        ctx.add("time-future", i, occ[1].length, ctx.msg("time-formulation", { name: item.name, since: item.since, year: year }));
      });
    });
    ctx.tab.anniversaries.forEach(function (entry) {
      var item = entry[1];
      finditer(entry[0], norm).forEach(function (m) {
        var n = cnNumber(m[1]), when = item.base_year + n;
        var before = norm.slice(Math.max(0, m.index - 10), m.index);
        var said = sentenceYear(ctx.tab, norm, m.index, year);
        if (when > year + 1 || (ctx.tab.festive.test(before) && when !== said)) {
          ctx.add("time-anniversary", m.index, m[0].length, ctx.msg(said === year ? "time-anniversary-report" :
            "time-anniversary-said", { name: item.name, base: item.base_year, n: n, when: when, year: year, said: said }));
        }
      });
    });
    ctx.tab.plans.forEach(function (entry) {
      var item = entry[1];
      finditer(entry[0], norm).forEach(function (m) {
        var mark = m[2][0] === "开" ? "开局" : "收官", when = item.base_year + PLAN_MARKS[mark];
        var said = sentenceYear(ctx.tab, norm, m.index, year);
        if (when === said || (said === year && when === year + 1 && nextYearContext(ctx, m.index, year))) return;
        // a purpose, not the year's name: 为“十五五”开好局打下基础 is said the year before, and 为“十五五”开局之年抓好……
        // either year
        if (/为[“"‘]?$/u.test(norm.slice(Math.max(0, m.index - 2), m.index))) return;
        var right = ctx.tab.plans.find(function (p) { return p[1].base_year + PLAN_MARKS[mark] === said; });
        right = right ? right[1].match[0] : null;
        ctx.add("time-plan", m.index, m[1].length, ctx.msg(right ? "time-plan-other" : "time-plan", {
          plan: item.match[0], mark: mark, when: when, said: said, right: right }), right);
      });
    });
  }

  // Another unit's name opening a clause (a report pasted from another unit's).
  function ownUnit(ctx) {
    var first = findTitle(ctx);
    if (first === null) return null;
    var title = strip(first[2]).replace(/^(?:中共)?(?:20[0-9][0-9]年度?)?/u, "");
    // the superior's name before the unit's (中共翚溪区委蘅皋街道工作委员会, 示例市青溪区柳岸街道): the
    // unit is 蘅皋街道, as its body calls it; a name of its own stays whole (新市街道)
    for (var pre; (pre = ctx.tab.adminPrefix.exec(title)) !== null;) {
      var after = ctx.tab.unitStart.exec(title.slice(pre[0].length));
      if (!after || after[1].length < 2) break;
      title = title.slice(pre[0].length);
    }
    var m = ctx.tab.unitStart.exec(title);
    if (!m || ctx.data.units.not_names.some(function (w) { return m[1].indexOf(w) === 0; })) return null;
    return [m[1], m[2]];
  }
  function ruleOtherUnit(ctx) {
    var own = ownUnit(ctx);
    if (own === null) return;
    var first = findTitle(ctx)[0], units = ctx.data.units;
    finditer(ctx.tab.unitMention, ctx.norm).forEach(function (m) {
      var name = m[1], level = m[2], organ = m[3];
      var start = m.index + m[0].length - (m[1].length + m[2].length + m[3].length);
      if (name.indexOf("中共") === 0) name = name.slice(2);
      if (level !== own[1] || name === own[0] || units.not_names.some(function (w) { return name.indexOf(w) === 0; }) ||
          units.levels.some(function (w) { return name.indexOf(w) >= 0; }) || name.indexOf("党") >= 0 ||
          name.indexOf("委") >= 0 || bisectRight(ctx.lineStarts, start) - 1 === first) return;
      ctx.add("other-unit", start, m.index + m[0].length - start, ctx.msg("other-unit", {
        own: own[0] + own[1], other: name + level + organ }), own[0] + own[1] + organ);
    });
  }

  function ruleSelfname(ctx) {
    var same = { "街道办": "街道", "办事处": "街道" };
    var hits = [];
    finditer(ctx.tab.selfname, ctx.norm).forEach(function (m) {
      if (m.index > 0 && "自你他她它本".indexOf(ctx.norm[m.index - 1]) >= 0) return;
      if (m.index > 0 && ctx.norm[m.index - 1] === "“" && ctx.norm.slice(m.index + m[0].length, m.index + m[0].length + 1) === "”") return;
      hits.push([m.index, m[1], same[m[1]] || m[1]]);
    });
    var counts = new Map(), order = new Map();
    hits.forEach(function (h) {
      counts.set(h[2], (counts.get(h[2]) || 0) + 1);
      if (!order.has(h[2])) order.set(h[2], h[0]);
    });
    if (counts.size < 2) return;
    var major = null;
    counts.forEach(function (c, f) {
      if (major === null || c > counts.get(major) || (c === counts.get(major) && order.get(f) < order.get(major))) major = f;
    });
    hits.forEach(function (h) {
      if (h[2] !== major) {
        ctx.add("self-name", h[0], 1 + h[1].length, ctx.msg("self-name", { major: major, minor: h[1] }), "我" + major);
      }
    });
  }

  // The current period written with another year (2025年上半年 in a 2026 report). year is the
  // title's year (its own line is not checked) or the one given.
  function ruleYearMismatch(ctx, year, fromTitle) {
    if (!year) return;
    var title = findTitle(ctx), first = title && fromTitle ? title[0] : -1;
    finditer(/(20[0-9][0-9])年(?:上半年|以来|1[-—～至]6月)/gu, ctx.norm).forEach(function (m) {
      var line = bisectRight(ctx.lineStarts, m.index) - 1;
      if (line === first || parseInt(m[1], 10) === year) return;
      ctx.add("year-mismatch", m.index, m[0].length, ctx.msg(fromTitle ? "year-mismatch-title" : "year-mismatch-given",
        { year: year, found: m[0] }), null);
    });
  }

  function parseHeading(line) {
    var stripped = lstrip(line), off = line.length - stripped.length;
    for (var k = 0; k < HEADINGS.length; k++) {
      var m = HEADINGS[k][0].exec(stripped);
      if (m) {
        var fix = HEADINGS[k][2];
        return [HEADINGS[k][1], cnNumber(m[1]), off, m[0].length, fix ? fix.replace("{n}", m[1]) : null];
      }
    }
    return null;
  }

  // The lines of a table of contents (a 简报's 【本期要目】 or 目录 and the headings listed under it,
  // up to the first that starts the numbering again: the headings come again below, as written) and
  // of a list of attachments (附件：1.…, then 2.…).
  var CONTENTS_HEAD = /^(?:[【\[]?(?:本期要目|本期导读|本期目录|要目|目录)[】\]]?[:：]?$|附件[:：])/u;  // 附件：1.…, 2.…: the list of attachments
  function contentsLines(ctx) {
    if (ctx.contents) return ctx.contents;
    var lines = ctx.lines(), out = new Set();
    for (var k = 0; k < lines.length; k++) {
      if (!CONTENTS_HEAD.test(strip(lines[k][2]))) continue;
      out.add(k);
      var last = 0;
      for (var j = k + 1; j < lines.length; j++) {
        var h = parseHeading(lines[j][2]);
        if (!strip(lines[j][2])) continue;
        if (!h || h[1] <= last) break;
        last = h[1];
        out.add(j);
      }
    }
    ctx.contents = out;
    return out;
  }

  function ruleHeadings(ctx) {
    var counters = { 1: 0, 2: 0, 3: 0, 4: 0 }, seenLevels = new Set(), warnedTop = false, contents = contentsLines(ctx);
    ctx.lines().forEach(function (ln) {
      if (contents.has(ln[0])) return;
      var h = parseHeading(ln[2]);
      if (!h) return;
      var level = h[0], num = h[1], pos = ln[1] + h[2], length = h[3], fix = h[4];
      var marker = ctx.text.slice(pos, pos + length);
      if (fix) ctx.add("heading-form", pos, length, ctx.msg("heading-form", { marker: marker, fix: fix }), fix);
      if (level === 2 && !seenLevels.has(1) && !warnedTop) {
        warnedTop = true;
        ctx.add("heading-order", pos, length, ctx.msg("heading-no-top", { marker: marker }));
      }
      var expected = counters[level] + 1;
      if (num !== expected) {
        var want = LEVEL_LABEL[level].replace("一", expected <= 10 ? "一二三四五六七八九十"[expected - 1] : "一")
          .replace("1", String(expected));
        ctx.add("heading-order", pos, length, ctx.msg("heading-gap", { marker: marker, want: want }), null);
      }
      counters[level] = num;
      for (var d = level + 1; d < 5; d++) counters[d] = 0;
      seenLevels.add(level);
    });
  }

  function rulePairs(ctx) {
    ctx.lines().forEach(function (ln) {
      var start = ln[1], line = ln[2], stack = [];
      var lead = /^[ \t\u3000]*[0-9一二三四五六七八九十]{1,3}[)）]/u.exec(line);
      var skipAt = lead ? lead[0].length - 1 : -1;
      var marks = ctx.tab.pairMarks;
      for (var k = 0; k < line.length; k++) {
        var mark = marks[line.charCodeAt(k)];
        if (!mark) continue;  // most characters are no bracket or quotation mark
        var ch = line[k];
        if (ctx.garbled.has(start + k)) continue;  // a quote inside mojibake is part of it
        if (mark === 1) stack.push([k, ch]);
        else {
          if (k === skipAt) continue;
          var want = ctx.tab.closers[ch];
          if (stack.length && stack[stack.length - 1][1] === want) stack.pop();
          else if (stack.some(function (e) { return e[1] === want; })) {
            while (stack.length && stack[stack.length - 1][1] !== want) {
              var e = stack.pop();
              ctx.add("pairs", start + e[0], 1, ctx.msg("pairs-unclosed", { open: e[1], close: ctx.tab.pairs[e[1]] }));
            }
            stack.pop();
          } else {
            ctx.add("pairs", start + k, 1, ctx.msg("pairs-unopened", { close: ch, open: want }));
          }
        }
      }
      stack.forEach(function (e) {
        ctx.add("pairs", start + e[0], 1, ctx.msg("pairs-unclosed", { open: e[1], close: ctx.tab.pairs[e[1]] }));
      });
    });
  }

  var SENTENCE = /[^。！？；!?\n]+[。！？；!?]?/gu;  // a sentence (the duplicate and empty-praise rules)

  // A sentence written twice: anywhere in the text when it has 6+ Chinese characters, inside one
  // paragraph (line) from 4 (认真学习。认真学习。).
  function ruleDuplicates(ctx) {
    var seen = new Map(), contents = contentsLines(ctx);
    finditer(SENTENCE, ctx.norm).forEach(function (m) {
      var raw = m[0], body = strip(raw);
      var han = body.match(/[\u4e00-\u9fff]/gu);
      if (!han || han.length < 4) return;
      var key = rstrip(body, "。！？；!?");
      var start = m.index + raw.indexOf(body);
      var line = bisectRight(ctx.lineStarts, start);
      if (contents.has(line - 1)) return;  // a table of contents lists the headings written below
      // a field of a list said again (形式：集体学习。牵头：党政办。 under each month of a plan)
      if (/^[\u4e00-\u9fff]{1,6}[:：]/u.test(body)) return;
      if (seen.has(key)) {
        var first = bisectRight(ctx.lineStarts, seen.get(key));
        // the issuing body's name at the top said again to sign it off (发文机关标志, then 落款)
        if (first <= 3 && !/[。！？；!?]$/u.test(body)) return;
        if ((cpLen(body) >= 8 && han.length >= 6) || first === line) {
          ctx.add("duplicate", start, body.length, ctx.msg(first === line ? "duplicate-paragraph" : "duplicate", { line: first }));
        }
      } else seen.set(key, start);
    });
  }

  function ruleScript(ctx) {
    var t2s = ctx.tab.t2s, text = ctx.text, ls = ctx.lineStarts;
    for (var i = 0; i < ls.length; i++) {
      var end = i + 1 < ls.length ? ls[i + 1] - 1 : text.length;
      var first = -1, last = -1, chars = [], count = 0;
      for (var k = ls[i]; k < end; k++) {
        if (t2s.has(text[k])) {
          if (first < 0) first = k;
          last = k; count++;
          if (chars.indexOf(text[k]) < 0) chars.push(text[k]);
        }
      }
      if (first >= 0) {
        var sample = chars.slice(0, 5).join("、") + (chars.length > 5 ? "等" : "");
        ctx.add("traditional", first, last - first + 1, ctx.msg("traditional", { count: count, sample: sample }),
          ctx.norm.slice(first, last + 1));
      }
    }
    pinyinNotes(ctx).forEach(function (note) {
      if (isMention(ctx, note[2], note[1])) return;
      ctx.add("pinyin-debris", note[0], note[1] - note[0], ctx.msg("pinyin-debris", {
        char: ctx.text[note[2]], note: ctx.text.slice(note[0], note[1]) }), "");
    });
  }

  // The pinyin a conversion tool left after characters (發(fā)展): [start, end) of each note,
  // brackets included, and where the character before it starts. Found once per text.
  function pinyinNotes(ctx) {
    if (ctx.notes) return ctx.notes;
    ctx.notes = [];
    finditer(rx(PINYIN_DEBRIS_SRC), ctx.norm).forEach(function (m) {
      var py = m[2];
      var toned = Array.from(py).some(function (c) { return TONE_MARKS.indexOf(c) >= 0; });
      if (!(toned || (py.length >= 2 && ctx.tab.syllables.has(py)))) return;
      var s2 = m.index + m[1].length;
      ctx.notes.push([s2, s2 + py.length + 2, m.index]);
    });
    return ctx.notes;
  }

  function ruleDebris(ctx) {
    var debrisLines = new Set();
    ctx.lines().forEach(function (ln) {
      var start = ln[1], line = ln[2];
      if (isDebrisLine(ctx, line)) {
        debrisLines.add(ln[0]);
        var stripped = lstrip(line), off = line.length - stripped.length, body = rstrip(stripped);
        ctx.add("web-debris", start + off, body.length, ctx.msg("web-debris-line", {
          head: cpHead(ctx.text.slice(start + off, start + off + body.length), 12) }), "");
      }
    });
    ctx.tab.inlineDebris.forEach(function (entry) {
      finditer(entry[0], ctx.norm).forEach(function (m) {
        if (m[0].length && !debrisLines.has(bisectRight(ctx.lineStarts, m.index) - 1)) ctx.add("web-debris", m.index, m[0].length, entry[1].message.split("{match}")
          .join(ctx.text.slice(m.index, m.index + m[0].length)), null, entry[1].severity);
      });
    });
  }

  // Text that went through the wrong encoding (锟斤拷, ä¸­å›½, U+FFFD), matched in the text as pasted.
  function ruleMojibake(ctx) {
    ctx.tab.mojibake.forEach(function (entry) {
      finditer(entry[0], ctx.text).forEach(function (m) {
        if (isMention(ctx, m.index, m.index + m[0].length)) return;
        ctx.add("mojibake", m.index, m[0].length, entry[1].message.split("{match}").join(m[0]), null, entry[1].severity);
        for (var k = m.index; k < m.index + m[0].length; k++) ctx.garbled.add(k);
      });
    });
  }

  var ITEM_START = /^[一二三四五六七八九十]是/u;

  function ruleLineBreaks(ctx) {
    brokenLines(ctx, LINE_BREAK_MIN).forEach(function (b) {
      ctx.add("line-break", b[0] - 1, 1, ctx.msg("line-break", { next: cpHead(b[2], 6) }));
    });
  }
  // The lines broken inside a sentence (a line of min characters or more ending in a Chinese
  // character, the next going on with one, no heading or item): [end of the line's text, start of
  // the next line's text, that text] of each. The line-break rule reports those of LINE_BREAK_MIN
  // characters or more; the context typo rule reads through those of READ_THROUGH_MIN or more
  // (a line of a 公文 holds 28 characters: a report copied from its PDF is broken so).
  var LINE_BREAK_MIN = 30, READ_THROUGH_MIN = 20;
  function brokenLines(ctx, min) {
    var lines = ctx.lines(), out = [], title = findTitle(ctx);
    // a title ends with no mark (……自查报告 before the 主送机关): the title line that names its kind
    var titleAt = title && namesKind(ctx, title[2]) ? title[0] : -1;
    for (var k = 0; k < lines.length - 1; k++) {
      if (k === titleAt) continue;
      var start = lines[k][1], line = lines[k][2], body = rstrip(line), next = lines[k + 1][2], nxt = strip(next);
      if (cpLen(strip(body)) < min || !body || !isHan(body[body.length - 1]) || !nxt || !isHan(nxt[0])) continue;
      if (parseHeading(next) || ITEM_START.test(nxt) || isDebrisLine(ctx, line) || isDebrisLine(ctx, next)) continue;
      out.push([start + body.length, lines[k + 1][1] + next.indexOf(nxt[0]), nxt]);
    }
    return out;
  }

  // A "." that ends a line right after a figure written after Chinese (提高到25%.).
  function endsFigure(norm, k) {
    if (k + 1 < norm.length && norm[k + 1] !== "\n") return false;
    var j = k - 1, digits = 0;
    if (j >= 0 && "%％".indexOf(norm[j]) >= 0) j--;
    while (j >= 0 && (isDigit(norm[j]) || norm[j] === ".")) { if (norm[j] !== ".") digits++; j--; }
    return digits > 0 && j >= 0 && isHan(norm[j]);
  }

  function ruleWidth(ctx) {
    var norm = ctx.norm, n = norm.length, skip = new Set();
    finditer(rx(PINYIN_DEBRIS_SRC), norm).forEach(function (m) {
      var s2 = m.index + m[1].length;
      for (var q = s2; q < m.index + m[0].length; q++) skip.add(q);
    });
    var marks = ctx.tab.widthMarks;
    for (var k = 0; k < n; k++) {
      if (!marks[norm.charCodeAt(k)]) continue;  // most characters are no half-width mark
      var ch = norm[k];
      if (skip.has(k)) continue;
      var prev = k > 0 ? norm[k - 1] : "", nxt = k + 1 < n ? norm[k + 1] : "";
      if (ch === ":" && isDigit(prev) && isDigit(nxt)) continue;
      if (ch === "." && !(isHan(prev) && (nxt === "" || "\n \t\u3000".indexOf(nxt) >= 0 || isHan(nxt))) &&
          !endsFigure(norm, k)) continue;
      if (ch === "(" || ch === ")") {
        var inner = ch === "(" ? isHan(nxt) : isHan(prev), outer = ch === "(" ? isHan(prev) : isHan(nxt);
        if (!(inner || outer)) continue;
      } else if (ch !== "." && !(isHan(prev) || isHan(nxt) || (prev && "”）》".indexOf(prev) >= 0) ||
                   (nxt && "“（《".indexOf(nxt) >= 0))) continue;
      ctx.add("punct-width", k, 1, ctx.msg("punct-width", { half: ch, full: ctx.tab.width[ch] }), ctx.tab.width[ch]);
    }
    finditer(/(?<=[\u4e00-\u9fff])[ \u3000]+(?=[0-9])|(?<=[0-9])[ \u3000]+(?=[\u4e00-\u9fff])/gu, norm)
      .forEach(function (m) { ctx.add("space-digit", m.index, m[0].length, ctx.msg("space-digit", {}), ""); });
  }

  // Figures written wrong (data/checker/language.yml): a letter typed or recognised for a digit
  // inside a figure (2O26年, 宣讲l2场: digit_letters, before one of figure_after), and a year in
  // Chinese numerals whose zero is not 〇 (二O二六年, 二零二六年: year_zeros, GB/T 15835-2011).
  function ruleNumerals(ctx) {
    var norm = ctx.norm, tab = ctx.tab;
    finditer(/(?<![A-Za-z0-9])[A-Za-z0-9]+(?![A-Za-z0-9])/gu, norm).forEach(function (m) {
      var run = m[0], fixed = "";
      for (var k = 0; k < run.length; k++) {
        var ch = run[k];
        if (isDigit(ch)) fixed += ch;
        else if (ch in tab.digitLetters) fixed += tab.digitLetters[ch];
        else return;  // another letter: a code or a word (5G, H1N1, Win10), no figure
      }
      if (fixed === run || !/[0-9]/.test(run)) return;
      var end = m.index + run.length;
      if (!tab.figureAfter.test(norm.slice(end, end + 4)) || isMention(ctx, m.index, end)) return;
      ctx.add("numeral", m.index, run.length, ctx.msg("numeral-letter", { match: run, fix: fixed }), fixed);
    });
    finditer(tab.chineseYear, norm).forEach(function (m) {
      var year = m[0], fixed = "", wrong = "", severity = "warning";
      for (var k = 0; k < year.length; k++) {
        var ch = year[k];
        if (ch in tab.yearZeros) {
          fixed += "\u3007";
          if (wrong.indexOf(ch) < 0) wrong += ch;
          if (tab.yearZeros[ch] === "error") severity = "error";
        } else fixed += ch;
      }
      if (!wrong || isMention(ctx, m.index, m.index + year.length)) return;
      ctx.add("numeral", m.index, year.length, ctx.msg("numeral-year", { match: year, zero: wrong, fix: fixed }),
        fixed, severity);
    });
  }

  // Spaces between Chinese characters inside a sentence, as copies from PDF files and web pages leave
  // them (街道 党工委 认真; 街 道 党 工 委): on a line with a mark inside or at the end of a clause,
  // outside quotation, title and square marks (【工作简报 第7期】), and neither a name spaced out to three
  // characters' width (王  明: one character each side, no more spaced ones beside) nor slogans of one length
  // side by side (学党史 悟思想 办实事).
  var SPACE_HAN = /(?<=[\u4e00-\u9fff])[ \u3000\u00a0]+(?=[\u4e00-\u9fff])/gu;
  var ENCLOSING = { "\u201c": "\u201d", "\u2018": "\u2019", "\u300c": "\u300d", "\u300a": "\u300b", "\uff08": "\uff09", "\u3010": "\u3011" };
  function hanRun(norm, k, step) { var n = 0; for (; k >= 0 && k < norm.length && isHan(norm[k]); k += step) n++; return n; }
  function spacedBeside(norm, k, step) { return /[ \u3000\u00a0]/.test(norm[k] || "") && isHan(norm[k + step] || ""); }
  function ruleSpaces(ctx) {
    var norm = ctx.norm;
    ctx.lines().forEach(function (ln) {
      var start = ln[1], line = ln[2];
      if (!/[，。；：！？、]/.test(line) || isDebrisLine(ctx, line)) return;
      finditer(SPACE_HAN, line).forEach(function (m) {
        var s = start + m.index, e = s + m[0].length, left = hanRun(norm, s - 1, -1), right = hanRun(norm, e, 1);
        if (left === right && left >= 3) return;
        if (left === 1 && right === 1 && !spacedBeside(norm, s - 2, -1) && !spacedBeside(norm, e + 1, 1)) return;
        if (quoteSpan(norm, s, e, QUOTE_MAX, ENCLOSING, "\n")) return;
        ctx.add("space-han", s, e - s, ctx.msg("space-han", {}), "");
      });
    });
  }

  // The year a report's next steps are for: the same year after a half-year report (下半年),
  // the next after an annual one; null when the title says neither.
  function plannedYear(title, year) {
    if (title.indexOf("半年") >= 0) return year;
    if (["年度", "全年", "总结"].some(function (w) { return title.indexOf(w) >= 0; })) return year + 1;
    return null;
  }

  // Where the items marked 一是、二是… start: a marker at the start or after punctuation or a
  // space (统一是 does not start an item).
  var ITEM_BEFORE = "。；;，,：:\n \t\u3000";
  function itemStarts(text, markers) {
    var out = [];
    markers.forEach(function (marker) {
      for (var i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) {
        if ((i === 0 || ITEM_BEFORE.indexOf(text[i - 1]) >= 0) && out.indexOf(i) < 0) out.push(i);
      }
    });
    return out.sort(function (a, b) { return a - b; });
  }
  function has(text, words) { return words.some(function (w) { return text.indexOf(w) >= 0; }); }
  // [line index, start, text] of the lines after the title that open a part: first-level
  // headings (一、) and short lines without sentence punctuation.
  function partHeads(ctx, first) {
    var heads = [];
    ctx.lines().slice(first[0] + 1).forEach(function (ln) {
      var h = parseHeading(ln[2]), body = strip(ln[2]);
      if ((h && h[0] === 1) || (h === null && cpLen(body) >= 2 && cpLen(body) <= 24 && !/[。；，,;]/u.test(body) &&
                                body.slice(-1) !== "：")) heads.push([ln[0], ln[1], body]);
    });
    return heads;
  }
  function problemAndNext(ctx, heads) {
    var conf = ctx.data.structure;
    var prob = heads.find(function (h) { return has(h[2], conf.problem_headings); }) || null;
    var nxt = heads.find(function (h) {
      return has(h[2], conf.next_headings) && (prob === null || h[0] > prob[0]);
    }) || null;
    return [prob, nxt];
  }
  // [offset, text] of the items of the part under head: cut at 一是、二是…, else at second-level
  // or lower headings, else at lines; items of fewer than 4 Chinese characters dropped.
  function partItems(ctx, heads, head) {
    var nl = ctx.norm.indexOf("\n", head[1]);
    var start = (nl < 0 ? ctx.norm.length : nl) + 1;
    var body = partText(ctx, heads, head).slice(start - head[1]);
    var cuts = itemStarts(body, ctx.data.structure.item_markers);
    var lines = body.split("\n"), offset;
    if (!cuts.length) {
      offset = 0;
      lines.forEach(function (line) {
        var h = parseHeading(line);
        if (h && h[0] > 1) cuts.push(offset);
        offset += line.length + 1;
      });
    }
    if (!cuts.length) {
      offset = 0;
      lines.forEach(function (line) { if (strip(line)) cuts.push(offset); offset += line.length + 1; });
    }
    var items = [];
    cuts.forEach(function (cut, k) {
      var raw = body.slice(cut, k + 1 < cuts.length ? cuts[k + 1] : body.length), text = trimAll(raw);
      if (hanCount(text) >= 4) items.push([start + cut + raw.length - raw.replace(/^[ \t\u3000\u00a0\n]+/, "").length, text]);
    });
    return items;
  }
  function partText(ctx, heads, head) {
    var later = heads.filter(function (h) { return h[0] > head[0]; });
    return ctx.norm.slice(head[1], later.length ? later[0][1] : ctx.norm.length);
  }

  // [offset, text] of the task lines of a plan: numbered lines (1.、（1）) of 10+ Chinese
  // characters, and （一） lines that go on with a sentence (30+), outside the parts whose
  // first-level heading has a word of unmeasured_parts (保障措施, 总体要求).
  function planTasks(ctx, first) {
    var skipWords = ctx.data.structure.unmeasured_parts, out = [], skipping = false;
    ctx.lines().forEach(function (ln) {
      if (ln[0] <= first[0]) return;
      var h = parseHeading(ln[2]);
      if (h === null) return;
      var body = strip(ln[2]);
      if (h[0] === 1) skipping = has(body, skipWords);
      else if (!skipping && ((h[0] >= 3 && hanCount(body) >= 10) || (h[0] === 2 && body.indexOf("。") >= 0 && hanCount(body) >= 30))) {
        out.push([ln[1] + ln[2].length - lstrip(ln[2]).length, body]);
      }
    });
    return out;
  }
  var YEAR_WORD = /(?:19|20)[0-9]{2}年度?/gu;
  // A plan's task or a report's next step with no figure, frequency or deadline.
  function ruleVagueMeasures(ctx) {
    var conf = ctx.data.structure, first = findTitle(ctx);
    if (first === null) return;
    var title = strip(first[2]), items, what;
    if (has(title, conf.plan_titles)) { items = planTasks(ctx, first); what = "vague-measure-task"; }
    else if (has(title, conf.report_titles)) {
      var heads = partHeads(ctx, first), nxt = problemAndNext(ctx, heads)[1];
      items = nxt ? partItems(ctx, heads, nxt) : []; what = "vague-measure-step";
    } else return;
    items.forEach(function (item) {
      var text = item[1], h = parseHeading(text);
      var bare = (h ? text.slice(h[2] + h[3]) : text).replace(YEAR_WORD, "");
      if (text[0] === "【" || hanCount(text) < 8 || ctx.tab.measurable.test(bare)) return;
      var line = text.split("\n")[0], stop = line.indexOf("。");
      ctx.add("vague-measure", item[0], stop >= 0 ? stop + 1 : line.length, ctx.msg(what, {}));
    });
  }

  // A sentence of stock praise (data/checker/stock.yml) with nothing checkable in it; quoted phrases are cited.
  function ruleEmptyPraise(ctx) {
    var conf = ctx.data.stock;
    finditer(SENTENCE, ctx.norm).forEach(function (m) {
      var raw = m[0], body = strip(raw);
      var bare = body.replace(/“[^“”\n]*”/gu, function (q) { return " ".repeat(q.length); });
      var used = conf.phrases.filter(function (p) { return bare.indexOf(p) >= 0; });
      if (used.length < conf.min_phrases || ctx.tab.facts.test(bare.replace(YEAR_WORD, ""))) return;
      ctx.add("empty-praise", m.index + raw.indexOf(body), body.length, ctx.msg("empty-praise", {
        first: used[0], second: used[1] }));
    });
  }

  function ruleStructure(ctx, titleYear) {
    var conf = ctx.data.structure, first = findTitle(ctx);
    if (first === null) return;
    var title = strip(first[2]);
    if (!has(title, conf.report_titles) || has(title, conf.plan_titles)) return;
    var heads = partHeads(ctx, first);
    if (!heads.length) return;
    var pn = problemAndNext(ctx, heads), prob = pn[0], nxt = pn[1];
    var tstart = first[1] + first[2].length - lstrip(first[2]).length;
    if (prob === null) ctx.add("structure-problems", tstart, title.length, ctx.msg("structure-problems", {}));
    if (nxt === null) ctx.add("structure-next", tstart, title.length, ctx.msg("structure-next", {}));
    if (prob === null || nxt === null) return;
    var ptext = partText(ctx, heads, prob), ntext = partText(ctx, heads, nxt);
    var want = titleYear ? plannedYear(title, titleYear) : null;
    if (want) finditer(ctx.tab.nextYearOpening, ntext).forEach(function (m) {
      if (parseInt(m[1], 10) === want) return;
      ctx.add("year-mismatch", nxt[1] + m.index + m[0].indexOf(m[1]), m[1].length + 1, ctx.msg(want === titleYear ?
        "year-mismatch-next-half" : "year-mismatch-next-annual", { year: titleYear, want: want, found: m[1] }), want + "年");
    });
    function items(text) {
      var count = itemStarts(text, conf.item_markers).length;
      if (count === 0) {
        text.split("\n").slice(1).forEach(function (l) { var h = parseHeading(l); if (h && h[0] > 1) count++; });
      }
      return count;
    }
    var pcount = items(ptext), ncount = items(ntext), headLen = prob[2].length;
    if (pcount && ncount && ncount < pcount) ctx.add("structure-match", prob[1], headLen, ctx.msg("structure-match-count", {
      problems: pcount, steps: ncount }));
    var missing = [];
    conf.topics.forEach(function (group) {
      var words = group.split("|");
      var hit = words.find(function (w) { return ptext.indexOf(w) >= 0; });
      if (hit && !words.some(function (w) { return ntext.indexOf(w) >= 0; })) missing.push(hit);
    });
    if (missing.length) ctx.add("structure-match", prob[1], headLen, ctx.msg("structure-match-topics", {
      topics: missing.map(function (w) { return "“" + w + "”"; }).join("、") }));
  }

  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  function finish(ctx) {
    var text = ctx.text, ls = ctx.lineStarts;
    var astral = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);
    var cp = null;
    if (astral) {  // code-unit offset -> code-point offset
      cp = new Int32Array(text.length + 1);
      var c = 0;
      for (var i = 0; i < text.length; i++) {
        cp[i] = c;
        var code = text.charCodeAt(i);
        if (!(code >= 0xDC00 && code <= 0xDFFF && i > 0 && text.charCodeAt(i - 1) >= 0xD800 &&
              text.charCodeAt(i - 1) <= 0xDBFF)) c++;
      }
      cp[text.length] = c;
    }
    var conv = function (u) { return cp ? cp[u] : u; };
    var pair = function (u) {  // a surrogate pair starts at u
      var hi = text.charCodeAt(u), lo = text.charCodeAt(u + 1);
      return hi >= 0xD800 && hi <= 0xDBFF && lo >= 0xDC00 && lo <= 0xDFFF;
    };
    var stepBack = function (u, n, limit) {
      for (; n > 0 && u > limit; n--) u -= astral && u - 2 >= limit && pair(u - 2) ? 2 : 1;
      return u;
    };
    var stepForward = function (u, n, limit) {
      for (; n > 0 && u < limit; n--) u += astral && pair(u) ? 2 : 1;
      return u;
    };
    ctx.findings.sort(function (a, b) {
      return conv(a.start) - conv(b.start) || cmp(a.rule, b.rule) || a.length - b.length || cmp(a.message, b.message);
    });
    return ctx.findings.map(function (f) {
      var line = bisectRight(ls, f.start) - 1, lineStart = ls[line];
      var lineEnd = line + 1 < ls.length ? ls[line + 1] - 1 : text.length;
      // ten characters (code points) either side, never half of a surrogate pair
      var a = stepBack(f.start, 10, lineStart);
      var b = Math.min(lineEnd, stepForward(f.start + f.length, f.length ? 10 : 11, lineEnd));
      var excerpt = (a > lineStart ? "…" : "") + text.slice(a, b) + (b < lineEnd ? "…" : "");
      return {
        rule: f.rule, severity: f.severity, message: f.message, line: line + 1,
        column: conv(f.start) - conv(lineStart) + 1, length: conv(f.start + f.length) - conv(f.start),
        excerpt: excerpt, suggestion: f.suggestion, guide: f.guide, score: f.score,
        offset: f.start, units: f.length  // UTF-16 position, for highlighting in the page
      };
    });
  }

  // The user's own words (我的词表 on the 报告体检 page, --words on the command line) and the local
  // edition's names (data.known_names, checker/compile.py): each stretch of the text equal to one of
  // them is a name. markNames marks them in ctx.names (by position in ctx.norm) and ctx.nameReach
  // (the farthest end of a name over each position); the typo rules skip them (namedAny, and the
  // masks the later ones read, ruleNearTypos), and dropNamed is the last word: no finding of a typo
  // rule overlaps a name, and no usage finding lies inside one.
  function markNames(ctx, words) {
    var list = (ctx.data.known_names || []).concat(words || []), norm = ctx.norm, seen = new Set();
    list.forEach(function (w) {
      w = ctx.tab.translate(strip(String(w)));  // as the rules read the text: 黨委 is 党委
      if (!w || seen.has(w)) return;
      seen.add(w);
      for (var i = norm.indexOf(w); i >= 0; i = norm.indexOf(w, i + 1)) {
        if (!ctx.names) { ctx.names = new Uint8Array(norm.length); ctx.nameReach = new Int32Array(norm.length); }
        for (var q = i; q < i + w.length; q++) {
          ctx.names[q] = 1;
          if (ctx.nameReach[q] < i + w.length) ctx.nameReach[q] = i + w.length;
        }
      }
    });
  }
  function namedAny(ctx, a, b) { return !!ctx.names && anyIn(ctx.names, a, b); }
  function namedInside(ctx, a, b) { return !!ctx.nameReach && a < ctx.nameReach.length && ctx.nameReach[a] >= b; }
  function dropNamed(ctx) {
    if (!ctx.names) return;
    ctx.findings = ctx.findings.filter(function (f) {
      var end = f.start + Math.max(f.length, 1);
      return f.rule.indexOf("typo-") === 0 ? !namedAny(ctx, f.start, end) : f.rule !== "usage" || !namedInside(ctx, f.start, end);
    });
  }

  // All findings of text. words (optional): the user's own words, names no typo rule reports (markNames).
  function check(text, data, year, words) {
    text = prepare(String(text));
    var tab = tables(data);
    var ctx = new Context(text, data, tab);
    markNames(ctx, words);
    var detected = detectYear(ctx);
    rulePlaceholders(ctx);
    ruleTypos(ctx);
    ruleConfusions(ctx);
    ruleNearTypos(ctx);
    ruleFormulas(ctx);
    ruleContextTypos(ctx);
    ruleFourFormulas(ctx);
    ruleParticles(ctx);
    ruleTime(ctx, year || detected[0]);
    ruleSelfname(ctx);
    ruleOtherUnit(ctx);
    ruleYearMismatch(ctx, year || detected[1], !year);
    ruleHeadings(ctx);
    ruleMojibake(ctx);
    rulePairs(ctx);
    ruleDuplicates(ctx);
    ruleScript(ctx);
    ruleDebris(ctx);
    ruleLineBreaks(ctx);
    ruleWidth(ctx);
    ruleSpaces(ctx);
    ruleNumerals(ctx);
    ruleStructure(ctx, detected[1]);
    ruleVagueMeasures(ctx);
    ruleEmptyPraise(ctx);
    dropNamed(ctx);
    return finish(ctx);
  }

  // 总结和要点对照: does each problem a summary names have a task in the plan?
  // matchPlan(summary, plan, data) finds the problems part of the summary (the part the
  // structure rule finds), cuts it into items (一是、二是…, else second-level headings, else
  // lines) and, for each item, the plan line that shares most with it: topic words
  // (data/checker/structure.yml topics, 3 points a group), figures such as 24小时 or 35岁
  // (2 points each), a figure in the unit of a count the problem names (match_counts:
  // 场次 -> 24场, 2 points each) and two-character pieces of Chinese (1 point each, minus
  // match_ignore). An item whose best line scores under match_threshold has no measure.
  // Cases: tests/plan_match_cases.yml.
  var FIGURE = /[0-9]+(?:\.[0-9]+)?(?:[%％]|[\u4e00-\u9fff])/gu;
  var SHOWN = 6, TEXT_CHARS = 60;
  function hanCount(text) { var n = 0; for (var k = 0; k < text.length; k++) if (isHan(text[k])) n++; return n; }
  function trimAll(s) { return s.replace(/^[ \t\u3000\u00a0\n]+|[ \t\u3000\u00a0\n]+$/g, ""); }
  function lineOf(ctx, offset) { return bisectRight(ctx.lineStarts, offset); }
  function shortText(text) {
    var body = text.split("\n")[0].split(/\s+/).filter(Boolean).join(" ");
    var stop = body.indexOf("。");
    if (stop >= 0 && cpLen(body.slice(0, stop)) < TEXT_CHARS) return body.slice(0, stop + 1);
    return cpHead(body, TEXT_CHARS) + (cpLen(body) > TEXT_CHARS ? "…" : "");
  }
  function problemItems(ctx) {
    var first = findTitle(ctx);
    if (first === null) return null;
    var heads = partHeads(ctx, first), prob = problemAndNext(ctx, heads)[0];
    return prob === null ? null : partItems(ctx, heads, prob);
  }
  function planLines(ctx) {
    var first = findTitle(ctx), skip = first ? first[0] : -1, out = [];
    ctx.lines().forEach(function (ln) {
      var body = strip(ln[2]), h = parseHeading(ln[2]);
      if (ln[0] === skip || (h && h[0] === 1) || hanCount(body) < 6) return;
      out.push([ln[1] + ln[2].length - lstrip(ln[2]).length, body]);
    });
    return out;
  }
  // Figures of line in the unit of a count problem names: 宣讲场次少 -> ["场次→24场"].
  function matchCounted(problem, line, counts) {
    var out = [];
    Object.keys(counts).forEach(function (word) {
      var m = problem.indexOf(word) >= 0 ? new RegExp("[0-9]+(?:\\.[0-9]+)?" + counts[word], "u").exec(line) : null;
      if (m) out.push(word + "→" + m[0]);
    });
    return out;
  }
  function matchScore(problem, line, topics, ignore, counts, edge) {
    var shared = [], score = 0;
    topics.forEach(function (words) {
      var mine = words.find(function (w) { return problem.indexOf(w) >= 0; });
      var theirs = words.find(function (w) { return line.indexOf(w) >= 0; });
      if (mine && theirs) { score += 3; shared.push(line.indexOf(mine) >= 0 ? mine : theirs); }
    });
    var figures = [];
    finditer(FIGURE, problem).forEach(function (m) {
      if (figures.indexOf(m[0]) < 0 && line.indexOf(m[0]) >= 0) figures.push(m[0]);
    });
    score += 2 * figures.length;
    var counted = matchCounted(problem, line, counts);
    score += 2 * counted.length;
    var pieces = new Set(), runs = [], runStart = -1, runEnd = -1;
    for (var k = 0; k < problem.length - 1; k++) {
      var piece = problem.slice(k, k + 2);
      if (isHan(piece[0]) && isHan(piece[1]) && !ignore.has(piece) && line.indexOf(piece) >= 0) {
        pieces.add(piece);
        if (k > runEnd - 1) {
          if (runStart >= 0) runs.push(problem.slice(runStart, runEnd));
          runStart = k;
        }
        runEnd = k + 2;
      }
    }
    if (runStart >= 0) runs.push(problem.slice(runStart, runEnd));
    score += pieces.size;
    var shown = figures.map(function (f) { return widen(problem, f, line); });  // 12小 -> 12小时
    runs.forEach(function (run) {
      var a = 0, b = run.length;  // 是社 -> 社: a word's edge, not a word
      while (a < b && edge.indexOf(run[a]) >= 0) a++;
      while (b > a && edge.indexOf(run[b - 1]) >= 0) b--;
      run = run.slice(a, b);
      if (run.length >= 2 && !shared.concat(shown).some(function (w) { return w.indexOf(run) >= 0 || run.indexOf(w) >= 0; })) {
        shared.push(run);
      }
    });
    return [score, shared.concat(shown, counted).slice(0, SHOWN)];
  }
  function widen(problem, figure, line) {
    var start = problem.indexOf(figure), end = start + figure.length;
    var limit = Math.min(problem.length, end + 3);
    while (end < limit && isHan(problem[end]) && line.indexOf(problem.slice(start, end + 1)) >= 0) end++;
    return problem.slice(start, end);
  }
  function matchPlan(summary, plan, data) {
    var tab = tables(data);
    var sctx = new Context(prepare(String(summary)), data, tab), pctx = new Context(prepare(String(plan)), data, tab);
    var conf = data.structure;
    var topics = conf.topics.map(function (g) { return g.split("|"); }), ignore = new Set(conf.match_ignore);
    var lines = planLines(pctx), items = problemItems(sctx);
    if (items === null) return { problems: null, plan_lines: lines.length };
    return { problems: items.map(function (item) {
      var best = 0, bestShared = [], bestLine = null;
      lines.forEach(function (ln) {
        var r = matchScore(item[1], ln[1], topics, ignore, conf.match_counts, tab.edgeFunctionChars);
        if (r[0] > best) { best = r[0]; bestShared = r[1]; bestLine = ln; }
      });
      var matched = best >= conf.match_threshold;
      return { line: lineOf(sctx, item[0]), text: shortText(item[1]), matched: matched, score: best,
               plan_line: matched ? lineOf(pctx, bestLine[0]) : null, plan_text: matched ? shortText(bestLine[1]) : null,
               shared: matched ? bestShared : [] };
    }), plan_lines: lines.length };
  }

  // The safe fixes: the one definition that --fix (checker/fixes.py), the page's
  // 采纳/复制改好的文本 and the 批注版's tracked changes (修订) all use. A rule is safe when
  // data/checker/rules.yml gives it a `fix` (what the change does, for a group of findings:
  // "全部改为全角"); a finding of it with a suggestion becomes an edit. A Traditional
  // finding (one a line) becomes one edit per stretch of Traditional characters, so a
  // 修订 changes those characters only. Edits: {start, end, text, rule, finding} in UTF-16
  // units of the prepared text, sorted, never overlapping (of two that overlap, the one
  // that starts first, or the longer, is kept). `findings` as check() returns them.
  function safeEdits(text, findings, data) {
    text = prepare(String(text));
    var tab = tables(data), out = [];
    findings.forEach(function (f, index) {
      var meta = data.rules[f.rule];
      if (!meta || !meta.fix || f.suggestion === null || f.suggestion === undefined) return;
      if (f.rule !== "traditional") {
        out.push({ start: f.offset, end: f.offset + f.units, text: f.suggestion, rule: f.rule, finding: index });
        return;
      }
      for (var k = f.offset, end = f.offset + f.units; k < end;) {
        if (!tab.t2s.has(text[k])) { k++; continue; }
        var a = k;
        while (k < end && tab.t2s.has(text[k])) k++;
        out.push({ start: a, end: k, text: tab.translate(text.slice(a, k)), rule: f.rule, finding: index });
      }
    });
    out.sort(function (a, b) { return a.start - b.start || (b.end - b.start) - (a.end - a.start); });
    var kept = [], last = 0;
    out.forEach(function (e) { if (e.start >= last && e.end > e.start) { kept.push(e); last = e.end; } });
    return kept;
  }
  function applyEdits(text, edits) {
    text = prepare(String(text));
    var parts = [], at = 0;
    edits.forEach(function (e) { parts.push(text.slice(at, e.start), e.text); at = e.end; });
    parts.push(text.slice(at));
    return parts.join("");
  }
  // check + safeEdits + applyEdits: {text, changes} (what --fix writes); words as for check().
  function fix(text, data, year, words) {
    text = prepare(String(text));
    var edits = safeEdits(text, check(text, data, year, words), data);
    return { text: applyEdits(text, edits), changes: edits.length };
  }

  // [kind, the line of the checked text it starts on] of each story after the body (paras
  // and stories as annotationPlan takes them), for place().
  function storyLines(paras, stories) {
    var out = [], line = 1, next = 0;
    paras.forEach(function (pieces, p) {
      while (next < stories.length && stories[next][1] === p) out.push([stories[next++][0], line]);
      pieces.forEach(function (piece) { for (var k = 0; k < piece[0].length; k++) if (piece[0][k] === "\n") line++; });
      line++;
    });
    return out;
  }
  // Where a finding is, for people: 第3行第5字 in the body, 页眉第1行第2字 in a story after
  // it (storyLines: [kind, the line of the text it starts on] of each, in order; kinds as
  // for annotationPlan's opts.stories). The 批注版's first comment and the 报告体检 page.
  var WHERE = { body: "where-body", footnotes: "where-footnotes", endnotes: "where-endnotes",
    header: "where-header", footer: "where-footer" };
  var STORY_LABEL = { footnotes: "view-footnotes", endnotes: "view-endnotes", header: "view-header",
    footer: "view-footer" };
  function place(data, f, storyLines) {
    var kind = "body", first = 1;
    (storyLines || []).forEach(function (s) { if (s[1] <= f.line) { kind = s[0]; first = s[1]; } });
    return message(data, WHERE[kind], { line: f.line - first + 1, column: f.column });
  }
  // What the 报告体检 page's view says where a story after the body starts (以下是页眉).
  function storyLabel(data, kind) { return message(data, STORY_LABEL[kind], {}); }

  // The 批注版 (a .docx with 批注 and 修订): where findings and edits go in the document.
  // Each side reads the document into the same neutral structure, `paras`: the paragraphs
  // the checker reads (checker/readers.py, shared.js), each a list of pieces [text,
  // anchorable, editable], one piece per w:t (its text), w:tab ("\t"), w:br / w:cr ("\n"); a
  // piece is not anchorable where a comment cannot safely go (inside a field, an existing
  // 修订, a text box, a header, a footer, a note) and not editable where a change cannot
  // (the same, except headers, footers and notes); editable defaults to anchorable. The
  // checked text is the pieces joined, paragraphs joined with "\n".
  // annotationPlan says, for every piece that changes ("p:i"), what replaces it, in order:
  //   {seg: [a, b]}                a piece of the original (UTF-16 offsets in the piece's text)
  //   {seg: [a, b], del: e}        the same, deleted by edit e (a w:del)
  //   {ins: e, text}               the text edit e puts in (a w:ins), right after its deletion
  //   {mark: "start"|"end", c}     w:commentRangeStart / End of comment c
  //   {mark: "ref", c}             the run with w:commentReference of comment c (after its end)
  // comments[c] = {finding (index, or -1 for the first comment), body: [lines]}. A finding
  // that cannot be anchored is never dropped: it is listed in a first comment (c = 0) on the
  // body's first anchorable character, or, when the body has none, on `lead` (the marks to
  // put at the start of the body's first paragraph), each saying whether its fix was made as
  // a 修订 (in a header, footer or note it is); an edit in a piece that is not editable is
  // left out (`left`): its finding's comment still suggests it, and a listed finding says
  // its fix was not made as a 修订. opts.stories: [kind, first paragraph] of
  // each story after the body (footnotes, endnotes, header, footer; checker/docx.py
  // read_document), so a listed finding says where it is (页眉：…). opts.edits: the edits to
  // make (default: all the safe edits); opts.year and opts.words as for check().
  function annotationPlan(paras, data, opts) {
    opts = opts || {};
    var starts = [], flat = [], text = "", stories = opts.stories || [];
    var bodyEnd = stories.length ? stories[0][1] : paras.length;
    paras.forEach(function (pieces, p) {
      if (p) text += "\n";
      pieces.forEach(function (piece, i) {
        flat.push({ p: p, i: i, start: text.length, len: piece[0].length, ok: !!piece[1],
                    edit: !!piece[piece.length > 2 ? 2 : 1] });
        starts.push(text.length);
        text += piece[0];
      });
    });
    if (prepare(text) !== text) throw new Error("annotationPlan: a piece holds a carriage return");
    var findings = check(text, data, opts.year || null, opts.words || null);
    var edits = opts.edits || safeEdits(text, findings, data);
    function pieceAt(u) { var k = bisectRight(starts, u) - 1; return k >= 0 && u < flat[k].start + flat[k].len ? k : -1; }
    function covering(a, b) {  // pieces holding characters of [a, b)
      var out = [];
      for (var k = Math.max(0, bisectRight(starts, a) - 1); k < flat.length && flat[k].start < b; k++) {
        if (flat[k].start + flat[k].len > a && flat[k].len) out.push(k);
      }
      return out;
    }
    var events = new Map();  // piece index -> {cuts: Set, at: offset -> {ins, ends, points, starts}, dels: []}
    function slot(k) {
      if (!events.has(k)) events.set(k, { cuts: new Set([0, flat[k].len]), at: new Map(), dels: [] });
      return events.get(k);
    }
    function at(k, off) {
      var s = slot(k);
      s.cuts.add(off);
      if (!s.at.has(off)) s.at.set(off, { ins: [], ends: [], points: [], starts: [] });
      return s.at.get(off);
    }
    var made = [], left = [];
    edits.forEach(function (e) {
      var ks = covering(e.start, e.end);
      var whole = ks.length && ks.every(function (k) { return flat[k].edit; }) &&
        flat[ks[0]].start <= e.start && flat[ks[ks.length - 1]].start + flat[ks[ks.length - 1]].len >= e.end;
      for (var q = 1; whole && q < ks.length; q++) {  // the characters between must all be pieces
        if (flat[ks[q]].p !== flat[ks[q - 1]].p) whole = false;
      }
      if (!whole) { left.push(e); return; }
      var id = made.length;
      made.push(e);
      ks.forEach(function (k) {
        var a = Math.max(e.start, flat[k].start) - flat[k].start, b = Math.min(e.end, flat[k].start + flat[k].len) - flat[k].start;
        at(k, a); at(k, b);
        slot(k).dels.push([a, b, id]);
      });
      var lastK = ks[ks.length - 1];
      if (e.text) at(lastK, e.end - flat[lastK].start).ins.push(id);  // a deletion has no w:ins
    });
    var comments = [], unplaced = [];
    function anchor(f) {
      var a = f.offset, b = f.offset + f.units, ks = covering(a, b);
      if (ks.length) {
        if (!ks.every(function (k) { return flat[k].ok; })) return null;
        var k0 = ks[0], k1 = ks[ks.length - 1];
        return [k0, Math.max(a - flat[k0].start, 0), k1, Math.min(b, flat[k1].start + flat[k1].len) - flat[k1].start];
      }
      var k = pieceAt(a);
      if (k < 0) {  // at the end of a piece (a paragraph's end)
        var before = bisectRight(starts, a) - 1;
        while (before >= 0 && !flat[before].len) before--;
        if (before >= 0 && flat[before].start + flat[before].len === a) k = before;
      }
      if (k < 0 || !flat[k].ok) return null;
      return [k, a - flat[k].start, k, a - flat[k].start];
    }
    var spots = findings.map(function (f, index) { var s = anchor(f); if (!s) unplaced.push(index); return s; });
    var firstOk = -1, lead = [];
    for (var q = 0; q < flat.length && firstOk < 0 && flat[q].p < bodyEnd; q++) if (flat[q].ok && flat[q].len) firstOk = q;
    var editOf = new Map(), leftOf = new Set();
    made.forEach(function (e) { editOf.set(e.finding, (editOf.get(e.finding) || 0) + 1); });
    left.forEach(function (e) { leftOf.add(e.finding); });
    var lines = storyLines(paras, stories);
    function where(f, index) {  // one line of the first comment
      var line = message(data, "annotate-where", { where: place(data, f, lines), message: f.message, excerpt: f.excerpt });
      var fixName = { fix: data.rules[f.rule].fix };
      return line + (editOf.has(index) ? message(data, "annotate-tracked", fixName)
        : leftOf.has(index) ? message(data, "annotate-not-tracked", fixName) : "");
    }
    if (unplaced.length) {
      comments.push({ finding: -1, body: [message(data, "annotate-unplaced", { count: unplaced.length })]
        .concat(unplaced.map(function (index) { return where(findings[index], index); })) });
      if (firstOk >= 0) at(firstOk, 0).points.push(0);
      else lead = [{ mark: "start", c: 0 }, { mark: "end", c: 0 }, { mark: "ref", c: 0 }];
    }
    findings.forEach(function (f, index) {
      var s = spots[index];
      if (!s) return;
      var c = comments.length, meta = data.rules[f.rule], body = ["【" + meta.name + "】" + f.message];
      if (editOf.has(index)) body.push(message(data, "annotate-tracked", { fix: meta.fix }));
      else if (f.suggestion) body.push(message(data, "annotate-suggest", f));
      else if (f.suggestion === "") body.push(message(data, "annotate-delete", {}));
      comments.push({ finding: index, body: body });
      if (s[0] === s[2] && s[1] === s[3]) at(s[0], s[1]).points.push(c);
      else { at(s[0], s[1]).starts.push(c); at(s[2], s[3]).ends.push(c); }
    });
    var pieces = {};
    events.forEach(function (s, k) {
      var cuts = Array.from(s.cuts).sort(function (x, y) { return x - y; }), items = [];
      cuts.forEach(function (off, n) {
        var ev = s.at.get(off);
        if (ev) {
          ev.ins.forEach(function (id) { items.push({ ins: id, text: made[id].text }); });
          ev.ends.forEach(function (c) { items.push({ mark: "end", c: c }, { mark: "ref", c: c }); });
          ev.points.forEach(function (c) { items.push({ mark: "start", c: c }, { mark: "end", c: c }, { mark: "ref", c: c }); });
          ev.starts.forEach(function (c) { items.push({ mark: "start", c: c }); });
        }
        if (n + 1 < cuts.length && cuts[n + 1] > off) {
          var seg = { seg: [off, cuts[n + 1]] };
          s.dels.forEach(function (d) { if (d[0] <= off && cuts[n + 1] <= d[1]) seg.del = d[2]; });
          items.push(seg);
        }
      });
      pieces[flat[k].p + ":" + flat[k].i] = items;
    });
    return { text: text, findings: findings, edits: made, left: left, comments: comments, unplaced: unplaced,
             pieces: pieces, lead: lead };
  }

  // 台账对数: figures from the ledgers' rows (read at the edge: openpyxl on the command
  // line, read-excel-file in the browser) and the draft's figures checked against them.
  // A cell is a string, a number, a boolean, null, or a date as "YYYY-MM-DD".
  var HEADER_SCAN = 15;  // a ledger's header is within its first rows (title rows above it)
  var ROWS_LISTED = 12;  // a message lists the rows behind a figure up to this many
  var CN_DIGITS = "〇一二三四五六七八九";
  function pad2(n) { return (n < 10 ? "0" : "") + n; }
  function isoDate(y, m, d) {
    if (m < 1 || m > 12 || d < 1) return null;
    if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
    return y + "-" + pad2(m) + "-" + pad2(d);
  }
  function cellRef(col, row) {
    var s = "", n = col + 1;
    while (n > 0) { var r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); }
    return s + row;
  }
  function cellText(v) {
    if (v === null || v === undefined) return "";
    return typeof v === "string" ? strip(v.replace(/[\r\n]+/g, " ")) : String(v);
  }
  function headerKey(v) {
    return cellText(v).replace(/[\s\u3000*＊:：]/g, "").replace(/（/g, "(").replace(/）/g, ")");
  }
  // A period: 2026H1, 2026-H1, 2026H2, 2026, 2026Q3, 2026-Q3, 2026-01-01..2026-06-30.
  function parsePeriod(spec, words) {
    var s = String(spec || "").trim().toUpperCase().replace(/\s+/g, ""), m, y;
    var names = words.period_names;
    if ((m = /^(20\d\d)$/.exec(s))) {
      y = +m[1]; return { key: "year", year: y, start: y + "-01-01", end: y + "-12-31", name: names.year };
    }
    if ((m = /^(20\d\d)-?H([12])$/.exec(s))) {
      y = +m[1];
      return m[2] === "1" ? { key: "H1", year: y, start: y + "-01-01", end: y + "-06-30", name: names.H1 }
        : { key: "H2", year: y, start: y + "-07-01", end: y + "-12-31", name: names.H2 };
    }
    if ((m = /^(20\d\d)-?Q([1-4])$/.exec(s))) {
      y = +m[1]; var q = +m[2];
      return { key: "Q" + q, year: y, start: isoDate(y, q * 3 - 2, 1), end: isoDate(y, q * 3, q === 1 ? 31 : q === 4 ? 31 : 30),
               name: names["Q" + q] };
    }
    if ((m = /^(20\d\d)-(\d\d?)-(\d\d?)\.\.(20\d\d)-(\d\d?)-(\d\d?)$/.exec(s))) {
      var a = isoDate(+m[1], +m[2], +m[3]), b = isoDate(+m[4], +m[5], +m[6]);
      if (!a || !b || a > b) return null;
      return { key: "range", year: +m[1], start: a, end: b,
               name: (+m[2]) + "月" + (+m[3]) + "日至" + (m[4] !== m[1] ? m[4] + "年" : "") + (+m[5]) + "月" + (+m[6]) + "日" };
    }
    return null;
  }
  // A date as staff type it: 2026-03-05 (read at the edge), 2026年3月5日(9时), 2026.3.5, 2026/3/5,
  // 20260305, 3月5日 (the year of the period), or an Excel serial number (days since 1899-12-30).
  function parseDate(v, period) {
    var m;
    if (typeof v === "number") {
      if (v < 20000 || v > 80000) return null;
      var t = new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * 86400000);
      return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
    }
    var s = cellText(v).replace(/\s+/g, "");
    if ((m = /^(20\d\d|19\d\d)[年.\/\-．](\d{1,2})[月.\/\-．](\d{1,2})(?![0-9])/.exec(s))) return isoDate(+m[1], +m[2], +m[3]);
    if ((m = /^(20\d\d)(\d\d)(\d\d)$/.exec(s))) return isoDate(+m[1], +m[2], +m[3]);
    if ((m = /^(\d{1,2})(?:月|[.\/．])(\d{1,2})(?![0-9])/.exec(s))) {
      var y = period.year, month = +m[1];
      if (period.end.slice(0, 4) !== period.start.slice(0, 4) && month < +period.start.slice(5, 7)) y = +period.end.slice(0, 4);
      return isoDate(y, month, +m[2]);
    }
    return null;
  }
  function parseNumber(v) {
    if (typeof v === "number") return isFinite(v) ? v : null;
    var m = /^(\d+(?:\.\d+)?)(?:人次|人|名|次|条|个|场|篇)?$/.exec(cellText(v).replace(/[\s,，]/g, ""));
    return m ? parseFloat(m[1]) : null;
  }
  function Messages(data) { this.data = data; }
  Messages.prototype.msg = Context.prototype.msg;

  // The ledger a sheet holds and where its header ends: the best match of the ledgers' column
  // names over one header row, or two (a merged group heading above, or names split in two rows).
  function findHeader(rows, ledgers) {
    var best = null;
    ledgers.forEach(function (ledger) {
      var names = new Map();
      ledger.columns.forEach(function (c, i) {
        [c.name].concat(c.also).forEach(function (n) { names.set(headerKey(n), i); });
      });
      var limit = Math.min(rows.length, HEADER_SCAN);
      for (var r = 0; r < limit; r++) {
        for (var span = 1; span <= 2 && r + span <= rows.length; span++) {
          var at = new Map(), width = 0;
          for (var k = r; k < r + span; k++) width = Math.max(width, (rows[k] || []).length);
          for (var col = 0; col < width; col++) {
            for (k = r; k < r + span; k++) {
              var i = names.get(headerKey((rows[k] || [])[col]));
              if (i !== undefined && !at.has(i)) { at.set(i, col); break; }
            }
          }
          var score = at.size - (span - 1) * 0.5;
          if (at.size >= Math.max(3, Math.ceil(ledger.columns.length * 0.4)) && (!best || score > best.score)) {
            best = { ledger: ledger, at: at, first: r + span, score: score };
          }
        }
      }
    });
    return best;
  }
  function isTotalRow(cells) {
    for (var i = 0; i < Math.min(cells.length, 3); i++) {
      if (/^(合计|小计|总计|共计)/.test(headerKey(cells[i]))) return true;
    }
    return false;
  }
  function firstFilled(cells) {
    for (var i = 0; i < cells.length; i++) if (cellText(cells[i]) !== "") return cellText(cells[i]);
    return "";
  }

  // One sheet of a ledger: its usable rows as {row, date, cells by ledger column}.
  function readLedgerRows(sheet, found, period, out, M) {
    var ledger = found.ledger, cols = ledger.columns, at = found.at;
    var dateCol = ledger.roles.date !== undefined ? cols.findIndex(function (c) { return c.name === ledger.roles.date; }) : -1;
    var where = { file: sheet.file || null, sheet: sheet.name };
    function problem(severity, row, col, key, vars) {
      out.problems.push({ severity: severity, file: where.file, sheet: where.sheet, row: row,
        cell: col === null ? null : cellRef(col, row), message: M.msg(key, vars) });
    }
    var rows = [];
    if (dateCol >= 0 && !at.has(dateCol)) {  // a dated ledger without its dates: no row can be placed in the period
      problem("warning", null, null, "ledger-missing-column", { sheet: sheet.name, ledger: ledger.title, column: cols[dateCol].name,
        labels: ledger.counts.map(function (c) { return c.label; }).join("、") });
      return { rows: rows, where: where, problem: problem };
    }
    for (var r = found.first; r < sheet.rows.length; r++) {
      var raw = sheet.rows[r] || [], rowNo = r + 1;
      if (!raw.some(function (v) { return cellText(v) !== ""; })) continue;
      if (/^示例/.test(firstFilled(raw))) { problem("info", rowNo, null, "ledger-example-row", { row: rowNo }); continue; }
      if (isTotalRow(raw)) { problem("info", rowNo, null, "ledger-total-row", { row: rowNo }); continue; }
      var cells = cols.map(function (c, i) { return at.has(i) ? raw[at.get(i)] : null; });
      if (cells.every(function (v, i) { return at.has(i) && headerKey(v) === headerKey(cols[i].name); })) continue;  // header again
      var date = null;
      if (dateCol >= 0) {
        var v = cells[dateCol], col = at.get(dateCol);
        if (cellText(v) === "") { problem("warning", rowNo, col, "ledger-no-date", { cell: cellRef(col, rowNo), column: cols[dateCol].name }); continue; }
        date = parseDate(v, period);
        if (!date) {
          problem("warning", rowNo, col, "ledger-bad-date", { cell: cellRef(col, rowNo), column: cols[dateCol].name, value: cellText(v) });
          continue;
        }
      }
      rows.push({ row: rowNo, date: date, cells: cells });
    }
    return { rows: rows, where: where, problem: problem };
  }

  function addTo(map, key, amount) {  // a breakdown (by month, community …): figures only, the rows are the figure's
    if (!map[key]) map[key] = { value: 0, count: 0 };
    map[key].value += amount; map[key].count += 1;
  }
  // The figures of one ledger over the rows of all its sheets.
  function countLedger(ledger, parts, period, M) {
    var cols = ledger.columns, index = {};
    cols.forEach(function (c, i) { index[c.name] = i; });
    var roles = ledger.roles, warned = new Set(), half = period.key === "year";
    function once(part, row, i) {  // a cell is reported once, however many counts read it
      var key = part.where.file + "/" + part.where.sheet + "/" + row.row + "/" + i;
      if (warned.has(key)) return false;
      warned.add(key); return true;
    }
    var halfEnd = period.year + "-06-30";
    function inPeriod(row) { return row.date === null || (row.date >= period.start && row.date <= period.end); }
    function value(part, row, name, choices) {
      var i = index[name], v = cellText(row.cells[i]);
      if (choices && choices.length && v !== "" && choices.indexOf(v) < 0 && once(part, row, i)) {
        var col = part.found.at.get(i);
        part.problem("warning", row.row, col, "ledger-not-choice", { cell: cellRef(col, row.row), value: v, column: name });
      }
      return v;
    }
    function needs(count) { return Object.keys(count.where || {}).concat(count.sum ? [count.sum] : []); }
    function lacks(part, count) { return needs(count).filter(function (n) { return !part.found.at.has(index[n]); }); }
    parts.forEach(function (part) {  // say once per sheet which columns it lacks and what goes uncounted for it
      var missing = [];
      ledger.counts.forEach(function (c) { lacks(part, c).forEach(function (n) { if (missing.indexOf(n) < 0) missing.push(n); }); });
      missing.forEach(function (name) {
        var labels = ledger.counts.filter(function (c) { return needs(c).indexOf(name) >= 0; }).map(function (c) { return c.label; });
        part.problem("warning", null, null, "ledger-missing-column",
          { sheet: part.where.sheet, ledger: ledger.title, column: name, labels: labels.join("、") });
      });
    });
    var counts = ledger.counts.map(function (count) {
      var usable = parts.filter(function (part) { return !lacks(part, count).length; });
      var fig = { id: count.id, key: ledger.id + "/" + count.id, label: count.label, unit: count.unit,
                  within: count.within || null, open: !!count.open, value: null, rows: [], half: null,
                  by: { community: {}, month: {}, level: {}, status: {} } };
      if (!usable.length) { fig.missing = lacks(parts[0], count); return fig; }
      fig.value = 0; if (half) fig.half = 0;
      usable.forEach(function (part) {
        part.rows.forEach(function (row) {
          if (!inPeriod(row)) return;
          var ok = Object.keys(count.where || {}).every(function (name) {
            return count.where[name].indexOf(value(part, row, name, cols[index[name]].choices)) >= 0;
          });
          if (!ok) return;
          var amount = 1;
          if (count.sum) {
            var raw = row.cells[index[count.sum]], n = parseNumber(raw), col = part.found.at.get(index[count.sum]);
            if (n === null && once(part, row, index[count.sum])) {
              part.problem("warning", row.row, col, cellText(raw) === "" ? "ledger-no-number" : "ledger-not-number",
                           { cell: cellRef(col, row.row), column: count.sum, value: cellText(raw) });
            }
            amount = n || 0;
          }
          var ref = { sheet: part.where.sheet, file: part.where.file, row: row.row };
          fig.value += amount; fig.rows.push(ref);
          if (half && row.date !== null && row.date <= halfEnd) fig.half += amount;
          if (row.date) addTo(fig.by.month, row.date.slice(0, 7), amount);
          ["community", "level", "status"].forEach(function (role) {
            if (roles[role] !== undefined && part.found.at.has(index[roles[role]])) {
              addTo(fig.by[role], cellText(row.cells[index[roles[role]]]) || "（未填）", amount);
            }
          });
        });
      });
      return fig;
    });
    return counts;
  }
  // A ready sentence; a clause (up to ，or ；) whose figure a sheet cannot give (an older template
  // without that column) is left out, the rest still said; none when the first clause cannot be.
  function fillSentence(template, figs, period) {
    var byId = {};
    figs.forEach(function (f) { byId[f.id] = f; });
    var clauses = template.match(/[^，；]+[，；]?/g) || [];
    var kept = clauses.map(function (clause) {
      var missing = false;
      var text = clause.replace(/\{([a-z0-9-]+)\}/g, function (all, name) {
        if (name === "period") return period.name;
        if (name === "end") return (+period.end.slice(5, 7)) + "月" + (+period.end.slice(8, 10)) + "日";
        if (!byId[name] || byId[name].value === null) { missing = true; return all; }
        return String(byId[name].value);
      });
      return missing ? null : text;
    });
    if (!kept.length || kept[0] === null) return null;
    var text = kept.filter(function (c) { return c !== null; }).join("");
    return /。$/.test(text) ? text : text.replace(/[，；]?$/, "。");
  }

  function ledgerFigures(sheets, periodSpec, data) {
    var M = new Messages(data), words = data.ledger_words;
    var out = { period: null, ledgers: [], figures: {}, problems: [] };
    var period = parsePeriod(periodSpec, words);
    if (!period) {
      out.problems.push({ severity: "error", file: null, sheet: null, row: null, cell: null,
                          message: M.msg("ledger-bad-period", { period: String(periodSpec) }) });
      return out;
    }
    out.period = period;
    var byLedger = new Map();
    (sheets || []).forEach(function (sheet) {
      var rows = Array.isArray(sheet.rows) ? sheet.rows.map(function (r) { return Array.isArray(r) ? r : []; }) : [];
      sheet = { file: sheet.file || null, name: String(sheet.name), rows: rows };
      var found = findHeader(rows, data.ledgers);
      if (!found) {
        if (words.help_sheets.indexOf(sheet.name) < 0 && rows.some(function (r) { return r.some(function (v) { return cellText(v) !== ""; }); })) {
          out.problems.push({ severity: "info", file: sheet.file, sheet: sheet.name, row: null, cell: null,
                              message: M.msg("ledger-sheet-skipped", { sheet: sheet.name }) });
        }
        return;
      }
      var part = readLedgerRows(sheet, found, period, out, M);
      part.found = found;
      if (!byLedger.has(found.ledger.id)) byLedger.set(found.ledger.id, []);
      byLedger.get(found.ledger.id).push(part);
    });
    if (!byLedger.size) {
      out.problems.push({ severity: "error", file: null, sheet: null, row: null, cell: null, message: M.msg("ledger-none", {}) });
    }
    data.ledgers.forEach(function (ledger) {
      var parts = byLedger.get(ledger.id);
      if (!parts) return;
      var counts = countLedger(ledger, parts, period, M);
      counts.forEach(function (f) { out.figures[f.key] = f; });
      out.ledgers.push({
        id: ledger.id, title: ledger.title, dated: ledger.roles.date !== undefined,
        sheets: parts.map(function (p) { return { file: p.where.file, sheet: p.where.sheet, header_row: p.found.first, rows: p.rows.length }; }),
        counts: counts,
        sentences: ledger.sentences.map(function (s) { return fillSentence(s, counts, period); }).filter(function (s) { return s; })
      });
    });
    return out;
  }

  function rowsText(fig, M) {
    if (!fig.rows.length) return M.msg("rows-none", {});
    var sheets = [];
    fig.rows.forEach(function (r) { if (sheets.indexOf(r.sheet) < 0) sheets.push(r.sheet); });
    return sheets.map(function (sheet) {
      var rows = fig.rows.filter(function (r) { return r.sheet === sheet; }).map(function (r) { return r.row; });
      return rows.length <= ROWS_LISTED ? M.msg("rows-few", { sheet: sheet, list: rows.join("、") })
        : M.msg("rows-many", { sheet: sheet, n: rows.length });
    }).join("，");
  }
  function columnOf(ctx, offset) { return cpLen(ctx.norm.slice(ctx.lineStarts[lineOf(ctx, offset) - 1], offset)) + 1; }
  function sentenceSpans(text) {
    var spans = [], start = 0, re = /[。；！？\n]/gu, m;
    while ((m = re.exec(text)) !== null) { spans.push([start, m.index]); start = m.index + 1; }
    spans.push([start, text.length]);
    return spans.filter(function (s) { return s[1] > s[0]; });
  }
  // The figures of a text that name a counted thing, each with the period its sentence speaks of
  // (about: "H1", "year", or null for the period chosen; a half-year report's unmarked sentences
  // speak of the half-year: defaultAbout "H1").
  function findMentions(text, data, defaultAbout) {
    var words = data.ledger_words, ctx = new Context(prepare(String(text)), data, tables(data));
    var norm = ctx.norm, seen = new Set(), mentions = [];
    function marked(sentence, list) { return list.some(function (w) { return sentence.indexOf(w) >= 0; }); }
    var patterns = [];  // compiled once per call: every written pattern of every count
    data.ledgers.forEach(function (ledger) {
      ledger.counts.forEach(function (count) {
        (count.written || []).forEach(function (src) { patterns.push([ledger, count, new RegExp(src, "gdu")]); });
      });
    });
    sentenceSpans(norm).forEach(function (span) {
      var sentence = norm.slice(span[0], span[1]);
      if (!/[0-9]/.test(sentence)) return;
      var about = marked(sentence, words.period_marks.H1) ? "H1" : marked(sentence, words.period_marks.year) ? "year" : defaultAbout;
      patterns.forEach(function (p) {
        var ledger = p[0], count = p[1];
        finditer(p[2], sentence).forEach(function (m) {
          var at = span[0] + m.indices[1][0], key = ledger.id + "/" + count.id;
          if (seen.has(key + "@" + at)) return;
          seen.add(key + "@" + at);
          var approx = /^[余多]/.test(norm.slice(at + m[1].length, at + m[1].length + 1));
          mentions.push({ key: key, ledger: ledger.id, count: count.id, label: count.label, unit: count.unit,
                          written: parseInt(m[1], 10), approx: approx, about: about, start: at, length: m[1].length,
                          excerpt: shortText(strip(sentence)) });
        });
      });
    });
    mentions.sort(function (a, b) { return a.start - b.start; });
    mentions.forEach(function (mt) { mt.line = lineOf(ctx, mt.start); mt.column = columnOf(ctx, mt.start); delete mt.start; });
    return mentions;
  }
  // One mention against the ledgers' figure: equal, differs, no-ledger or other-period, with its message.
  function judgeMention(mt, fig, period, M, words, titles) {
    var vars = { label: mt.label, unit: mt.unit, written: mt.written, ledger: titles[mt.ledger] };
    var value = null;
    if (!fig || fig.value === null) { mt.status = "no-ledger"; mt.message = M.msg("figure-no-ledger", vars); return; }
    if (period && mt.about === "H1" && period.key === "year") value = fig.half;
    else if (period && mt.about && mt.about !== period.key && !(mt.about === "year" && period.key === "year")) {
      mt.status = "other-period";
      mt.message = M.msg("figure-other-period", { period: words.period_names[mt.about] });
      return;
    } else value = fig.value;
    var tens = Math.pow(10, (String(mt.written).match(/0*$/) || [""])[0].length);
    var equal = mt.approx ? value >= mt.written && value < mt.written + tens : value === mt.written;
    vars.value = value; vars.rows = rowsText(fig, M);
    mt.status = equal ? "equal" : "differs";
    mt.ledger_value = value;
    if (!equal) mt.rows = fig.rows;  // where to look; an equal figure's rows are in result.figures[key]
    mt.message = M.msg(equal ? (mt.approx ? "figure-approx" : "figure-equal") : "figure-differs", vars);
  }
  // The figures of the draft that name a counted thing, each compared with the ledgers' figure; with
  // the half-year report of the same year (half, optional), its figures too, and the year's figures
  // of the draft are never below the half-year's.
  function checkFigures(text, result, data, half) {
    var M = new Messages(data), words = data.ledger_words;
    var period = result.period, figures = result.figures || {};
    var titles = {};
    data.ledgers.forEach(function (l) { titles[l.id] = l.title; });
    var mentions = findMentions(text, data, null);
    var halfMentions = half ? findMentions(half, data, "H1") : null;
    mentions.concat(halfMentions || []).forEach(function (mt) { judgeMention(mt, figures[mt.key], period, M, words, titles); });
    // the year's figure is never below the half-year's, in the draft as in the ledgers
    var problems = [], halves = {}, years = {};
    function add(map, mt) { (map[mt.key] = map[mt.key] || []).push(mt); }
    mentions.forEach(function (mt) {
      if (mt.about === "H1") add(halves, mt);
      if (mt.about === "year" || (halfMentions && mt.about === null && period && period.key === "year")) add(years, mt);
    });
    (halfMentions || []).forEach(function (mt) { if (mt.about === "H1") { mt.in_half = true; add(halves, mt); } });
    Object.keys(halves).forEach(function (key) {
      (years[key] || []).forEach(function (y) {
        halves[key].forEach(function (h) {
          if (h.written > y.written) {
            var vars = { half: h.written, year: y.written, unit: y.unit, label: y.label, line: h.line };
            problems.push({ key: key, line: y.line, column: y.column, half: h.written, year: y.written, in_half: !!h.in_half,
              message: M.msg(h.in_half ? "figure-half-report-above-year" : "figure-half-above-year", vars) });
          }
        });
      });
    });
    (halfMentions || []).forEach(function (mt) { delete mt.in_half; });
    return { mentions: mentions, problems: problems, half: halfMentions };
  }

  var api = { check: check, prepare: prepare, matchPlan: matchPlan, cnNumber: cnNumber,
    safeEdits: safeEdits, applyEdits: applyEdits, fix: fix, annotationPlan: annotationPlan, place: place,
    storyLines: storyLines, storyLabel: storyLabel,
    ledgerFigures: ledgerFigures, checkFigures: checkFigures, parseDate: function (v, spec, data) { return parseDate(v, parsePeriod(spec, data.ledger_words)); },
    detectYear: function (text, data) { return detectYear(new Context(prepare(String(text)), data, tables(data))); },
    // the language model's log10 probability of a stretch (checker/langmodel.py Model.score), null without one;
    // asked once with no text, it makes the model's tables (the 报告体检 page does so before the first check)
    lmScore: function (text, data) { var t = tables(data); return t.lmData ? lmScore(modelOf(t), String(text)) : null; } };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.GuideChecker = api;
})(typeof self !== "undefined" ? self : this);
