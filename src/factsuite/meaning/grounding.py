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
from typing import TYPE_CHECKING

from factsuite.meaning.lexicon import Kind, load_lexicon
from factsuite.meaning.mention_index import ASCII_CASE_TWINS
from factsuite.meaning.qualifiers import hedges_nothing_here, qualifier_before, spelling_of

if TYPE_CHECKING:  # numpy is imported where a quote is searched for: reports import this module
    import numpy as np


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

    Comparing the quote with the text at every word would cost words x quote length squared
    (8 minutes for one wrong quote in a 1 MB article), so an index of the article's words
    (the ``GRAM`` characters each word starts with, read once per article) votes first: each
    stretch of the quote that starts like a word of the article says where the quote would
    then begin.  At most ``VOTES`` votes are counted, the rarest stretches' first, so a quote
    costs milliseconds whatever its length and the article's.  The ``CANDIDATES`` beginnings
    with most votes, and those where either half of the quote stands word for word, are
    compared character by character, with ``ratio`` up to ``EXACT_UP_TO`` characters and
    the linear ``quick_ratio`` past it.
    """
    size = len(quote)
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(quote)
    best = (-1.0, 0)
    for start in sorted({*_candidates(article, quote), *_anchored(article, quote)}):
        matcher.set_seq1(article[start : start + size])
        if matcher.real_quick_ratio() > best[0] and matcher.quick_ratio() > best[0]:
            ratio = matcher.ratio() if size <= EXACT_UP_TO else matcher.quick_ratio()
            if ratio > best[0] or (ratio == best[0] and start < best[1]):
                best = (ratio, start)
    ratio, start = best
    return place_of(article, start), article[start : start + size], max(ratio, 0.0)


GRAM = 5
"""Characters a word is indexed by, at most: rare enough to place a quote, short enough
that a typo late in a word leaves it found."""
VOTES = 50_000
"""Votes counted for one quote at most: a bound on its cost in any article."""
CANDIDATES = 4
"""Beginnings compared in full: the best by votes."""
BIN = 8
"""Votes within this many characters count together: a quote with a word added or dropped
still gathers its votes near one beginning."""
EXACT_UP_TO = 500
"""Characters of a quote compared exactly: ``ratio`` is quadratic, a few ms at this length."""


def _anchored(article: str, quote: str) -> list[int]:
    """Where the quote would begin if either of its halves is in the article word for word:
    a quote with one thing changed keeps one half intact, however few words it has."""
    half = len(quote) // 2
    found = []
    for piece, offset in ((quote[:half], 0), (quote[half:], half)):
        at = article.find(piece) if piece.strip() else -1
        for _ in range(1 + ANCHORED_CHARACTERS // max(1, len(quote))):
            if at == -1:
                break
            found.append(max(0, at - offset))
            at = article.find(piece, at + 1)
    return found


ANCHORED_CHARACTERS = 20_000
"""Characters compared for the places of each half at most (a short half may be common
text: "million children"); most places are set aside at once by ``quick_ratio``."""


@lru_cache(maxsize=8)
def _index(article: str) -> tuple[np.ndarray, np.ndarray]:
    """Where each word of the article starts, sorted by the hash of its first ``GRAM``
    characters, and those hashes: once per article, in C, a few ms for 1 MB."""
    import numpy as np

    codes = _codes(article)
    blank = codes <= _SPACE
    starts = np.flatnonzero(~blank & np.concatenate(([True], blank[:-1])))
    hashes = _hashes(codes, starts)
    order = np.argsort(hashes, kind="stable")
    return starts[order], hashes[order]


def _codes(text: str) -> np.ndarray:
    """The text's code points, followed by ``GRAM`` spaces so that every start has a gram."""
    import numpy as np

    return np.frombuffer((text + " " * GRAM).encode("utf-32-le"), dtype=np.uint32)


_SPACE = ord(" ")


def _hashes(codes: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """A hash of the word at each start, up to ``GRAM`` characters (wrapping in 64 bits):
    ASCII letters in lower case, and what follows the word's end ignored, so that the last
    word of a quote is found whatever the article writes after it."""
    import numpy as np

    hashes = np.zeros(len(starts), dtype=np.uint64)
    ended = np.zeros(len(starts), dtype=bool)
    for offset in range(GRAM):
        gram = codes[starts + offset]
        ended |= gram <= _SPACE
        gram = np.where((gram >= ord("A")) & (gram <= ord("Z")), gram + 32, gram)
        gram = np.where(ended, _SPACE, gram).astype(np.uint64)
        hashes = hashes * np.uint64(1_000_003) + gram
    return hashes


def _candidates(article: str, quote: str) -> list[int]:
    """The beginnings of the quote in the article that most of its stretches vote for."""
    import numpy as np

    if not article:
        return [0]
    positions, hashes = _index(article)
    codes = _codes(quote)
    wanted = _hashes(codes, np.arange(len(quote), dtype=np.int64))
    low = np.searchsorted(hashes, wanted, side="left")
    counts = np.searchsorted(hashes, wanted, side="right") - low
    order = np.argsort(counts, kind="stable")  # the rarest first: they place the quote best
    kept = order[np.cumsum(counts[order]) <= VOTES]
    kept = kept[counts[kept] > 0]
    if not len(kept):
        return [0]
    total = int(counts[kept].sum())
    first = np.repeat(low[kept] - np.cumsum(counts[kept]) + counts[kept], counts[kept])
    votes = positions[first + np.arange(total)] - np.repeat(kept, counts[kept])
    votes = np.clip(votes, 0, len(article) - 1)
    bins = np.bincount(votes // BIN)
    best_bins = np.argsort(-bins, kind="stable")[:CANDIDATES]
    best_bins = best_bins[bins[best_bins] > 0]
    found = []
    for bin_ in best_bins:
        near = votes[(votes // BIN >= bin_ - 1) & (votes // BIN <= bin_ + 1)]
        values, tally = np.unique(near, return_counts=True)
        found.append(int(values[np.argmax(tally)]))
    return sorted(set(found))


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
    after a verb of movement; "over" before a duration in ``unit``; any but ``late`` and
    ``early`` before a date: "counted up to Monday"), and may take for a verb the qualifier
    its lexicon entry allows besides its own ("pass 15,600" as "more than").
    """
    start = figure_start(quote, value)
    if start is None:
        words = f'the quote does not contain the value "{value}"'
        return FigureMismatch(Mismatch.VALUE_MISSING, words)
    written = _qualifier_before(quote, start)
    lexicon = load_lexicon()
    kind = lexicon.units[unit].kind if unit in lexicon.units else ""
    left_out = not qualifier and (
        lexicon.may_leave_out(written)
        or _hedges_nothing(quote, start, written, kind)
        or _hedges_no_date(written, kind)
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


def _hedges_no_date(written: str, kind: str) -> bool:
    """Whether ``written`` is a figure's qualifier standing before a date, where it is a
    preposition of time, not a hedge: "counted up to Monday" (docs/scaffold.md: dates take
    only ``late`` and ``early``).  A claim that takes it anyway is still accepted."""
    entry = load_lexicon().qualifier(written)
    return kind == Kind.DATE and entry is not None and Kind.DATE not in entry.kinds


def _hedges_nothing(quote: str, end: int, written: str, kind: str) -> bool:
    """Whether the qualifier right before the figure at ``end`` hedges nothing there."""
    start = qualifier_before(quote, end)
    return bool(written) and start is not None and hedges_nothing_here(quote, start, written, kind)
