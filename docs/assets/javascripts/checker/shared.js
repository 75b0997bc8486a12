/*
 * What the two checker pages (报告体检, 总结和要点对照) share, as
 * window.GuidePage = { byId, el, readFile, openInto, keepDrafts, docxText, unzipEntry }:
 * making elements; reading a draft the user opens, .docx (unzipped by the
 * vendored fflate, then the paragraphs of
 * word/document.xml joined with newlines, as checker/readers.py reads them) or
 * plain text (UTF-8, else GB18030), in the browser, nothing uploaded; and
 * keeping what is typed in localStorage.
 */
(function () {
  "use strict";
  function byId(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  // .docx reading: one entry of the zip, unpacked by the vendored fflate (vendor/fflate.js)
  function unzipEntry(bytes, wanted) {
    return new Promise(function (resolve, reject) {
      var files;
      try {
        files = fflate.unzipSync(bytes, { filter: function (file) { return file.name === wanted; } });
      } catch (err) {
        reject(new Error(/compression/i.test(String(err && err.message))
          ? "Word 文档使用了不支持的压缩方式" : "不是有效的 Word 文档（.docx）"));
        return;
      }
      if (files[wanted]) resolve(files[wanted]);
      else reject(new Error("这个文件里没有 Word 正文（word/document.xml）"));
    });
  }
  var W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  function docxText(xmlBytes) {
    var doc = new DOMParser().parseFromString(new TextDecoder("utf-8").decode(xmlBytes), "application/xml");
    if (doc.getElementsByTagName("parsererror").length) throw new Error("Word 文档内容损坏，无法解析");
    var paragraphs = [];
    function walk(node, current) {
      for (var c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== 1) continue;
        var local = c.localName, ns = c.namespaceURI;
        if (ns === W && local === "p") {
          var own = [];
          paragraphs.push("");
          var index = paragraphs.length - 1;
          walk(c, own);
          paragraphs[index] = own.join("");
        } else if (current && ns === W && local === "t") current.push(c.textContent);
        else if (current && ns === W && local === "tab") current.push("\t");
        else if (current && ns === W && (local === "br" || local === "cr")) current.push("\n");
        else walk(c, current);
      }
    }
    walk(doc, null);
    return paragraphs.join("\n");
  }
  function decodeText(bytes) {
    var head = bytes.subarray(0, 8192);
    for (var i = 0; i < head.length; i++) if (head[i] === 0) throw new Error("这是二进制文件，不是文本；请另存为 .txt 或 .docx");
    try { return new TextDecoder("utf-8", { fatal: true }).decode(bytes); }
    catch (e) { return new TextDecoder("gb18030").decode(bytes); }
  }
  function readFile(file) {
    return file.arrayBuffer().then(function (buf) {
      var bytes = new Uint8Array(buf), name = file.name.toLowerCase();
      if (/\.docx$/.test(name)) return unzipEntry(bytes, "word/document.xml").then(docxText);
      if (/\.doc$/.test(name)) throw new Error("不支持旧版 .doc 格式，请在 Word 或 WPS 中另存为 .docx");
      return decodeText(bytes);
    });
  }

  // A file input that reads the chosen file and hands its text to onText,
  // saying in status what it is doing or why it cannot.
  function openInto(fileInput, status, onText) {
    fileInput.addEventListener("change", function (ev) {
      var file = ev.target.files && ev.target.files[0];
      if (!file) return;
      status.textContent = "正在读取 " + file.name + " …";
      readFile(file).then(onText).catch(function (err) {
        status.textContent = "无法读取 " + file.name + "：" + err.message;
      });
      ev.target.value = "";
    });
  }
  // Text boxes kept in localStorage ({storage key: element}) until clearButton
  // is clicked; run() after a pause in typing, on runButton and after clearing.
  // Returns save(), for text put into a box by a script.
  function keepDrafts(fields, status, run, runButton, clearButton) {
    var keys = Object.keys(fields), timer = null;
    try { keys.forEach(function (k) { fields[k].value = localStorage.getItem(k) || ""; }); }
    catch (e) { /* storage may be disabled: the page still works */ }
    function save() {
      try { keys.forEach(function (k) { localStorage.setItem(k, fields[k].value); }); }
      catch (e) { status.textContent = "浏览器不允许保存，刷新页面后内容不会保留。"; }
    }
    function later() { save(); clearTimeout(timer); timer = setTimeout(run, 300); }
    keys.forEach(function (k) { fields[k].addEventListener("input", later); });
    runButton.addEventListener("click", function () { save(); run(); });
    clearButton.addEventListener("click", function () {
      keys.forEach(function (k) { fields[k].value = ""; });
      try { keys.forEach(function (k) { localStorage.removeItem(k); }); } catch (e) { /* ignore */ }
      run();
    });
    return save;
  }
  window.GuidePage = { byId: byId, el: el, readFile: readFile, openInto: openInto, keepDrafts: keepDrafts,
                       docxText: docxText, unzipEntry: unzipEntry };
})();
