/*
 * The 批注版 in the browser: a copy of the user's own .docx in which every finding is a Word
 * comment (批注, author 报告体检) on its characters and every accepted safe fix a tracked
 * change (修订), built here from the file the user opened (shared.js unzipDocx, vendored
 * fflate) with DOMParser / XMLSerializer; nothing is uploaded. Where each comment and change
 * goes is the engine's answer (GuideChecker.annotationPlan, checker/engine.js); this file only
 * does the XML, as checker/annotate.py does it for check_report.py --annotate: the runs the
 * plan touches are cut (in every story shared.js docxDocument reads; comments in the body
 * only), the plan's `lead` goes at the start of the body's first paragraph (a new one when
 * it has none), word/comments.xml is added (or added to) with its relationship and content
 * type, and every other entry of the zip is kept as it was.
 * window.GuideAnnotate = { build(docx, data, opts) -> {bytes, plan} }
 *   docx: what shared.js unzipDocx gives; opts: {year, date ("2026-12-05T08:00:00Z"), edits, words
 *   (the user's own words, GuideChecker.check)}.
 */
(function () {
  "use strict";
  var P = window.GuidePage, W = P.W;
  var AUTHOR = "报告体检", INITIALS = "体检";
  var BODY = "word/document.xml", COMMENTS = "word/comments.xml";
  var RELS = "word/_rels/document.xml.rels", TYPES = "[Content_Types].xml";
  var COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
  var COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
  var XML_NS = "http://www.w3.org/XML/1998/namespace";
  var HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

  function serialize(doc) {
    var s = new XMLSerializer().serializeToString(doc);
    return new TextEncoder().encode(HEAD + s.replace(/^<\?xml[^>]*\?>\s*/, ""));
  }
  // The largest w:id of the elements named (of every element when none are), or -1.
  function maxId(root, names) {
    var best = -1;
    (names || ["*"]).forEach(function (name) {
      var all = name === "*" ? root.getElementsByTagName("*") : root.getElementsByTagNameNS(W, name);
      for (var k = 0; k < all.length; k++) {
        var v = all[k].getAttributeNS(W, "id");
        if (/^-?[0-9]+$/.test(v || "")) best = Math.max(best, parseInt(v, 10));
      }
    });
    return best;
  }

  function Writer(doc, date, commentBase, revBase) {
    this.doc = doc; this.date = date; this.commentBase = commentBase; this.rev = revBase;
  }
  Writer.prototype.w = function (tag, attrs) {
    var e = this.doc.createElementNS(W, "w:" + tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttributeNS(W, "w:" + k, String(attrs[k])); });
    return e;
  };
  Writer.prototype.runLike = function (run, content) {
    var e = this.doc.createElementNS(run.namespaceURI, run.nodeName);
    for (var k = 0; k < run.attributes.length; k++) {
      var a = run.attributes[k];
      e.setAttributeNS(a.namespaceURI, a.name, a.value);
    }
    var rpr = firstChild(run, "rPr");
    if (rpr) e.appendChild(rpr.cloneNode(true));
    content.forEach(function (c) { e.appendChild(c); });
    return e;
  };
  Writer.prototype.text = function (tag, value) {
    var e = this.w(tag);
    e.setAttributeNS(XML_NS, "xml:space", "preserve");
    e.textContent = value;
    return e;
  };
  Writer.prototype.revision = function (tag) {
    this.rev += 1;
    return this.w(tag, { id: this.rev, author: AUTHOR, date: this.date });
  };
  Writer.prototype.nodes = function (run, element, text, items) {
    var self = this, out = [];
    items.forEach(function (item) {
      if (item.seg) {
        var part = element.localName === "t"
          ? self.text(item.del !== undefined ? "delText" : "t", text.slice(item.seg[0], item.seg[1]))
          : element.cloneNode(true);
        var node = self.runLike(run, [part]);
        if (item.del !== undefined) { var d = self.revision("del"); d.appendChild(node); node = d; }
        out.push(node);
      } else if (item.ins !== undefined) {
        var ins = self.revision("ins");
        ins.appendChild(self.runLike(run, [self.text("t", item.text)]));
        out.push(ins);
      } else {
        var cid = self.commentBase + item.c;
        if (item.mark === "ref") {
          var r = self.w("r");
          r.appendChild(self.w("commentReference", { id: cid }));
          out.push(r);
        } else out.push(self.w(item.mark === "start" ? "commentRangeStart" : "commentRangeEnd", { id: cid }));
      }
    });
    return out;
  };
  function firstChild(node, local) {
    for (var c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && c.namespaceURI === W && c.localName === local) return c;
    return null;
  }
  // One run per piece of content (w:t, w:tab …), each with the run's properties, in place.
  function explode(run, writer) {
    var content = [];
    for (var c = run.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1 && !(c.namespaceURI === W && c.localName === "rPr")) content.push(c);
    }
    if (content.length <= 1) return;
    var parent = run.parentNode;
    content.forEach(function (c) { parent.insertBefore(writer.runLike(run, [c]), run); });
    parent.removeChild(run);
  }
  function applyPlan(paragraphs, plan, writer) {
    var touched = Object.keys(plan.pieces).map(function (key) {
      var pi = key.split(":"), piece = paragraphs[+pi[0]][+pi[1]];
      return [piece[2], piece[0], plan.pieces[key]];
    });
    touched.forEach(function (t) {
      writer.doc = t[0].ownerDocument;  // new elements made by the story's own document
      explode(t[0].parentNode, writer);
    });
    touched.forEach(function (t) {
      var run = t[0].parentNode, parent = run.parentNode;
      writer.doc = t[0].ownerDocument;
      writer.nodes(run, t[0], t[1], t[2]).forEach(function (node) { parent.insertBefore(node, run); });
      parent.removeChild(run);
    });
  }
  // The plan's lead marks at the start of the body's first paragraph, after its properties.
  function putLead(body, items, writer) {
    var para = body.getElementsByTagNameNS(W, "p")[0];
    if (!para) {
      var holder = body.getElementsByTagNameNS(W, "body")[0];
      para = holder.insertBefore(writer.w("p"), holder.firstChild);
    }
    var first = para.firstElementChild;
    var before = first && first.namespaceURI === W && first.localName === "pPr" ? first.nextSibling : para.firstChild;
    writer.nodes(null, null, "", items).forEach(function (node) { para.insertBefore(node, before); });
  }
  function commentsPart(existing, plan, writer) {
    var doc = existing ? P.parseXml(existing)
      : new DOMParser().parseFromString('<w:comments xmlns:w="' + W + '"/>', "application/xml");
    var cw = new Writer(doc, writer.date, writer.commentBase, 0), root = doc.documentElement;
    plan.comments.forEach(function (comment, c) {
      var node = cw.w("comment", { id: cw.commentBase + c, author: AUTHOR, date: cw.date, initials: INITIALS });
      comment.body.forEach(function (line, n) {
        var para = cw.w("p"), r;
        if (n === 0) { r = cw.w("r"); r.appendChild(cw.w("annotationRef")); para.appendChild(r); }
        r = cw.w("r"); r.appendChild(cw.text("t", line)); para.appendChild(r);
        node.appendChild(para);
      });
      root.appendChild(node);
    });
    return serialize(doc);
  }
  function relsWithComments(bytes) {
    var doc = P.parseXml(bytes), root = doc.documentElement, taken = {};
    for (var c = root.firstElementChild; c; c = c.nextElementSibling) {
      if (c.getAttribute("Type") === COMMENTS_REL) return null;
      taken[c.getAttribute("Id")] = 1;
    }
    var n = 1;
    while (taken["rIdGuide" + n]) n++;
    var rel = doc.createElementNS(root.namespaceURI, "Relationship");
    rel.setAttribute("Id", "rIdGuide" + n); rel.setAttribute("Type", COMMENTS_REL); rel.setAttribute("Target", "comments.xml");
    root.appendChild(rel);
    return serialize(doc);
  }
  function typesWithComments(bytes) {
    var doc = P.parseXml(bytes), root = doc.documentElement;
    for (var c = root.firstElementChild; c; c = c.nextElementSibling) {
      if (c.getAttribute("PartName") === "/" + COMMENTS) return null;
    }
    var o = doc.createElementNS(root.namespaceURI, "Override");
    o.setAttribute("PartName", "/" + COMMENTS); o.setAttribute("ContentType", COMMENTS_TYPE);
    root.appendChild(o);
    return serialize(doc);
  }
  function now() { return new Date().toISOString().replace(/\.[0-9]+Z$/, "Z"); }

  function build(docx, data, opts) {
    opts = opts || {};
    var entries = docx.entries, read = P.docxDocument(entries), paragraphs = read.paragraphs;
    var plan = window.GuideChecker.annotationPlan(read.engineParagraphs(), data,
      { year: opts.year || null, edits: opts.edits, stories: read.stories, words: opts.words || null });
    var existing = entries[COMMENTS] || null;
    var commentBase = existing ? maxId(P.parseXml(existing), ["comment"]) + 1 : 0;
    // revision ids after every id the stories have and after the comments' (Word wants them apart)
    var revBase = commentBase + plan.comments.length - 1;
    read.parts.forEach(function (part) { revBase = Math.max(revBase, maxId(part.doc)); });
    var writer = new Writer(read.parts[0].doc, opts.date || now(), commentBase, revBase);
    var changed = {}, touched = {};
    applyPlan(paragraphs, plan, writer);
    Object.keys(plan.pieces).forEach(function (key) {
      var part = read.owner[+key.split(":")[0]];
      touched[part.name] = part;
    });
    if (plan.lead.length) {
      writer.doc = read.parts[0].doc;
      putLead(read.parts[0].doc, plan.lead, writer);
      touched[BODY] = read.parts[0];
    }
    Object.keys(touched).forEach(function (name) { changed[name] = serialize(touched[name].doc); });
    if (plan.comments.length) {
      changed[COMMENTS] = commentsPart(existing, plan, writer);
      var rels = entries[RELS] ? relsWithComments(entries[RELS]) : null;
      if (rels) changed[RELS] = rels;
      var types = typesWithComments(entries[TYPES]);
      if (types) changed[TYPES] = types;
    }
    var out = {};
    docx.order.forEach(function (name) { out[name] = changed[name] || entries[name]; delete changed[name]; });
    Object.keys(changed).forEach(function (name) { out[name] = changed[name]; });
    return { bytes: fflate.zipSync(out, { level: 6 }), plan: plan };
  }
  window.GuideAnnotate = { build: build };
})();
