"""Read a report from .txt, .md or .docx into the text the checker sees.

A .docx becomes its paragraphs (every w:p of word/document.xml, in document
order, tables and text boxes included, then those of its footnotes, endnotes,
headers and footers, checker/docx.py read_document) joined with newlines;
inside a paragraph w:tab is a tab and w:br / w:cr a newline. The 报告体检 page
reads a .docx the same way (docs/assets/javascripts/checker/shared.js).

``read_words`` reads the user's own words (``check_report.py --words FILE``), the command
line's 我的词表.
"""

from __future__ import annotations

from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
TOO_BIG = "文件超过 50 MB，不像是一份报告；请删去图片后另存一份再检查"
MACROS = "这是带宏的 Word 文档（.docm），为安全起见不予检查；请在 Word 或 WPS 中另存为“Word 文档（*.docx）”后再检查"


class UnreadableInput(Exception):
    """The file cannot be read as a report; the message says why, in Chinese."""


def docx_text(data: bytes) -> str:
    """The paragraphs of a .docx, joined with newlines (checker/docx.py reads them)."""
    from .docx import open_docx, pieces_text, read_document

    with open_docx(data) as zf:
        return pieces_text(read_document(zf).paragraphs)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB 18030; binary data is refused."""
    if b"\x00" in data[:8192]:
        raise UnreadableInput("这是二进制文件，不是文本；请另存为 .txt（UTF-8）或 .docx 后再检查")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableInput("无法识别文字编码；请另存为 UTF-8 编码的 .txt")


def read_report(path: Path | str) -> str:
    """The text of a .txt, .md or .docx file; raises UnreadableInput."""
    path = Path(path)
    if not path.is_file():
        raise UnreadableInput("找不到这个文件")
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".md", ".docx", ".text", ".markdown"):
        if suffix in (".docm", ".dotm"):
            raise UnreadableInput(MACROS)
        if suffix == ".doc":
            raise UnreadableInput("不支持旧版 .doc 格式；请在 Word 或 WPS 中另存为 .docx")
        raise UnreadableInput(f"不支持 {suffix or '无扩展名'} 文件；请使用 .txt、.md 或 .docx")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UnreadableInput(TOO_BIG)
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"无法读取文件：{exc.strerror or exc}") from None
    if suffix == ".docx":
        return docx_text(data)
    return decode_text(data)


WORDS_MAX_BYTES = 1024 * 1024
WORDS_HELP = "词表是 UTF-8 编码的文本文件，一行一个词，# 后面是注释"


def read_words(path: Path | str) -> list[str]:
    """The words of a word list (``--words FILE``): UTF-8 (with or without BOM), one word a line,
    what follows a ``#`` a comment, blank lines skipped, each word once in the order first written.
    Raises UnreadableInput, whose message says why and what to do."""
    path = Path(path)
    if not path.is_file():
        raise UnreadableInput(f"找不到词表文件；请检查路径，或去掉 --words。{WORDS_HELP}")
    try:
        if path.stat().st_size > WORDS_MAX_BYTES:
            raise UnreadableInput(f"词表文件超过 1 MB，不像是一份词表；{WORDS_HELP}")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"无法读取词表文件：{exc.strerror or exc}；请检查文件的读取权限") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableInput(f"词表文件不是 UTF-8 编码；请用记事本等另存为 UTF-8。{WORDS_HELP}") from None
    words: dict[str, None] = {}
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip(" \t\u3000\u00a0\ufeff")
        if word:
            words[word] = None
    return list(words)
