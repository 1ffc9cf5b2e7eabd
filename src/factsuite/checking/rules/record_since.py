"""record_since (extremes): a figure said to be "the highest since 2011" ("the lowest since
June 2022") is no lower (higher) than any record of the series it cites dated after that
day and before its own.  Failures go to the claim's ``record[...]`` item."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import bounds, registered, series
from factsuite.checking.explain_helpers import (
    cited_series,
    claim_ref,
    labelled,
    record_line,
    render_bound,
)
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, per_reading
from factsuite.checking.rules.record_matches import source
from factsuite.meaning.dates import describe
from factsuite.meaning.intervals import can_be_at_most

ORDER = 40


@registered("reading")
def record_since(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """Some value of the claim is at least (highest) or at most (lowest) some value of the
    record: it fails only when the record must lie beyond it."""
    claim, record = bounds(df, f"claim_{reading}"), bounds(df, f"record_{reading}")
    highest = series(can_be_at_most(record[0], record[1], claim[2], claim[3]))
    lowest = series(can_be_at_most(claim[0], claim[1], record[2], record[3]))
    fits = pd.Series(np.where(df["extreme"] == "highest", highest, lowest), index=df.index)
    return df["unreadable"].notna() | fits.astype(bool)


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    cited = cited_series(context, row)
    claim = context.interval(row["claim"])
    assert claim is not None
    draw = render_bound(cited.meta.unit)
    day = date.fromordinal(int(row["record_date"])).isoformat()
    record = cited.records[cited.records["date"] == day]
    since, as_of = (describe(date.fromordinal(int(row[c]))) for c in ("since", "as_of"))
    highest = row["extreme"] == "highest"
    if highest:
        but = f"the claim is at most {draw(claim.hi)}, but the record is at least "
        but += draw(float(row[f"record_{context.reading.value}_lo"]))
    else:
        but = f"the claim is at least {draw(claim.lo)}, but the record is at most "
        but += draw(float(row[f"record_{context.reading.value}_hi"]))
    extreme, beyond = ("highest", "higher") if highest else ("lowest", "lower")
    return [
        f"The figure is said to be the {extreme} since {since}, but {cited.meta.agency} "
        f"recorded a {beyond} one after that day.",
        claim_ref(context, "claim", row["claim"]),
        labelled("since", f"{since}; records after it and before {as_of} count"),
        *[record_line(found) for _, found in record.iterrows()],
        f"  On {describe(date.fromisoformat(day))} {but}.",
    ]


RULES = per_reading(
    "record_since",
    "extremes",
    lambda r: pa.Check.record_since(reading=r),
    explain,
    "record",
    source,
)
