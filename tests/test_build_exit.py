"""`mkdocs build` ends without the interpreter's last garbage collections (hooks/build_exit.py)."""

from __future__ import annotations

import atexit
import gc
import sys

from support.modules import load


def test_a_build_freezes_the_collector_at_exit_once_and_serve_never(monkeypatch):
    hook = load("hooks/build_exit.py", "guide_hook_build_exit")
    monkeypatch.delitem(sys.modules, "guide_hook_build_exit")
    registered = []
    monkeypatch.setattr(atexit, "register", registered.append)
    hook.on_startup("serve", dirty=False)
    assert registered == []  # serve builds again and again in one process: nothing may become immortal
    hook.on_startup("build", dirty=False)
    hook.on_startup("build", dirty=False)
    assert registered == [hook.freeze_at_exit]
    assert gc.get_freeze_count() == 0
    try:
        registered[0]()
        assert gc.get_freeze_count() > 0  # the collections at shutdown no longer look at these
    finally:
        gc.unfreeze()
