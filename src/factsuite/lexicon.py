"""The qualifier lexicon: how hedged and vague figures become intervals.

The words and their readings are data (``data/lexicon.yaml``); this module reads that file
and evaluates its interval notation.  Nothing here is specific to one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from functools import cache
from importlib import resources

import yaml

from factsuite.intervals import INF, Bound, Interval


class Reading(StrEnum):
    """Which reading of the qualifiers a check uses (see data/lexicon.yaml)."""

    STRICT = "strict"
    PRAGMATIC = "pragmatic"


DEFAULT_READING = Reading.PRAGMATIC

_NOTATION = re.compile(r"^\s*([\[(])\s*([^,]+?)\s*,\s*([^,]+?)\s*([\])])\s*$")
_TERM = re.compile(r"\s*([+-]?)\s*(\d+(?:\.\d+)?)?\s*(x|u|g|inf)?\s*(?:/\s*(\d+))?\s*")


@dataclass(frozen=True)
class Scale:
    """What an expression may refer to: the written figure and its two steps."""

    x: Fraction
    u: Fraction = Fraction(1)
    g: Fraction = Fraction(1)


Term = tuple[bool, Fraction, str | None]
"""A bound's term: whether it is subtracted, its factor, and its symbol (x, u, g, inf)."""


def evaluate_bound(expression: str, scale: Scale) -> Bound:
    """Evaluate ``x - g/2``, ``x + 0.5u``, ``inf``, ``3``... without ``eval``."""
    total: Bound = Fraction(0)
    for negative, factor, symbol in _terms(expression):
        if symbol == "inf":
            term: Bound = INF
        else:
            term = factor * getattr(scale, symbol) if symbol else factor
        total = total - term if negative else total + term
    return total


@cache
def _terms(expression: str) -> tuple[Term, ...]:
    """The terms of a bound, read once per expression: every claim's figure evaluates the
    same few, and reading them was most of the cost."""
    terms: list[Term] = []
    position = 0
    text = expression.strip()
    if not text:
        raise ValueError(f"cannot read bound {expression!r}: it is empty")
    while position < len(text):
        match = _TERM.match(text, position)
        if not match or match.end() == position or not (match.group(2) or match.group(3)):
            raise ValueError(f"cannot read bound {expression!r} at {text[position:]!r}")
        sign, number, symbol, divisor = match.groups()
        if position and not sign:
            raise ValueError(f"cannot read bound {expression!r}: join terms with + or -")
        if divisor is not None and int(divisor) == 0:
            raise ValueError(f"cannot read bound {expression!r}: division by zero")
        factor = Fraction(number) if number else Fraction(1)
        terms.append((sign == "-", factor / int(divisor) if divisor else factor, symbol))
        position = match.end()
    return tuple(terms)


@cache
def evaluate_notation(notation: str, scale: Scale) -> Interval:
    """``"(x, x + g]"`` for one scale, with lower bounds held at zero."""
    match = _NOTATION.match(notation)
    if not match:
        raise ValueError(f"not interval notation: {notation!r}")
    left, lo_text, hi_text, right = match.groups()
    lo = evaluate_bound(lo_text, scale)
    lo_closed = left == "["
    if lo < 0:
        lo, lo_closed = Fraction(0), True
    return Interval(lo, evaluate_bound(hi_text, scale), lo_closed, right == "]")


@dataclass(frozen=True, eq=False)
class Entry:
    """One qualifier or vague count with its readings, as written in the lexicon."""

    name: str
    aliases: tuple[str, ...]
    readings: dict[Reading, str]
    kinds: tuple[str, ...] = ()
    example: str = ""
    why: str = ""

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def interval(self, reading: Reading, scale: Scale) -> Interval:
        return evaluate_notation(self.readings[reading], scale)


@dataclass(frozen=True)
class Unit:
    name: str
    kind: str
    days: Fraction | None = None


@dataclass(frozen=True)
class Lexicon:
    qualifiers: tuple[Entry, ...]
    vague_counts: tuple[Entry, ...]
    units: dict[str, Unit] = field(default_factory=dict)

    def qualifier(self, spelling: str) -> Entry | None:
        return _by_spelling(self.qualifiers).get(spelling.strip().lower())

    def vague_count(self, spelling: str) -> Entry | None:
        return _by_spelling(self.vague_counts).get(spelling.strip().lower())

    @property
    def qualifier_spellings(self) -> list[str]:
        return sorted(_by_spelling(self.qualifiers))

    @property
    def vague_spellings(self) -> list[str]:
        return sorted(_by_spelling(self.vague_counts))


@cache
def _by_spelling(entries: tuple[Entry, ...]) -> dict[str, Entry]:
    return {spelling.lower(): entry for entry in entries for spelling in entry.spellings}


def _entries(raw: list[dict]) -> tuple[Entry, ...]:
    return tuple(
        Entry(
            name=item["name"],
            aliases=tuple(item.get("aliases", ())),
            readings={reading: item[reading.value] for reading in Reading},
            kinds=tuple(item.get("kinds", ())),
            example=item.get("example", ""),
            why=" ".join(item.get("why", "").split()),
        )
        for item in raw
    )


@cache
def load_lexicon() -> Lexicon:
    """The lexicon shipped with factsuite, read once per process."""
    text = resources.files("factsuite").joinpath("data/lexicon.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    units = {
        name: Unit(name, spec["kind"], Fraction(str(spec["days"])) if "days" in spec else None)
        for name, spec in raw["units"].items()
    }
    return Lexicon(_entries(raw["qualifiers"]), _entries(raw["vague_counts"]), units)
