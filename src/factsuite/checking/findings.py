"""What a failing check found, as values rather than text.

A rule's explanation (in its module of ``rules/``) builds a ``Problem``; only
``reports/wording.py`` turns one into words, so that the terminal, ``factsuite check`` and
every report say the same thing, and a report can still ask which claims, places and
intervals were involved.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from factsuite.meaning.intervals import Interval
from factsuite.meaning.lexicon import Reading


class Blocked(StrEnum):
    """Why a relation could not be compared at all (pandera's ``SchemaErrorReason`` in
    spirit): the tables mark such rows, and only ``references_*`` report them."""

    UNRESOLVED = "unresolved"
    """It names an id that is no claim, date, event or 'publication'."""
    UNREADABLE = "unreadable"
    """It names a claim whose value cannot be read."""


@dataclass(frozen=True)
class ClaimRef:
    """One claim a problem involves: its role there, where it is written, how it reads."""

    role: str
    claim: str
    yaml_line: int | None
    quote: str
    text_line: int | None
    """Its quote's line in article.txt; None when the quote is not in the article."""
    written: str
    """Qualifier and value as written: "more than 3.5 million"."""
    unit: str
    interval: Interval | None
    """What the words allow under the problem's reading; None when it cannot be read."""


Line = ClaimRef | str
"""A line of a problem's body: a claim, or a line of the rule's own words."""


@dataclass(frozen=True)
class Problem:
    """One failure of one rule on one check: the rule, what it found, under which reading."""

    rule: str | None
    """The rule's name; None for the files themselves (their located errors, told as is)."""
    summary: str
    body: tuple[Line, ...] = ()
    reading: Reading | None = None
    """The reading the intervals were read under; None for a rule without readings."""
    strict_also: bool | None = None
    """For a pragmatic failure: whether the strict reading fails too; None otherwise."""
    source: str | None = None
    """Whose record the claim disagrees with (a check against a reference series); the
    culprit (``culprit.py``) suspects such a claim first."""

    @property
    def claims(self) -> tuple[ClaimRef, ...]:
        return tuple(line for line in self.body if isinstance(line, ClaimRef))
