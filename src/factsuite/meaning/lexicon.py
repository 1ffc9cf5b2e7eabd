"""The qualifier lexicon: how hedged and vague figures become intervals.

The words and their readings are data (``data/lexicon.yaml``); this module reads that file
and evaluates its interval notation.  Nothing here is specific to one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml

from factsuite.meaning.intervals import INF, Bound, Interval


class Reading(StrEnum):
    """Which reading of the qualifiers a check uses (see data/lexicon.yaml)."""

    STRICT = "strict"
    PRAGMATIC = "pragmatic"


DEFAULT_READING = Reading.PRAGMATIC
READING_MEANS = {
    Reading.STRICT: "what the words literally allow",
    Reading.PRAGMATIC: "what a careful writer means",
}
"""Each reading in a few words: the one wording of them in messages, reports and docs."""


class Kind(StrEnum):
    """What a claim's unit makes it (each unit of data/lexicon.yaml names one): the rules
    compare counts with counts, shares with counts, dates and durations with dates; a change
    (a percent change, percentage points) may exceed 100 where a share may not."""

    COUNT = "count"
    SHARE = "share"
    DATE = "date"
    DURATION = "duration"
    CHANGE = "change"


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
    return _evaluate(_terms(expression), scale)


def _evaluate(terms: tuple[Term, ...], scale: Scale) -> Bound:
    """The terms added in order from zero.  Adding to zero and multiplying by one are left
    out: they change neither value nor type, and Fraction arithmetic was most of the cost."""
    total: Bound | None = None
    for negative, factor, symbol in terms:
        if symbol == "inf":
            term: Bound = INF
        elif symbol is None:
            term = factor
        else:
            term = getattr(scale, symbol)
            if factor != 1:
                term = factor * term
        if total is None:
            total = -term if negative else term
        else:
            total = total - term if negative else total + term
    assert total is not None, "a bound has at least one term"
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


Notation = tuple[tuple[Term, ...], tuple[Term, ...], bool, bool]
"""Interval notation read: the terms of each bound and whether each end is closed."""


@cache
def _notation(notation: str) -> Notation:
    """The notation read once: the lexicon has a few, and every figure evaluates them."""
    match = _NOTATION.match(notation)
    if not match:
        raise ValueError(f"not interval notation: {notation!r}")
    left, lo_text, hi_text, right = match.groups()
    return _terms(lo_text), _terms(hi_text), left == "[", right == "]"


@cache
def evaluate_notation(notation: str, scale: Scale) -> Interval:
    """``"(x, x + g]"`` for one scale, with lower bounds held at zero."""
    lo_terms, hi_terms, lo_closed, hi_closed = _notation(notation)
    lo = _evaluate(lo_terms, scale)
    if lo < 0:
        lo, lo_closed = Fraction(0), True
    return Interval(lo, _evaluate(hi_terms, scale), lo_closed, hi_closed)


@dataclass(frozen=True, eq=False)
class Entry:
    """One qualifier or vague count with its readings, as written in the lexicon."""

    name: str
    aliases: tuple[str, ...]
    readings: dict[Reading, str]
    kinds: tuple[str, ...] = ()
    example: str = ""
    why: str = ""
    optional: tuple[str, ...] = ()
    """Spellings a claim may leave out, its qualifier then empty: verbs and emphasis that
    state a figure ("passed 200", "as few as one in 10"), which writers encode either way."""
    verbs_also_as: tuple[str, ...] = ()
    """Qualifiers a claim may take for one of the optional spellings besides this one: "cases
    pass 15,600" says a floor, and whether the mark itself counts ("at least" or "more
    than") is what the verb leaves open."""

    @property
    def spellings(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name, *self.aliases, *self.optional)))

    def interval(self, reading: Reading, scale: Scale) -> Interval:
        return evaluate_notation(self.readings[reading], scale)


