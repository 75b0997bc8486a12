"""Reading a 批注版 back: its comments, the characters each is anchored on, its tracked
changes, and its text with every change accepted (by XML: w:del dropped, w:ins unwrapped)."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from checker.docx import W, pieces_text, read_pieces


def entries(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def body(blob: bytes) -> etree._Element:
    return etree.fromstring(entries(blob)["word/document.xml"])


def comments(blob: bytes) -> dict[str, dict]:
    """{id: {author, text (its paragraphs joined with newlines)}}."""
    xml = entries(blob).get("word/comments.xml")
    if xml is None:
        return {}
    out = {}
    for c in etree.fromstring(xml).iter(W + "comment"):
        text = "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W + "p"))
        out[c.get(W + "id")] = {"author": c.get(W + "author"), "text": text}
    return out


def anchors(blob: bytes) -> dict[str, str]:
    """{comment id: the original characters it covers} (w:t and w:delText, not inserted text;
    paragraphs joined with newlines)."""
    root, open_, out = body(blob), {}, {}
    for e in root.iter():
        tag = e.tag
        if tag == W + "commentRangeStart":
            open_[e.get(W + "id")] = []
        elif tag == W + "commentRangeEnd":
            out[e.get(W + "id")] = "".join(open_.pop(e.get(W + "id")))
        elif tag == W + "p":  # a paragraph starts while comments are open: a newline in the text
            for parts in open_.values():
                parts.append("\n")
        elif tag in (W + "t", W + "delText") and not any(a.tag == W + "ins" for a in e.iterancestors()):
            for parts in open_.values():
                parts.append(e.text or "")
        elif tag in (W + "tab", W + "br", W + "cr") and e.getparent().tag == W + "r":
            for parts in open_.values():
                parts.append("\t" if tag == W + "tab" else "\n")
    return out


def revisions(blob: bytes) -> list[tuple[str, str, str]]:
    """(kind, text, author) of every w:del / w:ins in document order."""
    out = []
    for e in body(blob).iter(W + "del", W + "ins"):
        texts = e.iter(W + "delText") if e.tag == W + "del" else e.iter(W + "t")
        out.append((etree.QName(e).localname, "".join(t.text or "" for t in texts), e.get(W + "author")))
    return out


def accepted_text(blob: bytes) -> str:
    """The text as the checker reads it after accepting every tracked change."""
    root = body(blob)
    for d in list(root.iter(W + "del")):
        d.getparent().remove(d)
    for i in list(root.iter(W + "ins")):
        parent, at = i.getparent(), i.getparent().index(i)
        for n, child in enumerate(list(i)):
            parent.insert(at + n, child)
        parent.remove(i)
    return pieces_text(read_pieces(root))


def rejected_text(blob: bytes) -> str:
    """The text after rejecting every tracked change: w:ins dropped, w:del unwrapped."""
    root = body(blob)
    for i in list(root.iter(W + "ins")):
        i.getparent().remove(i)
    for d in list(root.iter(W + "del")):
        for t in d.iter(W + "delText"):
            t.tag = W + "t"
        parent, at = d.getparent(), d.getparent().index(d)
        for n, child in enumerate(list(d)):
            parent.insert(at + n, child)
        parent.remove(d)
    return pieces_text(read_pieces(root))


def canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")
