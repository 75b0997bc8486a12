"""The editor's loop: README's serve command, run as written on a clean copy of the sources.

It serves the home page and a generated download, and an edit to a page and
to a checklist record shows up in the served HTML. The server is stopped in
every case.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import sysconfig
import time
import urllib.request
from pathlib import Path

import pytest

from support import ROOT
from support.copies import copy_sources
from support.nginx import free_port

STARTUP_TIMEOUT = 300  # s: dev.sh checks the pinned packages, installs the project, then a cold build
CHANGE_TIMEOUT = 60  # s: one rebuild


def readme_command(verb: str) -> str:
    """The README's first-lines command for ``verb`` (serve or test), exactly as written."""
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:12]:
        command = line.split("#")[0].strip()
        if command.startswith("bash ") and command.split()[-1] == verb:
            return command
    raise AssertionError(f"README.md does not start with a '{verb}' command")


def source_copy(dest: Path) -> Path:
    """The project's sources, with a venv of their own that sees the pinned packages of the venv running
    these tests (a .pth file), so README's command finds them installed and installs only the project itself,
    editable, from the copy, leaving the tests' venv as it was."""
    copy_sources(ROOT, dest)
    subprocess.run([sys.executable, "-m", "venv", str(dest / ".venv")], check=True)
    purelib = sysconfig.get_paths()["purelib"]
    (site_packages,) = (dest / ".venv" / "lib").glob("python3*/site-packages")
    (site_packages / "guide-test-pinned-packages.pth").write_text(purelib + "\n", encoding="utf-8")
    return dest


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except OSError:
        return 0, b""


def wait_for(url: str, text: str, timeout: float, server: subprocess.Popen, log: Path) -> float:
    """Seconds until ``url`` serves a page containing ``text``."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        assert server.poll() is None, f"the server stopped:\n{log.read_text(encoding='utf-8')[-3000:]}"
        status, body = fetch(url)
        if status == 200 and text in body.decode("utf-8", "replace"):
            return time.monotonic() - started
        time.sleep(0.1)
    pytest.fail(f"{url} did not show {text!r} within {timeout} s:\n{log.read_text(encoding='utf-8')[-3000:]}")


def stop(server: subprocess.Popen) -> None:
    """End the server and everything it started (dev.sh, mkdocs)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            pass
        try:
            server.wait(timeout=20)
            return
        except subprocess.TimeoutExpired:
            continue


def test_readme_serve_command_serves_and_shows_edits(tmp_path):
    project = source_copy(tmp_path / "project")
    command = readme_command("serve")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    env = dict(os.environ, GUIDE_ADDRESS=f"127.0.0.1:{port}")
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(command, shell=True, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for(base, "街道社区宣传思想工作指南", STARTUP_TIMEOUT, server, log)
        status, body = fetch(base + "downloads/half-year-report.docx")
        assert status == 200 and body[:2] == b"PK", f"the download was not served: {status}"

        page = project / "docs/work-points/theory.md"
        marker = f"编辑后立即可见的句子{int(time.time())}。"
        page.write_text(page.read_text(encoding="utf-8") + f"\n\n{marker}\n", encoding="utf-8")
        page_seconds = wait_for(base + "work-points/theory.html", marker, CHANGE_TIMEOUT, server, log)

        record = project / "data/checklists/before-submission.yml"
        text = record.read_text(encoding="utf-8")
        old = "全文没有残留的 xx"
        assert old in text
        new_item = f"全文已核对第{port}遍，没有残留的 xx"
        record.write_text(text.replace(old, new_item), encoding="utf-8")
        record_seconds = wait_for(base + "tasks/half-year-report.html", new_item, CHANGE_TIMEOUT, server, log)
        print(f"served edits: page {page_seconds:.1f} s, checklist record {record_seconds:.1f} s")
    finally:
        stop(server)
    assert fetch(base)[0] == 0, "the server is still answering after it was stopped"
    assert re.search(r"Serving on http://127\.0\.0\.1:\d+/", log.read_text(encoding="utf-8"))
    # The copy's venv imports the project from the copy; the tests' own venv still from here.
    probe = "import macros, os; print(os.path.realpath(macros.__file__))"
    copied = subprocess.run([str(project / ".venv/bin/python"), "-I", "-c", probe], cwd="/",
                            capture_output=True, text=True, check=True).stdout.strip()
    ours = subprocess.run([sys.executable, "-I", "-c", probe], cwd="/", capture_output=True, text=True,
                          check=True).stdout.strip()
    assert copied.startswith(os.path.realpath(project) + os.sep), copied
    assert ours.startswith(os.path.realpath(ROOT) + os.sep), ours
