"""Whether a figure is dated by its own sentence, and so cannot go stale.

"stood at 450,000 on June 4", "6.2 percent in June", "inflation for April": the article
gives the figure as of a past day or period, and later records do not replace it.  Only a
figure presented as current ("has risen to 3.5 million") is checked by ``stale[...]``.  A
period counted back from another date ("in the previous 12 months", "a year earlier")
dates a figure too; "in the past 12 months" runs up to publication and does not.  A
claim says so with ``dated: true`` (or ``false``); without it, a date in its quote decides.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factsuite.files.model import Claim
from factsuite.meaning.context import context_of
from factsuite.meaning.grounding import figure_start
from factsuite.meaning.mentions import DATE_KINDS, find_mentions

NOW = frozenset({"today", "this week", "this month", "this year", "now"})
"""Dates in a quote that present the figure as current, not as of a past day."""


def is_dated(claim: Claim, text: str = "") -> bool:
    """The claim's own ``dated``, or else whether its quote names a date (other than now),
    its figure stands in a "when" clause that hangs on a date of ``text``, the article
    ("the lowest since July 2021, when inflation was also 2.0 percent"), or a period counted
    back stands beside it ("down from 430,400 in the previous 12 months")."""
    if claim.dated is not None:
        return claim.dated
    return infer_dated(claim.quote, claim.value, text)


def infer_dated(quote: str, value: str, text: str = "") -> bool:
    """What the words say, without a claim's ``dated``: the one rule the checks and the
    scaffold's drafts read."""
    return (
        _quote_names_a_date(quote)
        or _when_clause_of_a_date(context_of(quote, value, text).before)
        or _counted_back_beside(quote + _rest_of_clause(quote, text), value)
    )


_UNIT = r"(?:days?|weeks?|months?|quarters?|years?)"
_HOW_MANY = (
    r"a|an|the|few|several|\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|eighteen|twenty-four"
)
COUNTED_BACK = re.compile(
    rf"\bthe\s+(?:previous|preceding|prior)\s+(?:[\w-]+\s+)?{_UNIT}\b"
    rf"|\b(?:the\s+)?(?:{_HOW_MANY})\s+{_UNIT}\s+(?:before|earlier|ago|previously)\b",
    re.IGNORECASE,
)
"""A period counted back from another date: "the previous 12 months", "the preceding three
weeks", "the 12 months before", "a year earlier", "two weeks ago".  A figure of such a period
is as of it, like one of "the same month last year", and a later record does not replace it.
"the past 12 months" and "the last 12 months" run up to publication: they are not here."""
_CLAUSE_END = re.compile(r"[,;.!?\n]")


def _rest_of_clause(quote: str, text: str) -> str:
    """The words of ``text`` after the quote, up to a comma or the clause's end: a quote may
    stop at the figure ("down from 430,400") before the period that dates it."""
    at = text.find(quote) if quote else -1
    if at == -1:
        return ""
    rest = text[at + len(quote) :]
    end = _CLAUSE_END.search(rest)
    return rest[: end.start() if end else len(rest)]


def _counted_back_beside(words: str, value: str) -> bool:
    """Whether a period counted back stands in ``words`` with no other figure between it and
    the value ("rose to 500 from 300 two years ago": the period dates 300, not 500)."""
    at = figure_start(words, value)
    if at is None:
        return False
    for period in COUNTED_BACK.finditer(words):
        if period.start() >= at + len(value):
            between = words[at + len(value) : period.start()]
        elif period.end() <= at:
            between = words[period.end() : at]
        else:
            continue
        if not any(mention.kind not in DATE_KINDS for mention in find_mentions(between)):
            return True
    return False


_WHEN = re.compile(r",\s+when\b", re.IGNORECASE)


def _when_clause_of_a_date(before: str) -> bool:
    """Whether the clause before the figure ends in "<date>, when ..."."""
    whens = list(_WHEN.finditer(before))
    if not whens:
        return False
    head = before[: whens[-1].start()].rstrip()
    return any(
        mention.kind in ("date", "weekday") and mention.end == len(head)
        for mention in find_mentions(head)
    )


@lru_cache(maxsize=4096)
def _quote_names_a_date(quote: str) -> bool:
    return any(
        mention.kind in ("date", "weekday", "relative_date")
        and mention.value.lower().strip() not in NOW
        for mention in find_mentions(quote)
    )
