"""The 批注版 (issue 22): a checked .docx comes back with every finding a Word comment on its
characters and every safe fix a tracked change, from the command line (check_report.py
--annotate, checker/annotate.py) and from the 报告体检 page (annotate.js), both placed by the
engine's one mapping (GuideChecker.annotationPlan). The shared cases (tests/annotate_cases.yml)
run on both sides; the guide's samples and templates with planted faults and .docx files
LibreOffice makes from the seeds go round trip: LibreOffice opens the 批注版 and finds every
comment, each comment sits on the finding's characters, accepting every change gives the text
--fix gives, rejecting them gives the original, and untouched zip entries are byte for byte the
same. Bad input gets a Chinese message and exit status 2."""

from __future__ import annotations

import base64
import io
import os
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from checker.annotate import annotate_docx, u16
from checker.docx import W, open_docx, read_document, read_pieces
from checker.fixes import apply_safe_fixes
from checker.readers import docx_text
from support import ROOT
from support.annotated import (
    accepted_text,
    anchors,
    canonical,
    case_docx,
    comments,
    docx_with_body,
    entries,
    expected,
    load_cases,
    pdf_notes,
    readback,
    rejected_text,
    run_soffice,
    soffice_pdfs,
)
from support.checker import CLI

CASES = load_cases()
DATE = "2026-12-05T08:00:00Z"
PAGE = "checker/index.html"
CHANGED = {"word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}


def may_change(source: bytes) -> set[str]:
    """The entries a 批注版 may change: CHANGED and the stories the checker reads."""
    with open_docx(source) as zf:
        return CHANGED | {story.name for story in read_document(zf).parts}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_shared_case_in_python(case, data):
    blob = case_docx(case)
    assert docx_text(blob) == case["text"]
    out, plan = annotate_docx(blob, data, date=DATE)
    assert readback(out, plan) == expected(case)


def test_shared_cases_open_in_libreoffice(data, tmp_path):
    """Every shared case's 批注版 (headers, footers, notes and the added first paragraph
    included) opens in LibreOffice, which finds each comment with its text."""
    written = {}
    for case in CASES:
        out, plan = annotate_docx(case_docx(case), data, date=DATE)
        path = tmp_path / (case["id"] + ".docx")
        path.write_bytes(out)
        written[path] = plan
    pdfs = soffice_pdfs(list(written), tmp_path / "pdf", tmp_path / "lo-profile")
    for path, plan in written.items():
        assert sorted(pdf_notes(pdfs[path])) == sorted("\n".join(c["body"]) for c in plan["comments"]), path.name


def _with_edits(text: str, edits: list[dict]) -> str:
    """text with the engine's edits made (UTF-16 offsets)."""
    out, at = [], 0
    for e in sorted(edits, key=lambda e: e["start"]):
        out += [u16(text, at, e["start"]), e["text"]]
        at = e["end"]
    return "".join(out) + u16(text, at, len(text.encode("utf-16-le")) // 2)


@pytest.mark.parametrize("case_id", ["field-result-is-listed-first", "text-box-is-listed-first",
                                     "existing-revision-is-listed-first", "header-and-footer-are-listed-first-and-revised"])
def test_accepting_all_differs_from_fix_only_where_the_first_comment_says(case_id, data):
    """A safe fix that cannot be a 修订 (in a field result, a text box, an existing 修订) is
    said in the first comment, next to its finding: accepting every change gives --fix's text
    but for exactly those fixes."""
    blob = case_docx(next(c for c in CASES if c["id"] == case_id))
    out, plan = annotate_docx(blob, data, date=DATE)
    text = docx_text(blob)
    assert accepted_text(out) == _with_edits(text, plan["edits"])
    assert apply_safe_fixes(text, data)[0] == _with_edits(text, plan["edits"] + plan["left"])
    first = comments(out)["0"]["text"].split("\n")[1:]
    not_made = {e["finding"] for e in plan["left"]}
    assert not_made <= set(plan["unplaced"])
    for index, line in zip(plan["unplaced"], first):
        assert ("此处未做修订" in line) == (index in not_made), line
    if case_id.startswith("header"):
        assert not plan["left"] and accepted_text(out) == apply_safe_fixes(text, data)[0]
    else:
        assert plan["left"] and accepted_text(out) != apply_safe_fixes(text, data)[0]


def _browser_build(p, blob: bytes, year=None, edits=None) -> tuple[bytes, dict]:
    result = p.evaluate("""([b64, date, year, edits]) => {
      const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
      return GuidePage.unzipDocx(bytes).then(docx => {
        const built = GuideAnnotate.build(docx, window.GUIDE_CHECKER_DATA, {date, year, edits: edits || undefined});
        let s = ""; built.bytes.forEach(b => { s += String.fromCharCode(b); });
        return [btoa(s), built.plan];
      });
    }""", [base64.b64encode(blob).decode(), DATE, year, edits])
    return base64.b64decode(result[0]), result[1]


def assert_same_annotation(browser: bytes, cli: bytes, source: bytes) -> None:
    """The browser's 批注版 equals the command line's: the same entries in the same order, the
    changed parts the same XML (canonical form), the others byte for byte the source's."""
    b, c, s = entries(browser), entries(cli), entries(source)
    assert list(b) == list(c)
    changed = may_change(source)
    for name in c:
        if name in CHANGED or (name in changed and c[name] != s[name]):
            assert canonical(b[name]) == canonical(c[name]), name
        else:
            assert b[name] == c[name] == s[name], name


def test_shared_cases_in_chromium_equal_the_command_line(page, site_server, data):
    p = page.page
    p.goto(site_server + PAGE)
    for case in CASES:
        blob = case_docx(case)
        read = p.evaluate("""b64 => GuidePage.unzipDocx(Uint8Array.from(atob(b64), c => c.charCodeAt(0))).then(docx => {
          const d = GuidePage.docxDocument(docx.entries);
          return [d.engineParagraphs(), d.stories, d.parts.map(part => [part.kind, part.name])]; })""",
                          base64.b64encode(blob).decode())
        with open_docx(blob) as zf:
            doc = read_document(zf)
        assert read == [doc.engine_paragraphs(), doc.stories, [[s.kind, s.name] for s in doc.parts]], case["id"]
        browser, plan = _browser_build(p, blob)
        assert readback(browser, plan) == expected(case), case["id"]
        assert_same_annotation(browser, annotate_docx(blob, data, date=DATE)[0], blob)


# Round trip -----------------------------------------------------------------------------

def plant_faults(blob: bytes) -> bytes:
    """The .docx with faults the safe fixes repair planted into its first long runs of text:
    a half-width comma, Traditional characters, a listed typo, a space before a figure,
    conversion pinyin. Every other entry stays as it was."""
    files = entries(blob)
    root = etree.fromstring(files["word/document.xml"])
    plants = ["，,", "學習", "按装", "共 12次", "习(xí)"]
    for paragraph in read_pieces(root):
        for text, ok, element in paragraph:
            if not plants:
                break
            at = next((i for i in range(2, len(text)) if "\u4e00" <= text[i - 1] <= "\u9fff"
                       and "\u4e00" <= text[i] <= "\u9fff"), None)
            if ok and element.tag == W + "t" and at is not None:
                element.text = text[:at] + plants.pop(0)[1 if text[at - 1] == "，" else 0:] + text[at:]
    assert not plants, "not enough text to plant the faults in"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) \
                if info.filename == "word/document.xml" else files[info.filename]
            zout.writestr(info, body)
    return out.getvalue()


def check_round_trip(source: bytes, out: bytes, plan: dict, data: dict, base: int = 0) -> None:
    """One comment per finding (one first comment for all those that cannot be placed) on the
    finding's characters; accepting every change gives --fix's text, rejecting them the
    original; untouched entries byte for byte the same."""
    found = comments(out)
    unplaced = len(plan["unplaced"])
    assert len(found) - base == len(plan["findings"]) - unplaced + (1 if unplaced else 0) == len(plan["comments"])
    assert all(found[str(base + n)]["author"] == "报告体检" for n in range(len(plan["comments"])))
    where = anchors(out)
    for n, c in enumerate(plan["comments"]):
        if c["finding"] >= 0:
            f = plan["findings"][c["finding"]]
            assert where[str(base + n)].strip("\n") == u16(plan["text"], f["offset"], f["offset"] + f["units"]).strip("\n"), f
    assert not plan["left"], plan["left"]  # every safe fix became a tracked change
    text = docx_text(source)
    assert accepted_text(out) == apply_safe_fixes(text, data)[0]
    assert rejected_text(out) == text
    before, after = entries(source), entries(out)
    changed = may_change(source)
    assert set(before) <= set(after) <= set(before) | CHANGED
    for name in before:
        if name not in changed:
            assert after[name] == before[name], name


def guide_documents() -> dict[str, bytes]:
    """The templates' and samples' .docx as the build makes them."""
    from macros.downloads import collect_downloads
    from macros.sitedata import load_site_data

    found = collect_downloads(load_site_data(ROOT))
    return {Path(path).name: d.build() for path, d in sorted(found.items()) if path.endswith(".docx")}


SEEDS = ROOT.parent / "shared" / "seeds"  # real reports, beside the clone (as test_originality finds them)


def seed_documents(tmp_path: Path) -> dict[str, bytes]:
    """The seeds made into .docx by LibreOffice."""
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        if os.environ.get("CI"):
            pytest.fail(f"no reference documents in {SEEDS}: CI must have ../shared beside the clone")
        pytest.skip(f"no reference documents in {SEEDS}")
    outdir = tmp_path / "seeds-docx"
    run_soffice(["--infilter=Text (encoded):UTF8,LF,,", "--convert-to", "docx:MS Word 2007 XML",
                 "--outdir", str(outdir), *map(str, seeds)], tmp_path / "lo-profile")
    return {t.stem + ".docx": (outdir / (t.stem + ".docx")).read_bytes() for t in seeds}


def round_trip(sources: dict[str, bytes], data: dict, tmp_path: Path) -> None:
    """Each source's 批注版 checked (check_round_trip), then opened by LibreOffice, which must
    convert it and find every comment with its text."""
    written = {}
    for name, source in sources.items():
        out, plan = annotate_docx(source, data, date=DATE)
        assert plan["findings"], name
        check_round_trip(source, out, plan, data)
        path = tmp_path / "annotated" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(out)
        written[path] = plan
    pdfs = soffice_pdfs(list(written), tmp_path / "pdf", tmp_path / "lo-profile")
    for path, plan in written.items():
        bodies = ["\n".join(c["body"]) for c in plan["comments"]]
        assert sorted(pdf_notes(pdfs[path])) == sorted(bodies), path.name


def test_round_trip_guide_templates_and_samples(data, tmp_path):
    sources = {k: plant_faults(v) for k, v in guide_documents().items()}
    data_dir = ROOT / "data"
    assert len(sources) == len(list((data_dir / "templates").glob("*.yml"))) + len(list((data_dir / "samples").glob("*.yml")))
    round_trip(sources, data, tmp_path)


def test_round_trip_seeds_made_docx_by_libreoffice(data, tmp_path):
    sources = seed_documents(tmp_path)
    assert len(sources) >= 4
    round_trip(sources, data, tmp_path)


def test_browser_annotation_equals_the_command_line_on_guide_documents(page, site_server, data, tmp_path):
    p = page.page
    p.goto(site_server + PAGE)
    docs = guide_documents()
    for name in ("annual-report.docx", "sample-half-year-report.docx", "work-plan.docx"):
        source = plant_faults(docs[name])
        browser, _ = _browser_build(p, source)
        assert_same_annotation(browser, annotate_docx(source, data, date=DATE)[0], source)


def test_a_document_with_comments_keeps_them(data, tmp_path):
    import docx

    document = docx.Document()
    para = document.add_paragraph("理论学习中心组按装了设备,做得很好")
    document.add_comment(para.runs, text="原有的批注", author="张三", initials="张")
    buffer = io.BytesIO()
    document.save(buffer)
    source = buffer.getvalue()
    out, plan = annotate_docx(source, data, date=DATE)
    found = comments(out)
    assert found["0"] == {"author": "张三", "text": "原有的批注"}
    assert readback(out, plan, base=1)["comments"] == [["typo-known", "按装"], ["punct-width", ","]]
    check_round_trip(source, out, plan, data, base=1)


# Command line and bad input ----------------------------------------------------------------

def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=120, check=False)


