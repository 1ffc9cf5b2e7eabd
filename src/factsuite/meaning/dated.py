"""Whether a figure is dated by its own sentence, and so cannot go stale.

"stood at 450,000 on June 4", "6.2 percent in June", "inflation for April": the article
gives the figure as of a past day or period, and later records do not replace it.  Only a
figure presented as current ("has risen to 3.5 million") is checked by ``stale[...]``.  A
claim says so with ``dated: true`` (or ``false``); without it, a date in its quote decides.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factsuite.files.model import Claim
from factsuite.meaning.context import context_of
from factsuite.meaning.mentions import find_mentions

NOW = frozenset({"today", "this week", "this month", "this year", "now"})
"""Dates in a quote that present the figure as current, not as of a past day."""


def is_dated(claim: Claim, text: str = "") -> bool:
    """The claim's own ``dated``, or else whether its quote names a date (other than now),
    or its figure stands in a "when" clause that hangs on a date of ``text``, the article
    ("the lowest since July 2021, when inflation was also 2.0 percent")."""
    if claim.dated is not None:
        return claim.dated
    return infer_dated(claim.quote, claim.value, text)


def infer_dated(quote: str, value: str, text: str = "") -> bool:
    """What the words say, without a claim's ``dated``: the one rule the checks and the
    scaffold's drafts read."""
    return _quote_names_a_date(quote) or _when_clause_of_a_date(
        context_of(quote, value, text).before
    )


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
