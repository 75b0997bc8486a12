/*
 * What the two checker pages (报告体检, 总结和要点对照) share, as
 * window.GuidePage = { byId, el, readFile, openInto, keepDrafts, docxText, unzipEntry }:
 * making elements; reading a draft the user opens, .docx (a minimal unzip,
 * stored or deflate through DecompressionStream, then the paragraphs of
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
  // .docx reading: a minimal unzip (stored or deflate via DecompressionStream)
  function u16(b, o) { return b[o] | (b[o + 1] << 8); }
  function u32(b, o) { return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0; }
  function inflateRaw(bytes) {
    if (typeof DecompressionStream === "undefined") {
      return Promise.reject(new Error("此浏览器不支持解压 .docx，请改用较新的 Chrome、Edge 或 Firefox，或把文字粘贴进来"));
    }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (buf) { return new Uint8Array(buf); });
  }
  function unzipEntry(bytes, wanted) {
    var eocd = -1;
    for (var i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
      if (u32(bytes, i) === 0x06054b50) { eocd = i; break; }
    }
    if (eocd < 0) return Promise.reject(new Error("不是有效的 Word 文档（.docx）"));
    var count = u16(bytes, eocd + 10), pos = u32(bytes, eocd + 16);
    var decoder = new TextDecoder("utf-8");
    for (var n = 0; n < count; n++) {
      if (u32(bytes, pos) !== 0x02014b50) break;
      var method = u16(bytes, pos + 10), csize = u32(bytes, pos + 20);
      var nameLen = u16(bytes, pos + 28), extraLen = u16(bytes, pos + 30), commentLen = u16(bytes, pos + 32);
      var local = u32(bytes, pos + 42);
      var name = decoder.decode(bytes.subarray(pos + 46, pos + 46 + nameLen));
      if (name === wanted) {
        var start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
        var data = bytes.subarray(start, start + csize);
        if (method === 0) return Promise.resolve(data);
        if (method === 8) return inflateRaw(data);
        return Promise.reject(new Error("Word 文档使用了不支持的压缩方式"));
      }
      pos += 46 + nameLen + extraLen + commentLen;
    }
    return Promise.reject(new Error("这个文件里没有 Word 正文（word/document.xml）"));
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
