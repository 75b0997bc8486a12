"""Every file generated at build time, with the function that makes its bytes.

``hooks/downloads.py`` adds each one to the site (so strict link validation
sees it), pages link to them with ``{{ download_link(path) }}``, and
``scripts/guide.py export`` writes them to a folder. Nothing generated is
committed. A kind of record contributes files by a provider function.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from . import buildcache
from .errors import GuideError
from .links import human_size
from .sitedata import SiteData

DOWNLOAD_DIR = "downloads"


@dataclass(frozen=True)
class Download:
    """A generated file: where it goes in the site, its save-as name, its maker.

    ``inputs`` is all the data ``build`` reads (it gets no other): when given,
    the bytes are kept in the build cache under it and the code's fingerprint.
    ``origin`` is the record it is made from (path, line), named when making
    it fails. After ``collect_downloads``, ``build`` is a ``Made``.
    """

    path: str  # site path, e.g. "downloads/checklist-responsibility.xlsx"
    filename: str  # the Chinese name a browser saves it under
    build: Callable[[], bytes]
    inputs: Any = None
    origin: tuple[str, int | None] | None = None

    @property
    def kind(self) -> str:
        return self.path.rsplit(".", 1)[-1]


_PROVIDERS: list[Callable[[SiteData], Iterable[Download]]] = []


def provider(func: Callable[[SiteData], Iterable[Download]]):
    """Decorator: ``func(site)`` yields the downloads of one kind of record."""
    _PROVIDERS.append(func)
    return func


def make(path: str, maker: Callable[[], bytes], origin: tuple[str, int | None] | None) -> bytes:
    """``maker()``; a failure is a GuideError naming the record the file is made from."""
    try:
        return maker()
    except GuideError:
        raise
    except Exception as exc:
        where, line = origin or (path, None)
        raise GuideError(where, line, f"making {path} failed: {type(exc).__name__}: {exc}",
                         "correct the record: a control character pasted into a text is a common cause") from exc


class Made:
    """The bytes of one download: made once per build, taken from the build cache, or made elsewhere.

    ``elsewhere`` (set by hooks/downloads.py) is a function that returns the
    bytes made in the worker process (macros/download_worker.py); then nothing
    is made here. ``elsewhere_size`` returns their size, which the worker
    reports before it has made the other files.
    """

    def __init__(self, root, download: Download) -> None:
        self.root, self.download = root, download
        self.value: bytes | None = None
        self.elsewhere: Callable[[], bytes] | None = None
        self.elsewhere_size: Callable[[], int] | None = None

    def size(self) -> int:
        """The file's size in bytes: from the worker as soon as it has made this file, without the bytes."""
        if self.value is None and self.elsewhere_size is not None:
            return self.elsewhere_size()
        return len(self())

    def _key(self) -> list:
        return [self.download.path, self.download.inputs]

    def ready(self) -> bool:
        """True if the bytes can be had now without making them here or waiting for the worker."""
        if self.value is None and self.elsewhere is None and self.download.inputs is not None:
            self.value = buildcache.get(self.root, "downloads", self._key())
        return self.value is not None

    def __call__(self) -> bytes:
        if self.value is None:
            if self.elsewhere is not None:
                self.value = self.elsewhere()
            elif self.download.inputs is not None:
                self.value = buildcache.cached(self.root, "downloads", self._key(), self.maker)
            else:
                self.value = self.maker()
        return self.value

    def maker(self) -> bytes:
        download = self.download
        return make(download.path, download.build, download.origin)


# One collection per loaded SiteData, so the hook that adds the files and the
# macro that prints their sizes share one build of each file.
_collected: dict[int, tuple[SiteData, dict[str, Download]]] = {}


def collect_downloads(site: SiteData) -> dict[str, Download]:
    """All downloads by site path; two providers claiming one path is an error.

    Each download's ``build`` is a ``Made``: its bytes are made once per build,
    taken from the build cache when its inputs and the code are unchanged, or
    made by the worker process.
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
            found[download.path] = replace(download, build=Made(site.root, download))
    _collected.clear()  # keep only the current data's files (mkdocs serve reloads)
    _collected[id(site)] = (site, found)
    return found


# A download's size on a page, while the worker is still making it: replaced
# by the size before the page is indexed or written (hooks/downloads.py).
SIZE_MARK = re.compile("\ue000size:([^\ue001]+)\ue001")


def size_text(download: Download) -> str:
    """'18 KB', or a mark that ``resolve_sizes`` replaces once the worker has made the file."""
    made = download.build
    if isinstance(made, Made) and not made.ready() and made.elsewhere is not None:
        return f"\ue000size:{download.path}\ue001"
    return human_size(len(made()))


# The same mark in JSON written with ASCII escapes (Material's search_index.json).
SIZE_MARK_JSON = re.compile(r"\\ue000size:([^\\]+)\\ue001")


def resolve_sizes(text: str, downloads: dict[str, Download], mark: re.Pattern = SIZE_MARK) -> str:
    """``text`` with every size mark (``mark``: SIZE_MARK, or SIZE_MARK_JSON in escaped JSON) replaced by the
    size of its file."""
    return mark.sub(lambda m: human_size(downloads[m.group(1)].build.size()), text)