def test_cli_writes_the_annotated_copy(tmp_path, data):
    src = tmp_path / "草稿.docx"
    src.write_bytes(docx_with_body(CASES[0]["body"]))
    result = run(src, "--annotate", tmp_path / "批注版.docx")
    assert result.returncode == 1, result.stderr  # error findings, as when checking
    assert "3 处问题写成批注，3 处安全修改写成修订" in result.stderr
    out = (tmp_path / "批注版.docx").read_bytes()
    assert accepted_text(out) == CASES[0]["accepted"]
    assert run(src, "--annotate", src).returncode == 2  # never over the original
    assert run(src, src, "--annotate", tmp_path / "x.docx").returncode == 2  # one file only (argparse)


def bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Files that are not a report's .docx, and what the message must say."""
    notzip = tmp_path / "不是文档.docx"
    notzip.write_bytes(b"this is plain text, not a zip")
    big = tmp_path / "太大.docx"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_STORED) as zf:
        with zipfile.ZipFile(io.BytesIO(docx_with_body(CASES[0]["body"]))) as good:
            for info in good.infolist():
                zf.writestr(info.filename, good.read(info.filename))
        zf.writestr("word/media/image1.png", bytes(51 * 1024 * 1024))
    docm = tmp_path / "带宏.docx"
    with zipfile.ZipFile(docm, "w") as zf, zipfile.ZipFile(io.BytesIO(docx_with_body(CASES[0]["body"]))) as good:
        for info in good.infolist():
            body = good.read(info.filename)
            if info.filename == "[Content_Types].xml":
                body = body.replace(b"document.main+xml", b"document.macroEnabled.main+xml")
            zf.writestr(info.filename, body)
        zf.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0" + bytes(100))
    named = tmp_path / "带宏.docm"
    named.write_bytes(docm.read_bytes())
    return {"notzip": (notzip, "不是有效的 Word 文档"), "big": (big, "超过 50 MB"), "docm": (docm, "带宏的 Word 文档"),
            "named": (named, "带宏的 Word 文档")}


