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
  names its year and lies after publication ("by March 2025", "a budget for 2025");
- a verb that lasts, in the present, leads to it by "until", "through", "from" or "to"
  ("the consultation runs until Oct. 21", "the lower rate applies from Nov. 1");
- the headline says "X to <verb>" before it ("Price cap to fall from October").

A date whose own words point back ("last year", "the previous week") stays past, and so do
the day of a saying ("Bills will fall from Nov. 1, the regulator said on Tuesday"), a date
after "since" ("would rise, the first increase since 2019"), and a date a future word does
not reach: in a clause of its own in the past ("will replace the bridge that opened in
1962"), or after "would have".  One
function, ``future_reason``, so that the scaffold drafts ``tense`` by the rules the checks
read with, and says which one.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
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
LASTING_VERBS = ("run", "last", "remain", "stay", "continue", "hold")
_LASTS_UNTIL = re.compile(
    rf"(?:\b(?:{'|'.join(LASTING_VERBS)})s|\bapplies|(?<!\bto\s)(?<!\bhad\s)(?<!\bdid\s)"
    r"\b(?:remain|stay|continue|apply)"
    r"|\b(?:is|are)\s+(?:open|closed|valid|available|in\s+force|on\s+(?:show|display|sale)))"
    r"(?:\s+[^\s,;]+){0,4}?\s+(?:until|till|through|from|to)\s*$",
    re.IGNORECASE,
)
"""A verb that lasts, in the present, leading to a date by "until", "through", "from" or
"to": "the consultation runs until Oct. 21", "the discount applies from Oct. 1", "schools
remain closed until Monday".  Not after "to", "had" or "did" ("had to remain closed until
Monday" is past), and not for a date with its year before publication.  Only the verbs
that are no nouns stand bare ("the last three months to March" is no verb)."""
_HEADLINE_INFINITIVE = re.compile(
    r"^\W*(?:[\w'’-]+\s+){1,5}?(?P<verb>to\s+"
    r"(?!the\b|an?\b|its\b|their\b|record\b|new\b|\w*est\b)[a-z]+(?<!s))"
    r"(?:\s+[^\s,;]+){0,4}?\s+(?:on|in|from|by|until|at|for)\s*$"
)
"""A headline's "X to <verb>" ("Price cap to fall from October", "Union to strike on
Monday"): headlinese for a plan.  The verb is lower case and not a plural noun ending in a
single "s" ("Cuts to services in May" is no plan) nor a superlative ("Jobless rate climbs
to highest in October")."""
_SAID_ON = re.compile(
    r"\b(?:said|says|told|announced|reported|added|confirmed|stated|wrote)"
    r"(?:\s+(?:late|early|last|this))?\s+(?:on|in|at)?\s*$",
    re.IGNORECASE,
)
"""The day of a saying ("..., the regulator said on Tuesday") is past, whatever future the
clause it reports has: "Bills will fall from Oct. 1, Ofgem said on Tuesday"."""
HEADLINE_LINE = 1
_POINTS_BACK = re.compile(r"\b(?:last|previous|prior|yesterday|earlier|ago)\b", re.IGNORECASE)
"""A date whose own words point back ("last year") is past whatever its clause says: "will
get 3 percent, down from 5 percent last year"."""
_SINCE = re.compile(
    r"\bsince(?:\s+(?:early|mid|late|the\s+(?:start|end|middle|beginning)\s+of))?\s*$",
    re.IGNORECASE,
)
"""A date after "since" lies before the time spoken of, whatever the clause looks ahead to:
"would be the first increase since 2019"."""
PAST_VERBS = ("was", "were", "began", "rose", "fell", "grew", "came", "took", "saw", "won", "met")
_OUT_OF_SCOPE = re.compile(
    r"\b(?:that|which|who|when|after|before)\s+(?:[\w'’-]+\s+){0,2}?"
    rf"(?:{'|'.join(PAST_VERBS)}|(?!(?:need|expect|schedul|plann|due)ed\b)\w+ed)\b",
    re.IGNORECASE,
)
"""Between a future word and the date, a clause of the date's own whose verb is in the past,
so the future word does not reach the date: "will replace the bridge that opened in 1962",
"would reopen the line, which closed in 2020"."""
_PAST_VERB_GOVERNS = re.compile(
    r"(?<![\w'’-])(?!(?:be|been|being|is|are|was|were|will|would|to|and|or|has|have|had|"
    r"get|gets|got)\s)[\w'’-]+,?\s+"
    rf"(?:{'|'.join(PAST_VERBS)}|(?!(?:need|expect|schedul|plann|due|bas|lock|fix|set)ed\b)"
    r"[a-z]+ed)\s+(?:in|on|during)\s*$",
    re.IGNORECASE,
)
"""Right before the date, a verb in the past that governs it, not after an auxiliary or
"to": "will replace the line closed in 2020", "expects sales, which collapsed in March,
to recover" ("will be opened in June" and "to be completed in 2027" still look ahead)."""
_CONDITIONAL_PAST = re.compile(r"^\s+have\s+\w+(?:ed|en|t|n)\b", re.IGNORECASE)
"""After "would", "have" and a participle tell of a past that did not happen: "the plant
would have opened in 2019"."""


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
    return "future" if future_reason(quote, value, text, published) else None


def future_reason(
    quote: str, value: str, text: str = "", published: date | None = None
) -> str | None:
    """Why ``infer_tense`` reads the date as looking ahead, in words, or None: the scaffold
    drafts ``tense: future`` with this reason, so the draft and the checks agree."""
    return _future_reason(quote, value, text, published)


@lru_cache(maxsize=4096)
def _future_reason(quote: str, value: str, text: str, published: date | None) -> str | None:
    """Cached: a date claim's tense is read for its reading and again for its table row."""
    if _POINTS_BACK.search(value):
        return None
    context = context_of(quote, value, text)
    before = context.before
    last = _last_word(before)
    if (_ends(_SAID_ON_LAST, last) and _SAID_ON.search(before)) or _SINCE.search(before):
        return None
    word = _future_word(before, scoped=True) or _future_word(context.after)
    if word:
        return f'"{word}" in its clause'
    if _ends(_AHEAD_OF_LAST, last) and _AHEAD_OF.search(before):
        return '"ahead of" leads to it'
    headline = context.line == HEADLINE_LINE
    if not headline and _ends(_SCHEDULE_LAST, last) and (found := _SCHEDULE_PRESENT.search(before)):
        return f'"{_words(found.group())}": a schedule in the present'
    if headline and _ends(_HEADLINE_LAST, last) and (found := _HEADLINE_INFINITIVE.search(before)):
        return f'"{_words(found["verb"])}" in the headline: headlines say "to" of what is to come'
    if (
        _ends(_LASTS_LAST, last)
        and (found := _LASTS_UNTIL.search(before))
        and not _past_year(value, published)
    ):
        return f'"{_words(found.group())}": a present that lasts into the date'
    if (
        published is not None
        and _ends(_LOOK_AHEAD_LAST, last)
        and _looks_ahead_to_a_later_year(context, value, published)
    ):
        return "a date after publication, with a preposition that looks ahead"
    return None


def _last_word(words: str) -> str:
    """The last run of non-space characters (``str.split`` and ``re``'s ``\\s`` agree on
    what is a space), or "" for none."""
    found = words.rsplit(None, 1)
    return found[-1] if found else ""


def _ending(*words: str) -> re.Pattern[str]:
    """A word that one of ``words`` ends, matched with the flags of the patterns it guards."""
    return re.compile(rf"(?:{'|'.join(words)})\Z", re.IGNORECASE)


def _ends(ending: re.Pattern[str], last: str) -> bool:
    return ending.search(last) is not None


# Each pattern below ends its match with one of these words and then spaces only (``\s*$``),
# so a clause whose last word does not end with one cannot match it: the search, which
# tries the pattern at every character of the clause, is skipped (#18: a third of reading
# the tense).  ``test_tense.py`` holds each guard to its pattern on generated clauses.
_SAID_ON_LAST = _ending(
    "said", "says", "told", "announced", "reported", "added", "confirmed", "stated", "wrote",
    "late", "early", "last", "this", "on", "in", "at",
)  # fmt: skip
_AHEAD_OF_LAST = _ending("of", "the", "a", "its", "their", "his", "her", "this", "next")
_SCHEDULE_LAST = _ending("on", "in")
_HEADLINE_LAST = _ending("on", "in", "from", "by", "until", "at", "for")
_LASTS_LAST = _ending("until", "till", "through", "from", "to")
_LOOK_AHEAD_LAST = _ending(*LOOK_AHEAD_PREPOSITIONS, "early", "mid", "late", "of")


def _words(text: str) -> str:
    return " ".join(text.split())


def _future_word(words: str, scoped: bool = False) -> str:
    """The first future word of ``words`` that looks ahead there, or "".  ``scoped``: the
    words lead up to the date, and a future word counts only if it reaches it (no clause of
    the date's own, ``_OUT_OF_SCOPE``, stands between)."""
    for found in _FUTURE.finditer(words):
        rest = words[found.end() :]
        if (
            _PAST_PERFECT.search(words, 0, found.start()) is None
            and not (
                found.group().lower() in NOUNS_TOO and _DETERMINER.search(words, 0, found.start())
            )
            and not (found.group().lower() == "would" and _CONDITIONAL_PAST.match(rest))
            and not (scoped and (_OUT_OF_SCOPE.search(rest) or _PAST_VERB_GOVERNS.search(rest)))
        ):
            return found.group()
    return ""


def _past_year(value: str, published: date | None) -> bool:
    """Whether the date names its year and lies before publication ("the series runs until
    March 2024" in a 2025 paper tells of data, not of a time to come)."""
    if published is None or _YEAR.search(value) is None:
        return False
    try:
        return parse_date(value, published).last < published
    except DateError:
        return False


def _looks_ahead_to_a_later_year(context: Context, value: str, published: date) -> bool:
    if _YEAR.search(value) is None or _LOOK_AHEAD.search(context.before) is None:
        return False
    try:
        return parse_date(value, published).first > published
    except DateError:
        return False
