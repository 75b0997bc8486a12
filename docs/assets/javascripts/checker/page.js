/*
 * 报告体检 page: paste or open a draft (shared.js reads it), check it with
 * GuideChecker (engine.js) against GUIDE_CHECKER_DATA (downloads/checker-data.js),
 * show the findings in place. The context typo rule's word list (downloads/checker-typo-data.js,
 * most of the checker's bytes) is loaded by a script tag after the page is usable (a script,
 * not fetch(), so that it works from file:// too); the check runs again when it has arrived. Nothing leaves the computer: no fetch, no XHR, no form submission.
 * The draft is kept in localStorage until the user clicks 清空.
 */
(function () {
  "use strict";
  var KEY = "guide-checker-draft-v1";
  var YEAR_KEY = "guide-checker-year-v1";
  var LABEL = { error: "错误", warning: "警告", info: "提示" };
  var RANK = { error: 0, warning: 1, info: 2 };
  var MAX_SHOWN = 1500;
  var typoState = "loading";
  var TYPO_NOTE = {
    loading: "上下文错别字的词表正在加载，加载后自动再查一遍。",
    ready: "",
    missing: "上下文错别字的词表（downloads/checker-typo-data.js）没有加载，这一项没有查；其他各项照常。"
  };

  var $ = window.GuidePage.byId, el = window.GuidePage.el;
  function guideHref(guide) {
    var parts = guide.split("#");
    var page = parts[0].replace(/\.md$/, ".html");
    var here = "checker/index.html";
    var href = page === here ? "" : "../" + page;
    return href + (parts[1] ? "#" + encodeURIComponent(parts[1]) : "");
  }

  // Rendering
  function renderView(view, text, findings) {
    view.textContent = "";
    var n = text.length, bounds = new Set([0, n]);
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
    var totals = { error: 0, warning: 0, info: 0 }, byRule = {};
    findings.forEach(function (f) { totals[f.severity]++; byRule[f.rule] = (byRule[f.rule] || 0) + 1; });
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
      return RANK[data.rules[a].severity] - RANK[data.rules[b].severity] || byRule[b] - byRule[a];
    }).forEach(function (rule) {
      var row = el("tr"), meta = data.rules[rule], cell = el("td");
      var link = el("a", null, meta.name);
      link.href = guideHref(meta.guide);
      cell.appendChild(link);
      row.appendChild(cell);
      row.appendChild(el("td", "checker-sev-" + meta.severity, LABEL[meta.severity]));
      row.appendChild(el("td", null, String(byRule[rule])));
      table.appendChild(row);
    });
    box.appendChild(table);
  }

  function renderList(list, findings, data) {
    list.textContent = "";
    findings.forEach(function (f, i) {
      var item = el("li", "checker-item checker-" + f.severity);
      item.id = "checker-item-" + i;
      var where = el("a", "checker-where", "第" + f.line + "行第" + f.column + "字");
      where.href = "#checker-at-" + i;
      item.appendChild(el("span", "checker-sev", LABEL[f.severity]));
      item.appendChild(where);
      item.appendChild(el("span", "checker-rule", data.rules[f.rule].name));
      item.appendChild(el("div", "checker-msg", f.message));
      if (f.suggestion) item.appendChild(el("div", "checker-fix", "建议改为：" + f.suggestion));
      else if (f.suggestion === "") item.appendChild(el("div", "checker-fix", "建议删除。"));
      var more = el("a", "checker-guide", "说明");
      more.href = guideHref(f.guide);
      item.appendChild(more);
      list.appendChild(item);
    });
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
    function run() {
      var text = input.value, year = parseInt(yearInput.value, 10) || null;
      var t0 = performance.now();
      var findings = window.GuideChecker.check(text, data, year);
      var ms = performance.now() - t0;
      var shown = window.GuideChecker.prepare(text);
      var used = year || window.GuideChecker.detectYear(text, data)[0];
      var listed = findings.slice(0, MAX_SHOWN);  // a huge paste must not freeze the page
      renderSummary(summary, findings, data);
      renderList(list, listed, data);
      renderView(view, shown, listed);
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
    window.GuidePage.openInto($("checker-file"), status, function (text) { input.value = text; save(); run(); });
    view.addEventListener("click", function (ev) {
      var mark = ev.target.closest("mark[data-finding]");
      if (!mark) return;
      var item = $("checker-item-" + mark.dataset.finding);
      if (item) { item.scrollIntoView({ block: "nearest" }); item.classList.add("checker-flash");
        setTimeout(function () { item.classList.remove("checker-flash"); }, 1200); }
    });
    run();
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
        run();
      };
      script.onerror = function () {
        typoState = "missing";
        document.body.dataset.checkerTypo = typoState;
        run();
      };
      document.body.appendChild(script);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