def test_cli_bad_input_says_why_and_exits_2(tmp_path):
    for path, message in bad_inputs(tmp_path).values():
        for args in ((path, "--annotate", tmp_path / "out.docx"), (path,)):
            result = run(*args)
            assert result.returncode == 2, (path.name, result.stderr)
            assert message in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert not (tmp_path / "out.docx").exists()
    txt = tmp_path / "草稿.txt"
    txt.write_text("学习,宣讲", encoding="utf-8")
    result = run(txt, "--annotate", tmp_path / "out.docx")
    assert result.returncode == 2 and "只能从 .docx" in result.stderr


def test_page_bad_input_says_why(page, site_server, tmp_path):
    """Not a .docx, over 50 MB, a .docx with macros, a .docm: each its message, which the check
    made again when the late data arrives does not wipe; then the page still opens a good .docx
    and makes its 批注版 (nothing crashed)."""
    p = page.page
    cases = bad_inputs(tmp_path)
    assert cases["big"][0].stat().st_size > 50 * 1024 * 1024
    held = []  # the word list's request, held until a file has been opened

    def hold(route):  # a function of Python's own: Playwright does not take a bound builtin
        held.append(route)

    p.route("**/checker-typo-data.js", hold)
    p.goto(site_server + PAGE)
    path, message = cases["notzip"]
    p.set_input_files("#checker-file", str(path))
    p.wait_for_function("m => document.getElementById('checker-status').textContent.includes(m)", arg=message)
    while not held:
        p.wait_for_timeout(20)
    held[0].continue_()
    # the word list, the word pairs and the language model arrive after the file's message: their
    # checks again keep it
    p.wait_for_function("document.body.dataset.checkerLm === 'ready'")
    assert message in p.text_content("#checker-status")
    p.unroute("**/checker-typo-data.js")
    for path, message in cases.values():
        p.set_input_files("#checker-file", str(path))
        p.wait_for_function("m => document.getElementById('checker-status').textContent.includes(m)", arg=message)
        assert p.is_hidden("#checker-annotate")
    good = tmp_path / "好.docx"
    good.write_bytes(docx_with_body(CASES[0]["body"]))
    p.set_input_files("#checker-file", str(good))
    p.wait_for_selector("#checker-annotate:not([hidden])")
    with p.expect_download() as download:
        p.click("#checker-annotate")
    assert accepted_text(Path(download.value.path()).read_bytes()) == CASES[0]["accepted"]


