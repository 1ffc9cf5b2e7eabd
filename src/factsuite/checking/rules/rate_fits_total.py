"""rate_fits_total (rate): the total can be the daily average times the days of its period."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import (
    as_bools,
    bounds,
    not_comparable,
    registered,
    series,
    times,
)
from factsuite.checking.explain_helpers import (
    bounds_interval,
    labelled,
    relation_claims,
    render_bound,
)
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, per_reading
from factsuite.meaning.intervals import can_overlap

ORDER = 50
BOUND_NAMES = ("lo", "lo_closed", "hi", "hi_closed")


@registered("reading")
def rate_fits_total(df: pd.DataFrame, *, reading: str) -> pd.Series:
    """The total can be the daily average times the days of the period."""
    period = bounds(df, f"period_{reading}")
    expected = times(bounds(df, f"per_period_{reading}"), as_bools(period))
    overlap = series(can_overlap(bounds(df, f"total_{reading}"), expected))
    return not_comparable(df) | overlap


def explain(failure: Failure, context: Context) -> list[Line]:
    row = failure.row
    reading = context.reading.value
    per_day, total = context.interval(row["per_period"]), context.interval(row["total"])
    assert per_day is not None
    assert total is not None
    period = bounds_interval(
        tuple(pd.Series([row[f"period_{reading}_{end}"]]) for end in BOUND_NAMES)
    )
    expected = per_day.times(period)
    draw = render_bound(context.claim(row["total"]).unit)
    lines: list[Line] = [
        "A daily average does not fit the total over its period.",
        *relation_claims(failure, context),
    ]
    if not row["period"]:
        lines.append(labelled("period", f"{int(row['days'])} days"))
    return [
        *lines,
        f"  {per_day.format(draw)} a day over {period.format(render_bound('days'))} is "
        f"{expected.format(draw)}, but the total is {total.format(draw)}.",
    ]


RULES = per_reading(
    "rate_fits_total", "rate", lambda r: pa.Check.rate_fits_total(reading=r), explain
)
