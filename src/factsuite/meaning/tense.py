"""Whether a claim looks ahead: a scheduled or forecast date ("is due on Sept. 4").

A news report tells of the past, so a date after publication is normally an error; a date
the text itself looks ahead to must lie on or after publication instead.  A claim says so
with ``tense: future`` (or ``past``); without it, a future word in its quote before the
value decides.
"""

from __future__ import annotations

import re

from factsuite.files.model import Claim

FUTURE_WORDS = (
    "due",
    "will",
    "would",
    "shall",
    "next",
    "scheduled",
    "expected",
    "forecast",
    "planned",
    "plans",
    "set to",
    "deadline",
    "upcoming",
)
"""Words that, before a date in its quote, make the claim look ahead: "due to end on
Monday", "the next rate decision is due on Sept. 4".  "by", "from" and "for" are not among
them: "brokered by", "from Jan. 10" and "for July" are as often past; write ``tense: future``
there ("the goal of 78 percent by March 2025", "a 37-hour week from 2026")."""
_FUTURE = re.compile(rf"\b(?:{'|'.join(FUTURE_WORDS)})\b", re.IGNORECASE)


def is_future(claim: Claim) -> bool:
    """The claim's own ``tense``, or else whether its quote has a future word before the value."""
    if claim.tense is not None:
        return claim.tense == "future"
    before, found, _ = claim.quote.partition(claim.value)
    return bool(found) and _FUTURE.search(before) is not None
