"""Debian's nginx serving a built site under /guide/ with deploy/nginx.conf.

The documented configuration is used as it is, except for the two lines an
installer changes anyway: ``listen`` (a test port on 127.0.0.1) and ``root``
(a temp folder holding a copy of the site as guide/). Everything nginx needs
(pid, logs, temp folders) lives in a temp prefix, so no root is needed.

``NginxSite`` is shared by the tests (fixture ``nginx_site``) and
scripts/bench_search.py.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "deploy" / "nginx.conf"
NGINX_PORT = 8501
NGINX = next((p for p in ("/usr/sbin/nginx", shutil.which("nginx")) if p and Path(p).exists()), None)
LISTEN = "    listen 80;\n"
DOCROOT = "    root /srv/www;\n"


def site_config(port: int, docroot: Path) -> str:
    """deploy/nginx.conf with only its listen and root lines replaced."""
    text = CONFIG.read_text(encoding="utf-8")
    for line in (LISTEN, DOCROOT):
        if text.count(line) != 1:
            raise AssertionError(f"deploy/nginx.conf must contain the line {line.strip()!r} exactly once")
    return text.replace(LISTEN, f"    listen 127.0.0.1:{port};\n").replace(DOCROOT, f"    root {docroot};\n")


def main_config(prefix: Path, site_conf: Path) -> str:
    temp = "\n".join(f"    {name}_temp_path {prefix / ('tmp-' + name)};"
                     for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # Started as root (CI containers), nginx would run its worker as nobody,
    # which cannot read pytest's private temp folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""daemon off;
{user}worker_processes 1;
pid {prefix / 'nginx.pid'};
error_log {prefix / 'error.log'} warn;
events {{ worker_connections 64; }}
http {{
    access_log {prefix / 'access.log'};
{temp}
    sendfile on;
    include {site_conf};
}}
"""


class NginxSite:
    """A running nginx serving ``site_dir`` at http://127.0.0.1:<port>/guide/."""

    def __init__(self, site_dir: Path, prefix: Path, port: int = NGINX_PORT, extra_files: dict | None = None):
        self.site_dir, self.prefix, self.port = Path(site_dir), Path(prefix), port
        self.extra_files = extra_files or {}
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/guide/"

    @property
    def docroot(self) -> Path:
        return self.prefix / "www"

    def start(self) -> "NginxSite":
        if NGINX is None:
            raise RuntimeError("nginx not found: install Debian's nginx (apt-get install -y nginx)")
        self.prefix.mkdir(parents=True, exist_ok=True)
        guide = self.docroot / "guide"
        if guide.exists():
            shutil.rmtree(guide)
        shutil.copytree(self.site_dir, guide)
        for rel, content in self.extra_files.items():
            (guide / rel).parent.mkdir(parents=True, exist_ok=True)
            (guide / rel).write_bytes(content)
        site_conf = self.prefix / "guide.conf"
        site_conf.write_text(site_config(self.port, self.docroot), encoding="utf-8")
        main = self.prefix / "nginx.conf"
        main.write_text(main_config(self.prefix, site_conf), encoding="utf-8")
        check = subprocess.run([NGINX, "-t", "-p", str(self.prefix), "-c", str(main), "-e", str(self.prefix / "error.log")],
                               capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError(f"nginx -t failed for deploy/nginx.conf:\n{check.stderr}")
        self.process = subprocess.Popen([NGINX, "-p", str(self.prefix), "-c", str(main), "-e", str(self.prefix / "error.log")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.process.stderr.read().decode()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"nginx did not listen on port {self.port} within 10 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def errors(self) -> str:
        log = self.prefix / "error.log"
        return log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""


# Files whose headers the tests check even before the branches that generate
# them are merged; the Chinese names check that such names are served too.
MIME_SAMPLES = {
    "_hosting-check/日历.ics": b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
    "_hosting-check/模板.docx": b"PK\x03\x04docx",
    "_hosting-check/台账.xlsx": b"PK\x03\x04xlsx",
}


@pytest.fixture(scope="session")
def nginx_site(built_site, tmp_path_factory):
    """The built site behind nginx with deploy/nginx.conf, at .url (…/guide/)."""
    if NGINX is None:
        pytest.fail("nginx not found: install Debian's nginx (apt-get install -y nginx)")
    server = NginxSite(built_site.path, tmp_path_factory.mktemp("nginx"), extra_files=MIME_SAMPLES).start()
    yield server
    server.stop()
