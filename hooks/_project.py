"""The project folder, for hooks that read data/ and docs/ (the packages are installed: see pyproject.toml)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
