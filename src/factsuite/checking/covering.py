"""Whether a claim accounts for a mention its quote holds (the ``coverage`` item).

A claim covers a mention inside its quote when it states the same figure, written the same
or as a shorter or longer form of it ("millions" for the mention "millions of", "three"
counted in decades for "more than three decades", "three quarters" over an overlapping
"more than three"), or, for a date, when the date is the claim's own ``as_of`` ("up from 61
the previous day", "a jobless rate of 6.5 percent for July"): the date is recorded there.
A phrase counted from another date ("down from 1,130 the previous week", after "the week of
Aug. 5 to Aug. 11") may count from publication or from a date its sentence names before it.
"""

from __future__ import annotations

from datetime import date

from factsuite.files.model import Claim
from factsuite.meaning.context import ANAPHORIC, anchor_days
from factsuite.meaning.dates import DateError, parse_date
from factsuite.meaning.mentions import DATE_KINDS, Mention
from factsuite.meaning.tense import is_future

SCALE_WORDS = frozenset(
    {"thousand", "million", "billion", "trillion", "percent", "per", "%", "a", "an"}
)
"""Words that change a figure: "5" does not cover "5 million", nor "5 percent"."""


def same_figure(mention: str, claimed: str) -> bool:
    """The same figure, or one written as a word-prefix of the other, not rescaled."""
    mention, claimed = mention.casefold().strip(), claimed.casefold().strip()
    if mention == claimed:
        return True
    shorter, longer = sorted((mention, claimed), key=len)
    if not longer.startswith(f"{shorter} "):
        return False
    rest = longer[len(shorter) :].split()
    return bool(rest) and rest[0] not in SCALE_WORDS


def dates_the_claim(mention: Mention, claim: Claim, published: date, text: str = "") -> bool:
    """A date mention that names the day (or a period holding it) the claim is as of; a
    phrase counted from another date ("the previous week") is read from publication or from
    a date its sentence in ``text`` names before it.  For a claim that looks ahead, the date
    may also be read forwards ("expected to handle 4.9 million containers this year": the
    whole year)."""
    if mention.kind not in DATE_KINDS or claim.as_of is None:
        return False
    anchors = [published]
    if text and ANAPHORIC.match(mention.value):
        anchors = anchor_days(text, mention.start, published)
    ways = (False, True) if is_future(claim, text, published) else (False,)
    for anchor in anchors:
        for future in ways:
            try:
                if claim.as_of in parse_date(mention.value, anchor, future):
                    return True
            except DateError:
                continue
    return False


def covers(mention: Mention, claim: Claim, published: date, text: str = "") -> bool:
    """Whether ``claim`` (whose quote holds the mention in ``text``) accounts for it."""
    return same_figure(mention.value, claim.value) or dates_the_claim(
        mention, claim, published, text
    )
