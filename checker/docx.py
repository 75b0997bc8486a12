"""A .docx as the checker reads it: opened safely, and its body cut into the pieces of text
the checker's text is made of.

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
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from .readers import MACROS, MAX_BYTES, TOO_BIG, UnreadableInput

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
BODY = "word/document.xml"
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
    try:
        xml = zf.read(BODY)
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, NotImplementedError) as exc:
        raise UnreadableInput(f"不是有效的 Word 文档（.docx）：{exc}") from None
    return parse_xml(xml)


def read_pieces(root: etree._Element) -> list[list[tuple[str, bool, etree._Element]]]:
    """The paragraphs, each a list of (text, anchorable, element)."""
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
