"""Make the project's packages importable from hooks (loaded before macros)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# MkDocs restores sys.path after loading each hook; a package imported now keeps
# its submodules importable for the rest of the build (macros imports checker).
import checker  # noqa: E402,F401
