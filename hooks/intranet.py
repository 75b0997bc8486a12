"""Checks and files for hosting on an intranet with no internet.

* Fails the build when a page or stylesheet would make the browser fetch
  anything from another host (a script, stylesheet, font, icon, image, frame,
  preload or preconnect): nothing may leave the server, and on a network that
  silently drops such requests a page can stay blank. Links a browser does not
  follow by itself (canonical, alternate, next/prev, a plain <a href>) are not
  fetches: while serving, MkDocs points the canonical link at the dev server.
* Writes SHA256SUMS.txt at the site root, last of all: the SHA-256 of every
  other file, in the format of ``sha256sum -c`` (see docs/deploy/index.md).

A file is checked by its content (SHA-256): one found clean is not parsed again.
In ``mkdocs build`` the pages and stylesheets written by -10 (the download sizes
filled in) are checked ahead, in a thread, while the build waits for the search
index built in V8 (hooks/search.py, -50; issue #15: 0.1 s less at the end of a cold
build); at -200 every file is hashed again and only a content not found clean is
parsed, so a file changed after the check ahead is checked as it is written.
"""

from __future__ import annotations

import hashlib
import re
import threading
from pathlib import Path

import lxml.etree
import lxml.html
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

CHECKSUMS = "SHA256SUMS.txt"

# Attributes whose URL the browser loads by itself, per element.
FETCHED_ATTRS = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",),
    "source": ("src", "srcset"), "audio": ("src",), "video": ("src", "poster"), "track": ("src",),
    "embed": ("src",), "object": ("data",), "input": ("src",), "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
# <link rel=...> values that make the browser load the URL, or open a connection to its host.
FETCHING_RELS = {
    "stylesheet", "icon", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon", "manifest",
    "preload", "modulepreload", "prefetch", "prerender", "preconnect", "dns-prefetch",
}
OUTSIDE = re.compile(r"^\s*(?:https?:)?//", re.I)
CSS_URL = re.compile(r"(?:url\(\s*[\"']?|@import\s+[\"'])((?:https?:)?//[^\"')\s]+)", re.I)


def _urls(name: str, value: str) -> list[str]:
    if name.endswith("srcset"):  # "a.png 1x, //cdn/b.png 2x"
        return [part.split()[0] for part in value.split(",") if part.split()]
    return [value.strip()]


# The only elements that can make the browser fetch: those named above and any with a style attribute, in
# document order (an XPath union), so that Python looks at 2,000 of a site's 45,000 elements. The HTML
# parser gives tag and attribute names in lower case.
_CANDIDATES = lxml.etree.XPath(" | ".join(f"//{tag}" for tag in sorted({*FETCHED_ATTRS, "link", "style"}))
                               + " | //*[@style]")


def external_fetches(text: str, css: bool = False) -> list[str]:
    """URLs on other hosts that a browser would load for this HTML (or CSS) text."""
    if css:
        return CSS_URL.findall(text)
    if not text.strip():
        return []
    found: list[str] = []
    for element in _CANDIDATES(lxml.html.document_fromstring(text)):
        tag = element.tag.lower()
        names: tuple = FETCHED_ATTRS.get(tag, ())
        if tag == "link":  # "shortcut icon" is two tokens
            names = ("href", "imagesrcset") if set(element.get("rel", "").lower().split()) & FETCHING_RELS else ()
        for name in names:
            found += [url for url in _urls(name, element.get(name, "")) if OUTSIDE.match(url)]
        if element.get("style"):
            found += CSS_URL.findall(element.get("style"))
        if tag == "style":
            found += CSS_URL.findall(element.text or "")
    return found


def file_hashes(site: Path) -> dict[str, str]:
    """SHA-256 of every file under ``site`` but the list itself, by site path."""
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file() and path.name != CHECKSUMS}


def sha256sums(site: Path, hashes: dict[str, str] | None = None) -> str:
    """``sha256sum``-compatible lines for every file under ``site`` but the list itself."""
    hashes = file_hashes(site) if hashes is None else hashes
    return "".join(f"{digest}  {rel}\n" for rel, digest in sorted(hashes.items()))


# Contents (by hash) already found to load nothing from outside: while serving,
# a rebuild checks only the pages that changed.
_checked: set[str] = set()
_ahead: dict = {"serving": False, "thread": None}


def on_startup(command: str, dirty: bool) -> None:
    _ahead["serving"] = command == "serve"


def _clean(site: Path, rel: str, digest: str, content: bytes | None = None) -> list[str]:
    """The outside fetches of the page or stylesheet ``rel`` (none if its content was found clean before);
    ``content``: its bytes, if already read."""
    if digest in _checked:
        return []
    text = content.decode("utf-8") if content is not None else (site / rel).read_text(encoding="utf-8")
    found = external_fetches(text, css=rel.endswith(".css"))
    if not found:
        _checked.add(digest)
    return found


def check_ahead(site: Path) -> None:
    """Find the pages and stylesheets now in ``site`` that load nothing from outside (``_checked``); any
    other file, or one that fails here, is left to the guard."""
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".css") and path.is_file():
            try:
                content = path.read_bytes()
                _clean(site, path.relative_to(site).as_posix(), hashlib.sha256(content).hexdigest(), content)
            except Exception:  # noqa: BLE001, S112 - the guard reads it again and reports what is wrong
                continue


@event_priority(-11)  # after hooks/downloads.py fills the sizes into the pages (-10), while hooks/search.py waits for V8
def _start_ahead(config, **kwargs) -> None:
    if not _ahead["serving"]:
        _ahead["thread"] = threading.Thread(target=check_ahead, args=(Path(config.site_dir),),
                                            name="guide-intranet-ahead", daemon=True)
        _ahead["thread"].start()


@event_priority(-200)  # after every plugin has written its files (offline: -100)
def _guard(config, **kwargs) -> None:
    ahead, _ahead["thread"] = _ahead["thread"], None
    if ahead is not None:
        ahead.join()
    site = Path(config.site_dir)
    hashes = file_hashes(site)
    problems = []
    for rel, digest in hashes.items():
        if rel.endswith((".html", ".css")):
            problems += [f"{rel}: {url}" for url in _clean(site, rel, digest)]
    if problems:
        raise PluginError("the site would load files from outside the intranet:\n  " + "\n  ".join(problems[:20])
                          + "\n  What to do: copy the file into docs/assets/ and link it relatively "
                            "(theme.font must stay false; do not enable the privacy plugin)")
    (site / CHECKSUMS).write_text(sha256sums(site, hashes), encoding="utf-8")


on_post_build = CombinedEvent(_start_ahead, _guard)
