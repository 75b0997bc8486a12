"""Words the search keeps whole, and which of them mean the same.

Sources: every glossary term with its aliases (``data/terms/``, when that kind
is registered) and the guide's own vocabulary (``data/search/``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@dataclass(frozen=True)
class Group:
    """Words with one meaning; ``words[0]`` is the usual form."""

    words: tuple[str, ...]
    origin: str  # "data/terms/x.yml" or "data/search/vocabulary.yml", for messages

    def found_in(self, text: str) -> list[str]:
        """The members of the group that occur in ``text``."""
        return [w for w in self.words if w in text]


# Timeline records whose names staff type: meetings, 学习教育 and five-year plans (not anniversaries).
TIMELINE_KINDS = ("meeting", "campaign", "plan")


def groups_from(terms: list, vocabularies: list, timeline: list = ()) -> list[Group]:
    """Synonym groups: one per glossary term (term + aliases), one per vocabulary group, and one per
    meeting, 学习教育 or plan period of data/timeline (its name and the short forms it is matched by),
    so that 十九大 or 政绩观学习教育 is searched whole, as the checker knows it."""
    groups: list[Group] = []
    for record in terms:
        words = [record["term"], *record.get("aliases", [])]
        groups.append(Group(_unique(words), f"data/terms/{record.id}.yml"))
    for record in vocabularies:
        for group in record.get("groups", []):
            groups.append(Group(_unique(group["words"]), f"data/search/{record.id}.yml"))
    for record in timeline:
        if record["kind"] in TIMELINE_KINDS:
            words = [record["name"].replace("“", "").replace("”", ""), *record.get("match", [])]
            groups.append(Group(_unique(words), f"data/timeline/{record.id}.yml"))
    return groups


def _unique(words) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for word in words:
        word = str(word).strip()
        if word:
            seen.setdefault(word, None)
    return tuple(seen)


def dictionary_words(groups: list[Group]) -> list[str]:
    """Every Han word of 2+ characters to keep whole, sorted.

    The index is segmented only inside runs of Han characters, so a word with
    Latin letters or digits ("12345热线") contributes its Han runs.
    """
    words: set[str] = set()
    for group in groups:
        for word in group.words:
            words.update(run for run in HAN_RUN.findall(word) if len(run) >= 2)
    return sorted(words)


def userdict_text(words: list[str]) -> str:
    """A jieba user dictionary: one word per line, no frequency.

    Without a frequency jieba computes the lowest one that keeps the word
    whole (``suggest_freq``), so ordinary words around it are not disturbed.
    """
    return "".join(f"{word}\n" for word in words)
