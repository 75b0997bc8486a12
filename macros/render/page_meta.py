"""Page metadata -> the dated basis note every policy page carries (pure)."""

from __future__ import annotations

from html import escape


def as_of_label(basis_as_of: str) -> str:
    """'2026-11' -> '2026年11月'."""
    year, month = basis_as_of.split("-")
    return f"{year}年{int(month)}月"


def render_policy_header(basis_as_of: str | None, updated: str | None, reason: str | None) -> str:
    """One line under the title: 依据截至 …; 最后更新 … (why)."""
    parts = []
    if basis_as_of:
        parts.append(f"依据截至 {as_of_label(basis_as_of)}")
    if updated:
        parts.append(f"最后更新 {updated}" + (f"（{reason}）" if reason else ""))
    if not parts:
        return ""
    # Out of the search index: the reason for the last change names words the page may not be about.
    return '<p class="page-stamp" data-search-exclude>' + " ｜ ".join(parts) + "</p>\n"


def render_questions(questions: list[str]) -> str:
    """The line under the title listing the questions the page answers (front matter ``questions``).

    Kept out of the section's search text: the search finds the questions in their own weighted field
    (macros/search/expand.py), and a result's snippet stays the page's own words.
    """
    if not questions:
        return ""
    items = "".join(f'<span class="page-answers__q">{escape(q)}</span>' for q in questions)
    return f'<p class="page-answers" data-search-exclude><strong>本页回答：</strong>{items}</p>\n'


def render_basis_footer(basis: list[str], basis_as_of: str) -> str:
    """The closing '## 依据' section listing the documents the page follows."""
    lines = ["## 依据", "", f"本页内容依据以下文件，依据截至 {as_of_label(basis_as_of)}：", ""]
    lines += [f"- {doc}" for doc in basis]
    lines += ["", "政策文件如有更新，以最新文件为准；发现过时内容请告知维护人员。", ""]
    return "\n".join(lines)


def insert_after_title(markdown: str, block: str) -> str:
    """Put ``block`` right after the page's first '# ' heading (or at the top)."""
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: i + 1] + ["", block] + lines[i + 1:])
    return block + "\n" + markdown
