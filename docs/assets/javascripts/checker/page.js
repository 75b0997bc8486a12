/*
 * 报告体检 page: paste or open a draft (shared.js reads it), check it with
 * GuideChecker (engine.js) against GUIDE_CHECKER_DATA (downloads/checker-data.js),
 * show the findings in place; group the safe fixes to accept or reject, copy the fixed text,
 * and, for an opened .docx, download its 批注版 (annotate.js). The context typo rule's word list
 * (downloads/checker-typo-data.js, most of the checker's bytes; the 的/地/得 rule's word classes come
 * with it) is loaded by a script tag after the
 * page is usable (a script, not fetch(), so that it works from file:// too); the check runs again
 * when it has arrived. Its word-pair evidence (downloads/checker-pair-data.js, open-gram's word
 * pairs) follows the same way once the word list is there, and its language model
 * (downloads/checker-lm-data.js, libime's) once the pairs are; without them the rule runs as before. Nothing leaves the computer: no fetch, no XHR, no form submission.
 * The draft is kept in localStorage until the user clicks 清空.
 * 我的词表: a finding of a typo rule has a button 不是错字 that adds the text it marks to the user's
 * own words (kept in localStorage under its own key, which 清空 leaves alone; for the session only
 * where the browser allows no storage); the engine reads them as names no typo rule reports
 * (GuideChecker.check's words), and the panel under the results lists them, to remove. The list is
 * exported as a text file (a Blob and an <a download>, nothing sent) in the format of the command line's
 * --words (checker/readers.py read_words), and such a file is imported into it (read in the browser).
 */
