"""The site behind Debian's nginx with deploy/nginx.conf, under /guide/, and from file://."""

from __future__ import annotations

import gzip
import hashlib
import http.client
import re
import socket
from urllib.parse import quote, urlparse

import pytest

from support.nginx import NginxSite


def fetch(nginx_site, path: str, gzip_ok: bool = False) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", nginx_site.port, timeout=10)
    conn.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    response = conn.getresponse()
    response.body = response.read()
    conn.close()
    return response


def hashed_asset(built_site, suffix: str) -> str:
    for path in sorted((built_site.path / "assets").rglob(f"*{suffix}")):
        if re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", path.name):
            return path.relative_to(built_site.path).as_posix()
    raise AssertionError(f"no hashed {suffix} asset in the build")


def test_sub_path_redirect_and_index(nginx_site):
    r = fetch(nginx_site, "/guide")
    assert r.status == 301 and r.getheader("Location") == "/guide/"
    r = fetch(nginx_site, "/guide/")
    assert r.status == 200
    assert r.getheader("Content-Type") == "text/html; charset=utf-8"
    assert r.getheader("Cache-Control") == "no-cache"
    assert "街道社区宣传思想工作指南" in r.body.decode("utf-8")


@pytest.mark.parametrize("suffix", [".css", ".js"])
def test_hashed_assets_are_cached_for_a_year_and_compressed(nginx_site, built_site, suffix):
    rel = hashed_asset(built_site, suffix)
    r = fetch(nginx_site, "/guide/" + rel, gzip_ok=True)
    assert r.status == 200
    assert r.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert r.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(r.body) == (built_site.path / rel).read_bytes()


def test_unhashed_files_are_revalidated(nginx_site):
    for path in ("/guide/assets/stylesheets/guide.css", "/guide/search/search_index.json",
                 "/guide/assets/javascripts/vendor/iframe-worker-shim.js"):
        r = fetch(nginx_site, path, gzip_ok=True)
        assert r.status == 200, path
        assert r.getheader("Cache-Control") == "no-cache", path


def test_search_index_is_compressed_json(nginx_site):
    r = fetch(nginx_site, "/guide/search/search_index.json", gzip_ok=True)
    assert r.getheader("Content-Type") == "application/json; charset=utf-8"
    assert r.getheader("Content-Encoding") == "gzip"


