"""`mkdocs build` ends without the interpreter's last garbage collections (issue #15, a cold build).

When a build has written the site, Python's shutdown clears every module and
collects the garbage over everything the build made (the site data, pages,
templates, search entries): 0.1 to 0.3 s after MkDocs has said "Documentation
built", measured here, that the build's caller waits for. ``gc.freeze`` at exit
moves every object the collector tracks out of its reach, so those collections
look at nearly nothing; the objects go with the process, as they would anyway.
Only in ``mkdocs build``: ``mkdocs serve`` runs build after build in one process.
"""

from __future__ import annotations

import atexit
import gc

_registered: dict = {"exit": None}


def freeze_at_exit() -> None:
    gc.freeze()


def on_startup(command: str, dirty: bool) -> None:
    if command == "build" and _registered["exit"] is None:
        atexit.register(freeze_at_exit)  # run before the handlers registered earlier (LIFO), then shutdown
        _registered["exit"] = freeze_at_exit
