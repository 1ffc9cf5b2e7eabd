"""The ``tense`` and ``dated`` a draft claim gets from its sentence, with the reason.

The checks infer both from the quote alone (a future word before a date, a date in a
figure's quote).  The scaffold sees the whole sentence, so it writes them out where the
sentence says so: "Clinics will now stay open until 30 April" (the date looks ahead), "the
count stood at 450,000 on June 4" (the figure is as of that day).  The reviewer sees the
field and its reason as a comment, and keeps or deletes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from factsuite.commands.sentences import own_clause, sentence
from factsuite.meaning.dates import DateError, parse_date
from factsuite.meaning.mentions import DATE_KINDS, Mention
from factsuite.meaning.tense import future_reason

FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:expected|due|scheduled|set|slated|forecast|to\s+be)|"
    r"expected\s+(?:to|in|on|by)|due\s+(?:to|on|in|by)|scheduled|upcoming|"
    r"plans?\s+to|by\s+next|next\s+(?:week|month|year))\b",
    re.IGNORECASE,
)
"""Words that make a clause look ahead.  "would", "was expected" and "had forecast" are left
out: they are as often reported past ("said it would halt ...", "had forecast ... for
July")."""
JOINTS = re.compile(r"\s(?:and|but|while|whereas)\s", re.IGNORECASE)
"""Where two verbs of one clause part: "opened on 3 March and will stay open"."""
PAST_DATE = re.compile(r"\b(?:last|earlier|ago|previous|prior|yesterday|since)\b", re.IGNORECASE)
"""Words in or right before a date that fix it in the past whatever the clause says."""
DATING = re.compile(
    r"(?:\bas\s+(?:of|at)|\bat\s+the\s+end\s+of|\bon|\bin|\bfor)\s+(?:the\s+)?$", re.IGNORECASE
)
"""Words before a date that give the figure beside it as of that date: "as of March 3",
"stood at 450,000 on June 4", "6.2 percent in June"."""
REPORTED = re.compile(r"\b(?:said|says|told|announced|reported|since)\b", re.IGNORECASE)
"""Words between a figure and a date that make the date the saying's, or the start of a
running count ("347 since the outbreak began in October"), not the figure's."""
NOW = frozenset({"today", "this week", "this month", "this year", "now"})
NEAR_DATE = 40
"""How many characters after a figure its date may stand ("rose to 87 on Tuesday")."""


@dataclass(frozen=True)
class Field:
    """A drafted field value and why the scaffold wrote it (shown as a comment)."""

    value: str
    reason: str


def draft_tense(
    text: str, mention: Mention, published: date, quote: str | None = None
) -> Field | None:
    """``future`` for a date its clause looks ahead to, or that lies after publication; and
    wherever the checks would read the drafted ``quote`` as future (``tense.future_reason``:
    "the consultation runs until Oct. 21", a headline's "Price cap to fall from October"),
    so that the draft's ``as_of`` is read as the checks read it."""
    if mention.kind not in DATE_KINDS:
        return None
    start = sentence(text, mention)[0]
    if quote is None:
        quote = text[start : mention.end]
    if PAST_DATE.search(text[max(start, mention.start - 8) : mention.end]):
        return None
    try:
        span = parse_date(mention.value, published)
    except DateError:
        span = None
    if span is not None and span.first > published:
        return Field("future", "after publication: a date the text looks ahead to")
    clause_start, clause_end = own_clause(text, mention)
    for joint in JOINTS.finditer(text, clause_start, clause_end):
        if joint.end() <= mention.start:
            clause_start = joint.end()
        elif joint.start() >= mention.end:
            clause_end = joint.start()
            break
    word = FUTURE.search(text[clause_start:clause_end])
    if word is not None:
        return Field("future", f'"{word.group(0)}" in its clause: read forwards from publication')
    reason = future_reason(quote, mention.value, text, published)
    if reason is None:
        return None
    return Field("future", f"{reason}: read forwards from publication")


def draft_dated(text: str, mention: Mention, mentions: list[Mention]) -> Field | None:
    """``true`` for a figure its sentence gives as of a date: "As of March 3, 450,000 ...",
    "stood at 450,000 on June 4" (the date right after the figure, in its clause)."""
    if mention.kind in DATE_KINDS or mention.kind == "duration":
        return None
    start, end = sentence(text, mention)
    clause_start, clause_end = own_clause(text, mention)
    for other in mentions:
        if other.kind not in DATE_KINDS or not start <= other.start < end:
            continue
        if other.value.lower() in NOW or PAST_DATE.search(
            text[max(start, other.start - 8) : other.end]
        ):
            continue
        match = DATING.search(text[start : other.start])
        if match is None:
            continue
        between = text[mention.end : other.start]
        crossed = [m for m in mentions if mention.end <= m.start and m.end <= other.start]
        near = (
            clause_start <= other.start < clause_end
            and len(between) <= NEAR_DATE
            and other.start >= mention.end
            and not crossed
            and not REPORTED.search(between)
        )
        if match.group(0).lower().startswith("as ") or near:
            return Field("true", f'"{text[start + match.start() : other.end]}" dates the figure')
    return None
