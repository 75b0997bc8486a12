"""The guide's text does not repeat the reference documents (../shared/seeds)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from support import ROOT

TOOL = ROOT.parent / "shared" / "tools" / "seed_overlap.py"


def test_no_run_of_24_characters_repeats_a_reference_document():
    if not TOOL.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{TOOL} is missing: CI must have ../shared beside the clone")
        pytest.skip("../shared/tools/seed_overlap.py is not beside this checkout")
    # Run with this interpreter so OpenCC is importable and Traditional seeds are compared as Simplified.
    result = subprocess.run([sys.executable, str(TOOL), "--strict", str(ROOT)], capture_output=True, text=True,
                            check=False)
    assert "opencc not importable" not in result.stdout + result.stderr
    assert result.returncode == 0, result.stdout[-3000:]
