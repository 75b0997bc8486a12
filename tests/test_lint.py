"""Ruff (pinned in requirements-test.txt, rules in pyproject.toml) finds nothing in the project."""

from __future__ import annotations

import subprocess
import sys

from support import ROOT


def test_ruff_check_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, (
        "ruff check . found problems (`python -m ruff check --fix .` fixes some):\n"
        + result.stdout[-6000:] + result.stderr[-2000:])
