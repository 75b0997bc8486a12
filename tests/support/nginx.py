"""Debian's nginx serving a built site under /guide/ with deploy/nginx.conf.

The documented configuration is used as it is, except for the two lines an
installer changes anyway: ``listen`` (a free port on 127.0.0.1) and ``root``
(a temp folder holding a copy of the site as guide/). Everything nginx needs
(pid, logs, temp folders) lives in a temp prefix, so no root is needed.

``NginxSite`` is shared by the tests (fixture ``nginx_site`` in conftest.py)
and scripts/bench_search.py; each run gets its own port, so runs on one
machine never collide or serve each other's build.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from support import ROOT

CONFIG = ROOT / "deploy" / "nginx.conf"
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


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NginxSite:
    """A running nginx serving ``site_dir`` at http://127.0.0.1:<port>/guide/.

    With ``port=0`` (the default) ``start`` picks a free port, and picks
    another if a different process takes it first.
    """

    ATTEMPTS = 5

    def __init__(self, site_dir: Path, prefix: Path, port: int = 0, extra_files: dict | None = None, edit=None):
        self.site_dir, self.prefix, self.port = Path(site_dir), Path(prefix), port
        self.edit = edit  # str -> str: the configuration as a server set up otherwise has it (tests of faults)
        self.fixed_port = bool(port)
        self.extra_files = extra_files or {}
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/guide/"

    @property
    def docroot(self) -> Path:
        return self.prefix / "www"

    @property
    def pid_file(self) -> Path:
        return self.prefix / "nginx.pid"

    def start(self) -> NginxSite:
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
        for _ in range(1 if self.fixed_port else self.ATTEMPTS):
            if not self.fixed_port:
                self.port = free_port()
            error = self._start_on_port()
            if error is None:
                return self
            if "Address already in use" not in error:
                break
        raise RuntimeError(error)

    def _start_on_port(self) -> str | None:
        """Start nginx on ``self.port``; None once it serves, else why not."""
        site_conf = self.prefix / "guide.conf"
        text = site_config(self.port, self.docroot)
        site_conf.write_text(self.edit(text) if self.edit else text, encoding="utf-8")
        main = self.prefix / "nginx.conf"
        main.write_text(main_config(self.prefix, site_conf), encoding="utf-8")
        args = ["-p", str(self.prefix), "-c", str(main), "-e", str(self.prefix / "error.log")]
        check = subprocess.run([NGINX, "-t", *args], capture_output=True, text=True, check=False)
        if check.returncode:
            raise RuntimeError(f"nginx -t failed for deploy/nginx.conf:\n{check.stderr}")
        self.pid_file.unlink(missing_ok=True)
        self.process = subprocess.Popen([NGINX, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return f"nginx exited on port {self.port}: {self.process.stderr.read().decode()}"
            # nginx writes its pid file only after it has bound the port: a
            # connection before that could reach another process's server.
            if self._own_pid_file():
                try:
                    socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                    return None
                except OSError:
                    pass
            time.sleep(0.05)
        self.stop()
        return f"nginx did not listen on port {self.port} within 10 s"

    def _own_pid_file(self) -> bool:
        try:
            return self.pid_file.read_text().strip() == str(self.process.pid)
        except OSError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def access_lines(self) -> list[str]:
        """The access log so far (combined format), one line per request."""
        log = self.prefix / "access.log"
        return log.read_text(encoding="utf-8", errors="replace").splitlines() if log.exists() else []

    def errors(self) -> str:
        log = self.prefix / "error.log"
        return log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""


# Files with Chinese names (the generated downloads have ASCII names, but a
# unit adds its own files too): nginx must serve them with their types.
MIME_SAMPLES = {
    "_hosting-check/日历.ics": b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
    "_hosting-check/模板.docx": b"PK\x03\x04docx",
    "_hosting-check/台账.xlsx": b"PK\x03\x04xlsx",
}
