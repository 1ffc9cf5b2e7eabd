"""The clause a figure stands in: what its quote leaves out of the sentence.

A quote is often shorter than the words that give its figure its time: "a further cut on
Nov. 7" is future because the clause says "investors expect a further cut on Nov. 7"; "on
Thursday" is future because ", when the Bank is expected to hold" follows; "2.0 percent" is
a figure of July 2021 because it stands in "since July 2021, when inflation was also 2.0
percent".  Tense and datedness read this context, found here once.

A clause begins at the sentence's start, a semicolon or a comma with a conjunction that
opens a new main clause (", and", ", but", ", while"...); commas alone do not end it, since
appositives and subordinate clauses stay under the verb that governs them ("investors expect
a cut on Nov. 7, a week after Reeves presents her budget on Oct. 30").  A "when" clause right
after a date describes that date, so it belongs to the date's context.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from factsuite.meaning.dates import DateError, parse_date
from factsuite.meaning.mentions import find_mentions

_ABBREVIATIONS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "gen",
    "sen",
    "rep",
    "gov",
    "no",
    "vs",
)
_NOT_ABBREVIATED = "".join(
    rf"(?<!\b[{word[0].upper()}{word[0]}]{word[1:]}[.!?])" for word in _ABBREVIATIONS
)
_SENTENCE_END = re.compile(rf"[.!?]{_NOT_ABBREVIATED}[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])|\n")
"""A sentence ends at a stop before a capital (not after "Oct." or "Mr."), or at a line end.
One lookbehind per abbreviation: ``re`` wants each of fixed width.  They follow the stop, so
that ``re`` tries them only at a stop, not at every character (#18: 20 % of a run before)."""
_CLAUSE_START = re.compile(
    r";|,\s+(?:and|but|while|whereas|though|although|yet)\b|\s[-–—]\s", re.IGNORECASE
)
"""Where a new main clause opens inside a sentence."""
_WHEN_CLAUSE = re.compile(r"^[\"'”’)]*,?\s+when\b", re.IGNORECASE)


@dataclass(frozen=True)
class Context:
    """The words that give a figure its time.

    ``before``: the clause from its start up to the figure (the quote's own words before it
    included); ``after``: a "when" clause right after the figure, else "".  ``line``: the
    1-based line of the text the figure is on (the headline is line 1).
    """

    before: str
    after: str
    line: int = 0


def context_of(quote: str, value: str, text: str = "") -> Context:
    """The figure's clause in ``text``, or in the quote alone when the text does not hold it."""
    return _context_of(quote, value, text)


@lru_cache(maxsize=4096)
def _context_of(quote: str, value: str, text: str) -> Context:
    at = quote.find(value)
    if at == -1:
        return Context(quote, "")
    offset = text.find(quote) if text else -1
    if offset == -1:
        return Context(quote[:at], _when_clause(quote[at + len(value) :]), 0)
    start, end = offset + at, offset + at + len(value)
    sentence_start = _sentence_start(text, start)
    clause_start = max(
        (m.end() for m in _CLAUSE_START.finditer(text, sentence_start, start)),
        default=sentence_start,
    )
    sentence_end = _SENTENCE_END.search(text, end)
    rest = text[end : sentence_end.start() if sentence_end else len(text)]
    line = text.count("\n", 0, start) + 1
    return Context(text[clause_start:start], _when_clause(rest), line)


def _when_clause(rest: str) -> str:
    """ ", when the Bank is expected to hold ...": up to the next clause, or ""."""
    if _WHEN_CLAUSE.match(rest) is None:
        return ""
    following = _CLAUSE_START.search(rest, 1)
    return rest[: following.start()] if following else rest


def _sentence_start(text: str, offset: int) -> int:
    """Where the sentence holding ``text[offset]`` starts: the end of the last sentence end
    ``_SENTENCE_END.finditer(text, 0, offset)`` finds, found as it would.

    The text's sentence ends are scanned once (``_sentence_ends``), for all its figures;
    a figure asks only which come before it.  A scan that stops at ``offset`` finds the
    same ends up to the last one that reads no character at or past ``offset``, and from
    there (at most a sentence end or two) the scan is made as before (``_scanned_from``).
    """
    stops, ends, reaches = _sentence_ends(text)
    before = bisect_left(stops, offset)  # the sentence ends that begin before the offset
    cut = bisect_left(reaches, offset)  # the first of them whose match the offset may cut
    if cut < before:
        return _scanned_from(text, offset, stops[cut], ends[cut - 1] if cut else 0)
    return ends[before - 1] if before else 0


def _scanned_from(text: str, offset: int, first: int, start: int) -> int:
    """The scan of ``_SENTENCE_END`` up to ``offset`` from the stop at ``first``, the
    sentence starting at ``start`` there, trying the pattern (whose lookbehinds are slow)
    only where a match can begin: at a stop or a line end."""
    stops = _stops(text)
    for stop in stops[bisect_left(stops, first) :]:
        if stop >= offset:
            break
        if stop < start:
            continue  # inside the last match: finditer goes on from its end
        match = _SENTENCE_END.match(text, stop, offset)
        if match is not None:
            start = match.end()
    return start


@lru_cache(maxsize=8)
def _sentence_ends(text: str) -> tuple[list[int], list[int], list[int]]:
    """Every sentence end that ``_SENTENCE_END.finditer(text)`` finds: where each begins,
    where it ends, and the last character its match read (the one after its end, which the
    lookahead may read past an opening quote): asked for each figure of an article."""
    stops, ends, reaches = [], [], []
    start = 0
    for stop in _stops(text):
        if stop < start:
            continue
        match = _SENTENCE_END.match(text, stop)
        if match is not None:
            start = match.end()
            stops.append(stop)
            ends.append(start)
            reaches.append(start + 1)
    return stops, ends, reaches


_STOP = re.compile(r"[.!?\n]")
"""The first character of every ``_SENTENCE_END`` match (its lookbehinds take none)."""


@lru_cache(maxsize=8)
def _stops(text: str) -> tuple[int, ...]:
    """Where ``text`` has a stop or a line end: asked for each figure of an article."""
    return tuple(match.start() for match in _STOP.finditer(text))


ANAPHORIC = re.compile(
    r"^(?:the\s+)?(?:previous|prior|preceding|same)\b|\b(?:earlier|before)$", re.IGNORECASE
)
"""Phrases counted from another date the text names: "up from 1,130 the previous week", "a
year earlier", "the same month last year"."""


def anchor_days(text: str, offset: int, published: date) -> list[date]:
    """The days an anaphoric phrase at ``text[offset]`` may count from: publication, and the
    first day of each date its sentence names before it ("in the week of Aug. 5 to Aug. 11,
    down from 1,130 the previous week": the previous week is that of 29 July)."""
    start = _sentence_start(text, offset)
    days = [published]
    for mention in find_mentions(text[start:offset]):
        if mention.kind not in ("date", "weekday"):
            continue
        try:
            days.append(parse_date(mention.value, published).first)
        except DateError:
            continue
    return days


def anchor_of(value: str, quote: str, text: str, published: date, as_of: date | None) -> date:
    """The day a date claim's ``value`` counts from: publication, or for a phrase counted
    from another date ("the previous week", "a year earlier") the date of its sentence
    under which it names ``as_of``, if one does (else publication, and the calendar check
    says what the phrase reads as from there)."""
    at = text.find(quote) if text else -1
    if as_of is None or at == -1 or not ANAPHORIC.search(value.strip()):
        return published
    offset = at + max(quote.find(value), 0)
    for anchor in anchor_days(text, offset, published):
        try:
            if as_of in parse_date(value, anchor):
                return anchor
        except DateError:
            continue
    return published