def test_fix_is_the_engine_safe_edits(data):
    """--fix makes the safe fixes the page and the 批注版 make: a listed typo too."""
    assert apply_safe_fixes("理論学习,按装了 12台设备(shè)", data)[0] == "理论学习，安装了12台设备"


# The page ---------------------------------------------------------------------------------

def test_page_groups_accepts_rejects_undoes_copies_and_downloads(page, built_site, tmp_path, data):
    """From file://: grouped safe fixes, a group and a single suggestion rejected, undo, the
    fixed text copied, the 批注版 downloaded with only the accepted changes."""
    source = tmp_path / "草稿.docx"
    source.write_bytes(docx_with_body(
        "<w:p><w:r><w:t>学习,宣讲,走访,座谈会按装了设备</w:t></w:r></w:p><w:p><w:r><w:t>理論 12场</w:t></w:r></w:p>"))
    p = page.page
    p.goto((built_site.path / PAGE).as_uri())
    p.set_input_files("#checker-file", str(source))
    p.wait_for_selector(".checker-group[data-rule=punct-width]")
    label = p.locator(".checker-group[data-rule=punct-width] .checker-group-label")
    assert label.inner_text() == "3 处半角标点，全部改为全角"
    assert p.locator(".checker-group").count() == 4  # 半角标点, 常见错别字, 繁体字, 多余空格
    p.click(".checker-group[data-rule=punct-width] .checker-group-reject")
    assert label.inner_text() == "3 处半角标点，全部改为全角（已采纳 0 处）"
    p.click("#checker-undo")
    assert label.inner_text() == "3 处半角标点，全部改为全角"
    assert p.is_disabled("#checker-undo")
    group = p.locator(".checker-group[data-rule=punct-width]")
    group.locator("summary").click()
    group.locator(".checker-edit button").nth(1).click()  # the second comma stays
    assert label.inner_text() == "3 处半角标点，全部改为全角（已采纳 2 处）"
    p.evaluate("""() => { window.__copied = null;  // the clipboard, whichever way the page reaches it
      if (navigator.clipboard) navigator.clipboard.writeText = t => { window.__copied = t; return Promise.resolve(); };
      document.execCommand = () => { window.__copied = document.activeElement.value; return true; }; }""")
    p.click("#checker-copy")
    p.wait_for_function("window.__copied !== null")
    fixed = "学习，宣讲,走访，座谈会安装了设备\n理论12场"
    assert p.evaluate("window.__copied") == fixed
    assert "已复制改好的文本" in p.inner_text("#checker-status")
    with p.expect_download() as download:
        p.click("#checker-annotate")
    assert download.value.suggested_filename == "草稿-批注版.docx"
    out = Path(download.value.path()).read_bytes()
    assert accepted_text(out) == fixed
    assert rejected_text(out) == docx_text(source.read_bytes())
    assert len(comments(out)) == 6
    assert "6 处问题写成批注，5 处修改写成修订" in p.inner_text("#checker-status")
    p.fill("#checker-input", "改过的文字,不再是那个文件")
    p.click("#checker-run")
    assert p.is_hidden("#checker-annotate")  # the 批注版 is of the opened file only


