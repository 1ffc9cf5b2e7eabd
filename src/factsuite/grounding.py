"""Whether a claim stands in its article: the quote verbatim, the figure inside the quote.

The claim file and the article cannot drift apart: a quote that no longer matches says
where the nearest text is, and a figure or qualifier that the quote does not show is named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from factsuite.lexicon import load_lexicon


@dataclass(frozen=True)
class Place:
    """Where a span of the article is: 1-based line, and the line's text."""

    line: int
    column: int
    text: str


def place_of(article: str, offset: int) -> Place:
    line_start = article.rfind("\n", 0, offset) + 1
    line_end = article.find("\n", offset)
    line_text = article[line_start : line_end if line_end != -1 else len(article)]
    return Place(article.count("\n", 0, offset) + 1, offset - line_start + 1, line_text)


def find_quote(article: str, quote: str) -> Place | None:
    offset = article.find(quote)
    return None if offset == -1 else place_of(article, offset)


def nearest_match(article: str, quote: str) -> tuple[Place, str, float]:
    """The span of the article most like the quote: where it is, its text, and how alike."""
    size = len(quote)
    best = (0.0, 0)
    starts = [0, *(match.end() for match in re.finditer(r"\s+", article))]
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(quote)
    for start in starts:
        matcher.set_seq1(article[start : start + size])
        if matcher.real_quick_ratio() > best[0] and matcher.quick_ratio() > best[0]:
            ratio = matcher.ratio()
            if ratio > best[0]:
                best = (ratio, start)
    ratio, start = best
    return place_of(article, start), article[start : start + size], ratio


def figure_problem(quote: str, value: str, qualifier: str) -> str:
    """Why the quote does not show ``qualifier value``, or "" when it does."""
    figure = re.compile(rf"(?<![\w.,]){re.escape(value)}(?![\w]|[.,]\d)", re.IGNORECASE)
    match = figure.search(quote)
    if match is None:
        return f'the quote does not contain the value "{value}"'
    written = _qualifier_before(quote[: match.start()])
    lexicon = load_lexicon()
    if lexicon.qualifier(written) is not lexicon.qualifier(qualifier):
        shown = f'"{written}"' if written else "no qualifier"
        stated = f'"{qualifier}"' if qualifier else "none"
        return f'the quote has {shown} before "{value}", but the claim\'s qualifier is {stated}'
    return ""


def _qualifier_before(text: str) -> str:
    """The longest lexicon spelling that ends right before the figure."""
    match = _qualifier_at_end().search(" ".join(text.lower().split()))
    return match.group(1) if match else ""


@cache
def _qualifier_at_end() -> re.Pattern[str]:
    """One pattern for every spelling, longest first, so the longest that fits wins."""
    spellings = sorted(filter(None, load_lexicon().qualifier_spellings), key=len, reverse=True)
    return re.compile(rf"(?:^|\W)({'|'.join(map(re.escape, spellings))})$")
