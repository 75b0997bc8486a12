"""The report checker in the browser: the shared cases give the same findings in
Chromium as in V8 (one engine, checker/engine.js), and the 报告体检 page works
offline, from file://, keeps the draft, reads .docx, and sends nothing anywhere."""

from __future__ import annotations

import re

from checker.readers import read_report, read_words
from support.checker import CASES, ROOT, make_docx, summary

PAGE = "checker/index.html"


def test_built_page_loads_generated_data(built_site, data):
    soup = built_site.soup(PAGE)
    sources = [s.get("src") for s in soup.select("script[src]")]
    for src in ("../downloads/checker-data.js", "../downloads/checker-engine.js",
                "../assets/javascripts/checker/shared.js", "../assets/javascripts/checker/page.js"):
        assert src in sources
    script = built_site.file("downloads/checker-data.js").read_text(encoding="utf-8")
    assert script.split("=", 1)[1].strip().rstrip(";") == built_site.file("downloads/checker-data.json").read_text(encoding="utf-8")
    assert built_site.file("downloads/checker-engine.js").read_bytes() == (ROOT / "checker" / "engine.js").read_bytes()
    for heading in ("残留占位符", "错别字", "时间错位和过时提法", "前后不一致", "标题层级和序号", "繁体字和转换残留", "网页残留",
                    "标点和空格", "结构"):
        assert soup.find(id=heading), heading  # the anchors the rules link to
    assert "依据截至" in soup.get_text()
    for rule, meta in data["rules"].items():  # every rule links to an existing heading
        page, anchor = meta["guide"].split("#")
        target = built_site.soup(page.replace(".md", ".html"))
        assert target.find(id=anchor), (rule, meta["guide"])


def test_shared_cases_in_chromium(page, site_server):
    """tests/checker_cases in the browser's engine, as test_checker_engine runs them in V8."""
    page.page.goto(site_server + PAGE)
    page.page.wait_for_function("document.body.dataset.checkerTypo === 'ready'")  # the context rule's data
    page.page.wait_for_function("document.body.dataset.checkerPairs === 'ready'")  # and its word-pair evidence
    page.page.wait_for_function("document.body.dataset.checkerLm === 'ready'")  # and its language model
    texts = [{"text": c["text"], "year": c.get("year")} for c in CASES]
    results = page.page.evaluate(
        "items => items.map(i => GuideChecker.check(i.text, window.GUIDE_CHECKER_DATA, i.year || null))", texts)
    for case, js in zip(CASES, results):
        assert summary(js) == case["expect"], case["id"]


def test_chromium_engine_survives_hostile_input(page, site_server):
    page.page.goto(site_server + PAGE)
    timings = page.page.evaluate("""() => {
      const data = window.GUIDE_CHECKER_DATA, out = [];
      let rnd = 12345; const next = () => (rnd = (rnd * 1103515245 + 12345) % 2147483648);
      let random = ""; for (let i = 0; i < 200000; i++) random += String.fromCodePoint(next() % 0x2FFFF);
      const inputs = ["xx".repeat(500000), "（“《【".repeat(250000), "深入学习贯彻党的二十大精神".repeat(77000),
                      random, "\\u0000\\uFFFF\\uD800abc", ""];
      for (const t of inputs) { const t0 = performance.now(); const f = GuideChecker.check(t, data, null);
        out.push([t.length, f.length, performance.now() - t0]); }
      return out;
    }""")
    for length, count, ms in timings:
        assert ms < 30000, (length, ms)


def test_page_checks_keeps_draft_and_clears(page, site_server):
    p = page.page
    p.goto(site_server + PAGE)
    p.fill("#checker-input", "2026年某社区工作情况汇报\n今年组织学习XX次，加强意识形太工作。")
    p.click("#checker-run")
    p.wait_for_selector(".checker-item")
    assert p.locator(".checker-item").count() >= 2
    assert p.locator("mark.checker-error").count() >= 2
    assert "残留占位符" in p.inner_text("#checker-summary")
    link = p.locator(".checker-item .checker-guide").first.get_attribute("href")
    assert link.startswith("#") or link.startswith("../")
    requests_before = len(page.requests)
    runs = int(p.evaluate("document.body.dataset.checkerRuns"))
    p.fill("#checker-input", "又改了一稿，组织学习xx次。")
    p.wait_for_function(f"Number(document.body.dataset.checkerRuns) > {runs}")  # the check runs on input after a pause
    assert len(page.requests) == requests_before, page.requests[requests_before:]
    p.reload()
    assert p.input_value("#checker-input") == "又改了一稿，组织学习xx次。"
    p.wait_for_selector(".checker-item")
    p.click("#checker-clear")
    assert p.input_value("#checker-input") == ""
    p.reload()
    assert p.input_value("#checker-input") == ""
    assert p.locator(".checker-item").count() == 0


