"""Whether a figure is dated by its own sentence, and so cannot go stale.

"stood at 450,000 on June 4", "6.2 percent in June", "inflation for April": the article
gives the figure as of a past day or period, and later records do not replace it.  Only a
figure presented as current ("has risen to 3.5 million") is checked by ``stale[...]``.  A
claim says so with ``dated: true`` (or ``false``); without it, a date in its quote decides.
"""

from __future__ import annotations

from functools import lru_cache

from factsuite.files.model import Claim
from factsuite.meaning.mentions import find_mentions

NOW = frozenset({"today", "this week", "this month", "this year", "now"})
"""Dates in a quote that present the figure as current, not as of a past day."""


def is_dated(claim: Claim) -> bool:
    """The claim's own ``dated``, or else whether its quote names a date (other than now)."""
    if claim.dated is not None:
        return claim.dated
    return _quote_names_a_date(claim.quote)


@lru_cache(maxsize=4096)
def _quote_names_a_date(quote: str) -> bool:
    return any(
        mention.kind in ("date", "weekday", "relative_date")
        and mention.value.lower().strip() not in NOW
        for mention in find_mentions(quote)
    )
