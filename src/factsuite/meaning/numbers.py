"""Figures as news text writes them, read into exact values with their precision.

"3.5 million", "1,500,000", "3.5m", "eight", "nine in 10", "a quarter", "90 percent",
"a month", "several", "most" (a share above half).  Number words go through text2num;
digits, scale words and shares are read here, because no library keeps the precision a
figure was written with, and the precision is what the qualifier lexicon needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from text_to_num import text2num  # type: ignore[import-untyped]  # text_to_num ships no types

from factsuite.meaning.lexicon import Entry, Scale, load_lexicon

SCALE_WORDS = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
}
UNIT_WORDS = {
    "percent": ("percent", "per cent", "%", "percentage points", "pct"),
    "days": ("day", "days"),
    "weeks": ("week", "weeks"),
    "months": ("month", "months"),
    "years": ("year", "years"),
}
WORDS_OF = {"percent_change": "percent", "points": "percent"}
"""Units written with another unit's words: "rose 9 percent", "0.2 percentage points"."""
DURATION_UNITS = ("days", "weeks", "months", "years")
FRACTION_WORDS = {
    "half": Fraction(1, 2),
    "a half": Fraction(1, 2),
    "a third": Fraction(1, 3),
    "one third": Fraction(1, 3),
    "two thirds": Fraction(2, 3),
    "two-thirds": Fraction(2, 3),
    "a quarter": Fraction(1, 4),
    "one quarter": Fraction(1, 4),
    "three quarters": Fraction(3, 4),
    "three-quarters": Fraction(3, 4),
    "a fifth": Fraction(1, 5),
    "one fifth": Fraction(1, 5),
    "a tenth": Fraction(1, 10),
}
_UNIT_WORDS_LONGEST_FIRST = tuple(
    (unit, word, re.compile(rf"\b{word}$"))
    for unit, words in UNIT_WORDS.items()
    for word in sorted(words, key=len, reverse=True)
)
"""Each unit's words, longest first within the unit, with the pattern that finds the word
whole at the end: sorted and compiled once rather than for every figure."""
SHARE_STEP_CAP = Fraction(10)
"""A share written as a fraction is never read coarser than 10 points: "half" is 45-55 %."""

_DIGITS = re.compile(
    r"^(?P<sign>[-\u2212])?\s*(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<dec>\d+))?"
    r"(?:\s*(?P<scale>[a-z]+))?$"
)
_IN_RATIO = re.compile(r"^(?P<num>.+?)\s+(?:in|out of)\s+(?P<den>.+)$")
_NOUN_AFTER = re.compile(r"(?:\s+[a-z][a-z'’-]*){1,2}$")
"""The noun a ratio's numerator may carry: "one visit in eight", "one hospital visit in 10"."""
_WORD_NUMBER_SPECIALS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "a dozen": 12,
    "dozen": 12,
    "once": 1,
    "twice": 2,
    "thrice": 3,
    "double": 2,
    "doubled": 2,
    "triple": 3,
    "tripled": 3,
    "quadrupled": 4,
    "halved": 2,
}
"""Number words text2num does not read; "twice" counts events ("met twice"), and "doubled",
"tripled", "halved" are the factor of a ``change`` of kind ``factor`` ("halved" with
``direction: down``), so the claim's value is the word its quote says."""
_HUNDRED = re.compile(r"^an? hundred\b")
UNIT_MULTIPLES = {"decade": ("years", 10), "decades": ("years", 10)}
"""Words for several of a unit: "a decade" is 10 years, read in steps of 10 years."""
# fmt: off
_ORDINAL_WORDS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth",
]
# fmt: on
ORDINALS = {word: number for number, word in enumerate(_ORDINAL_WORDS, start=1)}
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
"""Ordinals count durations in a row: "a third straight week" is 3 weeks, exactly."""


class NumberError(ValueError):
    """A figure the parser cannot read; the message says what it expected."""


@dataclass(frozen=True)
class Quantity:
    """A written figure: its value, the unit of its last digit (u) and its granularity (g)."""

    value: Fraction
    step: Fraction
    granularity: Fraction

    @property
    def scale(self) -> Scale:
        return Scale(self.value, self.step, self.granularity)


@dataclass(frozen=True)
class VagueCount:
    """A count or share given by a word ("several", "many"; "most", "the majority") rather
    than a figure: its interval is the lexicon entry's, whatever the claim's qualifier."""

    entry: Entry


Figure = Quantity | VagueCount


def _precision(value: Fraction, digits: str, decimals: str, multiplier: int) -> Quantity:
    """Precision from how the figure was written: trailing zeros count as rounding."""
    if decimals:
        step = Fraction(1, 10 ** len(decimals)) * multiplier
        last = decimals[-1]
    else:
        stripped = digits.rstrip("0") or "0"
        zeros = len(digits) - len(stripped) if stripped != "0" else 0
        step = Fraction(10**zeros * multiplier)
        last = stripped[-1]
    granularity = step * 5 if last == "5" else step
    return Quantity(value, step, granularity)


MAX_DIGITS = 30
"""Longer digit strings are not figures a newsroom writes; Python refuses 4,300 anyway."""


def _from_digits(text: str) -> Quantity | None:
    match = _DIGITS.match(text)
    if not match:
        return None
    if len(match["int"]) + len(match["dec"] or "") > MAX_DIGITS:
        raise NumberError(f"{text[:40]!r}... has more than {MAX_DIGITS} digits")
    digits = match["int"].replace(",", "")
    decimals = match["dec"] or ""
    scale_word = match["scale"]
    if scale_word is not None and scale_word not in SCALE_WORDS:
        raise NumberError(f"unknown scale word {scale_word!r} in {text!r}")
    multiplier = SCALE_WORDS.get(scale_word or "", 1)
    value = Fraction(f"{digits}.{decimals}" if decimals else digits) * multiplier
    # A negative figure is read, so that the rules can say why it cannot be a count.
    return _precision(-value if match["sign"] else value, digits, decimals, multiplier)