@dataclass(frozen=True)
class InContext:
    """A spelling that states no hedge in some places ("pushed the rate up to 74.9 percent",
    "a rise over 32 months"): there a claim may leave it out, as an optional spelling."""

    spelling: str
    after_verbs: frozenset[str] = frozenset()
    """Only when one of these verbs stands before it in its clause (none: anywhere)."""
    before_kind: str = ""
    """Only before a figure of this unit kind ("": any)."""
    example: str = ""
    why: str = ""


@dataclass(frozen=True)
class Unit:
    name: str
    kind: Kind
    days: Fraction | None = None


@dataclass(frozen=True)
class Lexicon:
    qualifiers: tuple[Entry, ...]
    vague_counts: tuple[Entry, ...]
    units: dict[str, Unit] = field(default_factory=dict)
    vague_shares: tuple[Entry, ...] = ()
    """Words for a share above or below a mark ("most", "the majority"), read in percent."""
    in_context: tuple[InContext, ...] = ()

    def qualifier(self, spelling: str) -> Entry | None:
        return self._qualifiers_by_spelling.get(spelling.strip().lower())

    def may_leave_out(self, spelling: str) -> bool:
        """Whether a claim may leave out this qualifier written in its quote."""
        entry = self.qualifier(spelling)
        return entry is not None and spelling.strip().lower() in entry.optional

    def may_take_for(self, written: str, claimed: str) -> bool:
        """Whether a claim may take qualifier ``claimed`` for an optional spelling ``written``
        in its quote besides that spelling's own ("pass 15,600" as "more than")."""
        entry, other = self.qualifier(written), self.qualifier(claimed)
        return (
            entry is not None
            and other is not None
            and self.may_leave_out(written)
            and other.name in entry.verbs_also_as
        )

    def vague_count(self, spelling: str) -> Entry | None:
        return self._vague_counts_by_spelling.get(spelling.strip().lower())

    def vague_share(self, spelling: str) -> Entry | None:
        return self._vague_shares_by_spelling.get(spelling.strip().lower())

    @property
    def qualifier_spellings(self) -> list[str]:
        return sorted(self._qualifiers_by_spelling)

    @property
    def vague_spellings(self) -> list[str]:
        return sorted(self._vague_counts_by_spelling)

    @cached_property
    def _qualifiers_by_spelling(self) -> dict[str, Entry]:
        """Kept on the lexicon: each claim looks its qualifier up several times."""
        return _by_spelling(self.qualifiers)

    @cached_property
    def _vague_counts_by_spelling(self) -> dict[str, Entry]:
        return _by_spelling(self.vague_counts)

    @cached_property
    def _vague_shares_by_spelling(self) -> dict[str, Entry]:
        return _by_spelling(self.vague_shares)


def _by_spelling(entries: tuple[Entry, ...]) -> dict[str, Entry]:
    return {spelling.lower(): entry for entry in entries for spelling in entry.spellings}


def _entries(raw: list[dict[str, Any]]) -> tuple[Entry, ...]:
    return tuple(
        Entry(
            name=item["name"],
            aliases=tuple(item.get("aliases", ())),
            readings={reading: item[reading.value] for reading in Reading},
            kinds=tuple(item.get("kinds", ())),
            example=item.get("example", ""),
            why=" ".join(item.get("why", "").split()),
            optional=tuple(item.get("optional", ())),
            verbs_also_as=tuple(item.get("verbs_also_as", ())),
        )
        for item in raw
    )


def _in_context(raw: list[dict[str, Any]]) -> tuple[InContext, ...]:
    return tuple(
        InContext(
            spelling=item["spelling"],
            after_verbs=frozenset(item.get("after_verbs", ())),
            before_kind=item.get("before_kind", ""),
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
        name: Unit(
            name, Kind(spec["kind"]), Fraction(str(spec["days"])) if "days" in spec else None
        )
        for name, spec in raw["units"].items()
    }
    return Lexicon(
        _entries(raw["qualifiers"]),
        _entries(raw["vague_counts"]),
        units,
        _entries(raw.get("vague_shares", [])),
        _in_context(raw.get("in_context", ())),
    )