def test_summary_counts_each_level_of_a_rule_apart(page, site_server):
    """One rule's findings can be an error and a warning (a likely and a possible typo): the table
    under the totals gives a row per level, so its counts agree with the totals."""
    p = page.page
    p.goto(site_server + PAGE)
    p.fill("#checker-input", "进一步加强宣传传思想工作，开展理伦学习。")
    p.click("#checker-run")
    p.wait_for_selector(".checker-item")
    levels = [p.inner_text(f".checker-item >> nth={i} >> .checker-sev") for i in range(p.locator(".checker-item").count())]
    rows = [[cell.strip() for cell in row.split("\t")] for row in p.inner_text("#checker-summary table").splitlines()[1:]]
    assert sorted(levels) == ["警告", "错误"], levels
    assert sorted((row[1], row[2]) for row in rows) == [("警告", "1"), ("错误", "1")], rows
    assert "共发现 1 个错误、1 个警告" in p.inner_text("#checker-summary")


def test_page_opens_docx_and_txt(page, site_server, tmp_path):
    docx_path = tmp_path / "草稿.docx"
    make_docx(docx_path, ["2026年某社区工作情况汇报", "组织集中学习xx次。"], [["项目", "次数"]])
    p = page.page
    p.goto(site_server + PAGE)
    p.set_input_files("#checker-file", str(docx_path))
    p.wait_for_function("document.getElementById('checker-input').value.length > 0")
    assert p.input_value("#checker-input") == read_report(docx_path)
    p.wait_for_selector(".checker-item")
    txt = tmp_path / "草稿.txt"
    txt.write_bytes("某社区总结\n学习XX次".encode("gb18030"))
    p.set_input_files("#checker-file", str(txt))
    p.wait_for_function("document.getElementById('checker-input').value.startsWith('某社区总结')")
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"not a zip at all")
    p.set_input_files("#checker-file", str(bad))
    p.wait_for_function("document.getElementById('checker-status').textContent.includes('无法读取')")


def test_page_works_from_file_url(page, built_site):
    p = page.page
    p.goto((built_site.path / PAGE).as_uri())
    p.fill("#checker-input", "今年以来，我街道组织宣讲X次。")
    p.click("#checker-run")
    p.wait_for_selector(".checker-item")
    assert "残留占位符" in p.inner_text("#checker-summary")


def test_page_stays_usable_with_a_huge_paste(page, site_server):
    p = page.page
    p.goto(site_server + PAGE)
    p.evaluate("""() => { const box = document.getElementById('checker-input');
      box.value = '今年组织学习xx次，意识形太工作。'.repeat(60000); }""")  # about 1 MB
    p.click("#checker-run", timeout=60000)
    p.wait_for_function("document.getElementById('checker-status').textContent.includes('只标出前')", timeout=60000)
    # each finding shown is an item or a place under the first finding read alike (at most 20 of them linked)
    assert p.locator(".checker-item").count() + p.locator(".checker-also [id^=checker-item-]").count() == 1500
    assert 0 < p.locator(".checker-also").first.locator("a").count() <= 20
    p.click("#checker-clear")
    assert p.input_value("#checker-input") == ""


def _check_once_loaded(page, built_site, part: str, ready: str, least: int, text: str):
    """A part of the checker data the page loads by a script tag once usable (downloads/checker-<part>-data.js,
    at least ``least`` bytes, in no script tag of the page itself): the page opened from file://, ``text``
    checked, then checked again once the page says the part is ready (``document.body.dataset[ready]``)."""
    soup = built_site.soup(PAGE)
    assert not [s for s in soup.select("script[src]") if f"checker-{part}-data" in s.get("src")]
    assert built_site.file(f"downloads/checker-{part}-data.js").stat().st_size > least
    p = page.page
    p.goto((built_site.path / PAGE).as_uri())
    p.fill("#checker-input", text)
    p.click("#checker-run")
    p.wait_for_function(f"document.body.dataset.{ready} === 'ready'")
    p.click("#checker-run")
    p.wait_for_selector(".checker-item")
    return p


