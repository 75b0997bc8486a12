"""Add every generated download (macros/downloads.py) to the site's files.

Because the files are added in on_files, MkDocs' strict link validation sees
them: a page linking to a download that is not generated fails the build.
"""

from __future__ import annotations

import logging
import time

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from _project import site_data
from macros.downloads import collect_downloads

log = logging.getLogger("mkdocs.plugins.guide.downloads")


def on_files(files: Files, config, **kwargs) -> Files:
    started = time.perf_counter()
    site = site_data()
    downloads = collect_downloads(site)
    total = 0
    for path, download in downloads.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path}: this file is generated at build time.\n  What to do: delete docs/{path}")
        content = download.build()
        total += len(content)
        files.append(File.generated(config, path, content=content))
    log.info("generated %d downloads (%d bytes) in %.2f s", len(downloads), total, time.perf_counter() - started)
    return files
