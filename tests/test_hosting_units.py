"""Hosting building blocks: external-fetch guard, checksums, print view, package, deploy files."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from macros.render.print_view import PrintedPage, render_print_view, rewrite
from support import ROOT
from support.modules import intranet, package_site


def test_external_fetches_are_found_and_links_are_not():
    html = ('<link rel="preconnect" href="https://fonts.gstatic.com"><script src="//cdn.x/y.js"></script>'
            '<img src="assets/a.png"><a href="https://example.org">x</a><script src="assets/b.js"></script>')
    assert intranet.external_fetches(html) == ["https://fonts.gstatic.com", "//cdn.x/y.js"]
    assert intranet.external_fetches("a{background:url('https://x/y.png')} @import 'http://z/c.css';", css=True) == \
        ["https://x/y.png", "http://z/c.css"]


FETCHED = [  # what a browser loads by itself: each must be reported
    '<link rel="stylesheet" href="https://h/x.css">',
    '<link rel="preload" as="font" href="//h/f.woff2">',
    '<link rel="modulepreload" href="https://h/m.js">',
    '<link rel="prefetch" href="https://h/p.html">',
    '<link rel="preconnect" href="https://h">',
    '<link rel="dns-prefetch" href="//h">',
    '<link rel="icon" href="https://h/favicon.png">',
    '<link rel="shortcut icon" href="https://h/favicon.ico">',
    '<link rel="apple-touch-icon" href="https://h/t.png">',
    '<link rel="manifest" href="https://h/app.webmanifest">',
    '<LINK REL="Stylesheet" HREF="HTTPS://h/x.css">',
    '<script src="https://h/x.js"></script>',
    '<img src="http://h/i.png">',
    '<img src="a.png" srcset="a.png 1x, https://h/i@2x.png 2x">',
    '<picture><source srcset="https://h/i.webp"></picture>',
    '<iframe src="https://h/frame.html"></iframe>',
    '<video poster="https://h/p.jpg"></video>',
    '<audio src="https://h/a.mp3"></audio>',
    '<track src="https://h/t.vtt">',
    '<embed src="https://h/e.swf">',
    '<object data="https://h/o.pdf"></object>',
    '<svg><image href="https://h/s.png"/></svg>',
    '<div style="background:url(https://h/bg.png)"></div>',
    "<style>@import 'https://h/c.css';</style>",
]
NOT_FETCHED = [  # links the browser only follows when asked: never reported
    '<link rel="canonical" href="http://127.0.0.1:8000/index.html">',
    '<link rel="alternate" type="application/rss+xml" href="https://h/feed.xml">',
    '<link rel="next" href="https://h/2.html">',
    '<link rel="prev" href="https://h/1.html">',
    '<link rel="author" href="https://h/me">',
    '<link rel="license" href="https://h/license">',
    '<a href="https://h/page.html">x</a>',
    '<form action="https://h/post"></form>',
    '<script src="assets/x.js"></script><img src="../a.png"><link rel="stylesheet" href="assets/x.css">',
    '<p>https://h/x.js</p><script>var u = "https://h/x.js";</script>',
]


@pytest.mark.parametrize("html", FETCHED)
def test_each_kind_of_fetch_is_reported(html):
    assert [url.lower().startswith(("http", "//")) for url in intranet.external_fetches(html)] == [True], html


@pytest.mark.parametrize("html", NOT_FETCHED)
def test_links_that_are_not_fetched_are_not_reported(html):
    assert intranet.external_fetches(html) == []


def test_sha256sums_lists_every_file_but_itself(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "模板.docx").write_bytes(b"x")
    (tmp_path / "index.html").write_text("<p>", encoding="utf-8")
    (tmp_path / "SHA256SUMS.txt").write_text("old", encoding="utf-8")
    text = intranet.sha256sums(tmp_path)
    assert text == (f"{hashlib.sha256(b'x').hexdigest()}  a/模板.docx\n"
                    f"{hashlib.sha256(b'<p>').hexdigest()}  index.html\n")


def test_the_pages_checked_ahead_are_not_parsed_again_and_a_page_changed_since_is(tmp_path, monkeypatch):
    """In a build, the pages written by -10 are checked in a thread while the search index is built; the guard
    at -200 parses only a content not found clean, so a page changed after the check ahead is still caught."""
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    for n in range(3):
        (tmp_path / f"p{n}.html").write_text(f"<p>页{n}</p><script src='assets/{n}.js'></script>", encoding="utf-8")
    (tmp_path / "extra.css").write_text("a{color:red}", encoding="utf-8")
    monkeypatch.setattr(intranet, "_checked", set())
    parsed = []
    fetches = intranet.external_fetches
    monkeypatch.setattr(intranet, "external_fetches", lambda text, css=False: parsed.append(text) or fetches(text, css))
    config = SimpleNamespace(site_dir=str(tmp_path))
    intranet.on_startup("build", dirty=False)
    intranet._start_ahead(config)
    intranet._ahead["thread"].join()
    assert len(parsed) == 4 and len(intranet._checked) == 4
    parsed.clear()
    (tmp_path / "p1.html").write_text("<script src='https://cdn.example/x.js'></script>", encoding="utf-8")
    with pytest.raises(PluginError, match=re.escape("p1.html: https://cdn.example/x.js")):
        intranet._guard(config)
    assert parsed == ["<script src='https://cdn.example/x.js'></script>"]  # the three others were found clean ahead
    intranet.on_startup("serve", dirty=False)  # while serving, nothing is checked ahead
    intranet._start_ahead(config)
    assert intranet._ahead["thread"] is None


def test_sha256sum_tool_accepts_the_list(built_site):
    result = subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS.txt"], cwd=built_site.path,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_print_view_rewrites_ids_and_links():
    pages = [PrintedPage("index.html", "首页", '<h1 id="t">首页</h1><a href="work-points/theory.html#x">理论</a>'
                                                '<abbr class="guide-term" title="定义">台账</abbr>'),
             PrintedPage("work-points/theory.html", "理论武装",
                         '<h2 id="x">X</h2><a href="#x">本页</a><a href="../downloads/a.xlsx">下载</a>'
                         '<a href="https://example.org">外</a><img src="../assets/i.png">')]
    out = render_print_view(pages, "print.html")
    assert 'id="p1-t"' in out and 'href="#p2-x"' in out and 'id="p2-x"' in out
    assert 'href="downloads/a.xlsx"' in out and 'src="assets/i.png"' in out
    assert 'href="https://example.org"' in out
    assert "<abbr" not in out and "台账" in out
    assert out.index('id="p1"') < out.index('id="p2"')
    assert rewrite(1, pages[0], {}, "sub/print.html").count('href="../work-points/theory.html#x"') == 1


def test_package_is_dated_deterministic_and_checked(built_site, tmp_path):
    first = package_site.package(built_site.path, tmp_path / "a", package_site.dt.date(2026, 11, 22))
    second = package_site.package(built_site.path, tmp_path / "b", package_site.dt.date(2026, 11, 22))
    assert first.name == "guide-site-2026-11-22.zip"
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        names = archive.namelist()
        assert "guide/index.html" in names and "guide/SHA256SUMS.txt" in names
        assert all(n.startswith("guide/") for n in names)
        assert archive.read("guide/index.html") == (built_site.path / "index.html").read_bytes()
    digest = (first.parent / (first.name + ".sha256")).read_text().split()[0]
    assert digest == hashlib.sha256(first.read_bytes()).hexdigest()


def test_package_refuses_a_site_that_differs_from_its_checksums(built_site, tmp_path):
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(built_site.path, copy)
    (copy / "index.html").write_text("changed", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"index\.html differs"):
        package_site.package(copy, tmp_path / "out", package_site.dt.date(2026, 11, 22))


def test_deploy_page_includes_the_tested_files(built_site):
    text = built_site.article("deploy/index.html").get_text()
    for name in ("nginx.conf", "web.config", "apache.conf"):
        first_directive = next(line for line in (ROOT / "deploy" / name).read_text(encoding="utf-8").splitlines()
                               if line.strip() and not line.lstrip().startswith(("#", "<!--", "<?xml")))
        assert first_directive.strip() in text, f"deploy/{name} is not shown on the deploy page"


def test_deploy_page_lists_the_file_types_the_site_has(built_site):
    """The troubleshooting section names the extensions a server must send: exactly those of the built site,
    and every one of them the IIS config either maps or IIS knows (.html .css .js .png .xml, .gz never fetched)."""
    listed = [c.get_text() for c in built_site.article("deploy/index.html").select(".site-file-types code")]
    found = {p.suffix for p in built_site.path.rglob("*") if p.is_file()}
    assert listed and sorted(listed) == sorted(found), (listed, sorted(found))
    maps = {m.get("fileExtension") for m in ET.parse(ROOT / "deploy" / "web.config").getroot().iter("mimeMap")}
    assert set(listed) - maps <= {".html", ".css", ".js", ".png", ".xml", ".gz"}


def test_iis_config_is_valid_xml_with_the_file_types():
    root = ET.parse(ROOT / "deploy" / "web.config").getroot()
    maps = {m.get("fileExtension"): m.get("mimeType") for m in root.iter("mimeMap")}
    removed = {m.get("fileExtension") for m in root.iter("remove") if m.get("fileExtension")}
    assert maps[".docx"].endswith("wordprocessingml.document")
    assert maps[".xlsx"].endswith("spreadsheetml.sheet")
    assert maps[".ics"].startswith("text/calendar")
    assert set(maps) <= removed, "every mimeMap needs a <remove> first, or IIS rejects a duplicate"
    assert root.find(".//urlCompression").get("doStaticCompression") == "true"


def test_apache_config_declares_types_compression_and_caching():
    text = (ROOT / "deploy" / "apache.conf").read_text(encoding="utf-8")
    for needle in ("AddType application/vnd.openxmlformats-officedocument.wordprocessingml.document .docx",
                   "AddType application/vnd.openxmlformats-officedocument.spreadsheetml.sheet .xlsx",
                   "AddType text/calendar .ics", "AddOutputFilterByType DEFLATE", "max-age=31536000, immutable",
                   "AddDefaultCharset utf-8", "Alias /guide "):
        assert needle in text


# Browser code the guide ships, copied from the pinned npm package: (vendored file, package, file in the package).
VENDORED = [
    ("iframe-worker-shim.js", "iframe-worker", "shim/index.js"),
    ("fflate.js", "fflate", "umd/index.js"),
    ("read-excel-file.js", "read-excel-file", "bundle/read-excel-file.min.js"),
]


@pytest.mark.parametrize("vendored, package, source", VENDORED)
def test_vendored_code_is_the_pinned_npm_package(vendored, package, source):
    npm = ROOT / "node_modules" / package / source
    if not npm.is_file():
        pytest.fail(f"node_modules/{package} missing: run npm ci (scripts/dev.sh test does)")
    assert (ROOT / "docs/assets/javascripts/vendor" / vendored).read_bytes() == npm.read_bytes()
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"][package]
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"][f"node_modules/{package}"]["version"] == pinned
    installed = json.loads((ROOT / "node_modules" / package / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == pinned
    licence = ROOT / "docs/assets/javascripts/vendor" / f"{Path(vendored).stem.replace('-shim', '')}-LICENSE.txt"
    assert licence.is_file(), f"{licence.name} missing beside the vendored {vendored}"


def test_offline_build_uses_the_local_shim_only(built_site):
    html = built_site.html("work-points/theory.html")
    assert 'src="../assets/javascripts/vendor/iframe-worker-shim.js"' in html
    assert "unpkg" not in html and "googleapis" not in html
    assert (built_site.path / "search/search_index.js").read_text(encoding="utf-8").startswith("var __index = ")