def test_typo_data_loads_after_the_page_and_works_from_file_url(page, built_site):
    """The context rule's word list is not in the page: the page loads it by a script tag once it
    is usable (fetch() of a local file fails under file://), then checks again and finds the typo."""
    p = _check_once_loaded(page, built_site, "typo", "checkerTypo", 100_000, "街道党工委认真部暑全年宣传思想工作。")
    assert "疑似错别字（上下文）" in p.inner_text("#checker-summary")
    assert "部署" in p.inner_text("#checker-list")
    assert p.evaluate("[...document.scripts].some(s => (s.getAttribute('src') || '').endsWith('checker-typo-data.js'))")


def test_pair_data_loads_after_the_typo_data(page, built_site):
    """The word-pair evidence (downloads/checker-pair-data.js) is not in the page either: it follows
    the word list by a script tag, and the check that runs then finds a slip only it finds."""
    p = _check_once_loaded(page, built_site, "pair", "checkerPairs", 1_000_000, "各部门要密切配和，形成合力。")
    assert "密切配合" in p.inner_text("#checker-list")


def test_lm_data_loads_after_the_pair_data(page, built_site):
    """The language model (downloads/checker-lm-data.js) follows the word-pair evidence by a script
    tag, from file:// too, and the check that runs then finds a slip only it finds."""
    p = _check_once_loaded(page, built_site, "lm", "checkerLm", 5_000_000, "街道定期召开联席会议，及时通保工作进展。")
    assert "通报" in p.inner_text("#checker-list")
    assert p.evaluate("[...document.scripts].some(s => (s.getAttribute('src') || '').endsWith('checker-lm-data.js'))")


def test_bench_times_the_check_with_the_context_rule(page, site_server, data):
    """scripts/bench_checker.py times Chromium's check once the context rule's data is there:
    the same findings as the command line, the rule's included."""
    from checker.engine import check
    from scripts import bench_checker as bench

    text = "街道党工委认真部暑全年宣传思想工作，营造良好芬围。" * 20
    bench.open_checker(page.page, site_server + PAGE)
    ms, count = page.page.evaluate(bench.BROWSER_CHECK, [text, 1])
    assert ms > 0 and count == len(check(text, data)) and count >= 40


PLACE = "今年以来，灵沼街道认真部暑全年宣传思想工作。"  # 灵沼: a fictional place, written once
ITEMS = "[...document.querySelectorAll('.checker-item')].map(li => li.textContent).join('|')"


def _check_text(p, url, text, *wanted):
    """The checker page at url checks text once the pair data is in; waits for the findings suggesting wanted."""
    p.goto(url)
    p.wait_for_function("document.body.dataset.checkerLm === 'ready'")  # no check runs again after this
    p.fill("#checker-input", text)
    p.click("#checker-run")
    p.wait_for_function(" && ".join(f"{ITEMS}.includes('{w}')" for w in wanted))


def _check_place(p, url):
    _check_text(p, url, PLACE, "灵活")


