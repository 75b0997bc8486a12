"""Read YAML data files keeping the line of every value, for error messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import GuideError

Path_ = tuple  # a path inside a document: ("items", 3, "text")


# libyaml's parser and composer (C) when PyYAML was built with it; the nodes keep their line marks.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """Safe loader that keeps dates as the strings the author wrote."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Source:
    """A parsed YAML file: its data, where it lives, and a line for each path."""

    path: str  # relative to the project root, for messages
    data: Any
    lines: dict = field(repr=False, default_factory=dict)

    def line_of(self, where: Path_ = ()) -> int | None:
        """Line of the value at ``where``, or of its nearest known parent."""
        where = tuple(where)
        while where not in self.lines and where:
            where = where[:-1]
        return self.lines.get(where)

    def error(self, where: Path_, problem: str, fix: str) -> GuideError:
        """A ``GuideError`` pointing at the value at ``where`` in this file."""
        return GuideError(self.path, self.line_of(where), problem, fix)


def _walk(node: yaml.Node, here: tuple, lines: dict, rel: str, loader: _Loader) -> Any:
    lines[here] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in out:
                raise GuideError(
                    rel, key_node.start_mark.line + 1,
                    f"duplicate key '{key}' (the earlier value would be silently lost)",
                    "remove or rename one of the two keys",
                )
            out[key] = _walk(value_node, here + (key,), lines, rel, loader)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, here + (i,), lines, rel, loader) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def read_yaml(path: Path, root: Path) -> Source:
    """Parse ``path``; raise ``GuideError`` with the line on any syntax error."""
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GuideError(rel, None, f"not UTF-8 text ({exc.reason})", "save the file as UTF-8") from exc
    return parse_yaml(text, rel)


def parse_yaml(text: str, rel: str, first_line: int = 1) -> Source:
    """Parse YAML ``text`` that starts at line ``first_line`` of the file ``rel``."""
    text = "\n" * (first_line - 1) + text
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise GuideError(
            rel, mark.line + 1 if mark else None,
            f"YAML syntax error: {exc.problem or exc.context}",
            "check the indentation, the colon after each key and the quotes on this line or the one above",
        ) from exc
    if node is None:
        raise GuideError(rel, None, "the file is empty", "fill it in or delete it")
    lines: dict = {}
    try:
        return Source(rel, _walk(node, (), lines, rel, loader), lines)
    finally:
        loader.dispose()


def read_front_matter(path: Path, rel: str) -> Source | None:
    """A Markdown page's front matter as a Source with the file's line numbers, or None when it has none."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 4)
    if end < 0:
        raise GuideError(rel, 1, "front matter is not closed", "add a line '---' after the page's metadata")
    return parse_yaml(text[4:end + 1], rel, first_line=2)

