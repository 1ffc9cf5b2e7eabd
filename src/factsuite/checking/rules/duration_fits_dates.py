"""duration_fits_dates (spans): a stated duration fits the dates it spans."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import bounds, not_comparable, registered, series
from factsuite.checking.explain_helpers import claim_ref, endpoint, labelled, render_bound
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, per_reading
from factsuite.meaning.intervals import Interval, can_overlap

ORDER = 50


@registered("reading")
def duration_fits_dates(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """The days between the dates (a closed range) fall within the duration's reading."""
    always = pd.Series(True, index=df.index)
    elapsed = (df["elapsed_lo"], always, df["elapsed_hi"], always)
    fits = series(can_overlap(bounds(df, f"duration_{reading}"), elapsed))
    return not_comparable(df) | fits


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    duration = context.interval(row["duration"])
    assert duration is not None
    days = render_bound("days")
    low, high = row["inclusive_lo"], row["inclusive_hi"]
    between_hi = row["elapsed_hi"] - high
    if between_hi < 0:
        span = f"The end comes {days(Fraction(-between_hi))} before the start"
    else:
        between = Interval(Fraction(row["elapsed_lo"] - low), Fraction(between_hi))
        both = between + Interval.point(Fraction(1))
        if low == high == 1:
            span = f"The dates span {both.format(days)}, both end days counted"
        elif low == high == 0:
            span = f"The dates are {between.format(days)} apart"
        else:
            span = (
                f"The dates are {between.format(days)} apart, or span {both.format(days)} "
                "with both end days counted (its words allow either count)"
            )
    return [
        "A stated duration does not fit the dates it spans.",
        claim_ref(context, "claim", row["duration"]),
        labelled("start", endpoint(row, "start")),
        labelled("end", endpoint(row, "end")),
        f"  {span}; the duration allows {duration.format(days)}.",
    ]


RULES = per_reading(
    "duration_fits_dates", "spans", lambda r: pa.Check.duration_fits_dates(reading=r), explain
)
