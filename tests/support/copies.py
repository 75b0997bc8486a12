"""Throw-away copies of the project, to break on purpose.

- ``copy_sources``: the project's source files (what ``project_copy`` gives a test);
- ``data_copy``: only data/ and docs/ (what the data checks read), much cheaper;
- ``replace``: break a copied file in one place and say on which line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from support import ROOT

# Never copied into a project copy: installed packages, build output, caches,
# and the tests themselves (the build does not read them).
NOT_SOURCES = (".git", ".venv", "venv", "node_modules", "site", "dist", "build", "test-results",
               "__pycache__", ".pytest_cache", ".hypothesis", ".ruff_cache", ".cache", "tests")


def source_files(root: Path) -> list[str]:
    """The project's source files, relative to ``root``.

    In a git checkout: the files git knows or would add (tracked, plus
    untracked ones that .gitignore does not exclude). Elsewhere (an unpacked
    archive): every file outside NOT_SOURCES.
    """
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root, capture_output=True, text=True, check=False,
    ) if shutil.which("git") else None
    if listed is not None and listed.returncode == 0:
        files = [name for name in listed.stdout.split("\0") if name]
    else:
        files = []
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = [name for name in subfolders if name not in NOT_SOURCES]
            files += [(Path(folder) / name).relative_to(root).as_posix() for name in names]
    return sorted(name for name in files
                  if not set(Path(name).parts) & set(NOT_SOURCES) and (root / name).is_file())


def copy_sources(root: Path, dest: Path) -> Path:
    """Copy the source files of ``root`` to ``dest`` (a folder that does not exist yet)."""
    for name in source_files(root):
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, target)
    return dest


def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ and docs/ (what the data checks read), to break on purpose."""
    dest = tmp_path / "project"
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, dest / folder)
    return dest


def replace(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in ``path`` by ``new``; return the line where it was."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line
