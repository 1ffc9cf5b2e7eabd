"""Whether a claim stands in its article: the quote verbatim, the figure inside the quote.

The claim file and the article cannot drift apart: a quote that no longer matches says
where the nearest text is, and a figure or qualifier that the quote does not show is named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from functools import lru_cache

import numpy as np

from factsuite.meaning.lexicon import load_lexicon
from factsuite.meaning.mention_index import ASCII_CASE_TWINS
from factsuite.meaning.qualifiers import hedges_nothing_here, qualifier_before, spelling_of


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
    """The span of the article most like the quote: where it is, its text, and how alike.

    Comparing the quote with the text at every word would cost words x quote length
    squared (8 minutes for one wrong quote in a 1 MB article), so the words first vote: each
    span of the quote's length in words is scored by how many of the quote's words it
    holds, and only the ``CANDIDATES`` best spans are compared character by character, with
    ``ratio`` up to ``EXACT_UP_TO`` characters and the linear ``quick_ratio`` past it.
    """
    size = len(quote)
    starts, words = _words(article)
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(quote)
    best = (0.0, 0)
    for start in _candidates(starts, words, quote):
        matcher.set_seq1(article[start : start + size])
        if matcher.real_quick_ratio() > best[0] and matcher.quick_ratio() > best[0]:
            ratio = matcher.ratio() if size <= EXACT_UP_TO else matcher.quick_ratio()
            if ratio > best[0]:
                best = (ratio, start)
    ratio, start = best
    return place_of(article, start), article[start : start + size], ratio


CANDIDATES = 64
"""Spans compared in full: the best by shared words, ample for a quote edited in places."""
EXACT_UP_TO = 2_000
"""Characters of a quote compared exactly: ``ratio`` is quadratic, a few ms at this length."""


@lru_cache(maxsize=8)
def _words(article: str) -> tuple[np.ndarray, tuple[str, ...]]:
    """Where each word of the article starts, and the words, folded: once per article."""
    found = [(match.start(), _folded(match.group())) for match in _WORD.finditer(article)]
    starts = np.array([0] + [start for start, _ in found], dtype=np.int64)
    return starts, ("", *(word for _, word in found))


_WORD = re.compile(r"\S+")


def _folded(word: str) -> str:
    """A word as it votes: case and punctuation aside ("Conflict," is "conflict")."""
    return "".join(character for character in word.casefold() if character.isalnum())


def _candidates(starts: np.ndarray, words: tuple[str, ...], quote: str) -> list[int]:
    """The starts of the spans that hold most of the quote's words, in the text's order."""
    wanted = {_folded(word) for word in quote.split()} - {""}
    width = max(1, len(quote.split()))
    held = np.fromiter((word in wanted for word in words), dtype=np.int64, count=len(words))
    running = np.concatenate(([0], np.cumsum(held)))
    ends = np.minimum(np.arange(len(words)) + width, len(words))
    scores = running[ends] - running[: len(words)]
    if len(scores) > CANDIDATES:
        best = np.argpartition(-scores, CANDIDATES)[:CANDIDATES]
    else:
        best = np.arange(len(scores))
    return sorted(int(starts[index]) for index in best)


CACHED_PROBLEMS = 2**16
"""Answers kept for reuse: an archive quotes the same headline and lead in several claims."""


class Mismatch(StrEnum):
    """How a claim's figure and its quote disagree."""

    VALUE_MISSING = "value_missing"
    QUALIFIER_DIFFERS = "qualifier_differs"


@dataclass(frozen=True)
class FigureMismatch:
    """Why a quote does not show a claim's qualifier and value, in words (``str()``)."""

    reason: Mismatch
    words: str

    def __str__(self) -> str:
        return self.words


@lru_cache(maxsize=CACHED_PROBLEMS)
def figure_problem(quote: str, value: str, qualifier: str, unit: str = "") -> FigureMismatch | None:
    """Why the quote does not show ``qualifier value``, or None when it does.

    A claim may leave out a spelling that states no hedge (a verb: "passed 200"; "up to"
    after a verb of movement; "over" before a duration in ``unit``), and may take for a verb
    the qualifier its lexicon entry allows besides its own ("pass 15,600" as "more than").
    """
    start = figure_start(quote, value)
    if start is None:
        words = f'the quote does not contain the value "{value}"'
        return FigureMismatch(Mismatch.VALUE_MISSING, words)
    written = _qualifier_before(quote, start)
    lexicon = load_lexicon()
    kind = lexicon.units[unit].kind if unit in lexicon.units else ""
    left_out = not qualifier and (
        lexicon.may_leave_out(written) or _hedges_nothing(quote, start, written, kind)
    )
    if lexicon.qualifier(written) is not lexicon.qualifier(qualifier) and not (
        left_out or lexicon.may_take_for(written, qualifier)
    ):
        shown = f'"{written}"' if written else "no qualifier"
        stated = f'"{qualifier}"' if qualifier else "none"
        words = f'the quote has {shown} before "{value}", but the claim\'s qualifier is {stated}'
        return FigureMismatch(Mismatch.QUALIFIER_DIFFERS, words)
    return None


def figure_start(quote: str, value: str) -> int | None:
    """Where the figure stands as a whole word of the quote, ignoring case (None if nowhere).

    Exactly ``re.search(figure_pattern(value), quote, re.IGNORECASE)``.  A regex per value
    overflowed re's cache and was compiled anew for each claim, so an ASCII value is found by
    lowercase search with the same boundaries checked by hand, unless the quote holds a
    letter that ``re`` folds to an ASCII one.
    """
    if not value.isascii() or any(twin in quote for twin in ASCII_CASE_TWINS):
        match = re.search(figure_pattern(value), quote, re.IGNORECASE)
        return None if match is None else match.start()
    lowered, wanted = quote.lower(), value.lower()
    start = lowered.find(wanted)
    while start != -1:
        if _starts_figure(quote, start) and _ends_figure(quote, start + len(value)):
            return start
        start = lowered.find(wanted, start + 1)
    return None


def figure_pattern(value: str) -> str:
    """The value as a whole figure: not inside a word or a longer number ("15" in "1.15")."""
    return rf"(?<![\w.,]){re.escape(value)}(?![\w]|[.,]\d)"


def _is_word_character(character: str) -> bool:
    """What a regex's ``\\w`` matches: a letter or digit of any script, or "_"."""
    return character.isalnum() or character == "_"


def _starts_figure(quote: str, start: int) -> bool:
    return start == 0 or not (_is_word_character(quote[start - 1]) or quote[start - 1] in ".,")


def _ends_figure(quote: str, end: int) -> bool:
    after = quote[end : end + 2]
    if not after:
        return True
    if _is_word_character(after[0]):
        return False
    return not (after[0] in ".," and after[1:].isdecimal())


def _qualifier_before(quote: str, end: int) -> str:
    """The lexicon spelling written right before the figure at ``end``, or ""."""
    start = qualifier_before(quote, end)
    return "" if start is None else spelling_of(quote[start:end])


def _hedges_nothing(quote: str, end: int, written: str, kind: str) -> bool:
    """Whether the qualifier right before the figure at ``end`` hedges nothing there."""
    start = qualifier_before(quote, end)
    return bool(written) and start is not None and hedges_nothing_here(quote, start, written, kind)
