"""Whether a stated duration counts both end days, as its words say.

"a three-day stoppage from Jan. 10 to Jan. 12" is the 10th, 11th and 12th; "147 cases in
the seven days to Jan. 24" are the 18th to the 24th: the days named at both ends are both
counted, one more than the days between them.  A ``spans`` relation says so with
``inclusive: true`` (or ``false``); without it, the duration's quote decides here.
"""

from __future__ import annotations

import re

_RANGE_AFTER = re.compile(
    r"^\W*(?:[\w'-]+\s+){0,3}?(?:from|between)\s+\S.*?\s(?:to|through|until|till|and)\s+\S",
    re.IGNORECASE,
)
"""After the duration, its noun, then a range of two ends: "-day stoppage from Jan. 10 to
Jan. 12", "days between March 3 and 5"."""
_ENDING = re.compile(r"^\s*(?:to|through|ending(?:\s+on)?|up\s+to)\s+\S", re.IGNORECASE)
"""Right after the duration, the day it ends on: "the seven days to Jan. 24"."""


def counts_both_ends(quote: str, value: str) -> bool:
    """Whether the duration ``value`` in ``quote`` is said to run from one named day to
    another, both counted."""
    at = quote.find(value)
    if at == -1:
        return False
    after = quote[at + len(value) :]
    return bool(_RANGE_AFTER.match(after) or _ENDING.match(after))
