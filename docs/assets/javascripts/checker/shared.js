/*
 * What the two checker pages (报告体检, 总结和要点对照) share, as
 * window.GuidePage = { byId, el, readFile, openInto, keepDrafts, unzipDocx, parseXml,
 * docxPieces, docxDocument, W }: making elements; reading a draft the user opens, .docx
 * (unzipped by the vendored fflate, then the paragraphs of its stories, the body, footnotes,
 * endnotes, headers and footers, joined with newlines and cut into pieces as checker/docx.py
 * reads and cuts them) or plain text (UTF-8, else GB18030), in the browser, nothing
 * uploaded; and keeping what is typed in localStorage. readFile resolves to [text, docx or
 * null] (docx.read: what docxDocument read); openInto hands both to its callback (the 批注版
 * needs the .docx).
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
  // .docx reading: the zip unpacked by the vendored fflate (vendor/fflate.js), refused when
  // it is not a Word document, over 50 MB or has macros (a .docm renamed), as checker/docx.py
  // refuses it. Resolves to {entries: {name: bytes}, order: [names]}.
  var MAX_BYTES = 50 * 1024 * 1024;
  var TOO_BIG = "文件超过 50 MB，不像是一份报告；请删去图片后另存一份再检查";
  var MACROS = "这是带宏的 Word 文档（.docm），为安全起见不予检查；请在 Word 或 WPS 中另存为“Word 文档（*.docx）”后再检查";
  var BODY = "word/document.xml";
  function unzipDocx(bytes) {
    return new Promise(function (resolve, reject) {
      if (bytes.length > MAX_BYTES) { reject(new Error(TOO_BIG)); return; }
      var files;
      try { files = fflate.unzipSync(bytes); }
      catch (err) {
        reject(new Error(/compression/i.test(String(err && err.message))
          ? "Word 文档使用了不支持的压缩方式" : "不是有效的 Word 文档（.docx）"));
        return;
      }
      var types = files["[Content_Types].xml"] ? new TextDecoder("utf-8").decode(files["[Content_Types].xml"]) : "";
      if (files["word/vbaProject.bin"] || types.indexOf("macroEnabled") >= 0) {
        reject(new Error(MACROS));
      } else if (!files[BODY]) reject(new Error("这个文件里没有 Word 正文（word/document.xml）"));
      else resolve({ entries: files, order: Object.keys(files) });
    });
  }
  var W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  var MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
  function parseXml(bytes) {
    var doc = new DOMParser().parseFromString(new TextDecoder("utf-8").decode(bytes), "application/xml");
    if (doc.getElementsByTagName("parsererror").length) throw new Error("Word 文档内容损坏，无法解析");
    return doc;
  }
  // The body's paragraphs, each a list of pieces [text, anchorable, element], as
  // checker/docx.py read_pieces cuts them (its docstring says which are anchorable).
  var RUN_PARENTS = { p: 1, hyperlink: 1, smartTag: 1, customXml: 1, sdtContent: 1 };
  var NOTE_SEPARATORS = { separator: 1, continuationSeparator: 1, continuationNotice: 1 };
  var BLOCKING = { ins: 1, del: 1, moveTo: 1, moveFrom: 1, fldSimple: 1, txbxContent: 1 };
  function docxPieces(doc) {
    var paragraphs = [], field = 0;
    function walk(node, current, blocked) {
      for (var c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== 1) continue;
        var local = c.localName, w = c.namespaceURI === W;
        if (w && local === "p") {
          var own = [];
          paragraphs.push(own);
          walk(c, own, blocked);
        } else if (current && w && (local === "t" || local === "tab" || local === "br" || local === "cr")) {
          var run = c.parentNode, up = run && run.parentNode;
          var ok = !blocked && !field && run.namespaceURI === W && run.localName === "r" && !!up &&
            up.namespaceURI === W && RUN_PARENTS[up.localName] === 1;
          current.push([local === "t" ? c.textContent : local === "tab" ? "\t" : "\n", ok, c]);
        } else if (w && (local === "footnote" || local === "endnote") &&
                   NOTE_SEPARATORS[c.getAttributeNS(W, "type")] === 1) {
          continue;
        } else if (w && local === "fldChar") {
          var kind = c.getAttributeNS(W, "fldCharType");
          if (kind === "begin") field++;
          else if (kind === "end") field = Math.max(field - 1, 0);
        } else walk(c, current, blocked || (w && BLOCKING[local] === 1) ||
                    (c.namespaceURI === MC && local === "AlternateContent"));
      }
    }
    walk(doc, null, false);
    return paragraphs;
  }
  function piecesText(paragraphs) {
    return paragraphs.map(function (p) { return p.map(function (piece) { return piece[0]; }).join(""); }).join("\n");
  }
  // The stories after the body, [kind, part name], in checker/docx.py story_parts's order:
  // footnotes, endnotes, then headers and footers as the section properties name them.
  var RELS = "word/_rels/document.xml.rels";
  var REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  var R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  function normPath(path) {  // posixpath.normpath of a relative part name
    var out = [];
    path.split("/").forEach(function (seg) {
      if (seg === "..") out.pop();
      else if (seg && seg !== ".") out.push(seg);
    });
    return out.join("/");
  }
  function storyParts(entries, body) {
    var rels = [], byId = {}, out = [], seen = {};
    if (entries[RELS]) {
      var list = parseXml(entries[RELS]).getElementsByTagNameNS("*", "Relationship");
      for (var k = 0; k < list.length; k++) {
        var target = list[k].getAttribute("Target") || "", type = list[k].getAttribute("Type") || "";
        if (list[k].getAttribute("TargetMode") === "External" || !target) continue;
        var rel = [type.indexOf(REL_TYPE) === 0 ? type.slice(REL_TYPE.length) : type,
          target[0] === "/" ? target.replace(/^\/+/, "") : normPath("word/" + target)];
        rels.push(rel);
        byId[list[k].getAttribute("Id")] = rel;
      }
    }
    function add(kind, part) {
      if (entries[part] && !seen[kind + " " + part]) { seen[kind + " " + part] = 1; out.push([kind, part]); }
    }
    ["footnotes", "endnotes"].forEach(function (kind) {
      rels.forEach(function (rel) { if (rel[0] === kind) add(kind, rel[1]); });
    });
    var sections = body.getElementsByTagNameNS(W, "sectPr");
    for (var q = 0; q < sections.length; q++) {
      for (var c = sections[q].firstElementChild; c; c = c.nextElementSibling) {
        if (c.namespaceURI !== W || (c.localName !== "headerReference" && c.localName !== "footerReference")) continue;
        var ref = byId[c.getAttributeNS(R, "id")];
        if (ref && (ref[0] === "header" || ref[0] === "footer")) add(ref[0], ref[1]);
      }
    }
    return out;
  }
  // The .docx as the checker reads it, as checker/docx.py read_document: {paragraphs (the
  // pieces of every story with text, an empty paragraph before each after the body), stories
  // ([kind, first paragraph] of those), parts ([{kind, name, doc, paragraphs}], every story
  // read, the body first), owner (the part of each paragraph, null for the empty ones
  // between)}. engineParagraphs() gives them as GuideChecker.annotationPlan takes them.
  var WORDS = /[\u3400-\u9fff\uf900-\ufaffA-Za-z]/;  // a story without these is left out
  function docxDocument(entries) {
    var body = parseXml(entries[BODY]);
    var parts = [{ kind: "body", name: BODY, doc: body, paragraphs: docxPieces(body) }];
    storyParts(entries, body).forEach(function (kp) {
      var doc = parseXml(entries[kp[1]]);
      parts.push({ kind: kp[0], name: kp[1], doc: doc, paragraphs: docxPieces(doc) });
    });
    var paragraphs = parts[0].paragraphs.slice(), stories = [];
    var owner = parts[0].paragraphs.map(function () { return parts[0]; });
    parts.slice(1).forEach(function (story) {
      if (!WORDS.test(piecesText(story.paragraphs))) return;
      paragraphs.push([]);
      owner.push(null);
      stories.push([story.kind, paragraphs.length]);
      story.paragraphs.forEach(function (para) { paragraphs.push(para); owner.push(story); });
    });
    return { paragraphs: paragraphs, stories: stories, parts: parts, owner: owner,
      engineParagraphs: function () {
        return paragraphs.map(function (para, n) {
          var inBody = !owner[n] || owner[n].kind === "body";
          return para.map(function (piece) { return [piece[0], piece[1] && inBody, piece[1]]; });
        });
      } };
  }
  function decodeText(bytes) {
    var head = bytes.subarray(0, 8192);
    for (var i = 0; i < head.length; i++) if (head[i] === 0) throw new Error("这是二进制文件，不是文本；请另存为 .txt 或 .docx");
    try { return new TextDecoder("utf-8", { fatal: true }).decode(bytes); }
    catch (e) { return new TextDecoder("gb18030").decode(bytes); }
  }
  function readFile(file) {
    if (file.size > MAX_BYTES) return Promise.reject(new Error(TOO_BIG));
    if (/\.(docm|dotm)$/i.test(file.name)) return Promise.reject(new Error(MACROS));
    return file.arrayBuffer().then(function (buf) {
      var bytes = new Uint8Array(buf), name = file.name.toLowerCase();
      if (/\.docx$/.test(name)) {
        return unzipDocx(bytes).then(function (docx) {
          docx.name = file.name;
          docx.read = docxDocument(docx.entries);
          return [piecesText(docx.read.paragraphs), docx];
        });
      }
      if (/\.doc$/.test(name)) throw new Error("不支持旧版 .doc 格式，请在 Word 或 WPS 中另存为 .docx");
      return [decodeText(bytes), null];
    });
  }

  // A file input that reads the chosen file and hands its text to onText,
  // saying in status what it is doing or why it cannot.
  function openInto(fileInput, status, onText) {
    fileInput.addEventListener("change", function (ev) {
      var file = ev.target.files && ev.target.files[0];
      if (!file) return;
      status.textContent = "正在读取 " + file.name + " …";
      readFile(file).then(function (read) { onText(read[0], read[1]); }).catch(function (err) {
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
    // a click runs now, and the run still pending from typing is dropped: it would redraw the
    // results a moment later and close what the user has just opened in them
    runButton.addEventListener("click", function () { clearTimeout(timer); save(); run(); });
    clearButton.addEventListener("click", function () {
      clearTimeout(timer);
      keys.forEach(function (k) { fields[k].value = ""; });
      try { keys.forEach(function (k) { localStorage.removeItem(k); }); } catch (e) { /* ignore */ }
      run();
    });
    return save;
  }
  window.GuidePage = { byId: byId, el: el, readFile: readFile, openInto: openInto, keepDrafts: keepDrafts,
                       unzipDocx: unzipDocx, parseXml: parseXml, docxPieces: docxPieces,
                       docxDocument: docxDocument, W: W };
})();
