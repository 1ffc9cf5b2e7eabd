"""The qualifier written just before a figure: one matcher for grounding and for mentions.

Grounding asks it whether a quote shows a claim's qualifier; ``find_mentions`` asks it which
qualifier a found figure carries, so the scaffold drafts what the grounding check will read.
The longest lexicon spelling that ends right before the figure wins ("went up to 500" is no
"up to 500").
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from factsuite.meaning.lexicon import load_lexicon
from factsuite.meaning.mention_index import alternatives

Kinds = Literal["any", "date", "figure"]
"""Which spellings to look for: all, those that qualify dates ("late Monday"), or the others
("more than last year" is no hedge of a date)."""


@cache
def _matcher(kinds: Kinds) -> tuple[re.Pattern[str], int]:
    """One pattern for the spellings, anchored where the figure begins; and the most words a
    spelling has."""
    spellings = [
        spelling
        for entry in load_lexicon().qualifiers
        if kinds == "any" or ("date" in entry.kinds) == (kinds == "date")
        for spelling in entry.spellings
        if spelling
    ]
    regex = re.compile(rf"(?<!\w)(?:{alternatives(spellings)})\s*$", re.IGNORECASE)
    return regex, max((len(spelling.split()) for spelling in spellings), default=0)


def qualifier_before(text: str, end: int, start: int = 0, kinds: Kinds = "any") -> int | None:
    """Where the qualifier that ends right before ``text[end]`` begins, looking no further
    back than ``start``; None when there is none.

    Only the last few words can hold it, so the search begins there: from ``start`` it tried
    every spelling at every character before every figure.
    """
    regex, most_words = _matcher(kinds)
    end = _before_currency(text, start, end)
    words = text[start:end].rsplit(None, most_words)
    if len(words) > most_words:
        start += len(words[0])
    found = regex.search(text, start, end)
    return None if found is None else found.start()


CURRENCY_SIGNS = "$€£¥"
"""A sign between the hedge and the digits: "nearly $250 million" hedges "250 million"."""


def _before_currency(text: str, start: int, end: int) -> int:
    """``end`` moved back over a currency sign (and spaces) written right before it."""
    stripped = text[start:end].rstrip()
    if stripped and stripped[-1] in CURRENCY_SIGNS:
        return start + len(stripped) - 1
    return end


def spelling_of(written: str) -> str:
    """The lexicon spelling of a qualifier as written: lowercase, single spaces, without
    the currency sign that may stand between it and the digits."""
    return " ".join(written.rstrip().rstrip(CURRENCY_SIGNS).lower().split())


_CLAUSE_MARK = re.compile(r"[,;:()]")
_WORD = re.compile(r"[^\W\d_]+")


def hedges_nothing_here(text: str, start: int, written: str, kind: str) -> bool:
    """Whether the qualifier ``written`` at ``text[start]`` states no hedge where it stands,
    before a figure of unit ``kind`` (the lexicon's ``in_context``): "pushing the rate up to
    74.9 percent", "a rise over 32 months"."""
    for rule in load_lexicon().in_context:
        if rule.spelling != spelling_of(written):
            continue
        if rule.before_kind and rule.before_kind != kind:
            continue
        if rule.after_verbs:
            clause = _CLAUSE_MARK.split(text[:start])[-1]
            if not {word.lower() for word in _WORD.findall(clause)} & rule.after_verbs:
                continue
        return True
    return False