def test_not_a_typo_goes_into_my_words_and_stays(page, site_server):
    """不是错字 on a typo finding: the finding goes at once, the word is listed under the results and
    kept through a reload and the draft's 清空; removed, the finding is back."""
    p = page.page
    _check_place(p, site_server + PAGE)
    assert p.locator("#checker-words").get_attribute("open") is None  # a closed panel
    assert p.locator(".checker-item .checker-notypo").count() == 2  # 灵沼 and 部暑
    p.locator(".checker-item", has_text="灵活").locator(".checker-notypo").click()
    p.wait_for_function(f"!{ITEMS}.includes('灵活')")
    assert "部署" in p.inner_text("#checker-list")  # the other typo still found
    assert p.locator("#checker-words-list li .checker-word-text").all_text_contents() == ["灵沼"]
    assert "1" in p.inner_text("#checker-words summary")
    p.reload()
    p.wait_for_function("document.body.dataset.checkerLm === 'ready'")
    p.wait_for_function(f"{ITEMS}.includes('部署')")
    assert "灵活" not in p.inner_text("#checker-list")
    assert p.locator("#checker-words-list li .checker-word-text").all_text_contents() == ["灵沼"]
    p.click("#checker-clear")  # the draft only
    p.reload()
    assert p.input_value("#checker-input") == ""
    assert p.locator("#checker-words-list li .checker-word-text").all_text_contents() == ["灵沼"]
    p.fill("#checker-input", PLACE)
    p.click("#checker-run")
    p.wait_for_function(f"{ITEMS}.includes('部署')")
    assert "灵活" not in p.inner_text("#checker-list")
    p.click("#checker-words summary")
    assert "不会上传" in p.inner_text("#checker-words")
    p.locator("#checker-words-list li", has_text="灵沼").locator(".checker-word-remove").click()
    p.wait_for_function(f"{ITEMS}.includes('灵活')")
    assert p.locator("#checker-words-list li").count() == 0
    p.reload()
    p.wait_for_function(f"{ITEMS}.includes('灵活')")
    # 清空词表 asks first, then empties the list
    p.locator(".checker-item", has_text="部署").locator(".checker-notypo").click()
    p.wait_for_function(f"!{ITEMS}.includes('部署')")
    p.click("#checker-words summary")
    p.once("dialog", lambda dialog: dialog.accept())
    p.click("#checker-words-clear")
    p.wait_for_function(f"{ITEMS}.includes('部署')")
    assert p.locator("#checker-words-list li").count() == 0


def test_a_typo_read_alike_again_is_one_item(page, site_server):
    """The same characters read as the same slip three times are one item of the list, which says so and
    links the two other places; a mark at the third place leads to that item; 不是错字 clears all three."""
    p = page.page
    _check_text(p, site_server + PAGE, "一是周密部暑各项任务。\n二是统一部暑宣传工作。\n三是再次部暑落实。", "部署")
    item = p.locator(".checker-item", has_text="部暑")
    assert item.count() == 1
    assert "同样写法共 3 处，另见：第2行第5字、第3行第5字" in item.inner_text()
    marks = p.locator("mark.checker-mark", has_text="部暑")
    assert marks.count() == 3
    assert item.locator(".checker-also a").nth(1).get_attribute("href") == "#" + marks.nth(2).get_attribute("id")
    marks.nth(2).click()
    p.wait_for_function("document.querySelector('.checker-item.checker-flash') !== null")
    assert "部暑" in p.inner_text(".checker-item.checker-flash")
    item.locator(".checker-notypo").click()
    p.wait_for_function(f"!{ITEMS}.includes('部暑')")
    assert marks.count() == 0


def test_my_words_without_local_storage_last_the_session(page, built_site, tmp_path):
    """From file:// with localStorage refused (as some browsers and policies do), the button still
    works and the panel says the list is not kept; the list is exported and imported all the same."""
    p = page.page
    p.add_init_script("Object.defineProperty(window, 'localStorage', "
                      "{ get() { throw new DOMException('denied', 'SecurityError'); } });")
    _check_place(p, (built_site.path / PAGE).as_uri())
    p.locator(".checker-item", has_text="灵活").locator(".checker-notypo").click()
    p.wait_for_function(f"!{ITEMS}.includes('灵活')")
    p.click("#checker-words summary")
    assert p.locator("#checker-words-list li .checker-word-text").all_text_contents() == ["灵沼"]
    assert p.locator("#checker-words-session").is_visible()
    # the list leaves the browser and comes back as a file (导出词表, 导入词表), storage or none
    with p.expect_download() as got:
        p.click("#checker-words-export")
    exported = tmp_path / got.value.suggested_filename
    got.value.save_as(exported)
    assert read_words(exported) == ["灵沼"]
    p.once("dialog", lambda dialog: dialog.accept())
    p.click("#checker-words-clear")
    p.wait_for_function(f"{ITEMS}.includes('灵活')")
    p.set_input_files("#checker-words-file", str(exported))
    p.wait_for_function(f"!{ITEMS}.includes('灵活')")
    assert p.locator("#checker-words-list li .checker-word-text").all_text_contents() == ["灵沼"]
    assert p.locator("#checker-words-session").is_visible()


# 我的词表 as a file: two names one character off a common word (幸福, 丰硕), which the context rule reports
NAMES = "本季度，杏福义工站为孤寡老人送餐三百余份，丰朔农场捐赠蔬菜两车。"
LISTED = "#checker-words-list li .checker-word-text"