def _from_words(text: str) -> Quantity | None:
    text = _HUNDRED.sub("one hundred", text)  # text2num reads "one hundred", not "a hundred"
    if text in _WORD_NUMBER_SPECIALS:
        number = _WORD_NUMBER_SPECIALS[text]
    else:
        words, _, scale_word = text.rpartition(" ")
        if scale_word in SCALE_WORDS and words:
            inner = _from_words(words) or _from_digits(words)
            if inner is None:
                return None
            multiplier = SCALE_WORDS[scale_word]
            return Quantity(
                inner.value * multiplier,
                inner.step * multiplier,
                inner.granularity * multiplier,
            )
        try:
            number = text2num(text, "en")
        except ValueError:
            return None
    digits = str(number)
    return _precision(Fraction(number), digits, "", 1)


def _read_count(text: str) -> Quantity | None:
    return _from_digits(text) or _from_words(text)


def _from_ratio(text: str) -> Quantity | None:
    """Shares written as ratios or fractions: "nine in 10", "a quarter"."""
    if text in FRACTION_WORDS:
        fraction = FRACTION_WORDS[text]
        step = min(SHARE_STEP_CAP, Fraction(100, fraction.denominator))
        return Quantity(fraction * 100, step, step)
    match = _IN_RATIO.match(text)
    if not match:
        return None
    numerator, denominator = _read_count(match["num"]), _read_count(match["den"])
    if numerator is None:  # "one visit in eight": the share of visits, one in eight
        numerator = _read_count(_NOUN_AFTER.sub("", match["num"]))
    if numerator is None or denominator is None or denominator.value == 0:
        raise NumberError(f"cannot read the ratio {text!r}")
    step = min(SHARE_STEP_CAP, Fraction(100) / denominator.value)
    return Quantity(numerator.value / denominator.value * 100, step, step)


def strip_unit_words(text: str, unit: str) -> str:
    """Drop the unit words a value may carry ("90 percent", "a month").

    A unit word for another unit is an error: "eight years" cannot be a count of months.
    """
    lowered = " ".join(text.lower().split())
    for other, word, whole_word in _UNIT_WORDS_LONGEST_FIRST:
        if lowered.endswith(word) and (word == "%" or whole_word.search(lowered)):
            if other != WORDS_OF.get(unit, unit):
                raise NumberError(f"{text!r} is written in {other}, but the unit is {unit}")
            return lowered[: -len(word)].strip()
    return lowered


CACHED_FIGURES = 2**16
"""Figures kept for reuse: claims write the same figure under several qualifiers."""


def _unit_multiple(text: str, unit: str) -> tuple[str, int]:
    """ "two decades" in years is "two" times 10; a figure in no multiple is itself, once."""
    lowered = " ".join(text.lower().split())
    body, _, last = lowered.rpartition(" ")
    multiple = UNIT_MULTIPLES.get(last)
    if multiple is None:
        return text, 1
    if multiple[0] != unit:
        raise NumberError(f"{text!r} is written in {multiple[0]}, but the unit is {unit}")
    return body or "a", multiple[1]


def _from_ordinal(text: str) -> Quantity | None:
    match = _ORDINAL_DIGITS.match(text)
    number = int(match[1]) if match else ORDINALS.get(text)
    return None if number is None else Quantity(Fraction(number), Fraction(1), Fraction(1))


def _times(quantity: Quantity, factor: int) -> Quantity:
    return Quantity(quantity.value * factor, quantity.step * factor, quantity.granularity * factor)


@lru_cache(maxsize=CACHED_FIGURES)
def parse_figure(text: str, unit: str) -> Figure:
    """Read a claim's value in its unit, e.g. ("90 percent", "percent") -> 90 +- 5.

    Figures are cached and shared (both kinds are frozen)."""
    text, factor = _unit_multiple(text, unit)
    figure = _parse_figure(text, unit)
    return _times(figure, factor) if isinstance(figure, Quantity) and factor != 1 else figure


def _parse_figure(text: str, unit: str) -> Figure:
    body = strip_unit_words(text, unit)
    if not body and unit in DURATION_UNITS and text.strip().lower() in UNIT_WORDS[unit]:
        body = "a"  # "a month-long strike": the unit word alone is one of it
    if not body:
        raise NumberError(f"{text!r} has no figure in it")
    vague = load_lexicon().vague_count(body)
    if vague is None and unit == "percent":
        vague = load_lexicon().vague_share(body)
    if vague is not None:
        return VagueCount(vague)
    if WORDS_OF.get(unit, unit) == "percent":
        ratio = _from_ratio(body)
        if ratio is not None:
            return ratio
    # "a third straight week" is 3 weeks; "the fourth round of talks" is the 4th event, so
    # counted with those before it, 4 (an event_count up to its day: docs/relations.md)
    ordinal = _from_ordinal(body) if unit in (*DURATION_UNITS, "count") else None
    quantity = ordinal or _read_count(body)
    if quantity is None and load_lexicon().vague_share(body) is not None:
        raise NumberError(f"{text!r} is a share of a whole: write it with unit percent")
    if quantity is None:
        raise NumberError(
            f"cannot read {text!r} as a figure: write digits (3.5 million, 1,500,000), "
            "number words (eight), a share (nine in 10, a quarter) or a vague count "
            f"({', '.join(load_lexicon().vague_spellings[:4])}, ...)"
        )
    return quantity
