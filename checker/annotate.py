"""The 批注版: a copy of the user's .docx in which every finding of 报告体检 is a Word comment
(批注, author 报告体检) on its characters and every safe fix a tracked change (修订: w:del +
w:ins), for ``check_report.py FILE.docx --annotate OUT.docx``.

Where each comment and change goes is the engine's answer (GuideChecker.annotationPlan in
checker/engine.js, the same for the 报告体检 page); this module only does the XML: it cuts
the runs the plan touches (in every story read: body, notes, headers, footers; comments in
the body only, checker/docx.py says why), puts the markers in, adds word/comments.xml (or adds to it), its
relationship and content type. When the body has no character a comment can go round, the
first comment goes at the start of its first paragraph (a new one when it has none). Every other zip entry is copied as it is, and the XML parts
that do not change are not parsed again. python-docx's comment API is not used: saving
through python-docx writes every part anew, and untouched parts must stay byte for byte.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from datetime import UTC, datetime

from lxml import etree

from .docx import BODY, W, open_docx, parse_xml, read_document
from .engine import annotation_plan

AUTHOR = "报告体检"
INITIALS = "体检"
WNS = W[1:-1]
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
COMMENTS = "word/comments.xml"
RELS = "word/_rels/document.xml.rels"
TYPES = "[Content_Types].xml"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
PKG_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"


def u16(text: str, a: int, b: int) -> str:
    """text[a:b] with a, b counted in UTF-16 units (the engine's offsets)."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return text[a:b]
    return text.encode("utf-16-le")[2 * a:2 * b].decode("utf-16-le")


def xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _max_id(root, tags: tuple[str, ...] = ()) -> int:
    """The largest w:id of the elements named (of every element when none are named), or -1."""
    ids = [int(e.get(W + "id")) for e in root.iter(*tags) if (e.get(W + "id") or "").lstrip("-").isdigit()]
    return max(ids, default=-1)


class _Writer:
    """Builds the replacement of one piece's run from the plan's items."""

    def __init__(self, date: str, comment_base: int, rev_base: int):
        self.date, self.comment_base, self.rev = date, comment_base, rev_base

    def w(self, tag: str, **attrs) -> etree._Element:
        e = etree.Element(W + tag)
        for k, v in attrs.items():
            e.set(W + k, str(v))
        return e

    def run_like(self, run: etree._Element, content: list[etree._Element]) -> etree._Element:
        new = etree.Element(run.tag, attrib=dict(run.attrib))
        rpr = run.find(W + "rPr")
        if rpr is not None:
            new.append(copy.deepcopy(rpr))
        for c in content:
            new.append(c)
        return new

    def text(self, tag: str, value: str) -> etree._Element:
        e = self.w(tag)
        e.set(XML_SPACE, "preserve")
        e.text = value
        return e

    def revision(self, tag: str) -> etree._Element:
        self.rev += 1
        return self.w(tag, id=self.rev, author=AUTHOR, date=self.date)

    def nodes(self, run, element, text: str, items: list[dict]) -> list[etree._Element]:
        out = []
        for item in items:
            if "seg" in item:
                a, b = item["seg"]
                if element.tag == W + "t":
                    part = self.text("delText" if "del" in item else "t", u16(text, a, b))
                else:
                    part = copy.deepcopy(element)
                    part.tail = None
                node = self.run_like(run, [part])
                if "del" in item:
                    wrapper = self.revision("del")
                    wrapper.append(node)
                    node = wrapper
                out.append(node)
            elif "ins" in item:
                wrapper = self.revision("ins")
                wrapper.append(self.run_like(run, [self.text("t", item["text"])]))
                out.append(wrapper)
            else:
                cid = self.comment_base + item["c"]
                if item["mark"] == "ref":
                    out.append(self.w("r"))
                    out[-1].append(self.w("commentReference", id=cid))
                else:
                    out.append(self.w("commentRangeStart" if item["mark"] == "start" else "commentRangeEnd", id=cid))
        return out


def _explode(run: etree._Element) -> None:
    """One run per piece of content (w:t, w:tab …), each with the run's properties, in place."""
    content = [c for c in run if c.tag != W + "rPr"]
    if len(content) <= 1:
        return
    parent, at = run.getparent(), run.getparent().index(run)
    rpr = run.find(W + "rPr")
    for n, c in enumerate(content):
        new = etree.Element(run.tag, attrib=dict(run.attrib))
        if rpr is not None:
            new.append(copy.deepcopy(rpr))
        c.tail = None  # whitespace between a run's children means nothing
        new.append(c)
        parent.insert(at + n, new)
    _remove_keeping_tail(run)


def _remove_keeping_tail(node: etree._Element) -> None:
    """Remove node; the text after it (whitespace between runs) stays where it was."""
    previous, parent = node.getprevious(), node.getparent()
    if node.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def put_lead(body: etree._Element, items: list[dict], writer: _Writer) -> None:
    """The plan's ``lead`` marks at the start of the body's first paragraph (after its
    properties), in a new first paragraph when the body has none."""
    para = next(body.iter(W + "p"), None)
    if para is None:
        para = writer.w("p")
        body.find(W + "body").insert(0, para)
    at = 1 if len(para) and para[0].tag == W + "pPr" else 0
    for n, node in enumerate(writer.nodes(None, None, "", items)):
        para.insert(at + n, node)


def apply_plan(paragraphs, plan: dict, writer: _Writer) -> None:
    """Put the plan's comments and changes into the stories (the elements the pieces name)."""
    touched = []
    for key, items in plan["pieces"].items():
        p, i = (int(x) for x in key.split(":"))
        text, _ok, element = paragraphs[p][i]
        touched.append((element, text, items))
    for element, _text, _items in touched:
        _explode(element.getparent())
    for element, text, items in touched:
        run = element.getparent()
        parent = run.getparent()
        at = parent.index(run)
        for n, node in enumerate(writer.nodes(run, element, text, items)):
            parent.insert(at + n, node)
        _remove_keeping_tail(run)


def comments_part(existing: bytes | None, plan: dict, writer: _Writer) -> bytes:
    root = parse_xml(existing) if existing else etree.Element(W + "comments", nsmap={"w": WNS})
    for c, comment in enumerate(plan["comments"]):
        node = writer.w("comment", id=writer.comment_base + c, author=AUTHOR, date=writer.date, initials=INITIALS)
        for n, line in enumerate(comment["body"]):
            para = writer.w("p")
            if n == 0:
                para.append(writer.w("r"))
                para[-1].append(writer.w("annotationRef"))
            para.append(writer.w("r"))
            para[-1].append(writer.text("t", line))
            node.append(para)
        root.append(node)
    return xml_bytes(root)


def _rels_with_comments(xml: bytes) -> bytes | None:
    """The relationships with one to comments.xml, or None when it is there already."""
    root = parse_xml(xml)
    if any(r.get("Type") == COMMENTS_REL for r in root):
        return None
    taken = {r.get("Id") for r in root}
    n = 1
    while f"rIdGuide{n}" in taken:
        n += 1
    etree.SubElement(root, f"{{{PKG_REL}}}Relationship", Id=f"rIdGuide{n}", Type=COMMENTS_REL, Target="comments.xml")
    return xml_bytes(root)


def _types_with_comments(xml: bytes) -> bytes | None:
    root = parse_xml(xml)
    if any(o.get("PartName") == "/" + COMMENTS for o in root):
        return None
    etree.SubElement(root, f"{{{PKG_TYPES}}}Override", PartName="/" + COMMENTS, ContentType=COMMENTS_TYPE)
    return xml_bytes(root)


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def annotate_docx(data: bytes, checker_data: dict, year: int | None = None,
                  date: str | None = None, words: list[str] | None = None) -> tuple[bytes, dict]:
    """(the 批注版's bytes, the engine's plan). Raises UnreadableInput for a file it cannot read.
    ``words``: the user's own words, names no typo rule reports (checker/engine.py check)."""
    if date is not None and not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", date):
        raise ValueError(f"date must look like 2026-12-05T08:00:00Z, not {date!r}")
    with open_docx(data) as zf:
        doc = read_document(zf)
        paragraphs = doc.paragraphs
        plan = annotation_plan(doc.engine_paragraphs(), checker_data, year, doc.stories, words)
        names = zf.namelist()
        existing = zf.read(COMMENTS) if COMMENTS in names else None
        comment_base = _max_id(parse_xml(existing), (W + "comment",)) + 1 if existing else 0
        # revision ids after every id the stories have and after the comments' (Word wants them apart)
        writer = _Writer(date or now(), comment_base, max([_max_id(s.root) for s in doc.parts]
                                                          + [comment_base + len(plan["comments"]) - 1]))
        changed: dict[str, bytes] = {}
        apply_plan(paragraphs, plan, writer)
        if plan["lead"]:
            put_lead(doc.parts[0].root, plan["lead"], writer)
            changed[BODY] = b""
        for key in plan["pieces"]:
            changed[doc.owner[int(key.split(":")[0])].name] = b""
        for story in doc.parts:
            if story.name in changed:
                changed[story.name] = xml_bytes(story.root)
        if plan["comments"]:
            changed[COMMENTS] = comments_part(existing, plan, writer)
            if RELS in names and (rels := _rels_with_comments(zf.read(RELS))) is not None:
                changed[RELS] = rels
            if (types := _types_with_comments(zf.read(TYPES))) is not None:
                changed[TYPES] = types
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zout:
            for info in zf.infolist():
                body = changed.pop(info.filename, None)
                zout.writestr(info, body if body is not None else zf.read(info.filename))
            for name, body in changed.items():  # a new comments.xml
                zout.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), body,
                              compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue(), plan
