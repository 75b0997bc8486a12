"""Helpers for the tests (and scripts/bench_*.py); no tests in here.

- ``launch_chromium`` (here): Debian's Chromium as the browser tests and the benches drive it;

- ``checker``: the report checker's shared cases, a .docx maker and the command line;
- ``copies``: throw-away copies of the project or of data/ and docs/, to break on purpose;
- ``modules``: the build hooks and scripts, imported by file path (they are not packages);
- ``nginx``: Debian's nginx serving a built site with deploy/nginx.conf under /guide/;
- ``search_ui``: Material's search box driven in Chromium.

tests/ is on ``sys.path`` while pytest runs (and the benches add it), so
these import as ``support.<module>``.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def launch_chromium(playwright):
    """Debian's Chromium, headless, with no calls home (a Browser of playwright.sync_api's ``playwright``)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
