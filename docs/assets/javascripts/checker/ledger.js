/*
 * 台账对数 page: open the guide's ledgers (.xlsx, read here by the vendored
 * read-excel-file into plain rows) and, optionally, a draft; the figures, the
 * ready sentences and the draft's comparison come from the one engine
 * (GuideChecker.ledgerFigures / checkFigures, engine.js), as on the command
 * line. Nothing leaves the computer: the files are read in this page only and
 * are not kept; the draft is kept in localStorage until 清空.
 */
(function () {
  "use strict";
  var DRAFT_KEY = "guide-ledger-draft-v1";
  var $ = window.GuidePage.byId, el = window.GuidePage.el;
  var STATUS = { "equal": ["一致", "ledger-ok"], "differs": ["不一致", "ledger-bad"],
                 "no-ledger": ["没有台账", "ledger-none"], "other-period": ["其他期间", "ledger-none"] };

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  // A cell as the engine takes it (the same as checker/ledger_reader.py gives on the command line).
  function cell(v) {
    if (v instanceof Date) return v.getUTCFullYear() + "-" + pad(v.getUTCMonth() + 1) + "-" + pad(v.getUTCDate());
    if (v === undefined) return null;
    return v;
  }
  // read-excel-file unzips a large sheet in a Web Worker made from a blob: URL. Under file:// the
  // guide replaces Worker with the iframe-worker shim (for the search), which cannot load blob:
  // URLs, and the read would never finish: lend the reader the browser's own Worker meanwhile,
  // taken from an empty frame.
  function withOwnWorker(read) {
    if (!window.IFrameWorker || window.Worker !== window.IFrameWorker) return read();
    var frame = document.createElement("iframe"), shim = window.Worker;
    frame.hidden = true;
    document.body.appendChild(frame);
    window.Worker = frame.contentWindow.Worker;
    function restore() { window.Worker = shim; frame.remove(); }
    return read().then(function (v) { restore(); return v; }, function (e) { restore(); throw e; });
  }
  // The sheets of one .xlsx file: [{file, name, rows}], rows from the sheet's first row.
  function readLedger(file) {
    return file.arrayBuffer().then(function (buf) {
      return withOwnWorker(function () { return window.readXlsxFile(new Blob([buf])); });
    }).then(function (sheets) {
      return sheets.map(function (s) {
        return { file: file.name, name: s.sheet, rows: s.data.map(function (row) { return row.map(cell); }) };
      });
    });
  }
  function periodSpec() {
    var year = $("ledger-year").value.trim(), which = $("ledger-period").value;
    if (which === "range") return $("ledger-from").value + ".." + $("ledger-to").value;
    return year + (which === "year" ? "" : which);
  }
  function rowsText(rows) {
    var bySheet = {};
    rows.forEach(function (r) { (bySheet[r.sheet] = bySheet[r.sheet] || []).push(r.row); });
    return Object.keys(bySheet).map(function (s) { return "“" + s + "”第" + bySheet[s].join("、") + "行"; }).join("；");
  }
  function figureText(f) { return f.value === null ? "未统计" : (Math.round(f.value * 100) / 100) + f.unit; }

  function rowsPanel(fig, sheets, id) {
    var box = el("details", "ledger-rows");
    box.id = id;
    var listed = rowsText(fig.rows);
    box.appendChild(el("summary", null, listed.length > 60 ? "共" + fig.rows.length + "行（点开查看）" : listed));
    var table = el("table", "ledger-rows-table"), body = el("tbody");
    fig.rows.slice(0, 500).forEach(function (r) {
      var sheet = sheets.filter(function (s) { return s.name === r.sheet && s.file === r.file; })[0];
      var tr = el("tr");
      tr.appendChild(el("th", null, (r.file ? r.file + " " : "") + "“" + r.sheet + "”第" + r.row + "行"));
      var cells = sheet ? (sheet.rows[r.row - 1] || []) : [];
      tr.appendChild(el("td", null, cells.filter(function (v) { return v !== null && v !== ""; }).join(" | ")));
      body.appendChild(tr);
    });
    table.appendChild(body);
    box.appendChild(table);
    ["month", "community", "level", "status"].forEach(function (by) {
      var parts = fig.by[by], keys = Object.keys(parts || {}).sort();
      if (!keys.length) return;
      var names = { month: "按月", community: "按社区（站点、单位）", level: "按级别", status: "按状态" };
      box.appendChild(el("p", "ledger-by", names[by] + "：" + keys.map(function (k) {
        return k + " " + (Math.round(parts[k].value * 100) / 100);
      }).join("，")));
    });
    return box;
  }

  function renderFigures(result, sheets) {
    var out = $("ledger-figures"), tsv = ["台账\t数字\t数值\t来自"];
    out.textContent = "";
    result.ledgers.forEach(function (ledger) {
      out.appendChild(el("h3", null, ledger.title));
      var table = el("table", "ledger-table"), head = el("tr");
      ["数字", "数值", "来自哪些行"].forEach(function (h) { head.appendChild(el("th", null, h)); });
      var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
      var body = el("tbody");
      ledger.counts.forEach(function (f) {
        var tr = el("tr", f.open ? "ledger-open" : null), id = "ledger-rows-" + f.key.replace(/[^a-z0-9-]/g, "-");
        tr.appendChild(el("td", null, (f.within ? "　" : "") + f.label + (f.open ? "（未办结）" : "")));
        var val = el("td", "ledger-value"), shown = figureText(f) +
          (f.half !== null && f.half !== undefined ? "（上半年" + f.half + "）" : "");
        val.setAttribute("data-key", f.key);  // what the figure is and where it comes from, for copying and for the tests
        val.setAttribute("data-value", f.value === null ? "" : String(f.value));
        val.setAttribute("data-rows", JSON.stringify(f.rows));
        var where = el("td");
        if (f.value === null) { val.textContent = shown; where.textContent = "台账缺少“" + f.missing.join("”“") + "”栏"; }
        else if (!f.rows.length) { val.textContent = shown; where.textContent = "没有符合条件的行"; }
        else {
          var link = el("a", null, shown);  // the figure links to the rows that make it
          link.href = "#" + id;
          link.title = "看这个数字来自哪几行";
          link.addEventListener("click", function () { $(id).open = true; });
          val.appendChild(link);
          where.appendChild(rowsPanel(f, sheets, id));
        }
        tr.appendChild(val);
        tr.appendChild(where);
        body.appendChild(tr);
        tsv.push([ledger.title, f.label, f.value === null ? "" : f.value, f.rows.length + "行"].join("\t"));
      });
      table.appendChild(body);
      out.appendChild(table);
    });
    $("ledger-tsv").value = tsv.join("\n");
    var list = $("ledger-sentences");
    list.textContent = "";
    result.ledgers.forEach(function (l) { l.sentences.forEach(function (s) { list.appendChild(el("li", null, s)); }); });
    var problems = $("ledger-problems");
    problems.textContent = "";
    result.problems.forEach(function (p) {
      var where = [p.file, p.sheet ? "“" + p.sheet + "”" : null, p.cell || (p.row ? "第" + p.row + "行" : null)]
        .filter(Boolean).join(" ");
      problems.appendChild(el("li", "ledger-problem-" + p.severity, (where ? where + "：" : "") + p.message));
    });
  }

  function renderDraft(checked) {
    var list = $("ledger-draft-list");
    list.textContent = "";
    if (!checked) return;
    checked.mentions.forEach(function (m) {
      var st = STATUS[m.status], item = el("li", "ledger-mention " + st[1]);
      item.appendChild(el("span", "ledger-badge", st[0]));
      item.appendChild(el("span", "checker-where", "第" + m.line + "行第" + m.column + "字"));
      item.appendChild(el("div", null, m.message));
      item.appendChild(el("div", "ledger-excerpt", m.excerpt));
      list.appendChild(item);
    });
    checked.problems.forEach(function (p) {
      var item = el("li", "ledger-mention ledger-bad");
      item.appendChild(el("span", "ledger-badge", "前后不符"));
      item.appendChild(el("span", "checker-where", "第" + p.line + "行"));
      item.appendChild(el("div", null, p.message));
      list.appendChild(item);
    });
  }

  function init() {
    var input = $("ledger-files");
    if (!input) return;
    var status = $("ledger-status"), data = window.GUIDE_CHECKER_DATA, draft = $("ledger-draft");
    if (!data || !window.GuideChecker || !window.readXlsxFile) {
      status.textContent = "本页的脚本没有加载，请确认 downloads/ 和 assets/javascripts/ 与本页一同部署。";
      return;
    }
    $("ledger-year").value = $("ledger-year").value || String(new Date().getFullYear());
    var sheets = [], names = [];
    function run() {
      if (!sheets.length) { status.textContent = names.length ? "打开的文件里没有可读的工作表。" : "请先打开台账。"; return; }
      var result = window.GuideChecker.ledgerFigures(sheets, periodSpec(), data);
      renderFigures(result, sheets);
      var text = draft.value.trim();
      var checked = text && result.period ? window.GuideChecker.checkFigures(draft.value, result, data) : null;
      renderDraft(checked);
      var differs = checked ? checked.mentions.filter(function (m) { return m.status === "differs"; }).length + checked.problems.length : 0;
      status.textContent = "已读取 " + names.join("、") + "。" + (result.period ? "期间：" + result.period.name + "（" +
        result.period.start + " 至 " + result.period.end + "）。" : "") +
        (checked ? "草稿中核对了 " + checked.mentions.length + " 个数字，" + differs + " 处与台账不一致。" : "");
    }
    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files || []);
      if (!files.length) return;
      status.textContent = "正在读取 " + files.map(function (f) { return f.name; }).join("、") + " …";
      var failed = [];
      Promise.all(files.map(function (f) {
        return readLedger(f).catch(function (err) {
          failed.push(f.name + "：" + (/\.xls$/i.test(f.name) ? "这是旧版 .xls，请在 Excel 或 WPS 里另存为 .xlsx" :
            "不是能读取的 .xlsx 文件（" + (err && err.message ? err.message : err) + "），请另存为 .xlsx 再试"));
          return [];
        });
      })).then(function (parts) {
        sheets = [].concat.apply([], parts);
        names = files.map(function (f) { return f.name; });
        run();
        if (failed.length) status.textContent = "无法读取 " + failed.join("；") + "。" + status.textContent;
      });
      input.value = "";
    });
    ["ledger-period", "ledger-year", "ledger-from", "ledger-to"].forEach(function (id) {
      $(id).addEventListener("change", run);
    });
    $("ledger-period").addEventListener("change", function () {
      $("ledger-range").hidden = $("ledger-period").value !== "range";
    });
    $("ledger-copy").addEventListener("click", function () {
      var box = $("ledger-tsv");
      box.hidden = false; box.select();
      try { document.execCommand("copy"); status.textContent = "数字表已复制，可以粘贴到 Excel 或 WPS 表格。"; }
      catch (e) { status.textContent = "请按 Ctrl+C 复制选中的内容。"; }
    });
    var drafts = {}; drafts[DRAFT_KEY] = draft;
    var save = window.GuidePage.keepDrafts(drafts, status, run, $("ledger-run"), $("ledger-clear"));
    window.GuidePage.openInto($("ledger-draft-file"), status, function (text) { draft.value = text; save(); run(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
