"""The one error type the build raises for bad content or data."""

from __future__ import annotations


class GuideError(Exception):
    """Bad input found while building: names the file, the line and the fix.

    ``path`` is relative to the project root (``data/checklists/x.yml``,
    ``docs/work-points/theory.md``); ``line`` is 1-based or ``None`` when the
    problem concerns the whole file.
    """

    def __init__(self, path: str, line: int | None, problem: str, fix: str):
        self.path = str(path)
        self.line = line
        self.problem = problem
        self.fix = fix
        super().__init__(self.message)

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    @property
    def message(self) -> str:
        return f"{self.location}: {self.problem}\n  What to do: {self.fix}"


class UnknownId(GuideError, KeyError):
    """A page or record refers to an id that no data file defines."""

    def __str__(self) -> str:  # KeyError would otherwise repr() the message
        return self.message