(function () {
  "use strict";
  var KEY = "guide-checker-draft-v1";
  var YEAR_KEY = "guide-checker-year-v1";
  var LABEL = { error: "错误", warning: "警告", info: "提示" };
  var RANK = { error: 0, warning: 1, info: 2 };
  var MAX_SHOWN = 1500;
  var ALSO_SHOWN = 20;  // places linked under a finding read the same way again; the others in the text only
  var WORDS_KEY = "guide-checker-words-v1";
  var WORD_MAX = 40;  // characters: a longer stretch is no name (the button is not offered)
  var PAIR_RERUN_MAX = 50000;  // characters: a longer text is not checked again when the word pairs or the model arrive
  var typoState = "loading";
  var TYPO_NOTE = {
    loading: "上下文错别字和“的”“地”“得”的词表正在加载，加载后自动再查一遍。",
    ready: "",
    missing: "上下文错别字和“的”“地”“得”的词表（downloads/checker-typo-data.js）没有加载，这两项没有查；其他各项照常。"
  };

  var $ = window.GuidePage.byId, el = window.GuidePage.el;
  function guideHref(guide) {
    var parts = guide.split("#");
    var page = parts[0].replace(/\.md$/, ".html");
    var here = "checker/index.html";
    var href = page === here ? "" : "../" + page;
    return href + (parts[1] ? "#" + encodeURIComponent(parts[1]) : "");
  }

  // Rendering. storyLines: for an opened .docx, [kind, line] of each story after the body
  // (GuideChecker.storyLines: footnotes, endnotes, headers, footers), so a finding there says
  // where it is (页眉第1行第3字) and the view names each story where it starts.
  function storyStarts(text, storyLines, data) {  // offset -> label
    var out = new Map(), line = 1, at = 0;
    (storyLines || []).forEach(function (s) {
      while (line < s[1] && at >= 0) { at = text.indexOf("\n", at) + 1; line++; if (!at) at = -1; }
      if (at >= 0) out.set(at, GuideChecker.storyLabel(data, s[0]));
    });
    return out;
  }
  function renderView(view, text, findings, storyLines, data) {
    view.textContent = "";
    var n = text.length, bounds = new Set([0, n]), labels = storyStarts(text, storyLines, data);
    labels.forEach(function (label, at) { bounds.add(at); });
    findings.forEach(function (f) {
      var a = Math.min(f.offset, n), b = Math.min(f.offset + Math.max(f.units, 1), n);
      bounds.add(a); bounds.add(b);
    });
    var points = Array.from(bounds).sort(function (a, b) { return a - b; });
    var covering = findings.map(function (f, i) { return [f.offset, f.offset + Math.max(f.units, 1), i]; })
      .sort(function (x, y) { return x[0] - y[0]; });
    var frag = document.createDocumentFragment(), active = [], next = 0;
    for (var k = 0; k < points.length - 1; k++) {
      var a = points[k], b = points[k + 1], piece = text.slice(a, b);
      if (labels.has(a)) frag.appendChild(el("span", "checker-story", labels.get(a)));
      while (next < covering.length && covering[next][0] <= a) active.push(covering[next++]);
      active = active.filter(function (c) { return c[1] > a; });
      var here = active.filter(function (c) { return c[0] <= a && b <= c[1]; });
      if (!here.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      here.sort(function (x, y) { return RANK[findings[x[2]].severity] - RANK[findings[y[2]].severity]; });
      var top = findings[here[0][2]];
      var mark = el("mark", "checker-mark checker-" + top.severity, piece || " ");
      mark.dataset.finding = String(here[0][2]);
      mark.title = here.map(function (c) { return findings[c[2]].message; }).join("\n");
      if (a === top.offset) mark.id = "checker-at-" + here[0][2];
      frag.appendChild(mark);
    }
    view.appendChild(frag);
  }

  function renderSummary(box, findings, data) {
    box.textContent = "";
    // one row per rule and level: a rule's findings may carry different levels (a likely typo is
    // an error, a possible one a warning), so the table agrees with the totals above it
    var totals = { error: 0, warning: 0, info: 0 }, byRule = {};
    findings.forEach(function (f) {
      var key = f.rule + "|" + f.severity;
      totals[f.severity]++;
      byRule[key] = (byRule[key] || 0) + 1;
    });
    var head = el("p", "checker-totals");
    head.textContent = findings.length ? "共发现 " + totals.error + " 个错误、" + totals.warning + " 个警告、" +
      totals.info + " 个提示。" : "没有发现问题。仍请对照报送前自查清单逐项核对。";
    box.appendChild(head);
    if (!findings.length) return;
    var table = el("table");  // no class: Material styles plain tables
    var tr = el("tr");
    ["问题类型", "级别", "数量"].forEach(function (h) { tr.appendChild(el("th", null, h)); });
    table.appendChild(tr);
    Object.keys(byRule).sort(function (a, b) {
      return RANK[a.split("|")[1]] - RANK[b.split("|")[1]] || byRule[b] - byRule[a];
    }).forEach(function (key) {
      var rule = key.split("|")[0], severity = key.split("|")[1];
      var row = el("tr"), meta = data.rules[rule], cell = el("td");
      var link = el("a", null, meta.name);
      link.href = guideHref(meta.guide);
      cell.appendChild(link);
      row.appendChild(cell);
      row.appendChild(el("td", "checker-sev-" + severity, LABEL[severity]));
      row.appendChild(el("td", null, String(byRule[key])));
      table.appendChild(row);
    });
    box.appendChild(table);
  }

  // The user's own words (我的词表): an array in localStorage, else in sessionStorage, else in this
  // page only (file:// or a browser that allows no storage: the page works, the list is not kept).
  function Words(key) {
    var local = null, session = null, list = null;
    try { local = window.localStorage || null; } catch (e) { /* file:// may refuse it */ }
    try { session = window.sessionStorage || null; } catch (e) { /* the same */ }
    this.key = key; this.stores = [];
    [local, session].forEach(function (store) {
      if (!store) return;
      try {
        var raw = store.getItem(key);
        this.stores.push(store);
        if (list === null && raw !== null) list = JSON.parse(raw);
      } catch (e) { /* a store that cannot be read is none */ }
    }, this);
    this.list = Array.isArray(list) ? list.filter(function (w) { return typeof w === "string" && w; }) : [];
    this.kept = !!local && this.stores[0] === local;  // kept after the page is closed
  }
  // Written to the first store that takes it; one that refuses is dropped (the list then lasts the session).
  Words.prototype.save = function () {
    while (this.stores.length) {
      try { this.stores[0].setItem(this.key, JSON.stringify(this.list)); break; }
      catch (e) { this.stores.shift(); this.kept = false; }
    }
  };
  Words.prototype.add = function (word) {
    if (word && this.list.indexOf(word) < 0) { this.list.push(word); this.save(); }
  };
  Words.prototype.remove = function (word) {
    this.list = this.list.filter(function (w) { return w !== word; });
    this.save();
  };
  Words.prototype.clear = function () { this.list = []; this.save(); };
  // Words added at once (an import): [added, already listed].
  Words.prototype.merge = function (words) {
    var had = new Set(this.list), added = 0;
    words.forEach(function (w) { if (!had.has(w)) { had.add(w); this.list.push(w); added++; } }, this);
    if (added) this.save();
    return [added, words.length - added];
  };

  // A word list as a file, in the format of checker/readers.py read_words (check_report.py --words):
  // UTF-8, a BOM allowed, one word a line (the line breaks of Python's str.splitlines), what follows a #
  // a comment, each word stripped of the characters read_words strips, blank lines skipped, each word
  // once. The words are those the button 不是错字 could add: at most WORD_MAX characters (the longer
  // are skipped and counted).
  var WORDS_FILE_MAX = 1024 * 1024;  // bytes, readers.WORDS_MAX_BYTES
  var WORDS_HELP = "词表是 UTF-8 编码的文本文件，一行一个词，# 后面是注释。";
  var LINE_BREAK = /\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]/;
  var STRIPPED = /^[ \t\u3000\u00a0\ufeff]+|[ \t\u3000\u00a0\ufeff]+$/g;
  function wordOfLine(line) { return line.split("#", 1)[0].replace(STRIPPED, ""); }
  // {words, long (how many were over WORD_MAX)} of the file's bytes; throws an Error saying why not.
  function parseWordsFile(bytes) {
    var text;
    try {
      if (bytes.indexOf(0) >= 0) throw new Error("binary");  // a NUL: no text (UTF-16, a Word document)
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);  // drops a BOM, as utf-8-sig
    } catch (e) {
      throw new Error("这个文件不是 UTF-8 编码的文本，没有导入。请用记事本打开，“另存为”时编码选 UTF-8，再导入。");
    }
    var seen = new Set(), words = [], long = 0;
    text.split(LINE_BREAK).forEach(function (line) {
      var w = wordOfLine(line);
      if (!w || seen.has(w)) return;
      seen.add(w);
      if (Array.from(w).length > WORD_MAX) long++;
      else words.push(w);
    });
    if (!words.length) {
      throw new Error(long ? "这个文件里的词都超过 " + WORD_MAX + " 个字，不像是地名或名称，没有导入。"
        : "这个文件里没有词（只有空行或 # 后面的注释），没有导入。" + WORDS_HELP);
    }
    return { words: words, long: long };
  }
  // The file's text (CRLF and a BOM, so that Notepad of any Windows opens it right): a comment saying
  // what it is and when, then the words read_words reads back as they are ([text, words left out]).
  function wordsFileText(list, date) {
    var out = [], left = 0;
    list.forEach(function (w) { if (wordOfLine(w) === w && w.split(LINE_BREAK).length === 1) out.push(w); else left++; });
    var head = ["# 报告体检 我的词表，导出于 " + date.getFullYear() + "年" + (date.getMonth() + 1) + "月" + date.getDate() + "日",
      "# 一行一个词，# 后面是注释；命令行检查时用 --words 我的词表.txt"];
    return ["\ufeff" + head.concat(out).join("\r\n") + "\r\n", left];
  }
  function download(bytes, type, name) {
    var link = el("a");
    link.href = URL.createObjectURL(new Blob([bytes], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  function isTypoRule(rule) { return rule.indexOf("typo-") === 0; }

  // The typo findings that mark the same characters the same way (a name no list holds, written
  // fourteen times; a slip the writer's input method makes each time): index -> the indexes of the
  // findings alike, in order, one array shared by all of them (the first one's item lists the others).
  function sameReadings(findings, text) {
    var groups = new Map(), out = new Map();
    findings.forEach(function (f, i) {
      if (!isTypoRule(f.rule)) return;
      var key = [f.rule, f.severity, text.slice(f.offset, f.offset + f.units), f.suggestion, f.message].join("\u0000");
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(i);
      out.set(i, groups.get(key));
    });
    return out;
  }

  // onNotTypo(word): the button 不是错字 of a typo finding was clicked; text: the text checked.
  // A typo finding read the same way again is one item, its other places linked under it.
  function renderList(list, findings, data, storyLines, text, onNotTypo) {
    list.textContent = "";
    var alike = sameReadings(findings, text);
    findings.forEach(function (f, i) {
      var same = alike.get(i);
      if (same && same[0] !== i) return;  // listed under the first alike
      var item = el("li", "checker-item checker-" + f.severity);
      item.id = "checker-item-" + i;
      var where = el("a", "checker-where", GuideChecker.place(data, f, storyLines));
      where.href = "#checker-at-" + i;
      item.appendChild(el("span", "checker-sev", LABEL[f.severity]));
      item.appendChild(where);
      item.appendChild(el("span", "checker-rule", data.rules[f.rule].name));
      item.appendChild(el("div", "checker-msg", f.message));
      if (f.suggestion) item.appendChild(el("div", "checker-fix", "建议改为：" + f.suggestion));
      else if (f.suggestion === "") item.appendChild(el("div", "checker-fix", "建议删除。"));
      if (same && same.length > 1) {
        var also = el("div", "checker-also", "同样写法共 " + same.length + " 处，另见：");
        same.slice(1).forEach(function (j, k) {
          // a mark of the text there leads to this item (by the id); past ALSO_SHOWN places, an empty anchor only
          var link = k < ALSO_SHOWN ? el("a", null, GuideChecker.place(data, findings[j], storyLines)) : el("span");
          link.id = "checker-item-" + j;
          if (k < ALSO_SHOWN) {
            link.href = "#checker-at-" + j;
            if (k) also.appendChild(document.createTextNode("、"));
          } else if (k === ALSO_SHOWN) also.appendChild(document.createTextNode("等"));
          also.appendChild(link);
        });
        item.appendChild(also);
      }
      var more = el("a", "checker-guide", "说明");
      more.href = guideHref(f.guide);
      item.appendChild(more);
      var word = text.slice(f.offset, f.offset + f.units).trim();
      if (isTypoRule(f.rule) && word && word.indexOf("\n") < 0 && Array.from(word).length <= WORD_MAX) {
        var not = el("button", "md-button checker-notypo", "不是错字");
        not.type = "button";
        not.title = "把“" + word + "”加进我的词表，以后不再当作错字提示";
        not.addEventListener("click", function () { onNotTypo(word); });
        item.appendChild(not);
      }
      list.appendChild(item);
    });
  }

  // Safe fixes (rules with a `fix` in data/checker/rules.yml, GuideChecker.safeEdits): one group
  // per rule ("157 处半角标点，全部改为全角"), each suggestion or group accepted or rejected,
  // undo; the accepted ones make the copied text and the 批注版's tracked changes.
  var MAX_LISTED = 300;
  function editKey(e) { return e.start + ":" + e.end + ":" + e.text; }
  function Fixes(box, onChange) {
    this.box = box; this.onChange = onChange;
    this.text = null; this.edits = []; this.findings = []; this.rejected = new Set(); this.history = [];
    this.open = new Set();  // the groups whose list is open, kept open when the list is drawn again
  }
  Fixes.prototype.update = function (text, findings, data, storyLines) {
    if (text !== this.text) { this.rejected = new Set(); this.history = []; }
    this.text = text; this.findings = findings; this.data = data; this.storyLines = storyLines;
    this.edits = window.GuideChecker.safeEdits(text, findings, data);
  };
  Fixes.prototype.accepted = function () {
    var rejected = this.rejected;
    return this.edits.filter(function (e) { return !rejected.has(editKey(e)); });
  };
  Fixes.prototype.set = function (edits, accept) {
    this.history.push(new Set(this.rejected));
    var rejected = this.rejected;
    edits.forEach(function (e) { if (accept) rejected.delete(editKey(e)); else rejected.add(editKey(e)); });
    this.onChange();
  };
  Fixes.prototype.undo = function () {
    if (this.history.length) { this.rejected = this.history.pop(); this.onChange(); }
  };
  Fixes.prototype.render = function (list, data) {
    var self = this, groups = new Map();
    // each group keeps the state it is drawn in now, read here and not from its toggle event, which comes later
    // than a check drawn again at once (the word pairs or the language model arriving)
    Array.prototype.forEach.call(list.querySelectorAll(".checker-group"), function (item) {
      var details = item.querySelector("details");
      if (details && details.open) self.open.add(item.dataset.rule); else if (details) self.open.delete(item.dataset.rule);
    });
    list.textContent = "";
    this.edits.forEach(function (e) {
      if (!groups.has(e.rule)) groups.set(e.rule, []);
      groups.get(e.rule).push(e);
    });
    groups.forEach(function (edits, rule) {
      var meta = data.rules[rule], taken = edits.filter(function (e) { return !self.rejected.has(editKey(e)); }).length;
      var item = el("li", "checker-group"), head = el("div", "checker-group-head");
      item.dataset.rule = rule;
      head.appendChild(el("span", "checker-group-label", edits.length + " 处" + meta.name + "，全部" + meta.fix +
        (taken === edits.length ? "" : "（已采纳 " + taken + " 处）")));
      [["全部采纳", true], ["全部不采纳", false]].forEach(function (b) {
        var button = el("button", "md-button checker-group-" + (b[1] ? "accept" : "reject"), b[0]);
        button.type = "button";
        button.addEventListener("click", function () { self.set(edits, b[1]); });
        head.appendChild(button);
      });
      item.appendChild(head);
      var details = el("details"), ol = el("ol");
      details.open = self.open.has(rule);
      details.appendChild(el("summary", null, "逐条查看"));
      edits.slice(0, MAX_LISTED).forEach(function (e) {
        var f = self.findings[e.finding], rejected = self.rejected.has(editKey(e));
        var li = el("li", "checker-edit" + (rejected ? " is-rejected" : ""));
        li.appendChild(self.shown(e, f));
        var button = el("button", "md-button", rejected ? "采纳" : "不采纳");
        button.type = "button";
        button.addEventListener("click", function () { self.set([e], rejected); });
        li.appendChild(button);
        ol.appendChild(li);
      });
      if (edits.length > MAX_LISTED) ol.appendChild(el("li", null, "……其余 " + (edits.length - MAX_LISTED) + " 处同样处理"));
      details.appendChild(ol);
      item.appendChild(details);
      list.appendChild(item);
    });
    this.box.hidden = !this.edits.length && !this.docxReady;
  };

  // One suggestion in its place: 第5行：…前文<del>,</del><ins>，</ins>后文…
  var AROUND = 8;
  Fixes.prototype.shown = function (e, f) {
    var text = this.text, span = el("span", "checker-edit-text",
      GuideChecker.place(this.data, f, this.storyLines) + "：");
    var a = Math.max(text.lastIndexOf("\n", e.start - 1) + 1, e.start - AROUND);
    var lineEnd = text.indexOf("\n", e.end), b = Math.min(lineEnd < 0 ? text.length : lineEnd, e.end + AROUND);
    span.appendChild(document.createTextNode((a > 0 && text[a - 1] !== "\n" ? "…" : "") + text.slice(a, e.start)));
    span.appendChild(el("del", null, text.slice(e.start, e.end)));
    if (e.text) span.appendChild(el("ins", null, e.text));
    span.appendChild(document.createTextNode(text.slice(e.end, b) + (b < text.length && text[b] !== "\n" ? "…" : "")));
    return span;
  };

  function copyText(text, status, note) {
    note = note || "";
    function fallback() {
      var area = el("textarea");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      status.textContent = ok ? "已复制改好的文本，可以粘贴回 Word 或 WPS。" + note : "浏览器不允许复制，请在上面的框里全选复制。";
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = "已复制改好的文本，可以粘贴回 Word 或 WPS。" + note;
      }, fallback);
    } else fallback();
  }

  function init() {
    var input = $("checker-input");
    if (!input) return;
    var data = window.GUIDE_CHECKER_DATA;
    var status = $("checker-status");
    if (!data || !window.GuideChecker) {
      status.textContent = "规则数据没有加载，请确认 downloads/checker-data.js 与本页一同部署。";
      return;
    }
    var yearInput = $("checker-year"), view = $("checker-view"), list = $("checker-list");
    var summary = $("checker-summary");
    var opened = null;  // the .docx the text came from: {docx, text, storyLines}
    var words = new Words(WORDS_KEY);
    var wordsBox = $("checker-words"), wordsStatus = $("checker-words-status");
    function renderWords() {
      if (!wordsBox) return;
      var ul = $("checker-words-list"), n = words.list.length;
      $("checker-words-count").textContent = n ? "（" + n + " 个）" : "";
      ul.textContent = "";
      words.list.forEach(function (w) {
        var li = el("li", "checker-word");
        li.appendChild(el("span", "checker-word-text", w));
        var remove = el("button", "md-button checker-word-remove", "移除");
        remove.type = "button";
        remove.title = "从我的词表中移除“" + w + "”";
        remove.addEventListener("click", function () { words.remove(w); renderWords(); run(); });
        li.appendChild(remove);
        ul.appendChild(li);
      });
      $("checker-words-empty").hidden = n > 0;
      $("checker-words-clear").disabled = !n;
      $("checker-words-export").disabled = !n;
      $("checker-words-session").hidden = !!words.kept;
    }
    function notTypo(word) {
      words.add(word);
      renderWords();
      run();
    }
    if (wordsBox) {
      $("checker-words-clear").addEventListener("click", function () {
        if (!words.list.length || !window.confirm("清空我的词表？清空后这些词又会当作可能的错字提示。")) return;
        words.clear(); renderWords(); run();
        wordsStatus.textContent = "";
      });
      $("checker-words-export").addEventListener("click", function () {
        var made = wordsFileText(words.list, new Date());
        download(made[0], "text/plain;charset=utf-8", "我的词表.txt");
        wordsStatus.textContent = "已导出 " + (words.list.length - made[1]) + " 个词（我的词表.txt），可以在浏览器的下载记录里找到这个文件。" +
          (made[1] ? made[1] + " 个词含有 # 或换行，没有导出。" : "");
      });
      $("checker-words-file").addEventListener("change", function (ev) {
        var file = ev.target.files && ev.target.files[0];
        ev.target.value = "";  // the same file may be chosen again
        if (!file) return;
        var said = function (text) { wordsStatus.textContent = "导入“" + file.name + "”：" + text; };
        if (file.size > WORDS_FILE_MAX) { said("文件超过 1 MB，不像是一份词表，没有导入。" + WORDS_HELP); return; }
        file.arrayBuffer().then(function (buf) {
          var read;
          try { read = parseWordsFile(new Uint8Array(buf)); } catch (err) { said(err.message); return; }
          var counts = words.merge(read.words);
          renderWords();
          run();  // the imported words' findings go at once
          said("新加了 " + counts[0] + " 个词" + (counts[1] ? "，" + counts[1] + " 个词表里已经有了" : "") +
            (read.long ? "；" + read.long + " 个超过 " + WORD_MAX + " 个字，没有加" : "") + "。");
        }, function () { said("浏览器读不了这个文件，没有导入；请把文件复制到本机再试。"); });
      });
    }
    var fixes = new Fixes($("checker-fixes"), function () { renderFixes(); });
    var annotateButton = $("checker-annotate");
    function renderFixes() {
      fixes.docxReady = !!(opened && opened.text === input.value);
      annotateButton.hidden = !fixes.docxReady;
      $("checker-undo").disabled = !fixes.history.length;
      fixes.render($("checker-groups"), data);
    }
    $("checker-undo").addEventListener("click", function () { fixes.undo(); });
    $("checker-copy").addEventListener("click", function () {
      // of an opened .docx, the body only: its headers, footers and notes would land in the body
      var text = fixes.text, edits = fixes.accepted(), lines = opened && opened.text === input.value ? opened.storyLines : [];
      var starts = Array.from(storyStarts(text, lines, data).keys()), note = "";
      if (starts.length) {
        var end = Math.max(starts[0] - 2, 0);  // before the empty line that opens the first story
        text = text.slice(0, end);
        edits = edits.filter(function (e) { return e.end <= end; });
        note = "复制的只是正文；页眉、页脚和脚注、尾注的修改请用批注版。";
      }
      copyText(window.GuideChecker.applyEdits(text, edits), status, note);
    });
    annotateButton.addEventListener("click", function () {
      var year = parseInt(yearInput.value, 10) || null, t0 = performance.now(), built;
      try {
        built = window.GuideAnnotate.build(opened.docx, data, { year: year, edits: fixes.accepted(), words: words.list });
      } catch (err) {
        status.textContent = "无法生成批注版：" + err.message;
        return;
      }
      download(built.bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        opened.docx.name.replace(/\.docx$/i, "") + "-批注版.docx");
      var plan = built.plan;
      status.textContent = "已生成批注版（用时 " + Math.round(performance.now() - t0) + " 毫秒）：" + plan.findings.length +
        " 处问题写成批注，" + plan.edits.length + " 处修改写成修订" +
        (plan.unplaced.length ? "，" + plan.unplaced.length + " 处无法定位，列在第一条批注里" : "") + "。";
      document.body.dataset.checkerAnnotated = String(plan.comments.length);
    });
    function run() {
      var text = input.value, year = parseInt(yearInput.value, 10) || null;
      var t0 = performance.now();
      var findings = window.GuideChecker.check(text, data, year, words.list);
      var ms = performance.now() - t0;
      var shown = window.GuideChecker.prepare(text);
      var used = year || window.GuideChecker.detectYear(text, data)[0];
      var listed = findings.slice(0, MAX_SHOWN);  // a huge paste must not freeze the page
      var lines = opened && opened.text === text ? opened.storyLines : [];
      renderSummary(summary, findings, data);
      renderList(list, listed, data, lines, shown, notTypo);
      renderView(view, shown, listed, lines, data);
      fixes.update(shown, findings, data, lines);
      renderFixes();
      status.textContent = text ? "已检查 " + Array.from(shown).length + " 字，用时 " + Math.round(ms) + " 毫秒；" +
        (used ? "按 " + used + " 年核对会议和提法。" : "未能从标题确定年份，可在右侧填写年份。") +
        (findings.length > MAX_SHOWN ? "问题太多，下面只标出前 " + MAX_SHOWN + " 处，改完后再检查一遍。" : "") +
        TYPO_NOTE[typoState] : "";
      document.body.dataset.checkerRuns = String((parseInt(document.body.dataset.checkerRuns || "0", 10)) + 1);
    }
    var drafts = {};
    drafts[KEY] = input;
    drafts[YEAR_KEY] = yearInput;
    var save = window.GuidePage.keepDrafts(drafts, status, run, $("checker-run"), $("checker-clear"));
    window.GuidePage.openInto($("checker-file"), status, function (text, docx) {
      opened = docx ? { docx: docx, text: text,
        storyLines: GuideChecker.storyLines(docx.read.engineParagraphs(), docx.read.stories) } : null;
      input.value = text; save(); run();
    });
    view.addEventListener("click", function (ev) {
      var mark = ev.target.closest("mark[data-finding]");
      if (!mark) return;
      var item = $("checker-item-" + mark.dataset.finding);
      if (item) item = item.closest(".checker-item");  // a place listed under the first alike
      if (item) { item.scrollIntoView({ block: "nearest" }); item.classList.add("checker-flash");
        setTimeout(function () { item.classList.remove("checker-flash"); }, 1200); }
    });
    renderWords();
    run();
    // checked again when late data arrives: the findings follow it, but a message about a file
    // (无法读取 …: not a Word document, over 50 MB) or one being read stays where it is; an empty box
    // has nothing to check again
    function recheck() {
      var said = status.textContent;
      if (!input.value) { warm(); return; }
      run();
      if (said && said.indexOf("已检查") !== 0) status.textContent = said;
    }
    // with no draft to check, the engine's tables for the data that has arrived are made now, while the
    // user reads or types, not at the first check (Chromium: 0.3 s for the word list and its pairs,
    // 0.2 s more for the language model, whose tables the engine makes only when asked)
    function warm() { GuideChecker.check("", data); if (data.lm) GuideChecker.lmScore("", data); }
    // after the first paint: the page is usable before the word list arrives
    requestAnimationFrame(function () { setTimeout(loadTypoData, 0); });

    function loadTypoData() {
      var own = document.querySelector('script[src$="checker-data.js"]');
      if (data.typo || !own) return;
      typoState = "loading";
      var script = document.createElement("script");
      script.src = own.getAttribute("src").replace(/checker-data\.js$/, "checker-typo-data.js");
      script.onload = function () {
        data.typo = window.GUIDE_CHECKER_TYPO_DATA;
        typoState = data.typo ? "ready" : "missing";
        document.body.dataset.checkerTypo = typoState;
        recheck();
        if (data.typo) loadHelp(own, 0);
      };
      script.onerror = function () {
        typoState = "missing";
        document.body.dataset.checkerTypo = typoState;
        recheck();
      };
      document.body.appendChild(script);
    }

    // The helps of the context typo rule, each a script of its own loaded after the one before: its
    // word-pair evidence (open-gram's), then its language model (libime's). Neither is a need: no note
    // when one is missing. Once one arrives the draft is checked again at once, but not a huge paste
    // (seconds of work just done): its next check uses it.
    var HELPS = [["pairs", "checker-pair-data.js", "GUIDE_CHECKER_PAIR_DATA", "checkerPairs"],
      ["lm", "checker-lm-data.js", "GUIDE_CHECKER_LM_DATA", "checkerLm"]];
    function loadHelp(own, k) {
      var help = HELPS[k];
      if (!help || data[help[0]]) return;
      var script = document.createElement("script");
      script.src = own.getAttribute("src").replace(/checker-data\.js$/, help[1]);
      script.onload = function () {
        data[help[0]] = window[help[2]] || null;
        document.body.dataset[help[3]] = data[help[0]] ? "ready" : "missing";
        if (data[help[0]] && input.value.length <= PAIR_RERUN_MAX) recheck();
        loadHelp(own, k + 1);
      };
      script.onerror = function () { document.body.dataset[help[3]] = "missing"; loadHelp(own, k + 1); };
      document.body.appendChild(script);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
