"""event_count_fits (event_count): a count of events agrees with the events on record.

"Several rounds of talks" is a count; ``reference/events`` holds each round with its day.
The events whose ids match the relation's pattern, dated from its start to its end, are
counted (at least those inside the narrowest reading of the two days, at most those inside
the widest), and the count claim's interval must hold that number: "several" is 3 to 9 in
the pragmatic reading, 3 or more in the strict one (docs/lexicon.md).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import bounds, not_comparable, registered, series
from factsuite.checking.explain_helpers import claim_ref, labelled, written
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, per_reading
from factsuite.meaning.dates import describe
from factsuite.meaning.intervals import can_overlap

ORDER = 50


@registered("reading")
def event_count_fits(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """Some number of the matching events within the days is a value of the count."""
    on_record = (df["events_lo"], True, df["events_hi"], True)
    return not_comparable(df) | series(can_overlap(bounds(df, f"count_{reading}"), on_record))


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    count = context.interval(row["count"])
    assert count is not None
    days = context.reference.events if context.reference else {}
    listed = [f"{name} ({describe(days[name][0])})" for name in row["events_matched"]]
    low, high = int(row["events_lo"]), int(row["events_hi"])
    number = str(high) if low == high else f"{low} to {high}"
    window = f"from {_day(row, 'start')} to {_day(row, 'end')}"
    return [
        "A count of events does not match the events on record.",
        claim_ref(context, "count", row["count"]),
        labelled("events", f"reference/events matching '{row['events']}', {window}:"),
        *(labelled("", event) for event in listed),
        f'  "{written(context.claim(row["count"]))}" reads as {count.format()}, but the record '
        f"has {number} such event{'' if high == 1 else 's'}.",
    ]


def _day(row: pd.Series, role: str) -> str:
    """An endpoint as written, with its day when it is one day; 'the start' when open."""
    if not row[role]:
        return "the first on record"
    first, last = row[f"{role}_first"], row[f"{role}_last"]
    if first == last:
        return f"{row[role]} ({describe(date.fromordinal(int(first)))})"
    return str(row[role])


RULES = per_reading(
    "event_count_fits",
    "event_count",
    lambda r: pa.Check.event_count_fits(reading=r),
    explain,
)
