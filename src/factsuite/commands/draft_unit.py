"""The unit a draft claim of a percentage gets from its words: a share, points or a change.

A mention of a percentage is found as a share (``percent``), but docs/relations.md asks a
change to be written in its own unit: "down 3.2 percentage points" in ``points``, "up 9
percent" and "rose 12 percent from ..." in ``percent_change`` (a change may exceed 100, a
share may not).  The scaffold drafts the unit the words ask for, with the reason, so a
reviewer does not have to rewrite it (and a share-of check does not run on a change).
"""

from __future__ import annotations

import re

from factsuite.commands.draft_time import Field
from factsuite.commands.sentences import own_clause
from factsuite.meaning.mentions import Mention

CHANGE_VERBS = (
    "(?<!make\\s)(?<!makes\\s)(?<!made\\s)(?<!making\\s)up|down|higher|lower|"
    "rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|"
    "increased|increases|decreased|decreases|declined|declines|dropped|drops|grew|grows|"
    "jumped|jumps|climbed|climbs|gained|gains|lost|loses|slipped|slips|slid|surged|surges|"
    "soared|soars|plunged|plunges|plummeted|tumbled|tumbles|slumped|slumps|rebounded|"
    "advanced|shrank|shrinks|contracted|expanded|edged\\s+(?:up|down)|"
    "(?:increase|rise|fall|drop|decline|jump|growth|cut|gain|reduction|hike)\\s+of"
)
"""Words that, right before a percentage, make it the size of a change ("up 9 percent",
"rose by 12 percent", "a rise of 5 percent").  "rose to", "up to" and "up from" name a
level, not a change, so "to" or "from" between word and figure keeps it a share; so does
"make up" ("children make up 70 percent of cases")."""
_FILLERS = r"a|an|another|further|record|average|of|total|estimated|combined|whopping"
_CHANGE_BEFORE = re.compile(
    rf"\b(?:{CHANGE_VERBS})(?:(?:\s+(?!to\b|from\b|of\b)[a-z-]+){{0,3}}?\s+by)?"
    rf"(?:\s+(?:{_FILLERS}))*\s*$",
    re.IGNORECASE,
)
"""The change word, then at most three words before "by" ("rose last year by 18%", "rose
sharply by 18%"; never "to", "from" or "of") and words that say nothing of the size ("by a
further 18%", "another 18%", "by an average of 18%")."""
CHANGE_NOUNS = (
    "rise|increase|jump|drop|fall|decline|gain|growth|cut|hike|reduction|surge|slump|"
    "higher|lower|more|less|fewer|cheaper|dearer"
)
_CHANGE_AFTER = re.compile(
    rf"^\s+(?:(?!of\b)[\w-]+\s+)?(?:{CHANGE_NOUNS})\b",
    re.IGNORECASE,
)
"""A change named after the figure, with at most one word between ("a 5 percent rise", "a
2 percent pay rise", "9 percent higher"); never "of" ("5 percent of growth" is a share)."""
_POINTS = re.compile(r"percentage\s+points?\b", re.IGNORECASE)
_PERCENT = re.compile(r"%|\bper\s*cent\b|\bpct\b", re.IGNORECASE)
"""A percentage written as such: "fell by half" or "rose by a third" stays as found."""


def draft_unit(text: str, mention: Mention) -> Field | None:
    """``points`` or ``percent_change`` for a percentage its words make a change, with the
    reason; None to keep the mention's own unit."""
    if mention.kind != "share":
        return None
    if _POINTS.search(mention.text):
        return Field("points", "percentage points: a difference of shares (docs/relations.md)")
    if not _PERCENT.search(mention.text):
        return None
    start, end = own_clause(text, mention)
    before = _CHANGE_BEFORE.search(text, start, mention.start)
    if before is not None:
        word = " ".join(before.group(0).split())
        return Field("percent_change", f'"{word}" before it: a percent change, not a share')
    after = _CHANGE_AFTER.search(text[mention.end : end])
    if after is not None:
        word = " ".join(after.group(0).split())
        return Field("percent_change", f'"{word}" after it: a percent change, not a share')
    return None