def outside_the_body_docx() -> bytes:
    """A report whose header and footnote each hold a fault."""
    return docx_with_body(
        "<w:p><w:r><w:t>示例街道2026年宣传思想工作总结</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>全年开展理论宣讲12场</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r>"
        "<w:r><w:t>，覆盖居民1200人次。</w:t></w:r></w:p>",
        {"header": "<w:p><w:r><w:t>示例街道党工委,宣传科</w:t></w:r></w:p>",
         "footnotes": ["<w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>数据来自街道台賬。</w:t></w:r></w:p>"]})


def test_page_says_where_a_finding_outside_the_body_is(page, site_server, tmp_path):
    """An opened .docx with faults in its header and a footnote: the list says 页眉第1行… and
    脚注第1行…, the view names each story where it starts, and so do the suggestions."""
    source = tmp_path / "草稿.docx"
    source.write_bytes(outside_the_body_docx())
    p = page.page
    p.goto(site_server + PAGE)
    p.set_input_files("#checker-file", str(source))
    # the context rule's data arrive after the page is usable and the findings are drawn again: a group opened
    # before the last of them (the language model) would be drawn again closed
    p.wait_for_function("document.body.dataset.checkerLm === 'ready'")
    p.wait_for_selector(".checker-story")
    assert p.locator(".checker-story").all_inner_texts() == ["以下是脚注", "以下是页眉"]
    where = p.locator(".checker-where").all_inner_texts()
    assert where == ["脚注第1行第8字", "页眉第1行第8字"], where
    p.locator(".checker-group[data-rule=traditional] summary").click()
    assert p.locator(".checker-group[data-rule=traditional] .checker-edit-text").inner_text().startswith("脚注第1行第8字：")
    p.evaluate("""() => { window.__copied = null;
      if (navigator.clipboard) navigator.clipboard.writeText = t => { window.__copied = t; return Promise.resolve(); };
      document.execCommand = () => { window.__copied = document.activeElement.value; return true; }; }""")
    p.click("#checker-copy")
    p.wait_for_function("window.__copied !== null")
    assert p.evaluate("window.__copied") == "示例街道2026年宣传思想工作总结\n全年开展理论宣讲12场，覆盖居民1200人次。"
    assert "复制的只是正文" in p.inner_text("#checker-status")
    p.fill("#checker-input", p.input_value("#checker-input") + "再加一句")  # no longer the file: plain lines
    p.click("#checker-run")
    assert p.locator(".checker-story").count() == 0
    assert not any(w.startswith(("页眉", "脚注")) for w in p.locator(".checker-where").all_inner_texts())


