"""data/ledgers (counts, roles) -> the 台账对数 page's table of what is counted, and the
list of the sample ledgers to download. Pure functions, tested without MkDocs."""

from __future__ import annotations

from collections.abc import Callable


def how_counted(count: dict) -> str:
    """怎么数: in words, from the count's where / sum / within / open."""
    parts = [f"把“{count['sum']}”一栏的数字相加" if "sum" in count else "逐行计数"]
    for column, values in count.get("where", {}).items():
        parts.append(f"只算“{column}”为{'、'.join(values)}的行")
    text = "，".join(parts)
    if count.get("open"):
        text += "；列为未办结事项"
    return text + "。"


def render_ledger_counts(ledgers: list[dict]) -> str:
    """One table: ledger, figure, how it is counted, by period or as a stock."""
    out = ["| 台账 | 数字 | 怎么数 |", "|---|---|---|"]
    for ledger in ledgers:
        if not ledger.get("counts"):
            continue
        dated = ledger.get("roles", {}).get("date")
        span = f"按“{dated}”落在所选期间的行" if dated else "不分期间，数截至打开时的全部行"
        for i, count in enumerate(ledger["counts"]):
            name = f"{ledger['title']}（{span}）" if i == 0 else ""
            label = ("其中：" if count.get("within") else "") + count["label"]
            out.append(f"| {name} | {label}（{count['unit']}） | {how_counted(count)} |")
    return "\n".join(out) + "\n"


def render_ledger_samples(samples: list[dict], ledgers: dict[str, dict], link: Callable[[str, str], str]) -> str:
    """A list of the sample ledgers, each a download link."""
    out = []
    for sample in samples:
        for ledger_id in sample["ledgers"]:
            path = f"downloads/{sample['id']}-{ledger_id}.xlsx"
            out.append(f"- {link(path, ledgers[ledger_id]['title'])}")
    return "\n".join(out) + "\n"