def _check_names(p, url):
    _check_text(p, url, NAMES, "幸福", "丰硕")
    p.locator(".checker-item", has_text="幸福").locator(".checker-notypo").click()
    p.wait_for_function(f"!{ITEMS}.includes('幸福')")
    p.click("#checker-words summary")


def test_my_words_export_and_import(page, site_server, tmp_path):
    """导出词表 downloads the list in the format of --words (read_words reads the same words back);
    导入词表 merges such a file into the list, says what it added, and the draft is checked again."""
    p = page.page
    p.goto(site_server + PAGE)
    assert p.locator("#checker-words-export").is_disabled()  # nothing to export yet
    _check_names(p, site_server + PAGE)
    requests_before = len(page.requests)
    with p.expect_download() as got:
        p.click("#checker-words-export")
    assert got.value.suggested_filename == "我的词表.txt"
    exported = tmp_path / "我的词表.txt"
    got.value.save_as(exported)
    assert all(url.startswith("blob:") for url in page.requests[requests_before:])  # nothing asked of a server
    raw = exported.read_bytes()
    assert re.fullmatch("\ufeff# 报告体检 我的词表，导出于 [0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日\r\n#[^\r\n]*--words[^\r\n]*\r\n"
                        "杏福\r\n", raw.decode("utf-8"))
    assert read_words(exported) == ["杏福"]
    assert "已导出 1 个词" in p.inner_text("#checker-words-status")
    p.once("dialog", lambda dialog: dialog.accept())
    p.click("#checker-words-clear")
    p.wait_for_function(f"{ITEMS}.includes('幸福')")
    assert p.locator("#checker-words-export").is_disabled()
    runs = int(p.evaluate("document.body.dataset.checkerRuns"))
    p.set_input_files("#checker-words-file", str(exported))
    p.wait_for_function(f"!{ITEMS}.includes('幸福')")  # checked again at once
    assert int(p.evaluate("document.body.dataset.checkerRuns")) == runs + 1
    assert "丰硕" in p.inner_text("#checker-list")
    assert p.locator(LISTED).all_text_contents() == ["杏福"]
    assert "新加了 1 个词。" in p.inner_text("#checker-words-status")
    # a file written by hand: a BOM, comments, blank lines, a word twice, one already listed, one too long
    own = tmp_path / "本社区名称.txt"
    own.write_bytes("\ufeff# 本社区的名称\r\n\r\n\u3000丰朔 # 农场\n杏福\n丰朔\n# 杏福\n{}\n".format("长" * 41).encode("utf-8"))
    p.set_input_files("#checker-words-file", str(own))
    p.wait_for_function(f"!{ITEMS}.includes('丰硕')")
    assert p.locator(LISTED).all_text_contents() == ["杏福", "丰朔"]
    assert [w for w in read_words(own) if len(w) <= 40] == ["丰朔", "杏福"]
    assert "新加了 1 个词，1 个词表里已经有了；1 个超过 40 个字，没有加。" in p.inner_text("#checker-words-status")
    p.reload()
    assert p.locator(LISTED).all_text_contents() == ["杏福", "丰朔"]


def test_my_words_import_refuses_a_bad_file(page, site_server, tmp_path):
    """A file that is not UTF-8 text, is over 1 MB or holds no word changes nothing and says why."""
    p = page.page
    _check_names(p, site_server + PAGE)
    kept = p.evaluate("localStorage.getItem('guide-checker-words-v1')")
    bad = [("旧编码.txt", "丰朔\r\n".encode("gb18030"), "不是 UTF-8 编码的文本"),
           ("太大.txt", ("丰朔\n" * 200_000).encode("utf-8"), "超过 1 MB"),
           ("只有注释.txt", "# 丰朔\n\n   \n".encode(), "没有词"),
           ("表格.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "不是 UTF-8 编码的文本")]
    for name, content, said in bad:
        path = tmp_path / name
        path.write_bytes(content)
        p.set_input_files("#checker-words-file", str(path))
        p.wait_for_function("([name, said]) => { const s = document.getElementById('checker-words-status').textContent;"
                            " return s.includes(name) && s.includes(said); }", arg=[name, said])
        assert p.locator(LISTED).all_text_contents() == ["杏福"]
        assert p.evaluate("localStorage.getItem('guide-checker-words-v1')") == kept
        assert "丰硕" in p.inner_text("#checker-list")
