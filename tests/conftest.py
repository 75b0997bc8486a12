"""Shared fixtures: one strict build per session, a local server, Chromium.

- ``built_site``: the site built once with ``mkdocs build --strict``; read its
  pages with ``built_site.soup("work-points/theory.html")``.
- ``site_server``: that build served over HTTP on 127.0.0.1.
- ``browser``: Debian's Chromium driven by Playwright. Missing Chromium is a
  failure, never a skip.
- ``nginx_site``: that build behind Debian's nginx with deploy/nginx.conf,
  at ``nginx_site.url`` (http://127.0.0.1:<free port>/guide/).
- ``page``: a fresh browser page whose requests are recorded; the test fails
  if any request leaves 127.0.0.1 (or goes to file:// outside the site).
- ``data``: the report checker's compiled data (checker/compile.py), once.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from support import CHROMIUM, ROOT, launch_chromium
from support.copies import copy_sources
from support.nginx import MIME_SAMPLES, NGINX, NginxSite

SERVER_PORT = 0  # any free port: parallel runs never collide


def pytest_configure(config):
    """One build cache for the whole run, empty at its start: the session build is cold, later builds reuse it."""
    folder = Path(tempfile.mkdtemp(prefix="guide-test-cache-"))
    os.environ["GUIDE_BUILD_CACHE_DIR"] = str(folder)
    os.environ.pop("GUIDE_LOCAL", None)  # the plain guide, whatever the shell has; local-edition tests set their own
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


def build_env() -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    return env


def run_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build of ``project`` into ``site_dir``."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(site_dir)],
        cwd=project, env=build_env(), capture_output=True, text=True, timeout=600, check=False,
    )


@dataclass
class BuiltSite:
    """A built site on disk and the build's log."""

    path: Path
    log: str
    _soups: dict = field(default_factory=dict, repr=False)

    def file(self, rel: str) -> Path:
        path = self.path / rel
        assert path.is_file(), f"{rel} is not in the built site"
        return path

    def html(self, rel: str) -> str:
        return self.file(rel).read_text(encoding="utf-8")

    def soup(self, rel: str) -> BeautifulSoup:
        if rel not in self._soups:
            self._soups[rel] = BeautifulSoup(self.html(rel), "html.parser")
        return self._soups[rel]

    def article(self, rel: str):
        """The page's main content (without nav, header and footer)."""
        return self.soup(rel).select_one("article.md-content__inner")

    def pages(self) -> list[str]:
        """Every HTML page, relative to the site root (assets and 404 excluded)."""
        return sorted(
            p.relative_to(self.path).as_posix() for p in self.path.rglob("*.html")
            if "assets" not in p.parts and p.name != "404.html"
        )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site_dir)
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"strict build failed:\n{log[-4000:]}"
    return BuiltSite(site_dir, log)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_server(built_site):
    """Serve the built site at http://127.0.0.1:<port>/."""
    handler = functools.partial(_QuietHandler, directory=str(built_site.path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", SERVER_PORT), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def nginx_site(built_site, tmp_path_factory):
    """The built site behind nginx with deploy/nginx.conf, at .url (…/guide/)."""
    if NGINX is None:
        pytest.fail("nginx not found: install Debian's nginx (apt-get install -y nginx)")
    server = NginxSite(built_site.path, tmp_path_factory.mktemp("nginx"), extra_files=MIME_SAMPLES).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = launch_chromium(playwright)
    yield chromium
    chromium.close()
    playwright.stop()


def is_local(url: str, site_root: Path | None = None) -> bool:
    """True for requests that stay on this machine (and inside the site for file://)."""
    parsed = urlparse(url)
    if parsed.scheme in ("data", "blob", "about"):
        return True
    if parsed.scheme == "file":
        return site_root is None or Path(parsed.path).resolve().is_relative_to(site_root.resolve())
    return parsed.hostname in ("127.0.0.1", "localhost")


@dataclass
class RecordedPage:
    """A Playwright page plus every request it made."""

    page: object
    requests: list = field(default_factory=list)
    failed: list = field(default_factory=list)

    def outside(self, site_root: Path | None = None) -> list[str]:
        return [url for url in self.requests if not is_local(url, site_root)]


@pytest.fixture
def page(browser, built_site):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    recorded = RecordedPage(page)
    page.on("request", lambda r: recorded.requests.append(r.url))
    # A navigation aborts the previous page's pending requests: not a failure.
    page.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "") and recorded.failed.append(r.url))
    page.on("response", lambda r: r.status >= 400 and recorded.failed.append(f"{r.status} {r.url}"))
    yield recorded
    outside = recorded.outside(built_site.path)
    context.close()
    assert not outside, f"requests left the machine: {outside}"


@pytest.fixture(scope="session")
def data() -> dict:
    """The report checker's compiled data, as the command line and the pages read it."""
    from checker.compile import load_compiled
    from macros.sitedata import load_site_data

    return load_compiled(ROOT, lambda: load_site_data(ROOT))


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project's sources (no .venv, node_modules or build output), to break on purpose."""
    return copy_sources(ROOT, tmp_path / "project")
