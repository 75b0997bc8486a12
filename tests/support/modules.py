"""The build hooks and scripts, imported by file path (hooks/ and scripts/ are not packages)."""

from __future__ import annotations

import importlib.util
import sys

from support import ROOT


def load(rel: str, name: str):
    """Import ``ROOT/rel`` as a module called ``name``."""
    spec = importlib.util.spec_from_file_location(name, ROOT / rel)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


intranet = load("hooks/intranet.py", "guide_hook_intranet")
package_site = load("scripts/package_site.py", "guide_script_package_site")
