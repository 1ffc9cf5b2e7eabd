"""The date relations ``factsuite new`` suggests: ``spans`` and ``before``, only where the
sentence puts the dates in order itself.

"a three-day stoppage from Jan. 10 to Jan. 12", "for just over two months since Labour won
the July 4 election", "since it began in July 2023, some 16 months ago" give a duration with
the dates it runs between (publication when it runs to now); "between December 2022 and the
end of last year", "on Jan. 8, after Harlan said on Jan. 22", "rose to 59 on Tuesday, up from
52 on Sunday" order two dates.  Dates merely written in the order of events are not related:
a story often tells the latest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from factsuite.commands.sentences import sentence
from factsuite.commands.suggestion_types import Draft, Suggestion
from factsuite.files.model import PUBLICATION
from factsuite.meaning.mentions import DATE_KINDS

_OPENS_RANGE = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_CLOSES_RANGE = re.compile(
    r"\s+(?:and|to|until|till|through)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?"
)
_MOVED = re.compile(
    r"\b(?:mov|postpon|reschedul|delay|push|brought|bring|chang|shift|switch|cut|extend)\w*",
    re.IGNORECASE,
)
"""A date moved "from June 10 to June 3" is no range: the second may come first."""
_TO_RANGE = re.compile(r"[\w\s-]{0,30}?\b(?:from|between)\s+")
"""From a duration to the range it spans: "-day stoppage from "."""
_SINCE = re.compile(r"\s+since\s+(?:[\w'’]+\s+){0,5}")
"""From a duration to its start: " since Labour won the "."""
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:[\w'’]+\s+){0,5}$", re.IGNORECASE)
_AGO_AFTER = re.compile(r",\s+(?:some\s+|about\s+|nearly\s+|almost\s+|roughly\s+)?")
_AGO = re.compile(r"\s+ago\b")
_AFTER_OR_BEFORE = re.compile(r",?\s+(?P<word>after|before)\s+[^,;:.\d]{0,60}?\s(?:on|in)\s+")
"""From a date to the date its event followed or preceded: ", after Harlan said on "."""
_LEVEL_AT = re.compile(r"\s(?:on|in)\s+$")
_FROM_LEVEL_AT = re.compile(
    r"\b(?:up|down)\s+(?:[\w.,%]+\s+){0,4}?from\s+(?:about\s+|some\s+)?[\w.,%$£€]+"
    r"(?:\s+(?:million|billion|percent|per\s+cent))?\s+(?:on|in)\s+$",
    re.IGNORECASE,
)
"""Before the date of a change's earlier level: "up from 52 on "."""


_BEGAN_AT = re.compile(
    r"\b(?:began|begun|started|erupted|broke\s+out)\b[^.;:]{0,60}?\s(?:on|in)\s+$", re.IGNORECASE
)
"""Before the date something began: "which began with the first round of talks on "."""
_HAS_LASTED = re.compile(r"\b(?:has|have)\s+(?:[a-z]+\s+){1,2}for\s+$")
"""Before a duration that runs to now: "has dragged on for ", "has lasted for "."""
_AFTER_IT_BEGAN = re.compile(r"\s+after\s+(?:it|they|the\s+\w+)\s+(?:started|began)\b")
_COMMA = re.compile(r",\s+")


def _began(text: str, duration: Draft, dates: list[Draft]) -> Draft | None:
    """The one date of the duration's sentence that something began on."""
    where = sentence(text, duration.mention)
    began = []
    for date in (d for d in dates if sentence(text, d.mention) == where):
        verb = _BEGAN_AT.search(text, where[0], date.mention.start)
        if verb and not any(verb.start() < d.mention.start < date.mention.start for d in dates):
            began.append(date)  # the first date after "began", not a later one
    return began[0] if len(began) == 1 else None


def _dates(drafts: Sequence[Draft]) -> list[Draft]:
    return sorted(
        (d for d in drafts if d.mention.kind in DATE_KINDS), key=lambda d: d.mention.start
    )


def _durations(drafts: Sequence[Draft]) -> list[Draft]:
    return [d for d in drafts if d.mention.kind == "duration"]


def _next_date(text: str, after: int, dates: list[Draft], gap: re.Pattern[str]) -> Draft | None:
    """The first date after ``after`` when the words between are exactly ``gap``."""
    nxt = next((d for d in dates if d.mention.start >= after), None)
    if nxt is not None and gap.fullmatch(text, after, nxt.mention.start):
        return nxt
    return None


