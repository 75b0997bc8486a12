"""Checks and files for hosting on an intranet with no internet.

* Fails the build when a page or stylesheet would make the browser fetch
  anything from another host (a script, stylesheet, font, image, frame,
  preconnect): nothing may leave the server, and on a network that silently
  drops such requests a page can stay blank.
* Writes SHA256SUMS.txt at the site root, last of all: the SHA-256 of every
  other file, in the format of ``sha256sum -c`` (see docs/deploy/index.md).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

CHECKSUMS = "SHA256SUMS.txt"

# Elements whose URL the browser fetches by itself, and preconnect/prefetch hints.
FETCHED = re.compile(
    r"<(?:script|img|iframe|source|audio|video|embed|object|track)\b[^>]*?\s(?:src|data|poster)=[\"']?((?:https?:)?//[^\"'\s>]+)"
    r"|<link\b[^>]*?\shref=[\"']?((?:https?:)?//[^\"'\s>]+)",
    re.I,
)
CSS_URL = re.compile(r"(?:url\(\s*[\"']?|@import\s+[\"'])((?:https?:)?//[^\"')\s]+)", re.I)


def external_fetches(text: str, css: bool = False) -> list[str]:
    """URLs on other hosts that a browser would load for this HTML (or CSS) text."""
    if css:
        return CSS_URL.findall(text)
    return [a or b for a, b in FETCHED.findall(text)]


def sha256sums(site: Path) -> str:
    """``sha256sum``-compatible lines for every file under ``site`` but the list itself."""
    lines = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel == CHECKSUMS:
            continue
        lines.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {rel}\n")
    return "".join(lines)


@event_priority(-200)  # after every plugin has written its files (offline: -100)
def on_post_build(config, **kwargs) -> None:
    site = Path(config.site_dir)
    problems = []
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".css"):
            for url in external_fetches(path.read_text(encoding="utf-8"), css=path.suffix == ".css"):
                problems.append(f"{path.relative_to(site).as_posix()}: {url}")
    if problems:
        raise PluginError("the site would load files from outside the intranet:\n  " + "\n  ".join(problems[:20])
                          + "\n  What to do: copy the file into docs/assets/ and link it relatively "
                            "(theme.font must stay false; do not enable the privacy plugin)")
    (site / CHECKSUMS).write_text(sha256sums(site), encoding="utf-8")
