"""A .docx as the checker reads it: opened safely, and its stories (the body, then the
footnotes, endnotes, headers and footers) cut into the pieces of text the checker's text is
made of.

``open_docx`` refuses what is not a Word document, a file over 50 MB and a document with
macros (a .docm renamed .docx), each with a Chinese message (UnreadableInput).
``read_pieces`` walks word/document.xml in document order: every w:p (tables and text
boxes included) is a paragraph, and inside it every w:t is its text, w:tab a tab and
w:br / w:cr a newline, one piece each. The checked text is the pieces joined, paragraphs
joined with newlines (checker/readers.py); the 报告体检 page reads a .docx the same way
(docs/assets/javascripts/checker/annotate.js, ``pieces``). A piece is *anchorable* when a
comment or a tracked change can go round it: it is in a run (w:r) directly in the
paragraph, a hyperlink, a smart tag, custom XML or a content control, and not in a field
(between w:fldChar begin and end, or in w:fldSimple), an existing 修订 (w:ins, w:del,
w:moveTo, w:moveFrom), a text box (w:txbxContent) or alternative content (mc:AlternateContent).

``read_document`` reads every story in one defined order (``story_parts``): the body, then
word/footnotes.xml and word/endnotes.xml (their separators left out), then the headers and
footers in the order the body's section properties name them, each part once. A story with
no Chinese character and no Latin letter (an empty header, a page number footer such as
“— 1 —”: no rule finds anything there) is left out; each other story after the body begins after one empty paragraph, so no rule reads
the last line of the body and the first of a footnote as one sentence. Outside the body no
piece takes a comment: Word allows none in headers and footers, and though WordprocessingML
and Word allow them in footnotes and endnotes, LibreOffice (7.4) refuses to open a .docx
with a w:commentReference in a note. Tracked changes are allowed in all of them and open
in LibreOffice, so a safe fix there is a 修订, and the finding is listed in the first
comment by where it is (页眉第1行第3字…; GuideChecker.annotationPlan, ``stories``).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from .readers import MACROS, MAX_BYTES, TOO_BIG, UnreadableInput

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
BODY = "word/document.xml"
RELS = "word/_rels/document.xml.rels"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
NOTES = ("footnotes", "endnotes")
NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}
NOTE_TAGS = {W + "footnote", W + "endnote"}
WORDS = re.compile("[\u3400-\u9fff\uf900-\ufaffA-Za-z]")  # a story without these is left out
RUN_PARENTS = {W + "p", W + "hyperlink", W + "smartTag", W + "customXml", W + "sdtContent"}
BLOCKING = {W + "ins", W + "del", W + "moveTo", W + "moveFrom", W + "fldSimple", W + "txbxContent",
            MC + "AlternateContent"}
PIECES = {W + "t": None, W + "tab": "\t", W + "br": "\n", W + "cr": "\n"}
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)


def open_docx(data: bytes) -> zipfile.ZipFile:
    """The .docx's zip, after the checks of the module docstring."""
    if len(data) > MAX_BYTES:
        raise UnreadableInput(TOO_BIG)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
        types = zf.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError) as exc:
        raise UnreadableInput(f"不是有效的 Word 文档（.docx）：{exc}") from None
    if "word/vbaProject.bin" in names or b"macroEnabled" in types:
        raise UnreadableInput(MACROS)
    if BODY not in names:
        raise UnreadableInput("不是有效的 Word 文档（.docx）：里面没有 Word 正文（word/document.xml）")
    return zf


def parse_xml(xml: bytes) -> etree._Element:
    try:
        return etree.fromstring(xml, PARSER)
    except etree.XMLSyntaxError as exc:
        raise UnreadableInput(f"Word 文档内容损坏，无法解析：{exc}") from None


def read_body(zf: zipfile.ZipFile) -> etree._Element:
    return read_part(zf, BODY)


def read_part(zf: zipfile.ZipFile, name: str) -> etree._Element:
    try:
        xml = zf.read(name)
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, NotImplementedError) as exc:
        raise UnreadableInput(f"不是有效的 Word 文档（.docx）：{exc}") from None
    return parse_xml(xml)


