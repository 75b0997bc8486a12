"""Every file generated at build time, with the function that makes its bytes.

``hooks/downloads.py`` adds each one to the site (so strict link validation
sees it), pages link to them with ``{{ download_link(path) }}``, and
``scripts/guide.py export`` writes them to a folder. Nothing generated is
committed. A kind of record contributes files by a provider function.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from . import buildcache
from .sitedata import SiteData

DOWNLOAD_DIR = "downloads"


@dataclass(frozen=True)
class Download:
    """A generated file: where it goes in the site, its save-as name, its maker.

    ``inputs`` is all the data ``build`` reads (it gets no other): when given,
    the bytes are kept in the build cache under it and the code's fingerprint.
    """

    path: str  # site path, e.g. "downloads/checklist-responsibility.xlsx"
    filename: str  # the Chinese name a browser saves it under
    build: Callable[[], bytes]
    inputs: Any = None

    @property
    def kind(self) -> str:
        return self.path.rsplit(".", 1)[-1]


_PROVIDERS: list[Callable[[SiteData], Iterable[Download]]] = []


def provider(func: Callable[[SiteData], Iterable[Download]]):
    """Decorator: ``func(site)`` yields the downloads of one kind of record."""
    _PROVIDERS.append(func)
    return func


# One collection per loaded SiteData, so the hook that adds the files and the
# macro that prints their sizes share one build of each file.
_collected: dict[int, tuple[SiteData, dict[str, Download]]] = {}


def collect_downloads(site: SiteData) -> dict[str, Download]:
    """All downloads by site path; two providers claiming one path is an error.

    Each download's ``build`` is memoised: its bytes are made once per build,
    or taken from the build cache when its inputs and the code are unchanged.
    """
    from . import download_providers  # noqa: F401  (registers the providers)

    cached = _collected.get(id(site))
    if cached and cached[0] is site:
        return cached[1]
    found: dict[str, Download] = {}
    for func in _PROVIDERS:
        for download in func(site):
            if download.path in found:
                raise ValueError(f"two generated files share the path {download.path}")
            build = download.build
            if download.inputs is not None:
                build = functools.partial(buildcache.cached, site.root, "downloads",
                                          [download.path, download.inputs], build)
            found[download.path] = replace(download, build=functools.cache(build))
    _collected.clear()  # keep only the current data's files (mkdocs serve reloads)
    _collected[id(site)] = (site, found)
    return found