def test_bench_times_the_annotated_copy(page, site_server, data):
    """scripts/bench_checker.py's 批注版 figures: a 10,000-character .docx annotated in this
    process, by the whole command and on the page in Chromium (its own snippet), with the same plan."""
    from scripts import bench_checker as bench

    text = bench.sample_texts()["faulty report"]
    blob = bench.report_docx(text)
    assert docx_text(blob) == text and len(text) == 10_000
    in_process, whole, plan = bench.bench_annotate(blob, data, 1)
    assert in_process > 0 and whole > 0 and len(plan["comments"]) > 100 and plan["edits"]
    p = page.page
    p.goto(site_server + PAGE)
    ms, count, edits = p.evaluate(bench.BROWSER_ANNOTATE, [base64.b64encode(blob).decode(), 1])
    assert ms > 0 and (count, edits) == (len(plan["comments"]), len(plan["edits"]))


def test_round_trip_with_a_header_and_a_footnote(data, tmp_path):
    """Faults in a header and a footnote: LibreOffice opens the 批注版 and finds the first
    comment listing them, accepting every change gives --fix's text (the 修订 there
    included), rejecting them the original."""
    source = outside_the_body_docx()
    _, plan = annotate_docx(source, data, date=DATE)
    assert len(plan["unplaced"]) == 2 and len(plan["edits"]) == 2 and not plan["left"]
    round_trip({"outside.docx": source}, data, tmp_path)
