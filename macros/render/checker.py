"""The checker's rule list as a Markdown table for the 报告体检 page (pure)."""

from __future__ import annotations

from ..links import relative

LABEL = {"error": "错误", "warning": "警告", "info": "提示"}


def render_checker_rules(rules: list[dict], here: str) -> str:
    """One row per rule: name (linking to its explanation), severity, what it finds, id."""
    lines = ["| 检查项 | 级别 | 查什么 | 规则编号 |", "|---|---|---|---|"]
    for rule in rules:
        page, _, anchor = rule["guide"].partition("#")
        link = ("#" + anchor) if page == here else relative(rule["guide"], here)
        lines.append(f"| [{rule['name']}]({link}) | {LABEL[rule['severity']]} | {rule['explain']} | `{rule['id']}` |")
    return "\n".join(lines) + "\n"
