"""Helpers shared by the calendar, glossary and diagram tests."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ and docs/ (what the data checks read), to break on purpose."""
    dest = tmp_path / "project"
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, dest / folder)
    return dest