@pytest.mark.parametrize("name,mime", [
    ("日历.ics", "text/calendar; charset=utf-8"),
    ("模板.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("台账.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
])
def test_office_and_calendar_types_with_chinese_file_names(nginx_site, name, mime):
    r = fetch(nginx_site, "/guide/_hosting-check/" + quote(name))
    assert r.status == 200, name
    assert r.getheader("Content-Type") == mime


def test_generated_downloads_have_their_types(nginx_site, built_site):
    types = {".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             ".ics": "text/calendar; charset=utf-8"}
    files = [p for p in (built_site.path / "downloads").iterdir() if p.suffix in types]
    assert files
    for path in files:
        r = fetch(nginx_site, "/guide/downloads/" + path.name)
        assert r.status == 200 and r.getheader("Content-Type") == types[path.suffix], path.name
        assert r.body == path.read_bytes()


def test_checksum_list_matches_what_nginx_serves(nginx_site, built_site):
    r = fetch(nginx_site, "/guide/SHA256SUMS.txt")
    assert r.getheader("Content-Type") == "text/plain; charset=utf-8"
    lines = r.body.decode("utf-8").splitlines()
    on_disk = {p.relative_to(built_site.path).as_posix() for p in built_site.path.rglob("*") if p.is_file()}
    assert {line.split("  ", 1)[1] for line in lines} == on_disk - {"SHA256SUMS.txt"}
    for line in lines:
        digest, rel = line.split("  ", 1)
        body = fetch(nginx_site, "/guide/" + quote(rel)).body
        assert hashlib.sha256(body).hexdigest() == digest, rel


def _visit_all(page, base: str, pages: list[str]) -> list[str]:
    p = page.page
    problems = []
    p.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    for rel in pages:
        response = p.goto(base + rel)
        p.wait_for_load_state("load")
        if response is not None and response.status >= 400:
            problems.append(f"{response.status} {rel}")
    return problems


def test_every_page_under_sub_path_without_outside_requests_or_404(page, nginx_site, built_site):
    problems = _visit_all(page, nginx_site.url, built_site.pages())
    outside = [u for u in page.requests if urlparse(u).scheme in ("http", "https")
               and urlparse(u).netloc != f"127.0.0.1:{nginx_site.port}"]
    assert not problems and not page.failed, problems + page.failed
    assert not outside, outside
    assert all(urlparse(u).path.startswith("/guide/") for u in page.requests if u.startswith("http")), \
        "a request escaped the /guide/ sub-path"


def test_every_page_from_file_url_without_outside_requests(page, built_site):
    problems = _visit_all(page, built_site.path.as_uri() + "/", built_site.pages())
    assert not problems and not page.failed, problems + page.failed
    # The page fixture asserts that no request left the site folder.


def test_navigation_under_sub_path_and_from_disk(page, nginx_site, built_site):
    p = page.page
    for base in (nginx_site.url, built_site.path.as_uri() + "/"):
        p.goto(base + "index.html")
        p.locator(".md-tabs").get_by_role("link", name="部署与维护").click()
        p.wait_for_load_state()
        assert p.url == base + "deploy/index.html"
        assert p.locator("article h1").inner_text().startswith("部署与维护")
        p.locator(".md-tabs").get_by_role("link", name="首页").click()
        p.wait_for_load_state()
        assert p.url == base + "index.html"
    assert not page.failed, page.failed


def test_search_index_is_sent_precompressed(nginx_site, built_site):
    """gzip_static: the build's .gz is sent as it is (with a length), not compressed per request."""
    r = fetch(nginx_site, "/guide/search/search_index.json", gzip_ok=True)
    stored = (built_site.path / "search/search_index.json.gz").read_bytes()
    assert r.getheader("Content-Encoding") == "gzip"
    assert r.getheader("Content-Length") == str(len(stored)) and r.body == stored
    plain = fetch(nginx_site, "/guide/search/search_index.json")
    assert plain.getheader("Content-Encoding") is None
    assert plain.body == (built_site.path / "search/search_index.json").read_bytes()


def test_deployment_page_states_the_index_sizes_nginx_sends(nginx_site, built_site):
    """The figures 部署与维护 gives the IT person (index sent compressed, file size) are those of this build (±15%)."""
    text = re.sub(r"<[^>]+>", "", (built_site.path / "deploy/index.html").read_text(encoding="utf-8"))
    sent = re.search(r"约 (\d+) KB 的搜索索引", text)
    raw = re.search(r"约 ([\d.]+) MB 的文件", text)
    assert sent and raw, "the deployment page no longer states the search index sizes"
    compressed = len(fetch(nginx_site, "/guide/search/search_index.json", gzip_ok=True).body) / 1024
    size = (built_site.path / "search/search_index.json").stat().st_size / 1024 / 1024
    assert abs(int(sent[1]) - compressed) <= compressed * .15, f"page says {sent[1]} KB, nginx sends {compressed:.0f} KB"
    assert abs(float(raw[1]) - size) <= size * .15, f"page says {raw[1]} MB, the index is {size:.2f} MB"


def small_site(root, text: str):
    (root / "site").mkdir(parents=True)
    (root / "site" / "index.html").write_text(text, encoding="utf-8")
    return root / "site"


def test_start_never_takes_another_servers_port_for_its_own(tmp_path):
    """On a port another process listens on, start() fails instead of reporting that server as its nginx."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        server = NginxSite(small_site(tmp_path, "mine"), tmp_path / "nginx", port=other.getsockname()[1])
        with pytest.raises(RuntimeError, match="Address already in use"):
            server.start()
        server.stop()


def test_two_servers_get_their_own_ports_and_sites(tmp_path):
    first = NginxSite(small_site(tmp_path / "a", "first"), tmp_path / "a" / "nginx").start()
    try:
        second = NginxSite(small_site(tmp_path / "b", "second"), tmp_path / "b" / "nginx").start()
        try:
            assert first.port != second.port
            assert fetch(first, "/guide/index.html").body == b"first"
            assert fetch(second, "/guide/index.html").body == b"second"
        finally:
            second.stop()
    finally:
        first.stop()


def test_a_server_declaring_another_charset_garbles_pages_until_the_documented_line(page, built_site, tmp_path):
    """部署与维护's row on 乱码: a server whose block says ``charset gbk;`` makes Chromium read the
    pages as GBK; the line the page gives (``charset utf-8;`` in the guide's location) mends it."""
    row = next(tr.get_text(" ") for tr in built_site.article("deploy/index.html").select("tr") if "乱码" in tr.get_text())
    assert "charset utf-8;" in row and "location /guide/ {" in row
    legacy = lambda text: text.replace("    charset utf-8;\n", "    charset gbk;\n")  # noqa: E731
    mended = lambda text: legacy(text).replace("    location /guide/ {\n", "    location /guide/ {\n        charset utf-8;\n")  # noqa: E731
    seen = {}
    for name, edit in (("legacy", legacy), ("mended", mended)):
        server = NginxSite(built_site.path, tmp_path / name, edit=edit).start()
        try:
            page.page.goto(server.url + "work-points/responsibility.html")
            seen[name] = (page.page.evaluate("document.characterSet"), page.page.locator("h1").first.inner_text())
        finally:
            server.stop()
    assert seen["legacy"][0] == "GBK" and "意识形态" not in seen["legacy"][1]
    assert seen["mended"][0] == "UTF-8" and seen["mended"][1].startswith("意识形态工作责任制")
