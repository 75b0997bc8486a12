"""Reading a 批注版 back: its comments, the characters each is anchored on, its tracked
changes, and its text with every change accepted (by XML: w:del dropped, w:ins unwrapped)."""

from __future__ import annotations

import io
import re
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


DOCUMENT = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}'
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')


def docx_with_body(body_xml: str) -> bytes:
    """A .docx (python-docx's default package) whose body is ``body_xml``."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        + DOCUMENT.format(body=body_xml)).encode("utf-8")
            zout.writestr(info, data)
    return out.getvalue()


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
        if c["finding"] < 0:
            listed.append(["unplaced", len(plan["unplaced"])])
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
    """The texts of the PDF's notes (LibreOffice writes each comment as one, its /Contents in UTF-16)."""
    out = []
    for hexed in re.findall(rb"/Contents\s*<FEFF([0-9A-Fa-f]*)>", pdf):
        out.append(bytes.fromhex(hexed.decode()).decode("utf-16-be"))
    return out
