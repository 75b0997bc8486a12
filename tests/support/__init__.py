"""Helpers for the tests (and scripts/bench_search.py); no tests in here.

- ``checker``: the report checker's shared cases, a .docx maker and the command line;
- ``copies``: throw-away copies of the project or of data/ and docs/, to break on purpose;
- ``modules``: the build hooks and scripts, imported by file path (they are not packages);
- ``nginx``: Debian's nginx serving a built site with deploy/nginx.conf under /guide/;
- ``search_ui``: Material's search box driven in Chromium.

tests/ is on ``sys.path`` while pytest runs (and bench_search.py adds it), so
these import as ``support.<module>``.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
