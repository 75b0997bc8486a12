"""Turn a macro error into a failed build that names the file and line.

mkdocs-macros catches template errors and puts an error text in the page;
its line numbers count from after the front matter and its messages do not
say what to do. This hook runs after it, finds that text, maps the line to
the file's own numbering and stops the build with a GuideError.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from _project import ROOT  # noqa: F401
from macros.errors import GuideError

MARKERS = ("# _Macro Rendering Error_", "# _Macro Syntax Error_")
TEMPLATE_LINE = re.compile(r'File "<(?:template|unknown)>", line (\d+)')
SYNTAX_LINE = re.compile(r"_Line (\d+) in Markdown file:_ \*\*(.*?)\*\*")
OUR_ERROR = re.compile(r"_(?:GuideError|UnknownId)_: (.*?)\n\s*What to do: (.*?)\n", re.DOTALL)


def front_matter_lines(path: Path) -> int:
    """Lines MkDocs removes before the template: front matter and the blank lines after it."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return 0
    end = text.find("\n---", 4)
    if end < 0:
        return 0
    head = text[: text.index("\n", end + 1) + 1]  # through the closing '---' line
    rest = text[len(head):]
    return head.count("\n") + (len(rest) - len(rest.lstrip("\n")))


def explain(error_text: str, rel: str, offset: int) -> str:
    """The build-stopping message for an mkdocs-macros error text."""
    ours = OUR_ERROR.search(error_text)
    if ours:  # raised by our own macros: it already names file, line and fix
        return f"{ours.group(1).strip()}\n  What to do: {ours.group(2).strip()}"
    syntax = SYNTAX_LINE.search(error_text)
    if syntax:
        return GuideError(rel, int(syntax.group(1)) + offset, f"template syntax error: {syntax.group(2)}",
                          "check that every {{ has a }} and every {% if %}/{% for %} its {% endif %}/{% endfor %}; "
                          "the error is on this line or above it").message
    lines = TEMPLATE_LINE.findall(error_text)
    kind = re.search(r"_(\w+Error|\w+Exception)_: (.*)", error_text)
    problem = f"{kind.group(1)}: {kind.group(2)}" if kind else error_text.splitlines()[0]
    fix = ("check the spelling of the variable or macro; the available ones are listed in macros/site_macros.py"
           if "Undefined" in problem else "correct the macro call on this line")
    return GuideError(rel, int(lines[-1]) + offset if lines else None, problem, fix).message


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    if not any(marker in markdown for marker in MARKERS):
        return markdown
    rel = f"docs/{page.file.src_uri}"
    raise PluginError(explain(markdown, rel, front_matter_lines(Path(page.file.abs_src_path))))