def story_parts(zf: zipfile.ZipFile, body: etree._Element) -> list[tuple[str, str]]:
    """(kind, part name) of the stories after the body, in the order of the module docstring:
    kind is footnotes, endnotes, header or footer. Parts named by the relationships but not in
    the zip are left out."""
    names = set(zf.namelist())
    rels = {}
    if RELS in names:
        for rel in read_part(zf, RELS).iter(PKG_REL + "Relationship"):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External" or not target:
                continue
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath("word/" + target)
            rels[rel.get("Id")] = ((rel.get("Type") or "").removeprefix(REL_TYPE), part)
    out: list[tuple[str, str]] = []
    for kind in NOTES:
        out += [(kind, part) for k, part in rels.values() if k == kind and part in names and (kind, part) not in out]
    for ref in body.iter(W + "headerReference", W + "footerReference"):
        kind, part = rels.get(ref.get(R + "id"), ("", ""))
        if kind in ("header", "footer") and part in names and (kind, part) not in out:
            out.append((kind, part))
    return out


@dataclass
class Story:
    kind: str  # body, footnotes, endnotes, header, footer
    name: str  # its part in the zip
    root: etree._Element
    paragraphs: list


@dataclass
class Document:
    """A .docx as the checker reads it: ``paragraphs`` (pieces, see read_pieces) of every story
    with text, an empty paragraph before each after the body; ``stories`` ([kind, first
    paragraph] of each of those, for GuideChecker.annotationPlan); ``parts`` every story read
    (the body first), with or without text; ``owner`` the Story of each paragraph (None for
    the empty ones between)."""
    paragraphs: list
    stories: list
    parts: list
    owner: list

    def engine_paragraphs(self) -> list:
        """The paragraphs as GuideChecker.annotationPlan takes them: [text, anchorable,
        editable] pieces, anchorable only in the body (see the module docstring)."""
        return [[[t, ok and (story is None or story.kind == "body"), ok] for t, ok, _ in para]
                for para, story in zip(self.paragraphs, self.owner)]


def read_document(zf: zipfile.ZipFile) -> Document:
    body = read_body(zf)
    parts = [Story("body", BODY, body, read_pieces(body))]
    for kind, name in story_parts(zf, body):
        root = read_part(zf, name)
        parts.append(Story(kind, name, root, read_pieces(root)))
    paragraphs, stories, owner = list(parts[0].paragraphs), [], [parts[0]] * len(parts[0].paragraphs)
    for story in parts[1:]:
        if not WORDS.search(pieces_text(story.paragraphs)):
            continue
        paragraphs.append([])
        owner.append(None)
        stories.append([story.kind, len(paragraphs)])
        paragraphs += story.paragraphs
        owner += [story] * len(story.paragraphs)
    return Document(paragraphs, stories, parts, owner)


def read_pieces(root: etree._Element) -> list[list[tuple[str, bool, etree._Element]]]:
    """The paragraphs, each a list of (text, anchorable, element). Footnote and endnote
    separators are left out."""
    paragraphs: list = []
    field = [0]  # depth of complex fields (w:fldChar begin ... end)

    def walk(node, current: list | None, blocked: bool) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str):
                continue  # XML comments, processing instructions
            if tag == W + "p":
                own: list = []
                paragraphs.append(own)  # document order: this paragraph before those inside it
                walk(child, own, blocked)
            elif current is not None and tag in PIECES:
                text = PIECES[tag] if PIECES[tag] is not None else (child.text or "")
                run = child.getparent()
                ok = (not blocked and not field[0] and run.tag == W + "r"
                      and run.getparent() is not None and run.getparent().tag in RUN_PARENTS)
                current.append((text, ok, child))
            elif tag in NOTE_TAGS and child.get(W + "type") in NOTE_SEPARATORS:
                continue
            elif tag == W + "fldChar":
                kind = child.get(W + "fldCharType")
                field[0] = field[0] + 1 if kind == "begin" else max(field[0] - 1, 0) if kind == "end" else field[0]
            else:
                walk(child, current, blocked or tag in BLOCKING)

    walk(root, None, False)
    return paragraphs


def pieces_text(paragraphs) -> str:
    """The text the checker reads: the pieces joined, paragraphs joined with newlines."""
    return "\n".join("".join(piece[0] for piece in p) for p in paragraphs)
