"""How a stated duration counts days between its two dates, as far as its words say.

Days can be counted two ways: both end days ("a three-day stoppage from Jan. 10 to Jan. 12"
is the 10th, 11th and 12th) or the days elapsed between them ("the 49 days from July 1 to
Monday", Aug. 19, are 49 days after July 1).  A plain range, "from X to Y", "X to Y", "the
seven days to Jan. 24", is written both ways by careful writers, so a reader accepts either
unless the words say which: "through", "inclusive", "both days included" count both ends;
"after", "later", "before", "ago", "until" (a countdown) and "elapsed" count the days
between.  A ``spans`` relation decides with ``inclusive: true`` (or ``false``); without it,
the duration's quote decides here.
"""

from __future__ import annotations

import re
from typing import Literal

Counting = Literal["both", "between", "either"]
"""Both end days counted, the days elapsed between them, or either (the words do not say)."""

_BOTH = re.compile(
    r"\binclusive(?:ly)?\b|\bboth\s+(?:end\s+)?(?:days|dates)\s+(?:included|counted)"
    r"|\bincluding\s+both\b|\b(?:through|thru)\s+\S",
    re.IGNORECASE,
)
"""Words that count both end days: "from Oct. 1 through Oct. 3", "the four weeks through
Sept. 1", "Dec. 13 to 16 inclusive", "both days included"."""
_BETWEEN_AFTER = re.compile(
    r"^\W*(?:[\w'-]+\s+){0,2}?(?:after|later|earlier|before|ago|since|until|till)\b",
    re.IGNORECASE,
)
"""Right after the duration (and its noun), a word that measures the time between two days:
"49 days after July 1", "three days later", "three days until the vote"."""
_ELAPSED = re.compile(r"\belapsed\b|\bhad\s+passed\b|\bhave\s+passed\b", re.IGNORECASE)


def counting(quote: str, value: str) -> Counting:
    """How the duration ``value`` in ``quote`` counts days, by its words: "both", "between",
    or "either" where they do not say."""
    at = quote.find(value)
    after = quote[at + len(value) :] if at != -1 else ""
    if _BOTH.search(quote):
        return "both"
    if _BETWEEN_AFTER.match(after) or _ELAPSED.search(quote):
        return "between"
    return "either"
