"""Whether a claim looks ahead: a scheduled or forecast date ("is due on Sept. 4").

A news report tells of the past, so a date after publication is normally an error; a date
the text itself looks ahead to must lie on or after publication instead.  A claim says so
with ``tense: future`` (or ``past``); without it, ``infer_tense`` reads the figure's clause
(``context.context_of``): the claim is future when

- a future word stands in the clause before the value ("investors expect a further cut on
  Nov. 7", "is due to end on Monday"), not as a past perfect ("had expected");
- a "when" clause right after the date has one ("on Thursday, when the Bank is expected to
  hold");
- "ahead of" leads up to the date ("ahead of the July 4 election");
- a verb of schedule in the present stands before it ("the Games, which open on July 26",
  "the strike ends on Friday"), outside the headline, whose present tells of the past;
- a preposition of a time to come ("by", "from", "for", "until") leads to a date that
  names its year and lies after publication ("by March 2025", "a budget for 2025").

A date whose own words point back ("last year", "the previous week") stays past.  One
function, so that the scaffold drafts ``tense`` by the rules the checks read with.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from factsuite.files.model import Claim
from factsuite.meaning.context import Context, context_of
from factsuite.meaning.dates import DateError, parse_date

Tense = Literal["past", "future"]

FUTURE_WORDS = (
    "due",
    "will",
    "would",
    "shall",
    "next",
    "scheduled",
    "expected",
    "expect",
    "expects",
    "forecast",
    "planned",
    "plans",
    "set to",
    "deadline",
    "upcoming",
    "forthcoming",
)
"""Words that, in the clause before a date, make the claim look ahead: "due to end on
Monday", "investors expect a further cut on Nov. 7".  "by", "from" and "for" are not among
them: "brokered by", "from Jan. 10" and "for July" are as often past; they look ahead only
before a date with its year after publication (``LOOK_AHEAD_PREPOSITIONS``)."""
_FUTURE = re.compile(rf"\b(?:{'|'.join(FUTURE_WORDS)})\b", re.IGNORECASE)
_PAST_PERFECT = re.compile(r"\bhad(?:\s+been)?\s+$", re.IGNORECASE)
"""Before a future word, the plan lies in the past: "economists had expected a cut"."""
NOUNS_TOO = frozenset({"forecast", "plans"})
"""Future words that are also nouns: "lowered its forecast", "the plans" say nothing ahead."""
_DETERMINER = re.compile(r"\b(?:its|the|a|their|his|her|our|your|my)\s+$", re.IGNORECASE)
_AHEAD_OF = re.compile(r"\bahead\s+of(?:\s+(?:the|a|its|their|his|her|this|next))?\s*$", re.I)
SCHEDULE_VERBS = ("open", "begin", "start", "end", "close", "meet", "resume", "expire", "convene")
"""Verbs whose present tense with a date tells a schedule ("the Games open on July 26")."""
_SCHEDULE_PRESENT = re.compile(
    rf"\b(?:(?:{'|'.join(SCHEDULE_VERBS)})s|presents|takes\s+place|kicks\s+off)"
    r"(?:\s+[^\s,;]+){0,4}?\s+(?:on|in)\s*$"
    rf"|\b(?:{'|'.join(SCHEDULE_VERBS)}|take\s+place|kick\s+off)\s+(?:on|in)\s*$",
    re.IGNORECASE,
)
"""The verb governs the date: at most four words, and no comma, between it and "on" or "in"
before the date ("presents her first budget on Oct. 30"; not "which ends a long dispute,
began on Monday")."""
LOOK_AHEAD_PREPOSITIONS = ("by", "from", "for", "until", "till", "through", "before")
_LOOK_AHEAD = re.compile(
    rf"\b(?:{'|'.join(LOOK_AHEAD_PREPOSITIONS)})(?:\s+(?:early|mid|late|the\s+end\s+of))?\s*$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b[1-9]\d{3}\b")
HEADLINE_LINE = 1
_POINTS_BACK = re.compile(r"\b(?:last|previous|prior|yesterday|earlier|ago)\b", re.IGNORECASE)
"""A date whose own words point back ("last year") is past whatever its clause says: "will
get 3 percent, down from 5 percent last year"."""


def is_future(claim: Claim, text: str = "", published: date | None = None) -> bool:
    """The claim's own ``tense``, or else what ``infer_tense`` reads in its clause."""
    if claim.tense is not None:
        return claim.tense == "future"
    return infer_tense(claim.quote, claim.value, text, published) == "future"


def infer_tense(
    quote: str, value: str, text: str = "", published: date | None = None
) -> Tense | None:
    """ "future" when the figure's clause in ``text`` looks ahead (see the module), else
    None: a report's default, the past.  Without ``text`` the quote alone is read; without
    ``published`` a date's year cannot tell whether "by 2025" is ahead."""
    if _POINTS_BACK.search(value):
        return None
    context = context_of(quote, value, text)
    if _has_future_word(context.before) or _has_future_word(context.after):
        return "future"
    if _AHEAD_OF.search(context.before):
        return "future"
    if context.line != HEADLINE_LINE and _SCHEDULE_PRESENT.search(context.before):
        return "future"
    if published is not None and _looks_ahead_to_a_later_year(context, value, published):
        return "future"
    return None


def _has_future_word(words: str) -> bool:
    return any(
        _PAST_PERFECT.search(words, 0, found.start()) is None
        and not (found.group().lower() in NOUNS_TOO and _DETERMINER.search(words, 0, found.start()))
        for found in _FUTURE.finditer(words)
    )


def _looks_ahead_to_a_later_year(context: Context, value: str, published: date) -> bool:
    if _YEAR.search(value) is None or _LOOK_AHEAD.search(context.before) is None:
        return False
    try:
        return parse_date(value, published).first > published
    except DateError:
        return False
