"""What a claim says, as intervals: its figure read through the qualifier lexicon.

Counts and shares are intervals in their own unit, durations in days, dates in days since
the start of the calendar (``date.toordinal``), so that every rule compares like with like.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache

from factsuite.files.model import Claim
from factsuite.meaning.context import anchor_of
from factsuite.meaning.dates import DateError, DateSpan, WeekdayError, parse_date
from factsuite.meaning.intervals import Interval
from factsuite.meaning.lexicon import Reading, Scale, load_lexicon
from factsuite.meaning.numbers import NumberError, Quantity, VagueCount, parse_figure
from factsuite.meaning.tense import is_future

MAX_FIGURE = 10**15
"""More than a quadrillion is no count, share or duration a news article states."""
CACHED_READINGS = 2**16
"""Readings kept for reuse: an archive writes the same figures ("71", "nearly half") again."""


class Unreadability(StrEnum):
    """Why a value has no meaning (pandera's ``SchemaErrorReason`` in spirit)."""

    UNKNOWN_QUALIFIER = "unknown_qualifier"
    QUALIFIER_MISFITS = "qualifier_misfits"
    """The qualifier is of another kind ("on" before a count), or none is taken."""
    NOT_A_NUMBER = "not_a_number"
    OUT_OF_RANGE = "out_of_range"
    """Negative, or more than any article states."""
    NO_NUMBER = "no_number"
    """The qualifier and figure together allow no number at all."""
    NOT_A_DATE = "not_a_date"


@dataclass(frozen=True)
class Unreadable:
    """A value that cannot be read: why, and the words that say so (``str()``)."""

    reason: Unreadability
    words: str

    def __str__(self) -> str:
        return self.words


@dataclass(frozen=True)
class WrongWeekday:
    """A date read despite a weekday beside it that names another day."""

    words: str

    def __str__(self) -> str:
        return self.words


@dataclass(frozen=True)
class ClaimReading:
    """A claim's meaning, or the reason it has none.

    Readings are cached, so claims that write the same figure share one: never mutate it.
    """

    kind: str
    intervals: dict[Reading, Interval] = field(default_factory=dict)
    figure: Quantity | VagueCount | None = None
    span: DateSpan | None = None
    error: Unreadable | None = None
    calendar_problem: WrongWeekday | None = None
    """A date read despite a wrong weekday beside it: the calendar rule reports it, and the
    relations using the date are still checked."""

    def interval(self, reading: Reading) -> Interval | None:
        return self.intervals.get(reading)


def read_claim(claim: Claim, published: date, text: str = "") -> ClaimReading:
    """Read a claim's value under both readings; errors become a reason, not an exception.
    ``text``: the article, whose clause around the quote may make a date look ahead."""
    lexicon = load_lexicon()
    unit = lexicon.units[claim.unit]
    qualifier = lexicon.qualifier(claim.qualifier)
    if qualifier is None:  # the model already rejects this; kept for callers that skip it
        return _unreadable(
            unit.kind, Unreadability.UNKNOWN_QUALIFIER, f"unknown qualifier {claim.qualifier!r}"
        )
    if qualifier.kinds and unit.kind not in qualifier.kinds:
        return _unreadable(
            unit.kind,
            Unreadability.QUALIFIER_MISFITS,
            f'"{claim.qualifier}" qualifies {" or ".join(qualifier.kinds)}s, not a {unit.kind}',
        )
    if unit.kind == "date":
        anchor = anchor_of(claim.value, claim.quote, text, published, claim.as_of)
        future = is_future(claim, text, published)
        return _read_date(claim.value, anchor, unit.kind, future)
    if "date" in qualifier.kinds:
        return _unreadable(
            unit.kind, Unreadability.QUALIFIER_MISFITS, f'"{claim.qualifier}" only qualifies dates'
        )
    return read_figure(claim.value, claim.qualifier, claim.unit)


@lru_cache(maxsize=CACHED_READINGS)
def read_figure(value: str, qualifier_spelling: str, unit_name: str) -> ClaimReading:
    """A figure with its qualifier, in its unit: a claim's or a reference record's."""
    unit = load_lexicon().units[unit_name]
    qualifier = load_lexicon().qualifier(qualifier_spelling)
    if qualifier is None:
        return _unreadable(
            unit.kind, Unreadability.UNKNOWN_QUALIFIER, f"unknown qualifier {qualifier_spelling!r}"
        )
    try:
        figure = parse_figure(value, unit_name)
    except NumberError as error:
        return _unreadable(unit.kind, Unreadability.NOT_A_NUMBER, str(error))
    if isinstance(figure, Quantity) and figure.value < 0:
        words = f'"{value}" is negative: a {unit.kind} cannot be'
        return _unreadable(unit.kind, Unreadability.OUT_OF_RANGE, words)
    if isinstance(figure, Quantity) and figure.value > MAX_FIGURE:
        words = f'"{value}" is too large to be a {unit.kind} (over 10^15)'
        return _unreadable(unit.kind, Unreadability.OUT_OF_RANGE, words)
    if isinstance(figure, VagueCount):
        if qualifier_spelling:
            words = "a vague count or share takes no qualifier"
            return _unreadable(unit.kind, Unreadability.QUALIFIER_MISFITS, words)
        intervals = {r: figure.entry.interval(r, Scale(Fraction(0))) for r in Reading}
    else:
        scale = figure.scale
        intervals = {r: qualifier.interval(r, scale) for r in Reading}
    if unit.days is not None:
        intervals = {r: interval.scaled(unit.days) for r, interval in intervals.items()}
    empty = [str(r) for r, interval in intervals.items() if interval.is_empty]
    if empty:
        written = f"{qualifier_spelling} {value}".strip()
        words = f'"{written}" can be no number at all ({" and ".join(empty)} reading)'
        return _unreadable(unit.kind, Unreadability.NO_NUMBER, words)
    return ClaimReading(unit.kind, intervals, figure=figure)


@lru_cache(maxsize=CACHED_READINGS)
def _read_date(value: str, published: date, kind: str, future: bool) -> ClaimReading:
    problem = None
    try:
        span = parse_date(value, published, future)
    except WeekdayError as error:
        span, problem = error.span, WrongWeekday(str(error))
    except DateError as error:
        return _unreadable(kind, Unreadability.NOT_A_DATE, str(error))
    days = Interval(Fraction(span.first.toordinal()), Fraction(span.last.toordinal()))
    return ClaimReading(kind, dict.fromkeys(Reading, days), span=span, calendar_problem=problem)


def _unreadable(kind: str, reason: Unreadability, words: str) -> ClaimReading:
    return ClaimReading(kind, error=Unreadable(reason, words))