def _range(text: str, first: Draft, dates: list[Draft]) -> Draft | None:
    """The date that closes a range opened at ``first``: "from Jan. 10 to Jan. 12"."""
    return _next_date(text, first.mention.end, dates, _CLOSES_RANGE)


def _spans(duration: Draft, start: Draft, end: Draft | None, why: str) -> Suggestion:
    return Suggestion(
        f"{duration.id}-span",
        "spans",
        {"duration": duration.id, "start": start.id, "end": end.id if end else PUBLICATION},
        f'"{duration.mention.text}" {why}',
    )


def _spans_found(text: str, drafts: Sequence[Draft]) -> Iterator[Suggestion]:
    """A duration and the dates its words say it runs between."""
    dates = _dates(drafts)
    for duration in _durations(drafts):
        end = duration.mention.end
        first = _next_date(text, end, dates, _TO_RANGE)
        last = _range(text, first, dates) if first else None
        if first is not None and last is not None:
            yield _spans(
                duration,
                first,
                last,
                f'runs from "{first.mention.text}" to "{last.mention.text}"',
            )
            continue
        start = _next_date(text, end, dates, _SINCE)
        if start is not None:
            yield _spans(duration, start, None, f'since "{start.mention.text}", to now')
            continue
        began = _began(text, duration, dates)
        if began is not None and _HAS_LASTED.search(text, 0, duration.mention.start):
            yield _spans(duration, began, None, f'has lasted since "{began.mention.text}"')
            continue
        closing = [d for d in dates if d.mention.end <= duration.mention.start]
        if (
            began is not None
            and closing
            and closing[-1] is not began
            and _COMMA.fullmatch(text, closing[-1].mention.end, duration.mention.start)
            and _AFTER_IT_BEGAN.match(text, end)
        ):
            why = f'after it began on "{began.mention.text}", to "{closing[-1].mention.text}"'
            yield _spans(duration, began, closing[-1], why)
            continue
        if not _AGO.match(text, end):
            continue
        before = [d for d in dates if d.mention.end <= duration.mention.start]
        start = before[-1] if before else None
        if (
            start is not None
            and _AGO_AFTER.fullmatch(text, start.mention.end, duration.mention.start)
            and _SINCE_BEFORE.search(text, sentence(text, start.mention)[0], start.mention.start)
        ):
            yield _spans(duration, start, None, f'ago: since "{start.mention.text}"')


def _before(earlier: Draft, later: Draft, why: str) -> Suggestion:
    return Suggestion(
        f"{earlier.id}-before-{later.id}",
        "before",
        {"earlier": earlier.id, "later": later.id},
        f'"{earlier.mention.text}" {why} "{later.mention.text}"',
    )


def _orders_found(text: str, drafts: Sequence[Draft], spanned: set[str]) -> Iterator[Suggestion]:
    """Two dates whose order the words state, unless a suggested span already orders them."""
    dates = _dates(drafts)
    for first in dates:
        opens = _OPENS_RANGE.search(text, max(0, first.mention.start - 10), first.mention.start)
        moved = _MOVED.search(text, sentence(text, first.mention)[0], first.mention.start)
        last = _range(text, first, dates) if opens and not moved else None
        if last is not None and not {first.id, last.id} <= spanned:
            yield _before(first, last, "opens the range that closes at")
            continue
        other = _next_date(text, first.mention.end, dates, _AFTER_OR_BEFORE)
        if other is not None:
            found = _AFTER_OR_BEFORE.fullmatch(text, first.mention.end, other.mention.start)
            if found is not None and found.group("word") == "after":
                yield _before(other, first, "comes before")
            else:
                yield _before(first, other, "comes before")
            continue
        if _FROM_LEVEL_AT.search(text, sentence(text, first.mention)[0], first.mention.start):
            earlier_in_sentence = [
                d
                for d in dates
                if d.mention.end <= first.mention.start
                and sentence(text, d.mention) == sentence(text, first.mention)
            ]
            level = earlier_in_sentence[-1] if earlier_in_sentence else None
            if level is not None and _LEVEL_AT.search(text, 0, level.mention.start):
                yield _before(first, level, "is the level the figure changed from by")


def date_relations(text: str, drafts: Sequence[Draft]) -> list[Suggestion]:
    """The spans and date orders the sentences state outright."""
    spans = list(_spans_found(text, drafts))
    spanned = {str(s.fields[key]) for s in spans for key in ("start", "end")}
    return [*spans, *_orders_found(text, drafts, spanned)]
