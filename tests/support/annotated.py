"""Reading a 批注版 back: its comments, the characters each is anchored on, its tracked
changes, and its text with every change accepted (by XML: w:del dropped, w:ins unwrapped)."""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from checker.docx import W, open_docx, read_document
from checker.readers import docx_text


def entries(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def body(blob: bytes) -> etree._Element:
    return etree.fromstring(entries(blob)["word/document.xml"])


def stories(blob: bytes) -> list[tuple[str, etree._Element]]:
    """(part name, root) of every story the checker reads, in its order (checker/docx.py)."""
    with open_docx(blob) as zf:
        return [(story.name, story.root) for story in read_document(zf).parts]


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
    paragraphs joined with newlines), in every story."""
    open_, out = {}, {}
    for _name, root in stories(blob):
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


def where_comments_are(blob: bytes) -> dict[str, str]:
    """{comment id: the part its w:commentReference is in}."""
    return {e.get(W + "id"): name for name, root in stories(blob) for e in root.iter(W + "commentReference")}


def revisions(blob: bytes) -> list[tuple[str, str, str]]:
    """(kind, text, author) of every w:del / w:ins, story by story in document order."""
    out = []
    for _name, root in stories(blob):
        for e in root.iter(W + "del", W + "ins"):
            texts = e.iter(W + "delText") if e.tag == W + "del" else e.iter(W + "t")
            out.append((etree.QName(e).localname, "".join(t.text or "" for t in texts), e.get(W + "author")))
    return out


def _stories_changed(blob: bytes, change) -> bytes:
    """The .docx with ``change(root)`` done to every story."""
    changed = {}
    for name, root in stories(blob):
        change(root)
        changed[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, changed.get(info.filename, zin.read(info.filename)))
    return out.getvalue()


def _accept(root: etree._Element) -> None:
    for d in list(root.iter(W + "del")):
        d.getparent().remove(d)
    for i in list(root.iter(W + "ins")):
        parent, at = i.getparent(), i.getparent().index(i)
        for n, child in enumerate(list(i)):
            parent.insert(at + n, child)
        parent.remove(i)


def _reject(root: etree._Element) -> None:
    for i in list(root.iter(W + "ins")):
        i.getparent().remove(i)
    for d in list(root.iter(W + "del")):
        for t in d.iter(W + "delText"):
            t.tag = W + "t"
        parent, at = d.getparent(), d.getparent().index(d)
        for n, child in enumerate(list(d)):
            parent.insert(at + n, child)
        parent.remove(d)


def accepted_text(blob: bytes) -> str:
    """The text as the checker reads it after accepting every tracked change (w:del dropped,
    w:ins unwrapped), in every story."""
    return docx_text(_stories_changed(blob, _accept))


def rejected_text(blob: bytes) -> str:
    """The text after rejecting every tracked change: w:ins dropped, w:del unwrapped."""
    return docx_text(_stories_changed(blob, _reject))


def canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


DOCUMENT = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}'
            '<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
WML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# kind: (part, root element, content type, its w:footnote / w:endnote element or None)
PARTS = {
    "header": ("header1.xml", "hdr", "header", None),
    "footer": ("footer1.xml", "ftr", "footer", None),
    "footnotes": ("footnotes.xml", "footnotes", "footnotes", "footnote"),
    "endnotes": ("endnotes.xml", "endnotes", "endnotes", "endnote"),
}
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/{}"


def _part_xml(kind: str, content) -> str:
    """A header or footer holding ``content`` (paragraphs), or the notes part whose notes 1, 2 …
    are ``content`` (a list of paragraphs each), after the two separators Word writes."""
    _, root, _, note = PARTS[kind]
    if note:
        seps = "".join(f'<w:{note} w:type="{t}" w:id="{i}"><w:p><w:r><w:{s}/></w:r></w:p></w:{note}>'
                       for i, t, s in ((-1, "separator", "separator"), (0, "continuationSeparator",
                                                                          "continuationSeparator")))
        content = seps + "".join(f'<w:{note} w:id="{n}">{x}</w:{note}>' for n, x in enumerate(content, 1))
    return (DECL + f'<w:{root} xmlns:w="{WML}" '
            f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{content}</w:{root}>')


def docx_with_body(body_xml: str, parts: dict | None = None, targets: dict | None = None) -> bytes:
    """A .docx (python-docx's default package) whose body is ``body_xml``; ``parts``: {header,
    footer, footnotes, endnotes: content (see _part_xml)}, each added with its relationship
    (id rIdCase<kind>, target ``targets[kind]`` or the part's name), its content type and, for
    a header or footer, its reference in the last section's properties."""
    import docx

    parts, targets = parts or {}, targets or {}
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    refs = "".join(f'<w:{kind}Reference w:type="default" r:id="rIdCase{kind}"/>'
                   for kind in ("header", "footer") if kind in parts)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = (DECL + DOCUMENT.format(body=body_xml, refs=refs)).encode("utf-8")
            elif info.filename == "word/_rels/document.xml.rels":
                added = "".join(f'<Relationship Id="rIdCase{k}" Type="{RT.format(k)}" '
                                f'Target="{targets.get(k, PARTS[k][0])}"/>' for k in parts)
                data = data.replace(b"</Relationships>", added.encode() + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                added = "".join(f'<Override PartName="/word/{PARTS[k][0]}" ContentType="{CT.format(PARTS[k][2])}"/>'
                                for k in parts)
                data = data.replace(b"</Types>", added.encode() + b"</Types>")
            zout.writestr(info, data)
        for kind, content in parts.items():
            zout.writestr("word/" + PARTS[kind][0], _part_xml(kind, content).encode("utf-8"))
    return out.getvalue()


def case_docx(case: dict) -> bytes:
    """The .docx of a shared case (tests/annotate_cases.yml)."""
    return docx_with_body(case["body"], {k: case[k] for k in PARTS if k in case}, case.get("targets"))


def readback(blob: bytes, plan: dict, base: int = 0) -> dict:
    """What a shared case expects of a 批注版 (``plan``: the engine's plan it was made from;
    ``base``: the id of its first comment, after those the document had)."""
    found = comments(blob)
    where = anchors(blob)
    assert len(found) == base + len(plan["comments"]), (len(found), base, len(plan["comments"]))
    listed = []
    for n, c in enumerate(plan["comments"]):
        cid = str(base + n)
        assert found[cid]["author"] == "报告体检", found[cid]
        if c["finding"] < 0:  # the first comment: what it lists, read from the file
            lines = found[cid]["text"].split("\n")
            assert len(lines) == 1 + len(plan["unplaced"]), lines
            listed.append(["unplaced", lines[1:]])
        else:
            listed.append([plan["findings"][c["finding"]]["rule"], where[cid]])
    return {"text": plan["text"], "comments": listed,
            "changes": [[kind, text] for kind, text, _ in revisions(blob)], "accepted": accepted_text(blob)}


def load_cases() -> list[dict]:
    """tests/annotate_cases.yml."""
    import yaml

    from support import ROOT

    return yaml.safe_load((ROOT / "tests" / "annotate_cases.yml").read_text(encoding="utf-8"))["cases"]


def expected(case: dict) -> dict:
    return {k: case[k] for k in ("text", "comments", "changes", "accepted")}


def run_soffice(args: list[str], profile) -> None:
    """LibreOffice headless with its own profile (a profile in use by another soffice would
    block it); fails when soffice is missing or says it failed."""
    import shutil
    import subprocess
    from pathlib import Path

    import pytest

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("soffice not found: install LibreOffice (apt-get install -y libreoffice-writer-nogui)")
    result = subprocess.run([soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", *args],
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0 and "Error" not in result.stderr, result.stdout + result.stderr


def soffice_pdfs(paths: list, outdir, profile) -> dict:
    """Convert .docx files to PDF with LibreOffice, comments exported as PDF notes. {path: pdf bytes}."""
    from pathlib import Path

    run_soffice(["--convert-to", 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
                 "--outdir", str(outdir), *map(str, paths)], profile)
    out = {}
    for path in paths:
        pdf = Path(outdir) / (Path(path).stem + ".pdf")
        assert pdf.is_file(), f"LibreOffice did not convert {path}"
        out[path] = pdf.read_bytes()
    return out


def pdf_notes(pdf: bytes) -> list[str]:
    """The texts of the PDF's notes (LibreOffice writes each comment as a /Text annotation,
    its /Contents in UTF-16; footnote links are /Link annotations with contents too)."""
    out = []
    for hexed in re.findall(rb"/Subtype\s*/Text\b[^>]*?/Contents\s*<FEFF([0-9A-Fa-f]*)>", pdf):
        out.append(bytes.fromhex(hexed.decode()).decode("utf-16-be"))
    return out
